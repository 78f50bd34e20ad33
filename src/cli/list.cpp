// inovasi list: records in the terminal, filtered, as a table, CSV or JSON.
#include <fmt/core.h>

#include <iostream>
#include <memory>

#include "inovasi/cli/app.h"
#include "inovasi/store/codec.h"
#include "inovasi/store/json.h"
#include "inovasi/store/store.h"
#include "inovasi/util/csv.h"
#include "inovasi/util/error.h"
#include "inovasi/util/terminal.h"

namespace inovasi::cli {

namespace {

struct ListOptions {
  std::string type;
  std::string unit, stage, category, kind;
  std::string format = "table";
};

template <class E>
std::optional<E> filter_value(const std::string& text, const char* option) {
  if (text.empty()) return std::nullopt;
  E value{};
  if (auto error = parse_value(text, value))
    throw UsageError(fmt::format("{}: {}", option, *error));
  return value;
}

template <class R>
std::string render(const std::vector<const R*>& list, const std::string& format,
                   const std::vector<std::string>& header,
                   const std::function<std::vector<std::string>(const R&)>& columns) {
  if (format == "csv") {
    std::string out = csv::format_row(csv_columns<R>());
    for (const R* r : list) {
      std::vector<std::string> cells = encode_csv_row(*r);
      for (auto& cell : cells) cell = csv::neutralise(cell);
      out += csv::format_row(cells);
    }
    return out;
  }
  if (format == "json") {
    yaml::Node array = yaml::Node::sequence();
    for (const R* r : list) array.items.push_back(encode_node(*r, 0));
    return to_json(array) + "\n";
  }
  std::vector<std::vector<std::string>> rows;
  for (const R* r : list) rows.push_back(columns(*r));
  return terminal::table(header, rows, terminal::width(), terminal::use_colour(stdout));
}

int run_list(const Globals& g, const ListOptions& o) {
  ProgrammeDir dir = ProgrammeDir::locate(g.dir);
  Findings findings;
  Records records = load_records(dir, findings);
  print_findings(findings);  // files that could not be read are left out, but said
  auto stage = filter_value<Stage>(o.stage, "--stage");
  auto category = filter_value<Category>(o.category, "--category");
  auto kind = filter_value<UnitKind>(o.kind, "--kind");
  if (!o.unit.empty() && !records.find<Unit>(o.unit))
    throw InvalidInput(fmt::format("--unit: there is no unit '{}'", o.unit));

  if (o.type == "units") {
    if (stage || category) throw UsageError("--stage and --category filter ideas, not units");
    std::map<std::string, int> ideas;
    for (const auto& i : records.ideas) ideas[i.record.unit]++;
    std::vector<const Unit*> list;
    for (const auto& u : records.units)
      if ((!kind || u.record.kind == *kind) && (o.unit.empty() || u.record.id == o.unit))
        list.push_back(&u.record);
    std::cout << render<Unit>(list, o.format, {"ID", "NAME", "KIND", "IDEAS"}, [&](const Unit& u) {
      return std::vector<std::string>{u.id, u.name, std::string(token(u.kind)),
                                      std::to_string(ideas[u.id])};
    });
  } else {
    if (kind) throw UsageError("--kind filters units, not ideas");
    std::vector<const Idea*> list;
    for (const auto& i : records.ideas) {
      const Idea& r = i.record;
      if ((o.unit.empty() || r.unit == o.unit) && (!stage || r.stage == *stage) &&
          (!category || r.category == *category))
        list.push_back(&r);
    }
    std::cout << render<Idea>(
        list, o.format, {"ID", "TITLE", "UNIT", "STAGE", "CATEGORY"}, [](const Idea& i) {
          return std::vector<std::string>{i.id, i.title, i.unit, std::string(token(i.stage)),
                                          i.category ? std::string(token(*i.category)) : ""};
        });
  }
  return findings.has_errors() ? kInvalid : kOk;
}

}  // namespace

Command list_command() {
  return {"list", "List units or ideas, with filters", [](CLI::App& app) -> Runner {
            auto o = std::make_shared<ListOptions>();
            app.add_option("type", o->type, "What to list: units or ideas")
                ->required()
                ->check(CLI::IsMember({"units", "ideas"}));
            app.add_option("--unit", o->unit, "Only this unit, or the ideas of this unit");
            app.add_option("--stage", o->stage, "Only ideas at this stage");
            app.add_option("--category", o->category, "Only ideas of this category");
            app.add_option("--kind", o->kind, "Only units of this kind");
            app.add_option("--format", o->format, "table, csv or json")
                ->check(CLI::IsMember({"table", "csv", "json"}))
                ->capture_default_str();
            app.footer(
                "Examples:\n"
                "  inovasi list ideas --stage 'uji coba'\n"
                "  inovasi list units --kind kecamatan --format csv > kecamatan.csv");
            return [o](const Globals& g) { return run_list(g, *o); };
          }};
}

}  // namespace inovasi::cli
