#include "inovasi/store/diff.h"

#include <algorithm>
#include <map>
#include <set>

#include "inovasi/util/text.h"

namespace inovasi {

namespace {

// A value on one line: flow lists and maps as YAML writes them inline.
std::string inline_text(const yaml::Node& n) {
  switch (n.kind) {
    case yaml::Kind::kNull:
      return {};
    case yaml::Kind::kScalar:
      return n.value;
    case yaml::Kind::kSequence: {
      std::vector<std::string> items;
      for (const auto& item : n.items) items.push_back(inline_text(item));
      return "[" + text::join(items, ", ") + "]";
    }
    case yaml::Kind::kMap: {
      std::vector<std::string> entries;
      for (const auto& e : n.entries) entries.push_back(e.key + ": " + inline_text(e.value));
      return "{" + text::join(entries, ", ") + "}";
    }
  }
  return {};
}

using Flat = std::vector<std::pair<std::string, std::string>>;

void flatten(const yaml::Node& n, const std::string& path, Flat& out) {
  if (n.kind == yaml::Kind::kMap) {
    for (const auto& e : n.entries)
      flatten(e.value, path.empty() ? e.key : path + "." + e.key, out);
    return;
  }
  bool structures = n.kind == yaml::Kind::kSequence && !n.flow && !n.items.empty() &&
                    n.items.front().kind == yaml::Kind::kMap;
  if (structures) {
    for (std::size_t i = 0; i < n.items.size(); ++i) {
      const yaml::Entry* id = n.items[i].find("id");
      std::string label = id ? id->value.value : std::to_string(i + 1);
      flatten(n.items[i], path + "[" + label + "]", out);
    }
    return;
  }
  out.emplace_back(path, inline_text(n));
}

std::string shown_value(const std::string& value) {
  constexpr std::size_t kWidest = 60;
  std::string one_line;
  for (char c : value) one_line += c == '\n' ? std::string("\\n") : std::string(1, c);
  return text::truncate_to_width(text::escape_controls(one_line), kWidest);
}

}  // namespace

std::vector<FieldChange> node_changes(const yaml::Node& before, const yaml::Node& after,
                                      const std::vector<std::string>& keys) {
  Flat a, b;
  flatten(before, "", a);
  flatten(after, "", b);
  std::set<std::string> in_a, in_b;
  for (const auto& [field, value] : a) in_a.insert(field);
  for (const auto& [field, value] : b) in_b.insert(field);
  std::vector<FieldChange> changes;
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i].first == b[j].first) {
      if (a[i].second != b[j].second) changes.push_back({a[i].first, a[i].second, b[j].second});
      ++i, ++j;
    } else if (i < a.size() && !in_b.count(a[i].first)) {
      changes.push_back({a[i].first, a[i].second, std::nullopt});
      ++i;
    } else if (j < b.size() && !in_a.count(b[j].first)) {
      changes.push_back({b[j].first, std::nullopt, b[j].second});
      ++j;
    } else if (i < a.size()) {
      ++i;  // met again later in the other order: compared there
    } else {
      ++j;
    }
  }
  // A field both have but in another order is compared by name.
  std::set<std::string> seen;
  for (const auto& c : changes) seen.insert(c.field);
  std::map<std::string, std::string> values_a(a.begin(), a.end());
  for (const auto& [field, value] : b)
    if (!seen.count(field) && values_a.count(field) && values_a[field] != value)
      changes.push_back({field, values_a[field], value});
  // An added field and a removed one met in turn: put them in key order.
  auto rank = [&](const std::string& field) {
    std::string top = field.substr(0, field.find_first_of(".["));
    return std::find(keys.begin(), keys.end(), top) - keys.begin();
  };
  std::stable_sort(changes.begin(), changes.end(), [&](const FieldChange& x, const FieldChange& y) {
    return rank(x.field) < rank(y.field);
  });
  return changes;
}

std::string describe(const FieldChange& change) {
  if (!change.before) return "+ " + change.field + ": " + shown_value(*change.after);
  if (!change.after) return "- " + change.field + ": " + shown_value(*change.before);
  return change.field + ": " + shown_value(*change.before) + " → " + shown_value(*change.after);
}

}  // namespace inovasi
