// The one codec: records to canonical YAML and back, decoding errors with
// positions, and the CSV layout of each record type.
#include <doctest/doctest.h>

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "inovasi/store/codec.h"
#include "inovasi/store/csv_codec.h"
#include "inovasi/store/store.h"

using namespace inovasi;
using Strings = std::vector<std::string>;

namespace {

// A list of lines that prints itself when a check fails.
struct Lines {
  Strings items;
  bool operator==(const Strings& other) const { return items == other; }
};
[[maybe_unused]] std::ostream& operator<<(std::ostream& out, const Lines& lines) {
  out << "{";
  for (const auto& line : lines.items) out << "\n  " << line;
  return out << "}";
}

Date day(const char* text) {
  auto d = Date::parse(text);
  REQUIRE(d.has_value());
  return *d;
}

Unit sample_unit() {
  Unit u;
  u.id = "rsud-koesma";
  u.name = "RSUD dr. R. Koesma";
  u.kind = UnitKind::kHospital;
  u.head = Person{"Kepala RSUD", "197001012000031001", "Direktur"};
  u.commitment_signed = day("2018-04-20");
  return u;
}

const char* const kUnitYaml =
    "id: rsud-koesma\n"
    "name: RSUD dr. R. Koesma\n"
    "kind: hospital\n"
    "head:\n"
    "  name: Kepala RSUD\n"
    "  nip: '197001012000031001'\n"
    "  position: Direktur\n"
    "commitment_signed: 2018-04-20\n";

Idea sample_idea() {
  Idea i;
  i.id = "antrean-online";
  i.title = "Antrean Online";
  i.unit = "rsud-koesma";
  i.proposer = Proposer{"Budi Santoso", "198503302010011002", "Kepala Seksi", Echelon::kIVa};
  i.initiator = Initiator::kUnit;
  i.category = Category::kPublicService;
  i.kind = IdeaKind::kDigital;
  i.stage = Stage::kTrial;
  i.priority = "misi-2";
  i.indicator = "ikm";
  i.submitted = day("2018-04-20");
  i.trial_date = day("2018-09-01");
  i.budget = 150000000;
  i.problem = "Antrean panjang\ndi loket pendaftaran.\n";
  i.description = "Pendaftaran lewat aplikasi.";
  i.goal = "no";
  i.benefit = "Pasien: menunggu di rumah";
  i.plan = {PlanStep{"Sosialisasi", day("2018-06-30"), std::nullopt},
            PlanStep{"Uji coba loket; tahap 1", day("2018-09-30"), day("2018-10-02")}};
  i.tags = {"antrean", "no", "2018-04-03"};
  return i;
}

const char* const kIdeaYaml =
    "id: antrean-online\n"
    "title: Antrean Online\n"
    "unit: rsud-koesma\n"
    "proposer:\n"
    "  name: Budi Santoso\n"
    "  nip: '198503302010011002'\n"
    "  position: Kepala Seksi\n"
    "  echelon: IV.a\n"
    "initiator: unit\n"
    "category: public-service\n"
    "kind: digital\n"
    "stage: trial\n"
    "priority: misi-2\n"
    "indicator: ikm\n"
    "submitted: 2018-04-20\n"
    "trial_date: 2018-09-01\n"
    "budget: 150000000\n"
    "problem: |\n"
    "  Antrean panjang\n"
    "  di loket pendaftaran.\n"
    "description: Pendaftaran lewat aplikasi.\n"
    "goal: 'no'\n"
    "benefit: 'Pasien: menunggu di rumah'\n"
    "plan:\n"
    "  - step: Sosialisasi\n"
    "    due: 2018-06-30\n"
    "  - step: Uji coba loket; tahap 1\n"
    "    due: 2018-09-30\n"
    "    done: 2018-10-02\n"
    "tags: [antrean, 'no', '2018-04-03']\n";

Programme sample_programme() {
  Programme p = Programme::with_defaults("Inovasi Daerah Kabupaten Tuban 2018", "Kabupaten Tuban",
                                         Language::kId);
  p.partner = "Lembaga Administrasi Negara";
  p.mou_date = day("2018-04-03");
  p.priorities = {Priority{"misi-2", "Meningkatkan kualitas pelayanan publik"}};
  p.indicators = {Indicator{"ikm", "Indeks Kepuasan Masyarakat", "misi-2", "indeks"}};
  return p;
}

const char* const kProgrammeYaml =
    "name: Inovasi Daerah Kabupaten Tuban 2018\n"
    "region: Kabupaten Tuban\n"
    "partner: Lembaga Administrasi Negara\n"
    "mou_date: 2018-04-03\n"
    "language: id\n"
    "reporting:\n"
    "  every_months: 3\n"
    "  grace_days: 10\n"
    "evaluation:\n"
    "  every_months: 6\n"
    "scale:\n"
    "  cap: 120\n"
    "  bands:\n"
    "    - {min: 91, label: {id: Sangat Tinggi, en: Very high}}\n"
    "    - {min: 76, label: {id: Tinggi, en: High}}\n"
    "    - {min: 66, label: {id: Sedang, en: Medium}}\n"
    "    - {min: 51, label: {id: Rendah, en: Low}}\n"
    "    - {min: 0, label: {id: Sangat Rendah, en: Very low}}\n"
    "priorities:\n"
    "  - {id: misi-2, title: Meningkatkan kualitas pelayanan publik}\n"
    "indicators:\n"
    "  - {id: ikm, name: Indeks Kepuasan Masyarakat, priority: misi-2, unit: indeks}\n";

struct Decoded {
  Strings findings;
  Origin origin;
};

// Parses and decodes text as a record of type R; findings formatted as printed.
template <class R>
R decode(std::string_view text, Decoded& out) {
  Findings findings;
  yaml::Node root = yaml::parse(text, "r.yaml", findings);
  R record{};
  if (root.kind == yaml::Kind::kMap)
    record = decode_record<R>(root, "r.yaml", findings, out.origin);
  findings.sort();
  for (const auto& f : findings.items()) out.findings.push_back(format(f));
  return record;
}

template <class R>
R decode_ok(std::string_view text) {
  Decoded d;
  R record = decode<R>(text, d);
  CHECK(Lines{d.findings} == Strings{});
  return record;
}

template <class R>
Lines decode_errors(std::string_view text) {
  Decoded d;
  decode<R>(text, d);
  return Lines{d.findings};
}

std::string opt(const std::optional<Date>& d) {
  return d ? d->str() : "-";
}

}  // namespace

