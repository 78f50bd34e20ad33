#include "inovasi/model/snapshot.h"

namespace inovasi {

template <class R>
static void sort_by_id(std::vector<Stored<R>>& list) {
  std::stable_sort(list.begin(), list.end(), [](const Stored<R>& a, const Stored<R>& b) {
    return record_key(a.record) < record_key(b.record);
  });
}

void Records::sort() {
  sort_by_id(units);
  sort_by_id(ideas);
  sort_by_id(contracts);
  sort_by_id(reports);
  sort_by_id(regulations);
}

}  // namespace inovasi
