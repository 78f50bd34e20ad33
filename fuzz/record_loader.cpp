// Record files as `inovasi` loads them: the YAML reader, the decoder of every
// record type and the rules across records. The input is the text of one
// record file; form feeds split it into several files of one programme, so
// that the rules between records (references, duplicates) are reached too.
//
// Properties: a record read without errors is written in canonical form, as
// valid UTF-8, and that text reads again without errors and is written back
// unchanged; where
// the canonical reader takes a text, the full reader reads it without
// errors to the same tree, positions included.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "inovasi/check/check.h"
#include "inovasi/importer/targets.h"
#include "inovasi/store/codec.h"
#include "inovasi/store/store.h"
#include "inovasi/store/yaml_doc.h"
#include "inovasi/util/text.h"

namespace {

using namespace inovasi;

template <class R>
std::string path_of(const R& record) {
  if constexpr (std::is_same_v<R, Programme>)
    return kProgrammeFile;
  else
    return ProgrammeDir::record_path<R>(record_key(record));
}

template <class R>
void round_trip(const R& record) {
  std::string canonical = canonical_text(record);
  fuzz::require(text::is_valid_utf8(canonical), "the canonical text of a record is valid UTF-8",
                canonical);
  Findings findings;
  yaml::Node root = yaml::parse(canonical, "canonical.yaml", findings);
  Origin origin;
  R again{};
  if (!findings.has_errors()) again = decode_record<R>(root, "canonical.yaml", findings, origin);
  if (findings.has_errors()) {
    std::string detail = canonical;
    for (const auto& f : findings.items()) detail += "\n  " + format(f);
    fuzz::violated("the canonical text of a clean record reads without errors", detail);
  }
  std::string twice = canonical_text(again);
  fuzz::require(twice == canonical, "canonical text reads back to the same canonical text",
                canonical + "\n  became\n" + twice);
}

// What load_file does with the text of one file, for one record type.
template <class R>
void load_as(const yaml::Node& root, std::string_view text, Records& records) {
  Findings findings;
  Stored<R> stored;
  stored.record = decode_record<R>(root, "fuzz.yaml", findings, stored.origin);
  stored.origin.path = path_of(stored.record);
  if (!findings.has_errors()) {
    round_trip(stored.record);
    (void)(canonical_text(stored.record) == text);  // the "not in canonical form" warning
  }
  if constexpr (std::is_same_v<R, Programme>) {
    if (!records.programme) records.programme = std::move(stored);
  } else {
    records.all<R>().push_back(std::move(stored));
  }
}

// parse takes the canonical reader's tree when it has one; it must be the
// tree the full reader builds.
void same_as_full(std::string_view text) {
  if (text.size() > yaml::kMaxFileSize || !text::is_valid_utf8(text)) return;  // parse refuses
  auto fast = yaml::parse_canonical(text);
  if (!fast) return;
  Findings findings;
  yaml::Node full = yaml::parse_full(text, "fuzz.yaml", findings);
  std::string detail(text);
  for (const auto& f : findings.items()) detail += "\n  " + format(f);
  fuzz::require(!findings.has_errors(), "what the canonical reader takes, yaml-cpp reads", detail);
  std::string difference = yaml::tree_difference(*fast, full);
  fuzz::require(difference.empty(), "the canonical reader's tree is yaml-cpp's",
                detail + "\n  " + difference);
}

void load_file_text(std::string_view text, Records& records) {
  yaml::scan(text);
  same_as_full(text);
  Findings findings;
  yaml::Node root = yaml::parse(text, "fuzz.yaml", findings);
  if (findings.has_errors()) return;
  load_as<Programme>(root, text, records);
  load_as<Unit>(root, text, records);
  load_as<Idea>(root, text, records);
  load_as<Contract>(root, text, records);
  load_as<Report>(root, text, records);
  load_as<Regulation>(root, text, records);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  Records records;
  constexpr int kMaxFiles = 16;
  int files = 0;
  while (files++ < kMaxFiles) {
    auto cut = input.find('\f');
    load_file_text(input.substr(0, cut), records);
    if (cut == std::string_view::npos) break;
    input.remove_prefix(cut + 1);
  }
  if (files == 1) {
    // A targets file given to sign-contract --targets is a YAML list.
    Findings findings;
    inovasi::read_targets_yaml("targets.yaml", std::string(input), findings);
  }
  records.sort();
  Findings findings;
  check_records(records, findings);
  findings.sort();
  for (const auto& f : findings.items()) (void)format(f);
  return 0;
}
