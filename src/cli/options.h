// Option values read with the records' own strict rules, and option ids
// that must name a record: what several commands share.
#pragma once
#include <fmt/core.h>

#include <optional>
#include <string>
#include <type_traits>

#include "inovasi/model/snapshot.h"
#include "inovasi/store/values.h"
#include "inovasi/util/error.h"
#include "inovasi/util/messages.h"

namespace inovasi::cli {

// "--as-of: '2018-02-30' is not a date: ..." as a usage error; nothing when empty.
template <class T>
std::optional<T> option_value(const std::string& text, const char* option) {
  if (text.empty()) return std::nullopt;
  T value{};
  if (auto error = parse_value(text, value))
    throw UsageError(fmt::format("{}: {}", option, *error));
  return value;
}

// The name of a record type in a message: "unit", or "OPD" in Indonesian.
template <class R>
std::string record_noun() {
  return tr(R::kNoun);
}

// An id given to filter by must name a record of that type.
template <class R>
void require_record(const Records& records, const std::string& id, const char* option) {
  if (!id.empty() && !records.find<R>(id))
    throw InvalidInput(msg("{}: there is no {} '{}'", option, record_noun<R>(), id));
}

}  // namespace inovasi::cli
