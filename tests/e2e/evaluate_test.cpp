// inovasi evaluate through the built binary: the summary and every table of
// the Tuban example byte for byte in both languages, the output choices, and
// refusals that write nothing.
#include <doctest/doctest.h>

#include "harness.h"

using namespace e2e;

namespace {

const char* kTables[] = {"summary.md", "contracts.csv", "targets.csv",
                         "units.csv",  "ideas.csv",     "units.svg"};

stdfs::path examples() {
  return fixtures().parent_path().parent_path() / "examples";
}
stdfs::path golden(const std::string& name) {
  return golden_dir() / "evaluate" / name;
}

// The Tuban example, copied so that nothing a test does reaches the source tree.
void copy_tuban(const Sandbox& sandbox) {
  copy_tree(examples() / "tuban-2018", sandbox.path("tuban"));
}

std::string without_chart(std::string summary) {
  for (const char* alt :
       {"![Grafik nilai per OPD](units.svg)\n\n", "![Chart of scores by unit](units.svg)\n\n"}) {
    auto at = summary.find(alt);
    if (at != std::string::npos) summary.erase(at, std::string(alt).size());
  }
  return summary;
}

}  // namespace

TEST_CASE("evaluate --out writes the Tuban summary and tables as the golden files, in id and en") {
  for (std::string lang : {"id", "en"}) {
    CAPTURE(lang);
    Sandbox sandbox;
    copy_tuban(sandbox);
    Result r = sandbox.run({"-C", "tuban", "evaluate", "--period", "2018-H2", "--as-of",
                            "2019-02-15", "--lang", lang, "--out", "laporan/2018-H2"});
    CHECK(r.status == 0);
    CHECK(r.out == "");
    // --lang is the language of the notes too.
    std::string notes;
    for (const char* file : {"summary.md", "contracts.csv", "targets.csv", "units.csv", "ideas.csv",
                             "summary.xlsx", "units.svg"}) {
      std::string path = std::string("laporan/2018-H2/") + file;
      notes += lang == "id" ? path + " ditulis\n" : "wrote " + path + "\n";
    }
    CHECK(r.err == notes);
    CHECK(sandbox.tree("laporan/2018-H2") ==
          std::vector<std::string>{"contracts.csv", "ideas.csv", "summary.md", "summary.xlsx",
                                   "targets.csv", "units.csv", "units.svg"});
    for (const char* file : kTables)
      check_golden(sandbox.read(std::string("laporan/2018-H2/") + file),
                   golden("tuban-2018-H2-" + lang) / file);

    // Standard output: the same summary without the chart, and each table by name.
    Result md = sandbox.run({"-C", "tuban", "evaluate", "--period", "2018-H2", "--as-of",
                             "2019-02-15", "--lang", lang});
    CHECK(md.status == 0);
    CHECK(md.err == "");
    CHECK(md.out == without_chart(sandbox.read("laporan/2018-H2/summary.md")));
    for (std::string table : {"contracts", "targets", "units", "ideas"}) {
      CAPTURE(table);
      Result csv = sandbox.run({"-C", "tuban", "evaluate", "--period", "2018-H2", "--as-of",
                                "2019-02-15", "--lang", lang, "--format", "csv", "--table", table});
      CHECK(csv.status == 0);
      CHECK(csv.out == sandbox.read("laporan/2018-H2/" + table + ".csv"));
    }
  }
}

TEST_CASE("evaluate gives byte-identical files for the same records, period and as-of date") {
  Sandbox sandbox;
  copy_tuban(sandbox);
  std::vector<std::string> args = {"-C",   "tuban",   "evaluate",  "--period",
                                   "2018", "--as-of", "2019-04-20"};
  auto first = args, second = args;
  first.insert(first.end(), {"--out", "a"});
  second.insert(second.end(), {"--out", "b"});
  REQUIRE(sandbox.run(first).status == 0);
  long long before = mtime_ns(sandbox.path("a/summary.md"));
  REQUIRE(sandbox.run(second).status == 0);
  for (const char* file : kTables) {
    CAPTURE(file);
    CHECK(sandbox.read(std::string("a/") + file) == sandbox.read(std::string("b/") + file));
  }
  // The workbook too: it records the as-of date as its creation time.
  CHECK(sandbox.read("a/summary.xlsx") == sandbox.read("b/summary.xlsx"));
  // Running again into the same folder replaces the files with the same bytes.
  REQUIRE(sandbox.run(first).status == 0);
  CHECK(sandbox.read("a/summary.md") == sandbox.read("b/summary.md"));
  CHECK(mtime_ns(sandbox.path("a/summary.md")) >= before);
}

TEST_CASE("evaluate defaults: the last quarter ended on the as-of date, the programme's language") {
  Sandbox sandbox;
  copy_tuban(sandbox);
  Result r = sandbox.run({"-C", "tuban", "evaluate", "--as-of", "2019-02-15", "--format", "csv"});
  CHECK(r.status == 0);
  CHECK(r.out ==
        "contract,unit,period,score,band,reports_due,reports_on_time,reports_late,"
        "reports_missing\n"
        "perkim-2018,dinas-perkim,2018-Q4,88.67,Tinggi,1,0,1,0\n"
        "pupr-2018,dinas-pupr,2018-Q4,0.00,Sangat Rendah,1,0,0,1\n"
        "rsud-2018,rsud-koesma,2018-Q4,105.33,Sangat Tinggi,1,1,0,0\n");
  // On 2018-12-30 the fourth quarter has not ended: the third is evaluated,
  // and the fourth quarter's reports are not due yet.
  Result q3 = sandbox.run(
      {"-C", "tuban", "evaluate", "--as-of", "2018-12-30", "--format", "csv", "--lang", "en"});
  CHECK(q3.out ==
        "contract,unit,period,score,band,reports_due,reports_on_time,reports_late,"
        "reports_missing\n"
        "perkim-2018,dinas-perkim,2018-Q3,98.75,Very high,1,1,0,0\n"
        "pupr-2018,dinas-pupr,2018-Q3,113.02,Very high,1,1,0,0\n"
        "rsud-2018,rsud-koesma,2018-Q3,98.96,Very high,1,1,0,0\n");
}

