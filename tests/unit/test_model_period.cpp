// Reporting periods: quarters, halves and years; their days, their order and
// the due date of a quarter's report.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "builders.h"
#include "inovasi/model/period.h"

using namespace inovasi;
using namespace test;

namespace {

std::vector<std::string> strs(const std::vector<Period>& periods) {
  std::vector<std::string> out;
  for (const auto& p : periods) out.push_back(p.str());
  return out;
}

}  // namespace

TEST_CASE("Period parses and prints quarters, halves and years") {
  Period q = p("2018-Q3");
  CHECK(q.kind() == Period::Kind::kQuarter);
  CHECK(q.is_quarter());
  CHECK(q.year() == 2018);
  CHECK(q.index() == 3);
  CHECK(q.str() == "2018-Q3");

  Period h = p("2018-H2");
  CHECK(h.kind() == Period::Kind::kHalf);
  CHECK_FALSE(h.is_quarter());
  CHECK(h.year() == 2018);
  CHECK(h.index() == 2);
  CHECK(h.str() == "2018-H2");

  Period y = p("2018");
  CHECK(y.kind() == Period::Kind::kYear);
  CHECK_FALSE(y.is_quarter());
  CHECK(y.year() == 2018);
  CHECK(y.index() == 0);
  CHECK(y.str() == "2018");

  for (std::string text :
       {"2018-Q1", "2018-Q2", "2018-Q4", "2019-Q1", "2018-H1", "2019", "0001", "9999-Q4"}) {
    CAPTURE(text);
    CHECK(p(text).str() == text);
  }
  CHECK(Period::quarter(2018, 2) == p("2018-Q2"));
  CHECK(Period::half(2018, 1) == p("2018-H1"));
  CHECK(Period::whole_year(2019) == p("2019"));
}

