// Enumerated fields: English tokens on output, Indonesian words accepted on input.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "inovasi/util/messages.h"

namespace inovasi {

template <class E>
struct EnumToken {
  E value;
  std::string_view token;                 // written to records
  std::vector<std::string_view> aliases;  // also read, e.g. Indonesian words
};

// Specialised per enumeration: what it is called and its tokens.
template <class E>
struct EnumInfo;

// Folds case and drops spaces, hyphens, underscores, dots and slashes, so
// "Uji Coba", "uji-coba" and "ujicoba" all match.
std::string enum_key(std::string_view text);

template <class E>
std::optional<E> parse_enum(std::string_view text) {
  std::string key = enum_key(text);
  for (const auto& t : EnumInfo<E>::tokens()) {
    if (enum_key(t.token) == key) return t.value;
    for (auto alias : t.aliases)
      if (enum_key(alias) == key) return t.value;
  }
  return std::nullopt;
}

template <class E>
std::string_view token(E value) {
  for (const auto& t : EnumInfo<E>::tokens())
    if (t.value == value) return t.token;
  return "?";
}

template <class E>
std::vector<std::string> enum_tokens() {
  std::vector<std::string> out;
  for (const auto& t : EnumInfo<E>::tokens()) out.emplace_back(t.token);
  return out;
}

// "'x' is not a stage (expected initiative, trial, implemented or dropped)"
std::string describe_bad_token(std::string_view text, std::string_view what,
                               const std::vector<std::string>& tokens);

template <class E>
std::string bad_enum_message(std::string_view text) {
  return describe_bad_token(text, EnumInfo<E>::what, enum_tokens<E>());
}

enum class UnitKind {
  kDinas,
  kBadan,
  kSecretariat,
  kInspectorate,
  kHospital,
  kDistrict,
  kVillage,
  kSection,
  kOther
};
enum class Echelon { kIIa, kIIb, kIIIa, kIIIb, kIVa, kIVb, kVa, kStaff };
enum class Initiator { kRegent, kCouncil, kUnit, kCivilServant, kPublic };
enum class Category { kGovernance, kPublicService, kOther };
enum class IdeaKind { kDigital, kNonDigital };
enum class Stage { kInitiative, kTrial, kImplemented, kDropped };
enum class Language { kId, kEn };
enum class Polarity { kHigher, kLower };
enum class TargetMode { kCumulative, kPerPeriod };
// How a realisation missing for a quarter whose report is due is scored.
enum class MissingRule { kZero, kSkip };

#define INOVASI_ENUM_INFO(E, WHAT)                                        \
  template <>                                                             \
  struct EnumInfo<E> {                                                    \
    static constexpr std::string_view what = WHAT; /* with its article */ \
    static const std::vector<EnumToken<E>>& tokens();                     \
  };
INOVASI_ENUM_INFO(UnitKind, tr_noop("a unit kind"))
INOVASI_ENUM_INFO(Echelon, tr_noop("an echelon"))
INOVASI_ENUM_INFO(Initiator, tr_noop("an initiator"))
INOVASI_ENUM_INFO(Category, tr_noop("a category"))
INOVASI_ENUM_INFO(IdeaKind, tr_noop("a kind"))
INOVASI_ENUM_INFO(Stage, tr_noop("a stage"))
INOVASI_ENUM_INFO(Language, tr_noop("a language"))
INOVASI_ENUM_INFO(Polarity, tr_noop("a polarity"))
INOVASI_ENUM_INFO(TargetMode, tr_noop("a mode"))
INOVASI_ENUM_INFO(MissingRule, tr_noop("a rule for missing realisations"))
#undef INOVASI_ENUM_INFO

}  // namespace inovasi
