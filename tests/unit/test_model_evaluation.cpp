// The evaluation of a period through evaluate(): the scoring edge cases of
// the design one by one, the as-of rules, report compliance and the roll-ups.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "builders.h"
#include "inovasi/model/evaluation.h"
#include "inovasi/render/labels.h"
#include "inovasi/render/tables.h"

using namespace inovasi;
using namespace test;

namespace {

// A higher-is-better cumulative target of weight 1.
Target simple(const char* id, std::map<Period, double> by_period) {
  return target(id, Polarity::kHigher, TargetMode::kCumulative, 1, std::move(by_period));
}

const ContractResult& result(const PeriodEvaluation& e, std::string_view id) {
  auto it = std::find_if(e.contracts.begin(), e.contracts.end(),
                         [&](const ContractResult& c) { return c.contract->id == id; });
  REQUIRE_MESSAGE(it != e.contracts.end(), "no result for contract " << id);
  return *it;
}

const UnitResult& unit_result(const PeriodEvaluation& e, std::string_view id) {
  auto it = std::find_if(e.units.begin(), e.units.end(),
                         [&](const UnitResult& u) { return u.unit->id == id; });
  REQUIRE_MESSAGE(it != e.units.end(), "no result for unit " << id);
  return *it;
}

std::vector<std::string> contract_ids(const PeriodEvaluation& e) {
  std::vector<std::string> ids;
  for (const ContractResult& c : e.contracts) ids.push_back(c.contract->id);
  return ids;
}

std::vector<std::string> idea_ids(const PeriodEvaluation& e) {
  std::vector<std::string> ids;
  for (const IdeaResult& i : e.ideas) ids.push_back(i.idea->id);
  return ids;
}

std::string band_en(const PeriodEvaluation& e, const ContractResult& c) {
  REQUIRE(c.band.has_value());
  return e.bands.at(*c.band).label.en;
}

// One contract "c" of unit "u" over 2018 with one report for 2018-Q3.
Records one_target(Target t, std::map<std::string, double> actual) {
  Records r;
  add(r, unit("u"));
  add(r, contract("c", "u", ymd(2018, 1, 1), ymd(2018, 12, 31), {std::move(t)}));
  add(r, report("c", "2018-Q3", ymd(2018, 10, 5), std::move(actual)));
  return r;
}

// By then every report of 2018-Q3 is due.
const Date kLater = *Date::from_ymd(2019, 1, 1);

}  // namespace

TEST_CASE("evaluation a target of 0 is 100 when met and 0 when not, for both polarities") {
  Records r;
  add(r, unit("u"));
  auto zero = [&](const char* id, Polarity polarity, double actual) {
    add(r, contract(id, "u", ymd(2018, 7, 1), ymd(2018, 9, 30),
                    {target("t", polarity, TargetMode::kCumulative, 1, {{p("2018-Q3"), 0}})}));
    add(r, report(id, "2018-Q3", ymd(2018, 10, 5), {{"t", actual}}));
  };
  zero("higher-met", Polarity::kHigher, 0);
  zero("higher-missed", Polarity::kHigher, -1);
  zero("lower-met", Polarity::kLower, 0);
  zero("lower-missed", Polarity::kLower, 3);

  PeriodEvaluation e = evaluate(r, p("2018-Q3"), kLater);
  REQUIRE(e.contracts.size() == 4);
  CHECK(*result(e, "higher-met").score.score == 100);
  CHECK(*result(e, "higher-missed").score.score == 0);
  CHECK(*result(e, "lower-met").score.score == 100);
  CHECK(*result(e, "lower-missed").score.score == 0);
  CHECK(*result(e, "lower-missed").score.targets.at(0).achievement == 0);
  CHECK(band_en(e, result(e, "higher-met")) == "Very high");
  // A score of 0 is still a score: the lowest band starts at 0.
  CHECK(band_en(e, result(e, "higher-missed")) == "Very low");
  CHECK(e.contracts_by_band() == std::vector<int>{2, 0, 0, 0, 2, 0});
}

