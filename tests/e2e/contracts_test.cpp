// sign-contract, report, status, and list/show of contracts and reports,
// through the built binary: exact outputs, exact files, nothing written on error.
#include <doctest/doctest.h>

#include "harness.h"

using namespace e2e;

namespace {

// The files below a record folder; none when the folder is not there.
std::vector<std::string> files_in(const Sandbox& sandbox, const std::string& folder) {
  if (!sandbox.exists(folder)) return {};
  return sandbox.tree(folder);
}

// make_programme() plus the units and the idea the contracts below name.
void make_contract_programme(const Sandbox& sandbox) {
  sandbox.make_programme();
  sandbox.write("units/pupr.yaml",
                "id: pupr\n"
                "name: Dinas Pekerjaan Umum dan Penataan Ruang\n"
                "kind: dinas\n");
  sandbox.write("ideas/antrean-online.yaml",
                "id: antrean-online\n"
                "title: Antrean Online\n"
                "unit: rsud-koesma\n"
                "stage: initiative\n");
}

// The performance agreement as an OPD types it in a spreadsheet: Indonesian
// words for polarity and mode, a column per quarter.
const char* kTargetsCsv =
    "target,name,unit,polarity,mode,weight,baseline,2018-Q2,2018-Q3,2018-Q4,2019-Q1\n"
    "waktu-tunggu,Rata-rata waktu tunggu pendaftaran,menit,negatif,kumulatif,2,60,50,40,30,20\n"
    "pengguna,Pengguna aplikasi antrean,orang,,per triwulan,,,,200,300,400.5\n";

const char* kRsud2018 =
    "id: rsud-2018\n"
    "unit: rsud-koesma\n"
    "ideas: [antrean-online]\n"
    "signed: 2018-05-02\n"
    "first_party: {name: Bupati Tuban, position: Bupati Tuban}\n"
    "second_party: {name: Direktur RSUD, position: Direktur RSUD dr. R. Koesma}\n"
    "start: 2018-04-01\n"
    "end: 2019-03-31\n"
    "targets:\n"
    "  - id: waktu-tunggu\n"
    "    name: Rata-rata waktu tunggu pendaftaran\n"
    "    unit: menit\n"
    "    polarity: lower\n"
    "    mode: cumulative\n"
    "    baseline: 60\n"
    "    weight: 2\n"
    "    by_period: {2018-Q2: 50, 2018-Q3: 40, 2018-Q4: 30, 2019-Q1: 20}\n"
    "  - id: pengguna\n"
    "    name: Pengguna aplikasi antrean\n"
    "    unit: orang\n"
    "    polarity: higher\n"
    "    mode: per-period\n"
    "    weight: 1\n"
    "    by_period: {2018-Q3: 200, 2018-Q4: 300, 2019-Q1: 400.5}\n";

std::vector<std::string> sign_rsud_args() {
  return {"sign-contract",
          "--id",
          "rsud-2018",
          "--unit",
          "rsud-koesma",
          "--idea",
          "antrean-online",
          "--signed",
          "2018-05-02",
          "--start",
          "2018-04-01",
          "--end",
          "2019-03-31",
          "--first-party-name",
          "Bupati Tuban",
          "--first-party-position",
          "Bupati Tuban",
          "--second-party-name",
          "Direktur RSUD",
          "--second-party-position",
          "Direktur RSUD dr. R. Koesma",
          "--targets",
          "targets.csv"};
}

// A programme with contract rsud-2018 signed, as sign-contract writes it.
void make_signed_programme(const Sandbox& sandbox) {
  make_contract_programme(sandbox);
  sandbox.write("contracts/rsud-2018.yaml", kRsud2018);
}

const char* kQ3Report =
    "contract: rsud-2018\n"
    "period: 2018-Q3\n"
    "submitted: 2018-10-08\n"
    "actual: {pengguna: 620, waktu-tunggu: 42}\n"
    "narrative: |\n"
    "  Loket antrean online dibuka.\n"
    "  Sosialisasi ke 20 puskesmas.\n"
    "obstacles: Sinyal lemah di kecamatan selatan\n"
    "next_steps: Tambah loket\n"
    "evidence: [docs/foto-loket.jpg, 'https://rsud.tubankab.go.id/antrean']\n";

std::vector<std::string> q3_report_args() {
  return {"report",
          "--contract",
          "rsud-2018",
          "--period",
          "2018-Q3",
          "--submitted",
          "2018-10-08",
          "--actual",
          "waktu-tunggu=42",
          "--actual",
          "pengguna=620",
          "--narrative",
          "@q3.txt",
          "--obstacles",
          "Sinyal lemah di kecamatan selatan",
          "--next-steps",
          "Tambah loket",
          "--evidence",
          "docs/foto-loket.jpg",
          "--evidence",
          "https://rsud.tubankab.go.id/antrean"};
}

}  // namespace

TEST_CASE("sign-contract with targets from CSV writes the contract exactly") {
  Sandbox sandbox;
  make_contract_programme(sandbox);
  sandbox.write("targets.csv", kTargetsCsv);

  std::vector<std::string> dry_run = sign_rsud_args();
  dry_run.push_back("--dry-run");
  Result r = sandbox.run(dry_run);
  CHECK(r.err == "");
  CHECK(r.out == std::string("would add contracts/rsud-2018.yaml\n") + kRsud2018);
  CHECK(r.status == 0);
  CHECK(files_in(sandbox, "contracts").empty());

  r = sandbox.run(sign_rsud_args());
  CHECK(r.err == "");
  CHECK(r.out == "added contracts/rsud-2018.yaml\n");
  CHECK(r.status == 0);
  CHECK(sandbox.read("contracts/rsud-2018.yaml") == kRsud2018);

  r = sandbox.run({"check"});
  CHECK(r.err == "");
  CHECK(r.status == 0);

  // Signing it again is refused; the file is left alone.
  r = sandbox.run(sign_rsud_args());
  CHECK(r.err ==
        "inovasi: error: contract 'rsud-2018' exists already (contracts/rsud-2018.yaml); choose "
        "another with --id, or use --update to replace it\n");
  CHECK(r.out == "");
  CHECK(r.status == 1);
  CHECK(sandbox.read("contracts/rsud-2018.yaml") == kRsud2018);
}

