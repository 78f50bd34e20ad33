// Batch imports with --from FILE.csv and --from -: all or nothing, every bad
// row reported with its line, column and column name.
#include <doctest/doctest.h>

#include "harness.h"

using namespace e2e;

namespace {

const char* kGoodIdeas =
    "id,title,unit,stage,category,kind,submitted,trial_date,implemented_date,tags,plan,"
    "description\n"
    ",Antrean Online,rsud-koesma,uji coba,pelayanan publik,digital,2018-04-20,2018-07-02,,"
    "antrean;no,Sosialisasi @ 2018-06-30;Uji coba loket @ 2018-09-30 / 2018-09-15,\"Pendaftaran "
    "pasien lewat aplikasi.\nNomor antrean dikirim lewat SMS.\"\n"
    "sigap,SIGAP,bappeda,penerapan,tata kelola,non digital,2018-04-20,2018-05-02,2018-08-01,,,\n"
    ",Lapor Bupati,bappeda,,,,,,,,,\n";

const char* kAntreanOnline =
    "id: antrean-online\n"
    "title: Antrean Online\n"
    "unit: rsud-koesma\n"
    "category: public-service\n"
    "kind: digital\n"
    "stage: trial\n"
    "submitted: 2018-04-20\n"
    "trial_date: 2018-07-02\n"
    "description: |-\n"
    "  Pendaftaran pasien lewat aplikasi.\n"
    "  Nomor antrean dikirim lewat SMS.\n"
    "plan:\n"
    "  - step: Sosialisasi\n"
    "    due: 2018-06-30\n"
    "  - step: Uji coba loket\n"
    "    due: 2018-09-30\n"
    "    done: 2018-09-15\n"
    "tags: [antrean, 'no']\n";

const char* kSigap =
    "id: sigap\n"
    "title: SIGAP\n"
    "unit: bappeda\n"
    "category: governance\n"
    "kind: non-digital\n"
    "stage: implemented\n"
    "submitted: 2018-04-20\n"
    "trial_date: 2018-05-02\n"
    "implemented_date: 2018-08-01\n";

const char* kLaporBupati =
    "id: lapor-bupati\n"
    "title: Lapor Bupati\n"
    "unit: bappeda\n"
    "stage: initiative\n";

// Three good rows around one with a bad date: nothing may be written.
const char* kOneBadRow =
    "id,title,unit,stage,submitted,dropped_date\n"
    ",Antrean Online,rsud-koesma,dihentikan,2018-04-20,2018-09-01\n"
    ",SIGAP,bappeda,inisiatif,2018-02-30,\n"
    ",Lapor Bupati,bappeda,,,\n";

}  // namespace

TEST_CASE("add-idea --from FILE.csv adds every row in canonical form") {
  Sandbox sandbox;
  sandbox.make_programme();
  sandbox.write("ideas.csv", kGoodIdeas);
  Result r = sandbox.run({"add-idea", "--from", "ideas.csv"});
  CHECK(r.out ==
        "added ideas/antrean-online.yaml\n"
        "added ideas/sigap.yaml\n"
        "added ideas/lapor-bupati.yaml\n");
  CHECK(r.err == "");
  CHECK(r.status == 0);
  CHECK(sandbox.read("ideas/antrean-online.yaml") == kAntreanOnline);
  CHECK(sandbox.read("ideas/sigap.yaml") == kSigap);
  CHECK(sandbox.read("ideas/lapor-bupati.yaml") == kLaporBupati);
  CHECK(sandbox.run({"check"}).status == 0);

  // Importing the same file again reports the ids, and --update leaves the
  // records as they are.
  r = sandbox.run({"add-idea", "--from", "ideas.csv"});
  CHECK(r.err ==
        "ideas.csv:2:2: error: idea 'antrean-online' exists already (ideas/antrean-online.yaml); "
        "use --update to replace it\n"
        "ideas.csv:4:1: error: idea 'sigap' exists already (ideas/sigap.yaml); use --update to "
        "replace it\n"
        "ideas.csv:5:2: error: idea 'lapor-bupati' exists already (ideas/lapor-bupati.yaml); use "
        "--update to replace it\n");
  CHECK(r.out == "");
  CHECK(r.status == 1);
  r = sandbox.run({"add-idea", "--from", "ideas.csv", "--update"});
  CHECK(r.out ==
        "unchanged ideas/antrean-online.yaml\n"
        "unchanged ideas/sigap.yaml\n"
        "unchanged ideas/lapor-bupati.yaml\n");
  CHECK(r.err == "");
  CHECK(r.status == 0);
  CHECK(sandbox.read("ideas/antrean-online.yaml") == kAntreanOnline);
}

