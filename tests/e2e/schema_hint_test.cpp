// editor_schema: records written with the yaml-language-server hint on their
// first line, fmt adding and removing it, check's canonical form either way,
// and the merge driver keeping it.
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>

#include "harness.h"

using namespace e2e;

namespace {

const char* kPrefix = "# yaml-language-server: $schema=";

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n') + 1);
}

// The installed schema folder, as inovasi.yaml's own hint names it once fmt
// has added it: an absolute path ending in inovasi/schema.
std::string schema_dir(const Sandbox& sandbox) {
  std::string line = first_line(sandbox.read("inovasi.yaml"));
  std::smatch m;
  REQUIRE(std::regex_match(line, m,
                           std::regex(R"(# yaml-language-server: \$schema=(/\S*/inovasi/schema)/)"
                                      R"(programme\.schema\.json\n)")));
  return m[1].str();
}

std::string hint(const std::string& dir, const std::string& type) {
  return kPrefix + dir + "/" + type + ".schema.json\n";
}

void set_editor_schema(const Sandbox& sandbox, const char* value) {
  std::string text = sandbox.read("inovasi.yaml");
  auto at = text.find("editor_schema: ");
  if (at == std::string::npos) {
    // In its canonical place, after language.
    at = text.find("reporting:\n");
    REQUIRE(at != std::string::npos);
    text.insert(at, std::string("editor_schema: ") + value + "\n");
  } else {
    text.replace(at, text.find('\n', at) - at, std::string("editor_schema: ") + value);
  }
  sandbox.write("inovasi.yaml", text);
}

const char* kTargets =
    "target,name,unit,polarity,mode,weight,2018-Q3,2018-Q4\n"
    "waktu-tunggu,Rata-rata waktu tunggu,menit,lower,cumulative,1,40,30\n";

// Every record type written by the commands that write them.
void write_every_type(const Sandbox& sandbox) {
  sandbox.write("targets.csv", kTargets);
  sandbox.write("ideas.csv", "title,unit,stage\nSIGAP,bappeda,initiative\n");
  std::vector<std::vector<std::string>> commands = {
      {"add-unit", "--name", "Dinas Kesehatan", "--kind", "dinas"},
      {"add-idea", "--title", "Antrean online", "--unit", "rsud-koesma"},
      {"add-idea", "--from", "ideas.csv"},
      {"sign-contract", "--id", "rsud-2018", "--unit", "rsud-koesma", "--idea", "antrean-online",
       "--start", "2018-04-01", "--end", "2019-03-31", "--targets", "targets.csv"},
      {"report", "--contract", "rsud-2018", "--period", "2018-Q3", "--submitted", "2018-10-08",
       "--actual", "waktu-tunggu=42"},
      {"add-regulation", "--id", "perbup-27-2018", "--number", "Perbup No. 27 Tahun 2018", "--date",
       "2018-08-27", "--idea", "antrean-online"},
  };
  for (const auto& args : commands) {
    Result r = sandbox.run(args);
    INFO(args[0], "\n", r.err);
    REQUIRE(r.status == 0);
  }
}

// The record files and the type of each.
const std::vector<std::pair<std::string, std::string>> kWritten = {
    {"units/dinas-kesehatan.yaml", "unit"},
    {"ideas/antrean-online.yaml", "idea"},
    {"ideas/sigap.yaml", "idea"},
    {"contracts/rsud-2018.yaml", "contract"},
    {"reports/rsud-2018/2018-Q3.yaml", "report"},
    {"regulations/perbup-27-2018.yaml", "regulation"},
};

const std::vector<std::pair<std::string, std::string>> kEveryFile = {
    {"inovasi.yaml", "programme"},
    {"units/rsud-koesma.yaml", "unit"},
    {"units/bappeda.yaml", "unit"},
    {"units/dinas-kesehatan.yaml", "unit"},
    {"ideas/antrean-online.yaml", "idea"},
    {"ideas/sigap.yaml", "idea"},
    {"contracts/rsud-2018.yaml", "contract"},
    {"reports/rsud-2018/2018-Q3.yaml", "report"},
    {"regulations/perbup-27-2018.yaml", "regulation"},
};

}  // namespace

TEST_CASE("editor_schema: every record type written starts with the hint naming its schema") {
  Sandbox sandbox;
  sandbox.make_programme();
  set_editor_schema(sandbox, "true");
  Result r = sandbox.run({"fmt"});
  CHECK(r.out ==
        "formatted inovasi.yaml\nformatted units/bappeda.yaml\nformatted units/rsud-koesma.yaml\n");
  CHECK(r.err == "");
  std::string dir = schema_dir(sandbox);
  write_every_type(sandbox);
  for (const auto& [path, type] : kWritten) {
    INFO(path);
    std::string text = sandbox.read(path);
    CHECK(first_line(text) == hint(dir, type));
    CHECK(text.find(kPrefix, 1) == std::string::npos);  // once, on the first line only
  }
  CHECK(sandbox.read("units/dinas-kesehatan.yaml") ==
        hint(dir, "unit") + "id: dinas-kesehatan\nname: Dinas Kesehatan\nkind: dinas\n");
  r = sandbox.run({"check"});
  CHECK(r.err == "");
  CHECK(r.status == 0);
  r = sandbox.run({"fmt", "--check"});
  CHECK(r.out == "");
  CHECK(r.status == 0);
  // Read back like any record, through the cache too.
  for (int i = 0; i < 2; ++i) {
    r = sandbox.run({"show", "dinas-kesehatan"});
    CHECK(r.out ==
          "# units/dinas-kesehatan.yaml\nid: dinas-kesehatan\nname: Dinas Kesehatan\n"
          "kind: dinas\n");
    CHECK(r.status == 0);
  }
}

