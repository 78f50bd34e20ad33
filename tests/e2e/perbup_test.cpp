// inovasi export perbup through the built binary: the annex of the Tuban
// example's perbup and of its amendment (with what it adds and removes), and
// the ideas pending for the next amendment, as golden files; the choice of
// regulation and the refusals.
#include <doctest/doctest.h>

#include "harness.h"

using namespace e2e;

namespace {

std::string tuban() {
  return (fixtures().parent_path().parent_path() / "examples" / "tuban-2018").string();
}

stdfs::path golden(const std::string& name) {
  return golden_dir() / "perbup" / name;
}

// `inovasi -C examples/tuban-2018 export perbup ARGS...`, which must succeed quietly.
std::string export_perbup(const std::vector<std::string>& args) {
  Sandbox sandbox;
  std::vector<std::string> all = {"-C", tuban(), "export", "perbup"};
  all.insert(all.end(), args.begin(), args.end());
  Result r = sandbox.run(all);
  CHECK(r.err == "");
  CHECK(r.status == 0);
  return r.out;
}

}  // namespace

TEST_CASE("export perbup writes the annex of the original and of the amendment, as golden files") {
  struct Case {
    std::vector<std::string> args;
    const char* file;
  };
  const Case cases[] = {
      {{"--regulation", "perbup-27-2018", "--format", "md"}, "perbup-27-2018-id.md"},
      {{"--regulation", "perbup-27-2018", "--format", "md", "--lang", "en"},
       "perbup-27-2018-en.md"},
      {{"--regulation", "perbup-27-2018", "--format", "csv"}, "perbup-27-2018.csv"},
      {{"--regulation", "perbup-45-2018", "--format", "md"}, "perbup-45-2018-id.md"},
      {{"--regulation", "perbup-45-2018", "--format", "md", "--lang", "en"},
       "perbup-45-2018-en.md"},
      {{"--regulation", "perbup-45-2018", "--format", "csv"}, "perbup-45-2018.csv"},
      {{"--pending", "--format", "md"}, "pending-id.md"},
      {{"--pending", "--format", "md", "--lang", "en"}, "pending-en.md"},
      {{"--pending", "--format", "csv"}, "pending.csv"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.file);
    check_golden(export_perbup(c.args), golden(c.file));
  }
}

TEST_CASE("export perbup defaults to the regulation in force, CSV and the programme's language") {
  CHECK(export_perbup({}) == read_file(golden("perbup-45-2018.csv")));
  CHECK(export_perbup({"--format", "md"}) == read_file(golden("perbup-45-2018-id.md")));
  Sandbox sandbox;
  Result r = sandbox.run({"-C", tuban(), "export", "perbup", "-o", "lampiran.md"});
  CHECK(r.err == "wrote lampiran.md\n");
  CHECK(sandbox.read("lampiran.md") == read_file(golden("perbup-45-2018-id.md")));
}

TEST_CASE("export perbup: of two regulations on one date, the amendment is in force") {
  Sandbox sandbox;
  copy_tree(tuban(), sandbox.path("p"));
  // Dated the same day as the amendment it amends, and earlier in id order.
  sandbox.write("p/regulations/perbup-1-2019.yaml",
                "id: perbup-1-2019\n"
                "number: Perbup No. 1 Tahun 2019\n"
                "date: 2018-12-20\n"
                "amends: perbup-45-2018\n"
                "ideas: [antrean-online, e-musrenbang-desa]\n");
  REQUIRE(sandbox.run({"-C", "p", "check"}).err == "");
  Result r = sandbox.run({"-C", "p", "export", "perbup"});
  CHECK(r.err == "");
  CHECK(r.out ==
        "no,idea,title,unit,unit_name,category,stage,change\n"
        "1,antrean-online,Antrean Online Rawat Jalan,rsud-koesma,RSUD dr. R. Koesma,"
        "public-service,implemented,\n"
        "2,e-musrenbang-desa,e-Musrenbang Desa,bappeda,Badan Perencanaan Pembangunan Daerah,"
        "governance,trial,added\n"
        ",paten-keliling,PATEN Keliling Desa,kecamatan-kenduruan,Kecamatan Kenduruan,"
        "public-service,implemented,removed\n"
        ",bedah-rumah-gotong-royong,Bedah Rumah Gotong Royong,dinas-perkim,"
        "Dinas Perumahan Rakyat dan Kawasan Permukiman,other,implemented,removed\n"
        ",lapor-jalan-rusak,Lapor Jalan Rusak lewat WhatsApp,dinas-pupr,"
        "Dinas Pekerjaan Umum dan Penataan Ruang,public-service,trial,removed\n"
        ",akta-lahir-rumah-sakit,Akta Kelahiran Langsung dari Rumah Sakit,dinas-dukcapil,"
        "Dinas Kependudukan dan Pencatatan Sipil,public-service,trial,removed\n");
  // Listed once, e-musrenbang-desa is no longer pending; nor are the removed ones.
  r = sandbox.run({"-C", "p", "export", "perbup", "--pending"});
  CHECK(r.out ==
        "no,idea,title,unit,unit_name,category,stage\n"
        "1,sirine-banjir-bengawan-solo,Sirine Komunitas Siaga Banjir Bengawan Solo,bpbd,"
        "Badan Penanggulangan Bencana Daerah,public-service,trial\n");
}

