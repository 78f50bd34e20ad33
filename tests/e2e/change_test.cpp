// The commands of the programme's year: set, stage, step, and --update that
// changes only what it is given.
#include <doctest/doctest.h>

#include <set>
#include <sstream>

#include "harness.h"

using namespace e2e;

namespace {

stdfs::path tuban() {
  return fixtures().parent_path().parent_path() / "examples" / "tuban-2018";
}

// A record file cut into its top-level fields: "key" -> the lines of that
// field (its key line and the indented lines under it).
std::map<std::string, std::string> top_level_fields(const std::string& yaml) {
  std::map<std::string, std::string> fields;
  std::string key;
  for (const auto& line : split_lines(yaml)) {
    if (!line.empty() && line[0] != ' ') key = line.substr(0, line.find(':'));
    fields[key] += line + "\n";
  }
  return fields;
}

struct FieldCase {
  const char* type;
  const char* key;    // the record's id, CONTRACT/PERIOD for a report
  const char* file;   // its file
  const char* field;  // the column set
  const char* value;  // a value that keeps the record valid
};

// Every column of every record type's CSV layout but the ones that name
// the record, with a valid new value.
const FieldCase kFieldCases[] = {
    {"unit", "rsud-koesma", "units/rsud-koesma.yaml", "name", "RSUD dr. R. Koesma Tuban"},
    {"unit", "rsud-koesma", "units/rsud-koesma.yaml", "kind", "badan"},
    {"unit", "rsud-koesma", "units/rsud-koesma.yaml", "head_name", "dr. Bambang"},
    {"unit", "rsud-koesma", "units/rsud-koesma.yaml", "head_nip", "198503302010011002"},
    {"unit", "rsud-koesma", "units/rsud-koesma.yaml", "head_position", "Direktur"},
    {"unit", "rsud-koesma", "units/rsud-koesma.yaml", "commitment_signed", "2018-04-21"},
    {"idea", "antrean-online", "ideas/antrean-online.yaml", "title", "Antrean Daring"},
    {"idea", "antrean-online", "ideas/antrean-online.yaml", "unit", "dinas-kesehatan"},
    {"idea", "antrean-online", "ideas/antrean-online.yaml", "proposer_name", "Budi"},
    {"idea", "antrean-online", "ideas/antrean-online.yaml", "proposer_nip", "198503302010011002"},
    {"idea", "antrean-online", "ideas/antrean-online.yaml", "proposer_position", "Kepala Seksi"},
    {"idea", "antrean-online", "ideas/antrean-online.yaml", "proposer_echelon", "IV.b"},
    {"idea", "antrean-online", "ideas/antrean-online.yaml", "initiator", "asn"},
    {"idea", "antrean-online", "ideas/antrean-online.yaml", "category", "tata kelola"},
    {"idea", "antrean-online", "ideas/antrean-online.yaml", "kind", "non digital"},
    {"idea", "antrean-online", "ideas/antrean-online.yaml", "stage", "dihentikan"},
    {"idea", "antrean-online", "ideas/antrean-online.yaml", "priority", "misi-4"},
    {"idea", "antrean-online", "ideas/antrean-online.yaml", "indicator", "uhh"},
    {"idea", "antrean-online", "ideas/antrean-online.yaml", "submitted", "2018-04-19"},
    {"idea", "antrean-online", "ideas/antrean-online.yaml", "trial_date", "2018-07-03"},
    {"idea", "antrean-online", "ideas/antrean-online.yaml", "implemented_date", "2018-10-02"},
    {"idea", "antrean-online", "ideas/antrean-online.yaml", "dropped_date", "2019-02-01"},
    {"idea", "antrean-online", "ideas/antrean-online.yaml", "drop_reason", "Diganti aplikasi"},
    {"idea", "antrean-online", "ideas/antrean-online.yaml", "budget", "30000000"},
    {"idea", "antrean-online", "ideas/antrean-online.yaml", "problem", "Antrean panjang."},
    {"idea", "antrean-online", "ideas/antrean-online.yaml", "description", "Baris satu\nbaris dua"},
    {"idea", "antrean-online", "ideas/antrean-online.yaml", "goal", "Tunggu singkat."},
    {"idea", "antrean-online", "ideas/antrean-online.yaml", "benefit", "Pasien senang."},
    {"idea", "antrean-online", "ideas/antrean-online.yaml", "plan",
     "SOP @ 2018-05-31 / 2018-05-28"},
    {"idea", "antrean-online", "ideas/antrean-online.yaml", "tags", "antrean;digital"},
    {"contract", "rsud-2018", "contracts/rsud-2018.yaml", "unit", "dinas-kesehatan"},
    {"contract", "rsud-2018", "contracts/rsud-2018.yaml", "ideas",
     "antrean-online;akta-lahir-rumah-sakit"},
    {"contract", "rsud-2018", "contracts/rsud-2018.yaml", "signed", "2018-05-03"},
    {"contract", "rsud-2018", "contracts/rsud-2018.yaml", "first_party_name", "H. Fathul Huda"},
    {"contract", "rsud-2018", "contracts/rsud-2018.yaml", "first_party_position", "Bupati"},
    {"contract", "rsud-2018", "contracts/rsud-2018.yaml", "second_party_name", "dr. Bambang"},
    {"contract", "rsud-2018", "contracts/rsud-2018.yaml", "second_party_position", "Direktur"},
    {"contract", "rsud-2018", "contracts/rsud-2018.yaml", "start", "2018-04-02"},
    {"contract", "rsud-2018", "contracts/rsud-2018.yaml", "end", "2019-03-30"},
    {"report", "rsud-2018/2018-Q2", "reports/rsud-2018/2018-Q2.yaml", "submitted", "2018-07-10"},
    {"report", "rsud-2018/2018-Q2", "reports/rsud-2018/2018-Q2.yaml", "actual", "waktu-tunggu=61"},
    {"report", "rsud-2018/2018-Q2", "reports/rsud-2018/2018-Q2.yaml", "narrative",
     "SOP ditetapkan."},
    {"report", "rsud-2018/2018-Q2", "reports/rsud-2018/2018-Q2.yaml", "obstacles", "Tidak ada."},
    {"report", "rsud-2018/2018-Q2", "reports/rsud-2018/2018-Q2.yaml", "next_steps", "Uji coba."},
    {"report", "rsud-2018/2018-Q2", "reports/rsud-2018/2018-Q2.yaml", "evidence", "bukti/sop.pdf"},
    {"regulation", "perbup-45-2018", "regulations/perbup-45-2018.yaml", "number",
     "Perbup No. 46 Tahun 2018"},
    {"regulation", "perbup-45-2018", "regulations/perbup-45-2018.yaml", "date", "2018-12-21"},
    {"regulation", "perbup-45-2018", "regulations/perbup-45-2018.yaml", "amends", ""},
    {"regulation", "perbup-45-2018", "regulations/perbup-45-2018.yaml", "ideas", "antrean-online"},
};

}  // namespace

