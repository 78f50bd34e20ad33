#include "inovasi/model/scoring.h"

#include <algorithm>

namespace inovasi {

double achievement(double target, double actual, Polarity polarity, double cap) {
  double value;
  if (target == 0) {
    bool met = polarity == Polarity::kHigher ? actual >= 0 : actual <= 0;
    value = met ? 100 : 0;
  } else if (polarity == Polarity::kHigher) {
    value = actual / target * 100;
  } else {
    value = std::max(0.0, (2 * target - actual) / target * 100);
  }
  return std::min(value, cap);
}

static std::optional<double> actual_for(const ReportsByQuarter& reports, const Period& quarter,
                                        const std::string& target) {
  auto report = reports.find(quarter);
  if (report == reports.end() || !report->second) return std::nullopt;
  auto value = report->second->actual.find(target);
  if (value == report->second->actual.end()) return std::nullopt;
  return value->second;
}

static TargetScore score_target(const Target& t, const Period& period,
                                const ReportsByQuarter& reports, const Date& as_of,
                                const ScoringRules& rules) {
  TargetScore result;
  result.target = &t;
  std::vector<Period> quarters;
  for (const Period& q : period.quarters())
    if (t.by_period.count(q)) quarters.push_back(q);
  if (quarters.empty()) return result;
  // Cumulative targets look at the last quarter with a target, per-period
  // ones at each.
  if (t.mode == TargetMode::kCumulative) quarters.erase(quarters.begin(), quarters.end() - 1);
  double target_sum = 0, actual_sum = 0;
  for (const Period& q : quarters) {
    target_sum += t.by_period.at(q);
    if (auto actual = actual_for(reports, q, t.id)) {
      actual_sum += *actual;
    } else if (!(as_of < q.due_date(rules.grace_days))) {
      result.reason = Unrealised::kMissing;
    } else if (result.reason == Unrealised::kNo) {
      result.reason = Unrealised::kNotDue;
    }
  }
  result.target_value = target_sum;
  if (result.reason == Unrealised::kNo) {
    result.actual_value = actual_sum;
    result.achievement = achievement(target_sum, actual_sum, t.polarity, rules.cap);
  } else if (result.reason == Unrealised::kMissing && rules.missing == MissingRule::kZero) {
    result.achievement = 0;  // silence scores nothing
  }
  return result;
}

ContractScore score_contract(const Contract& contract, const Period& period,
                             const ReportsByQuarter& reports, const Date& as_of,
                             const ScoringRules& rules) {
  ContractScore result;
  double weighted = 0, weights = 0;
  for (const Target& t : contract.targets) {
    TargetScore s = score_target(t, period, reports, as_of, rules);
    if (!s.target_value) continue;
    if (s.achievement) {
      weighted += *s.achievement * t.weight;
      weights += t.weight;
    }
    result.targets.push_back(s);
  }
  if (weights > 0) result.score = weighted / weights;
  return result;
}

const Band* band_of(double score, const std::vector<Band>& bands) {
  for (const Band& band : bands)
    if (band.min <= score) return &band;
  return nullptr;
}

}  // namespace inovasi
