// The command table and the one entry point main() calls.
#pragma once
#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "inovasi/model/enums.h"
#include "inovasi/util/finding.h"

namespace inovasi::cli {

// Options every command sees (given before or after the command name).
struct Globals {
  std::string dir;                // -C DIR: the first one given, the one most commands take
  std::vector<std::string> dirs;  // every -C DIR, in order: evaluate and export take several
  std::string lang;               // --lang, given before the command or after
  // --lang, else INOVASI_LANG: the language of messages and, before the
  // programme's own, of reports. Unset means English messages.
  std::optional<Language> language;
};

// What a command works on, and so what -C and the working directory may name.
enum class Scope {
  kOne,   // one programme: not several -C, not a workspace
  kMany,  // one programme or several (-C repeated, workspace.yaml)
  kNone,  // no programme found for it (init, merge-driver): not several -C
};

// Runs a parsed command; returns the exit status or throws inovasi::Error.
using Runner = std::function<int(const Globals&)>;

struct Command {
  std::string_view name;
  std::string_view summary;
  // Adds the command's options to its subcommand and returns its runner.
  std::function<Runner(CLI::App&)> attach;
  Scope scope = Scope::kOne;
};

Command init_command();
Command add_unit_command();
Command add_idea_command();
Command check_command();
Command list_command();
Command show_command();
Command fmt_command();
Command sign_contract_command();
Command add_regulation_command();
Command report_command();
Command status_command();
Command evaluate_command();
Command export_command();
Command merge_driver_command();
Command git_setup_command();
Command set_command();
Command stage_command();
Command step_command();
Command mv_command();
Command rm_command();
Command edit_command();

// The whole program: parse, dispatch, map every failure to its exit status.
int run(int argc, char** argv);

// Prints findings to stderr, sorted, in the form editors jump to.
void print_findings(const Findings& findings);

// Reads a file named on the command line; "-" is standard input.
std::string read_input(const std::string& path);

}  // namespace inovasi::cli
