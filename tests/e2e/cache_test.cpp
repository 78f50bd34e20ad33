// The record cache (.inovasi/cache) through the built binary: reading
// commands keep it, answers are the same with or without it, and a file
// changed, a cache damaged, or a command that must not write never lets a
// stale record through or leaves a cache behind.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "harness.h"

using namespace e2e;

namespace {

stdfs::path example() {
  return fixtures().parent_path().parent_path() / "examples" / "tuban-2018";
}

// Files written by the copy are "racily clean" for two seconds (see cache.h);
// a programme last changed an hour ago is cached at once.
void age(const stdfs::path& root) {
  auto hour_ago = stdfs::file_time_type::clock::now() - std::chrono::hours(1);
  for (const auto& entry : stdfs::recursive_directory_iterator(root))
    if (entry.is_regular_file()) stdfs::last_write_time(entry.path(), hour_ago);
  // Their change times cannot be set back: they must be older than the
  // cache's racy window (50 ms on this filesystem) before the next command.
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
}

void copy_tuban(const Sandbox& sandbox) {
  copy_tree(example(), sandbox.path("tuban"));
  age(sandbox.path("tuban"));
}

const std::vector<std::string> kList = {"-C", "tuban", "list", "ideas", "--format", "csv"};
const std::vector<std::string> kEvaluate = {
    "-C", "tuban", "evaluate", "--period", "2018-H2", "--as-of", "2019-02-15", "--format", "json"};

Result ok(const Sandbox& sandbox, const std::vector<std::string>& args) {
  Result r = sandbox.run(args);
  REQUIRE(r.status == 0);
  REQUIRE(r.err == "");
  return r;
}

}  // namespace

TEST_CASE("reading commands keep a cache of every record, and answer the same from it") {
  Sandbox sandbox;
  copy_tuban(sandbox);
  const std::string listed = ok(sandbox, kList).out;
  const std::string evaluated = ok(sandbox, kEvaluate).out;
  REQUIRE(sandbox.exists("tuban/.inovasi/cache"));
  const std::string cache = sandbox.read("tuban/.inovasi/cache");
  CHECK(cache.starts_with("inovasi record cache 2\n"));
  for (const auto& file : sandbox.tree("tuban"))
    if (file.ends_with(".yaml") && file != "inovasi.yaml") {
      CAPTURE(file);
      CHECK(cache.find(file) != std::string::npos);
    }

  // From the cache, byte for byte the same, and the cache is left as it was.
  CHECK(ok(sandbox, kList).out == listed);
  CHECK(ok(sandbox, kEvaluate).out == evaluated);
  CHECK(sandbox.read("tuban/.inovasi/cache") == cache);
  // Every other reading command too.
  ok(sandbox, {"-C", "tuban", "status", "--as-of", "2019-02-15"});
  ok(sandbox, {"-C", "tuban", "show", "antrean-online"});
  ok(sandbox, {"-C", "tuban", "export", "ideas"});
  CHECK(sandbox.read("tuban/.inovasi/cache") == cache);
}

TEST_CASE("a record changed since it was cached is read again, even at the same size and time") {
  Sandbox sandbox;
  copy_tuban(sandbox);
  ok(sandbox, kList);
  REQUIRE(sandbox.exists("tuban/.inovasi/cache"));
  const std::string file = "tuban/ideas/antrean-online.yaml";
  std::string text = sandbox.read(file);
  auto at = text.find("title: ");
  REQUIRE(at != std::string::npos);
  text[at + 7] = text[at + 7] == 'X' ? 'Y' : 'X';  // same size
  auto when = stdfs::last_write_time(sandbox.path(file));
  sandbox.write(file, text);
  stdfs::last_write_time(sandbox.path(file), when);  // same modification time
  std::string listed = ok(sandbox, kList).out;
  CHECK(listed.find("\nantrean-online," + text.substr(at + 7, 5)) != std::string::npos);

  // A record broken since is an error, not its cached self.
  sandbox.write(file, "id: antrean-online\ntitle: [\n");
  Result r = sandbox.run(kList);
  CHECK(r.status == 1);
  CHECK(r.err.find("tuban/ideas/antrean-online.yaml:") == 0);
}

