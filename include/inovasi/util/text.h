// Small text helpers that know nothing of the programme.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace inovasi::text {

std::string_view trim(std::string_view s);
std::string lower_ascii(std::string_view s);
std::vector<std::string> split(std::string_view s, char separator);
std::string join(const std::vector<std::string>& parts, std::string_view separator);
bool starts_with_any(std::string_view s, std::string_view characters);

// True when s is well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view s);
// Byte offset of the first invalid UTF-8 sequence, if any.
std::optional<std::size_t> first_invalid_utf8(std::string_view s);
// Number of terminal columns s takes, counting each code point as one.
// Text made safe to show on a terminal: control characters (C0, DEL and
// C1) become visible escapes ("\n", "\t", "\r", "\x1B", "\u0085"), so that
// a record cannot move the cursor, change colours or retitle the window.
std::string escape_controls(std::string_view s);

std::size_t display_width(std::string_view s);
// Cuts s to at most width columns, ending with "…" when it was cut.
std::string truncate_to_width(std::string_view s, std::size_t width);

// Levenshtein distance between two ASCII-ish words (a swap of neighbours
// is one edit).
std::size_t edit_distance(std::string_view a, std::string_view b);
// The same, or bound + 1 for any distance past bound; costs the shorter
// length times (2 × bound + 1) at most.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t bound);

// "Did you mean": the candidate closest to a word, when it is close enough
// to be a likely typo. The work is bounded, for hostile input can hold
// thousands of unknown words and of candidates: a candidate whose length
// differs by more than a typo is skipped unread, the distance is computed
// only as far as the best so far, words longer than kMaxWordLength get no
// suggestion, and one Nearest compares at most max_candidates candidates
// (the first) and answers kMaxWords words; the words after get none.
class Nearest {
 public:
  static constexpr std::size_t kMaxCandidates = 1000;
  static constexpr std::size_t kMaxWordLength = 64;
  static constexpr std::size_t kMaxWords = 20;

  explicit Nearest(const std::vector<std::string>& candidates,
                   std::size_t max_candidates = kMaxCandidates);
  std::optional<std::string> operator()(std::string_view word);

 private:
  std::vector<std::string> candidates_, lowered_;
  std::size_t asked_ = 0;
};
// One word, typed on the command line, against every candidate.
std::optional<std::string> nearest(std::string_view word,
                                   const std::vector<std::string>& candidates);

// Readable slugs: [a-z0-9]+(-[a-z0-9]+)*, at most 64 characters.
constexpr std::size_t kMaxSlug = 64;
bool is_slug(std::string_view s);
// Names Windows keeps for devices (CON, PRN, AUX, NUL, COM1-9, LPT1-9), in
// any case, alone or before an extension: no file there may bear them.
bool is_reserved_name(std::string_view name);
// Derives a slug from free text normalised (NFKC: full-width letters are
// plain ones): letters and digits kept (Latin accents folded), everything
// else a single hyphen; cut at a word boundary. The letters and digits it
// had to leave out (Cyrillic "А", CJK, ...) are listed in `dropped`, once
// each, as "А U+0410, О U+041E": an id without them would be mangled
// ("Аntrean Оnline" as "ntrean-nline").
std::string slugify(std::string_view s, std::string* dropped = nullptr);

}  // namespace inovasi::text
