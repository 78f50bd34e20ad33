#include "inovasi/store/workspace.h"

#include <fmt/core.h>

#include <cstdlib>
#include <map>

#include "inovasi/store/codec.h"
#include "inovasi/store/yaml_doc.h"
#include "inovasi/util/error.h"
#include "inovasi/util/fs.h"
#include "inovasi/util/messages.h"
#include "inovasi/util/text.h"

namespace inovasi {

static bool holds(const stdfs::path& folder, const char* file) {
  std::error_code ec;
  return stdfs::exists(folder / file, ec);
}

std::optional<stdfs::path> find_workspace(const std::string& explicit_dir) {
  std::string given = explicit_dir;
  if (given.empty())
    if (const char* env = std::getenv("INOVASI_DIR"); env && *env) given = env;
  if (!given.empty()) {
    if (!holds(given, kProgrammeFile) && holds(given, kWorkspaceFile)) return stdfs::path(given);
    return std::nullopt;
  }
  std::error_code ec;
  stdfs::path here = stdfs::current_path(ec);
  if (ec) throw IoError(msg("cannot read the working directory: {}", fs::reason(ec)));
  for (stdfs::path p = here;; p = p.parent_path()) {
    if (holds(p, kProgrammeFile)) return std::nullopt;
    if (holds(p, kWorkspaceFile))
      return p == here ? stdfs::path(".") : stdfs::relative(p, here, ec);
    if (p == p.parent_path()) return std::nullopt;
  }
}

std::string programme_name(const stdfs::path& folder) {
  std::error_code ec;
  stdfs::path path = stdfs::absolute(folder, ec).lexically_normal();
  if (!path.has_filename()) path = path.parent_path();  // "tuban/"
  return path.filename().string();
}

static std::string id_rule() {
  return msg(
      "a programme's name is its folder's name, which must be an id (lowercase letters, digits "
      "and single hyphens, at most {} characters)",
      text::kMaxSlug);
}

// Why workspace.yaml is not read at all, as records are refused: a link, a
// device or pipe, or a size no such file has.
static std::optional<std::string> unreadable(const stdfs::path& file) {
  std::error_code ec;
  auto status = stdfs::symlink_status(file, ec);
  if (ec) return std::nullopt;  // reading it says what is wrong
  if (stdfs::is_symlink(status))
    return tr("is a symbolic link; workspace.yaml must be a regular file");
  if (!stdfs::is_regular_file(status)) return tr("is not a regular file");
  if (stdfs::file_size(file, ec) > yaml::kMaxFileSize && !ec)
    return msg("file is larger than {} bytes", yaml::kMaxFileSize);
  return std::nullopt;
}

// A listed folder as a key: "tuban", "./tuban/" and "x/../tuban" are one.
static std::string folder_key(const std::string& entry) {
  std::string key = stdfs::path(entry).lexically_normal().string();
  while (key.size() > 1 && key.back() == '/') key.pop_back();
  return key;
}

std::vector<NamedProgramme> load_workspace(const stdfs::path& folder, Findings& findings,
                                           Workspace* out) {
  std::string shown = ProgrammeDir(folder).shown(kWorkspaceFile);
  stdfs::path file = folder / kWorkspaceFile;
  if (auto why = unreadable(file)) {
    findings.error(shown, {}, *why);
    return {};
  }
  std::string text = fs::read_file(file);
  Findings local;
  yaml::Node root = yaml::parse(text, shown, local);
  if (local.has_errors()) {
    findings.append(local);
    return {};
  }
  Origin origin;
  Workspace workspace = decode_record<Workspace>(root, shown, local, origin);
  if (out) *out = workspace;

  std::vector<NamedProgramme> programmes;
  const yaml::Entry* listed = root.find("programmes");
  if (listed && listed->value.kind == yaml::Kind::kSequence && listed->value.items.empty())
    local.error(shown, listed->value.mark, tr("'programmes' lists no programme folder"));
  std::map<std::string, std::size_t> keys, names;
  for (std::size_t i = 0; i < workspace.programmes.size(); ++i) {
    // An item that is not text was reported by the codec already.
    if (!listed || listed->value.kind != yaml::Kind::kSequence ||
        listed->value.items[i].kind != yaml::Kind::kScalar)
      continue;
    const std::string& entry = workspace.programmes[i];
    std::string field = fmt::format("programmes[{}]", i);
    Mark mark = origin.at(field);
    auto problem = [&](const std::string& message) {
      local.error(shown, mark, fmt::format("{}: {}", field, message));
    };
    if (entry.empty()) {
      problem(tr("must name a programme folder, not be empty"));
      continue;
    }
    if (stdfs::path(entry).is_absolute()) {
      problem(msg("'{}' must be relative to the workspace's folder", entry));
      continue;
    }
    std::string key = folder_key(entry);
    if (auto seen = keys.find(key); seen != keys.end()) {
      problem(msg("'{}' is listed twice (first as programmes[{}])", entry, seen->second));
      continue;
    }
    keys.emplace(key, i);
    stdfs::path dir = (folder / entry).lexically_normal();
    std::string name = programme_name(dir);
    if (!text::is_slug(name)) {
      problem(msg("'{}' cannot be a programme here: {}", entry, id_rule()));
      continue;
    }
    if (auto seen = names.find(name); seen != names.end()) {
      problem(msg("'{}' and programmes[{}] '{}' are both named '{}'; {}", entry, seen->second,
                  workspace.programmes[seen->second], name, id_rule()));
      continue;
    }
    names.emplace(name, i);
    std::error_code ec;
    if (!stdfs::is_directory(dir, ec)) {
      problem(msg("there is no folder '{}'", ProgrammeDir(folder).shown(entry)));
      continue;
    }
    if (!holds(dir, kProgrammeFile)) {
      bool empty = stdfs::is_empty(dir, ec);
      problem(msg("'{}' holds no {}{}", ProgrammeDir(folder).shown(entry), kProgrammeFile,
                  empty ? tr(" (a git submodule not checked out? 'git submodule update --init' "
                             "fetches it)")
                        : std::string()));
      continue;
    }
    programmes.push_back({name, ProgrammeDir(dir)});
  }
  findings.append(local);
  return programmes;
}

ProgrammeSelection select_programmes(const std::vector<std::string>& dirs, Findings& findings) {
  if (dirs.size() > 1) {
    ProgrammeSelection selection{{}, true};
    std::map<std::string, std::string> names;
    for (const std::string& dir : dirs) {
      if (!holds(dir, kProgrammeFile) && holds(dir, kWorkspaceFile))
        throw UsageError(
            msg("-C {}: is a workspace ({}); give it alone, or each of its programmes with -C", dir,
                kWorkspaceFile));
      ProgrammeDir programme = ProgrammeDir::locate(dir);
      std::string name = programme_name(dir);
      if (!text::is_slug(name))
        throw UsageError(msg("-C {}: '{}' cannot name a programme: {}", dir, name, id_rule()));
      auto [seen, added] = names.emplace(name, dir);
      if (!added && folder_key(stdfs::absolute(seen->second).string()) ==
                        folder_key(stdfs::absolute(dir).string()))
        throw UsageError(msg("-C {}: the programme is given twice", dir));
      if (!added)
        throw UsageError(msg("-C {} and -C {}: two programmes named '{}'; {}", seen->second, dir,
                             name, id_rule()));
      selection.programmes.push_back({name, programme});
    }
    return selection;
  }
  std::string dir = dirs.empty() ? std::string() : dirs.front();
  if (auto workspace = find_workspace(dir)) return {load_workspace(*workspace, findings), true};
  ProgrammeDir programme = ProgrammeDir::locate(dir);
  return {{{programme_name(programme.root()), programme}}, false};
}

}  // namespace inovasi
