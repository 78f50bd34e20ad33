#include "inovasi/cli/app.h"

#include <fmt/core.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <regex>

#include "inovasi/cli/help_topics.h"
#include "inovasi/store/cache.h"
#include "inovasi/store/workspace.h"
#include "inovasi/util/error.h"
#include "inovasi/util/fs.h"
#include "inovasi/util/messages.h"
#include "inovasi/util/text.h"
#include "options.h"

namespace inovasi::cli {

static const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      init_command(),
      add_unit_command(),
      add_idea_command(),
      check_command(),
      sign_contract_command(),
      report_command(),
      add_regulation_command(),
      status_command(),
      evaluate_command(),
      export_command(),
      list_command(),
      show_command(),
      fmt_command(),
      merge_driver_command(),
      git_setup_command(),
      set_command(),
      stage_command(),
      step_command(),
      mv_command(),
      rm_command(),
      edit_command(),
  };
  return table;
}

// A hostile file can make hundreds of thousands of findings: they are sorted
// by reference rather than copied, and written in large pieces (std::cerr
// writes each insertion at once).
void print_findings(const Findings& findings) {
  std::vector<const Finding*> sorted;
  sorted.reserve(findings.size());
  for (const auto& f : findings.items()) sorted.push_back(&f);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Finding* a, const Finding* b) { return comes_before(*a, *b); });
  std::string text;
  for (const Finding* f : sorted) {
    if (f->path.empty()) text += "inovasi: ";
    text += text::escape_controls(format(*f)) + "\n";  // names and values from files
    if (text.size() >= (1 << 16)) {
      std::cerr << text;
      text.clear();
    }
  }
  std::cerr << text;
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
    if (arg == "-C" || arg == "--lang") {
      ++i;
      continue;
    }
    if (arg == "--help" || arg == "-h" || arg == "--version") return;
    if (arg.starts_with("-")) continue;
    if (std::find(names.begin(), names.end(), arg) != names.end()) return;
    std::string message = msg("'{}' is not an inovasi command", arg);
    if (help_topic(arg))
      message += msg("; did you mean 'inovasi help {}'?", arg);
    else if (auto near = text::nearest(arg, names))
      message += msg("; did you mean '{}'?", *near);
    throw UsageError(message + "\n" + tr("Run 'inovasi --help' for the list of commands."));
  }
  throw UsageError(tr("no command given") + "\n" +
                   tr("Run 'inovasi --help' for the list of commands."));
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
  std::string message = msg("'{}' is neither an inovasi command nor a help topic", word);
  if (auto near = text::nearest(word, names)) message += msg("; did you mean '{}'?", *near);
  throw UsageError(message + "\n" +
                   msg("Run 'inovasi --help' for the list of commands; the help topics are {}.",
                       topic_names(tr(" and "))));
}

// CLI11's own message of a command line it refuses, in the language of the
// messages: its few sentences, each with the names and values it gives.
static std::string parse_error_message(const CLI::ParseError& e) {
  std::string english = e.what();
  if (message_language() == MessageLanguage::kEnglish) return english;
  struct Form {
    const char* pattern;
    std::string (*say)(const std::smatch&);
  };
  static const Form forms[] = {
      {"The following argument was not expected: (.*)",
       [](const std::smatch& m) {
         return msg("The following argument was not expected: {}", m.str(1));
       }},
      {"The following arguments were not expected: (.*)",
       [](const std::smatch& m) {
         return msg("The following arguments were not expected: {}", m.str(1));
       }},
      {"(.*): \\d+ required \\S+ missing",
       [](const std::smatch& m) { return msg("{} needs a value", m.str(1)); }},
      {"(.*): (.*) not in (\\{.*\\})",
       [](const std::smatch& m) { return msg("{}: {} not in {}", m.str(1), m.str(2), m.str(3)); }},
      {"(.*): At Most 1 required but received (\\d+)",
       [](const std::smatch& m) {
         return msg("{} is given {} times; it takes one", m.str(1), m.str(2));
       }},
      {"(.*) requires (.*)",
       [](const std::smatch& m) { return msg("{} requires {}", m.str(1), m.str(2)); }},
      {"(.*) excludes (.*)",
       [](const std::smatch& m) { return msg("{} excludes {}", m.str(1), m.str(2)); }},
      {"Could not convert: (.*) = (.*)",
       [](const std::smatch& m) { return msg("{} cannot be {}", m.str(1), m.str(2)); }},
      {"(.*) is required", [](const std::smatch& m) { return msg("{} is required", m.str(1)); }},
  };
  for (const Form& form : forms) {
    std::smatch match;
    if (std::regex_match(english, match, std::regex(form.pattern))) return form.say(match);
  }
  return english;
}

