#include "inovasi/render/summary.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "inovasi/render/tables.h"
#include "inovasi/util/text.h"

namespace inovasi {

namespace {

class Summary {
 public:
  // One programme: p is its programme; several: combined, and p is null.
  Summary(const PeriodEvaluation& e, const Programme* p, const CombinedEvaluation* combined,
          const Labels& l)
      : e_(e), p_(p), c_(combined), l_(l) {
    for (const UnitResult& u : e.units) unit_names_[u.unit->id] = unit_label(*u.unit);
  }

  std::string write(bool chart) {
    heading();
    if (c_) programmes();
    headline();
    contracts();
    lapses();
    idle_units();
    unaligned_ideas();
    ideas_by();
    overdue_steps();
    unit_scores(chart);
    notes();
    return out_;
  }

 private:
  const PeriodEvaluation& e_;
  const Programme* p_;
  const CombinedEvaluation* c_;
  const Labels& l_;
  std::map<std::string, std::string> unit_names_;
  std::string out_;

  std::string text(std::string_view s) const { return markdown_text(s); }
  std::string label(std::string_view key) const { return text(l_[key]); }
  std::string unit_name(const std::string& id) const {
    auto it = unit_names_.find(id);
    return text(it == unit_names_.end() ? id : it->second);
  }
  std::string date(const Date& d) const { return text(l_.date(d)); }

  void section(std::string_view key) { out_ += "\n## " + label(key) + "\n\n"; }
  void put(const MarkdownTable& table) {
    out_ += table.empty() ? label("none") + "\n" : table.str();
  }

  void heading() {
    std::string range = l_.format("date-range", fmt::arg("from", l_.date(e_.period.first_day())),
                                  fmt::arg("to", l_.date(e_.period.last_day())));
    std::string when =
        fmt::format("**{}:** {} ({}) · **{}:** {}\n", label("period"), text(l_.period(e_.period)),
                    text(range), label("as-of"), date(e_.as_of));
    if (c_) {
      std::size_t count = c_->parts().size();
      out_ += "# " + label("title") + ": " +
              text(count == 1 ? l_["programmes-one"]
                              : l_.format("programmes-many", fmt::arg("count", count))) +
              "\n\n" + when;
      return;
    }
    out_ += "# " + label("title") + ": " + text(p_->name) + "\n\n";
    out_ += fmt::format("**{}:** {} · ", label("region"), text(p_->region)) + when;
  }

  void programmes() {
    section("programmes-section");
    MarkdownTable t({{l_["programme"], false},
                     {l_["region"], false},
                     {l_["ideas"], true},
                     {l_["units-with-ideas"], true},
                     {l_["contracts"], true},
                     {l_["mean-score"], true},
                     {l_["reports-on-time"], true},
                     {l_["reports-missing"], true}});
    for (const ProgrammeEvaluation& part : c_->parts()) {
      const PeriodEvaluation& e = part.evaluation;
      auto [due, on_time, late, missing] = e.compliance();
      t.add({text(part.name), text(part.programme.region), std::to_string(e.ideas.size()),
             of(e.units_with_ideas(), static_cast<int>(e.units.size()), false),
             std::to_string(e.contracts.size()), format_number(e.mean_score()),
             of(on_time, due, true), std::to_string(missing)});
    }
    put(t);
  }

  std::string of(int count, int total, bool percent) const {
    if (!percent || total == 0)
      return text(l_.format("of", fmt::arg("count", count), fmt::arg("total", total)));
    return text(l_.format("of-percent", fmt::arg("count", count), fmt::arg("total", total),
                          fmt::arg("percent", format_number(100.0 * count / total))));
  }

