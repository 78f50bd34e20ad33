// The command line itself: init, finding the programme, --version, --help,
// and what a mistyped command or option gets.
#include <doctest/doctest.h>

#include "harness.h"

using namespace e2e;

namespace {

const char* kCommands[] = {
    "init",   "add-unit", "add-idea", "check", "sign-contract", "report",       "add-regulation",
    "status", "evaluate", "list",     "show",  "fmt",           "merge-driver", "git-setup"};

const char* kDefaultProgramme =
    "name: Inovasi Daerah Kabupaten Tuban 2018\n"
    "region: Kabupaten Tuban\n"
    "language: id\n"
    "reporting:\n"
    "  every_months: 3\n"
    "  grace_days: 10\n"
    "evaluation:\n"
    "  every_months: 6\n"
    "scale:\n"
    "  cap: 120\n"
    "  bands:\n"
    "    - {min: 91, label: {id: Sangat Tinggi, en: Very high}}\n"
    "    - {min: 76, label: {id: Tinggi, en: High}}\n"
    "    - {min: 66, label: {id: Sedang, en: Medium}}\n"
    "    - {min: 51, label: {id: Rendah, en: Low}}\n"
    "    - {min: 0, label: {id: Sangat Rendah, en: Very low}}\n";

}  // namespace

TEST_CASE("init writes the programme file with every default, the folders and .gitattributes") {
  Sandbox sandbox;
  Result r = sandbox.run({"init", "tuban", "--name", "Inovasi Daerah Kabupaten Tuban 2018",
                          "--region", "Kabupaten Tuban"});
  CHECK(r.out == "created programme 'Inovasi Daerah Kabupaten Tuban 2018' in tuban\n");
  CHECK(r.err == "");
  CHECK(r.status == 0);
  CHECK(sandbox.tree("tuban") ==
        std::vector<std::string>{".gitattributes", ".gitignore", "contracts/", "contracts/.gitkeep",
                                 "ideas/", "ideas/.gitkeep", "inovasi.yaml", "regulations/",
                                 "regulations/.gitkeep", "reports/", "reports/.gitkeep", "units/",
                                 "units/.gitkeep"});
  CHECK(sandbox.read("tuban/inovasi.yaml") == kDefaultProgramme);
  CHECK(sandbox.read("tuban/.gitattributes") ==
        "*.yaml text eol=lf merge=inovasi\n*.md text eol=lf\n");
  CHECK(sandbox.read("tuban/.gitignore") == ".inovasi.lock\n.inovasi/\n.*.tmp.[0-9]*\n");
  CHECK(sandbox.read("tuban/units/.gitkeep") == "");

  r = sandbox.run_in("tuban", {"check"});
  CHECK(r.err == "");
  CHECK(r.out == "");
  CHECK(r.status == 0);
}

TEST_CASE("init takes the partner, the MoU date and the language") {
  Sandbox sandbox;
  Result r =
      sandbox.run({"init", "--name", "Inovasi Daerah 2019", "--region", "Kota Batu", "--language",
                   "en", "--partner", "Lembaga Administrasi Negara", "--mou-date", "2019-02-11"});
  CHECK(r.out == "created programme 'Inovasi Daerah 2019' in .\n");
  CHECK(r.status == 0);
  std::string expected = kDefaultProgramme;
  expected.replace(0, expected.find("language"),
                   "name: Inovasi Daerah 2019\n"
                   "region: Kota Batu\n"
                   "partner: Lembaga Administrasi Negara\n"
                   "mou_date: 2019-02-11\n");
  expected.replace(expected.find("language: id"), 12, "language: en");
  CHECK(sandbox.read("inovasi.yaml") == expected);

  r = sandbox.run({"init", "batu", "--name", "X", "--region", "Y", "--language", "jawa"});
  CHECK(r.err == "inovasi: error: --language: 'jawa' is not a language (expected id or en)\n");
  CHECK(r.status == 2);
  CHECK_FALSE(sandbox.exists("batu"));

  r = sandbox.run({"init", "batu", "--name", "X", "--region", "Y", "--mou-date", "2019-02-29"});
  CHECK(r.err ==
        "inovasi: error: --mou-date: '2019-02-29' is not a date: February 2019 has 28 days\n");
  CHECK(r.status == 2);
  CHECK_FALSE(sandbox.exists("batu"));
}

