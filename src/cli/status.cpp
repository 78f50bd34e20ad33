// inovasi status: who has reported each quarter, and who has not.
#include <iostream>
#include <memory>

#include "inovasi/cli/app.h"
#include "inovasi/model/compliance.h"
#include "inovasi/store/json.h"
#include "inovasi/store/store.h"
#include "inovasi/store/values.h"
#include "inovasi/util/csv.h"
#include "inovasi/util/error.h"
#include "inovasi/util/messages.h"
#include "inovasi/util/terminal.h"
#include "options.h"

namespace inovasi::cli {

namespace {

struct StatusOptions {
  std::string as_of, unit, contract, period;
  std::string format = "table";
};

int run_status(const Globals& g, const StatusOptions& o) {
  Date as_of = option_value<Date>(o.as_of, "--as-of").value_or(Date::today());
  std::optional<Period> period = option_value<Period>(o.period, "--period");
  ProgrammeDir dir = ProgrammeDir::locate(g.dir);
  Findings findings;
  Records records = load_records(dir, findings);
  print_findings(findings);
  require_record<Unit>(records, o.unit, "--unit");
  require_record<Contract>(records, o.contract, "--contract");
  long grace = (records.programme ? records.programme->record : Programme{}).grace_days();

  std::vector<std::string> header = {"contract", "unit", "period", "due", "submitted", "status"};
  std::vector<std::vector<std::string>> rows;
  std::map<ReportState, int> counts;
  for (const auto& c : records.contracts) {
    if (!o.unit.empty() && c.record.unit != o.unit) continue;
    if (!o.contract.empty() && c.record.id != o.contract) continue;
    // A contract signed after the as-of date did not exist yet.
    if (c.record.signed_on && as_of < *c.record.signed_on) continue;
    for (const Period& q : owed_quarters(c.record)) {
      // Quarters not begun yet owe nothing to look at.
      if (as_of < q.first_day() || (period && !period->contains(q))) continue;
      const Stored<Report>* report = records.report(c.record.id, q);
      // report_state decides whether the report exists yet on the as-of date.
      ReportState state = report_state(q, report ? &report->record : nullptr, as_of, grace);
      bool in = state == ReportState::kOnTime || state == ReportState::kLate;
      counts[state]++;
      rows.push_back({c.record.id, c.record.unit, q.str(), q.due_date(grace).str(),
                      in ? report->record.submitted.str() : "", std::string(token(state))});
    }
  }
  if (o.format == "csv") {
    std::cout << csv::format_row(header);
    for (const auto& row : rows) std::cout << csv::format_row(row);
  } else if (o.format == "json") {
    yaml::Node array = yaml::Node::sequence();
    for (const auto& row : rows) {
      yaml::Node object = yaml::Node::map();
      for (std::size_t i = 0; i < header.size(); ++i)
        if (!row[i].empty()) object.entries.push_back({header[i], {}, yaml::Node::scalar(row[i])});
      array.items.push_back(std::move(object));
    }
    std::cout << to_json(array) << "\n";
  } else {
    // The table's headings are for people; its states stay the tokens
    // --format csv and json give.
    std::vector<std::string> headings = {tr("CONTRACT"), tr("UNIT"),      tr("PERIOD"),
                                         tr("DUE"),      tr("SUBMITTED"), "STATUS"};
    std::cout << terminal::table(headings, rows, terminal::width(), terminal::use_colour(stdout));
    std::cout << msg("as of {}: {} on-time, {} late, {} missing, {} not-due\n", as_of.str(),
                     counts[ReportState::kOnTime], counts[ReportState::kLate],
                     counts[ReportState::kMissing], counts[ReportState::kNotDue]);
  }
  return findings.has_errors() ? kInvalid : kOk;  // a record left out is said, and counts
}

}  // namespace

Command status_command() {
  return {"status", tr_noop("Show which quarterly reports are on time, late, missing or not due"),
          [](CLI::App& app) -> Runner {
            auto o = std::make_shared<StatusOptions>();
            app.add_option("--as-of", o->as_of,
                           tr("Judge as the records stood on this date (default: today)"));
            app.add_option("--unit", o->unit, tr("Only the contracts of this unit"));
            app.add_option("--contract", o->contract, tr("Only this contract"));
            app.add_option("--period", o->period,
                           tr("Only quarters in this period (2018-Q3, 2018-H2, 2018)"));
            app.add_option("--format", o->format, tr("table, csv or json"))
                ->check(CLI::IsMember({"table", "csv", "json"}))
                ->capture_default_str();
            app.footer(tr(
                "A report is due grace_days (inovasi.yaml, default 10) after its quarter ends;\n"
                "submitted on or before that day it is on-time, after it late; with no report it\n"
                "is missing once the day has passed, else not-due. Quarters that have not begun\n"
                "are not shown.\n"
                "\n"
                "Examples:\n"
                "  inovasi status\n"
                "  inovasi status --as-of 2018-12-31 --unit rsud-koesma"));
            return [o](const Globals& g) { return run_status(g, *o); };
          }};
}

}  // namespace inovasi::cli
