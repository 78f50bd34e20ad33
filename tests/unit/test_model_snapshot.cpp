// Records: put_all merges a batch into the sorted lists, moving its records.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "inovasi/model/snapshot.h"

using namespace inovasi;
using Strings = std::vector<std::string>;

namespace {

Stored<Unit> unit(const std::string& id, const std::string& name) {
  Stored<Unit> s;
  s.record.id = id;
  s.record.name = name;
  return s;
}

Strings listed(const Records& records) {
  Strings out;
  for (const auto& s : records.units) out.push_back(s.record.id + "=" + s.record.name);
  return out;
}

}  // namespace

TEST_CASE("put_all sorts a batch in, replaces records it has, and keeps the last of a key") {
  Records records;
  SUBCASE("into an empty list") {
    records.put_all(std::vector<Stored<Unit>>{unit("d", "1"), unit("b", "2"), unit("c", "3"),
                                              unit("b", "4"), unit("a", "5")});
    CHECK(listed(records) == Strings{"a=5", "b=4", "c=3", "d=1"});
  }
  SUBCASE("into a list that has some of them") {
    records.units = {unit("b", "old"), unit("e", "old")};
    records.put_all(std::vector<Stored<Unit>>{unit("f", "1"), unit("e", "2"), unit("a", "3"),
                                              unit("c", "4"), unit("e", "5")});
    CHECK(listed(records) == Strings{"a=3", "b=old", "c=4", "e=5", "f=1"});
  }
  SUBCASE("a long batch in reverse order, each key twice") {
    std::vector<Stored<Unit>> batch;
    for (int round = 0; round < 2; ++round)
      for (int k = 999; k >= 0; --k)
        batch.push_back(unit("u" + std::to_string(1000 + k), std::to_string(round)));
    records.put_all(std::move(batch));
    REQUIRE(records.units.size() == 1000);
    for (int k = 0; k < 1000; ++k)
      CHECK(records.units[static_cast<std::size_t>(k)].record.id == "u" + std::to_string(1000 + k));
    CHECK(records.units.front().record.name == "1");
  }
}
