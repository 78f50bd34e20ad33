// Reading record files: the tree with positions, and every refusal with its
// exact finding.
#include <doctest/doctest.h>
#include <yaml-cpp/exceptions.h>

#include <ostream>
#include <string>
#include <vector>

#include "inovasi/store/yaml_doc.h"
#include "inovasi/util/messages.h"

using namespace inovasi;
using Strings = std::vector<std::string>;

namespace {

// A list of lines that prints itself when a check fails.
struct Lines {
  Strings items;
  bool operator==(const Strings& other) const { return items == other; }
};
[[maybe_unused]] std::ostream& operator<<(std::ostream& out, const Lines& lines) {
  out << "{";
  for (const auto& line : lines.items) out << "\n  " << line;
  return out << "}";
}

// Every finding of parsing text as f.yaml, formatted as printed.
Lines findings_of(std::string_view text) {
  Findings findings;
  yaml::Node root = yaml::parse(text, "f.yaml", findings);
  Strings out;
  for (const auto& f : findings.items()) out.push_back(format(f));
  if (!out.empty()) CHECK(root.kind == yaml::Kind::kNull);
  return Lines{out};
}

yaml::Node parse_ok(std::string_view text) {
  Findings findings;
  yaml::Node root = yaml::parse(text, "f.yaml", findings);
  for (const auto& f : findings.items()) FAIL_CHECK(format(f));
  REQUIRE(root.kind == yaml::Kind::kMap);
  return root;
}

std::string at(const Mark& m) {
  return std::to_string(m.line) + ":" + std::to_string(m.column);
}

}  // namespace

TEST_CASE("yaml parse builds the tree with positions") {
  yaml::Node root = parse_ok(
      "id: antrean-online\n"
      "title: 'no'\n"
      "budget: 0123\n"
      "proposer:\n"
      "  name: Budi\n"
      "  nip: \"198503302010011002\"\n"
      "tags: [a, 'b c']\n"
      "plan:\n"
      "  - step: Sosialisasi\n"
      "    due: 2018-06-30\n"
      "empty:\n"
      "quoted_empty: ''\n");
  REQUIRE(root.entries.size() == 8);
  CHECK(at(root.mark) == "1:1");

  const yaml::Entry* id = root.find("id");
  REQUIRE(id != nullptr);
  CHECK(id->value.value == "antrean-online");
  CHECK(id->value.plain);
  CHECK(at(id->key_mark) == "1:1");
  CHECK(at(id->value.mark) == "1:5");

  const yaml::Entry* title = root.find("title");
  REQUIRE(title != nullptr);
  CHECK(title->value.value == "no");
  CHECK_FALSE(title->value.plain);
  CHECK(at(title->value.mark) == "2:8");

  // Numbers are kept as written; the codec decides what they mean.
  CHECK(root.find("budget")->value.value == "0123");
  CHECK(root.find("budget")->value.plain);

  const yaml::Node& proposer = root.find("proposer")->value;
  CHECK(proposer.kind == yaml::Kind::kMap);
  CHECK(at(proposer.mark) == "5:3");
  CHECK(proposer.find("nip")->value.value == "198503302010011002");
  CHECK_FALSE(proposer.find("nip")->value.plain);
  CHECK(at(proposer.find("nip")->key_mark) == "6:3");

  const yaml::Node& tags = root.find("tags")->value;
  CHECK(tags.kind == yaml::Kind::kSequence);
  CHECK(tags.flow);
  REQUIRE(tags.items.size() == 2);
  CHECK(tags.items[1].value == "b c");
  CHECK(at(tags.items[1].mark) == "7:11");

  const yaml::Node& plan = root.find("plan")->value;
  CHECK(plan.kind == yaml::Kind::kSequence);
  CHECK_FALSE(plan.flow);
  REQUIRE(plan.items.size() == 1);
  CHECK(plan.items[0].find("due")->value.value == "2018-06-30");
  CHECK(at(plan.items[0].find("due")->value.mark) == "10:10");

  CHECK(root.find("empty")->value.kind == yaml::Kind::kNull);
  CHECK(root.find("quoted_empty")->value.kind == yaml::Kind::kScalar);
  CHECK(root.find("quoted_empty")->value.value == "");
  CHECK(root.find("missing") == nullptr);

  Strings keys;
  for (const auto& e : root.entries) keys.push_back(e.key);
  CHECK(keys ==
        Strings{"id", "title", "budget", "proposer", "tags", "plan", "empty", "quoted_empty"});
}