TEST_CASE("set of one field changes that field only: every other byte of the file is kept") {
  Sandbox sandbox;
  copy_tree(tuban(), sandbox.path("tuban"));
  const auto before = file_contents(sandbox.path("tuban"));
  std::set<std::string> covered;
  for (const auto& c : kFieldCases) {
    std::string type = c.type, column = c.field;
    CAPTURE(type);
    CAPTURE(column);
    covered.insert(std::string(c.type) + "." + c.field);
    for (const auto& [relative, content] : before)
      write_file(sandbox.path("tuban/" + relative), content);
    Result r =
        sandbox.run({"-C", "tuban", "set", c.type, c.key, std::string(c.field) + "=" + c.value});
    CHECK(r.status == 0);
    CHECK(r.out.starts_with("updated tuban/" + std::string(c.file) + "\n  "));
    auto after = file_contents(sandbox.path("tuban"));
    // No other file changed.
    for (const auto& [relative, content] : before)
      if (relative != c.file) CHECK(after[relative] == content);
    // In the file, every other top-level field is byte for byte as before.
    auto old_fields = top_level_fields(before.at(c.file));
    auto new_fields = top_level_fields(after[c.file]);
    std::string field = c.field;
    // A nested column (head_nip) lives under its prefix (head).
    for (const char* nested : {"head", "proposer", "first_party", "second_party"})
      if (field.starts_with(std::string(nested) + "_")) field = nested;
    for (const auto& [key, lines] : old_fields)
      if (key != field) CHECK_MESSAGE(new_fields[key] == lines, key);
    for (const auto& [key, lines] : new_fields)
      if (key != field) CHECK_MESSAGE(old_fields.count(key) == 1, key);
    CHECK(new_fields[field] != old_fields[field]);
  }
  // Every column of every type's CSV export but the key columns is covered.
  for (const auto& [type, keys] :
       std::vector<std::pair<std::string, std::string>>{{"units", "id"},
                                                        {"ideas", "id"},
                                                        {"contracts", "id"},
                                                        {"reports", "contract,period"},
                                                        {"regulations", "id"}}) {
    Result header = sandbox.run({"-C", "tuban", "export", type, "--format", "csv"});
    std::string first = header.out.substr(0, header.out.find('\n'));
    std::string singular = type.substr(0, type.size() - 1);
    std::stringstream columns(first);
    std::string column;
    while (std::getline(columns, column, ','))
      if (keys.find(column) == std::string::npos)
        CHECK_MESSAGE(covered.count(singular + "." + column) == 1, (singular + "." + column));
  }
}

TEST_CASE("add-idea --from with a few columns and --update keeps every other field") {
  Sandbox sandbox;
  copy_tree(tuban(), sandbox.path("tuban"));
  const auto before = file_contents(sandbox.path("tuban"));
  sandbox.write("stage.csv",
                "id;title;unit;stage;trial_date;implemented_date\n"
                "akta-lahir-rumah-sakit;Akta Kelahiran Langsung dari Rumah Sakit;dinas-dukcapil;"
                "implemented;2018-09-10;2019-01-15\n");
  Result r =
      sandbox.run({"-C", "tuban", "add-idea", "--from", "stage.csv", "--update", "--dry-run"});
  CHECK(r.out ==
        "would update tuban/ideas/akta-lahir-rumah-sakit.yaml\n"
        "  stage: trial → implemented\n"
        "  + implemented_date: 2019-01-15\n");
  CHECK(r.err == "");
  CHECK(file_contents(sandbox.path("tuban")) == before);

  r = sandbox.run({"-C", "tuban", "add-idea", "--from", "stage.csv", "--update"});
  CHECK(r.out ==
        "updated tuban/ideas/akta-lahir-rumah-sakit.yaml\n"
        "  stage: trial → implemented\n"
        "  + implemented_date: 2019-01-15\n");
  std::string expected = before.at("ideas/akta-lahir-rumah-sakit.yaml");
  expected.replace(expected.find("stage: trial"), 12, "stage: implemented");
  expected.replace(expected.find("budget:"), 0, "implemented_date: 2019-01-15\n");
  CHECK(sandbox.read("tuban/ideas/akta-lahir-rumah-sakit.yaml") == expected);

  // The same import again changes nothing and says so.
  r = sandbox.run({"-C", "tuban", "add-idea", "--from", "stage.csv", "--update"});
  CHECK(r.out == "unchanged tuban/ideas/akta-lahir-rumah-sakit.yaml\n");

  // An empty cell clears its field.
  sandbox.write("clear.csv", "id,budget\nakta-lahir-rumah-sakit,\n");
  r = sandbox.run({"-C", "tuban", "add-idea", "--from", "clear.csv", "--update"});
  CHECK(r.out ==
        "updated tuban/ideas/akta-lahir-rumah-sakit.yaml\n"
        "  - budget: 20000000\n");
}

