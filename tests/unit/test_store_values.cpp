// Single field values: strict numbers and dates, number formatting, list
// cells and action-plan items.
#include <doctest/doctest.h>
#include <fmt/core.h>

#include <cstdint>
#include <string>
#include <vector>

#include "inovasi/store/values.h"

using namespace inovasi;
using Strings = std::vector<std::string>;

namespace {

// The error for text read as T, or "ok".
template <class T>
std::string error_of(std::string_view text) {
  T out{};
  return parse_value(text, out).value_or("ok");
}

std::int64_t whole(std::string_view text) {
  std::int64_t out = -999;
  auto error = parse_value(text, out);
  REQUIRE_FALSE(error.has_value());
  return out;
}

double decimal(std::string_view text) {
  double out = -999;
  auto error = parse_value(text, out);
  REQUIRE_FALSE(error.has_value());
  return out;
}

}  // namespace

TEST_CASE("values whole numbers") {
  SUBCASE("accepted") {
    CHECK(whole("0") == 0);
    CHECK(whole("7") == 7);
    CHECK(whole("150000000") == 150000000);
    CHECK(whole("-42") == -42);
    CHECK(whole("-0") == 0);
    CHECK(whole("999999999999999") == 999999999999999);
  }
  SUBCASE("refused with a reason") {
    using I = std::int64_t;
    CHECK(error_of<I>("0123") ==
          "'0123' is not a whole number: leading zeros are ambiguous (octal in YAML 1.1)");
    CHECK(error_of<I>("00") ==
          "'00' is not a whole number: leading zeros are ambiguous (octal in YAML 1.1)");
    CHECK(error_of<I>("1e3") == "'1e3' is not a whole number");
    CHECK(error_of<I>("0x1F") == "'0x1F' is not a whole number");
    CHECK(error_of<I>("12.50") == "'12.50' is not a whole number");
    CHECK(error_of<I>("1.0") == "'1.0' is not a whole number");
    CHECK(error_of<I>(".5") == "'.5' is not a whole number");
    CHECK(error_of<I>("+5") == "'+5' is not a whole number");
    CHECK(error_of<I>(" 5") == "' 5' is not a whole number");
    CHECK(error_of<I>("1_000") == "'1_000' is not a whole number");
    CHECK(error_of<I>("1.000.000") == "'1.000.000' is not a whole number");
    CHECK(error_of<I>("") == "'' is not a whole number");
    CHECK(error_of<I>("-") == "'-' is not a whole number");
    CHECK(error_of<I>("yes") == "'yes' is not a whole number");
    CHECK(error_of<I>("1234567890123456") == "'1234567890123456' is too large");
    CHECK(error_of<I>("99999999999999999999999") == "'99999999999999999999999' is too large");
  }
}

TEST_CASE("values decimal numbers") {
  SUBCASE("accepted") {
    CHECK(decimal("0") == 0.0);
    CHECK(decimal("87.5") == 87.5);
    CHECK(decimal("-0.5") == -0.5);
    CHECK(decimal("12.50") == 12.5);
    CHECK(decimal("0.1") == 0.1);
    CHECK(decimal("120") == 120.0);
  }
  SUBCASE("refused with a reason") {
    CHECK(error_of<double>(".5") == "'.5' is not a number");
    CHECK(error_of<double>("5.") == "'5.' is not a number");
    CHECK(error_of<double>("1e3") == "'1e3' is not a number");
    CHECK(error_of<double>("0x1F") == "'0x1F' is not a number");
    CHECK(error_of<double>("1,5") == "'1,5' is not a number");
    CHECK(error_of<double>(".inf") == "'.inf' is not a number");
    CHECK(error_of<double>("nan") == "'nan' is not a number");
    CHECK(error_of<double>("0123") ==
          "'0123' is not a number: leading zeros are ambiguous (octal in YAML 1.1)");
    CHECK(error_of<double>("00.5") ==
          "'00.5' is not a number: leading zeros are ambiguous (octal in YAML 1.1)");
    CHECK(error_of<double>("1234567890123456.5") == "'1234567890123456.5' is too large");
  }
  SUBCASE("kept exactly or refused, never rounded") {
    CHECK(error_of<double>("12345678901.123456") ==
          "'12345678901.123456' has more significant digits than a number holds and would "
          "become 12345678901.123455; round it");
    CHECK(error_of<double>("0.12345678901234567") ==
          "'0.12345678901234567' has more significant digits than a number holds and would "
          "become 0.12345678901234566; round it");
    // 15 significant digits always survive; trailing zeros are no digits lost.
    CHECK(decimal("12345678901.1234") == 12345678901.1234);
    CHECK(decimal("99999999999999.9") == 99999999999999.9);
    CHECK(decimal("0.000000000000001") == 1e-15);
    CHECK(decimal("1.50000000000000000000") == 1.5);
    CHECK(decimal("-0.000") == 0.0);
    // A double's own shortest text is kept, however long.
    CHECK(decimal("0.30000000000000004") == 0.1 + 0.2);
  }
}

