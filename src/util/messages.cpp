#include "inovasi/util/messages.h"

#include <atomic>
#include <stdexcept>

namespace inovasi {

namespace {

std::atomic<MessageLanguage> chosen{MessageLanguage::kEnglish};

[[noreturn]] void fail(int line, const std::string& what) {
  throw std::invalid_argument("line " + std::to_string(line) + ": " + what);
}

// The text of one "..." string at the start of `rest`, C escapes decoded.
std::string unquote(std::string_view rest, int line) {
  if (rest.empty() || rest.front() != '"') fail(line, "expected a string in double quotes");
  std::string out;
  std::size_t i = 1;
  for (; i < rest.size() && rest[i] != '"'; ++i) {
    char c = rest[i];
    if (c != '\\') {
      out += c;
      continue;
    }
    if (++i == rest.size()) break;
    switch (rest[i]) {
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case '"':
        out += '"';
        break;
      case '\\':
        out += '\\';
        break;
      default:
        fail(line, std::string("unknown escape \\") + rest[i]);
    }
  }
  if (i >= rest.size()) fail(line, "the string has no closing quote");
  std::string_view after = rest.substr(i + 1);
  while (!after.empty() && (after.front() == ' ' || after.front() == '\t')) after.remove_prefix(1);
  if (!after.empty()) fail(line, "unexpected text after the string");
  return out;
}

}  // namespace

void set_message_language(MessageLanguage language) {
  chosen = language;
}
MessageLanguage message_language() {
  return chosen;
}

Catalogue::Catalogue(std::string_view po) {
  enum class Part { kNone, kId, kStr };
  Part part = Part::kNone;
  std::string id, str;
  bool fuzzy = false, next_fuzzy = false;
  int id_line = 0;
  auto finish = [&] {
    if (part == Part::kId) fail(id_line, "msgid without msgstr");
    if (part == Part::kStr && !fuzzy && !str.empty() && !id.empty())
      if (!entries_.emplace(id, str).second) fail(id_line, "msgid given twice: \"" + id + "\"");
    part = Part::kNone;
    id.clear();
    str.clear();
  };
  int line = 0;
  std::size_t at = 0;
  while (at < po.size()) {
    std::size_t end = po.find('\n', at);
    if (end == std::string_view::npos) end = po.size();
    std::string_view text = po.substr(at, end - at);
    at = end + 1;
    ++line;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    if (text.empty()) continue;
    if (text.front() == '#') {
      if (text.starts_with("#,") && text.find("fuzzy") != std::string_view::npos) next_fuzzy = true;
      continue;
    }
    if (text.starts_with("msgid ")) {
      finish();
      part = Part::kId;
      id_line = line;
      fuzzy = next_fuzzy;
      next_fuzzy = false;
      id = unquote(text.substr(6), line);
    } else if (text.starts_with("msgstr ")) {
      if (part != Part::kId) fail(line, "msgstr without msgid");
      part = Part::kStr;
      str = unquote(text.substr(7), line);
    } else if (text.front() == '"') {
      if (part == Part::kNone) fail(line, "a string outside msgid and msgstr");
      (part == Part::kId ? id : str) += unquote(text, line);
    } else {
      fail(line, "expected msgid, msgstr, a string or a # comment");
    }
  }
  finish();
}

std::optional<std::string_view> Catalogue::find(std::string_view english) const {
  auto it = entries_.find(english);
  if (it == entries_.end()) return std::nullopt;
  return std::string_view(it->second);
}

namespace {

std::string_view translate(std::string_view english) {
  if (message_language() == MessageLanguage::kEnglish) return english;
  static const Catalogue indonesian(indonesian_catalogue());
  return indonesian.find(english).value_or(english);
}

}  // namespace

std::string tr(std::string_view english) {
  return std::string(translate(english));
}

std::string format_message(std::string_view english, fmt::format_args args) {
  std::string_view text = translate(english);
  if (text.data() != english.data()) {
    try {
      return fmt::vformat(text, args);
    } catch (const fmt::format_error&) {
      // scripts/check-messages keeps such a translation out of the catalogue.
    }
  }
  return fmt::vformat(english, args);
}

}  // namespace inovasi
