// inovasi rm: removes a record that nothing refers to.
#include "changing.h"

namespace inovasi::cli {

namespace {

struct RmOptions {
  std::string type;
  std::string id;
  bool dry_run = false;
};

template <class R>
int run_rm_of(const Globals& g, const RmOptions& o) {
  ProgrammeDir dir = ProgrammeDir::locate(g.dir);
  std::unique_ptr<Transaction> transaction;
  if (!o.dry_run) transaction = std::make_unique<Transaction>(dir);
  RecordRef ref = find_record<R>(dir, o.id);
  // Every record from its file: a reference in a file that cannot be read
  // would be left dangling.
  Findings findings;
  Records records = load_records(dir, findings, {.cache = LoadOptions::Cache::kOff});
  if (findings.has_errors()) {
    print_findings(findings);
    throw InvalidInput(tr("fix the records first: a removal must see every reference"));
  }
  std::vector<std::string> referrers;
  for_each_referrer<R>(records, ref.key,
                       [&](const auto& s, const std::vector<std::string>& fields) {
                         referrers.push_back(s.origin.path + " (" + text::join(fields, ", ") + ")");
                       });
  if (!referrers.empty())
    throw InvalidInput(msg("{} '{}' is still referred to; change or remove these first:\n  {}",
                           record_noun<R>(), ref.key, text::join(referrers, "\n  ")));
  if (transaction) {
    transaction->remove(ref.relative);
    // A report's folder goes with its last report.
    std::string folder = stdfs::path(ref.relative).parent_path().string();
    if (folder.find('/') != std::string::npos) transaction->remove_folder_if_empty(folder);
    transaction->commit();
  }
  std::cout << (o.dry_run ? msg("would remove {}", dir.shown(ref.relative))
                          : msg("removed {}", dir.shown(ref.relative)))
            << "\n";
  return kOk;
}

}  // namespace

Command rm_command() {
  return {"rm", tr_noop("Remove a record that nothing refers to"), [](CLI::App& app) -> Runner {
            auto o = std::make_shared<RmOptions>();
            add_record_arguments(app, o->type, o->id);
            app.add_flag("--dry-run", o->dry_run, tr("Show what would be removed; remove nothing"));
            app.footer(
                tr("Examples:\n"
                   "  inovasi rm report rsud-2018/2018-Q3\n"
                   "  inovasi rm idea ide-ganda --dry-run\n"
                   "\n"
                   "A record something refers to is not removed: the files that refer to\n"
                   "it are listed, to change or remove first. To rename a record, use\n"
                   "'inovasi mv'."));
            return [o](const Globals& g) {
              return dispatch_record_type(o->type, [&](auto type) {
                return run_rm_of<typename decltype(type)::type>(g, *o);
              });
            };
          }};
}

}  // namespace inovasi::cli
