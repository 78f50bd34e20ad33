#include "inovasi/model/evaluation.h"

namespace inovasi {

int PeriodEvaluation::units_with_ideas() const {
  int n = 0;
  for (const UnitResult& u : units) n += u.ideas > 0;
  return n;
}

std::array<int, kStages> PeriodEvaluation::ideas_by_stage() const {
  std::array<int, kStages> counts{};
  for (const IdeaResult& i : ideas) counts[static_cast<std::size_t>(i.stage)]++;
  return counts;
}

std::vector<int> PeriodEvaluation::contracts_by_band() const {
  std::vector<int> counts(bands.size() + 1, 0);
  for (const ContractResult& c : contracts) counts[c.band.value_or(bands.size())]++;
  return counts;
}

std::array<int, 4> PeriodEvaluation::ideas_by_category() const {
  std::array<int, 4> counts{};
  for (const IdeaResult& i : ideas)
    counts[i.idea->category ? static_cast<std::size_t>(*i.idea->category) : 3]++;
  return counts;
}

std::map<std::string, int> PeriodEvaluation::ideas_by_priority() const {
  std::map<std::string, int> counts;
  for (const IdeaResult& i : ideas) counts[i.idea->priority]++;
  return counts;
}

std::array<int, 3> PeriodEvaluation::plan_steps() const {
  std::array<int, 3> sums{};
  for (const IdeaResult& i : ideas) {
    sums[0] += i.plan_steps;
    sums[1] += i.plan_done;
    sums[2] += i.plan_overdue;
  }
  return sums;
}

std::array<int, 4> PeriodEvaluation::compliance() const {
  std::array<int, 4> sums{};
  for (const ContractResult& c : contracts) {
    sums[0] += c.reports_due;
    sums[1] += c.reports_on_time;
    sums[2] += c.reports_late;
    sums[3] += c.reports_missing;
  }
  return sums;
}

std::optional<double> PeriodEvaluation::mean_score() const {
  double sum = 0;
  int scored = 0;
  for (const ContractResult& c : contracts)
    if (c.score.score) {
      sum += *c.score.score;
      scored++;
    }
  if (scored == 0) return std::nullopt;
  return sum / scored;
}

static ContractResult evaluate_contract(const Records& records, const Contract& contract,
                                        const Period& period, const Date& as_of,
                                        const Programme& programme,
                                        const std::vector<Band>& bands) {
  ContractResult result;
  result.contract = &contract;
  ReportsByQuarter reports;
  for (const Period& q : owed_quarters(contract)) {
    const Stored<Report>* stored = records.report(contract.id, q);
    const Report* report = stored ? &stored->record : nullptr;
    if (report && report->submitted <= as_of) reports[q] = report;
    Date due = q.due_date(programme.grace_days());
    if (!period.contains(q) || !(due < as_of)) continue;
    ReportState state = report_state(q, report, as_of, programme.grace_days());
    result.reports_due++;
    if (state == ReportState::kOnTime) {
      result.reports_on_time++;
      continue;
    }
    ReportLapse lapse{q, due, state, std::nullopt};
    if (state == ReportState::kLate) {
      result.reports_late++;
      lapse.submitted = report->submitted;
    } else {
      result.reports_missing++;
    }
    result.lapses.push_back(lapse);
  }
  result.score = score_contract(contract, period, reports, as_of,
                                {programme.score_cap(), programme.missing_rule(),
                                 static_cast<long>(programme.grace_days())});
  if (result.score.score)
    if (const Band* band = band_of(*result.score.score, bands))
      result.band = static_cast<std::size_t>(band - bands.data());
  return result;
}

Stage stage_on(const Idea& idea, const Date& day) {
  // Without the date its stage was reached, the recorded stage is all we know.
  const std::optional<Date>* own = stage_date(idea, idea.stage);
  if (own && !*own) return idea.stage;
  auto reached = [&](const std::optional<Date>& date) { return date && *date <= day; };
  if (reached(idea.dropped_date)) return Stage::kDropped;
  if (reached(idea.implemented_date)) return Stage::kImplemented;
  if (reached(idea.trial_date)) return Stage::kTrial;
  return Stage::kInitiative;
}

static IdeaResult evaluate_idea(const Idea& idea, const Date& as_of) {
  IdeaResult result;
  result.idea = &idea;
  result.stage = stage_on(idea, as_of);
  for (const PlanStep& step : idea.plan) {
    result.plan_steps++;
    bool done = step.done && *step.done <= as_of;
    result.plan_done += done;
    // A dropped idea's open steps will never be done: they are not overdue.
    if (!done && step.due && *step.due < as_of && result.stage != Stage::kDropped) {
      result.plan_overdue++;
      result.overdue.push_back(&step);
    }
  }
  return result;
}

PeriodEvaluation evaluate(const Records& records, const Period& period, const Date& as_of) {
  PeriodEvaluation e;
  e.period = period;
  e.as_of = as_of;
  Programme programme = records.programme ? records.programme->record : Programme{};
  e.bands = programme.bands();

  std::map<std::string, std::size_t> unit_index;
  for (const auto& u : records.units) {
    unit_index[u.record.id] = e.units.size();
    UnitResult unit;
    unit.unit = &u.record;
    e.units.push_back(unit);
  }
  auto unit_of = [&](const std::string& id) -> UnitResult* {
    auto it = unit_index.find(id);
    return it == unit_index.end() ? nullptr : &e.units[it->second];
  };

  for (const auto& i : records.ideas) {
    const Idea& idea = i.record;
    if (idea.submitted && as_of < *idea.submitted) continue;
    e.ideas.push_back(evaluate_idea(idea, as_of));
    if (UnitResult* u = unit_of(idea.unit)) {
      u->ideas++;
      u->by_stage[static_cast<std::size_t>(e.ideas.back().stage)]++;
    }
  }

  std::map<UnitResult*, std::pair<double, int>> score_sums;
  for (const auto& c : records.contracts) {
    const Contract& contract = c.record;
    if (contract.signed_on && as_of < *contract.signed_on) continue;
    if (!contract.start.is_set() || !contract.end.is_set() ||
        !period.overlaps(contract.start, contract.end))
      continue;
    e.contracts.push_back(evaluate_contract(records, contract, period, as_of, programme, e.bands));
    const ContractResult& result = e.contracts.back();
    if (UnitResult* u = unit_of(contract.unit)) {
      u->contracts++;
      u->reports_missing += result.reports_missing;
      if (result.score.score) {
        score_sums[u].first += *result.score.score;
        score_sums[u].second++;
      }
    }
  }
  for (auto& [unit, sum] : score_sums) unit->mean_score = sum.first / sum.second;
  return e;
}

}  // namespace inovasi
