// Writing canonical YAML: quoting decided by us, block scalars for free text,
// escapes for control characters; everything reads back as written.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "inovasi/store/yaml_doc.h"

using namespace inovasi;
using Strings = std::vector<std::string>;

namespace {

yaml::Node one_field(const std::string& key, yaml::Node value) {
  yaml::Node root = yaml::Node::map();
  root.entries.push_back({key, {}, std::move(value)});
  return root;
}

std::string emit_string(const std::string& s,
                        yaml::ScalarStyle style = yaml::ScalarStyle::kString) {
  return yaml::emit(one_field("title", yaml::Node::scalar(s, style)));
}

// Emits s as a field, parses it back and returns the value read.
std::string round_trip(const std::string& s, yaml::ScalarStyle style = yaml::ScalarStyle::kString) {
  std::string text = emit_string(s, style);
  Findings findings;
  yaml::Node root = yaml::parse(text, "f.yaml", findings);
  for (const auto& f : findings.items()) FAIL_CHECK(format(f) << "\n" << text);
  if (root.kind != yaml::Kind::kMap || !root.find("title")) return "<unreadable>";
  const yaml::Node& v = root.find("title")->value;
  if (v.kind != yaml::Kind::kScalar) return "<not a scalar>";
  return v.value;
}

// The YAML 1.1 and 1.2 look-alikes: each is a string in our records.
// clang-format off
const Strings kLookAlikes = {
    "no", "No", "NO", "yes", "Yes", "on", "ON", "off", "y", "Y", "n", "N", "true", "True", "false",
    "FALSE", "null", "Null", "NULL", "~", "0123", "0", "123", "-1", "+1", "1e3", "1E3", "1.5",
    ".5", "1_000", "0x1F", "0o17", "0b101", ".inf", "-.inf", "+.INF", ".nan", ".NaN", "12:30",
    "190:20:30", "2024-01-02", "2018-04-03", "2001-12-14t21:59:43.10-05:00",
    "2001-12-14 21:59:43.10 -5", "=", "<<", "-x", "- x", "-", ": x", "a: b", "a #b", " lead",
    "trail ", "", "?", "? x", "[a]", "{a}", "*x", "&x", "!x", "|", ">", "'", "\"", "%x", "@x",
    "`x", "#x", ",x", "a:", "...", "---", "--- x", "a, b", "x]",
};
// clang-format on

}  // namespace

TEST_CASE("yaml needs_quotes for every look-alike") {
  for (const auto& s : kLookAlikes) {
    if (s == "a, b" || s == "x]") continue;  // only special inside flow collections
    CAPTURE(s);
    CHECK(yaml::needs_quotes(s, false));
  }
  CHECK(yaml::needs_quotes("a, b", true));
  CHECK(yaml::needs_quotes("x]", true));
  CHECK(yaml::needs_quotes("a:b", true));
  CHECK(yaml::needs_quotes("x#y", true));
}

TEST_CASE("yaml needs_quotes leaves ordinary words bare") {
  for (std::string s : {"Antrean Online",
                        "RSUD dr. R. Koesma",
                        "antrean-online",
                        "IV.a",
                        "Jum'at Bersih",
                        "a:b",
                        "a#b",
                        "100%",
                        "Rp 1.500.000",
                        "Désa",
                        "e-KTP",
                        "key:value",
                        "noon",
                        "yesterday",
                        "online",
                        "nullable",
                        "a, b",
                        "x]",
                        "O'Brien",
                        "it's"}) {
    CAPTURE(s);
    CHECK_FALSE(yaml::needs_quotes(s, false));
  }
  CHECK_FALSE(yaml::needs_quotes("Antrean Online", true));
}

TEST_CASE("yaml emit quotes look-alikes and they read back as the same string") {
  SUBCASE("exact text for a few") {
    CHECK(emit_string("no") == "title: 'no'\n");
    CHECK(emit_string("0123") == "title: '0123'\n");
    CHECK(emit_string("2018-04-03") == "title: '2018-04-03'\n");
    CHECK(emit_string("~") == "title: '~'\n");
    CHECK(emit_string("") == "title: ''\n");
    CHECK(emit_string(" lead") == "title: ' lead'\n");
    CHECK(emit_string("a: b") == "title: 'a: b'\n");
    CHECK(emit_string("'") == "title: ''''\n");
    CHECK(emit_string("it's") == "title: it's\n");
    CHECK(emit_string("Antrean Online") == "title: Antrean Online\n");
  }
  SUBCASE("every look-alike") {
    for (const auto& s : kLookAlikes) {
      CAPTURE(s);
      CHECK(round_trip(s) == s);
    }
  }
  SUBCASE("as free text too") {
    for (const auto& s : kLookAlikes) {
      CAPTURE(s);
      CHECK(round_trip(s, yaml::ScalarStyle::kText) == s);
    }
  }
}