TEST_CASE("sign-contract with targets from YAML, the id derived from unit and start year") {
  Sandbox sandbox;
  make_contract_programme(sandbox);
  sandbox.write("targets.yaml",
                "# Target kinerja PUPR 2018\n"
                "- id: jalan-mantap\n"
                "  name: Jalan kabupaten dalam kondisi mantap\n"
                "  unit: persen\n"
                "  polarity: naik\n"
                "  baseline: 62.5\n"
                "  by_period: {2018-Q3: 65, 2018-Q4: 70}\n"
                "- id: keluhan\n"
                "  name: Keluhan jalan rusak\n"
                "  unit: laporan\n"
                "  polarity: lower\n"
                "  mode: per-period\n"
                "  weight: 0.5\n"
                "  by_period:\n"
                "    2018-Q3: 40\n"
                "    2018-Q4: 30\n");

  Result r = sandbox.run({"sign-contract", "--unit", "pupr", "--signed", "2018-06-20", "--start",
                          "2018-07-01", "--end", "2018-12-31", "--targets", "targets.yaml"});
  CHECK(r.err == "");
  CHECK(r.out == "added contracts/pupr-2018.yaml\n");
  CHECK(r.status == 0);
  CHECK(sandbox.read("contracts/pupr-2018.yaml") ==
        "id: pupr-2018\n"
        "unit: pupr\n"
        "signed: 2018-06-20\n"
        "start: 2018-07-01\n"
        "end: 2018-12-31\n"
        "targets:\n"
        "  - id: jalan-mantap\n"
        "    name: Jalan kabupaten dalam kondisi mantap\n"
        "    unit: persen\n"
        "    polarity: higher\n"
        "    mode: cumulative\n"
        "    baseline: 62.5\n"
        "    weight: 1\n"
        "    by_period: {2018-Q3: 65, 2018-Q4: 70}\n"
        "  - id: keluhan\n"
        "    name: Keluhan jalan rusak\n"
        "    unit: laporan\n"
        "    polarity: lower\n"
        "    mode: per-period\n"
        "    weight: 0.5\n"
        "    by_period: {2018-Q3: 40, 2018-Q4: 30}\n");
}

TEST_CASE("sign-contract refuses bad targets and contract dates, writing nothing") {
  Sandbox sandbox;
  make_contract_programme(sandbox);

  SUBCASE("a target value with a leading zero, at its line and column") {
    sandbox.write("targets.csv",
                  "target,name,2018-Q3,2018-Q4\n"
                  "pengguna,Pengguna,200,0300\n");
    Result r = sandbox.run({"sign-contract", "--unit", "rsud-koesma", "--start", "2018-07-01",
                            "--end", "2018-12-31", "--targets", "targets.csv"});
    CHECK(r.err ==
          "targets.csv:2:23: error: column '2018-Q4': '0300' is not a number: leading zeros are "
          "ambiguous (octal in YAML 1.1)\n");
    CHECK(r.status == 1);
  }
  SUBCASE("a half-year column") {
    sandbox.write("targets.csv",
                  "target,name,2018-H2\n"
                  "pengguna,Pengguna,200\n");
    Result r = sandbox.run({"sign-contract", "--unit", "rsud-koesma", "--start", "2018-07-01",
                            "--end", "2018-12-31", "--targets", "targets.csv"});
    CHECK(r.err ==
          "targets.csv:1:13: error: column '2018-H2': target values are per quarter (YYYY-Qn)\n");
    CHECK(r.status == 1);
  }
  SUBCASE("target quarters outside the contract, end before start, an unknown idea") {
    sandbox.write("targets.yaml",
                  "- id: pengguna\n"
                  "  name: Pengguna\n"
                  "  by_period: {2018-Q2: 100, 2018-Q3: 200}\n");
    Result r =
        sandbox.run({"sign-contract", "--unit", "rsud-koesma", "--idea", "antrean-onlen", "--start",
                     "2018-07-01", "--end", "2018-12-31", "--targets", "targets.yaml"});
    CHECK(r.err ==
          "inovasi: error: idea 'antrean-onlen' does not exist (no ideas/antrean-onlen.yaml)\n"
          "targets.yaml:3:24: error: target 'pengguna': 2018-Q2 is outside the contract "
          "(2018-07-01 to "
          "2018-12-31)\n");
    CHECK(r.status == 1);

    r = sandbox.run({"sign-contract", "--unit", "rsud-koesma", "--signed", "2019-01-02", "--start",
                     "2018-12-31", "--end", "2018-07-01"});
    CHECK(r.err ==
          "inovasi: error: end 2018-07-01 is before start 2018-12-31\n"
          "inovasi: error: signed 2019-01-02 is after the contract ended (2018-07-01)\n"
          "inovasi: warning: the contract has no targets\n");
    CHECK(r.status == 1);
  }
  CHECK(files_in(sandbox, "contracts").empty());
}

namespace {

const char* kContractsCsv =
    "id,unit,ideas,signed,first_party_name,first_party_position,second_party_name,"
    "second_party_position,start,end\n"
    "rsud-2018,rsud-koesma,antrean-online,2018-05-02,,Bupati Tuban,,Direktur RSUD dr. R. "
    "Koesma,2018-04-01,2019-03-31\n"
    ",pupr,,2018-06-20,,Bupati Tuban,,Kepala Dinas PUPR,2018-07-01,2018-12-31\n";

const char* kBatchTargetsCsv =
    "contract,target,name,unit,polarity,mode,weight,baseline,2018-Q2,2018-Q3,2018-Q4,2019-Q1\n"
    "rsud-2018,waktu-tunggu,Waktu tunggu,menit,turun,,,60,50,40,30,20\n"
    "pupr-2018,jalan-mantap,Jalan mantap,persen,,,,62.5,,65,70,\n"
    "rsud-2018,pengguna,Pengguna,orang,,periodik,0.5,,,200,300,400\n";

}  // namespace

