// What inovasi says about records in Indonesian: the findings of check and of
// reading the files, the values they hold, imports from CSV and options,
// targets files, workspaces and files that cannot be read. The English of
// the same findings is pinned by check_test, import_test and the others.
#include <doctest/doctest.h>

#include <map>

#include "harness.h"

using namespace e2e;

namespace {

const Env kIndonesian = {{"INOVASI_LANG", "id"}};

// The exact stderr of `inovasi check` in Indonesian, for fixture programmes
// of tests/fixtures/check whose English is their expected.txt.
const std::map<std::string, std::string> kCheckInIndonesian = {
    {"alias",
     "ideas/sigap.yaml:5:8: galat: sintaks YAML: anchor yang dirujuk tidak didefinisikan\n"},
    {"anchor", "ideas/sigap.yaml:2:8: galat: anchor (&name) tidak diperbolehkan dalam catatan\n"},
    {"contract-by-period-half-year",
     "contracts/rsud-2018.yaml:24:26: galat: target 'pengguna': by_period berisi triwulan "
     "(YYYY-Qn), bukan 2018-H2\n"},
    {"contract-by-period-impossible-quarter",
     "contracts/rsud-2018.yaml:24:31: galat: targets[1].by_period: '2018-Q5' bukan periode: "
     "triwulan hanya Q1 sampai Q4\n"},
    {"contract-by-period-outside",
     "contracts/rsud-2018.yaml:17:26: galat: target 'waktu-tunggu': 2018-Q1 di luar masa kontrak "
     "(2018-04-01 sampai 2019-03-31)\n"
     "contracts/rsud-2018.yaml:24:68: galat: target 'pengguna': 2019-Q2 di luar masa kontrak "
     "(2018-04-01 sampai 2019-03-31)\n"},
    {"contract-end-before-start",
     "contracts/rsud-2018.yaml:8:6: galat: end 2018-04-01 lebih awal dari start 2018-06-30\n"},
    {"contract-idea-of-another-unit",
     "contracts/rsud-2018.yaml:3:25: peringatan: ide 'sigap' milik OPD 'bappeda', bukan milik OPD "
     "yang berkontrak 'rsud-koesma'\n"},
    {"contract-polarity-mode-invalid",
     "contracts/rsud-2018.yaml:13:15: galat: targets[0].polarity: 'lebih rendah' bukan polaritas "
     "(pilihannya: higher atau lower)\n"
     "contracts/rsud-2018.yaml:22:11: galat: targets[1].mode: 'bulanan' bukan mode (pilihannya: "
     "cumulative atau per-period)\n"},
    {"contract-signed-after-end",
     "contracts/rsud-2018.yaml:4:9: galat: signed 2019-04-02 sesudah kontrak berakhir "
     "(2019-03-31)\n"},
    {"contract-target-value-leading-zero",
     "contracts/rsud-2018.yaml:15:15: galat: targets[0].baseline: '060' bukan bilangan: angka nol "
     "di depan bermakna ganda (oktal dalam YAML 1.1)\n"
     "contracts/rsud-2018.yaml:24:40: galat: targets[1].by_period.2018-Q4: '0300' bukan bilangan: "
     "angka nol di depan bermakna ganda (oktal dalam YAML 1.1)\n"},
    {"contract-unknown-idea",
     "contracts/rsud-2018.yaml:3:25: galat: ide 'antrean-onlen' tidak ada (tidak ada "
     "ideas/antrean-onlen.yaml)\n"},
    {"contract-unknown-unit",
     "contracts/rsud-2018.yaml:2:7: galat: OPD 'rsud-kosema' tidak ada (tidak ada "
     "units/rsud-kosema.yaml)\n"},
    {"contract-weight-zero",
     "contracts/rsud-2018.yaml:23:13: galat: target 'pengguna': bobot harus lebih besar dari 0\n"},
    {"dangling-indicator",
     "ideas/sigap.yaml:6:12: galat: indikator 'ipm' tidak ada di inovasi.yaml\n"},
    {"dangling-priority",
     "ideas/sigap.yaml:5:11: galat: prioritas 'misi-9' tidak ada di inovasi.yaml\n"},
    {"duplicate-ids",
     "ideas/antrean-online-2.yaml:1:5: galat: id 'antrean-online' tidak sesuai dengan nama berkas "
     "'antrean-online-2.yaml'\n"
     "ideas/antrean-online-2.yaml:1:5: galat: id ide 'antrean-online' ganda (juga di "
     "ideas/antrean-online.yaml)\n"},
    {"duplicate-key", "ideas/sigap.yaml:5:1: galat: isian 'title' ditulis dua kali\n"},
    {"empty-file",
     "ideas/sigap.yaml:1:1: galat: berkas kosong; seharusnya berisi pemetaan isian\n"},
    {"enumerations",
     "ideas/lapor.yaml:5:11: galat: category: 'pelayanan umum' bukan kategori (pilihannya: "
     "governance, public-service atau other)\n"
     "ideas/lapor.yaml:6:7: galat: kind: 'analog' bukan jenis (pilihannya: digital atau "
     "non-digital)\n"
     "ideas/lapor.yaml:7:8: galat: stage: 'selesai' bukan tahap (pilihannya: initiative, trial, "
     "implemented atau dropped)\n"
     "ideas/sigap.yaml: peringatan: tidak dalam bentuk kanonis (jalankan 'inovasi fmt')\n"
     "units/kecamatan-jenu.yaml: peringatan: tidak dalam bentuk kanonis (jalankan 'inovasi "
     "fmt')\n"
     "units/kelurahan-x.yaml:3:7: galat: kind: 'kampung' bukan jenis OPD (pilihannya: dinas, "
     "badan, secretariat, inspectorate, hospital, district, village, section atau other)\n"},
    {"enumeration-initiator-echelon",
     "ideas/sigap.yaml:6:12: galat: proposer.echelon: 'IV.c' bukan eselon (pilihannya: II.a, "
     "II.b, III.a, III.b, IV.a, IV.b, V.a atau staff)\n"
     "ideas/sigap.yaml:7:12: galat: initiator: 'camat' bukan inisiator (pilihannya: regent, "
     "council, unit, civil-servant atau public)\n"},
    {"id-invalid-slug",
     "ideas/SIGAP_2018.yaml:1:5: galat: id 'SIGAP_2018' bukan id yang sah (huruf kecil, angka, "
     "dan tanda hubung tunggal, paling banyak 64 karakter)\n"
     "units/dinas--pu.yaml:1:5: galat: id 'dinas--pu' bukan id yang sah (huruf kecil, angka, dan "
     "tanda hubung tunggal, paling banyak 64 karakter)\n"},
    {"impossible-date",
     "ideas/sigap.yaml:5:12: galat: submitted: '2018-02-30' bukan tanggal: Februari 2018 hanya "
     "memiliki 28 hari\n"
     "ideas/sigap.yaml:8:10: galat: plan[0].due: '2018-13-01' bukan tanggal: tidak ada bulan "
     "13\n"},
    {"missing-required-field",
     "ideas/sigap.yaml:1:1: galat: isian wajib 'title' tidak ada\n"
     "ideas/sigap.yaml:1:1: galat: isian wajib 'unit' tidak ada\n"},
    {"nip-appointment-month",
     "ideas/sigap.yaml:6:8: galat: proposer.nip: NIP '198001152005132001': bulan pengangkatan 13 "
     "bukan bulan yang sah\n"},
    {"nip-birth-date",
     "ideas/sigap.yaml:6:8: galat: proposer.nip: NIP '198002302005012001': tanggal lahir "
     "19800230 bukan tanggal yang sah\n"},
    {"nip-length",
     "ideas/sigap.yaml:6:8: galat: proposer.nip: NIP '19800115200501200' harus 18 angka (isinya "
     "17 karakter)\n"},
    {"nip-sex-digit",
     "ideas/sigap.yaml:6:8: galat: proposer.nip: NIP '198001152005013001': angka jenis kelamin "
     "harus 1 atau 2, bukan 3\n"},
    {"not-a-mapping", "ideas/sigap.yaml:1:1: galat: seharusnya pemetaan isian, ternyata daftar\n"},
    {"programme-bands-order",
     "inovasi.yaml:15:7: galat: scale.bands harus diurutkan dari yang tertinggi, setiap min di "
     "bawah min sebelumnya\n"
     "inovasi.yaml:18:7: galat: predikat terakhir harus ber-min 0, agar setiap nilai mendapat "
     "predikat\n"},
    {"programme-every-months",
     "inovasi.yaml:7:17: galat: reporting.every_months berisi 4; laporan jatuh tempo per "
     "triwulan kalender, jadi isinya harus 3\n"
     "inovasi.yaml:10:17: galat: evaluation.every_months berisi 3; isinya harus 6 atau 12\n"},
    {"regulation-amended-twice",
     "regulations/perbup-9-2019.yaml:4:9: peringatan: 'perbup-27-2018' juga diubah oleh "
     "'perbup-45-2018'; ubahlah 'perbup-45-2018' saja, agar perubahan dihitung dari lampiran "
     "yang berlaku\n"},
    {"regulation-amends-cycle",
     "regulations/perbup-27-2018.yaml:4:9: galat: amends membentuk lingkaran: perbup-27-2018 -> "
     "perbup-45-2018 -> perbup-27-2018\n"
     "regulations/perbup-45-2018.yaml:4:9: galat: amends membentuk lingkaran: perbup-45-2018 -> "
     "perbup-27-2018 -> perbup-45-2018\n"},
    {"regulation-amends-itself",
     "regulations/perbup-45-2018.yaml:4:9: galat: peraturan tidak dapat mengubah dirinya "
     "sendiri\n"},
    {"regulation-date-before-amended",
     "regulations/perbup-45-2018.yaml:3:7: galat: date 2018-08-01 lebih awal dari tanggal "
     "'perbup-27-2018' (2018-09-14), peraturan yang diubahnya\n"},
    {"regulation-empty-number",
     "regulations/perbup-27-2018.yaml:2:9: galat: 'number' tidak boleh kosong\n"},
    {"regulation-idea-twice",
     "regulations/perbup-27-2018.yaml:4:32: galat: ide 'antrean-online' tercantum dua kali "
     "(pertama sebagai ideas[0])\n"},
    {"regulation-unknown-amends",
     "regulations/perbup-45-2018.yaml:4:9: galat: peraturan 'perbup-72-2018' tidak ada (tidak ada "
     "regulations/perbup-72-2018.yaml)\n"},
    {"report-actual-not-a-number",
     "reports/rsud-2018/2018-Q3.yaml:4:20: galat: actual.pengguna: 'enam ratus' bukan bilangan\n"
     "reports/rsud-2018/2018-Q3.yaml:4:46: galat: actual.waktu-tunggu: '1e3' bukan bilangan\n"},
    {"report-actual-not-a-target",
     "reports/rsud-2018/2018-Q3.yaml:4:20: galat: kontrak 'rsud-2018' tidak memiliki target "
     "'kepuasan'\n"
     "reports/rsud-2018/2018-Q3.yaml:4:52: galat: kontrak 'rsud-2018' tidak memiliki target "
     "'waktu-tungu' (maksud Anda 'waktu-tunggu'?)\n"},
    {"report-period-half-year",
     "reports/rsud-2018/2018-H2.yaml:2:9: galat: periode 2018-H2 bukan triwulan; laporan dibuat "
     "per triwulan (YYYY-Qn)\n"},
    {"report-period-outside-contract",
     "reports/rsud-2018/2019-Q2.yaml:2:9: galat: 2019-Q2 di luar masa kontrak 'rsud-2018' "
     "(2018-04-01 sampai 2019-03-31)\n"},
    {"report-submitted-before-contract",
     "reports/rsud-2018/2018-Q2.yaml:3:12: peringatan: submitted 2018-04-28 lebih awal dari "
     "mulainya kontrak 'rsud-2018' (2018-05-02)\n"},
    {"report-submitted-before-quarter",
     "reports/rsud-2018/2018-Q3.yaml:3:12: galat: submitted 2018-06-30 lebih awal dari awal "
     "2018-Q3 (2018-07-01)\n"},
    {"report-unknown-contract",
     "reports/rsud-2019/2018-Q3.yaml:1:11: galat: kontrak 'rsud-2019' tidak ada (tidak ada "
     "contracts/rsud-2019.yaml)\n"},
    {"report-wrong-folder",
     "reports/rsud-koesma/2018-Q3.yaml:2:9: galat: laporan kontrak 'rsud-2018' untuk 2018-Q3 "
     "seharusnya berada di reports/rsud-2018/2018-Q3.yaml\n"},
    {"stage-implemented-before-trial",
     "ideas/sigap.yaml:7:19: galat: implemented_date 2018-06-01 lebih awal dari trial_date "
     "2018-07-01\n"},
    {"stage-implemented-date-at-trial",
     "ideas/sigap.yaml:6:19: galat: implemented_date terisi padahal tahapnya trial\n"},
    {"stage-missing-trial-date",
     "ideas/sigap.yaml:4:8: peringatan: tahapnya trial tetapi trial_date belum diisi\n"},
    {"stage-trial-date-at-initiative",
     "ideas/sigap.yaml:5:13: galat: trial_date terisi padahal tahapnya initiative\n"},
    {"stray-file",
     "ideas/catatan.txt: peringatan: bukan berkas catatan (nama berkas catatan berakhiran .yaml); "
     "diabaikan\n"
     "units/sigap.yml: peringatan: bukan berkas catatan (nama berkas catatan berakhiran .yaml); "
     "diabaikan\n"},
    {"symlinked-folder",
     "ideas: galat: adalah tautan simbolik; folder catatan harus folder sungguhan\n"},
    {"symlinked-record",
     "ideas/sigap.yaml: galat: adalah tautan simbolik; catatan harus berupa berkas biasa\n"},
    {"two-documents", "ideas/sigap.yaml:5:1: galat: berkas berisi lebih dari satu dokumen YAML\n"},
    {"unknown-key",
     "ideas/sigap.yaml:1:1: galat: isian wajib 'title' tidak ada\n"
     "ideas/sigap.yaml:2:1: galat: isian 'titel' tidak dikenal (maksud Anda 'title'?)\n"
     "ideas/sigap.yaml:5:3: galat: isian 'proposer.nmae' tidak dikenal (maksud Anda 'name'?)\n"
     "ideas/sigap.yaml:7:1: galat: isian 'budjet' tidak dikenal (maksud Anda 'budget'?)\n"
     "ideas/sigap.yaml:8:1: galat: isian 'whatever' tidak dikenal\n"},
    {"wrong-type",
     "ideas/sigap.yaml:4:11: galat: 'proposer' harus berupa pemetaan, bukan nilai tunggal\n"
     "ideas/sigap.yaml:6:9: galat: budget: 'banyak' bukan bilangan bulat\n"
     "ideas/sigap.yaml:8:3: galat: 'description' harus berupa nilai tunggal, bukan daftar\n"
     "ideas/sigap.yaml:10:7: galat: 'plan' harus berupa daftar, bukan nilai tunggal\n"
     "ideas/sigap.yaml:11:7: galat: 'tags' harus berupa daftar, bukan pemetaan\n"},
    {"yaml-syntax",
     "ideas/sigap.yaml:3:5: galat: sintaks YAML: akhir daftar bergaya flow tidak ditemukan\n"},
};

}  // namespace

