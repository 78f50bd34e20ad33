#include "inovasi/render/xlsx.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>

#include "inovasi/model/date.h"
#include "inovasi/util/error.h"
#include "inovasi/util/fs.h"
#include "inovasi/util/messages.h"

namespace inovasi {

namespace {

constexpr double kMaxWidth = 60;             // characters
constexpr std::size_t kMaxText = 32767;      // bytes Excel holds in a cell
constexpr std::size_t kMaxRows = 1'048'576;  // rows of a sheet, the header's included

// Characters of a UTF-8 text: the bytes that do not continue a sequence.
std::size_t characters(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// At most kMaxText bytes, cut before a character that does not fit.
std::string fitting(const std::string& text) {
  if (text.size() <= kMaxText) return text;
  std::size_t end = kMaxText;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

std::optional<double> number_of(const std::string& text) {
  double value = 0;
  const char* end = text.data() + text.size();
  auto [at, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc() || at != end) return std::nullopt;
  return value;
}

// A hidden file of the folder reserved for the workbook, named as
// fs::AtomicBatch names its temporary files.
std::filesystem::path reserve_temporary(const std::filesystem::path& folder) {
  static unsigned counter = 0;
  for (int attempt = 0;; ++attempt) {
    std::filesystem::path path =
        folder / fmt::format(".workbook.xlsx.tmp.{}.{}", ::getpid(), counter++);
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd >= 0) {
      ::close(fd);
      return path;
    }
    if (errno != EEXIST || attempt == 1000)
      throw IoError(msg("{}: cannot create a temporary file: {}",
                        (folder.empty() ? "." : folder.string()), fs::reason(errno)));
  }
}

// Removes the temporary file however the workbook ends.
struct Removed {
  std::filesystem::path path;
  ~Removed() { ::unlink(path.c_str()); }
};

struct Formats {
  lxw_format* header;
  lxw_format* date;
};

void check(lxw_error error, const std::filesystem::path& path) {
  if (error != LXW_NO_ERROR)
    throw IoError(msg("{}: cannot write the workbook: {}", path.string(), lxw_strerror(error)));
}

void write_sheet(lxw_workbook* workbook, const Table& table, const Formats& formats,
                 const std::filesystem::path& path) {
  if (table.rows.size() + 1 > kMaxRows)
    throw IoError(msg("{}: the {} table has {} rows; a sheet holds at most {}", path.string(),
                      table.name, table.rows.size(), kMaxRows - 1));
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, table.name.c_str());
  if (!sheet) throw IoError(msg("{}: cannot add the sheet '{}'", path.string(), table.name));
  std::vector<double> widths(table.columns.size(), 0);
  auto widen = [&](std::size_t column, double width) {
    widths[column] = std::max(widths[column], width);
  };
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const std::string& name = table.columns[c].name;
    check(worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), fitting(name).c_str(),
                                 formats.header),
          path);
    widen(c, static_cast<double>(characters(name)) * 1.1);  // bold is a little wider
  }
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    auto row = static_cast<lxw_row_t>(r + 1);
    const std::vector<std::string>& cells = table.rows[r];
    for (std::size_t c = 0; c < table.columns.size() && c < cells.size(); ++c) {
      const std::string& cell = cells[c];
      if (cell.empty()) continue;  // an empty cell, not an empty text
      auto col = static_cast<lxw_col_t>(c);
      widen(c, static_cast<double>(characters(cell)));
      CellKind kind = table.columns[c].kind;
      if (kind == CellKind::kCount || kind == CellKind::kNumber) {
        if (auto value = number_of(cell)) {
          check(worksheet_write_number(sheet, row, col, *value, nullptr), path);
          continue;
        }
      } else if (kind == CellKind::kDate) {
        auto date = Date::parse(cell);
        if (date && date->year() >= 1900) {
          lxw_datetime datetime = {date->year(), date->month(), date->day(), 0, 0, 0};
          check(worksheet_write_datetime(sheet, row, col, &datetime, formats.date), path);
          continue;
        }
      }
      check(worksheet_write_string(sheet, row, col, fitting(cell).c_str(), nullptr), path);
    }
  }
  for (std::size_t c = 0; c < widths.size(); ++c)
    worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                         std::min(kMaxWidth, std::max(widths[c], 4.0) + 2), nullptr);
  worksheet_freeze_panes(sheet, 1, 0);
}

}  // namespace

std::string workbook_bytes(const std::vector<Table>& sheets,
                           const std::filesystem::path& scratch_folder, std::time_t created) {
  Removed temporary{reserve_temporary(scratch_folder)};
  const std::filesystem::path& path = temporary.path;
  // Rows are written in order, so each can go to a temporary file in the
  // scratch folder as soon as it is complete: the cells of a province's
  // tables would otherwise be held in memory (about 100 MB for 100,000
  // records) until the workbook is closed.
  std::string scratch = scratch_folder.empty() ? std::string(".") : scratch_folder.string();
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = scratch.data();
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
  if (!workbook) throw IoError(msg("{}: cannot start a workbook", path.string()));
  lxw_doc_properties properties{};
  properties.created = created;
  workbook_set_properties(workbook, &properties);
  Formats formats{workbook_add_format(workbook), workbook_add_format(workbook)};
  format_set_bold(formats.header);
  format_set_num_format(formats.date, "yyyy-mm-dd");
  try {
    for (const Table& table : sheets) write_sheet(workbook, table, formats, path);
  } catch (...) {
    workbook_close(workbook);
    throw;
  }
  check(workbook_close(workbook), path);
  return fs::read_file(path);
}

void write_workbook(const std::filesystem::path& path, const std::vector<Table>& sheets,
                    std::time_t created) {
  std::string bytes = workbook_bytes(sheets, path.parent_path(), created);
  fs::AtomicBatch batch;
  batch.add(path, bytes);
  batch.commit();
}

}  // namespace inovasi
