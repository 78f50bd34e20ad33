#include "inovasi/store/values.h"

#include <fmt/core.h>

#include <cmath>
#include <cstdlib>

#include "inovasi/util/messages.h"
#include "inovasi/util/text.h"

namespace inovasi {

std::optional<std::string> parse_value(std::string_view text, std::string& out) {
  out = std::string(text);
  return std::nullopt;
}

std::optional<std::string> parse_value(std::string_view text, Date& out) {
  if (auto d = Date::parse(text)) {
    out = *d;
    return std::nullopt;
  }
  return Date::explain_invalid(text);
}

// The numbers records hold: optional minus, digits without a leading zero,
// optional fraction. Anything else is refused rather than guessed.
static std::optional<std::string> check_number_shape(std::string_view text, bool whole) {
  std::string_view body = text;
  if (!body.empty() && body[0] == '-') body.remove_prefix(1);
  auto dot = body.find('.');
  std::string_view integer = body.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? "" : body.substr(dot + 1);
  auto all_digits = [](std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
  };
  std::string what = whole ? tr("a whole number") : tr("a number");
  if (!all_digits(integer) || (dot != std::string_view::npos && !all_digits(fraction)))
    return msg("'{}' is not {}", text, what);
  if (whole && dot != std::string_view::npos) return msg("'{}' is not a whole number", text);
  if (integer.size() > 1 && integer[0] == '0')
    return msg("'{}' is not {}: leading zeros are ambiguous (octal in YAML 1.1)", text, what);
  if (integer.size() > 15) return msg("'{}' is too large", text);
  return std::nullopt;
}

std::optional<std::string> parse_value(std::string_view text, std::int64_t& out) {
  if (auto error = check_number_shape(text, true)) return error;
  out = std::strtoll(std::string(text).c_str(), nullptr, 10);
  return std::nullopt;
}

std::optional<std::string> parse_value(std::string_view text, double& out) {
  if (auto error = check_number_shape(text, false)) return error;
  out = std::strtod(std::string(text).c_str(), nullptr);
  // 999999999999999.99999 is the double 1e15, which could not be written back.
  if (std::fabs(out) >= 1e15) return msg("'{}' is too large", text);
  // A number with more significant digits than a double holds would be
  // written back changed (12345678901.123456 as ...455): refused, never
  // rounded behind the user's back. Trailing zeros of a fraction are not lost.
  std::string_view exact = text;
  if (exact.find('.') != std::string_view::npos) {
    while (exact.ends_with('0')) exact.remove_suffix(1);
    if (exact.ends_with('.')) exact.remove_suffix(1);
  }
  // Any 15 significant digits survive a double (DBL_DIG): only a longer
  // number needs the slower comparison with its text written back.
  std::size_t significant = 0;
  bool leading = true;
  for (char c : exact)
    if (c >= '1' && c <= '9')
      ++significant, leading = false;
    else if (c == '0' && !leading)
      ++significant;
  if (significant > 15 && out != 0 && format_value(out) != exact)
    return msg("'{}' has more significant digits than a number holds and would become {}; round it",
               text, format_value(out));
  return std::nullopt;
}

std::optional<std::string> parse_value(std::string_view text, Period& out) {
  if (auto p = Period::parse(text)) {
    out = *p;
    return std::nullopt;
  }
  return Period::explain_invalid(text);
}

std::optional<std::string> parse_value(std::string_view text, bool& out) {
  if (text == "true" || text == "false") {
    out = text == "true";
    return std::nullopt;
  }
  return msg("'{}' is not true or false", text);
}

namespace {

// Dates and periods are written for every record saved, and for every one
// loaded (the canonical-form check): four digits need no fmt.
void append_digits(std::string& out, int value, int width) {
  char digits[4];
  for (int i = width - 1; i >= 0; --i, value /= 10) digits[i] = static_cast<char>('0' + value % 10);
  out.append(digits, static_cast<std::size_t>(width));
}

}  // namespace

std::string format_value(const Period& v) {
  if (v.year() < 0 || v.year() > 9999 || v.index() < 0 || v.index() > 9) return v.str();
  std::string out;
  append_digits(out, v.year(), 4);
  if (v.kind() == Period::Kind::kYear) return out;
  out += v.kind() == Period::Kind::kQuarter ? "-Q" : "-H";
  append_digits(out, v.index(), 1);
  return out;
}

std::optional<std::string> parse_pairs(std::string_view cell, std::map<std::string, double>& out) {
  for (const auto& item : split_list_cell(cell)) {
    auto eq = item.find('=');
    if (eq == std::string::npos) return msg("'{}' is not target=value", item);
    std::string key(text::trim(std::string_view(item).substr(0, eq)));
    std::string_view value = text::trim(std::string_view(item).substr(eq + 1));
    if (key.empty()) return msg("'{}' has nothing before '='", item);
    double number = 0;
    if (auto error = parse_value(value, number)) return key + ": " + *error;
    if (!out.emplace(key, number).second) return msg("'{}' is given twice", key);
  }
  return std::nullopt;
}

std::string format_pairs(const std::map<std::string, double>& pairs) {
  std::vector<std::string> items;
  for (const auto& [key, value] : pairs) items.push_back(key + "=" + format_value(value));
  return join_list_cell(items);
}

std::string format_value(const std::string& v) {
  return v;
}
std::string format_value(const Date& v) {
  if (v.year() < 0 || v.year() > 9999 || v.month() < 0 || v.month() > 99 || v.day() < 0 ||
      v.day() > 99)
    return v.str();
  std::string out;
  append_digits(out, v.year(), 4);
  out += '-';
  append_digits(out, v.month(), 2);
  out += '-';
  append_digits(out, v.day(), 2);
  return out;
}
std::string format_value(std::int64_t v) {
  return std::to_string(v);
}

std::string format_value(double v) {
  if (v == 0) return "0";
  if (std::nearbyint(v) == v && std::fabs(v) < 1e15)
    return std::to_string(static_cast<long long>(v));  // what {:.0f} writes, faster
  // Numbers below 1 need as many more decimals as there are zeros after the point.
  int zeros = std::fabs(v) < 1 ? static_cast<int>(-std::floor(std::log10(std::fabs(v)))) : 0;
  for (int precision = 1; precision < 17 + zeros; ++precision) {
    std::string s = fmt::format("{:.{}f}", v, precision);
    if (std::strtod(s.c_str(), nullptr) == v) return s;
  }
  return fmt::format("{:.{}f}", v, 17 + zeros);
}

std::vector<std::string> split_list_cell(std::string_view cell) {
  std::vector<std::string> items;
  std::string current;
  auto flush = [&] {
    std::string item(text::trim(current));
    if (!item.empty()) items.push_back(item);
    current.clear();
  };
  for (std::size_t i = 0; i < cell.size(); ++i) {
    char c = cell[i];
    if (c == '\\' && i + 1 < cell.size() && (cell[i + 1] == ';' || cell[i + 1] == '\\')) {
      current += cell[++i];
    } else if (c == ';') {
      flush();
    } else {
      current += c;
    }
  }
  flush();
  return items;
}

std::string join_list_cell(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ';';
    for (char c : items[i]) {
      if (c == ';' || c == '\\') out += '\\';
      out += c;
    }
  }
  return out;
}

