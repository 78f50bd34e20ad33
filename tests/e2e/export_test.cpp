// inovasi export through the built binary: every record type in the layouts
// the imports take, the round trip export -> import --update that leaves
// every record file byte-identical, spreadsheet safety both ways, and what
// spreadsheets write that the imports must take.
#include <doctest/doctest.h>

#include "harness.h"

using namespace e2e;

namespace {

stdfs::path example(const std::string& name) {
  return name == "tuban-2018" ? fixtures().parent_path().parent_path() / "examples" / name
                              : fixtures() / "roundtrip" / name;
}

// Every file below `relative` with its content, for byte-for-byte comparison.
std::vector<std::pair<std::string, std::string>> files(const Sandbox& sandbox,
                                                       const std::string& relative) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& entry : sandbox.tree(relative))  // the records, not their cache
    if (!entry.ends_with("/") && !entry.starts_with(".inovasi/"))
      out.emplace_back(entry, sandbox.read(relative + "/" + entry));
  return out;
}

// The lines of text that do not start with "unchanged ".
std::vector<std::string> changed_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    std::string line = text.substr(start, end - start);
    if (!line.starts_with("unchanged ")) lines.push_back(line);
    start = end == std::string::npos ? text.size() : end + 1;
  }
  return lines;
}

// Exports every type from `from` with the given CSV options into out/, then
// imports them with --update into `into`.
void round_trip(const Sandbox& sandbox, const std::string& from, const std::string& into,
                const std::vector<std::string>& style) {
  stdfs::create_directories(sandbox.path("out"));
  for (std::string type : {"units", "ideas", "contracts", "targets", "reports"}) {
    std::vector<std::string> args = {"-C", from, "export", type, "-o", "out/" + type + ".csv"};
    args.insert(args.end(), style.begin(), style.end());
    Result r = sandbox.run(args);
    REQUIRE(r.status == 0);
    CHECK(r.err == "wrote out/" + type + ".csv\n");
  }
  std::vector<std::vector<std::string>> imports = {
      {"add-unit", "--from", "out/units.csv"},
      {"add-idea", "--from", "out/ideas.csv"},
      {"sign-contract", "--from", "out/contracts.csv", "--targets", "out/targets.csv"},
      {"report", "--from", "out/reports.csv"},
  };
  for (auto args : imports) {
    args.insert(args.begin(), {"-C", into});
    args.push_back("--update");
    CAPTURE(args[2]);
    Result r = sandbox.run(args);
    CHECK(r.err == "");
    CHECK(r.status == 0);
    CHECK(changed_lines(r.out) == std::vector<std::string>{});
  }
}

}  // namespace

TEST_CASE("export to CSV and import --update leave every record file byte-identical") {
  const std::vector<std::vector<std::string>> styles = {
      {}, {"--bom", "--crlf"}, {"--separator", ";"}};
  for (std::string programme : {"tuban-2018", "awkward"}) {
    for (const auto& style : styles) {
      CAPTURE(programme);
      CAPTURE(style.empty() ? std::string("plain") : style[0]);
      Sandbox sandbox;
      copy_tree(example(programme), sandbox.path("a"));
      copy_tree(example(programme), sandbox.path("b"));
      round_trip(sandbox, "a", "b", style);
      CHECK(files(sandbox, "b") == files(sandbox, "a"));
    }
  }
}

TEST_CASE("an export edited in a spreadsheet imports back as the change made") {
  Sandbox sandbox;
  copy_tree(example("tuban-2018"), sandbox.path("p"));
  REQUIRE(sandbox.run({"-C", "p", "export", "units", "-o", "units.csv"}).status == 0);
  std::string csv = sandbox.read("units.csv");
  std::string before = "inspektorat,Inspektorat,inspectorate";
  auto at = csv.find(before);
  REQUIRE(at != std::string::npos);
  csv.replace(at, before.size(), "inspektorat,Inspektorat Daerah,inspectorate");
  sandbox.write("units.csv", csv);
  Result r = sandbox.run({"-C", "p", "add-unit", "--from", "units.csv", "--update"});
  CHECK(r.status == 0);
  CHECK(changed_lines(r.out) ==
        std::vector<std::string>{"updated p/units/inspektorat.yaml",
                                 "  name: Inspektorat → Inspektorat Daerah"});
  CHECK(sandbox.read("p/units/inspektorat.yaml")
            .starts_with("id: inspektorat\n"
                         "name: Inspektorat Daerah\n"
                         "kind: inspectorate\n"));
}