TEST_CASE("codec Unit round trip") {
  Unit unit = sample_unit();
  std::string text = encode_record(unit);
  CHECK(text == kUnitYaml);
  Unit back = decode_ok<Unit>(text);
  CHECK(back.id == unit.id);
  CHECK(back.name == unit.name);
  CHECK(back.kind == unit.kind);
  REQUIRE(back.head.has_value());
  CHECK(back.head->name == "Kepala RSUD");
  CHECK(back.head->nip == "197001012000031001");
  CHECK(back.head->position == "Direktur");
  CHECK(opt(back.commitment_signed) == "2018-04-20");
  CHECK(encode_record(back) == text);

  SUBCASE("optional fields are left out when empty") {
    Unit minimal;
    minimal.id = "bappeda";
    minimal.name = "Bappeda";
    minimal.kind = UnitKind::kBadan;
    CHECK(encode_record(minimal) == "id: bappeda\nname: Bappeda\nkind: badan\n");
    CHECK(encode_record(decode_ok<Unit>(encode_record(minimal))) == encode_record(minimal));
  }
}

TEST_CASE("codec Idea round trip") {
  Idea idea = sample_idea();
  std::string text = encode_record(idea);
  CHECK(text == kIdeaYaml);
  Idea back = decode_ok<Idea>(text);
  CHECK(back.id == idea.id);
  CHECK(back.title == idea.title);
  CHECK(back.unit == idea.unit);
  REQUIRE(back.proposer.has_value());
  CHECK(back.proposer->name == "Budi Santoso");
  CHECK(back.proposer->nip == "198503302010011002");
  CHECK(back.proposer->position == "Kepala Seksi");
  CHECK(back.proposer->echelon == Echelon::kIVa);
  CHECK(back.initiator == Initiator::kUnit);
  CHECK(back.category == Category::kPublicService);
  CHECK(back.kind == IdeaKind::kDigital);
  CHECK(back.stage == Stage::kTrial);
  CHECK(back.priority == "misi-2");
  CHECK(back.indicator == "ikm");
  CHECK(opt(back.submitted) == "2018-04-20");
  CHECK(opt(back.trial_date) == "2018-09-01");
  CHECK(opt(back.implemented_date) == "-");
  CHECK(back.budget == 150000000);
  CHECK(back.problem == idea.problem);
  CHECK(back.description == idea.description);
  CHECK(back.goal == "no");
  CHECK(back.benefit == idea.benefit);
  REQUIRE(back.plan.size() == 2);
  CHECK(back.plan[1].step == "Uji coba loket; tahap 1");
  CHECK(opt(back.plan[0].due) == "2018-06-30");
  CHECK(opt(back.plan[0].done) == "-");
  CHECK(opt(back.plan[1].done) == "2018-10-02");
  CHECK(back.tags == idea.tags);
  CHECK(encode_record(back) == text);

  SUBCASE("a new idea is written with its default stage") {
    Idea minimal;
    minimal.id = "x";
    minimal.title = "X";
    minimal.unit = "bappeda";
    CHECK(encode_record(minimal) == "id: x\ntitle: X\nunit: bappeda\nstage: initiative\n");
  }
  SUBCASE("look-alike strings in every string field come back as strings") {
    Idea odd;
    odd.id = "odd";
    odd.title = "2018-04-03";
    odd.unit = "0123";
    odd.proposer = Proposer{"~", "012345678901234567", "yes", std::nullopt};
    odd.priority = "1e3";
    odd.indicator = "on";
    odd.problem = "null";
    odd.description = "12:30";
    odd.goal = "- x";
    odd.benefit = "line one\n# not a comment\n";
    odd.plan = {PlanStep{"true", std::nullopt, std::nullopt}};
    odd.tags = {"off", "0x1F", ".inf", "=1+2", "a, b"};
    std::string odd_text = encode_record(odd);
    Idea odd_back = decode_ok<Idea>(odd_text);
    CHECK(odd_back.title == "2018-04-03");
    CHECK(odd_back.unit == "0123");
    CHECK(odd_back.proposer->name == "~");
    CHECK(odd_back.proposer->nip == "012345678901234567");
    CHECK(odd_back.proposer->position == "yes");
    CHECK(odd_back.priority == "1e3");
    CHECK(odd_back.indicator == "on");
    CHECK(odd_back.problem == "null");
    CHECK(odd_back.description == "12:30");
    CHECK(odd_back.goal == "- x");
    CHECK(odd_back.benefit == "line one\n# not a comment\n");
    CHECK(odd_back.plan[0].step == "true");
    CHECK(odd_back.tags == odd.tags);
    CHECK(encode_record(odd_back) == odd_text);
  }
}

