#include "inovasi/render/tables.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "inovasi/store/json.h"
#include "inovasi/util/csv.h"

namespace inovasi {

std::string format_number(std::optional<double> value) {
  if (!value) return "";
  std::string text = fmt::format("{:.2f}", *value);
  return text == "-0.00" ? "0.00" : text;
}

static std::string count(int n) {
  return std::to_string(n);
}

static Table contracts_table(const PeriodEvaluation& e, const Labels& labels) {
  Table t{"contracts",
          {{"contract"},
           {"unit"},
           {"period"},
           {"score", CellKind::kNumber},
           {"band"},
           {"reports_due", CellKind::kCount},
           {"reports_on_time", CellKind::kCount},
           {"reports_late", CellKind::kCount},
           {"reports_missing", CellKind::kCount}},
          {}};
  for (const ContractResult& c : e.contracts)
    t.rows.push_back({c.contract->id, c.contract->unit, e.period.str(),
                      format_number(c.score.score), c.band ? labels.band(e.bands[*c.band]) : "",
                      count(c.reports_due), count(c.reports_on_time), count(c.reports_late),
                      count(c.reports_missing)});
  return t;
}

static Table targets_table(const PeriodEvaluation& e) {
  Table t{"targets",
          {{"contract"},
           {"target"},
           {"period"},
           {"polarity"},
           {"mode"},
           {"weight", CellKind::kNumber},
           {"target_value", CellKind::kNumber},
           {"actual_value", CellKind::kNumber},
           {"achievement", CellKind::kNumber},
           {"reason"}},
          {}};
  // Why a target has no realisation: "missing" (scored 0, or skipped under
  // scale.missing: skip) or "not-due"; empty when it has one.
  auto reason = [](Unrealised why) -> std::string {
    switch (why) {
      case Unrealised::kMissing:
        return "missing";
      case Unrealised::kNotDue:
        return "not-due";
      case Unrealised::kNo:
        break;
    }
    return "";
  };
  for (const ContractResult& c : e.contracts) {
    std::vector<const TargetScore*> scores;
    for (const TargetScore& s : c.score.targets) scores.push_back(&s);
    std::stable_sort(scores.begin(), scores.end(), [](const TargetScore* a, const TargetScore* b) {
      return a->target->id < b->target->id;
    });
    for (const TargetScore* s : scores)
      t.rows.push_back({c.contract->id, s->target->id, e.period.str(),
                        std::string(token(s->target->polarity)),
                        std::string(token(s->target->mode)), format_number(s->target->weight),
                        format_number(s->target_value), format_number(s->actual_value),
                        format_number(s->achievement), reason(s->reason)});
  }
  return t;
}

static Table units_table(const PeriodEvaluation& e) {
  Table t{"units",
          {{"unit"},
           {"name"},
           {"ideas", CellKind::kCount},
           {"initiative", CellKind::kCount},
           {"trial", CellKind::kCount},
           {"implemented", CellKind::kCount},
           {"dropped", CellKind::kCount},
           {"contracts", CellKind::kCount},
           {"mean_score", CellKind::kNumber},
           {"reports_missing", CellKind::kCount}},
          {}};
  for (const UnitResult& u : e.units)
    t.rows.push_back({u.unit->id, u.unit->name, count(u.ideas), count(u.by_stage[0]),
                      count(u.by_stage[1]), count(u.by_stage[2]), count(u.by_stage[3]),
                      count(u.contracts), format_number(u.mean_score), count(u.reports_missing)});
  return t;
}

template <class E>
static std::string token_or_empty(const std::optional<E>& value) {
  return value ? std::string(token(*value)) : "";
}

static Table ideas_table(const PeriodEvaluation& e) {
  Table t{"ideas",
          {{"idea"},
           {"unit"},
           {"stage"},
           {"category"},
           {"kind"},
           {"priority"},
           {"indicator"},
           {"plan_steps", CellKind::kCount},
           {"plan_done", CellKind::kCount},
           {"plan_overdue", CellKind::kCount}},
          {}};
  for (const IdeaResult& i : e.ideas)
    t.rows.push_back({i.idea->id, i.idea->unit, std::string(token(i.stage)),
                      token_or_empty(i.idea->category), token_or_empty(i.idea->kind),
                      i.idea->priority, i.idea->indicator, count(i.plan_steps), count(i.plan_done),
                      count(i.plan_overdue)});
  return t;
}

Table evaluation_table(std::string_view name, const PeriodEvaluation& evaluation,
                       const Labels& labels) {
  if (name == "contracts") return contracts_table(evaluation, labels);
  if (name == "targets") return targets_table(evaluation);
  if (name == "units") return units_table(evaluation);
  if (name == "ideas") return ideas_table(evaluation);
  throw std::invalid_argument("no table named '" + std::string(name) + "'");
}

Table programmes_table(const CombinedEvaluation& evaluation) {
  Table t{"programmes",
          {{"programme"},
           {"name"},
           {"region"},
           {"units", CellKind::kCount},
           {"units_with_ideas", CellKind::kCount},
           {"ideas", CellKind::kCount},
           {"initiative", CellKind::kCount},
           {"trial", CellKind::kCount},
           {"implemented", CellKind::kCount},
           {"dropped", CellKind::kCount},
           {"contracts", CellKind::kCount},
           {"mean_score", CellKind::kNumber},
           {"reports_due", CellKind::kCount},
           {"reports_on_time", CellKind::kCount},
           {"reports_late", CellKind::kCount},
           {"reports_missing", CellKind::kCount}},
          {}};
  for (const ProgrammeEvaluation& part : evaluation.parts()) {
    const PeriodEvaluation& e = part.evaluation;
    auto stages = e.ideas_by_stage();
    auto [due, on_time, late, missing] = e.compliance();
    t.rows.push_back({part.name, part.programme.name, part.programme.region,
                      count(static_cast<int>(e.units.size())), count(e.units_with_ideas()),
                      count(static_cast<int>(e.ideas.size())), count(stages[0]), count(stages[1]),
                      count(stages[2]), count(stages[3]),
                      count(static_cast<int>(e.contracts.size())), format_number(e.mean_score()),
                      count(due), count(on_time), count(late), count(missing)});
  }
  return t;
}

std::string table_csv(const Table& table, const csv::Style& style) {
  std::vector<std::string> cells;
  for (const Column& c : table.columns) cells.push_back(c.name);
  std::string out = std::string(style.bom ? csv::kBom : "") + csv::format_row(cells, style);
  for (const auto& row : table.rows) {
    cells.clear();
    for (std::size_t i = 0; i < row.size(); ++i)
      cells.push_back(is_number(table.columns[i].kind) ? row[i] : csv::neutralise(row[i]));
    out += csv::format_row(cells, style);
  }
  return out;
}

std::string table_json(const Table& table, int indent) {
  std::string pad(indent, ' ');
  if (table.rows.empty()) return "[]";
  std::string out = "[\n";
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    out += pad + "  {";
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      const std::string& cell = table.rows[r][i];
      out += i ? ", " : "";
      out += json_string(table.columns[i].name) + ": ";
      if (cell.empty())
        out += "null";
      else
        out += is_number(table.columns[i].kind) ? cell : json_string(cell);
    }
    out += r + 1 < table.rows.size() ? "},\n" : "}\n";
  }
  return out + pad + "]";
}

}  // namespace inovasi
