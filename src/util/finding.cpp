#include "inovasi/util/finding.h"

#include <fmt/core.h>

#include <algorithm>
#include <deque>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>
#include <vector>

#include "inovasi/util/messages.h"

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

bool comes_before(const Finding& a, const Finding& b) {
  if (a.path != b.path) return a.path < b.path;
  if (a.mark.line != b.mark.line) return a.mark.line < b.mark.line;
  return a.mark.column < b.mark.column;
}

void Findings::sort() {
  std::stable_sort(items_.begin(), items_.end(), comes_before);
}

std::string format(const Finding& f) {
  std::string where = f.path;
  if (f.mark.line > 0) {
    where += fmt::format(":{}", f.mark.line);
    if (f.mark.column > 0) where += fmt::format(":{}", f.mark.column);
  }
  std::string level = f.severity == Severity::kError ? tr("error") : tr("warning");
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

// Each thread also remembers the names it has met, so that loading a large
// programme on every core takes the lock once per name, not once per field.
std::uint32_t intern_field_name(std::string_view name) {
  thread_local std::unordered_map<std::string_view, std::uint32_t> seen;
  if (auto it = seen.find(name); it != seen.end()) return it->second;
  FieldNames& table = field_names();
  std::uint32_t id;
  std::string_view kept;
  {
    std::unique_lock lock(table.mutex);
    auto it = table.ids.find(name);
    if (it == table.ids.end()) {
      table.names.emplace_back(name);
      it = table.ids.emplace(table.names.back(), static_cast<std::uint32_t>(table.names.size() - 1))
               .first;
    }
    id = it->second;
    kept = it->first;  // the name in the table, which never moves
  }
  seen.emplace(kept, id);
  return id;
}

std::optional<std::uint32_t> find_field_name(std::string_view name) {
  FieldNames& table = field_names();
  std::shared_lock lock(table.mutex);
  auto it = table.ids.find(name);
  if (it == table.ids.end()) return std::nullopt;
  return it->second;
}

void FieldMarks::emplace_back(std::string_view name, Mark mark) {
  items_.push_back({intern_field_name(name), mark});
  if (items_.size() == kIndexFrom)
    reindex();
  else if (index_)
    index_->emplace(items_.back().name, static_cast<std::uint32_t>(items_.size() - 1));
}

void FieldMarks::reindex() {
  index_.reset();
  if (items_.size() < kIndexFrom) return;
  index_ = std::make_unique<std::unordered_map<std::uint32_t, std::uint32_t>>();
  index_->reserve(items_.size());
  for (std::size_t k = 0; k < items_.size(); ++k)
    index_->emplace(items_[k].name, static_cast<std::uint32_t>(k));  // keeps the first
}

std::optional<Mark> FieldMarks::find(std::string_view name) const {
  if (index_) {
    auto id = find_field_name(name);
    if (!id) return std::nullopt;
    auto it = index_->find(*id);
    if (it == index_->end()) return std::nullopt;
    return items_[it->second].mark;
  }
  for (const auto& item : items_)
    if (field_name(item.name) == name) return item.mark;
  return std::nullopt;
}

std::string_view field_name(std::uint32_t id) {
  thread_local std::vector<std::string_view> known;
  if (id < known.size()) return known[id];
  FieldNames& table = field_names();
  std::shared_lock lock(table.mutex);
  for (std::size_t i = known.size(); i < table.names.size(); ++i) known.push_back(table.names[i]);
  return known.at(id);
}

}  // namespace inovasi
