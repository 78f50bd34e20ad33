// Writes that fail (a full disk, a failing device): exit 3 with the path and
// the system's message, the old records untouched, no temporary file left.
// The failures are injected with tests/reliability/fail_writes.c, preloaded
// into inovasi; nothing in the product knows of it.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "harness.h"

using namespace e2e;

namespace {

const char* kOldIdeas =
    "id,title,unit\n"
    "antrean-online,Antrean Online,rsud-koesma\n"
    "sigap,SIGAP,bappeda\n"
    "lapor-bupati,Lapor Bupati,bappeda\n"
    "e-kinerja,E-Kinerja,bappeda\n";

// Changes three ideas and adds three, in this order; e-kinerja stays.
const char* kBatch =
    "id,title,unit,stage,trial_date\n"
    "antrean-online,Antrean Online,rsud-koesma,uji coba,2018-07-02\n"
    "klinik-desa,Klinik Desa,rsud-koesma,,\n"
    "sigap,SIGAP,bappeda,uji coba,2018-05-02\n"
    "pasar-digital,Pasar Digital,bappeda,,\n"
    "lapor-bupati,Lapor Bupati,bappeda,uji coba,2018-09-01\n"
    "bank-sampah,Bank Sampah,bappeda,,\n";

const std::vector<std::string> kImport = {"add-idea", "--from", "../batch.csv", "--update"};

// A programme in prog/ with four ideas, and the batch next to it.
void make_programme(const Sandbox& sandbox) {
  sandbox.make_programme("prog");
  sandbox.write("old.csv", kOldIdeas);
  sandbox.write("batch.csv", kBatch);
  REQUIRE(sandbox.run_in("prog", {"add-idea", "--from", "../old.csv"}).status == 0);
}

// What the batch writes when nothing fails: prog/ after it, in a copy.
std::map<std::string, std::string> after_batch(const Sandbox& sandbox) {
  copy_tree(sandbox.path("prog"), sandbox.path("reference"));
  Result r = sandbox.run_in("reference", kImport);
  REQUIRE(r.status == 0);
  auto files = file_contents(sandbox.path("reference"));
  stdfs::remove_all(sandbox.path("reference"));
  return files;
}

// The environment that makes OP fail inside prog/ideas/.
Env failing(const Sandbox& sandbox, const std::string& op, const Env& more) {
  // A sanitized build checks that its runtime comes first; ours is preloaded.
  const char* asan = std::getenv("ASAN_OPTIONS");
  Env env = {{"LD_PRELOAD", FAIL_WRITES_LIB},
             {"INOVASI_FAIL_OP", op},
             {"INOVASI_FAIL_UNDER", sandbox.path("prog/ideas").string()},
             {"ASAN_OPTIONS", std::string(asan ? asan : "") + ":verify_asan_link_order=0"}};
  env.insert(env.end(), more.begin(), more.end());
  return env;
}

}  // namespace

TEST_CASE("a write that fails before the renames leaves every record as it was") {
  Sandbox sandbox;
  make_programme(sandbox);
  const auto reference = after_batch(sandbox);
  const auto before = file_contents(sandbox.path("prog"));
  REQUIRE(differences(before, reference).size() == 6);

  std::string op, message;
  Env more;
  SUBCASE("the first write, on a full disk") {
    op = "write";
    message = "./ideas/antrean-online.yaml: cannot write: No space left on device";
  }
  SUBCASE("a write in the middle of the batch, after a short one") {
    // The disk fills up 10 bytes into the third file.
    op = "write";
    std::size_t bytes = reference.at("ideas/antrean-online.yaml").size() +
                        reference.at("ideas/klinik-desa.yaml").size() + 10;
    more = {{"INOVASI_FAIL_AFTER_BYTES", std::to_string(bytes)}};
    message = "./ideas/sigap.yaml: cannot write: No space left on device";
  }
  SUBCASE("creating the fourth temporary file, over quota") {
    op = "create";
    more = {{"INOVASI_FAIL_AT", "4"}, {"INOVASI_FAIL_ERRNO", "EDQUOT"}};
    message = "./ideas/pasar-digital.yaml: cannot create temporary file: Disk quota exceeded";
  }
  SUBCASE("closing the second file, which reports a delayed write error") {
    op = "close";
    more = {{"INOVASI_FAIL_AT", "2"}, {"INOVASI_FAIL_ERRNO", "EIO"}};
    message = "./ideas/klinik-desa.yaml: cannot write: Input/output error";
  }
  SUBCASE("the flush to disk") {
    op = "syncfs";
    more = {{"INOVASI_FAIL_ERRNO", "EIO"}};
    message = "./ideas/antrean-online.yaml: cannot flush to disk: Input/output error";
  }
  CAPTURE(op);

  Result r = sandbox.run_in("prog", kImport, {}, failing(sandbox, op, more));
  CHECK(r.err == "inovasi: error: " + message + "\n");
  CHECK(r.out == "");
  CHECK(r.status == 3);
  // Byte for byte, hidden files included: nothing changed, nothing was left.
  CHECK(differences(before, file_contents(sandbox.path("prog"))) == std::vector<std::string>{});

  // Once the disk has room again, the same command does it all.
  r = sandbox.run_in("prog", kImport);
  CHECK(r.status == 0);
  CHECK(differences(reference, file_contents(sandbox.path("prog"))) == std::vector<std::string>{});
}

