// Adding records in batches, all or nothing: every row is decoded and checked
// against the programme first, and nothing is written unless all pass.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "inovasi/store/csv_codec.h"
#include "inovasi/store/diff.h"
#include "inovasi/store/store.h"
#include "inovasi/util/csv.h"
#include "inovasi/util/finding.h"
#include "inovasi/util/text.h"

namespace inovasi {

// One record's input: cells by column name (CSV columns, or options).
struct Row {
  Mark mark;
  std::map<std::string, CsvCell> cells;
};

// Where an import's rows come from: options (or a record being changed)
// give rows; a CSV file gives its text, whose rows are read one at a time as
// they are imported, so that a large file is never held as cells all at once.
struct RowSource {
  std::string path;           // the CSV file as the user named it; "" for options
  bool command_line = false;  // rows came from options, not a file
  std::vector<Row> rows;
  std::string text;                // a CSV file's text, read and checked by read_csv_rows
  char separator = ',';            // its separator
  std::vector<std::string> names;  // its header's column names ("" for an empty one)
  std::size_t text_rows = 0;       // how many rows it holds

  std::size_t size() const { return rows.size() + text_rows; }

  // Each row in order: the rows given, then those of the text.
  void each_row(const std::function<void(const Row&)>& f) const;
};

// Parses CSV input with a header row; a malformed or empty file is a finding.
// separator 0: detected from the header line.
std::optional<csv::Document> read_csv_document(const std::string& path, const std::string& text,
                                               Findings& findings, char separator = 0);
// A row needs a field for every column the header names; fields beyond them
// (spreadsheets add empty trailing columns) must be empty.
void check_row_width(const std::string& path, const csv::Record& row,
                     const std::vector<std::string>& names, Findings& findings);
// "unknown column 'titel' (did you mean 'title'?)": known holds the
// columns, and suggests for the first few unknown ones of a header only.
std::string unknown_column(const std::string& name, text::Nearest& known);

// Reads a CSV file ("-": standard input) whose header names the record's
// columns. Unknown or repeated columns and malformed CSV become findings.
RowSource read_csv_rows(const std::string& path, std::string text,
                        const std::vector<std::string>& columns, Findings& findings,
                        char separator = 0);

struct ImportOptions {
  bool dry_run = false;
  // Change records whose id exists: the fields the row names (an empty cell
  // clears one); the rest keep their values.
  bool update = false;
};

enum class ChangeKind { kAdded, kUpdated, kUnchanged };

struct Change {
  ChangeKind kind;
  std::string path;                 // relative to the programme directory
  std::string content;              // the canonical record
  std::vector<FieldChange> fields;  // an update's changes, field by field
};

// Fills in what the row cannot hold (a contract's targets) before checking.
template <class R>
using Completion = std::function<void(Stored<R>&, const Records& existing, Findings&)>;

// Validates every row; when all pass (and not a dry run) writes them under
// the directory lock. With errors, returns nothing and findings say why.
template <class R>
std::vector<Change> import_records(const ProgrammeDir& dir, const RowSource& source,
                                   ImportOptions options, Findings& findings,
                                   const Completion<R>& complete = {},
                                   const std::function<void(Findings&)>& finish = {});

}  // namespace inovasi