TEST_CASE("editor_schema: without it, no record carries the hint and check is silent") {
  Sandbox sandbox;
  sandbox.make_programme();
  write_every_type(sandbox);
  for (const auto& [path, type] : kEveryFile) {
    INFO(path);
    CHECK_FALSE(sandbox.read(path).starts_with("#"));
  }
  set_editor_schema(sandbox, "false");
  Result r = sandbox.run({"check"});
  CHECK(r.err == "");
  CHECK(r.status == 0);
}

TEST_CASE("editor_schema: fmt adds the hint to every file and removes it again") {
  Sandbox sandbox;
  sandbox.make_programme();
  write_every_type(sandbox);
  auto before = file_contents(sandbox.root());

  set_editor_schema(sandbox, "true");
  Result r = sandbox.run({"check"});
  std::vector<std::string> paths;
  for (const auto& [path, type] : kEveryFile) paths.push_back(path);
  std::sort(paths.begin(), paths.end());  // as findings are printed
  std::string warnings;
  for (const auto& path : paths)
    warnings += path + ": warning: not in canonical form (run 'inovasi fmt')\n";
  CHECK(r.err == warnings);
  CHECK(r.status == 0);
  r = sandbox.run({"fmt", "--check"});
  CHECK(r.status == 1);
  r = sandbox.run({"fmt"});
  CHECK(r.err == "");
  CHECK(r.status == 0);
  std::string dir = schema_dir(sandbox);
  for (const auto& [path, type] : kEveryFile) {
    INFO(path);
    CHECK(first_line(sandbox.read(path)) == hint(dir, type));
    CHECK(r.out.find("formatted " + path + "\n") != std::string::npos);
  }
  r = sandbox.run({"check"});
  CHECK(r.err == "");
  r = sandbox.run({"fmt"});
  CHECK(r.out == "");

  set_editor_schema(sandbox, "false");
  r = sandbox.run({"check"});
  CHECK(r.err == warnings);
  r = sandbox.run({"fmt"});
  CHECK(r.err == "");
  CHECK(r.status == 0);
  r = sandbox.run({"check"});
  CHECK(r.err == "");
  // Back to the bytes written without the setting, but for the setting itself.
  auto after = file_contents(sandbox.root());
  before.erase("inovasi.yaml");
  after.erase("inovasi.yaml");
  CHECK(differences(before, after) == std::vector<std::string>{});
  CHECK(sandbox.read("inovasi.yaml").find("editor_schema: false\n") != std::string::npos);
}

TEST_CASE("editor_schema: a hint is no comment to keep, but other comments still are") {
  Sandbox sandbox;
  sandbox.make_programme();
  set_editor_schema(sandbox, "true");
  REQUIRE(sandbox.run({"fmt"}).status == 0);
  std::string dir = schema_dir(sandbox);
  // A hint naming another record type's schema is rewritten without
  // --strip-comments, in the folder it names (another installation's).
  sandbox.write("units/bappeda.yaml",
                std::string(kPrefix) + "/opt/inovasi/share/inovasi/schema/idea.schema.json\n" +
                    "id: bappeda\nname: Badan Perencanaan Pembangunan Daerah\nkind: badan\n");
  // Another comment is not lost unasked.
  std::string commented = hint(dir, "unit") + "# Dibentuk 2016\nid: rsud-koesma\n" +
                          "name: RSUD dr. R. Koesma\nkind: hospital\n";
  sandbox.write("units/rsud-koesma.yaml", commented);
  Result r = sandbox.run({"check"});
  CHECK(r.err ==
        "units/bappeda.yaml: warning: not in canonical form (run 'inovasi fmt')\n"
        "units/rsud-koesma.yaml: warning: not in canonical form (run 'inovasi fmt "
        "--strip-comments', which drops its comments)\n");
  r = sandbox.run({"fmt"});
  CHECK(r.out == "formatted units/bappeda.yaml\n");
  CHECK(r.err ==
        "units/rsud-koesma.yaml: warning: has comments, which formatting would lose; left alone "
        "(use --strip-comments)\n");
  CHECK(sandbox.read("units/bappeda.yaml") ==
        hint("/opt/inovasi/share/inovasi/schema", "unit") +
            "id: bappeda\nname: Badan Perencanaan Pembangunan Daerah\nkind: badan\n");
  CHECK(sandbox.read("units/rsud-koesma.yaml") == commented);
  r = sandbox.run({"fmt", "--strip-comments"});
  CHECK(r.out == "formatted units/rsud-koesma.yaml\n");
  CHECK(sandbox.read("units/rsud-koesma.yaml") ==
        hint(dir, "unit") + "id: rsud-koesma\nname: RSUD dr. R. Koesma\nkind: hospital\n");
}

