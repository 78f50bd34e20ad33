#include "inovasi/check/check.h"

#include <fmt/core.h>

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <unordered_set>

#include "inovasi/model/nip.h"
#include "inovasi/store/record_types.h"
#include "inovasi/util/messages.h"
#include "inovasi/util/text.h"

namespace inovasi {

namespace {

class Checker {
 public:
  // alone: the records are looked at one by one, without the others they
  // name (the rules a single file must keep, whatever the rest holds).
  Checker(const Records& records, Findings& findings, bool alone = false)
      : r_(records), out_(findings), alone_(alone) {}

  void run() {
    if (r_.programme) rules(*r_.programme);
    for (const auto& u : r_.units) rules(u);
    for (const auto& i : r_.ideas) rules(i);
    for (const auto& c : r_.contracts) rules(c), listed_after_drop(c);
    for (const auto& rep : r_.reports) rules(rep);
    for (const auto& reg : r_.regulations) rules(reg), listed_after_drop(reg);
    duplicates(r_.units);
    duplicates(r_.ideas);
    duplicates(r_.contracts);
    duplicates(r_.regulations);
    case_clashes();
    amended_twice();
  }

 private:
  const Records& r_;
  Findings& out_;
  bool alone_;

 public:
  template <class R>
  void one(const Stored<R>& s) {
    rules(s);
  }

 private:
  // Whether the record a reference names is missing; never, looked at alone.
  template <class X>
  bool missing(const std::string& key) const {
    return !alone_ && !r_.find<X>(key);
  }

  template <class R>
  void error(const Stored<R>& s, std::string_view field, std::string message) {
    out_.error(s.origin.path_of(field), s.origin.at(field), std::move(message));
  }
  template <class R>
  void warning(const Stored<R>& s, std::string_view field, std::string message) {
    out_.warning(s.origin.path_of(field), s.origin.at(field), std::move(message));
  }

  // A record file is named after its id; a CSV row has no file name to match.
  template <class R>
  void identity(const Stored<R>& s) {
    const std::string& id = s.record.id;
    if (!text::is_slug(id)) {
      error(s, "id",
            msg("id '{}' is not a valid id (lowercase letters, digits and single hyphens, at "
                "most {} characters)",
                id, text::kMaxSlug));
      return;
    }
    if (text::is_reserved_name(id)) {
      error(s, "id",
            msg("id '{}' is a device name on Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9), where "
                "its file could not be checked out; choose another id",
                id));
      return;
    }
    const std::string& path = s.origin.path;
    if (!path.ends_with(".yaml")) return;
    auto slash = path.rfind('/');
    std::string stem = path.substr(slash == std::string::npos ? 0 : slash + 1);
    stem.resize(stem.size() - 5);
    if (stem != id) error(s, "id", msg("id '{}' does not match the file name '{}.yaml'", id, stem));
  }

  template <class R>
  void duplicates(const std::vector<Stored<R>>& list) {
    std::map<std::string, const Stored<R>*> first;
    for (const auto& s : list) {
      auto [it, inserted] = first.emplace(s.record.id, &s);
      if (!inserted)
        error(s, "id", msg_of(R::kSentences.duplicate_id, s.record.id, it->second->origin.path));
    }
  }

  // Two record files whose paths differ only in case are one file where the
  // file system ignores case (Windows, macOS): a checkout there would lose one.
  void case_clashes() {
    std::map<std::string, std::string> seen;
    auto visit = [&](const auto& list) {
      for (const auto& s : list) {
        const std::string& path = s.origin.path;
        if (!path.ends_with(".yaml")) continue;
        auto [it, inserted] = seen.emplace(text::lower_ascii(path), path);
        if (!inserted && it->second != path)
          out_.error(path, s.origin.at("id"),
                     msg("{} and {} differ only in case; where the file system ignores case "
                         "(Windows, macOS) they are one file: rename or remove one",
                         it->second, path));
      }
    };
    for_each_record_type([&](auto type) { visit(r_.all<typename decltype(type)::type>()); });
  }

  template <class R>
  void nip(const Stored<R>& s, std::string_view field, const std::string& value) {
    if (value.empty()) return;
    if (auto problem = nip_problem(value)) error(s, field, s.origin.name(field) + ": " + *problem);
  }