TEST_CASE("yaml emit raw scalars verbatim") {
  CHECK(yaml::emit(one_field("budget", yaml::Node::scalar("150000000", yaml::ScalarStyle::kRaw))) ==
        "budget: 150000000\n");
  CHECK(yaml::emit(one_field("due", yaml::Node::scalar("2018-06-30", yaml::ScalarStyle::kRaw))) ==
        "due: 2018-06-30\n");
}

TEST_CASE("yaml emit control characters and Unicode line breaks in double quotes") {
  CHECK(emit_string("a\tb") == "title: \"a\\tb\"\n");
  CHECK(emit_string("a\nb") == "title: \"a\\nb\"\n");
  CHECK(emit_string("a\rb") == "title: \"a\\rb\"\n");
  CHECK(emit_string(std::string("a\x01z", 3)) == "title: \"a\\x01z\"\n");
  CHECK(emit_string("a\x7F") == "title: \"a\\x7F\"\n");
  CHECK(emit_string("a\u2028b") == "title: \"a\\u2028b\"\n");
  CHECK(emit_string("a\u2029b") == "title: \"a\\u2029b\"\n");
  CHECK(emit_string("\uFEFFa") == "title: \"\\uFEFFa\"\n");
  CHECK(emit_string("say \"hi\"\t\\") == "title: \"say \\\"hi\\\"\\t\\\\\"\n");

  for (const std::string& s :
       Strings{"a\tb", "a\nb", "a\r\nb", std::string("a\x01z", 3), std::string("\x1B[31m"), "a\x7F",
               "a\u2028b", "a\u2029b", "\uFEFFa", "say \"hi\"\t\\", "\ttab first", "trailing tab\t",
               "no\n", " x\ny"}) {
    CAPTURE(s);
    CHECK(round_trip(s) == s);
    CHECK(round_trip(s, yaml::ScalarStyle::kText) == s);
  }
}

TEST_CASE("yaml emit of U+0085 (next line) reads back as U+0085") {
  // yaml-cpp decodes the escape \N to the single byte 0x85, not to UTF-8.
  std::string nel = "a\u0085b";
  CHECK(emit_string(nel).starts_with("title: \""));
  CHECK(round_trip(nel) == nel);
  CHECK(round_trip(nel, yaml::ScalarStyle::kText) == nel);
}

TEST_CASE("yaml emit free text as literal block scalars") {
  using S = yaml::ScalarStyle;
  SUBCASE("chomping follows the final line breaks") {
    CHECK(emit_string("baris satu\nbaris dua", S::kText) ==
          "title: |-\n  baris satu\n  baris dua\n");
    CHECK(emit_string("baris satu\nbaris dua\n", S::kText) ==
          "title: |\n  baris satu\n  baris dua\n");
    CHECK(emit_string("baris satu\nbaris dua\n\n", S::kText) ==
          "title: |+\n  baris satu\n  baris dua\n\n");
  }
  SUBCASE("empty lines inside stay empty, without trailing spaces") {
    CHECK(emit_string("a\n\nb", S::kText) == "title: |-\n  a\n\n  b\n");
  }
  SUBCASE("single-line text is not a block") {
    CHECK(emit_string("satu baris", S::kText) == "title: satu baris\n");
  }
  SUBCASE("text a block cannot carry falls back to double quotes") {
    CHECK(emit_string(" indented\nfirst", S::kText) == "title: \" indented\\nfirst\"\n");
    CHECK(emit_string("trailing \nspace", S::kText) == "title: \"trailing \\nspace\"\n");
    CHECK(emit_string("cr\r\nlf", S::kText) == "title: \"cr\\r\\nlf\"\n");
  }
  SUBCASE("nested under a list item the block is indented further") {
    yaml::Node item = yaml::Node::map();
    item.entries.push_back({"step", {}, yaml::Node::scalar("a\nb", S::kText)});
    yaml::Node plan = yaml::Node::sequence();
    plan.items.push_back(item);
    CHECK(yaml::emit(one_field("plan", plan)) == "plan:\n  - step: |-\n      a\n      b\n");
  }
  SUBCASE("round trip") {
    for (std::string s :
         {"a\nb", "a\nb\n", "a\nb\n\n", "a\nb\n\n\n", "a\n\n\nb", "# bukan komentar\nx",
          "- item\n- item", "key: value\nother: v", "'quoted'\n\"double\"", "no\nyes",
          "a\n  indented later\nb", "\nleading empty line", "Désa € 𝄞\nbaris", "|\n>", "x\n...\ny",
          "x\n---\ny", "tab\tinside\nok", "a\n\tb"}) {
      CAPTURE(s);
      CHECK(round_trip(s, S::kText) == s);
    }
  }
}

