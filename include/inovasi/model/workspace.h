// A province's workspace: several programmes, each its own directory (and
// git repository), evaluated each with its own settings and then seen
// together with ids qualified by programme ("tuban/rsud-2018").
#pragma once
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "inovasi/model/evaluation.h"
#include "inovasi/model/records.h"
#include "inovasi/model/snapshot.h"

namespace inovasi {

// workspace.yaml: the programme folders, relative to the file's own folder.
struct Workspace {
  static constexpr const char* kType = "workspace";
  std::string name;
  std::vector<std::string> programmes;
  template <class Self, class V>
  static void fields(Self& r, V& v) {
    v("name", r.name);
    v("programmes", r.programmes, kRequired);
  }
};

// "tuban/rsud-2018"; an empty reference stays empty (an idea without a priority).
std::string qualified(std::string_view programme, std::string_view id);
// The programme a qualified id belongs to ("tuban"), or "" for a plain id:
// slugs never hold a '/'.
std::string_view programme_of(std::string_view id);

// A copy of the records with every id and reference qualified: units, ideas,
// contracts, reports (by contract) and regulations, and the programme's
// priorities and indicators. A target's id is its contract's own and is
// left as it is.
Records qualified_records(const Records& records, std::string_view programme);

// One programme's own evaluation, ids as in its records.
struct ProgrammeEvaluation {
  std::string name;  // its folder's base name: tuban
  Programme programme;
  PeriodEvaluation evaluation;
};

// Every programme's results as one PeriodEvaluation: contracts, units and
// ideas of all of them, ids qualified, each list sorted by qualified id. Its
// records point into qualified copies the object owns, and their targets
// and plan steps into the programmes' records, which must outlive it.
class CombinedEvaluation {
 public:
  // parts: in any order; they are kept sorted by name.
  explicit CombinedEvaluation(std::vector<ProgrammeEvaluation> parts);
  CombinedEvaluation(const CombinedEvaluation&) = delete;
  CombinedEvaluation& operator=(const CombinedEvaluation&) = delete;

  const std::vector<ProgrammeEvaluation>& parts() const { return parts_; }
  const PeriodEvaluation& all() const { return all_; }
  // The priorities of every programme, ids qualified, by programme.
  const std::vector<Priority>& priorities() const { return priorities_; }

 private:
  std::vector<ProgrammeEvaluation> parts_;
  PeriodEvaluation all_;
  std::vector<Priority> priorities_;
  std::deque<Unit> units_;
  std::deque<Idea> ideas_;
  std::deque<Contract> contracts_;
};

// The bands of several programmes as one list, highest first: the bands they
// share, or every distinct band (same min and labels) of any of them.
std::vector<Band> combined_bands(const std::vector<std::vector<Band>>& lists);
bool same_band(const Band& a, const Band& b);

}  // namespace inovasi
