// Enumerations: English tokens, Indonesian aliases, messages for bad tokens.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "inovasi/model/enums.h"

using namespace inovasi;
using Strings = std::vector<std::string>;

TEST_CASE("enum_key folds case and drops separators") {
  CHECK(enum_key("Uji Coba") == "ujicoba");
  CHECK(enum_key("uji-coba") == "ujicoba");
  CHECK(enum_key("UJI_COBA") == "ujicoba");
  CHECK(enum_key("IV.a") == "iva");
  CHECK(enum_key("kelurahan/desa") == "kelurahandesa");
  CHECK(enum_key("\tnon digital ") == "nondigital");
  CHECK(enum_key("") == "");
}

TEST_CASE("enum English tokens read and write") {
  SUBCASE("every token reads back as its value") {
    for (auto s : {Stage::kInitiative, Stage::kTrial, Stage::kImplemented, Stage::kDropped})
      CHECK(parse_enum<Stage>(token(s)) == s);
    for (auto k : {UnitKind::kDinas, UnitKind::kBadan, UnitKind::kSecretariat,
                   UnitKind::kInspectorate, UnitKind::kHospital, UnitKind::kDistrict,
                   UnitKind::kVillage, UnitKind::kSection, UnitKind::kOther})
      CHECK(parse_enum<UnitKind>(token(k)) == k);
    for (auto e : {Echelon::kIIa, Echelon::kIIb, Echelon::kIIIa, Echelon::kIIIb, Echelon::kIVa,
                   Echelon::kIVb, Echelon::kVa, Echelon::kStaff})
      CHECK(parse_enum<Echelon>(token(e)) == e);
    for (auto i : {Initiator::kRegent, Initiator::kCouncil, Initiator::kUnit,
                   Initiator::kCivilServant, Initiator::kPublic})
      CHECK(parse_enum<Initiator>(token(i)) == i);
    for (auto c : {Category::kGovernance, Category::kPublicService, Category::kOther})
      CHECK(parse_enum<Category>(token(c)) == c);
    for (auto k : {IdeaKind::kDigital, IdeaKind::kNonDigital})
      CHECK(parse_enum<IdeaKind>(token(k)) == k);
    for (auto l : {Language::kId, Language::kEn}) CHECK(parse_enum<Language>(token(l)) == l);
  }
  SUBCASE("the token lists, in order") {
    CHECK(enum_tokens<Stage>() == Strings{"initiative", "trial", "implemented", "dropped"});
    CHECK(enum_tokens<UnitKind>() == Strings{"dinas", "badan", "secretariat", "inspectorate",
                                             "hospital", "district", "village", "section",
                                             "other"});
    CHECK(enum_tokens<Echelon>() ==
          Strings{"II.a", "II.b", "III.a", "III.b", "IV.a", "IV.b", "V.a", "staff"});
    CHECK(enum_tokens<Initiator>() ==
          Strings{"regent", "council", "unit", "civil-servant", "public"});
    CHECK(enum_tokens<Category>() == Strings{"governance", "public-service", "other"});
    CHECK(enum_tokens<IdeaKind>() == Strings{"digital", "non-digital"});
    CHECK(enum_tokens<Language>() == Strings{"id", "en"});
  }
}

