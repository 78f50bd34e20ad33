// inovasi check: every record and every reference, every finding at once.
#include "inovasi/check/check.h"

#include "inovasi/cli/app.h"
#include "inovasi/store/store.h"
#include "inovasi/util/error.h"
#include "inovasi/util/messages.h"

namespace inovasi::cli {

namespace {

int run_check(const Globals& g, bool quiet_warnings) {
  ProgrammeDir dir = ProgrammeDir::locate(g.dir);
  Findings findings;
  Records records =
      load_records(dir, findings, {.canonical_warnings = true, .cache = LoadOptions::Cache::kOff});
  check_records(records, findings);
  if (quiet_warnings)
    std::erase_if(findings.items(),
                  [](const Finding& f) { return f.severity == Severity::kWarning; });
  print_findings(findings);
  return findings.has_errors() ? kInvalid : kOk;
}

}  // namespace

Command check_command() {
  return {"check", tr_noop("Validate every record and every reference"),
          [](CLI::App& app) -> Runner {
            auto quiet = std::make_shared<bool>(false);
            app.add_flag("-q,--quiet", *quiet, tr("Print errors only, not warnings"));
            app.footer(
                tr("Prints every finding as 'path:line:col: error: message' (or warning:), and\n"
                   "nothing when all is well. Exit status 1 when there is an error.\n"
                   "\n"
                   "Examples:\n"
                   "  inovasi check\n"
                   "  inovasi -C examples/tuban-2018 check --quiet"));
            return [quiet](const Globals& g) { return run_check(g, *quiet); };
          }};
}

}  // namespace inovasi::cli
