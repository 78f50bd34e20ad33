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

// A field as one line of text, and a list's items too.
struct FlatValue {
  std::string path, text;
  std::optional<std::vector<std::string>> items;
};
using Flat = std::vector<FlatValue>;

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
  FlatValue value{path, inline_text(n), std::nullopt};
  if (n.kind == yaml::Kind::kSequence) {
    value.items.emplace();
    for (const auto& item : n.items) value.items->push_back(inline_text(item));
  }
  out.push_back(std::move(value));
}

// The items of `from` that `to` does not have, in order, each counted once
// per time it is missing.
std::vector<std::string> missing(const std::vector<std::string>& from,
                                 const std::vector<std::string>& to) {
  std::map<std::string, int> left;
  for (const auto& item : to) ++left[item];
  std::vector<std::string> out;
  for (const auto& item : from)
    if (left[item]-- <= 0) out.push_back(item);
  return out;
}

constexpr std::size_t kWidest = 60;

std::string shown_value(const std::string& value) {
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
  std::map<std::string, const FlatValue*> in_a, in_b;
  for (const auto& v : a) in_a[v.path] = &v;
  for (const auto& v : b) in_b[v.path] = &v;
  std::vector<FieldChange> changes;
  for (const auto& v : a) {
    auto other = in_b.find(v.path);
    if (other == in_b.end()) {
      changes.push_back({v.path, v.text, std::nullopt, {}, {}});
    } else if (other->second->text != v.text) {
      FieldChange change{v.path, v.text, other->second->text, {}, {}};
      if (v.items && other->second->items) {
        change.removed = missing(*v.items, *other->second->items);
        change.added = missing(*other->second->items, *v.items);
      }
      changes.push_back(std::move(change));
    }
  }
  for (const auto& v : b)
    if (!in_a.count(v.path)) changes.push_back({v.path, std::nullopt, v.text, {}, {}});
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
  bool fits = text::display_width(*change.before) <= kWidest &&
              text::display_width(*change.after) <= kWidest;
  if (!fits && (!change.removed.empty() || !change.added.empty())) {
    std::vector<std::string> items;
    for (const auto& item : change.removed) items.push_back("- " + shown_value(item));
    for (const auto& item : change.added) items.push_back("+ " + shown_value(item));
    return change.field + ": " + text::join(items, ", ");
  }
  return change.field + ": " + shown_value(*change.before) + " → " + shown_value(*change.after);
}

}  // namespace inovasi
