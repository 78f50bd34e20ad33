#include <doctest/doctest.h>

#include "inovasi/store/diff.h"
#include "inovasi/util/text.h"

using namespace inovasi;

namespace {

using Strings = std::vector<std::string>;

Date day(const char* text) {
  Date d;
  REQUIRE(!parse_value(text, d));
  return d;
}

template <class R>
Strings described(const R& before, const R& after) {
  Strings lines;
  for (const auto& change : record_changes(before, after)) lines.push_back(describe(change));
  return lines;
}

}  // namespace

TEST_CASE("diff names each field that changed, in canonical order") {
  Idea before;
  before.id = "sicantik-izin";
  before.title = "SiCantik";
  before.unit = "dpmptsp";
  before.budget = 5000000;
  before.plan = {{"Sosialisasi", day("2019-01-31"), std::nullopt},
                 {"Uji coba", day("2019-03-31"), std::nullopt}};
  before.tags = {"izin"};
  Idea after = before;
  CHECK(described(before, after) == Strings{});

  after.stage = Stage::kTrial;
  after.trial_date = day("2019-03-01");
  after.budget.reset();
  after.plan[1].done = day("2019-03-20");
  after.plan.push_back({"Evaluasi", std::nullopt, std::nullopt});
  after.tags = {"izin", "digital"};
  after.problem = "Baris satu\nbaris dua\n";
  CHECK(described(before, after) == Strings{
                                        "stage: initiative → trial",
                                        "+ trial_date: 2019-03-01",
                                        "- budget: 5000000",
                                        "+ problem: Baris satu\\nbaris dua\\n",
                                        "+ plan[2].done: 2019-03-20",
                                        "+ plan[3].step: Evaluasi",
                                        "tags: [izin] → [izin, digital]",
                                    });
}

TEST_CASE("diff labels targets by id and reports' values by target") {
  Contract before;
  before.id = "rsud-2018";
  before.unit = "rsud";
  Target t;
  t.id = "waktu-tunggu";
  t.name = "Waktu tunggu";
  t.by_period = {{Period::quarter(2018, 2), 50}};
  before.targets = {t};
  Contract after = before;
  after.targets[0].by_period[Period::quarter(2018, 2)] = 45;
  after.first_party = Party{"Fathul Huda", "Bupati Tuban"};
  CHECK(described(before, after) == Strings{
                                        "+ first_party.name: Fathul Huda",
                                        "+ first_party.position: Bupati Tuban",
                                        "targets[waktu-tunggu].by_period.2018-Q2: 50 → 45",
                                    });

  Report r;
  r.contract = "rsud-2018";
  r.actual = {{"a", 1}, {"b", 2}};
  Report changed = r;
  changed.actual["b"] = 3;
  changed.narrative = std::string(100, 'x');
  CHECK(described(r, changed) ==
        Strings{"actual.b: 2 → 3", "+ narrative: " + std::string(59, 'x') + "…"});
}

TEST_CASE("diff shows a long list by the items it lost and gained") {
  Regulation before;
  before.id = "perbup-45-2018";
  before.ideas = {"antrean-online", "paten-keliling", "bedah-rumah-gotong-royong",
                  "lapor-jalan-rusak", "akta-lahir-rumah-sakit"};
  Regulation after = before;
  after.ideas[0] = "antrean-rsud";
  after.ideas.push_back("paten-keliling");  // an item twice: the second is gained
  CHECK(described(before, after) ==
        Strings{"ideas: - antrean-online, + antrean-rsud, + paten-keliling"});
  // A short list is shown whole.
  Regulation short_before;
  short_before.ideas = {"a", "b"};
  Regulation short_after = short_before;
  short_after.ideas = {"b", "c"};
  CHECK(described(short_before, short_after) == Strings{"ideas: [a, b] → [b, c]"});
}
