// What set, stage and step share: one record changed through the same
// validated path as an import with --update, so that what they do not name is
// kept, the record is checked whole with its references, and the change is
// shown field by field.
#pragma once
#include <cctype>
#include <functional>
#include <map>
#include <string>

#include "adding.h"
#include "inovasi/store/record_types.h"
#include "inovasi/util/text.h"
#include "options.h"

namespace inovasi::cli {

// A record named on the command line: the cells of its key columns, and its
// file relative to the programme directory.
struct RecordRef {
  std::map<std::string, CsvCell> cells;
  std::string relative;
  std::string key;  // as the record is stored: rsud-2018/2018-Q3
};

// The cells of the key columns that KEY gives ("antrean-online", a report's
// "rsud-2018/2018-Q3"); a usage error when KEY has another shape.
template <class R>
std::map<std::string, CsvCell> key_cells(const std::string& key) {
  std::vector<std::string> columns = key_columns<R>();
  std::vector<std::string> parts = text::split(key, '/');
  if (parts.size() != columns.size()) {
    std::vector<std::string> shape;
    for (std::string column : columns) {
      for (char& c : column) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      shape.push_back(column);
    }
    throw UsageError(
        msg("'{}' does not name a {}: write {}", key, record_noun<R>(), text::join(shape, "/")));
  }
  std::map<std::string, CsvCell> cells;
  for (std::size_t i = 0; i < columns.size(); ++i) cells[columns[i]] = CsvCell{parts[i], {}};
  return cells;
}

// Runs f(std::type_identity<R>{}) for the record type TYPE names ("idea");
// an unknown TYPE is a usage error that lists the types.
template <class F>
int dispatch_record_type(const std::string& type, F&& f) {
  int status = kOk;
  if (visit_record_type(type, [&](auto t) { status = f(t); })) return status;
  std::vector<std::string> names = record_type_names();
  std::string message = msg("'{}' is not a record type", type);
  if (auto near = text::nearest(type, names)) message += msg(" (did you mean '{}'?)", *near);
  throw UsageError(message + "; " + msg("the types are {}", text::join(names, ", ")));
}

// TYPE and ID, the arguments of the commands that work on one record of any
// type; id_help (marked tr_noop) says what ID is.
inline void add_record_arguments(CLI::App& app, std::string& type, std::string& id,
                                 const char* id_name = "ID",
                                 const char* id_help = tr_noop("Its id; CONTRACT/PERIOD for a "
                                                               "report")) {
  app.add_option("type", type, tr("The record's type: unit, idea, contract, report or regulation"))
      ->required()
      ->option_text("TYPE");
  app.add_option(text::lower_ascii(id_name), id, tr(id_help))->required()->option_text(id_name);
}

// The key of a record from its file's path: ideas/x.yaml is x, and
// reports/rsud-2018/2018-Q3.yaml is rsud-2018/2018-Q3.
template <class R>
std::string key_of_file(const std::string& relative) {
  std::size_t folder = std::string(R::kFolder).size() + 1, suffix = std::string(".yaml").size();
  return relative.substr(folder, relative.size() - folder - suffix);
}

// Finds the record that KEY names: its id, or for a report CONTRACT/PERIOD
// (the key columns joined by '/'). A KEY of another shape is a usage error;
// one that names no record is InvalidInput, with the nearest key suggested.
template <class R>
RecordRef find_record(const ProgrammeDir& dir, const std::string& key) {
  RecordRef ref;
  ref.cells = key_cells<R>(key);
  // The first key column is always an id, and ids never leave their folder.
  std::optional<std::string> relative;
  if (text::is_slug(key.substr(0, key.find('/')))) relative = existing_record<R>(dir, ref.cells);
  if (!relative) {
    Findings ignored;
    std::vector<std::string> keys;
    for (const auto& file : list_files_of<R>(dir, ignored)) keys.push_back(key_of_file<R>(file));
    std::string message = msg("there is no {} '{}'", record_noun<R>(), key);
    if (auto near = text::nearest(key, keys)) message += msg("; did you mean '{}'?", *near);
    throw InvalidInput(message);
  }
  ref.relative = *relative;
  ref.key = key_of_file<R>(ref.relative);
  return ref;
}

// The cells a change sets (CSV cell syntax, "" clears a field), worked out
// from the record as its file holds it now.
template <class R>
using ChangeOf = std::function<std::map<std::string, std::string>(const R& current)>;

// Changes one record: the cells `change` gives, over the record as its file
// holds it (not as the cache remembers it). A file that cannot be read whole
// stops the command with its findings.
template <class R>
int change_record(const Globals& g, const std::string& key, const ChangeOf<R>& change,
                  bool dry_run) {
  ProgrammeDir dir = ProgrammeDir::locate(g.dir);
  RecordRef ref = find_record<R>(dir, key);
  Findings findings;
  LoadedFile<R> file = load_file<R>(dir, ref.relative, findings);
  if (!file.clean) {
    print_findings(findings);
    throw InvalidInput();
  }
  RowSource source;
  source.path = dir.shown(ref.relative);  // findings name the record's file
  Row row{{}, std::move(ref.cells)};
  for (const auto& [column, value] : change(file.stored->record))
    row.cells[column] = CsvCell{value, {}};
  source.rows.push_back(std::move(row));
  std::vector<Change> changes =
      import_records<R>(dir, source, {dry_run, /*update=*/true}, findings);
  print_findings(findings);
  if (findings.has_errors()) throw InvalidInput();
  print_changes(changes, dir, dry_run, false);
  return kOk;
}

}  // namespace inovasi::cli