TEST_CASE("codec Programme round trip") {
  Programme programme = sample_programme();
  std::string text = encode_record(programme);
  CHECK(text == kProgrammeYaml);
  Programme back = decode_ok<Programme>(text);
  CHECK(back.name == programme.name);
  CHECK(back.region == programme.region);
  CHECK(back.partner == "Lembaga Administrasi Negara");
  CHECK(opt(back.mou_date) == "2018-04-03");
  CHECK(back.report_language() == Language::kId);
  CHECK(back.reporting_every_months() == 3);
  CHECK(back.grace_days() == 10);
  CHECK(back.evaluation_every_months() == 6);
  CHECK(back.score_cap() == 120.0);
  REQUIRE(back.bands().size() == 5);
  CHECK(back.bands()[1].min == 76.0);
  CHECK(back.bands()[1].label.id == "Tinggi");
  CHECK(back.bands()[4].label.en == "Very low");
  REQUIRE(back.priorities.size() == 1);
  CHECK(back.priorities[0].title == "Meningkatkan kualitas pelayanan publik");
  REQUIRE(back.indicators.size() == 1);
  CHECK(back.indicators[0].unit == "indeks");
  CHECK(encode_record(back) == text);

  SUBCASE("a minimal file takes every default") {
    Programme minimal = decode_ok<Programme>("name: X\nregion: Kota Batu\n");
    CHECK(minimal.report_language() == Language::kId);
    CHECK(minimal.reporting_every_months() == 3);
    CHECK(minimal.grace_days() == 10);
    CHECK(minimal.evaluation_every_months() == 6);
    CHECK(minimal.score_cap() == 120.0);
    CHECK(minimal.bands().size() == 5);
    CHECK(minimal.bands()[0].min == 91.0);
    CHECK(encode_record(minimal) == "name: X\nregion: Kota Batu\n");
  }
}

