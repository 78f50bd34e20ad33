// RFC 4180 CSV as spreadsheets write it: BOM, CRLF, ';' separators, quoted
// fields with newlines. Every field keeps its line and column for messages.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace inovasi::csv {

struct Field {
  std::string text;
  int line = 0;    // 1-based line where the field starts
  int column = 0;  // 1-based character column where the field starts
};

struct Record {
  int line = 0;
  std::vector<Field> fields;
};

struct Document {
  char separator = ',';
  std::vector<Record> records;  // the header is records[0]
};

struct ParseError : std::runtime_error {
  ParseError(int line, int column, const std::string& message)
      : std::runtime_error(message), line(line), column(column) {}
  int line, column;
};

// Reads CSV text one record at a time, so that a large file need never be
// held as fields all at once. Invalid UTF-8 or a NUL byte anywhere in the
// text is refused first; separator 0: ',' or ';', whichever the header line
// uses more. Throws ParseError.
class Reader {
 public:
  explicit Reader(std::string_view text, char separator = 0);
  char separator() const { return separator_; }
  // The next record that is not blank; false at the end of the text.
  bool next(Record& record);

 private:
  void advance();
  std::string_view text_;
  char separator_ = ',';
  std::size_t i_ = 0;
  int line_ = 1, column_ = 1;
};

// Every record at once.
Document parse(std::string_view text, char separator = 0);

// Quotes a field when it holds the separator, a quote or a line break.
std::string quote(std::string_view field, char separator = ',');
std::string format_row(const std::vector<std::string>& fields, char separator = ',');

// How a CSV file is written for the spreadsheet that opens it.
struct Style {
  char separator = ',';
  bool crlf = false;  // line ends; LF otherwise
  bool bom = false;   // a UTF-8 byte-order mark first, for Excel
};
inline constexpr std::string_view kBom = "\xEF\xBB\xBF";
std::string format_row(const std::vector<std::string>& fields, const Style& style);

// Spreadsheets run cells starting with = + - @ tab or CR as formulas;
// exports prefix such text with ' and imports remove exactly that prefix.
std::string neutralise(std::string_view text);
std::string unneutralise(std::string_view text);

}  // namespace inovasi::csv
