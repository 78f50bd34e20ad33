// Records as tables in the layouts their imports take (so that an export
// edited in a spreadsheet imports back), and as JSON.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "inovasi/model/snapshot.h"
#include "inovasi/render/tables.h"
#include "inovasi/store/csv_codec.h"
#include "inovasi/store/json.h"

namespace inovasi {

// Whether each CSV column holds one date, walking the fields as CsvColumns
// does (nested fields flattened, lists in one cell, kNoCsv fields left out).
class DateColumns {
 public:
  template <class T>
  void operator()(const char*, const T&, unsigned flags = 0) {
    using U = typename Unwrap<T>::type;
    if (flags & kNoCsv) return;
    if constexpr (!IsVector<U>::value && is_struct<U>()) {
      U probe{};
      U::fields(probe, *this);
    } else {
      dates.push_back(std::is_same_v<U, Date>);
    }
  }
  std::vector<bool> dates;
};

// The columns of R's --from import, one row per record; numbers are kNumber,
// dates kDate.
template <class R>
Table records_table(const std::vector<const R*>& records) {
  CsvColumns layout = csv_layout<R>();
  DateColumns dates;
  R probe{};
  R::fields(probe, dates);
  Table table{R::kFolder, {}, {}};
  for (std::size_t i = 0; i < layout.names.size(); ++i)
    table.columns.push_back({layout.names[i], layout.numeric[i] ? CellKind::kNumber
                                              : i < dates.dates.size() && dates.dates[i]
                                                  ? CellKind::kDate
                                                  : CellKind::kText});
  for (const R* r : records) table.rows.push_back(encode_csv_row(*r));
  return table;
}

template <class R>
std::vector<const R*> all_of(const Records& records) {
  std::vector<const R*> list;
  for (const auto& s : records.all<R>()) list.push_back(&s.record);
  return list;
}

// The wide targets layout of sign-contract --targets: contract, target, name,
// unit, polarity, mode, weight, baseline, then a column per quarter that any
// target has a value for, in order.
Table targets_table(const std::vector<const Contract*>& contracts);

// An array of the records as objects, fields as in their YAML files.
template <class R>
std::string records_json(const std::vector<const R*>& records) {
  yaml::Node array = yaml::Node::sequence();
  for (const R* r : records) array.items.push_back(encode_node(*r, 0));
  return to_json(array) + "\n";
}

// Where a document written piece by piece goes: a large programme's JSON is
// written a record at a time, never held whole.
using TextSink = std::function<void(std::string_view)>;

// The whole programme as one object: "programme", then each record type
// keyed by id (a report by CONTRACT/PERIOD).
void write_programme_json(const Records& records, const TextSink& out);

// Several programmes as one object: "programmes", each inovasi.yaml keyed by
// the programme's name, then each record type keyed by qualified id. records
// holds every programme's records, qualified (qualified_records).
void write_workspace_json(const std::vector<std::pair<std::string, Programme>>& programmes,
                          const Records& records, const TextSink& out);

}  // namespace inovasi
