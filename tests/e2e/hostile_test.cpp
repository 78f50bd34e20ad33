// Hostile input: the broken and malicious records, CSV files and options of
// tests/hostile, and inputs too big to commit made here. Every case exits 1
// (3 where a write would go through a symbolic link) with its exact messages,
// leaves the programme as it was, and is killed as hung past a watchdog.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <thread>

#include "harness.h"

extern char** environ;

using namespace e2e;

namespace {

stdfs::path hostile() {
  return fixtures().parent_path() / "hostile";
}

// Generous: the goal is well under a second; only a hang comes near this.
constexpr auto kWatchdog = std::chrono::seconds(20);

struct Timed {
  Result result;
  double seconds = 0;
};

// How long each case took, printed at the end when INOVASI_HOSTILE_TIMES
// names a file to write them to.
std::vector<std::pair<std::string, double>>& timings() {
  static std::vector<std::pair<std::string, double>> all;
  return all;
}

void write_timings() {
  const char* path = std::getenv("INOVASI_HOSTILE_TIMES");
  if (!path || !*path) return;
  std::ofstream out(path, std::ios::app);
  for (const auto& [name, seconds] : timings()) out << seconds << "\t" << name << "\n";
  timings().clear();
}

// Runs inovasi in `cwd` with stdin empty and its output in files, killing it
// when the watchdog expires.
Timed run_watched(const Sandbox& sandbox, const std::string& cwd,
                  const std::vector<std::string>& args, const std::string& name) {
  std::vector<std::string> argv_strings = {binary()};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) {
    std::string_view entry = *e;
    if (!entry.starts_with("INOVASI_DIR=") && !entry.starts_with("NO_COLOR=") &&
        !entry.starts_with("COLUMNS="))
      env_strings.emplace_back(entry);
  }
  std::vector<char*> envp;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::string dir = (sandbox.root() / cwd).string();
  std::string out_path = (sandbox.root() / ".out").string();
  std::string err_path = (sandbox.root() / ".err").string();

  auto start = std::chrono::steady_clock::now();
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    int in = ::open("/dev/null", O_RDONLY);
    int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0 || err < 0 || ::chdir(dir.c_str()) != 0) ::_exit(126);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  int status = 0;
  bool hung = false;
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() - start > kWatchdog) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      hung = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  Timed timed;
  timed.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  timings().emplace_back(name, timed.seconds);
  CHECK_MESSAGE(!hung, name << ": hung; killed after " << kWatchdog.count() << " s");
  timed.result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  timed.result.out = read_file(out_path);
  timed.result.err = read_file(err_path);
  stdfs::remove(out_path);
  stdfs::remove(err_path);
  return timed;
}

// Every entry under `dir` with what it holds: a file's bytes and
// modification time, a link's target. The lock file, which taking the lock
// creates, is left out.
std::map<std::string, std::string> snapshot(const stdfs::path& dir) {
  std::map<std::string, std::string> entries;
  for (const auto& entry : stdfs::recursive_directory_iterator(dir)) {
    std::string name = stdfs::relative(entry.path(), dir).string();
    if (name == ".inovasi.lock") continue;
    if (entry.is_symlink())
      entries[name] = "-> " + stdfs::read_symlink(entry.path()).string();
    else if (entry.is_regular_file())
      entries[name] = std::to_string(mtime_ns(entry.path())) + " " + read_file(entry.path());
    else if (entry.is_directory())
      entries[name] = "(folder)";
    else
      entries[name] = "(other)";
  }
  return entries;
}

// A fresh copy of the clean programme every case starts from.
void make_base(const Sandbox& sandbox, const std::string& dir) {
  copy_tree(hostile() / "programme", sandbox.path(dir));
}

