#include "inovasi/model/enums.h"

#include "inovasi/util/messages.h"

namespace inovasi {

std::string enum_key(std::string_view text) {
  std::string key;
  for (char c : text) {
    if (c == ' ' || c == '-' || c == '_' || c == '.' || c == '/' || c == '\t') continue;
    key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return key;
}

std::string describe_bad_token(std::string_view text, std::string_view what,
                               const std::vector<std::string>& tokens) {
  std::string list;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (i) list += i + 1 == tokens.size() ? tr(" or ") : ", ";
    list += tokens[i];
  }
  // what carries its article: "a unit kind", "an echelon"; marked tr_noop.
  return msg("'{}' is not {} (expected {})", text, tr(what), list);
}

const std::vector<EnumToken<UnitKind>>& EnumInfo<UnitKind>::tokens() {
  static const std::vector<EnumToken<UnitKind>> t = {
      {UnitKind::kDinas, "dinas", {}},
      {UnitKind::kBadan, "badan", {}},
      {UnitKind::kSecretariat,
       "secretariat",
       {"sekretariat", "setda", "sekretariat daerah", "sekretariat dprd", "sekwan"}},
      {UnitKind::kInspectorate, "inspectorate", {"inspektorat"}},
      {UnitKind::kHospital, "hospital", {"rsud", "rumah sakit", "rumah sakit umum daerah"}},
      {UnitKind::kDistrict, "district", {"kecamatan"}},
      {UnitKind::kVillage, "village", {"kelurahan", "desa"}},
      {UnitKind::kSection, "section", {"bagian"}},
      {UnitKind::kOther, "other", {"lainnya", "lain"}},
  };
  return t;
}

const std::vector<EnumToken<Echelon>>& EnumInfo<Echelon>::tokens() {
  static const std::vector<EnumToken<Echelon>> t = {
      {Echelon::kIIa, "II.a", {}},
      {Echelon::kIIb, "II.b", {}},
      {Echelon::kIIIa, "III.a", {}},
      {Echelon::kIIIb, "III.b", {}},
      {Echelon::kIVa, "IV.a", {}},
      {Echelon::kIVb, "IV.b", {}},
      {Echelon::kVa, "V.a", {}},
      {Echelon::kStaff, "staff", {"staf", "pelaksana", "non eselon", "noneselon"}},
  };
  return t;
}

const std::vector<EnumToken<Initiator>>& EnumInfo<Initiator>::tokens() {
  static const std::vector<EnumToken<Initiator>> t = {
      {Initiator::kRegent, "regent", {"kepala daerah", "bupati", "wali kota", "walikota"}},
      {Initiator::kCouncil, "council", {"anggota dprd", "dprd"}},
      {Initiator::kUnit, "unit", {"perangkat daerah", "opd"}},
      {Initiator::kCivilServant, "civil-servant", {"asn", "aparatur sipil negara", "pns"}},
      {Initiator::kPublic, "public", {"masyarakat"}},
  };
  return t;
}

const std::vector<EnumToken<Category>>& EnumInfo<Category>::tokens() {
  static const std::vector<EnumToken<Category>> t = {
      {Category::kGovernance,
       "governance",
       {"tata kelola pemerintahan daerah", "tata kelola pemerintahan", "tata kelola"}},
      {Category::kPublicService, "public-service", {"pelayanan publik"}},
      {Category::kOther, "other", {"inovasi daerah lainnya", "lainnya", "lain"}},
  };
  return t;
}

const std::vector<EnumToken<IdeaKind>>& EnumInfo<IdeaKind>::tokens() {
  static const std::vector<EnumToken<IdeaKind>> t = {
      {IdeaKind::kDigital, "digital", {}},
      {IdeaKind::kNonDigital, "non-digital", {}},
  };
  return t;
}

const std::vector<EnumToken<Stage>>& EnumInfo<Stage>::tokens() {
  static const std::vector<EnumToken<Stage>> t = {
      {Stage::kInitiative, "initiative", {"inisiatif"}},
      {Stage::kTrial, "trial", {"uji coba"}},
      {Stage::kImplemented, "implemented", {"penerapan", "diterapkan"}},
      {Stage::kDropped, "dropped", {"dihentikan"}},
  };
  return t;
}

const std::vector<EnumToken<Language>>& EnumInfo<Language>::tokens() {
  static const std::vector<EnumToken<Language>> t = {
      {Language::kId, "id", {"indonesia", "bahasa indonesia"}},
      {Language::kEn, "en", {"english", "inggris"}},
  };
  return t;
}

const std::vector<EnumToken<Polarity>>& EnumInfo<Polarity>::tokens() {
  static const std::vector<EnumToken<Polarity>> t = {
      {Polarity::kHigher, "higher", {"positif", "naik", "maksimal", "semakin tinggi"}},
      {Polarity::kLower, "lower", {"negatif", "turun", "minimal", "semakin rendah"}},
  };
  return t;
}

const std::vector<EnumToken<TargetMode>>& EnumInfo<TargetMode>::tokens() {
  static const std::vector<EnumToken<TargetMode>> t = {
      {TargetMode::kCumulative, "cumulative", {"kumulatif"}},
      {TargetMode::kPerPeriod, "per-period", {"per periode", "per triwulan", "periodik"}},
  };
  return t;
}

const std::vector<EnumToken<MissingRule>>& EnumInfo<MissingRule>::tokens() {
  static const std::vector<EnumToken<MissingRule>> t = {
      {MissingRule::kZero, "zero", {"nol"}},
      {MissingRule::kSkip, "skip", {"lewati"}},
  };
  return t;
}

}  // namespace inovasi
