// The rules a programme's records must keep beyond their syntax: ids,
// references between records, dates in order, NIPs.
#pragma once
#include "inovasi/model/snapshot.h"
#include "inovasi/util/finding.h"

namespace inovasi {

// Adds every finding about the records; never stops at the first.
void check_records(const Records& records, Findings& findings);

}  // namespace inovasi