// The files of a corpus folder with the given extensions, sorted.
std::vector<stdfs::path> corpus(const stdfs::path& folder, std::vector<std::string> extensions) {
  std::vector<stdfs::path> files;
  for (const auto& entry : stdfs::recursive_directory_iterator(folder))
    if (entry.is_regular_file() && std::find(extensions.begin(), extensions.end(),
                                             entry.path().extension()) != extensions.end())
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// Runs a case: exit 1 (or `status`), nothing on stdout, and the programme
// left as it was. Returns what it printed on stderr.
std::string run_refused(const Sandbox& sandbox, const std::string& dir,
                        const std::vector<std::string>& args, const std::string& name,
                        int status = 1) {
  INFO("case " << name);
  auto before = snapshot(sandbox.path(dir));
  Timed t = run_watched(sandbox, dir, args, name);
  CHECK(t.result.out == "");
  CHECK(t.result.status == status);
  CHECK(snapshot(sandbox.path(dir)) == before);
  return t.result.err;
}

// Where a corpus record goes in the programme: reports into the one
// contract's folder, programme/ cases as inovasi.yaml.
std::string destination(const std::string& relative) {
  stdfs::path p(relative);
  std::string folder = p.begin()->string();
  if (folder == "programme") return "inovasi.yaml";
  if (folder == "reports") return "reports/rsud-2018/2018-Q3.yaml";
  return relative;
}

// The command each CSV corpus folder feeds its files to.
std::vector<std::string> command_for(const std::string& folder, const std::string& file) {
  if (folder == "targets")
    return {"sign-contract", "--id",           "rsud-2019",  "--unit",     "rsud-koesma",
            "--idea",        "antrean-online", "--signed",   "2019-04-02", "--start",
            "2019-04-01",    "--end",          "2020-03-31", "--targets",  file};
  return {folder, "--from", file};
}

}  // namespace

// Lists print one entry a line when a comparison fails.
template <>
struct doctest::StringMaker<std::map<std::string, std::string>> {
  static doctest::String convert(const std::map<std::string, std::string>& entries) {
    std::string text = "{";
    for (const auto& [name, what] : entries) text += "\n  " + name + ": " + what.substr(0, 60);
    return (text + "\n}").c_str();
  }
};

TEST_CASE("hostile records: check exits 1 with exactly the messages each expects") {
  auto cases = corpus(hostile() / "records", {".yaml"});
  REQUIRE(cases.size() >= 80);
  Sandbox sandbox;
  int n = 0;
  for (const auto& file : cases) {
    std::string relative = stdfs::relative(file, hostile() / "records").string();
    stdfs::path expected = file;
    expected.replace_extension(".expected");
    INFO("tests/hostile/records/" << relative);
    std::string dir = std::to_string(++n);
    make_base(sandbox, dir);
    write_file(sandbox.path(dir) / destination(relative), read_file(file));
    check_golden(run_refused(sandbox, dir, {"check"}, "records/" + relative), expected);
  }
  write_timings();
}

TEST_CASE("hostile imports: every CSV (and targets YAML) exits 1 and writes nothing") {
  auto cases = corpus(hostile() / "csv", {".csv", ".yaml"});
  REQUIRE(cases.size() >= 50);
  Sandbox sandbox;
  int n = 0;
  for (const auto& file : cases) {
    std::string relative = stdfs::relative(file, hostile() / "csv").string();
    std::string folder = stdfs::path(relative).begin()->string();
    stdfs::path expected = file;
    expected.replace_extension(".expected");
    INFO("tests/hostile/csv/" << relative);
    std::string dir = std::to_string(++n);
    make_base(sandbox, dir);
    std::string name = file.filename().string();
    stdfs::copy_file(file, sandbox.path(dir) / name);
    check_golden(run_refused(sandbox, dir, command_for(folder, name), "csv/" + relative), expected);
  }
  write_timings();
}

