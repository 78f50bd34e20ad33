// Git merges of a programme: clones that add different records merge
// cleanly, and with the merge driver a record changed on two branches
// conflicts only where the same field changed. Runs the git command line.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "harness.h"

using namespace e2e;

namespace {

// An inovasi command in `dir` that must succeed.
void inovasi_ok(const Sandbox& sandbox, const std::string& dir,
                const std::vector<std::string>& args) {
  Result r = sandbox.run_in(dir, args);
  std::string call = "inovasi";
  for (const auto& a : args) call += " " + a;
  INFO(call, " in ", dir, "\n", r.out, r.err);
  REQUIRE(r.status == 0);
}

void commit_all(const Sandbox& sandbox, const std::string& dir, const std::string& message) {
  git_ok(sandbox, dir, {"add", "-A"});
  git_ok(sandbox, dir, {"commit", "-q", "-m", message});
}

// A repository holding a new programme with two units, committed on main.
void make_repository(const Sandbox& sandbox, const std::string& dir) {
  inovasi_ok(sandbox, ".",
             {"init", dir, "--name", "Inovasi Daerah Kabupaten Tuban 2018", "--region",
              "Kabupaten Tuban"});
  inovasi_ok(
      sandbox, dir,
      {"add-unit", "--id", "rsud-koesma", "--name", "RSUD dr. R. Koesma", "--kind", "hospital"});
  inovasi_ok(sandbox, dir,
             {"add-unit", "--id", "bappeda", "--name", "Badan Perencanaan Pembangunan Daerah",
              "--kind", "badan"});
  git_ok(sandbox, dir, {"init", "-q", "-b", "main"});
  git_ok(sandbox, dir, {"config", "user.name", "Bagian Organisasi"});
  git_ok(sandbox, dir, {"config", "user.email", "organisasi@tubankab.go.id"});
  commit_all(sandbox, dir, "programme");
}

void clone(const Sandbox& sandbox, const std::string& from, const std::string& to) {
  git_ok(sandbox, ".", {"clone", "-q", from, to});
  git_ok(sandbox, to, {"config", "user.name", "Operator " + to});
  git_ok(sandbox, to, {"config", "user.email", to + "@tubankab.go.id"});
}

// Tells git in `dir` to merge records with this build's merge driver. Git
// runs the command through the shell: the binary's path is quoted.
void enable_driver(const Sandbox& sandbox, const std::string& dir) {
  git_ok(sandbox, dir,
         {"config", "merge.inovasi.driver",
          "'" + std::string(binary()) + "' merge-driver %O %A %B %P"});
}

// An idea as add-idea writes it, with the fields the tests change.
std::string idea(const std::string& title, const std::string& unit, const std::string& stage,
                 const std::string& more = {}) {
  return "id: antrean-online\ntitle: " + title + "\nunit: " + unit + "\nstage: " + stage + "\n" +
         more;
}

const char* kIdeaPath = "prog/ideas/antrean-online.yaml";

// A repository whose main has the idea, and two branches, `a` and `b`, each
// with one edit of it committed.
void branches_editing_idea(const Sandbox& sandbox, const std::string& on_a,
                           const std::string& on_b) {
  make_repository(sandbox, "prog");
  inovasi_ok(sandbox, "prog",
             {"add-idea", "--title", "Antrean online", "--unit", "rsud-koesma", "--submitted",
              "2018-05-02"});
  commit_all(sandbox, "prog", "idea");
  git_ok(sandbox, "prog", {"checkout", "-q", "-b", "a"});
  sandbox.write(kIdeaPath, on_a);
  commit_all(sandbox, "prog", "edit on a");
  git_ok(sandbox, "prog", {"checkout", "-q", "-b", "b", "main"});
  sandbox.write(kIdeaPath, on_b);
  commit_all(sandbox, "prog", "edit on b");
  git_ok(sandbox, "prog", {"checkout", "-q", "a"});
}

const std::string kSubmitted = "submitted: 2018-05-02\n";
const std::string kTrial = kSubmitted + "trial_date: 2018-09-01\n";

void check_silent(const Sandbox& sandbox, const std::string& dir) {
  Result r = sandbox.run_in(dir, {"check"});
  CHECK(r.out == "");
  CHECK(r.err == "");
  CHECK(r.status == 0);
}

}  // namespace

