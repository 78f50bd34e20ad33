// Commands killed with SIGKILL in the middle of a write: every record file is
// either absent or complete, check passes, and neither the temporary files
// nor the lock of the killed command stand in the way of the next one.
#include <doctest/doctest.h>
#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <thread>
#include <utility>

#include "harness.h"

using namespace e2e;

namespace {

constexpr int kRows = 2000;

// INOVASI_KILL_TRIALS=N runs N trials instead of 50 (the long variant).
int trial_count() {
  const char* n = std::getenv("INOVASI_KILL_TRIALS");
  return n && std::atoi(n) > 0 ? std::atoi(n) : 50;
}

// Ideas with every kind of field, spread over the two units.
std::string ideas_csv(int rows) {
  std::string csv =
      "id,title,unit,stage,category,kind,submitted,trial_date,priority,indicator,budget,tags,"
      "plan,description\n";
  for (int i = 0; i < rows; ++i) {
    std::string n = std::to_string(i);
    csv += "ide-" + n + ",Inovasi nomor " + n + "," + (i % 2 ? "bappeda" : "rsud-koesma") +
           ",uji coba,pelayanan publik,digital,2018-04-20,2018-07-02,misi-2,ikm," +
           std::to_string(1000000 + i) + ",antrean;no,Sosialisasi @ 2018-06-30;Uji coba @ " +
           "2018-09-30 / 2018-09-15,\"Pendaftaran pasien lewat aplikasi, baris " + n +
           ".\nNomor antrean dikirim lewat SMS.\"\n";
  }
  return csv;
}

// A small generator of our own, so that the delays are the same with every
// standard library.
struct Random {
  std::uint64_t state;
  double next() {  // in [0, 1)
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / static_cast<double>(1ULL << 53);
  }
};

// Where the trials run: $INOVASI_KILL_DIR, else /dev/shm where there is one.
// A killed process leaves the page cache as it was: what it leaves behind
// depends on the order of its calls, not on the file system. A tmpfs makes
// the 200 runs over 2,000 files affordable; creating files on an ext4 disk
// costs several times more.
stdfs::path trial_folder() {
  if (const char* dir = std::getenv("INOVASI_KILL_DIR"); dir && *dir) return dir;
  std::error_code ec;
  if (stdfs::is_directory("/dev/shm", ec) && ::access("/dev/shm", W_OK) == 0) return "/dev/shm";
  const char* tmp = std::getenv("TMPDIR");
  return tmp && *tmp ? tmp : "/tmp";
}

using Clock = std::chrono::steady_clock;

// Counts the files created in a folder and those renamed into it, as inotify
// reports them, so that a trial can wait for a moment of the import.
class FolderWatch {
 public:
  explicit FolderWatch(const stdfs::path& folder) : fd_(::inotify_init1(IN_CLOEXEC)) {
    REQUIRE(fd_ >= 0);
    REQUIRE(::inotify_add_watch(fd_, folder.c_str(), IN_CREATE | IN_MOVED_TO) >= 0);
  }
  ~FolderWatch() { ::close(fd_); }
  FolderWatch(const FolderWatch&) = delete;
  FolderWatch& operator=(const FolderWatch&) = delete;

  // Waits until at least that many files were created and renamed, or the
  // import has been silent for 10 s (it is gone or stuck).
  void wait_until(int created, int renamed) {
    alignas(inotify_event) char buffer[64 * 1024];
    while (created_ < created || renamed_ < renamed) {
      pollfd ready{fd_, POLLIN, 0};
      if (::poll(&ready, 1, 10000) <= 0) return;
      ssize_t n = ::read(fd_, buffer, sizeof buffer);
      for (ssize_t i = 0; i < n;) {
        const auto* event = reinterpret_cast<const inotify_event*>(buffer + i);
        created_ += (event->mask & IN_CREATE) != 0;
        renamed_ += (event->mask & IN_MOVED_TO) != 0;
        i += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
      }
    }
  }
  int renamed() const { return renamed_; }

