// A light lexer over record text for what yaml-cpp's events do not tell:
// comments (which a rewrite would lose) and quotes left open.
#include "inovasi/store/yaml_doc.h"
#include "inovasi/util/text.h"

namespace inovasi::yaml {

namespace {

// Whether plain text, read by a lexer that takes a quote after any of
// ":-[{,?" and a blank for an opening one, would end inside that quote.
// Readers that know YAML's rule (see Lexer) never do; but "a, 'b" has long
// been written quoted, and stays so, that every record keeps its bytes.
bool quote_after_indicator_left_open(std::string_view line) {
  char quote = 0;
  char previous = ' ';
  char last = 0;  // the last non-blank character before this one
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
    } else if ((c == '"' || c == '\'') && last != 0 &&
               std::string_view(":-[{,?").find(last) != std::string_view::npos &&
               (previous == ' ' || previous == '\t' || previous == '[' || previous == '{' ||
                previous == ',')) {
      quote = c;
    }
    if (c != ' ' && c != '\t') last = c;
    previous = c;
  }
  return quote != 0;
}

bool blank(char c) {
  return c == ' ' || c == '\t';
}

// YAML's rule for where a quote opens a scalar and where '#' opens a
// comment, over whole lines: a quote opens a scalar only where a node
// begins (a line's first token, after "- ", "? " or ": ", and in flow
// style after '[', '{', ',' or ':'), never inside plain text, which may go
// on over more lines indented past its key ("Jum'at", "camat, 'bupati");
// '#' opens a comment after a blank or at a line's start, outside quotes.
class Lexer {
 public:
  Scan result;

  void line(std::string_view line, int number) {
    if (line.ends_with('\r')) line.remove_suffix(1);  // CRLF, as git may check files out
    std::size_t indent = line.find_first_not_of(" \t");
    if (block_owner_ >= 0) {  // inside a block scalar
      // Its lines are indented as its first line is, past its key; a line
      // indented less ends it, though it be past the key: "  # comment".
      if (indent == std::string_view::npos) return;
      int at = static_cast<int>(indent);
      if (block_indent_ < 0 && at > block_owner_) block_indent_ = at;
      if (block_indent_ >= 0 && at >= block_indent_) return;
      block_owner_ = block_indent_ = -1;
    }
    std::size_t i = 0;
    if (!quote_ && flow_ == 0) {
      if (indent == std::string_view::npos) return;  // blank lines go on with the plain text
      int continuing = plain_owner_;
      plain_owner_ = -1;
      if (continuing >= 0 && static_cast<int>(indent) > continuing && line[indent] != '#') {
        owner_ = continuing;
        i = plain(line, indent);  // the plain text goes on
      } else {
        node_ = true;
        owner_ = key_ = static_cast<int>(indent);
        // A value begun on a line of its own belongs to the key above.
        if (value_owner_ >= 0 && owner_ > value_owner_) owner_ = value_owner_;
      }
    }
    for (; i < line.size(); ++i) {
      char c = line[i];
      if (quote_) {
        if (quote_ == '"' && c == '\\') {
          ++i;
        } else if (c == quote_) {
          if (quote_ == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
            ++i;
          } else {
            quote_ = 0;
            node_ = false;
          }
        }
        continue;
      }
      if (blank(c)) continue;
      if (c == '#') {  // between tokens, even right after a quote: "'x'#"
        result.comments = true;
        break;
      }
      bool ends = i + 1 == line.size() || blank(line[i + 1]);
      if (node_ && flow_ == 0) key_ = static_cast<int>(i);  // where a key would begin
      if (c == '"' || c == '\'') {
        if (node_) {
          quote_ = c;
          quote_mark_ = {number, static_cast<int>(i) + 1};
        }
        // Elsewhere a quote is plain text's, which yaml-cpp refuses.
      } else if (c == '[' || c == '{') {
        ++flow_;
        node_ = true;
      } else if ((c == ']' || c == '}') && flow_ > 0) {
        --flow_;
        node_ = false;
      } else if (c == ',' && flow_ > 0) {
        node_ = true;
      } else if (c == ':' && (ends || flow_ > 0)) {
        if (flow_ == 0) owner_ = key_;  // its value belongs to this key
        node_ = true;
      } else if ((c == '-' || c == '?') && ends && node_ && flow_ == 0) {
        owner_ = static_cast<int>(i);  // the node after "- " or "? " belongs to it
      } else if ((c == '!' || c == '&') && node_) {
        // A tag or anchor: the node comes after it.
        while (i + 1 < line.size() && !blank(line[i + 1])) ++i;
      } else if ((c == '|' || c == '>') && node_ && flow_ == 0) {
        block_owner_ = owner_;
        block_indent_ = -1;
        node_ = false;
        while (i + 1 < line.size() && !blank(line[i + 1])) ++i;  // "|-", ">2"
      } else {
        i = plain(line, i) - 1;
        node_ = false;
      }
    }
    // A line that ends where a value would begin ("key:", "- ") leaves it
    // to the lines below.
    value_owner_ = node_ && !quote_ && flow_ == 0 ? owner_ : -1;
  }

  void finish() {
    if (quote_) result.open_quote = quote_mark_;
  }

 private:
  char quote_ = 0;
  Mark quote_mark_;
  int flow_ = 0;           // open '[' and '{'
  bool node_ = false;      // where a node may begin: only blanks since
  int owner_ = 0;          // the column of the line's key, or its last "- "
  int key_ = 0;            // where the last node of the line began
  int value_owner_ = -1;   // the key whose value the next line may begin
  int plain_owner_ = -1;   // plain text that goes on in lines indented past this
  int block_owner_ = -1;   // a block scalar's lines are indented past this
  int block_indent_ = -1;  // ... as its first line is

  // Plain text from `at`: up to ": " (a key's end), " #", or in flow style
  // a flow indicator. Returns where it ends; text running to the line's end
  // may go on in the next line.
  std::size_t plain(std::string_view line, std::size_t at) {
    for (std::size_t i = at; i < line.size(); ++i) {
      char c = line[i];
      bool ends = i + 1 == line.size() || blank(line[i + 1]);
      if (c == '#' && blank(line[i - (i > 0)])) return i;
      if (c == ':' && (ends || flow_ > 0)) return i;
      if (flow_ > 0 && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}')) return i;
    }
    if (flow_ == 0) plain_owner_ = owner_;
    return line.size();
  }
};

}  // namespace

Scan scan(std::string_view text) {
  Lexer lexer;
  int number = 0;
  for (std::size_t start = 0;;) {
    std::size_t end = text.find('\n', start);
    lexer.line(text.substr(start, end == std::string_view::npos ? end : end - start), ++number);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  lexer.finish();
  return lexer.result;
}

bool has_comments(std::string_view text) {
  return scan(text.substr(schema_hint_size(text))).comments;
}

std::size_t schema_hint_size(std::string_view text) {
  if (!text.starts_with(kSchemaHintPrefix)) return 0;
  std::size_t end = text.find('\n');
  if (end == std::string_view::npos || end == kSchemaHintPrefix.size()) return 0;
  for (std::size_t i = kSchemaHintPrefix.size(); i < end; ++i)
    if (text[i] <= ' ' || text[i] > '~') return 0;
  return end + 1;
}

bool leaves_quote_open(std::string_view line) {
  return quote_after_indicator_left_open(line);
}

}  // namespace inovasi::yaml
