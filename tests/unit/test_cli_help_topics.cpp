// The help topics against the code they describe: every enumeration value
// and spelling of the tables, every field of every record, every CSV column,
// in English and in Indonesian.
#include <doctest/doctest.h>

#include <cctype>
#include <string>
#include <vector>

#include "inovasi/cli/help_topics.h"
#include "inovasi/model/compliance.h"
#include "inovasi/model/records.h"
#include "inovasi/store/csv_codec.h"
#include "inovasi/util/messages.h"

using namespace inovasi;
using inovasi::cli::help_topic;

namespace {

constexpr MessageLanguage kLanguages[] = {MessageLanguage::kEnglish, MessageLanguage::kIndonesian};

// Restores English after a test that chose Indonesian.
struct Speaking {
  explicit Speaking(MessageLanguage language) { set_message_language(language); }
  ~Speaking() { set_message_language(MessageLanguage::kEnglish); }
};

const char* name_of(MessageLanguage language) {
  return language == MessageLanguage::kEnglish ? "English" : "Indonesian";
}

// Terminal columns: every UTF-8 code point counts one.
std::size_t columns(const std::string& line) {
  std::size_t n = 0;
  for (unsigned char c : line) n += (c & 0xC0) != 0x80;
  return n;
}

std::string topic(std::string_view name) {
  auto text = help_topic(name);
  REQUIRE(text.has_value());
  return std::string(*text);
}

// The section of a topic that starts with the line `heading`, up to the next
// blank line.
std::string section(const std::string& text, const std::string& heading) {
  auto at = text.find("\n" + heading);
  if (at == std::string::npos) return "";
  return text.substr(at + 1, text.find("\n\n", at + 1) - at - 1);
}

bool has_word(const std::string& text, std::string_view word) {
  auto part = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    auto end = at + word.size();
    if ((at == 0 || !part(text[at - 1])) && (end == text.size() || !part(text[end]))) return true;
  }
  return false;
}

struct Keys {
  std::vector<std::string> names;
  template <class T>
  void operator()(const char* key, T&, unsigned = 0) {
    names.emplace_back(key);
  }
};

template <class R>
std::vector<std::string> keys() {
  R record{};
  Keys k;
  R::fields(record, k);
  return k.names;
}

template <class E>
void check_enumeration(const std::string& text) {
  for (const auto& t : EnumInfo<E>::tokens()) {
    CAPTURE(t.token);
    CHECK(has_word(text, t.token));
    // Each spelling whole, on one line: wrapping never cuts one.
    for (auto alias : t.aliases) {
      CAPTURE(alias);
      CHECK(has_word(text, alias));
    }
  }
}

}  // namespace

TEST_CASE("help records lists every token and every spelling read as one") {
  for (MessageLanguage language : kLanguages) {
    CAPTURE(name_of(language));
    Speaking speaking(language);
    std::string records = topic("records");
    check_enumeration<UnitKind>(section(records, "units/ID.yaml"));
    check_enumeration<Echelon>(section(records, "ideas/ID.yaml"));
    check_enumeration<Initiator>(section(records, "ideas/ID.yaml"));
    check_enumeration<Category>(section(records, "ideas/ID.yaml"));
    check_enumeration<IdeaKind>(section(records, "ideas/ID.yaml"));
    check_enumeration<Stage>(section(records, "ideas/ID.yaml"));
    check_enumeration<Language>(section(records, "inovasi.yaml"));
    check_enumeration<Polarity>(section(records, "contracts/ID.yaml"));
    check_enumeration<TargetMode>(section(records, "contracts/ID.yaml"));
    for (const auto& t : EnumInfo<ReportState>::tokens())
      CHECK(has_word(topic("periods"), t.token));
  }
}

TEST_CASE("help records names every field of every record in its section") {
  for (MessageLanguage language : kLanguages) {
    CAPTURE(name_of(language));
    Speaking speaking(language);
    std::string records = topic("records");
    auto check_fields = [&](const std::string& heading, const std::vector<std::string>& fields) {
      std::string text = section(records, heading);
      CAPTURE(heading);
      REQUIRE(text != "");
      for (const auto& field : fields) {
        CAPTURE(field);
        CHECK(has_word(text, field));
      }
    };
    for (const auto& keys_of :
         {keys<Programme>(), keys<Reporting>(), keys<Evaluation>(), keys<Scale>(), keys<Band>(),
          keys<BandLabel>(), keys<Priority>(), keys<Indicator>()})
      check_fields("inovasi.yaml", keys_of);
    for (const auto& keys_of : {keys<Unit>(), keys<Person>()})
      check_fields("units/ID.yaml", keys_of);
    for (const auto& keys_of : {keys<Idea>(), keys<Proposer>(), keys<PlanStep>()})
      check_fields("ideas/ID.yaml", keys_of);
    for (const auto& keys_of : {keys<Contract>(), keys<Party>(), keys<Target>()})
      check_fields("contracts/ID.yaml", keys_of);
    check_fields("reports/CONTRACT/PERIOD.yaml", keys<Report>());
    check_fields("regulations/ID.yaml", keys<Regulation>());
  }
}