TEST_CASE("evaluation lower polarity past twice the target is 0, never negative") {
  auto lower = [](double actual) {
    Records r =
        one_target(target("t", Polarity::kLower, TargetMode::kCumulative, 1, {{p("2018-Q3"), 40}}),
                   {{"t", actual}});
    PeriodEvaluation e = evaluate(r, p("2018-Q3"), kLater);
    REQUIRE(e.contracts.size() == 1);
    REQUIRE(e.contracts[0].score.score.has_value());
    return *e.contracts[0].score.score;
  };
  CHECK(lower(60) == doctest::Approx(50));
  CHECK(lower(80) == 0);   // exactly 2T
  CHECK(lower(100) == 0);  // past 2T: (80 - 100) / 40 would be -50
  CHECK(lower(1e6) == 0);

  // The 0 counts in the weighted mean; it is not left out.
  Records r;
  add(r, unit("u"));
  add(r, contract("c", "u", ymd(2018, 1, 1), ymd(2018, 12, 31),
                  {target("lo", Polarity::kLower, TargetMode::kCumulative, 1, {{p("2018-Q3"), 40}}),
                   simple("hi", {{p("2018-Q3"), 100}})}));
  add(r, report("c", "2018-Q3", ymd(2018, 10, 5), {{"lo", 200}, {"hi", 100}}));
  PeriodEvaluation e = evaluate(r, p("2018-Q3"), kLater);
  CHECK(*result(e, "c").score.score == doctest::Approx(50));
}

TEST_CASE("evaluation achievement is capped at 120 by default and at the programme's cap") {
  auto capped = [](std::optional<double> cap) {
    Records r = one_target(simple("t", {{p("2018-Q3"), 100}}), {{"t", 150}});
    if (cap) {
      Programme programme;
      programme.scale = Scale{cap, {}};
      set_programme(r, programme);
    }
    PeriodEvaluation e = evaluate(r, p("2018-Q3"), kLater);
    REQUIRE(e.contracts.size() == 1);
    REQUIRE(e.contracts[0].score.targets.size() == 1);
    CHECK(e.contracts[0].score.targets[0].achievement == e.contracts[0].score.score);
    return *e.contracts[0].score.score;
  };
  CHECK(capped(std::nullopt) == 120);
  CHECK(capped(200.0) == doctest::Approx(150));
  CHECK(capped(140.0) == 140);
  CHECK(capped(100.0) == 100);

  SUBCASE("a programme without scale.cap keeps the default") {
    Records r = one_target(simple("t", {{p("2018-Q3"), 100}}), {{"t", 150}});
    set_programme(r, Programme{});
    CHECK(*evaluate(r, p("2018-Q3"), kLater).contracts.at(0).score.score == 120);
  }
  SUBCASE("the cap applies to each target before the weighted mean") {
    Records r;
    add(r, unit("u"));
    add(r, contract("c", "u", ymd(2018, 1, 1), ymd(2018, 12, 31),
                    {simple("a", {{p("2018-Q3"), 100}}), simple("b", {{p("2018-Q3"), 100}})}));
    add(r, report("c", "2018-Q3", ymd(2018, 10, 5), {{"a", 300}, {"b", 60}}));
    // (120 + 60) / 2, not (300 + 60) / 2.
    CHECK(*evaluate(r, p("2018-Q3"), kLater).contracts.at(0).score.score == 90);
  }
  SUBCASE("lower polarity far below the target is capped too") {
    Records r =
        one_target(target("t", Polarity::kLower, TargetMode::kCumulative, 1, {{p("2018-Q3"), 40}}),
                   {{"t", 0}});
    CHECK(*evaluate(r, p("2018-Q3"), kLater).contracts.at(0).score.score == 120);
  }
}

