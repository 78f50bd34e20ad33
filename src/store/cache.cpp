#include "inovasi/store/cache.h"

#include <fcntl.h>
#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <utility>

#include "inovasi/util/fs.h"

namespace inovasi {

namespace {

// The first line of every cache file; the format's number changes with it.
constexpr std::string_view kMagic = "inovasi record cache 2\n";

// FNV-1a over 64-bit words (bytes at the end): enough to tell a damaged or
// cut part of a cache from a whole one. Each step is a bijection of the sum,
// so any one word changed changes it.
std::uint64_t checksum(std::string_view bytes) {
  constexpr std::uint64_t kPrime = 1099511628211ull;
  std::uint64_t h = 14695981039346656037ull;
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, bytes.data() + i, 8);
    h = (h ^ word) * kPrime;
  }
  for (; i < bytes.size(); ++i) h = (h ^ static_cast<unsigned char>(bytes[i])) * kPrime;
  return h;
}

// Numbers of the part headers and checksums: eight bytes, low first.
void put_u64(std::string& out, std::uint64_t n) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>((n >> (8 * i)) & 0xFF);
}
std::uint64_t get_u64(const char* in) {
  std::uint64_t n = 0;
  for (int i = 0; i < 8; ++i)
    n |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[i])) << (8 * i);
  return n;
}

// The largest part written is about kPartSize; one read is refused beyond kPartLimit.
constexpr std::size_t kPartSize = std::size_t{1} << 20;
constexpr std::size_t kPartLimit = std::size_t{1} << 30;

// Folders in the order load_records reads them and a cache holds them.
std::size_t rank(std::string_view folder) {
  constexpr std::string_view kOrder[] = {Unit::kFolder, Idea::kFolder, Contract::kFolder,
                                         Report::kFolder, Regulation::kFolder};
  return static_cast<std::size_t>(std::find(std::begin(kOrder), std::end(kOrder), folder) -
                                  std::begin(kOrder));
}

// Reads exactly size bytes; false at the end of the file or on an error.
bool read_exactly(int fd, char* out, std::size_t size) {
  std::size_t have = 0;
  while (have < size) {
    ssize_t n = ::read(fd, out + have, size - have);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    have += static_cast<std::size_t>(n);
  }
  return true;
}

std::uint64_t nanoseconds(const struct timespec& t) {
  return static_cast<std::uint64_t>(t.tv_sec) * 1000000000ull +
         static_cast<std::uint64_t>(t.tv_nsec);
}

// What a cache must have been written by: this version, these record shapes.
const std::string& identity() {
  static const std::string id = std::string(kMagic) + INOVASI_VERSION + "\n" + records_schema();
  return id;
}

// The shape of a type: nested structures by their fields, the rest by type.
struct SchemaVisitor {
  std::string& out;
  template <class T>
  void operator()(const char* name, const T&, unsigned = 0) {
    out += name;
    out += ':';
    describe<T>();
    out += ';';
  }
  template <class T>
  void describe() {
    if constexpr (IsOptional<T>::value) {
      out += '?';
      describe<typename T::value_type>();
    } else if constexpr (IsMap<T>::value) {
      out += '{';
      describe<typename T::key_type>();
      out += '>';
      describe<typename T::mapped_type>();
      out += '}';
    } else if constexpr (IsVector<T>::value) {
      out += '[';
      describe<typename T::value_type>();
      out += ']';
    } else if constexpr (is_struct<T>()) {
      out += '(';
      T value{};
      T::fields(value, *this);
      out += ')';
    } else {
      out += typeid(T).name();
    }
  }
};

template <class R>
void schema_of(std::string& out) {
  out += R::kType;
  SchemaVisitor visitor{out};
  visitor.describe<R>();
  out += '\n';
}

}  // namespace

std::string records_schema() {
  std::string out;
  schema_of<Programme>(out);
  schema_of<Unit>(out);
  schema_of<Idea>(out);
  schema_of<Contract>(out);
  schema_of<Report>(out);
  schema_of<Regulation>(out);
  return out;
}

std::optional<FileStamp> stamp_of(const stdfs::path& path) {
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return FileStamp{static_cast<std::uint64_t>(st.st_size), nanoseconds(st.st_mtim),
                   nanoseconds(st.st_ctim), static_cast<std::uint64_t>(st.st_ino)};
}

void BlobWriter::number(std::uint64_t n) {
  // Seven bits a byte, low first; the high bit says more follow.
  while (n >= 0x80) {
    out_ += static_cast<char>((n & 0x7F) | 0x80);
    n >>= 7;
  }
  out_ += static_cast<char>(n);
}

void BlobWriter::text(std::string_view s) {
  number(s.size());
  out_.append(s);
}

std::uint64_t BlobReader::number() {
  std::uint64_t n = 0;
  for (int shift = 0; ok_; shift += 7) {
    if (at_ >= in_.size() || shift > 63) {
      ok_ = false;
      break;
    }
    auto byte = static_cast<unsigned char>(in_[at_++]);
    n |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
    if (!(byte & 0x80)) return n;
  }
  return 0;
}

