// inovasi add-idea: one innovation idea from options, or many from CSV.
#include "adding.h"

namespace inovasi::cli {

namespace {

struct IdeaLists {
  std::vector<std::string> tags, steps, dues;
};

// --step/--due pairs and --tag repeats become the plan and tags cells.
void fill_lists(AddOptions& o, const IdeaLists& lists) {
  if (!lists.dues.empty() && lists.dues.size() != lists.steps.size())
    throw UsageError(msg("{} --step and {} --due: give one --due after each --step, or none",
                         lists.steps.size(), lists.dues.size()));
  std::vector<std::string> plan;
  for (std::size_t i = 0; i < lists.steps.size(); ++i)
    plan.push_back(lists.dues.empty() ? lists.steps[i] : lists.steps[i] + " @ " + lists.dues[i]);
  o.values["plan"] = join_list_cell(plan);
  o.values["tags"] = join_list_cell(lists.tags);
}

}  // namespace

Command add_idea_command() {
  return {
      "add-idea", tr_noop("Add an innovation idea with its action plan"),
      [](CLI::App& app) -> Runner {
        auto o = std::make_shared<AddOptions>();
        auto lists = std::make_shared<IdeaLists>();
        add_column_options(
            app, *o,
            {
                {"id", tr_noop("Id of the idea (default: derived from --title)")},
                {"title", tr_noop("Name of the innovation (nama inovasi)")},
                {"unit", tr_noop("Id of the OPD that owns it")},
                {"proposer_name", tr_noop("Name of the official who proposed it")},
                {"proposer_nip", tr_noop("NIP of the proposer (18 digits)")},
                {"proposer_position", tr_noop("Position of the proposer")},
                {"proposer_echelon", tr_noop("Echelon: II.a ... IV.b, V.a or staff")},
                {"initiator",
                 tr_noop("regent (kepala daerah), council (anggota DPRD), unit (perangkat "
                         "daerah), civil-servant (ASN) or public (masyarakat)")},
                {"category",
                 tr_noop("governance (tata kelola), public-service (pelayanan publik) or other")},
                {"kind", tr_noop("digital or non-digital")},
                {"stage",
                 tr_noop("initiative (inisiatif), trial (uji coba), implemented (penerapan) or "
                         "dropped (dihentikan); default initiative")},
                {"priority", tr_noop("Id of the RPJMD priority it serves")},
                {"indicator", tr_noop("Id of the regional performance indicator (IKD) it serves")},
                {"submitted", tr_noop("Date proposed (YYYY-MM-DD)")},
                {"trial_date", tr_noop("Date the trial began")},
                {"implemented_date", tr_noop("Date it was implemented")},
                {"budget", tr_noop("Planned budget in rupiah (whole number)")},
                {"problem", tr_noop("The problem it addresses")},
                {"description", tr_noop("What the innovation is")},
                {"goal", tr_noop("What it aims for")},
                {"benefit", tr_noop("Who benefits, and how")},
            });
        app.add_option("--echelon", o->values["proposer_echelon"],
                       tr("Same as --proposer-echelon"));
        app.add_option("--tag", lists->tags, tr("A tag (repeatable)"))->allow_extra_args(false);
        app.add_option("--step", lists->steps,
                       tr("An action-plan step (repeatable; pair with --due)"))
            ->allow_extra_args(false);
        app.add_option("--due", lists->dues, tr("Due date of the --step before it"))
            ->allow_extra_args(false);
        app.footer(tr(
            "Examples:\n"
            "  inovasi add-idea --title 'Antrean online' --unit rsud-koesma --stage 'uji coba' \\\n"
            "      --category 'pelayanan publik' --kind digital \\\n"
            "      --step 'Sosialisasi' --due 2018-06-30 --step 'Uji coba loket' --due 2018-09-30\n"
            "  inovasi add-idea --from ideas.csv --dry-run\n"
            "\n"
            "CSV columns are the field names; proposer fields as proposer_name, ...;\n"
            "tags as 'a;b'; plan as 'STEP @ DUE;STEP @ DUE / DONE'."));
        return [o, lists](const Globals& g) {
          AddOptions options = *o;
          if (!options.from.empty() && (!lists->tags.empty() || !lists->steps.empty()))
            throw UsageError(
                tr("--tag and --step cannot be combined with --from; put them in the CSV file"));
          if (options.from.empty()) fill_lists(options, *lists);
          return run_add<Idea>(g, options);
        };
      }};
}

}  // namespace inovasi::cli