TEST_CASE("hostile options: ids and references with '..', '/' or an absolute path") {
  struct Case {
    std::vector<std::string> args;
    std::string expected;
  };
  const std::string bad_id =
      "is not a valid id (lowercase letters, digits and single hyphens, at most 64 characters)\n";
  std::vector<Case> cases = {
      {{"add-unit", "--id", "../x", "--name", "Dinas X", "--kind", "dinas"},
       "inovasi: error: id '../x' " + bad_id},
      {{"add-unit", "--id", "/etc/x", "--name", "Dinas X", "--kind", "dinas"},
       "inovasi: error: id '/etc/x' " + bad_id},
      {{"add-unit", "--id", "a/b", "--name", "Dinas X", "--kind", "dinas"},
       "inovasi: error: id 'a/b' " + bad_id},
      {{"add-idea", "--id", "..", "--title", "SIGAP", "--unit", "bappeda"},
       "inovasi: error: id '..' " + bad_id},
      {{"add-idea", "--title", "SIGAP", "--unit", "../../x"},
       "inovasi: error: unit '../../x' does not exist (no units/../../x.yaml)\n"},
      {{"add-idea", "--title", "SIGAP", "--unit", "bappeda", "--budget", "1e400", "--submitted",
        "2018-02-30"},
       "inovasi: error: --submitted: '2018-02-30' is not a date: February 2018 has 28 days\n"
       "inovasi: error: --budget: '1e400' is not a whole number\n"},
      {{"report", "--contract", "../../x", "--period", "2018-Q3", "--submitted", "2018-10-08",
        "--actual", "waktu-tunggu=40"},
       "inovasi: error: contract '../../x' does not exist (no contracts/../../x.yaml)\n"},
      {{"report", "--contract", "rsud-2018", "--period", "../2018-Q3", "--submitted", "2018-10-08",
        "--actual", "waktu-tunggu=40"},
       "inovasi: error: --period: '../2018-Q3' is not a period (write YYYY-Qn for a quarter, "
       "YYYY-Hn for a half, YYYY for a year)\n"},
      {{"report", "--contract", "rsud-2018", "--period", "2018-Q3", "--submitted", "2018-10-08",
        "--actual", "waktu-tunggu=99999999999999999999"},
       "inovasi: error: --actual: waktu-tunggu: '99999999999999999999' is too large\n"},
      {{"sign-contract", "--id", "/etc/x", "--unit", "rsud-koesma", "--idea", "antrean-online",
        "--signed", "2019-04-02", "--start", "2019-04-01", "--end", "2020-03-31"},
       "inovasi: error: id '/etc/x' " + bad_id + "inovasi: warning: the contract has no targets\n"},
      {{"add-regulation", "--id", "../r", "--number", "Perbup No. 1 Tahun 2019", "--date",
        "2019-01-10", "--idea", "antrean-online"},
       "inovasi: error: id '../r' " + bad_id},
      {{"show", "../../etc/passwd"}, "inovasi: error: no record has the id '../../etc/passwd'\n"},
      {{"show", "/etc/passwd"}, "inovasi: error: no record has the id '/etc/passwd'\n"},
      {{"show", "rsud-2018/../../x"}, "inovasi: error: no record has the id 'rsud-2018/../../x'\n"},
      {{"list", "ideas", "--unit", "../x"}, "inovasi: error: --unit: there is no unit '../x'\n"},
      {{"export", "perbup", "--regulation", "../x"},
       "inovasi: error: --regulation: there is no regulation '../x'\n"},
  };
  Sandbox sandbox;
  make_base(sandbox, "p");
  for (const auto& c : cases) {
    std::string name;
    for (const auto& a : c.args) name += (name.empty() ? "" : " ") + a;
    CHECK(run_refused(sandbox, "p", c.args, "options: " + name) == c.expected);
  }
  write_timings();
}

