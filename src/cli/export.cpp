// inovasi export: records out as CSV (the layouts the imports take), JSON or
// Markdown, to a file or standard output, or as an Excel workbook to a file;
// of several programmes, with ids qualified by programme.
#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <memory>

#include "export_perbup.h"
#include "inovasi/cli/app.h"
#include "inovasi/model/workspace.h"
#include "inovasi/render/booklet.h"
#include "inovasi/render/markdown.h"
#include "inovasi/render/records.h"
#include "inovasi/render/xlsx.h"
#include "inovasi/store/record_types.h"
#include "inovasi/util/error.h"
#include "inovasi/util/fs.h"
#include "inovasi/util/messages.h"
#include "options.h"
#include "programmes.h"

namespace inovasi::cli {

namespace {

struct ExportOptions {
  std::string type, format, output = "-", separator, lang;
  bool bom = false, crlf = false;
  PerbupRequest perbup;
};

// --format, else the output file's extension, else CSV.
std::string format_of(const ExportOptions& o) {
  if (!o.format.empty()) return o.format;
  for (const char* ext : {"csv", "json", "md", "xlsx"})
    if (o.output.ends_with(std::string(".") + ext)) return ext;
  return o.type == "all" ? "json" : "csv";
}

csv::Style csv_style(const ExportOptions& o, const std::string& format) {
  bool styled = o.bom || o.crlf || !o.separator.empty();
  if (styled && format != "csv")
    throw UsageError(tr("--bom, --crlf and --separator are for --format csv"));
  csv::Style style;
  style.bom = o.bom;
  style.crlf = o.crlf;
  if (!o.separator.empty()) style.separator = o.separator[0];
  return style;
}

template <class R>
std::string export_type(const Records& records, const std::string& format,
                        const csv::Style& style) {
  std::vector<const R*> list = all_of<R>(records);
  if (format == "json") return records_json(list);
  Table table = records_table(list);
  return format == "csv" ? table_csv(table, style) : table_markdown(table);
}

// The table of a type, as CSV writes it (targets: the wide layout).
Table type_table(const Records& records, const std::string& type) {
  std::optional<Table> table;
  visit_record_folder(
      type, [&](auto t) { table = records_table(all_of<typename decltype(t)::type>(records)); });
  return table ? std::move(*table) : targets_table(all_of<Contract>(records));
}

// Every programme's records with ids qualified, as one list per type.
Records qualified_together(const LoadedProgrammes& loaded) {
  Records all;
  auto append = [](auto& to, auto& from) {
    for (auto& stored : from) to.push_back(std::move(stored));
  };
  for (const LoadedProgramme& p : loaded.programmes) {
    Records q = qualified_records(p.records, p.name);
    append(all.units, q.units);
    append(all.ideas, q.ideas);
    append(all.contracts, q.contracts);
    append(all.reports, q.reports);
    append(all.regulations, q.regulations);
  }
  all.sort();
  return all;
}

void write_several_json(const LoadedProgrammes& loaded, const TextSink& out) {
  std::vector<std::pair<std::string, Programme>> programmes;
  for (const LoadedProgramme& p : loaded.programmes) {
    Records own;  // inovasi.yaml alone: its priorities and indicators qualified
    own.programme = p.records.programme;
    Records q = qualified_records(own, p.name);
    programmes.emplace_back(p.name, q.programme ? q.programme->record : Programme{});
  }
  std::sort(programmes.begin(), programmes.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  write_workspace_json(programmes, qualified_together(loaded), out);
}

// The catalogue of several programmes: each programme's, by name.
std::string several_booklets(const LoadedProgrammes& loaded, const Labels& labels) {
  std::vector<const LoadedProgramme*> sorted;
  for (const LoadedProgramme& p : loaded.programmes) sorted.push_back(&p);
  std::sort(sorted.begin(), sorted.end(),
            [](const LoadedProgramme* a, const LoadedProgramme* b) { return a->name < b->name; });
  std::string out;
  for (const LoadedProgramme* p : sorted)
    out += (out.empty() ? "" : "\n") + ideas_booklet(p->records, labels);
  return out;
}

// What export writes, handed to a sink piece by piece: the JSON of a whole
// programme is written a record at a time, never held whole.
using Content = std::function<void(const TextSink&)>;

Content text_content(std::string text) {
  return [text = std::move(text)](const TextSink& out) { out(text); };
}

std::string export_text(const Globals& g, const LoadedProgrammes& loaded, const ExportOptions& o);

Content export_content(const Globals& g, const LoadedProgrammes& loaded, const ExportOptions& o) {
  std::string format = format_of(o);
  if (o.type == "all" && format == "json" && o.perbup.regulation.empty() && !o.perbup.pending) {
    csv_style(o, format);  // refuses --bom, --crlf and --separator
    if (loaded.several) return [&loaded](const TextSink& out) { write_several_json(loaded, out); };
    const Records& records = loaded.programmes.front().records;
    return [&records](const TextSink& out) { write_programme_json(records, out); };
  }
  return text_content(export_text(g, loaded, o));
}

std::string export_text(const Globals& g, const LoadedProgrammes& loaded, const ExportOptions& o) {
  std::string format = format_of(o);
  csv::Style style = csv_style(o, format);
  if (o.type != "perbup" && (o.perbup.pending || !o.perbup.regulation.empty()))
    throw UsageError(tr("--regulation and --pending are for export perbup"));
  if (o.type == "perbup") {
    if (loaded.several)
      throw UsageError(
          tr("export perbup writes the annex of one programme's regulation: pick the programme "
             "with -C DIR"));
    return export_perbup(loaded.programmes.front().records, o.perbup, format, g.language, style);
  }
  if (o.type == "all" && format != "json")
    throw UsageError(tr("export all writes the whole programme as JSON only"));
  if (o.type == "ideas" && format == "md") {
    const Labels& labels = Labels::get(report_language(g, loaded));
    if (loaded.several) return several_booklets(loaded, labels);
    return ideas_booklet(loaded.programmes.front().records, labels);
  }
  Records together;
  if (loaded.several) together = qualified_together(loaded);
  const Records& records = loaded.several ? together : loaded.programmes.front().records;
  std::string text;
  if (visit_record_folder(o.type, [&](auto t) {
        text = export_type<typename decltype(t)::type>(records, format, style);
      }))
    return text;
  // targets: the wide layout of sign-contract --targets
  if (format == "json")
    throw UsageError(
        tr("targets are part of their contracts in JSON: export contracts --format json"));
  Table table = targets_table(all_of<Contract>(records));
  return format == "csv" ? table_csv(table, style) : table_markdown(table);
}

// A workbook of one sheet, the table CSV writes; refused before any record
// is read when it cannot be written.
void check_xlsx(const ExportOptions& o) {
  csv_style(o, "xlsx");
  if (o.type == "all" || o.type == "perbup")
    throw UsageError(
        tr("--format xlsx is for units, ideas, contracts, targets, reports and regulations"));
  if (o.perbup.pending || !o.perbup.regulation.empty())
    throw UsageError(tr("--regulation and --pending are for export perbup"));
  if (o.output == "-")
    throw UsageError(
        tr("--format xlsx writes a workbook, not text for standard output: name the file with "
           "-o FILE.xlsx"));
}

void check_folder(const std::string& output) {
  stdfs::path folder = stdfs::path(output).parent_path();
  if (!folder.empty() && !stdfs::is_directory(folder))
    throw IoError(msg("{}: cannot write: there is no folder '{}'", output, folder.string()));
}

// The creation time a workbook records: SOURCE_DATE_EPOCH when set (the
// convention of reproducible builds), else the start of today, so that the
// same records exported on one day make the same bytes.
std::time_t workbook_created() {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    char* end = nullptr;
    long long seconds = std::strtoll(epoch, &end, 10);
    if (*end == '\0' && seconds > 0) return static_cast<std::time_t>(seconds);
  }
  return static_cast<std::time_t>(Date::today().days()) * 86400;
}

int run_export(const Globals& g, const ExportOptions& o) {
  if (!o.separator.empty() && o.separator != "," && o.separator != ";")
    throw UsageError(tr("--separator must be ',' or ';'"));
  bool xlsx = format_of(o) == "xlsx";
  if (xlsx) check_xlsx(o);
  LoadedProgrammes loaded = load_programmes(
      g, false, tr_noop("some records could not be read (above); nothing was exported"));
  if (xlsx) {
    Records together;
    if (loaded.several) together = qualified_together(loaded);
    const Records& records = loaded.several ? together : loaded.programmes.front().records;
    check_folder(o.output);
    write_workbook(o.output, {type_table(records, o.type)}, workbook_created());
    std::cerr << msg("wrote {}\n", o.output);
    return kOk;
  }
  Content content = export_content(g, loaded, o);
  if (o.output == "-") {
    content([](std::string_view piece) { std::cout << piece; });
  } else {
    check_folder(o.output);
    fs::AtomicBatch batch;
    batch.add_written(o.output, content);
    batch.commit();
    std::cerr << msg("wrote {}\n", o.output);
  }
  return kOk;
}

}  // namespace

Command export_command() {
  return {
      "export", tr_noop("Write records as CSV, JSON, Markdown or an Excel workbook"),
      [](CLI::App& app) -> Runner {
        auto o = std::make_shared<ExportOptions>();
        app.add_option("TYPE", o->type,
                       tr("units, ideas, contracts, targets, reports, regulations, all (JSON), or "
                          "perbup (the annex of a regulation)"))
            ->required()
            ->check(CLI::IsMember({"units", "ideas", "contracts", "targets", "reports",
                                   "regulations", "all", "perbup"}));
        app.add_option("--format", o->format,
                       tr("csv, json, md or xlsx (default: from -o's extension, else csv)"))
            ->check(CLI::IsMember({"csv", "json", "md", "xlsx"}));
        app.add_option("-o,--output", o->output, tr("Write to this file ('-': standard output)"))
            ->option_text("FILE");
        app.add_flag("--bom", o->bom, tr("Start the CSV with a UTF-8 byte-order mark (for Excel)"));
        app.add_flag("--crlf", o->crlf, tr("End CSV lines with CR LF instead of LF"));
        app.add_option("--separator", o->separator, tr("CSV separator: ',' (default) or ';'"));
        // The global --lang, listed here for this help: o->lang is only parsed
        // into; the value reaches the command as Globals::language.
        app.add_option("--lang", o->lang,
                       tr("id or en: language of messages, of the ideas catalogue and of the "
                          "perbup annex (default: $INOVASI_LANG, else English messages and the "
                          "programme's language)"))
            ->check(CLI::IsMember({"id", "en"}));
        app.add_option("--regulation", o->perbup.regulation,
                       tr("perbup: the regulation whose annex to write (default: the one in "
                          "force)"))
            ->option_text("ID");
        app.add_flag("--pending", o->perbup.pending,
                     tr("perbup: the ideas in trial or implemented that no regulation lists yet"));
        app.footer(
            tr("The CSV columns of each type are those its --from import takes, so an export\n"
               "edited in a spreadsheet imports back with --update. Text cells starting with\n"
               "= + - @, a tab or CR get a leading ' so a spreadsheet does not run them.\n"
               "--format xlsx (or -o FILE.xlsx) writes the same table as a workbook of one\n"
               "sheet: numbers and dates as number and date cells, the header row frozen.\n"
               "\n"
               "Examples:\n"
               "  inovasi export ideas -o ideas.csv\n"
               "  inovasi export contracts -o contracts.xlsx\n"
               "  inovasi export all --format json > programme.json\n"
               "  inovasi export ideas --format md --lang id -o katalog-inovasi.md\n"
               "  inovasi export perbup --format md --regulation perbup-27-2018\n"
               "  inovasi export perbup --pending --format csv"));
        return [o](const Globals& g) { return run_export(g, *o); };
      },
      Scope::kMany};
}

}  // namespace inovasi::cli
