// All records of one programme as loaded, each with where it came from.
#pragma once
#include <algorithm>
#include <optional>
#include <string_view>
#include <vector>

#include "inovasi/model/records.h"
#include "inovasi/util/finding.h"

namespace inovasi {

template <class R>
struct Stored {
  R record;
  Origin origin;
};

struct Records {
  std::optional<Stored<Programme>> programme;
  std::vector<Stored<Unit>> units;
  std::vector<Stored<Idea>> ideas;

  template <class R>
  std::vector<Stored<R>>& all() {
    if constexpr (std::is_same_v<R, Unit>)
      return units;
    else
      return ideas;
  }
  template <class R>
  const std::vector<Stored<R>>& all() const {
    return const_cast<Records*>(this)->all<R>();
  }

  // Keeps every list ordered by id, which find() relies on.
  void sort();

  template <class R>
  const Stored<R>* find(std::string_view id) const {
    const auto& list = all<R>();
    auto it =
        std::lower_bound(list.begin(), list.end(), id,
                         [](const Stored<R>& s, std::string_view k) { return s.record.id < k; });
    return it != list.end() && it->record.id == id ? &*it : nullptr;
  }

  // Replaces the record with the same id, or adds it.
  template <class R>
  void put(Stored<R> stored) {
    auto& list = all<R>();
    auto it =
        std::lower_bound(list.begin(), list.end(), stored.record.id,
                         [](const Stored<R>& s, const std::string& k) { return s.record.id < k; });
    if (it != list.end() && it->record.id == stored.record.id)
      *it = std::move(stored);
    else
      list.insert(it, std::move(stored));
  }
};

}  // namespace inovasi
