// An editor saving a record while a command rewrites it: the command looks
// again just before its renames and never writes over the edit. The moment
// is made exact with fail_writes.c's INOVASI_PAUSE_SYNCFS, which holds the
// command at the flush that comes after its reading and before its renames.
#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "harness.h"

using namespace e2e;

namespace {

// An idea in flow style, which fmt rewrites.
std::string flow_idea(const std::string& id, const std::string& title) {
  return "{id: " + id + ", title: " + title + ", unit: rsud-koesma, stage: initiative}\n";
}

// Saves a file as editors do: a new file renamed over the old.
void editor_save(const Sandbox& sandbox, const std::string& relative, const std::string& text) {
  sandbox.write(relative + ".editor", text);
  std::filesystem::rename(sandbox.path(relative + ".editor"), sandbox.path(relative));
}

// Runs inovasi with the pause: once it is held at its flush, `meanwhile`
// runs, then the command goes on.
template <class F>
Result run_paused(const Sandbox& sandbox, const std::vector<std::string>& args, F meanwhile,
                  const std::string& at = "1") {
  std::string pause = sandbox.path("pause").string();
  Process process(args, sandbox.root(), "",
                  {{"LD_PRELOAD", FAIL_WRITES_LIB},
                   {"INOVASI_PAUSE_SYNCFS", pause},
                   {"INOVASI_PAUSE_SYNCFS_AT", at}});
  bool held = false;
  for (int waited = 0; waited < 10000 && !held; ++waited) {
    held = sandbox.exists("pause");
    if (!held) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (held) meanwhile();
  std::filesystem::remove(pause);
  Result r = process.wait();
  REQUIRE(held);
  return r;
}

}  // namespace

TEST_CASE("fmt leaves alone a file an editor saves between fmt's reading and its writing") {
  Sandbox sandbox;
  sandbox.make_programme();
  for (const char* id : {"a", "b", "c"})
    sandbox.write("ideas/" + std::string(id) + ".yaml", flow_idea(id, "Ide " + std::string(id)));
  const std::string edited = flow_idea("b", "Diubah di editor");
  Result r = run_paused(sandbox, {"fmt"}, [&] { editor_save(sandbox, "ideas/b.yaml", edited); });
  CHECK(r.err == "ideas/b.yaml: changed since it was read; left alone\n");
  CHECK(r.out == "formatted ideas/a.yaml\nformatted ideas/c.yaml\n");
  CHECK(r.status == 1);
  CHECK(sandbox.read("ideas/b.yaml") == edited);
  CHECK(sandbox.read("ideas/a.yaml") ==
        "id: a\ntitle: Ide a\nunit: rsud-koesma\nstage: initiative\n");
  CHECK_FALSE(sandbox.exists(".inovasi/journal"));
  // Run again, it formats the edit.
  r = sandbox.run({"fmt"});
  CHECK(r.out == "formatted ideas/b.yaml\n");
  CHECK(r.status == 0);
}

TEST_CASE("set refuses the whole change when the file was saved meanwhile, and writes nothing") {
  Sandbox sandbox;
  sandbox.make_programme();
  sandbox.write("ideas/b.yaml", "id: b\ntitle: Ide b\nunit: rsud-koesma\nstage: initiative\n");
  const std::string edited =
      "id: b\ntitle: Ide b\nunit: rsud-koesma\nstage: initiative\nbudget: 5000000\n";
  Result r = run_paused(sandbox, {"set", "idea", "b", "title=Ide baru"},
                        [&] { editor_save(sandbox, "ideas/b.yaml", edited); });
  CHECK(r.err ==
        "inovasi: error: ideas/b.yaml: changed since it was read; nothing was written, run the "
        "command again\n");
  CHECK(r.out == "");
  CHECK(r.status == 1);
  CHECK(sandbox.read("ideas/b.yaml") == edited);
  // Again, over the edit: the budget stays.
  r = sandbox.run({"set", "idea", "b", "title=Ide baru"});
  CHECK(r.status == 0);
  CHECK(sandbox.read("ideas/b.yaml") ==
        "id: b\ntitle: Ide baru\nunit: rsud-koesma\nstage: initiative\nbudget: 5000000\n");
}

TEST_CASE("mv keeps the old file when its new name is taken in the moment before the renames") {
  Sandbox sandbox;
  sandbox.make_programme();
  const std::string idea = "id: a\ntitle: Ide a\nunit: rsud-koesma\nstage: initiative\n";
  sandbox.write("ideas/a.yaml", idea);
  sandbox.write("contracts/rsud-2018.yaml",
                "id: rsud-2018\nunit: rsud-koesma\nideas: [a]\nstart: 2018-04-01\n"
                "end: 2019-03-31\n");
  const std::string other = "id: b\ntitle: Ide orang lain\nunit: rsud-koesma\n";
  // Paused at the journal's flush: after mv's last look, before its renames.
  Result r = run_paused(
      sandbox, {"mv", "idea", "a", "b"}, [&] { editor_save(sandbox, "ideas/b.yaml", other); }, "2");
  CHECK(r.err ==
        "inovasi: error: ideas/b.yaml, ideas/a.yaml: left alone, as a file changed since it was "
        "read; the rest was written\n");
  CHECK(r.status == 1);
  // Neither record is lost: the old file stays, the new name keeps what was saved there.
  CHECK(sandbox.read("ideas/a.yaml") == idea);
  CHECK(sandbox.read("ideas/b.yaml") == other);
}

TEST_CASE("fmt over 600 files killed at any moment while an editor saves one never loses it") {
  using Clock = std::chrono::steady_clock;
  constexpr int kFiles = 600;
  constexpr int kTrials = 16;
  const std::string target = "ideas/ide-0300.yaml";
  const std::string edited = flow_idea("ide-0300", "Diubah di editor");
  const std::string edited_canonical =
      "id: ide-0300\ntitle: Diubah di editor\nunit: rsud-koesma\nstage: initiative\n";
  auto id_of = [](int n) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "ide-%04d", n);
    return std::string(buffer);
  };
  auto make = [&](const Sandbox& sandbox) {
    sandbox.make_programme();
    for (int n = 0; n < kFiles; ++n)
      sandbox.write("ideas/" + id_of(n) + ".yaml", flow_idea(id_of(n), "Ide " + id_of(n)));
  };
  // An undisturbed run says how long fmt takes here.
  Clock::duration whole;
  {
    Sandbox sandbox;
    make(sandbox);
    auto start = Clock::now();
    REQUIRE(sandbox.run({"fmt"}).status == 0);
    whole = Clock::now() - start;
  }
  std::uint64_t seed = 20261208;
  auto next = [&seed](Clock::duration range) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return Clock::duration((seed >> 33) % (range.count() + 1));
  };
  int left_alone = 0, killed = 0;
  for (int trial = 0; trial < kTrials; ++trial) {
    CAPTURE(trial);
    Sandbox sandbox;
    make(sandbox);
    // The edit is saved while fmt runs, before it is killed.
    Clock::duration save_at = next(whole), kill_at = next(whole);
    if (kill_at < save_at) std::swap(save_at, kill_at);
    auto start = Clock::now();
    Process fmt({"fmt"}, sandbox.root(), "", {});
    std::thread editor([&] {
      std::this_thread::sleep_until(start + save_at);
      editor_save(sandbox, target, edited);
    });
    std::this_thread::sleep_until(start + kill_at);
    fmt.signal(SIGKILL);
    Result r = fmt.wait();
    editor.join();
    killed += r.status == 128 + SIGKILL;
    // The next command finishes what was left half done, around the edit.
    Result check = sandbox.run({"check"});
    left_alone +=
        check.err.find("changed since the interrupted command read it") != std::string::npos;
    std::string now = sandbox.read(target);
    CAPTURE(now);
    CAPTURE(r.status);
    CAPTURE(check.err);
    CHECK((now == edited || now == edited_canonical));
    for (int n = 0; n < kFiles; n += 97) {
      if (n == 300) continue;
      std::string text = sandbox.read("ideas/" + id_of(n) + ".yaml");
      CHECK((text == flow_idea(id_of(n), "Ide " + id_of(n)) ||
             text == "id: " + id_of(n) + "\ntitle: Ide " + id_of(n) +
                         "\nunit: rsud-koesma\nstage: initiative\n"));
    }
  }
  MESSAGE(killed, " of ", kTrials, " runs killed; ", left_alone,
          " edits saved in a killed run's renames left alone by the next command");
}