TEST_CASE("hostile input too big to commit, made here: 10 MiB lines, deep nesting, long keys") {
  const std::size_t mib = 1024 * 1024;
  const std::string ten_mib(10 * mib, 'x');
  Sandbox sandbox;
  int n = 0;
  // A fresh programme with one file added; returns its folder.
  auto with_file = [&](const std::string& relative, const std::string& content) {
    std::string dir = "g" + std::to_string(++n);
    make_base(sandbox, dir);
    write_file(sandbox.path(dir) / relative, content);
    return dir;
  };
  auto check = [&](const std::string& relative, const std::string& content,
                   const std::string& name) {
    return run_refused(sandbox, with_file(relative, content), {"check"}, name);
  };

  CHECK(check("ideas/long-line.yaml", "id: long-line\ntitle: " + ten_mib + "\n",
              "record with a 10 MiB line") ==
        "ideas/long-line.yaml: error: file is larger than 1048576 bytes\n");

  std::string deep = "id: deep\ntitle: SIGAP\nunit: bappeda\nproposer:\n";
  for (int level = 1; level < 1000; ++level) deep += std::string(2 * level, ' ') + "a:\n";
  REQUIRE(deep.size() < mib);
  CHECK(check("ideas/deep.yaml", deep, "record nested 1,000 levels deep in blocks") ==
        "ideas/deep.yaml:36:65: error: nesting deeper than 32 levels\n");

  CHECK(check("ideas/deep.yaml", "id: deep\ntags: " + std::string(mib - 20, '[') + "\n",
              "record of 1 MiB of '['") ==
        "ideas/deep.yaml:2:39: error: nesting deeper than 32 levels\n");

  // Brackets in text are no nesting: a record holding many reads as usual.
  std::string brackets =
      with_file("ideas/brackets.yaml", "id: brackets\ntitle: SIGAP\nunit: bappeda\ndescription: '" +
                                           std::string(40, '[') + "'\nproblem: |\n  " +
                                           std::string(40, '{') + "\n");
  Timed read = run_watched(sandbox, brackets, {"check", "--quiet"}, "record with 80 brackets");
  CHECK(read.result.err == "");
  CHECK(read.result.status == 0);

  CHECK(check("ideas/long-key.yaml", "id: long-key\n? " + std::string(mib - 30, 'k') + "\n: x\n",
              "record with a key of 1 MiB") ==
        "ideas/long-key.yaml:2:3: error: key is longer than 1024 bytes\n");

  auto import = [&](const std::string& command, const std::string& content,
                    const std::string& name) {
    return run_refused(sandbox, with_file("big.csv", content), {command, "--from", "big.csv"},
                       name);
  };
  const std::string units = "id,name,kind\n";
  CHECK(import("add-unit", units + "kominfo," + ten_mib + ",dinas\n", "CSV with a 10 MiB cell") ==
        "big.csv:2:1: error: row is longer than 1048576 bytes, more than a record may hold\n");
  CHECK(import("add-unit", "id,name,kind," + ten_mib + "\n", "CSV with a 10 MiB header") ==
        "big.csv:1:1: error: row is longer than 1048576 bytes, more than a record may hold\n");
  CHECK(import("add-unit",
               units + "kominfo,Dinas Kominfo,dinas" + std::string(10 * mib, ',') + "\n",
               "CSV with 10 MiB of separators") ==
        "big.csv:2:1: error: row is longer than 1048576 bytes, more than a record may hold\n");
  CHECK(import("add-unit", units + "kominfo,\"" + ten_mib + "\n", "CSV with a quote left open") ==
        "big.csv:2:1: error: row is longer than 1048576 bytes, more than a record may hold\n");
  CHECK(import("add-unit", std::string(10 * mib, '\n'), "CSV of 10 MiB of line ends") ==
        "big.csv:1:1: error: the file is empty; expected a header row naming the columns\n");
  CHECK(import("add-unit", "id,name,kind," + std::string(1000000, 'c') + "\n",
               "CSV with a column name of 1,000,000 bytes") ==
        "big.csv:1:14: error: unknown column 'ccccccccccccccccccccccccccccccc…'\n");
  // Each U+0001 takes four bytes in the record file ("\x01"): the row fits, the record would not.
  CHECK(
      import("add-idea",
             "id,title,unit,description\nsigap,SIGAP,bappeda," + std::string(300000, '\x01') + "\n",
             "CSV row whose record would be larger than 1 MiB") ==
      "big.csv:2:1: error: the record would take 1200071 bytes, more than the 1048576 a record "
      "file may hold\n");

  std::string dir = with_file("narrative.txt", std::string(2 * mib, 'x'));
  CHECK(run_refused(sandbox, dir,
                    {"report", "--contract", "rsud-2018", "--period", "2018-Q3", "--submitted",
                     "2018-10-08", "--actual", "waktu-tunggu=40", "--narrative", "@narrative.txt"},
                    "report with a 2 MiB narrative") ==
        "inovasi: error: the record would take 2097249 bytes, more than the 1048576 a record file "
        "may hold\n");
  write_timings();
}

