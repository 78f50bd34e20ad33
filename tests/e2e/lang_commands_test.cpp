// The commands in Indonesian (--lang id or INOVASI_LANG=id): their help,
// their refusals, their notes and their terminal tables; what goes into
// files and machine formats stays as it is.
#include <doctest/doctest.h>

#include "harness.h"

using namespace e2e;

namespace {

const Env kIndonesian = {{"INOVASI_LANG", "id"}};

const char* kCommands[] = {"init",   "add-unit", "add-idea", "check",          "sign-contract",
                           "report", "status",   "evaluate", "add-regulation", "export",
                           "list",   "show",     "fmt",      "merge-driver",   "git-setup"};

// The example's programme, copied: commands that read records may write a
// cache beside them.
void copy_tuban(const Sandbox& sandbox) {
  copy_tree(fixtures().parent_path().parent_path() / "examples" / "tuban-2018",
            sandbox.path("tuban"));
}

// The lines of a help's examples block: those after its heading up to the
// first empty line.
std::vector<std::string> examples(const std::string& help, const std::string& heading) {
  std::vector<std::string> lines;
  auto at = help.find("\n" + heading + "\n");
  if (at == std::string::npos) return lines;
  for (const auto& line : split_lines(help.substr(at + heading.size() + 2))) {
    if (line.empty()) break;
    lines.push_back(line);
  }
  return lines;
}

}  // namespace

TEST_CASE("evaluate --help in Indonesian: its summary, examples first, options and notes") {
  Sandbox sandbox;
  Result r = sandbox.run({"--lang", "id", "evaluate", "--help"});
  CHECK(r.status == 0);
  CHECK(r.err == "");
  CHECK(r.out ==
        "Nilai kontrak dan rangkum program untuk satu triwulan, semester atau tahun\n"
        "\n"
        "Contoh:\n"
        "  inovasi evaluate --period 2018-H2 --as-of 2019-01-31 --out laporan/2018-H2\n"
        "  inovasi evaluate --period 2018-Q4 --format csv --table targets\n"
        "  inovasi -C tuban -C lamongan evaluate --period 2018 --out laporan/2018\n"
        "\n"
        "Pemakaian: inovasi evaluate [OPSI]\n"
        "\n"
        "Opsi:\n"
        "  -h,--help                   Tampilkan bantuan ini lalu keluar\n"
        "  --period TEKS               2018-Q3, 2018-H2 atau 2018 (bawaan: triwulan terakhir "
        "yang telah berakhir pada tanggal --as-of)\n"
        "  --as-of TEKS                Nilai menurut keadaan catatan pada tanggal ini (bawaan: "
        "hari ini)\n"
        "  --lang TEXT:{id,en}         id atau en: bahasa pesan dan laporan (bawaan: "
        "$INOVASI_LANG, jika tidak ada pesan berbahasa Inggris dan laporan dalam bahasa program; "
        "untuk beberapa program, bahasa mereka bila sama, jika tidak id)\n"
        "  --format TEXT:{md,csv,json} md (bawaan), csv atau json, ke keluaran standar\n"
        "  --table TEXT:{contracts,targets,units,ideas}\n"
        "                              contracts (bawaan), targets, units atau ideas, dengan "
        "--format csv|json\n"
        "  --out TEKS                  Tulis summary.md, contracts.csv, targets.csv, units.csv, "
        "ideas.csv, summary.xlsx (keempat tabel, masing-masing satu lembar kerja) dan units.svg "
        "ke folder ini\n"
        "\n"
        "Nilai sebuah kontrak adalah rata-rata tertimbang capaian target-targetnya; lihat\n"
        "inovasi-evaluate(1) untuk aturannya. Catatan yang bertanggal setelah tanggal\n"
        "--as-of (laporan, kontrak, ide, langkah rencana yang selesai, tahap yang dicapai)\n"
        "tidak dihitung. Beberapa program (-C berulang, atau workspace.yaml yang\n"
        "mendaftar semuanya) masing-masing dievaluasi dengan pengaturannya sendiri, lalu\n"
        "dirangkum bersama, dengan id diawali nama program (tuban/rsud-2018).\n");

  // INOVASI_LANG says the same; English says its own, --lang described anew.
  CHECK(sandbox.run({"evaluate", "--help"}, {}, kIndonesian).out == r.out);
  Result en = sandbox.run({"evaluate", "--help"});
  CHECK(en.out.starts_with(
      "Score the contracts and sum up the programme for a quarter, half or year\n\nExamples:\n"));
  CHECK(en.out.find("\n  --lang TEXT:{id,en}         id or en: language of messages and reports "
                    "(default: $INOVASI_LANG, else English messages and reports in the "
                    "programme's language; of several, theirs when they agree, else id)\n") !=
        std::string::npos);
}