TEST_CASE("sign-contract --from contracts.csv --targets targets.csv signs them all") {
  Sandbox sandbox;
  make_contract_programme(sandbox);
  sandbox.write("contracts.csv", kContractsCsv);
  sandbox.write("targets.csv", kBatchTargetsCsv);

  Result r = sandbox.run(
      {"sign-contract", "--from", "contracts.csv", "--targets", "targets.csv", "--dry-run"});
  CHECK(r.err == "");
  CHECK(r.out ==
        "would add contracts/rsud-2018.yaml\n"
        "would add contracts/pupr-2018.yaml\n");
  CHECK(r.status == 0);
  CHECK(files_in(sandbox, "contracts").empty());

  r = sandbox.run({"sign-contract", "--from", "contracts.csv", "--targets", "targets.csv"});
  CHECK(r.err == "");
  CHECK(r.out ==
        "added contracts/rsud-2018.yaml\n"
        "added contracts/pupr-2018.yaml\n");
  CHECK(r.status == 0);
  CHECK(sandbox.read("contracts/rsud-2018.yaml") ==
        "id: rsud-2018\n"
        "unit: rsud-koesma\n"
        "ideas: [antrean-online]\n"
        "signed: 2018-05-02\n"
        "first_party: {position: Bupati Tuban}\n"
        "second_party: {position: Direktur RSUD dr. R. Koesma}\n"
        "start: 2018-04-01\n"
        "end: 2019-03-31\n"
        "targets:\n"
        "  - id: waktu-tunggu\n"
        "    name: Waktu tunggu\n"
        "    unit: menit\n"
        "    polarity: lower\n"
        "    mode: cumulative\n"
        "    baseline: 60\n"
        "    weight: 1\n"
        "    by_period: {2018-Q2: 50, 2018-Q3: 40, 2018-Q4: 30, 2019-Q1: 20}\n"
        "  - id: pengguna\n"
        "    name: Pengguna\n"
        "    unit: orang\n"
        "    polarity: higher\n"
        "    mode: per-period\n"
        "    weight: 0.5\n"
        "    by_period: {2018-Q3: 200, 2018-Q4: 300, 2019-Q1: 400}\n");
  CHECK(sandbox.read("contracts/pupr-2018.yaml") ==
        "id: pupr-2018\n"
        "unit: pupr\n"
        "signed: 2018-06-20\n"
        "first_party: {position: Bupati Tuban}\n"
        "second_party: {position: Kepala Dinas PUPR}\n"
        "start: 2018-07-01\n"
        "end: 2018-12-31\n"
        "targets:\n"
        "  - id: jalan-mantap\n"
        "    name: Jalan mantap\n"
        "    unit: persen\n"
        "    polarity: higher\n"
        "    mode: cumulative\n"
        "    baseline: 62.5\n"
        "    weight: 1\n"
        "    by_period: {2018-Q3: 65, 2018-Q4: 70}\n");

  // The same files again: each contract exists already (a derived id is
  // pointed at by the cells it was derived from).
  r = sandbox.run({"sign-contract", "--from", "contracts.csv", "--targets", "targets.csv"});
  CHECK(
      r.err ==
      "contracts.csv:2:1: error: contract 'rsud-2018' exists already (contracts/rsud-2018.yaml); "
      "use --update to replace it\n"
      "contracts.csv:3:52: error: contract 'pupr-2018' exists already (contracts/pupr-2018.yaml); "
      "use --update to replace it\n");
  CHECK(r.status == 1);
  r = sandbox.run(
      {"sign-contract", "--from", "contracts.csv", "--targets", "targets.csv", "--update"});
  CHECK(r.err == "");
  CHECK(r.out ==
        "unchanged contracts/rsud-2018.yaml\n"
        "unchanged contracts/pupr-2018.yaml\n");
  CHECK(r.status == 0);
}

TEST_CASE("sign-contract --from with one bad contract writes none of them") {
  Sandbox sandbox;
  make_contract_programme(sandbox);
  sandbox.write("contracts.csv", kContractsCsv);
  // pupr-2018 runs from 2018-07-01: a 2018-Q2 target is outside it.
  sandbox.write("targets.csv",
                "contract,target,name,2018-Q2,2018-Q3\n"
                "rsud-2018,waktu-tunggu,Waktu tunggu,50,40\n"
                "pupr-2018,jalan-mantap,Jalan mantap,60,65\n");
  Result r = sandbox.run({"sign-contract", "--from", "contracts.csv", "--targets", "targets.csv"});
  CHECK(r.err.find("error: target 'jalan-mantap': 2018-Q2 is outside the contract (2018-07-01 to "
                   "2018-12-31)\n") != std::string::npos);
  CHECK(r.out == "");
  CHECK(r.status == 1);
  CHECK(files_in(sandbox, "contracts").empty());

  // Targets without a contract column cannot be shared out.
  sandbox.write("targets.csv", kTargetsCsv);
  r = sandbox.run({"sign-contract", "--from", "contracts.csv", "--targets", "targets.csv"});
  CHECK(r.err ==
        "targets.csv:1:1: error: with --from, every target row needs its contract in a 'contract' "
        "column\n");
  CHECK(r.status == 1);
  sandbox.write("targets.yaml", "- {id: a, name: A}\n");
  r = sandbox.run({"sign-contract", "--from", "contracts.csv", "--targets", "targets.yaml"});
  CHECK(r.err ==
        "inovasi: error: with --from, --targets must be a CSV file with a 'contract' column\n");
  CHECK(r.status == 2);
  CHECK(files_in(sandbox, "contracts").empty());
}

