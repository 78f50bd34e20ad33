// add-regulation through the built binary: the records it writes byte for
// byte, from options and from CSV, what it refuses, and regulations in list,
// show and export.
#include <doctest/doctest.h>

#include "harness.h"

using namespace e2e;

namespace {

// A programme with three ideas for regulations to list.
void make_regulation_programme(const Sandbox& sandbox) {
  sandbox.make_programme();
  sandbox.write("ideas/antrean-online.yaml",
                "id: antrean-online\ntitle: Antrean Online\nunit: rsud-koesma\nstage: trial\n"
                "trial_date: 2018-07-02\n");
  sandbox.write("ideas/e-musrenbang.yaml",
                "id: e-musrenbang\ntitle: e-Musrenbang\nunit: bappeda\nstage: trial\n"
                "trial_date: 2018-12-03\n");
  sandbox.write("ideas/sigap.yaml", "id: sigap\ntitle: SIGAP\nunit: bappeda\nstage: initiative\n");
}

const char* kOriginal =
    "id: perbup-27-2018\n"
    "number: Perbup No. 27 Tahun 2018\n"
    "date: 2018-08-27\n"
    "ideas: [antrean-online, sigap]\n";

const char* kAmendment =
    "id: perbup-45-2018\n"
    "number: Perbup No. 45 Tahun 2018\n"
    "date: 2018-12-20\n"
    "amends: perbup-27-2018\n"
    "ideas: [antrean-online, e-musrenbang]\n";

std::vector<std::string> original_options() {
  return {"add-regulation",           "--id",   "perbup-27-2018", "--number",
          "Perbup No. 27 Tahun 2018", "--date", "2018-08-27",     "--idea",
          "antrean-online",           "--idea", "sigap"};
}

}  // namespace

TEST_CASE("add-regulation writes a perbup, then its amendment") {
  Sandbox sandbox;
  make_regulation_programme(sandbox);
  Result r = sandbox.run(original_options());
  CHECK(r.err == "");
  CHECK(r.out == "added regulations/perbup-27-2018.yaml\n");
  CHECK(r.status == 0);
  CHECK(sandbox.read("regulations/perbup-27-2018.yaml") == kOriginal);

  r = sandbox.run({"add-regulation", "--number", "Perbup No. 45 Tahun 2018", "--id",
                   "perbup-45-2018", "--date", "2018-12-20", "--amends", "perbup-27-2018", "--idea",
                   "antrean-online", "--idea", "e-musrenbang"});
  CHECK(r.err == "");
  CHECK(r.out == "added regulations/perbup-45-2018.yaml\n");
  CHECK(r.status == 0);
  CHECK(sandbox.read("regulations/perbup-45-2018.yaml") == kAmendment);

  r = sandbox.run({"check"});
  CHECK(r.err == "");
  CHECK(r.status == 0);
}

TEST_CASE("add-regulation derives the id from the number, and --dry-run writes nothing") {
  Sandbox sandbox;
  make_regulation_programme(sandbox);
  Result r = sandbox.run({"add-regulation", "--number", "Perbup No. 27 Tahun 2018", "--date",
                          "2018-08-27", "--idea", "sigap", "--dry-run"});
  CHECK(r.err == "");
  CHECK(r.out ==
        "would add regulations/perbup-no-27-tahun-2018.yaml\n"
        "id: perbup-no-27-tahun-2018\n"
        "number: Perbup No. 27 Tahun 2018\n"
        "date: 2018-08-27\n"
        "ideas: [sigap]\n");
  CHECK(r.status == 0);
  CHECK_FALSE(sandbox.exists("regulations/perbup-no-27-tahun-2018.yaml"));
}