TEST_CASE("check in Indonesian: every finding of the fixture programmes, exactly") {
  Sandbox sandbox;
  bool by_option = true;
  for (const auto& [name, expected] : kCheckInIndonesian) {
    INFO("fixture tests/fixtures/check/" << name);
    stdfs::path dir = fixtures() / "check" / name;
    REQUIRE(stdfs::exists(dir / "expected.txt"));
    copy_tree(dir, sandbox.path(name));
    stdfs::remove(sandbox.path(name + "/expected.txt"));
    stdfs::remove(sandbox.path(name + "/exit"));
    // --lang id and INOVASI_LANG=id in turn: both choose the language.
    Result r = by_option ? sandbox.run_in(name, {"--lang", "id", "check"})
                         : sandbox.run_in(name, {"check"}, {}, kIndonesian);
    by_option = !by_option;
    CHECK(r.err == expected);
    CHECK(r.out == "");
    CHECK(r.status == std::stoi(read_file(dir / "exit")));
    // The same programme in English is still its expected.txt.
    r = sandbox.run_in(name, {"check"});
    CHECK(r.err == read_file(dir / "expected.txt"));
  }
}

TEST_CASE("imports in Indonesian: the CSV itself, its header, its rows and the options") {
  Sandbox sandbox;
  sandbox.make_programme();
  sandbox.write("ideas/sigap.yaml",
                "id: sigap\n"
                "title: SIGAP\n"
                "unit: bappeda\n"
                "stage: initiative\n");
  struct Case {
    std::vector<std::string> args;
    std::string input;
    std::string err;
  };
  const Case cases[] = {
      {{"add-idea", "--from", "-"},
       "id,titel,unit,unit\n",
       "-:1:4: galat: kolom 'titel' tidak dikenal (maksud Anda 'title'?)\n"
       "-:1:15: galat: kolom 'unit' muncul dua kali\n"},
      {{"add-idea", "--from", "-"},
       "id,title,unit,stage,submitted,plan,proposer_nip\n"
       "lapor,Lapor,bappeda,selesai,2018-02-30,Rapat @ 2018-13-01,123\n",
       "-:2:21: galat: kolom 'stage': 'selesai' bukan tahap (pilihannya: initiative, trial, "
       "implemented atau dropped)\n"
       "-:2:29: galat: kolom 'submitted': '2018-02-30' bukan tanggal: Februari 2018 hanya memiliki "
       "28 hari\n"
       "-:2:40: galat: kolom 'plan': langkah 'Rapat': jatuh tempo '2018-13-01' bukan tanggal: "
       "tidak ada bulan 13\n"
       "-:2:59: galat: kolom 'proposer_nip': NIP '123' harus 18 angka (isinya 3 karakter)\n"},
      {{"add-idea", "--from", "-"},
       "id,title,unit\nsigap,SIGAP,bappeda\nbaru,Baru,bappeda\nbaru,Baru 2,bappeda\n",
       "-:2:1: galat: ide 'sigap' sudah ada (ideas/sigap.yaml); pakai --update untuk "
       "menggantinya\n"
       "-:4:1: galat: id ide 'baru' juga ada di baris 3\n"},
      {{"add-idea", "--from", "-"},
       "title,unit\n!!!,bappeda\n",
       "-:2:1: galat: kolom 'title' tidak menghasilkan id (tidak ada huruf atau angka); pilih id "
       "dengan kolom 'id'\n"},
      {{"add-idea", "--from", "-"},
       "id,title,unit\nlapor,Lapor,bappeda,x\n",
       "-:2:21: galat: baris berisi 4 sel, padahal baris judul menamai 3 kolom\n"},
      {{"add-idea", "--from", "-"},
       "id,title,unit\n\"lapor,Lapor,bappeda\n",
       "-:2:1: galat: sel bertanda kutip tidak ditutup\n"},
      {{"add-idea", "--from", "-"},
       "",
       "-:1:1: galat: berkas kosong; seharusnya ada baris judul yang menamai kolom-kolomnya\n"},
      {{"add-unit", "--id", "bappeda", "--name", "Bappeda", "--kind", "badan"},
       "",
       "inovasi: galat: OPD 'bappeda' sudah ada (units/bappeda.yaml); pilih id lain dengan --id, "
       "atau pakai --update untuk menggantinya\n"},
      {{"add-idea", "--title", "!!!", "--unit", "bappeda"},
       "",
       "inovasi: galat: --title tidak menghasilkan id (tidak ada huruf atau angka); pilih id "
       "dengan --id\n"},
  };
  auto before = sandbox.tree();
  for (const Case& c : cases) {
    CAPTURE(c.args);
    Result r = sandbox.run(c.args, c.input, kIndonesian);
    CHECK(r.err == c.err);
    CHECK(r.out == "");
    CHECK(r.status == 1);
    CHECK(sandbox.tree() == before);
  }
}