TEST_CASE("init refuses to overwrite a programme") {
  Sandbox sandbox;
  REQUIRE(sandbox.run({"init", "tuban", "--name", "A", "--region", "B"}).status == 0);
  sandbox.write("tuban/inovasi.yaml", "name: Dijaga\nregion: Kabupaten Tuban\n");
  Result r = sandbox.run({"init", "tuban", "--name", "C", "--region", "D"});
  CHECK(r.err ==
        "inovasi: error: tuban/inovasi.yaml: a programme exists here already; refusing to "
        "overwrite it\n");
  CHECK(r.out == "");
  CHECK(r.status == 1);
  CHECK(sandbox.read("tuban/inovasi.yaml") == "name: Dijaga\nregion: Kabupaten Tuban\n");

  r = sandbox.run_in("tuban", {"init", "--name", "C", "--region", "D"});
  CHECK(r.err ==
        "inovasi: error: inovasi.yaml: a programme exists here already; refusing to overwrite "
        "it\n");
  CHECK(r.status == 1);
}

TEST_CASE("-C DIR init creates the programme in DIR") {
  Sandbox sandbox;
  Result r = sandbox.run({"-C", "tuban", "init", "--name", "A", "--region", "B"});
  CHECK(r.out == "created programme 'A' in tuban\n");
  CHECK(r.err == "");
  CHECK(r.status == 0);
  CHECK(sandbox.read("tuban/inovasi.yaml").starts_with("name: A\nregion: B\n"));
  CHECK_FALSE(sandbox.exists("inovasi.yaml"));
}

TEST_CASE("the programme is -C DIR, else $INOVASI_DIR, else the nearest parent") {
  Sandbox sandbox;
  sandbox.make_programme("tuban");
  sandbox.make_programme("batu");
  sandbox.write("batu/ideas/sigap.yaml",
                "id: sigap\ntitle: SIGAP\nunit: bappeda\nstage: initiative\n");
  const std::string ideas_header =
      "id,title,unit,proposer_name,proposer_nip,proposer_position,proposer_echelon,initiator,"
      "category,kind,stage,priority,indicator,submitted,trial_date,implemented_date,dropped_date,"
      "drop_reason,budget,"
      "problem,description,goal,benefit,plan,tags\n";
  const std::string batu_ideas =
      ideas_header + "sigap,SIGAP,bappeda,,,,,,,,initiative,,,,,,,,,,,,,,\n";

  Result r = sandbox.run({"-C", "batu", "list", "ideas", "--format", "csv"});
  CHECK(r.out == batu_ideas);
  CHECK(r.status == 0);

  r = sandbox.run({"list", "ideas", "--format", "csv"}, "", {{"INOVASI_DIR", "batu"}});
  CHECK(r.out == batu_ideas);
  CHECK(r.status == 0);

  // -C wins over $INOVASI_DIR.
  r = sandbox.run({"-C", "tuban", "list", "ideas", "--format", "csv"}, "",
                  {{"INOVASI_DIR", "batu"}});
  CHECK(r.out == ideas_header);

  // From a folder inside the programme, paths are shown from where one stands.
  stdfs::create_directories(sandbox.path("batu/ideas/arsip"));
  r = sandbox.run_in("batu/ideas/arsip", {"list", "ideas", "--format", "csv"});
  CHECK(r.out == batu_ideas);
  CHECK(r.status == 0);
  r = sandbox.run_in("batu/ideas/arsip", {"add-idea", "--title", "Lapor", "--unit", "bappeda"});
  CHECK(r.out == "added ../../ideas/lapor.yaml\n");
  CHECK(r.status == 0);
  CHECK(sandbox.exists("batu/ideas/lapor.yaml"));

  r = sandbox.run({"check"});
  CHECK(r.err ==
        "inovasi: error: not in a programme directory (no inovasi.yaml here or in any parent); "
        "run 'inovasi init' or use -C DIR\n");
  CHECK(r.status == 2);

  r = sandbox.run({"-C", "padang", "check"});
  CHECK(r.err ==
        "inovasi: error: padang: not a programme directory (no inovasi.yaml); create one with "
        "'inovasi init padang'\n");
  CHECK(r.status == 2);

  r = sandbox.run({"check"}, "", {{"INOVASI_DIR", "padang"}});
  CHECK(r.err ==
        "inovasi: error: padang: not a programme directory (no inovasi.yaml); create one with "
        "'inovasi init padang'\n");
  CHECK(r.status == 2);
}

