// inovasi init: a new programme directory with every default spelled out.
#include <fmt/core.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>
#include <set>

#include "inovasi/cli/app.h"
#include "inovasi/store/store.h"
#include "inovasi/store/values.h"
#include "inovasi/util/error.h"
#include "inovasi/util/fs.h"
#include "inovasi/util/messages.h"
#include "inovasi/util/process.h"
#include "options.h"

namespace inovasi::cli {

namespace {

struct InitOptions {
  std::string dir = ".";
  std::string name, region, language = "id", partner, mou_date;
  bool git = false;
};

const char* kFolders[] = {"units", "ideas", "contracts", "reports", "regulations"};

// How git is to call this program: by name when the PATH finds it there,
// else by the full path of the binary that ran init.
std::string inovasi_command() {
  std::string self = process::own_path();
  std::string found = process::find_in_path("inovasi");
  std::error_code ec;
  if (self.empty() || (!found.empty() && stdfs::equivalent(found, self, ec))) return "inovasi";
  return "'" + self + "'";  // git and the hook run it through the shell
}

// The pre-commit hook (and pre-merge-commit, the same check for a merge
// commit): refuses a commit in whose records `inovasi check` finds an error.
// When changes are left unstaged it checks what is staged, in a copy of the
// index, since that is what the commit holds.
std::string check_hook(const std::string& name, const std::string& inovasi) {
  return fmt::format(R"(#!/bin/sh
# Written by 'inovasi init --git': refuses a commit while 'inovasi check'
# finds an error in its records. 'git commit --no-verify' skips it.
inovasi={}
command -v inovasi >/dev/null 2>&1 && inovasi=inovasi
top=$(git rev-parse --show-toplevel) || exit 1
if git diff --quiet; then
  where=$top
else
  where=$(mktemp -d) || exit 1
  trap 'rm -rf "$where"' EXIT
  git checkout-index -a --prefix="$where/" || exit 1
fi
if ! (cd "$where" && "$inovasi" check); then
  echo "{}: 'inovasi check' found errors in what is to be committed; fix them, or commit with --no-verify" >&2
  exit 1
fi
)",
                     inovasi, name);
}

// The lines init adds to .gitignore and .gitattributes.
const char* kIgnored[] = {
    ".inovasi.lock",
    ".inovasi/",
    // The temporary files (".NAME.tmp.PID.N") of a command killed mid-write.
    ".*.tmp.[0-9]*",
};
const char* kAttributes[] = {
    // merge=inovasi: records merge field by field where a clone enables the
    // driver (inovasi-merge-driver(1)); elsewhere git merges lines as usual.
    "*.yaml text eol=lf merge=inovasi",
    "*.md text eol=lf",
};

// A file of lines (.gitignore, .gitattributes) with `lines` added at its end,
// but for those it holds already: the user's lines are kept as they are, and
// running init again adds nothing. Nothing when there is nothing to add.
template <std::size_t N>
std::optional<std::string> with_lines(const std::optional<std::string>& existing,
                                      const char* const (&lines)[N]) {
  std::string text = existing.value_or("");
  std::set<std::string> present;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = std::min(text.find('\n', at), text.size());
    std::string trimmed = text.substr(at, end - at);
    at = end + 1;
    while (!trimmed.empty() && (trimmed.back() == '\r' || trimmed.back() == ' '))
      trimmed.pop_back();
    present.insert(trimmed);
  }
  std::string added;
  for (const char* line : lines)
    if (present.insert(line).second) added += std::string(line) + "\n";
  if (existing && added.empty()) return std::nullopt;
  if (!text.empty() && text.back() != '\n') text += '\n';
  return text + added;
}

// Writes a hook unless the repository has one of that name, which is kept.
void install_hook(const ProgrammeDir& dir, const std::string& name, const std::string& text) {
  const std::string relative = ".git/hooks/" + name;
  stdfs::path hook = dir.absolute(relative);
  std::error_code ec;
  if (stdfs::exists(hook, ec)) {
    std::cerr << msg(
        "{}: kept the hook there; add 'inovasi check' to it to check records before a commit\n",
        dir.shown(relative));
    return;
  }
  stdfs::create_directories(hook.parent_path(), ec);
  fs::AtomicBatch batch;
  batch.add(hook, text);
  batch.commit();
  stdfs::permissions(
      hook, stdfs::perms::owner_exec | stdfs::perms::group_exec | stdfs::perms::others_exec,
      stdfs::perm_options::add, ec);
  if (ec) throw IoError(msg("{}: cannot make it executable: {}", hook.string(), fs::reason(ec)));
}