TEST_CASE("report records a quarterly report with --actual and a narrative from @FILE") {
  Sandbox sandbox;
  make_signed_programme(sandbox);
  sandbox.write("q3.txt", "Loket antrean online dibuka.\nSosialisasi ke 20 puskesmas.\n");

  Result r = sandbox.run(q3_report_args());
  CHECK(r.err == "");
  CHECK(r.out == "added reports/rsud-2018/2018-Q3.yaml\n");
  CHECK(r.status == 0);
  CHECK(sandbox.read("reports/rsud-2018/2018-Q3.yaml") == kQ3Report);
  r = sandbox.run({"check"});
  CHECK(r.err == "");
  CHECK(r.status == 0);

  // A file that is not there.
  r = sandbox.run({"report", "--contract", "rsud-2018", "--period", "2018-Q4", "--submitted",
                   "2019-01-08", "--actual", "pengguna=700", "--narrative", "@q4.txt"});
  CHECK(r.err == "inovasi: error: q4.txt: cannot open: No such file or directory\n");
  CHECK(r.status == 3);
  CHECK(files_in(sandbox, "reports") ==
        std::vector<std::string>{"rsud-2018/", "rsud-2018/2018-Q3.yaml"});
}

TEST_CASE("report: a second report for the quarter is refused, --update replaces it") {
  Sandbox sandbox;
  make_signed_programme(sandbox);
  sandbox.write("reports/rsud-2018/2018-Q3.yaml", kQ3Report);
  std::vector<std::string> again = {"report",     "--contract", "rsud-2018",
                                    "--period",   "2018-Q3",    "--submitted",
                                    "2018-10-09", "--actual",   "waktu-tunggu=41"};

  Result r = sandbox.run(again);
  CHECK(
      r.err.starts_with("inovasi: error: report 'rsud-2018/2018-Q3' exists already "
                        "(reports/rsud-2018/2018-Q3.yaml); "));
  CHECK(r.out == "");
  CHECK(r.status == 1);
  CHECK(sandbox.read("reports/rsud-2018/2018-Q3.yaml") == kQ3Report);

  again.push_back("--update");
  r = sandbox.run(again);
  CHECK(r.err == "");
  // The fields given change; the rest of the report is kept.
  CHECK(r.out ==
        "updated reports/rsud-2018/2018-Q3.yaml\n"
        "  submitted: 2018-10-08 → 2018-10-09\n"
        "  actual.waktu-tunggu: 42 → 41\n");
  CHECK(r.status == 0);
  std::string expected = kQ3Report;
  expected.replace(expected.find("2018-10-08"), 10, "2018-10-09");
  expected.replace(expected.find("waktu-tunggu: 42"), 16, "waktu-tunggu: 41");
  CHECK(sandbox.read("reports/rsud-2018/2018-Q3.yaml") == expected);

  long long before = mtime_ns(sandbox.path("reports/rsud-2018/2018-Q3.yaml"));
  r = sandbox.run(again);
  CHECK(r.out == "unchanged reports/rsud-2018/2018-Q3.yaml\n");
  CHECK(r.status == 0);
  CHECK(mtime_ns(sandbox.path("reports/rsud-2018/2018-Q3.yaml")) == before);
}

// report has no --id option: the hint must not send the user to one.
TEST_CASE("report: the refusal of a second report suggests only --update") {
  Sandbox sandbox;
  make_signed_programme(sandbox);
  sandbox.write("reports/rsud-2018/2018-Q3.yaml", kQ3Report);
  Result r = sandbox.run({"report", "--contract", "rsud-2018", "--period", "2018-Q3", "--submitted",
                          "2018-10-09", "--actual", "waktu-tunggu=41"});
  CHECK(r.err ==
        "inovasi: error: report 'rsud-2018/2018-Q3' exists already "
        "(reports/rsud-2018/2018-Q3.yaml); use --update to replace it\n");
  CHECK(r.status == 1);
}

TEST_CASE("report refuses what the contract does not allow, writing nothing") {
  Sandbox sandbox;
  make_signed_programme(sandbox);
  auto report = [&](const std::string& contract, const std::string& period,
                    const std::string& submitted, const std::string& actual) {
    return sandbox.run({"report", "--contract", contract, "--period", period, "--submitted",
                        submitted, "--actual", actual});
  };

  Result r = report("rsud-2018", "2019-Q2", "2019-07-08", "waktu-tunggu=18");
  CHECK(r.err ==
        "inovasi: error: 2019-Q2 is outside contract 'rsud-2018' (2018-04-01 to 2019-03-31)\n");
  CHECK(r.status == 1);

  r = report("rsud-2018", "2018-Q1", "2018-04-08", "waktu-tunggu=55");
  CHECK(r.err ==
        "inovasi: error: 2018-Q1 is outside contract 'rsud-2018' (2018-04-01 to 2019-03-31)\n");
  CHECK(r.status == 1);

  r = report("rsud-2018", "2018-Q4", "2019-01-08", "waktu-tungu=30");
  CHECK(r.err ==
        "inovasi: error: contract 'rsud-2018' has no target 'waktu-tungu' (did you mean "
        "'waktu-tunggu'?)\n");
  CHECK(r.status == 1);

  r = report("rsud-2018", "2018-Q4", "2019-01-08", "waktu-tunggu=tiga puluh");
  CHECK(r.err == "inovasi: error: --actual: waktu-tunggu: 'tiga puluh' is not a number\n");
  CHECK(r.status == 1);

  r = report("rsud-2018", "2018-Q4", "2019-01-08", "waktu-tunggu=030");
  CHECK(r.err ==
        "inovasi: error: --actual: waktu-tunggu: '030' is not a number: leading zeros are "
        "ambiguous (octal in YAML 1.1)\n");
  CHECK(r.status == 1);

  r = report("rsud-2018", "2018-Q4", "2019-01-08", "waktu-tunggu");
  CHECK(r.err == "inovasi: error: --actual: 'waktu-tunggu' is not target=value\n");
  CHECK(r.status == 1);

  r = report("rsud-2019", "2018-Q4", "2019-01-08", "waktu-tunggu=30");
  CHECK(r.err ==
        "inovasi: error: contract 'rsud-2019' does not exist (no contracts/rsud-2019.yaml)\n");
  CHECK(r.status == 1);

  r = report("rsud-2018", "2018-H2", "2019-01-08", "waktu-tunggu=30");
  CHECK(r.err ==
        "inovasi: error: period 2018-H2 is not a quarter; reports are quarterly (YYYY-Qn)\n");
  CHECK(r.status == 1);

  r = report("rsud-2018", "2018-Q4", "2018-09-28", "waktu-tunggu=30");
  CHECK(r.err == "inovasi: error: submitted 2018-09-28 is before 2018-Q4 began (2018-10-01)\n");
  CHECK(r.status == 1);

  CHECK(files_in(sandbox, "reports").empty());
}

