// list and show: records read back in the terminal, as CSV and as JSON.
#include <doctest/doctest.h>

#include "harness.h"

using namespace e2e;

namespace {

// Three ideas over two units, every listed column filled.
void add_ideas(const Sandbox& sandbox) {
  sandbox.write("ideas/antrean-online.yaml",
                "id: antrean-online\n"
                "title: Antrean Online\n"
                "unit: rsud-koesma\n"
                "category: public-service\n"
                "kind: digital\n"
                "stage: trial\n"
                "trial_date: 2018-07-02\n");
  sandbox.write("ideas/sigap.yaml",
                "id: sigap\n"
                "title: SIGAP\n"
                "unit: bappeda\n"
                "category: governance\n"
                "stage: implemented\n"
                "implemented_date: 2018-08-01\n");
  sandbox.write("ideas/lapor-bupati.yaml",
                "id: lapor-bupati\n"
                "title: Lapor Bupati\n"
                "unit: bappeda\n"
                "category: public-service\n"
                "stage: initiative\n"
                "tags: [aduan, warga]\n");
}

const char* kCsvHeader =
    "id,title,unit,proposer_name,proposer_nip,proposer_position,proposer_echelon,initiator,"
    "category,kind,stage,priority,indicator,submitted,trial_date,implemented_date,dropped_date,"
    "drop_reason,budget,problem,"
    "description,goal,benefit,plan,tags\n";

}  // namespace

TEST_CASE("list ideas prints a table sorted by id") {
  Sandbox sandbox;
  sandbox.make_programme();
  add_ideas(sandbox);
  Result r = sandbox.run({"list", "ideas"});
  CHECK(r.out ==
        "ID              TITLE           UNIT         STAGE        CATEGORY\n"
        "antrean-online  Antrean Online  rsud-koesma  trial        public-service\n"
        "lapor-bupati    Lapor Bupati    bappeda      initiative   public-service\n"
        "sigap           SIGAP           bappeda      implemented  governance\n");
  CHECK(r.err == "");
  CHECK(r.status == 0);
}

TEST_CASE("list ideas filters by unit, stage and category, Indonesian words included") {
  Sandbox sandbox;
  sandbox.make_programme();
  add_ideas(sandbox);
  const std::string header = "ID              TITLE           UNIT         STAGE        CATEGORY\n";
  Result r = sandbox.run({"list", "ideas", "--unit", "bappeda"});
  CHECK(r.out ==
        "ID            TITLE         UNIT     STAGE        CATEGORY\n"
        "lapor-bupati  Lapor Bupati  bappeda  initiative   public-service\n"
        "sigap         SIGAP         bappeda  implemented  governance\n");
  CHECK(r.status == 0);

  r = sandbox.run({"list", "ideas", "--stage", "uji coba", "--format", "csv"});
  CHECK(r.out == std::string(kCsvHeader) +
                     "antrean-online,Antrean Online,rsud-koesma,,,,,,public-service,digital,trial,"
                     ",,,2018-07-02,,,,,,,,,,\n");
  CHECK(r.status == 0);

  r = sandbox.run(
      {"list", "ideas", "--category", "pelayanan publik", "--unit", "bappeda", "--format", "csv"});
  CHECK(r.out ==
        std::string(kCsvHeader) +
            "lapor-bupati,Lapor Bupati,bappeda,,,,,,public-service,,initiative,,,,,,,,,,,,,,"
            "aduan;warga\n");

  r = sandbox.run({"list", "ideas", "--stage", "dropped", "--format", "csv"});
  CHECK(r.out == kCsvHeader);
  CHECK(r.status == 0);
}

TEST_CASE("list refuses filters that do not apply or do not exist") {
  Sandbox sandbox;
  sandbox.make_programme();
  add_ideas(sandbox);
  Result r = sandbox.run({"list", "ideas", "--stage", "selesai"});
  CHECK(r.err ==
        "inovasi: error: --stage: 'selesai' is not a stage (expected initiative, trial, "
        "implemented or dropped)\n");
  CHECK(r.out == "");
  CHECK(r.status == 2);

  r = sandbox.run({"list", "ideas", "--unit", "bagian-umum"});
  CHECK(r.err == "inovasi: error: --unit: there is no unit 'bagian-umum'\n");
  CHECK(r.out == "");
  CHECK(r.status == 1);

  r = sandbox.run({"list", "units", "--stage", "trial"});
  CHECK(r.err == "inovasi: error: --stage does not filter units\n");
  CHECK(r.status == 2);

  r = sandbox.run({"list", "ideas", "--format", "xml"});
  CHECK(r.err ==
        "inovasi: error: --format: xml not in {table,csv,json}\n"
        "Run 'inovasi list --help' for usage.\n");
  CHECK(r.status == 2);
}

