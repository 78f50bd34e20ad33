#include "inovasi/importer/targets.h"

#include <algorithm>

#include "inovasi/importer/import.h"
#include "inovasi/store/csv_codec.h"
#include "inovasi/store/yaml_doc.h"
#include "inovasi/util/csv.h"
#include "inovasi/util/messages.h"
#include "inovasi/util/text.h"

namespace inovasi {

TargetsByContract read_targets_yaml(const std::string& path, const std::string& text,
                                    Findings& findings) {
  TargetsByContract out;
  yaml::Node root = yaml::parse(text, path, findings, yaml::Kind::kSequence);
  if (findings.has_errors()) return out;
  Origin origin;
  origin.path = path;
  DecodeContext ctx{path, findings, origin};
  decode_node(root, out[""].targets, 0, "targets", ctx);
  // One origin for all: field names already carry their targets[k] prefix.
  // (A copy for each target held every target's fields once per target: a
  // 1 MiB file of 14,000 targets took more than 6 GB.)
  if (!out[""].targets.empty()) out[""].origins.push_back(std::move(origin));
  return out;
}

TargetsByContract read_targets_csv(const std::string& path, const std::string& text,
                                   Findings& findings, char separator) {
  TargetsByContract out;
  std::optional<csv::Document> parsed = read_csv_document(path, text, findings, separator);
  if (!parsed) return out;
  const csv::Document& doc = *parsed;
  // The target's own columns, with "target" for its id.
  std::vector<std::string> known = {"contract", "target"};
  for (const auto& c : csv_columns<Target>())
    if (c != "id") known.push_back(c);
  std::vector<std::string> names;
  std::map<std::size_t, Period> quarters;
  text::Nearest nearest(known);
  for (std::size_t c = 0; c < doc.records[0].fields.size(); ++c) {
    const auto& field = doc.records[0].fields[c];
    std::string name(text::trim(field.text));
    names.push_back(name);
    if (name.empty()) continue;
    if (auto period = Period::parse(name)) {
      if (!period->is_quarter())
        findings.error(path, {field.line, field.column},
                       msg("column '{}': target values are per quarter (YYYY-Qn)", name));
      quarters[c] = *period;
    } else if (std::find(known.begin(), known.end(), name) == known.end()) {
      std::string message = unknown_column(name, nearest);
      findings.error(path, {field.line, field.column},
                     message + tr("; the other columns must be quarters such as 2018-Q3"));
    }
  }
  if (findings.has_errors()) return out;
  for (std::size_t r = 1; r < doc.records.size(); ++r) {
    const auto& record = doc.records[r];
    std::map<std::string, CsvCell> cells;
    std::string contract;
    Target target;
    for (std::size_t c = 0; c < record.fields.size() && c < names.size(); ++c) {
      const auto& field = record.fields[c];
      Mark mark{field.line, field.column};
      std::string value(text::trim(field.text));
      if (names[c].empty() || value.empty()) continue;
      if (auto q = quarters.find(c); q != quarters.end()) {
        double number = 0;
        if (auto error = parse_value(value, number))
          findings.error(path, mark, column_label(names[c], false) + ": " + *error);
        else
          target.by_period[q->second] = number;
      } else if (names[c] == "contract") {
        contract = value;
      } else {
        cells[names[c] == "target" ? "id" : names[c]] = CsvCell{csv::unneutralise(value), mark};
      }
    }
    check_row_width(path, record, names, findings);
    Origin origin;
    origin.form = Origin::Form::kCsv;
    auto by_period = std::move(target.by_period);
    std::size_t before = findings.size();
    target = decode_csv_row<Target>(cells, path, {record.line, 1}, findings, origin);
    // The target's id is the "target" column here; the messages about it
    // begin with its label, in either language.
    const std::string id_label = column_label("id", false);
    for (std::size_t k = before; k < findings.size(); ++k) {
      std::string& message = findings.items()[k].message;
      if (message.starts_with(id_label))
        message.replace(0, id_label.size(), column_label("target", false));
    }
    target.by_period = std::move(by_period);
    for (const auto& [column, period] : quarters)
      if (column < record.fields.size())
        origin.fields.emplace_back("by_period." + period.str(),
                                   Mark{record.fields[column].line, record.fields[column].column});
    origin.path = path;
    origin.mark = {record.line, 1};
    out[contract].targets.push_back(std::move(target));
    out[contract].origins.push_back(std::move(origin));
  }
  return out;
}

}  // namespace inovasi
