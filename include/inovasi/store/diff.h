// What a change does to a record, field by field: the lines an update, `set`,
// `stage` or `step` prints ("stage: initiative → trial", "+ trial_date: …").
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "inovasi/store/codec.h"

namespace inovasi {

// One field that differs. Nested fields are dotted (proposer.nip); items of
// a list of structures are labelled by their id (targets[waktu-tunggu]) or,
// without one, by their number from 1 (plan[2].done), as `show` counts them.
struct FieldChange {
  std::string field;
  std::optional<std::string> before;  // none: the field is added
  std::optional<std::string> after;   // none: the field is removed
  // A list changed: the items the new one lacks and those it adds, in order.
  std::vector<std::string> removed, added;
};

// The fields of two encoded records that differ, ordered as `keys` (the
// record's top-level fields in canonical order) lists them.
std::vector<FieldChange> node_changes(const yaml::Node& before, const yaml::Node& after,
                                      const std::vector<std::string>& keys);

template <class R>
std::vector<FieldChange> record_changes(const R& before, const R& after) {
  FieldNames keys;
  R::fields(before, keys);
  return node_changes(encode_node(before, 0), encode_node(after, 0), keys.names);
}

// "stage: initiative → trial", "+ trial_date: 2019-03-01", "- budget: 5000000";
// long or multi-line text is shown on one line, cut to fit; a long list by
// the items it lost and gained: "ideas: - antrean-online, + antrean-rsud".
std::string describe(const FieldChange& change);

}  // namespace inovasi
