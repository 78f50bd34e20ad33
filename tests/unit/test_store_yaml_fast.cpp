// The canonical reader: wherever it accepts a text, the tree is the one the
// full yaml-cpp reader builds, positions included; and it refuses whatever
// is not in the form emit writes, leaving it to the full reader.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "inovasi/store/yaml_doc.h"
#include "inovasi/util/text.h"

using namespace inovasi;
namespace stdfs = std::filesystem;

namespace {

const stdfs::path kRoot = stdfs::path(__FILE__).parent_path().parent_path().parent_path();

std::string read(const stdfs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string at(const Mark& m) {
  return std::to_string(m.line) + ":" + std::to_string(m.column);
}

std::vector<std::string> formatted(const Findings& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings.items()) out.push_back(format(f));
  return out;
}

// parse and parse_full give the same tree and the same findings; the
// result says whether the canonical reader took the text.
bool same_as_full(const std::string& text, const std::string& name) {
  INFO(name);
  Findings full_findings, findings;
  yaml::Node full = yaml::parse_full(text, "f.yaml", full_findings);
  yaml::Node node = yaml::parse(text, "f.yaml", findings);
  CHECK(formatted(findings) == formatted(full_findings));
  CHECK(yaml::tree_difference(node, full) == "");
  if (!text::is_valid_utf8(text) || text.size() > yaml::kMaxFileSize) return false;
  auto fast = yaml::parse_canonical(text);
  if (!fast) return false;
  CHECK(formatted(full_findings).empty());
  CHECK(yaml::tree_difference(*fast, full) == "");
  return true;
}

// The canonical reader takes text, and its tree is the full reader's.
yaml::Node accepted(const std::string& text) {
  INFO(text);
  auto fast = yaml::parse_canonical(text);
  REQUIRE(fast.has_value());
  Findings findings;
  yaml::Node full = yaml::parse_full(text, "f.yaml", findings);
  CHECK(formatted(findings).empty());
  CHECK(yaml::tree_difference(*fast, full) == "");
  return std::move(*fast);
}

bool refused(const std::string& text) {
  return !yaml::parse_canonical(text).has_value();
}

std::vector<stdfs::path> files_under(const stdfs::path& dir, bool yaml_only) {
  std::vector<stdfs::path> out;
  for (const auto& entry : stdfs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    if (yaml_only && entry.path().extension() != ".yaml") continue;
    out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("yaml canonical reader gives the full reader's tree on every committed file") {
  int files = 0, taken = 0;
  for (const char* dir : {"examples", "tests/fixtures", "tests/hostile"}) {
    for (const auto& path : files_under(kRoot / dir, true)) {
      ++files;
      taken += same_as_full(read(path), path.string());
    }
  }
  // The fuzz corpus: form feeds split an input into files, as the target does.
  int inputs = 0;
  for (const char* dir : {"fuzz/corpus/record_loader", "fuzz/crashes/record_loader"}) {
    if (!stdfs::exists(kRoot / dir)) continue;
    for (const auto& path : files_under(kRoot / dir, false)) {
      std::string input = read(path);
      std::string_view rest = input;
      while (true) {
        auto cut = rest.find('\f');
        ++inputs;
        taken += same_as_full(std::string(rest.substr(0, cut)), path.string());
        if (cut == std::string_view::npos) break;
        rest.remove_prefix(cut + 1);
      }
    }
  }
  MESSAGE(files << " files and " << inputs << " fuzz inputs, " << taken
                << " taken by the canonical reader");
  CHECK(files > 300);
  CHECK(inputs > 600);
}

TEST_CASE("yaml canonical reader takes every record of the Tuban example") {
  int files = 0;
  for (const auto& path : files_under(kRoot / "examples/tuban-2018", true)) {
    INFO(path.string());
    CHECK(same_as_full(read(path), path.string()));
    ++files;
  }
  CHECK(files == 56);
}

TEST_CASE("yaml canonical reader takes a record whose first line is the schema hint") {
  const std::string hint =
      "# yaml-language-server: $schema=/usr/share/inovasi/schema/unit.schema.json\n";
  const std::string record = "id: bappeda\nname: Bappeda\nkind: badan\n";
  yaml::Node root = accepted(hint + record);
  REQUIRE(root.entries.size() == 3);
  CHECK(at(root.mark) == "2:1");
  CHECK(at(root.entries[0].key_mark) == "2:1");
  CHECK(at(root.entries[2].value.mark) == "4:7");
  CHECK(yaml::schema_hint_size(hint + record) == hint.size());
  CHECK(same_as_full(hint + record, "hint"));

  SUBCASE("only as the first line, and only printable ASCII without spaces") {
    CHECK(refused(record + hint));
    CHECK(refused("\n" + hint + record));
    CHECK(refused("# yaml-language-server: $schema=/a b/unit.schema.json\n" + record));
    CHECK(refused("# yaml-language-server: $schema=/a\tb/unit.schema.json\n" + record));
    CHECK(refused("# yaml-language-server: $schema=/skema/\xc3\xa9.json\n" + record));
    CHECK(refused("# yaml-language-server: $schema=\n" + record));
    CHECK(refused("# yaml-language-server: $schema=/a.json\r\n" + record));
    CHECK(refused(hint + "# another comment\n" + record));
    CHECK(refused(hint));  // a hint alone is an empty file
    for (const std::string& text :
         {record + hint, "# yaml-language-server: $schema=/a b/u.json\n" + record, hint,
          "# yaml-language-server: $schema=/a.json\r\n" + record, hint + "# more\n" + record})
      same_as_full(text, text);
  }
  SUBCASE("a hint is no comment a rewrite would lose; another comment is") {
    CHECK_FALSE(yaml::has_comments(hint + record));
    CHECK(yaml::has_comments(hint + "# Dibentuk 2016\n" + record));
    CHECK(yaml::has_comments(hint + "id: bappeda  # sementara\n"));
    CHECK(yaml::has_comments("# yaml-language-server: $schema=/a b/u.json\n" + record));
    CHECK(yaml::has_comments(record + hint));
    CHECK(yaml::schema_hint_size(record + hint) == 0);
  }
}

TEST_CASE("yaml canonical reader: positions and values") {
  SUBCASE("maps, lists and their marks") {
    yaml::Node root = accepted(
        "id: x\n"
        "head:\n"
        "  name: Budi\n"
        "plan:\n"
        "  - step: a\n"
        "    due: 2018-06-30\n"
        "  - plain\n"
        "  - ~\n"
        "  - [a, ~]\n"
        "  -\n"
        "    - inner\n");
    CHECK(at(root.mark) == "1:1");
    CHECK(at(root.find("head")->value.mark) == "3:3");
    const yaml::Node& plan = root.find("plan")->value;
    CHECK(at(plan.mark) == "5:3");
    REQUIRE(plan.items.size() == 5);
    CHECK(at(plan.items[0].mark) == "5:5");
    CHECK(at(plan.items[0].find("due")->key_mark) == "6:5");
    CHECK(at(plan.items[0].find("due")->value.mark) == "6:10");
    CHECK(plan.items[1].plain);
    CHECK(plan.items[2].kind == yaml::Kind::kNull);
    CHECK(at(plan.items[2].mark) == "8:5");
    CHECK(plan.items[3].flow);
    CHECK(plan.items[3].items[1].kind == yaml::Kind::kNull);
    CHECK(at(plan.items[3].items[1].mark) == "9:9");
    CHECK(at(plan.items[4].mark) == "11:5");
  }
  SUBCASE("quoted keys") {
    yaml::Node root = accepted("'no': a\n\"2018\": b\nby_period: {'2019': 1, 2020-Q1: 2}\n");
    CHECK(root.entries[0].key == "no");
    CHECK(root.entries[1].key == "2018");
    CHECK(at(root.entries[1].key_mark) == "2:1");
    CHECK(at(root.find("by_period")->value.entries[1].key_mark) == "3:24");
  }
  SUBCASE("literal blocks") {
    yaml::Node root = accepted(
        "keep: |+\n  x\n\n  y\n\n\n"
        "strip: |-\n\n  a\n    b\n"
        "clip: |\n  \tc\n"
        "list:\n  - |-\n    it's\n"
        "last: |+\n  z\n\n");
    CHECK(root.find("keep")->value.value == "x\n\ny\n\n\n");
    CHECK(at(root.find("keep")->value.mark) == "1:7");
    CHECK_FALSE(root.find("keep")->value.plain);
    CHECK(root.find("strip")->value.value == "\na\n  b");
    CHECK(root.find("clip")->value.value == "\tc\n");
    CHECK(root.find("list")->value.items[0].value == "it's");
    CHECK(root.find("last")->value.value == "z\n\n");
  }
  SUBCASE("double-quoted escapes") {
    yaml::Node root = accepted(
        "a: \"q\\\"b\\\\s\\n\\t\\r\\x01\\x7F\\x7f\\u0085\\u2028\\u2029\\uFEFF\"\n"
        "b: 'it''s'\n"
        "c: \"\"\n");
    CHECK(root.find("a")->value.value ==
          "q\"b\\s\n\t\r\x01\x7F\x7F\xC2\x85\xE2\x80\xA8\xE2\x80\xA9\xEF\xBB\xBF");
    CHECK(root.find("b")->value.value == "it's");
    CHECK(root.find("c")->value.value == "");
    CHECK_FALSE(root.find("c")->value.plain);
  }
  SUBCASE("columns count bytes, as yaml-cpp's do") {
    yaml::Node root = accepted("a: [é, x, \"\xF0\x9F\x98\x80\", y]\n");
    const auto& items = root.find("a")->value.items;
    CHECK(at(items[1].mark) == "1:9");
    CHECK(at(items[2].mark) == "1:12");
    CHECK(at(items[3].mark) == "1:20");
  }
  SUBCASE("nulls, empty and nested flow") {
    yaml::Node root = accepted(
        "a: ~\nb: null\nc: [~, NULL, Null]\nd: []\ne: {}\n"
        "f: [x, 'y z', {k: v, 'n': ~}, [1, [2]], \"q\"]\n");
    CHECK(root.find("a")->value.kind == yaml::Kind::kNull);
    CHECK(at(root.find("b")->value.mark) == "2:4");
    CHECK(root.find("d")->value.kind == yaml::Kind::kSequence);
    CHECK(root.find("e")->value.kind == yaml::Kind::kMap);
    CHECK(root.find("e")->value.flow);
    CHECK(root.find("f")->value.items[2].entries[1].value.kind == yaml::Kind::kNull);
  }
  SUBCASE("plain text that needs no quotes") {
    yaml::Node root = accepted(
        "a: -5\nb: -.5\nc: 12:30\nd: http://x.id/a?b=1#c\ne: a [b] {c}, d\n"
        "f: Jum'at\ng: it's 'fine'\nh: 100%\ni: yes\nj: .inf\nk: a:b\nl: x, 'y' z\n"
        "m: [a - 'b' c]\n");
    CHECK(root.find("c")->value.value == "12:30");
    CHECK(root.find("e")->value.value == "a [b] {c}, d");
    CHECK(root.find("i")->value.plain);
  }
  SUBCASE("keys at the size limit and nesting at the depth limit") {
    accepted(std::string(yaml::kMaxKeySize, 'k') + ": x\n");
    accepted("a: " + std::string(yaml::kMaxDepth - 1, '[') + std::string(yaml::kMaxDepth - 1, ']') +
             "\n");
    std::string nested;
    for (int i = 0; i < yaml::kMaxDepth - 1; ++i) nested += std::string(2 * i, ' ') + "a:\n";
    accepted(nested + std::string(2 * (yaml::kMaxDepth - 1), ' ') + "b: c\n");
  }
}

TEST_CASE("yaml canonical reader refuses what emit never writes") {
  const std::vector<std::string> texts = {
      // not a file emit writes
      "",
      "\n",
      "a: x",
      "- a\n",
      "[a]\n",
      "{a: b}\n",
      "x\n",
      "a: x\r\n",
      "\xEF\xBB\xBF"
      "a: x\n",
      // comments, markers, anchors, aliases, tags
      "# c\na: x\n",
      "a: x # c\n",
      "a: x\n  # c\n",
      "---\na: x\n",
      "a: x\n...\n",
      "%YAML 1.2\n---\na: x\n",
      "a: &x y\n",
      "a: *x\n",
      "a: !!str x\n",
      "a: !x y\n",
      "a: ! x\n",
      // layout
      "\ta: x\n",
      "a:\tx\n",
      "a:  x\n",
      "a: x \n",
      "a:\n   b: c\n",
      "a:\n- b\n",
      "a: x\n  b\n",
      "a: 'x\n  y'\n",
      "a:\nb: x\n",
      "a: x\n\nb: y\n",
      "a:\n",
      "a:\n  - x\n   - y\n",
      "a:\n  -\n    b: c\n",
      "a: [x,y]\n",
      "a: [ x ]\n",
      "a: [x] \n",
      "a: {b:c}\n",
      "? a\n: x\n",
      // keys
      "a: 1\na: 2\n",
      "a: {b: 1, b: 2}\n",
      "a:\n  - b: 1\n    b: 2\n",
      std::string(yaml::kMaxKeySize + 1, 'k') + ": x\n",
      "a b: x\n",
      "\"a b\": x\n",
      "é: x\n",
      "a/b: x\n",
      "~: x\n",
      "null: x\n",
      "-a: x\n",
      "'': x\n",
      // escapes emit never writes
      "a: \"\\x80\"\n",
      "a: \"\\0\"\n",
      "a: \"\\u0041\"\n",
      "a: \"\\e\"\n",
      "a: \"\\/\"\n",
      "a: \"\\N\"\n",
      "a: \"\\U00000041\"\n",
      "a: \"\\x4\"\n",
      "a: \"x\n",
      "a: \"\\\n",
      // plain text that needs quotes
      "a: -\n",
      "a: - b\n",
      "a: --x\n",
      "a: ?x\n",
      "a: :x\n",
      "a: x: y\n",
      "a: x #y\n",
      "a: x:\n",
      "a: \x01\n",
      "a: x\ty\n",
      "a: x\xC2\x85y\n",
      "a: x\xE2\x80\xA8y\n",
      "a: x\xC2\x80y\n",
      "a: [a?b]\n",
      "a: [x:y]\n",
      "a: [#]\n",
      "a: @x\n",
      "a: `x\n",
      "a: %x\n",
      "a: |x\n",
      "a: >\n  x\n",
      "a: 'x\ty'\n",
      // quotes the light lexer would see left open
      "a: b, 'c\n",
      "a: x - 'y\n",
      "a:\n  - |\n    x, 'y\n",
      // literal blocks
      "a: |\n  x\n  \n  y\n",
      "a: |\n    x\n",
      "a: |\n x\n",
      "a: |\n  x\n\nb: 1\n",
      "a: |-\n  x\n\n",
      "a: |2\n  x\n",
      "a: | \n  x\n",
      "a: |\nb: 1\n",
      "a: |\n  x \n",
      "a: |\n\n",
      "a: |\n  x\xC2\x85\n",
  };
  for (const auto& text : texts) {
    INFO(text);
    CHECK(refused(text));
    same_as_full(text, "refused");  // what parse says is the full reader's
  }
  SUBCASE("a repeated key in a large map") {
    std::string block, flow = "f: {";
    for (int i = 0; i < 100; ++i) {
      block += "k" + std::to_string(i) + ": x\n";
      flow += (i ? ", k" : "k") + std::to_string(i) + ": x";
    }
    accepted(block);
    accepted(flow + "}\n");
    CHECK(refused(block + "k7: y\n"));
    CHECK(refused(flow + ", k99: y}\n"));
    CHECK(refused("k7: y\n" + block));
  }
  SUBCASE("nesting one past the depth limit") {
    CHECK(refused("a: " + std::string(yaml::kMaxDepth, '[') + std::string(yaml::kMaxDepth, ']') +
                  "\n"));
    std::string nested;
    for (int i = 0; i < yaml::kMaxDepth; ++i) nested += std::string(2 * i, ' ') + "a:\n";
    CHECK(refused(nested + std::string(2 * yaml::kMaxDepth, ' ') + "b: c\n"));
  }
}

TEST_CASE("yaml emit quotes a '?' inside a flow list, which yaml-cpp cannot read bare") {
  yaml::Node tags = yaml::Node::sequence(true);
  tags.items.push_back(yaml::Node::scalar("apa?"));
  tags.items.push_back(yaml::Node::scalar("a?b"));
  yaml::Node root = yaml::Node::map();
  root.entries.push_back({"tags", {}, std::move(tags)});
  std::string text = yaml::emit(root);
  CHECK(text == "tags: ['apa?', 'a?b']\n");
  yaml::Node read = accepted(text);
  CHECK(read.find("tags")->value.items[0].value == "apa?");
  CHECK(yaml::needs_quotes("a?b", true));
  CHECK_FALSE(yaml::needs_quotes("a?b", false));
}

TEST_CASE("yaml emit quotes text that would leave the comment lexer inside a quote") {
  auto written = [](const std::string& value) {
    yaml::Node root = yaml::Node::map();
    root.entries.push_back({"a", {}, yaml::Node::scalar(value)});
    yaml::Node list = yaml::Node::sequence(true);
    list.items.push_back(yaml::Node::scalar(value));
    root.entries.push_back({"b", {}, std::move(list)});
    std::string text = yaml::emit(root);
    Findings findings;
    yaml::parse(text, "f.yaml", findings);
    CHECK(formatted(findings).empty());
    return text;
  };
  CHECK(written("1,\"") == "a: '1,\"'\nb: ['1,\"']\n");
  CHECK(written("a - 'b") == "a: 'a - ''b'\nb: ['a - ''b']\n");
  // Quotes the lexer sees closed again, or never opened, stay as they are.
  CHECK(written("x, 'y' z") == "a: x, 'y' z\nb: ['x, ''y'' z']\n");
  CHECK(written("Rock 'n roll") == "a: Rock 'n roll\nb: [Rock 'n roll]\n");
  CHECK(yaml::leaves_quote_open("a, \"b"));
  CHECK_FALSE(yaml::leaves_quote_open("a, \"b\""));
}
