// inovasi mv: renames a record and every reference to it, in one change that
// is all or nothing.
#include "changing.h"
#include "inovasi/check/check.h"
#include "inovasi/util/fs.h"

namespace inovasi::cli {

namespace {

struct MvOptions {
  std::string type;
  std::string from, to;
  bool dry_run = false;
};

// One record file the rename rewrites: where it was and where it goes (the
// same file unless its key changed), and what changes in it.
struct Rewrite {
  std::string old_path, new_path;  // relative to the programme directory
  std::string text;                // the old file's bytes, as read
  std::string content;
  std::vector<FieldChange> fields;
};

// A record file the rename rewrites, read once: for the comments it would
// lose (a finding in `refused`) and the schema hint it names, which it keeps.
template <class S>
Rewrite rewrite(const ProgrammeDir& dir, const S& before, const S& after, RecordStyle style,
                Findings& refused) {
  std::string old_path = ProgrammeDir::record_path<S>(record_key(before));
  std::string text = fs::read_file(dir.absolute(old_path));
  if (auto why = comments_would_be_lost(dir, old_path, text))
    refused.error(dir.shown(old_path), {}, *why);
  // The bytes the commit must find again are these: they must hold the
  // record the rename was worked out from, or an edit saved since the
  // records were loaded would be written over.
  Findings again;
  std::optional<Stored<S>> now = read_record_text<S>(text, dir.shown(old_path), again);
  if (!now || again.has_errors() || canonical_text(now->record) != canonical_text(before))
    refused.error(dir.shown(old_path), {},
                  tr("changed since the records were read; nothing was written, run the "
                     "command again"));
  std::string content = canonical_text(after, style_for_file(style, text));
  return {old_path, ProgrammeDir::record_path<S>(record_key(after)), std::move(text),
          std::move(content), record_changes(before, after)};
}

// The rewrites of every record of type S whose references name the renamed
// record, renamed in `records` as well so that the result can be checked.
template <class R, class S>
void rename_references(const ProgrammeDir& dir, Records& records, const std::string& from,
                       const std::string& to, RecordStyle style, std::vector<Rewrite>& out,
                       Findings& refused) {
  for (auto& s : records.all<S>()) {
    ReferenceRenamer<R> renamer{from, to};
    S before = s.record;
    S::references(s.record, renamer);
    if (!renamer.renamed) continue;
    out.push_back(rewrite(dir, before, s.record, style, refused));
    s.origin.path = dir.shown(out.back().new_path);
  }
}

template <class R>
int run_mv_of(const Globals& g, const MvOptions& o) {
  ProgrammeDir dir = ProgrammeDir::locate(g.dir);
  std::unique_ptr<Transaction> transaction;
  if (!o.dry_run) transaction = std::make_unique<Transaction>(dir);
  RecordRef ref = find_record<R>(dir, o.from);
  std::map<std::string, CsvCell> new_cells = key_cells<R>(o.to);

  // Every record, from its file: a rename rewrites what it finds, and a
  // reference in a file that cannot be read would be left behind.
  Findings findings;
  Records records = load_records(dir, findings, {.cache = LoadOptions::Cache::kOff});
  if (findings.has_errors() || !records.programme) {
    print_findings(findings);
    throw InvalidInput(tr("fix the records first: a rename must see every reference"));
  }
  const Stored<R>* old = records.find<R>(ref.key);
  if (!old) throw InvalidInput(msg("there is no {} '{}'", record_noun<R>(), ref.key));
  Findings key_findings;
  Origin ignored;
  Stored<R> moved{decode_csv_row<R>(new_cells, "", {}, key_findings, ignored, false, &old->record),
                  old->origin};
  if (key_findings.has_errors())
    throw UsageError(msg("'{}' does not name a {}: {}", o.to, record_noun<R>(),
                         key_findings.items().front().message));
  std::string to = record_key(moved.record);
  if (to == ref.key) throw UsageError(msg("'{}' is already its name", o.to));
  if (records.find<R>(to))
    throw InvalidInput(msg("{} '{}' exists already ({})", record_noun<R>(), to,
                           dir.shown(ProgrammeDir::record_path<R>(to))));

  RecordStyle style = RecordStyle::of(records.programme->record);
  std::vector<Rewrite> rewrites;
  Findings refused;
  rewrites.push_back(rewrite(dir, old->record, moved.record, style, refused));
  rewrites.back().fields.clear();  // its key, which the rename line says
  moved.origin.path = dir.shown(rewrites.back().new_path);
  auto& list = records.all<R>();
  list.erase(list.begin() + (old - list.data()));
  records.put(std::move(moved));
  for_each_record_type([&](auto type) {
    using S = typename decltype(type)::type;
    rename_references<R, S>(dir, records, ref.key, to, style, rewrites, refused);
  });
  records.sort();

  // The records as they would be, checked: only findings about the files
  // rewritten stop the rename.
  Findings after;
  check_records(records, after);
  std::set<std::string> touched;
  for (const auto& r : rewrites) touched.insert(dir.shown(r.new_path));
  for (const auto& f : after.items())
    if (f.severity == Severity::kError && touched.count(f.path)) refused.add(f);
  print_findings(refused);
  if (refused.has_errors()) throw InvalidInput();

  for (const auto& r : rewrites) {
    bool renamed = r.old_path != r.new_path;
    if (transaction) {
      transaction->stage(r.new_path, r.content);
      // Each file as it was read, and the new name still free.
      transaction->read_as(r.old_path, r.text);
      if (renamed) transaction->read_as(r.new_path, std::nullopt);
      if (renamed) transaction->remove(r.old_path);
      // A contract's reports move to a folder of the new name.
      std::string folder = stdfs::path(r.old_path).parent_path().string();
      if (renamed && folder.find('/') != std::string::npos)
        transaction->remove_folder_if_empty(folder);
    }
  }
  if (transaction) transaction->commit();
  for (const auto& r : rewrites) {
    if (r.old_path != r.new_path)
      std::cout << (o.dry_run
                        ? msg("would rename {} → {}", dir.shown(r.old_path), dir.shown(r.new_path))
                        : msg("renamed {} → {}", dir.shown(r.old_path), dir.shown(r.new_path)))
                << "\n";
    else
      std::cout << change_note(ChangeKind::kUpdated, o.dry_run, dir.shown(r.new_path)) << "\n";
    for (const auto& field : r.fields) std::cout << "  " << describe(field) << "\n";
  }
  return kOk;
}

}  // namespace

Command mv_command() {
  return {
      "mv", tr_noop("Rename a record's id and every reference to it"), [](CLI::App& app) -> Runner {
        auto o = std::make_shared<MvOptions>();
        add_record_arguments(app, o->type, o->from, "OLD",
                             tr_noop("Its id now; CONTRACT/PERIOD for a report"));
        app.add_option("new", o->to, tr("Its new id"))->required()->option_text("NEW");
        app.add_flag("--dry-run", o->dry_run,
                     tr("Validate and show what would change; write nothing"));
        app.footer(
            tr("Examples:\n"
               "  inovasi mv idea antrean-online antrean-online-rsud\n"
               "  inovasi mv contract rsud-2018 rsud-koesma-2018 --dry-run\n"
               "\n"
               "Every reference is renamed with it: ideas' and contracts' unit,\n"
               "contracts' and regulations' ideas, reports' contract (and their folder),\n"
               "regulations' amends. All the files change together or none does."));
        return [o](const Globals& g) {
          return dispatch_record_type(
              o->type, [&](auto type) { return run_mv_of<typename decltype(type)::type>(g, *o); });
        };
      }};
}

}  // namespace inovasi::cli