TEST_CASE("values dates and strings") {
  Date d;
  CHECK_FALSE(parse_value("2018-04-03", d).has_value());
  CHECK(d.str() == "2018-04-03");
  CHECK(error_of<Date>("2018-02-30") == "'2018-02-30' is not a date: February 2018 has 28 days");
  CHECK(error_of<Date>("3 April 2018") == "'3 April 2018' is not a date (write YYYY-MM-DD)");
  std::string s;
  CHECK_FALSE(parse_value(" as is ", s).has_value());
  CHECK(s == " as is ");
  CHECK(format_value(d) == "2018-04-03");
  CHECK(format_value(std::string("no")) == "no");
  CHECK(format_value(std::int64_t{-150000000}) == "-150000000");
}

TEST_CASE("values booleans are true or false, nothing YAML readers disagree on") {
  bool b = false;
  CHECK_FALSE(parse_value("true", b).has_value());
  CHECK(b);
  CHECK_FALSE(parse_value("false", b).has_value());
  CHECK_FALSE(b);
  for (const char* text : {"yes", "no", "on", "True", "FALSE", "1", "0", "", "y"}) {
    INFO(text);
    CHECK(error_of<bool>(text) == fmt::format("'{}' is not true or false", text));
  }
  CHECK(format_value(true) == "true");
  CHECK(format_value(false) == "false");
}

TEST_CASE("values enumerations through parse_value") {
  Stage stage = Stage::kInitiative;
  CHECK_FALSE(parse_value("uji coba", stage).has_value());
  CHECK(stage == Stage::kTrial);
  CHECK(format_value(stage) == "trial");
  CHECK(error_of<Stage>("selesai") ==
        "'selesai' is not a stage (expected initiative, trial, implemented or dropped)");
}

TEST_CASE("values format_value of a decimal is the shortest fixed text") {
  CHECK(format_value(0.0) == "0");
  CHECK(format_value(-0.0) == "0");
  CHECK(format_value(0.1) == "0.1");
  CHECK(format_value(87.5) == "87.5");
  CHECK(format_value(100.0) == "100");
  CHECK(format_value(120.0) == "120");
  CHECK(format_value(-0.5) == "-0.5");
  CHECK(format_value(1e-7) == "0.0000001");
  CHECK(format_value(2.675) == "2.675");
  CHECK(format_value(123.456) == "123.456");
  CHECK(format_value(1.0 / 3.0) == "0.3333333333333333");
  CHECK(format_value(0.1 + 0.2) == "0.30000000000000004");
  CHECK(format_value(66.66) == "66.66");

  SUBCASE("never an exponent, and it reads back the same") {
    for (double v : {0.1, 87.5, 100.0, 1e-7, 1.5e-10, 0.1 + 0.2, 1.0 / 3.0, 99.99, 120.0,
                     123456789.125, -42.25}) {
      std::string text = format_value(v);
      CAPTURE(text);
      CHECK(text.find_first_of("eE") == std::string::npos);
      double back = 0;
      CHECK_FALSE(parse_value(text, back).has_value());
      CHECK(back == v);
    }
  }
}

