// CSV as spreadsheets write it, with positions, and formula neutralising.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "inovasi/util/csv.h"

using namespace inovasi;
using Strings = std::vector<std::string>;

namespace {

Strings texts(const csv::Record& r) {
  Strings out;
  for (const auto& f : r.fields) out.push_back(f.text);
  return out;
}

// "line:column" of every field of a record.
Strings places(const csv::Record& r) {
  Strings out;
  for (const auto& f : r.fields)
    out.push_back(std::to_string(f.line) + ":" + std::to_string(f.column));
  return out;
}

// "line:column: message" of the parse error, or "ok".
std::string parse_error(std::string_view text) {
  try {
    csv::parse(text);
  } catch (const csv::ParseError& e) {
    return std::to_string(e.line) + ":" + std::to_string(e.column) + ": " + e.what();
  }
  return "ok";
}

}  // namespace

TEST_CASE("csv plain rows") {
  auto doc = csv::parse("id,title\nantrean-online,Antrean Online\nsipandu,SiPandu\n");
  CHECK(doc.separator == ',');
  REQUIRE(doc.records.size() == 3);
  CHECK(texts(doc.records[0]) == Strings{"id", "title"});
  CHECK(texts(doc.records[1]) == Strings{"antrean-online", "Antrean Online"});
  CHECK(texts(doc.records[2]) == Strings{"sipandu", "SiPandu"});
  CHECK(doc.records[0].line == 1);
  CHECK(doc.records[2].line == 3);
  CHECK(places(doc.records[1]) == Strings{"2:1", "2:16"});
}

TEST_CASE("csv empty input and blank lines") {
  CHECK(csv::parse("").records.empty());
  CHECK(csv::parse("\n\n").records.empty());
  auto doc = csv::parse("a\n\nb\n");
  REQUIRE(doc.records.size() == 2);
  CHECK(texts(doc.records[1]) == Strings{"b"});
  CHECK(doc.records[1].line == 3);
  // Empty fields are kept; a line of separators is a row.
  auto empties = csv::parse("a,,b\n,\n");
  REQUIRE(empties.records.size() == 2);
  CHECK(texts(empties.records[0]) == Strings{"a", "", "b"});
  CHECK(texts(empties.records[1]) == Strings{"", ""});
  // No final line break.
  CHECK(texts(csv::parse("x,y").records[0]) == Strings{"x", "y"});
}

TEST_CASE("csv byte order mark and CRLF") {
  auto doc = csv::parse("\xEF\xBB\xBFid,name\r\nbappeda,Bappeda\r\n");
  REQUIRE(doc.records.size() == 2);
  CHECK(texts(doc.records[0]) == Strings{"id", "name"});
  CHECK(texts(doc.records[1]) == Strings{"bappeda", "Bappeda"});
  CHECK(places(doc.records[0]) == Strings{"1:1", "1:4"});
  CHECK(places(doc.records[1]) == Strings{"2:1", "2:9"});
}

TEST_CASE("csv CR alone ends a line, as classic Mac OS wrote it") {
  auto doc = csv::parse("id,name\rbappeda,Bappeda\rrsud,\"RSUD\rKoesma\"\rx,y");
  REQUIRE(doc.records.size() == 4);
  CHECK(texts(doc.records[2]) == Strings{"rsud", "RSUD\rKoesma"});
  CHECK(places(doc.records[1]) == Strings{"2:1", "2:9"});
  CHECK(places(doc.records[2]) == Strings{"3:1", "3:6"});
  CHECK(places(doc.records[3]) == Strings{"5:1", "5:3"});
  CHECK(parse_error("a,b\rc,\"d\"e") == "2:6: unexpected text after the closing quote of a field");
  CHECK(parse_error("a\r\rb\xFF") == "3:2: invalid UTF-8 (save the file as UTF-8)");
  // CRLF is one line end, not two.
  CHECK(places(csv::parse("a\r\nb\r\n").records[1]) == Strings{"2:1"});
}

