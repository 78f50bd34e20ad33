#include "inovasi/importer/import.h"

#include <memory>
#include <set>

#include "inovasi/check/check.h"
#include "inovasi/store/yaml_doc.h"
#include "inovasi/util/csv.h"
#include "inovasi/util/fs.h"
#include "inovasi/util/messages.h"
#include "inovasi/util/text.h"

namespace inovasi {

std::optional<csv::Document> read_csv_document(const std::string& path, const std::string& text,
                                               Findings& findings, char separator) {
  try {
    csv::Document doc = csv::parse(text, separator);
    if (!doc.records.empty()) return doc;
    findings.error(path, {1, 1}, tr("the file is empty; expected a header row naming the columns"));
  } catch (const csv::ParseError& e) {
    findings.error(path, {e.line, e.column}, e.what());
  }
  return std::nullopt;
}

void check_row_width(const std::string& path, const csv::Record& row,
                     const std::vector<std::string>& names, Findings& findings) {
  std::size_t named = names.size();
  while (named > 0 && names[named - 1].empty()) --named;
  bool extra = false;
  for (std::size_t c = named; c < row.fields.size(); ++c)
    extra = extra || !text::trim(row.fields[c].text).empty();
  if (row.fields.size() >= named && !extra) return;
  const csv::Field& last = row.fields.back();
  Mark mark =
      extra ? Mark{row.fields[named].line, row.fields[named].column} : Mark{last.line, last.column};
  findings.error(
      path, mark,
      msg("row has {} fields but the header names {} columns", row.fields.size(), named));
}

std::string unknown_column(const std::string& name, text::Nearest& known) {
  // Column names are short: a long header cell is shown cut, and not
  // compared with each known name, which costs its length times theirs.
  if (name.size() > text::Nearest::kMaxWordLength)
    return msg("unknown column '{}'", text::truncate_to_width(name, 32));
  std::string message = msg("unknown column '{}'", name);
  if (auto near = known(name)) message += msg(" (did you mean '{}'?)", *near);
  return message;
}

// The file is read through once here, for its header and for every error
// of its form, and again as the rows are imported; only its text is kept.
RowSource read_csv_rows(const std::string& path, std::string text,
                        const std::vector<std::string>& columns, Findings& findings,
                        char separator) {
  RowSource source{path, false, {}, {}, ',', {}, 0};
  Findings widths;
  std::vector<std::string> names;
  std::vector<Mark> marks;
  try {
    csv::Reader reader(text, separator);
    csv::Record record;
    if (!reader.next(record)) {
      findings.error(path, {1, 1},
                     tr("the file is empty; expected a header row naming the columns"));
      return source;
    }
    for (const auto& field : record.fields) {
      names.emplace_back(text::trim(field.text));
      marks.push_back({field.line, field.column});
    }
    while (reader.next(record)) {
      check_row_width(path, record, names, widths);
      ++source.text_rows;
    }
    source.separator = reader.separator();
  } catch (const csv::ParseError& e) {
    findings.error(path, {e.line, e.column}, e.what());
    return source;
  }
  std::set<std::string> seen;
  text::Nearest nearest(columns);
  for (std::size_t c = 0; c < names.size(); ++c) {
    const std::string& name = names[c];
    if (name.empty()) continue;  // spreadsheets add trailing empty columns
    if (std::find(columns.begin(), columns.end(), name) == columns.end()) {
      findings.error(path, marks[c], unknown_column(name, nearest));
    } else if (!seen.insert(name).second) {
      findings.error(path, marks[c], msg("column '{}' appears twice", name));
    }
  }
  if (findings.has_errors()) {
    source.text_rows = 0;
    return source;
  }
  findings.append(widths);
  source.text = std::move(text);
  source.names = std::move(names);
  return source;
}

void RowSource::each_row(const std::function<void(const Row&)>& f) const {
  for (const Row& row : rows) f(row);
  if (text.empty()) return;
  csv::Reader reader(text, separator);
  csv::Record record;
  reader.next(record);  // the header
  while (reader.next(record)) {
    Row row{{record.line, 1}, {}};
    for (std::size_t c = 0; c < record.fields.size() && c < names.size(); ++c) {
      const auto& field = record.fields[c];
      if (names[c].empty()) continue;
      row.cells[names[c]] = CsvCell{csv::unneutralise(field.text), {field.line, field.column}};
    }
    f(row);
  }
}

// A row without an id gets one derived from its name or title, a contract's
// from its unit and the year it starts; reports are keyed by contract and
// period. When there is nothing to derive from, the row's own "required"
// error says so, and the placeholder id is never written.
template <class R>
static std::map<std::string, CsvCell> with_id(const Row& row, const RowSource& source,
                                              Findings& findings) {
  std::map<std::string, CsvCell> cells = row.cells;
  if constexpr (std::size(R::kKeyColumns) == 1) {
    auto id = cells.find("id");
    if (id != cells.end() && !text::trim(id->second.text).empty()) return cells;
    std::string basis, from;
    Mark mark = row.mark;
    auto text_of = [&](const char* column) {
      auto it = cells.find(column);
      if (it == cells.end()) return std::string();
      mark = it->second.mark;
      return std::string(text::trim(it->second.text));
    };
    basis = text_of(R::kIdFrom);
    from = column_label(R::kIdFrom, source.command_line);
    // A contract's id is its unit's and the year it starts.
    if constexpr (requires { R::kIdYearFrom; }) {
      std::string start = text_of(R::kIdYearFrom);
      basis = !basis.empty() && !start.empty() ? basis + " " + start.substr(0, 4) : "";
    }
    std::string dropped;
    std::string derived = text::slugify(basis, &dropped);
    if (!dropped.empty())
      findings.error(source.path, mark,
                     msg("{} has letters an id cannot hold ({}), which would be left out of "
                         "it; choose an id with {}",
                         from, dropped, column_label("id", source.command_line)));
    else if (!basis.empty() && derived.empty())
      findings.error(source.path, mark,
                     msg("{} gives no id (no letters or digits); choose one with {}", from,
                         column_label("id", source.command_line)));
    cells["id"] = CsvCell{derived.empty() ? "unnamed" : derived, mark};
  }
  return cells;
}

// Whether the programme's records start with the schema hint; nothing when
// inovasi.yaml, or its editor_schema, could not be read, which stops a write
// rather than have it guessed.
static std::optional<RecordStyle> write_style(const Records& records) {
  if (!records.programme) return std::nullopt;
  const Stored<Programme>& programme = *records.programme;
  if (!programme.record.editor_schema)
    for (const auto& [field, mark] : programme.origin.fields)
      if (field == "editor_schema") return std::nullopt;
  return RecordStyle::of(programme.record);
}

// A file rewritten with a change would lose the comments typed into it:
// the change is refused rather than have them dropped unasked.
template <class R>
static void refuse_losing_comments(const ProgrammeDir& dir, const std::string& key,
                                   const Origin& origin, Findings& findings) {
  if (auto why = comments_would_be_lost(dir, ProgrammeDir::record_path<R>(key)))
    findings.error(origin.path, origin.mark, *why);
}

// The records an import replaces, each read from its file when first asked
// for: the cache may lag behind an edit made within its clock's resolution,
// and a write must never carry a stale copy back. The bytes read are what
// the file must still hold when the change is written (Transaction::read_as).
template <class R>
class FileBases {
 public:
  FileBases(const ProgrammeDir& dir, Findings& findings) : dir_(dir), findings_(findings) {}
  // The record keyed `key` as its file holds it; nothing when there is no
  // such record, or its file cannot be read whole (a finding says why).
  const Stored<R>* find(const Records& records, const std::string& key) {
    if (!records.find<R>(key)) return nullptr;
    auto [it, inserted] = read_.try_emplace(key);
    if (inserted) {
      LoadedFile<R> file = load_file<R>(dir_, ProgrammeDir::record_path<R>(key), findings_);
      it->second.text = std::move(file.text);
      if (file.clean) it->second.stored = std::move(file.stored);
    }
    return it->second.stored ? &*it->second.stored : nullptr;
  }
  const std::string& text(const std::string& key) const { return read_.at(key).text; }

