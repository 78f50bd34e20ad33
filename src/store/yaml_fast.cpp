// A reader for record files in canonical form (what emit writes) that does
// not go through yaml-cpp: one pass over the lines, building the same tree
// with the same positions, and refusing everything else so that parse falls
// back to the full reader. Positions are yaml-cpp's: columns count bytes.
#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cstdint>

#include "inovasi/store/yaml_doc.h"

namespace inovasi::yaml {

namespace {

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Keys are field names, ids and periods. Nothing else is read here, so a
// key never needs more than the plain-key rules of YAML.
bool is_key_char(char c) {
  return is_alnum(c) || c == '_' || c == '-' || c == '.';
}

bool is_key_start(char c) {
  return is_alnum(c) || c == '_';
}

bool is_null_word(std::string_view s) {
  return s == "~" || s == "null" || s == "Null" || s == "NULL";
}

// Characters that emit never writes raw in a scalar and that YAML readers
// treat specially: C0 controls, DEL, C1 controls (NEL among them), the line
// and paragraph separators and the byte order mark. Tab only where allowed.
// Returns the length of the character at s[i], or 0 when it is refused.
std::size_t printable_at(std::string_view s, std::size_t i, bool allow_tab) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return (c >= 0x20 && c != 0x7F) || (allow_tab && c == '\t') ? 1 : 0;
  auto next = [&](std::size_t k) {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0;
  };
  if (c == 0xC2 && next(1) < 0xA0) return 0;  // U+0080-U+009F
  if (c == 0xE2 && next(1) == 0x80 && (next(2) == 0xA8 || next(2) == 0xA9)) return 0;  // LS, PS
  if (c == 0xEF && next(1) == 0xBB && next(2) == 0xBF) return 0;                       // BOM
  return 1;  // a lead or continuation byte of valid UTF-8 (parse checked it)
}

bool all_printable(std::string_view s, bool allow_tab) {
  for (std::size_t i = 0; i < s.size(); ++i)
    if (!printable_at(s, i, allow_tab)) return false;
  return true;
}

// A plain scalar that yaml-cpp reads as exactly this text, on one line.
bool plain_ok(std::string_view s, bool in_flow) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ' || s.back() == ':') return false;
  char first = s.front();
  if (std::string_view("?:,[]{}#&*!|>'\"%@`").find(first) != std::string_view::npos) return false;
  if (first == '-' && (s.size() == 1 || !(is_alnum(s[1]) || s[1] == '.'))) return false;
  bool quotes = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (!kPlainSpecial[static_cast<unsigned char>(c)]) continue;
    switch (c) {
      case ':':  // ": " would start a value; s does not end with ':'
        if (in_flow || s[i + 1] == ' ') return false;
        break;
      case '#':  // " #" would start a comment; s does not start with '#'
        if (in_flow || s[i - 1] == ' ') return false;
        break;
      case ',':
      case '[':
      case ']':
      case '{':
      case '}':
      case '?':  // in flow, yaml-cpp ends a plain scalar at these (and fails on '?')
        if (in_flow) return false;
        break;
      case '"':
      case '\'':
        quotes = true;
        break;
      default:
        if (!printable_at(s, i, false)) return false;
    }
  }
  // A quote the light lexer in yaml_scan.cpp sees opened and not closed
  // would make parse refuse the file.
  return !quotes || !leaves_quote_open(s);
}

