// The record types of a programme, listed once: commands that work on any
// type (set, stage, step, show) choose the type here by its name, instead of
// each keeping its own chain of branches.
#pragma once
#include <iterator>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "inovasi/model/records.h"

namespace inovasi {

// Calls f(std::type_identity<R>{}) for each record type, in the order of
// the programme directory's folders.
template <class F>
void for_each_record_type(F&& f) {
  f(std::type_identity<Unit>{});
  f(std::type_identity<Idea>{});
  f(std::type_identity<Contract>{});
  f(std::type_identity<Report>{});
  f(std::type_identity<Regulation>{});
}

// Calls f(std::type_identity<R>{}) for the type whose kType is `name`
// ("unit", "idea", ...); false when no type has that name.
template <class F>
bool visit_record_type(std::string_view name, F&& f) {
  bool found = false;
  for_each_record_type([&](auto type) {
    using R = typename decltype(type)::type;
    if (!found && name == R::kType) {
      found = true;
      f(type);
    }
  });
  return found;
}

inline std::vector<std::string> record_type_names() {
  std::vector<std::string> names;
  for_each_record_type([&](auto type) { names.emplace_back(decltype(type)::type::kType); });
  return names;
}

// The columns that say which record a row is (R::kKeyColumns): a report's
// contract and period, every other record's id. `set` cannot change them.
template <class R>
std::vector<std::string> key_columns() {
  return {std::begin(R::kKeyColumns), std::end(R::kKeyColumns)};
}

}  // namespace inovasi