TEST_CASE("evaluate --format json: the whole evaluation, or one table") {
  Sandbox sandbox;
  copy_tuban(sandbox);
  Result r = sandbox.run({"-C", "tuban", "evaluate", "--as-of", "2019-02-15", "--format", "json",
                          "--table", "contracts", "--lang", "en"});
  CHECK(r.status == 0);
  CHECK(r.out ==
        "[\n"
        "  {\"contract\": \"perkim-2018\", \"unit\": \"dinas-perkim\", \"period\": \"2018-Q4\", "
        "\"score\": 88.67, \"band\": \"High\", \"reports_due\": 1, \"reports_on_time\": 0, "
        "\"reports_late\": 1, \"reports_missing\": 0},\n"
        "  {\"contract\": \"pupr-2018\", \"unit\": \"dinas-pupr\", \"period\": \"2018-Q4\", "
        "\"score\": 0.00, \"band\": \"Very low\", \"reports_due\": 1, \"reports_on_time\": 0, "
        "\"reports_late\": 0, \"reports_missing\": 1},\n"
        "  {\"contract\": \"rsud-2018\", \"unit\": \"rsud-koesma\", \"period\": \"2018-Q4\", "
        "\"score\": 105.33, \"band\": \"Very high\", \"reports_due\": 1, \"reports_on_time\": 1, "
        "\"reports_late\": 0, \"reports_missing\": 0}\n"
        "]\n");
  Result whole =
      sandbox.run({"-C", "tuban", "evaluate", "--as-of", "2019-02-15", "--format", "json"});
  CHECK(whole.status == 0);
  CHECK(
      whole.out.starts_with("{\n"
                            "  \"programme\": \"Inovasi Daerah Kabupaten Tuban 2018\",\n"
                            "  \"period\": \"2018-Q4\",\n"
                            "  \"as_of\": \"2019-02-15\",\n"
                            "  \"language\": \"id\",\n"
                            "  \"contracts\": [\n"));
  for (const char* key : {"\n  \"targets\": [\n", "\n  \"units\": [\n", "\n  \"ideas\": [\n"})
    CHECK(whole.out.find(key) != std::string::npos);
  CHECK(whole.out.ends_with("\n  ]\n}\n"));
}

TEST_CASE("evaluate refuses bad options with exit 2 and writes nothing") {
  Sandbox sandbox;
  copy_tuban(sandbox);
  struct Case {
    std::vector<std::string> args;
    std::string err;
  };
  const Case cases[] = {
      {{"--period", "2018-Q5"},
       "inovasi: error: --period: '2018-Q5' is not a period: quarters are Q1 to Q4\n"},
      {{"--as-of", "2019-02-30"},
       "inovasi: error: --as-of: '2019-02-30' is not a date: February 2019 has 28 days\n"},
      {{"--out", "x", "--format", "csv"},
       "inovasi: error: --out writes the summary and every table; --format and --table are for "
       "standard output\n"},
      {{"--table", "units"}, "inovasi: error: --table needs --format csv or json\n"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = {"-C", "tuban", "evaluate"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    CAPTURE(args.back());
    Result r = sandbox.run(args);
    CHECK(r.status == 2);
    CHECK(r.out == "");
    CHECK(r.err == c.err);
  }
  Result lang = sandbox.run({"-C", "tuban", "evaluate", "--lang", "fr"});
  CHECK(lang.status == 2);
  CHECK(lang.err.find("--lang: fr not in {id,en}") != std::string::npos);
  CHECK(!sandbox.exists("x"));
}

TEST_CASE("evaluate refuses records with errors, prints them, and writes nothing") {
  Sandbox sandbox;
  copy_tuban(sandbox);
  sandbox.write("tuban/reports/rsud-2018/2018-Q3.yaml",
                "contract: rsud-2018\n"
                "period: 2018-Q3\n"
                "submitted: 2018-10-08\n"
                "actual: {antrean: 5}\n");
  Result r = sandbox.run({"-C", "tuban", "evaluate", "--as-of", "2019-02-15", "--out", "out"});
  CHECK(r.status == 1);
  CHECK(r.out == "");
  CHECK(r.err ==
        "tuban/reports/rsud-2018/2018-Q3.yaml:4:19: error: contract 'rsud-2018' has no target "
        "'antrean'\n"
        "inovasi: error: the records have errors (above); nothing was evaluated\n");
  CHECK(!sandbox.exists("out"));
}

TEST_CASE("evaluate --out into a path that is a file fails with exit 3") {
  Sandbox sandbox;
  copy_tuban(sandbox);
  sandbox.write("taken", "not a folder\n");
  Result r = sandbox.run({"-C", "tuban", "evaluate", "--as-of", "2019-02-15", "--out", "taken"});
  CHECK(r.status == 3);
  CHECK(r.err.starts_with("inovasi: error: taken: cannot create the folder: "));
  CHECK(sandbox.read("taken") == "not a folder\n");
}