TEST_CASE("csv Reader gives the records one at a time, as parse gives them all") {
  const std::string text = "id;title\n\nx;\"a;b\"\r\ny;c\n";
  csv::Reader reader(text);
  CHECK(reader.separator() == ';');
  csv::Record record;
  Strings lines;
  while (reader.next(record)) lines.push_back(std::to_string(record.line) + " " + texts(record)[1]);
  CHECK(lines == Strings{"1 title", "3 a;b", "4 c"});
}

TEST_CASE("csv separator detection") {
  SUBCASE("semicolons, as Indonesian spreadsheets save") {
    auto doc = csv::parse("id;title;budget\nx;Judul, dengan koma;1500000\n");
    CHECK(doc.separator == ';');
    CHECK(texts(doc.records[1]) == Strings{"x", "Judul, dengan koma", "1500000"});
  }
  SUBCASE("the header decides, by count") {
    CHECK(csv::parse("a,b;c;d\n").separator == ';');
    CHECK(csv::parse("a;b,c,d\n").separator == ',');
    CHECK(csv::parse("a\n").separator == ',');
  }
  SUBCASE("separators inside quotes do not count") {
    CHECK(csv::parse("\"a,b,c\";d\n").separator == ';');
    CHECK(csv::parse("\"a;b;c\",d\n").separator == ',');
  }
  SUBCASE("only the first line is looked at") {
    CHECK(csv::parse("a,b\nc;d;e;f\n").separator == ',');
  }
  SUBCASE("an explicit separator wins") {
    auto doc = csv::parse("a;b,c\n", ',');
    CHECK(doc.separator == ',');
    CHECK(texts(doc.records[0]) == Strings{"a;b", "c"});
  }
}

TEST_CASE("csv quoted fields") {
  SUBCASE("separators, doubled quotes and line breaks inside quotes") {
    auto doc = csv::parse("a,\"b,c\",\"He said \"\"hi\"\"\",\"line 1\nline 2\"\n");
    REQUIRE(doc.records.size() == 1);
    CHECK(texts(doc.records[0]) == Strings{"a", "b,c", "He said \"hi\"", "line 1\nline 2"});
  }
  SUBCASE("CRLF inside quotes becomes LF") {
    auto doc = csv::parse("\"x\r\ny\",z\r\n");
    CHECK(texts(doc.records[0]) == Strings{"x\ny", "z"});
  }
  SUBCASE("an empty quoted field") {
    CHECK(texts(csv::parse("\"\",a\n").records[0]) == Strings{"", "a"});
  }
  SUBCASE("positions after a multi-line field") {
    auto doc = csv::parse("id,text,n\na,\"x\ny\",c\nd,e,f\n");
    REQUIRE(doc.records.size() == 3);
    CHECK(doc.records[1].line == 2);
    CHECK(places(doc.records[1]) == Strings{"2:1", "2:3", "3:4"});
    CHECK(doc.records[2].line == 4);
    CHECK(places(doc.records[2]) == Strings{"4:1", "4:3", "4:5"});
  }
  SUBCASE("columns count characters, not bytes") {
    auto doc = csv::parse("Désa,é,x\n");
    CHECK(places(doc.records[0]) == Strings{"1:1", "1:6", "1:8"});
  }
}

TEST_CASE("csv errors with their line and column") {
  CHECK(parse_error("a,b\nc,\"oops\n") == "2:3: unterminated quoted field");
  CHECK(parse_error("\"never closed") == "1:1: unterminated quoted field");
  CHECK(parse_error("a,\"b\"x,c\n") == "1:6: unexpected text after the closing quote of a field");
  CHECK(parse_error("id\n\"a\nb\" c\n") ==
        "3:3: unexpected text after the closing quote of a field");
  CHECK(parse_error("ab\nc\xFF"
                    "d\n") == "2:2: invalid UTF-8 (save the file as UTF-8)");
  CHECK(parse_error("é,\xC3\n") == "1:3: invalid UTF-8 (save the file as UTF-8)");
  CHECK(parse_error("\xEF\xBB\xBF"
                    "a,\xED\xA0\x80\n") == "1:3: invalid UTF-8 (save the file as UTF-8)");
}