TEST_CASE("targets files in Indonesian, the CSV's target column named as it is") {
  Sandbox sandbox;
  sandbox.make_programme();
  sandbox.write("t1.csv", "target,nama,2018-H2\npengguna,Pengguna,200\n");
  sandbox.write("t2.csv", "target,name,2018-Q3\n,Pengguna,200\npengguna,Pengguna,0300\n");
  sandbox.write("t3.yaml", "- id: pengguna\n  name: Pengguna\n  weight: banyak\n");
  const std::pair<std::string, std::string> cases[] = {
      {"t1.csv",
       "t1.csv:1:8: galat: kolom 'nama' tidak dikenal (maksud Anda 'name'?); kolom lainnya harus "
       "berupa triwulan, misalnya 2018-Q3\n"
       "t1.csv:1:13: galat: kolom '2018-H2': nilai target dicatat per triwulan (YYYY-Qn)\n"},
      {"t2.csv",
       "t2.csv:2:1: galat: kolom 'target' wajib diisi\n"
       "t2.csv:3:19: galat: kolom '2018-Q3': '0300' bukan bilangan: angka nol di depan bermakna "
       "ganda (oktal dalam YAML 1.1)\n"},
      {"t3.yaml", "t3.yaml:3:11: galat: targets[0].weight: 'banyak' bukan bilangan\n"},
  };
  for (const auto& [file, err] : cases) {
    CAPTURE(file);
    Result r = sandbox.run({"--lang", "id", "sign-contract", "--unit", "rsud-koesma", "--start",
                            "2018-07-01", "--end", "2018-12-31", "--targets", file});
    CHECK(r.err == err);
    CHECK(r.status == 1);
    CHECK_FALSE(sandbox.exists("contracts/rsud-koesma-2018.yaml"));
  }
  // In English the target column is named as it is too.
  Result r = sandbox.run({"sign-contract", "--unit", "rsud-koesma", "--start", "2018-07-01",
                          "--end", "2018-12-31", "--targets", "t2.csv"});
  CHECK(r.err.starts_with("t2.csv:2:1: error: column 'target' is required\n"));
}

