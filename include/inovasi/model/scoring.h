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

struct TargetScore {
  const Target* target = nullptr;
  std::optional<double> target_value;  // T over the period
  std::optional<double> actual_value;  // R over the period, when every report needed is in
  std::optional<double> achievement;   // both known
};

struct ContractScore {
  std::vector<TargetScore> targets;  // those with a target value in the period
  std::optional<double> score;       // weighted mean of the scored targets
};

// The reports of one contract that exist on the as-of date, by quarter.
using ReportsByQuarter = std::map<Period, const Report*>;

// Cumulative targets take the last quarter of the period that has a target;
// per-period targets sum T and R over the quarters that have one. A missing
// report leaves its target unscored.
ContractScore score_contract(const Contract& contract, const Period& period,
                             const ReportsByQuarter& reports, double cap);

// The first band whose min is at or below the score.
const Band* band_of(double score, const std::vector<Band>& bands);

}  // namespace inovasi