TEST_CASE("add-regulation refuses what check would, and writes nothing") {
  Sandbox sandbox;
  make_regulation_programme(sandbox);
  sandbox.write("regulations/perbup-27-2018.yaml", kOriginal);

  SUBCASE("missing fields") {
    Result r = sandbox.run({"add-regulation", "--id", "perbup-45-2018", "--idea", "sigap"});
    CHECK(r.err ==
          "inovasi: error: --number is required\n"
          "inovasi: error: --date is required\n");
    CHECK(r.status == 1);
  }
  SUBCASE("an unknown idea, an idea twice, an unknown regulation amended") {
    Result r =
        sandbox.run({"add-regulation", "--id", "perbup-45-2018", "--number",
                     "Perbup No. 45 Tahun 2018", "--date", "2018-12-20", "--amends",
                     "perbup-72-2018", "--idea", "sigab", "--idea", "sigap", "--idea", "sigap"});
    CHECK(r.err ==
          "inovasi: error: idea 'sigab' does not exist (no ideas/sigab.yaml)\n"
          "inovasi: error: idea 'sigap' is listed twice (first as ideas[1])\n"
          "inovasi: error: regulation 'perbup-72-2018' does not exist (no "
          "regulations/perbup-72-2018.yaml)\n");
    CHECK(r.status == 1);
  }
  SUBCASE("an amendment dated before the regulation it amends, or amending itself") {
    Result r = sandbox.run({"add-regulation", "--id", "perbup-45-2018", "--number",
                            "Perbup No. 45 Tahun 2018", "--date", "2018-08-01", "--amends",
                            "perbup-27-2018", "--idea", "sigap"});
    CHECK(r.err ==
          "inovasi: error: date 2018-08-01 is before the date of 'perbup-27-2018' (2018-08-27), "
          "which it amends\n");
    CHECK(r.status == 1);
    r = sandbox.run({"add-regulation", "--id", "perbup-45-2018", "--number",
                     "Perbup No. 45 Tahun 2018", "--date", "2018-12-20", "--amends",
                     "perbup-45-2018", "--idea", "sigap"});
    CHECK(r.err == "inovasi: error: a regulation cannot amend itself\n");
    CHECK(r.status == 1);
  }
  SUBCASE("an id that exists, and an impossible date") {
    auto options = original_options();
    Result r = sandbox.run(options);
    CHECK(r.err ==
          "inovasi: error: regulation 'perbup-27-2018' exists already "
          "(regulations/perbup-27-2018.yaml); choose another with --id, or use --update to "
          "replace it\n");
    CHECK(r.status == 1);
    options[6] = "2018-02-30";
    options.push_back("--update");
    r = sandbox.run(options);
    CHECK(r.err ==
          "inovasi: error: --date: '2018-02-30' is not a date: February 2018 has 28 days\n");
    CHECK(r.status == 1);
  }
  SUBCASE("--idea with --from") {
    sandbox.write("regulations.csv", "id,number,date,ideas\n");
    Result r = sandbox.run({"add-regulation", "--from", "regulations.csv", "--idea", "sigap"});
    CHECK(r.err ==
          "inovasi: error: --idea cannot be combined with --from; put the ideas in the CSV file\n");
    CHECK(r.status == 2);
  }
  CHECK(sandbox.tree("regulations") == std::vector<std::string>{"perbup-27-2018.yaml"});
  CHECK(sandbox.read("regulations/perbup-27-2018.yaml") == kOriginal);
}

TEST_CASE("add-regulation --from takes the CSV layout of export regulations") {
  Sandbox sandbox;
  make_regulation_programme(sandbox);
  sandbox.write("regulations.csv",
                "id,number,date,amends,ideas\n"
                "perbup-27-2018,Perbup No. 27 Tahun 2018,2018-08-27,,antrean-online;sigap\n"
                "perbup-45-2018,Perbup No. 45 Tahun 2018,2018-12-20,perbup-27-2018,"
                "antrean-online; e-musrenbang\n");
  Result r = sandbox.run({"add-regulation", "--from", "regulations.csv"});
  CHECK(r.err == "");
  CHECK(r.out ==
        "added regulations/perbup-27-2018.yaml\n"
        "added regulations/perbup-45-2018.yaml\n");
  CHECK(r.status == 0);
  CHECK(sandbox.read("regulations/perbup-27-2018.yaml") == kOriginal);
  CHECK(sandbox.read("regulations/perbup-45-2018.yaml") == kAmendment);

  // The export is the same file, and imports back unchanged.
  r = sandbox.run({"export", "regulations"});
  CHECK(r.err == "");
  CHECK(r.out ==
        "id,number,date,amends,ideas\n"
        "perbup-27-2018,Perbup No. 27 Tahun 2018,2018-08-27,,antrean-online;sigap\n"
        "perbup-45-2018,Perbup No. 45 Tahun 2018,2018-12-20,perbup-27-2018,"
        "antrean-online;e-musrenbang\n");
  sandbox.write("export.csv", r.out);
  r = sandbox.run({"add-regulation", "--from", "export.csv", "--update"});
  CHECK(r.err == "");
  CHECK(r.out ==
        "unchanged regulations/perbup-27-2018.yaml\n"
        "unchanged regulations/perbup-45-2018.yaml\n");
}

