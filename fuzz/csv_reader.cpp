// CSV input as the imports read it: the RFC 4180 reader with either
// separator or the detected one, an ideas file (add-idea --from) and a
// contract's targets file (sign-contract --targets).
//
// Properties: rows written back with the separator they were read with read
// again to the same fields; an idea read from a row without errors is
// written as a row that reads back to the same idea; the formula prefix of
// exports comes off again for any valid UTF-8 text.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "inovasi/importer/import.h"
#include "inovasi/importer/targets.h"
#include "inovasi/store/codec.h"
#include "inovasi/store/csv_codec.h"
#include "inovasi/store/store.h"
#include "inovasi/util/csv.h"
#include "inovasi/util/text.h"

namespace {

using namespace inovasi;

void check_neutralise(std::string_view text) {
  if (text::first_invalid_utf8(text)) return;
  std::string safe = csv::neutralise(text);
  fuzz::require(csv::unneutralise(safe) == text, "unneutralise(neutralise(t)) == t", text);
}

// A CR before the LF that ends a line inside quotes is dropped on reading,
// so text with CRLF in a field comes back with LF.
std::string as_read(std::string text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (!(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) out += text[i];
  return out;
}

void parse_with(std::string_view text, char separator) {
  csv::Document doc;
  try {
    doc = csv::parse(text, separator);
  } catch (const csv::ParseError& e) {
    fuzz::require(e.line >= 1 && e.column >= 1, "parse errors have a position");
    return;
  }
  if (separator) fuzz::require(doc.separator == separator, "the given separator is used");
  std::string written;
  for (const auto& record : doc.records) {
    std::vector<std::string> fields;
    for (const auto& field : record.fields) {
      fuzz::require(field.line >= record.line && field.column >= 1, "fields have a position");
      fields.push_back(field.text);
      check_neutralise(field.text);
    }
    written += csv::format_row(fields, csv::Style{doc.separator, separator == ';', false});
  }
  // A byte-order mark at the start of the first field would be taken for the file's.
  if (!doc.records.empty() && doc.records[0].fields[0].text.starts_with(csv::kBom)) return;
  csv::Document again = csv::parse(written, doc.separator);
  fuzz::require(again.records.size() == doc.records.size(), "written rows read back as many rows",
                written);
  for (std::size_t r = 0; r < doc.records.size(); ++r) {
    const auto& a = doc.records[r].fields;
    const auto& b = again.records[r].fields;
    fuzz::require(a.size() == b.size(), "written rows read back as wide", written);
    for (std::size_t c = 0; c < a.size(); ++c)
      fuzz::require(as_read(a[c].text) == b[c].text, "written fields read back the same",
                    a[c].text + "\n  became\n" + b[c].text);
  }
}

void check_idea_row(const Row& row) {
  Findings findings;
  Origin origin;
  Idea idea = decode_csv_row<Idea>(row.cells, "ideas.csv", row.mark, findings, origin);
  if (findings.has_errors()) return;
  std::vector<std::string> columns = csv_columns<Idea>();
  std::vector<std::string> cells = encode_csv_row(idea);
  fuzz::require(cells.size() == columns.size(), "an idea row has a cell per column");
  std::map<std::string, CsvCell> written;
  for (std::size_t c = 0; c < cells.size(); ++c) written[columns[c]] = CsvCell{cells[c], {1, 1}};
  Findings again_findings;
  Origin again_origin;
  Idea again = decode_csv_row<Idea>(written, "written.csv", {1, 1}, again_findings, again_origin);
  std::string before = canonical_text(idea), after = canonical_text(again);
  fuzz::require(!again_findings.has_errors(), "an idea written as a row reads back without errors",
                before);
  fuzz::require(before == after, "an idea written as a row reads back the same",
                before + "\n  became\n" + after);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  check_neutralise(text);
  parse_with(text, ',');
  parse_with(text, ';');
  parse_with(text, 0);

  Findings findings;
  RowSource source = read_csv_rows("ideas.csv", text, csv_columns<Idea>(), findings);
  if (!findings.has_errors())
    for (const auto& row : source.rows) check_idea_row(row);

  Findings target_findings;
  TargetsByContract targets = read_targets_csv("targets.csv", text, target_findings);
  for (const auto& [contract, rows] : targets)
    fuzz::require(rows.targets.size() == rows.origins.size(), "every target has its origin");
  return 0;
}
