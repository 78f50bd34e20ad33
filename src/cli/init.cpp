// inovasi init: a new programme directory with every default spelled out.
#include <fmt/core.h>

#include <iostream>
#include <memory>

#include "inovasi/cli/app.h"
#include "inovasi/store/store.h"
#include "inovasi/store/values.h"
#include "inovasi/util/error.h"
#include "options.h"

namespace inovasi::cli {

namespace {

struct InitOptions {
  std::string dir = ".";
  std::string name, region, language = "id", partner, mou_date;
};

const char* kFolders[] = {"units", "ideas", "contracts", "reports", "regulations"};

int run_init(const InitOptions& o) {
  Language language = option_value<Language>(o.language, "--language").value_or(Language::kId);
  Programme programme = Programme::with_defaults(o.name, o.region, language);
  programme.partner = o.partner;
  programme.mou_date = option_value<Date>(o.mou_date, "--mou-date");
  ProgrammeDir dir{stdfs::path(o.dir)};
  std::error_code ec;
  if (stdfs::exists(dir.absolute(kProgrammeFile), ec))
    throw InvalidInput(fmt::format("{}: a programme exists here already; refusing to overwrite it",
                                   dir.shown(kProgrammeFile)));
  stdfs::create_directories(dir.root(), ec);
  if (ec) throw IoError(fmt::format("{}: cannot create: {}", o.dir, ec.message()));

  Transaction transaction(dir);
  transaction.stage(kProgrammeFile, canonical_text(programme));
  for (const char* folder : kFolders) transaction.stage(std::string(folder) + "/.gitkeep", "");
  // merge=inovasi: records merge field by field where a clone enables the
  // driver (inovasi-merge-driver(1)); elsewhere git merges lines as usual.
  transaction.stage(".gitattributes", "*.yaml text eol=lf merge=inovasi\n*.md text eol=lf\n");
  transaction.stage(".gitignore", ".inovasi.lock\n.inovasi/\n");
  transaction.commit();
  std::cout << fmt::format("created programme '{}' in {}\n", o.name, o.dir);
  return kOk;
}

}  // namespace

Command init_command() {
  return {
      "init", "Create a programme directory",
      [](CLI::App& app) -> Runner {
        auto o = std::make_shared<InitOptions>();
        app.add_option("dir", o->dir, "Where to create it (default: the working directory)");
        app.add_option("--name", o->name, "Name of the programme")->required();
        app.add_option("--region", o->region, "The kabupaten or kota, e.g. 'Kabupaten Tuban'")
            ->required();
        app.add_option("--language", o->language, "Language of generated reports: id or en")
            ->capture_default_str();
        app.add_option("--partner", o->partner,
                       "Partner institution, e.g. 'Lembaga Administrasi Negara'");
        app.add_option("--mou-date", o->mou_date, "Date the MoU was signed (YYYY-MM-DD)");
        app.footer(
            "Examples:\n"
            "  inovasi init tuban --name 'Inovasi Daerah Kabupaten Tuban 2018' --region 'Kabupaten "
            "Tuban'\n"
            "  inovasi init --name 'Inovasi Daerah 2019' --region 'Kota Batu' --language en \\\n"
            "      --partner 'Lembaga Administrasi Negara' --mou-date 2019-02-11");
        return [o](const Globals& g) {
          InitOptions options = *o;
          if (options.dir == "." && !g.dir.empty()) options.dir = g.dir;
          return run_init(options);
        };
      },
      Scope::kNone};
}

}  // namespace inovasi::cli
