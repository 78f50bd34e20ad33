// The record cache: blobs give back the very records and positions they were
// made from, and a cache that is not exactly what this build wrote is empty.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
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

// A programme of units "a" and "b" as load_records would hold them.
Records units_ab(const ProgrammeDir& programme) {
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
  return records;
}

TEST_CASE(
    "the cache file: kept entries come back, and a stale, damaged or foreign cache is empty") {
  TempDir dir;
  ProgrammeDir programme(dir.path);
  const Records records = units_ab(programme);
  stdfs::create_directories(dir.path / "units");
  write(dir.path / "units" / "a.yaml", "id: a\n");
  auto stamp = stamp_of(dir.path / "units" / "a.yaml");
  REQUIRE(stamp.has_value());
  FileStamp old = *stamp;
  old.mtime_ns -= 60'000'000'000ull;  // as if read a minute after it was written

  {
    RecordCache cache = RecordCache::open(programme);
    CHECK_FALSE(cache.find("units/a.yaml", old).has_value());
    cache.put("units/a.yaml", old);
    cache.put("units/b.yaml", *stamp);  // modified just now: not kept
    cache.save(programme, records);
    finish_record_caches(true);
  }
  REQUIRE(stdfs::is_regular_file(dir.path / kCacheFile));
  const std::string saved = read(dir.path / kCacheFile);

  RecordCache cache = RecordCache::open(programme);
  auto blob = cache.find("units/a.yaml", old);
  REQUIRE(blob.has_value());
  Stored<Unit> a;
  REQUIRE(decode_stored(*blob, a));
  CHECK(a.record.name == "Unit a");
  CHECK(a.origin.fields == records.units[0].origin.fields);
  CHECK_FALSE(cache.find("units/b.yaml", *stamp).has_value());
  FileStamp other = old;
  SUBCASE("any part of the stamp that differs is a miss") {
    for (auto* part : {&other.size, &other.mtime_ns, &other.ctime_ns, &other.inode}) {
      other = old;
      *part += 1;
      CHECK_FALSE(cache.find("units/a.yaml", other).has_value());
    }
  }
  SUBCASE("a damaged byte anywhere makes the whole cache empty") {
    for (std::size_t at = 0; at < saved.size(); ++at) {
      std::string damaged = saved;
      damaged[at] ^= 0x20;
      write(dir.path / kCacheFile, damaged);
      CAPTURE(at);
      CHECK_FALSE(RecordCache::open(programme).find("units/a.yaml", old).has_value());
    }
  }
  SUBCASE("a cut cache is empty") {
    for (std::size_t size : {std::size_t{0}, std::size_t{10}, saved.size() - 1}) {
      write(dir.path / kCacheFile, saved.substr(0, size));
      CHECK_FALSE(RecordCache::open(programme).find("units/a.yaml", old).has_value());
    }
  }
  SUBCASE("a cache of another version of inovasi is empty") {
    std::string foreign = saved;
    auto at = foreign.find(INOVASI_VERSION);
    REQUIRE(at != std::string::npos);
    foreign[at] = foreign[at] == '9' ? '8' : '9';
    write(dir.path / kCacheFile, foreign);
    CHECK_FALSE(RecordCache::open(programme).find("units/a.yaml", old).has_value());
  }
  SUBCASE("an entry kept is written again from its blob; one not used is dropped") {
    RecordCache again = RecordCache::open(programme);
    again.keep("units/a.yaml");
    again.save(programme, records);  // nothing changed: not written
    finish_record_caches(true);
    CHECK(read(dir.path / kCacheFile) == saved);
    RecordCache third = RecordCache::open(programme);
    third.put("units/b.yaml", old);
    third.save(programme, records);  // a not kept, b put
    finish_record_caches(true);
    RecordCache after = RecordCache::open(programme);
    CHECK(after.find("units/b.yaml", old).has_value());
    CHECK_FALSE(after.find("units/a.yaml", old).has_value());
  }
  SUBCASE("a cache that is a symbolic link is never read") {
    stdfs::rename(dir.path / kCacheFile, dir.path / "elsewhere");
    stdfs::create_symlink(dir.path / "elsewhere", dir.path / kCacheFile);
    CHECK_FALSE(RecordCache::open(programme).find("units/a.yaml", old).has_value());
  }
}

TEST_CASE("the records' shape names every field of every record type") {
  std::string schema = records_schema();
  CHECK(schema.find("idea(id:") != std::string::npos);
  CHECK(schema.find("plan:[(step:") != std::string::npos);
  CHECK(schema.find("report(") != std::string::npos);
}