TEST_CASE("a damaged or foreign cache is ignored and written anew") {
  Sandbox sandbox;
  copy_tuban(sandbox);
  const std::string listed = ok(sandbox, kList).out;
  const std::string cache = sandbox.read("tuban/.inovasi/cache");
  for (std::string damaged :
       {std::string(), std::string("garbage"), cache.substr(0, cache.size() / 2),
        cache.substr(0, cache.size() - 1) + "?",
        std::string(cache).replace(40, 3, "\xff\xff\xff")}) {
    sandbox.write("tuban/.inovasi/cache", damaged);
    CHECK(ok(sandbox, kList).out == listed);
    CHECK(sandbox.read("tuban/.inovasi/cache") == cache);
  }
}

TEST_CASE("check, and commands that write records, never write the cache") {
  Sandbox sandbox;
  copy_tuban(sandbox);
  ok(sandbox, {"-C", "tuban", "check"});
  CHECK_FALSE(sandbox.exists("tuban/.inovasi"));
  ok(sandbox, {"-C", "tuban", "add-unit", "--name", "Dinas Baru", "--kind", "dinas"});
  ok(sandbox,
     {"-C", "tuban", "add-idea", "--title", "Ide baru", "--unit", "dinas-baru", "--dry-run"});
  CHECK_FALSE(sandbox.exists("tuban/.inovasi"));

  // check reads the files themselves, whatever the cache holds.
  ok(sandbox, kList);
  REQUIRE(sandbox.exists("tuban/.inovasi/cache"));
  sandbox.write("tuban/ideas/antrean-online.yaml", "id: antrean-online\nunit: [\n");
  Result r = sandbox.run({"-C", "tuban", "check"});
  CHECK(r.status == 1);
  CHECK(r.err.find("tuban/ideas/antrean-online.yaml:3:1: error: YAML syntax: end of sequence flow "
                   "not found\n") != std::string::npos);
}

TEST_CASE("a command that fails leaves no cache and no temporary file") {
  Sandbox sandbox;
  copy_tuban(sandbox);
  CHECK(sandbox.run({"-C", "tuban", "show", "no-such-idea"}).status == 1);
  CHECK_FALSE(sandbox.exists("tuban/.inovasi"));
  sandbox.write("tuban/units/rusak.yaml", "id: rusak\n");  // no name, no kind
  CHECK(sandbox.run(kEvaluate).status == 1);
  CHECK_FALSE(sandbox.exists("tuban/.inovasi"));

  // With a cache there already: a failure leaves it as it was.
  stdfs::remove(sandbox.path("tuban/units/rusak.yaml"));
  ok(sandbox, kList);
  const std::string cache = sandbox.read("tuban/.inovasi/cache");
  sandbox.write("tuban/ideas/antrean-online.yaml", sandbox.read("tuban/ideas/antrean-online.yaml"));
  CHECK(sandbox.run({"-C", "tuban", "show", "no-such-idea"}).status == 1);
  CHECK(sandbox.tree("tuban/.inovasi") == std::vector<std::string>{"cache"});
  CHECK(sandbox.read("tuban/.inovasi/cache") == cache);
}

TEST_CASE("a cache folder that is a symbolic link is neither read nor written") {
  Sandbox sandbox;
  copy_tuban(sandbox);
  stdfs::create_directories(sandbox.path("elsewhere"));
  stdfs::create_directory_symlink(sandbox.path("elsewhere"), sandbox.path("tuban/.inovasi"));
  const std::string listed = ok(sandbox, kList).out;
  CHECK(sandbox.tree("elsewhere") == std::vector<std::string>{});
  CHECK(ok(sandbox, kList).out == listed);
}

TEST_CASE("--no-cache neither reads nor writes the cache, before or after the command") {
  Sandbox sandbox;
  copy_tuban(sandbox);
  const std::string listed =
      ok(sandbox, {"--no-cache", "-C", "tuban", "list", "ideas", "--format", "csv"}).out;
  CHECK_FALSE(sandbox.exists("tuban/.inovasi"));
  ok(sandbox, kList);
  sandbox.write("tuban/.inovasi/cache", "garbage");
  std::vector<std::string> after = kList;
  after.push_back("--no-cache");
  CHECK(ok(sandbox, after).out == listed);
  CHECK(sandbox.read("tuban/.inovasi/cache") == "garbage");
}
