#include "harness.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace e2e {

namespace {

// A process that runs longer than this is stuck; it is killed and reported.
constexpr auto kTimeout = std::chrono::seconds(120);

[[noreturn]] void fail_system(const std::string& what) {
  throw std::runtime_error(what + ": " + std::strerror(errno));
}

// Counts failed assertions of the running test, so that a Sandbox knows
// whether to keep its directory for a post-mortem.
int g_failures = 0;

struct FailureCounter : doctest::IReporter {
  explicit FailureCounter(const doctest::ContextOptions&) {}
  void report_query(const doctest::QueryData&) override {}
  void test_run_start() override {}
  void test_run_end(const doctest::TestRunStats&) override {}
  void test_case_start(const doctest::TestCaseData&) override { g_failures = 0; }
  void test_case_reenter(const doctest::TestCaseData&) override {}
  void test_case_end(const doctest::CurrentTestCaseStats&) override {}
  void test_case_exception(const doctest::TestCaseException&) override { ++g_failures; }
  void subcase_start(const doctest::SubcaseSignature&) override {}
  void subcase_end() override {}
  void log_assert(const doctest::AssertData& data) override {
    if (data.m_failed) ++g_failures;
  }
  void log_message(const doctest::MessageData&) override {}
  void test_case_skipped(const doctest::TestCaseData&) override {}
};

REGISTER_LISTENER("sandbox-failures", 1, FailureCounter);

// The child's environment: ours, without what would steer inovasi from
// outside the test, then the test's own changes.
std::vector<std::string> child_environment(const Env& changes) {
  std::vector<std::pair<std::string, std::optional<std::string>>> all = {
      {"INOVASI_DIR", std::nullopt},
      {"NO_COLOR", std::nullopt},
      {"COLUMNS", std::nullopt},
      {"INOVASI_LANG", std::nullopt}};
  all.insert(all.end(), changes.begin(), changes.end());
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) env.emplace_back(*e);
  for (const auto& [name, value] : all) {
    std::erase_if(env, [&](const std::string& entry) { return entry.starts_with(name + "="); });
    if (value) env.push_back(name + "=" + *value);
  }
  return env;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

}  // namespace

const char* binary() {
  return INOVASI_BIN;
}

stdfs::path fixtures() {
  return FIXTURES_DIR;
}

stdfs::path golden_dir() {
  return fixtures().parent_path() / "golden";
}

void check_golden(const std::string& produced, const stdfs::path& expected) {
  CAPTURE(expected.string());
  if (std::getenv("INOVASI_UPDATE_GOLDEN")) {
    stdfs::create_directories(expected.parent_path());
    write_file(expected, produced);
    CHECK_MESSAGE(false,
                  "golden file rewritten; review the diff, then run without "
                  "INOVASI_UPDATE_GOLDEN");
    return;
  }
  CHECK(produced == read_file(expected));
}

// The program's path as execve needs it: a bare name is looked up in PATH.
static std::string find_program(const std::string& program, const std::vector<std::string>& env) {
  if (program.find('/') != std::string::npos) return program;
  for (const auto& entry : env) {
    if (!entry.starts_with("PATH=")) continue;
    std::stringstream dirs(entry.substr(5));
    for (std::string dir; std::getline(dirs, dir, ':');) {
      stdfs::path candidate = stdfs::path(dir.empty() ? "." : dir) / program;
      if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
    }
  }
  return program;  // execve fails and the child exits 127
}

Process::Process(const std::vector<std::string>& args, const stdfs::path& cwd, std::string input,
                 const Env& env)
    : Process(binary(), args, cwd, std::move(input), env) {}

