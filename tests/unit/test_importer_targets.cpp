// A contract's targets read from a file: the wide CSV of performance
// agreements (a column per quarter) and a YAML list as under `targets:`.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "builders.h"
#include "inovasi/importer/targets.h"

using namespace inovasi;
using namespace test;

namespace {

// Every finding, one "path:line:col: level: message" a line, in the order
// the command line prints them (by path, line and column).
std::string messages(Findings findings) {
  findings.sort();
  std::string out;
  for (const auto& f : findings.items()) out += format(f) + "\n";
  return out;
}

// by_period as "2018-Q2=50 2018-Q3=40", for readable comparisons.
std::string values(const Target& t) {
  std::string out;
  for (const auto& [p, v] : t.by_period) {
    if (!out.empty()) out += " ";
    out += p.str() + "=" + std::to_string(v).substr(0, std::to_string(v).find('.') + 2);
  }
  return out;
}

const char* kWideHeader =
    "target,name,unit,polarity,mode,weight,baseline,2018-Q2,2018-Q3,2018-Q4,2019-Q1,2019-Q2,"
    "2019-Q3,2019-Q4,2020-Q1\n";

}  // namespace

TEST_CASE("read_targets_csv reads one target a row with a column per quarter (8 quarters)") {
  std::string text = std::string(kWideHeader) +
                     "waktu-tunggu,Rata-rata waktu tunggu pendaftaran,menit,lower,cumulative,2,60,"
                     "50,40,30,20,18,16,14,12\n"
                     "pengguna,Pengguna aplikasi antrean,orang,higher,per-period,1,,100,200,300,"
                     "400,500,600,700,800.5\n"
                     "kepuasan,Indeks kepuasan pasien,indeks,,,,,,,80,,,,85,\n";
  Findings findings;
  TargetsByContract out = read_targets_csv("targets.csv", text, findings);
  CHECK(messages(findings) == "");
  REQUIRE(out.size() == 1);
  REQUIRE(out.count(""));
  const auto& targets = out[""].targets;
  REQUIRE(targets.size() == 3);

  const Target& a = targets[0];
  CHECK(a.id == "waktu-tunggu");
  CHECK(a.name == "Rata-rata waktu tunggu pendaftaran");
  CHECK(a.unit == "menit");
  CHECK(a.polarity == Polarity::kLower);
  CHECK(a.mode == TargetMode::kCumulative);
  CHECK(a.weight == 2);
  REQUIRE(a.baseline.has_value());
  CHECK(*a.baseline == 60);
  REQUIRE(a.by_period.size() == 8);
  CHECK(a.by_period.at(p("2018-Q2")) == 50);
  CHECK(a.by_period.at(p("2018-Q4")) == 30);
  CHECK(a.by_period.at(p("2019-Q1")) == 20);
  CHECK(a.by_period.at(p("2020-Q1")) == 12);
  CHECK(a.by_period.begin()->first.str() == "2018-Q2");
  CHECK(a.by_period.rbegin()->first.str() == "2020-Q1");

  const Target& b = targets[1];
  CHECK(b.id == "pengguna");
  CHECK(b.polarity == Polarity::kHigher);
  CHECK(b.mode == TargetMode::kPerPeriod);
  CHECK(b.weight == 1);
  CHECK_FALSE(b.baseline.has_value());
  REQUIRE(b.by_period.size() == 8);
  CHECK(b.by_period.at(p("2020-Q1")) == 800.5);

  // Empty cells take the defaults; an empty quarter has no target.
  const Target& c = targets[2];
  CHECK(c.id == "kepuasan");
  CHECK(c.polarity == Polarity::kHigher);
  CHECK(c.mode == TargetMode::kCumulative);
  CHECK(c.weight == 1);
  CHECK(values(c) == "2018-Q4=80.0 2019-Q4=85.0");
}

TEST_CASE("read_targets_csv groups rows by the contract column") {
  std::string text =
      "contract,target,name,unit,polarity,mode,weight,baseline,2018-Q3,2018-Q4\n"
      "rsud-2018,waktu-tunggu,Waktu tunggu,menit,lower,,,60,40,30\n"
      "pupr-2018,jalan,Jalan mantap,persen,,,,,70,75\n"
      "rsud-2018,pengguna,Pengguna aplikasi,orang,,,,,200,300\n";
  Findings findings;
  TargetsByContract out = read_targets_csv("targets.csv", text, findings);
  CHECK(messages(findings) == "");
  REQUIRE(out.size() == 2);
  REQUIRE(out["rsud-2018"].targets.size() == 2);
  CHECK(out["rsud-2018"].targets[0].id == "waktu-tunggu");
  CHECK(out["rsud-2018"].targets[1].id == "pengguna");
  REQUIRE(out["pupr-2018"].targets.size() == 1);
  CHECK(out["pupr-2018"].targets[0].id == "jalan");
  CHECK(values(out["pupr-2018"].targets[0]) == "2018-Q3=70.0 2018-Q4=75.0");
}

