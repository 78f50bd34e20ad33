// inovasi fmt: rewrites record files into canonical form, never losing a comment unasked.
#include <iostream>
#include <memory>
#include <optional>

#include "inovasi/cli/app.h"
#include "inovasi/store/store.h"
#include "inovasi/store/yaml_doc.h"
#include "inovasi/util/error.h"
#include "inovasi/util/messages.h"

namespace inovasi::cli {

namespace {

struct FmtOptions {
  bool check = false;
  bool strip_comments = false;
};

struct Rewrite {
  std::string path;  // relative to the programme directory
  std::string text;  // as it was read
  std::string canonical;
  bool loses_comments;
};

// Plans the rewrite of a file read whole, unless the canonical bytes would
// not be written (unwritable_record): then the file is left as it is.
void plan_rewrite(const ProgrammeDir& dir, const std::string& relative, std::string text,
                  std::string canonical, Findings& findings, std::vector<Rewrite>& plan) {
  if (canonical == text) return;
  if (auto why = unwritable_record(relative, canonical)) {
    findings.error(dir.shown(relative), {},
                   msg("cannot be formatted, as its canonical form would be wrong: {}", *why));
    return;
  }
  bool comments = yaml::has_comments(text);
  plan.push_back({relative, std::move(text), std::move(canonical), comments});
}

// style: the programme's editor_schema setting, which adds or removes each
// file's schema hint; none when inovasi.yaml could not be read, and then
// every file keeps its hint or its lack of one.
template <class R>
void plan_files(const ProgrammeDir& dir, const std::vector<std::string>& files, Findings& findings,
                std::vector<Rewrite>& plan, std::optional<RecordStyle> style) {
  for (const auto& relative : files) {
    LoadedFile<R> file = load_file<R>(dir, relative, findings);
    if (!file.clean) continue;  // never rewrite what could not be read whole
    std::string canonical = canonical_text(file.stored->record, style_for_file(style, file.text));
    plan_rewrite(dir, relative, std::move(file.text), std::move(canonical), findings, plan);
  }
}

// The programme file first: its settings say how every other file is written.
std::optional<RecordStyle> plan_programme(const ProgrammeDir& dir, Findings& findings,
                                          std::vector<Rewrite>& plan) {
  LoadedFile<Programme> file = load_file<Programme>(dir, kProgrammeFile, findings);
  if (!file.clean) return std::nullopt;
  RecordStyle style = RecordStyle::of(file.stored->record);
  std::string canonical = canonical_text(file.stored->record, style_for_file(style, file.text));
  plan_rewrite(dir, kProgrammeFile, std::move(file.text), std::move(canonical), findings, plan);
  return style;
}

int run_fmt(const Globals& g, const FmtOptions& o) {
  ProgrammeDir dir = ProgrammeDir::locate(g.dir);
  std::unique_ptr<Transaction> transaction;
  if (!o.check) transaction = std::make_unique<Transaction>(dir);
  Findings findings;
  std::vector<Rewrite> plan;
  std::optional<RecordStyle> style = plan_programme(dir, findings, plan);
  plan_files<Unit>(dir, list_files_of<Unit>(dir, findings), findings, plan, style);
  plan_files<Idea>(dir, list_files_of<Idea>(dir, findings), findings, plan, style);
  plan_files<Contract>(dir, list_files_of<Contract>(dir, findings), findings, plan, style);
  plan_files<Report>(dir, list_files_of<Report>(dir, findings), findings, plan, style);
  plan_files<Regulation>(dir, list_files_of<Regulation>(dir, findings), findings, plan, style);
  for (const auto& r : plan)
    if (r.loses_comments && !o.strip_comments)
      findings.warning(
          dir.shown(r.path), {},
          tr("has comments, which formatting would lose; left alone (use --strip-comments)"));
  if (o.check) {
    print_findings(findings);
    for (const auto& r : plan) std::cout << msg("{}: not in canonical form\n", dir.shown(r.path));
    return findings.has_errors() || !plan.empty() ? kInvalid : kOk;
  }
  for (const auto& r : plan)
    if (!r.loses_comments || o.strip_comments) {
      transaction->stage(r.path, r.canonical);
      transaction->read_as(r.path, r.text);
    }
  print_findings(findings);
  // A file an editor saves while fmt runs keeps that edit.
  for (const auto& relative : transaction->commit(Transaction::OnChanged::kSkipFile))
    std::cout << msg("formatted {}\n", dir.shown(relative));
  for (const auto& note : transaction->skipped()) std::cerr << note << "\n";
  return findings.has_errors() || !transaction->skipped().empty() ? kInvalid : kOk;
}

}  // namespace

Command fmt_command() {
  return {"fmt", tr_noop("Rewrite records into canonical form"), [](CLI::App& app) -> Runner {
            auto o = std::make_shared<FmtOptions>();
            app.add_flag("--check", o->check,
                         tr("Write nothing; list files not in canonical form and exit 1 if any"));
            app.add_flag("--strip-comments", o->strip_comments,
                         tr("Also rewrite files that hold comments (the comments are lost)"));
            app.footer(
                tr("Files with errors are reported and left alone.\n"
                   "\n"
                   "Examples:\n"
                   "  inovasi fmt\n"
                   "  inovasi fmt --check"));
            return [o](const Globals& g) { return run_fmt(g, *o); };
          }};
}

}  // namespace inovasi::cli