TEST_CASE("Period refuses impossible periods with a message naming the problem") {
  struct Case {
    const char* text;
    const char* message;
  };
  const char* shape = "(write YYYY-Qn for a quarter, YYYY-Hn for a half, YYYY for a year)";
  std::vector<Case> cases = {
      {"2018-Q5", "'2018-Q5' is not a period: quarters are Q1 to Q4"},
      {"2018-Q0", "'2018-Q0' is not a period: quarters are Q1 to Q4"},
      {"2018-H3", "'2018-H3' is not a period: halves are H1 and H2"},
      {"2018-H0", "'2018-H0' is not a period: halves are H1 and H2"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK_FALSE(Period::parse(c.text).has_value());
    CHECK(Period::explain_invalid(c.text) == c.message);
  }
  for (std::string text : {"18-Q1", "2018Q1", "", "2018-q1", "2018-Q", "2018-Q12", "201", "20180",
                           "2018-", "2018 ", " 2018", "2018-S1", "0000", "2018/Q1", "Q1-2018"}) {
    CAPTURE(text);
    CHECK_FALSE(Period::parse(text).has_value());
    CHECK(Period::explain_invalid(text) == "'" + text + "' is not a period " + shape);
  }
}

TEST_CASE("Period first and last day of quarters, halves and years") {
  struct Case {
    const char* text;
    Date first, last;
  };
  std::vector<Case> cases = {
      {"2018-Q1", ymd(2018, 1, 1), ymd(2018, 3, 31)},
      {"2018-Q2", ymd(2018, 4, 1), ymd(2018, 6, 30)},
      {"2018-Q3", ymd(2018, 7, 1), ymd(2018, 9, 30)},
      {"2018-Q4", ymd(2018, 10, 1), ymd(2018, 12, 31)},
      {"2020-Q1", ymd(2020, 1, 1), ymd(2020, 3, 31)},
      {"2018-H1", ymd(2018, 1, 1), ymd(2018, 6, 30)},
      {"2018-H2", ymd(2018, 7, 1), ymd(2018, 12, 31)},
      {"2018", ymd(2018, 1, 1), ymd(2018, 12, 31)},
      {"2020", ymd(2020, 1, 1), ymd(2020, 12, 31)},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(p(c.text).first_day() == c.first);
    CHECK(p(c.text).last_day() == c.last);
  }
  // 2020-Q1 spans the leap day: 91 days, one more than 2018-Q1.
  CHECK(p("2020-Q1").last_day().days() - p("2020-Q1").first_day().days() + 1 == 91);
  CHECK(p("2018-Q1").last_day().days() - p("2018-Q1").first_day().days() + 1 == 90);
}

TEST_CASE("Period quarters of a quarter, a half and a year, in order") {
  CHECK(strs(p("2018-Q3").quarters()) == std::vector<std::string>{"2018-Q3"});
  CHECK(strs(p("2018-H1").quarters()) == std::vector<std::string>{"2018-Q1", "2018-Q2"});
  CHECK(strs(p("2018-H2").quarters()) == std::vector<std::string>{"2018-Q3", "2018-Q4"});
  CHECK(strs(p("2019").quarters()) ==
        std::vector<std::string>{"2019-Q1", "2019-Q2", "2019-Q3", "2019-Q4"});
}

TEST_CASE("Period next and previous cross year boundaries") {
  CHECK(p("2018-Q4").next().str() == "2019-Q1");
  CHECK(p("2019-Q1").previous().str() == "2018-Q4");
  CHECK(p("2018-Q2").next().str() == "2018-Q3");
  CHECK(p("2018-Q3").previous().str() == "2018-Q2");
  CHECK(p("2018-H1").next().str() == "2018-H2");
  CHECK(p("2018-H2").next().str() == "2019-H1");
  CHECK(p("2019-H1").previous().str() == "2018-H2");
  CHECK(p("2018-H2").previous().str() == "2018-H1");
  CHECK(p("2018").next().str() == "2019");
  CHECK(p("2018").previous().str() == "2017");

  // Walking forward four quarters and back again lands where it began.
  Period q = p("2018-Q3");
  for (int i = 0; i < 4; ++i) q = q.next();
  CHECK(q.str() == "2019-Q3");
  for (int i = 0; i < 4; ++i) q = q.previous();
  CHECK(q.str() == "2018-Q3");
}

TEST_CASE("Period order is chronological for quarters across years") {
  CHECK(p("2018-Q4") < p("2019-Q1"));
  CHECK(p("2018-Q1") < p("2018-Q2"));
  CHECK(p("2019-Q1") > p("2018-Q4"));
  CHECK(p("2018-Q3") == Period::quarter(2018, 3));
  CHECK(p("2018-Q3") != p("2018-H2"));
}

TEST_CASE("Period contains quarters and overlaps date ranges") {
  CHECK(p("2018-H2").contains(p("2018-Q3")));
  CHECK(p("2018-H2").contains(p("2018-Q4")));
  CHECK_FALSE(p("2018-H2").contains(p("2018-Q2")));
  CHECK_FALSE(p("2018-H2").contains(p("2019-Q1")));
  CHECK(p("2018").contains(p("2018-Q1")));
  CHECK(p("2018").contains(p("2018-Q4")));
  CHECK_FALSE(p("2018").contains(p("2019-Q1")));
  CHECK_FALSE(p("2018").contains(p("2017-Q4")));
  CHECK(p("2018-Q3").contains(p("2018-Q3")));
  CHECK_FALSE(p("2018-Q3").contains(p("2018-Q4")));

  Period q3 = p("2018-Q3");
  // Touching the first or the last day is enough.
  CHECK(q3.overlaps(ymd(2018, 4, 1), ymd(2018, 7, 1)));
  CHECK(q3.overlaps(ymd(2018, 9, 30), ymd(2019, 3, 31)));
  CHECK(q3.overlaps(ymd(2018, 8, 1), ymd(2018, 8, 2)));
  CHECK(q3.overlaps(ymd(2018, 1, 1), ymd(2019, 12, 31)));
  CHECK_FALSE(q3.overlaps(ymd(2018, 4, 1), ymd(2018, 6, 30)));
  CHECK_FALSE(q3.overlaps(ymd(2018, 10, 1), ymd(2019, 3, 31)));
  CHECK(p("2019").overlaps(ymd(2018, 4, 1), ymd(2019, 1, 1)));
  CHECK_FALSE(p("2019").overlaps(ymd(2018, 4, 1), ymd(2018, 12, 31)));
}

TEST_CASE("Period due date is grace days after the quarter ends") {
  CHECK(p("2018-Q3").due_date(10) == ymd(2018, 10, 10));
  CHECK(p("2018-Q3").due_date(0) == ymd(2018, 9, 30));
  CHECK(p("2018-Q4").due_date(10) == ymd(2019, 1, 10));
  CHECK(p("2018-Q4").due_date(0) == ymd(2018, 12, 31));
  CHECK(p("2020-Q1").due_date(10) == ymd(2020, 4, 10));
  CHECK(p("2018-Q2").due_date(31) == ymd(2018, 7, 31));
}

TEST_CASE("Period quarter_of a day and the last quarter that has ended") {
  CHECK(Period::quarter_of(ymd(2018, 1, 1)).str() == "2018-Q1");
  CHECK(Period::quarter_of(ymd(2018, 3, 31)).str() == "2018-Q1");
  CHECK(Period::quarter_of(ymd(2018, 4, 1)).str() == "2018-Q2");
  CHECK(Period::quarter_of(ymd(2018, 12, 31)).str() == "2018-Q4");

  // On a quarter's last day that quarter has ended; the day before, it has not.
  CHECK(last_ended_quarter(ymd(2018, 9, 30)).str() == "2018-Q3");
  CHECK(last_ended_quarter(ymd(2018, 10, 1)).str() == "2018-Q3");
  CHECK(last_ended_quarter(ymd(2018, 9, 29)).str() == "2018-Q2");
  CHECK(last_ended_quarter(ymd(2018, 12, 31)).str() == "2018-Q4");
  CHECK(last_ended_quarter(ymd(2019, 1, 1)).str() == "2018-Q4");
  CHECK(last_ended_quarter(ymd(2019, 3, 30)).str() == "2018-Q4");
}