// An impossible period or date must be the only complaint: the report has no
// period (or no submission date), so rules about them have nothing to judge.
TEST_CASE("report with an impossible --period or --submitted says only that") {
  Sandbox sandbox;
  make_signed_programme(sandbox);
  Result r = sandbox.run({"report", "--contract", "rsud-2018", "--period", "2018-Q5", "--submitted",
                          "2019-01-08", "--actual", "waktu-tunggu=30"});
  CHECK(r.err == "inovasi: error: --period: '2018-Q5' is not a period: quarters are Q1 to Q4\n");
  CHECK(r.status == 1);

  r = sandbox.run({"report", "--contract", "rsud-2018", "--period", "2018-Q4", "--submitted",
                   "2019-02-30", "--actual", "waktu-tunggu=30"});
  CHECK(r.err ==
        "inovasi: error: --submitted: '2019-02-30' is not a date: February 2019 has 28 days\n");
  CHECK(r.status == 1);
  CHECK(files_in(sandbox, "reports").empty());
}

TEST_CASE("report --from with one bad row writes nothing, then all rows once fixed") {
  Sandbox sandbox;
  make_signed_programme(sandbox);
  std::string header = "contract,period,submitted,actual,narrative,obstacles,next_steps,evidence\n";
  std::string good_q2 = "rsud-2018,2018-Q2,2018-07-10,waktu-tunggu=55;pengguna=90,Mulai,,,\n";
  std::string good_q4 = "rsud-2018,2019-Q1,2019-04-02,waktu-tunggu=20,,,,a.pdf;b.pdf\n";
  sandbox.write(
      "reports.csv",
      header + good_q2 + "rsud-2018,2018-Q3,2018-10-08,waktu-tunggu=empat puluh,,,,\n" + good_q4);
  Result r = sandbox.run({"report", "--from", "reports.csv"});
  CHECK(r.err ==
        "reports.csv:3:30: error: column 'actual': waktu-tunggu: 'empat puluh' is not a number\n");
  CHECK(r.out == "");
  CHECK(r.status == 1);
  CHECK(files_in(sandbox, "reports").empty());

  // Rows that are wrong only against the contract are caught the same way.
  sandbox.write("reports.csv", header + good_q2 +
                                   "rsud-2018,2019-Q2,2019-07-08,waktu-tunggu=18,,,,\n"
                                   "rsud-2018,2018-Q2,2018-07-11,pengguna=95,,,,\n" +
                                   good_q4);
  r = sandbox.run({"report", "--from", "reports.csv"});
  CHECK(r.err ==
        "reports.csv:3:11: error: 2019-Q2 is outside contract 'rsud-2018' (2018-04-01 to "
        "2019-03-31)\n"
        "reports.csv:4:1: error: report id 'rsud-2018/2018-Q2' is also on line 2\n");
  CHECK(r.status == 1);
  CHECK(files_in(sandbox, "reports").empty());

  sandbox.write("reports.csv", header + good_q2 + good_q4);
  r = sandbox.run({"report", "--from", "reports.csv"});
  CHECK(r.err == "");
  CHECK(r.out ==
        "added reports/rsud-2018/2018-Q2.yaml\n"
        "added reports/rsud-2018/2019-Q1.yaml\n");
  CHECK(r.status == 0);
  CHECK(sandbox.read("reports/rsud-2018/2018-Q2.yaml") ==
        "contract: rsud-2018\n"
        "period: 2018-Q2\n"
        "submitted: 2018-07-10\n"
        "actual: {pengguna: 90, waktu-tunggu: 55}\n"
        "narrative: Mulai\n");
  CHECK(sandbox.read("reports/rsud-2018/2019-Q1.yaml") ==
        "contract: rsud-2018\n"
        "period: 2019-Q1\n"
        "submitted: 2019-04-02\n"
        "actual: {waktu-tunggu: 20}\n"
        "evidence: [a.pdf, b.pdf]\n");
}

namespace {

// Two contracts and their reports, for status, list and show:
// rsud-2018 owes 2018-Q2 .. 2019-Q1; pupr-2018 owes 2018-Q3 and 2018-Q4;
// bappeda-2019 has not begun by the as-of dates used.
void make_reporting_programme(const Sandbox& sandbox) {
  make_signed_programme(sandbox);
  sandbox.write("contracts/pupr-2018.yaml",
                "id: pupr-2018\n"
                "unit: pupr\n"
                "start: 2018-08-15\n"
                "end: 2018-12-31\n"
                "targets:\n"
                "  - id: jalan-mantap\n"
                "    name: Jalan mantap\n"
                "    polarity: higher\n"
                "    mode: cumulative\n"
                "    weight: 1\n"
                "    by_period: {2018-Q3: 65, 2018-Q4: 70}\n");
  sandbox.write("contracts/bappeda-2019.yaml",
                "id: bappeda-2019\n"
                "unit: bappeda\n"
                "start: 2019-07-01\n"
                "end: 2019-12-31\n"
                "targets:\n"
                "  - id: dokumen\n"
                "    name: Dokumen perencanaan\n"
                "    polarity: higher\n"
                "    mode: cumulative\n"
                "    weight: 1\n"
                "    by_period: {2019-Q3: 50, 2019-Q4: 100}\n");
  // 2018-Q2 on its due day, 2018-Q3 the day after it, 2018-Q4 never,
  // 2019-Q1 after the as-of date.
  sandbox.write("reports/rsud-2018/2018-Q2.yaml",
                "contract: rsud-2018\nperiod: 2018-Q2\nsubmitted: 2018-07-10\n"
                "actual: {waktu-tunggu: 55}\n");
  sandbox.write("reports/rsud-2018/2018-Q3.yaml",
                "contract: rsud-2018\nperiod: 2018-Q3\nsubmitted: 2018-10-11\n"
                "actual: {pengguna: 620, waktu-tunggu: 42}\n");
  sandbox.write("reports/rsud-2018/2019-Q1.yaml",
                "contract: rsud-2018\nperiod: 2019-Q1\nsubmitted: 2019-04-12\n"
                "actual: {pengguna: 410, waktu-tunggu: 21}\n");
  sandbox.write("reports/pupr-2018/2018-Q3.yaml",
                "contract: pupr-2018\nperiod: 2018-Q3\nsubmitted: 2018-10-01\n"
                "actual: {jalan-mantap: 64}\n");
}

}  // namespace

