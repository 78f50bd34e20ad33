// Every byte kept (issue 16): file modes survive a rewrite, numbers are kept
// exactly or refused, ids are names every file system can hold, targets are
// what the formulas assume, and titles give an id only when no letter is lost.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <string>
#include <vector>

#include "harness.h"

using namespace e2e;

namespace {

const char* kIdea =
    "id: antrean-online\n"
    "title: Antrean Online\n"
    "unit: rsud-koesma\n"
    "stage: initiative\n";

unsigned mode_of(const stdfs::path& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

void set_mode(const stdfs::path& path, unsigned mode) {
  REQUIRE(::chmod(path.c_str(), mode) == 0);
}

// A contract of rsud-koesma with one target whose 2018-Q3 value is `value`.
std::string contract_with_target(const std::string& value) {
  return "id: rsud-2018\n"
         "unit: rsud-koesma\n"
         "ideas: [antrean-online]\n"
         "start: 2018-04-01\n"
         "end: 2019-03-31\n"
         "targets:\n"
         "  - id: pengguna\n"
         "    name: Pengguna aplikasi antrean\n"
         "    by_period: {2018-Q3: " +
         value + "}\n";
}

}  // namespace

// ------------------------------------------------------------ file modes

TEST_CASE("kept: fmt and export -o keep a file's mode, and a new file gets the umask's") {
  Sandbox sandbox;
  sandbox.make_programme();
  // Not canonical (flow style), so that fmt rewrites it.
  sandbox.write("ideas/antrean-online.yaml",
                "{id: antrean-online, title: Antrean Online, unit: rsud-koesma, stage: "
                "initiative}\n");
  set_mode(sandbox.path("ideas/antrean-online.yaml"), 0600);
  Result r = sandbox.run({"fmt"});
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(sandbox.read("ideas/antrean-online.yaml") == kIdea);
  CHECK(mode_of(sandbox.path("ideas/antrean-online.yaml")) == 0600);

  sandbox.write("ideas.csv", "old\n");
  set_mode(sandbox.path("ideas.csv"), 0640);
  r = sandbox.run({"export", "ideas", "-o", "ideas.csv"});
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(sandbox.read("ideas.csv") != "old\n");
  CHECK(mode_of(sandbox.path("ideas.csv")) == 0640);

  // A new file: what the umask leaves of 0666.
  r = sandbox.run({"export", "ideas", "-o", "new.csv"});
  CHECK(r.status == 0);
  CHECK(mode_of(sandbox.path("new.csv")) == (0666 & ~[] {
          mode_t mask = ::umask(0);
          ::umask(mask);
          return mask;
        }()));
}

TEST_CASE("kept: the record cache is readable by its owner only") {
  Sandbox sandbox;
  sandbox.make_programme();
  sandbox.write("ideas/antrean-online.yaml", kIdea);
  set_mode(sandbox.path("ideas/antrean-online.yaml"), 0600);
  Result r = sandbox.run({"list", "ideas"});
  INFO(r.err);
  CHECK(r.status == 0);
  REQUIRE(sandbox.exists(".inovasi/cache"));
  CHECK((mode_of(sandbox.path(".inovasi/cache")) & 077) == 0);
}

// ------------------------------------------------------------ numbers

TEST_CASE("kept: a number with more digits than a double holds is refused, never changed") {
  Sandbox sandbox;
  sandbox.make_programme();
  sandbox.write("ideas/antrean-online.yaml", kIdea);
  // In flow style, so that fmt would rewrite it.
  const std::string contract = contract_with_target("12345678901.123456");
  sandbox.write("contracts/rsud-2018.yaml", contract);
  const std::string message =
      "contracts/rsud-2018.yaml:9:26: error: targets[0].by_period.2018-Q3: '12345678901.123456' "
      "has more significant digits than a number holds and would become 12345678901.123455; "
      "round it\n";
  Result r = sandbox.run({"fmt"});
  CHECK(r.status == 1);
  CHECK(r.err == message);
  CHECK(sandbox.read("contracts/rsud-2018.yaml") == contract);
  r = sandbox.run({"check"});
  CHECK(r.status == 1);
  // The value could not be read, so the target has none.
  CHECK(r.err ==
        "contracts/rsud-2018.yaml:7:5: warning: target 'pengguna' has no value for any "
        "quarter (by_period)\n" +
            message);

  // As many digits as a double keeps are kept, byte for byte.
  const std::string kept = contract_with_target("1234567890.12345");
  sandbox.write("contracts/rsud-2018.yaml", kept);
  r = sandbox.run({"check"});
  INFO(r.err);
  CHECK(r.status == 0);
  r = sandbox.run({"fmt"});
  CHECK(r.status == 0);
  CHECK(sandbox.read("contracts/rsud-2018.yaml").find("{2018-Q3: 1234567890.12345}") !=
        std::string::npos);
}

// ------------------------------------------------------------ ids

TEST_CASE("kept: Windows device names are refused as ids, given or derived") {
  Sandbox sandbox;
  sandbox.make_programme();
  for (const std::string id : {"con", "nul", "aux", "prn", "com1", "lpt9"}) {
    CAPTURE(id);
    Result r = sandbox.run({"add-idea", "--id", id, "--title", "Antrean", "--unit", "rsud-koesma"});
    CHECK(r.status == 1);
    CHECK(r.err == "inovasi: error: id '" + id +
                       "' is a device name on Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9), "
                       "where its file could not be checked out; choose another id\n");
    CHECK_FALSE(sandbox.exists("ideas/" + id + ".yaml"));
  }
  // Derived from a title.
  Result r = sandbox.run({"add-idea", "--title", "Aux", "--unit", "rsud-koesma"});
  CHECK(r.status == 1);
  CHECK(r.err ==
        "inovasi: error: id 'aux' is a device name on Windows (CON, PRN, AUX, NUL, COM1-9, "
        "LPT1-9), where its file could not be checked out; choose another id\n");
  // com0 and com10 are not devices.
  CHECK(sandbox.run({"add-idea", "--id", "com10", "--title", "Antrean", "--unit", "rsud-koesma"})
            .status == 0);

  // A file made by hand: check names it.
  sandbox.write("ideas/nul.yaml", "id: nul\ntitle: Nul\nunit: rsud-koesma\nstage: initiative\n");
  r = sandbox.run({"check"});
  CHECK(r.status == 1);
  CHECK(r.err ==
        "ideas/nul.yaml:1:5: error: id 'nul' is a device name on Windows (CON, PRN, AUX, NUL, "
        "COM1-9, LPT1-9), where its file could not be checked out; choose another id\n");
  sandbox.write("ideas/nul.yaml", kIdea);
  stdfs::rename(sandbox.path("ideas/nul.yaml"), sandbox.path("ideas/antrean-online.yaml"));

  // mv to one.
  r = sandbox.run({"mv", "idea", "antrean-online", "lpt1"});
  CHECK(r.status == 1);
  CHECK(r.err ==
        "ideas/lpt1.yaml:1:5: error: id 'lpt1' is a device name on Windows (CON, PRN, AUX, NUL, "
        "COM1-9, LPT1-9), where its file could not be checked out; choose another id\n");
  CHECK(sandbox.read("ideas/antrean-online.yaml") == kIdea);
}

TEST_CASE("kept: two record files whose names differ only in case are refused, both named") {
  Sandbox sandbox;
  sandbox.make_programme();
  sandbox.write("ideas/antrean-online.yaml", kIdea);
  sandbox.write("ideas/Antrean-Online.yaml", kIdea);
  Result r = sandbox.run({"check"});
  CHECK(r.status == 1);
  CHECK(r.err ==
        "ideas/Antrean-Online.yaml:1:5: error: id 'antrean-online' does not match the file name "
        "'Antrean-Online.yaml'\n"
        "ideas/antrean-online.yaml:1:5: error: duplicate idea id 'antrean-online' (also in "
        "ideas/Antrean-Online.yaml)\n"
        "ideas/antrean-online.yaml:1:5: error: ideas/Antrean-Online.yaml and "
        "ideas/antrean-online.yaml differ only in case; where the file system ignores case "
        "(Windows, macOS) they are one file: rename or remove one\n");
  stdfs::remove(sandbox.path("ideas/Antrean-Online.yaml"));
  CHECK(sandbox.run({"check"}).err == "");
}

// ------------------------------------------------------------ targets

TEST_CASE("kept: a negative target value is refused, by check and on sign-contract") {
  Sandbox sandbox;
  sandbox.make_programme();
  sandbox.write("ideas/antrean-online.yaml", kIdea);
  sandbox.write("contracts/rsud-2018.yaml", contract_with_target("-100"));
  const std::string message =
      "contracts/rsud-2018.yaml:9:26: error: target 'pengguna': 2018-Q3 is negative (-100); "
      "targets must be 0 or more\n";
  Result r = sandbox.run({"check"});
  CHECK(r.status == 1);
  CHECK(r.err ==
        "contracts/rsud-2018.yaml: warning: not in canonical form (run 'inovasi fmt')\n" + message);
  // evaluate does not score it (-200 in no band).
  r = sandbox.run({"evaluate", "--period", "2018-Q3"});
  CHECK(r.status == 1);
  CHECK(r.out == "");
  CHECK(r.err ==
        message + "inovasi: error: the records have errors (above); nothing was evaluated\n");

  stdfs::remove(sandbox.path("contracts/rsud-2018.yaml"));
  sandbox.write("targets.csv", "target,name,2018-Q3\npengguna,Pengguna aplikasi antrean,-100\n");
  r = sandbox.run({"sign-contract", "--id", "rsud-2018", "--unit", "rsud-koesma", "--idea",
                   "antrean-online", "--start", "2018-04-01", "--end", "2019-03-31", "--targets",
                   "targets.csv"});
  CHECK(r.status == 1);
  CHECK(r.err ==
        "targets.csv:2:36: error: target 'pengguna': 2018-Q3 is negative (-100); targets must be "
        "0 or more\n");
  CHECK_FALSE(sandbox.exists("contracts/rsud-2018.yaml"));
}

// ------------------------------------------------------------ titles

TEST_CASE("kept: a title is normalised (NFKC) before its id is derived") {
  Sandbox sandbox;
  sandbox.make_programme();
  // Full-width letters.
  Result r =
      sandbox.run({"add-idea", "--title", "Ａｎｔｒｅａｎ Ｏｎｌｉｎｅ", "--unit", "rsud-koesma"});
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(r.out == "added ideas/antrean-online.yaml\n");
  // Accents taken off.
  r = sandbox.run({"add-idea", "--title", "Pelayanan Cepát Ñ", "--unit", "rsud-koesma"});
  CHECK(r.out == "added ideas/pelayanan-cepat-n.yaml\n");
}

TEST_CASE("kept: a title whose letters an id cannot hold asks for --id") {
  Sandbox sandbox;
  sandbox.make_programme();
  // Cyrillic А and О that look like Latin A and O.
  Result r = sandbox.run({"add-idea", "--title", "Аntrean Оnline", "--unit", "rsud-koesma"});
  CHECK(r.status == 1);
  CHECK(r.err ==
        "inovasi: error: --title has letters an id cannot hold (А U+0410, О U+041E), which would "
        "be left out of it; choose an id with --id\n");
  CHECK(sandbox.tree("ideas").empty());
  r = sandbox.run(
      {"add-idea", "--id", "antrean-online", "--title", "Аntrean Оnline", "--unit", "rsud-koesma"});
  CHECK(r.status == 0);
}

TEST_CASE("kept: the escapes \\_ \\N \\L \\P are text in UTF-8, through check, fmt and export") {
  Sandbox sandbox;
  sandbox.make_programme();
  sandbox.write("ideas/antrean-online.yaml",
                "id: antrean-online\ntitle: \"Antrean\\_Online\\N\\L\\P\"\nunit: rsud-koesma\n"
                "stage: initiative\n");
  Result r = sandbox.run({"fmt"});
  CHECK(r.err == "");
  CHECK(r.out == "formatted ideas/antrean-online.yaml\n");
  CHECK(r.status == 0);
  // U+00A0 is written as it is; the line breaks of YAML 1.1 as escapes.
  CHECK(sandbox.read("ideas/antrean-online.yaml") ==
        "id: antrean-online\ntitle: \"Antrean\xC2\xA0Online\\u0085\\u2028\\u2029\"\n"
        "unit: rsud-koesma\nstage: initiative\n");
  r = sandbox.run({"check"});
  CHECK(r.err == "");
  CHECK(r.status == 0);
  r = sandbox.run({"export", "ideas", "--format", "csv"});
  CHECK(r.status == 0);
  CHECK(r.out.find("Antrean\xC2\xA0Online\xC2\x85\xE2\x80\xA8\xE2\x80\xA9") != std::string::npos);
}

TEST_CASE("kept: a comment after a quote in plain text is a comment: fmt keeps the file") {
  Sandbox sandbox;
  sandbox.make_programme();
  const std::string text = std::string(kIdea) +
                           "description: Rapat dengan camat, 'bupati berhalangan   # catatan "
                           "internal\nbudget: 5000000\n";
  sandbox.write("ideas/antrean-online.yaml", text);
  Result r = sandbox.run({"check"});
  CHECK(r.err ==
        "ideas/antrean-online.yaml: warning: not in canonical form (run 'inovasi fmt "
        "--strip-comments', which drops its comments)\n");
  r = sandbox.run({"fmt"});
  CHECK(r.err ==
        "ideas/antrean-online.yaml: warning: has comments, which formatting would lose; left "
        "alone (use --strip-comments)\n");
  CHECK(r.out == "");
  CHECK(sandbox.read("ideas/antrean-online.yaml") == text);
  // Valid YAML that the old detector took for a quote never closed: read,
  // and written quoted, as other readers might take it as that detector did.
  sandbox.write("ideas/antrean-online.yaml",
                std::string(kIdea) + "description: Hadir 40 warga, '20 perempuan\n");
  r = sandbox.run({"check"});
  CHECK(r.err == "ideas/antrean-online.yaml: warning: not in canonical form (run 'inovasi fmt')\n");
  CHECK(r.status == 0);
  r = sandbox.run({"fmt"});
  CHECK(r.status == 0);
  CHECK(sandbox.read("ideas/antrean-online.yaml") ==
        std::string(kIdea) + "description: 'Hadir 40 warga, ''20 perempuan'\n");
}
