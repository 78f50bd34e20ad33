#include "inovasi/store/store.h"

#include <fmt/core.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <set>

#include "inovasi/check/check.h"
#include "inovasi/store/cache.h"
#include "inovasi/store/codec.h"
#include "inovasi/store/record_types.h"
#include "inovasi/store/yaml_doc.h"
#include "inovasi/util/error.h"
#include "inovasi/util/messages.h"
#include "inovasi/util/parallel.h"
#include "inovasi/util/progress.h"
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
          msg("{}: not a programme directory (no {}); create one with 'inovasi init {}'", given,
              kProgrammeFile, given));
    return ProgrammeDir(root);
  }
  std::error_code ec;
  stdfs::path here = stdfs::current_path(ec);
  if (ec) throw IoError(msg("cannot read the working directory: {}", fs::reason(ec)));
  for (stdfs::path p = here;; p = p.parent_path()) {
    if (stdfs::exists(p / kProgrammeFile, ec)) {
      // Shown paths stay relative to the working directory.
      return ProgrammeDir(p == here ? stdfs::path(".") : stdfs::relative(p, here));
    }
    if (p == p.parent_path()) break;
  }
  throw UsageError(
      msg("not in a programme directory (no {} here or in any parent); run 'inovasi init' or use "
          "-C DIR",
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
                   tr("is a symbolic link; record folders must be real folders"));
    return files;
  }
  for (const auto& entry : stdfs::directory_iterator(base, ec)) {
    std::string name = entry.path().filename().string();
    std::string relative = folder + "/" + name;
    if (name.starts_with(".")) continue;  // temporary files of a write in progress
    if (entry.is_symlink()) {
      findings.error(dir.shown(relative), {},
                     tr("is a symbolic link; records must be regular files"));
    } else if (!entry.is_regular_file()) {
      findings.warning(dir.shown(relative), {}, tr("is not a record file; ignored"));
    } else if (!name.ends_with(".yaml")) {
      findings.warning(dir.shown(relative), {},
                       tr("is not a record file (records end in .yaml); ignored"));
    } else {
      files.push_back(relative);
    }
  }
  if (ec) throw IoError(msg("{}: cannot list: {}", base.string(), fs::reason(ec)));
  std::sort(files.begin(), files.end());
  return files;
}

