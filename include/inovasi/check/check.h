// The rules a programme's records must keep beyond their syntax: ids,
// references between records, dates in order, NIPs.
#pragma once
#include "inovasi/model/snapshot.h"
#include "inovasi/util/finding.h"

namespace inovasi {

// Adds every finding about the records; never stops at the first.
void check_records(const Records& records, Findings& findings);

// The rules one record keeps on its own, whatever the records it names
// hold: what every record file written must pass (see unwritable_record).
template <class R>
void check_record_alone(const Stored<R>& stored, Findings& findings);

}  // namespace inovasi
