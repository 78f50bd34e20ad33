// The cache of parsed records, .inovasi/cache: each record file's decoded
// record, keyed like git's index by the file's path, size, modification and
// change times and inode. It only ever saves work: an entry is used when the
// file's stamp is the one it was read with, and a cache that is missing,
// from another version of inovasi, or damaged in any way is ignored and
// written anew. Nothing here decides what a record holds; the blobs are the
// fields() of each record type in order, with the positions of its fields.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <typeinfo>
#include <unordered_map>
#include <vector>

#include "inovasi/model/snapshot.h"
#include "inovasi/store/codec.h"
#include "inovasi/store/store.h"

namespace inovasi {

constexpr const char* kCacheFile = ".inovasi/cache";

// What identifies one version of a file without reading it.
struct FileStamp {
  std::uint64_t size = 0, mtime_ns = 0, ctime_ns = 0, inode = 0;
  bool operator==(const FileStamp&) const = default;
};

// The stamp of a regular file, not following a link; nothing for anything else.
std::optional<FileStamp> stamp_of(const stdfs::path& path);

// ------------------------------------------------------------ blobs

class BlobWriter {
 public:
  void number(std::uint64_t n);
  void text(std::string_view s);
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

// Reads what BlobWriter wrote; any overrun or malformed value makes ok() false.
class BlobReader {
 public:
  explicit BlobReader(std::string_view in) : in_(in) {}
  std::uint64_t number();
  std::string_view text();
  bool ok() const { return ok_; }
  bool done() const { return ok_ && at_ == in_.size(); }
  void fail() { ok_ = false; }

 private:
  std::string_view in_;
  std::size_t at_ = 0;
  bool ok_ = true;
};

template <class T>
void blob_write(BlobWriter& w, const T& value);
template <class T>
void blob_read(BlobReader& r, T& value);

struct BlobEncoder {
  BlobWriter& w;
  template <class T>
  void operator()(const char*, const T& value, unsigned = 0) {
    blob_write(w, value);
  }
};

struct BlobDecoder {
  BlobReader& r;
  template <class T>
  void operator()(const char*, T& value, unsigned = 0) {
    if (r.ok()) blob_read(r, value);
  }
};

template <class T>
void blob_write(BlobWriter& w, const T& value) {
  if constexpr (IsOptional<T>::value) {
    w.number(value.has_value());
    if (value) blob_write(w, *value);
  } else if constexpr (IsVector<T>::value || IsMap<T>::value) {
    w.number(value.size());
    for (const auto& item : value) {
      if constexpr (IsMap<T>::value) {
        blob_write(w, item.first);
        blob_write(w, item.second);
      } else {
        blob_write(w, item);
      }
    }
  } else if constexpr (is_struct<T>()) {
    BlobEncoder encoder{w};
    T::fields(value, encoder);
  } else if constexpr (std::is_same_v<T, std::string>) {
    w.text(value);
  } else {
    w.text(format_value(value));
  }
}

template <class T>
void blob_read(BlobReader& r, T& value) {
  if constexpr (IsOptional<T>::value) {
    std::uint64_t present = r.number();
    if (present > 1) return r.fail();
    if (present) {
      typename T::value_type inner{};
      blob_read(r, inner);
      value = std::move(inner);
    }
  } else if constexpr (IsVector<T>::value || IsMap<T>::value) {
    std::uint64_t count = r.number();
    for (std::uint64_t i = 0; i < count && r.ok(); ++i) {
      if constexpr (IsMap<T>::value) {
        typename T::key_type key{};
        typename T::mapped_type item{};
        blob_read(r, key);
        blob_read(r, item);
        value.emplace(std::move(key), std::move(item));
      } else {
        typename T::value_type item{};
        blob_read(r, item);
        value.push_back(std::move(item));
      }
    }
  } else if constexpr (is_struct<T>()) {
    BlobDecoder decoder{r};
    T::fields(value, decoder);
  } else if constexpr (std::is_same_v<T, std::string>) {
    value = std::string(r.text());
  } else {
    std::string_view s = r.text();
    if (r.ok() && parse_value(s, value)) r.fail();  // parse_value returns an error
  }
}

// A record with the positions of its fields; the path is the loader's.
template <class R>
std::string encode_stored(const Stored<R>& stored) {
  BlobWriter w;
  blob_write(w, stored.record);
  w.number(static_cast<std::uint64_t>(stored.origin.mark.line));
  w.number(static_cast<std::uint64_t>(stored.origin.mark.column));
  w.number(stored.origin.fields.size());
  for (const auto& [field, mark] : stored.origin.fields) {
    w.text(field);
    w.number(static_cast<std::uint64_t>(mark.line));
    w.number(static_cast<std::uint64_t>(mark.column));
  }
  return std::move(w.bytes());
}

// False when the blob is not one encode_stored<R> wrote.
template <class R>
bool decode_stored(std::string_view blob, Stored<R>& stored) {
  BlobReader r(blob);
  blob_read(r, stored.record);
  auto mark = [&r] {
    Mark m;
    m.line = static_cast<int>(r.number());
    m.column = static_cast<int>(r.number());
    return m;
  };
  stored.origin.mark = mark();
  std::uint64_t count = r.number();
  for (std::uint64_t i = 0; i < count && r.ok(); ++i) {
    std::string field(r.text());
    stored.origin.fields.emplace_back(std::move(field), mark());
  }
  return r.done();
}

// The shape of every record type (field names and value types), so that a
// cache written by a build whose records differ is never read.
std::string records_schema();

// ------------------------------------------------------------ the cache file

class RecordCache {
 public:
  // Opens the cache of a programme and checks that this build wrote it; no
  // entries are read yet. Empty when there is none or it is another's.
  static RecordCache open(const ProgrammeDir& dir);
  RecordCache() = default;
  RecordCache(RecordCache&& other) noexcept;
  RecordCache& operator=(RecordCache&& other) noexcept;
  ~RecordCache();

