// The record types of a programme, listed once: commands that work on any
// type (set, stage, step, show) choose the type here by its name, instead of
// each keeping its own chain of branches.
#pragma once
#include <iterator>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "inovasi/model/records.h"
#include "inovasi/model/snapshot.h"

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

// Calls f(std::type_identity<R>{}) for the first type R that `matches`
// (called with std::type_identity<R>{}); false when none does.
template <class Matches, class F>
bool visit_record_type_if(Matches&& matches, F&& f) {
  bool found = false;
  for_each_record_type([&](auto type) {
    if (!found && matches(type)) {
      found = true;
      f(type);
    }
  });
  return found;
}

// ... for the type whose kType is `name` ("unit", "idea", ...).
template <class F>
bool visit_record_type(std::string_view name, F&& f) {
  return visit_record_type_if([&](auto type) { return name == decltype(type)::type::kType; },
                              std::forward<F>(f));
}

// ... for the type whose folder is `folder` ("units", "ideas", ...): the
// word list and export take.
template <class F>
bool visit_record_folder(std::string_view folder, F&& f) {
  return visit_record_type_if([&](auto type) { return folder == decltype(type)::type::kFolder; },
                              std::forward<F>(f));
}

// ... for the type of the record file at `path`, relative to the programme
// directory or to a repository it sits in: FOLDER/ID.yaml (a report one
// folder deeper, reports/CONTRACT/PERIOD.yaml), and inovasi.yaml the
// programme. False for any other file.
template <class F>
bool visit_record_path(std::string_view path, F&& f) {
  if (!path.ends_with(".yaml")) return false;
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    std::size_t slash = path.find('/', start);
    parts.push_back(path.substr(start, slash == std::string_view::npos ? slash : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  if (visit_record_type_if(
          [&](auto type) {
            std::size_t depth = std::size(decltype(type)::type::kKeyColumns);
            return parts.size() > depth &&
                   parts[parts.size() - 1 - depth] == decltype(type)::type::kFolder;
          },
          f))
    return true;
  if (parts.back() != "inovasi.yaml") return false;
  f(std::type_identity<Programme>{});
  return true;
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

// What refers to a record of type T with a given key: each reference field
// of another record that holds it (a field may hold several keys: a list).
template <class T>
struct ReferenceFinder {
  const std::string& key;
  std::vector<std::string> fields;  // "ideas[2]", "unit"
  template <class U>
  void operator()(const char* field, const std::string& id, std::type_identity<U>) {
    if (std::is_same_v<U, T> && id == key) fields.emplace_back(field);
  }
  template <class U>
  void operator()(const char* field, const std::vector<std::string>& ids, std::type_identity<U>) {
    for (std::size_t i = 0; i < ids.size(); ++i)
      if (std::is_same_v<U, T> && ids[i] == key)
        fields.push_back(std::string(field) + "[" + std::to_string(i) + "]");
  }
};

// Renames every reference to the record of type T keyed `from` as `to`.
template <class T>
struct ReferenceRenamer {
  const std::string& from;
  const std::string& to;
  bool renamed = false;
  template <class U>
  void operator()(const char*, std::string& id, std::type_identity<U>) {
    if (std::is_same_v<U, T> && id == from) id = to, renamed = true;
  }
  template <class U>
  void operator()(const char*, std::vector<std::string>& ids, std::type_identity<U>) {
    for (auto& id : ids)
      if (std::is_same_v<U, T> && id == from) id = to, renamed = true;
  }
};

// Calls f(stored, fields) for every record, of any type, whose references
// name the record of type T keyed `key`, fields being those that do.
template <class T, class F>
void for_each_referrer(const Records& records, const std::string& key, F&& f) {
  for_each_record_type([&](auto type) {
    using S = typename decltype(type)::type;
    for (const auto& s : records.all<S>()) {
      ReferenceFinder<T> finder{key, {}};
      S::references(s.record, finder);
      if (!finder.fields.empty()) f(s, finder.fields);
    }
  });
}

}  // namespace inovasi
