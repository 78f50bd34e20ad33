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

namespace {

// Writes one JSON object member by member, with the bytes to_json gives the
// whole tree, gathering small pieces into larger writes.
class JsonObjectWriter {
 public:
  explicit JsonObjectWriter(const TextSink& out) : out_(out) { buffer_ = "{\n"; }
  ~JsonObjectWriter() = default;

  void member(const std::string& name, const yaml::Node& value) {
    open_member(name);
    buffer_ += to_json(value, 2);
    flush_if_full();
  }

  // A member whose value is an object of records keyed by record_key.
  template <class R>
  void keyed(const char* name, const Records& records) {
    open_member(name);
    const auto& all = records.all<R>();
    if (all.empty()) {
      buffer_ += "{}";
      return;
    }
    buffer_ += "{\n";
    for (std::size_t i = 0; i < all.size(); ++i) {
      buffer_ += "    " + json_string(record_key(all[i].record)) + ": " +
                 to_json(encode_node(all[i].record, 0), 4) + (i + 1 < all.size() ? ",\n" : "\n");
      flush_if_full();
    }
    buffer_ += "  }";
  }

  void finish() {
    buffer_ += first_ ? "}\n" : "\n}\n";
    out_(buffer_);
    buffer_.clear();
  }

 private:
  static constexpr std::size_t kChunk = 1 << 16;
  void open_member(std::string_view name) {
    buffer_ += first_ ? "  " : ",\n  ";
    first_ = false;
    buffer_ += json_string(name) + ": ";
  }
  void flush_if_full() {
    if (buffer_.size() < kChunk) return;
    out_(buffer_);
    buffer_.clear();
  }

  const TextSink& out_;
  std::string buffer_;
  bool first_ = true;
};

void write_keyed(JsonObjectWriter& json, const Records& records) {
  json.keyed<Unit>("units", records);
  json.keyed<Idea>("ideas", records);
  json.keyed<Contract>("contracts", records);
  json.keyed<Report>("reports", records);
  json.keyed<Regulation>("regulations", records);
  json.finish();
}

}  // namespace

void write_programme_json(const Records& records, const TextSink& out) {
  JsonObjectWriter json(out);
  if (records.programme) json.member("programme", encode_node(records.programme->record, 0));
  write_keyed(json, records);
}

void write_workspace_json(const std::vector<std::pair<std::string, Programme>>& programmes,
                          const Records& records, const TextSink& out) {
  yaml::Node keyed = yaml::Node::map();
  for (const auto& [name, programme] : programmes)
    keyed.entries.push_back({name, {}, encode_node(programme, 0)});
  JsonObjectWriter json(out);
  json.member("programmes", keyed);
  write_keyed(json, records);
}

}  // namespace inovasi
