// inovasi init: a new programme directory with every default spelled out.
#include <fmt/core.h>

#include <iostream>
#include <memory>

#include "git_setup.h"
#include "inovasi/cli/app.h"
#include "inovasi/store/store.h"
#include "inovasi/store/values.h"
#include "inovasi/util/error.h"
#include "inovasi/util/fs.h"
#include "inovasi/util/messages.h"
#include "inovasi/util/process.h"
#include "options.h"

namespace inovasi::cli {

namespace {

struct InitOptions {
  std::string dir = ".";
  std::string name, region, language = "id", partner, mou_date;
  bool git = false;
};

const char* kFolders[] = {"units", "ideas", "contracts", "reports", "regulations"};

int run_init(const InitOptions& o) {
  Language language = option_value<Language>(o.language, "--language").value_or(Language::kId);
  Programme programme = Programme::with_defaults(o.name, o.region, language);
  programme.partner = o.partner;
  programme.mou_date = option_value<Date>(o.mou_date, "--mou-date");
  ProgrammeDir dir{stdfs::path(o.dir)};
  if (o.git && process::run({"git", "--version"}, {}, true) != 0)
    throw UsageError(tr("--git: git is not installed or not in PATH (apt install git)"));
  std::error_code ec;
  if (stdfs::exists(dir.absolute(kProgrammeFile), ec))
    throw InvalidInput(msg("{}: a programme exists here already; refusing to overwrite it",
                           dir.shown(kProgrammeFile)));
  stdfs::create_directories(dir.root(), ec);
  if (ec) throw IoError(msg("{}: cannot create: {}", o.dir, fs::reason(ec)));

  Transaction transaction(dir);
  transaction.stage(kProgrammeFile, canonical_text(programme));
  for (const char* folder : kFolders) transaction.stage(std::string(folder) + "/.gitkeep", "");
  stage_git_files(dir, transaction);
  transaction.commit();
  if (o.git) make_git_repository(dir);
  if (o.git)
    std::cout << msg(
        "created programme '{}' in {}, a git repository that checks records before "
        "each commit\n",
        o.name, o.dir);
  else
    std::cout << msg("created programme '{}' in {}\n", o.name, o.dir);
  return kOk;
}

}  // namespace

Command init_command() {
  return {
      "init", tr_noop("Create a programme directory"),
      [](CLI::App& app) -> Runner {
        auto o = std::make_shared<InitOptions>();
        app.add_option("dir", o->dir, tr("Where to create it (default: the working directory)"));
        app.add_option("--name", o->name, tr("Name of the programme"))->required();
        app.add_option("--region", o->region, tr("The kabupaten or kota, e.g. 'Kabupaten Tuban'"))
            ->required();
        app.add_option("--language", o->language, tr("Language of generated reports: id or en"))
            ->capture_default_str();
        app.add_option("--partner", o->partner,
                       tr("Partner institution, e.g. 'Lembaga Administrasi Negara'"));
        app.add_option("--mou-date", o->mou_date, tr("Date the MoU was signed (YYYY-MM-DD)"));
        app.add_flag("--git", o->git,
                     tr("Also make it a git repository: merge driver for records, and a "
                        "pre-commit hook that runs 'inovasi check'"));
        app.footer(tr(
            "Examples:\n"
            "  inovasi init tuban --name 'Inovasi Daerah Kabupaten Tuban 2018' --region 'Kabupaten "
            "Tuban'\n"
            "  inovasi init --name 'Inovasi Daerah 2019' --region 'Kota Batu' --language en \\\n"
            "      --partner 'Lembaga Administrasi Negara' --mou-date 2019-02-11\n"
            "  inovasi init lamongan --name 'Inovasi Daerah Lamongan' --region 'Kabupaten "
            "Lamongan' "
            "--git"));
        return [o](const Globals& g) {
          InitOptions options = *o;
          if (options.dir == "." && !g.dir.empty()) options.dir = g.dir;
          return run_init(options);
        };
      },
      Scope::kNone};
}

}  // namespace inovasi::cli