TEST_CASE("yaml parse reads hand-edited forms") {
  SUBCASE("flow mappings, block scalars, comments, document markers") {
    yaml::Node root = parse_ok(
        "--- # start\n"
        "head: {name: Budi, position: Kepala}  # flow\n"
        "description: |\n"
        "  Baris satu\n"
        "  # bukan komentar\n"
        "goal: >-\n"
        "  dilipat\n"
        "  jadi satu\n"
        "...\n");
    CHECK(root.find("head")->value.flow);
    CHECK(root.find("head")->value.find("position")->value.value == "Kepala");
    CHECK(root.find("description")->value.value == "Baris satu\n# bukan komentar\n");
    CHECK(root.find("goal")->value.value == "dilipat jadi satu");
  }
  SUBCASE("the non-specific tag ! is a plain string") {
    yaml::Node root = parse_ok("a: ! 1\n");
    CHECK(root.find("a")->value.value == "1");
  }
  SUBCASE("a key with no value is null") {
    yaml::Node root = parse_ok("? a\nb:\n");
    CHECK(root.find("a")->value.kind == yaml::Kind::kNull);
    CHECK(root.find("b")->value.kind == yaml::Kind::kNull);
  }
  SUBCASE("exactly 1 MiB is accepted") {
    std::string text = "a: " + std::string(yaml::kMaxFileSize - 4, 'x') + "\n";
    REQUIRE(text.size() == yaml::kMaxFileSize);
    CHECK(parse_ok(text).find("a")->value.value.size() == yaml::kMaxFileSize - 4);
  }
  SUBCASE("nesting up to the limit is accepted") {
    std::string text = "a: " + std::string(yaml::kMaxDepth - 1, '[') +
                       std::string(yaml::kMaxDepth - 1, ']') + "\n";
    parse_ok(text);
  }
}

TEST_CASE("yaml parse refuses duplicate keys") {
  CHECK(findings_of("id: a\nid: b\n") == Strings{"f.yaml:2:1: error: duplicate key 'id'"});
  CHECK(findings_of("head:\n  name: a\n  name: b\n") ==
        Strings{"f.yaml:3:3: error: duplicate key 'name'"});
  CHECK(findings_of("a: {b: 1, b: 2}\n") == Strings{"f.yaml:1:11: error: duplicate key 'b'"});
  CHECK(findings_of("plan:\n  - step: a\n    step: b\n") ==
        Strings{"f.yaml:3:5: error: duplicate key 'step'"});
}

TEST_CASE("yaml parse refuses anchors, aliases and tags") {
  CHECK(findings_of("a: &x 1\n") ==
        Strings{"f.yaml:1:4: error: anchors (&name) are not allowed in records"});
  CHECK(findings_of("a: &x 1\nb: *x\n") ==
        Strings{"f.yaml:1:4: error: anchors (&name) are not allowed in records"});
  CHECK(findings_of("&a x: 1\n") ==
        Strings{"f.yaml:1:1: error: anchors (&name) are not allowed in records"});
  CHECK(findings_of("a: &anc\n  b: 1\n") ==
        Strings{"f.yaml:1:4: error: anchors (&name) are not allowed in records"});
  CHECK(findings_of("a:\n  - &x b\n") ==
        Strings{"f.yaml:2:5: error: anchors (&name) are not allowed in records"});
  CHECK(findings_of("a: [&x 1]\n") ==
        Strings{"f.yaml:1:5: error: anchors (&name) are not allowed in records"});
  // An alias needs an anchor before it; alone it is a syntax error.
  CHECK(findings_of("b: *x\n") ==
        Strings{"f.yaml:1:4: error: YAML syntax: the referenced anchor is not defined"});
  CHECK(findings_of("a: !!str 1\n") ==
        Strings{"f.yaml:1:4: error: tags (tag:yaml.org,2002:str) are not allowed in records"});
  CHECK(findings_of("a: !foo 1\n") ==
        Strings{"f.yaml:1:4: error: tags (!foo) are not allowed in records"});
  CHECK(findings_of("a: !!seq [1]\n") ==
        Strings{"f.yaml:1:4: error: tags (tag:yaml.org,2002:seq) are not allowed in records"});
}

