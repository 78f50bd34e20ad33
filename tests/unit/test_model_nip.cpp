// NIP structure: 18 digits, birth date, appointment month, sex digit.
#include <doctest/doctest.h>

#include <string>

#include "inovasi/model/nip.h"

using namespace inovasi;

namespace {

// The message for nip, or "ok" when it could be real.
std::string problem(std::string_view nip) {
  return nip_problem(nip).value_or("ok");
}

}  // namespace

TEST_CASE("NIP accepted when it could be real") {
  // Born 1985-03-30, appointed January 2010, male, sequence 002.
  CHECK(problem("198503302010011002") == "ok");
  // Female; appointed in the month of birth (not before it).
  CHECK(problem("198503301985032001") == "ok");
  CHECK(problem("200002292020122999") == "ok");
}

TEST_CASE("NIP length and digits") {
  CHECK(problem("19850330201001100") ==
        "NIP '19850330201001100' must be 18 digits (it has 17 characters)");
  CHECK(problem("1985033020100110021") ==
        "NIP '1985033020100110021' must be 18 digits (it has 19 characters)");
  CHECK(problem("") == "NIP '' must be 18 digits (it has 0 characters)");
  CHECK(problem("19850330201001100x") ==
        "NIP '19850330201001100x' must be 18 digits (it has 18 characters)");
  CHECK(problem("19850330 201001 1 002") ==
        "NIP '19850330 201001 1 002' must be 18 digits (it has 21 characters)");
}

TEST_CASE("NIP length counts characters, not bytes") {
  // 17 digits and one 'é' are 18 characters (19 bytes).
  CHECK(problem("19850330201001100\xC3\xA9") ==
        "NIP '19850330201001100\xC3\xA9' must be 18 digits (it has 18 characters)");
}

TEST_CASE("NIP birth date") {
  CHECK(problem("198502302010011002") ==
        "NIP '198502302010011002': birth date 19850230 is not a date");
  CHECK(problem("198513012010011002") ==
        "NIP '198513012010011002': birth date 19851301 is not a date");
  CHECK(problem("000001012010011002") ==
        "NIP '000001012010011002': birth date 00000101 is not a date");
  CHECK(problem("198302292010011002") ==
        "NIP '198302292010011002': birth date 19830229 is not a date");
}

TEST_CASE("NIP appointment month") {
  CHECK(problem("198503302010131002") ==
        "NIP '198503302010131002': appointment month 13 is not a month");
  CHECK(problem("198503302010001002") ==
        "NIP '198503302010001002': appointment month 00 is not a month");
}

TEST_CASE("NIP appointment before birth") {
  CHECK(problem("198503301984011002") ==
        "NIP '198503301984011002': appointed (1984-01) before birth (1985-03-30)");
  CHECK(problem("198503301985021002") ==
        "NIP '198503301985021002': appointed (1985-02) before birth (1985-03-30)");
}

TEST_CASE("NIP sex digit") {
  CHECK(problem("198503302010013002") ==
        "NIP '198503302010013002': sex digit must be 1 or 2, not 3");
  CHECK(problem("198503302010010002") ==
        "NIP '198503302010010002': sex digit must be 1 or 2, not 0");
}
