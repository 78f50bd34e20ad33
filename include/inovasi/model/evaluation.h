// The evaluation of a programme for one period, as its records stood on an
// as-of date: contract scores and bands, report compliance, and the roll-ups
// by unit and idea. Pure: everything comes from the records passed in.
#pragma once
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "inovasi/model/compliance.h"
#include "inovasi/model/scoring.h"
#include "inovasi/model/snapshot.h"

namespace inovasi {

// A quarter's report that came in late or not at all.
struct ReportLapse {
  Period quarter;
  Date due;
  ReportState state = ReportState::kMissing;  // kLate or kMissing
  std::optional<Date> submitted;              // when late
};

struct ContractResult {
  const Contract* contract = nullptr;
  ContractScore score;
  std::optional<std::size_t> band;  // index into PeriodEvaluation::bands, when scored
  // Quarters of the period whose due date has passed on the as-of date.
  int reports_due = 0, reports_on_time = 0, reports_late = 0, reports_missing = 0;
  std::vector<ReportLapse> lapses;  // in quarter order
};

inline constexpr std::size_t kStages = 4;  // Stage's values, in order

struct UnitResult {
  const Unit* unit = nullptr;
  int ideas = 0;
  std::array<int, kStages> by_stage{};
  int contracts = 0;  // evaluated in the period
  std::optional<double> mean_score;
  int reports_missing = 0;
};

// The stage an idea had reached on a day: a trial_date or implemented_date
// after it had not been reached yet. A dropped idea has no date: it stays dropped.
// An idea's stage on a day, from the dates its stages were reached (see
// DESIGN.md): the recorded stage when its own date is not known.
Stage stage_on(const Idea& idea, const Date& day);

struct IdeaResult {
  const Idea* idea = nullptr;
  Stage stage = Stage::kInitiative;  // on the as-of date
  int plan_steps = 0, plan_done = 0, plan_overdue = 0;
  std::vector<const PlanStep*> overdue;  // due before the as-of date, not done by it
};

struct PeriodEvaluation {
  Period period;
  Date as_of;
  std::vector<Band> bands;                // the programme's, highest first
  std::vector<ContractResult> contracts;  // overlapping the period, by id
  std::vector<UnitResult> units;          // every unit, by id
  std::vector<IdeaResult> ideas;          // existing on the as-of date, by id

  int units_with_ideas() const;
  std::array<int, kStages> ideas_by_stage() const;
  // Contracts per band, in band order; the last entry counts contracts with no score.
  std::vector<int> contracts_by_band() const;
  // Ideas per category, in Category's order; the last entry counts ideas with none.
  std::array<int, 4> ideas_by_category() const;
  // Ideas per RPJMD priority id; "" counts ideas with none.
  std::map<std::string, int> ideas_by_priority() const;
  // Action-plan steps of every idea: all, done, overdue.
  std::array<int, 3> plan_steps() const;
  // Summed over the contracts: due, on time, late, missing.
  std::array<int, 4> compliance() const;
  // The mean of the contracts' scores, over those scored; none when none is.
  std::optional<double> mean_score() const;
};

// Records dated after as_of (an idea submitted, a contract signed, a report
// submitted, a plan step done, a stage reached) do not exist yet on that day.
PeriodEvaluation evaluate(const Records& records, const Period& period, const Date& as_of);

}  // namespace inovasi
