// evaluate and export over several programmes through the built binary: a
// province's workspace of three regencies (two copies of the Tuban example,
// one changed, and a small English-speaking one with settings of its own),
// the golden combined summary and tables, -C repeated and workspace.yaml
// giving the same bytes, and every refusal with its message and status.
#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

#include "harness.h"

using namespace e2e;

namespace {

const char* kFiles[] = {"summary.md", "contracts.csv", "targets.csv",
                        "units.csv",  "ideas.csv",     "units.svg"};

stdfs::path examples() {
  return fixtures().parent_path().parent_path() / "examples";
}

stdfs::path golden(const std::string& name) {
  return golden_dir() / "workspace" / name;
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

// Bojonegoro: English reports, a 15-day grace and a cap of 110, so that its
// contract is scored and its reports judged by its own settings.
const std::pair<const char*, const char*> kBojonegoro[] = {
    {"inovasi.yaml",
     "name: Inovasi Daerah Kabupaten Bojonegoro 2018\n"
     "region: Kabupaten Bojonegoro\n"
     "language: en\n"
     "reporting:\n"
     "  grace_days: 15\n"
     "scale:\n"
     "  cap: 110\n"
     "priorities:\n"
     "  - {id: misi-1, title: Good governance}\n"},
    {"units/dinas-kominfo.yaml",
     "id: dinas-kominfo\nname: Dinas Komunikasi dan Informatika\nkind: dinas\n"},
    {"units/kecamatan-kapas.yaml", "id: kecamatan-kapas\nname: Kecamatan Kapas\nkind: district\n"},
    {"ideas/aduan-online.yaml",
     "id: aduan-online\n"
     "title: Aduan Online Bojonegoro\n"
     "unit: dinas-kominfo\n"
     "category: public-service\n"
     "kind: digital\n"
     "stage: trial\n"
     "priority: misi-1\n"
     "submitted: 2018-05-02\n"
     "trial_date: 2018-08-01\n"
     "plan:\n"
     "  - step: Build the complaint form\n"
     "    due: 2018-07-31\n"
     "    done: 2018-07-20\n"
     "  - step: Train the unit admins\n"
     "    due: 2018-10-31\n"},
    {"contracts/kominfo-2018.yaml",
     "id: kominfo-2018\n"
     "unit: dinas-kominfo\n"
     "ideas: [aduan-online]\n"
     "signed: 2018-06-01\n"
     "start: 2018-07-01\n"
     "end: 2018-12-31\n"
     "targets:\n"
     "  - id: aduan-ditangani\n"
     "    name: Complaints handled\n"
     "    unit: persen\n"
     "    mode: per-period\n"
     "    by_period: {2018-Q3: 60, 2018-Q4: 80}\n"},
    // Due 2018-10-15 with 15 days' grace: on time (it would be late with 10).
    {"reports/kominfo-2018/2018-Q3.yaml",
     "contract: kominfo-2018\nperiod: 2018-Q3\nsubmitted: 2018-10-12\n"
     "actual: {aduan-ditangani: 66}\n"},
    // Due 2019-01-15: late.
    {"reports/kominfo-2018/2018-Q4.yaml",
     "contract: kominfo-2018\nperiod: 2018-Q4\nsubmitted: 2019-01-20\n"
     "actual: {aduan-ditangani: 100}\n"},
};

const char* const kWorkspace =
    "name: Provinsi Jawa Timur\n"
    "programmes:\n"
    "  - tuban\n"
    "  - lamongan\n"
    "  - kabupaten/bojonegoro\n";

// jatim/: the workspace, with tuban/ (the example as it is), lamongan/ (the
// example renamed, one report taken away, a unit and an idea added) and
// kabupaten/bojonegoro/.
void make_province(const Sandbox& sandbox) {
  copy_tree(examples() / "tuban-2018", sandbox.path("jatim/tuban"));
  copy_tree(examples() / "tuban-2018", sandbox.path("jatim/lamongan"));
  for (const char* name : {"tuban", "lamongan"})
    stdfs::remove(sandbox.path(std::string("jatim/") + name + "/README.md"));
  std::string programme = sandbox.read("jatim/lamongan/inovasi.yaml");
  replace_all(programme, "Kabupaten Tuban", "Kabupaten Lamongan");
  sandbox.write("jatim/lamongan/inovasi.yaml", programme);
  stdfs::remove(sandbox.path("jatim/lamongan/reports/perkim-2018/2018-Q4.yaml"));
  sandbox.write("jatim/lamongan/units/dinas-perikanan.yaml",
                "id: dinas-perikanan\nname: Dinas Perikanan\nkind: dinas\n");
  sandbox.write("jatim/lamongan/ideas/pasar-ikan-online.yaml",
                "id: pasar-ikan-online\n"
                "title: Pasar Ikan Online\n"
                "unit: dinas-perikanan\n"
                "category: public-service\n"
                "kind: digital\n"
                "stage: implemented\n"
                "priority: misi-2\n"
                "indicator: ikm\n"
                "submitted: 2018-04-19\n"
                "trial_date: 2018-09-01\n"
                "implemented_date: 2018-11-01\n");
  for (const auto& [file, content] : kBojonegoro)
    sandbox.write(std::string("jatim/kabupaten/bojonegoro/") + file, content);
  sandbox.write("jatim/workspace.yaml", kWorkspace);
}

const std::vector<std::string> kEach = {
    "-C", "jatim/tuban", "-C", "jatim/lamongan", "-C", "jatim/kabupaten/bojonegoro"};

std::vector<std::string> args(std::vector<std::string> front, std::vector<std::string> back) {
  front.insert(front.end(), back.begin(), back.end());
  return front;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// A CSV row of plain cells with the cells at `columns` qualified by
// programme (an empty cell stays empty).
std::string qualified(const std::string& row, const std::string& programme,
                      const std::vector<std::size_t>& columns) {
  std::vector<std::string> cells;
  std::istringstream in(row);
  for (std::string cell; std::getline(in, cell, ',');) cells.push_back(cell);
  if (row.ends_with(",")) cells.push_back("");
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    bool id = std::find(columns.begin(), columns.end(), i) != columns.end();
    out += (i ? "," : "") + (id && !cells[i].empty() ? programme + "/" : "") + cells[i];
  }
  return out;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

TEST_CASE("workspace: evaluate --out writes the combined summary and tables as the golden files") {
  for (std::string lang : {"id", "en"}) {
    CAPTURE(lang);
    Sandbox sandbox;
    make_province(sandbox);
    Result r = sandbox.run({"-C", "jatim", "evaluate", "--period", "2018-H2", "--as-of",
                            "2019-02-15", "--lang", lang, "--out", "laporan"});
    CHECK(r.status == 0);
    CHECK(r.out == "");
    // --lang is the language of the notes too.
    std::string notes;
    for (const char* file : {"summary.md", "contracts.csv", "targets.csv", "units.csv", "ideas.csv",
                             "summary.xlsx", "units.svg"}) {
      std::string path = std::string("laporan/") + file;
      notes += lang == "id" ? path + " ditulis\n" : "wrote " + path + "\n";
    }
    CHECK(r.err == notes);
    for (const char* file : kFiles)
      check_golden(sandbox.read(std::string("laporan/") + file),
                   golden("jatim-2018-H2-" + lang) / file);
    Result json = sandbox.run({"-C", "jatim", "evaluate", "--period", "2018-H2", "--as-of",
                               "2019-02-15", "--lang", lang, "--format", "json"});
    CHECK(json.status == 0);
    check_golden(json.out, golden("jatim-2018-H2-" + lang) / "evaluation.json");
  }
}

TEST_CASE("workspace: -C repeated, -C WORKSPACE, $INOVASI_DIR and the working directory agree") {
  Sandbox sandbox;
  make_province(sandbox);
  stdfs::create_directories(sandbox.path("jatim/laporan/arsip"));
  std::vector<std::string> evaluate = {"evaluate", "--period", "2018-H2", "--as-of", "2019-02-15"};
  std::vector<std::vector<std::string>> outputs = {
      {},
      {"--format", "csv"},
      {"--format", "csv", "--table", "targets"},
      {"--format", "csv", "--table", "units"},
      {"--format", "csv", "--table", "ideas"},
      {"--format", "json"},
      {"--format", "json", "--table", "units"},
  };
  for (const auto& output : outputs) {
    CAPTURE(output.size() > 1 ? output.back() : "md");
    Result each = sandbox.run(args(args(kEach, evaluate), output));
    CHECK(each.status == 0);
    CHECK(each.err == "");
    // Named in another order, the same programmes give the same bytes.
    Result reversed = sandbox.run(
        args(args({"-C", "jatim/kabupaten/bojonegoro", "-C", "jatim/lamongan", "-C", "jatim/tuban"},
                  evaluate),
             output));
    CHECK(reversed.out == each.out);
    // -C may come after the command's name too.
    Result after = sandbox.run(
        args({"evaluate", "-C", "jatim/tuban", "--period", "2018-H2", "-C", "jatim/lamongan",
              "--as-of", "2019-02-15", "-C", "jatim/kabupaten/bojonegoro"},
             output));
    CHECK(after.out == each.out);
    Result workspace = sandbox.run(args(args({"-C", "jatim"}, evaluate), output));
    CHECK(workspace.status == 0);
    CHECK(workspace.out == each.out);
    Result env = sandbox.run(args(evaluate, output), "", {{"INOVASI_DIR", "jatim"}});
    CHECK(env.out == each.out);
    Result inside = sandbox.run_in("jatim/laporan/arsip", args(evaluate, output));
    CHECK(inside.status == 0);
    CHECK(inside.out == each.out);
  }
  // --out: the same seven files.
  REQUIRE(sandbox.run(args(args(kEach, evaluate), {"--out", "a"})).status == 0);
  REQUIRE(sandbox.run(args(args({"-C", "jatim"}, evaluate), {"--out", "b"})).status == 0);
  CHECK(differences(file_contents(sandbox.path("a")), file_contents(sandbox.path("b"))) ==
        std::vector<std::string>{});
  CHECK(sandbox.tree("a") == std::vector<std::string>{"contracts.csv", "ideas.csv", "summary.md",
                                                      "summary.xlsx", "targets.csv", "units.csv",
                                                      "units.svg"});
}

TEST_CASE("workspace: each programme's rows are its own evaluation's, qualified") {
  Sandbox sandbox;
  make_province(sandbox);
  for (std::string table : {"contracts", "targets", "units", "ideas"}) {
    CAPTURE(table);
    std::vector<std::string> combined =
        lines(sandbox
                  .run({"-C", "jatim", "evaluate", "--period", "2018-H2", "--as-of", "2019-02-15",
                        "--format", "csv", "--table", table})
                  .out);
    std::size_t rows = 1;
    for (std::string name : {"tuban", "lamongan", "kabupaten/bojonegoro"}) {
      std::string programme = name.substr(name.rfind('/') + 1);
      std::vector<std::string> own =
          lines(sandbox
                    .run({"-C", "jatim/" + name, "evaluate", "--period", "2018-H2", "--as-of",
                          "2019-02-15", "--lang", "id", "--format", "csv", "--table", table})
                    .out);
      REQUIRE(own.size() > 1);
      CHECK(own.front() == combined.front());
      for (std::size_t i = 1; i < own.size(); ++i) {
        // Ids and references qualified: the first column, a contract's or
        // an idea's unit, an idea's priority and indicator. A target's own
        // id is its contract's and stays as it is.
        std::vector<std::size_t> ids = {0};
        if (table == "contracts") ids = {0, 1};
        if (table == "ideas") ids = {0, 1, 5, 6};
        std::string row = qualified(own[i], programme, ids);
        CAPTURE(row);
        CHECK(contains(combined, row));
      }
      rows += own.size() - 1;
    }
    CHECK(combined.size() == rows);
  }
  // The Tuban example alone is still exactly its golden summary.
  Result tuban = sandbox.run({"-C", "jatim/tuban", "evaluate", "--period", "2018-H2", "--as-of",
                              "2019-02-15", "--out", "tuban"});
  CHECK(tuban.status == 0);
  for (const char* file : kFiles)
    CHECK(sandbox.read(std::string("tuban/") + file) ==
          read_file(golden_dir() / "evaluate" / "tuban-2018-H2-id" / file));
  // So it is from inside it: the nearest inovasi.yaml wins over the workspace.
  Result inside = sandbox.run_in("jatim/tuban/ideas", {"evaluate", "--period", "2018-H2", "--as-of",
                                                       "2019-02-15", "--format", "csv"});
  CHECK(inside.out == read_file(golden_dir() / "evaluate" / "tuban-2018-H2-id" / "contracts.csv"));
}

TEST_CASE("workspace: --lang defaults to the programmes' language when they agree, else id") {
  Sandbox sandbox;
  make_province(sandbox);
  copy_tree(sandbox.path("jatim/kabupaten/bojonegoro"), sandbox.path("blora"));
  std::vector<std::string> evaluate = {"evaluate", "--period", "2018-H2", "--as-of", "2019-02-15"};
  auto title = [&](const std::vector<std::string>& dirs) {
    return lines(sandbox.run(args(dirs, evaluate)).out).front();
  };
  CHECK(title({"-C", "jatim"}) == "# Evaluasi Program Inovasi Daerah: 3 program daerah");
  CHECK(title({"-C", "jatim/kabupaten/bojonegoro", "-C", "blora"}) ==
        "# Innovation Programme Evaluation: 2 regional programmes");
  CHECK(title({"-C", "jatim/tuban", "-C", "jatim/lamongan"}) ==
        "# Evaluasi Program Inovasi Daerah: 2 program daerah");
  // A workspace of one programme is still a workspace: ids qualified.
  sandbox.write("solo/workspace.yaml", "programmes: [../blora]\n");
  Result one = sandbox.run({"-C", "solo", "evaluate", "--period", "2018-H2", "--as-of",
                            "2019-02-15", "--format", "csv"});
  CHECK(one.status == 0);
  CHECK(one.out ==
        "contract,unit,period,score,band,reports_due,reports_on_time,reports_late,"
        "reports_missing\n"
        "blora/kominfo-2018,blora/dinas-kominfo,2018-H2,110.00,Very high,2,1,1,0\n");
  CHECK(title({"-C", "solo"}) == "# Innovation Programme Evaluation: 1 regional programme");
}

TEST_CASE("workspace: records with errors in any programme: every finding, nothing written") {
  Sandbox sandbox;
  make_province(sandbox);
  sandbox.write("jatim/lamongan/ideas/pasar-ikan-online.yaml",
                "id: pasar-ikan-online\ntitle: Pasar Ikan Online\nunit: dinas-perikanan\n"
                "stage: dijual\n");
  std::string contract = sandbox.read("jatim/kabupaten/bojonegoro/contracts/kominfo-2018.yaml");
  replace_all(contract, "unit: dinas-kominfo", "unit: dinas-hilang");
  sandbox.write("jatim/kabupaten/bojonegoro/contracts/kominfo-2018.yaml", contract);
  std::string expected =
      "jatim/kabupaten/bojonegoro/contracts/kominfo-2018.yaml:2:7: error: unit 'dinas-hilang' "
      "does not exist (no units/dinas-hilang.yaml)\n"
      "jatim/kabupaten/bojonegoro/contracts/kominfo-2018.yaml:3:9: warning: idea 'aduan-online' "
      "belongs to unit 'dinas-kominfo', not to the contracted unit 'dinas-hilang'\n"
      "jatim/lamongan/ideas/pasar-ikan-online.yaml:4:8: error: stage: 'dijual' is not a stage "
      "(expected initiative, trial, implemented or dropped)\n"
      "inovasi: error: the records have errors (above); nothing was evaluated\n";
  for (auto dirs : {std::vector<std::string>{"-C", "jatim"}, kEach}) {
    Result r = sandbox.run(
        args(dirs, {"evaluate", "--period", "2018-H2", "--as-of", "2019-02-15", "--out", "out"}));
    CHECK(r.status == 1);
    CHECK(r.out == "");
    CHECK(r.err == expected);
    CHECK_FALSE(sandbox.exists("out"));
  }
}

TEST_CASE("workspace: every problem of workspace.yaml is a finding with its position, exit 1") {
  Sandbox sandbox;
  make_province(sandbox);
  auto evaluate = [&](const std::string& workspace) {
    sandbox.write("jatim/workspace.yaml", workspace);
    Result r = sandbox.run({"-C", "jatim", "evaluate", "--period", "2018-H2", "--as-of",
                            "2019-02-15", "--out", "out"});
    CHECK(r.status == 1);
    CHECK(r.out == "");
    CHECK_FALSE(sandbox.exists("out"));
    return r.err;
  };
  const std::string failed =
      "inovasi: error: the records have errors (above); nothing was "
      "evaluated\n";

  CHECK(evaluate("nama: Jawa Timur\nprogrammes: [tuban]\n") ==
        "jatim/workspace.yaml:1:1: error: unknown field 'nama' (did you mean 'name'?)\n" + failed);
  CHECK(evaluate("name: Jawa Timur\n") ==
        "jatim/workspace.yaml:1:1: error: missing required field 'programmes'\n" + failed);
  CHECK(evaluate("name: Jawa Timur\nprogrammes: []\n") ==
        "jatim/workspace.yaml:2:13: error: 'programmes' lists no programme folder\n" + failed);
  CHECK(evaluate("programmes: tuban\n") ==
        "jatim/workspace.yaml:1:13: error: 'programmes' must be a list, not a single value\n" +
            failed);
  CHECK(evaluate("programmes: [tuban, [lamongan]]\n") ==
        "jatim/workspace.yaml:1:21: error: 'programmes[1]' must be a single value, not a list\n" +
            failed);
  CHECK(evaluate("programmes:\n  - tuban\n - lamongan\n") ==
        "jatim/workspace.yaml:3:2: error: YAML syntax: end of map not found\n" + failed);

  // Folders: missing, empty (a submodule not checked out), not a programme,
  // listed twice, two of one name, a name that is not an id, an absolute path.
  stdfs::create_directories(sandbox.path("jatim/gresik"));
  stdfs::create_directories(sandbox.path("jatim/dokumen"));
  sandbox.write("jatim/dokumen/catatan.md", "# Catatan\n");
  copy_tree(sandbox.path("jatim/kabupaten/bojonegoro"), sandbox.path("jatim/lama/tuban"));
  copy_tree(sandbox.path("jatim/kabupaten/bojonegoro"), sandbox.path("jatim/Kota_Batu"));
  CHECK(evaluate("programmes:\n"
                 "  - tuban\n"
                 "  - sidoarjo\n"
                 "  - gresik\n"
                 "  - dokumen\n"
                 "  - ./tuban/\n"
                 "  - lama/tuban\n"
                 "  - Kota_Batu\n"
                 "  - /srv/jatim/malang\n"
                 "  - ''\n") ==
        "jatim/workspace.yaml:3:5: error: programmes[1]: there is no folder 'jatim/sidoarjo'\n"
        "jatim/workspace.yaml:4:5: error: programmes[2]: 'jatim/gresik' holds no inovasi.yaml (a "
        "git submodule not checked out? 'git submodule update --init' fetches it)\n"
        "jatim/workspace.yaml:5:5: error: programmes[3]: 'jatim/dokumen' holds no inovasi.yaml\n"
        "jatim/workspace.yaml:6:5: error: programmes[4]: './tuban/' is listed twice (first as "
        "programmes[0])\n"
        "jatim/workspace.yaml:7:5: error: programmes[5]: 'lama/tuban' and programmes[0] 'tuban' "
        "are both named 'tuban'; a programme's name is its folder's name, which must be an id "
        "(lowercase letters, digits and single hyphens, at most 64 characters)\n"
        "jatim/workspace.yaml:8:5: error: programmes[6]: 'Kota_Batu' cannot be a programme here: "
        "a programme's name is its folder's name, which must be an id (lowercase letters, digits "
        "and single hyphens, at most 64 characters)\n"
        "jatim/workspace.yaml:9:5: error: programmes[7]: '/srv/jatim/malang' must be relative to "
        "the workspace's folder\n"
        "jatim/workspace.yaml:10:5: error: programmes[8]: must name a programme folder, not be "
        "empty\n" +
            failed);

  // A programme's own errors are reported with the workspace's.
  sandbox.write("jatim/tuban/units/bappeda.yaml", "id: bappeda\nname: Bappeda\nkind: kantor\n");
  CHECK(evaluate("programmes: [tuban, sidoarjo]\n") ==
        "jatim/tuban/units/bappeda.yaml:3:7: error: kind: 'kantor' is not a unit kind (expected "
        "dinas, badan, secretariat, inspectorate, hospital, district, village, section or "
        "other)\n"
        "jatim/workspace.yaml:1:21: error: programmes[1]: there is no folder 'jatim/sidoarjo'\n" +
            failed);
  // export reads the same file.
  Result r = sandbox.run({"-C", "jatim", "export", "units"});
  CHECK(r.status == 1);
  CHECK(r.err ==
        "jatim/tuban/units/bappeda.yaml:3:7: error: kind: 'kantor' is not a unit kind (expected "
        "dinas, badan, secretariat, inspectorate, hospital, district, village, section or "
        "other)\n"
        "jatim/workspace.yaml:1:21: error: programmes[1]: there is no folder 'jatim/sidoarjo'\n"
        "inovasi: error: some records could not be read (above); nothing was exported\n");
}

TEST_CASE("workspace: -C repeated must name distinct programmes whose names are ids, exit 2") {
  Sandbox sandbox;
  make_province(sandbox);
  copy_tree(sandbox.path("jatim/kabupaten/bojonegoro"), sandbox.path("lama/tuban"));
  copy_tree(sandbox.path("jatim/kabupaten/bojonegoro"), sandbox.path("Kota_Batu"));
  auto refused = [&](const std::vector<std::string>& dirs) {
    Result r = sandbox.run(args(dirs, {"evaluate", "--period", "2018-H2"}));
    CHECK(r.status == 2);
    CHECK(r.out == "");
    return r.err;
  };
  CHECK(refused({"-C", "jatim/tuban", "-C", "lama/tuban"}) ==
        "inovasi: error: -C jatim/tuban and -C lama/tuban: two programmes named 'tuban'; a "
        "programme's name is its folder's name, which must be an id (lowercase letters, digits "
        "and single hyphens, at most 64 characters)\n");
  CHECK(refused({"-C", "jatim/tuban", "-C", "jatim/tuban/"}) ==
        "inovasi: error: -C jatim/tuban/: the programme is given twice\n");
  CHECK(refused({"-C", "jatim/tuban", "-C", "Kota_Batu"}) ==
        "inovasi: error: -C Kota_Batu: 'Kota_Batu' cannot name a programme: a programme's name "
        "is its folder's name, which must be an id (lowercase letters, digits and single "
        "hyphens, at most 64 characters)\n");
  CHECK(refused({"-C", "jatim/tuban", "-C", "jatim"}) ==
        "inovasi: error: -C jatim: is a workspace (workspace.yaml); give it alone, or each of its "
        "programmes with -C\n");
  CHECK(refused({"-C", "jatim/tuban", "-C", "padang"}) ==
        "inovasi: error: padang: not a programme directory (no inovasi.yaml); create one with "
        "'inovasi init padang'\n");
}

TEST_CASE("workspace: other commands work on one programme and say how to pick it, exit 2") {
  Sandbox sandbox;
  make_province(sandbox);
  std::string pick =
      "inovasi: error: 'check' works on one programme, and jatim/workspace.yaml lists several: "
      "pick one with -C DIR, e.g.\n"
      "  inovasi -C jatim/tuban check\n"
      "  inovasi -C jatim/lamongan check\n"
      "  inovasi -C jatim/kabupaten/bojonegoro check\n"
      "Only evaluate and export take every programme of a workspace.\n";
  Result r = sandbox.run({"-C", "jatim", "check"});
  CHECK(r.status == 2);
  CHECK(r.err == pick);
  r = sandbox.run({"check"}, "", {{"INOVASI_DIR", "jatim"}});
  CHECK(r.status == 2);
  CHECK(r.err == pick);
  // From inside the workspace, the paths are shown from where one stands.
  stdfs::create_directories(sandbox.path("jatim/dokumen"));
  r = sandbox.run_in("jatim/dokumen", {"list", "ideas"});
  CHECK(r.status == 2);
  CHECK(r.err ==
        "inovasi: error: 'list' works on one programme, and ../workspace.yaml lists several: "
        "pick one with -C DIR, e.g.\n"
        "  inovasi -C ../tuban list\n"
        "  inovasi -C ../lamongan list\n"
        "  inovasi -C ../kabupaten/bojonegoro list\n"
        "Only evaluate and export take every programme of a workspace.\n");
  for (std::string command : {"add-unit", "status", "show", "fmt", "add-idea", "sign-contract"}) {
    CAPTURE(command);
    r = sandbox.run_in("jatim", {command, "--help"});
    CHECK(r.status == 0);  // help needs no programme
  }
  r = sandbox.run_in("jatim", {"status"});
  CHECK(r.status == 2);
  CHECK(
      r.err.starts_with("inovasi: error: 'status' works on one programme, and workspace.yaml "
                        "lists several: pick one with -C DIR, e.g.\n"
                        "  inovasi -C tuban status\n"));
  // A workspace.yaml that cannot be read still says what to do.
  sandbox.write("jatim/workspace.yaml", "programmes: tuban\n");
  r = sandbox.run({"-C", "jatim", "check"});
  CHECK(r.status == 2);
  CHECK(r.err ==
        "inovasi: error: 'check' works on one programme, and jatim/workspace.yaml lists several: "
        "pick one with -C DIR\n"
        "Only evaluate and export take every programme of a workspace.\n");
  sandbox.write("jatim/workspace.yaml", kWorkspace);

  // -C repeated: only evaluate and export.
  r = sandbox.run(args(kEach, {"check"}));
  CHECK(r.status == 2);
  CHECK(r.err ==
        "inovasi: error: 'check' works on one programme, and -C was given 3 times; only evaluate "
        "and export take several\n");
  r = sandbox.run({"-C", "a", "init", "-C", "b", "--name", "A", "--region", "B"});
  CHECK(r.status == 2);
  CHECK(r.err ==
        "inovasi: error: 'init' works on one programme, and -C was given 2 times; only evaluate "
        "and export take several\n");
  CHECK_FALSE(sandbox.exists("a"));
  CHECK_FALSE(sandbox.exists("b"));

  // In a programme inside the workspace, every command works on that programme.
  r = sandbox.run_in("jatim/tuban", {"check"});
  CHECK(r.status == 0);
  r = sandbox.run({"-C", "jatim/lamongan", "list", "units", "--format", "csv"});
  CHECK(r.status == 0);
  // inovasi.yaml and workspace.yaml in one folder: the programme wins.
  sandbox.write("jatim/tuban/workspace.yaml", "programmes: [x]\n");
  r = sandbox.run_in("jatim/tuban", {"check"});
  CHECK(r.status == 0);
  r = sandbox.run_in("jatim/tuban", {"evaluate", "--period", "2018-H2", "--as-of", "2019-02-15",
                                     "--format", "csv"});
  CHECK(r.out == read_file(golden_dir() / "evaluate" / "tuban-2018-H2-id" / "contracts.csv"));
  // init in the workspace's folder adds a programme there.
  r = sandbox.run_in(
      "jatim", {"init", "gresik", "--name", "Inovasi Gresik", "--region", "Kabupaten Gresik"});
  CHECK(r.status == 0);
  CHECK(sandbox.exists("jatim/gresik/inovasi.yaml"));
}

TEST_CASE("workspace: export writes every programme's records with qualified ids") {
  Sandbox sandbox;
  make_province(sandbox);
  Result units = sandbox.run({"-C", "jatim", "export", "units"});
  CHECK(units.status == 0);
  CHECK(units.err == "");
  std::vector<std::string> rows = lines(units.out);
  CHECK(rows.size() == 1 + 30 + 31 + 2);
  CHECK(rows[0] == "id,name,kind,head_name,head_nip,head_position,commitment_signed");
  CHECK(rows[1] == "bojonegoro/dinas-kominfo,Dinas Komunikasi dan Informatika,dinas,,,,");
  CHECK(contains(rows, "lamongan/dinas-perikanan,Dinas Perikanan,dinas,,,,"));
  CHECK(contains(rows,
                 "tuban/rsud-koesma,RSUD dr. R. Koesma,hospital,,,Direktur RSUD dr. R. "
                 "Koesma,2018-04-20"));

  Result ideas = sandbox.run({"-C", "jatim", "export", "ideas", "--format", "csv"});
  CHECK(contains(lines(ideas.out),
                 "lamongan/pasar-ikan-online,Pasar Ikan Online,lamongan/dinas-perikanan,,,,,,"
                 "public-service,digital,implemented,lamongan/misi-2,lamongan/ikm,2018-04-19,"
                 "2018-09-01,2018-11-01,,,,,,,,,"));
  Result contracts = sandbox.run({"-C", "jatim", "export", "contracts"});
  CHECK(contains(lines(contracts.out),
                 "bojonegoro/kominfo-2018,bojonegoro/dinas-kominfo,bojonegoro/aduan-online,"
                 "2018-06-01,,,,,2018-07-01,2018-12-31"));
  Result targets = sandbox.run({"-C", "jatim", "export", "targets"});
  CHECK(lines(targets.out)[1].starts_with("bojonegoro/kominfo-2018,aduan-ditangani,"));
  Result reports = sandbox.run({"-C", "jatim", "export", "reports", "--format", "json"});
  CHECK(reports.out.find("\"contract\": \"tuban/rsud-2018\"") != std::string::npos);
  Result regulations = sandbox.run({"-C", "jatim", "export", "regulations", "--format", "md"});
  CHECK(regulations.out.find("| tuban/perbup-45-2018 |") != std::string::npos);

  // The whole of several programmes: "programmes" by name, records by qualified id.
  Result all = sandbox.run({"-C", "jatim", "export", "all"});
  CHECK(all.status == 0);
  CHECK(
      all.out.starts_with("{\n  \"programmes\": {\n    \"bojonegoro\": {\n      \"name\": "
                          "\"Inovasi Daerah Kabupaten Bojonegoro 2018\","));
  CHECK(all.out.find("\"id\": \"bojonegoro/misi-1\"") != std::string::npos);
  CHECK(all.out.find("\"lamongan/bappeda\": {") != std::string::npos);
  CHECK(all.out.find("\"tuban/rsud-2018/2018-Q4\": {") != std::string::npos);

  // -C repeated gives the same bytes.
  for (std::vector<std::string> type : {std::vector<std::string>{"units"},
                                        {"ideas", "--format", "json"},
                                        {"all"},
                                        {"ideas", "--format", "md"},
                                        {"targets", "--format", "md"}}) {
    CAPTURE(type.front());
    CHECK(sandbox.run(args(kEach, args({"export"}, type))).out ==
          sandbox.run(args({"-C", "jatim", "export"}, type)).out);
  }
}

TEST_CASE("workspace: the catalogue is grouped by programme, the perbup annex is one programme's") {
  Sandbox sandbox;
  make_province(sandbox);
  Result r = sandbox.run({"-C", "jatim", "export", "ideas", "--format", "md", "--lang", "id"});
  CHECK(r.status == 0);
  std::vector<std::string> titles;
  for (const std::string& line : lines(r.out))
    if (line.starts_with("# ")) titles.push_back(line);
  CHECK(titles == std::vector<std::string>{
                      "# Katalog Inovasi Daerah: Inovasi Daerah Kabupaten Bojonegoro 2018",
                      "# Katalog Inovasi Daerah: Inovasi Daerah Kabupaten Lamongan 2018",
                      "# Katalog Inovasi Daerah: Inovasi Daerah Kabupaten Tuban 2018"});
  // Each programme's part is its own catalogue, byte for byte.
  std::string tuban = sandbox.run({"-C", "jatim/tuban", "export", "ideas", "--format", "md"}).out;
  CHECK(r.out.ends_with("\n" + tuban));

  for (auto dirs : {std::vector<std::string>{"-C", "jatim"}, kEach}) {
    Result perbup = sandbox.run(args(dirs, {"export", "perbup", "--format", "md"}));
    CHECK(perbup.status == 2);
    CHECK(perbup.out == "");
    CHECK(perbup.err ==
          "inovasi: error: export perbup writes the annex of one programme's regulation: pick the "
          "programme with -C DIR\n");
  }
  r = sandbox.run({"-C", "jatim/tuban", "export", "perbup", "--format", "md"});
  CHECK(r.status == 0);
  CHECK(r.out == read_file(golden_dir() / "perbup" / "perbup-45-2018-id.md"));
}
