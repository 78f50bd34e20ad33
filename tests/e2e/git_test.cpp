// init --git: the programme becomes a git repository that merges records
// with the merge driver and refuses a commit whose records check finds an
// error in. Runs the git command line.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "harness.h"

using namespace e2e;

namespace {

const std::string kBrokenIdea =
    "id: antrean-online\n"
    "title: Antrean online\n"
    "unit: nope\n"
    "stage: initiative\n";

const std::string kBrokenMessage =
    "ideas/antrean-online.yaml:3:7: error: unit 'nope' does not exist (no units/nope.yaml)\n"
    "pre-commit: 'inovasi check' found errors in what is to be committed; fix them, or commit "
    "with --no-verify\n";

// A programme made with init --git, its first commit made.
void init_with_git(const Sandbox& sandbox) {
  Result r = sandbox.run(
      {"init", "prog", "--name", "Inovasi Daerah", "--region", "Kabupaten Tuban", "--git"}, {},
      git_env(sandbox));
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.out ==
        "created programme 'Inovasi Daerah' in prog, a git repository that checks records before "
        "each commit\n");
  CHECK(r.err.empty());
  git_ok(sandbox, "prog", {"config", "user.name", "Bagian Organisasi"});
  git_ok(sandbox, "prog", {"config", "user.email", "organisasi@tubankab.go.id"});
  git_ok(sandbox, "prog", {"add", "-A"});
  git_ok(sandbox, "prog", {"commit", "-q", "-m", "Programme"});
  REQUIRE(sandbox
              .run_in("prog", {"add-unit", "--id", "dinkes", "--name", "Dinas Kesehatan", "--kind",
                               "dinas"})
              .status == 0);
}

std::string head(const Sandbox& sandbox) {
  return git_ok(sandbox, "prog", {"log", "--format=%s"});
}

}  // namespace

TEST_CASE("init --git: a repository with the merge driver and a hook that runs check") {
  Sandbox sandbox;
  init_with_git(sandbox);
  CHECK(sandbox.exists("prog/.git/HEAD"));
  // This build's binary, by its path, as the PATH of the test has none.
  const std::string self = "'" + std::string(binary()) + "'";
  CHECK(git_ok(sandbox, "prog", {"config", "merge.inovasi.driver"}) ==
        self + " merge-driver %O %A %B %P\n");
  CHECK(git_ok(sandbox, "prog", {"config", "merge.inovasi.name"}) ==
        "inovasi records, field by field\n");
  CHECK((stdfs::status(sandbox.path("prog/.git/hooks/pre-commit")).permissions() &
         stdfs::perms::owner_exec) != stdfs::perms::none);
  CHECK(sandbox.read("prog/.git/hooks/pre-commit").find("inovasi=" + self + "\n") !=
        std::string::npos);

  SUBCASE("a clean commit goes through") {
    git_ok(sandbox, "prog", {"add", "-A"});
    Result r = git(sandbox, "prog", {"commit", "-q", "-m", "Dinas Kesehatan"});
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(head(sandbox) == "Dinas Kesehatan\nProgramme\n");
  }
  SUBCASE("a commit with an error is refused, and nothing is committed") {
    sandbox.write("prog/ideas/antrean-online.yaml", kBrokenIdea);
    git_ok(sandbox, "prog", {"add", "-A"});
    Result r = git(sandbox, "prog", {"commit", "-q", "-m", "Antrean"});
    CHECK(r.status == 1);
    CHECK(r.err == kBrokenMessage);
    CHECK(head(sandbox) == "Programme\n");
    // --no-verify is git's own way past the hook.
    CHECK(git(sandbox, "prog", {"commit", "-q", "--no-verify", "-m", "Antrean"}).status == 0);
  }
  SUBCASE("what is staged is checked, not what is left in the working tree") {
    sandbox.write("prog/ideas/antrean-online.yaml", kBrokenIdea);
    git_ok(sandbox, "prog", {"add", "-A"});
    // Fixed in the working tree only: the commit would still hold the error.
    sandbox.write("prog/ideas/antrean-online.yaml",
                  "id: antrean-online\ntitle: Antrean online\nunit: dinkes\nstage: initiative\n");
    Result refused = git(sandbox, "prog", {"commit", "-q", "-m", "Antrean"});
    CHECK(refused.status == 1);
    CHECK(refused.err == kBrokenMessage);
    // Staged clean, broken in the working tree only: the commit is clean.
    git_ok(sandbox, "prog", {"add", "-A"});
    sandbox.write("prog/ideas/antrean-online.yaml", kBrokenIdea);
    Result r = git(sandbox, "prog", {"commit", "-q", "-m", "Antrean"});
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(head(sandbox) == "Antrean\nProgramme\n");
  }
}