TEST_CASE("add-unit --update with a new head keeps commitment_signed") {
  Sandbox sandbox;
  copy_tree(tuban(), sandbox.path("tuban"));
  Result r = sandbox.run(
      {"-C", "tuban", "add-unit", "--id", "rsud-koesma", "--head-name", "dr. Bambang", "--update"});
  CHECK(r.out ==
        "updated tuban/units/rsud-koesma.yaml\n"
        "  + head.name: dr. Bambang\n");
  CHECK(r.status == 0);
  CHECK(sandbox.read("tuban/units/rsud-koesma.yaml") ==
        "id: rsud-koesma\n"
        "name: RSUD dr. R. Koesma\n"
        "kind: hospital\n"
        "head:\n"
        "  name: dr. Bambang\n"
        "  position: Direktur RSUD dr. R. Koesma\n"
        "commitment_signed: 2018-04-20\n");
}

TEST_CASE("report --update --actual changes that target's value and keeps submitted") {
  Sandbox sandbox;
  copy_tree(tuban(), sandbox.path("tuban"));
  std::string before = sandbox.read("tuban/reports/rsud-2018/2018-Q3.yaml");
  Result r = sandbox.run({"-C", "tuban", "report", "--contract", "rsud-2018", "--period", "2018-Q3",
                          "--actual", "waktu-tunggu=41", "--update"});
  CHECK(r.out ==
        "updated tuban/reports/rsud-2018/2018-Q3.yaml\n"
        "  actual.waktu-tunggu: 43 → 41\n");
  CHECK(r.status == 0);
  std::string expected = before;
  expected.replace(expected.find("waktu-tunggu: 43"), 16, "waktu-tunggu: 41");
  CHECK(sandbox.read("tuban/reports/rsud-2018/2018-Q3.yaml") == expected);
}

TEST_CASE("an update does not rewrite a file with comments, which it would lose") {
  Sandbox sandbox;
  copy_tree(tuban(), sandbox.path("tuban"));
  std::string commented =
      sandbox.read("tuban/units/bappeda.yaml") + "# kepala baru dilantik Januari\n";
  sandbox.write("tuban/units/bappeda.yaml", commented);
  Result r = sandbox.run({"-C", "tuban", "set", "unit", "bappeda", "head_name=Ir. Budi"});
  CHECK(r.err ==
        "tuban/units/bappeda.yaml: error: tuban/units/bappeda.yaml has comments, which changing "
        "it would lose; move them into a field or remove them ('inovasi edit' or 'inovasi fmt "
        "--strip-comments') first\n");
  CHECK(r.status == 1);
  CHECK(sandbox.read("tuban/units/bappeda.yaml") == commented);
}