TEST_CASE("export writes the import's columns, and text a spreadsheet would run gets a ' first") {
  Sandbox sandbox;
  copy_tree(example("awkward"), sandbox.path("p"));
  Result units = sandbox.run({"-C", "p", "export", "units"});
  CHECK(units.status == 0);
  CHECK(units.err == "");
  CHECK(units.out ==
        "id,name,kind,head_name,head_nip,head_position,commitment_signed\n"
        "u-1,\"'=SUM(A1) Dinas; Kesehatan, \"\"Sehat\"\"\",dinas,'Abdul "
        "Qodir,198001012005011002,'-Kepala Dinas,\n"
        "u-2,007 Badan Pengelolaan Keuangan dan Aset Daerah (BPKAD) – Bagian ‘Aset’,badan,,,,\n");
  // Numbers are never altered: a negative baseline stays -0.5.
  Result targets = sandbox.run({"-C", "p", "export", "targets"});
  CHECK(targets.out ==
        "contract,target,name,unit,polarity,mode,weight,baseline,2018-Q2,2018-Q3,2018-Q4,2019-Q1\n"
        "k-1,t-1,\"'-Waktu; tunggu, \"\"rata-rata\"\"\",menit;detik,lower,cumulative,2.25,-0.5,0.1,"
        "1000,0,\n"
        "k-1,t-2,Tanpa nilai dasar,,higher,cumulative,1,,,,,12345678.9\n");
  Result reports = sandbox.run({"-C", "p", "export", "reports", "--separator", ";", "--crlf"});
  CHECK(reports.out ==
        "contract;period;submitted;actual;narrative;obstacles;next_steps;evidence\r\n"
        "k-1;2018-Q3;2018-10-08;t-1=-3;\"Baris satu; dua, tiga.\n=Baris dua\";'@kendala;'+langkah;"
        "\"https://contoh.go.id/a\\;b,c;bukti/foto 1.jpg\"\r\n");
  Result bom = sandbox.run({"-C", "p", "export", "units", "--bom"});
  CHECK(bom.out.starts_with("\xEF\xBB\xBFid,name,kind,"));
}

TEST_CASE("export in JSON: one type as an array, all as one object keyed by type and id") {
  Sandbox sandbox;
  sandbox.make_programme("p");
  Result units = sandbox.run({"-C", "p", "export", "units", "--format", "json"});
  CHECK(units.status == 0);
  CHECK(units.out ==
        "[\n"
        "  {\n"
        "    \"id\": \"bappeda\",\n"
        "    \"name\": \"Badan Perencanaan Pembangunan Daerah\",\n"
        "    \"kind\": \"badan\"\n"
        "  },\n"
        "  {\n"
        "    \"id\": \"rsud-koesma\",\n"
        "    \"name\": \"RSUD dr. R. Koesma\",\n"
        "    \"kind\": \"hospital\"\n"
        "  }\n"
        "]\n");
  // The format follows the file's extension.
  Result all = sandbox.run({"-C", "p", "export", "all", "-o", "programme.json"});
  CHECK(all.status == 0);
  CHECK(all.err == "wrote programme.json\n");
  std::string json = sandbox.read("programme.json");
  CHECK(
      json.starts_with("{\n  \"programme\": {\n    \"name\": \"Inovasi Daerah Kabupaten Tuban "
                       "2018\",\n"));
  CHECK(json.find("\n  \"units\": {\n    \"bappeda\": {\n      \"id\": \"bappeda\",\n") !=
        std::string::npos);
  CHECK(json.find("\n  \"ideas\": {},\n") != std::string::npos);
}

TEST_CASE("export in Markdown: a table of the import's columns, escaped") {
  Sandbox sandbox;
  copy_tree(example("awkward"), sandbox.path("p"));
  Result r = sandbox.run({"-C", "p", "export", "units", "--format", "md"});
  CHECK(r.status == 0);
  CHECK(
      r.out ==
      "| id | name | kind | head\\_name | head\\_nip | head\\_position | commitment\\_signed |\n"
      "|---|---|---|---|---|---|---|\n"
      "| u-1 | =SUM(A1) Dinas; Kesehatan, \"Sehat\" | dinas | 'Abdul Qodir | 198001012005011002 | "
      "-Kepala Dinas | |\n"
      "| u-2 | 007 Badan Pengelolaan Keuangan dan Aset Daerah (BPKAD) – Bagian ‘Aset’ | badan | "
      "| | | |\n");
}