TEST_CASE("csv neutralise formulas") {
  SUBCASE("cells a spreadsheet would run get a quote") {
    CHECK(csv::neutralise("=SUM(A1:A9)") == "'=SUM(A1:A9)");
    CHECK(csv::neutralise("+62 812 3456") == "'+62 812 3456");
    CHECK(csv::neutralise("-5") == "'-5");
    CHECK(csv::neutralise("@cmd") == "'@cmd");
    CHECK(csv::neutralise("\tx") == "'\tx");
    CHECK(csv::neutralise("\rx") == "'\rx");
  }
  SUBCASE("other cells are left alone") {
    CHECK(csv::neutralise("") == "");
    CHECK(csv::neutralise("Antrean Online") == "Antrean Online");
    CHECK(csv::neutralise("a=b") == "a=b");
    CHECK(csv::neutralise("'quoted'") == "'quoted'");
  }
  SUBCASE("unneutralise removes exactly that prefix") {
    CHECK(csv::unneutralise("'=SUM(A1:A9)") == "=SUM(A1:A9)");
    CHECK(csv::unneutralise("'+62") == "+62");
    CHECK(csv::unneutralise("'-5") == "-5");
    CHECK(csv::unneutralise("'@cmd") == "@cmd");
    CHECK(csv::unneutralise("'\tx") == "\tx");
    CHECK(csv::unneutralise("'\rx") == "\rx");
    CHECK(csv::unneutralise("'") == "'");
    CHECK(csv::unneutralise("'abc") == "'abc");
    CHECK(csv::unneutralise("=x") == "=x");
    CHECK(csv::unneutralise("") == "");
  }
}

TEST_CASE("csv neutralise and unneutralise round trip every text") {
  for (std::string text : {"", "x", "=1+2", "+62", "-", "@", "\t", "\r", "'", "'x", "''=x", "'=x",
                           "'+62", "'-5", "'@a"}) {
    CAPTURE(text);
    CHECK(csv::unneutralise(csv::neutralise(text)) == text);
  }
}

TEST_CASE("csv format_row quotes only what needs it") {
  CHECK(csv::format_row({}) == "\n");
  CHECK(csv::format_row({"a", "b"}) == "a,b\n");
  CHECK(csv::format_row({"a", "b,c", "d\"e", "f\ng", "h\ri", ""}) ==
        "a,\"b,c\",\"d\"\"e\",\"f\ng\",\"h\ri\",\n");
  CHECK(csv::format_row({"a,b", "c;d"}, ';') == "a,b;\"c;d\"\n");
  CHECK(csv::format_row({" spaced ", "Désa"}) == " spaced ,Désa\n");
  CHECK(csv::quote("plain") == "plain");
  CHECK(csv::quote("\"") == "\"\"\"\"");

  SUBCASE("what format_row writes, parse reads back") {
    Strings row = {"id", "x,y", "say \"hi\"", "two\nlines", "", "; and ,"};
    for (char sep : {',', ';'}) {
      auto doc = csv::parse(csv::format_row(row, sep) + csv::format_row(row, sep), sep);
      REQUIRE(doc.records.size() == 2);
      CHECK(texts(doc.records[0]) == row);
      CHECK(texts(doc.records[1]) == row);
    }
  }
}

TEST_CASE("csv format_row in a spreadsheet's style: separator and CRLF") {
  CHECK(csv::format_row({"a", "b;c", "d,e"}, csv::Style{}) == "a,b;c,\"d,e\"\n");
  CHECK(csv::format_row({"a", "b;c", "d,e"}, csv::Style{';', true, false}) == "a;\"b;c\";d,e\r\n");
  // A line break inside a field stays LF; only the row's end becomes CRLF.
  CHECK(csv::format_row({"x\ny"}, csv::Style{',', true, false}) == "\"x\ny\"\r\n");
  CHECK(csv::kBom == "\xEF\xBB\xBF");
}
