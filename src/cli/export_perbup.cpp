#include "export_perbup.h"

#include "inovasi/render/markdown.h"
#include "inovasi/render/perbup.h"
#include "inovasi/util/error.h"
#include "inovasi/util/messages.h"
#include "options.h"

namespace inovasi::cli {

std::string export_perbup(const Records& records, const PerbupRequest& request,
                          const std::string& format, std::optional<Language> language,
                          const csv::Style& style) {
  if (format == "json") throw UsageError(tr("export perbup writes Markdown or CSV, not JSON"));
  if (request.pending && !request.regulation.empty())
    throw UsageError(tr("--pending lists what no regulation lists; it takes no --regulation"));
  Programme programme = records.programme ? records.programme->record : Programme{};
  const Labels& labels = Labels::get(language.value_or(programme.report_language()));
  if (request.pending)
    return format == "csv" ? table_csv(pending_table(records), style)
                           : pending_markdown(records, labels);
  require_record<Regulation>(records, request.regulation, "--regulation");
  const Regulation* regulation = request.regulation.empty()
                                     ? regulation_in_force(records)
                                     : &records.find<Regulation>(request.regulation)->record;
  if (!regulation)
    throw InvalidInput(
        tr("there is no regulation yet (regulations/ is empty); record the perbup with "
           "'inovasi add-regulation'"));
  return format == "csv" ? table_csv(perbup_table(records, *regulation), style)
                         : perbup_markdown(records, *regulation, labels);
}

}  // namespace inovasi::cli
