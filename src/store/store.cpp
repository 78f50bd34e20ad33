#include "inovasi/store/store.h"

#include <fmt/core.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>

#include "inovasi/store/codec.h"
#include "inovasi/store/yaml_doc.h"
#include "inovasi/util/error.h"
#include "inovasi/util/text.h"

namespace inovasi {

ProgrammeDir::ProgrammeDir(stdfs::path root) : root_(std::move(root)) {
  std::string r = root_.string();
  if (r.empty() || r == ".") return;
  prefix_ = r.back() == '/' ? r : r + "/";
}

ProgrammeDir ProgrammeDir::locate(const std::string& explicit_dir) {
  std::string given = explicit_dir;
  if (given.empty())
    if (const char* env = std::getenv("INOVASI_DIR"); env && *env) given = env;
  if (!given.empty()) {
    stdfs::path root(given);
    std::error_code ec;
    if (!stdfs::exists(root / kProgrammeFile, ec))
      throw UsageError(
          fmt::format("{}: not a programme directory (no {}); create one with 'inovasi init {}'",
                      given, kProgrammeFile, given));
    return ProgrammeDir(root);
  }
  std::error_code ec;
  stdfs::path here = stdfs::current_path(ec);
  if (ec) throw IoError(fmt::format("cannot read the working directory: {}", ec.message()));
  for (stdfs::path p = here;; p = p.parent_path()) {
    if (stdfs::exists(p / kProgrammeFile, ec)) {
      // Shown paths stay relative to the working directory.
      return ProgrammeDir(p == here ? stdfs::path(".") : stdfs::relative(p, here));
    }
    if (p == p.parent_path()) break;
  }
  throw UsageError(
      fmt::format("not in a programme directory (no {} here or in any parent); run 'inovasi init' "
                  "or use -C DIR",
                  kProgrammeFile));
}

std::vector<std::string> list_record_files(const ProgrammeDir& dir, const std::string& folder,
                                           Findings& findings) {
  std::vector<std::string> files;
  stdfs::path base = dir.absolute(folder);
  std::error_code ec;
  auto status = stdfs::symlink_status(base, ec);
  if (ec || !stdfs::exists(status)) return files;
  if (stdfs::is_symlink(status)) {
    findings.error(dir.shown(folder), {},
                   "is a symbolic link; record folders must be real folders");
    return files;
  }
  for (const auto& entry : stdfs::directory_iterator(base, ec)) {
    std::string name = entry.path().filename().string();
    std::string relative = folder + "/" + name;
    if (name.starts_with(".")) continue;  // temporary files of a write in progress
    if (entry.is_symlink()) {
      findings.error(dir.shown(relative), {}, "is a symbolic link; records must be regular files");
    } else if (!entry.is_regular_file()) {
      findings.warning(dir.shown(relative), {}, "is not a record file; ignored");
    } else if (!name.ends_with(".yaml")) {
      findings.warning(dir.shown(relative), {},
                       "is not a record file (records end in .yaml); ignored");
    } else {
      files.push_back(relative);
    }
  }
  if (ec) throw IoError(fmt::format("{}: cannot list: {}", base.string(), ec.message()));
  std::sort(files.begin(), files.end());
  return files;
}

template <class R>
std::vector<std::string> list_files_of(const ProgrammeDir& dir, Findings& findings) {
  if constexpr (!std::is_same_v<R, Report>) {
    return list_record_files(dir, R::kFolder, findings);
  } else {
    std::vector<std::string> files;
    std::error_code ec;
    stdfs::path base = dir.absolute(R::kFolder);
    if (stdfs::is_symlink(stdfs::symlink_status(base, ec))) {
      findings.error(dir.shown(R::kFolder), {},
                     "is a symbolic link; record folders must be real folders");
      return files;
    }
    if (!stdfs::is_directory(base, ec)) return files;
    std::vector<std::string> folders;
    for (const auto& entry : stdfs::directory_iterator(base, ec)) {
      std::string name = entry.path().filename().string();
      std::string relative = std::string(R::kFolder) + "/" + name;
      if (name.starts_with(".")) continue;
      if (entry.is_symlink())
        findings.error(dir.shown(relative), {},
                       "is a symbolic link; records must be regular files");
      else if (entry.is_directory())
        folders.push_back(relative);
      else
        findings.warning(
            dir.shown(relative), {},
            "is not in a contract's folder (reports/<contract>/<period>.yaml); ignored");
    }
    std::sort(folders.begin(), folders.end());
    for (const auto& folder : folders) {
      auto inner = list_record_files(dir, folder, findings);
      files.insert(files.end(), inner.begin(), inner.end());
    }
    return files;
  }
}

template <class R>
std::string canonical_text(const R& record) {
  return encode_record(record);
}

// Why a record file is not read at all: a link, a device or pipe (whose
// reading may never end), or a size no record has.
static std::optional<std::string> unreadable(const ProgrammeDir& dir, const std::string& relative) {
  std::error_code ec;
  auto status = stdfs::symlink_status(dir.absolute(relative), ec);
  if (ec) return std::nullopt;  // reading it says what is wrong
  if (stdfs::is_symlink(status)) return "is a symbolic link; records must be regular files";
  if (!stdfs::is_regular_file(status)) return "is not a regular file";
  if (stdfs::file_size(dir.absolute(relative), ec) > yaml::kMaxFileSize && !ec)
    return fmt::format("file is larger than {} bytes", yaml::kMaxFileSize);
  return std::nullopt;
}

template <class R>
LoadedFile<R> load_file(const ProgrammeDir& dir, const std::string& relative, Findings& findings) {
  std::string shown = dir.shown(relative);
  if (auto why = unreadable(dir, relative)) {
    findings.error(shown, {}, *why);
    return {relative, {}, std::nullopt};
  }
  LoadedFile<R> file{relative, fs::read_file(dir.absolute(relative)), std::nullopt};
  Findings local;
  yaml::Node root = yaml::parse(file.text, shown, local);
  if (!local.has_errors()) {
    Stored<R> stored;
    stored.record = decode_record<R>(root, shown, local, stored.origin);
    // A record with a bad field still takes part in the rules across records.
    file.clean = !local.has_errors();
    file.stored = std::move(stored);
  }
  findings.append(local);
  return file;
}

// The canonical-form warning, for files read without errors only.
template <class R>
static void warn_if_not_canonical(const ProgrammeDir& dir, const LoadedFile<R>& file,
                                  Findings& findings) {
  if (file.clean && canonical_text(file.stored->record) != file.text)
    findings.warning(dir.shown(file.path), {}, "not in canonical form (run 'inovasi fmt')");
}

template <class R>
static void load_folder(const ProgrammeDir& dir, Records& records, Findings& findings,
                        LoadOptions options) {
  for (const auto& relative : list_files_of<R>(dir, findings)) {
    auto file = load_file<R>(dir, relative, findings);
    if (!file.stored) continue;
    if (options.canonical_warnings) warn_if_not_canonical(dir, file, findings);
    records.all<R>().push_back(std::move(*file.stored));
  }
}

Records load_records(const ProgrammeDir& dir, Findings& findings, LoadOptions options) {
  Records records;
  auto programme = load_file<Programme>(dir, kProgrammeFile, findings);
  if (programme.stored) {
    if (options.canonical_warnings) warn_if_not_canonical(dir, programme, findings);
    records.programme = std::move(programme.stored);
  }
  load_folder<Unit>(dir, records, findings, options);
  load_folder<Idea>(dir, records, findings, options);
  load_folder<Contract>(dir, records, findings, options);
  load_folder<Report>(dir, records, findings, options);
  load_folder<Regulation>(dir, records, findings, options);
  records.sort();
  return records;
}

#define INOVASI_INSTANTIATE(R)                                                             \
  template LoadedFile<R> load_file<R>(const ProgrammeDir&, const std::string&, Findings&); \
  template std::string canonical_text<R>(const R&);
INOVASI_INSTANTIATE(Programme)
INOVASI_INSTANTIATE(Unit)
INOVASI_INSTANTIATE(Idea)
INOVASI_INSTANTIATE(Contract)
INOVASI_INSTANTIATE(Report)
INOVASI_INSTANTIATE(Regulation)
#undef INOVASI_INSTANTIATE
template std::vector<std::string> list_files_of<Unit>(const ProgrammeDir&, Findings&);
template std::vector<std::string> list_files_of<Idea>(const ProgrammeDir&, Findings&);
template std::vector<std::string> list_files_of<Contract>(const ProgrammeDir&, Findings&);
template std::vector<std::string> list_files_of<Report>(const ProgrammeDir&, Findings&);
template std::vector<std::string> list_files_of<Regulation>(const ProgrammeDir&, Findings&);

std::optional<std::string> symlink_on_path(const ProgrammeDir& dir, const std::string& relative) {
  std::string step;
  for (const auto& part : text::split(relative, '/')) {
    step += step.empty() ? part : "/" + part;
    std::error_code ec;
    if (stdfs::is_symlink(stdfs::symlink_status(dir.absolute(step), ec))) return step;
  }
  return std::nullopt;
}

// Opening the lock file creates it: not through a link to somewhere else.
static std::unique_ptr<fs::Lock> lock(const ProgrammeDir& dir) {
  if (symlink_on_path(dir, kLockFile))
    throw IoError(
        fmt::format("{}: is a symbolic link; refusing to follow it", dir.shown(kLockFile)));
  return std::make_unique<fs::Lock>(dir.absolute(kLockFile), 30);
}

Transaction::Transaction(const ProgrammeDir& dir) : dir_(dir), lock_(lock(dir)) {}

Transaction::~Transaction() = default;

// A relative path of plain components only: nothing may land outside.
static bool is_inside(const std::string& relative) {
  if (relative.empty() || relative.front() == '/') return false;
  for (const auto& part : text::split(relative, '/'))
    if (part.empty() || part == "." || part == "..") return false;
  return true;
}

void Transaction::stage(const std::string& relative, std::string content) {
  if (!is_inside(relative))
    throw InvalidInput(
        fmt::format("{}: refusing to write outside the programme directory", relative));
  staged_.emplace_back(relative, std::move(content));
}

std::vector<std::string> Transaction::commit() {
  // Every path first, so that a refusal leaves no folder created either.
  for (const auto& staged : staged_)
    if (symlink_on_path(dir_, staged.first))
      throw IoError(fmt::format("{}: is a symbolic link; refusing to write through it",
                                dir_.shown(staged.first)));
  fs::AtomicBatch batch;
  std::vector<std::string> written;
  for (const auto& [relative, content] : staged_) {
    stdfs::path target = dir_.absolute(relative);
    stdfs::path folder = target.parent_path();
    std::error_code ec;
    stdfs::create_directories(folder, ec);
    if (ec)
      throw IoError(fmt::format("{}: cannot create folder: {}", folder.string(), ec.message()));
    auto existing = fs::read_file_if_exists(target);
    if (existing && *existing == content) continue;
    batch.add(target, content);
    written.push_back(relative);
  }
  batch.commit();
  staged_.clear();
  return written;
}

}  // namespace inovasi
