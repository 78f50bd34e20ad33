#include "inovasi/model/compliance.h"

namespace inovasi {

const std::vector<EnumToken<ReportState>>& EnumInfo<ReportState>::tokens() {
  static const std::vector<EnumToken<ReportState>> t = {
      {ReportState::kOnTime, "on-time", {"tepat waktu"}},
      {ReportState::kLate, "late", {"terlambat"}},
      {ReportState::kMissing, "missing", {"belum ada", "tidak ada"}},
      {ReportState::kNotDue, "not-due", {"belum jatuh tempo"}},
  };
  return t;
}

std::vector<Period> owed_quarters(const Contract& contract) {
  std::vector<Period> quarters;
  if (!contract.start.is_set() || !contract.end.is_set() || contract.end < contract.start)
    return quarters;
  for (Period q = Period::quarter_of(contract.start); q.first_day() <= contract.end; q = q.next())
    quarters.push_back(q);
  return quarters;
}

ReportState report_state(const Period& quarter, const Report* report, const Date& as_of,
                         long grace_days) {
  Date due = quarter.due_date(grace_days);
  if (report && report->submitted <= as_of)
    return report->submitted <= due ? ReportState::kOnTime : ReportState::kLate;
  return due < as_of ? ReportState::kMissing : ReportState::kNotDue;
}

}  // namespace inovasi