  template <class R>
  void order(const Stored<R>& s, const std::optional<Date>& earlier, std::string_view earlier_name,
             const std::optional<Date>& later, std::string_view later_name) {
    if (earlier && later && *later < *earlier)
      error(s, later_name,
            msg("{} {} is before {} {}", later_name, later->str(), earlier_name, earlier->str()));
  }

  void rules(const Stored<Programme>& s) {
    const Programme& p = s.record;
    if (p.reporting && p.reporting->every_months && *p.reporting->every_months != 3)
      error(s, "reporting.every_months",
            msg("reporting.every_months is {}; reports are due per calendar quarter, so "
                "it must be 3",
                *p.reporting->every_months));
    if (p.reporting && p.reporting->grace_days && *p.reporting->grace_days < 0)
      error(s, "reporting.grace_days", tr("reporting.grace_days must not be negative"));
    if (p.evaluation && p.evaluation->every_months && *p.evaluation->every_months != 6 &&
        *p.evaluation->every_months != 12)
      error(s, "evaluation.every_months",
            msg("evaluation.every_months is {}; it must be 6 or 12", *p.evaluation->every_months));
    if (p.scale && p.scale->cap && *p.scale->cap <= 0)
      error(s, "scale.cap", tr("scale.cap must be greater than 0"));
    if (p.scale && !p.scale->bands.empty()) {
      const auto& bands = p.scale->bands;
      for (std::size_t i = 1; i < bands.size(); ++i)
        if (!(bands[i].min < bands[i - 1].min))
          error(s, fmt::format("scale.bands[{}]", i),
                tr("scale.bands must be listed highest first, each min below the one before"));
      if (bands.back().min > 0)
        error(s, fmt::format("scale.bands[{}]", bands.size() - 1),
              tr("the last band must have min 0, so that every score has a band"));
    }
    std::set<std::string> priorities;
    for (std::size_t i = 0; i < p.priorities.size(); ++i) {
      const auto& id = p.priorities[i].id;
      std::string field = fmt::format("priorities[{}]", i);
      if (!text::is_slug(id)) error(s, field, msg("priority id '{}' is not a valid id", id));
      if (!priorities.insert(id).second) error(s, field, msg("duplicate priority id '{}'", id));
    }
    std::set<std::string> indicators;
    for (std::size_t i = 0; i < p.indicators.size(); ++i) {
      const auto& ind = p.indicators[i];
      std::string field = fmt::format("indicators[{}]", i);
      if (!text::is_slug(ind.id))
        error(s, field, msg("indicator id '{}' is not a valid id", ind.id));
      if (!indicators.insert(ind.id).second)
        error(s, field, msg("duplicate indicator id '{}'", ind.id));
      if (!ind.priority.empty() && !priorities.count(ind.priority))
        error(s, field,
              msg("indicator '{}' names priority '{}', which is not in priorities", ind.id,
                  ind.priority));
    }
  }