TEST_CASE("init --git keeps a pre-commit hook that is there already, and writes pre-merge-commit") {
  Sandbox sandbox;
  git_ok(sandbox, ".", {"init", "-q", "prog"});
  sandbox.write("prog/.git/hooks/pre-commit", "#!/bin/sh\nexit 0\n");
  Result r = sandbox.run(
      {"init", "prog", "--name", "Inovasi Daerah", "--region", "Kabupaten Tuban", "--git"}, {},
      git_env(sandbox));
  CHECK(r.status == 0);
  CHECK(r.err ==
        "prog/.git/hooks/pre-commit: kept the hook there; add 'inovasi check' to it to check "
        "records before a commit\n");
  CHECK(sandbox.read("prog/.git/hooks/pre-commit") == "#!/bin/sh\nexit 0\n");
  // The other hook is written.
  CHECK(sandbox.read("prog/.git/hooks/pre-merge-commit").find("inovasi check") !=
        std::string::npos);
  CHECK(git_ok(sandbox, "prog", {"config", "merge.inovasi.name"}) ==
        "inovasi records, field by field\n");
}

TEST_CASE("init --git without git writes nothing") {
  Sandbox sandbox;
  Env env = git_env(sandbox);
  env.push_back({"PATH", sandbox.root().string()});  // no git there
  Result r = sandbox.run(
      {"init", "prog", "--name", "Inovasi Daerah", "--region", "Kabupaten Tuban", "--git"}, {},
      env);
  CHECK(r.status == 2);
  CHECK(r.err == "inovasi: error: --git: git is not installed or not in PATH (apt install git)\n");
  CHECK_FALSE(sandbox.exists("prog"));
}

TEST_CASE("init --git in a repository adds its lines to .gitignore and .gitattributes, once") {
  Sandbox sandbox;
  git_ok(sandbox, ".", {"init", "-q", "prog"});
  // The user's own lines, one of them init's too, the last without its newline.
  sandbox.write("prog/.gitignore", "secret.env\n.inovasi/\n*.bak");
  sandbox.write("prog/.gitattributes", "*.pdf binary\n");
  Result r = sandbox.run(
      {"init", "prog", "--name", "Inovasi Daerah", "--region", "Kabupaten Tuban", "--git"}, {},
      git_env(sandbox));
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(sandbox.read("prog/.gitignore") ==
        "secret.env\n.inovasi/\n*.bak\n.inovasi.lock\n.*.tmp.[0-9]*\n");
  CHECK(sandbox.read("prog/.gitattributes") ==
        "*.pdf binary\n*.yaml text eol=lf merge=inovasi\n*.md text eol=lf\n");
  CHECK(git_ok(sandbox, "prog", {"check-ignore", "secret.env"}) == "secret.env\n");
}

TEST_CASE("init: the .gitignore covers the temporary files a killed command leaves") {
  Sandbox sandbox;
  Result r = sandbox.run(
      {"init", "prog", "--name", "Inovasi Daerah", "--region", "Kabupaten Tuban", "--git"}, {},
      git_env(sandbox));
  REQUIRE(r.status == 0);
  CHECK(sandbox.read("prog/.gitignore") == ".inovasi.lock\n.inovasi/\n.*.tmp.[0-9]*\n");
  sandbox.write("prog/ideas/.antrean-online.yaml.tmp.4242.0", "id: antrean-online\n");
  sandbox.write("prog/contracts/.rsud-2018.yaml.tmp.17.3", "id: rsud-2018\n");
  git_ok(sandbox, "prog", {"add", "-A"});
  CHECK(git_ok(sandbox, "prog", {"diff", "--cached", "--name-only"}) ==
        ".gitattributes\n.gitignore\ncontracts/.gitkeep\nideas/.gitkeep\ninovasi.yaml\n"
        "regulations/.gitkeep\nreports/.gitkeep\nunits/.gitkeep\n");
}

TEST_CASE("init --git: a merge commit is checked as a commit is (pre-merge-commit)") {
  Sandbox sandbox;
  init_with_git(sandbox);
  CHECK((stdfs::status(sandbox.path("prog/.git/hooks/pre-merge-commit")).permissions() &
         stdfs::perms::owner_exec) != stdfs::perms::none);
  git_ok(sandbox, "prog", {"add", "-A"});
  git_ok(sandbox, "prog", {"commit", "-q", "-m", "Dinas Kesehatan"});
  git_ok(sandbox, "prog", {"branch", "usulan"});
  // On a branch, an idea whose unit is removed on the main line: each side
  // is clean, the merge is not.
  git_ok(sandbox, "prog", {"checkout", "-q", "usulan"});
  sandbox.write("prog/ideas/antrean-online.yaml",
                "id: antrean-online\ntitle: Antrean online\nunit: dinkes\nstage: initiative\n");
  git_ok(sandbox, "prog", {"add", "-A"});
  git_ok(sandbox, "prog", {"commit", "-q", "-m", "Antrean"});
  git_ok(sandbox, "prog", {"checkout", "-q", "master"});
  git_ok(sandbox, "prog", {"rm", "-q", "units/dinkes.yaml"});
  git_ok(sandbox, "prog", {"commit", "-q", "-m", "Tanpa Dinas Kesehatan"});
  Result r = git(sandbox, "prog", {"merge", "-q", "--no-edit", "usulan"});
  CHECK(r.status == 1);
  CHECK(r.err ==
        "ideas/antrean-online.yaml:3:7: error: unit 'dinkes' does not exist (no "
        "units/dinkes.yaml)\n"
        "pre-merge-commit: 'inovasi check' found errors in what is to be committed; fix them, or "
        "commit with --no-verify\n"
        "Not committing merge; use 'git commit' to complete the merge.\n");
  CHECK(head(sandbox) == "Tanpa Dinas Kesehatan\nDinas Kesehatan\nProgramme\n");
}