TEST_CASE("export perbup refuses an unknown regulation, no regulation at all, and odd options") {
  Sandbox sandbox;
  struct Case {
    std::vector<std::string> args;
    int status;
    std::string err;
  };
  const Case cases[] = {
      {{"--regulation", "perbup-72-2018"},
       1,
       "inovasi: error: --regulation: there is no regulation 'perbup-72-2018'\n"},
      {{"--format", "json"}, 2, "inovasi: error: export perbup writes Markdown or CSV, not JSON\n"},
      {{"--pending", "--regulation", "perbup-27-2018"},
       2,
       "inovasi: error: --pending lists what no regulation lists; it takes no --regulation\n"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = {"-C", tuban(), "export", "perbup"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    CAPTURE(c.err);
    Result r = sandbox.run(args);
    CHECK(r.status == c.status);
    CHECK(r.out == "");
    CHECK(r.err == c.err);
  }
  Result r = sandbox.run({"-C", tuban(), "export", "units", "--pending"});
  CHECK(r.err == "inovasi: error: --regulation and --pending are for export perbup\n");
  CHECK(r.status == 2);

  sandbox.make_programme("p");
  r = sandbox.run({"-C", "p", "export", "perbup"});
  CHECK(r.err ==
        "inovasi: error: there is no regulation yet (regulations/ is empty); record the perbup "
        "with 'inovasi add-regulation'\n");
  CHECK(r.status == 1);
  // With no regulation, every idea in trial or implemented is pending.
  sandbox.write("p/ideas/antrean-online.yaml",
                "id: antrean-online\ntitle: Antrean Online\nunit: rsud-koesma\nstage: trial\n"
                "trial_date: 2018-07-02\n");
  sandbox.write("p/ideas/sigap.yaml", "id: sigap\ntitle: SIGAP\nunit: bappeda\n");
  r = sandbox.run({"-C", "p", "export", "perbup", "--pending", "--format", "md"});
  CHECK(r.err == "");
  CHECK(r.out ==
        "# Inovasi yang Belum Tercantum dalam Perbup\n"
        "\n"
        "Daftar inovasi daerah Kabupaten Tuban\n"
        "\n"
        "- **Inovasi tahap uji coba atau penerapan yang belum tercantum:** 1\n"
        "\n"
        "| No | Nama Inovasi | OPD | Bentuk | Tahap |\n"
        "|---:|---|---|---|---|\n"
        "| 1 | Antrean Online | RSUD dr. R. Koesma | (belum ditentukan) | Uji coba |\n");
}

TEST_CASE("export perbup shows an idea that does not exist by its id, and an annex with none") {
  Sandbox sandbox;
  sandbox.make_programme("p");
  sandbox.write("p/regulations/perbup-1-2018.yaml",
                "id: perbup-1-2018\nnumber: Perbup No. 1 Tahun 2018\ndate: 2018-03-01\n");
  sandbox.write("p/regulations/perbup-2-2018.yaml",
                "id: perbup-2-2018\nnumber: Perbup No. 2 Tahun 2018\ndate: 2018-03-02\n"
                "amends: perbup-1-2018\nideas: [hilang]\n");
  Result r = sandbox.run({"-C", "p", "export", "perbup", "--format", "md", "--lang", "en"});
  CHECK(r.err == "");
  CHECK(r.out ==
        "# Annex to Perbup No. 2 Tahun 2018\n"
        "\n"
        "Regional innovations of Kabupaten Tuban\n"
        "\n"
        "- **Date:** 2 March 2018\n"
        "- **Amends:** Perbup No. 1 Tahun 2018 of 1 March 2018\n"
        "- **Innovations listed:** 1\n"
        "\n"
        "| No. | Innovation | Unit | Category | Stage |\n"
        "|---:|---|---|---|---|\n"
        "| 1 | hilang | | | |\n"
        "\n"
        "## Changes from Perbup No. 1 Tahun 2018\n"
        "\n"
        "### Innovations added\n"
        "\n"
        "| No. | Innovation | Unit | Category | Stage |\n"
        "|---:|---|---|---|---|\n"
        "| 1 | hilang | | | |\n"
        "\n"
        "### Innovations removed\n"
        "\n"
        "None.\n");
  r = sandbox.run({"-C", "p", "export", "perbup", "--regulation", "perbup-1-2018"});
  CHECK(r.out == "no,idea,title,unit,unit_name,category,stage,change\n");
}
