// inovasi evaluate: scores the contracts and rolls up the programme for a
// quarter, half or year, as Markdown, CSV or JSON; several programmes are
// each evaluated with their own settings, then summed up together.
#include <fmt/core.h>

#include <functional>
#include <iostream>
#include <memory>

#include "inovasi/cli/app.h"
#include "inovasi/model/evaluation.h"
#include "inovasi/model/workspace.h"
#include "inovasi/render/summary.h"
#include "inovasi/render/tables.h"
#include "inovasi/render/xlsx.h"
#include "inovasi/store/json.h"
#include "inovasi/util/error.h"
#include "inovasi/util/fs.h"
#include "inovasi/util/messages.h"
#include "options.h"
#include "programmes.h"

namespace inovasi::cli {

namespace {

struct EvaluateOptions {
  std::string period, as_of, lang, format, table, out;
};

// What evaluate writes, for one programme or several seen together.
struct Outcome {
  const PeriodEvaluation& e;  // the tables and the chart
  std::function<std::string(bool chart)> summary;
  std::string json_head;  // the whole JSON's first member: "programme" or "programmes"
};

std::string whole_json(const Outcome& outcome, const Labels& labels) {
  const PeriodEvaluation& e = outcome.e;
  std::string out = "{\n";
  out += "  " + outcome.json_head + ",\n";
  out += "  \"period\": " + json_string(e.period.str()) + ",\n";
  out += "  \"as_of\": " + json_string(e.as_of.str()) + ",\n";
  out += "  \"language\": " + json_string(token(labels.language()));
  for (std::string_view name : kTableNames)
    out += fmt::format(",\n  \"{}\": {}", name, table_json(evaluation_table(name, e, labels), 2));
  return out + "\n}\n";
}

void write_out(const stdfs::path& dir, const Outcome& outcome, const Labels& labels) {
  const PeriodEvaluation& e = outcome.e;
  std::error_code error;
  stdfs::create_directories(dir, error);
  if (error)
    throw IoError(msg("{}: cannot create the folder: {}", dir.string(), fs::reason(error)));
  std::vector<std::pair<std::string, std::string>> files = {{"summary.md", outcome.summary(true)}};
  std::vector<Table> sheets;
  for (std::string_view name : kTableNames) {
    sheets.push_back(evaluation_table(name, e, labels));
    files.emplace_back(std::string(name) + ".csv", table_csv(sheets.back()));
  }
  // The same tables, a sheet each; created on the as-of date, so that the
  // same evaluation gives the same bytes.
  std::time_t created = static_cast<std::time_t>(e.as_of.days()) * 86400;
  files.emplace_back("summary.xlsx", workbook_bytes(sheets, dir, created));
  files.emplace_back(std::string(kChartFile), units_chart_svg(e, labels));
  fs::AtomicBatch batch;
  for (const auto& [name, content] : files) batch.add(dir / name, content);
  batch.commit();
  for (const auto& [name, content] : files) std::cerr << msg("wrote {}\n", (dir / name).string());
}

int emit(const EvaluateOptions& o, const Outcome& outcome, const Labels& labels) {
  const PeriodEvaluation& e = outcome.e;
  if (!o.out.empty()) {
    write_out(o.out, outcome, labels);
  } else if (o.format == "csv") {
    std::cout << table_csv(evaluation_table(o.table.empty() ? "contracts" : o.table, e, labels));
  } else if (o.format == "json") {
    if (o.table.empty())
      std::cout << whole_json(outcome, labels);
    else
      std::cout << table_json(evaluation_table(o.table, e, labels)) << "\n";
  } else {
    std::cout << outcome.summary(false);
  }
  return kOk;
}

int run_evaluate(const Globals& g, const EvaluateOptions& o) {
  if (!o.out.empty() && (!o.format.empty() || !o.table.empty()))
    throw UsageError(
        tr("--out writes the summary and every table; --format and --table are for "
           "standard output"));
  if (!o.table.empty() && (o.format.empty() || o.format == "md"))
    throw UsageError(tr("--table needs --format csv or json"));
  Date as_of = option_value<Date>(o.as_of, "--as-of").value_or(Date::today());
  Period period = option_value<Period>(o.period, "--period").value_or(last_ended_quarter(as_of));

  LoadedProgrammes loaded =
      load_programmes(g, true, tr_noop("the records have errors (above); nothing was evaluated"));
  const Labels& labels = Labels::get(report_language(g, loaded));
  if (!loaded.several) {
    const Records& records = loaded.programmes.front().records;
    Programme programme = programme_record(records);
    PeriodEvaluation e = evaluate(records, period, as_of);
    return emit(o,
                {e, [&](bool chart) { return summary_markdown(e, programme, labels, chart); },
                 "\"programme\": " + json_string(programme.name)},
                labels);
  }
  // Each programme with its own settings; records are never merged.
  std::vector<ProgrammeEvaluation> parts;
  for (const LoadedProgramme& p : loaded.programmes)
    parts.push_back({p.name, programme_record(p.records), evaluate(p.records, period, as_of)});
  CombinedEvaluation combined(std::move(parts));
  return emit(
      o,
      {combined.all(), [&](bool chart) { return summary_markdown(combined, labels, chart); },
       "\"programmes\": " + table_json(programmes_table(combined), 2)},
      labels);
}

}  // namespace

Command evaluate_command() {
  return {
      "evaluate",
      tr_noop("Score the contracts and sum up the programme for a quarter, half or year"),
      [](CLI::App& app) -> Runner {
        auto o = std::make_shared<EvaluateOptions>();
        app.add_option("--period", o->period,
                       tr("2018-Q3, 2018-H2 or 2018 (default: the last quarter ended on the "
                          "as-of date)"));
        app.add_option("--as-of", o->as_of,
                       tr("Judge as the records stood on this date (default: today)"));
        // The global --lang, listed here for this help: o->lang is only parsed
        // into; the value reaches the command as Globals::language, which
        // app.cpp reads before parsing.
        app.add_option(
               "--lang", o->lang,
               tr("id or en: language of messages and reports (default: $INOVASI_LANG, else "
                  "English messages and reports in the programme's language; of several, "
                  "theirs when they agree, else id)"))
            ->check(CLI::IsMember({"id", "en"}));
        app.add_option("--format", o->format, tr("md (default), csv or json, on standard output"))
            ->check(CLI::IsMember({"md", "csv", "json"}));
        app.add_option("--table", o->table,
                       tr("contracts (default), targets, units or ideas, with --format csv|json"))
            ->check(CLI::IsMember({"contracts", "targets", "units", "ideas"}));
        app.add_option("--out", o->out,
                       tr("Write summary.md, contracts.csv, targets.csv, units.csv, ideas.csv, "
                          "summary.xlsx (the four tables, a sheet each) and units.svg into "
                          "this folder"));
        app.footer(
            tr("A contract's score is the weighted mean of its targets' achievements; see\n"
               "inovasi-evaluate(1) for the rules. Records dated after the as-of date (reports,\n"
               "contracts, ideas, finished plan steps, stages reached) are not counted.\n"
               "Several programmes (-C repeated, or a workspace.yaml listing them) are each\n"
               "evaluated with their own settings, then summed up together, ids qualified by\n"
               "programme (tuban/rsud-2018).\n"
               "\n"
               "Examples:\n"
               "  inovasi evaluate --period 2018-H2 --as-of 2019-01-31 --out laporan/2018-H2\n"
               "  inovasi evaluate --period 2018-Q4 --format csv --table targets\n"
               "  inovasi -C tuban -C lamongan evaluate --period 2018 --out laporan/2018"));
        return [o](const Globals& g) { return run_evaluate(g, *o); };
      },
      Scope::kMany};
}

}  // namespace inovasi::cli