 private:
  int fd_;
  int created_ = 0, renamed_ = 0;
};

// How long an undisturbed import takes to create its first temporary file,
// then to write the rest of them, to rename them all, and to exit.
struct Timeline {
  Clock::duration before_writing{}, writing{}, renaming{}, exiting{};
};

Timeline time_import(const Sandbox& sandbox, const std::vector<std::string>& import) {
  FolderWatch watch(sandbox.path("prog/ideas"));
  Timeline timeline;
  auto last = Clock::now();
  auto lap = [&last] {
    auto now = Clock::now();
    return now - std::exchange(last, now);
  };
  Process process(import, sandbox.path("prog"), {}, {});
  watch.wait_until(1, 0);
  timeline.before_writing = lap();
  watch.wait_until(1, 1);
  timeline.writing = lap();
  watch.wait_until(1, kRows);
  timeline.renaming = lap();
  REQUIRE(process.wait().status == 0);
  timeline.exiting = lap();
  REQUIRE(watch.renamed() == kRows);
  return timeline;
}

bool is_hidden(const std::string& relative) {
  return stdfs::path(relative).filename().string().starts_with(".");
}

// A process that ran and has been collected: its pid is free, the process gone.
pid_t dead_pid() {
  pid_t pid = ::fork();
  if (pid == 0) ::_exit(0);
  REQUIRE(pid > 0);
  ::waitpid(pid, nullptr, 0);
  return pid;
}

}  // namespace

TEST_CASE("a 2,000-row import killed at any moment leaves the batch whole or not at all") {
  Sandbox sandbox(trial_folder());
  sandbox.make_programme("prog");
  sandbox.write("ideas.csv", ideas_csv(kRows));
  const std::vector<std::string> import = {"add-idea", "--from", "../ideas.csv"};
  std::vector<std::string> update = import;
  update.push_back("--update");

  // One run undisturbed: what every file must hold.
  Result r = sandbox.run_in("prog", import);
  REQUIRE(r.status == 0);
  REQUIRE(r.err == "");
  const auto reference = file_contents(sandbox.path("prog/ideas"));
  REQUIRE(reference.size() == kRows);
  // And one as each trial runs it, after the files were removed, timed.
  stdfs::remove_all(sandbox.path("prog/ideas"));
  stdfs::create_directories(sandbox.path("prog/ideas"));
  const Timeline timeline = time_import(sandbox, import);

  // The trials take turns at four stretches of the import: before its first
  // write, while it writes temporary files, while it renames them, and after
  // (up to twice as long as it took to exit). A kill waits for the start of
  // its stretch in this very run, as runs differ in speed, then for a
  // pseudo-random part of the stretch's measured length: each trial has a
  // slice of its own, and a random place in it.
  struct Stretch {
    int created, renamed;  // what marks its start
    Clock::duration length;
  };
  const Stretch stretches[] = {{0, 0, timeline.before_writing},
                               {1, 0, timeline.writing},
                               {1, 1, timeline.renaming},
                               {1, kRows, timeline.exiting * 2}};
  const int trials = trial_count();
  const int per_stretch = (trials + 3) / 4;
  Random random{20180403};
  int killed = 0, untouched = 0, with_temporaries = 0, partly_renamed = 0, all_renamed = 0;
  for (int trial = 0; trial < trials; ++trial) {
    stdfs::remove_all(sandbox.path("prog/ideas"));
    stdfs::create_directories(sandbox.path("prog/ideas"));
    const Stretch& stretch = stretches[trial % 4];
    auto delay = std::chrono::duration_cast<std::chrono::microseconds>(
        stretch.length * ((trial / 4 + random.next()) / per_stretch));
    CAPTURE(trial);
    CAPTURE(delay.count());

    FolderWatch watch(sandbox.path("prog/ideas"));
    Process process(import, sandbox.path("prog"), {}, {});
    watch.wait_until(stretch.created, stretch.renamed);
    std::this_thread::sleep_for(delay);
    process.signal(SIGKILL);
    Result k = process.wait();
    REQUIRE((k.status == 0 || k.status == 128 + SIGKILL));

    // Each visible file is complete; the hidden ones are the killed
    // command's temporary files.
    int visible = 0, hidden = 0;
    std::vector<std::string> wrong;
    for (const auto& [path, content] : file_contents(sandbox.path("prog/ideas"))) {
      if (is_hidden(path)) {
        ++hidden;
        if (path.find(".yaml.tmp.") == std::string::npos) wrong.push_back("not ours: " + path);
        continue;
      }
      ++visible;
      auto expected = reference.find(path);
      if (expected == reference.end())
        wrong.push_back("unknown: " + path);
      else if (content != expected->second)
        wrong.push_back("incomplete: " + path);
    }
    CHECK(wrong == std::vector<std::string>{});
    if (k.status != 0) {
      ++killed;
      untouched += visible == 0 && hidden == 0;
      with_temporaries += visible == 0 && hidden > 0;
      partly_renamed += visible > 0 && visible < kRows;
      all_renamed += visible == kRows;
    }

    // The next command, whichever it is, finishes a batch killed part way
    // through its renames (they are journaled): the readers, run side by
    // side, both see the batch whole or not at all, and the temporary files
    // stay invisible to them.
    Process checking({"check"}, sandbox.path("prog"), {}, {});
    Process listing({"list", "ideas", "--format", "csv"}, sandbox.path("prog"), {}, {});
    Result check = checking.wait();
    Result list = listing.wait();
    CHECK(check.status == 0);
    CHECK(check.out == "");
    CHECK(list.status == 0);
    const std::string finished =
        "inovasi: finished a change that an interrupted command left half done (";
    CHECK((check.err.empty() || check.err.starts_with(finished)));
    CHECK((list.err.empty() || list.err.starts_with(finished)));
    int after = 0;
    for (const auto& [path, content] : file_contents(sandbox.path("prog/ideas")))
      if (!is_hidden(path)) {
        ++after;
        CHECK(content == reference.at(path));
      }
    CHECK((after == 0 || after == kRows));  // before the batch, or after it
    CHECK(file_contents(sandbox.path("prog/.inovasi")).count("journal") == 0);
    std::size_t rows = 0;  // a description spans two lines: count the lines that start a row
    for (auto at = list.out.find("\nide-"); at != std::string::npos;
         at = list.out.find("\nide-", at + 1))
      ++rows;
    CHECK(rows == static_cast<std::size_t>(after));

    // The killed command's lock is gone with it; running the import again
    // completes it, and its write removes the temporary files left behind.
    Result again = sandbox.run_in("prog", update);
    CHECK(again.status == 0);
    CHECK(again.err == "");
    CHECK(differences(reference, file_contents(sandbox.path("prog/ideas"))) ==
          std::vector<std::string>{});
  }
  auto ms = [](Clock::duration d) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
  };
  MESSAGE(trials << " trials against an import of " << kRows << " rows ("
                 << ms(timeline.before_writing) << " ms before writing, " << ms(timeline.writing)
                 << " ms writing, " << ms(timeline.renaming) << " ms renaming, "
                 << ms(timeline.exiting) << " ms exiting): " << killed << " killed (" << untouched
                 << " before any write, " << with_temporaries << " while writing temporary files, "
                 << partly_renamed << " part way through the renames, " << all_renamed
                 << " after them), " << trials - killed << " finished first");
  // Without kills in the middle of the writing, the test would prove little.
  CHECK(with_temporaries + partly_renamed > 0);
}

