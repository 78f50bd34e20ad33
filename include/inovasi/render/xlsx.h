// Tables as an Excel workbook (.xlsx), one sheet per table: numbers as
// number cells, dates as date cells (yyyy-mm-dd), a bold header row that
// stays in view, and columns as wide as their longest cell (at most 60).
#pragma once
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "inovasi/render/tables.h"

namespace inovasi {

// The workbook's bytes. libxlsxwriter writes to a path: the workbook is built
// in a hidden temporary file in scratch_folder (".workbook.xlsx.tmp.PID.N",
// which fs::remove_stale_temporaries clears if the command is killed), read
// back and removed. created is the creation time the workbook records, so
// that the same tables give the same bytes. Throws IoError.
std::string workbook_bytes(const std::vector<Table>& sheets,
                           const std::filesystem::path& scratch_folder, std::time_t created);

// Writes the workbook to path atomically: a failure leaves no partial file
// and an existing one unchanged.
void write_workbook(const std::filesystem::path& path, const std::vector<Table>& sheets,
                    std::time_t created);

}  // namespace inovasi
