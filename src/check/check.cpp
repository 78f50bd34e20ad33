#include "inovasi/check/check.h"

#include <fmt/core.h>

#include <map>
#include <set>

#include "inovasi/model/nip.h"
#include "inovasi/util/text.h"

namespace inovasi {

namespace {

class Checker {
 public:
  Checker(const Records& records, Findings& findings) : r_(records), out_(findings) {}

  void run() {
    if (r_.programme) programme(*r_.programme);
    for (const auto& u : r_.units) unit(u);
    for (const auto& i : r_.ideas) idea(i);
    duplicates(r_.units);
    duplicates(r_.ideas);
  }

 private:
  const Records& r_;
  Findings& out_;

  template <class R>
  void error(const Stored<R>& s, std::string_view field, std::string message) {
    out_.error(s.origin.path, s.origin.at(field), std::move(message));
  }
  template <class R>
  void warning(const Stored<R>& s, std::string_view field, std::string message) {
    out_.warning(s.origin.path, s.origin.at(field), std::move(message));
  }

  // A record file is named after its id; a CSV row has no file name to match.
  template <class R>
  void identity(const Stored<R>& s) {
    const std::string& id = s.record.id;
    if (!text::is_slug(id)) {
      error(s, "id",
            fmt::format("id '{}' is not a valid id (lowercase letters, digits and single "
                        "hyphens, at most {} characters)",
                        id, text::kMaxSlug));
      return;
    }
    const std::string& path = s.origin.path;
    if (!path.ends_with(".yaml")) return;
    auto slash = path.rfind('/');
    std::string stem = path.substr(slash == std::string::npos ? 0 : slash + 1);
    stem.resize(stem.size() - 5);
    if (stem != id)
      error(s, "id", fmt::format("id '{}' does not match the file name '{}.yaml'", id, stem));
  }

  template <class R>
  void duplicates(const std::vector<Stored<R>>& list) {
    std::map<std::string, const Stored<R>*> first;
    for (const auto& s : list) {
      auto [it, inserted] = first.emplace(s.record.id, &s);
      if (!inserted)
        error(s, "id",
              fmt::format("duplicate {} id '{}' (also in {})", R::kType, s.record.id,
                          it->second->origin.path));
    }
  }

  template <class R>
  void nip(const Stored<R>& s, std::string_view field, const std::string& value) {
    if (value.empty()) return;
    if (auto problem = nip_problem(value)) error(s, field, *problem);
  }

  template <class R>
  void order(const Stored<R>& s, const std::optional<Date>& earlier, std::string_view earlier_name,
             const std::optional<Date>& later, std::string_view later_name) {
    if (earlier && later && *later < *earlier)
      error(s, later_name,
            fmt::format("{} {} is before {} {}", later_name, later->str(), earlier_name,
                        earlier->str()));
  }