TEST_CASE("evaluation a report lacking a target's value scores that target 0") {
  Records r;
  add(r, unit("u"));
  add(r,
      contract("c", "u", ymd(2018, 1, 1), ymd(2018, 12, 31),
               {target("a", Polarity::kHigher, TargetMode::kCumulative, 2, {{p("2018-Q3"), 100}}),
                target("b", Polarity::kHigher, TargetMode::kPerPeriod, 1, {{p("2018-Q3"), 10}})}));

  SUBCASE("silence scores 0: (90 x 2 + 0 x 1) / 3 = 60") {
    add(r, report("c", "2018-Q3", ymd(2018, 10, 5), {{"a", 90}}));
    PeriodEvaluation e = evaluate(r, p("2018-Q3"), kLater);
    const ContractResult& c = result(e, "c");
    REQUIRE(c.score.targets.size() == 2);
    CHECK(c.score.targets[0].target->id == "a");
    CHECK(*c.score.targets[0].achievement == 90);
    CHECK(c.score.targets[1].target->id == "b");
    CHECK(*c.score.targets[1].target_value == 10);
    CHECK_FALSE(c.score.targets[1].actual_value.has_value());
    CHECK(*c.score.targets[1].achievement == 0);
    CHECK(c.score.targets[1].reason == Unrealised::kMissing);
    CHECK(*c.score.score == 60);
    CHECK(band_en(e, c) == "Low");
    // The report is there: it is on time, not missing.
    CHECK(c.reports_due == 1);
    CHECK(c.reports_on_time == 1);
    CHECK(c.reports_missing == 0);
    CHECK(unit_result(e, "u").mean_score == 60);
  }
  SUBCASE("with scale.missing: skip, the score comes from the others") {
    Programme programme;
    programme.scale = Scale{std::nullopt, {}, MissingRule::kSkip};
    set_programme(r, programme);
    add(r, report("c", "2018-Q3", ymd(2018, 10, 5), {{"a", 90}}));
    PeriodEvaluation e = evaluate(r, p("2018-Q3"), kLater);
    const ContractResult& c = result(e, "c");
    CHECK_FALSE(c.score.targets[1].achievement.has_value());
    CHECK(c.score.targets[1].reason == Unrealised::kMissing);
    CHECK(*c.score.score == 90);
    CHECK(band_en(e, c) == "High");
  }
  SUBCASE("with every value missing and skip, there is no score, no band and an empty cell") {
    Programme programme;
    programme.scale = Scale{std::nullopt, {}, MissingRule::kSkip};
    set_programme(r, programme);
    add(r, report("c", "2018-Q3", ymd(2018, 10, 5), {}));
    PeriodEvaluation e = evaluate(r, p("2018-Q3"), kLater);
    const ContractResult& c = result(e, "c");
    CHECK(c.score.targets.size() == 2);
    CHECK_FALSE(c.score.score.has_value());
    CHECK_FALSE(c.band.has_value());
    CHECK(c.reports_on_time == 1);
    CHECK(e.contracts_by_band() == std::vector<int>{0, 0, 0, 0, 0, 1});
    CHECK_FALSE(unit_result(e, "u").mean_score.has_value());

    Table contracts = evaluation_table("contracts", e, Labels::get(Language::kEn));
    REQUIRE(contracts.rows.size() == 1);
    CHECK(contracts.rows[0] ==
          std::vector<std::string>{"c", "u", "2018-Q3", "", "", "1", "1", "0", "0"});
    Table targets = evaluation_table("targets", e, Labels::get(Language::kEn));
    REQUIRE(targets.rows.size() == 2);
    CHECK(targets.rows[0] == std::vector<std::string>{"c", "a", "2018-Q3", "higher", "cumulative",
                                                      "2.00", "100.00", "", "", "missing"});
    CHECK(targets.rows[1] == std::vector<std::string>{"c", "b", "2018-Q3", "higher", "per-period",
                                                      "1.00", "10.00", "", "", "missing"});
  }
}

TEST_CASE("evaluation per-period targets sum T and R over the quarters having a target") {
  Records r;
  add(r, unit("u"));
  add(r,
      contract("c", "u", ymd(2018, 1, 1), ymd(2018, 12, 31),
               {target("p", Polarity::kHigher, TargetMode::kPerPeriod, 1,
                       {{p("2018-Q1"), 100}, {p("2018-Q2"), 200}, {p("2018-Q3"), 1000}}),
                target("s", Polarity::kHigher, TargetMode::kPerPeriod, 1, {{p("2018-Q2"), 50}})}));
  // Q1's value for s is no realisation: s has no target in Q1.
  add(r, report("c", "2018-Q1", ymd(2018, 4, 5), {{"p", 50}, {"s", 999}}));
  add(r, report("c", "2018-Q2", ymd(2018, 7, 5), {{"p", 250}, {"s", 40}}));

  SUBCASE("a half") {
    PeriodEvaluation e = evaluate(r, p("2018-H1"), kLater);
    const ContractResult& c = result(e, "c");
    REQUIRE(c.score.targets.size() == 2);
    CHECK(*c.score.targets[0].target_value == 300);
    CHECK(*c.score.targets[0].actual_value == 300);
    CHECK(*c.score.targets[0].achievement == 100);
    CHECK(*c.score.targets[1].target_value == 50);
    CHECK(*c.score.targets[1].actual_value == 40);
    CHECK(*c.score.targets[1].achievement == 80);
    CHECK(*c.score.score == 90);
  }
  SUBCASE("a year with a quarter's report missing scores that sum 0: (0 + 80) / 2") {
    PeriodEvaluation e = evaluate(r, p("2018"), kLater);
    const ContractResult& c = result(e, "c");
    REQUIRE(c.score.targets.size() == 2);
    CHECK(*c.score.targets[0].target_value == 1300);
    CHECK_FALSE(c.score.targets[0].actual_value.has_value());
    CHECK(*c.score.targets[0].achievement == 0);
    CHECK(*c.score.targets[1].achievement == 80);
    CHECK(*c.score.score == 40);
    // Q4 is due 2019-01-10, after the as-of date.
    CHECK(c.reports_due == 3);
    CHECK(c.reports_on_time == 2);
    CHECK(c.reports_missing == 1);
  }
  SUBCASE("the second half has a target for p only") {
    PeriodEvaluation e = evaluate(r, p("2018-H2"), kLater);
    const ContractResult& c = result(e, "c");
    REQUIRE(c.score.targets.size() == 1);
    CHECK(c.score.targets[0].target->id == "p");
    CHECK(*c.score.targets[0].target_value == 1000);
    CHECK(*c.score.score == 0);  // Q3's report, due 2018-10-10, never came
  }
}

