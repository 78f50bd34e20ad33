// export perbup: the annex of a regulation, or the ideas pending for the
// next amendment, chosen and checked from export's options.
#pragma once
#include <string>

#include "inovasi/model/snapshot.h"
#include "inovasi/util/csv.h"

namespace inovasi::cli {

struct PerbupRequest {
  std::string regulation;  // --regulation: an id; empty for the one in force
  bool pending = false;    // --pending
};

// The text to write in format (md or csv); lang is --lang ("" for the
// programme's language). Throws UsageError for a combination that makes no
// sense, InvalidInput when there is no such regulation or none at all.
std::string export_perbup(const Records& records, const PerbupRequest& request,
                          const std::string& format, const std::string& lang,
                          const csv::Style& style);

}  // namespace inovasi::cli
