// Workbooks through the built binary: export --format xlsx and -o FILE.xlsx,
// refusals that write nothing, and failures that leave no partial file. The
// cells themselves are checked in LibreOffice by tests/xlsx/check_xlsx.py.
#include <doctest/doctest.h>

#include "harness.h"

using namespace e2e;

TEST_CASE("export -o FILE.xlsx and --format xlsx write a workbook of one sheet") {
  Sandbox sandbox;
  copy_tree(fixtures().parent_path().parent_path() / "examples" / "tuban-2018",
            sandbox.path("tuban"));
  for (std::string type : {"units", "ideas", "contracts", "targets", "reports", "regulations"}) {
    CAPTURE(type);
    Result r = sandbox.run({"-C", "tuban", "export", type, "-o", type + ".xlsx"});
    CHECK(r.status == 0);
    CHECK(r.out == "");
    CHECK(r.err == "wrote " + type + ".xlsx\n");
    CHECK(sandbox.read(type + ".xlsx").starts_with("PK\x03\x04"));  // a zip archive
  }
  Result named = sandbox.run({"-C", "tuban", "export", "units", "--format", "xlsx", "-o", "u.bin"});
  CHECK(named.status == 0);
  CHECK(sandbox.read("u.bin").starts_with("PK\x03\x04"));
  // --format says otherwise than the extension: the format wins.
  Result csv = sandbox.run({"-C", "tuban", "export", "units", "--format", "csv", "-o", "u.xlsx"});
  CHECK(csv.status == 0);
  CHECK(sandbox.read("u.xlsx").starts_with("id,"));
}

TEST_CASE("export -o FILE.xlsx writes the same bytes for the same records and creation time") {
  Sandbox sandbox;
  copy_tree(fixtures().parent_path().parent_path() / "examples" / "tuban-2018",
            sandbox.path("tuban"));
  auto workbook = [&](const std::string& name, const char* epoch) {
    Result r = sandbox.run({"-C", "tuban", "export", "units", "-o", name}, {},
                           {{"SOURCE_DATE_EPOCH", epoch}});
    CHECK(r.status == 0);
    return sandbox.read(name);
  };
  std::string first = workbook("a.xlsx", "1546300800");  // 2019-01-01
  CHECK(workbook("b.xlsx", "1546300800") == first);
  CHECK(workbook("c.xlsx", "1577836800") != first);  // 2020-01-01: another creation time
}

TEST_CASE("export --format xlsx refuses standard output and what has no sheet, writing nothing") {
  Sandbox sandbox;
  sandbox.make_programme("p");
  struct Case {
    std::vector<std::string> args;
    std::string err;
  };
  const Case cases[] = {
      {{"units", "--format", "xlsx"},
       "inovasi: error: --format xlsx writes a workbook, not text for standard output: name the "
       "file with -o FILE.xlsx\n"},
      {{"units", "--format", "xlsx", "-o", "-"},
       "inovasi: error: --format xlsx writes a workbook, not text for standard output: name the "
       "file with -o FILE.xlsx\n"},
      {{"all", "-o", "all.xlsx"},
       "inovasi: error: --format xlsx is for units, ideas, contracts, targets, reports and "
       "regulations\n"},
      {{"perbup", "-o", "perbup.xlsx"},
       "inovasi: error: --format xlsx is for units, ideas, contracts, targets, reports and "
       "regulations\n"},
      {{"units", "--bom", "-o", "u.xlsx"},
       "inovasi: error: --bom, --crlf and --separator are for --format csv\n"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = {"-C", "p", "export"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    CAPTURE(c.args[0]);
    Result r = sandbox.run(args);
    CHECK(r.status == 2);
    CHECK(r.out == "");
    CHECK(r.err == c.err);
  }
  for (const std::string& entry : sandbox.tree()) CHECK(!entry.ends_with(".xlsx"));
}

TEST_CASE("a workbook that cannot be written leaves no partial file") {
  Sandbox sandbox;
  sandbox.make_programme("p");
  Result folder = sandbox.run({"-C", "p", "export", "units", "-o", "nowhere/units.xlsx"});
  CHECK(folder.status == 3);
  CHECK(folder.err ==
        "inovasi: error: nowhere/units.xlsx: cannot write: there is no folder 'nowhere'\n");
  // A folder stands where the workbook would go: the rename fails, and
  // neither the workbook nor a temporary file is left beside it.
  stdfs::create_directories(sandbox.path("out/units.xlsx"));
  Result busy = sandbox.run({"-C", "p", "export", "units", "-o", "out/units.xlsx"});
  CHECK(busy.status == 3);
  CHECK(busy.out == "");
  CHECK(sandbox.tree("out") == std::vector<std::string>{"units.xlsx/"});
  // evaluate --out where summary.xlsx cannot go: the files renamed before it
  // are complete, and no temporary file is left.
  stdfs::create_directories(sandbox.path("laporan/summary.xlsx"));
  Result evaluate = sandbox.run(
      {"-C", "p", "evaluate", "--period", "2018-Q4", "--as-of", "2019-01-31", "--out", "laporan"});
  CHECK(evaluate.status == 3);
  CHECK(evaluate.err.find("laporan/summary.xlsx") != std::string::npos);
  for (const std::string& entry : sandbox.tree("laporan")) {
    CAPTURE(entry);
    CHECK(entry.find(".tmp.") == std::string::npos);
    CHECK(entry != "units.svg");  // written after the workbook
  }
}
