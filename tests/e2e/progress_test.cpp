// The progress bar: on a terminal, work of a few thousand records shows one
// line on standard error, redrawn and then cleared; never on a pipe, never
// for small work, never when TERM is dumb.
#include <doctest/doctest.h>

#include <string>

#include "harness.h"

using namespace e2e;

namespace {

// n with four digits: 7 is "0007".
std::string four(int n) {
  std::string digits = std::to_string(n);
  return std::string(4 - digits.size(), '0') + digits;
}

// A programme of `count` units, each in canonical form.
void make_units(const Sandbox& sandbox, int count) {
  sandbox.make_programme("big");
  stdfs::remove_all(sandbox.path("big/units"));
  for (int i = 0; i < count; ++i) {
    std::string id = "dinas-" + four(i);
    sandbox.write("big/units/" + id + ".yaml",
                  "id: " + id + "\nname: Dinas " + std::to_string(i) + "\nkind: dinas\n");
  }
}

// The last frame of a bar that reached its end, then the line cleared.
std::string finished(const std::string& what, int total) {
  std::string n = std::to_string(total);
  return "\r" + what + " 100% [" + std::string(30, '#') + "] " + n + "/" + n + "\033[K\r\033[K";
}

}  // namespace

TEST_CASE("check of 2,500 records on a terminal shows its progress, then clears the line") {
  Sandbox sandbox;
  make_units(sandbox, 2500);
  Result r = sandbox.run_on_terminal({"-C", "big", "check"}, 80);
  CHECK(r.status == 0);
  CHECK(r.out.starts_with("\rreading records "));
  CHECK(r.out.ends_with(finished("reading records", 2500)));

  SUBCASE("on a narrow terminal the bar is left out") {
    Result narrow = sandbox.run_on_terminal({"-C", "big", "check"}, 40);
    CHECK(narrow.out.ends_with("\rreading records 100% 2500/2500\033[K\r\033[K"));
  }
  SUBCASE("never when standard error is not a terminal") {
    Result piped = sandbox.run({"-C", "big", "check"});
    CHECK(piped.status == 0);
    CHECK(piped.err == "");
  }
  SUBCASE("never when TERM is dumb") {
    Result dumb = sandbox.run_on_terminal({"-C", "big", "check"}, 80, {{"TERM", "dumb"}});
    CHECK(dumb.out == "");
  }
  SUBCASE("an import shows its reading and its writing") {
    std::string csv = "id,title,unit,stage\n";
    for (int i = 0; i < 2500; ++i)
      csv += "ide-" + four(i) + ",Ide " + std::to_string(i) + ",dinas-" + four(i) + ",initiative\n";
    sandbox.write("ideas.csv", csv);
    Result imported = sandbox.run_on_terminal({"-C", "big", "add-idea", "--from", "ideas.csv"}, 80);
    CHECK(imported.status == 0);
    auto writing = imported.out.find(finished("writing records", 2500));
    REQUIRE(writing != std::string::npos);
    CHECK(imported.out.find(finished("reading records", 2500)) < writing);
    CHECK(imported.out.find("added big/ideas/ide-0000.yaml") > writing);
    CHECK(sandbox.exists("big/ideas/ide-2499.yaml"));
  }
}

TEST_CASE("a programme of a few records shows no progress, even on a terminal") {
  Sandbox sandbox;
  make_units(sandbox, 50);
  Result r = sandbox.run_on_terminal({"-C", "big", "check"}, 80);
  CHECK(r.status == 0);
  CHECK(r.out == "");
}