// The language asked for: --lang anywhere on the command line (the last
// one), else INOVASI_LANG, which may be a locale name (id_ID.UTF-8). Read
// before the command line is parsed, so that help and parse errors speak it
// too; a --lang value that is neither language is refused by the parse.
static std::optional<Language> language_asked(int argc, char** argv) {
  std::optional<Language> asked;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") break;
    std::string value;
    if (arg == "--lang" && i + 1 < argc)
      value = argv[++i];
    else if (arg.starts_with("--lang="))
      value = arg.substr(7);
    else
      continue;
    Language language{};
    if (!parse_value(value, language)) asked = language;
  }
  if (asked) return asked;
  const char* env = std::getenv("INOVASI_LANG");
  if (!env || !*env) return std::nullopt;
  std::string_view given = env;
  Language language{};
  if (!parse_value(std::string(given.substr(0, given.find_first_of("_.@"))), language))
    return language;
  throw UsageError(msg("INOVASI_LANG is '{}'; it must be id (Indonesian) or en (English)", given));
}

// Only evaluate and export take several programmes; every other command
// says so rather than work on one of them.
static void check_scope(const Command& command, const Globals& globals) {
  if (command.scope == Scope::kMany) return;
  if (globals.dirs.size() > 1)
    throw UsageError(
        msg("'{}' works on one programme, and -C was given {} times; only evaluate and export take "
            "several",
            command.name, globals.dirs.size()));
  if (command.scope == Scope::kNone) return;
  auto workspace = find_workspace(globals.dir);
  if (!workspace) return;
  Findings ignored;  // evaluate and export report them
  std::vector<NamedProgramme> programmes = load_workspace(*workspace, ignored);
  std::string message =
      msg("'{}' works on one programme, and {} lists several: pick one with -C DIR", command.name,
          ProgrammeDir(*workspace).shown(kWorkspaceFile));
  if (!programmes.empty()) message += tr(", e.g.");
  for (const NamedProgramme& p : programmes)
    message += fmt::format("\n  inovasi -C {} {}", p.dir.root().string(), command.name);
  throw UsageError(message + "\n" +
                   tr("Only evaluate and export take every programme of a workspace."));
}

static const char* kDescription = tr_noop(
    "inovasi keeps the records of a regional innovation programme (ideas, units,\n"
    "performance contracts, quarterly reports) as a git-friendly directory of YAML\n"
    "files, checks them, and writes the summaries the programme office hands on.");

static const char* kFooter = tr_noop(
    "Examples:\n"
    "  inovasi init tuban --name 'Inovasi Daerah Kabupaten Tuban 2018' --region 'Kabupaten Tuban'\n"
    "  inovasi -C tuban add-idea --title 'Antrean online' --unit rsud-koesma --stage 'uji coba'\n"
    "  inovasi check\n"
    "  inovasi evaluate --period 2018-H2 --out laporan/2018-H2\n"
    "\n"
    "Exit status: 0 success, 1 invalid records or input, 2 usage error, 3 I/O or lock failure.\n"
    "The programme directory is -C DIR, else $INOVASI_DIR, else the nearest parent\n"
    "holding inovasi.yaml. evaluate and export take several: -C repeated, or a\n"
    "workspace.yaml listing them (see inovasi(5)).");

