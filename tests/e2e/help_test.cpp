// inovasi help TOPIC: the texts that teach the records, the scoring, the CSV
// layouts and the periods, the list of topics, and a word that is neither a
// command nor a topic; the topics and every command's help in Indonesian.
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

// A topic's page fits a terminal and ends by naming manual pages that exist,
// after `see_also` ("See also: ").
void check_page(const std::string& text, const std::string& see_also) {
  std::vector<std::string> lines = split_lines(text);
  REQUIRE(!lines.empty());
  for (const auto& line : lines) {
    CAPTURE(line);
    CHECK(columns(line) <= 80);
    CHECK((line.empty() || line.back() != ' '));
  }
  CHECK(lines.size() <= 112);
  auto last = text.rfind("\n\n" + see_also);
  REQUIRE(last != std::string::npos);
  CHECK(text.find("\n\n", last + 2) == std::string::npos);
  std::string pages = text.substr(last + 2 + see_also.size());
  std::size_t named = 0;
  for (std::size_t at = pages.find("inovasi"); at != std::string::npos;
       at = pages.find("inovasi", at + 1)) {
    auto open = pages.find('(', at), close = pages.find(')', at);
    REQUIRE(close != std::string::npos);
    std::string page = pages.substr(at, open - at) + "." + pages.substr(open + 1, close - open - 1);
    CAPTURE(page);
    CHECK(stdfs::exists(fixtures().parent_path().parent_path() / "man" / page));
    ++named;
    at = close;
  }
  CHECK(named >= 4);
}

// The commands inovasi --help lists under `heading` ("Subcommands:"): the
// first word of each line of that section.
std::vector<std::string> listed_commands(const std::string& help, const std::string& heading) {
  std::vector<std::string> names;
  auto at = help.find("\n" + heading + "\n");
  if (at == std::string::npos) return names;
  std::string section = help.substr(at + heading.size() + 2);
  for (const auto& line : split_lines(section.substr(0, section.find("\n\n")))) {
    auto start = line.find_first_not_of(' ');
    if (start != 2) continue;  // a description continued on the next line
    names.push_back(line.substr(2, line.find(' ', 2) - 2));
  }
  return names;
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
    check_page(r.out, "See also: ");
  }
}

TEST_CASE("help TOPIC in Indonesian, with --lang id or INOVASI_LANG=id") {
  Sandbox sandbox;
  for (std::string topic : kTopics) {
    CAPTURE(topic);
    Result r = sandbox.run({"--lang", "id", "help", topic});
    CHECK(r.status == 0);
    CHECK(r.err == "");
    check_golden(r.out, golden_dir() / "help" / (topic + ".id.txt"));
    check_page(r.out, "Lihat juga: ");
    CHECK(r.out != sandbox.run({"help", topic}).out);

    // The environment says the same.
    Result env = sandbox.run({"help", topic}, "", {{"INOVASI_LANG", "id"}});
    CHECK(env.status == 0);
    CHECK(env.out == r.out);
    // --lang en overrides the environment.
    CHECK(sandbox.run({"--lang", "en", "help", topic}, "", {{"INOVASI_LANG", "id"}}).out ==
          sandbox.run({"help", topic}).out);
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

TEST_CASE("help and --help in Indonesian end with the list of topics in Indonesian") {
  Sandbox sandbox;
  const std::string list =
      "\nTopik bantuan (inovasi help TOPIK):\n"
      "  records   folder program: setiap berkas catatan dan isiannya\n"
      "  scoring   cara evaluate menilai target dan kontrak serta merangkum program\n"
      "  csv       berkas CSV yang dibaca impor --from dan ditulis ekspor\n"
      "  periods   triwulan, semester dan tahun, jatuh tempo, --as-of dan --period\n";
  const std::vector<std::pair<std::vector<std::string>, Env>> asked = {
      {{"--lang", "id", "--help"}, {}},     {{"--help", "--lang", "id"}, {}},
      {{"--lang", "id", "help"}, {}},       {{"--help"}, {{"INOVASI_LANG", "id"}}},
      {{"help"}, {{"INOVASI_LANG", "id"}}}, {{"--lang", "id", "help", "help"}, {}},
  };
  for (const auto& [args, env] : asked) {
    CAPTURE(args);
    Result r = sandbox.run(args, "", env);
    CHECK(r.status == 0);
    CHECK(r.err == "");
    REQUIRE(r.out.size() > list.size());
    CHECK(r.out.substr(r.out.size() - list.size()) == list);
    CHECK(r.out.find("Help topics") == std::string::npos);
  }
}

TEST_CASE("every command's help in Indonesian opens with its summary and examples") {
  Sandbox sandbox;
  std::vector<std::string> commands = listed_commands(sandbox.run({"--help"}).out, "Subcommands:");
  REQUIRE(commands.size() >= 14);
  std::string listing = sandbox.run({"--lang", "id", "--help"}).out;
  CHECK(listed_commands(listing, "Perintah:") == commands);
  for (const std::string& command : commands) {
    CAPTURE(command);
    Result english = sandbox.run({command, "--help"});
    Result r = sandbox.run({"--lang", "id", command, "--help"});
    CHECK(r.status == 0);
    CHECK(r.err == "");
    // Its summary in Indonesian, as the list of commands gives it.
    std::string summary = r.out.substr(0, r.out.find('\n'));
    CHECK(summary != english.out.substr(0, english.out.find('\n')));
    CHECK(listing.find(" " + summary + "\n") != std::string::npos);
    // Then at least two examples of this command under "Contoh:", then the
    // usage.
    REQUIRE(r.out.starts_with(summary + "\n\nContoh:\n"));
    auto examples = summary.size() + 2;
    auto end = r.out.find("\n\n", examples);
    REQUIRE(end != std::string::npos);
    std::size_t calls = 0;
    for (const auto& line : split_lines(r.out.substr(examples, end - examples)))
      calls += line.starts_with("  inovasi ") &&
               ((line + " ").find(" " + command + " ") != std::string::npos);
    CHECK(calls >= 2);
    const std::string usage = "\n\nPemakaian: inovasi " + command;
    CHECK(r.out.substr(end, usage.size()) == usage);
    CHECK(r.out.find("Examples:") == std::string::npos);
    // help COMMAND and INOVASI_LANG say the same.
    CHECK(sandbox.run({"--lang", "id", "help", command}).out == r.out);
    CHECK(sandbox.run({command, "--help"}, "", {{"INOVASI_LANG", "id"}}).out == r.out);
  }
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
