// inovasi add-regulation: a perbup, or an amendment of one, with the
// innovations it lists.
#include "adding.h"

namespace inovasi::cli {

Command add_regulation_command() {
  return {
      "add-regulation", tr_noop("Record a perbup (or its amendment) listing innovations"),
      [](CLI::App& app) -> Runner {
        auto o = std::make_shared<AddOptions>();
        auto ideas = std::make_shared<std::vector<std::string>>();
        add_column_options(
            app, *o,
            {
                {"id", tr_noop("Id of the regulation (default: derived from --number)")},
                {"number", tr_noop("Its number, e.g. 'Perbup No. 27 Tahun 2018'")},
                {"date", tr_noop("Date it was enacted (YYYY-MM-DD)")},
                {"amends", tr_noop("Id of the regulation it amends (the one in force before it)")},
            });
        app.add_option("--idea", *ideas,
                       tr("Id of an innovation it lists (repeatable; an amendment lists them all)"))
            ->allow_extra_args(false);
        app.footer(tr(
            "Examples:\n"
            "  inovasi add-regulation --id perbup-27-2018 --number 'Perbup No. 27 Tahun 2018' \\\n"
            "      --date 2018-08-27 --idea antrean-online --idea paten-keliling\n"
            "  inovasi add-regulation --id perbup-45-2018 --number 'Perbup No. 45 Tahun 2018' \\\n"
            "      --date 2018-12-20 --amends perbup-27-2018 \\\n"
            "      --idea antrean-online --idea paten-keliling --idea akta-lahir-rumah-sakit\n"
            "  inovasi add-regulation --from regulations.csv --dry-run\n"
            "\n"
            "An amendment lists its whole annex as amended; what it adds and removes\n"
            "follows from the regulation it amends (see 'inovasi export perbup').\n"
            "CSV columns: id,number,date,amends,ideas (ideas as 'a;b')."));
        return [o, ideas](const Globals& g) {
          AddOptions options = *o;
          if (!options.from.empty() && !ideas->empty())
            throw UsageError(
                tr("--idea cannot be combined with --from; put the ideas in the CSV file"));
          if (options.from.empty()) options.values["ideas"] = join_list_cell(*ideas);
          return run_add<Regulation>(g, options);
        };
      }};
}

}  // namespace inovasi::cli