TEST_CASE("help csv gives the columns of every import") {
  for (MessageLanguage language : kLanguages) {
    CAPTURE(name_of(language));
    Speaking speaking(language);
    std::string csv = topic("csv");
    auto check_columns = [&](const std::vector<std::string>& columns) {
      for (const auto& column : columns) {
        CAPTURE(column);
        CHECK(has_word(csv, column));
      }
    };
    check_columns(csv_columns<Unit>());
    check_columns(csv_columns<Idea>());
    check_columns(csv_columns<Contract>());
    check_columns(csv_columns<Report>());
    check_columns(csv_columns<Regulation>());
    check_columns({"contract", "target", "name", "unit", "polarity", "mode", "weight", "baseline"});
  }
}

TEST_CASE("every topic fits a terminal and ends with its manual pages") {
  for (MessageLanguage language : kLanguages) {
    CAPTURE(name_of(language));
    Speaking speaking(language);
    const std::string see_also =
        language == MessageLanguage::kEnglish ? "\n\nSee also: " : "\n\nLihat juga: ";
    for (const auto& t : inovasi::cli::help_topics()) {
      CAPTURE(t.name);
      std::string text = topic(t.name);
      REQUIRE(text.ends_with(")\n"));
      CHECK(text.find(see_also) != std::string::npos);
      CHECK(text.find("\n\n", text.rfind(see_also) + 2) == std::string::npos);
      std::size_t start = 0;
      while (start < text.size()) {
        auto end = text.find('\n', start);
        std::string line = text.substr(start, end - start);
        CAPTURE(line);
        CHECK(columns(line) <= 80);
        CHECK(line.find("{{") == std::string::npos);
        CHECK((line.empty() || line.back() != ' '));
        start = end + 1;
      }
    }
    CHECK_FALSE(help_topic("nosuch").has_value());
    CHECK_FALSE(help_topic("").has_value());
  }
}

TEST_CASE("the topics in Indonesian: their own text, with the same values filled in") {
  std::vector<std::string> english;
  for (const auto& t : inovasi::cli::help_topics()) english.push_back(topic(t.name));
  std::string english_list = inovasi::cli::help_topics_list();

  Speaking speaking(MessageLanguage::kIndonesian);
  const auto& topics = inovasi::cli::help_topics();
  for (std::size_t k = 0; k < topics.size(); ++k) {
    CAPTURE(topics[k].name);
    std::string text = topic(topics[k].name);
    CHECK(text != english[k]);
    // The first line names the topic in Indonesian.
    CHECK(text.substr(0, text.find('\n')) != english[k].substr(0, english[k].find('\n')));
  }
  // Asked again, the same text (made once per language).
  CHECK(help_topic("records")->data() == help_topic("records")->data());

  // The words the filling adds, in Indonesian too.
  std::string records = topic("records");
  CHECK(records.find("  stage             bawaan initiative (inisiatif); trial (uji coba); ") !=
        std::string::npos);
  CHECK(records.find("default") == std::string::npos);
  std::string periods = topic("periods");
  CHECK(periods.find("2018-Q1 jatuh tempo pada 2018-04-10,") != std::string::npos);
  CHECK(periods.find("(pada 2018-12-30,") != std::string::npos);
  CHECK(periods.find("pada 2018-12-31, 2018-Q4 itu sendiri)") != std::string::npos);
  CHECK(periods.find(" on 20") == std::string::npos);

  std::string list = inovasi::cli::help_topics_list();
  CHECK(list ==
        "Topik bantuan (inovasi help TOPIK):\n"
        "  records   folder program: setiap berkas catatan dan isiannya\n"
        "  scoring   cara evaluate menilai target dan kontrak serta merangkum program\n"
        "  csv       berkas CSV yang dibaca impor --from dan ditulis ekspor\n"
        "  periods   triwulan, semester dan tahun, jatuh tempo, --as-of dan --period\n");
  CHECK(list != english_list);
}