template <class R>
std::vector<std::string> list_files_of(const ProgrammeDir& dir, Findings& findings) {
  // A record keyed by one column is a file of its folder; a report, keyed
  // by contract and period, is a file of its contract's folder.
  if constexpr (std::size(R::kKeyColumns) == 1) {
    return list_record_files(dir, R::kFolder, findings);
  } else {
    std::vector<std::string> files;
    std::error_code ec;
    stdfs::path base = dir.absolute(R::kFolder);
    if (stdfs::is_symlink(stdfs::symlink_status(base, ec))) {
      findings.error(dir.shown(R::kFolder), {},
                     tr("is a symbolic link; record folders must be real folders"));
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
                       tr("is a symbolic link; records must be regular files"));
      else if (entry.is_directory())
        folders.push_back(relative);
      else
        findings.warning(
            dir.shown(relative), {},
            tr("is not in a contract's folder (reports/<contract>/<period>.yaml); ignored"));
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

#ifndef INOVASI_SCHEMA_DIR
#error "INOVASI_SCHEMA_DIR: the installed schema folder, set by CMakeLists.txt"
#endif

// yaml-language-server reads the hint's URL up to the first space, and
// schema_hint_size recognises printable ASCII only.
static constexpr bool hint_safe(std::string_view s) {
  for (char c : s)
    if (c <= ' ' || c > '~') return false;
  return !s.empty() && s.front() == '/';
}
static_assert(hint_safe(INOVASI_SCHEMA_DIR),
              "the schema folder (CMAKE_INSTALL_FULL_DATADIR/inovasi/schema) must be an absolute "
              "path of printable ASCII without spaces");

std::string schema_hint(std::string_view type, std::string_view folder) {
  std::string hint(yaml::kSchemaHintPrefix);
  hint += folder.empty() ? std::string_view(INOVASI_SCHEMA_DIR) : folder;
  hint += '/';
  hint += type;
  hint += ".schema.json\n";
  return hint;
}

// The folder of a file's schema hint: what comes before "/TYPE.schema.json".
static std::string hint_folder(std::string_view text) {
  std::size_t size = yaml::schema_hint_size(text);
  if (size == 0) return {};
  std::string_view url = text.substr(yaml::kSchemaHintPrefix.size());
  url = url.substr(0, size - yaml::kSchemaHintPrefix.size() - 1);
  std::size_t slash = url.rfind('/');
  if (slash == std::string_view::npos || slash == 0 || !url.ends_with(".schema.json")) return {};
  return std::string(url.substr(0, slash));
}

RecordStyle style_of_file(std::string_view text) {
  return {yaml::schema_hint_size(text) > 0, hint_folder(text)};
}

RecordStyle style_for_file(const std::optional<RecordStyle>& programme, std::string_view text) {
  RecordStyle style = programme.value_or(RecordStyle{});
  if (!programme) style.schema_hint = yaml::schema_hint_size(text) > 0;
  if (style.schema_hint) style.schema_dir = hint_folder(text);
  return style;
}

// A record file's bytes, or the reason it is not read at all: a link, a
// device or pipe (whose reading may never end), or a size no record has.
static std::optional<std::string> read_record_file(const ProgrammeDir& dir,
                                                   const std::string& relative,
                                                   Findings& findings) {
  auto file = fs::read_regular_file(dir.absolute(relative), yaml::kMaxFileSize);
  using Refused = fs::RegularFile::Refused;
  switch (file.refused) {
    case Refused::kNo:
      return std::move(file.content);
    case Refused::kLink:
      findings.error(dir.shown(relative), {},
                     tr("is a symbolic link; records must be regular files"));
      break;
    case Refused::kNotRegular:
      findings.error(dir.shown(relative), {}, tr("is not a regular file"));
      break;
    case Refused::kTooLarge:
      findings.error(dir.shown(relative), {},
                     msg("file is larger than {} bytes", yaml::kMaxFileSize));
      break;
  }
  return std::nullopt;
}

template <class R>
LoadedFile<R> load_file(const ProgrammeDir& dir, const std::string& relative, Findings& findings) {
  auto text = read_record_file(dir, relative, findings);
  if (!text) return {relative, {}, std::nullopt};
  LoadedFile<R> file{relative, std::move(*text), std::nullopt};
  Findings local;
  // A record with a bad field still takes part in the rules across records.
  file.stored = read_record_text<R>(file.text, dir.shown(relative), local);
  file.clean = file.stored && !local.has_errors();
  findings.append(local);
  return file;
}

template <class R>
std::optional<Stored<R>> read_record_text(std::string_view text, const std::string& shown,
                                          Findings& findings) {
  if (text.size() > yaml::kMaxFileSize) {
    findings.error(shown, {1, 1},
                   msg("the record would take {} bytes, more than the {} a record file may hold",
                       text.size(), yaml::kMaxFileSize));
    return std::nullopt;
  }
  Findings local;
  yaml::Node root = yaml::parse(text, shown, local);
  std::optional<Stored<R>> stored;
  if (!local.has_errors()) {
    stored.emplace();
    stored->record = decode_record<R>(root, shown, local, stored->origin);
  }
  findings.append(local);
  return stored;
}

// The canonical-form warning, for files read without errors only.
// style: the programme's, or none when its settings could not be read (the
// file's own hint is then taken as it is).
template <class R>
static void warn_if_not_canonical(const ProgrammeDir& dir, const LoadedFile<R>& file,
                                  Findings& findings, std::optional<RecordStyle> style) {
  if (!file.clean) return;
  if (canonical_text(file.stored->record, style_for_file(style, file.text)) == file.text) return;
  // fmt leaves a file with comments alone unless told to drop them.
  if (yaml::has_comments(file.text))
    findings.warning(dir.shown(file.path), {},
                     tr("not in canonical form (run 'inovasi fmt --strip-comments', which drops "
                        "its comments)"));
  else
    findings.warning(dir.shown(file.path), {}, tr("not in canonical form (run 'inovasi fmt')"));
}

// Every file of a folder, read and decoded on all cores (or taken from the
// cache when unchanged); the records and findings are then taken in file
// order, so the outcome is the same for any number of threads.
// A folder's record files in the order of the ids their names give
// ("ideas/a.yaml" is "a", "reports/c/2018-Q1.yaml" is "c/2018-Q1"), so that
// records whose ids match their names need no sorting after; with what
// listing them found.
struct Listing {
  std::vector<std::string> files;
  Findings findings;
};

template <class R>
static Listing list_in_id_order(const ProgrammeDir& dir) {
  Listing listing;
  listing.files = list_files_of<R>(dir, listing.findings);
  auto id_of = [skip = std::string_view(R::kFolder).size() + 1](std::string_view path) {
    return path.substr(skip, path.size() - skip - std::string_view(".yaml").size());
  };
  std::sort(listing.files.begin(), listing.files.end(),
            [&](const std::string& a, const std::string& b) { return id_of(a) < id_of(b); });
  return listing;
}

template <class R>
static void load_folder(const ProgrammeDir& dir, Listing listing, Records& records,
                        Findings& findings, LoadOptions options, RecordCache* cache,
                        std::optional<RecordStyle> style, progress::Task& task) {
  findings.append(listing.findings);
  const std::vector<std::string>& files = listing.files;
  if (cache) cache->read_folder(R::kFolder);
  // The records go straight to their place (then the gaps of unreadable
  // files close up), so that no second copy of them is ever made.
  std::vector<Stored<R>> loaded(files.size());
  struct Outcome {
    bool loaded = false, cached = false;
    bool fresh = false;  // read from its file, without findings: to cache
    Findings findings;
    std::optional<FileStamp> stamp;
  };
  std::vector<Outcome> outcomes(files.size());
  parallel::for_each_index(files.size(), [&](std::size_t i) {
    struct Counted {
      progress::Task& task;
      ~Counted() { task.advance(); }
    } counted{task};
    Outcome& outcome = outcomes[i];
    if (cache) {
      outcome.stamp = stamp_of(dir.absolute(files[i]));
      if (outcome.stamp)
        if (auto blob = cache->find(files[i], *outcome.stamp)) {
          if (decode_stored(*blob, loaded[i])) {
            loaded[i].origin.path = dir.shown(files[i]);
            outcome.loaded = outcome.cached = true;
            return;
          }
          loaded[i] = {};
        }
    }
    auto file = load_file<R>(dir, files[i], outcome.findings);
    if (!file.stored) return;
    if (options.canonical_warnings) warn_if_not_canonical(dir, file, outcome.findings, style);
    outcome.fresh = cache && outcome.stamp && file.clean && outcome.findings.empty();
    loaded[i] = std::move(*file.stored);
    outcome.loaded = true;
  });
  std::size_t kept = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    Outcome& outcome = outcomes[i];
    findings.append(outcome.findings);
    if (outcome.cached)
      cache->keep(files[i]);
    else if (outcome.fresh)
      cache->put(files[i], *outcome.stamp);
    if (!outcome.loaded) continue;
    if (kept != i) loaded[kept] = std::move(loaded[i]);
    ++kept;
  }
  loaded.resize(kept);
  auto& all = records.all<R>();
  if (all.empty())
    all = std::move(loaded);
  else
    all.insert(all.end(), std::make_move_iterator(loaded.begin()),
               std::make_move_iterator(loaded.end()));
}

Records load_records(const ProgrammeDir& dir, Findings& findings, LoadOptions options) {
  complete_interrupted_change(dir);
  Records records;
  auto programme = load_file<Programme>(dir, kProgrammeFile, findings);
  std::optional<RecordStyle> style;
  if (programme.clean) style = RecordStyle::of(programme.stored->record);
  if (programme.stored) {
    if (options.canonical_warnings) warn_if_not_canonical(dir, programme, findings, style);
    records.programme = std::move(programme.stored);
  }
  std::optional<RecordCache> cache;
  if (options.cache != LoadOptions::Cache::kOff && record_cache_enabled())
    cache = RecordCache::open(dir);
  RecordCache* c = cache ? &*cache : nullptr;
  // Every folder listed first, so that the progress shown knows the total.
  Listing units = list_in_id_order<Unit>(dir), ideas = list_in_id_order<Idea>(dir),
          contracts = list_in_id_order<Contract>(dir), reports = list_in_id_order<Report>(dir),
          regulations = list_in_id_order<Regulation>(dir);
  progress::Task task(tr("reading records"), units.files.size() + ideas.files.size() +
                                                 contracts.files.size() + reports.files.size() +
                                                 regulations.files.size());
  load_folder<Unit>(dir, std::move(units), records, findings, options, c, style, task);
  load_folder<Idea>(dir, std::move(ideas), records, findings, options, c, style, task);
  load_folder<Contract>(dir, std::move(contracts), records, findings, options, c, style, task);
  load_folder<Report>(dir, std::move(reports), records, findings, options, c, style, task);
  load_folder<Regulation>(dir, std::move(regulations), records, findings, options, c, style, task);
  // Records with errors stop most commands: a refused command writes nothing.
  if (cache && options.cache == LoadOptions::Cache::kReadWrite && !findings.has_errors())
    cache->save(dir, records);
  records.sort();
  return records;
}

#define INOVASI_INSTANTIATE(R)                                                                \
  template LoadedFile<R> load_file<R>(const ProgrammeDir&, const std::string&, Findings&);    \
  template std::optional<Stored<R>> read_record_text<R>(std::string_view, const std::string&, \
                                                        Findings&);                           \
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
// Whoever takes the lock first finishes what a killed command left undone.
static std::unique_ptr<fs::Lock> lock(const ProgrammeDir& dir) {
  if (symlink_on_path(dir, kLockFile))
    throw IoError(msg("{}: is a symbolic link; refusing to follow it", dir.shown(kLockFile)));
  auto held = std::make_unique<fs::Lock>(dir.absolute(kLockFile), 30);
  std::vector<stdfs::path> left_alone;
  if (std::size_t done = fs::complete_journal(dir.absolute(kJournalFile), dir.root(), &left_alone))
    std::cerr << "inovasi: "
              << msg("finished a change that an interrupted command left half done ({} files)",
                     done)
              << "\n";
  for (const auto& path : left_alone)
    std::cerr << "inovasi: "
              << msg("{}: changed since the interrupted command read it; left alone",
                     dir.shown(path.lexically_relative(dir.root()).string()))
              << "\n";
  return held;
}

std::optional<std::string> comments_would_be_lost(const ProgrammeDir& dir,
                                                  const std::string& relative) {
  auto text = fs::read_file_if_exists(dir.absolute(relative));
  if (!text) return std::nullopt;
  return comments_would_be_lost(dir, relative, *text);
}

std::optional<std::string> comments_would_be_lost(const ProgrammeDir& dir,
                                                  const std::string& relative,
                                                  std::string_view text) {
  if (!yaml::has_comments(text)) return std::nullopt;
  return msg(
      "{} has comments, which changing it would lose; move them into a field or remove them "
      "('inovasi edit' or 'inovasi fmt --strip-comments') first",
      dir.shown(relative));
}

void complete_interrupted_change(const ProgrammeDir& dir) {
  std::error_code ec;
  if (stdfs::exists(dir.absolute(kJournalFile), ec)) lock(dir);
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
    throw InvalidInput(msg("{}: refusing to write outside the programme directory", relative));
  staged_.emplace_back(relative, std::move(content));
}

void Transaction::remove(const std::string& relative) {
  if (!is_inside(relative))
    throw InvalidInput(msg("{}: refusing to write outside the programme directory", relative));
  removed_.push_back(relative);
}

void Transaction::remove_folder_if_empty(const std::string& relative) {
  if (!is_inside(relative))
    throw InvalidInput(msg("{}: refusing to write outside the programme directory", relative));
  folders_.push_back(relative);
}

void Transaction::read_as(const std::string& relative, std::optional<std::string> bytes) {
  read_[relative] = std::move(bytes);
}

std::vector<std::string> record_problems(const std::string& relative, std::string_view content) {
  std::vector<std::string> problems;
  visit_record_path(relative, [&](auto type) {
    using R = typename decltype(type)::type;
    Findings findings;
    std::optional<Stored<R>> stored = read_record_text<R>(content, relative, findings);
    if (stored && !findings.has_errors()) check_record_alone(*stored, findings);
    for (const auto& f : findings.items())
      if (f.severity == Severity::kError) problems.push_back(f.message);
    if (problems.empty() &&
        (!stored || canonical_text(stored->record, style_of_file(content)) != content))
      problems.push_back(tr("read back, it would not be the record it was written from"));
  });
  return problems;
}

std::optional<std::string> unwritable_record(const std::string& relative,
                                             std::string_view content) {
  std::vector<std::string> problems = record_problems(relative, content);
  if (problems.empty()) return std::nullopt;
  return problems.front();
}

std::vector<std::string> Transaction::commit(OnChanged on_changed) {
  // What is about to be written is read back first: bytes that would not
  // give their record again (a bug, or text no reader keeps) are never
  // written, nor is a record that breaks a rule it keeps on its own.
  for (const auto& [relative, content] : staged_)
    if (auto why = unwritable_record(relative, content))
      throw InvalidInput(msg("{}: not written, as the bytes to be written are wrong: {}",
                             dir_.shown(relative), *why));
  // Every path first, so that a refusal leaves no folder created either.
  // A batch writes thousands of files into a few folders: each folder's
  // steps are looked at once, then each file itself.
  std::set<std::string> folders;
  std::vector<std::string> paths;
  for (const auto& [relative, content] : staged_) paths.push_back(relative);
  paths.insert(paths.end(), removed_.begin(), removed_.end());
  for (const auto& relative : paths) {
    auto slash = relative.rfind('/');
    bool link = false;
    if (slash != std::string::npos && folders.insert(relative.substr(0, slash)).second)
      link = symlink_on_path(dir_, relative.substr(0, slash)).has_value();
    std::error_code ec;
    link = link || stdfs::is_symlink(stdfs::symlink_status(dir_.absolute(relative), ec));
    if (link)
      throw IoError(
          msg("{}: is a symbolic link; refusing to write through it", dir_.shown(relative)));
  }
  for (const auto& folder : folders) {
    std::error_code ec;
    stdfs::create_directories(dir_.absolute(folder), ec);
    if (ec)
      throw IoError(
          msg("{}: cannot create folder: {}", dir_.absolute(folder).string(), fs::reason(ec)));
  }
  fs::AtomicBatch batch;
  std::vector<std::string> written;
  progress::Task task(tr("writing records"), staged_.size());
  for (const auto& [relative, content] : staged_) {
    task.advance();
    stdfs::path target = dir_.absolute(relative);
    auto existing = fs::read_file_if_exists(target);
    if (existing && *existing == content) continue;
    batch.add(target, content);
    written.push_back(relative);
  }
  for (const auto& relative : removed_) {
    std::error_code ec;
    if (!stdfs::exists(stdfs::symlink_status(dir_.absolute(relative), ec))) continue;
    batch.remove(dir_.absolute(relative));
    written.push_back(relative);
  }
  for (const auto& relative : folders_) batch.remove_folder_if_empty(dir_.absolute(relative));
  // Just before the renames, each file read earlier must still be what was
  // read: an editor may have saved it meanwhile, and that edit must stay.
  for (const auto& [relative, bytes] : read_) batch.expect(dir_.absolute(relative), bytes);
  auto relative_of = [this](const stdfs::path& target) {
    return target.lexically_relative(dir_.root()).string();
  };
  batch.on_changed([&](const stdfs::path& target) {
    std::string relative = relative_of(target);
    if (on_changed == OnChanged::kRefuseAll)
      throw InvalidInput(
          msg("{}: changed since it was read; nothing was written, run the "
              "command again",
              dir_.shown(relative)));
    skipped_.push_back(msg("{}: changed since it was read; left alone", dir_.shown(relative)));
    std::erase(written, relative);
  });
  if (batch.size() > 1 || (batch.size() == 1 && !folders_.empty()))
    batch.commit_journaled(dir_.absolute(kJournalFile), dir_.root());
  else
    batch.commit();
  // Saved in the very moment before its rename: left alone all the same.
  std::vector<std::string> late;
  for (const auto& target : batch.left_alone()) {
    std::string relative = relative_of(target);
    std::erase(written, relative);
    skipped_.push_back(msg("{}: changed since it was read; left alone", dir_.shown(relative)));
    late.push_back(dir_.shown(relative));
  }
  if (!late.empty() && on_changed == OnChanged::kRefuseAll)
    throw InvalidInput(
        written.empty()
            ? msg("{}: changed since it was read; nothing was written, run the command again",
                  text::join(late, ", "))
            : msg("{}: left alone, as a file changed since it was read; the rest was written",
                  text::join(late, ", ")));
  staged_.clear();
  removed_.clear();
  folders_.clear();
  read_.clear();
  return written;
}

}  // namespace inovasi