TEST_CASE("yaml parse refuses more than one document and returns promptly") {
  SUBCASE("a second document") {
    Strings found = findings_of("a: 1\n---\nb: 2\n").items;
    REQUIRE(found.size() == 1);
    CHECK(found[0].ends_with(" error: more than one YAML document in the file"));
    found = findings_of("a: 1\n---\n").items;
    REQUIRE(found.size() == 1);
    CHECK(found[0].ends_with(" error: more than one YAML document in the file"));
  }
  SUBCASE("the input that makes yaml-cpp produce documents forever") {
    Strings found = findings_of("!, ").items;
    REQUIRE(found.size() == 1);
    CHECK(found[0].starts_with("f.yaml:"));
    CHECK(found[0].ends_with(" error: more than one YAML document in the file"));
  }
  SUBCASE("one document with its markers is fine") {
    parse_ok("---\na: 1\n");
    parse_ok("a: 1\n...\n");
    parse_ok("%YAML 1.2\n---\na: 1\n");
  }
}

TEST_CASE("yaml parse refuses nesting past the limit") {
  CHECK(findings_of("a: " + std::string(yaml::kMaxDepth, '[') + std::string(yaml::kMaxDepth, ']') +
                    "\n") == Strings{"f.yaml:1:35: error: nesting deeper than 32 levels"});
  std::string block;
  for (int i = 0; i < 40; ++i) block += std::string(2 * i, ' ') + "k" + std::to_string(i) + ":\n";
  CHECK(findings_of(block) == Strings{"f.yaml:33:65: error: nesting deeper than 32 levels"});
  // Far past yaml-cpp's own recursion limit: still one finding, no crash.
  for (char open : {'[', '{'}) {
    Strings found = findings_of("a: " + std::string(100000, open)).items;
    REQUIRE(found.size() == 1);
    CHECK(found[0].ends_with(" error: nesting deeper than 32 levels"));
  }
}

TEST_CASE("yaml parse refuses bad bytes and sizes") {
  CHECK(findings_of("a: b\nc: \xC3\x28\n") == Strings{"f.yaml:2:4: error: invalid UTF-8"});
  CHECK(findings_of("a: ok\nb: caf\xC3\xA9 \xED\xA0\x80\n") ==
        Strings{"f.yaml:2:9: error: invalid UTF-8"});
  CHECK(findings_of("\xFF") == Strings{"f.yaml:1:1: error: invalid UTF-8"});
  Strings nul = findings_of(std::string("a: b\0c\n", 7)).items;
  REQUIRE(nul.size() == 1);
  CHECK(nul[0].ends_with(" error: file contains a NUL byte"));
  CHECK(findings_of("a: " + std::string(yaml::kMaxFileSize - 3, 'x') + "\n") ==
        Strings{"f.yaml: error: file is larger than 1048576 bytes"});
}

TEST_CASE("yaml parse refusals of a second document and a NUL byte name the line") {
  CHECK(findings_of("a: 1\n---\nb: 2\n") ==
        Strings{"f.yaml:2:1: error: more than one YAML document in the file"});
  CHECK(findings_of(std::string("a: b\0c\n", 7)) ==
        Strings{"f.yaml:1:5: error: file contains a NUL byte"});
}