TEST_CASE("two clones adding ideas, a contract and reports on their own branches merge cleanly") {
  Sandbox sandbox;
  make_repository(sandbox, "origin");
  CHECK(sandbox.read("origin/.gitattributes") ==
        "*.yaml text eol=lf merge=inovasi\n*.md text eol=lf\n");
  clone(sandbox, "origin", "a");
  clone(sandbox, "origin", "b");
  sandbox.write("targets-a.csv",
                "target,name,unit,polarity,weight,2018-Q3,2018-Q4\n"
                "waktu-tunggu,Waktu tunggu,menit,lower,1,60,45\n");
  sandbox.write("targets-b.csv",
                "target,name,unit,polarity,weight,2018-Q3,2018-Q4\n"
                "dokumen,Dokumen perencanaan daring,persen,higher,1,50,100\n");

  // Clone a: the hospital's ideas, its contract and a report.
  git_ok(sandbox, "a", {"checkout", "-q", "-b", "rsud"});
  inovasi_ok(sandbox, "a", {"add-idea", "--title", "Antrean online", "--unit", "rsud-koesma"});
  inovasi_ok(sandbox, "a",
             {"add-idea", "--title", "Rekam medis elektronik", "--unit", "rsud-koesma"});
  inovasi_ok(
      sandbox, "a",
      {"sign-contract", "--id", "rsud-2018", "--unit", "rsud-koesma", "--idea", "antrean-online",
       "--start", "2018-07-01", "--end", "2018-12-31", "--targets", "../targets-a.csv"});
  inovasi_ok(sandbox, "a",
             {"report", "--contract", "rsud-2018", "--period", "2018-Q3", "--submitted",
              "2018-10-05", "--actual", "waktu-tunggu=55"});
  commit_all(sandbox, "a", "RSUD: ideas, contract, Q3 report");

  // Clone b: the planning agency's, at the same time.
  git_ok(sandbox, "b", {"checkout", "-q", "-b", "bappeda"});
  inovasi_ok(sandbox, "b", {"add-idea", "--title", "Musrenbang daring", "--unit", "bappeda"});
  inovasi_ok(
      sandbox, "b",
      {"sign-contract", "--id", "bappeda-2018", "--unit", "bappeda", "--idea", "musrenbang-daring",
       "--start", "2018-07-01", "--end", "2018-12-31", "--targets", "../targets-b.csv"});
  inovasi_ok(sandbox, "b",
             {"report", "--contract", "bappeda-2018", "--period", "2018-Q3", "--submitted",
              "2018-10-08", "--actual", "dokumen=40"});
  inovasi_ok(sandbox, "b",
             {"report", "--contract", "bappeda-2018", "--period", "2018-Q4", "--submitted",
              "2019-01-07", "--actual", "dokumen=100"});
  commit_all(sandbox, "b", "Bappeda: idea, contract, Q3 and Q4 reports");

  // a takes b's branch: different files, so a clean merge, driver or not.
  git_ok(sandbox, "a", {"fetch", "-q", "../b", "bappeda"});
  Result r = git(sandbox, "a", {"merge", "--no-edit", "FETCH_HEAD"});
  INFO(r.out, r.err);
  CHECK(r.status == 0);
  CHECK(r.out.find("CONFLICT") == std::string::npos);
  CHECK(git_ok(sandbox, "a", {"status", "--porcelain"}) == "");
  CHECK(sandbox.tree("a/ideas") == std::vector<std::string>{".gitkeep", "antrean-online.yaml",
                                                            "musrenbang-daring.yaml",
                                                            "rekam-medis-elektronik.yaml"});
  CHECK(sandbox.tree("a/contracts") ==
        std::vector<std::string>{".gitkeep", "bappeda-2018.yaml", "rsud-2018.yaml"});
  CHECK(sandbox.tree("a/reports") ==
        std::vector<std::string>{".gitkeep", "bappeda-2018/", "bappeda-2018/2018-Q3.yaml",
                                 "bappeda-2018/2018-Q4.yaml", "rsud-2018/",
                                 "rsud-2018/2018-Q3.yaml"});
  for (const char* file : {"ideas/musrenbang-daring.yaml", "contracts/bappeda-2018.yaml",
                           "reports/bappeda-2018/2018-Q4.yaml"})
    CHECK(sandbox.read(std::string("a/") + file) == sandbox.read(std::string("b/") + file));
  check_silent(sandbox, "a");
}