  // Reads the entries of one record folder ("units", "ideas", ...): the file
  // holds the folders in the order load_records reads them, in parts that
  // each carry a checksum, and only one folder's entries are held at a time,
  // so that the cache never doubles the memory of a large programme. A part
  // that is damaged, cut or out of order ends the reading: its entries and
  // those after it are not found.
  void read_folder(std::string_view folder);

  // The blob of a file of the folder read last whose stamp is still the one
  // it was cached with.
  std::optional<std::string_view> find(const std::string& relative, const FileStamp& stamp) const;
  // Remembers a file read and decoded without findings; save writes its
  // record. A file modified or changed (its change time, which `touch -d`
  // cannot set back) just before the command began is not kept: another
  // change within its clock's resolution could leave the same stamp (git
  // calls it "racily clean"), so it is read anew each time until it is
  // older. Just before: within two seconds on a filesystem that keeps whole
  // seconds, within 50 ms on one that keeps nanoseconds.
  void put(const std::string& relative, const FileStamp& stamp);
  // Marks an entry found by find as still in use, so that save keeps it.
  void keep(const std::string& relative);
  // Writes the cache anew when anything was put or an entry went unused:
  // the entries kept and those put, each encoded again from its record in
  // `records` (in the order they were loaded). It goes to a temporary file
  // beside the cache, which finish_record_caches puts in place. Quietly does
  // nothing when it cannot (a read-only programme, a full disk), as the
  // cache is only ever a copy.
  void save(const ProgrammeDir& dir, const Records& records);

 private:
  struct Entry {
    FileStamp stamp;
    std::string_view blob;  // into parts_
    bool used = false;
  };
  struct Kept {
    std::string relative;
    FileStamp stamp;
  };
  bool read_part();
  void close();
  void note_unused();

  int fd_ = -1;  // the cache file while there are parts to read
  // A part as read: its payload, then its checksum. Not zeroed before the
  // read fills it, and never moved, so that entries may point into it.
  struct Part {
    std::unique_ptr<char[]> bytes;
    std::size_t size = 0;
    std::string_view payload() const { return {bytes.get(), size - 8}; }
  };
  std::optional<Part> ahead_;  // a part read, of a later folder
  std::string ahead_folder_;
  std::vector<Part> parts_;  // the parts of the folder read last
  std::unordered_map<std::string_view, Entry> entries_;
  std::vector<Kept> kept_;  // entries kept and put, to save
  bool changed_ = false;
  std::int64_t now_ns_ = 0;
};

// --no-cache: from then on, load_records neither reads nor writes a cache.
void disable_record_cache();
bool record_cache_enabled();

// Renames the caches that save wrote over the old ones once the command has
// succeeded; otherwise removes them (and the .inovasi folder save made), so
// that a refused command leaves every file as it was.
void finish_record_caches(bool succeeded);

}  // namespace inovasi
