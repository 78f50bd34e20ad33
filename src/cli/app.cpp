#include "inovasi/cli/app.h"

#include <fmt/core.h>

#include <iostream>
#include <iterator>

#include "inovasi/cli/help_topics.h"
#include "inovasi/store/cache.h"
#include "inovasi/store/workspace.h"
#include "inovasi/util/error.h"
#include "inovasi/util/fs.h"
#include "inovasi/util/text.h"

namespace inovasi::cli {

static const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      init_command(),          add_unit_command(),     add_idea_command(),       check_command(),
      sign_contract_command(), report_command(),       add_regulation_command(), status_command(),
      evaluate_command(),      export_command(),       list_command(),           show_command(),
      fmt_command(),           merge_driver_command(),
  };
  return table;
}

void print_findings(const Findings& findings) {
  Findings sorted = findings;
  sorted.sort();
  for (const auto& f : sorted.items()) {
    if (f.path.empty()) std::cerr << "inovasi: ";
    std::cerr << text::escape_controls(format(f)) << "\n";  // names and values from files
  }
}

std::string read_input(const std::string& path) {
  // Far above any real import (100,000 rows take about 20 MB).
  constexpr std::size_t kMostInput = std::size_t{128} << 20;
  return fs::read_input_bounded(path, kMostInput);
}

// CLI11 reports an unknown command as "A subcommand is required"; find the
// first word that is not an option and name it instead.
static void refuse_unknown_command(int argc, char** argv) {
  std::vector<std::string> names;
  for (const auto& c : commands()) names.emplace_back(c.name);
  names.emplace_back("help");
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "-C") {
      ++i;
      continue;
    }
    if (arg == "--help" || arg == "-h" || arg == "--version") return;
    if (arg.starts_with("-")) continue;
    if (std::find(names.begin(), names.end(), arg) != names.end()) return;
    std::string message = fmt::format("'{}' is not an inovasi command", arg);
    if (help_topic(arg))
      message += fmt::format("; did you mean 'inovasi help {}'?", arg);
    else if (auto near = text::nearest(arg, names))
      message += fmt::format("; did you mean '{}'?", *near);
    throw UsageError(message + "\nRun 'inovasi --help' for the list of commands.");
  }
  throw UsageError("no command given\nRun 'inovasi --help' for the list of commands.");
}

// "records, scoring, csv and periods"
static std::string topic_names(std::string_view last_separator) {
  std::string out;
  const auto& topics = help_topics();
  for (std::size_t i = 0; i < topics.size(); ++i) {
    if (i) out += i + 1 == topics.size() ? last_separator : ", ";
    out += topics[i].name;
  }
  return out;
}

// 'inovasi help WORD' where WORD is neither a command nor a topic.
static void refuse_unknown_help(const std::string& word) {
  std::vector<std::string> names;
  for (const auto& c : commands()) names.emplace_back(c.name);
  names.emplace_back("help");
  for (const auto& t : help_topics()) names.emplace_back(t.name);
  std::string message = fmt::format("'{}' is neither an inovasi command nor a help topic", word);
  if (auto near = text::nearest(word, names)) message += fmt::format("; did you mean '{}'?", *near);
  throw UsageError(
      fmt::format("{}\nRun 'inovasi --help' for the list of commands; the help topics are {}.",
                  message, topic_names(" and ")));
}

// Only evaluate and export take several programmes; every other command
// says so rather than work on one of them.
static void check_scope(const Command& command, const Globals& globals) {
  if (command.scope == Scope::kMany) return;
  if (globals.dirs.size() > 1)
    throw UsageError(fmt::format(
        "'{}' works on one programme, and -C was given {} times; only evaluate and export take "
        "several",
        command.name, globals.dirs.size()));
  if (command.scope == Scope::kNone) return;
  auto workspace = find_workspace(globals.dir);
  if (!workspace) return;
  Findings ignored;  // evaluate and export report them
  std::vector<NamedProgramme> programmes = load_workspace(*workspace, ignored);
  std::string message =
      fmt::format("'{}' works on one programme, and {} lists several: pick one with -C DIR",
                  command.name, ProgrammeDir(*workspace).shown(kWorkspaceFile));
  if (!programmes.empty()) message += ", e.g.";
  for (const NamedProgramme& p : programmes)
    message += fmt::format("\n  inovasi -C {} {}", p.dir.root().string(), command.name);
  throw UsageError(message + "\nOnly evaluate and export take every programme of a workspace.");
}

static const char* kDescription =
    "inovasi keeps the records of a regional innovation programme (ideas, units,\n"
    "performance contracts, quarterly reports) as a git-friendly directory of YAML\n"
    "files, checks them, and writes the summaries the programme office hands on.";