TEST_CASE("codec Programme editor_schema: a boolean, in its place among the settings") {
  Programme p = decode_ok<Programme>("name: X\nregion: Kota Batu\neditor_schema: true\n");
  REQUIRE(p.editor_schema.has_value());
  CHECK(p.schema_hints());
  CHECK(encode_record(p) == "name: X\nregion: Kota Batu\neditor_schema: true\n");
  p.language = Language::kEn;
  p.reporting = Reporting{3, 10};
  CHECK(encode_record(p) ==
        "name: X\nregion: Kota Batu\nlanguage: en\neditor_schema: true\nreporting:\n"
        "  every_months: 3\n  grace_days: 10\n");
  CHECK_FALSE(decode_ok<Programme>("name: X\nregion: Y\neditor_schema: false\n").schema_hints());
  CHECK_FALSE(decode_ok<Programme>("name: X\nregion: Y\n").schema_hints());
  CHECK(decode_errors<Programme>("name: X\nregion: Y\neditor_schema: yes\n") ==
        Strings{"r.yaml:3:16: error: editor_schema: 'yes' is not true or false"});
  CHECK(decode_errors<Programme>("name: X\nregion: Y\neditor_schema: [true]\n") ==
        Strings{"r.yaml:3:16: error: 'editor_schema' must be a single value, not a list"});
}

TEST_CASE("codec a record file's canonical text with the schema hint") {
  Unit unit = sample_unit();
  CHECK(schema_hint("unit") == "# yaml-language-server: $schema=" INOVASI_SCHEMA_DIR
                               "/unit.schema.json\n");
  CHECK(canonical_text(unit, RecordStyle{}) == encode_record(unit));
  CHECK(canonical_text(unit, RecordStyle{true}) == schema_hint("unit") + encode_record(unit));
  Programme p = decode_ok<Programme>("name: X\nregion: Y\neditor_schema: true\n");
  CHECK(canonical_text(p, RecordStyle::of(p)) ==
        schema_hint("programme") + "name: X\nregion: 'Y'\neditor_schema: true\n");
  CHECK(style_of_file(schema_hint("idea") + "id: x\n").schema_hint);
  CHECK_FALSE(style_of_file("id: x\n").schema_hint);
  CHECK_FALSE(style_of_file("# a comment\nid: x\n").schema_hint);
}

TEST_CASE("codec reads hand-written forms into the same record") {
  // Flow style, quoted numbers, Indonesian tokens, a folded block: all read.
  Idea idea = decode_ok<Idea>(
      "id: antrean-online\n"
      "title: \"Antrean Online\"\n"
      "unit: rsud-koesma\n"
      "proposer: {name: Budi Santoso, nip: '198503302010011002', position: Kepala Seksi, "
      "echelon: iva}\n"
      "initiator: perangkat daerah\n"
      "category: pelayanan publik\n"
      "kind: Digital\n"
      "stage: uji coba\n"
      "priority: misi-2\n"
      "indicator: ikm\n"
      "submitted: 2018-04-20\n"
      "trial_date: '2018-09-01'\n"
      "budget: 150000000\n"
      "problem: \"Antrean panjang\\ndi loket pendaftaran.\\n\"\n"
      "description: >-\n"
      "  Pendaftaran lewat\n"
      "  aplikasi.\n"
      "goal: 'no'\n"
      "benefit: 'Pasien: menunggu di rumah'\n"
      "plan: [{step: Sosialisasi, due: 2018-06-30},\n"
      "       {step: 'Uji coba loket; tahap 1', due: 2018-09-30, done: 2018-10-02}]\n"
      "tags:\n"
      "  - antrean\n"
      "  - 'no'\n"
      "  - '2018-04-03'\n");
  CHECK(idea.description == "Pendaftaran lewat aplikasi.");
  CHECK(encode_record(idea) == kIdeaYaml);
}