Process::Process(const std::string& program, const std::vector<std::string>& args,
                 const stdfs::path& cwd, std::string input, const Env& env)
    : input_(std::move(input)) {
  // A child that exits without reading its input must not kill the test.
  ::signal(SIGPIPE, SIG_IGN);
  std::vector<std::string> env_strings = child_environment(env);
  std::vector<std::string> argv_strings = {find_program(program, env_strings)};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv = pointers(argv_strings);
  std::vector<char*> envp = pointers(env_strings);
  std::string dir = cwd.string();

  int in[2], out[2], err[2];
  if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0)
    fail_system("pipe");
  pid_ = ::fork();
  if (pid_ < 0) fail_system("fork");
  if (pid_ == 0) {
    // Only async-signal-safe calls between fork and exec.
    if (::chdir(dir.c_str()) != 0) ::_exit(126);
    ::dup2(in[0], 0);
    ::dup2(out[1], 1);
    ::dup2(err[1], 2);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  ::close(err[1]);
  in_ = in[1];
  out_ = out[0];
  err_ = err[0];
  ::fcntl(in_, F_SETFL, O_NONBLOCK);
  if (input_.empty()) close_fd(in_);
}

Process::~Process() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  close_fd(in_);
  close_fd(out_);
  close_fd(err_);
}

void Process::signal(int number) {
  if (pid_ > 0) ::kill(pid_, number);
}

Result Process::wait() {
  Result result;
  std::size_t written = 0;
  auto deadline = std::chrono::steady_clock::now() + kTimeout;
  while (out_ >= 0 || err_ >= 0) {
    std::vector<pollfd> fds;
    if (in_ >= 0) fds.push_back({in_, POLLOUT, 0});
    if (out_ >= 0) fds.push_back({out_, POLLIN, 0});
    if (err_ >= 0) fds.push_back({err_, POLLIN, 0});
    int ready = ::poll(fds.data(), fds.size(), 1000);
    if (ready < 0 && errno != EINTR) fail_system("poll");
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid_, SIGKILL);
      throw std::runtime_error("inovasi ran for longer than " + std::to_string(kTimeout.count()) +
                               " s; killed");
    }
    for (const auto& p : fds) {
      if (!p.revents) continue;
      if (p.fd == in_) {
        ssize_t n = ::write(in_, input_.data() + written, input_.size() - written);
        if (n > 0) written += static_cast<std::size_t>(n);
        if (n < 0 && errno != EAGAIN && errno != EINTR) close_fd(in_);  // EPIPE: it stopped reading
        if (written == input_.size()) close_fd(in_);
        continue;
      }
      char buffer[65536];
      ssize_t n = ::read(p.fd, buffer, sizeof buffer);
      if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
      std::string& sink = p.fd == out_ ? result.out : result.err;
      if (n > 0) {
        sink.append(buffer, static_cast<std::size_t>(n));
      } else {
        close_fd(p.fd == out_ ? out_ : err_);
      }
    }
  }
  close_fd(in_);
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0)
    if (errno != EINTR) fail_system("waitpid");
  pid_ = -1;
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

static stdfs::path temporary_folder() {
  const char* tmp = std::getenv("TMPDIR");
  return tmp && *tmp ? tmp : "/tmp";
}

Sandbox::Sandbox() : Sandbox(temporary_folder()) {}

