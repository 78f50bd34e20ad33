// The annex (lampiran) of a perbup: the innovations it lists and, for an
// amendment, what it adds and removes compared with the regulation it
// amends; and the ideas waiting for the next amendment.
#pragma once
#include <string>
#include <vector>

#include "inovasi/model/snapshot.h"
#include "inovasi/render/labels.h"
#include "inovasi/render/tables.h"

namespace inovasi {

// The regulation in force: the latest by date; of two on one date, the one
// further down a chain of amendments, then the greater id. Null when there
// is no regulation.
const Regulation* regulation_in_force(const Records& records);

// What a regulation changes in the annex of the one it amends, each list in
// the order of the annex it comes from. An original regulation (or one whose
// amends names no regulation) has no amended one and changes nothing.
struct AnnexChanges {
  const Regulation* amended = nullptr;
  std::vector<std::string> added, removed;  // idea ids
};
AnnexChanges annex_changes(const Records& records, const Regulation& regulation);

// Ideas in trial or implemented that no regulation lists, by id: the input
// to the next amendment. An idea an amendment removed is not pending again.
std::vector<const Idea*> pending_ideas(const Records& records);

// The annex in Markdown: title, date, what it amends, the table of
// innovations, and for an amendment the innovations added and removed.
std::string perbup_markdown(const Records& records, const Regulation& regulation,
                            const Labels& labels);
// The annex as CSV rows: no,idea,title,unit,unit_name,category,stage,change.
// The annex in its order (change "added" where the amended one lacks the
// idea), then the removed ideas with no number (change "removed").
// Category and stage are the record's tokens, in any language.
Table perbup_table(const Records& records, const Regulation& regulation);

// The pending ideas in Markdown, and as rows no,idea,title,unit,unit_name,category,stage.
std::string pending_markdown(const Records& records, const Labels& labels);
Table pending_table(const Records& records);

}  // namespace inovasi