TEST_CASE("codec decoding errors name the field and its place") {
  SUBCASE("unknown fields, with did-you-mean") {
    CHECK(decode_errors<Idea>("id: x\ntitle: X\nunit: u\nsubmited: 2018-01-01\n") ==
          Strings{"r.yaml:4:1: error: unknown field 'submited' (did you mean 'submitted'?)"});
    CHECK(decode_errors<Idea>("id: x\ntitle: X\nunit: u\nanggaran: 5\n") ==
          Strings{"r.yaml:4:1: error: unknown field 'anggaran'"});
    CHECK(decode_errors<Idea>("id: x\ntitle: X\nunit: u\nproposer:\n  nam: Budi\n") ==
          Strings{"r.yaml:5:3: error: unknown field 'proposer.nam' (did you mean 'name'?)"});
    CHECK(decode_errors<Idea>(
              "id: x\ntitle: X\nunit: u\nplan:\n  - step: a\n    dua: 2018-01-01\n") ==
          Strings{"r.yaml:6:5: error: unknown field 'plan[0].dua' (did you mean 'due'?)"});
  }
  SUBCASE("wrong types") {
    CHECK(decode_errors<Idea>("id: x\ntitle: X\nunit: u\ndescription: [a]\n") ==
          Strings{"r.yaml:4:14: error: 'description' must be a single value, not a list"});
    CHECK(decode_errors<Idea>("id: x\ntitle: X\nunit: u\nproposer: Budi\n") ==
          Strings{"r.yaml:4:11: error: 'proposer' must be a mapping, not a single value"});
    CHECK(decode_errors<Idea>("id: x\ntitle: X\nunit: u\ntags: a\n") ==
          Strings{"r.yaml:4:7: error: 'tags' must be a list, not a single value"});
    CHECK(decode_errors<Idea>("id: x\ntitle: X\nunit: u\ntags: [[a]]\n") ==
          Strings{"r.yaml:4:8: error: 'tags[0]' must be a single value, not a list"});
    CHECK(decode_errors<Idea>("id: x\ntitle: X\nunit: u\nplan:\n  - Sosialisasi\n") ==
          Strings{"r.yaml:5:5: error: 'plan[0]' must be a mapping, not a single value"});
  }
  SUBCASE("numbers") {
    CHECK(decode_errors<Idea>("id: x\ntitle: X\nunit: u\nbudget: 1e3\n") ==
          Strings{"r.yaml:4:9: error: budget: '1e3' is not a whole number"});
    CHECK(decode_errors<Idea>("id: x\ntitle: X\nunit: u\nbudget: 0123\n") ==
          Strings{"r.yaml:4:9: error: budget: '0123' is not a whole number: leading zeros are "
                  "ambiguous (octal in YAML 1.1)"});
    CHECK(decode_errors<Idea>("id: x\ntitle: X\nunit: u\nbudget: 1.500.000\n") ==
          Strings{"r.yaml:4:9: error: budget: '1.500.000' is not a whole number"});
    CHECK(decode_errors<Programme>("name: X\nregion: Y\nscale:\n  cap: .5\n") ==
          Strings{"r.yaml:4:8: error: scale.cap: '.5' is not a number"});
  }
  SUBCASE("missing or empty required fields") {
    CHECK(decode_errors<Idea>("title: X\n") ==
          Strings{"r.yaml:1:1: error: missing required field 'id'",
                  "r.yaml:1:1: error: missing required field 'unit'"});
    CHECK(decode_errors<Idea>("id:\ntitle: X\nunit: u\n") ==
          Strings{"r.yaml:1:1: error: missing required field 'id'"});
    CHECK(decode_errors<Idea>("id: ''\ntitle: X\nunit: u\n") ==
          Strings{"r.yaml:1:5: error: 'id' must not be empty"});
    CHECK(decode_errors<Idea>("id: x\ntitle: X\nunit: u\nplan:\n  - due: 2018-01-01\n") ==
          Strings{"r.yaml:5:5: error: missing required field 'plan[0].step'"});
    CHECK(decode_errors<Programme>("name: X\n") ==
          Strings{"r.yaml:1:1: error: missing required field 'region'"});
  }
  SUBCASE("bad enumerations") {
    CHECK(decode_errors<Idea>("id: x\ntitle: X\nunit: u\nstage: selesai\n") ==
          Strings{"r.yaml:4:8: error: stage: 'selesai' is not a stage (expected initiative, "
                  "trial, implemented or dropped)"});
    CHECK(decode_errors<Idea>("id: x\ntitle: X\nunit: u\nkind: analog\n") ==
          Strings{"r.yaml:4:7: error: kind: 'analog' is not a kind (expected digital or "
                  "non-digital)"});
  }
  SUBCASE("bad dates") {
    CHECK(decode_errors<Idea>("id: x\ntitle: X\nunit: u\nsubmitted: 2018-02-30\n") ==
          Strings{"r.yaml:4:12: error: submitted: '2018-02-30' is not a date: February 2018 "
                  "has 28 days"});
    CHECK(decode_errors<Idea>(
              "id: x\ntitle: X\nunit: u\nplan:\n  - step: a\n    due: 2018-13-01\n") ==
          Strings{"r.yaml:6:10: error: plan[0].due: '2018-13-01' is not a date: there is no "
                  "month 13"});
    CHECK(decode_errors<Unit>("id: x\nname: X\nkind: dinas\ncommitment_signed: 20-04-2018\n") ==
          Strings{"r.yaml:4:20: error: commitment_signed: '20-04-2018' is not a date (write "
                  "YYYY-MM-DD)"});
  }
  SUBCASE("every problem at once, in file order") {
    CHECK(decode_errors<Idea>("id: x\n"
                              "title: X\n"
                              "stage: done\n"
                              "submited: 2018-01-01\n"
                              "budget: 1e3\n"
                              "proposer: Budi\n"
                              "plan:\n"
                              "  - step: A\n"
                              "    due: 2018-02-30\n") ==
          Strings{
              "r.yaml:1:1: error: missing required field 'unit'",
              "r.yaml:3:8: error: stage: 'done' is not a stage (expected initiative, trial, "
              "implemented or dropped)",
              "r.yaml:4:1: error: unknown field 'submited' (did you mean 'submitted'?)",
              "r.yaml:5:9: error: budget: '1e3' is not a whole number",
              "r.yaml:6:11: error: 'proposer' must be a mapping, not a single value",
              "r.yaml:9:10: error: plan[0].due: '2018-02-30' is not a date: February 2018 has 28 "
              "days",
          });
  }
}

