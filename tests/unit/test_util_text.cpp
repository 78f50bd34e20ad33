// Text helpers: trimming, splitting, slugs, did-you-mean and UTF-8.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "inovasi/util/text.h"

using namespace inovasi;
using Strings = std::vector<std::string>;

TEST_CASE("text trim removes spaces, tabs and line breaks at both ends") {
  CHECK(text::trim("") == "");
  CHECK(text::trim("   ") == "");
  CHECK(text::trim(" \t\r\n") == "");
  CHECK(text::trim("abc") == "abc");
  CHECK(text::trim(" \t a b \r\n") == "a b");
  CHECK(text::trim("  Dinas  Kesehatan\t") == "Dinas  Kesehatan");
}

TEST_CASE("text split keeps empty parts") {
  CHECK(text::split("", ',') == Strings{""});
  CHECK(text::split("a", ',') == Strings{"a"});
  CHECK(text::split("a,b", ',') == Strings{"a", "b"});
  CHECK(text::split("a,,b", ',') == Strings{"a", "", "b"});
  CHECK(text::split("a,", ',') == Strings{"a", ""});
  CHECK(text::split(",a", ',') == Strings{"", "a"});
  CHECK(text::split("x\ny\n", '\n') == Strings{"x", "y", ""});
}

TEST_CASE("text join and lower_ascii") {
  CHECK(text::join({}, ", ") == "");
  CHECK(text::join({"a"}, ", ") == "a");
  CHECK(text::join({"a", "b", "c"}, ", ") == "a, b, c");
  CHECK(text::lower_ascii("RSUD Dr. Koesma") == "rsud dr. koesma");
  // Only ASCII letters change; UTF-8 bytes pass through.
  CHECK(text::lower_ascii("DÉSA") == "dÉsa");
}

TEST_CASE("text slugify") {
  SUBCASE("words are lower-cased and joined by single hyphens") {
    CHECK(text::slugify("Antrean Online") == "antrean-online");
    CHECK(text::slugify("Pelayanan Terpadu Satu Pintu") == "pelayanan-terpadu-satu-pintu");
    CHECK(text::slugify("  Kecamatan   Tuban  ") == "kecamatan-tuban");
  }
  SUBCASE("punctuation runs become one hyphen, none at the ends") {
    CHECK(text::slugify("RSUD dr. R. Koesma") == "rsud-dr-r-koesma");
    CHECK(text::slugify("-- (Si-Cantik) & [e-KTP]! --") == "si-cantik-e-ktp");
    CHECK(text::slugify("Dinas Pekerjaan Umum dan Penataan Ruang / PUPR") ==
          "dinas-pekerjaan-umum-dan-penataan-ruang-pupr");
    CHECK(text::slugify("2018: Tahun Inovasi") == "2018-tahun-inovasi");
  }
  SUBCASE("Latin accents are folded") {
    CHECK(text::slugify("Café Désa") == "cafe-desa");
    CHECK(text::slugify("ÀÉÎÕÜ Ñoño çà") == "aeiou-nono-ca");
  }
  SUBCASE("apostrophes are dropped, not turned into hyphens") {
    CHECK(text::slugify("Jum'at Bersih") == "jumat-bersih");
    CHECK(text::slugify("Jum\u2019at Bersih") == "jumat-bersih");
    CHECK(text::slugify("Ku'") == "ku");
  }
  SUBCASE("nothing usable gives an empty slug") {
    CHECK(text::slugify("") == "");
    CHECK(text::slugify("~") == "");
    CHECK(text::slugify("!!! ---") == "");
  }
  SUBCASE("invalid UTF-8 bytes are separators") {
    CHECK(text::slugify("a\xFF"
                        "b") == "a-b");
  }
  SUBCASE("a long title is cut at a word boundary within 64 characters") {
    // Seven words of ten letters: 76 characters; the sixth word would be cut.
    std::string word = "abcdefghij";
    std::string title;
    for (int i = 0; i < 7; ++i) title += word + " ";
    std::string slug = text::slugify(title);
    CHECK(slug == "abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghij");
    CHECK(text::is_slug(slug));
  }
  SUBCASE("one long word is cut at 64 characters") {
    std::string slug = text::slugify(std::string(70, 'x'));
    CHECK(slug == std::string(64, 'x'));
    CHECK(text::is_slug(slug));
  }
  SUBCASE("a short first word then a long one: cut inside the word") {
    std::string slug = text::slugify("ab " + std::string(80, 'y'));
    CHECK(slug == "ab-" + std::string(61, 'y'));
    CHECK(slug.size() == 64);
  }
}

