// Replays the committed corpus and every crash found so far through the fuzz
// targets, without libFuzzer: a plain test that any compiler builds.
//
//   fuzz_replay [DIR]             every file in DIR/{corpus,crashes}/<target>/
//   fuzz_replay TARGET FILE...    the given files through one target
//
// A target that finds a fault aborts, which fails the run.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

extern "C" int inovasi_fuzz_record_loader(const std::uint8_t* data, std::size_t size);
extern "C" int inovasi_fuzz_csv_reader(const std::uint8_t* data, std::size_t size);
extern "C" int inovasi_fuzz_period_date(const std::uint8_t* data, std::size_t size);

namespace {

namespace stdfs = std::filesystem;

struct Target {
  const char* name;
  int (*run)(const std::uint8_t*, std::size_t);
};

const Target kTargets[] = {{"record_loader", inovasi_fuzz_record_loader},
                           {"csv_reader", inovasi_fuzz_csv_reader},
                           {"period_date", inovasi_fuzz_period_date}};

bool replay(const Target& target, const stdfs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "fuzz_replay: cannot read %s\n", file.c_str());
    return false;
  }
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // Announced first, so that a target that aborts is seen with its input.
  std::fprintf(stderr, "%s < %s\n", target.name, file.c_str());
  target.run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  return true;
}

std::vector<stdfs::path> files_in(const stdfs::path& folder) {
  std::vector<stdfs::path> files;
  std::error_code ec;
  for (const auto& entry : stdfs::directory_iterator(folder, ec))
    if (entry.is_regular_file() && !entry.path().filename().string().starts_with("."))
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 3) {
    for (const auto& target : kTargets) {
      if (argv[1] != std::string(target.name)) continue;
      for (int i = 2; i < argc; ++i)
        if (!replay(target, argv[i])) return 1;
      std::printf("fuzz_replay: %d input(s) through %s\n", argc - 2, target.name);
      return 0;
    }
    std::fprintf(stderr, "fuzz_replay: no target '%s'\n", argv[1]);
    return 2;
  }
  stdfs::path dir = argc == 2 ? stdfs::path(argv[1]) : stdfs::path(INOVASI_FUZZ_DIR);
  int failed = 0;
  for (const auto& target : kTargets) {
    auto corpus = files_in(dir / "corpus" / target.name);
    auto crashes = files_in(dir / "crashes" / target.name);
    if (corpus.empty()) {
      std::fprintf(stderr, "fuzz_replay: no corpus in %s\n",
                   (dir / "corpus" / target.name).c_str());
      ++failed;
    }
    std::size_t read = 0;
    for (const auto& file : corpus) read += replay(target, file);
    for (const auto& file : crashes) read += replay(target, file);
    if (read != corpus.size() + crashes.size()) ++failed;
    std::printf("fuzz_replay: %s: %zu corpus file(s), %zu crash(es) replayed\n", target.name,
                corpus.size(), crashes.size());
  }
  return failed ? 1 : 0;
}