TEST_CASE("add-idea --from - reads the CSV from standard input") {
  Sandbox sandbox;
  sandbox.make_programme();
  Result r = sandbox.run({"add-idea", "--from", "-"}, kGoodIdeas);
  CHECK(r.out ==
        "added ideas/antrean-online.yaml\n"
        "added ideas/sigap.yaml\n"
        "added ideas/lapor-bupati.yaml\n");
  CHECK(r.err == "");
  CHECK(r.status == 0);
  CHECK(sandbox.read("ideas/antrean-online.yaml") == kAntreanOnline);
  CHECK(sandbox.read("ideas/lapor-bupati.yaml") == kLaporBupati);
}

TEST_CASE("a batch with one bad row writes nothing") {
  Sandbox sandbox;
  sandbox.make_programme();
  sandbox.write("ideas.csv", kOneBadRow);
  auto before = sandbox.tree();
  Result r = sandbox.run({"add-idea", "--from", "ideas.csv"});
  CHECK(r.err ==
        "ideas.csv:3:26: error: column 'submitted': '2018-02-30' is not a date: February 2018 has "
        "28 days\n");
  CHECK(r.out == "");
  CHECK(r.status == 1);
  CHECK(sandbox.tree() == before);

  r = sandbox.run({"add-idea", "--from", "-"}, kOneBadRow);
  CHECK(
      r.err ==
      "-:3:26: error: column 'submitted': '2018-02-30' is not a date: February 2018 has 28 days\n");
  CHECK(r.status == 1);
  CHECK(sandbox.tree() == before);
}

TEST_CASE("add-idea --from --dry-run lists what it would write and writes nothing") {
  Sandbox sandbox;
  sandbox.make_programme();
  sandbox.write("ideas.csv", kGoodIdeas);
  auto before = sandbox.tree();
  Result r = sandbox.run({"add-idea", "--from", "ideas.csv", "--dry-run"});
  CHECK(r.out ==
        "would add ideas/antrean-online.yaml\n"
        "would add ideas/sigap.yaml\n"
        "would add ideas/lapor-bupati.yaml\n");
  CHECK(r.err == "");
  CHECK(r.status == 0);
  CHECK(sandbox.tree() == before);
}

TEST_CASE("a batch reports every bad row, whatever is wrong with it, and writes nothing") {
  Sandbox sandbox;
  sandbox.make_programme();
  // Rows 3 and 5 have values that cannot be read; rows 4 and 6 read well but
  // name a unit that does not exist and an impossible NIP.
  sandbox.write("ideas.csv",
                "id,title,unit,stage,proposer_nip\n"
                ",Antrean Online,rsud-koesma,inisiatif,\n"
                ",SIGAP,bappeda,selesai,\n"
                ",Lapor Bupati,bagian-umum,,\n"
                ",Sapa Warga,bappeda,inisiatif,12345\n"
                ",E-Kinerja,bappeda,,198013012005012001\n");
  auto before = sandbox.tree();
  Result r = sandbox.run({"add-idea", "--from", "ideas.csv"});
  CHECK(r.err ==
        "ideas.csv:3:16: error: column 'stage': 'selesai' is not a stage (expected initiative, "
        "trial, implemented or dropped)\n"
        "ideas.csv:4:15: error: unit 'bagian-umum' does not exist (no "
        "units/bagian-umum.yaml)\n"
        "ideas.csv:5:31: error: column 'proposer_nip': NIP '12345' must be 18 digits (it has 5 "
        "characters)\n"
        "ideas.csv:6:21: error: column 'proposer_nip': NIP '198013012005012001': birth date "
        "19801301 is not a date\n");
  CHECK(r.out == "");
  CHECK(r.status == 1);
  CHECK(sandbox.tree() == before);
}