  void headline() {
    section("headline");
    MarkdownTable t({{l_["measure"], false}, {l_["value"], true}});
    auto row = [&](std::string_view key, std::string value) { t.add({label(key), value}); };
    row("ideas", std::to_string(e_.ideas.size()));
    row("units-with-ideas", of(e_.units_with_ideas(), static_cast<int>(e_.units.size()), false));
    auto stages = e_.ideas_by_stage();
    const char* stage_keys[kStages] = {"ideas-initiative", "ideas-trial", "ideas-implemented",
                                       "ideas-dropped"};
    for (std::size_t s = 0; s < kStages; ++s) row(stage_keys[s], std::to_string(stages[s]));
    auto [steps, done, overdue] = e_.plan_steps();
    row("plan-done", of(done, steps, true));
    row("plan-overdue", std::to_string(overdue));
    row("contracts-evaluated", std::to_string(e_.contracts.size()));
    auto bands = e_.contracts_by_band();
    for (std::size_t b = 0; b < e_.bands.size(); ++b)
      t.add({text(l_.format("contracts-in-band", fmt::arg("band", l_.band(e_.bands[b])))),
             std::to_string(bands[b])});
    row("contracts-unscored", std::to_string(bands.back()));
    auto [due, on_time, late, missing] = e_.compliance();
    row("reports-due", std::to_string(due));
    row("reports-on-time", of(on_time, due, true));
    row("reports-late", of(late, due, true));
    row("reports-missing", of(missing, due, true));
    put(t);
  }

  void contracts() {
    section("contracts-section");
    MarkdownTable t({{l_["contract"], false},
                     {l_["unit"], false},
                     {l_["score"], true},
                     {l_["band"], false},
                     {l_["due"], true},
                     {l_["on-time"], true},
                     {l_["late"], true},
                     {l_["missing"], true}});
    for (const ContractResult& c : e_.contracts)
      t.add({text(c.contract->id), unit_name(c.contract->unit), format_number(c.score.score),
             c.band ? text(l_.band(e_.bands[*c.band])) : "", std::to_string(c.reports_due),
             std::to_string(c.reports_on_time), std::to_string(c.reports_late),
             std::to_string(c.reports_missing)});
    put(t);
  }

  void lapses() {
    section("lapses-section");
    MarkdownTable t({{l_["unit"], false},
                     {l_["contract"], false},
                     {l_["quarter"], false},
                     {l_["due-date"], false},
                     {l_["state"], false},
                     {l_["submitted"], false}});
    std::vector<std::tuple<std::string, const ContractResult*, const ReportLapse*>> rows;
    for (const ContractResult& c : e_.contracts)
      for (const ReportLapse& lapse : c.lapses) rows.emplace_back(c.contract->unit, &c, &lapse);
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto& a, const auto& b) { return std::get<0>(a) < std::get<0>(b); });
    for (const auto& [unit, c, lapse] : rows)
      t.add({unit_name(unit), text(c->contract->id), text(lapse->quarter.str()), date(lapse->due),
             label(lapse->state == ReportState::kLate ? "late" : "missing"),
             lapse->submitted ? date(*lapse->submitted) : ""});
    put(t);
  }

  void idle_units() {
    section("idle-units-section");
    MarkdownTable t({{l_["id"], false}, {l_["name"], false}});
    for (const UnitResult& u : e_.units)
      if (u.ideas == 0) t.add({text(u.unit->id), text(u.unit->name)});
    put(t);
  }

  void unaligned_ideas() {
    section("unaligned-section");
    MarkdownTable t({{l_["idea"], false}, {l_["unit"], false}, {l_["lacking"], false}});
    for (const IdeaResult& i : e_.ideas) {
      std::vector<std::string> lacking;
      if (i.idea->priority.empty()) lacking.push_back(l_["priority"]);
      if (i.idea->indicator.empty()) lacking.push_back(l_["indicator"]);
      if (!lacking.empty())
        t.add({text(i.idea->title), unit_name(i.idea->unit), text(text::join(lacking, ", "))});
    }
    put(t);
  }

