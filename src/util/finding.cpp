#include "inovasi/util/finding.h"

#include <fmt/core.h>

#include <algorithm>
#include <deque>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>

namespace inovasi {

void Findings::error(std::string path, Mark mark, std::string message) {
  items_.push_back({std::move(path), mark, Severity::kError, std::move(message)});
}

void Findings::warning(std::string path, Mark mark, std::string message) {
  items_.push_back({std::move(path), mark, Severity::kWarning, std::move(message)});
}

void Findings::append(const Findings& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Findings::has_errors() const {
  return std::any_of(items_.begin(), items_.end(),
                     [](const Finding& f) { return f.severity == Severity::kError; });
}

void Findings::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Finding& a, const Finding& b) {
    if (a.path != b.path) return a.path < b.path;
    if (a.mark.line != b.mark.line) return a.mark.line < b.mark.line;
    return a.mark.column < b.mark.column;
  });
}

std::string format(const Finding& f) {
  std::string where = f.path;
  if (f.mark.line > 0) {
    where += fmt::format(":{}", f.mark.line);
    if (f.mark.column > 0) where += fmt::format(":{}", f.mark.column);
  }
  const char* level = f.severity == Severity::kError ? "error" : "warning";
  if (where.empty()) return fmt::format("{}: {}", level, f.message);
  return fmt::format("{}: {}: {}", where, level, f.message);
}

namespace {

struct FieldNames {
  std::shared_mutex mutex;
  std::deque<std::string> names;  // never moves a name once added
  std::unordered_map<std::string_view, std::uint32_t> ids;
};

FieldNames& field_names() {
  static FieldNames table;
  return table;
}

}  // namespace

std::uint32_t intern_field_name(std::string_view name) {
  FieldNames& table = field_names();
  {
    std::shared_lock lock(table.mutex);
    if (auto it = table.ids.find(name); it != table.ids.end()) return it->second;
  }
  std::unique_lock lock(table.mutex);
  if (auto it = table.ids.find(name); it != table.ids.end()) return it->second;
  auto id = static_cast<std::uint32_t>(table.names.size());
  table.names.emplace_back(name);
  table.ids.emplace(table.names.back(), id);
  return id;
}

std::string_view field_name(std::uint32_t id) {
  FieldNames& table = field_names();
  std::shared_lock lock(table.mutex);
  return table.names.at(id);
}

}  // namespace inovasi