TEST_CASE("add-regulation --from reports every row's problems, and writes nothing") {
  Sandbox sandbox;
  make_regulation_programme(sandbox);
  sandbox.write("regulations.csv",
                "id,number,date,amends,ideas\n"
                "perbup-27-2018,Perbup No. 27 Tahun 2018,2018-08-27,,antrean-online;sigab\n"
                "perbup-45-2018,,2018-12-20,perbup-27-2018,antrean-online\n"
                "perbup-46-2018,Perbup No. 46 Tahun 2018,2018-12-20,perbup-27-2018,sigap\n");
  Result r = sandbox.run({"add-regulation", "--from", "regulations.csv"});
  CHECK(r.err ==
        "regulations.csv:2:53: error: idea 'sigab' does not exist (no ideas/sigab.yaml)\n"
        "regulations.csv:3:16: error: column 'number' is required\n"
        "regulations.csv:4:52: warning: 'perbup-27-2018' is amended by 'perbup-45-2018' too; "
        "amend 'perbup-45-2018' instead, so that the changes are counted from the annex in "
        "force\n");
  CHECK(r.out == "");
  CHECK(r.status == 1);
  CHECK_FALSE(sandbox.exists("regulations"));
}

TEST_CASE("list and show regulations") {
  Sandbox sandbox;
  make_regulation_programme(sandbox);
  sandbox.write("regulations/perbup-27-2018.yaml", kOriginal);
  sandbox.write("regulations/perbup-45-2018.yaml", kAmendment);

  Result r = sandbox.run({"list", "regulations"});
  CHECK(r.err == "");
  CHECK(r.out ==
        "ID              NUMBER                    DATE        AMENDS          IDEAS\n"
        "perbup-27-2018  Perbup No. 27 Tahun 2018  2018-08-27                  2\n"
        "perbup-45-2018  Perbup No. 45 Tahun 2018  2018-12-20  perbup-27-2018  2\n");
  CHECK(r.status == 0);

  // --unit: the regulations listing one of its ideas; --period: dated in it.
  r = sandbox.run({"list", "regulations", "--unit", "bappeda", "--period", "2018-H2"});
  CHECK(r.out ==
        "ID              NUMBER                    DATE        AMENDS          IDEAS\n"
        "perbup-27-2018  Perbup No. 27 Tahun 2018  2018-08-27                  2\n"
        "perbup-45-2018  Perbup No. 45 Tahun 2018  2018-12-20  perbup-27-2018  2\n");
  r = sandbox.run(
      {"list", "regulations", "--unit", "rsud-koesma", "--period", "2018-Q4", "--format", "csv"});
  CHECK(r.out ==
        "id,number,date,amends,ideas\n"
        "perbup-45-2018,Perbup No. 45 Tahun 2018,2018-12-20,perbup-27-2018,"
        "antrean-online;e-musrenbang\n");
  r = sandbox.run({"list", "regulations", "--stage", "trial"});
  CHECK(r.err == "inovasi: error: --stage does not filter regulations\n");
  CHECK(r.status == 2);

  r = sandbox.run({"show", "perbup-27-2018"});
  CHECK(r.err == "");
  CHECK(r.out == std::string("# regulations/perbup-27-2018.yaml\n") + kOriginal +
                     "# amended by: perbup-45-2018\n");
  r = sandbox.run({"show", "sigap"});
  CHECK(r.out.ends_with("# regulations listing it: perbup-27-2018\n"));
  r = sandbox.run({"show", "perbup-45-2018", "--format", "json"});
  CHECK(r.out ==
        "{\n"
        "  \"id\": \"perbup-45-2018\",\n"
        "  \"number\": \"Perbup No. 45 Tahun 2018\",\n"
        "  \"date\": \"2018-12-20\",\n"
        "  \"amends\": \"perbup-27-2018\",\n"
        "  \"ideas\": [\n"
        "    \"antrean-online\",\n"
        "    \"e-musrenbang\"\n"
        "  ]\n"
        "}\n");
  r = sandbox.run({"show", "perbup-45-2019"});
  CHECK(r.err ==
        "inovasi: error: no record has the id 'perbup-45-2019'; did you mean "
        "'perbup-45-2018'?\n");
  CHECK(r.status == 1);
}