std::string_view BlobReader::text() {
  std::uint64_t size = number();
  if (!ok_ || size > in_.size() - at_) {
    ok_ = false;
    return {};
  }
  std::string_view s = in_.substr(at_, size);
  at_ += size;
  return s;
}

RecordCache::RecordCache(RecordCache&& other) noexcept {
  *this = std::move(other);
}

RecordCache& RecordCache::operator=(RecordCache&& other) noexcept {
  if (this == &other) return *this;
  close();
  fd_ = std::exchange(other.fd_, -1);
  ahead_ = std::move(other.ahead_);
  ahead_folder_ = std::move(other.ahead_folder_);
  parts_ = std::move(other.parts_);
  entries_ = std::move(other.entries_);  // views into parts_, whose buffers moved with it
  kept_ = std::move(other.kept_);
  changed_ = other.changed_;
  now_ns_ = other.now_ns_;
  return *this;
}

RecordCache::~RecordCache() {
  close();
}

void RecordCache::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  ahead_.reset();
}

RecordCache RecordCache::open(const ProgrammeDir& dir) {
  RecordCache cache;
  cache.now_ns_ = std::chrono::duration_cast<std::chrono::nanoseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
  // The cache is read only from a regular file inside a real folder.
  if (symlink_on_path(dir, kCacheFile)) return cache;
  int fd = ::open(dir.absolute(kCacheFile).c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (fd < 0) return cache;  // missing or unreadable: start empty
  cache.fd_ = fd;
  struct stat st;
  const std::string& id = identity();
  std::string head(id.size(), '\0');
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
      !read_exactly(fd, head.data(), head.size()) || head != id)
    cache.close();
  return cache;
}

// The next part of the file into ahead_, with the folder it names; false
// at the end of the file or at a part that is not whole.
bool RecordCache::read_part() {
  char header[8];
  if (fd_ < 0 || !read_exactly(fd_, header, sizeof header)) return false;
  std::uint64_t size = get_u64(header);
  if (size > kPartLimit) return false;
  Part part{std::unique_ptr<char[]>(new char[size + 8]), size + 8};
  if (!read_exactly(fd_, part.bytes.get(), part.size)) return false;
  std::string_view payload = part.payload();
  if (checksum(payload) != get_u64(part.bytes.get() + size)) return false;
  BlobReader r(payload);
  std::string_view folder = r.text();
  if (!r.ok()) return false;
  ahead_folder_ = folder;
  ahead_ = std::move(part);
  return true;
}

void RecordCache::note_unused() {
  for (const auto& [relative, entry] : entries_) changed_ = changed_ || !entry.used;
}

void RecordCache::read_folder(std::string_view folder) {
  note_unused();
  entries_.clear();
  parts_.clear();
  while (true) {
    if (!ahead_ && !read_part()) {
      close();
      break;
    }
    if (ahead_folder_ != folder) {
      if (rank(ahead_folder_) >= rank(folder)) break;  // a later folder's: it waits its turn
      ahead_.reset();                                  // an earlier folder's, not asked for
      continue;
    }
    parts_.push_back(std::move(*ahead_));
    ahead_.reset();
    BlobReader r(parts_.back().payload());
    r.text();  // the folder
    while (r.ok() && !r.done()) {
      std::string_view relative = r.text();
      Entry entry;
      entry.stamp.size = r.number();
      entry.stamp.mtime_ns = r.number();
      entry.stamp.ctime_ns = r.number();
      entry.stamp.inode = r.number();
      entry.blob = r.text();
      if (r.ok()) entries_.emplace(relative, entry);
    }
    if (!r.ok()) {  // whole, but not as this build writes: trust none of it
      entries_.clear();
      close();
      break;
    }
  }
}

std::optional<std::string_view> RecordCache::find(const std::string& relative,
                                                  const FileStamp& stamp) const {
  auto it = entries_.find(relative);
  if (it == entries_.end() || !(it->second.stamp == stamp)) return std::nullopt;
  return it->second.blob;
}

void RecordCache::keep(const std::string& relative) {
  auto it = entries_.find(relative);
  if (it == entries_.end()) return;
  it->second.used = true;
  kept_.push_back({relative, it->second.stamp});
}

void RecordCache::put(const std::string& relative, const FileStamp& stamp) {
  changed_ = true;
  // How long another change may leave the same stamp: a filesystem that
  // keeps whole seconds (its change times have no fraction) could give it
  // for a second; one that keeps nanoseconds, for a tick of the kernel's
  // clock, a few milliseconds.
  constexpr std::int64_t kSecond = 1'000'000'000;
  std::int64_t racy = stamp.ctime_ns % kSecond == 0 ? 2 * kSecond : kSecond / 20;
  // The change time too: `touch -d` sets the modification time back, but
  // not the change time, which every write moves on.
  auto latest = static_cast<std::int64_t>(std::max(stamp.mtime_ns, stamp.ctime_ns));
  if (latest > now_ns_ - racy) return;
  kept_.push_back({relative, stamp});
}