  void rules(const Stored<Contract>& s) {
    const Contract& c = s.record;
    identity(s);
    if (missing<Unit>(c.unit))
      error(s, "unit", msg("unit '{}' does not exist (no units/{}.yaml)", c.unit, c.unit));
    for (std::size_t k = 0; k < c.ideas.size(); ++k) {
      std::string field = fmt::format("ideas[{}]", k);
      const Stored<Idea>* idea = r_.find<Idea>(c.ideas[k]);
      if (!idea && !alone_)
        error(s, field, msg("idea '{}' does not exist (no ideas/{}.yaml)", c.ideas[k], c.ideas[k]));
      else if (idea && idea->record.unit != c.unit)
        warning(s, field,
                msg("idea '{}' belongs to unit '{}', not to the contracted unit '{}'", c.ideas[k],
                    idea->record.unit, c.unit));
    }
    bool dates_set = c.start.is_set() && c.end.is_set();
    if (dates_set && c.end < c.start)
      error(s, "end", msg("end {} is before start {}", c.end.str(), c.start.str()));
    if (c.signed_on && c.end.is_set() && c.end < *c.signed_on)
      error(s, "signed",
            msg("signed {} is after the contract ended ({})", c.signed_on->str(), c.end.str()));
    if (c.targets.empty()) warning(s, "id", tr("the contract has no targets"));
    std::set<std::string> ids;
    for (std::size_t k = 0; k < c.targets.size(); ++k) {
      const Target& t = c.targets[k];
      std::string field = fmt::format("targets[{}]", k);
      if (!text::is_slug(t.id))
        error(s, field + ".id", msg("target id '{}' is not a valid id", t.id));
      else if (!ids.insert(t.id).second)
        error(s, field + ".id", msg("duplicate target id '{}'", t.id));
      if (!(t.weight > 0))
        error(s, field + ".weight", msg("target '{}': weight must be greater than 0", t.id));
      if (t.by_period.empty())
        warning(s, field, msg("target '{}' has no value for any quarter (by_period)", t.id));
      for (const auto& [period, value] : t.by_period) {
        std::string where = field + ".by_period." + period.str();
        // The achievement formulas divide by T or by 2T - R: a negative one
        // scores nonsense (-200) that no band holds.
        if (value < 0)
          error(s, where,
                msg("target '{}': {} is negative ({}); targets must be 0 or more", t.id,
                    period.str(), fmt::format("{}", value)));
        if (!period.is_quarter())
          error(s, where,
                msg("target '{}': by_period takes quarters (YYYY-Qn), not {}", t.id, period.str()));
        else if (dates_set && !period.overlaps(c.start, c.end))
          error(s, where,
                msg("target '{}': {} is outside the contract ({} to {})", t.id, period.str(),
                    c.start.str(), c.end.str()));
      }
    }
  }

  // Fields that could not be read are left unset; the rules that need them
  // stay quiet rather than pile made-up errors on the real one.
  void rules(const Stored<Report>& s) {
    const Report& rep = s.record;
    const std::string& path = s.origin.path;
    bool period_set = rep.period.is_set(), submitted_set = rep.submitted.is_set();
    if (period_set && !rep.contract.empty() && path.ends_with(".yaml") &&
        !path.ends_with(expected_path(rep)))
      error(s, "period",
            msg("a report of contract '{}' for {} belongs in {}", rep.contract, rep.period.str(),
                expected_path(rep)));
    if (period_set && !rep.period.is_quarter())
      error(s, "period",
            msg("period {} is not a quarter; reports are quarterly (YYYY-Qn)", rep.period.str()));
    if (period_set && submitted_set && rep.submitted < rep.period.first_day())
      error(s, "submitted",
            msg("submitted {} is before {} began ({})", rep.submitted.str(), rep.period.str(),
                rep.period.first_day().str()));
    if (rep.contract.empty()) return;
    const Stored<Contract>* contract = r_.find<Contract>(rep.contract);
    if (!contract) {
      if (alone_) return;
      error(s, "contract",
            msg("contract '{}' does not exist (no contracts/{}.yaml)", rep.contract, rep.contract));
      return;
    }
    const Contract& c = contract->record;
    bool contract_dates = c.start.is_set() && c.end.is_set();
    if (period_set && contract_dates && rep.period.is_quarter() &&
        !rep.period.overlaps(c.start, c.end))
      error(s, "period",
            msg("{} is outside contract '{}' ({} to {})", rep.period.str(), c.id, c.start.str(),
                c.end.str()));
    if (submitted_set && c.start.is_set() && rep.submitted < c.start)
      warning(s, "submitted",
              msg("submitted {} is before contract '{}' started ({})", rep.submitted.str(), c.id,
                  c.start.str()));
    // A report can name thousands of targets a contract of thousands lacks:
    // the ids are looked up in a set, and the first unknown ones in the file
    // get a suggestion from one Nearest.
    std::unordered_set<std::string_view> ids;
    for (const auto& t : c.targets) ids.insert(t.id);
    std::vector<std::pair<Mark, std::string_view>> unknown;
    for (const auto& [target, value] : rep.actual)
      if (!ids.count(target)) unknown.emplace_back(s.origin.at("actual." + target), target);
    if (unknown.empty()) return;
    std::stable_sort(unknown.begin(), unknown.end(), [](const auto& a, const auto& b) {
      return std::pair(a.first.line, a.first.column) < std::pair(b.first.line, b.first.column);
    });
    std::vector<std::string> names;
    for (const auto& t : c.targets) names.push_back(t.id);
    text::Nearest nearest(names);
    for (const auto& [mark, target] : unknown) {
      std::string message = msg("contract '{}' has no target '{}'", c.id, target);
      if (auto near = nearest(target)) message += msg(" (did you mean '{}'?)", *near);
      error(s, fmt::format("actual.{}", target), message);
    }
  }

