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

struct Plan {
  std::vector<std::pair<std::string, std::string>> rewrites;  // relative path, canonical text
};

template <class R>
void plan_file(const ProgrammeDir& dir, const std::string& relative, const FmtOptions& o,
               Findings& findings, Plan& plan) {
  LoadedFile<R> file = load_file<R>(dir, relative, findings);
  if (!file.stored) return;
  std::string canonical = canonical_text(file.stored->record);
  if (canonical == file.text) return;
  if (yaml::has_comments(file.text) && !o.strip_comments) {
    findings.warning(
        dir.shown(relative), {},
        "has comments, which formatting would lose; left alone (use --strip-comments)");
    return;
  }
  plan.rewrites.emplace_back(relative, std::move(canonical));
}

int run_fmt(const Globals& g, const FmtOptions& o) {
  ProgrammeDir dir = ProgrammeDir::locate(g.dir);
  std::unique_ptr<Transaction> transaction;
  if (!o.check) transaction = std::make_unique<Transaction>(dir);
  Findings findings;
  Plan plan;
  plan_file<Programme>(dir, kProgrammeFile, o, findings, plan);
  for (const auto& f : list_record_files(dir, Unit::kFolder, findings))
    plan_file<Unit>(dir, f, o, findings, plan);
  for (const auto& f : list_record_files(dir, Idea::kFolder, findings))
    plan_file<Idea>(dir, f, o, findings, plan);
  print_findings(findings);
  if (o.check) {
    for (const auto& [relative, text] : plan.rewrites)
      std::cout << dir.shown(relative) << ": not in canonical form\n";
    return findings.has_errors() || !plan.rewrites.empty() ? kInvalid : kOk;
  }
  for (const auto& [relative, text] : plan.rewrites) transaction->stage(relative, text);
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
