// inovasi report: a quarterly progress report against a contract's targets.
#include "adding.h"
#include "inovasi/util/text.h"

namespace inovasi::cli {

namespace {

struct ReportLists {
  std::vector<std::string> actual;  // target=value
  std::vector<std::string> evidence;
};

int run_report(const Globals& g, AddOptions o, const ReportLists& lists) {
  if (!o.from.empty()) {
    if (!lists.actual.empty() || !lists.evidence.empty())
      throw UsageError(
          tr("--actual and --evidence cannot be combined with --from; put them in the CSV file"));
    return run_add<Report>(g, o);
  }
  o.values["actual"] = join_list_cell(lists.actual);
  o.values["evidence"] = join_list_cell(lists.evidence);
  // A new report is submitted today unless --submitted says otherwise; an
  // update keeps the date it has.
  bool exists = false;
  if (o.update) {
    std::map<std::string, CsvCell> key = {{"contract", {o.values["contract"], {}}},
                                          {"period", {o.values["period"], {}}}};
    exists = existing_record<Report>(ProgrammeDir::locate(g.dir), key).has_value();
  }
  if (o.values["submitted"].empty() && !exists) o.values["submitted"] = Date::today().str();
  // Long texts are easier kept in files: --narrative @laporan.txt
  for (const char* column : {"narrative", "obstacles", "next_steps"}) {
    std::string& value = o.values[column];
    if (value.starts_with("@")) {
      value = read_input(value.substr(1));
    }
  }
  // --actual TARGET=VALUE changes that target's value; the others stay.
  Completion<Report> keep_other_actuals =
      [given = !lists.actual.empty()](Stored<Report>& s, const Records& existing, Findings&) {
        const Stored<Report>* old = existing.find<Report>(record_key(s.record));
        if (!given || !old) return;
        std::map<std::string, double> merged = old->record.actual;
        for (const auto& [target, value] : s.record.actual) merged[target] = value;
        s.record.actual = std::move(merged);
      };
  return run_add<Report>(g, o, keep_other_actuals);
}

}  // namespace

Command report_command() {
  return {"report", tr_noop("Record a quarterly progress report"), [](CLI::App& app) -> Runner {
            auto o = std::make_shared<AddOptions>();
            auto lists = std::make_shared<ReportLists>();
            add_column_options(
                app, *o,
                {
                    {"contract", tr_noop("Id of the contract reported on")},
                    {"period", tr_noop("The quarter reported on, e.g. 2018-Q3")},
                    {"submitted", tr_noop("Date the report was submitted (default: today)")},
                    {"narrative", tr_noop("What was done (@FILE reads a file)")},
                    {"obstacles", tr_noop("Obstacles met, kendala (@FILE reads a file)")},
                    {"next_steps",
                     tr_noop("Follow-up plan, rencana tindak lanjut (@FILE reads a file)")},
                });
            app.add_option("--actual", lists->actual,
                           tr("Realisation of a target as TARGET=VALUE (repeatable)"))
                ->allow_extra_args(false);
            app.add_option("--evidence", lists->evidence,
                           tr("A supporting document, path or URL (repeatable)"))
                ->allow_extra_args(false);
            app.footer(tr(
                "Examples:\n"
                "  inovasi report --contract rsud-2018 --period 2018-Q3 --submitted 2018-10-08 \\\n"
                "      --actual waktu-tunggu=42 --actual pengguna=620 --narrative @q3.txt\n"
                "  inovasi report --from reports.csv --dry-run\n"
                "\n"
                "CSV columns: "
                "contract,period,submitted,actual,narrative,obstacles,next_steps,evidence\n"
                "with actual as 'target=value;target=value' and evidence as 'a;b'."));
            return [o, lists](const Globals& g) { return run_report(g, *o, *lists); };
          }};
}

}  // namespace inovasi::cli
