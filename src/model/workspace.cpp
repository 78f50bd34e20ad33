#include "inovasi/model/workspace.h"

#include <algorithm>

namespace inovasi {

std::string qualified(std::string_view programme, std::string_view id) {
  if (id.empty()) return {};
  std::string out(programme);
  out += '/';
  out += id;
  return out;
}

std::string_view programme_of(std::string_view id) {
  auto slash = id.find('/');
  return slash == std::string_view::npos ? std::string_view{} : id.substr(0, slash);
}

static void qualify_all(std::vector<std::string>& ids, std::string_view programme) {
  for (auto& id : ids) id = qualified(programme, id);
}

static void qualify(Unit& r, std::string_view p) {
  r.id = qualified(p, r.id);
}
static void qualify(Idea& r, std::string_view p) {
  r.id = qualified(p, r.id);
  r.unit = qualified(p, r.unit);
  r.priority = qualified(p, r.priority);
  r.indicator = qualified(p, r.indicator);
}
static void qualify(Contract& r, std::string_view p) {
  r.id = qualified(p, r.id);
  r.unit = qualified(p, r.unit);
  qualify_all(r.ideas, p);
}
static void qualify(Report& r, std::string_view p) {
  r.contract = qualified(p, r.contract);
}
static void qualify(Regulation& r, std::string_view p) {
  r.id = qualified(p, r.id);
  r.amends = qualified(p, r.amends);
  qualify_all(r.ideas, p);
}
static void qualify(Programme& r, std::string_view p) {
  for (Priority& priority : r.priorities) priority.id = qualified(p, priority.id);
  for (Indicator& indicator : r.indicators) {
    indicator.id = qualified(p, indicator.id);
    indicator.priority = qualified(p, indicator.priority);
  }
}

template <class R>
static void qualify_list(std::vector<Stored<R>>& list, std::string_view programme) {
  for (auto& stored : list) qualify(stored.record, programme);
}

Records qualified_records(const Records& records, std::string_view programme) {
  Records out = records;
  if (out.programme) qualify(out.programme->record, programme);
  qualify_list(out.units, programme);
  qualify_list(out.ideas, programme);
  qualify_list(out.contracts, programme);
  qualify_list(out.reports, programme);
  qualify_list(out.regulations, programme);
  out.sort();
  return out;
}

bool same_band(const Band& a, const Band& b) {
  return a.min == b.min && a.label.id == b.label.id && a.label.en == b.label.en;
}

static bool same_bands(const std::vector<Band>& a, const std::vector<Band>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), same_band);
}

std::vector<Band> combined_bands(const std::vector<std::vector<Band>>& lists) {
  if (lists.empty()) return {};
  if (std::all_of(lists.begin(), lists.end(),
                  [&](const auto& list) { return same_bands(list, lists.front()); }))
    return lists.front();
  std::vector<Band> all;
  for (const auto& list : lists)
    for (const Band& band : list)
      if (std::none_of(all.begin(), all.end(), [&](const Band& b) { return same_band(b, band); }))
        all.push_back(band);
  std::stable_sort(all.begin(), all.end(),
                   [](const Band& a, const Band& b) { return a.min > b.min; });
  return all;
}

template <class T, class Key>
static void sort_by(std::vector<T>& list, Key key) {
  std::stable_sort(list.begin(), list.end(),
                   [&](const T& a, const T& b) { return key(a) < key(b); });
}

CombinedEvaluation::CombinedEvaluation(std::vector<ProgrammeEvaluation> parts)
    : parts_(std::move(parts)) {
  sort_by(parts_, [](const ProgrammeEvaluation& p) { return p.name; });
  std::vector<std::vector<Band>> band_lists;
  for (const auto& part : parts_) band_lists.push_back(part.evaluation.bands);
  all_.bands = combined_bands(band_lists);
  if (!parts_.empty()) {
    all_.period = parts_.front().evaluation.period;
    all_.as_of = parts_.front().evaluation.as_of;
  }
  for (const auto& part : parts_) {
    const PeriodEvaluation& e = part.evaluation;
    for (const UnitResult& u : e.units) {
      units_.push_back(*u.unit);
      qualify(units_.back(), part.name);
      all_.units.push_back(u);
      all_.units.back().unit = &units_.back();
    }
    for (const IdeaResult& i : e.ideas) {
      ideas_.push_back(*i.idea);
      qualify(ideas_.back(), part.name);
      all_.ideas.push_back(i);
      all_.ideas.back().idea = &ideas_.back();
    }
    for (const ContractResult& c : e.contracts) {
      contracts_.push_back(*c.contract);
      qualify(contracts_.back(), part.name);
      ContractResult result = c;
      result.contract = &contracts_.back();
      if (c.band) {
        const Band& own = e.bands[*c.band];
        auto at = std::find_if(all_.bands.begin(), all_.bands.end(),
                               [&](const Band& b) { return same_band(b, own); });
        result.band = static_cast<std::size_t>(at - all_.bands.begin());
      }
      all_.contracts.push_back(std::move(result));
    }
    for (Priority priority : part.programme.priorities) {
      priority.id = qualified(part.name, priority.id);
      priorities_.push_back(std::move(priority));
    }
  }
  // Qualified ids do not sort as their programmes do ("tuban-barat/x" < "tuban/x").
  sort_by(all_.units, [](const UnitResult& u) { return u.unit->id; });
  sort_by(all_.ideas, [](const IdeaResult& i) { return i.idea->id; });
  sort_by(all_.contracts, [](const ContractResult& c) { return c.contract->id; });
}

}  // namespace inovasi