TEST_CASE("text slugify keeps a last word that ends exactly at 64 characters") {
  // 40 letters, a hyphen and 23 letters make exactly 64; more words follow.
  std::string title = std::string(40, 'a') + " " + std::string(23, 'b') + " ccc ddd";
  CHECK(text::slugify(title) == std::string(40, 'a') + "-" + std::string(23, 'b'));
}

TEST_CASE("text slugify normalises the title (NFKC) and lists the letters it drops") {
  std::string dropped;
  CHECK(text::slugify("\uFF21\uFF4E\uFF54\uFF52\uFF45\uFF41\uFF4E \uFF11", &dropped) ==
        "antrean-1");
  CHECK(dropped.empty());
  CHECK(text::slugify("Pelayanan \u0160ehat \u0141", &dropped) == "pelayanan-sehat");
  CHECK(dropped == "\u0141 U+0141");
  dropped.clear();
  // Cyrillic A and O, twice each: listed once.
  CHECK(text::slugify("\u0410ntrean \u041Enline \u0410\u041E", &dropped) == "ntrean-nline");
  CHECK(dropped == "\u0410 U+0410, \u041E U+041E");
  dropped.clear();
  // Punctuation and symbols are not letters: nothing is lost.
  CHECK(text::slugify("Antrean \u2013 Online \u00A9", &dropped) == "antrean-online");
  CHECK(dropped.empty());
}

TEST_CASE("text is_reserved_name: the device names of Windows") {
  for (std::string name : {"con", "CON", "Prn", "aux", "nul", "com1", "COM9", "lpt1", "lpt9",
                           "con.yaml", "NUL.txt", "aux.tar.gz"}) {
    CAPTURE(name);
    CHECK(text::is_reserved_name(name));
  }
  for (std::string name : {"con-1", "console", "com0", "com10", "lpt", "nula", "acon", ""}) {
    CAPTURE(name);
    CHECK_FALSE(text::is_reserved_name(name));
  }
}

TEST_CASE("text is_slug") {
  SUBCASE("accepted") {
    CHECK(text::is_slug("a"));
    CHECK(text::is_slug("rsud-koesma"));
    CHECK(text::is_slug("2018"));
    CHECK(text::is_slug("kec-tuban-2"));
    CHECK(text::is_slug(std::string(64, 'a')));
  }
  SUBCASE("refused") {
    for (std::string bad : {"", "../x", "/etc/x", "a/b", "A", "a--b", "-a", "a-", "a b", "a_b",
                            "a.b", ".", "..", "é", "a\\b", "a\nb"}) {
      CAPTURE(bad);
      CHECK_FALSE(text::is_slug(bad));
    }
    CHECK_FALSE(text::is_slug(std::string(65, 'a')));
  }
}

