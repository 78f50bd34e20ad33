// inovasi list: records in the terminal, filtered, as a table, CSV or JSON.
#include <iostream>
#include <memory>

#include "inovasi/cli/app.h"
#include "inovasi/model/evaluation.h"
#include "inovasi/render/records.h"
#include "inovasi/store/record_types.h"
#include "inovasi/store/store.h"
#include "inovasi/util/csv.h"
#include "inovasi/util/error.h"
#include "inovasi/util/messages.h"
#include "inovasi/util/terminal.h"
#include "options.h"

namespace inovasi::cli {

namespace {

struct ListOptions {
  std::string type;
  std::string unit, stage, category, kind, contract, period, as_of;
  std::string format = "table";
};

// The filters, parsed once; each record type uses those that apply to it.
struct Filter {
  const Records& records;
  std::string unit, contract;
  std::optional<Stage> stage;
  std::optional<Category> category;
  std::optional<UnitKind> kind;
  std::optional<Period> period;
  std::optional<Date> as_of;  // ideas at the stage they had on this day

  Stage stage_of(const Idea& i) const { return as_of ? stage_on(i, *as_of) : i.stage; }

  bool keep(const Unit& u) const {
    return (unit.empty() || u.id == unit) && (!kind || u.kind == *kind);
  }
  bool keep(const Idea& i) const {
    return (unit.empty() || i.unit == unit) && (!stage || stage_of(i) == *stage) &&
           (!category || i.category == *category);
  }
  bool keep(const Contract& c) const {
    return (unit.empty() || c.unit == unit) && (contract.empty() || c.id == contract) &&
           (!period || period->overlaps(c.start, c.end));
  }
  bool keep(const Report& r) const {
    const Stored<Contract>* c = records.find<Contract>(r.contract);
    return (unit.empty() || (c && c->record.unit == unit)) &&
           (contract.empty() || r.contract == contract) && (!period || period->contains(r.period));
  }
  // A regulation is of a unit when it lists one of the unit's ideas.
  bool keep(const Regulation& g) const {
    bool of_unit = unit.empty();
    for (const auto& id : g.ideas)
      if (const Stored<Idea>* i = records.find<Idea>(id))
        of_unit = of_unit || i->record.unit == unit;
    return of_unit && (!period || period->overlaps(g.date, g.date));
  }
};

// The table columns of each type, headed in the language of messages; CSV
// and JSON carry every field, under its own name.
std::vector<std::string> table_header(const Unit*) {
  return {"ID", tr("NAME"), tr("KIND"), tr("IDEAS")};
}
std::vector<std::string> table_row(const Unit& u, const Filter& f) {
  const Records& r = f.records;
  int ideas = 0;
  for (const auto& i : r.ideas) ideas += i.record.unit == u.id;
  return {u.id, u.name, std::string(token(u.kind)), std::to_string(ideas)};
}
std::vector<std::string> table_header(const Idea*) {
  return {"ID", tr("TITLE"), tr("UNIT"), tr("STAGE"), tr("CATEGORY")};
}
std::vector<std::string> table_row(const Idea& i, const Filter& f) {
  return {i.id, i.title, i.unit, std::string(token(f.stage_of(i))),
          i.category ? std::string(token(*i.category)) : ""};
}
std::vector<std::string> table_header(const Contract*) {
  return {"ID", tr("UNIT"), tr("START"), tr("END"), tr("TARGETS"), tr("REPORTS")};
}
std::vector<std::string> table_row(const Contract& c, const Filter& f) {
  const Records& r = f.records;
  int reports = 0;
  for (const auto& rep : r.reports) reports += rep.record.contract == c.id;
  return {c.id,
          c.unit,
          c.start.str(),
          c.end.str(),
          std::to_string(c.targets.size()),
          std::to_string(reports)};
}
std::vector<std::string> table_header(const Report*) {
  return {tr("CONTRACT"), tr("PERIOD"), tr("SUBMITTED"), tr("ACTUAL")};
}
std::vector<std::string> table_row(const Report& rep, const Filter&) {
  return {rep.contract, rep.period.str(), rep.submitted.str(), format_pairs(rep.actual)};
}

std::vector<std::string> table_header(const Regulation*) {
  return {"ID", tr("NUMBER"), tr("DATE"), tr("AMENDS"), tr("IDEAS")};
}
std::vector<std::string> table_row(const Regulation& g, const Filter&) {
  return {g.id, g.number, g.date.str(), g.amends, std::to_string(g.ideas.size())};
}

template <class R>
std::string render(const Records& records, const Filter& filter, const std::string& format) {
  std::vector<const R*> list;
  for (const auto& s : records.all<R>())
    if (filter.keep(s.record)) list.push_back(&s.record);
  if (format == "csv") return table_csv(records_table(list));
  if (format == "json") return records_json(list);
  std::vector<std::vector<std::string>> rows;
  for (const R* r : list) rows.push_back(table_row(*r, filter));
  return terminal::table(table_header(static_cast<const R*>(nullptr)), rows, terminal::width(),
                         terminal::use_colour(stdout));
}

int run_list(const Globals& g, const ListOptions& o) {
  ProgrammeDir dir = ProgrammeDir::locate(g.dir);
  Findings findings;
  Records records = load_records(dir, findings);
  print_findings(findings);  // files that could not be read are left out, but said
  Filter filter{records,
                o.unit,
                o.contract,
                option_value<Stage>(o.stage, "--stage"),
                option_value<Category>(o.category, "--category"),
                option_value<UnitKind>(o.kind, "--kind"),
                option_value<Period>(o.period, "--period"),
                option_value<Date>(o.as_of, "--as-of")};
  auto refuse = [&](bool given, const char* option) {
    if (given) throw UsageError(msg("{} does not filter {}", option, o.type));
  };
  require_record<Unit>(records, o.unit, "--unit");
  require_record<Contract>(records, o.contract, "--contract");
  bool ideas = o.type == "ideas", units = o.type == "units", regulations = o.type == "regulations";
  refuse(!ideas && (filter.stage || filter.category), filter.stage ? "--stage" : "--category");
  refuse(!units && filter.kind.has_value(), "--kind");
  refuse(!ideas && filter.as_of.has_value(), "--as-of");
  refuse((units || ideas) && (!o.contract.empty() || filter.period),
         o.contract.empty() ? "--period" : "--contract");
  refuse(regulations && !o.contract.empty(), "--contract");

  visit_record_folder(o.type, [&](auto type) {
    std::cout << render<typename decltype(type)::type>(records, filter, o.format);
  });
  return findings.has_errors() ? kInvalid : kOk;
}

}  // namespace

Command list_command() {
  return {"list", tr_noop("List units, ideas, contracts, reports or regulations, with filters"),
          [](CLI::App& app) -> Runner {
            auto o = std::make_shared<ListOptions>();
            app.add_option("type", o->type,
                           tr("What to list: units, ideas, contracts, reports or regulations"))
                ->required()
                ->check(CLI::IsMember({"units", "ideas", "contracts", "reports", "regulations"}));
            app.add_option("--unit", o->unit, tr("Only this unit, or the records of this unit"));
            app.add_option("--stage", o->stage, tr("Only ideas at this stage"));
            app.add_option("--category", o->category, tr("Only ideas of this category"));
            app.add_option("--as-of", o->as_of,
                           tr("Ideas at the stage they had on this date (YYYY-MM-DD)"))
                ->option_text("DATE");
            app.add_option("--kind", o->kind, tr("Only units of this kind"));
            app.add_option("--contract", o->contract, tr("Only this contract, or its reports"));
            app.add_option(
                "--period", o->period,
                tr("Only contracts running in, reports for, or regulations dated in this period "
                   "(2018-Q3, 2018-H2, 2018)"));
            app.add_option("--format", o->format, tr("table, csv or json"))
                ->check(CLI::IsMember({"table", "csv", "json"}))
                ->capture_default_str();
            app.footer(
                tr("Examples:\n"
                   "  inovasi list ideas --stage 'uji coba'\n"
                   "  inovasi list units --kind kecamatan --format csv > kecamatan.csv\n"
                   "  inovasi list reports --contract rsud-2018 --period 2018-H2"));
            return [o](const Globals& g) { return run_list(g, *o); };
          }};
}

}  // namespace inovasi::cli
