#include <doctest/doctest.h>

#include <stdexcept>

#include "inovasi/util/messages.h"

using namespace inovasi;

namespace {

// Restores English after a test that chose Indonesian.
struct Speaking {
  explicit Speaking(MessageLanguage language) { set_message_language(language); }
  ~Speaking() { set_message_language(MessageLanguage::kEnglish); }
};

std::string error_of(std::string_view po) {
  try {
    Catalogue{po};
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("a PO catalogue: strings, escapes, continued lines, comments") {
  Catalogue c(
      "# a comment\n"
      "msgid \"unit '{}' does not exist\"\n"
      "msgstr \"OPD '{}' tidak ada\"\n"
      "\n"
      "#: src/cli/app.cpp:1\n"
      "msgid \"\"\n"
      "\"two\\n\"\n"
      "\"lines \\\"quoted\\\"\\tand a tab\"\n"
      "msgstr \"\"\n"
      "\"dua\\n\"\n"
      "\"baris\"\n"
      "\n"
      "msgid \"untranslated\"\n"
      "msgstr \"\"\n"
      "\n"
      "#, fuzzy\n"
      "msgid \"unsure\"\n"
      "msgstr \"ragu\"\n");
  CHECK(c.size() == 2);
  CHECK(c.find("unit '{}' does not exist") == "OPD '{}' tidak ada");
  CHECK(c.find("two\nlines \"quoted\"\tand a tab") == "dua\nbaris");
  CHECK_FALSE(c.find("untranslated"));
  CHECK_FALSE(c.find("unsure"));
}

TEST_CASE("a PO catalogue that is not one names its line") {
  CHECK(error_of("msgid \"a\"\n") == "line 1: msgid without msgstr");
  CHECK(error_of("msgstr \"a\"\n") == "line 1: msgstr without msgid");
  CHECK(error_of("msgid \"a\"\nmsgstr \"b\nc\"\n") == "line 2: the string has no closing quote");
  CHECK(error_of("msgid \"a\\q\"\nmsgstr \"b\"\n") == "line 1: unknown escape \\q");
  CHECK(error_of("\n\nmsgid a\n") == "line 3: expected a string in double quotes");
  CHECK(error_of("msgid \"a\" x\nmsgstr \"b\"\n") == "line 1: unexpected text after the string");
  CHECK(error_of("msgid \"a\"\nmsgstr \"b\"\nmsgid \"a\"\nmsgstr \"c\"\n") ==
        "line 3: msgid given twice: \"a\"");
  CHECK(error_of("msgid \"a\"\nmsgstr \"b\"\nhello\n") ==
        "line 3: expected msgid, msgstr, a string or a # comment");
}

TEST_CASE("the built-in catalogue is a catalogue") {
  CHECK(Catalogue(indonesian_catalogue()).size() > 0);
}

TEST_CASE("messages are English unless Indonesian is chosen") {
  CHECK(message_language() == MessageLanguage::kEnglish);
  CHECK(tr("error") == "error");
  CHECK(msg("'{}' is not an inovasi command", "chek") == "'chek' is not an inovasi command");
  Speaking indonesian(MessageLanguage::kIndonesian);
  CHECK(tr("error") == "galat");
  CHECK(msg("'{}' is not an inovasi command", "chek") == "'chek' bukan perintah inovasi");
  CHECK(msg("'{}' works on one programme, and -C was given {} times; only evaluate and export "
            "take several",
            "check", 2) ==
        "'check' bekerja pada satu program, sedangkan -C diberikan 2 kali; hanya evaluate dan "
        "export yang menerima beberapa");
  SUBCASE("a text the catalogue lacks stays English") {
    CHECK(tr("no such message") == "no such message");
    CHECK(msg("no such {}", "message") == "no such message");
  }
}
