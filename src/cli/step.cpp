// inovasi step: ticks, reschedules or adds a step of an idea's action plan
// (reviu dan aktualisasi rencana aksi).
#include "changing.h"

namespace inovasi::cli {

namespace {

struct StepOptions {
  std::string idea;
  int number = 0;  // from 1, as show numbers the plan; 0 when --add
  std::string done, due, add;
  bool undo = false;
  bool dry_run = false;
};

int run_step(const Globals& g, const StepOptions& o) {
  std::optional<Date> done = option_value<Date>(o.done, "--done");
  std::optional<Date> due = option_value<Date>(o.due, "--due");
  bool adding = !o.add.empty();
  if (adding && o.number)
    throw UsageError(tr("--add appends a new step: give no step number with it"));
  if (!adding && !o.number)
    throw UsageError(tr("name the step by its number (1, 2, ...), or add one with --add TEXT"));
  if (o.undo && done) throw UsageError(tr("--done and --undo cannot be combined"));
  if (adding && o.undo) throw UsageError(tr("--undo does not apply to a new step"));
  if (!adding && !done && !due && !o.undo)
    throw UsageError(tr("say what changes: --done DATE, --undo or --due DATE"));

  ChangeOf<Idea> review = [&](const Idea& idea) {
    std::vector<PlanStep> plan = idea.plan;
    if (adding) {
      plan.push_back({std::string(text::trim(o.add)), due, done});
    } else {
      if (o.number < 1 || static_cast<std::size_t>(o.number) > plan.size())
        throw InvalidInput(plan.empty()
                               ? msg("idea '{}' has no action plan; add a step with --add", o.idea)
                               : msg("idea '{}' has steps 1 to {}; there is no step {}", o.idea,
                                     plan.size(), o.number));
      PlanStep& step = plan[static_cast<std::size_t>(o.number - 1)];
      if (done) step.done = done;
      if (o.undo) step.done.reset();
      if (due) step.due = due;
    }
    std::vector<std::string> items;
    for (const auto& step : plan) items.push_back(format_item(step));
    return std::map<std::string, std::string>{{"plan", join_list_cell(items)}};
  };
  return change_record<Idea>(g, o.idea, review, o.dry_run);
}

}  // namespace

Command step_command() {
  return {
      "step", tr_noop("Tick, reschedule or add a step of an idea's action plan"),
      [](CLI::App& app) -> Runner {
        auto o = std::make_shared<StepOptions>();
        app.add_option("idea", o->idea, tr("Id of the idea"))->required()->option_text("IDEA");
        app.add_option("number", o->number,
                       tr("The step's number in the plan, from 1, as 'inovasi show' lists it"))
            ->option_text("N");
        app.add_option("--done", o->done, tr("The day the step was done (YYYY-MM-DD)"))
            ->option_text("DATE");
        app.add_flag("--undo", o->undo, tr("The step is not done after all"));
        app.add_option("--due", o->due, tr("The step's new due date (YYYY-MM-DD)"))
            ->option_text("DATE");
        app.add_option("--add", o->add, tr("Add a step with this text at the end of the plan"))
            ->option_text("TEXT");
        app.add_flag("--dry-run", o->dry_run,
                     tr("Validate and show what would change; write nothing"));
        app.footer(
            tr("Examples:\n"
               "  inovasi step antrean-online 2 --done 2018-09-15\n"
               "  inovasi step antrean-online 3 --due 2019-03-31\n"
               "  inovasi step antrean-online --add 'Perluasan ke seluruh poli' --due 2019-06-30"));
        return [o](const Globals& g) { return run_step(g, *o); };
      }};
}

}  // namespace inovasi::cli
