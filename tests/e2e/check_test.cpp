// inovasi check against the programmes in tests/fixtures/check: each folder is
// a programme plus expected.txt (the exact stderr of `inovasi check` run inside
// it) and exit (the expected exit status).
#include <doctest/doctest.h>

#include <algorithm>

#include "harness.h"

using namespace e2e;

namespace {

std::vector<stdfs::path> check_cases() {
  std::vector<stdfs::path> cases;
  for (const auto& entry : stdfs::directory_iterator(fixtures() / "check"))
    if (entry.is_directory()) cases.push_back(entry.path());
  std::sort(cases.begin(), cases.end());
  return cases;
}

// The record of a programme that is clean apart from what a test adds.
const char* kIdea =
    "id: antrean-online\n"
    "title: Antrean Online\n"
    "unit: rsud-koesma\n"
    "stage: initiative\n";

}  // namespace

TEST_CASE("check prints exactly the findings each fixture programme expects") {
  std::vector<stdfs::path> cases = check_cases();
  REQUIRE(cases.size() >= 30);
  Sandbox sandbox;
  for (const auto& dir : cases) {
    std::string name = dir.filename().string();
    INFO("fixture tests/fixtures/check/" << name);
    REQUIRE(stdfs::exists(dir / "expected.txt"));
    REQUIRE(stdfs::exists(dir / "exit"));
    copy_tree(dir, sandbox.path(name));
    stdfs::remove(sandbox.path(name + "/expected.txt"));
    stdfs::remove(sandbox.path(name + "/exit"));
    int expected_status = std::stoi(read_file(dir / "exit"));

    Result r = sandbox.run_in(name, {"check"});
    CHECK(r.err == read_file(dir / "expected.txt"));
    CHECK(r.out == "");
    CHECK(r.status == expected_status);
  }
}

TEST_CASE("check refuses a record file over 1 MiB and reads one of exactly 1 MiB") {
  Sandbox sandbox;
  sandbox.make_programme();
  const std::size_t limit = 1024 * 1024;
  std::string head = std::string(kIdea) + "description: ";
  // A one-line description that fills the file to the limit.
  std::string at_limit = head + std::string(limit - head.size() - 1, 'x') + "\n";
  REQUIRE(at_limit.size() == limit);

  sandbox.write("ideas/antrean-online.yaml", at_limit);
  Result r = sandbox.run({"check", "--quiet"});
  CHECK(r.err == "");
  CHECK(r.status == 0);

  sandbox.write("ideas/antrean-online.yaml", head + std::string(limit - head.size(), 'x') + "\n");
  r = sandbox.run({"check"});
  CHECK(r.err == "ideas/antrean-online.yaml: error: file is larger than 1048576 bytes\n");
  CHECK(r.out == "");
  CHECK(r.status == 1);
}

TEST_CASE("check --quiet prints errors only") {
  Sandbox sandbox;
  sandbox.make_programme();
  sandbox.write("ideas/antrean-online.yaml",
                "title: Antrean Online\nid: antrean-online\nunit: rsud-koesma\nstage: trial\n");
  sandbox.write("ideas/sigap.yaml",
                "id: sigap\ntitle: SIGAP\nunit: bagian-umum\nstage: initiative\n");

  Result r = sandbox.run({"check"});
  CHECK(r.err ==
        "ideas/antrean-online.yaml: warning: not in canonical form (run 'inovasi fmt')\n"
        "ideas/antrean-online.yaml:4:8: warning: the stage is trial but trial_date is missing\n"
        "ideas/sigap.yaml:3:7: error: unit 'bagian-umum' does not exist (no "
        "units/bagian-umum.yaml)\n");
  CHECK(r.status == 1);

  r = sandbox.run({"check", "-q"});
  CHECK(r.err ==
        "ideas/sigap.yaml:3:7: error: unit 'bagian-umum' does not exist (no "
        "units/bagian-umum.yaml)\n");
  CHECK(r.status == 1);

  sandbox.write("ideas/sigap.yaml", "id: sigap\ntitle: SIGAP\nunit: bappeda\nstage: initiative\n");
  r = sandbox.run({"check", "--quiet"});
  CHECK(r.err == "");
  CHECK(r.out == "");
  CHECK(r.status == 0);
}

TEST_CASE("check shows paths from the working directory when given -C") {
  Sandbox sandbox;
  sandbox.make_programme("tuban");
  sandbox.write("tuban/ideas/sigap.yaml",
                "id: sigap\ntitle: SIGAP\nunit: bagian-umum\n"
                "stage: initiative\n");
  Result r = sandbox.run({"-C", "tuban", "check"});
  CHECK(r.err ==
        "tuban/ideas/sigap.yaml:3:7: error: unit 'bagian-umum' does not exist (no "
        "units/bagian-umum.yaml)\n");
  CHECK(r.status == 1);

  r = sandbox.run_in("tuban/ideas", {"check"});
  CHECK(r.err ==
        "../ideas/sigap.yaml:3:7: error: unit 'bagian-umum' does not exist (no "
        "units/bagian-umum.yaml)\n");
  CHECK(r.status == 1);
}

TEST_CASE("check exits 3 when a record folder cannot be read") {
  Sandbox sandbox;
  sandbox.make_programme();
  stdfs::remove(sandbox.path("ideas"));
  sandbox.write("ideas", "not a folder\n");
  Result r = sandbox.run({"check"});
  CHECK(r.err == "inovasi: error: ./ideas: cannot list: Not a directory\n");
  CHECK(r.out == "");
  CHECK(r.status == 3);
}