TEST_CASE("export refuses what cannot be written with exit 2 or 3") {
  Sandbox sandbox;
  sandbox.make_programme("p");
  struct Case {
    std::vector<std::string> args;
    std::string err;
  };
  const Case cases[] = {
      {{"all", "--format", "csv"},
       "inovasi: error: export all writes the whole programme as JSON only\n"},
      {{"units", "--format", "json", "--bom"},
       "inovasi: error: --bom, --crlf and --separator are for --format csv\n"},
      {{"targets", "--format", "json"},
       "inovasi: error: targets are part of their contracts in JSON: export contracts --format "
       "json\n"},
      {{"units", "--separator", "|"}, "inovasi: error: --separator must be ',' or ';'\n"},
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
  Result folder = sandbox.run({"-C", "p", "export", "units", "-o", "nowhere/units.csv"});
  CHECK(folder.status == 3);
  CHECK(folder.err ==
        "inovasi: error: nowhere/units.csv: cannot write: there is no folder 'nowhere'\n");
  Result type = sandbox.run({"-C", "p", "export", "people"});
  CHECK(type.status == 2);
  CHECK(type.err.find(
            "TYPE: people not in {units,ideas,contracts,targets,reports,regulations,all,perbup}") !=
        std::string::npos);
}

TEST_CASE(
    "imports take what spreadsheets write: BOM, CRLF, semicolons, quoted newlines, empty columns") {
  Sandbox sandbox;
  sandbox.make_programme("p");
  sandbox.write("ideas.csv",
                "\xEF\xBB\xBFid;title;unit;problem;;\r\n"
                "antrean;'=Antrean online;rsud-koesma;\"Baris satu\r\nbaris dua; tiga\";;\r\n"
                "\r\n");
  Result r = sandbox.run({"-C", "p", "add-idea", "--from", "ideas.csv"});
  CHECK(r.err == "");
  CHECK(r.status == 0);
  CHECK(r.out == "added p/ideas/antrean.yaml\n");
  CHECK(sandbox.read("p/ideas/antrean.yaml") ==
        "id: antrean\n"
        "title: =Antrean online\n"
        "unit: rsud-koesma\n"
        "stage: initiative\n"
        "problem: |-\n"
        "  Baris satu\n"
        "  baris dua; tiga\n");

  // A header without the separator it names: --separator says which it is.
  sandbox.write("units.csv", "id\nsekda\n");
  Result one =
      sandbox.run({"-C", "p", "add-unit", "--from", "units.csv", "--separator", ";", "--dry-run"});
  CHECK(one.status == 1);
  CHECK(one.err ==
        "units.csv:2:1: error: column 'name' is required\n"
        "units.csv:2:1: error: column 'kind' is required\n");
}

TEST_CASE("imports refuse what they cannot take, naming the row and column, writing nothing") {
  Sandbox sandbox;
  sandbox.make_programme("p");
  struct Case {
    std::string csv, err;
  };
  const Case cases[] = {
      {"id,name,kind\nsekda,Sekretariat\xff Daerah,secretariat\n",
       "units.csv:2:18: error: invalid UTF-8 (save the file as UTF-8)\n"},
      {"id,name,kind\nsekda,Sekretariat Daerah\n",
       "units.csv:2:7: error: row has 2 fields but the header names 3 columns\n"},
      {"id,name,kind\nsekda,Sekretariat Daerah,secretariat,x\n",
       "units.csv:2:38: error: row has 4 fields but the header names 3 columns\n"},
      {"id,name,kind\nsekda,\"Sekretariat Daerah,secretariat\n",
       "units.csv:2:7: error: unterminated quoted field\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.csv);
    sandbox.write("units.csv", c.csv);
    Result r = sandbox.run({"-C", "p", "add-unit", "--from", "units.csv"});
    CHECK(r.status == 1);
    CHECK(r.out == "");
    CHECK(r.err == c.err);
    CHECK(!sandbox.exists("p/units/sekda.yaml"));
  }
}

TEST_CASE(
    "export ideas --format md writes the catalogue by unit, as the golden files, in id and en") {
  for (std::string lang : {"id", "en"}) {
    CAPTURE(lang);
    Sandbox sandbox;
    Result r = sandbox.run({"-C", example("tuban-2018").string(), "export", "ideas", "--lang", lang,
                            "-o", "katalog.md"});
    CHECK(r.status == 0);
    // --lang is the language of the note too.
    CHECK(r.err == (lang == "id" ? "katalog.md ditulis\n" : "wrote katalog.md\n"));
    check_golden(sandbox.read("katalog.md"),
                 golden_dir() / "booklet" / ("tuban-2018-" + lang + ".md"));
  }
  // The awkward programme's text stays text: nothing in it becomes markup.
  Sandbox sandbox;
  Result awkward =
      sandbox.run({"-C", example("awkward").string(), "export", "ideas", "--format", "md"});
  CHECK(awkward.status == 0);
  CHECK(awkward.out.find("\n**Masalah.** Baris pertama; dengan titik koma, dan koma.<br>\n"
                         "Baris kedua \"dikutip\" dan 'tunggal'.\n\n"
                         "Paragraf baru\tdengan tab.\n") != std::string::npos);
  CHECK(awkward.out.find("\n**Uraian.** \\-dimulai dengan tanda minus\n") != std::string::npos);
  CHECK(awkward.out.find("\n### +62 Layanan; Pengaduan, \"Cepat\" @ Kecamatan / Desa\n") !=
        std::string::npos);
}