TEST_CASE("status --as-of shows on-time, late, missing and not-due exactly") {
  Sandbox sandbox;
  make_reporting_programme(sandbox);
  REQUIRE(sandbox.run({"check"}).err == "");

  Result r = sandbox.run({"status", "--as-of", "2019-04-10"});
  CHECK(r.err == "");
  CHECK(r.out ==
        "CONTRACT   UNIT         PERIOD   DUE         SUBMITTED   STATUS\n"
        "pupr-2018  pupr         2018-Q3  2018-10-10  2018-10-01  on-time\n"
        "pupr-2018  pupr         2018-Q4  2019-01-10              missing\n"
        "rsud-2018  rsud-koesma  2018-Q2  2018-07-10  2018-07-10  on-time\n"
        "rsud-2018  rsud-koesma  2018-Q3  2018-10-10  2018-10-11  late\n"
        "rsud-2018  rsud-koesma  2018-Q4  2019-01-10              missing\n"
        "rsud-2018  rsud-koesma  2019-Q1  2019-04-10              not-due\n"
        "as of 2019-04-10: 2 on-time, 1 late, 2 missing, 1 not-due\n");
  CHECK(r.status == 0);
}

TEST_CASE("status: the as-of date moves reports between states at the due day") {
  Sandbox sandbox;
  make_reporting_programme(sandbox);

  // The day after the 2019-Q1 due date: a report submitted 2019-04-12 is not
  // there yet on the 11th (missing) and late on the 12th.
  Result r = sandbox.run({"status", "--as-of", "2019-04-11", "--contract", "rsud-2018", "--period",
                          "2019", "--format", "csv"});
  CHECK(r.err == "");
  CHECK(r.out ==
        "contract,unit,period,due,submitted,status\n"
        "rsud-2018,rsud-koesma,2019-Q1,2019-04-10,,missing\n");
  CHECK(r.status == 0);
  r = sandbox.run({"status", "--as-of", "2019-04-12", "--contract", "rsud-2018", "--period", "2019",
                   "--format", "csv"});
  CHECK(r.out ==
        "contract,unit,period,due,submitted,status\n"
        "rsud-2018,rsud-koesma,2019-Q1,2019-04-10,2019-04-12,late\n");

  // Only the quarters that have begun are shown; pupr-2018 starts in 2018-Q3
  // and owes that quarter.
  r = sandbox.run({"status", "--as-of", "2018-08-14", "--format", "csv"});
  CHECK(r.out ==
        "contract,unit,period,due,submitted,status\n"
        "pupr-2018,pupr,2018-Q3,2018-10-10,,not-due\n"
        "rsud-2018,rsud-koesma,2018-Q2,2018-07-10,2018-07-10,on-time\n"
        "rsud-2018,rsud-koesma,2018-Q3,2018-10-10,,not-due\n");

  // A contract starting mid-quarter owes that quarter from its first day.
  r = sandbox.run({"status", "--as-of", "2018-10-10", "--unit", "pupr"});
  CHECK(r.out ==
        "CONTRACT   UNIT  PERIOD   DUE         SUBMITTED   STATUS\n"
        "pupr-2018  pupr  2018-Q3  2018-10-10  2018-10-01  on-time\n"
        "pupr-2018  pupr  2018-Q4  2019-01-10              not-due\n"
        "as of 2018-10-10: 1 on-time, 0 late, 0 missing, 1 not-due\n");

  r = sandbox.run(
      {"status", "--as-of", "2019-12-31", "--contract", "bappeda-2019", "--format", "json"});
  CHECK(r.out ==
        "[\n"
        "  {\n"
        "    \"contract\": \"bappeda-2019\",\n"
        "    \"unit\": \"bappeda\",\n"
        "    \"period\": \"2019-Q3\",\n"
        "    \"due\": \"2019-10-10\",\n"
        "    \"status\": \"missing\"\n"
        "  },\n"
        "  {\n"
        "    \"contract\": \"bappeda-2019\",\n"
        "    \"unit\": \"bappeda\",\n"
        "    \"period\": \"2019-Q4\",\n"
        "    \"due\": \"2020-01-10\",\n"
        "    \"status\": \"not-due\"\n"
        "  }\n"
        "]\n");

  // A contract signed after the as-of date did not exist yet.
  r = sandbox.run(
      {"status", "--as-of", "2018-05-01", "--contract", "rsud-2018", "--format", "csv"});
  CHECK(r.out == "contract,unit,period,due,submitted,status\n");
  r = sandbox.run(
      {"status", "--as-of", "2018-05-02", "--contract", "rsud-2018", "--format", "csv"});
  CHECK(r.out ==
        "contract,unit,period,due,submitted,status\n"
        "rsud-2018,rsud-koesma,2018-Q2,2018-07-10,,not-due\n");

  r = sandbox.run({"status", "--contract", "rsud-2017", "--as-of", "2019-01-01"});
  CHECK(r.err == "inovasi: error: --contract: there is no contract 'rsud-2017'\n");
  CHECK(r.out == "");
  CHECK(r.status == 1);
  r = sandbox.run({"status", "--as-of", "2019-02-29"});
  CHECK(r.err ==
        "inovasi: error: --as-of: '2019-02-29' is not a date: February 2019 has 28 days\n");
  CHECK(r.status == 2);
}

