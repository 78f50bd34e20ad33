// Several programmes seen together: ids qualified by programme, each
// programme evaluated with its own settings, then combined in qualified-id
// order with the bands they share (or all of them).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "builders.h"
#include "inovasi/model/workspace.h"
#include "inovasi/util/text.h"

using namespace inovasi;
using namespace test;

namespace {

using Strings = std::vector<std::string>;

// One unit "dinas-a" with an idea and a contract "c" over 2018-Q3, whose
// one target of 100 was met with `actual`.
Records programme(double actual, std::optional<double> cap = std::nullopt) {
  Records r;
  Programme settings;
  if (cap) settings.scale = Scale{cap, {}};
  settings.priorities = {{"misi-1", "Misi satu"}};
  set_programme(r, settings);
  add(r, unit("dinas-a"));
  Idea i = idea("ide", "dinas-a");
  i.priority = "misi-1";
  add(r, i);
  Contract c =
      contract("c", "dinas-a", ymd(2018, 7, 1), ymd(2018, 9, 30),
               {target("t", Polarity::kHigher, TargetMode::kCumulative, 1, {{p("2018-Q3"), 100}})});
  c.ideas = {"ide"};
  add(r, c);
  add(r, report("c", "2018-Q3", ymd(2018, 10, 5), {{"t", actual}}));
  return r;
}

ProgrammeEvaluation part(const std::string& name, const Records& records) {
  return {name, records.programme->record, evaluate(records, p("2018-Q3"), ymd(2019, 1, 1))};
}

Band band(double min, const char* id, const char* en) {
  return {min, {id, en}};
}

}  // namespace

TEST_CASE("workspace qualified ids: programme/id, empty stays empty, programme_of reads it back") {
  CHECK(qualified("tuban", "rsud-2018") == "tuban/rsud-2018");
  CHECK(qualified("tuban", "") == "");
  CHECK(programme_of("tuban/rsud-2018") == "tuban");
  CHECK(programme_of("rsud-2018") == "");
}

TEST_CASE("workspace qualified_records qualifies every id and reference, not target ids") {
  Records r = programme(90);
  Indicator ikm{"ikm", "Indeks", "misi-1", "indeks"};
  r.programme->record.indicators = {ikm};
  Regulation perbup{"perbup-1", "Perbup No. 1", ymd(2018, 8, 1), "perbup-0", {"ide"}};
  add(r, perbup);
  Records q = qualified_records(r, "tuban");
  CHECK(q.units.at(0).record.id == "tuban/dinas-a");
  const Idea& i = q.ideas.at(0).record;
  CHECK(Strings{i.id, i.unit, i.priority, i.indicator} ==
        Strings{"tuban/ide", "tuban/dinas-a", "tuban/misi-1", ""});
  const Contract& c = q.contracts.at(0).record;
  CHECK(Strings{c.id, c.unit, c.ideas.at(0), c.targets.at(0).id} ==
        Strings{"tuban/c", "tuban/dinas-a", "tuban/ide", "t"});
  CHECK(q.reports.at(0).record.contract == "tuban/c");
  CHECK(q.find<Report>("tuban/c/2018-Q3") != nullptr);
  CHECK(q.reports.at(0).record.actual.count("t") == 1);
  const Regulation& g = q.regulations.at(0).record;
  CHECK(Strings{g.id, g.amends, g.ideas.at(0)} ==
        Strings{"tuban/perbup-1", "tuban/perbup-0", "tuban/ide"});
  const Programme& prog = q.programme->record;
  CHECK(prog.priorities.at(0).id == "tuban/misi-1");
  CHECK(Strings{prog.indicators.at(0).id, prog.indicators.at(0).priority} ==
        Strings{"tuban/ikm", "tuban/misi-1"});
  // The records given are left as they were.
  CHECK(r.units.at(0).record.id == "dinas-a");
}

TEST_CASE("workspace combined evaluation: rows of every programme sorted by qualified id") {
  // "tuban-barat/..." sorts before "tuban/..." though "tuban" < "tuban-barat".
  Records tuban = programme(90), barat = programme(80), bojonegoro = programme(70);
  CombinedEvaluation all(
      {part("tuban", tuban), part("tuban-barat", barat), part("bojonegoro", bojonegoro)});
  Strings names;
  for (const auto& p : all.parts()) names.push_back(p.name);
  CHECK(names == Strings{"bojonegoro", "tuban", "tuban-barat"});
  Strings contracts, units, ideas, priorities;
  for (const auto& c : all.all().contracts) contracts.push_back(c.contract->id);
  for (const auto& u : all.all().units) units.push_back(u.unit->id);
  for (const auto& i : all.all().ideas) ideas.push_back(i.idea->id + " " + i.idea->unit);
  for (const auto& p : all.priorities()) priorities.push_back(p.id);
  CHECK(contracts == Strings{"bojonegoro/c", "tuban-barat/c", "tuban/c"});
  CHECK(units == Strings{"bojonegoro/dinas-a", "tuban-barat/dinas-a", "tuban/dinas-a"});
  CHECK(ideas == Strings{"bojonegoro/ide bojonegoro/dinas-a", "tuban-barat/ide tuban-barat/dinas-a",
                         "tuban/ide tuban/dinas-a"});
  CHECK(priorities == Strings{"bojonegoro/misi-1", "tuban/misi-1", "tuban-barat/misi-1"});
  // Each row is its programme's own result.
  CHECK(*all.all().contracts.at(1).score.score == doctest::Approx(80));
  CHECK(all.all().contracts.at(1).contract->ideas == Strings{"tuban-barat/ide"});
  CHECK(all.all().compliance() == std::array<int, 4>{3, 3, 0, 0});
  CHECK(all.parts().at(1).evaluation.mean_score() == doctest::Approx(90));
  CHECK(all.all().period == p("2018-Q3"));
}

TEST_CASE("workspace combined evaluation: each programme scored with its own cap") {
  Records capped = programme(150, 110), plain = programme(150);
  CombinedEvaluation all({part("a", capped), part("b", plain)});
  CHECK(*all.all().contracts.at(0).score.score == doctest::Approx(110));
  CHECK(*all.all().contracts.at(1).score.score == doctest::Approx(120));
}

TEST_CASE("workspace bands: the shared list, else every distinct band by min, highest first") {
  std::vector<Band> rkpd = Programme{}.bands();
  CHECK(combined_bands({rkpd, rkpd}).size() == 5);
  std::vector<Band> three = {band(85, "A", "A"), band(60, "B", "B"), band(0, "C", "C")};
  std::vector<Band> both = combined_bands({three, rkpd});
  Strings labels;
  for (const Band& b : both) labels.push_back(b.label.en);
  CHECK(text::join(labels, ", ") == "Very high, A, High, Medium, B, Low, C, Very low");
  // Same min, another label: two bands, in the order they came.
  CHECK(combined_bands({{band(0, "C", "C")}, {band(0, "D", "D")}}).size() == 2);
  CHECK(combined_bands({}).empty());

  // A contract's band is its own programme's band, found in the combined list.
  Records a = programme(90), b = programme(90);
  Scale letters{std::nullopt, three};
  a.programme->record.scale = letters;
  CombinedEvaluation all({part("a", a), part("b", b)});
  const PeriodEvaluation& e = all.all();
  CHECK(e.bands.size() == 8);
  CHECK(e.bands.at(*e.contracts.at(0).band).label.en == "A");
  CHECK(e.bands.at(*e.contracts.at(1).band).label.en == "High");
  CHECK(e.contracts_by_band() == std::vector<int>{0, 1, 1, 0, 0, 0, 0, 0, 0});
}
