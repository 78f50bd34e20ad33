#include "inovasi/store/json.h"

#include <fmt/core.h>

namespace inovasi {

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20)
          out += fmt::format("\\u{:04x}", c);
        else
          out += ch;
    }
  }
  return out + "\"";
}

static bool is_json_number(std::string_view s) {
  std::string_view body = s;
  if (!body.empty() && body[0] == '-') body.remove_prefix(1);
  if (body.empty() || body.find_first_not_of("0123456789.") != std::string_view::npos) return false;
  return body.find('.') == body.rfind('.') && body.front() != '.' && body.back() != '.';
}

std::string to_json(const yaml::Node& n, int indent) {
  std::string pad(indent + 2, ' '), end(indent, ' ');
  switch (n.kind) {
    case yaml::Kind::kNull:
      return "null";
    case yaml::Kind::kScalar:
      // Raw scalars are numbers, dates, tokens and the settings' true and false.
      if (n.style == yaml::ScalarStyle::kRaw &&
          (is_json_number(n.value) || n.value == "true" || n.value == "false"))
        return n.value;
      return json_string(n.value);
    case yaml::Kind::kSequence: {
      if (n.items.empty()) return "[]";
      std::string out = "[\n";
      for (std::size_t i = 0; i < n.items.size(); ++i)
        out += pad + to_json(n.items[i], indent + 2) + (i + 1 < n.items.size() ? ",\n" : "\n");
      return out + end + "]";
    }
    case yaml::Kind::kMap: {
      if (n.entries.empty()) return "{}";
      std::string out = "{\n";
      for (std::size_t i = 0; i < n.entries.size(); ++i)
        out += pad + json_string(n.entries[i].key) + ": " +
               to_json(n.entries[i].value, indent + 2) + (i + 1 < n.entries.size() ? ",\n" : "\n");
      return out + end + "}";
    }
  }
  return "null";
}

}  // namespace inovasi
