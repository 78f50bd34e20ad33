#include "inovasi/store/cache.h"

#include <fcntl.h>
#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>

#include "inovasi/util/fs.h"

namespace inovasi {

namespace {

// The first line of every cache file; the format's number changes with it.
constexpr std::string_view kMagic = "inovasi record cache 1\n";

// FNV-1a, 64 bits: enough to tell a damaged or truncated cache from a whole
// one. It continues from `h`, so that a file can be summed in parts.
constexpr std::uint64_t kChecksumStart = 14695981039346656037ull;
std::uint64_t checksum(std::string_view bytes, std::uint64_t h = kChecksumStart) {
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
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

RecordCache RecordCache::open(const ProgrammeDir& dir) {
  RecordCache cache;
  cache.now_ns_ = std::chrono::duration_cast<std::chrono::nanoseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
  // The cache is read only from a regular file inside a real folder.
  if (symlink_on_path(dir, kCacheFile)) return cache;
  fs::RegularFile file;
  try {
    file = fs::read_regular_file(dir.absolute(kCacheFile), std::size_t{1} << 31);
  } catch (const std::exception&) {
    return cache;  // missing or unreadable: start empty
  }
  if (file.refused != fs::RegularFile::Refused::kNo) return cache;
  std::string& bytes = file.content;
  const std::string& id = identity();
  if (bytes.size() < id.size() + 8 || std::string_view(bytes).substr(0, id.size()) != id)
    return cache;
  std::string_view body = std::string_view(bytes).substr(0, bytes.size() - 8);
  std::uint64_t sum = 0;
  for (int i = 0; i < 8; ++i)
    sum |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[bytes.size() - 8 + i]))
           << (8 * i);
  if (checksum(body) != sum) return cache;

  cache.bytes_ = std::move(bytes);
  BlobReader r(std::string_view(cache.bytes_).substr(id.size(), body.size() - id.size()));
  std::uint64_t count = r.number();
  cache.entries_.reserve(count < 10'000'000 ? count : 0);
  for (std::uint64_t i = 0; i < count && r.ok(); ++i) {
    std::string relative(r.text());
    Entry entry;
    entry.stamp = {r.number(), r.number(), r.number(), r.number()};
    entry.blob = r.text();
    cache.entries_.emplace(std::move(relative), std::move(entry));
  }
  if (!r.done()) {
    cache.entries_.clear();
    cache.bytes_.clear();
  }
  return cache;
}

std::optional<std::string_view> RecordCache::find(const std::string& relative,
                                                  const FileStamp& stamp) const {
  auto it = entries_.find(relative);
  if (it == entries_.end() || !(it->second.stamp == stamp)) return std::nullopt;
  return it->second.blob;
}

void RecordCache::keep(const std::string& relative) {
  if (auto it = entries_.find(relative); it != entries_.end()) it->second.used = true;
}

void RecordCache::put(const std::string& relative, const FileStamp& stamp) {
  constexpr std::int64_t kRacy = 2'000'000'000;  // two seconds
  changed_ = true;
  if (static_cast<std::int64_t>(stamp.mtime_ns) > now_ns_ - kRacy) {
    entries_.erase(relative);
    return;
  }
  Entry& entry = entries_[relative];
  entry = {stamp, {}, true, true};
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

// Writes the new cache to a temporary file beside it, a buffer at a time,
// summing as it goes; commit renames it over the cache.
class CacheWriter {
 public:
  explicit CacheWriter(const stdfs::path& target) : target_(target) {
    for (unsigned n = 0; fd_ < 0 && n < 100; ++n) {
      temporary_ = target.parent_path() /
                   fmt::format(".{}.tmp.{}.{}", target.filename().string(), ::getpid(), n);
      fd_ = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
      if (fd_ < 0 && errno != EEXIST) break;
    }
  }
  ~CacheWriter() {
    if (fd_ >= 0) {
      ::close(fd_);
      ::unlink(temporary_.c_str());
    }
  }
  bool ok() const { return fd_ >= 0 && ok_; }
  BlobWriter& out() { return out_; }
  // Writes out what the buffer holds once it is large.
  void drain(bool all = false) {
    std::string& bytes = out_.bytes();
    if (!all && bytes.size() < (1u << 20)) return;
    sum_ = checksum(bytes, sum_);
    write(bytes);
    bytes.clear();
  }
  void commit() {
    drain(true);
    std::string trailer;
    for (int i = 0; i < 8; ++i) trailer += static_cast<char>((sum_ >> (8 * i)) & 0xFF);
    write(trailer);
    if (!ok_ || ::close(fd_) != 0) ok_ = false;
    fd_ = -1;
    if (ok_)
      pending().push_back({temporary_, target_});
    else
      ::unlink(temporary_.c_str());
  }

 private:
  void write(std::string_view bytes) {
    while (ok_ && !bytes.empty()) {
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
  BlobWriter out_;
  std::uint64_t sum_ = kChecksumStart;
};

}  // namespace

void RecordCache::save(const ProgrammeDir& dir, const Records& records) {
  for (const auto& [relative, entry] : entries_) changed_ = changed_ || !entry.used;
  if (!changed_) return;
  if (symlink_on_path(dir, ".inovasi")) return;
  std::error_code ec;
  if (stdfs::create_directory(dir.absolute(".inovasi"), ec))
    made_folders().push_back(dir.absolute(".inovasi"));
  if (symlink_on_path(dir, kCacheFile)) return;
  fs::remove_stale_temporaries(dir.absolute(".inovasi"));  // of killed commands
  CacheWriter writer(dir.absolute(kCacheFile));
  if (!writer.ok()) return;
  std::size_t count = 0;
  for (const auto& [relative, entry] : entries_) count += entry.used;
  BlobWriter& w = writer.out();
  w.bytes() = identity();
  w.number(count);
  const std::size_t prefix = dir.shown("").size();
  std::size_t written = 0;
  auto write_all = [&](const auto& all) {
    for (const auto& stored : all) {
      std::string relative = stored.origin.path.substr(prefix);
      auto it = entries_.find(relative);
      if (it == entries_.end() || !it->second.used) continue;
      const Entry& e = it->second;
      w.text(relative);
      w.number(e.stamp.size);
      w.number(e.stamp.mtime_ns);
      w.number(e.stamp.ctime_ns);
      w.number(e.stamp.inode);
      if (e.put)
        w.text(encode_stored(stored));
      else
        w.text(e.blob);
      ++written;
      writer.drain();
    }
  };
  write_all(records.units);
  write_all(records.ideas);
  write_all(records.contracts);
  write_all(records.reports);
  write_all(records.regulations);
  // An entry whose record is not among them (never so today) would leave the
  // count wrong: then no cache rather than a wrong one.
  if (written == count) writer.commit();
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
