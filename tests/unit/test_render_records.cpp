// Records as tables: the column kinds the import layouts give (numbers,
// dates, text), which the workbook writer turns into number and date cells.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "inovasi/render/markdown.h"
#include "inovasi/render/records.h"

using namespace inovasi;

namespace {

CellKind kind_of(const Table& table, const std::string& name) {
  for (const Column& c : table.columns)
    if (c.name == name) return c.kind;
  FAIL("no column " << name);
  return CellKind::kText;
}

}  // namespace

TEST_CASE("records_table: Date fields are kDate, numbers kNumber, the rest kText") {
  Table contracts = records_table(std::vector<const Contract*>{});
  CHECK(kind_of(contracts, "signed") == CellKind::kDate);
  CHECK(kind_of(contracts, "start") == CellKind::kDate);
  CHECK(kind_of(contracts, "end") == CellKind::kDate);
  CHECK(kind_of(contracts, "id") == CellKind::kText);
  CHECK(kind_of(contracts, "ideas") == CellKind::kText);  // a list in one cell

  Table ideas = records_table(std::vector<const Idea*>{});
  CHECK(kind_of(ideas, "submitted") == CellKind::kDate);
  CHECK(kind_of(ideas, "trial_date") == CellKind::kDate);
  CHECK(kind_of(ideas, "budget") == CellKind::kNumber);
  CHECK(kind_of(ideas, "plan") == CellKind::kText);  // steps with dates, in one cell
  CHECK(kind_of(ideas, "proposer_name") == CellKind::kText);

  Table reports = records_table(std::vector<const Report*>{});
  CHECK(kind_of(reports, "submitted") == CellKind::kDate);
  CHECK(kind_of(reports, "period") == CellKind::kText);
  CHECK(contracts.columns.size() == csv_columns<Contract>().size());
}

TEST_CASE("a date column is text in CSV, JSON and Markdown: quoted, neutralised, left-aligned") {
  Table table{"t", {{"name"}, {"on", CellKind::kDate}, {"n", CellKind::kCount}}, {}};
  table.rows = {{"a", "2018-07-01", "3"}, {"b", "", ""}};
  CHECK(table_csv(table) == "name,on,n\na,2018-07-01,3\nb,,\n");
  CHECK(table_json(table) ==
        "[\n  {\"name\": \"a\", \"on\": \"2018-07-01\", \"n\": 3},\n"
        "  {\"name\": \"b\", \"on\": null, \"n\": null}\n]");
  CHECK(table_markdown(table).find("|---|---|---:|") != std::string::npos);
}
