// What add-unit and add-idea share: an option per CSV column, --from for a
// batch, and one all-or-nothing import behind both.
#pragma once
#include <iostream>
#include <map>
#include <memory>

#include "inovasi/cli/app.h"
#include "inovasi/importer/import.h"
#include "inovasi/store/csv_codec.h"
#include "inovasi/util/error.h"
#include "inovasi/util/messages.h"

namespace inovasi::cli {

struct AddOptions {
  std::map<std::string, std::string> values;  // column -> option value
  std::string from;
  std::string separator;  // of the --from CSV; detected from its header when empty
  bool dry_run = false;
  bool update = false;
};

// Adds --COLUMN for every column that has help text (marked with tr_noop,
// translated here), plus --from, --dry-run and --update.
inline void add_column_options(CLI::App& app, AddOptions& o,
                               const std::vector<std::pair<std::string, std::string>>& help) {
  for (const auto& [column, text] : help)
    app.add_option(column_label(column, true), o.values[column], tr(text));
  app.add_option("--from", o.from,
                 tr("Add many from a CSV file whose header names the columns ('-': stdin)"))
      ->option_text("FILE.csv");
  app.add_option("--separator", o.separator,
                 tr("Separator of the --from CSV: ',' or ';' (default: the header's)"))
      ->check(CLI::IsMember({",", ";"}));
  app.add_flag("--dry-run", o.dry_run,
               tr("Validate and show what would be written; write nothing"));
  app.add_flag("--update", o.update,
               tr("Change records whose id exists: only the fields given (an empty CSV cell "
                  "clears one); a list given replaces the whole list"));
}

// "added units/rsud-koesma.yaml", or what a dry run would do.
inline std::string change_note(ChangeKind kind, bool dry_run, const std::string& path) {
  switch (kind) {
    case ChangeKind::kAdded:
      return dry_run ? msg("would add {}", path) : msg("added {}", path);
    case ChangeKind::kUpdated:
      return dry_run ? msg("would update {}", path) : msg("updated {}", path);
    case ChangeKind::kUnchanged:
      break;
  }
  return msg("unchanged {}", path);
}

// Each change's note, then an update's fields one by one ("  stage:
// initiative → trial"); a dry run from options shows a new record whole.
inline void print_changes(const std::vector<Change>& changes, const ProgrammeDir& dir, bool dry_run,
                          bool whole_new_record) {
  for (const auto& change : changes) {
    std::cout << change_note(change.kind, dry_run, dir.shown(change.path)) << "\n";
    for (const auto& field : change.fields) std::cout << "  " << describe(field) << "\n";
    if (dry_run && whole_new_record && change.kind == ChangeKind::kAdded)
      std::cout << change.content;
  }
}

// The file of the record whose key columns (id, or a report's contract and
// period) the cells give, when it exists; read with the records' own rules,
// so that 2018-q3 finds 2018-Q3.
template <class R>
std::optional<std::string> existing_record(const ProgrammeDir& dir,
                                           const std::map<std::string, CsvCell>& cells) {
  Findings ignored;  // the other columns may well be missing
  Origin origin;
  std::string relative =
      ProgrammeDir::record_path<R>(record_key(decode_csv_row<R>(cells, "", {}, ignored, origin)));
  std::error_code ec;
  if (!stdfs::is_regular_file(dir.absolute(relative), ec)) return std::nullopt;
  return relative;
}

inline char separator_of(const AddOptions& o) {
  return o.separator.empty() ? 0 : o.separator[0];
}

template <class R>
int run_add(const Globals& g, const AddOptions& o, const Completion<R>& complete = {},
            const std::function<void(Findings&)>& finish = {}) {
  ProgrammeDir dir = ProgrammeDir::locate(g.dir);
  Findings findings;
  RowSource source;
  if (!o.from.empty()) {
    for (const auto& [column, value] : o.values)
      if (!value.empty())
        throw UsageError(msg("{} cannot be combined with --from; put it in the CSV file",
                             column_label(column, true)));
    source = read_csv_rows(o.from, read_input(o.from), csv_columns<R>(), findings, separator_of(o));
  } else {
    source.command_line = true;
    Row row;
    for (const auto& [column, value] : o.values)
      if (!value.empty()) row.cells[column] = CsvCell{value, {}};
    source.rows.push_back(std::move(row));
  }
  std::vector<Change> changes;
  if (!findings.has_errors())
    changes = import_records<R>(dir, source, {o.dry_run, o.update}, findings, complete, finish);
  print_findings(findings);
  if (findings.has_errors()) throw InvalidInput();

  print_changes(changes, dir, o.dry_run, source.command_line);
  return kOk;
}

}  // namespace inovasi::cli
