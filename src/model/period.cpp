#include "inovasi/model/period.h"

#include <fmt/core.h>

#include "inovasi/util/messages.h"

namespace inovasi {

static bool all_digits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

std::optional<Period> Period::parse(std::string_view t) {
  if (t.size() < 4 || !all_digits(t.substr(0, 4))) return std::nullopt;
  int year = std::stoi(std::string(t.substr(0, 4)));
  if (year < 1) return std::nullopt;
  if (t.size() == 4) return whole_year(year);
  if (t.size() != 7 || t[4] != '-' || t[6] < '1' || t[6] > '9') return std::nullopt;
  int index = t[6] - '0';
  if (t[5] == 'Q' && index <= 4) return quarter(year, index);
  if (t[5] == 'H' && index <= 2) return half(year, index);
  return std::nullopt;
}

std::string Period::explain_invalid(std::string_view t) {
  std::string shape = tr("write YYYY-Qn for a quarter, YYYY-Hn for a half, YYYY for a year");
  if (t.size() == 7 && all_digits(t.substr(0, 4)) && t[4] == '-' && (t[5] == 'Q' || t[5] == 'H')) {
    if (t[5] == 'Q') return msg("'{}' is not a period: quarters are Q1 to Q4", t);
    return msg("'{}' is not a period: halves are H1 and H2", t);
  }
  return msg("'{}' is not a period ({})", t, shape);
}

// A day of any year, also of the years just outside those a date can be
// written with (the quarter before 0001-Q1, the one after 9999-Q4): the
// calendar repeats every 400 years, which are 146097 days.
static Date civil_day(int year, int month, int day) {
  int cycles = year < 1 ? (400 - year) / 400 : year > 9999 ? -((year - 9999 + 399) / 400) : 0;
  Date date = *Date::from_ymd(year + 400 * cycles, month, day);
  return cycles ? Date::from_days(date.days() - 146097L * cycles) : date;
}

Date Period::first_day() const {
  int month = kind_ == Kind::kQuarter ? 3 * index_ - 2 : kind_ == Kind::kHalf ? 6 * index_ - 5 : 1;
  return civil_day(year_, month, 1);
}

Date Period::last_day() const {
  int month = kind_ == Kind::kQuarter ? 3 * index_ : kind_ == Kind::kHalf ? 6 * index_ : 12;
  return civil_day(year_, month, days_in_month(year_, month));
}

std::vector<Period> Period::quarters() const {
  switch (kind_) {
    case Kind::kQuarter:
      return {*this};
    case Kind::kHalf:
      return {quarter(year_, 2 * index_ - 1), quarter(year_, 2 * index_)};
    case Kind::kYear:
      return {quarter(year_, 1), quarter(year_, 2), quarter(year_, 3), quarter(year_, 4)};
  }
  return {};
}

Period Period::next() const {
  switch (kind_) {
    case Kind::kQuarter:
      return index_ == 4 ? quarter(year_ + 1, 1) : quarter(year_, index_ + 1);
    case Kind::kHalf:
      return index_ == 2 ? half(year_ + 1, 1) : half(year_, 2);
    case Kind::kYear:
      return whole_year(year_ + 1);
  }
  return *this;
}

Period Period::previous() const {
  switch (kind_) {
    case Kind::kQuarter:
      return index_ == 1 ? quarter(year_ - 1, 4) : quarter(year_, index_ - 1);
    case Kind::kHalf:
      return index_ == 1 ? half(year_ - 1, 2) : half(year_, 1);
    case Kind::kYear:
      return whole_year(year_ - 1);
  }
  return *this;
}

bool Period::contains(const Period& q) const {
  return first_day() <= q.first_day() && q.last_day() <= last_day();
}

bool Period::overlaps(const Date& start, const Date& end) const {
  return first_day() <= end && start <= last_day();
}

std::string Period::str() const {
  switch (kind_) {
    case Kind::kQuarter:
      return fmt::format("{:04}-Q{}", year_, index_);
    case Kind::kHalf:
      return fmt::format("{:04}-H{}", year_, index_);
    case Kind::kYear:
      return fmt::format("{:04}", year_);
  }
  return "?";
}

Period last_ended_quarter(const Date& day) {
  Period q = Period::quarter_of(day);
  return day == q.last_day() ? q : q.previous();
}

}  // namespace inovasi