// Makes the fresh node out the plain scalar s (or null, for ~ and null).
void set_plain(Node& out, std::string_view s, Mark mark) {
  out.mark = mark;
  if (is_null_word(s)) return;
  out.kind = Kind::kScalar;
  out.value.assign(s);
  out.plain = true;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The \u escapes emit writes, as yaml-cpp decodes them.
std::string_view unicode_escape(std::string_view hex) {
  if (hex == "0085") return "\xC2\x85";
  if (hex == "2028") return "\xE2\x80\xA8";
  if (hex == "2029") return "\xE2\x80\xA9";
  if (hex == "FEFF" || hex == "feff" || hex == "FEff" || hex == "feFF") return "\xEF\xBB\xBF";
  return {};
}

// Maps of records hold a few keys: each new one is compared with those
// before it only when a 64-bit filter of the keys seen says it may repeat.
// Past kFilteredKeys, all the keys are sorted once the map is read.
constexpr std::size_t kFilteredKeys = 64;

bool repeats_last_key(const std::vector<Entry>& entries, std::uint64_t& seen) {
  const std::string& key = entries.back().key;  // never empty
  unsigned hash =
      static_cast<unsigned>(key.size() * 7 + static_cast<unsigned char>(key.front()) * 3 +
                            static_cast<unsigned char>(key.back()));
  std::uint64_t bit = std::uint64_t{1} << (hash & 63);
  bool maybe = (seen & bit) != 0;
  seen |= bit;
  if (!maybe) return false;
  for (std::size_t i = 0; i + 1 < entries.size(); ++i)
    if (entries[i].key == key) return true;
  return false;
}

bool has_duplicate_keys(const std::vector<Entry>& entries) {
  std::vector<std::string_view> keys;
  keys.reserve(entries.size());
  for (const auto& e : entries) keys.push_back(e.key);
  std::sort(keys.begin(), keys.end());
  return std::adjacent_find(keys.begin(), keys.end()) != keys.end();
}

// Adds the entry just read to its map's duplicate check: true when its key
// repeats an earlier one (for large maps, known only at the end).
bool repeated(const std::vector<Entry>& entries, std::uint64_t& seen) {
  return entries.size() <= kFilteredKeys && repeats_last_key(entries, seen);
}

bool repeated_at_end(const std::vector<Entry>& entries) {
  return entries.size() > kFilteredKeys && has_duplicate_keys(entries);
}

class CanonicalReader {
 public:
  explicit CanonicalReader(std::string_view text) : text_(text) { set_line(); }

  bool read(Node& root) {
    if (text_.empty() || text_.back() != '\n') return false;
    // The schema hint is a comment on the first line: the record starts on
    // the second, where yaml-cpp's positions start it too.
    if (std::size_t hint = schema_hint_size(text_)) {
      start_ = hint;
      number_ = 2;
      set_line();
    }
    return block_map(0, 0, false, root) && at_end();
  }

 private:
  std::string_view text_;
  std::size_t start_ = 0;  // offset of the current line
  std::string_view line_;  // the current line, without its '\n'
  int number_ = 1;         // the current line's number

  bool at_end() const { return start_ >= text_.size(); }

  void set_line() {
    if (at_end()) {
      line_ = {};
      return;
    }
    std::size_t end = text_.find('\n', start_);
    if (end == std::string_view::npos) end = text_.size();
    line_ = text_.substr(start_, end - start_);
  }

  void next_line() {
    start_ += line_.size() + 1;
    ++number_;
    set_line();
  }

  std::size_t indent() const {
    std::size_t i = 0;
    while (i < line_.size() && line_[i] == ' ') ++i;
    return i;
  }

  Mark mark(std::size_t column) const { return {number_, static_cast<int>(column) + 1}; }

  bool is_dash(std::size_t at) const {
    return at < line_.size() && line_[at] == '-' &&
           (at + 1 == line_.size() || line_[at + 1] == ' ');
  }

  // A quoted scalar on the current line from col (at its quote); col moves
  // past the closing quote.
  bool quoted(std::size_t& col, Node& out) {
    Mark at = mark(col);
    char quote = line_[col];
    std::string value;
    std::size_t i = col + 1;
    while (true) {
      // A run of ordinary characters is copied at once.
      std::size_t run = i;
      while (run < line_.size()) {
        unsigned char u = static_cast<unsigned char>(line_[run]);
        if (u == static_cast<unsigned char>(quote) || u == '\\' || u < 0x20 || u >= 0x7F) break;
        ++run;
      }
      value.append(line_.substr(i, run - i));
      i = run;
      if (i >= line_.size()) return false;  // continues on the next line
      char c = line_[i];
      if (c == quote) {
        if (quote == '\'' && i + 1 < line_.size() && line_[i + 1] == '\'') {
          value += '\'';
          i += 2;
          continue;
        }
        break;
      }
      if (quote == '"' && c == '\\') {
        if (i + 1 >= line_.size()) return false;
        char e = line_[i + 1];
        i += 2;
        if (e == '"' || e == '\\') {
          value += e;
        } else if (e == 'n') {
          value += '\n';
        } else if (e == 't') {
          value += '\t';
        } else if (e == 'r') {
          value += '\r';
        } else if (e == 'x') {
          if (i + 2 > line_.size()) return false;
          int high = hex_digit(line_[i]), low = hex_digit(line_[i + 1]);
          if (high < 0 || low < 0 || high >= 8) return false;  // above 0x7F: UTF-8 of U+00HH
          value += static_cast<char>(high * 16 + low);
          i += 2;
        } else if (e == 'u') {
          if (i + 4 > line_.size()) return false;
          std::string_view bytes = unicode_escape(line_.substr(i, 4));
          if (bytes.empty()) return false;
          value += bytes;
          i += 4;
        } else {
          return false;
        }
        continue;
      }
      std::size_t n = printable_at(line_, i, false);
      if (n == 0) return false;
      value += c;
      i += n;
    }
    col = i + 1;
    out.kind = Kind::kScalar;
    out.value = std::move(value);
    out.mark = at;
    return true;
  }

  // A key at col, plain or quoted; col moves past it (to the ':').
  bool key(std::size_t& col, Entry& entry) {
    entry.key_mark = mark(col);
    if (col >= line_.size()) return false;
    char c = line_[col];
    if (c == '\'' || c == '"') {
      Node n;
      if (!quoted(col, n)) return false;
      entry.key = std::move(n.value);
    } else {
      if (!is_key_start(c)) return false;
      std::size_t end = col;
      while (end < line_.size() && is_key_char(line_[end])) ++end;
      std::string_view key = line_.substr(col, end - col);
      if (key.size() > kMaxKeySize || is_null_word(key)) return false;
      entry.key.assign(key);
      col = end;
      return true;
    }
    if (entry.key.empty() || entry.key.size() > kMaxKeySize) return false;
    return std::all_of(entry.key.begin(), entry.key.end(), is_key_char);
  }

  // True when a map entry (a key and ':') starts at col.
  bool starts_entry(std::size_t col) {
    if (col < line_.size() && is_key_start(line_[col])) {
      std::size_t end = col;
      while (end < line_.size() && is_key_char(line_[end])) ++end;
      return end < line_.size() && line_[end] == ':' &&
             (end + 1 == line_.size() || line_[end + 1] == ' ');
    }
    Entry probe;
    if (!key(col, probe)) return false;
    return col < line_.size() && line_[col] == ':' &&
           (col + 1 == line_.size() || line_[col + 1] == ' ');
  }

  bool flow_node(std::size_t& col, int depth, Node& out) {
    if (col >= line_.size()) return false;
    char c = line_[col];
    if (c == '[' || c == '{') {
      if (depth >= kMaxDepth) return false;
      bool sequence = c == '[';
      char close = sequence ? ']' : '}';
      out.kind = sequence ? Kind::kSequence : Kind::kMap;
      out.flow = true;
      out.mark = mark(col);
      std::uint64_t seen = 0;
      ++col;
      if (col < line_.size() && line_[col] == close) {
        ++col;
        return true;
      }
      while (true) {
        if (sequence) {
          if (!flow_node(col, depth + 1, out.items.emplace_back())) return false;
        } else {
          Entry& entry = out.entries.emplace_back();
          if (!key(col, entry) || repeated(out.entries, seen)) return false;
          if (col + 1 >= line_.size() || line_[col] != ':' || line_[col + 1] != ' ') return false;
          col += 2;
          if (!flow_node(col, depth + 1, entry.value)) return false;
        }
        if (col < line_.size() && line_[col] == close) {
          ++col;
          break;
        }
        if (col + 1 >= line_.size() || line_[col] != ',' || line_[col + 1] != ' ') return false;
        col += 2;
      }
      return !repeated_at_end(out.entries);
    }
    if (c == '\'' || c == '"') return quoted(col, out);
    std::size_t end = line_.find_first_of(",]}", col);
    if (end == std::string_view::npos) return false;
    std::string_view s = line_.substr(col, end - col);
    if (!plain_ok(s, true)) return false;
    set_plain(out, s, mark(col));
    col = end;
    return true;
  }

  // A literal block whose header is at col; its lines are indented by
  // content_indent. Leaves the current line at the first line after it.
  bool literal(std::size_t col, std::size_t content_indent, bool lexed, Node& out) {
    std::string_view header = line_.substr(col);
    if (header != "|" && header != "|-" && header != "|+") return false;
    char chomp = header.size() == 2 ? header[1] : 0;
    out = Node::scalar({});
    out.mark = mark(col);
    next_line();
    std::string& value = out.value;
    std::size_t blanks = 0;  // empty lines not yet added
    bool any = false;
    for (; !at_end(); next_line()) {
      if (line_.empty()) {
        ++blanks;
        continue;
      }
      std::size_t ind = indent();
      if (ind == line_.size()) return false;  // blank but for spaces
      if (ind < content_indent) break;
      if (!any && ind != content_indent) return false;  // it would set a deeper indentation
      std::string_view content = line_.substr(content_indent);
      if (content.back() == ' ' || content.back() == '\t') return false;
      if (!all_printable(content, true)) return false;
      // A block under "- " is not skipped by the light lexer.
      if (lexed && leaves_quote_open(line_)) return false;
      if (any) value += '\n';
      value.append(blanks, '\n');
      blanks = 0;
      value += content;
      any = true;
    }
    if (!any) return false;
    if (chomp == '+') {
      value += '\n';
      value.append(blanks, '\n');
    } else {
      if (blanks) return false;  // emit writes trailing empty lines under |+ only
      if (chomp != '-') value += '\n';
    }
    return true;
  }

  // The value after "key: " or "- " at col, to the end of its line (or of
  // its literal block); owner is the indentation of the key or the '-'.
  bool inline_value(std::size_t col, std::size_t owner, int depth, bool in_sequence, Node& out) {
    if (col >= line_.size()) return false;
    char c = line_[col];
    if (c == '|') return literal(col, owner + 2, in_sequence, out);
    if (c == '[' || c == '{' || c == '\'' || c == '"') {
      if (!flow_node(col, depth, out) || col != line_.size()) return false;
    } else {
      std::string_view s = line_.substr(col);
      if (!plain_ok(s, false)) return false;
      set_plain(out, s, mark(col));
    }
    next_line();
    return true;
  }

  // The block under "key:" or "-": a map or a list two columns further in.
  bool nested_block(std::size_t indent, int depth, Node& out) {
    next_line();
    if (at_end() || this->indent() != indent) return false;
    if (is_dash(indent)) return block_sequence(indent, depth, out);
    return block_map(indent, depth, false, out);
  }

  // A block map at indent; inline_first: its first key follows "- " on the
  // current line.
  bool block_map(std::size_t indent, int depth, bool inline_first, Node& map) {
    if (depth >= kMaxDepth) return false;
    map.kind = Kind::kMap;
    map.mark = mark(indent);
    map.entries.reserve(depth == 0 ? 16 : 4);
    std::uint64_t seen = 0;
    for (bool first = true;; first = false) {
      if (!(first && inline_first)) {
        std::size_t ind = at_end() ? 0 : this->indent();
        if ((at_end() || ind < indent) && !first) break;
        if (at_end() || ind != indent) return false;
      }
      Entry& entry = map.entries.emplace_back();
      std::size_t col = indent;
      if (!key(col, entry) || repeated(map.entries, seen)) return false;
      if (col >= line_.size() || line_[col] != ':') return false;
      ++col;
      if (col == line_.size()) {
        if (!nested_block(indent + 2, depth + 1, entry.value)) return false;
      } else if (line_[col] != ' ' ||
                 !inline_value(col + 1, indent, depth + 1, false, entry.value)) {
        return false;
      }
    }
    return !repeated_at_end(map.entries);
  }

  bool block_sequence(std::size_t indent, int depth, Node& seq) {
    if (depth >= kMaxDepth) return false;
    seq.kind = Kind::kSequence;
    seq.mark = mark(indent);
    while (!at_end()) {
      std::size_t ind = this->indent();
      if (ind < indent) break;
      if (ind != indent || !is_dash(indent)) return false;
      Node& item = seq.items.emplace_back();
      std::size_t col = indent + 2;
      if (col > line_.size()) {
        if (!nested_block(indent + 2, depth + 1, item) || item.kind != Kind::kSequence)
          return false;
      } else if (starts_entry(col)) {
        if (!block_map(col, depth + 1, true, item)) return false;
      } else if (!inline_value(col, indent, depth + 1, true, item)) {
        return false;
      }
    }
    return true;
  }
};

void describe(const Node& a, const Node& b, const std::string& where, std::string& out);

std::string show(const Mark& m) {
  return fmt::format("{}:{}", m.line, m.column);
}

void describe(const Node& a, const Node& b, const std::string& where, std::string& out) {
  auto differ = [&](std::string_view what, const std::string& x, const std::string& y) {
    out = fmt::format("{}: {} {} vs {}", where.empty() ? "root" : where, what, x, y);
  };
  if (a.kind != b.kind)
    return differ("kind", std::string(a.kind_name()), std::string(b.kind_name()));
  if (a.mark.line != b.mark.line || a.mark.column != b.mark.column)
    return differ("mark", show(a.mark), show(b.mark));
  if (a.value != b.value) return differ("value", "'" + a.value + "'", "'" + b.value + "'");
  if (a.plain != b.plain) return differ("plain", a.plain ? "yes" : "no", b.plain ? "yes" : "no");
  if (a.flow != b.flow) return differ("flow", a.flow ? "yes" : "no", b.flow ? "yes" : "no");
  if (a.style != b.style) return differ("style", "", "");
  if (a.items.size() != b.items.size())
    return differ("items", std::to_string(a.items.size()), std::to_string(b.items.size()));
  if (a.entries.size() != b.entries.size())
    return differ("entries", std::to_string(a.entries.size()), std::to_string(b.entries.size()));
  for (std::size_t i = 0; i < a.items.size() && out.empty(); ++i)
    describe(a.items[i], b.items[i], fmt::format("{}[{}]", where, i), out);
  for (std::size_t i = 0; i < a.entries.size() && out.empty(); ++i) {
    const Entry& x = a.entries[i];
    const Entry& y = b.entries[i];
    std::string at = where.empty() ? x.key : where + "." + x.key;
    if (x.key != y.key) return differ("key", "'" + x.key + "'", "'" + y.key + "'");
    if (x.key_mark.line != y.key_mark.line || x.key_mark.column != y.key_mark.column)
      return differ("key mark of " + x.key, show(x.key_mark), show(y.key_mark));
    describe(x.value, y.value, at, out);
  }
}

}  // namespace

std::optional<Node> parse_canonical(std::string_view text) {
  Node root;
  if (!CanonicalReader(text).read(root)) return std::nullopt;
  return root;
}

std::string tree_difference(const Node& a, const Node& b) {
  std::string out;
  describe(a, b, "", out);
  return out;
}

}  // namespace inovasi::yaml