  static std::string expected_path(const Report& r) {
    return std::string(Report::kFolder) + "/" + record_key(r) + ".yaml";
  }

  void rules(const Stored<Unit>& s) {
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

  void rules(const Stored<Idea>& s) {
    const Idea& i = s.record;
    identity(s);
    if (!i.unit.empty() && missing<Unit>(i.unit))
      error(s, "unit", msg("unit '{}' does not exist (no units/{}.yaml)", i.unit, i.unit));
    if (!i.priority.empty() && !alone_ && !has_priority(i.priority))
      error(s, "priority", msg("priority '{}' is not in inovasi.yaml", i.priority));
    if (!i.indicator.empty() && !alone_) {
      const Indicator* ind = indicator(i.indicator);
      if (!ind)
        error(s, "indicator", msg("indicator '{}' is not in inovasi.yaml", i.indicator));
      else if (!i.priority.empty() && !ind->priority.empty() && ind->priority != i.priority)
        warning(s, "indicator",
                msg("indicator '{}' serves priority '{}', not '{}'", i.indicator, ind->priority,
                    i.priority));
    }
    if (i.proposer) nip(s, "proposer.nip", i.proposer->nip);
    if (i.budget && *i.budget < 0) error(s, "budget", tr("budget must not be negative"));
    stage_dates(s);
  }

  void rules(const Stored<Regulation>& s) {
    const Regulation& g = s.record;
    identity(s);
    std::map<std::string, std::size_t> listed;
    for (std::size_t k = 0; k < g.ideas.size(); ++k) {
      std::string field = fmt::format("ideas[{}]", k);
      const std::string& idea = g.ideas[k];
      if (auto [it, first] = listed.emplace(idea, k); !first)
        error(s, field, msg("idea '{}' is listed twice (first as ideas[{}])", idea, it->second));
      else if (missing<Idea>(idea))
        error(s, field, msg("idea '{}' does not exist (no ideas/{}.yaml)", idea, idea));
    }
    if (g.amends.empty()) return;
    if (g.amends == g.id) return error(s, "amends", tr("a regulation cannot amend itself"));
    const Stored<Regulation>* amended = r_.find<Regulation>(g.amends);
    if (!amended && alone_) return;
    if (!amended)
      return error(
          s, "amends",
          msg("regulation '{}' does not exist (no regulations/{}.yaml)", g.amends, g.amends));
    if (g.date.is_set() && amended->record.date.is_set() && g.date < amended->record.date)
      error(s, "date",
            msg("date {} is before the date of '{}' ({}), which it amends", g.date.str(), g.amends,
                amended->record.date.str()));
    // Following amends from here must end at an original regulation.
    std::vector<std::string> chain = {g.id};
    for (const Stored<Regulation>* at = amended; at; at = r_.find<Regulation>(at->record.amends)) {
      chain.push_back(at->record.id);
      if (at->record.id == g.id)
        return error(s, "amends", msg("amends forms a cycle: {}", text::join(chain, " -> ")));
      if (chain.size() > r_.regulations.size()) return;  // a circle that does not pass here
    }
  }

  // Two amendments of one regulation each count their changes from it, so
  // one of them leaves out what the other changed: the later should amend
  // the earlier.
  void amended_twice() {
    std::map<std::string, const Stored<Regulation>*> first;
    for (const auto* s : by_date(r_.regulations)) {
      const Regulation& g = s->record;
      if (g.amends.empty() || g.amends == g.id) continue;
      auto [it, inserted] = first.emplace(g.amends, s);
      if (!inserted)
        warning(*s, "amends",
                msg("'{}' is amended by '{}' too; amend '{}' instead, so that the changes "
                    "are counted from the annex in force",
                    g.amends, it->second->record.id, it->second->record.id));
    }
  }

  static std::vector<const Stored<Regulation>*> by_date(
      const std::vector<Stored<Regulation>>& list) {
    std::vector<const Stored<Regulation>*> sorted;
    for (const auto& s : list) sorted.push_back(&s);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto* a, const auto* b) { return a->record.date < b->record.date; });
    return sorted;
  }