TEST_CASE("codec a wrong type on a required field is reported once") {
  CHECK(decode_errors<Idea>("id: x\ntitle: [a, b]\nunit: u\n") ==
        Strings{"r.yaml:2:8: error: 'title' must be a single value, not a list"});
  CHECK(decode_errors<Idea>("id: x\ntitle: X\nunit: {a: 1}\n") ==
        Strings{"r.yaml:3:7: error: 'unit' must be a single value, not a mapping"});
}

TEST_CASE("codec records where each field was read") {
  Decoded d;
  decode<Idea>(kIdeaYaml, d);
  CHECK(Lines{d.findings} == Strings{});
  CHECK(d.origin.path == "r.yaml");
  auto at = [&](const char* field) {
    Mark m = d.origin.at(field);
    return std::to_string(m.line) + ":" + std::to_string(m.column);
  };
  CHECK(at("id") == "1:5");
  CHECK(at("proposer.nip") == "6:8");
  CHECK(at("stage") == "12:8");
  CHECK(at("plan[1]") == "27:5");
  CHECK(at("plan[1].done") == "29:11");
  CHECK(at("tags[2]") == "30:23");
  CHECK(at("implemented_date") == "1:1");  // absent: the record itself
}

TEST_CASE("codec CSV columns") {
  CHECK(csv_columns<Idea>() == Strings{"id",
                                       "title",
                                       "unit",
                                       "proposer_name",
                                       "proposer_nip",
                                       "proposer_position",
                                       "proposer_echelon",
                                       "initiator",
                                       "category",
                                       "kind",
                                       "stage",
                                       "priority",
                                       "indicator",
                                       "submitted",
                                       "trial_date",
                                       "implemented_date",
                                       "dropped_date",
                                       "drop_reason",
                                       "budget",
                                       "problem",
                                       "description",
                                       "goal",
                                       "benefit",
                                       "plan",
                                       "tags"});
  CHECK(csv_columns<Unit>() == Strings{"id", "name", "kind", "head_name", "head_nip",
                                       "head_position", "commitment_signed"});
}

