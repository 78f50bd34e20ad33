// inovasi add-unit: one OPD from options, or many from CSV.
#include "adding.h"

namespace inovasi::cli {

Command add_unit_command() {
  return {
      "add-unit", tr_noop("Add an OPD (dinas, badan, RSUD, kecamatan, ...)"),
      [](CLI::App& app) -> Runner {
        auto o = std::make_shared<AddOptions>();
        add_column_options(
            app, *o,
            {
                {"id", tr_noop("Id of the unit (default: derived from --name)")},
                {"name", tr_noop("Name of the OPD, e.g. 'RSUD dr. R. Koesma'")},
                {"kind",
                 tr_noop("dinas, badan, secretariat, inspectorate, hospital (rsud), district "
                         "(kecamatan), village (kelurahan/desa), section (bagian) or other")},
                {"head_name", tr_noop("Name of the head of the unit")},
                {"head_nip", tr_noop("NIP of the head (18 digits)")},
                {"head_position", tr_noop("Position of the head")},
                {"commitment_signed", tr_noop("Date the head signed the commitment to innovate")},
            });
        app.footer(
            tr("Examples:\n"
               "  inovasi add-unit --name 'RSUD dr. R. Koesma' --kind rsud --id rsud-koesma\n"
               "  inovasi add-unit --from units.csv --dry-run\n"
               "\n"
               "CSV columns: id,name,kind,head_name,head_nip,head_position,commitment_signed"));
        return [o](const Globals& g) { return run_add<Unit>(g, *o); };
      }};
}

}  // namespace inovasi::cli
