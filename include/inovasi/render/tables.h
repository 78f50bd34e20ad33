// The evaluation's tables (contracts, targets, units, ideas) as rows of
// cells, and the CSV and JSON they are written as.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "inovasi/model/evaluation.h"
#include "inovasi/model/workspace.h"
#include "inovasi/render/labels.h"
#include "inovasi/util/csv.h"

namespace inovasi {

// kDate: a YYYY-MM-DD date, text in CSV, JSON and Markdown, a date cell in
// a workbook.
enum class CellKind { kText, kCount, kNumber, kDate };

// A count or a number: right-aligned, never neutralised, a number in JSON.
inline bool is_number(CellKind kind) {
  return kind == CellKind::kCount || kind == CellKind::kNumber;
}

struct Column {
  std::string name;
  CellKind kind = CellKind::kText;
};

struct Table {
  std::string name;  // contracts, targets, units, ideas
  std::vector<Column> columns;
  std::vector<std::vector<std::string>> rows;  // sorted by id; "" when not computable
};

inline constexpr std::string_view kTableNames[] = {"contracts", "targets", "units", "ideas"};

// A table by name (one of kTableNames); bands are labelled in labels' language.
Table evaluation_table(std::string_view name, const PeriodEvaluation& evaluation,
                       const Labels& labels);

// Several programmes evaluated together, one row each, by name: programme,
// name, region, then the counts of the summary's headline.
Table programmes_table(const CombinedEvaluation& evaluation);

// Two decimals ("87.50"), or "" when there is no value.
std::string format_number(std::optional<double> value);

// RFC 4180 with a header row; text cells a spreadsheet would run as a
// formula are neutralised, numbers are left as they are.
std::string table_csv(const Table& table, const csv::Style& style = {});
// An array of objects, one per row; numbers are numbers, an empty cell is null.
std::string table_json(const Table& table, int indent = 0);

}  // namespace inovasi