TEST_CASE("evaluation cumulative targets take the last quarter in the range that has a target") {
  Records r;
  add(r, unit("u"));
  add(r, contract("c", "u", ymd(2018, 1, 1), ymd(2018, 12, 31),
                  {target("k", Polarity::kLower, TargetMode::kCumulative, 1,
                          {{p("2018-Q1"), 50}, {p("2018-Q2"), 40}, {p("2018-Q3"), 30}})}));
  add(r, report("c", "2018-Q1", ymd(2018, 4, 5), {{"k", 55}}));
  add(r, report("c", "2018-Q2", ymd(2018, 7, 5), {{"k", 44}}));
  add(r, report("c", "2018-Q4", ymd(2019, 1, 5), {{"k", 10}}));

  auto only_target = [](const PeriodEvaluation& e) {
    REQUIRE(e.contracts.size() == 1);
    REQUIRE(e.contracts[0].score.targets.size() == 1);
    return e.contracts[0].score.targets[0];
  };
  const Date as_of = ymd(2019, 6, 30);

  SUBCASE("a half") {
    TargetScore t = only_target(evaluate(r, p("2018-H1"), as_of));
    CHECK(*t.target_value == 40);
    CHECK(*t.actual_value == 44);
    CHECK(*t.achievement == doctest::Approx(90));
  }
  SUBCASE("Q4 has no target, so the second half and the year take Q3") {
    add(r, report("c", "2018-Q3", ymd(2018, 10, 5), {{"k", 33}}));
    for (const char* period : {"2018-H2", "2018"}) {
      CAPTURE(std::string(period));
      TargetScore t = only_target(evaluate(r, p(period), as_of));
      CHECK(*t.target_value == 30);
      CHECK(*t.actual_value == 33);
      CHECK(*t.achievement == doctest::Approx(90));
    }
  }
  SUBCASE("without Q3's report the year scores 0: no fall back to Q2 or Q4") {
    PeriodEvaluation e = evaluate(r, p("2018"), as_of);
    TargetScore t = only_target(e);
    CHECK(*t.target_value == 30);
    CHECK_FALSE(t.actual_value.has_value());
    CHECK(*t.achievement == 0);
    CHECK(t.reason == Unrealised::kMissing);
    CHECK(*e.contracts[0].score.score == 0);
  }
}

TEST_CASE("evaluation a contract starting mid-quarter owes that quarter and is evaluated in it") {
  Records r;
  add(r, unit("rsud"));
  add(r, contract("rsud-2018", "rsud", ymd(2018, 5, 2), ymd(2019, 3, 31),
                  {target("w", Polarity::kLower, TargetMode::kCumulative, 1,
                          {{p("2018-Q2"), 50}, {p("2018-Q3"), 40}})}));

  SUBCASE("not in 2018-Q1") {
    PeriodEvaluation e = evaluate(r, p("2018-Q1"), kLater);
    CHECK(e.contracts.empty());
    CHECK(unit_result(e, "rsud").contracts == 0);
    CHECK(e.compliance() == std::array<int, 4>{0, 0, 0, 0});
  }
  SUBCASE("in 2018-Q2 and in 2018-H1, owing Q2 only") {
    add(r, report("rsud-2018", "2018-Q2", ymd(2018, 7, 9), {{"w", 45}}));
    for (const char* period : {"2018-Q2", "2018-H1"}) {
      CAPTURE(std::string(period));
      PeriodEvaluation e = evaluate(r, p(period), kLater);
      const ContractResult& c = result(e, "rsud-2018");
      CHECK(c.reports_due == 1);
      CHECK(c.reports_on_time == 1);
      CHECK(c.lapses.empty());
      REQUIRE(c.score.targets.size() == 1);
      CHECK(*c.score.targets[0].target_value == 50);
      CHECK(*c.score.score == doctest::Approx(110));
      CHECK(unit_result(e, "rsud").contracts == 1);
    }
  }
  SUBCASE("with no report, 2018-Q2's is missing once its due date has passed") {
    PeriodEvaluation e = evaluate(r, p("2018-H1"), ymd(2018, 8, 1));
    const ContractResult& c = result(e, "rsud-2018");
    CHECK(c.reports_due == 1);
    CHECK(c.reports_missing == 1);
    REQUIRE(c.lapses.size() == 1);
    CHECK(c.lapses[0].quarter == p("2018-Q2"));
    CHECK(c.lapses[0].due == ymd(2018, 7, 10));
    CHECK(c.lapses[0].state == ReportState::kMissing);
    CHECK_FALSE(c.lapses[0].submitted.has_value());
    CHECK(unit_result(e, "rsud").reports_missing == 1);
  }
}

