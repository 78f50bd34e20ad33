#include "inovasi/render/records.h"

#include <set>

namespace inovasi {

Table targets_table(const std::vector<const Contract*>& contracts) {
  std::set<Period> quarters;
  for (const Contract* c : contracts)
    for (const Target& t : c->targets)
      for (const auto& [quarter, value] : t.by_period) quarters.insert(quarter);
  Table table{"targets",
              {{"contract"},
               {"target"},
               {"name"},
               {"unit"},
               {"polarity"},
               {"mode"},
               {"weight", CellKind::kNumber},
               {"baseline", CellKind::kNumber}},
              {}};
  for (const Period& q : quarters) table.columns.push_back({q.str(), CellKind::kNumber});
  for (const Contract* c : contracts)
    for (const Target& t : c->targets) {
      std::vector<std::string> row = {c->id,
                                      t.id,
                                      t.name,
                                      t.unit,
                                      std::string(token(t.polarity)),
                                      std::string(token(t.mode)),
                                      format_value(t.weight),
                                      t.baseline ? format_value(*t.baseline) : ""};
      for (const Period& q : quarters) {
        auto value = t.by_period.find(q);
        row.push_back(value == t.by_period.end() ? "" : format_value(value->second));
      }
      table.rows.push_back(std::move(row));
    }
  return table;
}

template <class R>
static void add_keyed(yaml::Node& root, const char* name, const Records& records) {
  yaml::Node keyed = yaml::Node::map();
  for (const auto& s : records.all<R>())
    keyed.entries.push_back({record_key(s.record), {}, encode_node(s.record, 0)});
  root.entries.push_back({name, {}, std::move(keyed)});
}

static std::string keyed_json(yaml::Node root, const Records& records) {
  add_keyed<Unit>(root, "units", records);
  add_keyed<Idea>(root, "ideas", records);
  add_keyed<Contract>(root, "contracts", records);
  add_keyed<Report>(root, "reports", records);
  add_keyed<Regulation>(root, "regulations", records);
  return to_json(root) + "\n";
}

std::string programme_json(const Records& records) {
  yaml::Node root = yaml::Node::map();
  if (records.programme)
    root.entries.push_back({"programme", {}, encode_node(records.programme->record, 0)});
  return keyed_json(std::move(root), records);
}

std::string workspace_json(const std::vector<std::pair<std::string, Programme>>& programmes,
                           const Records& records) {
  yaml::Node root = yaml::Node::map();
  yaml::Node keyed = yaml::Node::map();
  for (const auto& [name, programme] : programmes)
    keyed.entries.push_back({name, {}, encode_node(programme, 0)});
  root.entries.push_back({"programmes", {}, std::move(keyed)});
  return keyed_json(std::move(root), records);
}

}  // namespace inovasi
