// A reader for record files in canonical form (what emit writes) that does
// not go through yaml-cpp: one pass over the lines, building the same tree
// with the same positions, and refusing everything else so that parse falls
// back to the full reader. Positions are yaml-cpp's: columns count bytes.
#include <fmt/core.h>

#include <algorithm>

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

// The light lexer in yaml_scan.cpp opens a quote where a quote follows a
// blank, '[', '{' or ',' and the last non-blank character is one of
// ":-[{,?". Inside plain text such a quote is never closed for it, and
// parse would refuse the file; leave such text to the full reader.
bool opens_lexer_quote(std::string_view s) {
  char last = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if ((c == '"' || c == '\'') && i > 0 &&
        std::string_view(" [{,").find(s[i - 1]) != std::string_view::npos && last != 0 &&
        std::string_view(":-[{,?").find(last) != std::string_view::npos)
      return true;
    if (c != ' ') last = c;
  }
  return false;
}

// What the light lexer does with one line read on its own: true when no
// quote it opened is left open at the end of the line.
bool lexer_closes_quotes(std::string_view line) {
  char quote = 0;
  char previous = ' ';
  char last = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote) {
      if (quote == '"' && c == '\\') {
        ++i;
      } else if (c == quote) {
        if (quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'')
          ++i;
        else
          quote = 0;
      }
    } else if (c == '#' && (previous == ' ' || previous == '\t')) {
      return true;  // the rest is a comment to the lexer
    } else if ((c == '"' || c == '\'') && last != 0 &&
               std::string_view(":-[{,?").find(last) != std::string_view::npos &&
               (previous == ' ' || previous == '\t' || previous == '[' || previous == '{' ||
                previous == ',')) {
      quote = c;
    }
    if (c != ' ' && c != '\t') last = c;
    previous = c;
  }
  return quote == 0;
}

// A plain scalar that yaml-cpp reads as exactly this text, on one line.
bool plain_ok(std::string_view s, bool in_flow) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ' || s.back() == ':') return false;
  char first = s.front();
  if (std::string_view("?:,[]{}#&*!|>'\"%@`").find(first) != std::string_view::npos) return false;
  if (first == '-' && (s.size() == 1 || !(is_alnum(s[1]) || s[1] == '.'))) return false;
  if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos)
    return false;
  // In flow, yaml-cpp ends a plain scalar at any of these (and fails on '?').
  if (in_flow && s.find_first_of(",[]{}:#?") != std::string_view::npos) return false;
  return all_printable(s, false) && !opens_lexer_quote(s);
}

Node plain_node(std::string_view s, Mark mark) {
  Node n;
  if (!is_null_word(s)) {
    n = Node::scalar(std::string(s));
    n.plain = true;
  }
  n.mark = mark;
  return n;
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

bool has_duplicate_keys(const std::vector<Entry>& entries) {
  if (entries.size() <= 16) {
    for (std::size_t i = 1; i < entries.size(); ++i)
      for (std::size_t j = 0; j < i; ++j)
        if (entries[i].key == entries[j].key) return true;
    return false;
  }
  std::vector<std::string_view> keys;
  keys.reserve(entries.size());
  for (const auto& e : entries) keys.push_back(e.key);
  std::sort(keys.begin(), keys.end());
  return std::adjacent_find(keys.begin(), keys.end()) != keys.end();
}

class CanonicalReader {
 public:
  explicit CanonicalReader(std::string_view text) : text_(text) { set_line(); }

  bool read(Node& root) {
    if (text_.empty() || text_.back() != '\n') return false;
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
    out = Node::scalar(std::move(value));
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
      entry.key.assign(line_.substr(col, end - col));
      if (is_null_word(entry.key)) return false;
      col = end;
    }
    if (entry.key.empty() || entry.key.size() > kMaxKeySize) return false;
    return std::all_of(entry.key.begin(), entry.key.end(), is_key_char);
  }

  // True when a map entry (a key and ':') starts at col.
  bool starts_entry(std::size_t col) {
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
      out = sequence ? Node::sequence(true) : Node::map(true);
      out.mark = mark(col);
      ++col;
      if (col < line_.size() && line_[col] == close) {
        ++col;
        return true;
      }
      while (true) {
        if (sequence) {
          Node item;
          if (!flow_node(col, depth + 1, item)) return false;
          out.items.push_back(std::move(item));
        } else {
          Entry entry;
          if (!key(col, entry)) return false;
          if (col + 1 >= line_.size() || line_[col] != ':' || line_[col + 1] != ' ') return false;
          col += 2;
          if (!flow_node(col, depth + 1, entry.value)) return false;
          out.entries.push_back(std::move(entry));
        }
        if (col < line_.size() && line_[col] == close) {
          ++col;
          break;
        }
        if (col + 1 >= line_.size() || line_[col] != ',' || line_[col + 1] != ' ') return false;
        col += 2;
      }
      return sequence || !has_duplicate_keys(out.entries);
    }
    if (c == '\'' || c == '"') return quoted(col, out);
    std::size_t end = line_.find_first_of(",]}", col);
    if (end == std::string_view::npos) return false;
    std::string_view s = line_.substr(col, end - col);
    if (!plain_ok(s, true)) return false;
    out = plain_node(s, mark(col));
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
      if (lexed && !lexer_closes_quotes(line_)) return false;
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
      out = plain_node(s, mark(col));
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
    map = Node::map(false);
    map.mark = mark(indent);
    for (bool first = true;; first = false) {
      if (!(first && inline_first)) {
        std::size_t ind = at_end() ? 0 : this->indent();
        if ((at_end() || ind < indent) && !first) break;
        if (at_end() || ind != indent) return false;
      }
      Entry entry;
      std::size_t col = indent;
      if (!key(col, entry) || col >= line_.size() || line_[col] != ':') return false;
      ++col;
      if (col == line_.size()) {
        if (!nested_block(indent + 2, depth + 1, entry.value)) return false;
      } else if (line_[col] != ' ' ||
                 !inline_value(col + 1, indent, depth + 1, false, entry.value)) {
        return false;
      }
      map.entries.push_back(std::move(entry));
    }
    return !has_duplicate_keys(map.entries);
  }

  bool block_sequence(std::size_t indent, int depth, Node& seq) {
    if (depth >= kMaxDepth) return false;
    seq = Node::sequence(false);
    seq.mark = mark(indent);
    while (!at_end()) {
      std::size_t ind = this->indent();
      if (ind < indent) break;
      if (ind != indent || !is_dash(indent)) return false;
      Node item;
      std::size_t col = indent + 2;
      if (col > line_.size()) {
        if (!nested_block(indent + 2, depth + 1, item) || item.kind != Kind::kSequence)
          return false;
      } else if (starts_entry(col)) {
        if (!block_map(col, depth + 1, true, item)) return false;
      } else if (!inline_value(col, indent, depth + 1, true, item)) {
        return false;
      }
      seq.items.push_back(std::move(item));
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
