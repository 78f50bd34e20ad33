// The record cache: blobs give back the very records and positions they were
// made from, and a cache that is not exactly what this build wrote is empty.
#include <doctest/doctest.h>
#include <fmt/core.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "inovasi/store/cache.h"
#include "inovasi/store/store.h"
#include "inovasi/util/fs.h"

using namespace inovasi;

namespace {

const stdfs::path kExample = stdfs::path(INOVASI_DATA_DIR) / ".." / "examples" / "tuban-2018";

// A fresh folder under the system's temporary folder, removed at the end.
struct TempDir {
  stdfs::path path;
  TempDir() {
    std::string pattern = (stdfs::temp_directory_path() / "inovasi-cache-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() { stdfs::remove_all(path); }
};

template <class R>
void check_round_trip(const std::vector<Stored<R>>& all) {
  REQUIRE(!all.empty());
  for (const auto& stored : all) {
    CAPTURE(stored.origin.path);
    std::string blob = encode_stored(stored);
    Stored<R> back;
    REQUIRE(decode_stored(blob, back));
    CHECK(canonical_text(back.record) == canonical_text(stored.record));
    CHECK(back.origin.mark == stored.origin.mark);
    CHECK(back.origin.fields == stored.origin.fields);
    // Every cut of a blob is refused, never read past its end.
    for (std::size_t size = 0; size < blob.size(); ++size) {
      Stored<R> cut;
      CHECK_FALSE(decode_stored(std::string_view(blob).substr(0, size), cut));
    }
    Stored<R> longer;
    CHECK_FALSE(decode_stored(blob + "x", longer));
  }
}

std::string read(const stdfs::path& path) {
  return fs::read_file(path);
}

void write(const stdfs::path& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

}  // namespace

TEST_CASE("a record's blob gives back the record and the positions of its fields") {
  Findings findings;
  Records records =
      load_records(ProgrammeDir(kExample), findings, {.cache = LoadOptions::Cache::kOff});
  REQUIRE(findings.empty());
  check_round_trip(records.units);
  check_round_trip(records.ideas);
  check_round_trip(records.contracts);
  check_round_trip(records.reports);
  check_round_trip(records.regulations);
}

TEST_CASE("a blob whose value does not read back is refused") {
  BlobWriter w;
  w.text("rsud-koesma");
  w.text("RSUD");
  w.text("not-a-kind");  // Unit::kind
  Stored<Unit> unit;
  CHECK_FALSE(decode_stored(w.bytes(), unit));
}

// A programme of units "a" and "b" and idea "x", as load_records would hold them.
Records records_abx(const ProgrammeDir& programme) {
  Records records;
  for (std::string id : {"a", "b"}) {
    Stored<Unit> unit;
    unit.record.id = id;
    unit.record.name = "Unit " + id;
    unit.origin.path = programme.shown("units/" + id + ".yaml");
    unit.origin.mark = {1, 1};
    unit.origin.fields = {{"id", {1, 5}}, {"name", {2, 7}}};
    records.units.push_back(unit);
  }
  Stored<Idea> idea;
  idea.record.id = "x";
  idea.record.title = "Idea x";
  idea.record.unit = "a";
  idea.origin.path = programme.shown("ideas/x.yaml");
  idea.origin.mark = {1, 1};
  idea.origin.fields = {{"id", {1, 5}}, {"title", {2, 8}}};
  records.ideas.push_back(idea);
  return records;
}

// What a fresh cache finds of units/a.yaml and ideas/x.yaml, read in order.
struct Found {
  std::optional<std::string> a, x;
};
Found find_ax(const ProgrammeDir& programme, const FileStamp& a, const FileStamp& x) {
  RecordCache cache = RecordCache::open(programme);
  Found found;
  cache.read_folder("units");
  if (auto blob = cache.find("units/a.yaml", a)) found.a = std::string(*blob);
  cache.read_folder("ideas");
  if (auto blob = cache.find("ideas/x.yaml", x)) found.x = std::string(*blob);
  return found;
}

TEST_CASE(
    "the cache file: kept entries come back, and a stale, damaged or foreign part is never "
    "read") {
  TempDir dir;
  ProgrammeDir programme(dir.path);
  const Records records = records_abx(programme);
  stdfs::create_directories(dir.path / "units");
  stdfs::create_directories(dir.path / "ideas");
  write(dir.path / "units" / "a.yaml", "id: a\n");
  write(dir.path / "ideas" / "x.yaml", "id: x\n");
  auto stamp = stamp_of(dir.path / "units" / "a.yaml");
  auto x_stamp = stamp_of(dir.path / "ideas" / "x.yaml");
  REQUIRE(stamp.has_value());
  REQUIRE(x_stamp.has_value());
  FileStamp old = *stamp, x_old = *x_stamp;
  for (FileStamp* read : {&old, &x_old}) {  // as if read a minute after it was written
    read->mtime_ns -= 60'000'000'000ull;
    read->ctime_ns -= 60'000'000'000ull;
  }
  // Set back with `touch -d`, its modification time is old but its change
  // time is not: another same-size write in the same second could keep it.
  FileStamp touched = *stamp;
  touched.mtime_ns -= 60'000'000'000ull;

  {
    RecordCache cache = RecordCache::open(programme);
    cache.read_folder("units");
    CHECK_FALSE(cache.find("units/a.yaml", old).has_value());
    cache.put("units/a.yaml", old);
    cache.put("units/b.yaml", *stamp);   // modified just now: not kept
    cache.put("units/b.yaml", touched);  // changed just now: not kept
    cache.read_folder("ideas");
    cache.put("ideas/x.yaml", x_old);
    cache.save(programme, records);
    finish_record_caches(true);
  }
  REQUIRE(stdfs::is_regular_file(dir.path / kCacheFile));
  const std::string saved = read(dir.path / kCacheFile);
  const std::string a_blob = encode_stored(records.units[0]);
  const std::string x_blob = encode_stored(records.ideas[0]);

  RecordCache cache = RecordCache::open(programme);
  cache.read_folder("units");
  auto blob = cache.find("units/a.yaml", old);
  REQUIRE(blob.has_value());
  CHECK(*blob == a_blob);
  Stored<Unit> a;
  REQUIRE(decode_stored(*blob, a));
  CHECK(a.record.name == "Unit a");
  CHECK(a.origin.fields == records.units[0].origin.fields);
  CHECK_FALSE(cache.find("units/b.yaml", *stamp).has_value());
  CHECK_FALSE(cache.find("units/b.yaml", touched).has_value());
  CHECK_FALSE(cache.find("ideas/x.yaml", x_old).has_value());  // not the folder read
  cache.read_folder("ideas");
  CHECK(cache.find("ideas/x.yaml", x_old) == std::optional<std::string_view>(x_blob));
  CHECK_FALSE(cache.find("units/a.yaml", old).has_value());  // that folder's entries are gone

  SUBCASE("any part of the stamp that differs is a miss") {
    RecordCache again = RecordCache::open(programme);
    again.read_folder("units");
    for (auto part :
         {&FileStamp::size, &FileStamp::mtime_ns, &FileStamp::ctime_ns, &FileStamp::inode}) {
      FileStamp other = old;
      other.*part += 1;
      CHECK_FALSE(again.find("units/a.yaml", other).has_value());
    }
  }
  SUBCASE("a folder not asked for is passed over") {
    RecordCache again = RecordCache::open(programme);
    again.read_folder("ideas");
    CHECK(again.find("ideas/x.yaml", x_old).has_value());
  }
  SUBCASE("a damaged byte anywhere loses its part and those after it, never gives another blob") {
    int units_lost = 0;
    for (std::size_t at = 0; at < saved.size(); ++at) {
      std::string damaged = saved;
      damaged[at] ^= 0x20;
      write(dir.path / kCacheFile, damaged);
      CAPTURE(at);
      Found found = find_ax(programme, old, x_old);
      CHECK_FALSE(found.x.has_value());
      if (found.a) CHECK(*found.a == a_blob);
      units_lost += !found.a;
    }
    // The identity and the units' part: everything up to the ideas' part.
    CHECK(units_lost == static_cast<int>(saved.find("\x05ideas") - 8));
  }
  SUBCASE("a cut cache loses the part cut and those after it") {
    for (std::size_t size = 0; size < saved.size(); ++size) {
      write(dir.path / kCacheFile, saved.substr(0, size));
      CAPTURE(size);
      Found found = find_ax(programme, old, x_old);
      CHECK_FALSE(found.x.has_value());
      if (found.a) CHECK(*found.a == a_blob);
    }
    write(dir.path / kCacheFile, saved + "x");  // a part that never ends
    Found found = find_ax(programme, old, x_old);
    CHECK(found.a == a_blob);
    CHECK(found.x == x_blob);
  }
  SUBCASE("a cache of another version of inovasi is empty") {
    std::string foreign = saved;
    auto at = foreign.find(INOVASI_VERSION);
    REQUIRE(at != std::string::npos);
    foreign[at] = foreign[at] == '9' ? '8' : '9';
    write(dir.path / kCacheFile, foreign);
    Found found = find_ax(programme, old, x_old);
    CHECK_FALSE(found.a.has_value());
    CHECK_FALSE(found.x.has_value());
  }
  SUBCASE("an entry kept is written again from its record; one not used is dropped") {
    RecordCache again = RecordCache::open(programme);
    again.read_folder("units");
    again.keep("units/a.yaml");
    again.read_folder("ideas");
    again.keep("ideas/x.yaml");
    again.save(programme, records);  // nothing changed: not written
    finish_record_caches(true);
    CHECK(read(dir.path / kCacheFile) == saved);
    RecordCache third = RecordCache::open(programme);
    third.read_folder("units");
    third.put("units/b.yaml", old);
    third.read_folder("ideas");
    third.keep("ideas/x.yaml");
    third.save(programme, records);  // a not kept, b put
    finish_record_caches(true);
    RecordCache after = RecordCache::open(programme);
    after.read_folder("units");
    CHECK(after.find("units/b.yaml", old).has_value());
    CHECK_FALSE(after.find("units/a.yaml", old).has_value());
    after.read_folder("ideas");
    CHECK(after.find("ideas/x.yaml", x_old) == std::optional<std::string_view>(x_blob));
  }
  SUBCASE("a cache that is a symbolic link is never read") {
    stdfs::rename(dir.path / kCacheFile, dir.path / "elsewhere");
    stdfs::create_symlink(dir.path / "elsewhere", dir.path / kCacheFile);
    Found found = find_ax(programme, old, x_old);
    CHECK_FALSE(found.a.has_value());
    CHECK_FALSE(found.x.has_value());
  }
}

TEST_CASE(
    "on a filesystem of whole seconds, a file changed in the two seconds before is not kept") {
  TempDir dir;
  ProgrammeDir programme(dir.path);
  const Records records = records_abx(programme);
  stdfs::create_directories(dir.path / "units");
  const std::uint64_t second = 1'000'000'000;
  auto now = static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                            std::chrono::system_clock::now().time_since_epoch())
                                            .count());
  // Stamps as such a filesystem gives them: no fraction of a second.
  FileStamp recent{6, (now / second - 1) * second, (now / second - 1) * second, 1};
  FileStamp older{6, (now / second - 3) * second, (now / second - 3) * second, 2};
  {
    RecordCache cache = RecordCache::open(programme);
    cache.read_folder("units");
    cache.put("units/a.yaml", older);
    cache.put("units/b.yaml", recent);
    cache.save(programme, records);
    finish_record_caches(true);
  }
  RecordCache cache = RecordCache::open(programme);
  cache.read_folder("units");
  CHECK(cache.find("units/a.yaml", older).has_value());
  CHECK_FALSE(cache.find("units/b.yaml", recent).has_value());
}

TEST_CASE("a large folder is saved in parts, each read back") {
  TempDir dir;
  ProgrammeDir programme(dir.path);
  Records records;
  RecordCache cache = RecordCache::open(programme);
  cache.read_folder("units");
  FileStamp stamp{10, 1'000'000'000, 1'000'000'000, 7};
  // About 3 MB of units: three or four parts of about 1 MB.
  for (int i = 0; i < 6000; ++i) {
    Stored<Unit> unit;
    unit.record.id = fmt::format("unit-{:05}", i);
    unit.record.name = std::string(500, 'n');
    unit.origin.path = programme.shown("units/" + unit.record.id + ".yaml");
    cache.put("units/" + unit.record.id + ".yaml", stamp);
    records.units.push_back(std::move(unit));
  }
  cache.save(programme, records);
  finish_record_caches(true);
  const std::string saved = read(dir.path / kCacheFile);
  std::size_t parts = 0;
  for (std::size_t at = saved.find("\x05units"); at != std::string::npos;
       at = saved.find("\x05units", at + 1))
    ++parts;
  CHECK(parts >= 3);
  RecordCache again = RecordCache::open(programme);
  again.read_folder("units");
  for (const auto& unit : records.units) {
    std::string relative = "units/" + unit.record.id + ".yaml";
    CAPTURE(relative);
    CHECK(again.find(relative, stamp) == std::optional<std::string_view>(encode_stored(unit)));
  }
}

TEST_CASE("the records' shape names every field of every record type") {
  std::string schema = records_schema();
  CHECK(schema.find("idea(id:") != std::string::npos);
  CHECK(schema.find("plan:[(step:") != std::string::npos);
  CHECK(schema.find("report(") != std::string::npos);
}
