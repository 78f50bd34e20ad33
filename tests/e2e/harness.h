// Runs the built inovasi binary in a fresh temporary directory per test, the
// way a user would: real files, real processes, exact outputs.
#pragma once
#include <doctest/doctest.h>
#include <sys/types.h>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace e2e {

namespace stdfs = std::filesystem;

// What a finished inovasi process left: its exit status (128 + signal when
// it was killed) and everything it wrote.
struct Result {
  int status = -1;
  std::string out;
  std::string err;
};

// Environment changes for one run, applied to the test's own environment
// after INOVASI_DIR, INOVASI_LANG, NO_COLOR and COLUMNS are cleared. A value of nullopt
// removes the variable.
using Env = std::vector<std::pair<std::string, std::optional<std::string>>>;

// A started inovasi process; wait() collects it.
class Process {
 public:
  Process(const std::vector<std::string>& args, const stdfs::path& cwd, std::string input,
          const Env& env);
  // Another program: a path, or a name looked up in the PATH of `env`.
  Process(const std::string& program, const std::vector<std::string>& args, const stdfs::path& cwd,
          std::string input, const Env& env);
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;
  ~Process();
  Result wait();
  // Sends a signal (e.g. SIGKILL) to the process; wait() still collects it,
  // with status 128 + the signal if it was running.
  void signal(int number);

 private:
  pid_t pid_ = -1;
  int in_ = -1, out_ = -1, err_ = -1;
  std::string input_;
};

// A temporary directory for one test. It is removed when the test passed and
// left behind, its path printed, when the test failed.
class Sandbox {
 public:
  Sandbox();
  // The same, made in `base` instead of $TMPDIR (e.g. on another file system).
  explicit Sandbox(const stdfs::path& base);
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;
  ~Sandbox();

  const stdfs::path& root() const { return root_; }
  stdfs::path path(const std::string& relative) const { return root_ / relative; }

  // Runs `inovasi ARGS...` with the sandbox (or cwd, relative to it) as the
  // working directory.
  Result run(const std::vector<std::string>& args, const std::string& input = {},
             const Env& env = {}) const;
  Result run_in(const std::string& cwd, const std::vector<std::string>& args,
                const std::string& input = {}, const Env& env = {}) const;

  // Runs `inovasi ARGS...` with stdout and stderr on a terminal of the given
  // width (a pseudo-terminal that keeps '\n' as it is); out holds both.
  // `typed` is what the user types on that terminal.
  Result run_on_terminal(const std::vector<std::string>& args, unsigned short columns,
                         const Env& env = {}, const std::string& typed = {}) const;

  // Byte-for-byte file helpers, relative to the sandbox.
  void write(const std::string& relative, const std::string& content) const;
  std::string read(const std::string& relative) const;
  bool exists(const std::string& relative) const;
  // Every entry below `relative` (files, folders, links), sorted, as paths
  // relative to it; folders end in '/'. Lock files (.inovasi.lock) are left
  // out: taking the lock creates one, and git ignores it.
  std::vector<std::string> tree(const std::string& relative = ".") const;

  // A programme in `dir` made by `inovasi init`, with the two units and the
  // priorities and indicators most tests need.
  void make_programme(const std::string& dir = ".") const;

 private:
  stdfs::path root_;
};

// Runs PROGRAM ARGS... (e.g. git) in `cwd`, the way Sandbox::run runs inovasi.
Result run_program(const std::string& program, const std::vector<std::string>& args,
                   const stdfs::path& cwd, const Env& env = {}, const std::string& input = {});

// git as a fresh user would have it: no system or global configuration
// (HOME is the sandbox), English messages, no pager, no prompt.
Env git_env(const Sandbox& sandbox);
// git ARGS... in the sandbox's folder `dir`, with git_env.
Result git(const Sandbox& sandbox, const std::string& dir, const std::vector<std::string>& args);
// A git command that must succeed; its output when it does.
std::string git_ok(const Sandbox& sandbox, const std::string& dir,
                   const std::vector<std::string>& args);

// The lines of a text, without their '\n'.
std::vector<std::string> split_lines(const std::string& text);

// The file's modification time in nanoseconds.
long long mtime_ns(const stdfs::path& path);

// Every file below `folder`, hidden ones too (lock files not), with its
// bytes, by path relative to it: two folders compare equal only when no file
// differs, is missing or is extra.
std::map<std::string, std::string> file_contents(const stdfs::path& folder);
// What tells two file_contents apart, one line a file ("missing: PATH",
// "extra: PATH", "differs: PATH"); empty when they are equal.
std::vector<std::string> differences(const std::map<std::string, std::string>& expected,
                                     const std::map<std::string, std::string>& actual);

// Every file and folder under `from`, copied to `to` (links copied as links),
// but for a record cache (.inovasi/) at its top.
void copy_tree(const stdfs::path& from, const stdfs::path& to);

std::string read_file(const stdfs::path& path);
void write_file(const stdfs::path& path, const std::string& content);

// The absolute path of the inovasi binary under test.
const char* binary();
// tests/fixtures in the source tree.
stdfs::path fixtures();
// tests/golden: expected outputs, byte for byte.
stdfs::path golden_dir();

// Compares a produced output with its golden file; with INOVASI_UPDATE_GOLDEN
// set, rewrites the golden file instead (and the check fails, to be looked at).
void check_golden(const std::string& produced, const stdfs::path& expected);

}  // namespace e2e

// Lists print one entry a line when a comparison fails.
template <>
struct doctest::StringMaker<std::vector<std::string>> {
  static doctest::String convert(const std::vector<std::string>& list) {
    std::string text = "{";
    for (const auto& item : list) text += "\n  " + item;
    return (text + "\n}").c_str();
  }
};