TEST_CASE("list contracts and reports with --unit, --contract and --period") {
  Sandbox sandbox;
  make_reporting_programme(sandbox);

  Result r = sandbox.run({"list", "contracts"});
  CHECK(r.err == "");
  CHECK(r.out ==
        "ID            UNIT         START       END         TARGETS  REPORTS\n"
        "bappeda-2019  bappeda      2019-07-01  2019-12-31  1        0\n"
        "pupr-2018     pupr         2018-08-15  2018-12-31  1        1\n"
        "rsud-2018     rsud-koesma  2018-04-01  2019-03-31  2        3\n");
  CHECK(r.status == 0);

  r = sandbox.run({"list", "contracts", "--period", "2018-H2"});
  CHECK(r.out ==
        "ID         UNIT         START       END         TARGETS  REPORTS\n"
        "pupr-2018  pupr         2018-08-15  2018-12-31  1        1\n"
        "rsud-2018  rsud-koesma  2018-04-01  2019-03-31  2        3\n");
  r = sandbox.run({"list", "contracts", "--unit", "bappeda", "--format", "csv"});
  CHECK(r.out ==
        "id,unit,ideas,signed,first_party_name,first_party_position,second_party_name,"
        "second_party_position,start,end\n"
        "bappeda-2019,bappeda,,,,,,,2019-07-01,2019-12-31\n");

  r = sandbox.run({"list", "reports"});
  CHECK(r.out ==
        "CONTRACT   PERIOD   SUBMITTED   ACTUAL\n"
        "pupr-2018  2018-Q3  2018-10-01  jalan-mantap=64\n"
        "rsud-2018  2018-Q2  2018-07-10  waktu-tunggu=55\n"
        "rsud-2018  2018-Q3  2018-10-11  pengguna=620;waktu-tunggu=42\n"
        "rsud-2018  2019-Q1  2019-04-12  pengguna=410;waktu-tunggu=21\n");
  r = sandbox.run({"list", "reports", "--period", "2018-Q3"});
  CHECK(r.out ==
        "CONTRACT   PERIOD   SUBMITTED   ACTUAL\n"
        "pupr-2018  2018-Q3  2018-10-01  jalan-mantap=64\n"
        "rsud-2018  2018-Q3  2018-10-11  pengguna=620;waktu-tunggu=42\n");
  r = sandbox.run({"list", "reports", "--contract", "rsud-2018", "--period", "2018-H1"});
  CHECK(r.out ==
        "CONTRACT   PERIOD   SUBMITTED   ACTUAL\n"
        "rsud-2018  2018-Q2  2018-07-10  waktu-tunggu=55\n");
  r = sandbox.run(
      {"list", "reports", "--unit", "rsud-koesma", "--period", "2019", "--format", "csv"});
  CHECK(r.out ==
        "contract,period,submitted,actual,narrative,obstacles,next_steps,evidence\n"
        "rsud-2018,2019-Q1,2019-04-12,pengguna=410;waktu-tunggu=21,,,,\n");
  r = sandbox.run({"list", "reports", "--unit", "bappeda"});
  CHECK(r.out == "CONTRACT  PERIOD  SUBMITTED  ACTUAL\n");
  CHECK(r.status == 0);

  r = sandbox.run({"list", "reports", "--contract", "rsud-2017"});
  CHECK(r.err == "inovasi: error: --contract: there is no contract 'rsud-2017'\n");
  CHECK(r.status == 1);
  r = sandbox.run({"list", "reports", "--period", "2018-Q5"});
  CHECK(r.err == "inovasi: error: --period: '2018-Q5' is not a period: quarters are Q1 to Q4\n");
  CHECK(r.status == 2);
}

TEST_CASE("show a report by CONTRACT/PERIOD and a contract with its reports") {
  Sandbox sandbox;
  make_reporting_programme(sandbox);
  sandbox.write("reports/rsud-2018/2018-Q3.yaml", kQ3Report);

  Result r = sandbox.run({"show", "rsud-2018/2018-Q3"});
  CHECK(r.err == "");
  CHECK(r.out == std::string("# reports/rsud-2018/2018-Q3.yaml\n") + kQ3Report);
  CHECK(r.status == 0);

  r = sandbox.run({"show", "rsud-2018"});
  CHECK(r.out == std::string("# contracts/rsud-2018.yaml\n") + kRsud2018 +
                     "# reports: 2018-Q2, 2018-Q3, 2019-Q1\n");
  CHECK(r.status == 0);

  r = sandbox.run({"show", "rsud-2018/2018-Q3", "--format", "json"});
  CHECK(r.out ==
        "{\n"
        "  \"contract\": \"rsud-2018\",\n"
        "  \"period\": \"2018-Q3\",\n"
        "  \"submitted\": \"2018-10-08\",\n"
        "  \"actual\": {\n"
        "    \"pengguna\": 620,\n"
        "    \"waktu-tunggu\": 42\n"
        "  },\n"
        "  \"narrative\": \"Loket antrean online dibuka.\\nSosialisasi ke 20 puskesmas.\\n\",\n"
        "  \"obstacles\": \"Sinyal lemah di kecamatan selatan\",\n"
        "  \"next_steps\": \"Tambah loket\",\n"
        "  \"evidence\": [\n"
        "    \"docs/foto-loket.jpg\",\n"
        "    \"https://rsud.tubankab.go.id/antrean\"\n"
        "  ]\n"
        "}\n");

  r = sandbox.run({"show", "rsud-2018/2018-Q4"});
  CHECK(r.out == "");
  CHECK(r.status == 1);
  CHECK(r.err.starts_with("inovasi: error: "));
}