TEST_CASE("text edit_distance and nearest") {
  CHECK(text::edit_distance("", "") == 0);
  CHECK(text::edit_distance("abc", "") == 3);
  CHECK(text::edit_distance("kitten", "sitting") == 3);
  // Optimal string alignment: swapping two neighbours is one edit.
  CHECK(text::edit_distance("stage", "stgae") == 1);
  CHECK(text::edit_distance("lsit", "list") == 1);
  CHECK(text::edit_distance("ca", "abc") == 3);

  Strings fields = {"id", "title", "unit", "stage", "submitted", "implemented_date"};
  SUBCASE("a typo finds its field") {
    CHECK(text::nearest("titel", fields) == "title");
    CHECK(text::nearest("submited", fields) == "submitted");
    CHECK(text::nearest("stgae", fields) == "stage");
    CHECK(text::nearest("implemented-date", fields) == "implemented_date");
  }
  SUBCASE("case does not count") {
    CHECK(text::nearest("TITLE", fields) == "title");
    CHECK(text::nearest("Unit", fields) == "unit");
  }
  SUBCASE("a word far from every candidate finds nothing") {
    CHECK_FALSE(text::nearest("anggaran", fields).has_value());
    CHECK_FALSE(text::nearest("xyz", {"title"}).has_value());
    CHECK_FALSE(text::nearest("title", {}).has_value());
  }
  SUBCASE("the first of equally close candidates wins") {
    CHECK(text::nearest("ab", {"ax", "ay"}) == "ax");
    CHECK(text::nearest("titel", {"tite", "title"}) == "tite");
    CHECK(text::nearest("titel", {"tigel", "title"}) == "tigel");
  }
}

