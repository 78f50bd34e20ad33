// inovasi help TOPIC: the texts that teach the records, the scoring, the CSV
// layouts and the periods, the list of topics, and a word that is neither a
// command nor a topic.
#include <doctest/doctest.h>

#include <cctype>
#include <map>

#include "harness.h"

using namespace e2e;

namespace {

const char* kTopics[] = {"records", "scoring", "csv", "periods"};

// Terminal columns: every UTF-8 code point counts one.
std::size_t columns(const std::string& line) {
  std::size_t n = 0;
  for (unsigned char c : line) n += (c & 0xC0) != 0x80;
  return n;
}

// "dinas, badan, ..., section or other" as its items.
std::vector<std::string> alternatives(std::string list) {
  std::vector<std::string> items;
  auto last = list.rfind(" or ");
  if (last != std::string::npos) list.replace(last, 4, ", ");
  std::size_t start = 0;
  while (true) {
    auto comma = list.find(", ", start);
    items.push_back(list.substr(start, comma - start));
    if (comma == std::string::npos) break;
    start = comma + 2;
  }
  return items;
}

// The field's entry in 'help records': its line and the lines that go on
// with its value (indented past the field's name).
std::string entry(const std::string& records, const std::string& start) {
  auto at = records.find("\n" + start);
  if (at == std::string::npos) return "";
  std::string text;
  bool first = true;
  for (const auto& line : split_lines(records.substr(at + 1))) {
    if (!first && !line.starts_with(std::string(20, ' '))) break;
    text += line + "\n";
    first = false;
  }
  return text;
}

}  // namespace

TEST_CASE("help TOPIC prints the topic's text") {
  Sandbox sandbox;
  for (std::string topic : kTopics) {
    CAPTURE(topic);
    Result r = sandbox.run({"help", topic});
    CHECK(r.status == 0);
    CHECK(r.err == "");
    check_golden(r.out, golden_dir() / "help" / (topic + ".txt"));

    // It fits a terminal and ends by naming manual pages that exist.
    std::vector<std::string> lines = split_lines(r.out);
    REQUIRE(!lines.empty());
    for (const auto& line : lines) {
      CAPTURE(line);
      CHECK(columns(line) <= 80);
      CHECK((line.empty() || line.back() != ' '));
    }
    CHECK(lines.size() <= 110);
    auto see_also = r.out.rfind("\n\nSee also: ");
    REQUIRE(see_also != std::string::npos);
    CHECK(r.out.find("\n\n", see_also + 2) == std::string::npos);
    std::string pages = r.out.substr(see_also + 12);
    std::size_t named = 0;
    for (std::size_t at = pages.find("inovasi"); at != std::string::npos;
         at = pages.find("inovasi", at + 1)) {
      auto open = pages.find('(', at), close = pages.find(')', at);
      REQUIRE(close != std::string::npos);
      std::string page =
          pages.substr(at, open - at) + "." + pages.substr(open + 1, close - open - 1);
      CAPTURE(page);
      CHECK(stdfs::exists(fixtures().parent_path().parent_path() / "man" / page));
      ++named;
      at = close;
    }
    CHECK(named >= 4);
  }
}

TEST_CASE("help and --help end with the list of topics") {
  Sandbox sandbox;
  const std::string list =
      "\nHelp topics (inovasi help TOPIC):\n"
      "  records   the programme directory: every record file and its fields\n"
      "  scoring   how evaluate scores targets and contracts and sums up the programme\n"
      "  csv       the CSV files the --from imports read and the exports write\n"
      "  periods   quarters, halves and years, due dates, --as-of and --period\n";
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"help"}, std::vector<std::string>{"--help"}}) {
    CAPTURE(args.front());
    Result r = sandbox.run(args);
    CHECK(r.status == 0);
    CHECK(r.err == "");
    REQUIRE(r.out.size() > list.size());
    CHECK(r.out.substr(r.out.size() - list.size()) == list);
    CHECK(r.out.find("\n  help ") != std::string::npos);
  }
  // The help subcommand explains itself, as every command does: examples
  // first, then its usage, and the topics at the end.
  Result r = sandbox.run({"help", "help"});
  CHECK(r.status == 0);
  CHECK(
      r.out.starts_with("Show help for inovasi, for one command, or on a topic\n\n"
                        "Examples:\n"
                        "  inovasi help evaluate\n"
                        "  inovasi help scoring\n"
                        "  inovasi help csv | less\n"
                        "\n"
                        "Usage: inovasi help [OPTIONS] [topic]\n"));
  CHECK(r.out.find("records, scoring, csv or periods") != std::string::npos);
  REQUIRE(r.out.size() > list.size());
  CHECK(r.out.substr(r.out.size() - list.size()) == list);
  CHECK(r.out == sandbox.run({"help", "--help"}).out);
}

