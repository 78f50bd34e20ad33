// File-system primitives with the safety the records need: whole-file reads,
// an exclusive directory lock, and batches of atomic replacements.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace inovasi::fs {

namespace stdfs = std::filesystem;

// Reads a whole file; throws IoError naming the path and the system's reason.
std::string read_file(const stdfs::path& path);
// Same, but nothing (no error) when the file does not exist.
std::optional<std::string> read_file_if_exists(const stdfs::path& path);

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
class AtomicBatch {
 public:
  AtomicBatch() = default;
  ~AtomicBatch();  // removes temporary files that were not committed
  AtomicBatch(const AtomicBatch&) = delete;
  AtomicBatch& operator=(const AtomicBatch&) = delete;

  void add(const stdfs::path& target, const std::string& content);
  void commit();

 private:
  struct Pending {
    stdfs::path target;
    stdfs::path temporary;
  };
  std::vector<Pending> pending_;
};

}  // namespace inovasi::fs
