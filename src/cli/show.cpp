// inovasi show: one record, whatever its type, by id.
#include <fmt/core.h>

#include <iostream>
#include <memory>

#include "inovasi/cli/app.h"
#include "inovasi/store/codec.h"
#include "inovasi/store/json.h"
#include "inovasi/store/store.h"
#include "inovasi/util/error.h"
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

int run_show(const Globals& g, const ShowOptions& o) {
  ProgrammeDir dir = ProgrammeDir::locate(g.dir);
  Findings findings;
  Records records = load_records(dir, findings);
  bool found = show_one<Unit>(dir, records, o);
  found = show_one<Idea>(dir, records, o) || found;
  if (found) {
    if (const Stored<Unit>* u = records.find<Unit>(o.id); u && o.format == "yaml") {
      std::vector<std::string> ideas;
      for (const auto& i : records.ideas)
        if (i.record.unit == o.id) ideas.push_back(i.record.id);
      if (!ideas.empty()) std::cout << "# ideas of this unit: " << text::join(ideas, ", ") << "\n";
    }
    return kOk;
  }
  print_findings(findings);
  std::vector<std::string> ids;
  for (const auto& u : records.units) ids.push_back(u.record.id);
  for (const auto& i : records.ideas) ids.push_back(i.record.id);
  std::string message = fmt::format("no record has the id '{}'", o.id);
  if (auto near = text::nearest(o.id, ids)) message += fmt::format("; did you mean '{}'?", *near);
  throw InvalidInput(message);
}

}  // namespace

Command show_command() {
  return {"show", "Show one record by its id", [](CLI::App& app) -> Runner {
            auto o = std::make_shared<ShowOptions>();
            app.add_option("id", o->id, "Id of a unit or an idea")->required();
            app.add_option("--format", o->format, "yaml or json")
                ->check(CLI::IsMember({"yaml", "json"}))
                ->capture_default_str();
            app.footer(
                "Examples:\n"
                "  inovasi show antrean-online\n"
                "  inovasi show rsud-koesma --format json");
            return [o](const Globals& g) { return run_show(g, *o); };
          }};
}

}  // namespace inovasi::cli