TEST_CASE("yaml parse refuses files that are not a mapping") {
  for (std::string empty : {"", "\n", "   \n", "# only a comment\n"}) {
    CAPTURE(empty);
    CHECK(findings_of(empty) ==
          Strings{"f.yaml:1:1: error: file is empty; expected a mapping of fields"});
  }
  CHECK(findings_of("- a\n- b\n") ==
        Strings{"f.yaml:1:1: error: expected a mapping of fields, found a list"});
  CHECK(findings_of("[a]\n") ==
        Strings{"f.yaml:1:1: error: expected a mapping of fields, found a list"});
  CHECK(findings_of("hello\n") ==
        Strings{"f.yaml:1:1: error: expected a mapping of fields, found a single value"});
  CHECK(findings_of("~\n") ==
        Strings{"f.yaml:1:1: error: expected a mapping of fields, found nothing"});
  CHECK(findings_of("\n\n  'text'\n") ==
        Strings{"f.yaml:3:3: error: expected a mapping of fields, found a single value"});
}

TEST_CASE("yaml parse reports syntax errors where they are") {
  CHECK(findings_of("a: [b\n") ==
        Strings{"f.yaml:2:1: error: YAML syntax: end of sequence flow not found"});
  CHECK(findings_of("a: {b: 1\n") ==
        Strings{"f.yaml:2:1: error: YAML syntax: end of map flow not found"});
  CHECK(findings_of("a: b\n c: d\n") ==
        Strings{"f.yaml:2:3: error: YAML syntax: illegal map value"});
  CHECK(findings_of("a: b: c\n") == Strings{"f.yaml:1:5: error: YAML syntax: illegal map value"});
  CHECK(findings_of("a:\n  - b\n  c: d\n") ==
        Strings{"f.yaml:3:3: error: YAML syntax: end of map not found"});
  CHECK(findings_of("\t- a\n") == Strings{"f.yaml:1:2: error: YAML syntax: illegal block entry"});
  CHECK(findings_of("a: \"\\q\"\n") ==
        Strings{"f.yaml:1:7: error: YAML syntax: unknown escape character: q"});
  CHECK(findings_of("a: @x\n") == Strings{"f.yaml:1:4: error: YAML syntax: unknown token"});
  CHECK(findings_of("? [a]\n: b\n") ==
        Strings{"f.yaml:1:3: error: keys must be plain words, not lists or mappings"});
}

TEST_CASE("yaml parse refuses what other YAML readers refuse") {
  // yaml-cpp reads these without a word; PyYAML and yamllint refuse them.
  SUBCASE("an unterminated quoted scalar") {
    for (std::string text : {"a: 'x\n", "a: \"x\n", "a: 'x\nb: 1\n"}) {
      CAPTURE(text);
      Findings findings;
      yaml::Node root = yaml::parse(text, "f.yaml", findings);
      CHECK(findings.has_errors());
      CHECK(root.kind == yaml::Kind::kNull);
    }
  }
  SUBCASE("a key without a colon") {
    Findings findings;
    yaml::parse("title: x\nsubmitted\n", "f.yaml", findings);
    CHECK(findings.has_errors());
  }
}

TEST_CASE("a quote inside plain text is text, not a quote left open") {
  Findings findings;
  yaml::Node root =
      yaml::parse_full("narrative: Hadir 40 warga, '20 perempuan\nb: Jum'at\n", "x.yaml", findings);
  CHECK(findings.size() == 0);
  REQUIRE(root.entries.size() == 2);
  CHECK(root.entries[0].value.value == "Hadir 40 warga, '20 perempuan");
  CHECK(root.entries[1].value.value == "Jum'at");
}

