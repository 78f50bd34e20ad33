#include "inovasi/util/fs.h"

#include <fcntl.h>
#include <fmt/core.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <string_view>
#include <thread>

#include "inovasi/util/error.h"
#include "inovasi/util/messages.h"

namespace inovasi::fs {

std::string reason(int error) {
  static constexpr std::pair<int, const char*> kKnown[] = {
      {ENOENT, tr_noop("No such file or directory")},
      {EACCES, tr_noop("Permission denied")},
      {EPERM, tr_noop("Operation not permitted")},
      {ENOSPC, tr_noop("No space left on device")},
      {EDQUOT, tr_noop("Disk quota exceeded")},
      {EROFS, tr_noop("Read-only file system")},
      {EISDIR, tr_noop("Is a directory")},
      {ENOTDIR, tr_noop("Not a directory")},
      {EEXIST, tr_noop("File exists")},
      {ENOTEMPTY, tr_noop("Directory not empty")},
      {EIO, tr_noop("Input/output error")},
      {ENAMETOOLONG, tr_noop("File name too long")},
      {ELOOP, tr_noop("Too many levels of symbolic links")},
      {EFBIG, tr_noop("File too large")},
  };
  if (message_language() != MessageLanguage::kEnglish)
    for (const auto& [number, text] : kKnown)
      if (number == error) return tr(text);
  return std::strerror(error);
}

std::string reason(const std::error_code& error) {
  if (error.category() == std::generic_category() || error.category() == std::system_category())
    return reason(error.value());
  return error.message();
}

// what: marked tr_noop.
static IoError io_error(const stdfs::path& path, const char* what, int error) {
  return IoError(fmt::format("{}: {}: {}", path.string(), tr(what), reason(error)));
}

std::optional<std::string> read_file_if_exists(const stdfs::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return std::nullopt;
    throw io_error(path, tr_noop("cannot open"), errno);
  }
  std::string content;
  char buffer[65536];
  while (true) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      int error = errno;
      ::close(fd);
      throw io_error(path, tr_noop("cannot read"), error);
    }
    if (n == 0) break;
    content.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return content;
}

std::string read_input_bounded(const std::string& path, std::size_t max_size) {
  const bool standard_input = path == "-";
  int fd = standard_input ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw io_error(path, tr_noop("cannot open"), errno);
  std::string content;
  // A file's size is known: its text is held through a whole import, and
  // growing by doubling could leave it twice as large as it needs.
  struct stat info {};
  if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0 &&
      static_cast<std::size_t>(info.st_size) <= max_size)
    content.reserve(static_cast<std::size_t>(info.st_size));
  char buffer[65536];
  while (true) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int error = errno;
      if (!standard_input) ::close(fd);
      throw io_error(standard_input ? tr("standard input") : path, tr_noop("cannot read"), error);
    }
    if (n == 0) break;
    if (content.size() + static_cast<std::size_t>(n) > max_size) {
      if (!standard_input) ::close(fd);
      throw InvalidInput(msg("{}: larger than {} MiB, the most an input may hold; split it",
                             standard_input ? tr("standard input") : path, max_size >> 20));
    }
    content.append(buffer, static_cast<std::size_t>(n));
  }
  if (!standard_input) ::close(fd);
  content.shrink_to_fit();
  return content;
}

std::string read_file(const stdfs::path& path) {
  auto content = read_file_if_exists(path);
  if (!content) throw io_error(path, tr_noop("cannot open"), ENOENT);
  return *content;
}

RegularFile read_regular_file(const stdfs::path& path, std::size_t max_size) {
  RegularFile file;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (fd < 0) {
    if (errno == ELOOP) {
      file.refused = RegularFile::Refused::kLink;
      return file;
    }
    throw io_error(path, tr_noop("cannot open"), errno);
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    int error = errno;
    ::close(fd);
    throw io_error(path, tr_noop("cannot read"), error);
  }
  if (!S_ISREG(st.st_mode))
    file.refused = RegularFile::Refused::kNotRegular;
  else if (static_cast<std::size_t>(st.st_size) > max_size)
    file.refused = RegularFile::Refused::kTooLarge;
  if (file.refused != RegularFile::Refused::kNo) {
    ::close(fd);
    return file;
  }
  // One read for the whole file, and one more byte: a read that returns less
  // than asked from a regular file has reached its end. A file that grew
  // since fstat is read on, up to one byte past the limit.
  std::size_t want = static_cast<std::size_t>(st.st_size) + 1;
  file.content.resize(want);
  std::size_t have = 0;
  while (true) {
    ssize_t n = ::read(fd, file.content.data() + have, want - have);
    if (n < 0) {
      if (errno == EINTR) continue;
      int error = errno;
      ::close(fd);
      throw io_error(path, tr_noop("cannot read"), error);
    }
    have += static_cast<std::size_t>(n);
    if (n == 0 || have < want) break;
    if (have > max_size) {
      file.refused = RegularFile::Refused::kTooLarge;
      break;
    }
    want = std::min(have * 2, max_size + 1);
    file.content.resize(want);
  }
  ::close(fd);
  file.content.resize(have);
  if (file.refused != RegularFile::Refused::kNo) file.content.clear();
  return file;
}