TEST_CASE("list reports --format csv imported back with --update leaves every file as it was") {
  Sandbox sandbox;
  make_reporting_programme(sandbox);
  // Text a spreadsheet would mangle: commas, quotes, line breaks, a formula,
  // a ';' inside an evidence item, a leading '-'.
  sandbox.write("reports/rsud-2018/2018-Q3.yaml",
                "contract: rsud-2018\n"
                "period: 2018-Q3\n"
                "submitted: 2018-10-11\n"
                "actual: {pengguna: 620.25, waktu-tunggu: 42}\n"
                "narrative: |\n"
                "  Loket dibuka, \"antrean\" berkurang.\n"
                "  Baris kedua.\n"
                "obstacles: =SUM(A1)\n"
                "next_steps: '-'\n"
                "evidence: [foto;1.jpg, '-x.pdf', 'https://rsud.tubankab.go.id/a?b=1']\n");
  REQUIRE(sandbox.run({"check"}).err == "");
  std::vector<std::string> names = sandbox.tree("reports");
  std::vector<std::string> before;
  for (const auto& name : names)
    if (!name.ends_with("/")) before.push_back(sandbox.read("reports/" + name));

  Result r = sandbox.run({"list", "reports", "--format", "csv"});
  REQUIRE(r.status == 0);
  sandbox.write("export.csv", r.out);
  r = sandbox.run({"report", "--from", "export.csv", "--update"});
  CHECK(r.err == "");
  CHECK(r.out ==
        "unchanged reports/pupr-2018/2018-Q3.yaml\n"
        "unchanged reports/rsud-2018/2018-Q2.yaml\n"
        "unchanged reports/rsud-2018/2018-Q3.yaml\n"
        "unchanged reports/rsud-2018/2019-Q1.yaml\n");
  CHECK(r.status == 0);
  CHECK(sandbox.tree("reports") == names);
  std::vector<std::string> after;
  for (const auto& name : names)
    if (!name.ends_with("/")) after.push_back(sandbox.read("reports/" + name));
  CHECK(after == before);

  // Without --update every report is one that exists already.
  r = sandbox.run({"report", "--from", "export.csv"});
  CHECK(r.status == 1);
  CHECK(r.out == "");
}

// A contract's targets have no CSV columns, so `list contracts --format csv`
// imported back must keep them: the design promises that an export imports
// back, and importing the same file twice is harmless.
TEST_CASE("list contracts --format csv imported back with --update keeps the targets") {
  Sandbox sandbox;
  make_reporting_programme(sandbox);
  Result r = sandbox.run({"list", "contracts", "--format", "csv"});
  REQUIRE(r.status == 0);
  sandbox.write("export.csv", r.out);
  r = sandbox.run({"sign-contract", "--from", "export.csv", "--update"});
  CHECK(r.err == "");
  CHECK(r.out ==
        "unchanged contracts/bappeda-2019.yaml\n"
        "unchanged contracts/pupr-2018.yaml\n"
        "unchanged contracts/rsud-2018.yaml\n");
  CHECK(sandbox.read("contracts/rsud-2018.yaml") == kRsud2018);
}

// Rows of the targets file must not be dropped without a word.
TEST_CASE("sign-contract: target rows that no contract takes are reported") {
  Sandbox sandbox;
  make_contract_programme(sandbox);

  SUBCASE("with --from, a row for a contract that is not in the contracts file") {
    sandbox.write("contracts.csv", kContractsCsv);
    sandbox.write("targets.csv", std::string(kBatchTargetsCsv) +
                                     "pupr-2019,jalan-mantap,Jalan mantap,persen,,,,,,65,70,\n");
    Result r =
        sandbox.run({"sign-contract", "--from", "contracts.csv", "--targets", "targets.csv"});
    CHECK(r.err.starts_with("targets.csv:5:"));
    CHECK(r.err.find("pupr-2019") != std::string::npos);
    CHECK(r.status == 1);
    CHECK(files_in(sandbox, "contracts").empty());
  }
  SUBCASE("signing one contract, a targets file with a contract column for another") {
    sandbox.write("targets.csv", kBatchTargetsCsv);
    Result r =
        sandbox.run({"sign-contract", "--id", "rsud-2019", "--unit", "rsud-koesma", "--start",
                     "2019-04-01", "--end", "2020-03-31", "--targets", "targets.csv"});
    CHECK(r.status == 1);
    CHECK(r.err.find("targets.csv") != std::string::npos);
    CHECK(files_in(sandbox, "contracts").empty());
  }
}

// Findings of a batch point at the cell they are about.
TEST_CASE("sign-contract --from: findings point at the file, line and column at fault") {
  Sandbox sandbox;
  make_contract_programme(sandbox);
  sandbox.write("contracts.csv", kContractsCsv);
  sandbox.write("targets.csv",
                "contract,target,name,2018-Q2,2018-Q3\n"
                "rsud-2018,waktu-tunggu,Waktu tunggu,50,40\n"
                "pupr-2018,jalan-mantap,Jalan mantap,60,65\n");
  Result r = sandbox.run({"sign-contract", "--from", "contracts.csv", "--targets", "targets.csv"});
  CHECK(r.err ==
        "targets.csv:3:37: error: target 'jalan-mantap': 2018-Q2 is outside the contract "
        "(2018-07-01 to 2018-12-31)\n");
  CHECK(r.status == 1);

  sandbox.write("contracts.csv",
                "id,unit,ideas,start,end\n"
                "rsud-2018,rsud-koesma,antrean-online;antrean-onlen,2018-04-01,2019-03-31\n");
  sandbox.write("targets.csv", "contract,target,name,2018-Q3\nrsud-2018,a,A,1\n");
  r = sandbox.run({"sign-contract", "--from", "contracts.csv", "--targets", "targets.csv"});
  CHECK(r.err ==
        "contracts.csv:2:23: error: idea 'antrean-onlen' does not exist (no "
        "ideas/antrean-onlen.yaml)\n");
  CHECK(r.status == 1);
  CHECK(files_in(sandbox, "contracts").empty());
}
