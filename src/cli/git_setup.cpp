// inovasi git-setup: a programme directory made ready for git, in a clone
// or in a programme made without --git; init --git does the same.
#include "git_setup.h"

#include <fmt/core.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>
#include <set>

#include "inovasi/cli/app.h"
#include "inovasi/util/error.h"
#include "inovasi/util/fs.h"
#include "inovasi/util/messages.h"
#include "inovasi/util/process.h"

namespace inovasi::cli {

namespace {

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
# Written by 'inovasi git-setup' (or init --git): refuses a commit while 'inovasi check'
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
// running git-setup again adds nothing. Nothing when there is nothing to add.
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

// Those of init --git before git-setup were "Written by 'inovasi init --git'".
constexpr std::string_view kHookMark = "#!/bin/sh\n# Written by 'inovasi ";

// Writes a hook unless the repository has one of that name, which is kept;
// one written by git-setup is written anew (the path to inovasi may have
// changed), unless it is the same already.
void install_hook(const ProgrammeDir& dir, const std::string& name, const std::string& text) {
  const std::string relative = ".git/hooks/" + name;
  stdfs::path hook = dir.absolute(relative);
  std::error_code ec;
  std::optional<std::string> existing;
  if (stdfs::is_regular_file(hook, ec)) existing = fs::read_file_if_exists(hook);
  if (existing == text) return;
  if (stdfs::exists(stdfs::symlink_status(hook, ec)) &&
      !(existing && existing->starts_with(kHookMark))) {
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

}  // namespace

void stage_git_files(const ProgrammeDir& dir, Transaction& transaction) {
  for (const auto& [file, text] :
       {std::pair{".gitattributes",
                  with_lines(fs::read_file_if_exists(dir.absolute(".gitattributes")), kAttributes)},
        std::pair{".gitignore",
                  with_lines(fs::read_file_if_exists(dir.absolute(".gitignore")), kIgnored)}})
    if (text) transaction.stage(file, *text);
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

namespace {

int run_git_setup(const Globals& g) {
  ProgrammeDir dir = ProgrammeDir::locate(g.dir);
  if (process::run({"git", "--version"}, {}, true) != 0)
    throw UsageError(tr("git is not installed or not in PATH (apt install git)"));
  // The hooks check the records at the top of the repository: a programme
  // in a folder of a larger one would be checked where it is not.
  std::error_code ec;
  if (!stdfs::exists(dir.absolute(".git"), ec) &&
      process::run({"git", "rev-parse", "--is-inside-work-tree"}, dir.root().string(), true) == 0)
    throw UsageError(
        msg("{}: is a folder inside a git repository, not its top; git-setup sets "
            "up a repository whose top is the programme",
            dir.root().string()));
  {
    Transaction transaction(dir);
    stage_git_files(dir, transaction);
    for (const auto& relative : transaction.commit())
      std::cout << msg("updated {}", dir.shown(relative)) << "\n";
  }
  make_git_repository(dir);
  std::string where = dir.shown("");
  where = where.empty() ? "." : where.substr(0, where.size() - 1);
  std::cout << msg(
      "{} is a git repository that merges records field by field and checks them "
      "before each commit\n",
      where);
  return kOk;
}

}  // namespace

Command git_setup_command() {
  return {"git-setup", tr_noop("Make the programme ready for git: ignores, merge driver, hooks"),
          [](CLI::App& app) -> Runner {
            app.footer(
                tr("Adds the programme's lines to .gitignore and .gitattributes (once), runs\n"
                   "'git init' when there is no repository, sets the merge driver of records\n"
                   "and writes the pre-commit and pre-merge-commit hooks that run 'inovasi\n"
                   "check' (a hook that is there is kept). Run it once in each clone: git\n"
                   "copies neither its configuration nor its hooks. Running it again changes\n"
                   "nothing.\n"
                   "\n"
                   "Examples:\n"
                   "  inovasi git-setup\n"
                   "  inovasi -C inovasi-2018 git-setup"));
            return [](const Globals& g) { return run_git_setup(g); };
          }};
}

}  // namespace inovasi::cli
