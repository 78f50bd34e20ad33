#include "inovasi/util/text.h"

#include <fmt/core.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

namespace inovasi::text {

std::string_view trim(std::string_view s) {
  const char* space = " \t\r\n";
  auto begin = s.find_first_not_of(space);
  if (begin == std::string_view::npos) return {};
  auto end = s.find_last_not_of(space);
  return s.substr(begin, end - begin + 1);
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::vector<std::string> split(std::string_view s, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    auto pos = s.find(separator, start);
    parts.emplace_back(s.substr(start, pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return parts;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += separator;
    out += parts[i];
  }
  return out;
}

bool starts_with_any(std::string_view s, std::string_view characters) {
  return !s.empty() && characters.find(s.front()) != std::string_view::npos;
}

// Decodes one code point at s[i]; returns its length, or 0 when invalid.
static std::size_t decode(std::string_view s, std::size_t i, char32_t* out) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  std::size_t len;
  char32_t cp;
  if (b0 < 0x80) {
    *out = b0;
    return 1;
  } else if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  static const char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  *out = cp;
  return len;
}

std::optional<std::size_t> first_invalid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp;
    std::size_t len = decode(s, i, &cp);
    if (len == 0) return i;
    i += len;
  }
  return std::nullopt;
}

bool is_valid_utf8(std::string_view s) {
  return !first_invalid_utf8(s).has_value();
}

std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++width;
  return width;
}

std::string truncate_to_width(std::string_view s, std::size_t width) {
  if (display_width(s) <= width) return std::string(s);
  if (width == 0) return {};
  std::string out;
  std::size_t used = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80) {
      if (used + 1 == width) break;
      ++used;
    }
    out += s[i];
  }
  return out + "…";
}

// Optimal string alignment: a swap of two neighbours ("lsit") is one edit.
// Only the band of cells within `bound` of the diagonal is computed, in three
// rows kept in one buffer reused between calls: past the bound the answer
// is bound + 1, found as soon as a whole row exceeds it.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t bound) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > bound) return bound + 1;
  const std::size_t n = a.size(), m = b.size(), over = bound + 1;
  thread_local std::vector<std::size_t> buffer;
  buffer.assign(3 * (m + 1), over);
  std::size_t* before = buffer.data();      // row i - 2
  std::size_t* previous = before + m + 1;   // row i - 1
  std::size_t* current = previous + m + 1;  // row i
  for (std::size_t j = 0; j <= std::min(m, bound); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    // The rows are reused: the cells just outside the band are reset.
    std::size_t from = i > bound ? i - bound : 1, to = std::min(m, i + bound);
    current[0] = i <= bound ? i : over;
    current[from - 1] = from > 1 ? over : current[0];
    if (to < m) current[to + 1] = over;
    std::size_t row_min = current[0];
    for (std::size_t j = from; j <= to; ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t d = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d = std::min(d, before[j - 2] + 1);
      current[j] = std::min(d, over);
      row_min = std::min(row_min, current[j]);
    }
    if (row_min > bound) return over;
    std::size_t* spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  return std::min(previous[m], over);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  return edit_distance(a, b, std::max(a.size(), b.size()));
}

// A typo changes a few letters; beyond that the suggestion is noise.
static std::size_t typo_limit(std::string_view word) {
  return std::max<std::size_t>(2, word.size() / 3);
}

Nearest::Nearest(const std::vector<std::string>& candidates, std::size_t max_candidates) {
  std::size_t count = std::min(candidates.size(), max_candidates);
  candidates_.assign(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(count));
  lowered_.reserve(count);
  for (const auto& c : candidates_) lowered_.push_back(lower_ascii(c));
}

std::optional<std::string> Nearest::operator()(std::string_view word) {
  if (asked_ >= kMaxWords) return std::nullopt;
  ++asked_;
  if (word.size() > kMaxWordLength) return std::nullopt;
  std::string lowered = lower_ascii(word);
  // The first closest candidate wins, so only a closer one can replace it.
  std::size_t bound = typo_limit(word);
  std::optional<std::size_t> best;
  for (std::size_t k = 0; k < lowered_.size(); ++k) {
    std::size_t d = edit_distance(lowered, lowered_[k], bound);
    if (d > bound) continue;
    best = k;
    if (d == 0) break;
    bound = d - 1;
  }
  if (best) return candidates_[*best];
  return std::nullopt;
}

std::optional<std::string> nearest(std::string_view word,
                                   const std::vector<std::string>& candidates) {
  return Nearest(candidates, candidates.size())(word);
}