Sandbox::Sandbox(const stdfs::path& base) {
  std::string pattern = (base / "inovasi-e2e-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) fail_system("mkdtemp");
  // The canonical path, so that what the program prints can be compared.
  root_ = stdfs::canonical(pattern);
}

Sandbox::~Sandbox() {
  if (g_failures > 0 || std::uncaught_exceptions() > 0) {
    std::cerr << "test directory left behind for inspection: " << root_.string() << "\n";
    return;
  }
  std::error_code ec;
  stdfs::remove_all(root_, ec);
}

Result Sandbox::run(const std::vector<std::string>& args, const std::string& input,
                    const Env& env) const {
  return run_in(".", args, input, env);
}

Result Sandbox::run_in(const std::string& cwd, const std::vector<std::string>& args,
                       const std::string& input, const Env& env) const {
  Process process(args, root_ / cwd, input, env);
  return process.wait();
}

Result Sandbox::run_on_terminal(const std::vector<std::string>& args, unsigned short columns,
                                const Env& env, const std::string& typed) const {
  std::vector<std::string> argv_strings = {binary()};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<std::string> env_strings = child_environment(env);
  std::vector<char*> argv = pointers(argv_strings);
  std::vector<char*> envp = pointers(env_strings);
  std::string dir = root_.string();

  struct termios mode {};
  cfmakeraw(&mode);  // no '\n' -> "\r\n", no echo
  struct winsize size {};
  size.ws_row = 24;
  size.ws_col = columns;
  int terminal = -1;
  pid_t pid = ::forkpty(&terminal, nullptr, &mode, &size);
  if (pid < 0) fail_system("forkpty");
  if (pid == 0) {
    if (::chdir(dir.c_str()) != 0) ::_exit(126);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  // Typed ahead: the terminal holds it until the command reads it.
  if (!typed.empty() &&
      ::write(terminal, typed.data(), typed.size()) != static_cast<ssize_t>(typed.size()))
    fail_system("write to the terminal");
  Result result;
  auto deadline = std::chrono::steady_clock::now() + kTimeout;
  while (true) {
    pollfd fd{terminal, POLLIN, 0};
    int ready = ::poll(&fd, 1, 1000);
    if (ready < 0 && errno != EINTR) fail_system("poll");
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, nullptr, 0);
      ::close(terminal);
      throw std::runtime_error("inovasi ran for longer than " + std::to_string(kTimeout.count()) +
                               " s; killed");
    }
    if (ready <= 0) continue;
    char buffer[65536];
    ssize_t n = ::read(terminal, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // EIO once the child has closed its side
    result.out.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(terminal);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) fail_system("waitpid");
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

std::string read_file(const stdfs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

void write_file(const stdfs::path& path, const std::string& content) {
  if (path.has_parent_path()) stdfs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
}

void Sandbox::write(const std::string& relative, const std::string& content) const {
  write_file(root_ / relative, content);
}

std::string Sandbox::read(const std::string& relative) const {
  return read_file(root_ / relative);
}

bool Sandbox::exists(const std::string& relative) const {
  std::error_code ec;
  return stdfs::exists(stdfs::symlink_status(root_ / relative, ec));
}

std::vector<std::string> Sandbox::tree(const std::string& relative) const {
  stdfs::path base = root_ / relative;
  std::vector<std::string> entries;
  for (const auto& entry : stdfs::recursive_directory_iterator(base)) {
    if (entry.path().filename() == ".inovasi.lock") continue;
    std::string name = stdfs::relative(entry.path(), base).string();
    if (entry.is_directory() && !entry.is_symlink()) name += "/";
    entries.push_back(name);
  }
  std::sort(entries.begin(), entries.end());
  return entries;
}

void copy_tree(const stdfs::path& from, const stdfs::path& to) {
  stdfs::create_directories(to);
  stdfs::copy(from, to, stdfs::copy_options::recursive | stdfs::copy_options::copy_symlinks);
  // A record cache that reading the source left there is not the programme's.
  std::error_code ignored;
  stdfs::remove_all(to / ".inovasi", ignored);
}

Result run_program(const std::string& program, const std::vector<std::string>& args,
                   const stdfs::path& cwd, const Env& env, const std::string& input) {
  Process process(program, args, cwd, input, env);
  return process.wait();
}

std::map<std::string, std::string> file_contents(const stdfs::path& folder) {
  std::map<std::string, std::string> files;
  for (const auto& entry : stdfs::recursive_directory_iterator(folder)) {
    if (entry.is_directory() || entry.path().filename() == ".inovasi.lock") continue;
    files[stdfs::relative(entry.path(), folder).string()] = read_file(entry.path());
  }
  return files;
}

std::vector<std::string> differences(const std::map<std::string, std::string>& expected,
                                     const std::map<std::string, std::string>& actual) {
  std::vector<std::string> lines;
  for (const auto& [path, content] : expected) {
    auto it = actual.find(path);
    if (it == actual.end())
      lines.push_back("missing: " + path);
    else if (it->second != content)
      lines.push_back("differs: " + path);
  }
  for (const auto& [path, content] : actual)
    if (!expected.count(path)) lines.push_back("extra: " + path);
  return lines;
}

long long mtime_ns(const stdfs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) fail_system("stat " + path.string());
  return static_cast<long long>(st.st_mtim.tv_sec) * 1'000'000'000LL + st.st_mtim.tv_nsec;
}

static const char* kProgramme =
    "name: Inovasi Daerah Kabupaten Tuban 2018\n"
    "region: Kabupaten Tuban\n"
    "partner: Lembaga Administrasi Negara\n"
    "mou_date: 2018-04-03\n"
    "language: id\n"
    "reporting:\n"
    "  every_months: 3\n"
    "  grace_days: 10\n"
    "evaluation:\n"
    "  every_months: 6\n"
    "scale:\n"
    "  cap: 120\n"
    "  bands:\n"
    "    - {min: 91, label: {id: Sangat Tinggi, en: Very high}}\n"
    "    - {min: 76, label: {id: Tinggi, en: High}}\n"
    "    - {min: 66, label: {id: Sedang, en: Medium}}\n"
    "    - {min: 51, label: {id: Rendah, en: Low}}\n"
    "    - {min: 0, label: {id: Sangat Rendah, en: Very low}}\n"
    "priorities:\n"
    "  - {id: misi-2, title: Meningkatkan kualitas pelayanan publik}\n"
    "  - {id: misi-4, title: Meningkatkan tata kelola pemerintahan}\n"
    "indicators:\n"
    "  - {id: ikm, name: Indeks Kepuasan Masyarakat, priority: misi-2, unit: indeks}\n"
    "  - {id: sakip, name: Nilai SAKIP, priority: misi-4}\n";

void Sandbox::make_programme(const std::string& dir) const {
  stdfs::path base = root_ / dir;
  write_file(base / "inovasi.yaml", kProgramme);
  write_file(base / "units/rsud-koesma.yaml",
             "id: rsud-koesma\n"
             "name: RSUD dr. R. Koesma\n"
             "kind: hospital\n");
  write_file(base / "units/bappeda.yaml",
             "id: bappeda\n"
             "name: Badan Perencanaan Pembangunan Daerah\n"
             "kind: badan\n");
  stdfs::create_directories(base / "ideas");
}

Env git_env(const Sandbox& sandbox) {
  return {{"GIT_CONFIG_NOSYSTEM", "1"},
          {"HOME", sandbox.root().string()},
          {"XDG_CONFIG_HOME", (sandbox.root() / ".config").string()},
          {"GIT_CONFIG_GLOBAL", std::nullopt},
          {"GIT_DIR", std::nullopt},
          {"GIT_WORK_TREE", std::nullopt},
          {"GIT_INDEX_FILE", std::nullopt},
          {"GIT_CONFIG_PARAMETERS", std::nullopt},
          {"GIT_AUTHOR_DATE", "2018-10-01T08:00:00+07:00"},
          {"GIT_COMMITTER_DATE", "2018-10-01T08:00:00+07:00"},
          {"LC_ALL", "C"},
          {"LANGUAGE", std::nullopt},
          {"GIT_PAGER", "cat"},
          {"GIT_TERMINAL_PROMPT", "0"}};
}

Result git(const Sandbox& sandbox, const std::string& dir, const std::vector<std::string>& args) {
  return run_program("git", args, sandbox.path(dir), git_env(sandbox));
}

std::string git_ok(const Sandbox& sandbox, const std::string& dir,
                   const std::vector<std::string>& args) {
  Result r = git(sandbox, dir, args);
  std::string call = "git";
  for (const auto& a : args) call += " " + a;
  INFO(call, " in ", dir, "\n", r.out, r.err);
  REQUIRE(r.status == 0);
  return r.out;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace e2e