 private:
  struct Read {
    std::string text;
    std::optional<Stored<R>> stored;
  };
  const ProgrammeDir& dir_;
  Findings& findings_;
  std::map<std::string, Read> read_;
};

template <class R>
std::vector<Change> import_records(const ProgrammeDir& dir, const RowSource& source,
                                   ImportOptions options, Findings& findings,
                                   const Completion<R>& complete,
                                   const std::function<void(Findings&)>& finish) {
  // The lock is held from reading to writing, so two imports cannot both
  // claim one id.
  std::unique_ptr<Transaction> transaction;
  if (!options.dry_run) transaction = std::make_unique<Transaction>(dir);

  Findings existing_findings;
  Records records = load_records(dir, existing_findings, {.cache = LoadOptions::Cache::kRead});

  Findings local;
  FileBases<R> bases(dir, local);
  std::vector<Stored<R>> incoming;
  // Room for the programme's own records too, which put_all merges in.
  incoming.reserve(source.size() + records.all<R>().size());
  std::map<std::string, int> first_line;
  std::set<std::string> replaced;
  source.each_row([&](const Row& row) {
    Stored<R> stored;
    std::map<std::string, CsvCell> cells = with_id<R>(row, source, local);
    // An update starts from the record as it is, so that what the row does
    // not name is kept; the row's key columns say which record that is.
    const R* existing = nullptr;
    if (options.update) {
      Findings ignored;
      Origin scratch;
      R keyed = decode_csv_row<R>(cells, source.path, row.mark, ignored, scratch);
      if (const Stored<R>* old = bases.find(records, record_key(keyed))) existing = &old->record;
    }
    stored.record = decode_csv_row<R>(cells, source.path, row.mark, local, stored.origin,
                                      source.command_line, existing);
    if (complete) complete(stored, records, local);
    std::string id = record_key(stored.record);
    if (!id.empty()) {
      auto [it, inserted] = first_line.emplace(id, row.mark.line);
      if (!inserted) {
        local.error(source.path, stored.origin.at("id"),
                    msg_of(R::kSentences.id_again, id, it->second));
      } else if (records.find<R>(id) && !options.update) {
        bool has_id = std::string_view(R::kKeyColumns[0]) == "id";
        std::string hint = source.command_line && has_id
                               ? tr("choose another with --id, or use --update to replace it")
                               : tr("use --update to replace it");
        local.error(source.path, stored.origin.at("id"),
                    msg_of(R::kSentences.exists_already, id,
                           dir.shown(ProgrammeDir::record_path<R>(id)), hint));
      }
    }
    incoming.push_back(std::move(stored));
  });
  // What each row would write, and how that differs from the file today.
  std::optional<RecordStyle> known_style = write_style(records);
  if (!known_style) {
    std::string programme = dir.shown(kProgrammeFile);
    std::size_t before = local.size();
    for (const auto& f : existing_findings.items())
      if (f.path == programme && f.severity == Severity::kError) local.add(f);
    if (local.size() == before)
      local.error(programme, {}, tr("cannot be read, so records cannot be written as it says"));
  }
  RecordStyle style = known_style.value_or(RecordStyle{});
  std::vector<Change> changes;
  std::vector<std::optional<std::string>> read;
  changes.reserve(incoming.size());
  for (const auto& s : incoming) {
    std::string key = record_key(s.record);
    std::string content = canonical_text(s.record, style);
    content.shrink_to_fit();  // the emitter reserves 1 KiB; a large import holds every file
    ChangeKind kind = ChangeKind::kAdded;
    std::vector<FieldChange> fields;
    if (const auto* old = bases.find(records, key)) {
      fields = record_changes(old->record, s.record);
      kind = fields.empty() ? ChangeKind::kUnchanged : ChangeKind::kUpdated;
      if (kind == ChangeKind::kUpdated) refuse_losing_comments<R>(dir, key, s.origin, local);
    }
    // A record file larger than this is refused when read: never write one.
    if (content.size() > yaml::kMaxFileSize)
      local.error(source.path, s.origin.mark,
                  msg("the record would take {} bytes, more than the {} a record file may hold",
                      content.size(), yaml::kMaxFileSize));
    changes.push_back(
        {kind, ProgrammeDir::record_path<R>(key), std::move(content), std::move(fields)});
    // What the file holds now, which it must still hold when it is written.
    read.push_back(kind == ChangeKind::kAdded ? std::nullopt
                                              : std::optional<std::string>(bases.text(key)));
  }
  {
    // Rules across records run even when some cells were wrong, so that a
    // batch reports every problem at once. The records become what they
    // would be after the import, in place: a copy of a large programme
    // would double the memory.
    std::set<std::string> sources = {source.path};
    for (const auto& s : incoming)
      for (const auto& [prefix, other] : s.origin.elsewhere) sources.insert(other);
    records.put_all(std::move(incoming));
    Findings all;
    check_records(records, all);
    for (const auto& f : all.items())
      if (sources.count(f.path)) local.add(f);
  }
  if (finish) finish(local);
  local.sort();
  findings.append(local);
  if (local.has_errors()) return {};

  if (transaction) {
    for (std::size_t i = 0; i < changes.size(); ++i) {
      const Change& change = changes[i];
      if (change.kind == ChangeKind::kUnchanged) continue;
      transaction->stage(change.path, change.content);
      transaction->read_as(change.path, std::move(read[i]));
    }
    transaction->commit();
  }
  return changes;
}

#define INOVASI_INSTANTIATE(R)                                                                   \
  template std::vector<Change> import_records<R>(const ProgrammeDir&, const RowSource&,          \
                                                 ImportOptions, Findings&, const Completion<R>&, \
                                                 const std::function<void(Findings&)>&);
INOVASI_INSTANTIATE(Unit)
INOVASI_INSTANTIATE(Idea)
INOVASI_INSTANTIATE(Contract)
INOVASI_INSTANTIATE(Report)
INOVASI_INSTANTIATE(Regulation)
#undef INOVASI_INSTANTIATE

}  // namespace inovasi
