// All records of one programme as loaded, each with where it came from.
#pragma once
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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
  // one each: a later record of the batch with the same key wins. The batch's
  // records are moved, never copied: an import of a large file holds them
  // once.
  template <class R>
  void put_all(std::vector<Stored<R>> batch) {
    auto& list = all<R>();
    auto key_less = [](const Stored<R>& a, const Stored<R>& b) {
      return record_key(a.record) < record_key(b.record);
    };
    // The batch sorted by key in place (a sort of the records themselves
    // would take a buffer of half of them), keeping the last of equal keys.
    const std::size_t n = batch.size();
    std::vector<std::pair<std::string, std::size_t>> order;  // key, place in the batch
    order.reserve(n);
    for (std::size_t k = 0; k < n; ++k) order.emplace_back(record_key(batch[k].record), k);
    std::sort(order.begin(), order.end());
    std::vector<std::size_t> from(n);  // place i takes the record at from[i]
    for (std::size_t i = 0; i < n; ++i) from[i] = order[i].second;
    for (std::size_t i = 0; i < n; ++i) {
      if (from[i] == i) continue;
      Stored<R> held = std::move(batch[i]);
      std::size_t j = i;
      while (from[j] != i) {
        std::size_t next = from[j];
        batch[j] = std::move(batch[next]);
        from[j] = j;
        j = next;
      }
      batch[j] = std::move(held);
      from[j] = j;
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (i + 1 < n && order[i].first == order[i + 1].first) continue;
      if (kept != i) batch[kept] = std::move(batch[i]);
      ++kept;
    }
    batch.erase(batch.begin() + static_cast<std::ptrdiff_t>(kept), batch.end());
    std::vector<std::pair<std::string, std::size_t>>().swap(order);
    // Records the list has are replaced where they stand.
    std::vector<bool> replaced(batch.size(), false);
    for (std::size_t k = 0; k < batch.size(); ++k) {
      auto it = std::lower_bound(list.begin(), list.end(), batch[k], key_less);
      if (it != list.end() && record_key(it->record) == record_key(batch[k].record)) {
        *it = std::move(batch[k]);
        replaced[k] = true;
      }
    }
    std::size_t fresh = 0;
    for (std::size_t k = 0; k < batch.size(); ++k)
      if (!replaced[k]) {
        if (fresh != k) batch[fresh] = std::move(batch[k]);
        ++fresh;
      }
    batch.erase(batch.begin() + static_cast<std::ptrdiff_t>(fresh), batch.end());
    // The shorter of the two is moved to the end of the longer and merged
    // there: a large batch into a small list is never copied to a new vector
    // while it is still held (a caller can reserve room for the list in it).
    std::vector<Stored<R>>& longer = batch.size() > list.size() ? batch : list;
    std::vector<Stored<R>>& shorter = batch.size() > list.size() ? list : batch;
    std::size_t before = longer.size();
    longer.reserve(before + shorter.size());
    for (auto& s : shorter) longer.push_back(std::move(s));
    std::vector<Stored<R>>().swap(shorter);
    std::inplace_merge(longer.begin(), longer.begin() + static_cast<std::ptrdiff_t>(before),
                       longer.end(), key_less);
    if (&longer == &batch) list = std::move(batch);
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
