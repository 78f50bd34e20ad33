// Writers at once: four processes adding ideas into one programme while
// readers list and check it. The directory lock serialises the writes and
// each write is a rename, so no record is lost and no reader sees half a file.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "harness.h"

using namespace e2e;

namespace {

constexpr int kWriters = 4;
constexpr int kIdeasPerWriter = 250;
// Readers pause between runs, so that they take some of the two cores, not
// most: each run reads every record, as each add-idea does under the lock.
constexpr auto kReaderPause = std::chrono::milliseconds(100);

std::string title_of(int writer, int n) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "Writer %d idea %03d", writer, n);
  return buffer;
}

std::string id_of(int writer, int n) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "writer-%d-idea-%03d", writer, n);
  return buffer;
}

// What one add-idea with this title writes.
std::string canonical_idea(int writer, int n) {
  return "id: " + id_of(writer, n) + "\ntitle: " + title_of(writer, n) +
         "\nunit: rsud-koesma\nstage: initiative\n";
}

// A run that went wrong, kept for the main thread to report (doctest's
// assertions are not made from the worker threads).
struct Failure {
  std::string what;
  Result result;
};

std::string describe(const Failure& f) {
  return f.what + "\n  status " + std::to_string(f.result.status) + "\n  stdout: " + f.result.out +
         "\n  stderr: " + f.result.err;
}

// The number of ideas in the output of `list ideas --format csv`, or -1
// unless it is the header followed by whole rows, each the row of an idea
// as a lone add-idea writes it.
int csv_rows(const std::string& out) {
  std::vector<std::string> lines;
  std::size_t from = 0;
  for (std::size_t end; (end = out.find('\n', from)) != std::string::npos; from = end + 1)
    lines.push_back(out.substr(from, end - from));
  if (from != out.size() || lines.empty() || !lines[0].starts_with("id,title,unit,")) return -1;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    std::string id = lines[i].substr(0, lines[i].find(','));
    std::string title = id;  // writer-1-idea-001 -> Writer 1 idea 001
    for (char& c : title)
      if (c == '-') c = ' ';
    title[0] = 'W';
    if (lines[i] != id + "," + title + ",rsud-koesma,,,,,,,,initiative,,,,,,,,,,,,,,") return -1;
  }
  return static_cast<int>(lines.size()) - 1;
}

}  // namespace

TEST_CASE(
    "four writers adding 250 ideas each at once leave exactly 1,000 records, and readers "
    "meanwhile never see a broken file") {
  Sandbox sandbox;
  sandbox.make_programme();

  // The expected text is what a lone add-idea writes.
  {
    Sandbox alone;
    alone.make_programme();
    Result r = alone.run({"add-idea", "--title", title_of(1, 1), "--unit", "rsud-koesma"});
    REQUIRE(r.status == 0);
    REQUIRE(alone.read("ideas/" + id_of(1, 1) + ".yaml") == canonical_idea(1, 1));
  }

  auto start = std::chrono::steady_clock::now();
  std::atomic<int> writers_left{kWriters};
  std::vector<std::vector<Failure>> writer_failures(kWriters);
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      for (int n = 1; n <= kIdeasPerWriter; ++n) {
        Result r =
            sandbox.run({"add-idea", "--title", title_of(w + 1, n), "--unit", "rsud-koesma"});
        std::string expected = "added ideas/" + id_of(w + 1, n) + ".yaml\n";
        if (r.status != 0 || r.out != expected || !r.err.empty())
          writer_failures[w].push_back({"add-idea '" + title_of(w + 1, n) + "'", r});
      }
      --writers_left;
    });
  }

  // Readers run until the last writer is done. The number of ideas they see
  // never goes down: a record once written stays whole.
  std::vector<Failure> reader_failures;
  int lists = 0, checks = 0;
  std::thread lister([&] {
    int seen = 0;
    while (writers_left > 0) {
      Result r = sandbox.run({"list", "ideas", "--format", "csv"});
      ++lists;
      int rows = csv_rows(r.out);
      if (r.status != 0 || !r.err.empty() || rows < seen || rows > kWriters * kIdeasPerWriter)
        reader_failures.push_back({"list ideas --format csv after " + std::to_string(seen), r});
      seen = std::max(seen, rows);
      std::this_thread::sleep_for(kReaderPause);
    }
  });
  std::vector<Failure> checker_failures;
  std::thread checker([&] {
    while (writers_left > 0) {
      Result r = sandbox.run({"check"});
      ++checks;
      if (r.status != 0 || !r.out.empty() || !r.err.empty())
        checker_failures.push_back({"check", r});
      std::this_thread::sleep_for(kReaderPause);
    }
  });
  for (auto& t : writers) t.join();
  lister.join();
  checker.join();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  MESSAGE("1,000 concurrent add-idea calls took "
          << seconds << " s, with " << lists << " lists and " << checks << " checks meanwhile");

  for (const auto& failures : writer_failures)
    for (const auto& f : failures) FAIL_CHECK(describe(f));
  for (const auto& f : reader_failures) FAIL_CHECK(describe(f));
  for (const auto& f : checker_failures) FAIL_CHECK(describe(f));
  CHECK(lists > 0);
  CHECK(checks > 0);

  // Exactly the 1,000 ideas, no temporary file left, each byte for byte what
  // a lone add-idea writes.
  std::vector<std::string> expected;
  for (int w = 1; w <= kWriters; ++w)
    for (int n = 1; n <= kIdeasPerWriter; ++n) expected.push_back(id_of(w, n) + ".yaml");
  std::sort(expected.begin(), expected.end());
  std::vector<std::string> files = sandbox.tree("ideas");
  CHECK(files.size() == expected.size());
  std::vector<std::string> missing, extra;
  std::set_difference(expected.begin(), expected.end(), files.begin(), files.end(),
                      std::back_inserter(missing));
  std::set_difference(files.begin(), files.end(), expected.begin(), expected.end(),
                      std::back_inserter(extra));
  CHECK(missing == std::vector<std::string>{});
  CHECK(extra == std::vector<std::string>{});
  int different = 0;
  for (int w = 1; w <= kWriters; ++w)
    for (int n = 1; n <= kIdeasPerWriter; ++n) {
      std::string path = "ideas/" + id_of(w, n) + ".yaml";
      if (!sandbox.exists(path) || sandbox.read(path) != canonical_idea(w, n)) {
        if (++different <= 5) FAIL_CHECK(path << " is not what a lone add-idea writes");
      }
    }
  CHECK(different == 0);

  Result r = sandbox.run({"check"});
  CHECK(r.out == "");
  CHECK(r.err == "");
  CHECK(r.status == 0);
  r = sandbox.run({"list", "ideas", "--format", "csv"});
  CHECK(csv_rows(r.out) == kWriters * kIdeasPerWriter);
}