TEST_CASE("yaml emit nested maps, lists and flow collections") {
  yaml::Node root = yaml::Node::map();
  root.entries.push_back({"id", {}, yaml::Node::scalar("x")});
  yaml::Node head = yaml::Node::map();
  head.entries.push_back({"name", {}, yaml::Node::scalar("Budi")});
  head.entries.push_back({"nip", {}, yaml::Node::scalar("198503302010011002")});
  root.entries.push_back({"head", {}, head});
  yaml::Node tags = yaml::Node::sequence(true);
  for (std::string t : {"no", "a, b", "plain", "x]"}) tags.items.push_back(yaml::Node::scalar(t));
  root.entries.push_back({"tags", {}, tags});
  yaml::Node bands = yaml::Node::sequence();
  yaml::Node band = yaml::Node::map(true);
  band.entries.push_back({"min", {}, yaml::Node::scalar("91", yaml::ScalarStyle::kRaw)});
  yaml::Node label = yaml::Node::map(true);
  label.entries.push_back({"id", {}, yaml::Node::scalar("Sangat Tinggi")});
  label.entries.push_back({"en", {}, yaml::Node::scalar("Very high")});
  band.entries.push_back({"label", {}, label});
  bands.items.push_back(band);
  root.entries.push_back({"bands", {}, bands});
  yaml::Node plan = yaml::Node::sequence();
  yaml::Node step = yaml::Node::map();
  step.entries.push_back({"step", {}, yaml::Node::scalar("Sosialisasi")});
  step.entries.push_back({"due", {}, yaml::Node::scalar("2018-06-30", yaml::ScalarStyle::kRaw)});
  plan.items.push_back(step);
  plan.items.push_back(step);
  root.entries.push_back({"plan", {}, plan});
  root.entries.push_back({"empty_list", {}, yaml::Node::sequence()});
  root.entries.push_back({"nothing", {}, yaml::Node{}});

  std::string text = yaml::emit(root);
  CHECK(text ==
        "id: x\n"
        "head:\n"
        "  name: Budi\n"
        "  nip: '198503302010011002'\n"
        "tags: ['no', 'a, b', plain, 'x]']\n"
        "bands:\n"
        "  - {min: 91, label: {id: Sangat Tinggi, en: Very high}}\n"
        "plan:\n"
        "  - step: Sosialisasi\n"
        "    due: 2018-06-30\n"
        "  - step: Sosialisasi\n"
        "    due: 2018-06-30\n"
        "empty_list: []\n"
        "nothing: ~\n");

  Findings findings;
  yaml::Node back = yaml::parse(text, "f.yaml", findings);
  CHECK(findings.empty());
  REQUIRE(back.kind == yaml::Kind::kMap);
  const yaml::Node& tags_back = back.find("tags")->value;
  REQUIRE(tags_back.items.size() == 4);
  CHECK(tags_back.items[0].value == "no");
  CHECK(tags_back.items[1].value == "a, b");
  CHECK(tags_back.items[3].value == "x]");
  CHECK(back.find("bands")->value.items[0].find("label")->value.find("id")->value.value ==
        "Sangat Tinggi");
  CHECK(back.find("nothing")->value.kind == yaml::Kind::kNull);
}

TEST_CASE("yaml emit quotes keys that need it") {
  yaml::Node root = yaml::Node::map();
  root.entries.push_back({"2018-Q3", {}, yaml::Node::scalar("40", yaml::ScalarStyle::kRaw)});
  root.entries.push_back({"no", {}, yaml::Node::scalar("x")});
  root.entries.push_back({"waktu-tunggu", {}, yaml::Node::scalar("1", yaml::ScalarStyle::kRaw)});
  CHECK(yaml::emit(root) == "2018-Q3: 40\n'no': x\nwaktu-tunggu: 1\n");
}