TEST_CASE(
    "evaluation a report submitted after the as-of date counts for neither score nor "
    "compliance") {
  Records r = one_target(simple("t", {{p("2018-Q3"), 100}}), {{"t", 100}});
  r.reports.clear();
  add(r, report("c", "2018-Q3", ymd(2018, 10, 20), {{"t", 100}}));

  SUBCASE("before its due date: not due and not scored") {
    PeriodEvaluation e = evaluate(r, p("2018-Q3"), ymd(2018, 10, 5));
    const ContractResult& c = result(e, "c");
    CHECK(c.reports_due == 0);
    CHECK_FALSE(c.score.score.has_value());
    CHECK_FALSE(c.score.targets.at(0).actual_value.has_value());
    CHECK(c.score.targets.at(0).reason == Unrealised::kNotDue);
  }
  SUBCASE("after its due date: missing and scored 0, in the lowest band") {
    PeriodEvaluation e = evaluate(r, p("2018-Q3"), ymd(2018, 10, 19));
    const ContractResult& c = result(e, "c");
    CHECK(c.reports_due == 1);
    CHECK(c.reports_missing == 1);
    CHECK(c.reports_late == 0);
    CHECK(*c.score.score == 0);
    CHECK(band_en(e, c) == "Very low");
    REQUIRE(c.lapses.size() == 1);
    CHECK(c.lapses[0].state == ReportState::kMissing);
  }
  SUBCASE("on the day it was submitted: late and scored") {
    PeriodEvaluation e = evaluate(r, p("2018-Q3"), ymd(2018, 10, 20));
    const ContractResult& c = result(e, "c");
    CHECK(c.reports_due == 1);
    CHECK(c.reports_late == 1);
    CHECK(c.reports_missing == 0);
    CHECK(*c.score.score == 100);
    REQUIRE(c.lapses.size() == 1);
    CHECK(c.lapses[0].state == ReportState::kLate);
    CHECK(c.lapses[0].due == ymd(2018, 10, 10));
    CHECK(c.lapses[0].submitted == ymd(2018, 10, 20));
  }
}

TEST_CASE("evaluation a contract signed after the as-of date is left out") {
  Records r;
  add(r, unit("u"));
  Contract c = contract("late-signed", "u", ymd(2018, 7, 1), ymd(2018, 12, 31));
  c.signed_on = ymd(2018, 11, 1);
  add(r, c);
  add(r, contract("unsigned", "u", ymd(2018, 7, 1), ymd(2018, 12, 31)));

  PeriodEvaluation before = evaluate(r, p("2018-Q3"), ymd(2018, 10, 31));
  CHECK(contract_ids(before) == std::vector<std::string>{"unsigned"});
  CHECK(unit_result(before, "u").contracts == 1);
  PeriodEvaluation on_the_day = evaluate(r, p("2018-Q3"), ymd(2018, 11, 1));
  CHECK(contract_ids(on_the_day) == std::vector<std::string>{"late-signed", "unsigned"});
  CHECK(unit_result(on_the_day, "u").contracts == 2);
}

TEST_CASE("evaluation an idea submitted after the as-of date is left out") {
  Records r;
  add(r, unit("u"));
  Idea later = idea("later", "u", Stage::kTrial);
  later.submitted = ymd(2018, 11, 1);
  add(r, later);
  add(r, idea("undated", "u"));

  PeriodEvaluation before = evaluate(r, p("2018-Q3"), ymd(2018, 10, 31));
  CHECK(idea_ids(before) == std::vector<std::string>{"undated"});
  CHECK(unit_result(before, "u").ideas == 1);
  CHECK(unit_result(before, "u").by_stage == std::array<int, kStages>{1, 0, 0, 0});
  CHECK(before.ideas_by_stage() == std::array<int, kStages>{1, 0, 0, 0});

  PeriodEvaluation on_the_day = evaluate(r, p("2018-Q3"), ymd(2018, 11, 1));
  CHECK(idea_ids(on_the_day) == std::vector<std::string>{"later", "undated"});
  CHECK(unit_result(on_the_day, "u").ideas == 2);
  CHECK(on_the_day.ideas_by_stage() == std::array<int, kStages>{1, 1, 0, 0});
}

