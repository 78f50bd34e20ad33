// Periods, dates and the number values of records: the strict readers and
// their messages.
//
// Properties: a value read from text is written (str(), format_value) as a
// text that reads back to the same value; dates and periods agree with each
// other (a day's days since 1970 give the day back, a period's quarters lie
// in it).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "inovasi/model/date.h"
#include "inovasi/model/period.h"
#include "inovasi/store/values.h"

namespace {

using namespace inovasi;

void check_date(std::string_view text) {
  auto date = Date::parse(text);
  if (!date) {
    fuzz::require(!Date::explain_invalid(text).empty(), "an invalid date is explained", text);
    Date out;
    fuzz::require(parse_value(text, out).has_value(), "parse_value refuses what parse refuses",
                  text);
    return;
  }
  std::string written = date->str();
  fuzz::require(written == format_value(*date), "str() and format_value agree", written);
  fuzz::require(Date::parse(written) == date, "a date's text reads back to the date", written);
  Date value;
  fuzz::require(!parse_value(text, value) && value == *date, "parse_value reads the date", text);
  fuzz::require(Date::from_days(date->days()) == *date, "days since 1970 give the day back",
                written);
  fuzz::require(date->plus_days(1) > *date && date->plus_days(-1) < *date,
                "the next day is later, the one before earlier", written);
  Period quarter = Period::quarter_of(*date);
  fuzz::require(quarter.first_day() <= *date && *date <= quarter.last_day(),
                "a day lies in its quarter", written);
  Period ended = last_ended_quarter(*date);
  fuzz::require(ended.last_day() <= *date, "the last ended quarter has ended", written);
}

void check_period(std::string_view text) {
  auto period = Period::parse(text);
  if (!period) {
    fuzz::require(!Period::explain_invalid(text).empty(), "an invalid period is explained", text);
    Period out;
    fuzz::require(parse_value(text, out).has_value(), "parse_value refuses what parse refuses",
                  text);
    return;
  }
  std::string written = period->str();
  fuzz::require(written == format_value(*period), "str() and format_value agree", written);
  fuzz::require(Period::parse(written) == period, "a period's text reads back to the period",
                written);
  Period value;
  fuzz::require(!parse_value(text, value) && value == *period, "parse_value reads the period",
                text);
  fuzz::require(period->first_day() <= period->last_day(), "a period begins before it ends",
                written);
  Date previous_day = period->first_day();
  for (const Period& q : period->quarters()) {
    fuzz::require(q.is_quarter() && period->contains(q), "a period contains its quarters", written);
    fuzz::require(previous_day <= q.first_day(), "quarters are in order", written);
    previous_day = q.last_day();
  }
  fuzz::require(previous_day == period->last_day(), "the last quarter ends with the period",
                written);
  fuzz::require(period->next().previous() == *period, "next then previous is the same period",
                written);
  fuzz::require(period->overlaps(period->first_day(), period->last_day()),
                "a period overlaps its own days", written);
}

void check_int(std::string_view text) {
  std::int64_t value = 0;
  if (parse_value(text, value)) return;
  std::string written = format_value(value);
  std::int64_t again = 0;
  auto error = parse_value(written, again);
  fuzz::require(!error, "a whole number's text reads again", written);
  fuzz::require(again == value, "a whole number's text reads back the same", written);
}

void check_double(std::string_view text) {
  double value = 0;
  if (parse_value(text, value)) return;
  fuzz::require(std::isfinite(value), "numbers are finite", text);
  std::string written = format_value(value);
  double again = 0;
  auto error = parse_value(written, again);
  fuzz::require(!error, "a number's text reads again", std::string(text) + " -> " + written);
  fuzz::require(again == value, "a number's text reads back the same",
                std::string(text) + " -> " + written);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 4096) return 0;  // values are short; long inputs only slow the search
  std::string_view text(reinterpret_cast<const char*>(data), size);
  check_date(text);
  check_period(text);
  check_int(text);
  check_double(text);
  return 0;
}