TEST_CASE("init leaves a .gitignore and .gitattributes that hold its lines already untouched") {
  Sandbox sandbox;
  const std::string ignore = "# ours\n.*.tmp.[0-9]*\n.inovasi/\r\n.inovasi.lock\n";
  const std::string attributes = "*.md text eol=lf\n*.yaml text eol=lf merge=inovasi\n";
  sandbox.write("prog/.gitignore", ignore);
  sandbox.write("prog/.gitattributes", attributes);
  Result r =
      sandbox.run({"init", "prog", "--name", "Inovasi Daerah", "--region", "Kabupaten Tuban"});
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(sandbox.read("prog/.gitignore") == ignore);
  CHECK(sandbox.read("prog/.gitattributes") == attributes);
}

TEST_CASE(
    "git-setup in a clone: its lines once, the merge driver and both hooks, and again nothing") {
  Sandbox sandbox;
  init_with_git(sandbox);
  git_ok(sandbox, ".", {"clone", "-q", "prog", "clone"});
  CHECK_FALSE(sandbox.exists("clone/.git/hooks/pre-commit"));
  // The clone's own ignores, one of them the programme's.
  sandbox.write("clone/.gitignore", "secret.env\n.inovasi/\n");
  Result r = sandbox.run({"-C", "clone", "git-setup"}, {}, git_env(sandbox));
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(r.err == "");
  CHECK(r.out ==
        "updated clone/.gitignore\n"
        "clone is a git repository that merges records field by field and checks them before "
        "each commit\n");
  CHECK(sandbox.read("clone/.gitignore") ==
        "secret.env\n.inovasi/\n.inovasi.lock\n.*.tmp.[0-9]*\n");
  const std::string self = "'" + std::string(binary()) + "'";
  CHECK(git_ok(sandbox, "clone", {"config", "merge.inovasi.driver"}) ==
        self + " merge-driver %O %A %B %P\n");
  for (const char* hook : {"clone/.git/hooks/pre-commit", "clone/.git/hooks/pre-merge-commit"}) {
    CAPTURE(hook);
    CHECK(sandbox.read(hook).find("inovasi=" + self + "\n") != std::string::npos);
    CHECK((stdfs::status(sandbox.path(hook)).permissions() & stdfs::perms::owner_exec) !=
          stdfs::perms::none);
  }
  auto before = file_contents(sandbox.path("clone"));
  r = sandbox.run_in("clone", {"git-setup"}, {}, git_env(sandbox));
  CHECK(r.status == 0);
  CHECK(r.err == "");
  CHECK(r.out ==
        ". is a git repository that merges records field by field and checks them before each "
        "commit\n");
  CHECK(differences(before, file_contents(sandbox.path("clone"))).empty());
}

TEST_CASE("git-setup keeps the user's hook, and refuses a programme inside a larger repository") {
  Sandbox sandbox;
  sandbox.make_programme("prog");
  git_ok(sandbox, ".", {"init", "-q", "prog"});
  sandbox.write("prog/.git/hooks/pre-merge-commit", "#!/bin/sh\nexit 0\n");
  Result r = sandbox.run_in("prog", {"git-setup"}, {}, git_env(sandbox));
  CHECK(r.status == 0);
  CHECK(r.err ==
        ".git/hooks/pre-merge-commit: kept the hook there; add 'inovasi check' to it to check "
        "records before a commit\n");
  CHECK(sandbox.read("prog/.git/hooks/pre-merge-commit") == "#!/bin/sh\nexit 0\n");
  CHECK(sandbox.exists("prog/.git/hooks/pre-commit"));

  git_ok(sandbox, ".", {"init", "-q", "outer"});
  sandbox.make_programme("outer/prog");
  r = sandbox.run({"-C", "outer/prog", "git-setup"}, {}, git_env(sandbox));
  CHECK(r.status == 2);
  CHECK(r.err ==
        "inovasi: error: outer/prog: is a folder inside a git repository, not its top; git-setup "
        "sets up a repository whose top is the programme\n");
  CHECK_FALSE(sandbox.exists("outer/prog/.git"));
  CHECK_FALSE(sandbox.exists("outer/prog/.gitignore"));
}