TEST_CASE("workspaces and -C in Indonesian") {
  Sandbox sandbox;
  REQUIRE(sandbox.run({"init", "ws/tuban", "--name", "Tuban", "--region", "Tuban"}).status == 0);
  stdfs::create_directories(sandbox.path("ws/Kota_Batu"));
  stdfs::create_directories(sandbox.path("ws/kosong"));
  struct Case {
    std::string workspace;
    std::string findings;
  };
  const Case cases[] = {
      {"programmes: [tuban, sidoarjo, /srv/x, tuban, \"\", Kota_Batu]\n",
       "ws/workspace.yaml:1:21: galat: programmes[1]: folder 'ws/sidoarjo' tidak ada\n"
       "ws/workspace.yaml:1:31: galat: programmes[2]: '/srv/x' harus relatif terhadap folder "
       "ruang kerja\n"
       "ws/workspace.yaml:1:39: galat: programmes[3]: 'tuban' tercantum dua kali (pertama sebagai "
       "programmes[0])\n"
       "ws/workspace.yaml:1:46: galat: programmes[4]: harus menyebut folder program, tidak boleh "
       "kosong\n"
       "ws/workspace.yaml:1:50: galat: programmes[5]: 'Kota_Batu' tidak dapat menjadi program di "
       "sini: nama program adalah nama foldernya, yang harus berupa id (huruf kecil, angka, dan "
       "tanda hubung tunggal, paling banyak 64 karakter)\n"},
      {"programmes: [kosong]\n",
       "ws/workspace.yaml:1:14: galat: programmes[0]: 'ws/kosong' tidak berisi inovasi.yaml "
       "(submodul git yang belum diambil? 'git submodule update --init' mengambilnya)\n"},
      {"programmes: []\n",
       "ws/workspace.yaml:1:13: galat: 'programmes' tidak memuat satu pun folder program\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.workspace);
    sandbox.write("ws/workspace.yaml", c.workspace);
    Result r = sandbox.run({"-C", "ws", "export", "units"}, {}, kIndonesian);
    CHECK(r.status == 1);
    // The findings, then the command's own last word.
    REQUIRE(r.err.starts_with(c.findings));
    std::string rest = r.err.substr(c.findings.size());
    CHECK(rest.starts_with("inovasi: galat: "));
    CHECK(split_lines(rest).size() == 1);
  }
  Result r = sandbox.run({"--lang", "id", "-C", "ws/tuban", "-C", "ws/tuban", "evaluate"});
  CHECK(r.status == 2);
  CHECK(r.err == "inovasi: galat: -C ws/tuban: program yang sama diberikan dua kali\n");
  r = sandbox.run({"--lang", "id", "-C", "ws", "-C", "ws/tuban", "evaluate"});
  CHECK(r.status == 2);
  CHECK(r.err ==
        "inovasi: galat: -C ws: adalah ruang kerja (workspace.yaml); berikan tanpa yang lain, atau "
        "berikan setiap programnya dengan -C\n");
}

TEST_CASE("files and folders inovasi cannot use, in Indonesian, with the system's reason") {
  Sandbox sandbox;
  sandbox.make_programme("program");
  Result r = sandbox.run_in("program", {"add-idea", "--from", "nowhere.csv"}, {}, kIndonesian);
  CHECK(r.status == 3);
  CHECK(r.err == "inovasi: galat: nowhere.csv: tidak dapat dibuka: Berkas atau folder tidak ada\n");
  r = sandbox.run_in("program", {"add-idea", "--from", "nowhere.csv"});
  CHECK(r.err == "inovasi: error: nowhere.csv: cannot open: No such file or directory\n");

  r = sandbox.run({"--lang", "id", "-C", "nowhere", "check"});
  CHECK(r.status == 2);
  CHECK(r.err ==
        "inovasi: galat: nowhere: bukan folder program (tidak ada inovasi.yaml); buat dengan "
        "'inovasi init nowhere'\n");
  r = sandbox.run({"check"}, {}, kIndonesian);
  CHECK(r.status == 2);
  CHECK(r.err ==
        "inovasi: galat: tidak berada di folder program (tidak ada inovasi.yaml di sini atau di "
        "folder induk mana pun); jalankan 'inovasi init' atau pakai -C DIR\n");

  stdfs::create_symlink("/nonexistent", sandbox.path("program/.inovasi.lock"));
  r = sandbox.run_in("program", {"add-unit", "--name", "Dinas Baru", "--kind", "dinas"}, {},
                     kIndonesian);
  CHECK(r.status == 3);
  CHECK(r.err == "inovasi: galat: .inovasi.lock: adalah tautan simbolik; tidak akan diikuti\n");
  CHECK_FALSE(sandbox.exists("program/units/dinas-baru.yaml"));
}

TEST_CASE("findings are made anew in the language asked for: the record cache holds none") {
  Sandbox sandbox;
  sandbox.make_programme();
  sandbox.write("ideas/catatan.txt", "bukan catatan\n");
  const char* english =
      "ideas/catatan.txt: warning: is not a record file (records end in .yaml); "
      "ignored\n";
  const char* indonesian =
      "ideas/catatan.txt: peringatan: bukan berkas catatan (nama berkas catatan berakhiran "
      ".yaml); diabaikan\n";
  Result r = sandbox.run({"list", "units"});
  CHECK(r.status == 0);
  CHECK(r.err == english);
  REQUIRE(sandbox.exists(".inovasi/cache"));
  r = sandbox.run({"--lang", "id", "list", "units"});
  CHECK(r.status == 0);
  CHECK(r.err == indonesian);
  // A record read from the cache in one language, broken since: its
  // findings come from the file, in the language of this run.
  sandbox.write("units/bappeda.yaml", "id: bappeda\nname: Bappeda\nkind: kantor\n");
  r = sandbox.run({"list", "units"}, {}, kIndonesian);
  CHECK(r.status == 1);
  CHECK(r.err.starts_with(
      std::string(indonesian) +
      "units/bappeda.yaml:3:7: galat: kind: 'kantor' bukan jenis OPD (pilihannya: dinas, badan, "
      "secretariat, inspectorate, hospital, district, village, section atau other)\n"));
  r = sandbox.run({"list", "units"});
  CHECK(r.err.starts_with(std::string(english) + "units/bappeda.yaml:3:7: error: kind: 'kantor'"));
}
