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
    ContractScore s = score_contract(c, q("2018-Q3"), {{q("2018-Q3"), &r3}}, 120);
    REQUIRE(s.targets.size() == 2);
    CHECK(*s.targets[0].achievement == doctest::Approx(95));
    CHECK(*s.targets[1].achievement == doctest::Approx(80));
    CHECK(*s.score == doctest::Approx((95 + 2 * 80) / 3.0));
  }
  SUBCASE("a half: cumulative takes the last quarter, per-period sums") {
    ContractScore s =
        score_contract(c, q("2018-H2"), {{q("2018-Q3"), &r3}, {q("2018-Q4"), &r4}}, 120);
    CHECK(*s.targets[0].target_value == 30);
    CHECK(*s.targets[0].actual_value == 33);
    CHECK(*s.targets[1].target_value == 1300);
    CHECK(*s.targets[1].actual_value == 1300);
    CHECK(*s.targets[1].achievement == doctest::Approx(100));
  }
  SUBCASE("a missing report leaves its target unscored") {
    ContractScore s = score_contract(c, q("2018-H2"), {{q("2018-Q3"), &r3}}, 120);
    CHECK_FALSE(s.targets[0].achievement.has_value());
    CHECK_FALSE(s.targets[1].actual_value.has_value());
    CHECK_FALSE(s.score.has_value());
  }
  SUBCASE("a period with no target value has no rows and no score") {
    ContractScore s = score_contract(c, q("2018-Q1"), {}, 120);
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