// The inputs of bench/hostile, where "did you mean" and finding each field's
// position once cost minutes: the messages are exact, and only the first 20
// unknown names of a file get a suggestion. How long they take is measured
// by bench/run, not here.
TEST_CASE("hostile input that costs work: thousands of unknown targets and fields") {
  Sandbox sandbox;
  int n = 0;
  auto with_files = [&](const std::vector<std::pair<std::string, std::string>>& files) {
    std::string dir = "w" + std::to_string(++n);
    make_base(sandbox, dir);
    for (const auto& [relative, content] : files) write_file(sandbox.path(dir) / relative, content);
    return dir;
  };
  const std::string contract_head =
      "id: big-2018\nunit: rsud-koesma\nideas: [antrean-online]\nstart: 2018-04-01\n"
      "end: 2019-03-31\ntargets:\n";
  const std::string not_canonical = ": warning: not in canonical form (run 'inovasi fmt')\n";

  // A report naming 8,000 targets that a contract of 9,000 lacks, each one
  // edit away from one it has.
  std::string contract = contract_head;
  for (int i = 0; i < 9000; ++i)
    contract += "  - {id: target-" + std::to_string(i) + ", name: Target " + std::to_string(i) +
                ", unit: orang, weight: 1, by_period: {2018-Q3: 1}}\n";
  std::string report = "contract: big-2018\nperiod: 2018-Q3\nsubmitted: 2018-10-08\nactual:\n";
  std::string expected = "contracts/big-2018.yaml" + not_canonical;
  const std::string report_path = "reports/big-2018/2018-Q3.yaml";
  expected += report_path + not_canonical;
  for (int i = 0; i < 8000; ++i) {
    std::string id = "targte-" + std::to_string(i);
    report += "  " + id + ": 1\n";
    expected += report_path + ":" + std::to_string(5 + i) + ":" +
                std::to_string(3 + id.size() + 2) + ": error: contract 'big-2018' has no target '" +
                id + "'" + (i < 20 ? " (did you mean 'target-" + std::to_string(i) + "'?)" : "") +
                "\n";
  }
  CHECK(run_refused(
            sandbox, with_files({{"contracts/big-2018.yaml", contract}, {report_path, report}}),
            {"check"}, "report of 8,000 unknown targets of a contract of 9,000") == expected);

  // A contract of 39,223 targets, 1,000 of them with an unknown field.
  contract = contract_head;
  expected.clear();
  int unknown_fields = 0;
  for (int i = 0; i < 39223; ++i) {
    std::string id = "t" + std::to_string(i), k = std::to_string(i);
    std::string at = "contracts/big-2018.yaml:" + std::to_string(7 + i) + ":";
    expected += at + "5: error: missing required field 'targets[" + k + "].name'\n" + at +
                "5: warning: target '" + id + "' has no value for any quarter (by_period)\n";
    if (i % 39 == 0 && unknown_fields < 1000) {
      contract += "  - {id: " + id + ", wieght: 1}\n";
      expected += at + std::to_string(12 + id.size()) + ": error: unknown field 'targets[" + k +
                  "].wieght'" + (unknown_fields < 20 ? " (did you mean 'weight'?)" : "") + "\n";
      ++unknown_fields;
    } else {
      contract += "  - {id: " + id + ", unit: m}\n";
    }
  }
  REQUIRE(contract.size() < 1024 * 1024);
  CHECK(run_refused(sandbox, with_files({{"contracts/big-2018.yaml", contract}}), {"check"},
                    "contract of 39,223 targets, 1,000 with an unknown field") == expected);

  // 1 MiB of targets that are empty mappings: four findings each.
  contract = contract_head;
  expected.clear();
  for (int i = 0; i < 149700; ++i) {
    contract += "  - {}\n";
    std::string k = std::to_string(i);
    std::string at = "contracts/big-2018.yaml:" + std::to_string(7 + i) + ":5: ";
    expected += at + "error: missing required field 'targets[" + k + "].id'\n" + at +
                "error: missing required field 'targets[" + k + "].name'\n" + at +
                "error: target id '' is not a valid id\n" + at +
                "warning: target '' has no value for any quarter (by_period)\n";
  }
  REQUIRE(contract.size() < 1024 * 1024);
  CHECK(run_refused(sandbox, with_files({{"contracts/big-2018.yaml", contract}}), {"check"},
                    "contract of 149,700 empty targets") == expected);

  // A targets file of 14,000 targets: each once in memory (a copy of every
  // target's positions for each target once took more than 6 GB).
  std::string targets;
  for (int i = 0; i < 14000; ++i)
    targets += "- {id: t" + std::to_string(i) +
               ", name: T, unit: m, weight: 1, by_period: {2019-Q2: 1}}\n";
  REQUIRE(targets.size() < 1024 * 1024);
  CHECK(run_refused(sandbox, with_files({{"targets.yaml", targets}}),
                    command_for("targets", "targets.yaml"),
                    "sign-contract --targets of 14,000 targets") ==
        "inovasi: error: the record would take 1711008 bytes, more than the 1048576 a record file "
        "may hold\n");
  write_timings();
}

