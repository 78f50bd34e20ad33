// Canonical YAML for records: we decide every quote ourselves, since
// yaml-cpp's emitter leaves `no`, `0123` and dates bare.
#include <array>
#include <string>
#include <string_view>

#include "inovasi/store/yaml_doc.h"

namespace inovasi::yaml {

// Everything here appends to one string: record files are written and, for
// the canonical-form warning, rewritten on every load.

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Unicode line breaks and the BOM: YAML 1.1 readers treat them specially.
// The length of the one at s[i], or 0.
std::size_t special_unicode_at(std::string_view s, std::size_t i) {
  std::string_view rest = s.substr(i);
  if (rest.starts_with("\xC2\x85")) return 2;
  if (rest.starts_with("\xE2\x80\xA8") || rest.starts_with("\xE2\x80\xA9") ||
      rest.starts_with("\xEF\xBB\xBF"))
    return 3;
  return 0;
}

bool has_special_unicode(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c == 0xC2 || c == 0xE2 || c == 0xEF) && special_unicode_at(s, i)) return true;
  }
  return false;
}

bool is_control(unsigned char c) {
  return c < 0x20 || c == 0x7F;
}

bool has_control(std::string_view s) {
  for (unsigned char c : s)
    if (is_control(c)) return true;
  return false;
}

// s equals word (lower case) but for the case of ASCII letters.
bool equals_ignoring_case(std::string_view s, std::string_view word) {
  if (s.size() != word.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != word[i]) return false;
  }
  return true;
}

// Strings that YAML 1.1 or 1.2 resolves to null, booleans, numbers,
// timestamps or merge keys when unquoted. Deliberately wide: quoting a
// string that did not need it costs two characters; missing one changes a type.
bool looks_typed(std::string_view s) {
  static constexpr std::array<std::string_view, 16> kWords = {
      "y",    "n", "yes",  "no",   "true", "false", "on",    "off",
      "null", "~", ".inf", ".nan", "<<",   "=",     "-.inf", "+.inf"};
  // Each of them starts with one of these, in either case.
  if (!s.empty() && s.size() <= 5 &&
      std::string_view("yYnNtTfFoO~.<=-+").find(s[0]) != std::string_view::npos)
    for (auto w : kWords)
      if (equals_ignoring_case(s, w)) return true;
  std::string_view body = s;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) body.remove_prefix(1);
  if (body.empty()) return false;
  if (!(is_digit(body[0]) || (body[0] == '.' && body.size() > 1 && is_digit(body[1]))))
    return false;
  // Number-ish and timestamp-ish characters only.
  for (char c : body) {
    bool ok = is_digit(c) ||
              std::string_view("abcdefABCDEFxXoO_.:+- tTzZ").find(c) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

}  // namespace

namespace {

// The characters a plain scalar must not start with.
constexpr std::array<bool, 256> kIndicator = [] {
  std::array<bool, 256> indicator{};
  for (char c : std::string_view("-?:,[]{}#&*!|>'\"%@`"))
    indicator[static_cast<unsigned char>(c)] = true;
  return indicator;
}();

}  // namespace

bool needs_quotes(std::string_view s, bool in_flow) {
  if (s.empty()) return true;
  if (s.front() == ' ' || s.back() == ' ' || s.back() == ':') return true;
  if (kIndicator[static_cast<unsigned char>(s.front())]) return true;
  if (s.starts_with("...")) return true;
  bool quotes = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (!kPlainSpecial[c]) continue;
    if (is_control(c)) return true;
    if (c >= 0x80) {
      if (special_unicode_at(s, i)) return true;
      continue;
    }
    switch (c) {
      case ':':  // ": " starts a value; in flow, yaml-cpp ends the text at ':'
        if (in_flow || (i + 1 < s.size() && s[i + 1] == ' ')) return true;
        break;
      case '#':  // " #" starts a comment
        if (in_flow || (i > 0 && s[i - 1] == ' ')) return true;
        break;
      case ',':
      case '[':
      case ']':
      case '{':
      case '}':
      case '?':  // yaml-cpp fails on a '?' inside a plain scalar in flow ([a?b])
        if (in_flow) return true;
        break;
      case '"':
      case '\'':
        quotes = true;
        break;
      default:
        break;
    }
  }
  // "a, 'b" read plain would leave scan's lexer inside a quote: parse would
  // refuse the file.
  if (quotes && leaves_quote_open(s)) return true;
  return looks_typed(s);
}

