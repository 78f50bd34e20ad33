// Calendar dates as the programme writes them: ISO YYYY-MM-DD, proleptic Gregorian.
#pragma once
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace inovasi {

class Date {
 public:
  Date() = default;
  // Accepts only YYYY-MM-DD naming a real day (no 2018-02-30).
  static std::optional<Date> parse(std::string_view text);
  // Why text is not a date, for messages: "'2018-02-30' is not a date: February 2018 has 28 days".
  static std::string explain_invalid(std::string_view text);
  static std::optional<Date> from_ymd(int year, int month, int day);
  static Date from_days(long days);  // days since 1970-01-01
  static Date today();               // local calendar day

  bool is_set() const { return year_ != 0; }
  int year() const { return year_; }
  int month() const { return month_; }
  int day() const { return day_; }
  long days() const;  // days since 1970-01-01
  Date plus_days(long n) const { return from_days(days() + n); }
  std::string str() const;

  auto operator<=>(const Date&) const = default;

 private:
  Date(int y, int m, int d) : year_(y), month_(m), day_(d) {}
  int year_ = 0, month_ = 1, day_ = 1;  // year 0: not set (no date was read)
};

bool is_leap_year(int year);
int days_in_month(int year, int month);

}  // namespace inovasi
