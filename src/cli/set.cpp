// inovasi set: changes fields of one record by their column names, for scripts.
#include "changing.h"

namespace inovasi::cli {

namespace {

struct SetOptions {
  std::string type;
  std::string id;
  std::vector<std::string> assignments;  // FIELD=VALUE
  bool dry_run = false;
};

// FIELD=VALUE pairs, FIELD a column of R's CSV layout and not one of the
// columns that name the record (those are changed by renaming it).
template <class R>
std::map<std::string, std::string> assignments(const std::vector<std::string>& given) {
  std::vector<std::string> columns = csv_columns<R>();
  std::vector<std::string> keys = key_columns<R>();
  std::map<std::string, std::string> values;
  for (const auto& assignment : given) {
    auto equals = assignment.find('=');
    if (equals == std::string::npos)
      throw UsageError(msg("'{}' is not FIELD=VALUE (FIELD= clears a field)", assignment));
    std::string field = assignment.substr(0, equals);
    if (std::find(keys.begin(), keys.end(), field) != keys.end())
      throw UsageError(msg("'{}' names the record and is not changed by set", field));
    if (std::find(columns.begin(), columns.end(), field) == columns.end()) {
      std::string message = msg("{} records have no field '{}'", R::kType, field);
      if (auto near = text::nearest(field, columns)) message += msg(" (did you mean '{}'?)", *near);
      throw UsageError(
          message + "\n" +
          msg("The fields are the columns of its CSV export: {}", text::join(columns, ", ")));
    }
    if (!values.emplace(field, assignment.substr(equals + 1)).second)
      throw UsageError(msg("'{}' is given twice", field));
  }
  if (values.empty())
    throw UsageError(tr("say what changes: one FIELD=VALUE or more (FIELD= clears a field)"));
  return values;
}

int run_set(const Globals& g, const SetOptions& o) {
  return dispatch_record_type(o.type, [&](auto type) {
    using R = typename decltype(type)::type;
    auto values = assignments<R>(o.assignments);
    return change_record<R>(
        g, o.id, [&](const R&) { return values; }, o.dry_run);
  });
}

}  // namespace

Command set_command() {
  return {"set", tr_noop("Change fields of one record: FIELD=VALUE, FIELD= to clear"),
          [](CLI::App& app) -> Runner {
            auto o = std::make_shared<SetOptions>();
            add_record_arguments(app, o->type, o->id);
            app.add_option("assignments", o->assignments,
                           tr("A column of the type's CSV export and its new value, in the "
                              "cell's syntax; FIELD= clears the field"))
                ->option_text("FIELD=VALUE...");
            app.add_flag("--dry-run", o->dry_run,
                         tr("Validate and show what would change; write nothing"));
            app.footer(
                tr("Examples:\n"
                   "  inovasi set idea antrean-online budget=30000000 proposer_nip=\n"
                   "  inovasi set report rsud-2018/2018-Q3 'actual=waktu-tunggu=41;pengguna=700'\n"
                   "\n"
                   "Only the fields named change; the record is checked whole, with its\n"
                   "references, and written only if valid. A list field (tags, plan, ideas)\n"
                   "is replaced as a whole: tags='antrean;digital'."));
            return [o](const Globals& g) { return run_set(g, *o); };
          }};
}

}  // namespace inovasi::cli
