// export perbup: the annex of a regulation, or the ideas pending for the
// next amendment, chosen and checked from export's options.
#pragma once
#include <optional>
#include <string>

#include "inovasi/model/snapshot.h"
#include "inovasi/util/csv.h"

namespace inovasi::cli {

struct PerbupRequest {
  std::string regulation;  // --regulation: an id; empty for the one in force
  bool pending = false;    // --pending
};

// The text to write in format (md or csv), in the language asked for or
// else the programme's. Throws UsageError for a combination that makes no
// sense, InvalidInput when there is no such regulation or none at all.
std::string export_perbup(const Records& records, const PerbupRequest& request,
                          const std::string& format, std::optional<Language> language,
                          const csv::Style& style);

}  // namespace inovasi::cli
