// inovasi merge-driver: git's custom merge driver for record files. It merges
// a record field by field, so that two branches changing different fields
// (even on adjacent lines) merge cleanly, and only a field changed two ways
// is a conflict, marked around that field alone.
#include <spawn.h>
#include <sys/wait.h>

#include <iostream>
#include <memory>
#include <optional>
#include <set>

#include "inovasi/cli/app.h"
#include "inovasi/store/codec.h"
#include "inovasi/store/record_types.h"
#include "inovasi/store/store.h"
#include "inovasi/store/yaml_doc.h"
#include "inovasi/util/error.h"
#include "inovasi/util/fs.h"
#include "inovasi/util/messages.h"
#include "inovasi/util/text.h"
#include "options.h"

extern char** environ;

namespace inovasi::cli {

namespace {

struct MergeFiles {
  std::string base, ours, theirs;  // %O %A %B: the result is written over ours
  std::string path;                // %P: the record's path in the repository
};

// One version of a record as canonical YAML, one text per top-level field
// ("title: X\n", or a whole list or mapping with its lines).
using FieldTexts = std::vector<std::pair<std::string, std::string>>;

const std::string* field_text(const FieldTexts& fields, const std::string& key) {
  for (const auto& [k, text] : fields)
    if (k == key) return &text;
  return nullptr;
}

// Reads one version; nothing when it is not a valid record without comments,
// which only a line merge can combine without losing anything. An empty base
// is a record that both sides added.
template <class R>
std::optional<FieldTexts> read_version(const std::string& text, const std::string& path,
                                       const char* side, std::string& why_not) {
  if (side == std::string_view("base") && text.empty()) return FieldTexts{};
  if (yaml::has_comments(text)) {
    if (why_not.empty()) why_not = msg("{} has comments", side);
    return std::nullopt;
  }
  Findings findings;
  yaml::Node root = yaml::parse(text, path, findings);
  Origin origin;
  R record{};
  if (!findings.has_errors()) record = decode_record<R>(root, path, findings, origin);
  if (findings.has_errors()) {
    if (why_not.empty()) why_not = msg("{} is not a valid {}", side, record_noun<R>());
    return std::nullopt;
  }
  YamlEncoder encoder(false);
  R::fields(record, encoder);
  FieldTexts fields;
  for (auto& entry : encoder.node.entries) {
    yaml::Node one = yaml::Node::map();
    one.entries.push_back(entry);
    fields.emplace_back(entry.key, yaml::emit(one));
  }
  return fields;
}

constexpr const char* kOursMarker = "<<<<<<< ours\n";
constexpr const char* kMiddleMarker = "=======\n";
constexpr const char* kTheirsMarker = ">>>>>>> theirs\n";

struct Merged {
  std::string text;
  std::vector<std::string> conflicts;  // the keys changed two ways
  std::string broken;                  // the rule the merge alone would break
};

// One top-level field of the three versions (nothing where a version lacks it).
struct FieldMerge {
  std::string key;
  const std::string *base, *ours, *theirs;
  const std::string* chosen = nullptr;  // the merged field, unless it conflicts
  bool two_ways = false;                // changed differently on both sides
  bool one_side = false;                // changed on one side only
};

// The merged text: each field as chosen, and those in `conflicting` (and
// those changed two ways) with ours and theirs between conflict markers.
std::string merged_text(const std::string& hint, const std::vector<FieldMerge>& fields,
                        const std::set<std::string>& conflicting) {
  std::string text = hint;
  for (const auto& f : fields) {
    if (f.two_ways || conflicting.count(f.key))
      text += kOursMarker + (f.ours ? *f.ours : "") + kMiddleMarker + (f.theirs ? *f.theirs : "") +
              kTheirsMarker;
    else if (f.chosen)
      text += *f.chosen;
  }
  return text;
}

// The record of fields taken as they are in one version.
std::string version_text(const std::vector<FieldMerge>& fields,
                         const std::string* FieldMerge::*side) {
  std::string text;
  for (const auto& f : fields)
    if (f.*side) text += *(f.*side);
  return text;
}

// The three-way merge of each top-level field: a field changed on one side
// takes that side, a field changed alike on both takes it, and a field
// changed two ways keeps both between conflict markers. A merge of changes
// that are each fine but together break a rule of the record ("signed
// after the contract ended") is a conflict too, marked around the fields
// whose change alone makes it: the merge driver never writes a record that
// check refuses for what it holds alone.
template <class R>
std::optional<Merged> merge_fields(const MergeFiles& f, const std::string& base_text,
                                   const std::string& ours_text, const std::string& theirs_text,
                                   std::string& why_not) {
  auto base = read_version<R>(base_text, f.path, "base", why_not);
  auto ours = read_version<R>(ours_text, f.path, "ours", why_not);
  auto theirs = read_version<R>(theirs_text, f.path, "theirs", why_not);
  if (!base || !ours || !theirs) return std::nullopt;
  FieldNames order;
  const R empty{};
  R::fields(empty, order);
  auto same = [](const std::string* x, const std::string* y) {
    return x == y || (x && y && *x == *y);
  };
  Merged merged;
  // The schema hint (editor_schema) is merged as a field is, but never
  // conflicts: a comment is not worth stopping a merge for, so ours wins,
  // and 'inovasi fmt' sets every hint by the merged inovasi.yaml.
  auto hint = [](const std::string& text) { return text.substr(0, yaml::schema_hint_size(text)); };
  std::string base_hint = hint(base_text), our_hint = hint(ours_text);
  std::string their_hint = hint(theirs_text);
  std::string merged_hint = base_hint == our_hint ? their_hint : our_hint;
  std::vector<FieldMerge> fields;
  for (const auto& key : order.names) {
    FieldMerge m{key, field_text(*base, key), field_text(*ours, key), field_text(*theirs, key)};
    if (same(m.ours, m.theirs) || same(m.base, m.theirs)) {
      m.chosen = m.ours;
      m.one_side = !same(m.base, m.ours) && !same(m.ours, m.theirs);
    } else if (same(m.base, m.ours)) {
      m.chosen = m.theirs;
      m.one_side = true;
    } else {
      m.two_ways = true;
      merged.conflicts.push_back(key);
    }
    fields.push_back(m);
  }
  merged.text = merged_text(merged_hint, fields, {});
  if (!merged.conflicts.empty()) return merged;
  // Only what the merge itself breaks: a rule either side breaks alone is
  // that side's, and check says so.
  std::set<std::string> inherited;
  for (auto side : {&FieldMerge::ours, &FieldMerge::theirs})
    for (auto& rule : record_problems(f.path, version_text(fields, side))) inherited.insert(rule);
  auto made_by_merge = [&](const std::string& text) {
    std::set<std::string> made;
    for (const auto& rule : record_problems(f.path, text))
      if (!inherited.count(rule)) made.insert(rule);
    return made;
  };
  std::set<std::string> broken = made_by_merge(merged.text);
  if (broken.empty()) return merged;
  // The fields whose change alone, taken back, mends what the merge broke.
  std::set<std::string> culprits, one_sided;
  for (auto& m : fields) {
    if (!m.one_side) continue;
    one_sided.insert(m.key);
    const std::string* chosen = m.chosen;
    m.chosen = m.base;
    if (made_by_merge(merged_text(merged_hint, fields, {})).empty()) culprits.insert(m.key);
    m.chosen = chosen;
  }
  if (culprits.empty()) culprits = one_sided;
  merged.text = merged_text(merged_hint, fields, culprits);
  merged.conflicts.assign(culprits.begin(), culprits.end());
  merged.broken = *broken.begin();
  return merged;
}

// Merges a record of the type its path names; nothing for any other file.
std::optional<Merged> merge_record(const MergeFiles& f, const std::string& base,
                                   const std::string& ours, const std::string& theirs,
                                   std::string& why_not) {
  std::optional<Merged> merged;
  visit_record_path(f.path, [&](auto type) {
    merged = merge_fields<typename decltype(type)::type>(f, base, ours, theirs, why_not);
  });
  return merged;
}

void write_result(const std::string& ours_path, const std::string& text) {
  fs::AtomicBatch batch;
  batch.add(ours_path, text);
  batch.commit();
}

// What git does without this driver: its own line merge (git merge-file),
// which writes into ours and exits with the number of conflicts. Should git
// not run, ours is kept whole beside theirs between markers.
int merge_lines(const MergeFiles& f, const std::string& ours, const std::string& theirs) {
  std::vector<std::string> args = {"git", "merge-file", "-L",   "ours", "-L",    "base",
                                   "-L",  "theirs",     f.ours, f.base, f.theirs};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  int status = 0;
  if (::posix_spawnp(&pid, "git", nullptr, nullptr, argv.data(), environ) == 0 &&
      ::waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) < 127)
    return WEXITSTATUS(status) == 0 ? kOk : kInvalid;
  auto line_end = [](const std::string& s) { return s.empty() || s.back() == '\n' ? "" : "\n"; };
  write_result(f.ours, kOursMarker + ours + line_end(ours) + kMiddleMarker + theirs +
                           line_end(theirs) + kTheirsMarker);
  return kInvalid;
}

int run_merge_driver(const MergeFiles& f) {
  std::string base = fs::read_file(f.base);
  std::string ours = fs::read_file(f.ours);
  std::string theirs = fs::read_file(f.theirs);
  std::string why_not;
  std::optional<Merged> merged = merge_record(f, base, ours, theirs, why_not);
  if (!merged) {
    // A file outside the record folders is no record: nothing to say.
    if (!why_not.empty()) std::cerr << msg("{}: {}; merged line by line\n", f.path, why_not);
    return merge_lines(f, ours, theirs);
  }
  write_result(f.ours, merged->text);
  if (!merged->broken.empty())
    std::cerr << msg(
        "{}: the changes to {} on the two sides are fine each, but together the "
        "record breaks a rule: {}\n",
        f.path, "'" + text::join(merged->conflicts, "', '") + "'", merged->broken);
  else
    for (const auto& key : merged->conflicts)
      std::cerr << msg("{}: '{}' changed differently on both sides\n", f.path, key);
  return merged->conflicts.empty() ? kOk : kInvalid;
}

}  // namespace

