// Calendar dates: strict ISO parsing, messages, day arithmetic.
#include <doctest/doctest.h>

#include <string>

#include "builders.h"
#include "inovasi/model/date.h"

using namespace inovasi;
using namespace test;

TEST_CASE("Date parse accepts real days written YYYY-MM-DD") {
  auto d = Date::parse("2018-04-03");
  REQUIRE(d.has_value());
  CHECK(d->year() == 2018);
  CHECK(d->month() == 4);
  CHECK(d->day() == 3);
  CHECK(d->str() == "2018-04-03");

  for (std::string good : {"2020-02-29", "2000-02-29", "2018-12-31", "2018-01-01", "0001-01-01",
                           "9999-12-31", "2018-04-30"}) {
    CAPTURE(good);
    auto parsed = Date::parse(good);
    REQUIRE(parsed.has_value());
    CHECK(parsed->str() == good);
  }
}

TEST_CASE("Date parse refuses impossible or mis-shaped dates") {
  for (std::string bad :
       {"2018-02-30", "2019-02-29", "1900-02-29", "2018-13-01", "2018-00-10", "2018-01-00",
        "2018-04-31", "18-01-01", "2018-1-1", "2018/01/01", "20180101", "", " 2018-01-01",
        "2018-01-01 ", "2018-01-01T00:00", "+018-01-01", "2018-0a-01", "0000-01-01"}) {
    CAPTURE(bad);
    CHECK_FALSE(Date::parse(bad).has_value());
  }
}

TEST_CASE("Date explain_invalid says why") {
  CHECK(Date::explain_invalid("2018-02-30") ==
        "'2018-02-30' is not a date: February 2018 has 28 days");
  CHECK(Date::explain_invalid("2019-02-29") ==
        "'2019-02-29' is not a date: February 2019 has 28 days");
  CHECK(Date::explain_invalid("2018-04-31") ==
        "'2018-04-31' is not a date: April 2018 has 30 days");
  CHECK(Date::explain_invalid("2018-01-32") ==
        "'2018-01-32' is not a date: January 2018 has 31 days");
  CHECK(Date::explain_invalid("2018-13-01") == "'2018-13-01' is not a date: there is no month 13");
  CHECK(Date::explain_invalid("2018-00-10") == "'2018-00-10' is not a date: there is no month 0");
  CHECK(Date::explain_invalid("0000-01-01") == "'0000-01-01' is not a date: there is no year 0");
  CHECK(Date::explain_invalid("18-01-01") == "'18-01-01' is not a date (write YYYY-MM-DD)");
  CHECK(Date::explain_invalid("2018-1-1") == "'2018-1-1' is not a date (write YYYY-MM-DD)");
  CHECK(Date::explain_invalid("03/04/2018") == "'03/04/2018' is not a date (write YYYY-MM-DD)");
  CHECK(Date::explain_invalid("") == "'' is not a date (write YYYY-MM-DD)");
}

TEST_CASE("Date from_ymd checks every part") {
  CHECK(Date::from_ymd(2020, 2, 29).has_value());
  CHECK_FALSE(Date::from_ymd(2019, 2, 29).has_value());
  CHECK_FALSE(Date::from_ymd(0, 1, 1).has_value());
  CHECK_FALSE(Date::from_ymd(10000, 1, 1).has_value());
  CHECK_FALSE(Date::from_ymd(2018, 0, 1).has_value());
  CHECK_FALSE(Date::from_ymd(2018, 13, 1).has_value());
  CHECK_FALSE(Date::from_ymd(2018, 1, 0).has_value());
  CHECK_FALSE(Date::from_ymd(2018, 6, 31).has_value());
}

TEST_CASE("Date leap years and month lengths") {
  CHECK(is_leap_year(2020));
  CHECK(is_leap_year(2000));
  CHECK(is_leap_year(2400));
  CHECK_FALSE(is_leap_year(2018));
  CHECK_FALSE(is_leap_year(1900));
  CHECK_FALSE(is_leap_year(2100));
  CHECK(days_in_month(2018, 1) == 31);
  CHECK(days_in_month(2018, 2) == 28);
  CHECK(days_in_month(2020, 2) == 29);
  CHECK(days_in_month(1900, 2) == 28);
  CHECK(days_in_month(2018, 4) == 30);
  CHECK(days_in_month(2018, 12) == 31);
}

