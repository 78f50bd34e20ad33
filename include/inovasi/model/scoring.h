// The scoring rules of the design, as pure functions of the records, the
// evaluated period and the as-of date.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "inovasi/model/records.h"

namespace inovasi {

// Achievement of realisation R against target T, in percent, capped at cap:
// higher is better R/T x 100; lower is better (2T - R)/T x 100, never below
// 0; T = 0 gives 100 when R meets it, else 0.
double achievement(double target, double actual, Polarity polarity, double cap);

// Why a target has no realisation for the period.
enum class Unrealised {
  kNo,       // it has one
  kMissing,  // a quarter whose report is due has no value for it
  kNotDue,   // a quarter has no value yet, and its report is not due yet
};

struct TargetScore {
  const Target* target = nullptr;
  std::optional<double> target_value;  // T over the period
  std::optional<double> actual_value;  // R over the period, when every report needed is in
  // Both known; or 0 when a value is missing under scale.missing: zero.
  std::optional<double> achievement;
  Unrealised reason = Unrealised::kNo;
};

struct ContractScore {
  std::vector<TargetScore> targets;  // those with a target value in the period
  std::optional<double> score;       // weighted mean of the scored targets
};

// The reports of one contract that exist on the as-of date, by quarter.
using ReportsByQuarter = std::map<Period, const Report*>;

// The rules of scoring a period that the programme sets.
struct ScoringRules {
  double cap = 120;
  MissingRule missing = MissingRule::kZero;
  long grace_days = 10;  // a quarter's report is due this many days after it
};

// Cumulative targets take the last quarter of the period that has a target;
// per-period targets sum T and R over the quarters that have one. A value
// missing for a quarter whose report is due on `as_of` (no report, or none
// for that target) scores the target 0 under MissingRule::kZero and leaves
// it unscored under kSkip; one whose report is not due yet leaves it
// unscored. A missing value is never read as R = 0.
ContractScore score_contract(const Contract& contract, const Period& period,
                             const ReportsByQuarter& reports, const Date& as_of,
                             const ScoringRules& rules);

// The first band whose min is at or below the score.
const Band* band_of(double score, const std::vector<Band>& bands);

}  // namespace inovasi
