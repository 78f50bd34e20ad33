// Builders of dates, periods and records for the unit tests, so that a test
// states only the fields it is about. Each one REQUIREs what it parses.
#pragma once
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "inovasi/model/date.h"
#include "inovasi/model/period.h"
#include "inovasi/model/records.h"
#include "inovasi/model/snapshot.h"

namespace test {

// The calendar day y-m-d, which must exist.
inline inovasi::Date ymd(int y, int m, int d) {
  auto date = inovasi::Date::from_ymd(y, m, d);
  REQUIRE(date.has_value());
  return *date;
}

// The period written as text ("2018-Q3", "2018-H2", "2018"), which must parse.
inline inovasi::Period p(std::string_view text) {
  auto period = inovasi::Period::parse(text);
  REQUIRE_MESSAGE(period.has_value(), "'" << text << "' should parse");
  return *period;
}

// A target named by its id, with a value per period.
inline inovasi::Target target(const char* id, inovasi::Polarity polarity, inovasi::TargetMode mode,
                              double weight, std::map<inovasi::Period, double> by_period) {
  inovasi::Target t;
  t.id = id;
  t.name = id;
  t.polarity = polarity;
  t.mode = mode;
  t.weight = weight;
  t.by_period = std::move(by_period);
  return t;
}

// A dinas called `name`, or "Unit <id>" when no name is given.
inline inovasi::Unit unit(const char* id, std::string name = {}) {
  inovasi::Unit u;
  u.id = id;
  u.name = name.empty() ? std::string("Unit ") + id : std::move(name);
  u.kind = inovasi::UnitKind::kDinas;
  return u;
}

// A contract of a unit from start to end, with its targets.
inline inovasi::Contract contract(const char* id, const char* unit_id, inovasi::Date start,
                                  inovasi::Date end, std::vector<inovasi::Target> targets = {}) {
  inovasi::Contract c;
  c.id = id;
  c.unit = unit_id;
  c.start = start;
  c.end = end;
  c.targets = std::move(targets);
  return c;
}

// A contract's report for a period, submitted on a day, with actuals by target id.
inline inovasi::Report report(const char* contract_id, const char* period, inovasi::Date submitted,
                              std::map<std::string, double> actual) {
  inovasi::Report r;
  r.contract = contract_id;
  r.period = p(period);
  r.submitted = submitted;
  r.actual = std::move(actual);
  return r;
}

// An idea of a unit, titled by its id, at a stage.
inline inovasi::Idea idea(const char* id, const char* unit_id,
                          inovasi::Stage stage = inovasi::Stage::kInitiative) {
  inovasi::Idea i;
  i.id = id;
  i.title = id;
  i.unit = unit_id;
  i.stage = stage;
  return i;
}

// Puts a record into the records as if loaded from no file.
template <class R>
void add(inovasi::Records& records, R record) {
  records.put(inovasi::Stored<R>{std::move(record), {}});
}

// Sets the programme, named "Inovasi Daerah" for "Kabupaten Tuban".
inline void set_programme(inovasi::Records& records, inovasi::Programme programme) {
  programme.name = "Inovasi Daerah";
  programme.region = "Kabupaten Tuban";
  records.programme = inovasi::Stored<inovasi::Programme>{std::move(programme), {}};
}

}  // namespace test