namespace {

bool needs_double_quotes(std::string_view s) {
  return has_control(s) || has_special_unicode(s);
}

void append_double_quoted(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out += '"';
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '"') {
      out += "\\\"";
    } else if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (is_control(c)) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else if (std::size_t n = c >= 0x80 ? special_unicode_at(s, i) : 0) {
      std::string_view special = s.substr(i, n);
      out += special == "\xC2\x85"       ? "\\u0085"
             : special == "\xE2\x80\xA8" ? "\\u2028"
             : special == "\xE2\x80\xA9" ? "\\u2029"
                                         : "\\uFEFF";
      i += n - 1;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
}

void append_single_quoted(std::string& out, std::string_view s) {
  out += '\'';
  for (char c : s) {
    if (c == '\'') out += '\'';
    out += c;
  }
  out += '\'';
}

void append_text(std::string& out, std::string_view s, bool in_flow) {
  if (!needs_quotes(s, in_flow))
    out += s;
  else if (needs_double_quotes(s))
    append_double_quoted(out, s);
  else
    append_single_quoted(out, s);
}

void append_scalar(std::string& out, const Node& n, bool in_flow) {
  if (n.kind == Kind::kNull)
    out += '~';
  else if (n.style == ScalarStyle::kRaw)
    out += n.value;
  else
    append_text(out, n.value, in_flow);
}

// Calls f with each line of s, as split on '\n' (a final '\n' gives a last
// empty line).
template <class F>
void for_each_line(std::string_view s, F f) {
  std::size_t start = 0;
  while (true) {
    std::size_t end = s.find('\n', start);
    f(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return;
    start = end + 1;
  }
}

// A literal block keeps free text readable; it cannot carry trailing spaces
// (canonical files have none), a leading space, or control characters.
bool fits_literal_block(std::string_view s) {
  if (s.find('\n') == std::string_view::npos) return false;
  if (s.front() == ' ' || s.front() == '\t') return false;
  for (unsigned char c : s)
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) return false;
  if (has_special_unicode(s)) return false;
  bool trailing_blank = false;
  std::string_view first;  // the first non-empty line
  for_each_line(s, [&](std::string_view line) {
    if (line.empty()) return;
    if (line.back() == ' ' || line.back() == '\t') trailing_blank = true;
    if (first.empty()) first = line;
  });
  // Only the first non-empty line sets the indentation; it must not start with a space.
  return !trailing_blank && !first.empty() && first.front() != ' ' && first.front() != '\t';
}

void append_literal_block(std::string& out, std::string_view s, int indent) {
  std::size_t trailing = 0;
  while (trailing < s.size() && s[s.size() - 1 - trailing] == '\n') ++trailing;
  out += trailing == 0 ? "|-\n" : trailing == 1 ? "|\n" : "|+\n";
  for_each_line(s.substr(0, s.size() - trailing), [&](std::string_view line) {
    if (!line.empty()) {
      out.append(static_cast<std::size_t>(indent), ' ');
      out += line;
    }
    out += '\n';
  });
  if (trailing > 1) out.append(trailing - 1, '\n');
}

void append_flow(std::string& out, const Node& n) {
  if (n.kind == Kind::kSequence) {
    out += '[';
    for (std::size_t i = 0; i < n.items.size(); ++i) {
      if (i) out += ", ";
      append_flow(out, n.items[i]);
    }
    out += ']';
  } else if (n.kind == Kind::kMap) {
    out += '{';
    for (std::size_t i = 0; i < n.entries.size(); ++i) {
      const Entry& e = n.entries[i];
      if (i) out += ", ";
      append_text(out, e.key, true);
      out += ": ";
      append_flow(out, e.value);
    }
    out += '}';
  } else {
    append_scalar(out, n, true);
  }
}

void emit_map(const Node& map, int indent, std::string& out, bool first_inline);

// Writes the part after "key:" (or "-"), including the line break.
void emit_value(const Node& n, int indent, std::string& out) {
  if (n.kind == Kind::kScalar && n.style == ScalarStyle::kText && fits_literal_block(n.value)) {
    out += ' ';
    append_literal_block(out, n.value, indent + 2);
  } else if (n.kind == Kind::kNull || n.kind == Kind::kScalar) {
    out += ' ';
    append_scalar(out, n, false);  // block context: commas need no quotes
    out += '\n';
  } else if (n.flow || (n.kind == Kind::kSequence && n.items.empty()) ||
             (n.kind == Kind::kMap && n.entries.empty())) {
    out += ' ';
    append_flow(out, n);
    out += '\n';
  } else if (n.kind == Kind::kMap) {
    out += '\n';
    emit_map(n, indent + 2, out, false);
  } else {
    out += '\n';
    for (const Node& item : n.items) {
      out.append(static_cast<std::size_t>(indent + 2), ' ');
      out += '-';
      if (item.kind == Kind::kMap && !item.flow && !item.entries.empty()) {
        out += ' ';
        emit_map(item, indent + 4, out, true);
      } else {
        emit_value(item, indent + 2, out);
      }
    }
  }
}

void emit_map(const Node& map, int indent, std::string& out, bool first_inline) {
  for (std::size_t i = 0; i < map.entries.size(); ++i) {
    const Entry& e = map.entries[i];
    if (!(first_inline && i == 0)) out.append(static_cast<std::size_t>(indent), ' ');
    append_text(out, e.key, false);
    out += ':';
    emit_value(e.value, indent, out);
  }
}

}  // namespace

std::string emit(const Node& root) {
  std::string out;
  out.reserve(1024);
  emit_map(root, 0, out, false);
  return out;
}

}  // namespace inovasi::yaml