TEST_CASE("symbolic links: records are never read or written through one, inside or out") {
  Sandbox sandbox;
  const std::string idea = "id: sigap\ntitle: SIGAP\nunit: bappeda\n";
  sandbox.write("outside/sigap.yaml", idea);
  sandbox.write("outside/inovasi.yaml", read_file(hostile() / "programme/inovasi.yaml"));
  stdfs::create_directories(sandbox.path("outside/folder"));
  const stdfs::path outside = sandbox.path("outside");
  int n = 0;
  auto fresh = [&] {
    std::string dir = "s" + std::to_string(++n);
    make_base(sandbox, dir);
    return dir;
  };
  auto refused = [&](const std::string& dir, const std::vector<std::string>& args,
                     const std::string& name, int status = 1) {
    auto before = snapshot(outside);
    std::string err = run_refused(sandbox, dir, args, name, status);
    CHECK(snapshot(outside) == before);
    return err;
  };

  std::string dir = fresh();
  stdfs::create_symlink(outside / "sigap.yaml", sandbox.path(dir + "/ideas/sigap.yaml"));
  CHECK(refused(dir, {"check"}, "record linked to a file outside") ==
        "ideas/sigap.yaml: error: is a symbolic link; records must be regular files\n");
  // Writing the record it stands for would replace the link: refused too.
  CHECK(refused(dir,
                {"add-idea", "--id", "sigap", "--title", "SIGAP", "--unit", "bappeda", "--update"},
                "add-idea --update onto a record linked outside", 3) ==
        "inovasi: error: ideas/sigap.yaml: is a symbolic link; refusing to write through it\n");

  dir = fresh();
  stdfs::create_symlink("../units/bappeda.yaml", sandbox.path(dir + "/ideas/sigap.yaml"));
  CHECK(refused(dir, {"check"}, "record linked to a file inside") ==
        "ideas/sigap.yaml: error: is a symbolic link; records must be regular files\n");

  dir = fresh();
  stdfs::remove_all(sandbox.path(dir + "/ideas"));
  stdfs::create_directory_symlink(outside / "folder", sandbox.path(dir + "/ideas"));
  // What refers to the ideas is left dangling.
  CHECK(refused(dir, {"check"}, "ideas folder linked outside") ==
        "contracts/rsud-2018.yaml:3:9: error: idea 'antrean-online' does not exist (no "
        "ideas/antrean-online.yaml)\n"
        "ideas: error: is a symbolic link; record folders must be real folders\n"
        "regulations/perbup-27-2018.yaml:4:9: error: idea 'antrean-online' does not exist (no "
        "ideas/antrean-online.yaml)\n");

  dir = fresh();
  stdfs::remove_all(sandbox.path(dir + "/reports"));
  stdfs::create_directory_symlink(outside / "folder", sandbox.path(dir + "/reports"));
  CHECK(refused(dir, {"check"}, "reports folder linked outside") ==
        "reports: error: is a symbolic link; record folders must be real folders\n");
  // A report would land in a new folder under the link.
  CHECK(refused(dir,
                {"report", "--contract", "rsud-2018", "--period", "2018-Q3", "--submitted",
                 "2018-10-08", "--actual", "waktu-tunggu=40"},
                "report into a reports folder linked outside", 3) ==
        "inovasi: error: reports/rsud-2018/2018-Q3.yaml: is a symbolic link; refusing to write "
        "through it\n");

  dir = fresh();
  stdfs::remove_all(sandbox.path(dir + "/reports/rsud-2018"));
  stdfs::create_directory_symlink(outside / "folder", sandbox.path(dir + "/reports/rsud-2018"));
  CHECK(refused(dir, {"check"}, "a contract's reports folder linked outside") ==
        "reports/rsud-2018: error: is a symbolic link; records must be regular files\n");

  dir = fresh();
  stdfs::remove(sandbox.path(dir + "/inovasi.yaml"));
  stdfs::create_symlink(outside / "inovasi.yaml", sandbox.path(dir + "/inovasi.yaml"));
  // Without the programme, its priorities and indicators are unknown.
  const std::string no_programme =
      "ideas/antrean-online.yaml:12:11: error: priority 'misi-2' is not in inovasi.yaml\n"
      "ideas/antrean-online.yaml:13:12: error: indicator 'ikm' is not in inovasi.yaml\n";
  CHECK(refused(dir, {"check"}, "inovasi.yaml linked outside") ==
        no_programme + "inovasi.yaml: error: is a symbolic link; records must be regular files\n");

  dir = fresh();
  stdfs::remove(sandbox.path(dir + "/inovasi.yaml"));
  REQUIRE(::mkfifo(sandbox.path(dir + "/inovasi.yaml").c_str(), 0644) == 0);
  CHECK(refused(dir, {"check"}, "inovasi.yaml a named pipe") ==
        no_programme + "inovasi.yaml: error: is not a regular file\n");

  dir = fresh();
  stdfs::create_symlink(outside / "lock", sandbox.path(dir + "/.inovasi.lock"));
  CHECK(refused(dir, {"add-unit", "--name", "Dinas Kominfo", "--kind", "dinas"},
                "lock file linked outside",
                3) == "inovasi: error: .inovasi.lock: is a symbolic link; refusing to follow it\n");
  CHECK(!sandbox.exists("outside/lock"));
  write_timings();
}