TEST_CASE("without the merge driver, changes of adjacent fields conflict in git's line merge") {
  Sandbox sandbox;
  branches_editing_idea(sandbox,
                        idea("Antrean Online RSUD", "rsud-koesma", "initiative", kSubmitted),
                        idea("Antrean online", "bappeda", "initiative", kSubmitted));
  // .gitattributes names the driver, but this clone has not enabled it: git
  // falls back to its line merge, which sees one changed block of two lines.
  Result r = git(sandbox, "prog", {"merge", "--no-edit", "b"});
  CHECK(r.status == 1);
  CHECK(r.out.find("CONFLICT (content): Merge conflict in ideas/antrean-online.yaml") !=
        std::string::npos);
  CHECK(sandbox.read(kIdeaPath) ==
        "id: antrean-online\n"
        "<<<<<<< HEAD\n"
        "title: Antrean Online RSUD\n"
        "unit: rsud-koesma\n"
        "=======\n"
        "title: Antrean online\n"
        "unit: bappeda\n"
        ">>>>>>> b\n"
        "stage: initiative\n"
        "submitted: 2018-05-02\n");
}

TEST_CASE("with the merge driver, a record changed on two branches merges field by field") {
  SUBCASE("different fields, adjacent lines: clean, with both changes") {
    Sandbox sandbox;
    branches_editing_idea(sandbox,
                          idea("Antrean Online RSUD", "rsud-koesma", "initiative", kSubmitted),
                          idea("Antrean online", "bappeda", "trial", kTrial));
    enable_driver(sandbox, "prog");
    Result r = git(sandbox, "prog", {"merge", "--no-edit", "b"});
    INFO(r.out, r.err);
    CHECK(r.status == 0);
    CHECK(r.err == "");
    CHECK(r.out.find("CONFLICT") == std::string::npos);
    CHECK(sandbox.read(kIdeaPath) == idea("Antrean Online RSUD", "bappeda", "trial", kTrial));
    CHECK(git_ok(sandbox, "prog", {"status", "--porcelain"}) == "");
    check_silent(sandbox, "prog");
  }

  SUBCASE("the same field changed alike on both: clean") {
    Sandbox sandbox;
    branches_editing_idea(
        sandbox, idea("Antrean Online RSUD", "rsud-koesma", "trial", kTrial),
        idea("Antrean online", "rsud-koesma", "trial", kTrial + "budget: 15000000\n"));
    enable_driver(sandbox, "prog");
    Result r = git(sandbox, "prog", {"merge", "--no-edit", "b"});
    INFO(r.out, r.err);
    CHECK(r.status == 0);
    CHECK(sandbox.read(kIdeaPath) ==
          idea("Antrean Online RSUD", "rsud-koesma", "trial", kTrial + "budget: 15000000\n"));
    check_silent(sandbox, "prog");
  }

  SUBCASE("the same field changed two ways: a conflict around that field alone") {
    Sandbox sandbox;
    branches_editing_idea(sandbox, idea("Antrean Online RSUD", "rsud-koesma", "trial", kTrial),
                          idea("Antrean daring", "bappeda", "initiative", kSubmitted));
    enable_driver(sandbox, "prog");
    Result r = git(sandbox, "prog", {"merge", "--no-edit", "b"});
    CHECK(r.status == 1);
    CHECK(r.out.find("CONFLICT (content): Merge conflict in ideas/antrean-online.yaml") !=
          std::string::npos);
    CHECK(r.err.find("ideas/antrean-online.yaml: 'title' changed differently on both sides\n") !=
          std::string::npos);
    CHECK(sandbox.read(kIdeaPath) ==
          "id: antrean-online\n"
          "<<<<<<< ours\n"
          "title: Antrean Online RSUD\n"
          "=======\n"
          "title: Antrean daring\n"
          ">>>>>>> theirs\n"
          "unit: bappeda\n"
          "stage: trial\n"
          "submitted: 2018-05-02\n"
          "trial_date: 2018-09-01\n");
    CHECK(git_ok(sandbox, "prog", {"status", "--porcelain"}) == "UU ideas/antrean-online.yaml\n");

    // Resolving the one field is all it takes.
    sandbox.write(kIdeaPath, idea("Antrean daring", "bappeda", "trial", kTrial));
    commit_all(sandbox, "prog", "merge b");
    check_silent(sandbox, "prog");
  }
}

