#include <doctest/doctest.h>

#include "builders.h"
#include "inovasi/model/scoring.h"

using namespace inovasi;
using namespace test;

namespace {

// Unlike test::p, no REQUIRE: these periods are written right, and the
// assertion counts stay those of the scoring checks alone.
Period q(const char* text) {
  return *Period::parse(text);
}

// Every report of 2018 is due by then (Q4's on 2019-01-10).
const Date kLate = *Date::parse("2019-02-15");
const ScoringRules kZero{120, MissingRule::kZero, 10};
const ScoringRules kSkip{120, MissingRule::kSkip, 10};

// A report of contract "c"; scoring does not look at when it was submitted.
Report report(const char* period, std::map<std::string, double> actual) {
  Report r;
  r.contract = "c";
  r.period = q(period);
  r.actual = std::move(actual);
  return r;
}

}  // namespace

TEST_CASE("scoring achievement by polarity") {
  CHECK(achievement(80, 60, Polarity::kHigher, 120) == doctest::Approx(75));
  CHECK(achievement(40, 42, Polarity::kLower, 120) == doctest::Approx(95));
  SUBCASE("lower polarity past twice the target is 0, never below") {
    CHECK(achievement(40, 100, Polarity::kLower, 120) == 0);
  }
  SUBCASE("the cap") {
    CHECK(achievement(100, 150, Polarity::kHigher, 120) == 120);
    CHECK(achievement(40, 0, Polarity::kLower, 120) == 120);
  }
  SUBCASE("a target of 0") {
    CHECK(achievement(0, 0, Polarity::kHigher, 120) == 100);
    CHECK(achievement(0, 3, Polarity::kHigher, 120) == 100);
    CHECK(achievement(0, -1, Polarity::kHigher, 120) == 0);
    CHECK(achievement(0, 0, Polarity::kLower, 120) == 100);
    CHECK(achievement(0, 2, Polarity::kLower, 120) == 0);
  }
}

TEST_CASE("scoring a contract over a quarter, a half and a year") {
  Contract c;
  c.id = "c";
  c.targets = {
      target("waktu", Polarity::kLower, TargetMode::kCumulative, 1,
             {{q("2018-Q3"), 40}, {q("2018-Q4"), 30}}),
      target("pengguna", Polarity::kHigher, TargetMode::kPerPeriod, 2,
             {{q("2018-Q3"), 500}, {q("2018-Q4"), 800}}),
  };
  Report r3 = report("2018-Q3", {{"waktu", 42}, {"pengguna", 400}});
  Report r4 = report("2018-Q4", {{"waktu", 33}, {"pengguna", 900}});

  SUBCASE("a quarter: the weighted mean of the targets") {
    ContractScore s = score_contract(c, q("2018-Q3"), {{q("2018-Q3"), &r3}}, kLate, kZero);
    REQUIRE(s.targets.size() == 2);
    CHECK(*s.targets[0].achievement == doctest::Approx(95));
    CHECK(*s.targets[1].achievement == doctest::Approx(80));
    CHECK(*s.score == doctest::Approx((95 + 2 * 80) / 3.0));
  }
  SUBCASE("a half: cumulative takes the last quarter, per-period sums") {
    ContractScore s =
        score_contract(c, q("2018-H2"), {{q("2018-Q3"), &r3}, {q("2018-Q4"), &r4}}, kLate, kZero);
    CHECK(*s.targets[0].target_value == 30);
    CHECK(*s.targets[0].actual_value == 33);
    CHECK(*s.targets[1].target_value == 1300);
    CHECK(*s.targets[1].actual_value == 1300);
    CHECK(*s.targets[1].achievement == doctest::Approx(100));
  }
  SUBCASE("a report missing when due scores its targets 0, for both polarities") {
    ContractScore s = score_contract(c, q("2018-H2"), {{q("2018-Q3"), &r3}}, kLate, kZero);
    // waktu (lower is better, cumulative): Q4 missing; never read as R = 0 (200%).
    CHECK(*s.targets[0].achievement == 0);
    CHECK_FALSE(s.targets[0].actual_value.has_value());
    CHECK(s.targets[0].reason == Unrealised::kMissing);
    // pengguna (higher, per period): Q3 has 400, Q4 is missing: the period is 0.
    CHECK(*s.targets[1].achievement == 0);
    CHECK_FALSE(s.targets[1].actual_value.has_value());
    CHECK(s.targets[1].reason == Unrealised::kMissing);
    CHECK(*s.score == 0);
  }
  SUBCASE("with scale.missing: skip, a missing report leaves its targets unscored") {
    ContractScore s = score_contract(c, q("2018-H2"), {{q("2018-Q3"), &r3}}, kLate, kSkip);
    CHECK_FALSE(s.targets[0].achievement.has_value());
    CHECK(s.targets[0].reason == Unrealised::kMissing);
    CHECK_FALSE(s.targets[1].actual_value.has_value());
    CHECK_FALSE(s.score.has_value());
  }
  SUBCASE("a value missing from a report that is in scores 0 too") {
    Report partial = report("2018-Q4", {{"pengguna", 900}});
    ContractScore s = score_contract(c, q("2018-H2"),
                                     {{q("2018-Q3"), &r3}, {q("2018-Q4"), &partial}}, kLate, kZero);
    CHECK(*s.targets[0].achievement == 0);
    CHECK(*s.targets[1].achievement == doctest::Approx(100));
    CHECK(*s.score == doctest::Approx((0 + 2 * 100) / 3.0));
  }
  SUBCASE("a report not due yet leaves its targets unscored, under either rule") {
    Date q4_due = *Date::parse("2019-01-10");  // 2018-Q4's last day and 10 days of grace
    for (const ScoringRules& rules : {kZero, kSkip}) {
      ContractScore s =
          score_contract(c, q("2018-H2"), {{q("2018-Q3"), &r3}}, *Date::parse("2019-01-09"), rules);
      CHECK_FALSE(s.targets[0].achievement.has_value());
      CHECK(s.targets[0].reason == Unrealised::kNotDue);
      CHECK(s.targets[1].reason == Unrealised::kNotDue);
      CHECK_FALSE(s.score.has_value());
      // On its due date it is due.
      s = score_contract(c, q("2018-H2"), {{q("2018-Q3"), &r3}}, q4_due, rules);
      CHECK(s.targets[0].reason == Unrealised::kMissing);
    }
  }
  SUBCASE("a period with no target value has no rows and no score") {
    ContractScore s = score_contract(c, q("2018-Q1"), {}, kLate, kZero);
    CHECK(s.targets.empty());
    CHECK_FALSE(s.score.has_value());
  }
}

TEST_CASE("scoring bands take the first band at or below the score") {
  std::vector<Band> bands = Programme{}.bands();
  CHECK(band_of(91, bands)->label.en == "Very high");
  CHECK(band_of(90.99, bands)->label.en == "High");
  CHECK(band_of(0, bands)->label.id == "Sangat Rendah");
  CHECK(band_of(-5, bands) == nullptr);
}
