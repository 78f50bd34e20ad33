// File-system primitives with the safety the records need: whole-file reads,
// an exclusive directory lock, and batches of atomic replacements.
#pragma once
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace inovasi::fs {

namespace stdfs = std::filesystem;

// The system's reason for a failure, for a message: strerror's English, or
// in Indonesian for the reasons people meet (no such file, permission
// denied, a full or read-only disk, ...). An error_code of another category
// gives its own message.
std::string reason(int error);
std::string reason(const std::error_code& error);

// Reads a whole file; throws IoError naming the path and the system's reason.
std::string read_file(const stdfs::path& path);
// Same, but nothing (no error) when the file does not exist.
std::optional<std::string> read_file_if_exists(const stdfs::path& path);

// An input the user named (a CSV file, a pipe, a text given as @FILE) or
// standard input (fd 0 with the name "-"), read whole up to max_size bytes;
// more throws InvalidInput naming it, so that /dev/zero or a runaway pipe
// cannot take all the memory. Throws IoError when it cannot be read.
std::string read_input_bounded(const std::string& path, std::size_t max_size);

// A record file read in one pass: opened without following a symbolic link
// and without waiting on a named pipe, then read only when it is a regular
// file of at most max_size bytes. Throws IoError when it cannot be read.
struct RegularFile {
  enum class Refused { kNo, kLink, kNotRegular, kTooLarge };
  Refused refused = Refused::kNo;
  std::string content;
};
RegularFile read_regular_file(const stdfs::path& path, std::size_t max_size);

// Removes the temporary files (".NAME.tmp.PID.N") that processes no longer
// running left in a folder. Best effort: a failure here loses nothing.
void remove_stale_temporaries(const stdfs::path& folder);

// Holds an exclusive flock on a file for its lifetime. The kernel drops it
// when the process dies, so a killed command never leaves a stale lock.
class Lock {
 public:
  Lock(const stdfs::path& path, int timeout_seconds);
  ~Lock();
  Lock(const Lock&) = delete;
  Lock& operator=(const Lock&) = delete;

 private:
  int fd_ = -1;
};

// Replaces many files at once: every new content goes to a temporary file in
// the target's folder (".NAME.tmp.PID.N", hidden), all are flushed to disk
// together, then each is renamed over its target. An interruption leaves each
// file either old or new; a failure before the renames leaves every file old.
// A commit also removes the temporary files that dead processes left in the
// folders it wrote to.
// A file replaced keeps its mode; a new one gets the mode the umask leaves.
class AtomicBatch {
 public:
  AtomicBatch() = default;
  ~AtomicBatch();  // removes temporary files that were not committed
  AtomicBatch(const AtomicBatch&) = delete;
  AtomicBatch& operator=(const AtomicBatch&) = delete;

  // kFlushed: on disk before any rename (records). kCached: renamed without
  // waiting for the disk, for files that are only ever a copy (the cache).
  enum class Durability { kFlushed, kCached };

  void add(const stdfs::path& target, const std::string& content);
  // The same for content made piece by piece: `produce` is handed a function
  // that appends to the file, so that the content is never held whole.
  using Writer = std::function<void(std::string_view)>;
  void add_written(const stdfs::path& target, const std::function<void(const Writer&)>& produce);
  // A file the commit removes, and a folder it removes if that leaves it empty.
  void remove(const stdfs::path& target);
  void remove_folder_if_empty(const stdfs::path& folder);
  void commit(Durability durability = Durability::kFlushed);
  // A commit that is all or nothing across its files, even when the process
  // is killed: once every new content is on disk, the renames and removals
  // are written to `journal` (paths relative to `base`) before the first of
  // them, and the journal is removed after the last. A journal left behind
  // is finished by complete_journal.
  void commit_journaled(const stdfs::path& journal, const stdfs::path& base);
  // How many files the commit would change (write or remove).
  std::size_t size() const { return pending_.size() + removals_.size(); }
  // What `target` must still hold for the commit to replace or remove it:
  // the bytes the command read (nothing: it did not exist). The commit
  // looks once the new contents are on disk, just before the renames, and
  // a journal keeps a digest of them, so that finishing a killed commit
  // looks again: a file an editor saved meanwhile is never overwritten.
  void expect(const stdfs::path& target, const std::optional<std::string>& bytes);
  // Called for each target that no longer holds what was expected, which
  // the commit then leaves as it is; it may throw to stop the commit.
  void on_changed(std::function<void(const stdfs::path& target)> f) { changed_ = std::move(f); }
  // The targets the commit left alone, in the moment between its last look
  // and their renames, for not holding what was expected.
  const std::vector<stdfs::path>& left_alone() const { return left_alone_; }

 private:
  struct Pending {
    stdfs::path target;
    stdfs::path temporary;
  };
  void flush();
  void leave_changed();
  std::string expected(const stdfs::path& target) const;
  std::function<void(const stdfs::path&)> changed_;
  std::map<stdfs::path, std::string> expected_;  // target: digest of its bytes
  std::vector<stdfs::path> left_alone_;
  std::vector<Pending> pending_;
  std::vector<stdfs::path> removals_;
  std::vector<stdfs::path> folders_;  // removed when left empty
};

// Carries out the rest of a journaled commit that a killed (or failed)
// command left in `journal`, then removes the journal. Returns how many
// files it renamed or removed; 0, and nothing done, when there is no journal.
// A file that no longer holds what the commit expected (see expect) is left
// as it is and added to left_alone.
std::size_t complete_journal(const stdfs::path& journal, const stdfs::path& base,
                             std::vector<stdfs::path>* left_alone = nullptr);

}  // namespace inovasi::fs