TEST_CASE("evaluation an idea counts at the stage it had reached on the as-of date") {
  Idea i = idea("i", "u", Stage::kImplemented);
  i.trial_date = ymd(2018, 7, 2);
  i.implemented_date = ymd(2018, 10, 1);
  CHECK(stage_on(i, ymd(2018, 7, 1)) == Stage::kInitiative);
  CHECK(stage_on(i, ymd(2018, 7, 2)) == Stage::kTrial);
  CHECK(stage_on(i, ymd(2018, 9, 30)) == Stage::kTrial);
  CHECK(stage_on(i, ymd(2018, 10, 1)) == Stage::kImplemented);

  // Without a trial date, an idea implemented later was at the initiative stage.
  Idea direct = idea("direct", "u", Stage::kImplemented);
  direct.implemented_date = ymd(2018, 10, 1);
  CHECK(stage_on(direct, ymd(2018, 9, 30)) == Stage::kInitiative);
  // Without the stage's date, the recorded stage stands; dropped has no date.
  CHECK(stage_on(idea("undated", "u", Stage::kImplemented), ymd(2000, 1, 1)) ==
        Stage::kImplemented);
  CHECK(stage_on(idea("dropped", "u", Stage::kDropped), ymd(2000, 1, 1)) == Stage::kDropped);

  // A drop with its date: the stages before it, then dropped from that day.
  Idea gone = idea("gone", "u", Stage::kDropped);
  gone.trial_date = ymd(2018, 7, 2);
  gone.dropped_date = ymd(2018, 11, 30);
  CHECK(stage_on(gone, ymd(2018, 7, 1)) == Stage::kInitiative);
  CHECK(stage_on(gone, ymd(2018, 7, 2)) == Stage::kTrial);
  CHECK(stage_on(gone, ymd(2018, 11, 29)) == Stage::kTrial);
  CHECK(stage_on(gone, ymd(2018, 11, 30)) == Stage::kDropped);
  // An implemented idea whose implementation date is not known stays so.
  Idea undated = idea("undated", "u", Stage::kImplemented);
  undated.trial_date = ymd(2018, 7, 2);
  CHECK(stage_on(undated, ymd(2018, 1, 1)) == Stage::kImplemented);

  Records r;
  add(r, unit("u"));
  add(r, i);
  add(r, direct);
  PeriodEvaluation e = evaluate(r, p("2018-Q3"), ymd(2018, 8, 15));
  CHECK(e.ideas_by_stage() == std::array<int, kStages>{1, 1, 0, 0});
  CHECK(unit_result(e, "u").by_stage == std::array<int, kStages>{1, 1, 0, 0});
  CHECK(evaluation_table("ideas", e, Labels::get(Language::kEn)).rows[1][2] == "trial");
}

TEST_CASE("evaluation plan steps are done and overdue as they stood on the as-of date") {
  Records r;
  add(r, unit("u"));
  Idea i = idea("antrean", "u");
  i.plan = {
      {"done-later", ymd(2018, 9, 1), ymd(2018, 10, 5)},
      {"due-today", ymd(2018, 10, 1), std::nullopt},
      {"no-due-date", std::nullopt, std::nullopt},
      {"done-early", ymd(2018, 8, 1), ymd(2018, 8, 1)},
  };
  add(r, i);

  auto steps = [&](Date as_of) {
    PeriodEvaluation e = evaluate(r, p("2018-Q3"), as_of);
    REQUIRE(e.ideas.size() == 1);
    const IdeaResult& result = e.ideas[0];
    std::vector<std::string> overdue;
    for (const PlanStep* s : result.overdue) overdue.push_back(s->step);
    CHECK(result.plan_steps == 4);
    CHECK(result.plan_overdue == static_cast<int>(overdue.size()));
    return std::make_pair(result.plan_done, overdue);
  };

  // A step done after the as-of date is not done yet and is overdue; a step
  // due on the as-of day itself is not overdue.
  CHECK(steps(ymd(2018, 10, 1)) == std::make_pair(1, std::vector<std::string>{"done-later"}));
  CHECK(steps(ymd(2018, 10, 2)) ==
        std::make_pair(1, std::vector<std::string>{"done-later", "due-today"}));
  CHECK(steps(ymd(2018, 10, 5)) == std::make_pair(2, std::vector<std::string>{"due-today"}));
  CHECK(steps(ymd(2018, 9, 1)) == std::make_pair(1, std::vector<std::string>{}));
  CHECK(steps(ymd(2018, 7, 31)) == std::make_pair(0, std::vector<std::string>{}));

  // Once the idea is dropped its open steps are never overdue; before the
  // drop they are as they were.
  r.ideas[0].record.stage = Stage::kDropped;
  r.ideas[0].record.dropped_date = ymd(2018, 10, 3);
  CHECK(steps(ymd(2018, 10, 2)) ==
        std::make_pair(1, std::vector<std::string>{"done-later", "due-today"}));
  CHECK(steps(ymd(2018, 10, 3)) == std::make_pair(1, std::vector<std::string>{}));
  CHECK(steps(ymd(2019, 1, 1)) == std::make_pair(2, std::vector<std::string>{}));
}

