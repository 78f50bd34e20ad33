// The evaluation's tables as CSV and JSON, byte for byte; Markdown escaping
// of record text; and the units chart.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "builders.h"
#include "inovasi/model/evaluation.h"
#include "inovasi/render/labels.h"
#include "inovasi/render/summary.h"
#include "inovasi/render/tables.h"

using namespace inovasi;
using namespace test;

namespace {

// Three units (one named like a formula), two ideas, two contracts: one
// scored 85 with an on-time report, one with a negative target and its
// report missing. Evaluated for 2018-Q3 as of 2018-10-15.
Records sample() {
  Records r;
  add(r, unit("rsud", "RSUD dr. R. Koesma"));
  add(r, unit("dinkes", "=SUM(A1:A9)"));
  add(r, unit("bappeda", "Badan Perencanaan, Penelitian dan Pengembangan"));

  Idea online;
  online.id = "antrean-online";
  online.title = "Antrean online";
  online.unit = "rsud";
  online.stage = Stage::kImplemented;
  online.category = Category::kPublicService;
  online.kind = IdeaKind::kDigital;
  online.priority = "misi-2";
  online.indicator = "ikm";
  online.plan = {{"Uji coba loket", ymd(2018, 7, 31), ymd(2018, 8, 1)},
                 {"Sosialisasi", ymd(2018, 9, 1), std::nullopt}};
  add(r, online);
  Idea musrenbang;
  musrenbang.id = "e-musrenbang";
  musrenbang.title = "e-Musrenbang";
  musrenbang.unit = "bappeda";
  musrenbang.stage = Stage::kTrial;
  add(r, musrenbang);

  // Declared out of id order: the targets table sorts them.
  add(r,
      contract("rsud-2018", "rsud", ymd(2018, 4, 1), ymd(2019, 3, 31),
               {target("waktu", Polarity::kLower, TargetMode::kCumulative, 1, {{p("2018-Q3"), 40}}),
                target("pengguna", Polarity::kHigher, TargetMode::kPerPeriod, 2,
                       {{p("2018-Q3"), 500}})}));
  add(r, contract("dinkes-2018", "dinkes", ymd(2018, 1, 1), ymd(2018, 12, 31),
                  {target("selisih", Polarity::kHigher, TargetMode::kCumulative, 1,
                          {{p("2018-Q3"), -10}})}));

  add(r, report("rsud-2018", "2018-Q3", ymd(2018, 10, 8), {{"waktu", 42}, {"pengguna", 400}}));
  return r;
}

std::string table_text(const PeriodEvaluation& e, const char* name,
                       Language language = Language::kEn) {
  return table_csv(evaluation_table(name, e, Labels::get(language)));
}

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("tables format_number gives two decimals or nothing") {
  CHECK(format_number(87.5) == "87.50");
  CHECK(format_number(std::nullopt) == "");
  CHECK(format_number(-0.0001) == "0.00");
  CHECK(format_number(-0.0) == "0.00");
  CHECK(format_number(2.0 / 3) == "0.67");
  CHECK(format_number(0) == "0.00");
  CHECK(format_number(120) == "120.00");
  CHECK(format_number(-12.5) == "-12.50");
  CHECK(format_number(1234567) == "1234567.00");
}

TEST_CASE("tables the header rows of the four tables") {
  Records r;
  PeriodEvaluation e = evaluate(r, p("2018-Q3"), ymd(2018, 10, 15));
  CHECK(table_text(e, "contracts") ==
        "contract,unit,period,score,band,reports_due,reports_on_time,reports_late,"
        "reports_missing\n");
  CHECK(
      table_text(e, "targets") ==
      "contract,target,period,polarity,mode,weight,target_value,actual_value,achievement,reason\n");
  CHECK(table_text(e, "units") ==
        "unit,name,ideas,initiative,trial,implemented,dropped,contracts,mean_score,"
        "reports_missing\n");
  CHECK(table_text(e, "ideas") ==
        "idea,unit,stage,category,kind,priority,indicator,plan_steps,plan_done,plan_overdue\n");

  // The same headers with rows, and in either language.
  Records records = sample();
  PeriodEvaluation full = evaluate(records, p("2018-Q3"), ymd(2018, 10, 15));
  for (const char* name : {"contracts", "targets", "units", "ideas"}) {
    CAPTURE(std::string(name));
    CHECK(first_line(table_text(full, name, Language::kId)) + "\n" == table_text(e, name));
    CHECK(first_line(table_text(full, name, Language::kEn)) + "\n" == table_text(e, name));
  }
  CHECK(std::vector<std::string_view>(std::begin(kTableNames), std::end(kTableNames)) ==
        std::vector<std::string_view>{"contracts", "targets", "units", "ideas"});
  CHECK_THROWS_WITH_AS(evaluation_table("scores", e, Labels::get(Language::kEn)),
                       "no table named 'scores'", std::invalid_argument);
}

TEST_CASE("tables the four tables of a small programme byte for byte") {
  Records r = sample();
  PeriodEvaluation e = evaluate(r, p("2018-Q3"), ymd(2018, 10, 15));

  CHECK(table_text(e, "contracts") ==
        "contract,unit,period,score,band,reports_due,reports_on_time,reports_late,"
        "reports_missing\n"
        "dinkes-2018,dinkes,2018-Q3,0.00,Very low,1,0,0,1\n"
        "rsud-2018,rsud,2018-Q3,85.00,High,1,1,0,0\n");
  // Rows by contract, then by target id; a negative number is left as it is.
  // dinkes-2018's report, due 2018-10-10, is missing: its target scores 0.
  CHECK(table_text(e, "targets") ==
        "contract,target,period,polarity,mode,weight,target_value,actual_value,achievement,"
        "reason\n"
        "dinkes-2018,selisih,2018-Q3,higher,cumulative,1.00,-10.00,,0.00,missing\n"
        "rsud-2018,pengguna,2018-Q3,higher,per-period,2.00,500.00,400.00,80.00,\n"
        "rsud-2018,waktu,2018-Q3,lower,cumulative,1.00,40.00,42.00,95.00,\n");
  // A name a spreadsheet would run as a formula is neutralised; one with a
  // comma is quoted.
  CHECK(table_text(e, "units") ==
        "unit,name,ideas,initiative,trial,implemented,dropped,contracts,mean_score,"
        "reports_missing\n"
        "bappeda,\"Badan Perencanaan, Penelitian dan Pengembangan\",1,0,1,0,0,0,,0\n"
        "dinkes,'=SUM(A1:A9),0,0,0,0,0,1,0.00,1\n"
        "rsud,RSUD dr. R. Koesma,1,0,0,1,0,1,85.00,0\n");
  CHECK(table_text(e, "ideas") ==
        "idea,unit,stage,category,kind,priority,indicator,plan_steps,plan_done,plan_overdue\n"
        "antrean-online,rsud,implemented,public-service,digital,misi-2,ikm,2,1,1\n"
        "e-musrenbang,bappeda,trial,,,,,0,0,0\n");
}

TEST_CASE("tables text cells are neutralised and number cells are not") {
  Table t{"t",
          {{"name"}, {"delta", CellKind::kNumber}, {"n", CellKind::kCount}},
          {{"-5", "-5.00", "-1"}, {"+62 812", "+1", "0"}, {"@home", "1.50", "2"}, {"ok", "", "3"}}};
  CHECK(table_csv(t) ==
        "name,delta,n\n"
        "'-5,-5.00,-1\n"
        "'+62 812,+1,0\n"
        "'@home,1.50,2\n"
        "ok,,3\n");
}

TEST_CASE("tables band labels are in the chosen language") {
  Records records = sample();  // the evaluation points into it
  PeriodEvaluation e = evaluate(records, p("2018-Q3"), ymd(2018, 10, 15));
  Table id = evaluation_table("contracts", e, Labels::get(Language::kId));
  Table en = evaluation_table("contracts", e, Labels::get(Language::kEn));
  REQUIRE(id.rows.size() == 2);
  REQUIRE(en.rows.size() == 2);
  CHECK(id.rows[1][4] == "Tinggi");
  CHECK(en.rows[1][4] == "High");
  CHECK(id.rows[0][4] == "Sangat Rendah");
  CHECK(en.rows[0][4] == "Very low");
}

TEST_CASE("tables table_json has null for empty cells and numbers unquoted") {
  Records records = sample();  // the evaluation points into it
  PeriodEvaluation e = evaluate(records, p("2018-Q3"), ymd(2018, 10, 15));
  Table contracts = evaluation_table("contracts", e, Labels::get(Language::kEn));
  CHECK(table_json(contracts) ==
        "[\n"
        "  {\"contract\": \"dinkes-2018\", \"unit\": \"dinkes\", \"period\": \"2018-Q3\", "
        "\"score\": 0.00, \"band\": \"Very low\", \"reports_due\": 1, \"reports_on_time\": 0, "
        "\"reports_late\": 0, \"reports_missing\": 1},\n"
        "  {\"contract\": \"rsud-2018\", \"unit\": \"rsud\", \"period\": \"2018-Q3\", "
        "\"score\": 85.00, \"band\": \"High\", \"reports_due\": 1, \"reports_on_time\": 1, "
        "\"reports_late\": 0, \"reports_missing\": 0}\n"
        "]");

  Table t{"t",
          {{"name"}, {"delta", CellKind::kNumber}, {"n", CellKind::kCount}},
          {{"Dinas \"A\"\nbaris 2", "-5.00", "3"}, {"", "", "0"}}};
  CHECK(table_json(t) ==
        "[\n"
        "  {\"name\": \"Dinas \\\"A\\\"\\nbaris 2\", \"delta\": -5.00, \"n\": 3},\n"
        "  {\"name\": null, \"delta\": null, \"n\": 0}\n"
        "]");
  CHECK(table_json(t, 2) ==
        "[\n"
        "    {\"name\": \"Dinas \\\"A\\\"\\nbaris 2\", \"delta\": -5.00, \"n\": 3},\n"
        "    {\"name\": null, \"delta\": null, \"n\": 0}\n"
        "  ]");
  t.rows.clear();
  CHECK(table_json(t) == "[]");
  CHECK(table_json(t, 4) == "[]");
}

TEST_CASE("tables markdown_text escapes Markdown punctuation and line breaks") {
  CHECK(markdown_text("a|b*c_d[e]f<g>h#i&j\\k`l~m!n$o\np") ==
        "a\\|b\\*c\\_d\\[e\\]f\\<g\\>h\\#i\\&j\\\\k\\`l\\~m\\!n\\$o<br>p");
  CHECK(markdown_text("|") == "\\|");
  CHECK(markdown_text("baris 1\r\nbaris 2\rbaris 3\n") == "baris 1<br>baris 2<br>baris 3<br>");
  CHECK(markdown_text("RSUD dr. R. Koesma (2018) - 50%, ok?") ==
        "RSUD dr. R. Koesma (2018) - 50%, ok?");
  CHECK(markdown_text("Pelayanan · Kecamatan") == "Pelayanan · Kecamatan");
  CHECK(markdown_text("") == "");
}

namespace {

UnitResult scored(const Unit& u, std::optional<double> mean) {
  UnitResult r;
  r.unit = &u;
  r.contracts = mean ? 1 : 0;
  r.mean_score = mean;
  return r;
}

std::vector<std::string> bars(const std::string& svg) {
  std::vector<std::string> out;
  for (std::size_t at = svg.find("<rect x="); at != std::string::npos;
       at = svg.find("<rect x=", at + 1))
    out.push_back(svg.substr(at, svg.find('>', at) - at + 1));
  return out;
}

}  // namespace

TEST_CASE("tables units_chart_svg draws one bar per scored unit, highest first") {
  Unit low = unit("a-low", "Dinas B");
  Unit high = unit("b-high", "Litbang R&D <Unit>");
  Unit none = unit("c-none", "Kecamatan Tanpa Nilai");
  PeriodEvaluation e;
  e.period = p("2018-H2");
  e.as_of = ymd(2019, 1, 15);
  e.bands = Programme{}.bands();
  e.units = {scored(low, 50), scored(high, 100), scored(none, std::nullopt)};

  std::string svg = units_chart_svg(e, Labels::get(Language::kEn));
  CHECK(svg.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));
  CHECK(svg.ends_with("</svg>\n"));
  std::vector<std::string> b = bars(svg);
  REQUIRE(b.size() == 2);
  for (const std::string& bar : b) CHECK(bar.find(" fill=\"#") != std::string::npos);
  // Coloured by band: Very high and Very low differ.
  CHECK(b[0].substr(b[0].find("fill=")) != b[1].substr(b[1].find("fill=")));
  CHECK(svg.find("Litbang R&amp;D &lt;Unit&gt;") != std::string::npos);
  CHECK(svg.find("R&D") == std::string::npos);
  CHECK(svg.find("<Unit>") == std::string::npos);
  CHECK(svg.find("Litbang R&amp;D") < svg.find("Dinas B"));
  CHECK(svg.find("Kecamatan Tanpa Nilai") == std::string::npos);
  CHECK(svg.find("Scores by unit, Second half of 2018") != std::string::npos);
  CHECK(svg.find("No scores in this period.") == std::string::npos);
  CHECK(count(svg, "<text") == count(svg, "</text>"));
  CHECK(count(svg, "<rect x=") == count(svg, "</rect>"));

  std::string svg_id = units_chart_svg(e, Labels::get(Language::kId));
  CHECK(svg_id.find("Nilai per OPD, Semester II 2018") != std::string::npos);
  CHECK(bars(svg_id).size() == 2);
}

TEST_CASE("tables units_chart_svg with no scored unit says so") {
  Unit none = unit("c-none", "Kecamatan Tanpa Nilai");
  PeriodEvaluation e;
  e.period = p("2018-Q3");
  e.as_of = ymd(2018, 10, 15);
  e.bands = Programme{}.bands();
  e.units = {scored(none, std::nullopt)};

  for (Language language : {Language::kId, Language::kEn}) {
    CAPTURE(token(language));
    const Labels& labels = Labels::get(language);
    std::string svg = units_chart_svg(e, labels);
    CHECK(svg.starts_with("<?xml"));
    CHECK(svg.ends_with("</svg>\n"));
    CHECK(svg.find(">" + labels["chart-empty"] + "</text>") != std::string::npos);
    CHECK(bars(svg).empty());
  }
  e.units.clear();
  CHECK(units_chart_svg(e, Labels::get(Language::kEn)).find("No scores in this period.") !=
        std::string::npos);
}