std::optional<std::string> parse_item(std::string_view text, PlanStep& out) {
  out = PlanStep{};
  auto at = text.rfind(" @ ");
  std::string_view dates =
      at == std::string_view::npos ? std::string_view() : text::trim(text.substr(at + 3));
  // "Rapat @ kantor camat" is a step that happens to hold " @ ", not a due date.
  if (dates.empty() || !text::starts_with_any(dates, "0123456789/")) {
    out.step = std::string(text::trim(text));
    return std::nullopt;
  }
  std::string_view due = dates, done;
  if (auto slash = dates.find('/'); slash != std::string_view::npos) {
    due = text::trim(dates.substr(0, slash));
    done = text::trim(dates.substr(slash + 1));
  }
  out.step = std::string(text::trim(text.substr(0, at)));
  if (!due.empty()) {
    Date d;
    if (auto error = parse_value(due, d)) return msg("step '{}': due {}", out.step, *error);
    out.due = d;
  }
  if (!done.empty()) {
    Date d;
    if (auto error = parse_value(done, d)) return msg("step '{}': done {}", out.step, *error);
    out.done = d;
  }
  if (out.step.empty()) return tr("a plan step needs its text before ' @ '");
  return std::nullopt;
}

std::string format_item(const PlanStep& step) {
  std::string out = step.step;
  if (step.due || step.done) out += " @ ";
  if (step.due) out += step.due->str();
  if (step.done) out += (step.due ? " / " : "/ ") + step.done->str();
  return out;
}

}  // namespace inovasi
