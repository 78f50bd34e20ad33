// What set, stage and step share: one record changed through the same
// validated path as an import with --update, so that what they do not name is
// kept, the record is checked whole with its references, and the change is
// shown field by field.
#pragma once
#include <map>
#include <string>

#include "adding.h"
#include "inovasi/store/record_types.h"
#include "inovasi/util/text.h"
#include "options.h"

namespace inovasi::cli {

// The cells that name an existing record: id, or a report's contract and
// period from "CONTRACT/PERIOD". Throws InvalidInput when there is none.
template <class R>
std::map<std::string, CsvCell> key_cells(const ProgrammeDir& dir, const std::string& key) {
  std::map<std::string, CsvCell> cells;
  std::string stored_key = key, id = key;
  if constexpr (std::is_same_v<R, Report>) {
    auto slash = key.find('/');
    Period period;
    if (slash == std::string::npos || parse_value(key.substr(slash + 1), period))
      throw UsageError(
          msg("'{}' does not name a report: write CONTRACT/PERIOD, e.g. "
              "rsud-2018/2018-Q3",
              key));
    id = key.substr(0, slash);
    cells["contract"] = CsvCell{id, {}};
    cells["period"] = CsvCell{period.str(), {}};
    stored_key = key.substr(0, slash) + "/" + period.str();
  } else {
    cells["id"] = CsvCell{key, {}};
  }
  std::string relative = ProgrammeDir::record_path<R>(stored_key);
  std::error_code ec;
  if (!text::is_slug(id) || !stdfs::is_regular_file(dir.absolute(relative), ec)) {
    Findings ignored;
    std::vector<std::string> keys;
    for (const auto& file : list_files_of<R>(dir, ignored)) {
      std::string k = file.substr(std::string(R::kFolder).size() + 1);
      keys.push_back(k.substr(0, k.size() - 5));  // without ".yaml"
    }
    std::string message = msg("there is no {} '{}'", record_noun<R>(), key);
    if (auto near = text::nearest(key, keys)) message += msg("; did you mean '{}'?", *near);
    throw InvalidInput(message);
  }
  return cells;
}

// Changes one record: the cells given (CSV cell syntax, "" clears a field)
// over the record as its file holds it.
template <class R>
int change_record(const Globals& g, const std::string& key,
                  const std::map<std::string, std::string>& values, bool dry_run) {
  ProgrammeDir dir = ProgrammeDir::locate(g.dir);
  RowSource source;
  Row row;
  row.cells = key_cells<R>(dir, key);
  // Findings name the record's file.
  source.path = dir.shown(ProgrammeDir::record_path<R>(
      std::is_same_v<R, Report> ? row.cells["contract"].text + "/" + row.cells["period"].text
                                : key));
  for (const auto& [column, value] : values) row.cells[column] = CsvCell{value, {}};
  source.rows.push_back(std::move(row));
  Findings findings;
  std::vector<Change> changes =
      import_records<R>(dir, source, {dry_run, /*update=*/true}, findings);
  print_findings(findings);
  if (findings.has_errors()) throw InvalidInput();
  print_changes(changes, dir, dry_run, false);
  return kOk;
}

}  // namespace inovasi::cli

namespace inovasi::cli {

// The idea as its file holds it now (not as a cache remembers it); a file
// that cannot be read whole stops the command with its findings.
inline Idea idea_as_filed(const std::string& dir_option, const std::string& id) {
  ProgrammeDir dir = ProgrammeDir::locate(dir_option);
  key_cells<Idea>(dir, id);  // says so when there is no such idea
  Findings findings;
  LoadedFile<Idea> file = load_file<Idea>(dir, ProgrammeDir::record_path<Idea>(id), findings);
  print_findings(findings);
  if (!file.clean) throw InvalidInput();
  return file.stored->record;
}

}  // namespace inovasi::cli