  void stage_dates(const Stored<Idea>& s) {
    const Idea& i = s.record;
    if (i.trial_date && i.stage == Stage::kInitiative)
      error(s, "trial_date", tr("trial_date is set but the stage is initiative"));
    if (i.implemented_date && (i.stage == Stage::kInitiative || i.stage == Stage::kTrial))
      error(s, "implemented_date",
            msg("implemented_date is set but the stage is {}", token(i.stage)));
    if (i.stage == Stage::kTrial && !i.trial_date)
      warning(s, "stage", tr("the stage is trial but trial_date is missing"));
    if (i.stage == Stage::kImplemented && !i.implemented_date)
      warning(s, "stage", tr("the stage is implemented but implemented_date is missing"));
    order(s, i.submitted, "submitted", i.trial_date, "trial_date");
    order(s, i.submitted, "submitted", i.implemented_date, "implemented_date");
    order(s, i.trial_date, "trial_date", i.implemented_date, "implemented_date");
    if (i.dropped_date && i.stage != Stage::kDropped)
      warning(s, "dropped_date", msg("dropped_date is set but the stage is {}", token(i.stage)));
    if (i.stage == Stage::kDropped && !i.dropped_date)
      warning(s, "stage", tr("the stage is dropped but dropped_date is missing"));
    order(s, i.submitted, "submitted", i.dropped_date, "dropped_date");
    order(s, i.trial_date, "trial_date", i.dropped_date, "dropped_date");
    order(s, i.implemented_date, "implemented_date", i.dropped_date, "dropped_date");
  }

  // A contract or regulation made after an idea was dropped should not list it.
  void listed_after_drop(const Stored<Contract>& s) {
    const Contract& c = s.record;
    for (std::size_t k = 0; k < c.ideas.size(); ++k)
      if (auto dropped = dropped_before(c.ideas[k], c.signed_on))
        warning(s, fmt::format("ideas[{}]", k),
                msg("idea '{}' was dropped on {}, before this contract was signed on {}",
                    c.ideas[k], dropped->str(), c.signed_on->str()));
  }
  void listed_after_drop(const Stored<Regulation>& s) {
    const Regulation& g = s.record;
    for (std::size_t k = 0; k < g.ideas.size(); ++k)
      if (auto dropped = dropped_before(g.ideas[k], g.date))
        warning(s, fmt::format("ideas[{}]", k),
                msg("idea '{}' was dropped on {}, before this regulation of {}", g.ideas[k],
                    dropped->str(), g.date.str()));
  }
  // The day an idea was dropped, when that was before a record dated `dated`.
  std::optional<Date> dropped_before(const std::string& id, const std::optional<Date>& dated) {
    const Stored<Idea>* idea = r_.find<Idea>(id);
    if (!idea || !dated || !dated->is_set() || !idea->record.dropped_date) return std::nullopt;
    if (!(*idea->record.dropped_date < *dated)) return std::nullopt;
    return idea->record.dropped_date;
  }
};

}  // namespace

void check_records(const Records& records, Findings& findings) {
  Checker(records, findings).run();
}

template <class R>
void check_record_alone(const Stored<R>& stored, Findings& findings) {
  Records none;
  Checker(none, findings, /*alone=*/true).one(stored);
}
template void check_record_alone(const Stored<Programme>&, Findings&);
template void check_record_alone(const Stored<Unit>&, Findings&);
template void check_record_alone(const Stored<Idea>&, Findings&);
template void check_record_alone(const Stored<Contract>&, Findings&);
template void check_record_alone(const Stored<Report>&, Findings&);
template void check_record_alone(const Stored<Regulation>&, Findings&);

}  // namespace inovasi
