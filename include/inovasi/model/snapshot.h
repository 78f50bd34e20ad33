// All records of one programme as loaded, each with where it came from.
#pragma once
#include <algorithm>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "inovasi/model/records.h"
#include "inovasi/util/finding.h"

namespace inovasi {

struct Records;
// Which list of Records holds the records of type R (specialised below).
template <class R>
struct RecordList;

template <class R>
struct Stored {
  R record;
  Origin origin;
};

struct Records {
  std::optional<Stored<Programme>> programme;
  std::vector<Stored<Unit>> units;
  std::vector<Stored<Idea>> ideas;
  std::vector<Stored<Contract>> contracts;
  std::vector<Stored<Report>> reports;  // ordered by contract, then period
  std::vector<Stored<Regulation>> regulations;

  template <class R>
  std::vector<Stored<R>>& all() {
    return this->*RecordList<R>::member;
  }
  template <class R>
  const std::vector<Stored<R>>& all() const {
    return const_cast<Records*>(this)->all<R>();
  }

  // Keeps every list ordered by key, which find() relies on.
  void sort();

  template <class R>
  const Stored<R>* find(std::string_view key) const {
    const auto& list = all<R>();
    auto it = std::lower_bound(
        list.begin(), list.end(), key,
        [](const Stored<R>& s, std::string_view k) { return record_key(s.record) < k; });
    return it != list.end() && record_key(it->record) == key ? &*it : nullptr;
  }

  // The report of a contract for a quarter, if there is one.
  const Stored<Report>* report(const std::string& contract, const Period& quarter) const {
    return find<Report>(contract + "/" + quarter.str());
  }

  // Replaces the record with the same key, or adds it.
  template <class R>
  void put(Stored<R> stored) {
    auto& list = all<R>();
    std::string key = record_key(stored.record);
    auto it = std::lower_bound(
        list.begin(), list.end(), key,
        [](const Stored<R>& s, const std::string& k) { return record_key(s.record) < k; });
    if (it != list.end() && record_key(it->record) == key)
      *it = std::move(stored);
    else
      list.insert(it, std::move(stored));
  }

  // put() for every record of a batch, in one pass over the list rather than
  // one each: a later record of the batch with the same key wins.
  template <class R>
  void put_all(const std::vector<Stored<R>>& batch) {
    auto& list = all<R>();
    std::map<std::string, const Stored<R>*> added;
    for (const auto& stored : batch) {
      std::string key = record_key(stored.record);
      auto it = std::lower_bound(
          list.begin(), list.end(), key,
          [](const Stored<R>& s, const std::string& k) { return record_key(s.record) < k; });
      if (it != list.end() && record_key(it->record) == key)
        *it = stored;
      else
        added[key] = &stored;
    }
    if (added.empty()) return;
    std::vector<Stored<R>> merged;
    merged.reserve(list.size() + added.size());
    auto next = added.begin();
    for (auto& stored : list) {
      for (; next != added.end() && next->first < record_key(stored.record); ++next)
        merged.push_back(*next->second);
      merged.push_back(std::move(stored));
    }
    for (; next != added.end(); ++next) merged.push_back(*next->second);
    list = std::move(merged);
  }
};

template <>
struct RecordList<Unit> {
  static constexpr auto member = &Records::units;
};
template <>
struct RecordList<Idea> {
  static constexpr auto member = &Records::ideas;
};
template <>
struct RecordList<Contract> {
  static constexpr auto member = &Records::contracts;
};
template <>
struct RecordList<Report> {
  static constexpr auto member = &Records::reports;
};
template <>
struct RecordList<Regulation> {
  static constexpr auto member = &Records::regulations;
};

}  // namespace inovasi
