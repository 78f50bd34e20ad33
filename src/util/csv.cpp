#include "inovasi/util/csv.h"

#include <utility>

#include "inovasi/util/messages.h"
#include "inovasi/util/text.h"

namespace inovasi::csv {

static char detect_separator(std::string_view text) {
  std::size_t commas = 0, semicolons = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"')
      quoted = !quoted;
    else if (!quoted && (c == '\n' || c == '\r'))
      break;
    else if (!quoted && c == ',')
      ++commas;
    else if (!quoted && c == ';')
      ++semicolons;
  }
  return semicolons > commas ? ';' : ',';
}

// A line ends with LF, CRLF or, as classic Mac OS wrote, CR alone.
static bool ends_line(std::string_view text, std::size_t i) {
  return text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'));
}

// The 1-based line and column of a byte offset.
static std::pair<int, int> position_of(std::string_view text, std::size_t offset) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (ends_line(text, i))
      line++, column = 1;
    else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
      column++;
  }
  return {line, column};
}

// No record file may be larger than 1 MiB, so no row that makes one may be
// either; the limit also keeps a runaway line from being read to its end.
constexpr std::size_t kMaxRowSize = 1 << 20;

Reader::Reader(std::string_view text, char separator) : text_(text) {
  if (text_.starts_with("\xEF\xBB\xBF")) text_.remove_prefix(3);
  if (auto bad = text::first_invalid_utf8(text_)) {
    auto [line, column] = position_of(text_, *bad);
    throw ParseError(line, column, tr("invalid UTF-8 (save the file as UTF-8)"));
  }
  // A NUL is never text: the file is binary, or UTF-16 without its mark.
  if (auto nul = text_.find('\0'); nul != std::string_view::npos) {
    auto [line, column] = position_of(text_, nul);
    throw ParseError(line, column, tr("the file contains a NUL byte (save it as CSV UTF-8)"));
  }
  separator_ = separator ? separator : detect_separator(text_);
}

// Moves past text_[i_], counting lines and columns.
void Reader::advance() {
  if (ends_line(text_, i_))
    line_++, column_ = 1;
  else if ((static_cast<unsigned char>(text_[i_]) & 0xC0) != 0x80)
    column_++;
  ++i_;
}

bool Reader::next(Record& record) {
  const std::string_view text = text_;
  const char sep = separator_;
  std::size_t& i = i_;
  while (i < text.size()) {
    record.line = line_;
    record.fields.clear();
    std::size_t row_start = i;
    auto check_size = [&] {
      if (i - row_start > kMaxRowSize)
        throw ParseError(
            record.line, 1,
            msg("row is longer than {} bytes, more than a record may hold", kMaxRowSize));
    };
    while (true) {
      check_size();
      Field field;
      field.line = line_;
      field.column = column_;
      if (i < text.size() && text[i] == '"') {
        advance();
        bool closed = false;
        while (i < text.size()) {
          char c = text[i];
          if (c == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              field.text += '"';
              advance();
              advance();
              continue;
            }
            advance();
            closed = true;
            break;
          }
          if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            advance();  // CRLF inside a quoted field is a line break
            continue;
          }
          field.text += c;
          advance();
          check_size();
        }
        if (!closed) throw ParseError(field.line, field.column, tr("unterminated quoted field"));
        if (i < text.size() && text[i] != sep && text[i] != '\n' && text[i] != '\r')
          throw ParseError(line_, column_,
                           tr("unexpected text after the closing quote of a field"));
      } else {
        std::size_t start = i;
        while (i < text.size() && text[i] != sep && text[i] != '\n' && text[i] != '\r') {
          advance();
          check_size();
        }
        field.text.assign(text.substr(start, i - start));
      }
      record.fields.push_back(std::move(field));
      if (i < text.size() && text[i] == sep) {
        advance();
        continue;
      }
      break;
    }
    if (i < text.size() && text[i] == '\r') advance();
    if (i < text.size() && text[i] == '\n') advance();
    bool blank = record.fields.size() == 1 && record.fields[0].text.empty();
    if (!blank) return true;
  }
  return false;
}

Document parse(std::string_view text, char separator) {
  Reader reader(text, separator);
  Document doc;
  doc.separator = reader.separator();
  Record record;
  while (reader.next(record)) doc.records.push_back(std::move(record));
  return doc;
}

std::string quote(std::string_view field, char separator) {
  if (field.find_first_of(std::string{'"', '\n', '\r', separator}) == std::string_view::npos)
    return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string format_row(const std::vector<std::string>& fields, char separator) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += separator;
    out += quote(fields[i], separator);
  }
  return out + "\n";
}

std::string format_row(const std::vector<std::string>& fields, const Style& style) {
  std::string out = format_row(fields, style.separator);
  if (style.crlf) out.insert(out.size() - 1, "\r");
  return out;
}

static bool formula_start(std::string_view text) {
  return text::starts_with_any(text, "=+-@\t\r");
}

// Text whose first character after any quotes would start a formula. Text
// already beginning with ' before such a character gets one more, so that
// unneutralise(neutralise(t)) == t for every t.
static bool needs_prefix(std::string_view text) {
  std::size_t quotes = text.find_first_not_of('\'');
  return quotes != std::string_view::npos && formula_start(text.substr(quotes));
}

std::string neutralise(std::string_view text) {
  return needs_prefix(text) ? "'" + std::string(text) : std::string(text);
}

std::string unneutralise(std::string_view text) {
  if (text.starts_with('\'') && needs_prefix(text)) return std::string(text.substr(1));
  return std::string(text);
}

}  // namespace inovasi::csv
