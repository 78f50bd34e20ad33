// The ideas catalogue's pieces: free text as Markdown paragraphs that never
// turn into markup, and rupiah grouped the way each language writes them.
#include <doctest/doctest.h>

#include "inovasi/render/booklet.h"

using namespace inovasi;

TEST_CASE("booklet free text keeps its paragraphs and line breaks, and stays text") {
  CHECK(markdown_paragraphs("satu\ndua\n\n\ntiga") == "satu<br>\ndua\n\ntiga");
  // What would open a list, a numbered list, a heading or a quote is escaped.
  CHECK(markdown_paragraphs("- bukan daftar\n1. bukan nomor\n2018) tahun\n# judul\n> kutip") ==
        "\\- bukan daftar<br>\n1\\. bukan nomor<br>\n2018\\) tahun<br>\n\\# judul<br>\n\\> kutip");
  // Leading spaces would make a code block; a digit alone is just a digit.
  CHECK(markdown_paragraphs("    indented\n42") == "indented<br>\n42");
  CHECK(markdown_paragraphs("") == "");
}

TEST_CASE("booklet rupiah grouped by thousands in each language") {
  const Labels& id = Labels::get(Language::kId);
  const Labels& en = Labels::get(Language::kEn);
  CHECK(grouped_number(150000000, id) == "150.000.000");
  CHECK(grouped_number(150000000, en) == "150,000,000");
  CHECK(grouped_number(999, id) == "999");
  CHECK(grouped_number(1000, id) == "1.000");
  CHECK(grouped_number(0, en) == "0");
  CHECK(grouped_number(-1234567, en) == "-1,234,567");
}
