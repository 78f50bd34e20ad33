// add-unit and add-idea from options: the records they write, byte for byte,
// and what they refuse.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>

#include "harness.h"

using namespace e2e;

namespace {

const char* kAntreanOnline =
    "id: antrean-online\n"
    "title: Antrean Online\n"
    "unit: rsud-koesma\n"
    "proposer:\n"
    "  name: Kepala Seksi Pelayanan\n"
    "  nip: '198001152005012001'\n"
    "  position: Kepala Seksi\n"
    "  echelon: IV.a\n"
    "initiator: civil-servant\n"
    "category: public-service\n"
    "kind: digital\n"
    "stage: trial\n"
    "priority: misi-2\n"
    "indicator: ikm\n"
    "submitted: 2018-04-20\n"
    "trial_date: 2018-07-02\n"
    "budget: 25000000\n"
    "problem: Antrean pendaftaran pasien panjang sejak subuh.\n"
    "description: |-\n"
    "  Pendaftaran pasien lewat aplikasi.\n"
    "  Nomor antrean dikirim lewat SMS.\n"
    "plan:\n"
    "  - step: Sosialisasi\n"
    "    due: 2018-06-30\n"
    "  - step: Uji coba loket\n"
    "    due: 2018-09-30\n"
    "tags: [antrean, 'no']\n";

// Every field given, Indonesian words for the enumerations.
std::vector<std::string> antrean_online_options() {
  // One option and its value a line.
  // clang-format off
  return {"add-idea",
          "--title", "Antrean Online",
          "--unit", "rsud-koesma",
          "--proposer-name", "Kepala Seksi Pelayanan",
          "--proposer-nip", "198001152005012001",
          "--proposer-position", "Kepala Seksi",
          "--proposer-echelon", "IV.a",
          "--initiator", "ASN",
          "--category", "pelayanan publik",
          "--kind", "digital",
          "--stage", "uji coba",
          "--priority", "misi-2",
          "--indicator", "ikm",
          "--submitted", "2018-04-20",
          "--trial-date", "2018-07-02",
          "--budget", "25000000",
          "--problem", "Antrean pendaftaran pasien panjang sejak subuh.",
          "--description", "Pendaftaran pasien lewat aplikasi.\nNomor antrean dikirim lewat SMS.",
          "--step", "Sosialisasi", "--due", "2018-06-30",
          "--step", "Uji coba loket", "--due", "2018-09-30",
          "--tag", "antrean", "--tag", "no"};
  // clang-format on
}

// Sets a file's times far in the past, so that any rewrite would show.
void age(const stdfs::path& path) {
  struct timespec times[2] = {{1'000'000'000, 0}, {1'000'000'000, 0}};
  REQUIRE(::utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
}

ino_t inode(const stdfs::path& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_ino;
}

}  // namespace

TEST_CASE("add-idea writes every field in canonical form, Indonesian words as English tokens") {
  Sandbox sandbox;
  sandbox.make_programme();
  Result r = sandbox.run(antrean_online_options());
  CHECK(r.out == "added ideas/antrean-online.yaml\n");
  CHECK(r.err == "");
  CHECK(r.status == 0);
  CHECK(sandbox.read("ideas/antrean-online.yaml") == kAntreanOnline);

  r = sandbox.run({"check"});
  CHECK(r.err == "");
  CHECK(r.status == 0);
}

TEST_CASE("add-idea accepts --echelon for the proposer's echelon") {
  Sandbox sandbox;
  sandbox.make_programme();
  Result r = sandbox.run({"add-idea", "--title", "SIGAP", "--unit", "bappeda", "--proposer-name",
                          "Kepala Bidang", "--echelon", "III.b"});
  CHECK(r.err == "");
  CHECK(r.out == "added ideas/sigap.yaml\n");
  CHECK(r.status == 0);
  CHECK(sandbox.read("ideas/sigap.yaml") ==
        "id: sigap\n"
        "title: SIGAP\n"
        "unit: bappeda\n"
        "proposer:\n"
        "  name: Kepala Bidang\n"
        "  echelon: III.b\n"
        "stage: initiative\n");
}

TEST_CASE("add-unit derives the id from the name and writes the English token") {
  Sandbox sandbox;
  sandbox.make_programme();
  Result r = sandbox.run({"add-unit", "--name", "Kecamatan Jenu", "--kind", "kecamatan",
                          "--head-name", "Camat Jenu", "--head-nip", "197503142000031002",
                          "--head-position", "Camat", "--commitment-signed", "2018-04-20"});
  CHECK(r.out == "added units/kecamatan-jenu.yaml\n");
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

  r = sandbox.run({"add-unit", "--name", "RSUD dr. R. Koesma", "--kind", "Rumah Sakit"});
  CHECK(r.out == "added units/rsud-dr-r-koesma.yaml\n");
  CHECK(sandbox.read("units/rsud-dr-r-koesma.yaml") ==
        "id: rsud-dr-r-koesma\nname: RSUD dr. R. Koesma\nkind: hospital\n");
}

TEST_CASE("add-idea derives a slug id from a title with punctuation and accents") {
  Sandbox sandbox;
  sandbox.make_programme();
  Result r = sandbox.run({"add-idea", "--title",
                          "Sistem Informasi Gampang (SIGAP) \xe2\x80\x94 Layanan \xc3\x9c",
                          "--unit", "bappeda"});
  CHECK(r.out == "added ideas/sistem-informasi-gampang-sigap-layanan-u.yaml\n");
  CHECK(r.status == 0);
  CHECK(sandbox.read("ideas/sistem-informasi-gampang-sigap-layanan-u.yaml") ==
        "id: sistem-informasi-gampang-sigap-layanan-u\n"
        "title: Sistem Informasi Gampang (SIGAP) \xe2\x80\x94 Layanan \xc3\x9c\n"
        "unit: bappeda\n"
        "stage: initiative\n");
}

TEST_CASE("add-idea quotes values a YAML 1.1 reader would take for something else") {
  Sandbox sandbox;
  sandbox.make_programme();
  Result r =
      sandbox.run({"add-idea",  "--id",  "tanggal", "--title", "2018-04-03", "--unit", "bappeda",
                   "--problem", "no",    "--goal",  "0123",    "--benefit",  "~",      "--tag",
                   "yes",       "--tag", "1e3",     "--tag",   "null",       "--tag",  "on"});
  CHECK(r.err == "");
  CHECK(r.status == 0);
  CHECK(sandbox.read("ideas/tanggal.yaml") ==
        "id: tanggal\n"
        "title: '2018-04-03'\n"
        "unit: bappeda\n"
        "stage: initiative\n"
        "problem: 'no'\n"
        "goal: '0123'\n"
        "benefit: '~'\n"
        "tags: ['yes', '1e3', 'null', 'on']\n");
  r = sandbox.run({"show", "tanggal", "--format", "json"});
  CHECK(r.out ==
        "{\n"
        "  \"id\": \"tanggal\",\n"
        "  \"title\": \"2018-04-03\",\n"
        "  \"unit\": \"bappeda\",\n"
        "  \"stage\": \"initiative\",\n"
        "  \"problem\": \"no\",\n"
        "  \"goal\": \"0123\",\n"
        "  \"benefit\": \"~\",\n"
        "  \"tags\": [\n"
        "    \"yes\",\n"
        "    \"1e3\",\n"
        "    \"null\",\n"
        "    \"on\"\n"
        "  ]\n"
        "}\n");
}

TEST_CASE("add-idea refuses an id that exists and suggests --id") {
  Sandbox sandbox;
  sandbox.make_programme();
  REQUIRE(sandbox.run(antrean_online_options()).status == 0);
  Result r = sandbox.run({"add-idea", "--title", "Antrean Online", "--unit", "bappeda"});
  CHECK(r.err ==
        "inovasi: error: idea 'antrean-online' exists already (ideas/antrean-online.yaml); choose "
        "another with --id, or use --update to replace it\n");
  CHECK(r.out == "");
  CHECK(r.status == 1);
  CHECK(sandbox.read("ideas/antrean-online.yaml") == kAntreanOnline);

  r = sandbox.run({"add-idea", "--id", "antrean-online-bappeda", "--title", "Antrean Online",
                   "--unit", "bappeda"});
  CHECK(r.out == "added ideas/antrean-online-bappeda.yaml\n");
  CHECK(r.status == 0);
}

TEST_CASE("add-idea --update replaces a record, and an unchanged one keeps its bytes and mtime") {
  Sandbox sandbox;
  sandbox.make_programme();
  REQUIRE(sandbox.run(antrean_online_options()).status == 0);
  stdfs::path file = sandbox.path("ideas/antrean-online.yaml");
  age(file);
  long long old_mtime = mtime_ns(file);
  ino_t old_inode = inode(file);

  Result r = sandbox.run([] {
    auto o = antrean_online_options();
    o.push_back("--update");
    return o;
  }());
  CHECK(r.out == "unchanged ideas/antrean-online.yaml\n");
  CHECK(r.err == "");
  CHECK(r.status == 0);
  CHECK(sandbox.read("ideas/antrean-online.yaml") == kAntreanOnline);
  CHECK(mtime_ns(file) == old_mtime);
  CHECK(inode(file) == old_inode);

  r = sandbox.run({"add-idea", "--title", "Antrean Online", "--unit", "rsud-koesma", "--stage",
                   "penerapan", "--implemented-date", "2018-10-01", "--update"});
  // Only the fields given change: the proposer, plan and the rest are kept.
  CHECK(r.out ==
        "updated ideas/antrean-online.yaml\n"
        "  stage: trial → implemented\n"
        "  + implemented_date: 2018-10-01\n");
  CHECK(r.err == "");
  CHECK(r.status == 0);
  std::string expected = kAntreanOnline;
  expected.replace(expected.find("stage: trial\n"), 13, "stage: implemented\n");
  expected.replace(expected.find("budget:"), 0, "implemented_date: 2018-10-01\n");
  CHECK(sandbox.read("ideas/antrean-online.yaml") == expected);
  CHECK(mtime_ns(file) != old_mtime);
}

TEST_CASE("add-idea --dry-run shows the record and writes nothing") {
  Sandbox sandbox;
  sandbox.make_programme();
  auto before = sandbox.tree();
  Result r = sandbox.run({"add-idea", "--title", "SIGAP", "--unit", "bappeda", "--category",
                          "tata kelola", "--dry-run"});
  CHECK(r.out ==
        "would add ideas/sigap.yaml\n"
        "id: sigap\n"
        "title: SIGAP\n"
        "unit: bappeda\n"
        "category: governance\n"
        "stage: initiative\n");
  CHECK(r.err == "");
  CHECK(r.status == 0);
  CHECK(sandbox.tree() == before);
}

TEST_CASE("add-idea reports every invalid option at once and writes nothing") {
  Sandbox sandbox;
  sandbox.make_programme();
  auto before = sandbox.tree();
  Result r = sandbox.run({"add-idea", "--title", "SIGAP", "--unit", "bappeda", "--stage", "selesai",
                          "--submitted", "2018-02-30", "--budget", "1,5 juta"});
  CHECK(r.err ==
        "inovasi: error: --stage: 'selesai' is not a stage (expected initiative, trial, "
        "implemented or dropped)\n"
        "inovasi: error: --submitted: '2018-02-30' is not a date: February 2018 has 28 days\n"
        "inovasi: error: --budget: '1,5 juta' is not a whole number\n");
  CHECK(r.out == "");
  CHECK(r.status == 1);
  CHECK(sandbox.tree() == before);

  r = sandbox.run(
      {"add-idea", "--title", "SIGAP", "--unit", "bagian-umum", "--proposer-nip", "123"});
  CHECK(r.err ==
        "inovasi: error: unit 'bagian-umum' does not exist (no units/bagian-umum.yaml)\n"
        "inovasi: error: --proposer-nip: NIP '123' must be 18 digits (it has 3 characters)\n");
  CHECK(r.status == 1);
  CHECK(sandbox.tree() == before);

  r = sandbox.run({"add-idea", "--unit", "bappeda"});
  CHECK(r.err == "inovasi: error: --title is required\n");
  CHECK(r.status == 1);
  CHECK(sandbox.tree() == before);
}

TEST_CASE("ids that would leave the programme directory are refused") {
  Sandbox sandbox;
  sandbox.make_programme("tuban");
  auto before = sandbox.tree();
  bool etc_x_existed = stdfs::exists("/etc/x") || stdfs::exists("/etc/x.yaml");
  const std::string rule =
      " is not a valid id (lowercase letters, digits and single hyphens, at most 64 characters)\n";
  for (std::string id : {"../x", "/etc/x", "a/b", "..", "."}) {
    CAPTURE(id);
    Result r =
        sandbox.run({"-C", "tuban", "add-idea", "--id", id, "--title", "X", "--unit", "bappeda"});
    CHECK(r.err == "inovasi: error: id '" + id + "'" + rule);
    CHECK(r.out == "");
    CHECK(r.status == 1);
    r = sandbox.run({"-C", "tuban", "add-unit", "--id", id, "--name", "X", "--kind", "dinas"});
    CHECK(r.err == "inovasi: error: id '" + id + "'" + rule);
    CHECK(r.status == 1);
    CHECK(sandbox.tree() == before);
  }
  if (!etc_x_existed) {
    CHECK_FALSE(stdfs::exists("/etc/x"));
    CHECK_FALSE(stdfs::exists("/etc/x.yaml"));
  }
}

TEST_CASE("two add-idea processes started at once both land") {
  Sandbox sandbox;
  sandbox.make_programme();
  for (int round = 0; round < 3; ++round) {
    CAPTURE(round);
    std::string a = "antrean-" + std::to_string(round);
    std::string b = "sigap-" + std::to_string(round);
    Process first({"add-idea", "--id", a, "--title", "Antrean", "--unit", "rsud-koesma"},
                  sandbox.root(), "", {});
    Process second({"add-idea", "--id", b, "--title", "SIGAP", "--unit", "bappeda"}, sandbox.root(),
                   "", {});
    Result r1 = first.wait();
    Result r2 = second.wait();
    CHECK(r1.out == "added ideas/" + a + ".yaml\n");
    CHECK(r1.err == "");
    CHECK(r1.status == 0);
    CHECK(r2.out == "added ideas/" + b + ".yaml\n");
    CHECK(r2.err == "");
    CHECK(r2.status == 0);
    CHECK(sandbox.read("ideas/" + a + ".yaml") ==
          "id: " + a + "\ntitle: Antrean\nunit: rsud-koesma\nstage: initiative\n");
    CHECK(sandbox.read("ideas/" + b + ".yaml") ==
          "id: " + b + "\ntitle: SIGAP\nunit: bappeda\nstage: initiative\n");
  }
  Result r = sandbox.run({"check"});
  CHECK(r.err == "");
  CHECK(r.status == 0);
  CHECK(sandbox.tree("ideas") == std::vector<std::string>{"antrean-0.yaml", "antrean-1.yaml",
                                                          "antrean-2.yaml", "sigap-0.yaml",
                                                          "sigap-1.yaml", "sigap-2.yaml"});
}

TEST_CASE("two add-idea processes claiming one id: one lands, the other is refused") {
  Sandbox sandbox;
  sandbox.make_programme();
  Process first({"add-idea", "--title", "SIGAP", "--unit", "rsud-koesma"}, sandbox.root(), "", {});
  Process second({"add-idea", "--title", "SIGAP", "--unit", "bappeda"}, sandbox.root(), "", {});
  Result r1 = first.wait();
  Result r2 = second.wait();
  CHECK(r1.status + r2.status == 1);
  const std::string refused =
      "inovasi: error: idea 'sigap' exists already (ideas/sigap.yaml); choose another with --id, "
      "or use --update to replace it\n";
  const Result& winner = r1.status == 0 ? r1 : r2;
  const Result& loser = r1.status == 0 ? r2 : r1;
  CHECK(winner.out == "added ideas/sigap.yaml\n");
  CHECK(loser.err == refused);
  CHECK(loser.out == "");
  std::string unit = r1.status == 0 ? "rsud-koesma" : "bappeda";
  CHECK(sandbox.read("ideas/sigap.yaml") ==
        "id: sigap\ntitle: SIGAP\nunit: " + unit + "\nstage: initiative\n");
}

TEST_CASE("add-idea exits 3 when the record folder cannot be used, and writes nothing") {
  Sandbox sandbox;
  sandbox.make_programme();
  stdfs::remove(sandbox.path("ideas"));
  sandbox.write("ideas", "not a folder\n");
  auto before = sandbox.tree();
  Result r = sandbox.run({"add-idea", "--title", "SIGAP", "--unit", "bappeda"});
  CHECK(r.err == "inovasi: error: ./ideas: cannot list: Not a directory\n");
  CHECK(r.out == "");
  CHECK(r.status == 3);
  CHECK(sandbox.tree() == before);
  CHECK(sandbox.read("ideas") == "not a folder\n");
}

TEST_CASE(
    "add-idea refuses to write through a symbolic link and names it from the working directory") {
  Sandbox sandbox;
  sandbox.make_programme("tuban");
  stdfs::create_directories(sandbox.path("outside"));
  stdfs::remove(sandbox.path("tuban/ideas"));
  stdfs::create_directory_symlink("../outside", sandbox.path("tuban/ideas"));
  Result r = sandbox.run({"-C", "tuban", "add-idea", "--title", "SIGAP", "--unit", "bappeda"});
  // The path is shown from the working directory, like every other path.
  CHECK(r.err ==
        "inovasi: error: tuban/ideas/sigap.yaml: is a symbolic link; refusing to write through "
        "it\n");
  CHECK(r.out == "");
  CHECK(r.status == 3);
  CHECK(sandbox.tree("outside").empty());
}