TEST_CASE("list units counts ideas and reads as JSON") {
  Sandbox sandbox;
  sandbox.make_programme();
  add_ideas(sandbox);
  Result r = sandbox.run({"list", "units"});
  CHECK(r.out ==
        "ID           NAME                                  KIND      IDEAS\n"
        "bappeda      Badan Perencanaan Pembangunan Daerah  badan     2\n"
        "rsud-koesma  RSUD dr. R. Koesma                    hospital  1\n");
  CHECK(r.status == 0);

  r = sandbox.run({"list", "units", "--kind", "rsud", "--format", "json"});
  CHECK(r.out ==
        "[\n"
        "  {\n"
        "    \"id\": \"rsud-koesma\",\n"
        "    \"name\": \"RSUD dr. R. Koesma\",\n"
        "    \"kind\": \"hospital\"\n"
        "  }\n"
        "]\n");
  CHECK(r.err == "");
  CHECK(r.status == 0);
}

TEST_CASE("list still lists the readable records when one file is broken, and says so") {
  Sandbox sandbox;
  sandbox.make_programme();
  add_ideas(sandbox);
  sandbox.write("ideas/rusak.yaml", "id: rusak\ntitle: Rusak\nunit: bappeda\nstage: selesai\n");
  Result r = sandbox.run({"list", "ideas", "--format", "csv", "--unit", "rsud-koesma"});
  CHECK(r.out == std::string(kCsvHeader) +
                     "antrean-online,Antrean Online,rsud-koesma,,,,,,public-service,digital,trial,"
                     ",,,2018-07-02,,,,,,,,,,\n");
  CHECK(r.err ==
        "ideas/rusak.yaml:4:8: error: stage: 'selesai' is not a stage (expected initiative, "
        "trial, implemented or dropped)\n");
  CHECK(r.status == 1);
}

TEST_CASE("show prints one record with its path, as YAML or JSON") {
  Sandbox sandbox;
  sandbox.make_programme();
  add_ideas(sandbox);
  Result r = sandbox.run({"show", "lapor-bupati"});
  CHECK(r.out ==
        "# ideas/lapor-bupati.yaml\n"
        "id: lapor-bupati\n"
        "title: Lapor Bupati\n"
        "unit: bappeda\n"
        "category: public-service\n"
        "stage: initiative\n"
        "tags: [aduan, warga]\n");
  CHECK(r.err == "");
  CHECK(r.status == 0);

  r = sandbox.run({"show", "bappeda"});
  CHECK(r.out ==
        "# units/bappeda.yaml\n"
        "id: bappeda\n"
        "name: Badan Perencanaan Pembangunan Daerah\n"
        "kind: badan\n"
        "# ideas of this unit: lapor-bupati, sigap\n");
  CHECK(r.status == 0);

  r = sandbox.run({"show", "sigap", "--format", "json"});
  CHECK(r.out ==
        "{\n"
        "  \"id\": \"sigap\",\n"
        "  \"title\": \"SIGAP\",\n"
        "  \"unit\": \"bappeda\",\n"
        "  \"category\": \"governance\",\n"
        "  \"stage\": \"implemented\",\n"
        "  \"implemented_date\": \"2018-08-01\"\n"
        "}\n");
  CHECK(r.status == 0);

  r = sandbox.run({"-C", ".", "show", "sigpa"});
  CHECK(r.err == "inovasi: error: no record has the id 'sigpa'; did you mean 'sigap'?\n");
  CHECK(r.out == "");
  CHECK(r.status == 1);
}

TEST_CASE("list on a terminal: bold header, no colour with NO_COLOR or TERM=dumb") {
  Sandbox sandbox;
  sandbox.make_programme();
  add_ideas(sandbox);
  Result r = sandbox.run_on_terminal({"list", "units"}, 100, {{"TERM", "xterm"}});
  CHECK(r.out ==
        "\033[1mID\033[0m           \033[1mNAME\033[0m                                  "
        "\033[1mKIND\033[0m      \033[1mIDEAS\033[0m\n"
        "bappeda      Badan Perencanaan Pembangunan Daerah  badan     2\n"
        "rsud-koesma  RSUD dr. R. Koesma                    hospital  1\n");
  CHECK(r.status == 0);

  const std::string plain =
      "ID           NAME                                  KIND      IDEAS\n"
      "bappeda      Badan Perencanaan Pembangunan Daerah  badan     2\n"
      "rsud-koesma  RSUD dr. R. Koesma                    hospital  1\n";
  r = sandbox.run_on_terminal({"list", "units"}, 100, {{"TERM", "xterm"}, {"NO_COLOR", "1"}});
  CHECK(r.out == plain);
  r = sandbox.run_on_terminal({"list", "units"}, 100, {{"TERM", "dumb"}});
  CHECK(r.out == plain);
}

TEST_CASE("list fits the table to the terminal width") {
  Sandbox sandbox;
  sandbox.make_programme();
  add_ideas(sandbox);
  Result r = sandbox.run_on_terminal({"list", "units"}, 50, {{"NO_COLOR", "1"}});
  CHECK(r.status == 0);
  std::size_t start = 0;
  int lines = 0;
  while (start < r.out.size()) {
    std::size_t end = r.out.find('\n', start);
    REQUIRE(end != std::string::npos);
    std::string line = r.out.substr(start, end - start);
    CAPTURE(line);
    CHECK(line.size() <= 50);  // ASCII only, so bytes are columns
    start = end + 1;
    ++lines;
  }
  CHECK(lines == 3);
  CHECK(r.out.starts_with("ID           NAME"));
}