TEST_CASE("Date days since 1970-01-01") {
  CHECK_FALSE(Date().is_set());  // a date never read is not 1970-01-01
  CHECK(Date::from_days(0).str() == "1970-01-01");
  CHECK(ymd(1969, 12, 31).days() == -1);
  CHECK(ymd(2000, 3, 1).days() == 11017);
  CHECK(ymd(2018, 4, 3).days() == 17624);
  CHECK(ymd(2020, 2, 29).days() == 18321);
  CHECK(ymd(1900, 3, 1).days() == -25508);
  CHECK(ymd(1, 1, 1).days() == -719162);
  CHECK(ymd(9999, 12, 31).days() == 2932896);
  CHECK(Date::from_days(17624).str() == "2018-04-03");
  CHECK(Date::from_days(-1).str() == "1969-12-31");
  CHECK(Date::from_days(-719162).str() == "0001-01-01");
  CHECK(Date::from_days(2932896).str() == "9999-12-31");
}

TEST_CASE("Date days and from_days round trip over the whole calendar") {
  // Every day from 0001-01-01 to 9999-12-31 is one more than the one before.
  Date previous = Date::from_days(-719162);
  REQUIRE(previous.str() == "0001-01-01");
  long checked = 0;
  for (long n = -719161; n <= 2932896; ++n) {
    Date d = Date::from_days(n);
    if (d.days() != n) {
      FAIL_CHECK("from_days(" << n << ") = " << d.str() << " gives back " << d.days());
      break;
    }
    bool next_day = d.year() == previous.year() && d.month() == previous.month() &&
                    d.day() == previous.day() + 1;
    bool next_month = d.year() == previous.year() && d.month() == previous.month() + 1 &&
                      d.day() == 1 &&
                      previous.day() == days_in_month(previous.year(), previous.month());
    bool next_year = d.year() == previous.year() + 1 && d.month() == 1 && d.day() == 1 &&
                     previous.month() == 12 && previous.day() == 31;
    if (!(next_day || next_month || next_year)) {
      FAIL_CHECK(d.str() << " does not follow " << previous.str());
      break;
    }
    auto reparsed = Date::parse(d.str());
    if (!reparsed || *reparsed != d) {
      FAIL_CHECK(d.str() << " does not parse back");
      break;
    }
    previous = d;
    ++checked;
  }
  CHECK(checked == 2932896 + 719161 + 1);
  CHECK(previous.str() == "9999-12-31");
}

TEST_CASE("Date plus_days across month and year ends") {
  CHECK(ymd(2018, 12, 31).plus_days(1).str() == "2019-01-01");
  CHECK(ymd(2019, 1, 1).plus_days(-1).str() == "2018-12-31");
  CHECK(ymd(2018, 1, 31).plus_days(1).str() == "2018-02-01");
  CHECK(ymd(2018, 4, 30).plus_days(1).str() == "2018-05-01");
  CHECK(ymd(2018, 3, 1).plus_days(-1).str() == "2018-02-28");
  CHECK(ymd(2018, 4, 3).plus_days(0).str() == "2018-04-03");
  CHECK(ymd(2018, 4, 3).plus_days(365).str() == "2019-04-03");
  CHECK(ymd(2018, 9, 30).plus_days(10).str() == "2018-10-10");
  CHECK(ymd(2018, 12, 31).plus_days(10).str() == "2019-01-10");
}

TEST_CASE("Date plus_days through leap days") {
  CHECK(ymd(2020, 2, 28).plus_days(1).str() == "2020-02-29");
  CHECK(ymd(2020, 2, 29).plus_days(1).str() == "2020-03-01");
  CHECK(ymd(2019, 2, 28).plus_days(1).str() == "2019-03-01");
  CHECK(ymd(2000, 2, 28).plus_days(1).str() == "2000-02-29");
  CHECK(ymd(1900, 2, 28).plus_days(1).str() == "1900-03-01");
  CHECK(ymd(2100, 2, 28).plus_days(1).str() == "2100-03-01");
  CHECK(ymd(2020, 3, 1).plus_days(-1).str() == "2020-02-29");
  CHECK(ymd(2020, 1, 1).plus_days(366).str() == "2021-01-01");
  CHECK(ymd(2019, 1, 1).plus_days(365).str() == "2020-01-01");
  CHECK(ymd(2020, 2, 29).plus_days(365).str() == "2021-02-28");
  CHECK(ymd(2020, 2, 29).plus_days(4 * 365 + 1).str() == "2024-02-29");
}

TEST_CASE("Date ordering") {
  CHECK(ymd(2018, 4, 3) < ymd(2018, 4, 4));
  CHECK(ymd(2018, 4, 30) < ymd(2018, 5, 1));
  CHECK(ymd(2018, 12, 31) < ymd(2019, 1, 1));
  CHECK(ymd(2018, 4, 3) == ymd(2018, 4, 3));
  CHECK(ymd(2019, 1, 1) > ymd(2018, 12, 31));
}
