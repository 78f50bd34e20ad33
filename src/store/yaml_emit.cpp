// Canonical YAML for records: we decide every quote ourselves, since
// yaml-cpp's emitter leaves `no`, `0123` and dates bare.
#include <fmt/core.h>

#include <array>

#include "inovasi/store/yaml_doc.h"
#include "inovasi/util/text.h"

namespace inovasi::yaml {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Unicode line breaks and the BOM: YAML 1.1 readers treat them specially.
bool has_special_unicode(std::string_view s) {
  return s.find("\xC2\x85") != std::string_view::npos ||
         s.find("\xE2\x80\xA8") != std::string_view::npos ||
         s.find("\xE2\x80\xA9") != std::string_view::npos ||
         s.find("\xEF\xBB\xBF") != std::string_view::npos;
}

bool has_control(std::string_view s) {
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7F) return true;
  return false;
}

// Strings that YAML 1.1 or 1.2 resolves to null, booleans, numbers,
// timestamps or merge keys when unquoted. Deliberately wide: quoting a
// string that did not need it costs two characters; missing one changes a type.
bool looks_typed(std::string_view s) {
  static const std::array<std::string_view, 14> kWords = {
      "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~", ".inf", ".nan", "<<", "="};
  std::string lower = text::lower_ascii(s);
  for (auto w : kWords)
    if (lower == w) return true;
  if (lower == "-.inf" || lower == "+.inf") return true;
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

bool needs_quotes(std::string_view s, bool in_flow) {
  if (s.empty()) return true;
  if (s.front() == ' ' || s.back() == ' ') return true;
  if (has_control(s) || has_special_unicode(s)) return true;
  if (text::starts_with_any(s, "-?:,[]{}#&*!|>'\"%@`")) return true;
  if (s.starts_with("...")) return true;
  if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos ||
      s.back() == ':')
    return true;
  // yaml-cpp fails on a '?' inside a plain scalar in flow ([a?b]).
  if (in_flow && s.find_first_of(",[]{}:#?") != std::string_view::npos) return true;
  return looks_typed(s);
}

namespace {

bool needs_double_quotes(std::string_view s) {
  return has_control(s) || has_special_unicode(s);
}

std::string double_quoted(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::string_view rest = s.substr(i);
    if (c == '"')
      out += "\\\"";
    else if (c == '\\')
      out += "\\\\";
    else if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else if (c == '\r')
      out += "\\r";
    else if (c < 0x20 || c == 0x7F)
      out += fmt::format("\\x{:02X}", c);
    else if (rest.starts_with("\xC2\x85"))
      out += "\\u0085", i += 1;
    else if (rest.starts_with("\xE2\x80\xA8"))
      out += "\\u2028", i += 2;
    else if (rest.starts_with("\xE2\x80\xA9"))
      out += "\\u2029", i += 2;
    else if (rest.starts_with("\xEF\xBB\xBF"))
      out += "\\uFEFF", i += 2;
    else
      out += static_cast<char>(c);
  }
  return out + "\"";
}

std::string single_quoted(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "''";
    else
      out += c;
  }
  return out + "'";
}

std::string scalar_text(const Node& n, bool in_flow) {
  if (n.kind == Kind::kNull) return "~";
  if (n.style == ScalarStyle::kRaw) return n.value;
  if (!needs_quotes(n.value, in_flow)) return n.value;
  return needs_double_quotes(n.value) ? double_quoted(n.value) : single_quoted(n.value);
}

// A literal block keeps free text readable; it cannot carry trailing spaces
// (canonical files have none), a leading space, or control characters.
bool fits_literal_block(std::string_view s) {
  if (s.find('\n') == std::string_view::npos) return false;
  if (s.front() == ' ' || s.front() == '\t') return false;
  for (unsigned char c : s)
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) return false;
  if (has_special_unicode(s)) return false;
  for (const auto& line : text::split(s, '\n'))
    if (!line.empty() && (line.back() == ' ' || line.back() == '\t')) return false;
  // Only the first non-empty line sets the indentation; it must not start with a space.
  for (const auto& line : text::split(s, '\n'))
    if (!line.empty()) return line.front() != ' ' && line.front() != '\t';
  return false;
}

std::string literal_block(std::string_view s, int indent) {
  std::size_t trailing = 0;
  while (trailing < s.size() && s[s.size() - 1 - trailing] == '\n') ++trailing;
  std::string header = trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+";
  std::string body(s.substr(0, s.size() - trailing));
  std::string out = header + "\n";
  std::string pad(indent, ' ');
  for (const auto& line : text::split(body, '\n')) {
    if (!line.empty()) out += pad + line;
    out += "\n";
  }
  for (std::size_t i = 1; i < trailing; ++i) out += "\n";
  return out;
}

std::string flow(const Node& n) {
  if (n.kind == Kind::kSequence) {
    std::string out = "[";
    for (std::size_t i = 0; i < n.items.size(); ++i) out += (i ? ", " : "") + flow(n.items[i]);
    return out + "]";
  }
  if (n.kind == Kind::kMap) {
    std::string out = "{";
    for (std::size_t i = 0; i < n.entries.size(); ++i) {
      const Entry& e = n.entries[i];
      out += (i ? ", " : "") + scalar_text(Node::scalar(e.key), true) + ": " + flow(e.value);
    }
    return out + "}";
  }
  return scalar_text(n, true);
}

void emit_map(const Node& map, int indent, std::string& out, bool first_inline);

// Writes the part after "key:" (or "-"), including the line break.
void emit_value(const Node& n, int indent, std::string& out) {
  if (n.kind == Kind::kScalar && n.style == ScalarStyle::kText && fits_literal_block(n.value)) {
    out += " " + literal_block(n.value, indent + 2);
  } else if (n.kind == Kind::kNull || n.kind == Kind::kScalar) {
    out += " " + scalar_text(n, false) + "\n";  // block context: commas need no quotes
  } else if (n.flow || (n.kind == Kind::kSequence && n.items.empty()) ||
             (n.kind == Kind::kMap && n.entries.empty())) {
    out += " " + flow(n) + "\n";
  } else if (n.kind == Kind::kMap) {
    out += "\n";
    emit_map(n, indent + 2, out, false);
  } else {
    out += "\n";
    std::string pad(indent + 2, ' ');
    for (const Node& item : n.items) {
      out += pad + "-";
      if (item.kind == Kind::kMap && !item.flow && !item.entries.empty()) {
        out += " ";
        emit_map(item, indent + 4, out, true);
      } else {
        emit_value(item, indent + 2, out);
      }
    }
  }
}

void emit_map(const Node& map, int indent, std::string& out, bool first_inline) {
  std::string pad(indent, ' ');
  for (std::size_t i = 0; i < map.entries.size(); ++i) {
    const Entry& e = map.entries[i];
    if (!(first_inline && i == 0)) out += pad;
    out += scalar_text(Node::scalar(e.key), false) + ":";
    emit_value(e.value, indent, out);
  }
}

}  // namespace

std::string emit(const Node& root) {
  std::string out;
  emit_map(root, 0, out, false);
  return out;
}

}  // namespace inovasi::yaml