TEST_CASE("evaluation compliance counts the period's quarters whose due date is before as-of") {
  Records r;
  add(r, unit("u"));
  add(r, contract("c", "u", ymd(2018, 1, 1), ymd(2018, 12, 31)));
  add(r, report("c", "2018-Q1", ymd(2018, 4, 11), {}));   // a day after 2018-04-10
  add(r, report("c", "2018-Q3", ymd(2018, 10, 10), {}));  // on the due day itself

  auto counts = [](const ContractResult& c) {
    return std::array<int, 4>{c.reports_due, c.reports_on_time, c.reports_late, c.reports_missing};
  };

  SUBCASE("the due day itself is not yet past") {
    PeriodEvaluation e = evaluate(r, p("2018"), ymd(2018, 10, 10));
    CHECK(counts(result(e, "c")) == std::array<int, 4>{2, 0, 1, 1});
  }
  SUBCASE("the day after, a report submitted on the due day is on time") {
    PeriodEvaluation e = evaluate(r, p("2018"), ymd(2018, 10, 11));
    const ContractResult& c = result(e, "c");
    CHECK(counts(c) == std::array<int, 4>{3, 1, 1, 1});
    CHECK(e.compliance() == std::array<int, 4>{3, 1, 1, 1});
    REQUIRE(c.lapses.size() == 2);
    CHECK(c.lapses[0].quarter == p("2018-Q1"));
    CHECK(c.lapses[0].state == ReportState::kLate);
    CHECK(c.lapses[0].due == ymd(2018, 4, 10));
    CHECK(c.lapses[0].submitted == ymd(2018, 4, 11));
    CHECK(c.lapses[1].quarter == p("2018-Q2"));
    CHECK(c.lapses[1].state == ReportState::kMissing);
    CHECK(c.lapses[1].due == ymd(2018, 7, 10));
  }
  SUBCASE("only the quarters of the evaluated period") {
    CHECK(counts(result(evaluate(r, p("2018-H2"), ymd(2018, 10, 11)), "c")) ==
          std::array<int, 4>{1, 1, 0, 0});
    CHECK(counts(result(evaluate(r, p("2018-Q2"), ymd(2018, 10, 11)), "c")) ==
          std::array<int, 4>{1, 0, 0, 1});
    CHECK(counts(result(evaluate(r, p("2018-H2"), ymd(2019, 1, 10)), "c")) ==
          std::array<int, 4>{1, 1, 0, 0});
    CHECK(counts(result(evaluate(r, p("2018-H2"), ymd(2019, 1, 11)), "c")) ==
          std::array<int, 4>{2, 1, 0, 1});
  }
  SUBCASE("grace_days from the programme") {
    Programme programme;
    programme.reporting = Reporting{3, 30};
    set_programme(r, programme);
    PeriodEvaluation e = evaluate(r, p("2018"), ymd(2018, 10, 11));
    const ContractResult& c = result(e, "c");
    // Q1 due 2018-04-30 (on time), Q2 due 2018-07-30 (missing), Q3 due 2018-10-30.
    CHECK(counts(c) == std::array<int, 4>{2, 1, 0, 1});
    REQUIRE(c.lapses.size() == 1);
    CHECK(c.lapses[0].due == ymd(2018, 7, 30));
  }
}

