#include "programmes.h"

#include "inovasi/check/check.h"
#include "inovasi/util/error.h"
#include "inovasi/util/messages.h"
#include "options.h"

namespace inovasi::cli {

LoadedProgrammes load_programmes(const Globals& globals, bool check, const char* failure) {
  Findings findings;
  ProgrammeSelection selection = select_programmes(globals.dirs, findings);
  LoadedProgrammes loaded{{}, selection.several};
  for (NamedProgramme& p : selection.programmes) {
    Records records = load_records(p.dir, findings);
    if (check) check_records(records, findings);
    loaded.programmes.push_back({std::move(p.name), std::move(p.dir), std::move(records)});
  }
  print_findings(findings);
  if (findings.has_errors()) throw InvalidInput(tr(failure));
  return loaded;
}

Programme programme_record(const Records& records) {
  return records.programme ? records.programme->record : Programme{};
}

Language report_language(const Globals& globals, const LoadedProgrammes& loaded) {
  if (globals.language) return *globals.language;
  std::optional<Language> agreed;
  for (const LoadedProgramme& p : loaded.programmes) {
    Language language = programme_record(p.records).report_language();
    if (agreed && *agreed != language) return Language::kId;
    agreed = language;
  }
  return agreed.value_or(Language::kId);
}

}  // namespace inovasi::cli
