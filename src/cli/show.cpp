// inovasi show: one record, whatever its type, by id (a report by contract/period).
#include <fmt/core.h>

#include <algorithm>
#include <iostream>
#include <memory>

#include "inovasi/cli/app.h"
#include "inovasi/store/codec.h"
#include "inovasi/store/json.h"
#include "inovasi/store/record_types.h"
#include "inovasi/store/store.h"
#include "inovasi/util/error.h"
#include "inovasi/util/messages.h"
#include "inovasi/util/text.h"

namespace inovasi::cli {

namespace {

struct ShowOptions {
  std::string id;
  std::string format = "yaml";
};

template <class R>
bool show_one(const ProgrammeDir& dir, const Records& records, const ShowOptions& o) {
  const Stored<R>* s = records.find<R>(o.id);
  if (!s) return false;
  if (o.format == "json") {
    std::cout << to_json(encode_node(s->record, 0)) << "\n";
  } else {
    std::cout << "# " << dir.shown(ProgrammeDir::record_path<R>(o.id)) << "\n"
              << canonical_text(s->record);
  }
  return true;
}

// What refers to a record, for the reader of `show`: comments after the
// record, in the language of messages.
void show_related(const Records& records, const std::string& id) {
  std::vector<std::string> lines;
  auto list = [&](const char* what, const std::vector<std::string>& ids) {
    if (!ids.empty()) lines.push_back(fmt::format("# {}: {}", tr(what), text::join(ids, ", ")));
  };
  if (records.find<Unit>(id)) {
    std::vector<std::string> ideas, contracts;
    for (const auto& i : records.ideas)
      if (i.record.unit == id) ideas.push_back(i.record.id);
    for (const auto& c : records.contracts)
      if (c.record.unit == id) contracts.push_back(c.record.id);
    list(tr_noop("ideas of this unit"), ideas);
    list(tr_noop("contracts of this unit"), contracts);
  }
  // The plan's steps by the numbers `inovasi step` takes.
  if (const Stored<Idea>* idea = records.find<Idea>(id))
    for (std::size_t n = 0; n < idea->record.plan.size(); ++n)
      lines.push_back("# " + msg("step {}: {}", n + 1, idea->record.plan[n].step));
  if (records.find<Contract>(id)) {
    std::vector<std::string> reports;
    for (const auto& r : records.reports)
      if (r.record.contract == id) reports.push_back(r.record.period.str());
    list(tr_noop("reports"), reports);
  }
  if (records.find<Idea>(id) || records.find<Regulation>(id)) {
    std::vector<std::string> listing, amendments;
    for (const auto& r : records.regulations) {
      const auto& ideas = r.record.ideas;
      if (std::find(ideas.begin(), ideas.end(), id) != ideas.end()) listing.push_back(r.record.id);
      if (r.record.amends == id) amendments.push_back(r.record.id);
    }
    list(tr_noop("regulations listing it"), listing);
    list(tr_noop("amended by"), amendments);
  }
  for (const auto& line : lines) std::cout << line << "\n";
}

int run_show(const Globals& g, const ShowOptions& o) {
  ProgrammeDir dir = ProgrammeDir::locate(g.dir);
  Findings findings;
  Records records = load_records(dir, findings);
  bool found = false;
  for_each_record_type([&](auto type) {
    found = show_one<typename decltype(type)::type>(dir, records, o) || found;
  });
  if (found) {
    if (o.format == "yaml") show_related(records, o.id);
    return kOk;
  }
  print_findings(findings);
  std::vector<std::string> keys;
  for_each_record_type([&](auto type) {
    for (const auto& s : records.all<typename decltype(type)::type>())
      keys.push_back(record_key(s.record));
  });
  std::string message = msg("no record has the id '{}'", o.id);
  if (auto near = text::nearest(o.id, keys)) message += msg("; did you mean '{}'?", *near);
  throw InvalidInput(message);
}

}  // namespace

Command show_command() {
  return {"show", tr_noop("Show one record by its id"), [](CLI::App& app) -> Runner {
            auto o = std::make_shared<ShowOptions>();
            app.add_option(
                   "id", o->id,
                   tr("Id of a unit, idea, contract or regulation; CONTRACT/PERIOD for a report"))
                ->required();
            app.add_option("--format", o->format, tr("yaml or json"))
                ->check(CLI::IsMember({"yaml", "json"}))
                ->capture_default_str();
            app.footer(
                tr("Examples:\n"
                   "  inovasi show antrean-online\n"
                   "  inovasi show rsud-2018/2018-Q3 --format json"));
            return [o](const Globals& g) { return run_show(g, *o); };
          }};
}

}  // namespace inovasi::cli