TEST_CASE("evaluation roll-ups by unit, stage and band") {
  Records r;
  for (const char* id : {"a", "b", "c"}) add(r, unit(id));
  const Period q3 = p("2018-Q3");
  // a-1 scores 100 with one heavy target; a-2 scores 50 with three targets.
  add(r, contract("a-1", "a", ymd(2018, 7, 1), ymd(2018, 9, 30),
                  {target("t", Polarity::kHigher, TargetMode::kCumulative, 5, {{q3, 10}})}));
  add(r, contract("a-2", "a", ymd(2018, 7, 1), ymd(2018, 9, 30),
                  {simple("x", {{q3, 10}}), simple("y", {{q3, 10}}), simple("z", {{q3, 10}})}));
  add(r, contract("a-3", "a", ymd(2018, 7, 1), ymd(2018, 9, 30), {simple("t", {{q3, 10}})}));
  add(r, contract("c-1", "c", ymd(2018, 7, 1), ymd(2018, 9, 30), {simple("t", {{q3, 10}})}));
  add(r, report("a-1", "2018-Q3", ymd(2018, 10, 5), {{"t", 10}}));
  add(r, report("a-2", "2018-Q3", ymd(2018, 10, 5), {{"x", 5}, {"y", 5}, {"z", 5}}));
  add(r, idea("i1", "a", Stage::kInitiative));
  add(r, idea("i2", "a", Stage::kTrial));
  add(r, idea("i3", "c", Stage::kImplemented));
  add(r, idea("i4", "c", Stage::kImplemented));
  add(r, idea("i5", "c", Stage::kDropped));

  PeriodEvaluation e = evaluate(r, q3, kLater);
  REQUIRE(e.units.size() == 3);
  const UnitResult& a = unit_result(e, "a");
  const UnitResult& b = unit_result(e, "b");
  const UnitResult& c = unit_result(e, "c");

  // The unweighted mean of the unit's contracts, a-3 scoring 0 for the
  // report it never sent: (100 + 50 + 0) / 3.
  CHECK(a.mean_score == 50);
  CHECK(a.contracts == 3);
  CHECK(a.reports_missing == 1);
  CHECK(a.ideas == 2);
  CHECK(a.by_stage == std::array<int, kStages>{1, 1, 0, 0});
  CHECK_FALSE(b.mean_score.has_value());
  CHECK(b.contracts == 0);
  CHECK(b.ideas == 0);
  CHECK(c.mean_score == 0);
  CHECK(c.contracts == 1);
  CHECK(c.reports_missing == 1);
  CHECK(c.by_stage == std::array<int, kStages>{0, 0, 2, 1});

  CHECK(e.units_with_ideas() == 2);
  CHECK(e.ideas_by_stage() == std::array<int, kStages>{1, 1, 2, 1});
  // 100 is Very high; 50, below Low's 51, and the two silent ones are Very low.
  CHECK(e.contracts_by_band() == std::vector<int>{1, 0, 0, 0, 3, 0});
  CHECK(e.compliance() == std::array<int, 4>{4, 2, 0, 2});

  Table units = evaluation_table("units", e, Labels::get(Language::kId));
  REQUIRE(units.rows.size() == 3);
  CHECK(units.rows[0][8] == "50.00");
  CHECK(units.rows[1][8] == "");
  CHECK(units.rows[2][8] == "0.00");
}

TEST_CASE("evaluation an empty programme has empty roll-ups") {
  Records r;
  PeriodEvaluation e = evaluate(r, p("2018-H2"), kLater);
  CHECK(e.period == p("2018-H2"));
  CHECK(e.as_of == kLater);
  CHECK(e.bands.size() == 5);
  CHECK(e.contracts.empty());
  CHECK(e.units.empty());
  CHECK(e.ideas.empty());
  CHECK(e.units_with_ideas() == 0);
  CHECK(e.contracts_by_band() == std::vector<int>{0, 0, 0, 0, 0, 0});
  CHECK(e.compliance() == std::array<int, 4>{0, 0, 0, 0});
}

TEST_CASE("evaluation contracts are sorted by id, those not overlapping the period absent") {
  Records r;
  add(r, unit("u"));
  add(r, contract("zeta", "u", ymd(2018, 1, 1), ymd(2018, 12, 31)));
  add(r, contract("alpha", "u", ymd(2018, 9, 30), ymd(2019, 6, 30)));
  add(r, contract("old", "u", ymd(2017, 1, 1), ymd(2017, 12, 31)));
  add(r, contract("ends-first-day", "u", ymd(2018, 1, 1), ymd(2018, 7, 1)));
  add(r, contract("ends-day-before", "u", ymd(2018, 1, 1), ymd(2018, 6, 30)));
  add(r, contract("starts-day-after", "u", ymd(2018, 10, 1), ymd(2019, 9, 30)));

  PeriodEvaluation e = evaluate(r, p("2018-Q3"), kLater);
  CHECK(contract_ids(e) == std::vector<std::string>{"alpha", "ends-first-day", "zeta"});
  CHECK(unit_result(e, "u").contracts == 3);

  // A programme's bands come with the evaluation.
  Programme programme;
  programme.scale = Scale{std::nullopt, {{50, {"Baik", "Good"}}, {0, {"Kurang", "Poor"}}}};
  set_programme(r, programme);
  PeriodEvaluation custom = evaluate(r, p("2018-Q3"), kLater);
  REQUIRE(custom.bands.size() == 2);
  CHECK(custom.bands[0].label.en == "Good");
  CHECK(custom.contracts_by_band() == std::vector<int>{0, 0, 3});
}
