#include "inovasi/model/nip.h"

#include <fmt/core.h>

#include "inovasi/model/date.h"
#include "inovasi/util/messages.h"
#include "inovasi/util/text.h"

namespace inovasi {

std::optional<std::string> nip_problem(std::string_view nip) {
  if (nip.size() != 18 || nip.find_first_not_of("0123456789") != std::string_view::npos)
    return msg("NIP '{}' must be 18 digits (it has {} characters)", nip, text::display_width(nip));
  std::string_view birth = nip.substr(0, 8);
  std::string iso =
      fmt::format("{}-{}-{}", birth.substr(0, 4), birth.substr(4, 2), birth.substr(6, 2));
  auto born = Date::parse(iso);
  if (!born) return msg("NIP '{}': birth date {} is not a date", nip, birth);
  int year = std::stoi(std::string(nip.substr(8, 4)));
  int month = std::stoi(std::string(nip.substr(12, 2)));
  if (month < 1 || month > 12)
    return msg("NIP '{}': appointment month {} is not a month", nip, nip.substr(12, 2));
  if (year < born->year() || (year == born->year() && month < born->month()))
    return msg("NIP '{}': appointed ({}-{:02}) before birth ({})", nip, year, month, born->str());
  if (nip[14] != '1' && nip[14] != '2')
    return msg("NIP '{}': sex digit must be 1 or 2, not {}", nip, nip[14]);
  return std::nullopt;
}

}  // namespace inovasi
