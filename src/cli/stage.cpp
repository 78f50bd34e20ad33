// inovasi stage: moves an idea to another stage on a date.
#include "changing.h"

namespace inovasi::cli {

namespace {

struct StageOptions {
  std::string idea;
  std::string stage;
  std::string date;
  std::string reason;
  bool force = false;
  bool dry_run = false;
};

// initiative → trial → implemented, and dropped after any of them: a move to
// a lower rank undoes stages.
int rank(Stage s) {
  return static_cast<int>(s);
}

int run_stage(const Globals& g, const StageOptions& o) {
  Stage to = *option_value<Stage>(o.stage, "STAGE");
  std::optional<Date> date = option_value<Date>(o.date, "--date");
  if (to != Stage::kInitiative && !date)
    throw UsageError(msg("--date is required: the day the idea reached the stage {}", token(to)));
  if (to == Stage::kInitiative && date)
    throw UsageError(tr("--date does not apply to the stage initiative, which has no date"));
  if (to == Stage::kDropped && text::trim(o.reason).empty())
    throw UsageError(tr("--reason is required to drop an idea: why it was dropped"));
  if (to != Stage::kDropped && !o.reason.empty())
    throw UsageError(tr("--reason applies to the stage dropped only"));

  ChangeOf<Idea> move = [&](const Idea& idea) {
    std::map<std::string, std::string> values = {{"stage", std::string(token(to))}};
    for (const auto& dated : kStageDates)
      if (dated.stage == to) values[dated.field] = date->str();
    if (to == Stage::kDropped) values["drop_reason"] = o.reason;
    // A move back undoes the later stages, and their dates with them.
    if (rank(to) < rank(idea.stage)) {
      std::vector<std::string> undone;
      for (const auto& dated : kStageDates)
        if (rank(dated.stage) > rank(to) && (idea.*dated.date).has_value()) {
          values[dated.field] = "";
          undone.push_back(dated.field);
        }
      if (idea.stage == Stage::kDropped && !idea.drop_reason.empty()) {
        values["drop_reason"] = "";
        undone.push_back("drop_reason");
      }
      if (!o.force)
        throw InvalidInput(
            msg("idea '{}' is at the stage {}: moving it back to {} undoes a stage{}; "
                "give --force to do so",
                o.idea, token(idea.stage), token(to),
                undone.empty() ? std::string() : msg(" and clears {}", text::join(undone, ", "))));
    }
    return values;
  };
  return change_record<Idea>(g, o.idea, move, o.dry_run);
}

}  // namespace

Command stage_command() {
  return {"stage", tr_noop("Move an idea to another stage on a date"), [](CLI::App& app) -> Runner {
            auto o = std::make_shared<StageOptions>();
            app.add_option("idea", o->idea, tr("Id of the idea"))->required()->option_text("IDEA");
            app.add_option("stage", o->stage,
                           tr("initiative (inisiatif), trial (uji coba), implemented "
                              "(penerapan) or dropped (dihentikan)"))
                ->required()
                ->option_text("STAGE");
            app.add_option("--date", o->date,
                           tr("The day it reached the stage (YYYY-MM-DD); sets trial_date, "
                              "implemented_date or dropped_date"))
                ->option_text("DATE");
            app.add_option("--reason", o->reason,
                           tr("Why it was dropped (required with the stage dropped)"))
                ->option_text("TEXT");
            app.add_flag("--force", o->force,
                         tr("Move back to an earlier stage, or out of dropped, clearing the "
                            "dates of the stages undone"));
            app.add_flag("--dry-run", o->dry_run,
                         tr("Validate and show what would change; write nothing"));
            app.footer(
                tr("Examples:\n"
                   "  inovasi stage antrean-online 'uji coba' --date 2018-07-02\n"
                   "  inovasi stage surat-pindah-online dropped --date 2018-11-30 \\\n"
                   "      --reason 'Warga memilih layanan PATEN Keliling'"));
            return [o](const Globals& g) { return run_stage(g, *o); };
          }};
}

}  // namespace inovasi::cli
