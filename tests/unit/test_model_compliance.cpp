// Report compliance: the quarters a contract owes, and each report's state on
// an as-of date, at the edges of the due-date rule.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "builders.h"
#include "inovasi/model/compliance.h"

using namespace inovasi;
using namespace test;

namespace {

// The contract "rsud-2018" of unit "rsud-koesma" from start to end.
Contract rsud_contract(Date start, Date end) {
  return contract("rsud-2018", "rsud-koesma", start, end);
}

Report report_submitted(Period quarter, Date submitted) {
  Report r;
  r.contract = "rsud-2018";
  r.period = quarter;
  r.submitted = submitted;
  return r;
}

std::vector<std::string> owed(const Contract& c) {
  std::vector<std::string> out;
  for (const auto& q : owed_quarters(c)) out.push_back(q.str());
  return out;
}

std::string state(const Period& q, const Report* r, Date as_of, long grace = 10) {
  return std::string(token(report_state(q, r, as_of, grace)));
}

}  // namespace

TEST_CASE("owed_quarters: every calendar quarter that overlaps the contract") {
  // A contract that starts mid-quarter owes that whole quarter.
  CHECK(owed(rsud_contract(ymd(2018, 5, 2), ymd(2019, 3, 31))) ==
        std::vector<std::string>{"2018-Q2", "2018-Q3", "2018-Q4", "2019-Q1"});
  // One that ends mid-quarter owes the quarter it ends in.
  CHECK(owed(rsud_contract(ymd(2018, 4, 1), ymd(2019, 2, 15))) ==
        std::vector<std::string>{"2018-Q2", "2018-Q3", "2018-Q4", "2019-Q1"});
  // Ending on a quarter's first day still overlaps it.
  CHECK(owed(rsud_contract(ymd(2018, 4, 1), ymd(2018, 10, 1))) ==
        std::vector<std::string>{"2018-Q2", "2018-Q3", "2018-Q4"});
  // Starting on a quarter's last day owes it.
  CHECK(owed(rsud_contract(ymd(2018, 6, 30), ymd(2018, 9, 30))) ==
        std::vector<std::string>{"2018-Q2", "2018-Q3"});
  // A single day.
  CHECK(owed(rsud_contract(ymd(2018, 8, 17), ymd(2018, 8, 17))) ==
        std::vector<std::string>{"2018-Q3"});
  // End before start owes nothing (check reports the dates).
  CHECK(owed(rsud_contract(ymd(2019, 3, 31), ymd(2018, 4, 1))).empty());
}

TEST_CASE("report_state: submitted on the due day is on time, the day after late") {
  Period q3 = Period::quarter(2018, 3);  // due 2018-10-10 with grace 10
  Report on_due = report_submitted(q3, ymd(2018, 10, 10));
  Report day_after = report_submitted(q3, ymd(2018, 10, 11));
  Report early = report_submitted(q3, ymd(2018, 9, 28));

  CHECK(state(q3, &on_due, ymd(2018, 10, 10)) == "on-time");
  CHECK(state(q3, &on_due, ymd(2019, 6, 1)) == "on-time");
  CHECK(state(q3, &early, ymd(2018, 9, 28)) == "on-time");
  CHECK(state(q3, &day_after, ymd(2018, 10, 11)) == "late");
  CHECK(state(q3, &day_after, ymd(2019, 6, 1)) == "late");

  // With no grace the quarter's last day is the due day.
  Report last_day = report_submitted(q3, ymd(2018, 9, 30));
  Report first_of_next = report_submitted(q3, ymd(2018, 10, 1));
  CHECK(state(q3, &last_day, ymd(2018, 12, 31), 0) == "on-time");
  CHECK(state(q3, &first_of_next, ymd(2018, 12, 31), 0) == "late");
}

TEST_CASE("report_state: no report is not-due through the due day, missing the day after") {
  Period q3 = Period::quarter(2018, 3);
  CHECK(state(q3, nullptr, ymd(2018, 10, 1)) == "not-due");
  CHECK(state(q3, nullptr, ymd(2018, 10, 10)) == "not-due");
  CHECK(state(q3, nullptr, ymd(2018, 10, 11)) == "missing");
  CHECK(state(q3, nullptr, ymd(2019, 1, 1)) == "missing");

  Period q4 = Period::quarter(2018, 4);  // due 2019-01-10
  CHECK(state(q4, nullptr, ymd(2019, 1, 10)) == "not-due");
  CHECK(state(q4, nullptr, ymd(2019, 1, 11)) == "missing");
  CHECK(state(q4, nullptr, ymd(2018, 12, 31), 0) == "not-due");
  CHECK(state(q4, nullptr, ymd(2019, 1, 1), 0) == "missing");
}

TEST_CASE("report_state: a report submitted after the as-of date is not there yet") {
  Period q3 = Period::quarter(2018, 3);
  Report on_time = report_submitted(q3, ymd(2018, 10, 8));
  Report late = report_submitted(q3, ymd(2018, 11, 2));

  CHECK(state(q3, &on_time, ymd(2018, 10, 7)) == "not-due");
  CHECK(state(q3, &on_time, ymd(2018, 10, 8)) == "on-time");
  CHECK(state(q3, &late, ymd(2018, 10, 10)) == "not-due");
  CHECK(state(q3, &late, ymd(2018, 10, 11)) == "missing");
  CHECK(state(q3, &late, ymd(2018, 11, 1)) == "missing");
  CHECK(state(q3, &late, ymd(2018, 11, 2)) == "late");
}

TEST_CASE("report states read and print as tokens, Indonesian words accepted") {
  CHECK(token(ReportState::kOnTime) == "on-time");
  CHECK(token(ReportState::kLate) == "late");
  CHECK(token(ReportState::kMissing) == "missing");
  CHECK(token(ReportState::kNotDue) == "not-due");
  CHECK(parse_enum<ReportState>("tepat waktu") == ReportState::kOnTime);
  CHECK(parse_enum<ReportState>("Terlambat") == ReportState::kLate);
  CHECK(parse_enum<ReportState>("belum jatuh tempo") == ReportState::kNotDue);
  CHECK(parse_enum<ReportState>("not-due") == ReportState::kNotDue);
  CHECK_FALSE(parse_enum<ReportState>("overdue").has_value());
}