TEST_CASE("editor_schema must be true or false, and until it is nothing is written") {
  Sandbox sandbox;
  sandbox.make_programme();
  for (const char* value : {"yes", "1", "'on'", "True"}) {
    INFO(value);
    set_editor_schema(sandbox, value);
    std::string plain = value[0] == '\'' ? std::string(value).substr(1, 2) : value;
    std::string error =
        "inovasi.yaml:6:16: error: editor_schema: '" + plain + "' is not true or false\n";
    Result r = sandbox.run({"check"});
    CHECK(r.err == error);
    CHECK(r.status == 1);
    auto tree = sandbox.tree();
    r = sandbox.run({"add-unit", "--name", "Dinas Kesehatan", "--kind", "dinas"});
    CHECK(r.err == error);
    CHECK(r.status == 1);
    CHECK(sandbox.tree() == tree);
    r = sandbox.run({"fmt"});
    CHECK(r.err == error);
    CHECK(r.status == 1);
  }
  set_editor_schema(sandbox, "[true]");
  Result r = sandbox.run({"check"});
  CHECK(r.err == "inovasi.yaml:6:16: error: 'editor_schema' must be a single value, not a list\n");
  CHECK(r.status == 1);
}

TEST_CASE("editor_schema: the merge driver merges records with the hint field by field") {
  Sandbox sandbox;
  sandbox.make_programme();
  set_editor_schema(sandbox, "true");
  REQUIRE(sandbox.run({"fmt"}).status == 0);
  std::string h = hint(schema_dir(sandbox), "idea");
  const std::string base = "id: sigap\ntitle: SIGAP\nunit: bappeda\nstage: initiative\n";
  const std::string ours = "id: sigap\ntitle: SIGAP Terpadu\nunit: bappeda\nstage: initiative\n";
  const std::string theirs =
      "id: sigap\ntitle: SIGAP\nunit: bappeda\nstage: trial\n"
      "trial_date: 2018-07-01\n";
  const std::string merged =
      "id: sigap\ntitle: SIGAP Terpadu\nunit: bappeda\nstage: trial\n"
      "trial_date: 2018-07-01\n";
  auto merge = [&](const std::string& b, const std::string& o, const std::string& t) {
    sandbox.write("base.yaml", b);
    sandbox.write("ours.yaml", o);
    sandbox.write("theirs.yaml", t);
    Result r =
        sandbox.run({"merge-driver", "base.yaml", "ours.yaml", "theirs.yaml", "ideas/sigap.yaml"});
    CHECK(r.err == "");
    CHECK(r.status == 0);
    return sandbox.read("ours.yaml");
  };
  SUBCASE("all three with the hint") {
    CHECK(merge(h + base, h + ours, h + theirs) == h + merged);
  }
  SUBCASE("the hint added on one side (fmt after editor_schema: true)") {
    CHECK(merge(base, ours, h + theirs) == h + merged);
    CHECK(merge(base, h + ours, theirs) == h + merged);
  }
  SUBCASE("the hint removed on one side") {
    CHECK(merge(h + base, h + ours, theirs) == merged);
  }
  SUBCASE("two different hints: ours wins, no conflict over a comment") {
    std::string other = std::string(kPrefix) + "/opt/share/inovasi/schema/idea.schema.json\n";
    CHECK(merge(base, h + ours, other + theirs) == h + merged);
  }
}

TEST_CASE("editor_schema: a hint naming another installation's folder is canonical") {
  // Records written by inovasi installed under /usr, read by one installed
  // under /usr/local or in a home folder: nothing to rewrite.
  Sandbox sandbox;
  sandbox.make_programme();
  set_editor_schema(sandbox, "true");
  REQUIRE(sandbox.run({"fmt"}).status == 0);
  const std::string dir = schema_dir(sandbox);
  const std::string other = "/usr/share/inovasi/schema-elsewhere";
  std::string text = hint(other, "unit") +
                     "id: bappeda\nname: Badan Perencanaan Pembangunan Daerah\nkind: badan\n";
  sandbox.write("units/bappeda.yaml", text);
  std::string programme = sandbox.read("inovasi.yaml");
  programme.replace(0, programme.find('\n') + 1, hint(other, "programme"));
  sandbox.write("inovasi.yaml", programme);
  Result r = sandbox.run({"check"});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  r = sandbox.run({"fmt"});
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(sandbox.read("units/bappeda.yaml") == text);
  CHECK(sandbox.read("inovasi.yaml") == programme);
  // A record added now names this installation's folder.
  REQUIRE(sandbox.run({"add-unit", "--id", "bpbd", "--name", "BPBD", "--kind", "badan"}).status ==
          0);
  CHECK(sandbox.read("units/bpbd.yaml") ==
        hint(dir, "unit") + "id: bpbd\nname: BPBD\nkind: badan\n");
}