// The records of prog/ that a rename may touch, visible files only.
std::map<std::string, std::string> records_of(const Sandbox& sandbox) {
  std::map<std::string, std::string> records;
  for (const auto& [path, content] : file_contents(sandbox.path("prog")))
    if (!is_hidden(path) && !path.starts_with(".inovasi") && path.ends_with(".yaml"))
      records[path] = content;
  return records;
}

TEST_CASE("mv across 2,000 references killed at any moment leaves the programme before or after") {
  Sandbox sandbox(trial_folder());
  sandbox.make_programme("prog");
  std::string csv = "id,title,unit\n";
  for (int i = 0; i < kRows; ++i)
    csv += "ide-" + std::to_string(i) + ",Inovasi nomor " + std::to_string(i) + ",bappeda\n";
  sandbox.write("ideas.csv", csv);
  REQUIRE(sandbox.run_in("prog", {"add-idea", "--from", "../ideas.csv"}).status == 0);
  copy_tree(sandbox.path("prog"), sandbox.path("pristine"));
  const auto before = records_of(sandbox);
  const std::vector<std::string> mv = {"mv", "unit", "bappeda", "perencanaan"};

  // One run undisturbed, timed: the state after.
  auto start = Clock::now();
  Result r = sandbox.run_in("prog", mv);
  const auto length = Clock::now() - start;
  REQUIRE(r.status == 0);
  const auto after = records_of(sandbox);
  REQUIRE(differences(before, after).size() == kRows + 2);  // the unit renamed, 2,000 ideas

  const int trials = trial_count() / 2;
  Random random{20181220};
  int killed = 0, killed_mid_way = 0;
  for (int trial = 0; trial < trials; ++trial) {
    stdfs::remove_all(sandbox.path("prog"));
    copy_tree(sandbox.path("pristine"), sandbox.path("prog"));
    auto delay = std::chrono::duration_cast<std::chrono::microseconds>(
        length * ((trial + random.next()) / trials) * 1.2);
    CAPTURE(trial);
    CAPTURE(delay.count());
    Process process(mv, sandbox.path("prog"), {}, {});
    std::this_thread::sleep_for(delay);
    process.signal(SIGKILL);
    Result k = process.wait();
    REQUIRE((k.status == 0 || k.status == 128 + SIGKILL));
    auto left = records_of(sandbox);
    killed += k.status != 0;
    killed_mid_way += k.status != 0 && left != before && left != after;

    // The next command finishes or leaves the rename whole.
    Result check = sandbox.run_in("prog", {"check"});
    CHECK(check.status == 0);
    CHECK(check.out == "");
    auto now = records_of(sandbox);
    CHECK((now == before || now == after));
    CHECK(!sandbox.exists("prog/.inovasi/journal"));
  }
  MESSAGE(trials << " trials against mv across " << kRows << " references ("
                 << std::chrono::duration_cast<std::chrono::milliseconds>(length).count()
                 << " ms): " << killed << " killed, " << killed_mid_way
                 << " of them part way through the renames");
}