TEST_CASE("a batch refuses unknown columns and ids repeated within the file") {
  Sandbox sandbox;
  sandbox.make_programme();
  auto before = sandbox.tree();
  Result r =
      sandbox.run({"add-idea", "--from", "-"}, "id,titel,unit,stages\nsigap,SIGAP,bappeda,trial\n");
  CHECK(r.err ==
        "-:1:4: error: unknown column 'titel' (did you mean 'title'?)\n"
        "-:1:15: error: unknown column 'stages' (did you mean 'stage'?)\n");
  CHECK(r.status == 1);

  r = sandbox.run({"add-idea", "--from", "-"},
                  "id,title,unit\nsigap,SIGAP,bappeda\n,Lapor,bappeda\nsigap,SIGAP 2,bappeda\n");
  CHECK(r.err == "-:4:1: error: idea id 'sigap' is also on line 2\n");
  CHECK(r.status == 1);
  CHECK(sandbox.tree() == before);

  r = sandbox.run({"add-idea", "--from", "ideas.csv", "--title", "SIGAP"});
  CHECK(r.err ==
        "inovasi: error: --title cannot be combined with --from; put it in the CSV file\n");
  CHECK(r.status == 2);
}

TEST_CASE("add-unit --from FILE.csv adds units, Indonesian kinds as English tokens") {
  Sandbox sandbox;
  sandbox.make_programme();
  sandbox.write("units.csv",
                "id,name,kind,head_name,head_nip,head_position,commitment_signed\n"
                "kecamatan-jenu,Kecamatan Jenu,kecamatan,Camat Jenu,197503142000031002,Camat,"
                "2018-04-20\n"
                ",Dinas Pekerjaan Umum dan Penataan Ruang,dinas,,,,\n"
                ",Satpol PP,lainnya,,,,\n");
  Result r = sandbox.run({"add-unit", "--from", "units.csv"});
  CHECK(r.out ==
        "added units/kecamatan-jenu.yaml\n"
        "added units/dinas-pekerjaan-umum-dan-penataan-ruang.yaml\n"
        "added units/satpol-pp.yaml\n");
  CHECK(r.err == "");
  CHECK(r.status == 0);
  CHECK(sandbox.read("units/kecamatan-jenu.yaml") ==
        "id: kecamatan-jenu\n"
        "name: Kecamatan Jenu\n"
        "kind: district\n"
        "head:\n"
        "  name: Camat Jenu\n"
        "  nip: '197503142000031002'\n"
        "  position: Camat\n"
        "commitment_signed: 2018-04-20\n");
  CHECK(sandbox.read("units/satpol-pp.yaml") == "id: satpol-pp\nname: Satpol PP\nkind: other\n");

  // What list exports imports back unchanged.
  r = sandbox.run({"list", "units", "--format", "csv"});
  REQUIRE(r.status == 0);
  Result again = sandbox.run({"add-unit", "--from", "-", "--update"}, r.out);
  CHECK(again.out ==
        "unchanged units/bappeda.yaml\n"
        "unchanged units/dinas-pekerjaan-umum-dan-penataan-ruang.yaml\n"
        "unchanged units/kecamatan-jenu.yaml\n"
        "unchanged units/rsud-koesma.yaml\n"
        "unchanged units/satpol-pp.yaml\n");
  CHECK(again.status == 0);
}

TEST_CASE("a CSV cell that a spreadsheet would run as a formula round-trips through list") {
  Sandbox sandbox;
  sandbox.make_programme();
  REQUIRE(sandbox
              .run({"add-idea", "--id", "rumus", "--title", "=1+2", "--unit", "bappeda",
                    "--description", "-5 hari antre"})
              .status == 0);
  CHECK(sandbox.read("ideas/rumus.yaml") ==
        "id: rumus\ntitle: =1+2\nunit: bappeda\nstage: initiative\ndescription: '-5 hari antre'\n");
  Result r = sandbox.run({"list", "ideas", "--format", "csv"});
  CHECK(r.out ==
        "id,title,unit,proposer_name,proposer_nip,proposer_position,proposer_echelon,initiator,"
        "category,kind,stage,priority,indicator,submitted,trial_date,implemented_date,dropped_date,"
        "drop_reason,budget,"
        "problem,description,goal,benefit,plan,tags\n"
        "rumus,'=1+2,bappeda,,,,,,,,initiative,,,,,,,,,,'-5 hari antre,,,,\n");
  Result again = sandbox.run({"add-idea", "--from", "-", "--update"}, r.out);
  CHECK(again.out == "unchanged ideas/rumus.yaml\n");
  CHECK(again.err == "");
  CHECK(again.status == 0);
}
