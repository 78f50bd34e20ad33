#include "inovasi/store/diff.h"

#include <algorithm>
#include <map>

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
  std::map<std::string, std::string> in_a(a.begin(), a.end()), in_b(b.begin(), b.end());
  std::vector<FieldChange> changes;
  for (const auto& [field, value] : a) {
    auto other = in_b.find(field);
    if (other == in_b.end())
      changes.push_back({field, value, std::nullopt});
    else if (other->second != value)
      changes.push_back({field, value, other->second});
  }
  for (const auto& [field, value] : b)
    if (!in_a.count(field)) changes.push_back({field, std::nullopt, value});
  // In the record's key order; within one field, as each version lists them.
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
