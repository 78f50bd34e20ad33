// Finding the programmes a command works on: one programme directory, or
// several (-C given more than once, or a province's workspace.yaml listing
// them, each e.g. a git submodule).
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "inovasi/model/workspace.h"
#include "inovasi/store/store.h"
#include "inovasi/util/finding.h"

namespace inovasi {

constexpr const char* kWorkspaceFile = "workspace.yaml";

// A programme among several: its name, the base name of its folder (which
// must be an id), and its directory.
struct NamedProgramme {
  std::string name;
  ProgrammeDir dir;
};

// What the command line and the working directory select.
struct ProgrammeSelection {
  std::vector<NamedProgramme> programmes;
  // Several programmes, seen together with qualified ids: -C given more than
  // once, or a workspace (even of one programme). Otherwise exactly one
  // programme, as every command has always seen it.
  bool several = false;
};

// The folder of the workspace the command would work in, as shown from the
// working directory: `dir` (-C, else $INOVASI_DIR) when it holds
// workspace.yaml and no inovasi.yaml; else the working directory or its
// nearest ancestor holding either file, when that is workspace.yaml alone
// (inovasi.yaml wins in the same folder). Nothing when it is a programme or
// there is neither.
std::optional<stdfs::path> find_workspace(const std::string& dir);

// The name a folder gives its programme: its base name ("tuban" for
// "prov/tuban/", the working directory's name for ".").
std::string programme_name(const stdfs::path& folder);

// Reads and checks folder/workspace.yaml: unknown fields, no programmes, a
// listed folder that does not exist or holds no inovasi.yaml, a folder
// listed twice, a name that is not an id or that two folders share. Every
// problem is a finding at its line and column; the programmes returned are
// those listed without a problem, in the file's order.
std::vector<NamedProgramme> load_workspace(const stdfs::path& folder, Findings& findings,
                                           Workspace* workspace = nullptr);

// dirs: -C, in the order given. Several: each must be a programme directory
// with a distinct name that is an id (a usage error otherwise). One or none:
// the workspace find_workspace finds, else the one programme
// ProgrammeDir::locate finds. Problems in workspace.yaml are findings; a
// missing directory is a UsageError.
ProgrammeSelection select_programmes(const std::vector<std::string>& dirs, Findings& findings);

}  // namespace inovasi
