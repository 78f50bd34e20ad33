// inovasi fmt: rewrites record files into canonical form, never losing a comment unasked.
#include <fmt/core.h>

#include <iostream>
#include <memory>

#include "inovasi/cli/app.h"
#include "inovasi/store/store.h"
#include "inovasi/store/yaml_doc.h"
#include "inovasi/util/error.h"

namespace inovasi::cli {

namespace {

struct FmtOptions {
  bool check = false;
  bool strip_comments = false;
};

struct Rewrite {
  std::string path;  // relative to the programme directory
  std::string canonical;
  bool loses_comments;
};

template <class R>
void plan_files(const ProgrammeDir& dir, const std::vector<std::string>& files, Findings& findings,
                std::vector<Rewrite>& plan) {
  for (const auto& relative : files) {
    LoadedFile<R> file = load_file<R>(dir, relative, findings);
    if (!file.clean) continue;  // never rewrite what could not be read whole
    std::string canonical = canonical_text(file.stored->record);
    if (canonical != file.text)
      plan.push_back({relative, std::move(canonical), yaml::has_comments(file.text)});
  }
}

int run_fmt(const Globals& g, const FmtOptions& o) {
  ProgrammeDir dir = ProgrammeDir::locate(g.dir);
  std::unique_ptr<Transaction> transaction;
  if (!o.check) transaction = std::make_unique<Transaction>(dir);
  Findings findings;
  std::vector<Rewrite> plan;
  plan_files<Programme>(dir, {kProgrammeFile}, findings, plan);
  plan_files<Unit>(dir, list_files_of<Unit>(dir, findings), findings, plan);
  plan_files<Idea>(dir, list_files_of<Idea>(dir, findings), findings, plan);
  plan_files<Contract>(dir, list_files_of<Contract>(dir, findings), findings, plan);
  plan_files<Report>(dir, list_files_of<Report>(dir, findings), findings, plan);
  plan_files<Regulation>(dir, list_files_of<Regulation>(dir, findings), findings, plan);
  for (const auto& r : plan)
    if (r.loses_comments && !o.strip_comments)
      findings.warning(
          dir.shown(r.path), {},
          "has comments, which formatting would lose; left alone (use --strip-comments)");
  if (o.check) {
    print_findings(findings);
    for (const auto& r : plan) std::cout << dir.shown(r.path) << ": not in canonical form\n";
    return findings.has_errors() || !plan.empty() ? kInvalid : kOk;
  }
  for (const auto& r : plan)
    if (!r.loses_comments || o.strip_comments) transaction->stage(r.path, r.canonical);
  print_findings(findings);
  for (const auto& relative : transaction->commit())
    std::cout << "formatted " << dir.shown(relative) << "\n";
  return findings.has_errors() ? kInvalid : kOk;
}

}  // namespace

Command fmt_command() {
  return {"fmt", "Rewrite records into canonical form", [](CLI::App& app) -> Runner {
            auto o = std::make_shared<FmtOptions>();
            app.add_flag("--check", o->check,
                         "Write nothing; list files not in canonical form and exit 1 if any");
            app.add_flag("--strip-comments", o->strip_comments,
                         "Also rewrite files that hold comments (the comments are lost)");
            app.footer(
                "Files with errors are reported and left alone.\n"
                "\n"
                "Examples:\n"
                "  inovasi fmt\n"
                "  inovasi fmt --check");
            return [o](const Globals& g) { return run_fmt(g, *o); };
          }};
}

}  // namespace inovasi::cli