// The full table of optimal string alignment, to compare the banded one with.
static std::size_t full_distance(const std::string& a, const std::string& b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

TEST_CASE("text edit_distance with a bound: exact within it, bound + 1 past it") {
  // Words of three letters, so that many pairs are close; a fixed sequence.
  std::uint32_t state = 12345;
  auto word = [&] {
    state = state * 1103515245u + 12345u;
    std::string w((state >> 16) % 9, 'a');
    for (char& c : w) {
      state = state * 1103515245u + 12345u;
      c = static_cast<char>('a' + (state >> 16) % 3);
    }
    return w;
  };
  for (int n = 0; n < 2000; ++n) {
    std::string a = word(), b = word();
    std::size_t exact = full_distance(a, b);
    CAPTURE(a);
    CAPTURE(b);
    CHECK(text::edit_distance(a, b) == exact);
    for (std::size_t bound = 0; bound < 10; ++bound)
      CHECK(text::edit_distance(a, b, bound) == std::min(exact, bound + 1));
  }
}

TEST_CASE("text Nearest: bounded work for many unknown words and many candidates") {
  Strings targets;
  for (int k = 0; k < 1000; ++k) targets.push_back("target-" + std::to_string(k));
  targets.push_back("pengguna-aplikasi");
  text::Nearest nearest(targets);
  // Only the first 1,000 candidates are compared.
  CHECK(nearest("target-99x") == "target-99");
  CHECK_FALSE(nearest("pengguna-aplikasx").has_value());
  CHECK(text::nearest("pengguna-aplikasx", targets) == "pengguna-aplikasi");
  // Words longer than 64 bytes get no suggestion.
  CHECK_FALSE(nearest("target-1" + std::string(60, '0')).has_value());
  // After 20 words asked for, none get one.
  for (int k = 3; k < 20; ++k) CHECK(nearest("targt-" + std::to_string(k)).has_value());
  CHECK_FALSE(nearest("target-5x").has_value());
}

TEST_CASE("text display_width counts code points") {
  CHECK(text::display_width("") == 0);
  CHECK(text::display_width("Kecamatan Tuban") == 15);
  CHECK(text::display_width("Désa Kenduruan") == 14);
  CHECK(text::display_width("…") == 1);
  CHECK(text::display_width("Rp 1.500.000 — anggaran") == 23);
}

TEST_CASE("text truncate_to_width") {
  SUBCASE("text that fits is unchanged") {
    CHECK(text::truncate_to_width("Bappeda", 7) == "Bappeda");
    CHECK(text::truncate_to_width("Bappeda", 20) == "Bappeda");
    CHECK(text::truncate_to_width("", 0) == "");
  }
  SUBCASE("cut text ends with an ellipsis and fits") {
    std::string cut = text::truncate_to_width("Dinas Pekerjaan Umum", 10);
    CHECK(cut == "Dinas Pek…");
    CHECK(text::display_width(cut) == 10);
  }
  SUBCASE("multi-byte letters are never split") {
    std::string cut = text::truncate_to_width("Café Désa Rengel", 8);
    CHECK(cut == "Café Dé…");
    CHECK(text::display_width(cut) == 8);
    CHECK(text::is_valid_utf8(cut));
    CHECK(text::truncate_to_width("ééééé", 3) == "éé…");
  }
  SUBCASE("tiny widths") {
    CHECK(text::truncate_to_width("Bappeda", 1) == "…");
    CHECK(text::truncate_to_width("Bappeda", 0) == "");
  }
}

TEST_CASE("text UTF-8 validation") {
  SUBCASE("well-formed text") {
    CHECK(text::is_valid_utf8(""));
    CHECK(text::is_valid_utf8("Kabupaten Tuban"));
    CHECK(text::is_valid_utf8("Désa € \xF0\x9D\x84\x9E"));  // 2, 3 and 4 bytes
    CHECK(text::is_valid_utf8("\xEF\xBF\xBF"));             // U+FFFF
    CHECK(text::is_valid_utf8("\xF4\x8F\xBF\xBF"));         // U+10FFFF
    CHECK_FALSE(text::first_invalid_utf8("Désa").has_value());
  }
  SUBCASE("overlong encodings") {
    CHECK_FALSE(text::is_valid_utf8("\xC0\xAF"));
    CHECK_FALSE(text::is_valid_utf8("\xC1\xBF"));
    CHECK_FALSE(text::is_valid_utf8("\xE0\x80\xAF"));
    CHECK_FALSE(text::is_valid_utf8("\xF0\x80\x80\xAF"));
  }
  SUBCASE("surrogates and values past U+10FFFF") {
    CHECK_FALSE(text::is_valid_utf8("\xED\xA0\x80"));  // U+D800
    CHECK_FALSE(text::is_valid_utf8("\xED\xBF\xBF"));  // U+DFFF
    CHECK_FALSE(text::is_valid_utf8("\xF4\x90\x80\x80"));
    CHECK_FALSE(text::is_valid_utf8("\xF8\x88\x80\x80\x80"));
  }
  SUBCASE("truncated and stray bytes") {
    CHECK_FALSE(text::is_valid_utf8("\xE2\x82"));
    CHECK_FALSE(text::is_valid_utf8("\xC3"));
    CHECK_FALSE(text::is_valid_utf8("\x80"));
    CHECK_FALSE(text::is_valid_utf8("\xC3(x"));
    CHECK_FALSE(text::is_valid_utf8("\xFF"));
  }
  SUBCASE("the offset of the first bad byte") {
    CHECK(text::first_invalid_utf8("ab\xC3") == 2u);
    CHECK(text::first_invalid_utf8("é\xE2\x82x") == 2u);
    CHECK(text::first_invalid_utf8("\x80\x80") == 0u);
  }
}

TEST_CASE("text starts_with_any") {
  CHECK(text::starts_with_any("=SUM()", "=+-@"));
  CHECK_FALSE(text::starts_with_any("SUM", "=+-@"));
  CHECK_FALSE(text::starts_with_any("", "=+-@"));
}

TEST_CASE("escape_controls shows control characters as escapes and leaves the rest") {
  CHECK(text::escape_controls("Antrean online — Tuban") == "Antrean online — Tuban");
  CHECK(text::escape_controls("a\nb\tc\rd") == "a\\nb\\tc\\rd");
  CHECK(text::escape_controls(std::string("\0\x1b[31m\x7f", 7)) == "\\x00\\x1B[31m\\x7F");
  CHECK(text::escape_controls("\xC2\x85\xC2\x9B\xC2\xA0") ==
        "\\u0085\\u009B\xC2\xA0");  // NBSP kept
}