TEST_CASE("a lock file left behind does not block the next command") {
  Sandbox sandbox;
  sandbox.make_programme();
  // What a killed command leaves: the file stays, its lock went with it.
  // Whatever it holds: the lock is on the file, not in it.
  sandbox.write(".inovasi.lock", "4242\n");
  Result r = sandbox.run({"add-idea", "--id", "sigap", "--title", "SIGAP", "--unit", "bappeda"});
  CHECK(r.err == "");
  CHECK(r.out == "added ideas/sigap.yaml\n");
  CHECK(r.status == 0);
}

TEST_CASE("a temporary file with the name a write would choose does not block it") {
  Sandbox sandbox;
  sandbox.make_programme();
  // A killed command whose pid the next one gets again: the shell names the
  // files after its own pid, then becomes inovasi (exec keeps the pid).
  std::string command = "unset INOVASI_DIR; cd '" + sandbox.root().string() +
                        "' && exec sh -c 'echo $$ > pid; for n in 0 1 2; do : > "
                        "ideas/.sigap.yaml.tmp.$$.$n; done; exec \"$0\" \"$@\"' '" +
                        binary() + "' add-idea --id sigap --title SIGAP --unit bappeda >out 2>err";
  int status = std::system(command.c_str());
  CHECK(sandbox.read("err") == "");
  CHECK(sandbox.read("out") == "added ideas/sigap.yaml\n");
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(sandbox.read("ideas/sigap.yaml") ==
        "id: sigap\n"
        "title: SIGAP\n"
        "unit: bappeda\n"
        "stage: initiative\n");
  // Its own pid was alive while it wrote, so it left them; the next write,
  // by another process, removes them.
  std::string pid = sandbox.read("pid");
  pid.pop_back();
  std::vector<std::string> stale = {"ideas/.sigap.yaml.tmp." + pid + ".0",
                                    "ideas/.sigap.yaml.tmp." + pid + ".1",
                                    "ideas/.sigap.yaml.tmp." + pid + ".2"};
  for (const auto& file : stale) CHECK(sandbox.exists(file));
  Result r = sandbox.run({"add-idea", "--id", "lapor", "--title", "Lapor", "--unit", "bappeda"});
  CHECK(r.status == 0);
  for (const auto& file : stale) CHECK_FALSE(sandbox.exists(file));
}

TEST_CASE("a write removes the temporary files that dead processes left in its folders") {
  Sandbox sandbox;
  sandbox.make_programme();
  std::string dead = std::to_string(dead_pid());
  std::string alive = std::to_string(::getpid());
  sandbox.write("ideas/.sigap.yaml.tmp." + dead + ".0", "id: sig");
  sandbox.write("ideas/.lapor.yaml.tmp." + dead + ".17", "");
  sandbox.write("units/.bappeda.yaml.tmp." + dead + ".3", "id: bap");
  // A live process may still be writing its own; other hidden files are not ours.
  sandbox.write("ideas/.sigap.yaml.tmp." + alive + ".0", "id: sig");
  sandbox.write("ideas/.sigap.yaml.tmp.x.0", "");
  sandbox.write("ideas/.notes", "mine\n");

  Result r = sandbox.run({"add-idea", "--id", "sigap", "--title", "SIGAP", "--unit", "bappeda"});
  CHECK(r.err == "");
  CHECK(r.status == 0);
  // Only the folders it wrote to: units/ keeps its stale file until a unit is written.
  CHECK(sandbox.tree("ideas") == std::vector<std::string>{".notes",
                                                          ".sigap.yaml.tmp." + alive + ".0",
                                                          ".sigap.yaml.tmp.x.0", "sigap.yaml"});
  CHECK(sandbox.exists("units/.bappeda.yaml.tmp." + dead + ".3"));
  CHECK(sandbox.run({"check"}).out == "");

  r = sandbox.run({"add-unit", "--id", "dinkes", "--name", "Dinas Kesehatan", "--kind", "dinas"});
  CHECK(r.status == 0);
  CHECK(sandbox.tree("units") ==
        std::vector<std::string>{"bappeda.yaml", "dinkes.yaml", "rsud-koesma.yaml"});
}
