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
    throw UsageError(
        fmt::format("{} --step and {} --due: give one --due after each --step, or none",
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
      "add-idea", "Add an innovation idea with its action plan", [](CLI::App& app) -> Runner {
        auto o = std::make_shared<AddOptions>();
        auto lists = std::make_shared<IdeaLists>();
        add_column_options(
            app, *o,
            {
                {"id", "Id of the idea (default: derived from --title)"},
                {"title", "Name of the innovation (nama inovasi)"},
                {"unit", "Id of the OPD that owns it"},
                {"proposer_name", "Name of the official who proposed it"},
                {"proposer_nip", "NIP of the proposer (18 digits)"},
                {"proposer_position", "Position of the proposer"},
                {"proposer_echelon", "Echelon: II.a ... IV.b, V.a or staff"},
                {"initiator",
                 "regent (kepala daerah), council (anggota DPRD), unit (perangkat "
                 "daerah), civil-servant (ASN) or public (masyarakat)"},
                {"category",
                 "governance (tata kelola), public-service (pelayanan publik) or other"},
                {"kind", "digital or non-digital"},
                {"stage",
                 "initiative (inisiatif), trial (uji coba), implemented (penerapan) or "
                 "dropped (dihentikan); default initiative"},
                {"priority", "Id of the RPJMD priority it serves"},
                {"indicator", "Id of the regional performance indicator (IKD) it serves"},
                {"submitted", "Date proposed (YYYY-MM-DD)"},
                {"trial_date", "Date the trial began"},
                {"implemented_date", "Date it was implemented"},
                {"budget", "Planned budget in rupiah (whole number)"},
                {"problem", "The problem it addresses"},
                {"description", "What the innovation is"},
                {"goal", "What it aims for"},
                {"benefit", "Who benefits, and how"},
            });
        app.add_option("--echelon", o->values["proposer_echelon"], "Same as --proposer-echelon");
        app.add_option("--tag", lists->tags, "A tag (repeatable)")->allow_extra_args(false);
        app.add_option("--step", lists->steps, "An action-plan step (repeatable; pair with --due)")
            ->allow_extra_args(false);
        app.add_option("--due", lists->dues, "Due date of the --step before it")
            ->allow_extra_args(false);
        app.footer(
            "Examples:\n"
            "  inovasi add-idea --title 'Antrean online' --unit rsud-koesma --stage 'uji coba' \\\n"
            "      --category 'pelayanan publik' --kind digital \\\n"
            "      --step 'Sosialisasi' --due 2018-06-30 --step 'Uji coba loket' --due 2018-09-30\n"
            "  inovasi add-idea --from ideas.csv --dry-run\n"
            "\n"
            "CSV columns are the field names; proposer fields as proposer_name, ...;\n"
            "tags as 'a;b'; plan as 'STEP @ DUE;STEP @ DUE / DONE'.");
        return [o, lists](const Globals& g) {
          AddOptions options = *o;
          if (!options.from.empty() && (!lists->tags.empty() || !lists->steps.empty()))
            throw UsageError(
                "--tag and --step cannot be combined with --from; put them in the CSV file");
          if (options.from.empty()) fill_lists(options, *lists);
          return run_add<Idea>(g, options);
        };
      }};
}

}  // namespace inovasi::cli
