// The label catalogue of generated reports: the built-in data/labels.yaml in
// both languages, and the dates, periods and filled-in labels it gives.
#include <doctest/doctest.h>

#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "builders.h"
#include "inovasi/render/labels.h"
#include "inovasi/store/yaml_doc.h"

using namespace inovasi;
using namespace test;

namespace {

const Labels& id() {
  return Labels::get(Language::kId);
}

const Labels& en() {
  return Labels::get(Language::kEn);
}

}  // namespace

TEST_CASE("labels the built-in catalogue has an id and an en text for every key") {
  Findings findings;
  yaml::Node root = yaml::parse(label_catalogue(), "data/labels.yaml", findings);
  REQUIRE(findings.empty());
  REQUIRE(root.kind == yaml::Kind::kMap);
  REQUIRE_FALSE(root.entries.empty());

  std::set<std::string> keys;
  for (const yaml::Entry& entry : root.entries) {
    CAPTURE(entry.key);
    keys.insert(entry.key);
    REQUIRE(entry.value.kind == yaml::Kind::kMap);
    CHECK(entry.value.entries.size() == 2);
    const yaml::Entry* id_text = entry.value.find("id");
    const yaml::Entry* en_text = entry.value.find("en");
    REQUIRE(id_text);
    REQUIRE(en_text);
    CHECK(id_text->value.kind == yaml::Kind::kScalar);
    CHECK(en_text->value.kind == yaml::Kind::kScalar);
    CHECK_FALSE(id_text->value.value.empty());
    CHECK_FALSE(en_text->value.value.empty());
    CHECK(id()[entry.key] == id_text->value.value);
    CHECK(en()[entry.key] == en_text->value.value);
  }
  CHECK(keys.size() == root.entries.size());
  CHECK(id().size() == keys.size());
  CHECK(en().size() == keys.size());
  CHECK(id().language() == Language::kId);
  CHECK(en().language() == Language::kEn);
}

TEST_CASE("labels the built-in catalogue has the keys the reports use") {
  for (const char* key : {"title", "none", "of", "of-percent", "chart-empty", "chart-title",
                          "contracts-in-band", "note-due", "period-year"}) {
    CAPTURE(std::string(key));
    CHECK_FALSE(id()[key].empty());
    CHECK_FALSE(en()[key].empty());
  }
  CHECK(id()["title"] == "Evaluasi Program Inovasi Daerah");
  CHECK(en()["title"] == "Innovation Programme Evaluation");
  CHECK(id()["chart-empty"] == "Belum ada nilai pada periode ini.");
  CHECK(en()["chart-empty"] == "No scores in this period.");
}

TEST_CASE("labels a catalogue lacking a language for a key throws invalid_argument naming it") {
  const std::string both = "title: {id: Judul, en: Title}\n";
  for (Language language : {Language::kId, Language::kEn}) {
    CAPTURE(token(language));
    for (const char* region :
         {"region: {id: Wilayah}\n", "region: {en: Region}\n", "region: {id: Wilayah, en: ''}\n",
          "region: Wilayah\n", "region: {id: [Wilayah], en: Region}\n"}) {
      CAPTURE(std::string(region));
      CHECK_THROWS_WITH_AS(Labels(both + region, language),
                           "data/labels.yaml: label 'region' needs both an 'id' and an 'en' text",
                           std::invalid_argument);
    }
  }
  CHECK_THROWS_AS(Labels("title: {id: Judul, en: [\n", Language::kId), std::invalid_argument);

  Labels small(both + "region: {id: Wilayah, en: Region}\n", Language::kEn);
  CHECK(small.size() == 2);
  CHECK(small["region"] == "Region");
  CHECK(Labels(both, Language::kId)["title"] == "Judul");
}

TEST_CASE("labels an unknown key throws out_of_range naming it") {
  CHECK_THROWS_WITH_AS(en()["no-such-label"], "data/labels.yaml has no label 'no-such-label'",
                       std::out_of_range);
  CHECK_THROWS_WITH_AS(id()["Title"], "data/labels.yaml has no label 'Title'", std::out_of_range);
  CHECK_THROWS_AS(id().format("no-such-label", fmt::arg("count", 1)), std::out_of_range);
}

TEST_CASE("labels dates in words") {
  CHECK(id().date(ymd(2019, 2, 15)) == "15 Februari 2019");
  CHECK(en().date(ymd(2019, 2, 15)) == "15 February 2019");
  CHECK(id().date(ymd(2018, 1, 1)) == "1 Januari 2018");
  CHECK(en().date(ymd(2018, 12, 31)) == "31 December 2018");

  const std::vector<std::string> months_id = {"Januari",   "Februari", "Maret",    "April",
                                              "Mei",       "Juni",     "Juli",     "Agustus",
                                              "September", "Oktober",  "November", "Desember"};
  const std::vector<std::string> months_en = {"January",   "February", "March",    "April",
                                              "May",       "June",     "July",     "August",
                                              "September", "October",  "November", "December"};
  for (int m = 1; m <= 12; ++m) {
    CAPTURE(m);
    CHECK(id().date(ymd(2018, m, 9)) == "9 " + months_id[m - 1] + " 2018");
    CHECK(en().date(ymd(2018, m, 9)) == "9 " + months_en[m - 1] + " 2018");
  }
}

TEST_CASE("labels periods in words") {
  CHECK(id().period(p("2018-Q4")) == "Triwulan IV 2018");
  CHECK(en().period(p("2018-Q4")) == "Fourth quarter of 2018");
  CHECK(id().period(p("2018-H1")) == "Semester I 2018");
  CHECK(en().period(p("2018-H1")) == "First half of 2018");
  CHECK(id().period(p("2018")) == "Tahun 2018");
  CHECK(en().period(p("2018")) == "Year 2018");

  CHECK(id().period(p("2019-Q1")) == "Triwulan I 2019");
  CHECK(id().period(p("2019-Q2")) == "Triwulan II 2019");
  CHECK(id().period(p("2019-Q3")) == "Triwulan III 2019");
  CHECK(en().period(p("2019-Q1")) == "First quarter of 2019");
  CHECK(en().period(p("2019-Q2")) == "Second quarter of 2019");
  CHECK(en().period(p("2019-Q3")) == "Third quarter of 2019");
  CHECK(id().period(p("2018-H2")) == "Semester II 2018");
  CHECK(en().period(p("2018-H2")) == "Second half of 2018");
}

TEST_CASE("labels format fills in named fields") {
  CHECK(id().format("of", fmt::arg("count", 3), fmt::arg("total", 7)) == "3 dari 7");
  CHECK(en().format("of", fmt::arg("count", 3), fmt::arg("total", 7)) == "3 of 7");
  CHECK(en().format("of-percent", fmt::arg("count", 1), fmt::arg("total", 4),
                    fmt::arg("percent", "25.00")) == "1 of 4 (25.00%)");
  CHECK(id().format("contracts-in-band", fmt::arg("band", "Tinggi")) ==
        "Kontrak dengan predikat Tinggi");
  CHECK(en().format("chart-title", fmt::arg("period", en().period(p("2018-H2")))) ==
        "Scores by unit, Second half of 2018");
  // A label without fields comes back as it is.
  CHECK(en().format("title") == "Innovation Programme Evaluation");
}

TEST_CASE("labels bands in the reader's language") {
  Band band{76, {"Tinggi", "High"}};
  CHECK(id().band(band) == "Tinggi");
  CHECK(en().band(band) == "High");
}