TEST_CASE("--version prints the version") {
  Sandbox sandbox;
  Result r = sandbox.run({"--version"});
  CHECK(r.out == std::string("inovasi ") + INOVASI_EXPECTED_VERSION + "\n");
  CHECK(r.err == "");
  CHECK(r.status == 0);
}

TEST_CASE("--help of inovasi and of every command opens with examples of that command") {
  Sandbox sandbox;
  Result r = sandbox.run({"--help"});
  CHECK(r.status == 0);
  CHECK(r.err == "");
  CHECK(r.out.find("\nExamples:\n  inovasi ") != std::string::npos);
  for (std::string command : kCommands) {
    CAPTURE(command);
    CHECK(r.out.find(std::string("\n  ") + command + " ") != std::string::npos);

    Result help = sandbox.run({command, "--help"});
    CHECK(help.status == 0);
    CHECK(help.err == "");
    CHECK(help.out.find(std::string("Usage: inovasi ") + command + " ") != std::string::npos);
    auto examples = help.out.find("\nExamples:\n");
    REQUIRE(examples != std::string::npos);
    // The first example runs this very command.
    std::string first =
        help.out.substr(examples + 11, help.out.find('\n', examples + 11) - examples - 11);
    std::string call = std::string("  inovasi ") + command;
    CHECK((first == call || first.starts_with(call + " ")));
    // The help opens with them: the summary line, then at least two
    // examples of this command, then the usage.
    CHECK(examples == help.out.find('\n') + 1);
    std::string block = help.out.substr(examples, help.out.find("\n\n", examples + 1) - examples);
    std::size_t calls = 0;
    for (const auto& line : split_lines(block))
      calls += line.starts_with("  inovasi ") &&
               ((line + " ").find(" " + command + " ") != std::string::npos);
    CHECK(calls >= 2);
    CHECK(help.out.find("\n\nUsage: inovasi " + command) == help.out.find("\n\n", examples + 1));
  }
}

TEST_CASE("help COMMAND prints what COMMAND --help prints") {
  Sandbox sandbox;
  for (std::string command : kCommands) {
    CAPTURE(command);
    Result help = sandbox.run({"help", command});
    Result option = sandbox.run({command, "--help"});
    CHECK(help.out == option.out);
    CHECK(help.status == 0);
  }
  CHECK(sandbox.run({"help"}).out == sandbox.run({"--help"}).out);
}

TEST_CASE("an unknown command exits 2 and suggests the nearest") {
  Sandbox sandbox;
  Result r = sandbox.run({"chek"});
  CHECK(r.err ==
        "inovasi: error: 'chek' is not an inovasi command; did you mean 'check'?\n"
        "Run 'inovasi --help' for the list of commands.\n");
  CHECK(r.out == "");
  CHECK(r.status == 2);

  r = sandbox.run({"-C", "tuban", "add-ide", "--title", "X"});
  CHECK(r.err ==
        "inovasi: error: 'add-ide' is not an inovasi command; did you mean 'add-idea'?\n"
        "Run 'inovasi --help' for the list of commands.\n");
  CHECK(r.status == 2);

  // help with a word that is no command: see help_test.cpp.

  r = sandbox.run({});
  CHECK(r.err ==
        "inovasi: error: no command given\n"
        "Run 'inovasi --help' for the list of commands.\n");
  CHECK(r.status == 2);
}

TEST_CASE("a bad option exits 2 and points to the command's help") {
  Sandbox sandbox;
  sandbox.make_programme();
  Result r = sandbox.run({"check", "--bogus"});
  CHECK(r.err ==
        "inovasi: error: The following argument was not expected: --bogus\n"
        "Run 'inovasi check --help' for usage.\n");
  CHECK(r.out == "");
  CHECK(r.status == 2);

  r = sandbox.run({"show"});
  CHECK(r.err ==
        "inovasi: error: id is required\n"
        "Run 'inovasi show --help' for usage.\n");
  CHECK(r.status == 2);

  r = sandbox.run({"add-idea", "--title"});
  CHECK(r.err ==
        "inovasi: error: --title: 1 required TEXT missing\n"
        "Run 'inovasi add-idea --help' for usage.\n");
  CHECK(r.status == 2);

  r = sandbox.run({"add-idea", "--title", "X", "--unit", "bappeda", "--step", "Rapat", "--step",
                   "Uji", "--due", "2018-06-01"});
  CHECK(r.err ==
        "inovasi: error: 2 --step and 1 --due: give one --due after each --step, or none\n");
  CHECK(r.status == 2);
  CHECK(sandbox.tree("ideas").empty());
}
