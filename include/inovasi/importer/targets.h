// A contract's targets from a file: a YAML list as under `targets:`, or the
// wide CSV of performance agreements, one row per target and a column per quarter.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "inovasi/model/records.h"
#include "inovasi/util/finding.h"

namespace inovasi {

// Targets grouped by contract id; without a `contract` column (or from YAML)
// every target is under "".
struct TargetRows {
  std::vector<Target> targets;
  // Where each target's fields stand in the file; from YAML, one origin
  // holds them all (its field names begin with targets[k]).
  std::vector<Origin> origins;
};
using TargetsByContract = std::map<std::string, TargetRows>;

TargetsByContract read_targets_yaml(const std::string& path, const std::string& text,
                                    Findings& findings);
// Columns: [contract,]target,name,unit,polarity,mode,weight,baseline, then
// one per quarter (2018-Q2, 2018-Q3, ...).
TargetsByContract read_targets_csv(const std::string& path, const std::string& text,
                                   Findings& findings, char separator = 0);

}  // namespace inovasi