// Help that opens with its examples: the summary, then the "Examples:" block
// of the footer, then the usage, the options and the rest of the footer.
class ExamplesFirst : public CLI::Formatter {
 public:
  ExamplesFirst() {
    // CLI11's own words, in the language of the messages.
    for (const char* word : {tr_noop("Usage"), tr_noop("OPTIONS"), tr_noop("SUBCOMMAND"),
                             tr_noop("Positionals"), tr_noop("REQUIRED"), tr_noop("TEXT")})
      label(word, tr(word));
  }

  std::string make_help(const CLI::App* app, std::string name,
                        CLI::AppFormatMode mode) const override {
    const std::string footer = app->get_footer();
    auto at = footer.find(tr("Examples:") + "\n");
    if (at == std::string::npos) at = footer.find("Examples:\n");  // not translated yet
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
  Globals globals;
  globals.language = language_asked(argc, argv);
  set_message_language(globals.language == Language::kId ? MessageLanguage::kIndonesian
                                                         : MessageLanguage::kEnglish);
  CLI::App app(tr(kDescription), "inovasi");
  app.formatter(std::make_shared<ExamplesFirst>());
  app.option_defaults()->group(tr("Options"));
  app.set_help_flag("-h,--help", tr("Print this help message and exit"));
  app.set_version_flag("--version", std::string("inovasi ") + INOVASI_VERSION,
                       tr("Display program version information and exit"));
  app.footer(tr(kFooter) + "\n\n" + help_topics_list());
  app.require_subcommand(1);
  app.add_option("-C", globals.dirs,
                 tr("Use the programme in DIR (default: $INOVASI_DIR, else the nearest "
                    "parent with inovasi.yaml); evaluate and export take it repeated, "
                    "or a workspace"))
      ->option_text("DIR")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--lang", globals.lang,
                 tr("Language of messages and help, and of reports: id (Indonesian) or en "
                    "(English); default: $INOVASI_LANG, else English messages and reports in the "
                    "programme's language"))
      ->type_name("LANG")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.add_flag_callback(
      "--no-cache", [] { disable_record_cache(); },
      tr("Neither read nor write the record cache (.inovasi/cache): read every "
         "record file"));

  struct Attached {
    CLI::App* sub;
    Runner runner;
    const Command* command;
  };
  std::vector<Attached> runners;
  for (const auto& command : commands()) {
    CLI::App* sub = app.add_subcommand(std::string(command.name), tr(command.summary));
    sub->fallthrough();
    sub->group(tr("Subcommands"));
    sub->set_help_flag("-h,--help", tr("Print this help message and exit"));  // in Options
    runners.push_back({sub, command.attach(*sub), &command});
  }
  CLI::App* help =
      app.add_subcommand("help", tr("Show help for inovasi, for one command, or on a topic"));
  help->group(tr("Subcommands"));
  help->fallthrough();  // -C, --lang after the topic
  help->set_help_flag("-h,--help", tr("Print this help message and exit"));
  std::string topic;
  help->add_option("topic", topic, msg("A command, or a topic: {}", topic_names(tr(" or "))));
  help->footer(tr("Examples:") +
               "\n"
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
    throw UsageError(parse_error_message(e) + "\n" +
                     msg("Run 'inovasi{} --help' for usage.", where));
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
  option_value<Language>(globals.lang, "--lang");  // refuses a language it does not know
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
    if (*e.what()) std::cerr << "inovasi: " << tr("error") << ": " << e.what() << "\n";
    return e.status();
  } catch (const std::exception& e) {
    std::cerr << "inovasi: " << tr("error") << ": " << e.what() << "\n";
    return kIoFailure;
  }
}

}  // namespace inovasi::cli