// A batch is all or nothing: a rename that fails once the journal is written
// leaves the files renamed before it new and the rest old, none half written,
// and the journal; the next command, whatever it is, finishes the batch.
TEST_CASE("a rename that fails leaves a journal, and the next command finishes the batch") {
  Sandbox sandbox;
  make_programme(sandbox);
  const auto reference = after_batch(sandbox);
  const auto before = file_contents(sandbox.path("prog"));

  Result r =
      sandbox.run_in("prog", kImport, {}, failing(sandbox, "rename", {{"INOVASI_FAIL_AT", "3"}}));
  CHECK(r.err == "inovasi: error: ./ideas/sigap.yaml: cannot replace: No space left on device\n");
  CHECK(r.out == "");
  CHECK(r.status == 3);

  // The first two of the batch were renamed, the rest is as before, and the
  // journal holds what is left to do, with the temporary files it renames.
  auto now = file_contents(sandbox.path("prog"));
  CHECK(now.count(".inovasi/journal") == 1);
  for (const auto& [path, content] : reference) {
    CAPTURE(path);
    auto old = before.find(path);  // new records did not exist before
    CHECK((now.count(path) == 0
               ? old == before.end()
               : now[path] == content || (old != before.end() && now[path] == old->second)));
  }
  CHECK(now["ideas/antrean-online.yaml"] == reference.at("ideas/antrean-online.yaml"));
  CHECK(now["ideas/klinik-desa.yaml"] == reference.at("ideas/klinik-desa.yaml"));

  Result check = sandbox.run_in("prog", {"check"});
  CHECK(check.err ==
        "inovasi: finished a change that an interrupted command left half done (4 files)\n");
  CHECK(check.out == "");
  CHECK(check.status == 0);
  CHECK(differences(reference, file_contents(sandbox.path("prog"))) == std::vector<std::string>{});

  r = sandbox.run_in("prog", kImport);
  CHECK(r.out ==
        "unchanged ideas/antrean-online.yaml\n"
        "unchanged ideas/klinik-desa.yaml\n"
        "unchanged ideas/sigap.yaml\n"
        "unchanged ideas/pasar-digital.yaml\n"
        "unchanged ideas/lapor-bupati.yaml\n"
        "unchanged ideas/bank-sampah.yaml\n");
  CHECK(r.err == "");
  CHECK(r.status == 0);
  CHECK(differences(reference, file_contents(sandbox.path("prog"))) == std::vector<std::string>{});
}

// RAII for a tmpfs mounted in the test's own mount namespace.
struct TinyDisk {
  stdfs::path at;
  bool mounted = false;
  explicit TinyDisk(const stdfs::path& folder, const std::string& size) : at(folder) {
    stdfs::create_directories(at);
    // A private namespace: the mount is gone with this process, whatever happens.
    if (::unshare(CLONE_NEWNS) != 0) return;
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) return;
    mounted = ::mount("tmpfs", at.c_str(), "tmpfs", 0, ("size=" + size).c_str()) == 0;
  }
  ~TinyDisk() {
    if (mounted) ::umount2(at.c_str(), MNT_DETACH);
  }
};

TEST_CASE("a real full disk: a tmpfs filled up before the import") {
  Sandbox sandbox;
  TinyDisk disk(sandbox.path("prog"), "256k");
  if (!disk.mounted) {
    MESSAGE("skipped: mounting a tmpfs needs root (CAP_SYS_ADMIN)");
    return;
  }
  make_programme(sandbox);
  const auto reference = after_batch(sandbox);
  // Fill what is left of the disk, outside the record folders.
  {
    int fd = ::open(sandbox.path("prog/filler").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    REQUIRE(fd >= 0);
    std::string block(4096, 'x');
    while (::write(fd, block.data(), block.size()) > 0) {
    }
    ::close(fd);
  }
  const auto before = file_contents(sandbox.path("prog"));

  Result r = sandbox.run_in("prog", kImport);
  CHECK(r.err ==
        "inovasi: error: ./ideas/antrean-online.yaml: cannot write: No space left on device\n");
  CHECK(r.status == 3);
  CHECK(differences(before, file_contents(sandbox.path("prog"))) == std::vector<std::string>{});

  stdfs::remove(sandbox.path("prog/filler"));
  r = sandbox.run_in("prog", kImport);
  CHECK(r.status == 0);
  CHECK(differences(reference, file_contents(sandbox.path("prog"))) == std::vector<std::string>{});
}
