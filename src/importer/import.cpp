#include "inovasi/importer/import.h"

#include <fmt/core.h>

#include <memory>
#include <set>

#include "inovasi/check/check.h"
#include "inovasi/util/csv.h"
#include "inovasi/util/text.h"

namespace inovasi {

RowSource read_csv_rows(const std::string& path, const std::string& text,
                        const std::vector<std::string>& columns, Findings& findings) {
  RowSource source{path, false, {}};
  csv::Document doc;
  try {
    doc = csv::parse(text);
  } catch (const csv::ParseError& e) {
    findings.error(path, {e.line, e.column}, e.what());
    return source;
  }
  if (doc.records.empty()) {
    findings.error(path, {1, 1}, "the file is empty; expected a header row naming the columns");
    return source;
  }
  const auto& header = doc.records[0].fields;
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (const auto& field : header) {
    std::string name(text::trim(field.text));
    names.push_back(name);
    if (name.empty()) continue;  // spreadsheets add trailing empty columns
    Mark mark{field.line, field.column};
    if (std::find(columns.begin(), columns.end(), name) == columns.end()) {
      std::string message = fmt::format("unknown column '{}'", name);
      if (auto near = text::nearest(name, columns))
        message += fmt::format(" (did you mean '{}'?)", *near);
      findings.error(path, mark, message);
    } else if (!seen.insert(name).second) {
      findings.error(path, mark, fmt::format("column '{}' appears twice", name));
    }
  }
  if (findings.has_errors()) return source;
  for (std::size_t r = 1; r < doc.records.size(); ++r) {
    const auto& record = doc.records[r];
    Row row{{record.line, 1}, {}};
    for (std::size_t c = 0; c < record.fields.size(); ++c) {
      const auto& field = record.fields[c];
      if (c >= names.size() || names[c].empty()) {
        if (!text::trim(field.text).empty())
          findings.error(path, {field.line, field.column},
                         fmt::format("row has {} fields but the header names {} columns",
                                     record.fields.size(), names.size()));
        continue;
      }
      row.cells[names[c]] = CsvCell{csv::unneutralise(field.text), {field.line, field.column}};
    }
    source.rows.push_back(std::move(row));
  }
  return source;
}

// A row without an id gets one derived from its name or title.
template <class R>
static std::map<std::string, CsvCell> with_id(const Row& row) {
  std::map<std::string, CsvCell> cells = row.cells;
  auto id = cells.find("id");
  if (id != cells.end() && !text::trim(id->second.text).empty()) return cells;
  auto from = cells.find(R::kIdFrom);
  if (from != cells.end())
    cells["id"] = CsvCell{text::slugify(from->second.text), from->second.mark};
  return cells;
}

template <class R>
std::vector<Change> import_records(const ProgrammeDir& dir, const RowSource& source,
                                   ImportOptions options, Findings& findings) {
  // The lock is held from reading to writing, so two imports cannot both
  // claim one id.
  std::unique_ptr<Transaction> transaction;
  if (!options.dry_run) transaction = std::make_unique<Transaction>(dir);

  Findings existing_findings;
  Records records = load_records(dir, existing_findings);

  Findings local;
  std::vector<Stored<R>> incoming;
  std::map<std::string, int> first_line;
  std::set<std::string> replaced;
  for (const Row& row : source.rows) {
    Stored<R> stored;
    stored.record = decode_csv_row<R>(with_id<R>(row), source.path, row.mark, local, stored.origin,
                                      source.command_line);
    std::string id = record_key(stored.record);
    if (!id.empty()) {
      auto [it, inserted] = first_line.emplace(id, row.mark.line);
      if (!inserted) {
        local.error(source.path, stored.origin.at("id"),
                    fmt::format("{} id '{}' is also on line {}", R::kType, id, it->second));
      } else if (records.find<R>(id) && !options.update) {
        std::string hint = source.command_line
                               ? "choose another with --id, or use --update to replace it"
                               : "use --update to replace it";
        local.error(source.path, stored.origin.at("id"),
                    fmt::format("{} '{}' exists already ({}); {}", R::kType, id,
                                ProgrammeDir::record_path<R>(id), hint));
      }
    }
    incoming.push_back(std::move(stored));
  }
  if (!local.has_errors()) {
    Records merged = records;
    for (const auto& s : incoming) merged.put(s);
    Findings all;
    check_records(merged, all);
    for (const auto& f : all.items())
      if (f.path == source.path) local.add(f);
  }
  local.sort();
  findings.append(local);
  if (local.has_errors()) return {};

  std::vector<Change> changes;
  for (const auto& s : incoming) {
    std::string path = ProgrammeDir::record_path<R>(record_key(s.record));
    std::string content = canonical_text(s.record);
    ChangeKind kind = ChangeKind::kAdded;
    if (const auto* old = records.find<R>(record_key(s.record)))
      kind = canonical_text(old->record) == content ? ChangeKind::kUnchanged : ChangeKind::kUpdated;
    changes.push_back({kind, path, content});
    if (transaction && kind != ChangeKind::kUnchanged) transaction->stage(path, content);
  }
  if (transaction) transaction->commit();
  return changes;
}

template std::vector<Change> import_records<Unit>(const ProgrammeDir&, const RowSource&,
                                                  ImportOptions, Findings&);
template std::vector<Change> import_records<Idea>(const ProgrammeDir&, const RowSource&,
                                                  ImportOptions, Findings&);

}  // namespace inovasi
