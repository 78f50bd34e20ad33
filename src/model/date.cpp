#include "inovasi/model/date.h"

#include <fmt/core.h>

#include <ctime>

#include "inovasi/util/messages.h"

namespace inovasi {

bool is_leap_year(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && is_leap_year(y)) return 29;
  return kDays[m - 1];
}

std::optional<Date> Date::from_ymd(int y, int m, int d) {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
  return Date(y, m, d);
}

static bool digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

static int number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

static bool well_shaped(std::string_view t) {
  return t.size() == 10 && t[4] == '-' && t[7] == '-' && digits(t.substr(0, 4)) &&
         digits(t.substr(5, 2)) && digits(t.substr(8, 2));
}

std::optional<Date> Date::parse(std::string_view t) {
  if (!well_shaped(t)) return std::nullopt;
  return from_ymd(number(t.substr(0, 4)), number(t.substr(5, 2)), number(t.substr(8, 2)));
}

std::string Date::explain_invalid(std::string_view t) {
  if (!well_shaped(t)) return msg("'{}' is not a date (write YYYY-MM-DD)", t);
  int y = number(t.substr(0, 4)), m = number(t.substr(5, 2));
  if (y < 1) return msg("'{}' is not a date: there is no year 0", t);
  if (m < 1 || m > 12) return msg("'{}' is not a date: there is no month {}", t, m);
  static const char* kMonths[] = {tr_noop("January"), tr_noop("February"), tr_noop("March"),
                                  tr_noop("April"),   tr_noop("May"),      tr_noop("June"),
                                  tr_noop("July"),    tr_noop("August"),   tr_noop("September"),
                                  tr_noop("October"), tr_noop("November"), tr_noop("December")};
  return msg("'{}' is not a date: {} {} has {} days", t, tr(kMonths[m - 1]), y,
             days_in_month(y, m));
}

// Howard Hinnant's days-from-civil algorithm.
long Date::days() const {
  int y = year_ - (month_ <= 2);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (month_ + (month_ > 2 ? -3 : 9)) + 2) / 5 + day_ - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::from_days(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return Date(static_cast<int>(y + (m <= 2)), m, d);
}

Date Date::today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return Date(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

std::string Date::str() const {
  return fmt::format("{:04}-{:02}-{:02}", year_, month_, day_);
}

}  // namespace inovasi