TEST_CASE("read_targets_csv accepts Indonesian polarity and mode words") {
  std::string text =
      "target,name,polarity,mode,2018-Q3\n"
      "a,A,negatif,kumulatif,1\n"
      "b,B,semakin tinggi,per triwulan,1\n"
      "c,C,Turun,Periodik,1\n"
      "d,D,maksimal,per-period,1\n";
  Findings findings;
  TargetsByContract out = read_targets_csv("targets.csv", text, findings);
  CHECK(messages(findings) == "");
  const auto& t = out[""].targets;
  REQUIRE(t.size() == 4);
  CHECK(t[0].polarity == Polarity::kLower);
  CHECK(t[0].mode == TargetMode::kCumulative);
  CHECK(t[1].polarity == Polarity::kHigher);
  CHECK(t[1].mode == TargetMode::kPerPeriod);
  CHECK(t[2].polarity == Polarity::kLower);
  CHECK(t[2].mode == TargetMode::kPerPeriod);
  CHECK(t[3].polarity == Polarity::kHigher);
  CHECK(t[3].mode == TargetMode::kPerPeriod);
}

TEST_CASE("read_targets_csv refuses an unknown column with a suggestion") {
  std::string text =
      "target,name,polarty,weight,2018-Q3\n"
      "a,A,lower,1,10\n";
  Findings findings;
  read_targets_csv("targets.csv", text, findings);
  CHECK(messages(findings) ==
        "targets.csv:1:13: error: unknown column 'polarty' (did you mean 'polarity'?); the other "
        "columns must be quarters such as 2018-Q3\n");
}

TEST_CASE("read_targets_csv refuses half-year and year columns: values are per quarter") {
  std::string text =
      "target,name,2018-Q3,2018-H2,2019\n"
      "a,A,10,20,30\n";
  Findings findings;
  read_targets_csv("targets.csv", text, findings);
  CHECK(messages(findings) ==
        "targets.csv:1:21: error: column '2018-H2': target values are per quarter (YYYY-Qn)\n"
        "targets.csv:1:29: error: column '2019': target values are per quarter (YYYY-Qn)\n");
}

TEST_CASE("read_targets_csv refuses a quarter written impossibly as a column") {
  std::string text =
      "target,name,2018-Q5\n"
      "a,A,10\n";
  Findings findings;
  read_targets_csv("targets.csv", text, findings);
  CHECK(messages(findings) ==
        "targets.csv:1:13: error: unknown column '2018-Q5'; the other columns must be quarters "
        "such as 2018-Q3\n");
}

TEST_CASE("read_targets_csv names the line and column of values that are not numbers") {
  std::string text = std::string(kWideHeader) +
                     "waktu-tunggu,Waktu tunggu,menit,lower,,1,60,50,empat puluh,30,20,,,,\n"
                     "pengguna,Pengguna,orang,,,1,0123,100,200,0300,400,,,,\n"
                     "rasio,Rasio,persen,,,x,,1.5,2.,,,,,,\n";
  Findings findings;
  read_targets_csv("targets.csv", text, findings);
  CHECK(messages(findings) ==
        "targets.csv:2:48: error: column '2018-Q3': 'empat puluh' is not a number\n"
        "targets.csv:3:29: error: column 'baseline': '0123' is not a number: leading zeros are "
        "ambiguous (octal in YAML 1.1)\n"
        "targets.csv:3:42: error: column '2018-Q4': '0300' is not a number: leading zeros are "
        "ambiguous (octal in YAML 1.1)\n"
        "targets.csv:4:22: error: column 'weight': 'x' is not a number\n"
        "targets.csv:4:29: error: column '2018-Q3': '2.' is not a number\n");
}

TEST_CASE("read_targets_csv refuses unknown polarity and mode words") {
  std::string text =
      "target,name,polarity,mode,2018-Q3\n"
      "a,A,sideways,,1\n"
      "b,B,,monthly,1\n";
  Findings findings;
  read_targets_csv("targets.csv", text, findings);
  CHECK(messages(findings) ==
        "targets.csv:2:5: error: column 'polarity': 'sideways' is not a polarity (expected higher "
        "or lower)\n"
        "targets.csv:3:6: error: column 'mode': 'monthly' is not a mode (expected cumulative or "
        "per-period)\n");
}