TEST_CASE("the escapes \\N \\_ \\L \\P decode to UTF-8") {
  Findings findings;
  yaml::Node root = yaml::parse("a: \"x\\_y\\Nz\\Lw\\Pv\\x85\"\n", "x.yaml", findings);
  CHECK(findings.size() == 0);
  REQUIRE(root.entries.size() == 1);
  CHECK(root.entries[0].value.value == "x\xC2\xA0y\xC2\x85z\xE2\x80\xA8w\xE2\x80\xA9v\xC2\x85");
}

TEST_CASE("yaml has_comments") {
  SUBCASE("comments") {
    CHECK(yaml::has_comments("# top\na: b\n"));
    CHECK(yaml::has_comments("a: b # after a value\n"));
    CHECK(yaml::has_comments("a: b\t# after a tab\n"));
    CHECK(yaml::has_comments("a:\n  # indented\n  b: c\n"));
    CHECK(yaml::has_comments("tags: [a, b] # flow\n"));
    CHECK(yaml::has_comments("a: 'x # y' # real\n"));
    CHECK(yaml::has_comments("a: |\n  text\n# after the block\nb: c\n"));
    CHECK(yaml::has_comments("a: |  # on the header\n  text\n"));
    CHECK(yaml::has_comments("a: don't # worry\n"));
    CHECK(yaml::has_comments("a: 'it''s' # yes\n"));
    CHECK(yaml::has_comments("a: \"q\\\"\" # yes\n"));
    // A quote inside plain text opens nothing: YAML's rule, not "after ', '".
    CHECK(yaml::has_comments(
        "narrative: Rapat dengan camat, 'bupati berhalangan   # catatan internal\n"));
    CHECK(yaml::has_comments("title: Jum'at Bersih # tiap pekan\nnote: x\n"));
    CHECK(yaml::has_comments("a: Rapat\n  'bupati hadir' # lanjut\n"));  // plain going on
    CHECK(yaml::has_comments("a: 'x'# right after the quote\n"));
    CHECK(yaml::has_comments("a:\n  - |\n    # text\n  - b # c\n"));
    // A line indented less than a block's own lines ends it, even past the key.
    CHECK(yaml::has_comments("a: |\n    text\n  # c\nb: 1\n"));
    CHECK(yaml::has_comments("a:\n  - |\n      text\n    # c\n"));
  }
  SUBCASE("no comments") {
    CHECK_FALSE(yaml::has_comments(""));
    CHECK_FALSE(yaml::has_comments("a: b\n"));
    CHECK_FALSE(yaml::has_comments("a: b#c\n"));
    CHECK_FALSE(yaml::has_comments("narrative: Hadir 40 warga, '20 perempuan\n"));
    // CRLF, as git may check files out on Windows.
    CHECK_FALSE(yaml::has_comments("tags:\r\n  - 'C # dasar'\r\n"));
    CHECK_FALSE(yaml::has_comments("note:\r\n  |\r\n  teks # bukan\r\n"));
    CHECK_FALSE(yaml::has_comments("a: x\n  'y#z\n"));  // plain text going on
    CHECK_FALSE(yaml::has_comments("url: http://x.id/#frag\n"));
    CHECK_FALSE(yaml::has_comments("a: 'x # y'\n"));
    CHECK_FALSE(yaml::has_comments("a: \"x # y\"\n"));
    CHECK_FALSE(yaml::has_comments("a: 'it''s # still quoted'\n"));
    CHECK_FALSE(yaml::has_comments("a: \"q\\\" # still quoted\"\n"));
    CHECK_FALSE(yaml::has_comments("tags: ['a # b', \"c # d\"]\n"));
    CHECK_FALSE(yaml::has_comments("a: |\n  line # not a comment\n  # nor this\nb: c\n"));
    CHECK_FALSE(yaml::has_comments("a: >-\n  folded # text\n"));
    CHECK_FALSE(yaml::has_comments("a: |2\n   indented # text\n"));
    CHECK_FALSE(yaml::has_comments("plan:\n  - step: |\n      x # y\n    due: 2018-01-01\n"));
    CHECK_FALSE(yaml::has_comments("a: 'multi\n  # line quoted'\n"));
    CHECK_FALSE(yaml::has_comments("- 'x # y'\n"));
  }
}