Command merge_driver_command() {
  return {
      "merge-driver", tr_noop("Merge a record field by field (git's merge driver for records)"),
      [](CLI::App& app) -> Runner {
        auto f = std::make_shared<MergeFiles>();
        app.add_option("base", f->base, tr("The common ancestor's version (git's %O)"))->required();
        app.add_option("ours", f->ours,
                       tr("Our version (git's %A); the merged record is written here"))
            ->required();
        app.add_option("theirs", f->theirs, tr("Their version (git's %B)"))->required();
        app.add_option("path", f->path, tr("The record's path in the repository (git's %P)"))
            ->required();
        app.footer(
            tr("Each top-level field is merged on its own: changed on one side, that side\n"
               "wins; changed alike on both, it is kept; changed two ways, both values are\n"
               "left between conflict markers around that field and the exit status is 1.\n"
               "A list or mapping under a field (plan, targets, actual) is one value.\n"
               "Files that are not valid records, or hold comments, are merged line by\n"
               "line as git would. The programme's .gitattributes names the driver for\n"
               "*.yaml; enable it once in each clone:\n"
               "  git config merge.inovasi.driver 'inovasi merge-driver %O %A %B %P'\n"
               "\n"
               "Examples:\n"
               "  inovasi merge-driver base.yaml ours.yaml theirs.yaml ideas/antrean-online.yaml\n"
               "  inovasi merge-driver %O %A %B %P    (as git runs it)"));
        return [f](const Globals&) { return run_merge_driver(*f); };
      },
      Scope::kNone};
}

}  // namespace inovasi::cli
