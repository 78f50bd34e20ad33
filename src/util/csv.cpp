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

// The 1-based line and column of a byte offset.
static std::pair<int, int> position_of(std::string_view text, std::size_t offset) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n')
      line++, column = 1;
    else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
      column++;
  }
  return {line, column};
}

// No record file may be larger than 1 MiB, so no row that makes one may be
// either; the limit also keeps a runaway line from being read to its end.
constexpr std::size_t kMaxRowSize = 1 << 20;

Document parse(std::string_view text, char separator) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (auto bad = text::first_invalid_utf8(text)) {
    auto [line, column] = position_of(text, *bad);
    throw ParseError(line, column, tr("invalid UTF-8 (save the file as UTF-8)"));
  }
  // A NUL is never text: the file is binary, or UTF-16 without its mark.
  if (auto nul = text.find('\0'); nul != std::string_view::npos) {
    auto [line, column] = position_of(text, nul);
    throw ParseError(line, column, tr("the file contains a NUL byte (save it as CSV UTF-8)"));
  }
  Document doc;
  doc.separator = separator ? separator : detect_separator(text);
  const char sep = doc.separator;

  int line = 1, column = 1;
  std::size_t i = 0;
  auto advance = [&](char c) {
    if (c == '\n')
      line++, column = 1;
    else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
      column++;
  };
  while (i < text.size()) {
    Record record;
    record.line = line;
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
      field.line = line;
      field.column = column;
      if (i < text.size() && text[i] == '"') {
        advance(text[i++]);
        bool closed = false;
        while (i < text.size()) {
          char c = text[i];
          if (c == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              field.text += '"';
              advance(text[i++]);
              advance(text[i++]);
              continue;
            }
            advance(text[i++]);
            closed = true;
            break;
          }
          if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            ++i;  // CRLF inside a quoted field is a line break
            continue;
          }
          field.text += c;
          advance(text[i++]);
          check_size();
        }
        if (!closed) throw ParseError(field.line, field.column, tr("unterminated quoted field"));
        if (i < text.size() && text[i] != sep && text[i] != '\n' && text[i] != '\r')
          throw ParseError(line, column, tr("unexpected text after the closing quote of a field"));
      } else {
        while (i < text.size() && text[i] != sep && text[i] != '\n' && text[i] != '\r') {
          field.text += text[i];
          advance(text[i++]);
          check_size();
        }
      }
      record.fields.push_back(std::move(field));
      if (i < text.size() && text[i] == sep) {
        advance(text[i++]);
        continue;
      }
      break;
    }
    if (i < text.size() && text[i] == '\r') ++i;
    if (i < text.size() && text[i] == '\n') advance(text[i++]);
    bool blank = record.fields.size() == 1 && record.fields[0].text.empty();
    if (!blank) doc.records.push_back(std::move(record));
  }
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