TEST_CASE("an input that never ends (/dev/zero) is refused at 128 MiB, and nothing is written") {
  Sandbox sandbox;
  sandbox.make_programme();
  auto before = file_contents(sandbox.root());
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"add-idea", "--from", "/dev/zero"},
        std::vector<std::string>{"report", "--contract", "x", "--period", "2018-Q3", "--narrative",
                                 "@/dev/zero"}}) {
    CAPTURE(args[0]);
    Result r = sandbox.run(args);
    CHECK(r.status == 1);
    CHECK(r.err ==
          "inovasi: error: /dev/zero: larger than 128 MiB, the most an input may hold; split it\n");
    CHECK(file_contents(sandbox.root()) == before);
  }
}

TEST_CASE("control characters in records are shown as escapes, never sent to the terminal") {
  Sandbox sandbox;
  sandbox.make_programme();
  sandbox.write("units/merah.yaml",
                "id: merah\nname: \"RSUD \\e]0;owned\\a\\e[31mmerah\\u0085\"\nkind: dinas\n");
  Result list = sandbox.run({"list", "units"});
  CHECK(list.status == 0);
  CHECK(list.out.find('\033') == std::string::npos);
  CHECK(list.out.find("RSUD \\x1B]0;owned\\x07\\x1B[31mmerah\\u0085  dinas") != std::string::npos);
  // The CSV is the data itself, byte for byte.
  Result csv = sandbox.run({"list", "units", "--format", "csv"});
  CHECK(csv.out.find("RSUD \033]0;owned\a\033[31mmerah\xC2\x85") != std::string::npos);
  // A message quoting a value from a file escapes it too.
  sandbox.write("units/merah.yaml", "id: merah\nname: Merah\nkind: \"\\e[2Jdinas\"\n");
  Result check = sandbox.run({"check"});
  CHECK(check.status == 1);
  CHECK(check.err.find('\033') == std::string::npos);
  CHECK(check.err.find("'\\x1B[2Jdinas'") != std::string::npos);
}