namespace {

// A CSV row as the importer builds it: column -> cell, all on line 2.
std::map<std::string, CsvCell> row_of(const Strings& columns, const Strings& cells) {
  std::map<std::string, CsvCell> row;
  int column = 1;
  for (std::size_t i = 0; i < columns.size() && i < cells.size(); ++i) {
    row[columns[i]] = CsvCell{cells[i], Mark{2, column}};
    column += static_cast<int>(cells[i].size()) + 1;
  }
  return row;
}

template <class R>
R decode_row(const std::map<std::string, CsvCell>& row, Strings& errors,
             bool command_line = false) {
  Findings findings;
  Origin origin;
  R record = decode_csv_row<R>(row, "in.csv", Mark{2, 1}, findings, origin, command_line);
  for (const auto& f : findings.items()) errors.push_back(format(f));
  return record;
}

}  // namespace

TEST_CASE("codec CSV rows") {
  SUBCASE("an idea encodes to its cells") {
    CHECK(encode_csv_row(sample_idea()) ==
          Strings{"antrean-online",
                  "Antrean Online",
                  "rsud-koesma",
                  "Budi Santoso",
                  "198503302010011002",
                  "Kepala Seksi",
                  "IV.a",
                  "unit",
                  "public-service",
                  "digital",
                  "trial",
                  "misi-2",
                  "ikm",
                  "2018-04-20",
                  "2018-09-01",
                  "",
                  "",
                  "",
                  "150000000",
                  "Antrean panjang\ndi loket pendaftaran.\n",
                  "Pendaftaran lewat aplikasi.",
                  "no",
                  "Pasien: menunggu di rumah",
                  "Sosialisasi @ 2018-06-30;Uji coba loket\\; tahap 1 @ 2018-09-30 / 2018-10-02",
                  "antrean;no;2018-04-03"});
    CHECK(encode_csv_row(sample_unit()) == Strings{"rsud-koesma", "RSUD dr. R. Koesma", "hospital",
                                                   "Kepala RSUD", "197001012000031001", "Direktur",
                                                   "2018-04-20"});
  }
  SUBCASE("encode then decode gives the same record") {
    Strings errors;
    Idea idea =
        decode_row<Idea>(row_of(csv_columns<Idea>(), encode_csv_row(sample_idea())), errors);
    CHECK(Lines{errors} == Strings{});
    CHECK(encode_record(idea) == kIdeaYaml);
    Unit unit =
        decode_row<Unit>(row_of(csv_columns<Unit>(), encode_csv_row(sample_unit())), errors);
    CHECK(Lines{errors} == Strings{});
    CHECK(encode_record(unit) == kUnitYaml);
  }
  SUBCASE("Indonesian tokens and spaces around cells") {
    Strings errors;
    Idea idea = decode_row<Idea>(
        row_of({"title", "unit", "stage", "category", "kind", "proposer_echelon", "plan", "tags",
                "id"},
               {" Antrean Online ", "rsud-koesma", "uji coba", "pelayanan publik", "non digital",
                "iva", "A @ 2018-06-30; B", "x;y\\;z", "antrean-online"}),
        errors);
    CHECK(Lines{errors} == Strings{});
    CHECK(idea.title == "Antrean Online");
    CHECK(idea.stage == Stage::kTrial);
    CHECK(idea.category == Category::kPublicService);
    CHECK(idea.kind == IdeaKind::kNonDigital);
    REQUIRE(idea.proposer.has_value());
    CHECK(idea.proposer->echelon == Echelon::kIVa);
    CHECK(idea.proposer->name == "");
    REQUIRE(idea.plan.size() == 2);
    CHECK(opt(idea.plan[0].due) == "2018-06-30");
    CHECK(idea.plan[1].step == "B");
    CHECK(idea.tags == Strings{"x", "y;z"});
    CHECK(idea.id == "antrean-online");
  }
  SUBCASE("empty nested columns leave the structure out") {
    Strings errors;
    Unit unit = decode_row<Unit>(
        row_of(csv_columns<Unit>(), {"bappeda", "Bappeda", "badan", "", " ", "", ""}), errors);
    CHECK(Lines{errors} == Strings{});
    CHECK_FALSE(unit.head.has_value());
    CHECK(encode_record(unit) == "id: bappeda\nname: Bappeda\nkind: badan\n");
  }
  SUBCASE("errors name the column and the cell's place") {
    Strings errors;
    decode_row<Idea>(row_of({"id", "unit", "stage", "budget", "submitted", "plan", "title"},
                            {"x", "u", "selesai", "12.5", "2018-02-30", "A @ 2018-9-30", "X"}),
                     errors);
    // In field order: stage, submitted, budget, plan.
    CHECK(Lines{errors} ==
          Strings{"in.csv:2:5: error: column 'stage': 'selesai' is not a stage (expected "
                  "initiative, trial, implemented or dropped)",
                  "in.csv:2:18: error: column 'submitted': '2018-02-30' is not a date: February "
                  "2018 has 28 days",
                  "in.csv:2:13: error: column 'budget': '12.5' is not a whole number",
                  "in.csv:2:29: error: column 'plan': step 'A': due '2018-9-30' is not a date "
                  "(write YYYY-MM-DD)"});
  }
  SUBCASE("missing required columns") {
    Strings errors;
    decode_row<Idea>(row_of({"title", "unit"}, {"X", "  "}), errors);
    CHECK(Lines{errors} == Strings{"in.csv:2:1: error: column 'id' is required",
                                   "in.csv:2:3: error: column 'unit' is required"});
  }
  SUBCASE("from the command line the options are named") {
    Strings errors;
    decode_row<Idea>(row_of({"id", "title", "unit", "trial_date"}, {"x", "X", "u", "2018-9-1"}),
                     errors, true);
    CHECK(Lines{errors} ==
          Strings{"in.csv:2:7: error: --trial-date: '2018-9-1' is not a date (write YYYY-MM-DD)"});
    errors.clear();
    decode_row<Idea>(row_of({"title"}, {"X"}), errors, true);
    CHECK(Lines{errors} ==
          Strings{"in.csv:2:1: error: --id is required", "in.csv:2:1: error: --unit is required"});
  }
}

