// Which quarterly reports a contract owes, and whether each came in on time,
// as the records stood on an as-of date.
#pragma once
#include <vector>

#include "inovasi/model/records.h"

namespace inovasi {

enum class ReportState { kOnTime, kLate, kMissing, kNotDue };

template <>
struct EnumInfo<ReportState> {
  static constexpr std::string_view what = tr_noop("a report state");
  static const std::vector<EnumToken<ReportState>>& tokens();
};

// Every calendar quarter that overlaps the contract's [start, end].
std::vector<Period> owed_quarters(const Contract& contract);

// A report submitted after as_of does not exist yet. The due day itself is on time.
ReportState report_state(const Period& quarter, const Report* report, const Date& as_of,
                         long grace_days);

}  // namespace inovasi