TEST_CASE("set refuses what it cannot do, naming it, and writes nothing") {
  Sandbox sandbox;
  copy_tree(tuban(), sandbox.path("tuban"));
  const auto before = file_contents(sandbox.path("tuban"));
  struct Case {
    std::vector<std::string> args;
    std::string err;
    int status;
  };
  const Case cases[] = {
      {{"set", "ide", "antrean-online", "budget=1"},
       "inovasi: error: 'ide' is not a record type (did you mean 'idea'?); the types are unit, "
       "idea, contract, report, regulation\n",
       2},
      {{"set", "idea", "antrean-online"},
       "inovasi: error: say what changes: one FIELD=VALUE or more (FIELD= clears a field)\n",
       2},
      {{"set", "idea", "antrean-online", "budget"},
       "inovasi: error: 'budget' is not FIELD=VALUE (FIELD= clears a field)\n",
       2},
      {{"set", "idea", "antrean-online", "id=antrean"},
       "inovasi: error: 'id' names the record and is not changed by set\n",
       2},
      {{"set", "idea", "antrean-online", "budget=1", "budget=2"},
       "inovasi: error: 'budget' is given twice\n",
       2},
      {{"set", "idea", "antrean-onlien", "budget=1"},
       "inovasi: error: there is no idea 'antrean-onlien'; did you mean 'antrean-online'?\n",
       1},
      {{"set", "report", "rsud-2018", "narrative=x"},
       "inovasi: error: 'rsud-2018' does not name a report: write CONTRACT/PERIOD\n",
       2},
      {{"set", "idea", "antrean-online", "budget=-5", "unit=dinas-sosial"},
       "tuban/ideas/antrean-online.yaml: error: unit 'dinas-sosial' does not exist (no "
       "units/dinas-sosial.yaml)\n"
       "tuban/ideas/antrean-online.yaml: error: budget must not be negative\n",
       1},
      {{"set", "idea", "antrean-online", "title="},
       "tuban/ideas/antrean-online.yaml: error: column 'title' is required\n",
       1},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args = {"-C", "tuban"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    CAPTURE(c.args.back());
    Result r = sandbox.run(args);
    CHECK(r.err.starts_with(c.err));
    CHECK(r.out == "");
    CHECK(r.status == c.status);
  }
  CHECK(file_contents(sandbox.path("tuban")) == before);
}

TEST_CASE("stage moves an idea forward with its date, and back only with --force") {
  Sandbox sandbox;
  copy_tree(tuban(), sandbox.path("tuban"));
  std::string before = sandbox.read("tuban/ideas/antrean-online.yaml");
  Result r = sandbox.run({"-C", "tuban", "stage", "antrean-online", "dihentikan", "--date",
                          "2019-02-01", "--reason", "Diganti aplikasi provinsi"});
  CHECK(r.out ==
        "updated tuban/ideas/antrean-online.yaml\n"
        "  stage: implemented → dropped\n"
        "  + dropped_date: 2019-02-01\n"
        "  + drop_reason: Diganti aplikasi provinsi\n");
  CHECK(r.err == "");
  std::string dropped = before;
  dropped.replace(dropped.find("stage: implemented"), 18, "stage: dropped");
  dropped.replace(dropped.find("budget:"), 0,
                  "dropped_date: 2019-02-01\ndrop_reason: Diganti aplikasi provinsi\n");
  CHECK(sandbox.read("tuban/ideas/antrean-online.yaml") == dropped);

  r = sandbox.run({"-C", "tuban", "stage", "antrean-online", "penerapan", "--date", "2018-10-01"});
  CHECK(r.err ==
        "inovasi: error: idea 'antrean-online' is at the stage dropped: moving it back to "
        "implemented undoes a stage and clears dropped_date, drop_reason; give --force to do so\n");
  CHECK(r.status == 1);
  CHECK(sandbox.read("tuban/ideas/antrean-online.yaml") == dropped);

  r = sandbox.run(
      {"-C", "tuban", "stage", "antrean-online", "penerapan", "--date", "2018-10-01", "--force"});
  CHECK(r.out ==
        "updated tuban/ideas/antrean-online.yaml\n"
        "  stage: dropped → implemented\n"
        "  - dropped_date: 2019-02-01\n"
        "  - drop_reason: Diganti aplikasi provinsi\n");
  CHECK(sandbox.read("tuban/ideas/antrean-online.yaml") == before);

  r = sandbox.run({"-C", "tuban", "stage", "antrean-online", "dropped", "--date", "2019-02-01"});
  CHECK(r.err == "inovasi: error: --reason is required to drop an idea: why it was dropped\n");
  CHECK(r.status == 2);
  r = sandbox.run({"-C", "tuban", "stage", "antrean-online", "trial"});
  CHECK(r.err == "inovasi: error: --date is required: the day the idea reached the stage trial\n");
  CHECK(r.status == 2);
  // A drop before the trial began is refused by check's rule.
  r = sandbox.run({"-C", "tuban", "stage", "antrean-online", "dropped", "--date", "2018-06-01",
                   "--reason", "x"});
  CHECK(r.err ==
        "tuban/ideas/antrean-online.yaml: error: dropped_date 2018-06-01 is before trial_date "
        "2018-07-02\n"
        "tuban/ideas/antrean-online.yaml: error: dropped_date 2018-06-01 is before "
        "implemented_date 2018-10-01\n");
  CHECK(r.status == 1);
  CHECK(sandbox.read("tuban/ideas/antrean-online.yaml") == before);
}

TEST_CASE("step ticks, undoes, reschedules and adds plan steps, keeping their order") {
  Sandbox sandbox;
  copy_tree(tuban(), sandbox.path("tuban"));
  Result r = sandbox.run({"-C", "tuban", "step", "antrean-online", "5", "--done", "2019-03-20"});
  CHECK(r.out ==
        "updated tuban/ideas/antrean-online.yaml\n"
        "  + plan[5].done: 2019-03-20\n");
  r = sandbox.run({"-C", "tuban", "step", "antrean-online", "1", "--undo", "--due", "2018-06-15"});
  CHECK(r.out ==
        "updated tuban/ideas/antrean-online.yaml\n"
        "  plan[1].due: 2018-05-31 → 2018-06-15\n"
        "  - plan[1].done: 2018-05-28\n");
  r = sandbox.run({"-C", "tuban", "step", "antrean-online", "--add", "Perluasan ke seluruh poli",
                   "--due", "2019-06-30"});
  CHECK(r.out ==
        "updated tuban/ideas/antrean-online.yaml\n"
        "  + plan[6].step: Perluasan ke seluruh poli\n"
        "  + plan[6].due: 2019-06-30\n");
  CHECK(sandbox.read("tuban/ideas/antrean-online.yaml")
            .ends_with("plan:\n"
                       "  - step: Penyusunan SOP antrean online\n"
                       "    due: 2018-06-15\n"
                       "  - step: Pengadaan aplikasi dan anjungan mandiri\n"
                       "    due: 2018-06-30\n"
                       "    done: 2018-06-25\n"
                       "  - step: Uji coba pada poli penyakit dalam\n"
                       "    due: 2018-09-30\n"
                       "    done: 2018-09-28\n"
                       "  - step: Perluasan ke seluruh poli rawat jalan\n"
                       "    due: 2018-12-31\n"
                       "    done: 2018-12-14\n"
                       "  - step: Survei kepuasan pasien\n"
                       "    due: 2019-03-31\n"
                       "    done: 2019-03-20\n"
                       "  - step: Perluasan ke seluruh poli\n"
                       "    due: 2019-06-30\n"
                       "tags: [kesehatan, antrean, aplikasi]\n"));
  r = sandbox.run({"-C", "tuban", "step", "antrean-online", "9", "--done", "2019-01-01"});
  CHECK(r.err == "inovasi: error: idea 'antrean-online' has steps 1 to 6; there is no step 9\n");
  CHECK(r.status == 1);
  r = sandbox.run({"-C", "tuban", "step", "antrean-online", "2"});
  CHECK(r.err == "inovasi: error: say what changes: --done DATE, --undo or --due DATE\n");
  CHECK(r.status == 2);
}

TEST_CASE("list ideas --as-of shows each idea at the stage it had on that day") {
  Sandbox sandbox;
  copy_tree(tuban(), sandbox.path("tuban"));
  // The table of the one idea of kecamatan-semanding, on a day.
  auto table_on = [&](const std::string& day) {
    Result r = sandbox.run(
        {"-C", "tuban", "list", "ideas", "--unit", "kecamatan-semanding", "--as-of", day});
    CHECK(r.status == 0);
    return r.out;
  };
  // surat-pindah-online: trial from 2018-07-02, dropped from 2018-11-30.
  CHECK(table_on("2018-07-01") ==
        "ID                   TITLE                        UNIT                 STAGE       "
        "CATEGORY\n"
        "surat-pindah-online  Layanan Surat Pindah Online  kecamatan-semanding  initiative  "
        "public-service\n");
  CHECK(table_on("2018-11-29") ==
        "ID                   TITLE                        UNIT                 STAGE  CATEGORY\n"
        "surat-pindah-online  Layanan Surat Pindah Online  kecamatan-semanding  trial  "
        "public-service\n");
  CHECK(table_on("2018-11-30") ==
        "ID                   TITLE                        UNIT                 STAGE    "
        "CATEGORY\n"
        "surat-pindah-online  Layanan Surat Pindah Online  kecamatan-semanding  dropped  "
        "public-service\n");
  Result r = sandbox.run({"-C", "tuban", "list", "ideas", "--stage", "uji coba", "--as-of",
                          "2018-11-29", "--unit", "kecamatan-semanding", "--format", "csv"});
  CHECK(r.out.find("surat-pindah-online,") != std::string::npos);
  r = sandbox.run({"-C", "tuban", "list", "units", "--as-of", "2018-11-29"});
  CHECK(r.err == "inovasi: error: --as-of does not filter units\n");
  CHECK(r.status == 2);
}

TEST_CASE("mv renames a unit and every reference to it, and check is silent after") {
  Sandbox sandbox;
  copy_tree(tuban(), sandbox.path("tuban"));
  const auto before = file_contents(sandbox.path("tuban"));
  Result r = sandbox.run({"-C", "tuban", "mv", "unit", "rsud-koesma", "rsud-soegiri", "--dry-run"});
  CHECK(r.out ==
        "would rename tuban/units/rsud-koesma.yaml → tuban/units/rsud-soegiri.yaml\n"
        "would update tuban/ideas/antrean-online.yaml\n"
        "  unit: rsud-koesma → rsud-soegiri\n"
        "would update tuban/contracts/rsud-2018.yaml\n"
        "  unit: rsud-koesma → rsud-soegiri\n");
  CHECK(file_contents(sandbox.path("tuban")) == before);

  r = sandbox.run({"-C", "tuban", "mv", "unit", "rsud-koesma", "rsud-soegiri"});
  CHECK(r.err == "");
  CHECK(r.status == 0);
  auto after = file_contents(sandbox.path("tuban"));
  auto renamed = [](std::string text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
      text.replace(at, from.size(), to);
    return text;
  };
  auto expected = before;
  expected.erase("units/rsud-koesma.yaml");
  expected["units/rsud-soegiri.yaml"] =
      renamed(before.at("units/rsud-koesma.yaml"), "id: rsud-koesma", "id: rsud-soegiri");
  expected["ideas/antrean-online.yaml"] =
      renamed(before.at("ideas/antrean-online.yaml"), "unit: rsud-koesma", "unit: rsud-soegiri");
  expected["contracts/rsud-2018.yaml"] =
      renamed(before.at("contracts/rsud-2018.yaml"), "unit: rsud-koesma", "unit: rsud-soegiri");
  CHECK(differences(expected, after) == std::vector<std::string>{});
  Result check = sandbox.run({"-C", "tuban", "check"});
  CHECK(check.out == "");
  CHECK(check.err == "");
  CHECK(check.status == 0);
}

TEST_CASE("mv of a contract moves its reports to a folder of the new name") {
  Sandbox sandbox;
  copy_tree(tuban(), sandbox.path("tuban"));
  const auto before = file_contents(sandbox.path("tuban"));
  Result r = sandbox.run({"-C", "tuban", "mv", "contract", "pupr-2018", "pupr-jalan-2018"});
  CHECK(r.out ==
        "renamed tuban/contracts/pupr-2018.yaml → tuban/contracts/pupr-jalan-2018.yaml\n"
        "renamed tuban/reports/pupr-2018/2018-Q2.yaml → "
        "tuban/reports/pupr-jalan-2018/2018-Q2.yaml\n"
        "  contract: pupr-2018 → pupr-jalan-2018\n"
        "renamed tuban/reports/pupr-2018/2018-Q3.yaml → "
        "tuban/reports/pupr-jalan-2018/2018-Q3.yaml\n"
        "  contract: pupr-2018 → pupr-jalan-2018\n");
  CHECK(r.status == 0);
  CHECK(!sandbox.exists("tuban/reports/pupr-2018"));
  CHECK(sandbox.read("tuban/reports/pupr-jalan-2018/2018-Q3.yaml") ==
        "contract: pupr-jalan-2018\n" + before.at("reports/pupr-2018/2018-Q3.yaml")
                                            .substr(std::string("contract: pupr-2018\n").size()));
  Result check = sandbox.run({"-C", "tuban", "check"});
  CHECK(check.err == "");
  CHECK(check.status == 0);

  // The status of the renamed contract reads its reports as before.
  Result status = sandbox.run({"-C", "tuban", "status", "--contract", "pupr-jalan-2018", "--as-of",
                               "2018-12-31", "--format", "csv"});
  CHECK(status.status == 0);
  CHECK(status.out ==
        "contract,unit,period,due,submitted,status\n"
        "pupr-jalan-2018,dinas-pupr,2018-Q2,2018-07-10,2018-07-16,late\n"
        "pupr-jalan-2018,dinas-pupr,2018-Q3,2018-10-10,2018-10-10,on-time\n"
        "pupr-jalan-2018,dinas-pupr,2018-Q4,2019-01-10,,not-due\n");
}

TEST_CASE("mv and rm refuse what they cannot do, and change nothing") {
  Sandbox sandbox;
  copy_tree(tuban(), sandbox.path("tuban"));
  const auto before = file_contents(sandbox.path("tuban"));
  struct Case {
    std::vector<std::string> args;
    std::string err;
    int status;
  };
  const Case cases[] = {
      {{"mv", "idea", "paten-keliling", "lapor-jalan-rusak"},
       "inovasi: error: idea 'lapor-jalan-rusak' exists already "
       "(tuban/ideas/lapor-jalan-rusak.yaml)\n",
       1},
      {{"mv", "idea", "paten-keliling", "paten-keliling"},
       "inovasi: error: 'paten-keliling' is already its name\n",
       2},
      {{"mv", "idea", "paten-kelilin", "x"},
       "inovasi: error: there is no idea 'paten-kelilin'; did you mean 'paten-keliling'?\n",
       1},
      {{"mv", "report", "rsud-2018/2018-Q3", "rsud-2018"},
       "inovasi: error: 'rsud-2018' does not name a report: write CONTRACT/PERIOD\n",
       2},
      {{"rm", "idea", "antrean-online"},
       "inovasi: error: idea 'antrean-online' is still referred to; change or remove these "
       "first:\n"
       "  tuban/contracts/rsud-2018.yaml (ideas[0])\n"
       "  tuban/regulations/perbup-27-2018.yaml (ideas[0])\n"
       "  tuban/regulations/perbup-45-2018.yaml (ideas[0])\n",
       1},
      {{"rm", "contract", "pupr-2018"},
       "inovasi: error: contract 'pupr-2018' is still referred to; change or remove these "
       "first:\n"
       "  tuban/reports/pupr-2018/2018-Q2.yaml (contract)\n"
       "  tuban/reports/pupr-2018/2018-Q3.yaml (contract)\n",
       1},
      {{"rm", "unit", "rsud-koesma", "--dry-run"}, "", 1},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args = {"-C", "tuban"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    CAPTURE(c.args[1] + " " + c.args[2]);
    Result r = sandbox.run(args);
    if (!c.err.empty()) CHECK(r.err == c.err);
    CHECK(r.status == c.status);
  }
  CHECK(file_contents(sandbox.path("tuban")) == before);
}

TEST_CASE("rm removes a record nothing refers to, and a report's folder with its last report") {
  Sandbox sandbox;
  copy_tree(tuban(), sandbox.path("tuban"));
  Result r = sandbox.run({"-C", "tuban", "rm", "unit", "kecamatan-bancar", "--dry-run"});
  CHECK(r.out == "would remove tuban/units/kecamatan-bancar.yaml\n");
  CHECK(sandbox.exists("tuban/units/kecamatan-bancar.yaml"));
  r = sandbox.run({"-C", "tuban", "rm", "unit", "kecamatan-bancar"});
  CHECK(r.out == "removed tuban/units/kecamatan-bancar.yaml\n");
  CHECK(!sandbox.exists("tuban/units/kecamatan-bancar.yaml"));
  CHECK(sandbox.run({"-C", "tuban", "rm", "report", "pupr-2018/2018-Q2"}).status == 0);
  CHECK(sandbox.exists("tuban/reports/pupr-2018"));
  r = sandbox.run({"-C", "tuban", "rm", "report", "pupr-2018/2018-Q3"});
  CHECK(r.out == "removed tuban/reports/pupr-2018/2018-Q3.yaml\n");
  CHECK(!sandbox.exists("tuban/reports/pupr-2018"));
  r = sandbox.run({"-C", "tuban", "rm", "contract", "pupr-2018"});
  CHECK(r.out == "removed tuban/contracts/pupr-2018.yaml\n");
  Result check = sandbox.run({"-C", "tuban", "check"});
  CHECK(check.err == "");
  CHECK(check.status == 0);
}

namespace {

// An editor for the tests: a shell script that runs SCRIPT on the file given.
std::string fake_editor(const Sandbox& sandbox, const std::string& name,
                        const std::string& script) {
  std::string path = sandbox.path(name).string();
  sandbox.write(name, "#!/bin/sh\n" + script + "\n");
  stdfs::permissions(path, stdfs::perms::owner_all);
  return path;
}

}  // namespace

TEST_CASE("edit writes a valid edit in canonical form, with its changes, dropping comments") {
  Sandbox sandbox;
  copy_tree(tuban(), sandbox.path("tuban"));
  std::string before = sandbox.read("tuban/ideas/antrean-online.yaml");
  std::string editor = fake_editor(sandbox, "editor",
                                   "sed -i 's/^budget: .*/budget:   99000000/' \"$1\"\n"
                                   "echo '# dicatat kemudian' >> \"$1\"");
  Result r = sandbox.run_on_terminal({"-C", "tuban", "edit", "idea", "antrean-online"}, 80,
                                     {{"VISUAL", editor}});
  CHECK(r.out ==
        "tuban/ideas/antrean-online.yaml: warning: has comments, which records do not keep; "
        "they were dropped\n"
        "updated tuban/ideas/antrean-online.yaml\n"
        "  budget: 150000000 → 99000000\n");
  CHECK(r.status == 0);
  std::string expected = before;
  expected.replace(expected.find("budget: 150000000"), 17, "budget: 99000000");
  CHECK(sandbox.read("tuban/ideas/antrean-online.yaml") == expected);
}

TEST_CASE("edit of an invalid record shows the findings, and abandoning leaves the file") {
  Sandbox sandbox;
  copy_tree(tuban(), sandbox.path("tuban"));
  std::string before = sandbox.read("tuban/ideas/antrean-online.yaml");
  std::string editor =
      fake_editor(sandbox, "editor", "sed -i 's/^unit: .*/unit: dinas-entah/' \"$1\"");
  Result r = sandbox.run_on_terminal({"-C", "tuban", "edit", "idea", "antrean-online"}, 80,
                                     {{"EDITOR", editor}}, "x\na\n");
  CHECK(r.out ==
        "tuban/ideas/antrean-online.yaml:3:7: error: unit 'dinas-entah' does not exist (no "
        "units/dinas-entah.yaml)\n"
        "What now? (e)dit again or (a)bandon the change: "
        "What now? (e)dit again or (a)bandon the change: "
        "inovasi: error: abandoned; tuban/ideas/antrean-online.yaml is left as it was\n");
  CHECK(r.status == 1);
  CHECK(sandbox.read("tuban/ideas/antrean-online.yaml") == before);
}

TEST_CASE("edit again after an error: the second save is checked anew and written") {
  Sandbox sandbox;
  copy_tree(tuban(), sandbox.path("tuban"));
  // The first save breaks a date, the second mends it.
  std::string editor =
      fake_editor(sandbox, "editor",
                  "if grep -q '2018-02-30' \"$1\"; then sed -i 's/2018-02-30/2018-04-17/' \"$1\";\n"
                  "else sed -i 's/^submitted: .*/submitted: 2018-02-30/' \"$1\"; fi");
  Result r = sandbox.run_on_terminal({"-C", "tuban", "edit", "idea", "antrean-online"}, 80,
                                     {{"EDITOR", editor}}, "e\n");
  CHECK(r.out ==
        "tuban/ideas/antrean-online.yaml:14:12: error: submitted: '2018-02-30' is not a date: "
        "February 2018 has 28 days\n"
        "What now? (e)dit again or (a)bandon the change: "
        "updated tuban/ideas/antrean-online.yaml\n"
        "  submitted: 2018-04-18 → 2018-04-17\n");
  CHECK(r.status == 0);
}

TEST_CASE("edit saved unchanged leaves the file, and without a terminal it refuses") {
  Sandbox sandbox;
  copy_tree(tuban(), sandbox.path("tuban"));
  const auto before = file_contents(sandbox.path("tuban"));
  Result r = sandbox.run_on_terminal({"-C", "tuban", "edit", "unit", "rsud-koesma"}, 80,
                                     {{"VISUAL", "true"}});
  CHECK(r.out == "unchanged tuban/units/rsud-koesma.yaml\n");
  CHECK(r.status == 0);
  r = sandbox.run({"-C", "tuban", "edit", "unit", "rsud-koesma"}, "", {{"VISUAL", "true"}});
  CHECK(r.err ==
        "inovasi: error: edit needs a terminal; to change a record from a script, use 'inovasi "
        "set'\n");
  CHECK(r.status == 2);
  CHECK(file_contents(sandbox.path("tuban")) == before);
}

TEST_CASE(
    "evaluate --as-of counts an idea at the stage of each date, and a drop ends overdue steps") {
  Sandbox sandbox;
  sandbox.make_programme("p");
  auto ok = [&](const std::vector<std::string>& args) {
    std::vector<std::string> all = {"-C", "p"};
    all.insert(all.end(), args.begin(), args.end());
    Result r = sandbox.run(all);
    REQUIRE(r.status == 0);
    return r.out;
  };
  ok({"add-idea", "--id", "sigap", "--title", "SIGAP", "--unit", "bappeda", "--submitted",
      "2018-04-20", "--step", "Sosialisasi", "--due", "2018-06-30", "--step", "Uji coba", "--due",
      "2018-12-31"});
  ok({"stage", "sigap", "uji coba", "--date", "2018-07-02"});
  ok({"stage", "sigap", "penerapan", "--date", "2018-10-01"});
  ok({"stage", "sigap", "dihentikan", "--date", "2019-02-01", "--reason", "Diganti"});
  // Worked by hand from the dates: the stage reached by each day, and the
  // steps due before it and not done (none once the idea is dropped).
  const std::pair<const char*, const char*> days[] = {{"2018-07-01", "initiative,,,,,2,0,1"},
                                                      {"2018-07-02", "trial,,,,,2,0,1"},
                                                      {"2018-10-01", "implemented,,,,,2,0,1"},
                                                      {"2019-01-31", "implemented,,,,,2,0,2"},
                                                      {"2019-02-01", "dropped,,,,,2,0,0"}};
  const char* by_stage[] = {"1,0,0,0", "0,1,0,0", "0,0,1,0", "0,0,1,0", "0,0,0,1"};
  for (std::size_t i = 0; i < std::size(days); ++i) {
    std::string day = days[i].first;
    CAPTURE(day);
    CHECK(ok({"evaluate", "--period", "2018", "--as-of", days[i].first, "--table", "ideas",
              "--format", "csv"}) ==
          "idea,unit,stage,category,kind,priority,indicator,plan_steps,plan_done,plan_overdue\n"
          "sigap,bappeda," +
              std::string(days[i].second) + "\n");
    std::string units = ok({"evaluate", "--period", "2018", "--as-of", days[i].first, "--table",
                            "units", "--format", "csv"});
    CHECK(units.find("\nbappeda,Badan Perencanaan Pembangunan Daerah,1," +
                     std::string(by_stage[i]) + ",") != std::string::npos);
  }
}

TEST_CASE("mv does not rewrite a referring file that has comments, and changes nothing") {
  Sandbox sandbox;
  copy_tree(tuban(), sandbox.path("tuban"));
  sandbox.write("tuban/contracts/rsud-2018.yaml",
                sandbox.read("tuban/contracts/rsud-2018.yaml") + "# ditandatangani di pendopo\n");
  const auto before = file_contents(sandbox.path("tuban"));
  Result r = sandbox.run({"-C", "tuban", "mv", "unit", "rsud-koesma", "rsud-soegiri"});
  CHECK(r.err ==
        "tuban/contracts/rsud-2018.yaml: error: tuban/contracts/rsud-2018.yaml has comments, "
        "which changing it would lose; move them into a field or remove them ('inovasi edit' "
        "or 'inovasi fmt --strip-comments') first\n");
  CHECK(r.status == 1);
  CHECK(file_contents(sandbox.path("tuban")) == before);
}

TEST_CASE("edit mends a record that check refuses, judging the edited text alone") {
  Sandbox sandbox;
  copy_tree(tuban(), sandbox.path("tuban"));
  std::string good = sandbox.read("tuban/units/bappeda.yaml");
  std::string broken = good;
  broken.replace(broken.find("kind: badan"), 11, "kind: kantor");
  sandbox.write("tuban/units/bappeda.yaml", broken);
  std::string editor =
      fake_editor(sandbox, "editor", "sed -i 's/kind: kantor/kind: badan/' \"$1\"");
  Result r =
      sandbox.run_on_terminal({"-C", "tuban", "edit", "unit", "bappeda"}, 80, {{"EDITOR", editor}});
  CHECK(r.out == "updated tuban/units/bappeda.yaml\n");
  CHECK(r.status == 0);
  CHECK(sandbox.read("tuban/units/bappeda.yaml") == good);
}

TEST_CASE("mv of an idea renames it in the contracts and regulations that list it") {
  Sandbox sandbox;
  copy_tree(tuban(), sandbox.path("tuban"));
  Result r = sandbox.run({"-C", "tuban", "mv", "idea", "antrean-online", "antrean-rsud"});
  CHECK(r.out ==
        "renamed tuban/ideas/antrean-online.yaml → tuban/ideas/antrean-rsud.yaml\n"
        "updated tuban/contracts/rsud-2018.yaml\n"
        "  ideas: [antrean-online] → [antrean-rsud]\n"
        "updated tuban/regulations/perbup-27-2018.yaml\n"
        "  ideas: - antrean-online, + antrean-rsud\n"
        "updated tuban/regulations/perbup-45-2018.yaml\n"
        "  ideas: - antrean-online, + antrean-rsud\n");
  CHECK(r.status == 0);
  CHECK(sandbox.read("tuban/regulations/perbup-45-2018.yaml") ==
        "id: perbup-45-2018\n"
        "number: Perbup No. 45 Tahun 2018\n"
        "date: 2018-12-20\n"
        "amends: perbup-27-2018\n"
        "ideas: [antrean-rsud, paten-keliling, bedah-rumah-gotong-royong, lapor-jalan-rusak, "
        "akta-lahir-rumah-sakit]\n");
  Result check = sandbox.run({"-C", "tuban", "check"});
  CHECK(check.err == "");
  CHECK(check.status == 0);
}
