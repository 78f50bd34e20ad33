// Reading and writing single field values with strict rules: no octal
// `0123`, no `yes` for true, no `1e3`, no 2018-02-30.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "inovasi/model/date.h"
#include "inovasi/model/enums.h"
#include "inovasi/model/records.h"

namespace inovasi {

// Each returns an error message when text is not a value of that type.
std::optional<std::string> parse_value(std::string_view text, std::string& out);
std::optional<std::string> parse_value(std::string_view text, Date& out);
std::optional<std::string> parse_value(std::string_view text, std::int64_t& out);
// A number is kept exactly or refused: one with more significant digits
// than a double holds, which would be written back changed, is an error.
std::optional<std::string> parse_value(std::string_view text, double& out);
std::optional<std::string> parse_value(std::string_view text, Period& out);
// true or false only: not yes, on, True or 1, which YAML readers disagree on.
std::optional<std::string> parse_value(std::string_view text, bool& out);
template <class E>
requires std::is_enum_v<E> std::optional<std::string> parse_value(std::string_view text, E& out) {
  if (auto v = parse_enum<E>(text)) {
    out = *v;
    return std::nullopt;
  }
  return bad_enum_message<E>(text);
}

std::string format_value(const std::string& v);
std::string format_value(const Date& v);
std::string format_value(std::int64_t v);
std::string format_value(double v);  // shortest fixed-point text that reads back the same
std::string format_value(const Period& v);
// Only for bool itself: a pointer or a number must not turn into "true".
template <class B>
requires std::is_same_v<B, bool> std::string format_value(B v) {
  return v ? "true" : "false";
}
template <class E>
requires std::is_enum_v<E> std::string format_value(E v) {
  return std::string(token(v));
}

// A list in one CSV cell: items separated by ';', with '\;' and '\\' escapes.
std::vector<std::string> split_list_cell(std::string_view cell);
std::string join_list_cell(const std::vector<std::string>& items);

// A mapping in one CSV cell: "key=value;key=value".
std::optional<std::string> parse_pairs(std::string_view cell, std::map<std::string, double>& out);
std::string format_pairs(const std::map<std::string, double>& pairs);

// An action-plan step in one CSV item: "TEXT @ DUE" or "TEXT @ DUE / DONE".
std::optional<std::string> parse_item(std::string_view text, PlanStep& out);
std::string format_item(const PlanStep& step);

}  // namespace inovasi