static const char* kFooter =
    "Examples:\n"
    "  inovasi init tuban --name 'Inovasi Daerah Kabupaten Tuban 2018' --region 'Kabupaten Tuban'\n"
    "  inovasi -C tuban add-idea --title 'Antrean online' --unit rsud-koesma --stage 'uji coba'\n"
    "  inovasi check\n"
    "  inovasi evaluate --period 2018-H2 --out laporan/2018-H2\n"
    "\n"
    "Exit status: 0 success, 1 invalid records or input, 2 usage error, 3 I/O or lock failure.\n"
    "The programme directory is -C DIR, else $INOVASI_DIR, else the nearest parent\n"
    "holding inovasi.yaml. evaluate and export take several: -C repeated, or a\n"
    "workspace.yaml listing them (see inovasi(5)).";

// Help that opens with its examples: the summary, then the "Examples:" block
// of the footer, then the usage, the options and the rest of the footer.
class ExamplesFirst : public CLI::Formatter {
 public:
  std::string make_help(const CLI::App* app, std::string name,
                        CLI::AppFormatMode mode) const override {
    const std::string footer = app->get_footer();
    auto at = footer.find("Examples:\n");
    if (mode == CLI::AppFormatMode::Sub || at == std::string::npos)
      return Formatter::make_help(app, std::move(name), mode);
    auto end = footer.find("\n\n", at);
    std::string examples = footer.substr(at, end == std::string::npos ? end : end - at);
    std::string rest = footer.substr(0, at);
    if (end != std::string::npos) rest += footer.substr(end + 2);
    while (!rest.empty() && rest.back() == '\n') rest.pop_back();
    std::string out = make_description(app) + "\n" + examples + "\n\n" + make_usage(app, name) +
                      make_positionals(app) + make_groups(app, mode) + make_subcommands(app, mode);
    if (!rest.empty()) out += "\n" + rest + "\n";
    return out;
  }
};

static int dispatch(int argc, char** argv) {
  CLI::App app(kDescription, "inovasi");
  app.formatter(std::make_shared<ExamplesFirst>());
  app.set_version_flag("--version", std::string("inovasi ") + INOVASI_VERSION);
  app.footer(std::string(kFooter) + "\n\n" + help_topics_list());
  app.require_subcommand(1);
  Globals globals;
  app.add_option("-C", globals.dirs,
                 "Use the programme in DIR (default: $INOVASI_DIR, else the nearest parent with "
                 "inovasi.yaml); evaluate and export take it repeated, or a workspace")
      ->option_text("DIR")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_flag_callback(
      "--no-cache", [] { disable_record_cache(); },
      "Neither read nor write the record cache (.inovasi/cache): read every record file");

  struct Attached {
    CLI::App* sub;
    Runner runner;
    const Command* command;
  };
  std::vector<Attached> runners;
  for (const auto& command : commands()) {
    CLI::App* sub = app.add_subcommand(std::string(command.name), std::string(command.summary));
    sub->fallthrough();
    runners.push_back({sub, command.attach(*sub), &command});
  }
  CLI::App* help =
      app.add_subcommand("help", "Show help for inovasi, for one command, or on a topic");
  std::string topic;
  help->add_option("topic", topic, "A command, or a topic: " + topic_names(" or "));
  help->footer(
      "Examples:\n"
      "  inovasi help evaluate\n"
      "  inovasi help scoring\n"
      "  inovasi help csv | less\n"
      "\n" +
      help_topics_list());

  try {
    refuse_unknown_command(argc, argv);
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {  // --help, --version
      app.exit(e);
      return kOk;
    }
    std::string where;
    for (const auto& [sub, runner, command] : runners)
      if (sub->parsed()) where = fmt::format(" {}", sub->get_name());
    throw UsageError(fmt::format("{}\nRun 'inovasi{} --help' for usage.", e.what(), where));
  }
  if (help->parsed()) {
    if (topic.empty()) {
      // app.help() would describe the parsed "help" subcommand instead.
      std::cout << app.get_formatter()->make_help(&app, "inovasi", CLI::AppFormatMode::Normal);
      return kOk;
    }
    for (const auto& [sub, runner, command] : runners)
      if (sub->get_name() == topic) {
        std::cout << sub->help("inovasi");
        return kOk;
      }
    if (topic == "help") {
      std::cout << help->help("inovasi");
      return kOk;
    }
    if (auto page = help_topic(topic)) {
      std::cout << *page;
      return kOk;
    }
    refuse_unknown_help(topic);
  }
  if (!globals.dirs.empty()) globals.dir = globals.dirs.front();
  for (const auto& [sub, runner, command] : runners)
    if (sub->parsed()) {
      check_scope(*command, globals);
      return runner(globals);
    }
  return kUsage;
}

int run(int argc, char** argv) {
  try {
    return dispatch(argc, argv);
  } catch (const Error& e) {
    if (*e.what()) std::cerr << "inovasi: error: " << e.what() << "\n";
    return e.status();
  } catch (const std::exception& e) {
    std::cerr << "inovasi: error: " << e.what() << "\n";
    return kIoFailure;
  }
}

}  // namespace inovasi::cli
