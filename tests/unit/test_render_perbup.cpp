// The perbup annex's pieces: which regulation is in force, what an
// amendment adds and removes, which ideas wait for the next amendment, and
// markup in record text staying text.
#include <doctest/doctest.h>

#include "builders.h"
#include "inovasi/render/perbup.h"

using namespace inovasi;
using test::add;
using test::idea;
using test::ymd;

namespace {

Regulation regulation(const char* id, Date date, std::vector<std::string> ideas,
                      const char* amends = "") {
  Regulation g;
  g.id = id;
  g.number = std::string("Perbup ") + id;
  g.date = date;
  g.amends = amends;
  g.ideas = std::move(ideas);
  return g;
}

std::vector<std::string> ids(const std::vector<const Idea*>& ideas) {
  std::vector<std::string> out;
  for (const Idea* i : ideas) out.push_back(i->id);
  return out;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("perbup the regulation in force is the latest, then the furthest amended, then by id") {
  Records records;
  CHECK(regulation_in_force(records) == nullptr);
  add(records, regulation("b", ymd(2018, 8, 27), {}));
  CHECK(regulation_in_force(records)->id == "b");
  add(records, regulation("a", ymd(2018, 12, 20), {}, "b"));
  CHECK(regulation_in_force(records)->id == "a");
  // Same date as "a", amending it: further down the chain, though its id sorts first.
  add(records, regulation("0", ymd(2018, 12, 20), {}, "a"));
  CHECK(regulation_in_force(records)->id == "0");
  // Same date and depth: the greater id.
  add(records, regulation("1", ymd(2018, 12, 20), {}, "a"));
  CHECK(regulation_in_force(records)->id == "1");
}

TEST_CASE("perbup the in-force rule survives a cycle of amends") {
  Records records;
  add(records, regulation("a", ymd(2018, 1, 1), {}, "b"));
  add(records, regulation("b", ymd(2018, 1, 1), {}, "a"));
  CHECK(regulation_in_force(records)->id == "b");
}

TEST_CASE("perbup an amendment's changes against the regulation it amends, in annex order") {
  Records records;
  add(records, regulation("asli", ymd(2018, 8, 27), {"a", "b", "c", "d"}));
  add(records, regulation("ubah", ymd(2018, 12, 20), {"e", "c", "a", "f"}, "asli"));
  AnnexChanges changes = annex_changes(records, records.find<Regulation>("ubah")->record);
  REQUIRE(changes.amended != nullptr);
  CHECK(changes.amended->id == "asli");
  CHECK(changes.added == Ids{"e", "f"});
  CHECK(changes.removed == Ids{"b", "d"});

  AnnexChanges original = annex_changes(records, records.find<Regulation>("asli")->record);
  CHECK(original.amended == nullptr);
  CHECK(original.added.empty());
  CHECK(original.removed.empty());

  // An amends that names no regulation changes nothing.
  AnnexChanges dangling = annex_changes(records, regulation("x", ymd(2019, 1, 1), {"a"}, "hilang"));
  CHECK(dangling.amended == nullptr);
  CHECK(dangling.added.empty());
}

TEST_CASE("perbup pending ideas: in trial or implemented, listed by no regulation, by id") {
  Records records;
  add(records, idea("uji", "u", Stage::kTrial));
  add(records, idea("terap", "u", Stage::kImplemented));
  add(records, idea("awal", "u", Stage::kInitiative));
  add(records, idea("henti", "u", Stage::kDropped));
  add(records, idea("lama", "u", Stage::kTrial));
  add(records, idea("baru", "u", Stage::kTrial));
  CHECK(ids(pending_ideas(records)) == Ids{"baru", "lama", "terap", "uji"});
  // Listed once, even by a regulation since amended away, an idea is not pending.
  add(records, regulation("asli", ymd(2018, 8, 27), {"lama", "uji"}));
  add(records, regulation("ubah", ymd(2018, 12, 20), {"uji"}, "asli"));
  CHECK(ids(pending_ideas(records)) == Ids{"baru", "terap"});
}

TEST_CASE("perbup record text stays text in the Markdown annex") {
  Records records;
  Idea i = idea("x", "u", Stage::kTrial);
  i.title = "*Lapor* | Cepat <b>";
  add(records, i);
  Regulation g = regulation("p", ymd(2018, 3, 1), {"x"});
  g.number = "Perbup No. 1 Tahun 2018 #1";
  add(records, g);
  std::string md = perbup_markdown(records, g, Labels::get(Language::kEn));
  CHECK(md ==
        "# Annex to Perbup No. 1 Tahun 2018 \\#1\n"
        "\n"
        "- **Date:** 1 March 2018\n"
        "- **Innovations listed:** 1\n"
        "\n"
        "| No. | Innovation | Unit | Category | Stage |\n"
        "|---:|---|---|---|---|\n"
        "| 1 | \\*Lapor\\* \\| Cepat \\<b\\> | u | (not set) | Trial |\n");
  Table table = perbup_table(records, g);
  REQUIRE(table.rows.size() == 1);
  CHECK(table.rows[0] == Ids{"1", "x", "*Lapor* | Cepat <b>", "u", "u", "", "trial", ""});
}