TEST_CASE("yaml has_comments sees comments after a plain apostrophe or a nested block scalar") {
  // The value is the plain scalar "Rock 'n roll"; the rest is a comment.
  CHECK(yaml::has_comments("title: Rock 'n roll # catatan\n"));
  CHECK(yaml::has_comments("title: Rock 'n roll\n# catatan\n"));
  // The block scalar of "step" ends where "due" starts, at the key's column.
  CHECK(yaml::has_comments("plan:\n  - step: |\n      x\n    due: 2018-01-01 # catatan\n"));
}

TEST_CASE("yaml-cpp's parser messages are known: each is said in Indonesian when asked") {
  namespace M = YAML::ErrorMsg;
  const std::vector<std::string> sentences = {M::YAML_DIRECTIVE_ARGS,
                                              M::YAML_MAJOR_VERSION,
                                              M::REPEATED_YAML_DIRECTIVE,
                                              M::TAG_DIRECTIVE_ARGS,
                                              M::REPEATED_TAG_DIRECTIVE,
                                              M::CHAR_IN_TAG_HANDLE,
                                              M::TAG_WITH_NO_SUFFIX,
                                              M::END_OF_VERBATIM_TAG,
                                              M::END_OF_MAP,
                                              M::END_OF_MAP_FLOW,
                                              M::END_OF_SEQ,
                                              M::END_OF_SEQ_FLOW,
                                              M::MULTIPLE_TAGS,
                                              M::MULTIPLE_ANCHORS,
                                              M::MULTIPLE_ALIASES,
                                              M::ALIAS_CONTENT,
                                              M::INVALID_HEX,
                                              M::UNKNOWN_TOKEN,
                                              M::DOC_IN_SCALAR,
                                              M::EOF_IN_SCALAR,
                                              M::CHAR_IN_SCALAR,
                                              M::TAB_IN_INDENTATION,
                                              M::FLOW_END,
                                              M::BLOCK_ENTRY,
                                              M::MAP_KEY,
                                              M::MAP_VALUE,
                                              M::ALIAS_NOT_FOUND,
                                              M::ANCHOR_NOT_FOUND,
                                              M::CHAR_IN_ALIAS,
                                              M::CHAR_IN_ANCHOR,
                                              M::ZERO_INDENT_IN_BLOCK,
                                              M::CHAR_IN_BLOCK,
                                              M::AMBIGUOUS_ANCHOR,
                                              M::UNKNOWN_ANCHOR,
                                              M::SINGLE_QUOTED_CHAR};
  // Those followed by what the scanner found.
  const std::vector<std::string> heads = {M::YAML_VERSION, M::INVALID_UNICODE, M::INVALID_ESCAPE};
  for (const auto& sentence : sentences) CHECK(yaml::yaml_cpp_message(sentence) == sentence);
  for (const auto& head : heads) CHECK(yaml::yaml_cpp_message(head + "q") == head + "q");
  CHECK(yaml::yaml_cpp_message("something new") == "something new");

  set_message_language(MessageLanguage::kIndonesian);
  for (const auto& sentence : sentences) {
    CAPTURE(sentence);
    CHECK(yaml::yaml_cpp_message(sentence) != sentence);
  }
  for (const auto& head : heads) {
    CAPTURE(head);
    std::string said = yaml::yaml_cpp_message(head + "q");
    CHECK(said != head + "q");
    CHECK(said.ends_with(": q"));
  }
  CHECK(yaml::yaml_cpp_message(M::END_OF_MAP) == "akhir pemetaan tidak ditemukan");
  CHECK(yaml::yaml_cpp_message(std::string(M::INVALID_ESCAPE) + "\\q") ==
        "karakter escape tidak dikenal: \\q");
  CHECK(yaml::yaml_cpp_message("something new") == "something new");
  set_message_language(MessageLanguage::kEnglish);
}
