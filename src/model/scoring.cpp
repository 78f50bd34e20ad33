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
                                const ReportsByQuarter& reports, double cap) {
  TargetScore result;
  result.target = &t;
  std::vector<Period> quarters;
  for (const Period& q : period.quarters())
    if (t.by_period.count(q)) quarters.push_back(q);
  if (quarters.empty()) return result;
  if (t.mode == TargetMode::kCumulative) {
    const Period& last = quarters.back();
    result.target_value = t.by_period.at(last);
    result.actual_value = actual_for(reports, last, t.id);
  } else {
    double target_sum = 0, actual_sum = 0;
    bool complete = true;
    for (const Period& q : quarters) {
      target_sum += t.by_period.at(q);
      auto actual = actual_for(reports, q, t.id);
      if (actual)
        actual_sum += *actual;
      else
        complete = false;
    }
    result.target_value = target_sum;
    if (complete) result.actual_value = actual_sum;
  }
  if (result.actual_value)
    result.achievement = achievement(*result.target_value, *result.actual_value, t.polarity, cap);
  return result;
}

ContractScore score_contract(const Contract& contract, const Period& period,
                             const ReportsByQuarter& reports, double cap) {
  ContractScore result;
  double weighted = 0, weights = 0;
  for (const Target& t : contract.targets) {
    TargetScore s = score_target(t, period, reports, cap);
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