  void programme(const Stored<Programme>& s) {
    const Programme& p = s.record;
    if (p.reporting && p.reporting->every_months && *p.reporting->every_months != 3)
      error(s, "reporting.every_months",
            fmt::format("reporting.every_months is {}; reports are due per calendar quarter, so "
                        "it must be 3",
                        *p.reporting->every_months));
    if (p.reporting && p.reporting->grace_days && *p.reporting->grace_days < 0)
      error(s, "reporting.grace_days", "reporting.grace_days must not be negative");
    if (p.evaluation && p.evaluation->every_months && *p.evaluation->every_months != 6 &&
        *p.evaluation->every_months != 12)
      error(s, "evaluation.every_months",
            fmt::format("evaluation.every_months is {}; it must be 6 or 12",
                        *p.evaluation->every_months));
    if (p.scale && p.scale->cap && *p.scale->cap <= 0)
      error(s, "scale.cap", "scale.cap must be greater than 0");
    if (p.scale && !p.scale->bands.empty()) {
      const auto& bands = p.scale->bands;
      for (std::size_t i = 1; i < bands.size(); ++i)
        if (!(bands[i].min < bands[i - 1].min))
          error(s, fmt::format("scale.bands[{}]", i),
                "scale.bands must be listed highest first, each min below the one before");
      if (bands.back().min > 0)
        error(s, fmt::format("scale.bands[{}]", bands.size() - 1),
              "the last band must have min 0, so that every score has a band");
    }
    std::set<std::string> priorities;
    for (std::size_t i = 0; i < p.priorities.size(); ++i) {
      const auto& id = p.priorities[i].id;
      std::string field = fmt::format("priorities[{}]", i);
      if (!text::is_slug(id))
        error(s, field, fmt::format("priority id '{}' is not a valid id", id));
      if (!priorities.insert(id).second)
        error(s, field, fmt::format("duplicate priority id '{}'", id));
    }
    std::set<std::string> indicators;
    for (std::size_t i = 0; i < p.indicators.size(); ++i) {
      const auto& ind = p.indicators[i];
      std::string field = fmt::format("indicators[{}]", i);
      if (!text::is_slug(ind.id))
        error(s, field, fmt::format("indicator id '{}' is not a valid id", ind.id));
      if (!indicators.insert(ind.id).second)
        error(s, field, fmt::format("duplicate indicator id '{}'", ind.id));
      if (!ind.priority.empty() && !priorities.count(ind.priority))
        error(s, field,
              fmt::format("indicator '{}' names priority '{}', which is not in priorities", ind.id,
                          ind.priority));
    }
  }

  void unit(const Stored<Unit>& s) {
    identity(s);
    if (s.record.head) nip(s, "head.nip", s.record.head->nip);
  }

  const Indicator* indicator(const std::string& id) const {
    if (!r_.programme) return nullptr;
    for (const auto& ind : r_.programme->record.indicators)
      if (ind.id == id) return &ind;
    return nullptr;
  }

  bool has_priority(const std::string& id) const {
    if (!r_.programme) return false;
    for (const auto& p : r_.programme->record.priorities)
      if (p.id == id) return true;
    return false;
  }

  void idea(const Stored<Idea>& s) {
    const Idea& i = s.record;
    identity(s);
    if (!i.unit.empty() && !r_.find<Unit>(i.unit))
      error(s, "unit", fmt::format("unit '{}' does not exist (no units/{}.yaml)", i.unit, i.unit));
    if (!i.priority.empty() && !has_priority(i.priority))
      error(s, "priority", fmt::format("priority '{}' is not in inovasi.yaml", i.priority));
    if (!i.indicator.empty()) {
      const Indicator* ind = indicator(i.indicator);
      if (!ind)
        error(s, "indicator", fmt::format("indicator '{}' is not in inovasi.yaml", i.indicator));
      else if (!i.priority.empty() && !ind->priority.empty() && ind->priority != i.priority)
        warning(s, "indicator",
                fmt::format("indicator '{}' serves priority '{}', not '{}'", i.indicator,
                            ind->priority, i.priority));
    }
    if (i.proposer) nip(s, "proposer.nip", i.proposer->nip);
    if (i.budget && *i.budget < 0) error(s, "budget", "budget must not be negative");
    stage_dates(s);
  }

  void stage_dates(const Stored<Idea>& s) {
    const Idea& i = s.record;
    if (i.trial_date && i.stage == Stage::kInitiative)
      error(s, "trial_date", "trial_date is set but the stage is initiative");
    if (i.implemented_date && (i.stage == Stage::kInitiative || i.stage == Stage::kTrial))
      error(s, "implemented_date",
            fmt::format("implemented_date is set but the stage is {}", token(i.stage)));
    if (i.stage == Stage::kTrial && !i.trial_date)
      warning(s, "stage", "the stage is trial but trial_date is missing");
    if (i.stage == Stage::kImplemented && !i.implemented_date)
      warning(s, "stage", "the stage is implemented but implemented_date is missing");
    order(s, i.submitted, "submitted", i.trial_date, "trial_date");
    order(s, i.submitted, "submitted", i.implemented_date, "implemented_date");
    order(s, i.trial_date, "trial_date", i.implemented_date, "implemented_date");
  }
};

}  // namespace

void check_records(const Records& records, Findings& findings) {
  Checker(records, findings).run();
}

}  // namespace inovasi