TEST_CASE("merge-driver run by hand: fields, lists as one value, and what it leaves to lines") {
  Sandbox sandbox;
  auto driver = [&](const std::string& base, const std::string& ours, const std::string& theirs,
                    const std::string& path) {
    sandbox.write("base.yaml", base);
    sandbox.write("ours.yaml", ours);
    sandbox.write("theirs.yaml", theirs);
    return sandbox.run({"merge-driver", "base.yaml", "ours.yaml", "theirs.yaml", path});
  };
  const std::string plan = "plan:\n  - step: Sosialisasi\n    due: 2018-06-30\n";

  SUBCASE("a list is one value: changed on one side it merges, on both it conflicts whole") {
    std::string base = idea("Antrean online", "rsud-koesma", "initiative", plan);
    std::string ours = idea("Antrean online", "rsud-koesma", "trial", plan);
    std::string theirs = idea("Antrean online", "rsud-koesma", "initiative",
                              plan + "    done: 2018-06-28\n  - step: Uji coba loket\n");
    Result r = driver(base, ours, theirs, "ideas/antrean-online.yaml");
    CHECK(r.err == "");
    CHECK(r.status == 0);
    CHECK(sandbox.read("ours.yaml") == idea("Antrean online", "rsud-koesma", "trial",
                                            plan + "    done: 2018-06-28\n"
                                                   "  - step: Uji coba loket\n"));

    r = driver(base,
               idea("Antrean online", "rsud-koesma", "initiative", plan + "    done: 2018-06-28\n"),
               theirs, "ideas/antrean-online.yaml");
    CHECK(r.err == "ideas/antrean-online.yaml: 'plan' changed differently on both sides\n");
    CHECK(r.status == 1);
    CHECK(sandbox.read("ours.yaml") == idea("Antrean online", "rsud-koesma", "initiative",
                                            "<<<<<<< ours\n" + plan +
                                                "    done: 2018-06-28\n"
                                                "=======\n" +
                                                plan +
                                                "    done: 2018-06-28\n"
                                                "  - step: Uji coba loket\n"
                                                ">>>>>>> theirs\n"));
  }

  SUBCASE("layout is no change, and the result is canonical") {
    std::string base = idea("Antrean online", "rsud-koesma", "initiative");
    std::string ours =
        "{id: antrean-online, title: Antrean online, unit: bappeda, stage: "
        "initiative}\n";
    std::string theirs =
        "id: antrean-online\ntitle: 'Antrean online'\nunit: rsud-koesma\n"
        "stage: uji coba\n";
    Result r = driver(base, ours, theirs, "prog/ideas/antrean-online.yaml");
    CHECK(r.err == "");
    CHECK(r.status == 0);
    CHECK(sandbox.read("ours.yaml") == idea("Antrean online", "bappeda", "trial"));
  }

  SUBCASE("a field removed on one side and changed on the other conflicts") {
    std::string base = idea("Antrean online", "rsud-koesma", "initiative", kSubmitted);
    Result r =
        driver(base, idea("Antrean online", "rsud-koesma", "initiative"),
               idea("Antrean online", "rsud-koesma", "initiative", "submitted: 2018-05-03\n"),
               "ideas/antrean-online.yaml");
    CHECK(r.status == 1);
    CHECK(sandbox.read("ours.yaml") ==
          idea("Antrean online", "rsud-koesma", "initiative",
               "<<<<<<< ours\n=======\nsubmitted: 2018-05-03\n>>>>>>> theirs\n"));
  }

  SUBCASE("a record added on both branches merges from nothing") {
    // A field only one side has counts as added by that side.
    Result r = driver("", idea("Antrean online", "rsud-koesma", "trial"),
                      idea("Antrean online", "rsud-koesma", "trial", kSubmitted),
                      "ideas/antrean-online.yaml");
    CHECK(r.status == 0);
    CHECK(sandbox.read("ours.yaml") == idea("Antrean online", "rsud-koesma", "trial", kSubmitted));
    r = driver("", idea("Antrean online", "rsud-koesma", "trial"),
               idea("Antrean daring", "rsud-koesma", "trial"), "ideas/antrean-online.yaml");
    CHECK(r.status == 1);
    CHECK(sandbox.read("ours.yaml") ==
          "id: antrean-online\n<<<<<<< ours\ntitle: Antrean online\n=======\n"
          "title: Antrean daring\n>>>>>>> theirs\nunit: rsud-koesma\nstage: trial\n");
    r = driver("", idea("Antrean online", "rsud-koesma", "trial", kSubmitted),
               idea("Antrean online", "rsud-koesma", "trial", kSubmitted),
               "ideas/antrean-online.yaml");
    CHECK(r.status == 0);
    CHECK(sandbox.read("ours.yaml") == idea("Antrean online", "rsud-koesma", "trial", kSubmitted));
  }

  SUBCASE("a report's actual values and the programme's lists are merged by field too") {
    std::string base =
        "contract: rsud-2018\nperiod: 2018-Q3\nsubmitted: 2018-10-05\nactual: {waktu-tunggu: 55}\n";
    std::string ours =
        "contract: rsud-2018\nperiod: 2018-Q3\nsubmitted: 2018-10-06\nactual: {waktu-tunggu: 55}\n";
    std::string theirs =
        "contract: rsud-2018\nperiod: 2018-Q3\nsubmitted: 2018-10-05\nactual: "
        "{waktu-tunggu: 50}\nnarrative: Loket baru\n";
    Result r = driver(base, ours, theirs, "reports/rsud-2018/2018-Q3.yaml");
    CHECK(r.status == 0);
    CHECK(sandbox.read("ours.yaml") ==
          "contract: rsud-2018\nperiod: 2018-Q3\nsubmitted: "
          "2018-10-06\nactual: {waktu-tunggu: 50}\n"
          "narrative: Loket baru\n");

    std::string programme = "name: Inovasi Tuban\nregion: Kabupaten Tuban\n";
    r = driver(programme, "name: Inovasi Daerah Tuban\nregion: Kabupaten Tuban\n",
               programme + "partner: Lembaga Administrasi Negara\n", "inovasi.yaml");
    CHECK(r.status == 0);
    CHECK(sandbox.read("ours.yaml") ==
          "name: Inovasi Daerah Tuban\nregion: Kabupaten Tuban\npartner: Lembaga Administrasi "
          "Negara\n");
  }

  SUBCASE("comments, invalid records and other files are merged line by line") {
    // Comments would be lost by a field merge: git's line merge keeps them.
    std::string base = idea("Antrean online", "rsud-koesma", "initiative", kSubmitted);
    std::string ours = "# usul dari RSUD\n" + base;
    std::string theirs =
        idea("Antrean online", "rsud-koesma", "initiative", "submitted: 2018-05-09\n");
    Result r = driver(base, ours, theirs, "ideas/antrean-online.yaml");
    CHECK(r.err == "ideas/antrean-online.yaml: ours has comments; merged line by line\n");
    CHECK(r.status == 0);
    CHECK(sandbox.read("ours.yaml") == "# usul dari RSUD\n" + theirs);

    // An unknown field: nothing is dropped, the lines conflict.
    r = driver(base, base + "owner: dr. Sari\n", base + "owner: dr. Budi\n",
               "ideas/antrean-online.yaml");
    CHECK(r.err == "ideas/antrean-online.yaml: ours is not a valid idea; merged line by line\n");
    CHECK(r.status == 1);
    CHECK(sandbox.read("ours.yaml") == base +
                                           "<<<<<<< ours\nowner: dr. Sari\n=======\n"
                                           "owner: dr. Budi\n>>>>>>> theirs\n");

    // Not a record folder: git's line merge, without a word.
    r = driver("a: 1\nb: 2\n", "a: 3\nb: 2\n", "a: 1\nb: 2\nc: 4\n", "ci/config.yaml");
    CHECK(r.err == "");
    CHECK(r.status == 0);
    CHECK(sandbox.read("ours.yaml") == "a: 3\nb: 2\nc: 4\n");
  }

  SUBCASE("changes fine on each side that together break a rule conflict, naming the rule") {
    auto contract = [&](const std::string& ideas, const std::string& signed_on,
                        const std::string& end) {
      return "id: rsud-2018\nunit: rsud-koesma\nideas: [" + ideas + "]\nsigned: " + signed_on +
             "\nstart: 2018-04-01\nend: " + end + "\n";
    };
    std::string base = contract("antrean-online", "2018-05-02", "2019-03-31");
    std::string ours = contract("antrean-online, e-resep", "2019-03-01", "2019-03-31");
    std::string theirs = contract("antrean-online", "2018-05-02", "2018-12-31");
    Result r = driver(base, ours, theirs, "prog/contracts/rsud-2018.yaml");
    CHECK(r.err ==
          "prog/contracts/rsud-2018.yaml: the changes to 'end', 'signed' on the two sides are "
          "fine each, but together the record breaks a rule: signed 2019-03-01 is after the "
          "contract ended (2018-12-31)\n");
    CHECK(r.status == 1);
    // The ideas, which have nothing to do with it, merge.
    CHECK(sandbox.read("ours.yaml") ==
          "id: rsud-2018\nunit: rsud-koesma\nideas: [antrean-online, e-resep]\n"
          "<<<<<<< ours\nsigned: 2019-03-01\n=======\nsigned: 2018-05-02\n>>>>>>> theirs\n"
          "start: 2018-04-01\n"
          "<<<<<<< ours\nend: 2019-03-31\n=======\nend: 2018-12-31\n>>>>>>> theirs\n");
    // A rule broken from the start (a weight of 0) hides nothing the merge breaks.
    const std::string target =
        "targets:\n  - id: waktu\n    name: Waktu tunggu\n    unit: menit\n    polarity: "
        "lower\n    mode: cumulative\n    baseline: 65\n    weight: 0\n    by_period: "
        "{2018-Q3: 45}\n";
    r = driver(base + target, ours + target, theirs + target, "contracts/rsud-2018.yaml");
    CHECK(r.err ==
          "contracts/rsud-2018.yaml: the changes to 'end', 'signed' on the two sides are "
          "fine each, but together the record breaks a rule: signed 2019-03-01 is after the "
          "contract ended (2018-12-31)\n");
    CHECK(r.status == 1);
    // A side that breaks it alone is that side's to answer for: merged as it is.
    std::string broken = contract("antrean-online", "2019-03-01", "2018-12-31");
    r = driver(base, broken, contract("e-resep", "2019-03-01", "2018-12-31"),
               "contracts/rsud-2018.yaml");
    CHECK(r.err == "");
    CHECK(r.status == 0);
  }

  SUBCASE("a comment after a quote in plain text is seen: merged line by line, kept") {
    std::string base = idea("Antrean online", "rsud-koesma", "initiative");
    std::string ours = idea("Antrean online RSUD", "rsud-koesma", "initiative");
    std::string theirs =
        idea("Antrean online", "rsud-koesma", "initiative",
             "description: Rapat dengan camat, 'bupati berhalangan   # catatan internal\n");
    Result r = driver(base, ours, theirs, "ideas/antrean-online.yaml");
    CHECK(r.err == "ideas/antrean-online.yaml: theirs has comments; merged line by line\n");
    CHECK(r.status == 0);
    CHECK(sandbox.read("ours.yaml") ==
          idea("Antrean online RSUD", "rsud-koesma", "initiative",
               "description: Rapat dengan camat, 'bupati berhalangan   # catatan internal\n"));
  }

  SUBCASE("a version that cannot be read is an I/O error and ours stays as it was") {
    sandbox.write("ours.yaml", "id: x\n");
    Result r =
        sandbox.run({"merge-driver", "missing.yaml", "ours.yaml", "ours.yaml", "ideas/x.yaml"});
    CHECK(r.status == 3);
    CHECK(r.err.find("missing.yaml: cannot open") != std::string::npos);
    CHECK(sandbox.read("ours.yaml") == "id: x\n");
  }
}