// Makes the programme a git repository: git init, the merge driver of
// records, and the pre-commit and pre-merge-commit hooks. An existing hook
// is kept.
void make_git_repository(const ProgrammeDir& dir) {
  const std::string root = dir.root().string();
  auto git = [&](const std::vector<std::string>& args) {
    std::vector<std::string> command = {"git"};
    command.insert(command.end(), args.begin(), args.end());
    if (process::run(command, root, true) != 0)
      throw IoError(
          msg("{}: 'git {}' failed; the programme is written, without git", root, args.front()));
  };
  git({"init", "-q"});
  std::string inovasi = inovasi_command();
  git({"config", "merge.inovasi.name", "inovasi records, field by field"});
  git({"config", "merge.inovasi.driver", inovasi + " merge-driver %O %A %B %P"});
  for (const char* name : {"pre-commit", "pre-merge-commit"})
    install_hook(dir, name, check_hook(name, inovasi));
}

int run_init(const InitOptions& o) {
  Language language = option_value<Language>(o.language, "--language").value_or(Language::kId);
  Programme programme = Programme::with_defaults(o.name, o.region, language);
  programme.partner = o.partner;
  programme.mou_date = option_value<Date>(o.mou_date, "--mou-date");
  ProgrammeDir dir{stdfs::path(o.dir)};
  if (o.git && process::run({"git", "--version"}, {}, true) != 0)
    throw UsageError(tr("--git: git is not installed or not in PATH (apt install git)"));
  std::error_code ec;
  if (stdfs::exists(dir.absolute(kProgrammeFile), ec))
    throw InvalidInput(msg("{}: a programme exists here already; refusing to overwrite it",
                           dir.shown(kProgrammeFile)));
  stdfs::create_directories(dir.root(), ec);
  if (ec) throw IoError(msg("{}: cannot create: {}", o.dir, fs::reason(ec)));

  Transaction transaction(dir);
  transaction.stage(kProgrammeFile, canonical_text(programme));
  for (const char* folder : kFolders) transaction.stage(std::string(folder) + "/.gitkeep", "");
  // An existing .gitattributes and .gitignore (init in a repository) keep
  // every line; ours are added after them.
  for (const auto& [file, text] :
       {std::pair{".gitattributes",
                  with_lines(fs::read_file_if_exists(dir.absolute(".gitattributes")), kAttributes)},
        std::pair{".gitignore",
                  with_lines(fs::read_file_if_exists(dir.absolute(".gitignore")), kIgnored)}})
    if (text) transaction.stage(file, *text);
  transaction.commit();
  if (o.git) make_git_repository(dir);
  if (o.git)
    std::cout << msg(
        "created programme '{}' in {}, a git repository that checks records before "
        "each commit\n",
        o.name, o.dir);
  else
    std::cout << msg("created programme '{}' in {}\n", o.name, o.dir);
  return kOk;
}

}  // namespace

Command init_command() {
  return {
      "init", tr_noop("Create a programme directory"),
      [](CLI::App& app) -> Runner {
        auto o = std::make_shared<InitOptions>();
        app.add_option("dir", o->dir, tr("Where to create it (default: the working directory)"));
        app.add_option("--name", o->name, tr("Name of the programme"))->required();
        app.add_option("--region", o->region, tr("The kabupaten or kota, e.g. 'Kabupaten Tuban'"))
            ->required();
        app.add_option("--language", o->language, tr("Language of generated reports: id or en"))
            ->capture_default_str();
        app.add_option("--partner", o->partner,
                       tr("Partner institution, e.g. 'Lembaga Administrasi Negara'"));
        app.add_option("--mou-date", o->mou_date, tr("Date the MoU was signed (YYYY-MM-DD)"));
        app.add_flag("--git", o->git,
                     tr("Also make it a git repository: merge driver for records, and a "
                        "pre-commit hook that runs 'inovasi check'"));
        app.footer(tr(
            "Examples:\n"
            "  inovasi init tuban --name 'Inovasi Daerah Kabupaten Tuban 2018' --region 'Kabupaten "
            "Tuban'\n"
            "  inovasi init --name 'Inovasi Daerah 2019' --region 'Kota Batu' --language en \\\n"
            "      --partner 'Lembaga Administrasi Negara' --mou-date 2019-02-11\n"
            "  inovasi init lamongan --name 'Inovasi Daerah Lamongan' --region 'Kabupaten "
            "Lamongan' "
            "--git"));
        return [o](const Globals& g) {
          InitOptions options = *o;
          if (options.dir == "." && !g.dir.empty()) options.dir = g.dir;
          return run_init(options);
        };
      },
      Scope::kNone};
}

}  // namespace inovasi::cli
