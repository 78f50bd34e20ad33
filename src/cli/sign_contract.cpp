// inovasi sign-contract: a signed performance contract with its targets.
#include <set>

#include "adding.h"
#include "inovasi/importer/targets.h"

namespace inovasi::cli {

namespace {

struct ContractLists {
  std::vector<std::string> ideas;
  std::string targets;  // FILE.yaml or FILE.csv
};

int run_sign(const Globals& g, AddOptions o, const ContractLists& lists) {
  bool batch = !o.from.empty();
  if (batch && !lists.ideas.empty())
    throw UsageError(tr("--idea cannot be combined with --from; put the ideas in the CSV file"));
  if (!batch) o.values["ideas"] = join_list_cell(lists.ideas);
  TargetsByContract targets;
  if (!lists.targets.empty()) {
    Findings findings;
    std::string text = read_input(lists.targets);
    bool yaml = lists.targets.ends_with(".yaml") || lists.targets.ends_with(".yml");
    if (yaml && batch)
      throw UsageError(tr("with --from, --targets must be a CSV file with a 'contract' column"));
    targets = yaml ? read_targets_yaml(lists.targets, text, findings)
                   : read_targets_csv(lists.targets, text, findings, separator_of(o));
    if (batch && targets.count(""))
      findings.error(lists.targets, {1, 1},
                     tr("with --from, every target row needs its contract in a 'contract' column"));
    print_findings(findings);
    if (findings.has_errors()) throw InvalidInput();
  }
  // Each contract takes the targets filed under its id; signing one, the
  // file's only group will do. Without --targets, an update keeps the
  // targets the contract's file has: the row is read over the record as its
  // file holds it (never as the cache remembers it).
  std::set<std::string> taken;
  Completion<Contract> attach = [&](Stored<Contract>& s, const Records&, Findings& findings) {
    if (lists.targets.empty()) return;
    auto it = targets.find(s.record.id);
    if (it == targets.end() && !batch) it = targets.find("");
    if (it == targets.end() && !batch && targets.size() == 1) it = targets.begin();
    if (it == targets.end()) {
      findings.error(s.origin.path, s.origin.mark,
                     msg("{} has no targets for contract '{}'", lists.targets, s.record.id));
      return;
    }
    taken.insert(it->first);
    s.record.targets = it->second.targets;
    // Findings about a target point into the targets file.
    s.origin.elsewhere.emplace_back("targets", lists.targets);
    for (std::size_t k = 0; k < it->second.origins.size(); ++k) {
      const Origin& origin = it->second.origins[k];
      bool csv = origin.form == Origin::Form::kCsv;  // YAML fields carry targets[k] already
      if (!csv && k > 0) break;
      std::string prefix = csv ? fmt::format("targets[{}]", k) : "";
      if (csv) s.origin.fields.emplace_back(prefix, origin.mark);
      for (const auto& [field, mark] : origin.fields)
        s.origin.fields.emplace_back(csv ? prefix + "." + std::string(field) : std::string(field),
                                     mark);
    }
  };
  // Target rows no signed contract takes would be lost without a word.
  auto check_all_taken = [&](Findings& findings) {
    for (const auto& [contract, rows] : targets)
      if (batch && !taken.count(contract) && !rows.origins.empty())
        findings.error(lists.targets, rows.origins.front().mark,
                       msg("targets for contract '{}', which {} does not sign", contract, o.from));
  };
  return run_add<Contract>(g, o, attach, check_all_taken);
}

}  // namespace

Command sign_contract_command() {
  return {
      "sign-contract", tr_noop("Record a signed performance contract with its targets"),
      [](CLI::App& app) -> Runner {
        auto o = std::make_shared<AddOptions>();
        auto lists = std::make_shared<ContractLists>();
        add_column_options(
            app, *o,
            {
                {"id",
                 tr_noop(
                     "Id of the contract (default: unit and start year, e.g. rsud-koesma-2018)")},
                {"unit", tr_noop("Id of the OPD that signs it")},
                {"signed", tr_noop("Date it was signed (YYYY-MM-DD)")},
                {"first_party_name", tr_noop("Name of the first party (usually the regent)")},
                {"first_party_position",
                 tr_noop("Position of the first party, e.g. 'Bupati Tuban'")},
                {"second_party_name", tr_noop("Name of the second party (the head of the OPD)")},
                {"second_party_position", tr_noop("Position of the second party")},
                {"start", tr_noop("First day the contract covers")},
                {"end", tr_noop("Last day the contract covers")},
            });
        app.add_option("--idea", lists->ideas,
                       tr("Id of an innovation it carries out (repeatable)"))
            ->allow_extra_args(false);
        app.add_option("--targets", lists->targets,
                       tr("Targets: a YAML list (FILE.yaml) or a CSV with a column per quarter "
                          "(FILE.csv)"))
            ->option_text("FILE");
        app.footer(tr(
            "Examples:\n"
            "  inovasi sign-contract --id rsud-2018 --unit rsud-koesma --idea antrean-online \\\n"
            "      --signed 2018-05-02 --start 2018-04-01 --end 2019-03-31 --targets targets.csv\n"
            "  inovasi sign-contract --from contracts.csv --targets targets.csv --dry-run\n"
            "\n"
            "Targets CSV columns: [contract,]target,name,unit,polarity,mode,weight,baseline,\n"
            "then one column per quarter (2018-Q2,2018-Q3,...) holding the target value.\n"
            "Contracts CSV columns: id,unit,ideas,signed,first_party_name,first_party_position,\n"
            "second_party_name,second_party_position,start,end (ideas as 'a;b')."));
        return [o, lists](const Globals& g) { return run_sign(g, *o, *lists); };
      }};
}

}  // namespace inovasi::cli
