// Reporting periods: a quarter (triwulan) 2018-Q3, a half 2018-H2, a year 2018.
#pragma once
#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "inovasi/model/date.h"

namespace inovasi {

class Period {
 public:
  enum class Kind { kQuarter, kHalf, kYear };

  Period() = default;
  static std::optional<Period> parse(std::string_view text);
  // Why text is not a period: "'2018-Q5' is not a period: quarters are Q1 to Q4".
  static std::string explain_invalid(std::string_view text);
  static Period quarter(int year, int q) { return Period(Kind::kQuarter, year, q); }
  static Period half(int year, int h) { return Period(Kind::kHalf, year, h); }
  static Period whole_year(int year) { return Period(Kind::kYear, year, 0); }
  static Period quarter_of(const Date& date) {
    return quarter(date.year(), (date.month() + 2) / 3);
  }

  bool is_set() const { return year_ != 0; }
  Kind kind() const { return kind_; }
  bool is_quarter() const { return kind_ == Kind::kQuarter; }
  int year() const { return year_; }
  int index() const { return index_; }  // 1-4 for a quarter, 1-2 for a half, 0 for a year

  Date first_day() const;
  Date last_day() const;
  std::vector<Period> quarters() const;  // the quarters it is made of, in order
  Period next() const;                   // the following period of the same kind
  Period previous() const;
  bool contains(const Period& quarter) const;
  bool overlaps(const Date& start, const Date& end) const;
  // A quarter's report is due grace_days after the quarter ends.
  Date due_date(long grace_days) const { return last_day().plus_days(grace_days); }

  std::string str() const;
  auto operator<=>(const Period&) const = default;

 private:
  Period(Kind kind, int year, int index) : year_(year), kind_(kind), index_(index) {}
  // Ordering by first day: year, then kind, then index keeps quarters chronological.
  int year_ = 0;  // not set (no period was read)
  Kind kind_ = Kind::kQuarter;
  int index_ = 1;
};

// The last quarter that has ended on or before the given day.
Period last_ended_quarter(const Date& day);

}  // namespace inovasi