  void ideas_by() {
    section("ideas-by-section");
    MarkdownTable priorities(
        {{l_["priority-heading"], false}, {l_["name"], false}, {l_["ideas"], true}});
    auto by_priority = e_.ideas_by_priority();
    for (const Priority& p : c_ ? c_->priorities() : p_->priorities)
      priorities.add({text(p.id), text(p.title), std::to_string(by_priority[p.id])});
    priorities.add({label("no-priority"), "", std::to_string(by_priority[""])});
    out_ += priorities.str() + "\n";
    MarkdownTable categories({{l_["category-heading"], false}, {l_["ideas"], true}});
    auto by_category = e_.ideas_by_category();
    const char* keys[] = {"category-governance", "category-public-service", "category-other",
                          "category-none"};
    for (std::size_t c = 0; c < by_category.size(); ++c)
      categories.add({label(keys[c]), std::to_string(by_category[c])});
    put(categories);
  }

  void overdue_steps() {
    section("overdue-section");
    MarkdownTable t(
        {{l_["idea"], false}, {l_["unit"], false}, {l_["step"], false}, {l_["step-due"], false}});
    for (const IdeaResult& i : e_.ideas)
      for (const PlanStep* step : i.overdue)
        t.add({text(i.idea->title), unit_name(i.idea->unit), text(step->step), date(*step->due)});
    put(t);
  }

  void unit_scores(bool chart) {
    section("unit-scores-section");
    if (chart) out_ += fmt::format("![{}]({})\n\n", label("chart-alt"), kChartFile);
    MarkdownTable t({{l_["unit"], false},
                     {l_["contracts"], true},
                     {l_["mean-score"], true},
                     {l_["reports-missing"], true}});
    for (const UnitResult& u : e_.units)
      if (u.contracts > 0)
        t.add({text(unit_label(*u.unit)), std::to_string(u.contracts), format_number(u.mean_score),
               std::to_string(u.reports_missing)});
    put(t);
  }

  void notes() {
    section("notes-section");
    if (!c_) {
      for (const std::string& note : settings_notes(e_.bands, *p_)) out_ += "- " + note + "\n";
      return;
    }
    // A note the programmes agree on is said once; one they differ on, for each.
    std::vector<std::vector<std::string>> notes;
    for (const ProgrammeEvaluation& part : c_->parts())
      notes.push_back(settings_notes(part.evaluation.bands, part.programme));
    for (std::size_t n = 0; n < notes.front().size(); ++n) {
      bool agreed = std::all_of(notes.begin(), notes.end(),
                                [&](const auto& own) { return own[n] == notes.front()[n]; });
      for (std::size_t i = 0; i < notes.size() && (i == 0 || !agreed); ++i)
        out_ += "- " + (agreed ? "" : text(c_->parts()[i].name) + ": ") + notes[i][n] + "\n";
    }
  }

  // The bands, the cap and the due date of a programme's settings.
  std::vector<std::string> settings_notes(const std::vector<Band>& bands,
                                          const Programme& p) const {
    std::vector<std::string> named;
    for (const Band& b : bands)
      named.push_back(l_.format("note-band", fmt::arg("band", l_.band(b)),
                                fmt::arg("min", fmt::format("{}", b.min))));
    return {text(l_.format("note-bands", fmt::arg("bands", text::join(named, "; ")))),
            text(l_.format("note-cap", fmt::arg("cap", fmt::format("{}", p.score_cap())))),
            text(l_.format("note-due", fmt::arg("days", p.grace_days()))),
            text(l_[p.missing_rule() == MissingRule::kZero ? "note-missing-zero"
                                                           : "note-missing-skip"])};
  }
};

}  // namespace

std::string summary_markdown(const PeriodEvaluation& evaluation, const Programme& programme,
                             const Labels& labels, bool chart) {
  return Summary(evaluation, &programme, nullptr, labels).write(chart);
}

std::string summary_markdown(const CombinedEvaluation& evaluation, const Labels& labels,
                             bool chart) {
  return Summary(evaluation.all(), nullptr, &evaluation, labels).write(chart);
}

std::string unit_label(const Unit& unit) {
  std::string_view programme = programme_of(unit.id);
  if (programme.empty()) return unit.name;
  return fmt::format("{} ({})", unit.name, programme);
}

}  // namespace inovasi