TEST_CASE("values list cells") {
  SUBCASE("split") {
    CHECK(split_list_cell("") == Strings{});
    CHECK(split_list_cell("a") == Strings{"a"});
    CHECK(split_list_cell("a;b;c") == Strings{"a", "b", "c"});
    CHECK(split_list_cell(" a ; ;b ;") == Strings{"a", "b"});
    CHECK(split_list_cell("a\\;b;c") == Strings{"a;b", "c"});
    CHECK(split_list_cell("d\\\\;e") == Strings{"d\\", "e"});
    CHECK(split_list_cell("C:\\x") == Strings{"C:\\x"});
  }
  SUBCASE("join escapes separators and backslashes") {
    CHECK(join_list_cell({}) == "");
    CHECK(join_list_cell({"a", "b"}) == "a;b");
    CHECK(join_list_cell({"a;b", "c"}) == "a\\;b;c");
    CHECK(join_list_cell({"d\\", "e"}) == "d\\\\;e");
  }
  SUBCASE("round trip") {
    for (const Strings& items : {Strings{"antrean", "digital"}, Strings{"a;b", "c\\d", "e\\;f"},
                                 Strings{"x\\"}, Strings{"Jum'at; bersih", "100%"}}) {
      CAPTURE(join_list_cell(items));
      CHECK(split_list_cell(join_list_cell(items)) == items);
    }
  }
}

namespace {

std::string item_parts(std::string_view text) {
  PlanStep step;
  if (auto error = parse_item(text, step)) return "error: " + *error;
  return step.step + " | " + (step.due ? step.due->str() : "-") + " | " +
         (step.done ? step.done->str() : "-");
}

PlanStep make_step(std::string text, std::optional<std::string> due,
                   std::optional<std::string> done) {
  PlanStep s;
  s.step = std::move(text);
  if (due) s.due = Date::parse(*due);
  if (done) s.done = Date::parse(*done);
  return s;
}

}  // namespace

TEST_CASE("values plan items") {
  SUBCASE("read") {
    CHECK(item_parts("Sosialisasi") == "Sosialisasi | - | -");
    CHECK(item_parts("  Sosialisasi  ") == "Sosialisasi | - | -");
    CHECK(item_parts("Sosialisasi @ 2018-06-30") == "Sosialisasi | 2018-06-30 | -");
    CHECK(item_parts("Uji coba loket @ 2018-09-30 / 2018-10-02") ==
          "Uji coba loket | 2018-09-30 | 2018-10-02");
    CHECK(item_parts("Rapat @ / 2018-03-01") == "Rapat | - | 2018-03-01");
    CHECK(item_parts("Kirim ke x@y.id @ 2018-06-30") == "Kirim ke x@y.id | 2018-06-30 | -");
  }
  SUBCASE("read errors") {
    CHECK(item_parts("Rapat @ 2018-02-30") ==
          "error: step 'Rapat': due '2018-02-30' is not a date: February 2018 has 28 days");
    CHECK(item_parts("Rapat @ 2018-06-30 / kemarin") ==
          "error: step 'Rapat': done 'kemarin' is not a date (write YYYY-MM-DD)");
    CHECK(item_parts(" @ 2018-06-30") == "error: a plan step needs its text before ' @ '");
  }
  SUBCASE("write") {
    CHECK(format_item(make_step("Sosialisasi", {}, {})) == "Sosialisasi");
    CHECK(format_item(make_step("Sosialisasi", "2018-06-30", {})) == "Sosialisasi @ 2018-06-30");
    CHECK(format_item(make_step("Uji coba", "2018-09-30", "2018-10-02")) ==
          "Uji coba @ 2018-09-30 / 2018-10-02");
    CHECK(format_item(make_step("Rapat", {}, "2018-03-01")) == "Rapat @ / 2018-03-01");
  }
  SUBCASE("both ways") {
    for (const auto& text : {"Sosialisasi", "Sosialisasi @ 2018-06-30",
                             "Uji coba @ 2018-09-30 / 2018-10-02", "Rapat @ / 2018-03-01"}) {
      CAPTURE(text);
      PlanStep step;
      REQUIRE_FALSE(parse_item(text, step).has_value());
      CHECK(format_item(step) == text);
    }
  }
}

TEST_CASE("values plan item round trip keeps a step whose text holds ' @ '") {
  // A step written without dates must read back as the same step.
  PlanStep original = make_step("Rapat @ kantor bupati", {}, {});
  PlanStep back;
  auto error = parse_item(format_item(original), back);
  CHECK_FALSE(error.has_value());
  CHECK(back.step == "Rapat @ kantor bupati");
  CHECK_FALSE(back.due.has_value());
}