TEST_CASE("enum Indonesian aliases") {
  SUBCASE("stage") {
    CHECK(parse_enum<Stage>("inisiatif") == Stage::kInitiative);
    CHECK(parse_enum<Stage>("uji coba") == Stage::kTrial);
    CHECK(parse_enum<Stage>("Uji-Coba") == Stage::kTrial);
    CHECK(parse_enum<Stage>("UJICOBA") == Stage::kTrial);
    CHECK(parse_enum<Stage>("penerapan") == Stage::kImplemented);
    CHECK(parse_enum<Stage>("Diterapkan") == Stage::kImplemented);
    CHECK(parse_enum<Stage>("dihentikan") == Stage::kDropped);
  }
  SUBCASE("category") {
    CHECK(parse_enum<Category>("pelayanan publik") == Category::kPublicService);
    CHECK(parse_enum<Category>("Pelayanan Publik") == Category::kPublicService);
    CHECK(parse_enum<Category>("public service") == Category::kPublicService);
    CHECK(parse_enum<Category>("tata kelola pemerintahan daerah") == Category::kGovernance);
    CHECK(parse_enum<Category>("inovasi daerah lainnya") == Category::kOther);
  }
  SUBCASE("kind") {
    CHECK(parse_enum<IdeaKind>("non digital") == IdeaKind::kNonDigital);
    CHECK(parse_enum<IdeaKind>("Non-Digital") == IdeaKind::kNonDigital);
    CHECK(parse_enum<IdeaKind>("nondigital") == IdeaKind::kNonDigital);
    CHECK(parse_enum<IdeaKind>("Digital") == IdeaKind::kDigital);
  }
  SUBCASE("unit kind") {
    CHECK(parse_enum<UnitKind>("kecamatan") == UnitKind::kDistrict);
    CHECK(parse_enum<UnitKind>("Kecamatan") == UnitKind::kDistrict);
    CHECK(parse_enum<UnitKind>("rsud") == UnitKind::kHospital);
    CHECK(parse_enum<UnitKind>("RSUD") == UnitKind::kHospital);
    CHECK(parse_enum<UnitKind>("rumah sakit umum daerah") == UnitKind::kHospital);
    CHECK(parse_enum<UnitKind>("setda") == UnitKind::kSecretariat);
    CHECK(parse_enum<UnitKind>("inspektorat") == UnitKind::kInspectorate);
    CHECK(parse_enum<UnitKind>("kelurahan") == UnitKind::kVillage);
    CHECK(parse_enum<UnitKind>("desa") == UnitKind::kVillage);
    CHECK(parse_enum<UnitKind>("bagian") == UnitKind::kSection);
  }
  SUBCASE("echelon") {
    CHECK(parse_enum<Echelon>("IV.a") == Echelon::kIVa);
    CHECK(parse_enum<Echelon>("iva") == Echelon::kIVa);
    CHECK(parse_enum<Echelon>("IVa") == Echelon::kIVa);
    CHECK(parse_enum<Echelon>("iv-a") == Echelon::kIVa);
    CHECK(parse_enum<Echelon>("III.b") == Echelon::kIIIb);
    CHECK(parse_enum<Echelon>("staf") == Echelon::kStaff);
    CHECK(parse_enum<Echelon>("pelaksana") == Echelon::kStaff);
    CHECK(parse_enum<Echelon>("non eselon") == Echelon::kStaff);
  }
  SUBCASE("initiator") {
    CHECK(parse_enum<Initiator>("kepala daerah") == Initiator::kRegent);
    CHECK(parse_enum<Initiator>("Bupati") == Initiator::kRegent);
    CHECK(parse_enum<Initiator>("anggota DPRD") == Initiator::kCouncil);
    CHECK(parse_enum<Initiator>("perangkat daerah") == Initiator::kUnit);
    CHECK(parse_enum<Initiator>("ASN") == Initiator::kCivilServant);
    CHECK(parse_enum<Initiator>("civil servant") == Initiator::kCivilServant);
    CHECK(parse_enum<Initiator>("masyarakat") == Initiator::kPublic);
  }
  SUBCASE("language") {
    CHECK(parse_enum<Language>("Bahasa Indonesia") == Language::kId);
    CHECK(parse_enum<Language>("english") == Language::kEn);
  }
}

TEST_CASE("enum unknown words are refused") {
  CHECK_FALSE(parse_enum<Stage>("").has_value());
  CHECK_FALSE(parse_enum<Stage>("done").has_value());
  CHECK_FALSE(parse_enum<Stage>("uji cobaa").has_value());
  CHECK_FALSE(parse_enum<Echelon>("I.a").has_value());
  CHECK_FALSE(parse_enum<Echelon>("IV.c").has_value());
  CHECK_FALSE(parse_enum<IdeaKind>("analog").has_value());
  CHECK_FALSE(parse_enum<UnitKind>("puskesmas").has_value());
}

TEST_CASE("enum bad token messages") {
  CHECK(bad_enum_message<Stage>("done") ==
        "'done' is not a stage (expected initiative, trial, implemented or dropped)");
  CHECK(bad_enum_message<IdeaKind>("analog") ==
        "'analog' is not a kind (expected digital or non-digital)");
  CHECK(bad_enum_message<Category>("") ==
        "'' is not a category (expected governance, public-service or other)");
  CHECK(describe_bad_token("x", "a thing", {"one"}) == "'x' is not a thing (expected one)");
}

TEST_CASE("enum bad token messages use the article the word is said with") {
  CHECK(bad_enum_message<UnitKind>("puskesmas") ==
        "'puskesmas' is not a unit kind (expected dinas, badan, secretariat, inspectorate, "
        "hospital, district, village, section or other)");
  CHECK(bad_enum_message<Echelon>("IV.c") ==
        "'IV.c' is not an echelon (expected II.a, II.b, III.a, III.b, IV.a, IV.b, V.a or staff)");
  CHECK(bad_enum_message<Initiator>("camat") ==
        "'camat' is not an initiator (expected regent, council, unit, civil-servant or public)");
}