TEST_CASE("help of a word that is neither a command nor a topic exits 2") {
  Sandbox sandbox;
  Result r = sandbox.run({"help", "nosuch"});
  CHECK(r.err ==
        "inovasi: error: 'nosuch' is neither an inovasi command nor a help topic\n"
        "Run 'inovasi --help' for the list of commands; the help topics are records, scoring, "
        "csv and periods.\n");
  CHECK(r.out == "");
  CHECK(r.status == 2);

  r = sandbox.run({"help", "recrods"});
  CHECK(r.err ==
        "inovasi: error: 'recrods' is neither an inovasi command nor a help topic; did you mean "
        "'records'?\n"
        "Run 'inovasi --help' for the list of commands; the help topics are records, scoring, "
        "csv and periods.\n");
  CHECK(r.status == 2);

  r = sandbox.run({"help", "lis"});
  CHECK(r.err ==
        "inovasi: error: 'lis' is neither an inovasi command nor a help topic; did you mean "
        "'list'?\n"
        "Run 'inovasi --help' for the list of commands; the help topics are records, scoring, "
        "csv and periods.\n");
  CHECK(r.status == 2);

  // A topic given as a command points to its help.
  r = sandbox.run({"scoring"});
  CHECK(r.err ==
        "inovasi: error: 'scoring' is not an inovasi command; did you mean 'inovasi help "
        "scoring'?\n"
        "Run 'inovasi --help' for the list of commands.\n");
  CHECK(r.out == "");
  CHECK(r.status == 2);
}

TEST_CASE("help records names every value the enumerations take, at its field") {
  // Every enumeration refused at once: its message lists the values inovasi
  // reads, and help records must list each at the field that takes it.
  Sandbox sandbox;
  sandbox.make_programme();
  sandbox.write("units/u.yaml", "id: u\nname: U\nkind: nosuch\n");
  sandbox.write("ideas/i.yaml",
                "id: i\n"
                "title: I\n"
                "unit: u\n"
                "proposer: {name: P, echelon: nosuch}\n"
                "initiator: nosuch\n"
                "category: nosuch\n"
                "kind: nosuch\n"
                "stage: nosuch\n");
  sandbox.write("contracts/c.yaml",
                "id: c\n"
                "unit: u\n"
                "start: 2018-04-01\n"
                "end: 2019-03-31\n"
                "targets:\n"
                "  - {id: t, name: T, polarity: nosuch, mode: nosuch, by_period: {2018-Q2: 1}}\n");
  Result check = sandbox.run({"check"});
  CHECK(check.status == 1);
  Result init = sandbox.run({"init", "baru", "--name", "N", "--region", "R", "--language", "x"});
  CHECK(init.status == 2);
  std::string refused = check.err + init.err;

  // What each message calls the enumeration, and where help records lists it.
  const std::map<std::string, std::string> fields = {
      {"a unit kind", "  kind*"},      {"an echelon", "  proposer.echelon"},
      {"an initiator", "  initiator"}, {"a category", "  category"},
      {"a kind", "  kind "},           {"a stage", "  stage"},
      {"a polarity", "    polarity"},  {"a mode", "    mode"},
      {"a language", "  language"},
  };
  std::string records = sandbox.run({"help", "records"}).out;
  std::size_t found = 0;
  for (const auto& line : split_lines(refused)) {
    auto is_not = line.find("' is not ");
    auto expected = line.find(" (expected ");
    if (is_not == std::string::npos || expected == std::string::npos) continue;
    std::string what = line.substr(is_not + 9, expected - is_not - 9);
    CAPTURE(line);
    REQUIRE(fields.count(what));
    std::string text = entry(records, fields.at(what));
    CAPTURE(text);
    REQUIRE(text != "");
    std::string list = line.substr(expected + 11, line.rfind(')') - expected - 11);
    for (const auto& value : alternatives(list)) {
      CAPTURE(value);
      // A whole word: "unit" is not found in "units", nor "id" in "idea".
      bool whole = false;
      for (auto at = text.find(value); at != std::string::npos && !whole;
           at = text.find(value, at + 1)) {
        auto end = at + value.size();
        auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; };
        whole = (at == 0 || !word(text[at - 1])) && (end == text.size() || !word(text[end]));
      }
      CHECK(whole);
    }
    ++found;
  }
  CHECK(found == fields.size());
}
