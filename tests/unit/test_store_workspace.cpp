// workspace.yaml through the one codec, and the checks of its folders: every
// problem a finding at its line and column, never the first one only.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "inovasi/store/codec.h"
#include "inovasi/store/workspace.h"

using namespace inovasi;
using Strings = std::vector<std::string>;

namespace {

// The findings one a line, as they are printed (and as a failed check shows them).
std::string messages(Findings findings) {
  findings.sort();
  std::string out;
  for (const Finding& f : findings.items()) out += format(f) + "\n";
  return out;
}

std::string lines(const Strings& list) {
  std::string out;
  for (const auto& line : list) out += line + "\n";
  return out;
}

// The workspace decoded from text, with the findings of reading it.
Workspace decode(const std::string& text, Findings& findings) {
  yaml::Node root = yaml::parse(text, "workspace.yaml", findings);
  Origin origin;
  return decode_record<Workspace>(root, "workspace.yaml", findings, origin);
}

// A fresh folder under the system's temporary folder, removed afterwards.
class Folder {
 public:
  Folder() {
    std::string pattern = (stdfs::temp_directory_path() / "inovasi-workspace-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~Folder() { stdfs::remove_all(path_); }
  const stdfs::path& path() const { return path_; }
  void write(const std::string& relative, const std::string& content) const {
    stdfs::create_directories((path_ / relative).parent_path());
    std::ofstream(path_ / relative) << content;
  }
  void programme(const std::string& relative) const {
    write(relative + "/inovasi.yaml", "name: P\nregion: R\n");
  }

 private:
  stdfs::path path_;
};

}  // namespace

TEST_CASE("workspace codec: name and programmes, the rest refused with a suggestion") {
  Findings findings;
  Workspace w =
      decode("name: Provinsi Jawa Timur\nprogrammes:\n  - tuban\n  - lamongan\n", findings);
  CHECK(findings.empty());
  CHECK(w.name == "Provinsi Jawa Timur");
  CHECK(w.programmes == Strings{"tuban", "lamongan"});

  // Flow style and no name are fine.
  w = decode("programmes: [tuban]\n", findings);
  CHECK(findings.empty());
  CHECK(w.name.empty());

  decode("name: x\nprogramme: [tuban]\nregion: Jawa Timur\n", findings);
  CHECK(messages(findings) ==
        lines(Strings{
            "workspace.yaml:1:1: error: missing required field 'programmes'",
            "workspace.yaml:2:1: error: unknown field 'programme' (did you mean 'programmes'?)",
            "workspace.yaml:3:1: error: unknown field 'region'"}));
}

TEST_CASE("workspace codec: wrong types are findings at their position") {
  Findings findings;
  decode("name: [a]\nprogrammes: {tuban: 1}\n", findings);
  CHECK(messages(findings) ==
        lines(Strings{"workspace.yaml:1:7: error: 'name' must be a single value, not a list",
                      "workspace.yaml:2:13: error: 'programmes' must be a list, not a mapping"}));
  Findings items;
  decode("programmes:\n  - tuban\n  - {a: b}\n  - ~\n", items);
  CHECK(messages(items) ==
        lines(Strings{
            "workspace.yaml:3:5: error: 'programmes[1]' must be a single value, not a mapping",
            "workspace.yaml:4:5: error: 'programmes[2]' must be a single value, not nothing"}));
}

TEST_CASE("workspace folders: each listed folder a programme with a distinct name that is an id") {
  Folder folder;
  folder.programme("tuban");
  folder.programme("kab/lamongan");
  folder.programme("lama/tuban");
  folder.programme("Kota_Batu");
  stdfs::create_directories(folder.path() / "gresik");
  folder.write("workspace.yaml",
               "programmes:\n  - tuban\n  - kab/lamongan/\n  - lama/tuban\n  - tuban/.\n"
               "  - Kota_Batu\n  - gresik\n  - {x: y}\n  - sidoarjo\n");
  Findings findings;
  Workspace w;
  std::vector<NamedProgramme> programmes = load_workspace(folder.path(), findings, &w);
  Strings named;
  for (const auto& p : programmes) named.push_back(p.name + " " + p.dir.root().string());
  std::string base = folder.path().string() + "/";
  CHECK(named == Strings{"tuban " + base + "tuban", "lamongan " + base + "kab/lamongan/"});
  std::string file = base + "workspace.yaml";
  std::string id_rule =
      "a programme's name is its folder's name, which must be an id (lowercase letters, digits "
      "and single hyphens, at most 64 characters)";
  CHECK(messages(findings) ==
        lines(Strings{
            file +
                ":4:5: error: programmes[2]: 'lama/tuban' and programmes[0] 'tuban' are "
                "both named 'tuban'; " +
                id_rule,
            file + ":5:5: error: programmes[3]: 'tuban/.' is listed twice (first as "
                   "programmes[0])",
            file + ":6:5: error: programmes[4]: 'Kota_Batu' cannot be a programme here: " + id_rule,
            file + ":7:5: error: programmes[5]: '" + base +
                "gresik' holds no inovasi.yaml (a git submodule not checked out? 'git "
                "submodule update --init' fetches it)",
            file + ":8:5: error: 'programmes[6]' must be a single value, not a mapping",
            file + ":9:5: error: programmes[7]: there is no folder '" + base + "sidoarjo'"}));
  CHECK(w.programmes.size() == 8);
}

TEST_CASE("workspace folders: an empty list, and a file that is not a regular file") {
  Folder folder;
  folder.write("workspace.yaml", "name: x\nprogrammes: []\n");
  Findings findings;
  CHECK(load_workspace(folder.path(), findings).empty());
  std::string file = folder.path().string() + "/workspace.yaml";
  CHECK(messages(findings) ==
        lines(Strings{file + ":2:13: error: 'programmes' lists no programme folder"}));

  Folder linked;
  linked.write("elsewhere.yaml", "programmes: [a]\n");
  stdfs::create_symlink(linked.path() / "elsewhere.yaml", linked.path() / "workspace.yaml");
  Findings link;
  CHECK(load_workspace(linked.path(), link).empty());
  CHECK(
      messages(link) ==
      lines(Strings{linked.path().string() +
                    "/workspace.yaml: error: is a symbolic link; workspace.yaml must be a regular "
                    "file"}));
}

TEST_CASE("workspace programme names: a folder's base name") {
  CHECK(programme_name("prov/tuban") == "tuban");
  CHECK(programme_name("prov/tuban/") == "tuban");
  CHECK(programme_name("prov/./tuban/.") == "tuban");
  CHECK(programme_name(".") == stdfs::current_path().filename().string());
}