bool is_slug(std::string_view s) {
  if (s.empty() || s.size() > kMaxSlug) return false;
  bool previous_hyphen = true;  // no leading hyphen
  for (char c : s) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c == '-') {
      if (previous_hyphen) return false;
      previous_hyphen = true;
    } else if (alnum) {
      previous_hyphen = false;
    } else {
      return false;
    }
  }
  return !previous_hyphen;
}

bool is_reserved_name(std::string_view name) {
  std::string stem = lower_ascii(name.substr(0, name.find('.')));
  while (!stem.empty() && stem.back() == ' ') stem.pop_back();  // Windows ignores them too
  if (stem == "con" || stem == "prn" || stem == "aux" || stem == "nul") return true;
  return stem.size() == 4 && (stem.starts_with("com") || stem.starts_with("lpt")) &&
         stem[3] >= '1' && stem[3] <= '9';
}

// Folds the Latin-1 and Latin Extended-A letters met in Indonesian names.
static char fold_latin(char32_t cp) {
  static const struct {
    char32_t from, to;
    char letter;
  } kRanges[] = {
      {0xC0, 0xC5, 'a'}, {0xC7, 0xC7, 'c'}, {0xC8, 0xCB, 'e'}, {0xCC, 0xCF, 'i'}, {0xD1, 0xD1, 'n'},
      {0xD2, 0xD6, 'o'}, {0xD8, 0xD8, 'o'}, {0xD9, 0xDC, 'u'}, {0xDD, 0xDD, 'y'}, {0xE0, 0xE5, 'a'},
      {0xE7, 0xE7, 'c'}, {0xE8, 0xEB, 'e'}, {0xEC, 0xEF, 'i'}, {0xF1, 0xF1, 'n'}, {0xF2, 0xF6, 'o'},
      {0xF8, 0xF8, 'o'}, {0xF9, 0xFC, 'u'}, {0xFD, 0xFF, 'y'},
  };
  for (const auto& r : kRanges)
    if (cp >= r.from && cp <= r.to) return r.letter;
  return 0;
}

// NFKC, then accents taken off (NFKD, marks stripped): full-width "Ａ" is
// "A", "é" is "e". The text unchanged when utf8proc cannot read it.
static std::string normalised(std::string_view s) {
  utf8proc_uint8_t* mapped = nullptr;
  auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT |
                                                UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK);
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                    static_cast<utf8proc_ssize_t>(s.size()), &mapped, options);
  if (n < 0) return std::string(s);
  std::string out(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
  std::free(mapped);
  return out;
}

static bool is_letter_or_digit(char32_t cp) {
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
      return true;
    default:
      return false;
  }
}

std::string slugify(std::string_view text, std::string* dropped) {
  const std::string s = normalised(text);
  std::string out;
  bool pending_hyphen = false;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp;
    std::size_t len = decode(s, i, &cp);
    if (len == 0) len = 1, cp = 0;
    std::string_view character = std::string_view(s).substr(i, len);
    i += len;
    char c = 0;
    if (cp >= 'A' && cp <= 'Z')
      c = static_cast<char>(cp - 'A' + 'a');
    else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
      c = static_cast<char>(cp);
    else if (cp == '\'' || cp == 0x2019)
      continue;  // "Ku'" -> "ku", not "ku-"
    else
      c = fold_latin(cp);
    if (!c) {
      if (dropped && cp && is_letter_or_digit(cp)) {
        std::string shown = fmt::format("{} U+{:04X}", character, static_cast<std::uint32_t>(cp));
        if (dropped->find(shown) == std::string::npos)
          *dropped += (dropped->empty() ? "" : ", ") + shown;
      }
      pending_hyphen = !out.empty();
      continue;
    }
    if (pending_hyphen) out += '-';
    pending_hyphen = false;
    out += c;
  }
  if (out.size() > kMaxSlug) {
    bool at_boundary = out[kMaxSlug] == '-';
    out.resize(kMaxSlug);
    auto cut = out.rfind('-');
    if (!at_boundary && cut != std::string::npos && cut > kMaxSlug / 2) out.resize(cut);
    while (!out.empty() && out.back() == '-') out.pop_back();
  }
  return out;
}

std::string escape_controls(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      out += fmt::format("\\x{:02X}", c);
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
      out += fmt::format("\\u{:04X}", static_cast<unsigned char>(s[i + 1]));  // U+0080..U+009F
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace inovasi::text
