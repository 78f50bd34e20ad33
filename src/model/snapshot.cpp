#include "inovasi/model/snapshot.h"

namespace inovasi {

template <class R>
static void sort_by_id(std::vector<Stored<R>>& list) {
  auto by_key = [](const Stored<R>& a, const Stored<R>& b) {
    return record_key(a.record) < record_key(b.record);
  };
  // Records come loaded in the order of their file names, mostly that of
  // their ids already; a check costs far less than moving every record.
  if (std::is_sorted(list.begin(), list.end(), by_key)) return;
  std::stable_sort(list.begin(), list.end(), by_key);
}

void Records::sort() {
  sort_by_id(units);
  sort_by_id(ideas);
  sort_by_id(contracts);
  sort_by_id(reports);
  sort_by_id(regulations);
}

}  // namespace inovasi