Lock::Lock(const stdfs::path& path, int timeout_seconds) {
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd_ < 0) throw io_error(path, tr_noop("cannot open lock file"), errno);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      int error = errno;
      ::close(fd_);
      throw io_error(path, tr_noop("cannot lock"), error);
    }
    if (std::chrono::steady_clock::now() > deadline) {
      ::close(fd_);
      throw IoError(msg("{}: another inovasi command has held the lock for {} s; try again",
                        path.string(), timeout_seconds));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

Lock::~Lock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

AtomicBatch::~AtomicBatch() {
  for (const auto& p : pending_) ::unlink(p.temporary.c_str());
}

static void write_all(int fd, std::string_view content, const stdfs::path& path) {
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw io_error(path, tr_noop("cannot write"), errno);
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
}

void AtomicBatch::add(const stdfs::path& target, const std::string& content) {
  add_written(target, [&](const Writer& write) { write(content); });
}

void AtomicBatch::add_written(const stdfs::path& target,
                              const std::function<void(const Writer&)>& produce) {
  // Hidden, so that readers listing *.yaml never pick it up. A killed command
  // may have left one of the same name (its pid since reused): take the next.
  static unsigned counter = 0;
  stdfs::path temporary;
  int fd = -1;
  for (int attempt = 0; fd < 0; ++attempt) {
    temporary = target.parent_path() /
                fmt::format(".{}.tmp.{}.{}", target.filename().string(), ::getpid(), counter++);
    // 0666: a new file gets the mode the umask leaves, as with any editor.
    fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && (errno != EEXIST || attempt == 1000))
      throw io_error(target, tr_noop("cannot create temporary file"), errno);
  }
  pending_.push_back({target, temporary});
  try {
    // A file replaced keeps its mode: a record made 0600 is not left
    // readable by everyone once rewritten.
    struct stat existing;
    if (::stat(target.c_str(), &existing) == 0 && S_ISREG(existing.st_mode) &&
        ::fchmod(fd, existing.st_mode & 07777) != 0)
      throw io_error(target, tr_noop("cannot write"), errno);
    produce([&](std::string_view piece) { write_all(fd, piece, target); });
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (::close(fd) != 0) throw io_error(target, tr_noop("cannot write"), errno);
}

// The pid in a temporary file's name, ".NAME.tmp.PID.N"; 0 when the name is
// not one of ours.
static pid_t temporary_owner(const std::string& name) {
  auto digits = [](std::string_view s) {
    return !s.empty() && s.size() <= 9 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  std::string_view rest = name;
  auto last = rest.rfind('.');
  if (last == std::string_view::npos || !digits(rest.substr(last + 1))) return 0;
  rest = rest.substr(0, last);
  auto before = rest.rfind('.');
  if (before == std::string_view::npos || !digits(rest.substr(before + 1))) return 0;
  std::string_view pid = rest.substr(before + 1);
  rest = rest.substr(0, before);
  if (rest.size() < 6 || rest.front() != '.' || !rest.ends_with(".tmp")) return 0;
  return static_cast<pid_t>(std::stol(std::string(pid)));
}

// Removes the temporary files that commands killed before their commit left
// in a folder. Only those of processes that no longer exist: a live one may
// still be writing. Best effort, as a failure here loses nothing.
void remove_stale_temporaries(const stdfs::path& folder) {
  std::error_code ec;
  for (stdfs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    pid_t owner = temporary_owner(it->path().filename().string());
    if (owner <= 0 || owner == ::getpid()) continue;
    if (::kill(owner, 0) == 0 || errno != ESRCH) continue;
    std::error_code ignored;
    if (it->is_regular_file(ignored)) ::unlink(it->path().c_str());
  }
}

void AtomicBatch::remove(const stdfs::path& target) {
  removals_.push_back(target);
}

void AtomicBatch::remove_folder_if_empty(const stdfs::path& folder) {
  folders_.push_back(folder);
}

namespace {

void sync_folder(const stdfs::path& folder) {
  int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

}  // namespace

// A file's bytes as the journal records them: a 64-bit FNV-1a digest in
// hex, or "-" for a file that does not exist.
static std::string digest(const std::optional<std::string>& bytes) {
  if (!bytes) return "-";
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : *bytes) hash = (hash ^ c) * 0x100000001b3ULL;
  return fmt::format("{:016x}", hash);
}

// Whether target holds what its digest says (an empty digest: anything).
static bool still(const stdfs::path& target, const std::string& expected) {
  return expected.empty() || digest(read_file_if_exists(target)) == expected;
}

namespace {

// One step of a commit once the new contents are on disk: rename `from`
// over `to`, remove the file `to`, or remove the folder `to` if empty.
struct Step {
  enum Kind : char { kRename = 'R', kRemove = 'D', kFolder = 'F' };
  Kind kind;
  stdfs::path from, to;
  std::string expected = {};  // the digest `to` must hold, or empty
};

// Carries the steps out. Resuming a journal, a rename whose temporary file
// is gone was done before the interruption. Returns how many files changed.
// A file that no longer holds what the commit expected (an editor saved it
// after the commit last looked) is left as it is, in left_alone: each is
// looked at just before its own rename.
std::size_t carry_out(const std::vector<Step>& steps, bool durable, bool resuming,
                      std::vector<stdfs::path>* left_alone) {
  std::set<stdfs::path> folders;
  std::size_t changed = 0;
  // A file is removed only when every file of the commit was written: the
  // removal may be the other half of a rename (mv), and a record must never
  // be left with neither its old file nor its new one.
  bool renames_left = false;
  for (const auto& step : steps) {
    folders.insert(step.to.parent_path());
    bool removal_held = step.kind == Step::kRemove && renames_left;
    if (removal_held || !still(step.to, step.expected)) {
      bool pending = step.kind == Step::kRename && ::access(step.from.c_str(), F_OK) == 0;
      if (pending) ::unlink(step.from.c_str());
      renames_left = renames_left || pending;
      if (left_alone && (pending || (step.kind == Step::kRemove && stdfs::exists(step.to))))
        left_alone->push_back(step.to);
      continue;
    }
    switch (step.kind) {
      case Step::kRename:
        if (::rename(step.from.c_str(), step.to.c_str()) == 0) {
          ++changed;
        } else if (!(resuming && errno == ENOENT)) {
          throw io_error(step.to, tr_noop("cannot replace"), errno);
        }
        break;
      case Step::kRemove:
        if (::unlink(step.to.c_str()) == 0)
          ++changed;
        else if (errno != ENOENT)
          throw io_error(step.to, tr_noop("cannot remove"), errno);
        break;
      case Step::kFolder:
        // Left alone when something else is in it.
        ::rmdir(step.to.c_str());
        break;
    }
  }
  for (const auto& folder : folders) {
    if (durable) sync_folder(folder);
    remove_stale_temporaries(folder);
  }
  return changed;
}

// Version 2 adds the digest of what each file must still hold ("\t=...");
// a journal of version 1, from an older inovasi, is finished as it is.
constexpr std::string_view kJournalHeader = "inovasi journal 2\n";
constexpr std::string_view kJournalHeaderV1 = "inovasi journal 1\n";
constexpr std::string_view kJournalEnd = "end\n";

}  // namespace

void AtomicBatch::expect(const stdfs::path& target, const std::optional<std::string>& bytes) {
  expected_[target] = digest(bytes);
}

std::string AtomicBatch::expected(const stdfs::path& target) const {
  auto it = expected_.find(target);
  return it == expected_.end() ? std::string() : it->second;
}

void AtomicBatch::leave_changed() {
  auto changed = [this](const stdfs::path& target) {
    if (still(target, expected(target))) return false;
    if (changed_) changed_(target);
    return true;
  };
  std::erase_if(removals_, changed);
  std::erase_if(pending_, [&](const Pending& p) {
    if (!changed(p.target)) return false;
    ::unlink(p.temporary.c_str());
    return true;
  });
}

void AtomicBatch::commit(Durability durability) {
  if (size() == 0) return;
  if (durability == Durability::kFlushed && !pending_.empty()) flush();
  leave_changed();
  std::vector<Step> steps;
  for (const auto& p : pending_)
    steps.push_back({Step::kRename, p.temporary, p.target, expected(p.target)});
  for (const auto& r : removals_) steps.push_back({Step::kRemove, {}, r, expected(r)});
  for (const auto& f : folders_) steps.push_back({Step::kFolder, {}, f});
  // On a failure the destructor removes the temporary files not renamed.
  carry_out(steps, durability == Durability::kFlushed, false, &left_alone_);
  pending_.clear();
  removals_.clear();
  folders_.clear();
}

void AtomicBatch::commit_journaled(const stdfs::path& journal, const stdfs::path& base) {
  if (size() == 0) return;
  if (!pending_.empty()) flush();
  leave_changed();
  std::vector<Step> steps;
  for (const auto& p : pending_)
    steps.push_back({Step::kRename, p.temporary, p.target, expected(p.target)});
  for (const auto& r : removals_) steps.push_back({Step::kRemove, {}, r, expected(r)});
  for (const auto& f : folders_) steps.push_back({Step::kFolder, {}, f});
  // Relative paths, so that a programme directory moved or mounted elsewhere
  // before the next command still finds its files; then the digest of what
  // the target must still hold, after '='.
  std::string text(kJournalHeader);
  for (const auto& step : steps) {
    std::string line = std::string(1, static_cast<char>(step.kind));
    for (const auto* path : {&step.from, &step.to}) {
      if (path->empty()) continue;
      std::string relative = path->lexically_relative(base).string();
      if (relative.empty() || relative.find_first_of("\t\n") != std::string::npos)
        throw io_error(*path, tr_noop("cannot record in the journal"), EINVAL);
      line += "\t" + relative;
    }
    if (!step.expected.empty()) line += "\t=" + step.expected;
    text += line + "\n";
  }
  text += kJournalEnd;
  // A folder made for the journal alone is removed with it.
  std::error_code ec;
  bool made_folder = stdfs::create_directories(journal.parent_path(), ec);
  AtomicBatch record;
  record.add(journal, text);
  record.commit();
  // From here the temporary files belong to the journal: a failure leaves
  // them for complete_journal, not for the destructor to remove.
  pending_.clear();
  removals_.clear();
  folders_.clear();
  carry_out(steps, true, false, &left_alone_);
  if (::unlink(journal.c_str()) != 0) throw io_error(journal, tr_noop("cannot remove"), errno);
  if (made_folder) ::rmdir(journal.parent_path().c_str());
  sync_folder(journal.parent_path().parent_path());
}

std::size_t complete_journal(const stdfs::path& journal, const stdfs::path& base,
                             std::vector<stdfs::path>* left_alone) {
  std::optional<std::string> text = read_file_if_exists(journal);
  if (!text) return 0;
  std::vector<Step> steps;
  std::string_view rest = *text;
  bool whole = (rest.starts_with(kJournalHeader) || rest.starts_with(kJournalHeaderV1)) &&
               rest.ends_with(kJournalEnd);
  if (whole)
    rest = rest.substr(kJournalHeader.size(),
                       rest.size() - kJournalHeader.size() - kJournalEnd.size());
  while (whole && !rest.empty()) {
    std::string_view line = rest.substr(0, rest.find('\n'));
    rest.remove_prefix(std::min(rest.size(), line.size() + 1));
    std::vector<stdfs::path> paths;
    std::string expected;
    for (std::size_t at = 1; at < line.size() && line[at] == '\t';) {
      std::size_t end = std::min(line.find('\t', at + 1), line.size());
      std::string_view field = line.substr(at + 1, end - at - 1);
      if (field.starts_with('=')) {
        expected = field.substr(1);
        whole = whole && end == line.size() && !expected.empty();
        break;
      }
      stdfs::path relative{std::string(field)};
      whole = whole && relative.is_relative() && !relative.empty() &&
              std::none_of(relative.begin(), relative.end(),
                           [](const stdfs::path& part) { return part == ".."; });
      paths.push_back(base / relative);
      at = end;
    }
    char kind = line.empty() ? 0 : line[0];
    if (kind == Step::kRename && paths.size() == 2)
      steps.push_back({Step::kRename, paths[0], paths[1], expected});
    else if ((kind == Step::kRemove || kind == Step::kFolder) && paths.size() == 1)
      steps.push_back({static_cast<Step::Kind>(kind), {}, paths[0], expected});
    else
      whole = false;
  }
  if (!whole)
    throw io_error(journal, tr_noop("cannot read the journal of an interrupted change"), EINVAL);
  std::size_t changed = carry_out(steps, true, true, left_alone);
  if (::unlink(journal.c_str()) != 0) throw io_error(journal, tr_noop("cannot remove"), errno);
  sync_folder(journal.parent_path());
  return changed;
}

void AtomicBatch::flush() {
  // One flush for the whole batch: syncfs costs far less than an fsync per file.
  int any = ::open(pending_.front().temporary.c_str(), O_RDONLY | O_CLOEXEC);
  if (any < 0) throw io_error(pending_.front().target, tr_noop("cannot reopen"), errno);
  int synced = ::syncfs(any);
  int sync_error = errno;
  ::close(any);
  if (synced != 0)
    throw io_error(pending_.front().target, tr_noop("cannot flush to disk"), sync_error);
}

}  // namespace inovasi::fs