TEST_CASE("every command's help in Indonesian opens with the same examples as in English") {
  Sandbox sandbox;
  for (std::string command : kCommands) {
    CAPTURE(command);
    Result id = sandbox.run({command, "--help", "--lang", "id"});
    Result en = sandbox.run({command, "--help"});
    CHECK(id.status == 0);
    CHECK(id.err == "");
    // Its summary translated, then the examples, then the usage.
    auto first = id.out.find('\n');
    CHECK(id.out.substr(0, first) != en.out.substr(0, en.out.find('\n')));
    CHECK(id.out.find("\nContoh:\n") == first + 1);
    CHECK(id.out.find("Examples:") == std::string::npos);
    CHECK(id.out.find("\n\nPemakaian: inovasi " + command) ==
          id.out.find("\n\n", id.out.find("\nContoh:\n")));
    std::vector<std::string> lines = examples(en.out, "Examples:");
    // The command lines are the same; a remark after one is translated.
    if (command == "merge-driver")
      lines.back() = "  inovasi merge-driver %O %A %B %P    (seperti git menjalankannya)";
    CHECK(examples(id.out, "Contoh:") == lines);
    CHECK(lines.size() >= 2);
  }
}

TEST_CASE("the commands' refusals in Indonesian, with their exit status") {
  Sandbox sandbox;
  sandbox.make_programme();
  sandbox.write("targets.yaml", "");  // read before it is refused
  struct Case {
    std::vector<std::string> args;
    int status;
    const char* err;
  };
  const Case cases[] = {
      {{"add-idea", "--title", "T", "--unit", "bappeda", "--step", "a", "--step", "b", "--due",
        "2018-06-30"},
       2,
       "inovasi: galat: 2 --step dan 1 --due: berikan satu --due setelah setiap --step, atau "
       "tidak sama sekali\n"},
      {{"add-unit", "--name", "X", "--from", "units.csv"},
       2,
       "inovasi: galat: --name tidak dapat digabung dengan --from; tuliskan di berkas CSV\n"},
      {{"add-regulation", "--from", "regulations.csv", "--idea", "a"},
       2,
       "inovasi: galat: --idea tidak dapat digabung dengan --from; tuliskan ide-idenya di berkas "
       "CSV\n"},
      {{"sign-contract", "--from", "contracts.csv", "--targets", "targets.yaml"},
       2,
       "inovasi: galat: dengan --from, --targets harus berkas CSV yang memiliki kolom "
       "'contract'\n"},
      {{"report", "--from", "reports.csv", "--actual", "a=1"},
       2,
       "inovasi: galat: --actual dan --evidence tidak dapat digabung dengan --from; tuliskan di "
       "berkas CSV\n"},
      {{"evaluate", "--table", "units"},
       2,
       "inovasi: galat: --table memerlukan --format csv atau json\n"},
      {{"export", "units", "--format", "xlsx"},
       2,
       "inovasi: galat: --format xlsx menulis buku kerja, bukan teks untuk keluaran standar: "
       "sebutkan berkasnya dengan -o FILE.xlsx\n"},
      {{"export", "perbup", "--format", "json"},
       2,
       "inovasi: galat: export perbup menulis Markdown atau CSV, bukan JSON\n"},
      {{"export", "perbup"},
       1,
       "inovasi: galat: belum ada peraturan (regulations/ kosong); catat perbup dengan 'inovasi "
       "add-regulation'\n"},
      {{"list", "units", "--stage", "trial"}, 2, "inovasi: galat: --stage tidak menyaring units\n"},
      {{"status", "--unit", "dinkes"}, 1, "inovasi: galat: --unit: tidak ada OPD 'dinkes'\n"},
      {{"show", "bapeda"},
       1,
       "inovasi: galat: tidak ada catatan dengan id 'bapeda'; maksud Anda 'bappeda'?\n"},
      {{"init", ".", "--name", "N", "--region", "R"},
       1,
       "inovasi: galat: inovasi.yaml: sudah ada program di sini; program itu tidak akan "
       "ditimpa\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.args);
    Result r = sandbox.run(c.args, {}, kIndonesian);
    CHECK(r.status == c.status);
    CHECK(r.out == "");
    CHECK(r.err == c.err);
  }
}

TEST_CASE("status in Indonesian: the table's headings and the counts, the states still tokens") {
  Sandbox sandbox;
  copy_tuban(sandbox);
  Result r = sandbox.run(
      {"-C", "tuban", "status", "--as-of", "2018-12-31", "--unit", "rsud-koesma"}, {}, kIndonesian);
  CHECK(r.status == 0);
  CHECK(r.err == "");
  CHECK(r.out ==
        "KONTRAK    OPD          PERIODE  JATUH TEMPO  DISERAHKAN  STATUS\n"
        "rsud-2018  rsud-koesma  2018-Q2  2018-07-10   2018-07-09  on-time\n"
        "rsud-2018  rsud-koesma  2018-Q3  2018-10-10   2018-10-08  on-time\n"
        "rsud-2018  rsud-koesma  2018-Q4  2019-01-10               not-due\n"
        "per 2018-12-31: 2 tepat waktu, 0 terlambat, 0 belum masuk, 1 belum jatuh tempo\n");

  // CSV and JSON keep their column names.
  Result csv = sandbox.run(
      {"-C", "tuban", "--lang", "id", "status", "--as-of", "2018-12-31", "--format", "csv"});
  CHECK(csv.out.starts_with("contract,unit,period,due,submitted,status\n"));
  CHECK(csv.out ==
        sandbox.run({"-C", "tuban", "status", "--as-of", "2018-12-31", "--format", "csv"}).out);
}

TEST_CASE("list and show in Indonesian: the table's headings and what refers to a record") {
  Sandbox sandbox;
  copy_tuban(sandbox);
  Result r =
      sandbox.run({"-C", "tuban", "--lang", "id", "list", "reports", "--contract", "rsud-2018"});
  CHECK(r.status == 0);
  CHECK(r.err == "");
  CHECK(split_lines(r.out).front() == "KONTRAK    PERIODE  DISERAHKAN  REALISASI");

  r = sandbox.run({"-C", "tuban", "show", "rsud-koesma"}, {}, kIndonesian);
  CHECK(r.status == 0);
  CHECK(r.out.starts_with("# tuban/units/rsud-koesma.yaml\nid: rsud-koesma\n"));
  CHECK(r.out.ends_with("\n# ide OPD ini: antrean-online\n# kontrak OPD ini: rsud-2018\n"));
  // The record itself is the file's, whatever the language.
  Result en = sandbox.run({"-C", "tuban", "show", "rsud-koesma"});
  CHECK(
      en.out.ends_with("\n# ideas of this unit: antrean-online\n"
                       "# contracts of this unit: rsud-2018\n"));
  CHECK(r.out.substr(0, r.out.find("\n# ide")) == en.out.substr(0, en.out.find("\n# ideas")));
}

TEST_CASE("the commands' notes in Indonesian: init, add, fmt, export, evaluate") {
  Sandbox sandbox;
  Result r = sandbox.run({"init", "p", "--name", "Inovasi Uji", "--region", "Kabupaten Uji"}, {},
                         kIndonesian);
  CHECK(r.status == 0);
  CHECK(r.out == "program 'Inovasi Uji' dibuat di p\n");

  r = sandbox.run({"-C", "p", "--lang", "id", "add-unit", "--name", "Dinas Kesehatan", "--kind",
                   "dinas", "--dry-run"});
  CHECK(r.status == 0);
  CHECK(r.out ==
        "p/units/dinas-kesehatan.yaml akan ditambahkan\n"
        "id: dinas-kesehatan\n"
        "name: Dinas Kesehatan\n"
        "kind: dinas\n");
  r = sandbox.run({"-C", "p", "add-unit", "--name", "Dinas Kesehatan", "--kind", "dinas"}, {},
                  kIndonesian);
  CHECK(r.out == "p/units/dinas-kesehatan.yaml ditambahkan\n");

  sandbox.write("p/units/dinas-kesehatan.yaml",
                "name: Dinas Kesehatan\nid: dinas-kesehatan\n"
                "kind: dinas\n");
  r = sandbox.run({"-C", "p", "fmt", "--check"}, {}, kIndonesian);
  CHECK(r.status == 1);
  CHECK(r.out == "p/units/dinas-kesehatan.yaml: belum dalam bentuk kanonis\n");
  r = sandbox.run({"-C", "p", "fmt"}, {}, kIndonesian);
  CHECK(r.status == 0);
  CHECK(r.out == "p/units/dinas-kesehatan.yaml dirapikan\n");

  r = sandbox.run({"-C", "p", "export", "units", "-o", "units.csv"}, {}, kIndonesian);
  CHECK(r.status == 0);
  CHECK(r.err == "units.csv ditulis\n");
  // The file is the same in either language.
  std::string csv = sandbox.read("units.csv");
  CHECK(sandbox.run({"-C", "p", "export", "units", "-o", "units.csv"}).err == "wrote units.csv\n");
  CHECK(sandbox.read("units.csv") == csv);

  copy_tuban(sandbox);
  r = sandbox.run({"-C", "tuban", "--lang", "id", "evaluate", "--period", "2018-Q3", "--as-of",
                   "2018-12-31", "--out", "laporan"});
  CHECK(r.status == 0);
  CHECK(r.err ==
        "laporan/summary.md ditulis\n"
        "laporan/contracts.csv ditulis\n"
        "laporan/targets.csv ditulis\n"
        "laporan/units.csv ditulis\n"
        "laporan/ideas.csv ditulis\n"
        "laporan/summary.xlsx ditulis\n"
        "laporan/units.svg ditulis\n");
}

TEST_CASE("evaluate in Indonesian refuses records with errors, after the findings") {
  Sandbox sandbox;
  sandbox.make_programme();
  sandbox.write("units/dinkes.yaml", "id: dinkes\nkind: dinas\n");
  Result r = sandbox.run({"evaluate", "--period", "2018-Q3"}, {}, kIndonesian);
  CHECK(r.status == 1);
  CHECK(r.out == "");
  CHECK(r.err.ends_with(
      "\ninovasi: galat: catatan mengandung galat (di atas); tidak ada yang dievaluasi\n"));
}

TEST_CASE("merge-driver in Indonesian names a field changed two ways") {
  Sandbox sandbox;
  sandbox.write("base.yaml", "id: u\nname: A\nkind: badan\n");
  sandbox.write("ours.yaml", "id: u\nname: B\nkind: badan\n");
  sandbox.write("theirs.yaml", "id: u\nname: C\nkind: badan\n");
  Result r = sandbox.run({"merge-driver", "base.yaml", "ours.yaml", "theirs.yaml", "units/u.yaml"},
                         {}, kIndonesian);
  CHECK(r.status == 1);
  CHECK(r.err == "units/u.yaml: 'name' diubah secara berbeda di kedua sisi\n");
  // The markers in the file are git's, in any language.
  CHECK(sandbox.read("ours.yaml") ==
        "id: u\n<<<<<<< ours\nname: B\n=======\nname: C\n>>>>>>> theirs\nkind: badan\n");
}
