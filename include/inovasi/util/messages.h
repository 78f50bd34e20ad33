// What inovasi says to its user (errors, findings, help) in English, or in
// Indonesian from the catalogue in po/id/*.po, which is built into the program.
//
// A message is written in English at its call site, and that English is the
// key of its translation, as in gettext: tr("...") for a fixed text,
// msg("... {} ...", args) for one with values, tr_noop("...") for a text
// kept in a table and passed to tr() later. scripts/check-messages finds
// every one of them and holds the catalogue to them.
#pragma once
#include <fmt/format.h>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace inovasi {

enum class MessageLanguage { kEnglish, kIndonesian };

// Chosen once, before any message is made (the command line, INOVASI_LANG);
// English until then.
void set_message_language(MessageLanguage language);
MessageLanguage message_language();

// The translation of english in the chosen language; english itself in
// English, or when the catalogue lacks it.
std::string tr(std::string_view english);
constexpr const char* tr_noop(const char* english) {
  return english;
}

// The translated message with its {} fields filled in. A translation may
// put the fields in another order ({1} ... {0}); one whose fields do not
// fit the values falls back to the English.
std::string format_message(std::string_view english, fmt::format_args args);
template <class... Args>
std::string msg(fmt::format_string<Args...> english, Args&&... args) {
  fmt::string_view text = english;
  return format_message({text.data(), text.size()}, fmt::make_format_args(args...));
}

// msg() for a text kept in a table (marked tr_noop): its {} fields are
// held to the values by scripts/check-messages rather than the compiler.
template <class... Args>
std::string msg_of(const char* english, const Args&... args) {
  return format_message(english, fmt::make_format_args(args...));
}

// The text of po/id/*.po as it was when the program was built.
std::string_view indonesian_catalogue();

// A catalogue read from PO text: msgid "english" / msgstr "translation",
// with C escapes, strings continued on the next lines, and # comments.
// Entries marked "#, fuzzy" or with an empty msgstr are left out. Throws
// std::invalid_argument "line N: ..." for text that is not such a
// catalogue, or that gives one msgid twice.
class Catalogue {
 public:
  explicit Catalogue(std::string_view po);
  std::optional<std::string_view> find(std::string_view english) const;
  std::size_t size() const { return entries_.size(); }

 private:
  std::map<std::string, std::string, std::less<>> entries_;
};

}  // namespace inovasi