namespace {

// Caches written to their temporary files, awaiting the command's outcome.
struct Pending {
  stdfs::path temporary, target;
};
std::vector<Pending>& pending() {
  static std::vector<Pending> written;
  return written;
}
// .inovasi folders that save made, to remove again when the command fails.
std::vector<stdfs::path>& made_folders() {
  static std::vector<stdfs::path> made;
  return made;
}

// Writes the new cache to a temporary file beside it: the identity, then
// each folder's entries in parts of about kPartSize bytes, each part with
// its length before and its checksum after; commit leaves the file for
// finish_record_caches to rename over the cache.
class CacheWriter {
 public:
  explicit CacheWriter(const stdfs::path& target) : target_(target) {
    for (unsigned n = 0; fd_ < 0 && n < 100; ++n) {
      temporary_ = target.parent_path() /
                   fmt::format(".{}.tmp.{}.{}", target.filename().string(), ::getpid(), n);
      // Owner only: the cache holds every record's content, so it must be
      // no wider than the narrowest record (one made 0600).
      fd_ = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
      if (fd_ < 0 && errno != EEXIST) break;
    }
    write(identity());
  }
  ~CacheWriter() {
    if (fd_ >= 0) {
      ::close(fd_);
      ::unlink(temporary_.c_str());
    }
  }
  bool ok() const { return fd_ >= 0 && ok_; }

  void entry(std::string_view folder, std::string_view relative, const FileStamp& stamp,
             std::string_view blob) {
    if (part_.bytes().empty()) part_.text(folder);
    part_.text(relative);
    part_.number(stamp.size);
    part_.number(stamp.mtime_ns);
    part_.number(stamp.ctime_ns);
    part_.number(stamp.inode);
    part_.text(blob);
    if (part_.bytes().size() >= kPartSize) end_part();
  }
  // Ends the part in progress; the next folder starts a part of its own.
  void end_part() {
    std::string& payload = part_.bytes();
    if (payload.empty()) return;
    std::string header;
    put_u64(header, payload.size());
    write(header);
    write(payload);
    std::string trailer;
    put_u64(trailer, checksum(payload));
    write(trailer);
    payload.clear();
  }
  void commit() {
    end_part();
    if (!ok() || ::close(fd_) != 0) ok_ = false;
    fd_ = -1;
    if (ok_)
      pending().push_back({temporary_, target_});
    else
      ::unlink(temporary_.c_str());
  }

 private:
  void write(std::string_view bytes) {
    while (ok() && !bytes.empty()) {
      ssize_t n = ::write(fd_, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        ok_ = false;
        break;
      }
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
  }
  stdfs::path target_, temporary_;
  int fd_ = -1;
  bool ok_ = true;
  BlobWriter part_;
};

}  // namespace

void RecordCache::save(const ProgrammeDir& dir, const Records& records) {
  note_unused();
  if (!changed_) return;
  if (symlink_on_path(dir, ".inovasi")) return;
  std::error_code ec;
  if (stdfs::create_directory(dir.absolute(".inovasi"), ec))
    made_folders().push_back(dir.absolute(".inovasi"));
  if (symlink_on_path(dir, kCacheFile)) return;
  fs::remove_stale_temporaries(dir.absolute(".inovasi"));  // of killed commands
  CacheWriter writer(dir.absolute(kCacheFile));
  if (!writer.ok()) return;
  std::unordered_map<std::string_view, FileStamp> stamps;
  stamps.reserve(kept_.size());
  for (const auto& k : kept_) stamps.emplace(k.relative, k.stamp);
  const std::size_t prefix = dir.shown("").size();
  auto write_all = [&](const auto& all) {
    using R = std::decay_t<decltype(all.front().record)>;
    for (const auto& stored : all) {
      std::string_view relative = std::string_view(stored.origin.path).substr(prefix);
      auto it = stamps.find(relative);
      if (it != stamps.end()) writer.entry(R::kFolder, relative, it->second, encode_stored(stored));
    }
    writer.end_part();
  };
  write_all(records.units);
  write_all(records.ideas);
  write_all(records.contracts);
  write_all(records.reports);
  write_all(records.regulations);
  writer.commit();
}

namespace {
bool cache_disabled = false;
}

void disable_record_cache() {
  cache_disabled = true;
}

bool record_cache_enabled() {
  return !cache_disabled;
}

void finish_record_caches(bool succeeded) {
  for (const auto& p : pending())
    if (!succeeded || ::rename(p.temporary.c_str(), p.target.c_str()) != 0)
      ::unlink(p.temporary.c_str());
  pending().clear();
  if (!succeeded)
    for (const auto& folder : made_folders()) ::rmdir(folder.c_str());  // only if empty
  made_folders().clear();
}

}  // namespace inovasi