TEST_CASE("codec CSV rows over an existing record keep what the row does not name") {
  Idea existing = sample_idea();
  auto over = [&](const Strings& columns, const Strings& cells, Strings& errors) {
    Findings findings;
    Origin origin;
    Idea record = decode_csv_row<Idea>(row_of(columns, cells), "in.csv", Mark{2, 1}, findings,
                                       origin, false, &existing);
    for (const auto& f : findings.items()) errors.push_back(format(f));
    return record;
  };
  Strings errors;
  SUBCASE("a column absent keeps its field; one given changes it") {
    Idea after = over({"id", "stage", "implemented_date"},
                      {"antrean-online", "penerapan", "2019-01-15"}, errors);
    CHECK(errors == Strings{});
    Idea expected = existing;
    expected.stage = Stage::kImplemented;
    expected.implemented_date = day("2019-01-15");
    CHECK(encode_record(after) == encode_record(expected));
  }
  SUBCASE("an empty cell clears its field; a list given replaces the list") {
    Idea after = over({"id", "budget", "tags"}, {"antrean-online", "", "baru"}, errors);
    CHECK(errors == Strings{});
    Idea expected = existing;
    expected.budget.reset();
    expected.tags = {"baru"};
    CHECK(encode_record(after) == encode_record(expected));
  }
  SUBCASE("one nested column changes that part only; clearing every part drops the whole") {
    Idea after = over({"proposer_nip"}, {""}, errors);
    Idea expected = existing;
    expected.proposer->nip.clear();
    CHECK(encode_record(after) == encode_record(expected));
    after = over({"proposer_name", "proposer_nip", "proposer_position", "proposer_echelon"},
                 {"", "", " ", ""}, errors);
    expected.proposer.reset();
    CHECK(encode_record(after) == encode_record(expected));
    CHECK(errors == Strings{});
  }
  SUBCASE("a required field cannot be cleared") {
    Idea after = over({"title"}, {""}, errors);
    CHECK(errors == Strings{"in.csv:2:1: error: column 'title' is required"});
    CHECK(after.title == existing.title);
  }
  SUBCASE("a bad cell keeps the field as it was, with the error said") {
    Idea after = over({"budget"}, {"banyak"}, errors);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].starts_with("in.csv:2:1: error: column 'budget': "));
    CHECK(after.budget == existing.budget);
  }
}