// The id of a target is the CSV's 'target' column; a message about it must
// name that column, not the record field 'id' the file does not have.
TEST_CASE("read_targets_csv requires the target id and name, named as the CSV names them") {
  std::string text =
      "target,name,2018-Q3\n"
      ",Tanpa id,1\n"
      "tanpa-nama,,1\n";
  Findings findings;
  read_targets_csv("targets.csv", text, findings);
  CHECK(messages(findings) ==
        "targets.csv:2:1: error: column 'target' is required\n"
        "targets.csv:3:1: error: column 'name' is required\n");
}

TEST_CASE("read_targets_csv: an empty file, a row longer or shorter than the header") {
  Findings empty;
  read_targets_csv("targets.csv", "", empty);
  CHECK(messages(empty) ==
        "targets.csv:1:1: error: the file is empty; expected a header row naming the columns\n");

  Findings longer;
  read_targets_csv("targets.csv", "target,name,2018-Q3\na,A,1,2\n", longer);
  CHECK(messages(longer) ==
        "targets.csv:2:7: error: row has 4 fields but the header names 3 "
        "columns\n");

  Findings shorter;
  read_targets_csv("targets.csv", "target,name,2018-Q3\na,A\n", shorter);
  CHECK(messages(shorter) ==
        "targets.csv:2:3: error: row has 2 fields but the header names 3 columns\n");

  // Empty columns after the last named one are what spreadsheets add.
  Findings trailing;
  auto read = read_targets_csv("targets.csv", "target,name,2018-Q3,,\na,A,1,,\nb,B,2\n", trailing);
  CHECK(messages(trailing) == "");
  CHECK(read[""].targets.size() == 2);
}

TEST_CASE("read_targets_yaml reads a list of targets as under targets:") {
  std::string text =
      "- id: waktu-tunggu\n"
      "  name: Rata-rata waktu tunggu pendaftaran\n"
      "  unit: menit\n"
      "  polarity: lower\n"
      "  mode: cumulative\n"
      "  baseline: 60\n"
      "  weight: 1\n"
      "  by_period: {2018-Q2: 50, 2018-Q3: 40, 2018-Q4: 30, 2019-Q1: 20}\n"
      "- id: pengguna\n"
      "  name: Pengguna aplikasi\n"
      "  polarity: positif\n"
      "  mode: per triwulan\n"
      "  weight: 0.5\n"
      "  by_period:\n"
      "    2018-Q3: 200\n"
      "    2018-Q4: 300.25\n";
  Findings findings;
  TargetsByContract out = read_targets_yaml("targets.yaml", text, findings);
  CHECK(messages(findings) == "");
  REQUIRE(out.size() == 1);
  const auto& t = out[""].targets;
  REQUIRE(t.size() == 2);
  CHECK(t[0].id == "waktu-tunggu");
  CHECK(t[0].unit == "menit");
  CHECK(t[0].polarity == Polarity::kLower);
  CHECK(t[0].baseline == 60);
  CHECK(values(t[0]) == "2018-Q2=50.0 2018-Q3=40.0 2018-Q4=30.0 2019-Q1=20.0");
  CHECK(t[1].id == "pengguna");
  CHECK(t[1].polarity == Polarity::kHigher);
  CHECK(t[1].mode == TargetMode::kPerPeriod);
  CHECK(t[1].weight == 0.5);
  CHECK_FALSE(t[1].baseline.has_value());
  REQUIRE(t[1].by_period.size() == 2);
  CHECK(t[1].by_period.at(p("2018-Q4")) == 300.25);
}

TEST_CASE("read_targets_yaml reports bad values at their line and column") {
  std::string text =
      "- id: waktu-tunggu\n"
      "  name: Waktu tunggu\n"
      "  baseline: 0123\n"
      "  by_period: {2018-Q5: 50, 2018-Q3: empat}\n"
      "  colour: red\n";
  Findings findings;
  read_targets_yaml("targets.yaml", text, findings);
  CHECK(messages(findings) ==
        "targets.yaml:3:13: error: targets[0].baseline: '0123' is not a number: leading zeros are "
        "ambiguous (octal in YAML 1.1)\n"
        "targets.yaml:4:15: error: targets[0].by_period: '2018-Q5' is not a period: quarters are "
        "Q1 to Q4\n"
        "targets.yaml:4:37: error: targets[0].by_period.2018-Q3: 'empat' is not a number\n"
        "targets.yaml:5:3: error: unknown field 'targets[0].colour'\n");
}

TEST_CASE("read_targets_yaml wants a list") {
  Findings findings;
  read_targets_yaml("targets.yaml", "id: waktu-tunggu\nname: Waktu tunggu\n", findings);
  CHECK(messages(findings) == "targets.yaml:1:1: error: expected a list, found a mapping\n");
}
