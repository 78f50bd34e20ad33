// Running another program (git) and waiting for it, without a shell.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace inovasi::process {

// Runs args[0], looked up in PATH, with the arguments that follow, in
// `folder` (the working directory when empty). Its output goes where ours
// does unless `quiet`. The exit status, or nothing when it could not be
// started or was killed by a signal.
std::optional<int> run(const std::vector<std::string>& args, const std::string& folder = {},
                       bool quiet = false);

// The full path of `name` in PATH, as a shell would find it; empty when it
// is not there.
std::string find_in_path(const std::string& name);

// The full path of the running program (/proc/self/exe).
std::string own_path();

}  // namespace inovasi::process
