// NIP, the civil servant's 18-digit number: birth date, appointment month,
// sex digit and a sequence.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace inovasi {

// Why nip is impossible, or nothing when it could be real.
std::optional<std::string> nip_problem(std::string_view nip);

}  // namespace inovasi
