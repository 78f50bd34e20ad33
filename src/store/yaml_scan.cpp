// A light lexer over record text for what yaml-cpp's events do not tell:
// comments (which a rewrite would lose) and quotes left open.
#include "inovasi/store/yaml_doc.h"
#include "inovasi/util/text.h"

namespace inovasi::yaml {

namespace {

// Where a line's key begins, past any "- " list markers.
std::size_t key_column(std::string_view line, std::size_t indent) {
  std::size_t k = indent;
  while (k + 1 < line.size() && line[k] == '-' && line[k + 1] == ' ') {
    k += 2;
    while (k < line.size() && line[k] == ' ') ++k;
  }
  return k;
}

bool opens_block_scalar(std::string_view rest) {
  std::size_t end = rest.size();
  while (end > 0 && (rest[end - 1] == '-' || rest[end - 1] == '+' ||
                     (rest[end - 1] >= '1' && rest[end - 1] <= '9')))
    --end;
  return end > 0 && (rest[end - 1] == '|' || rest[end - 1] == '>') &&
         (end == 1 || rest[end - 2] == ' ');
}

// Lexes one line, starting inside quote (0 when none is open) and leaving
// in it the quote open at the end. opened: where the last quote opened on
// this line began. Returns where a comment starts, or npos.
std::size_t lex_line(std::string_view line, char& quote, std::size_t& opened) {
  char previous = ' ';
  char last = 0;  // the last non-blank character before this one on the line
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
      return i;
    } else if ((c == '"' || c == '\'') && last != 0 &&
               std::string_view(":-[{,?").find(last) != std::string_view::npos &&
               (previous == ' ' || previous == '\t' || previous == '[' || previous == '{' ||
                previous == ',')) {
      // A quote opens a scalar only where a value begins, not in "Rock 'n roll".
      quote = c;
      opened = i;
    }
    if (c != ' ' && c != '\t') last = c;
    previous = c;
  }
  return std::string_view::npos;
}

}  // namespace

Scan scan(std::string_view text) {
  Scan result;
  int block_indent = -1;  // inside a block scalar: lines indented past this
  char quote = 0;
  Mark quote_mark;
  int line_number = 0;
  for (std::size_t start = 0;;) {
    std::size_t end = text.find('\n', start);
    std::string_view line =
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    ++line_number;
    std::size_t indent = line.find_first_not_of(' ');
    bool skipped = false;
    if (block_indent >= 0) {
      if (indent == std::string_view::npos || static_cast<int>(indent) > block_indent)
        skipped = true;
      else
        block_indent = -1;
    }
    if (!skipped) {
      std::size_t opened = std::string_view::npos;
      std::string_view comment_free = line;
      if (std::size_t comment = lex_line(line, quote, opened); comment != std::string_view::npos) {
        result.comments = true;
        comment_free = line.substr(0, comment);
      }
      if (opened != std::string_view::npos)
        quote_mark = {line_number, static_cast<int>(opened) + 1};
      std::string_view rest = text::trim(comment_free);
      if (!quote && !rest.empty() && opens_block_scalar(rest))
        block_indent =
            static_cast<int>(key_column(line, indent == std::string_view::npos ? 0 : indent));
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  if (quote) result.open_quote = quote_mark;
  return result;
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
  char quote = 0;
  std::size_t opened = std::string_view::npos;
  lex_line(line, quote, opened);
  return quote != 0;
}

}  // namespace inovasi::yaml
