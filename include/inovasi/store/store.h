// The programme directory on disk: finding it, loading every record, and
// writing records under the directory lock.
#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "inovasi/model/records.h"
#include "inovasi/model/snapshot.h"
#include "inovasi/util/finding.h"
#include "inovasi/util/fs.h"

namespace inovasi {

namespace stdfs = std::filesystem;

constexpr const char* kProgrammeFile = "inovasi.yaml";
constexpr const char* kLockFile = ".inovasi.lock";
// What a change of several files is about to do, while it does it: a
// command killed half way leaves it for the next one to finish.
constexpr const char* kJournalFile = ".inovasi/journal";

class ProgrammeDir {
 public:
  explicit ProgrammeDir(stdfs::path root);
  // -C DIR, else $INOVASI_DIR, else the nearest ancestor holding inovasi.yaml.
  // Throws UsageError when there is none.
  static ProgrammeDir locate(const std::string& explicit_dir);

  const stdfs::path& root() const { return root_; }
  // A record's path relative to the programme directory, from its key.
  template <class R>
  static std::string record_path(const std::string& key) {
    return std::string(R::kFolder) + "/" + key + ".yaml";
  }
  stdfs::path absolute(const std::string& relative) const { return root_ / relative; }
  // A path as messages show it: usable from the working directory.
  std::string shown(const std::string& relative) const { return prefix_ + relative; }

 private:
  stdfs::path root_;
  std::string prefix_;
};

struct LoadOptions {
  bool canonical_warnings = false;  // warn about files not in canonical form
  // Whether unchanged files' records come from .inovasi/cache (see cache.h).
  // check never uses it, as it vouches for the files themselves; commands
  // that write records read it but leave it as it is, so that a refused or
  // dry run changes no file at all.
  enum class Cache { kOff, kRead, kReadWrite };
  Cache cache = Cache::kReadWrite;
};

// Loads every record. Problems with single files become findings (and those
// records are left out); only I/O failures throw.
Records load_records(const ProgrammeDir& dir, Findings& findings, LoadOptions options = {});

// One record file, read and decoded: what check and fmt look at.
template <class R>
struct LoadedFile {
  std::string path;                 // relative to the programme directory
  std::string text;                 // the bytes on disk
  std::optional<Stored<R>> stored;  // empty when the file is not readable YAML
  bool clean = false;               // read without any error
};

// The relative paths of a folder's record files, sorted; other entries are
// reported (symlinks as errors, stray files as warnings).
std::vector<std::string> list_record_files(const ProgrammeDir& dir, const std::string& folder,
                                           Findings& findings);

// Every record file of a type: reports sit one folder deeper, per contract.
template <class R>
std::vector<std::string> list_files_of(const ProgrammeDir& dir, Findings& findings);

template <class R>
LoadedFile<R> load_file(const ProgrammeDir& dir, const std::string& relative, Findings& findings);

// A record from the text of its file, findings naming it `shown`; nothing
// when the text is not a YAML mapping (a record with a bad field is given,
// with its findings).
template <class R>
std::optional<Stored<R>> read_record_text(std::string_view text, const std::string& shown,
                                          Findings& findings);

// How record files are written, by the programme's settings.
struct RecordStyle {
  bool schema_hint = false;  // editor_schema: the first line names the record's JSON Schema
  // The folder the hint names; empty for this build's, INOVASI_SCHEMA_DIR.
  std::string schema_dir;
  static RecordStyle of(const Programme& programme) { return {programme.schema_hints(), {}}; }
};

// "# yaml-language-server: $schema=<folder>/<type>.schema.json\n", type being
// R::kType: the schema of that record type in `folder`, by default the
// installed one (INOVASI_SCHEMA_DIR).
std::string schema_hint(std::string_view type, std::string_view folder = {});

// The canonical bytes of a record: its fields, without the schema hint.
template <class R>
std::string canonical_text(const R& record);
// The canonical bytes of a record file: with the schema hint first when the
// style asks for it.
template <class R>
std::string canonical_text(const R& record, RecordStyle style) {
  return style.schema_hint ? schema_hint(R::kType, style.schema_dir) + canonical_text(record)
                           : canonical_text(record);
}

// The style a file is checked and rewritten with when the programme's own
// settings could not be read: its schema hint stays as it is.
RecordStyle style_of_file(std::string_view text);
// The style a file is checked and rewritten with: the programme's (else the
// file's own), its hint naming the folder the file's hint names, so that a
// record written by inovasi installed elsewhere (/usr, /usr/local, a home
// folder) is not rewritten for that alone.
RecordStyle style_for_file(const std::optional<RecordStyle>& programme, std::string_view text);

// The first step of a relative path (its top folder, ..., the file itself)
// that is a symbolic link: records are never read or written through one.
std::optional<std::string> symlink_on_path(const ProgrammeDir& dir, const std::string& relative);

// Why `content` must not be written as the record file `relative` (see
// visit_record_path): read back, it would not be a record, or not the record
// it was written from (canonical bytes read back give the same bytes), or
// the record would break a rule it keeps on its own (check_record_alone).
// Nothing for a file that is no record, or bytes that are fine.
std::optional<std::string> unwritable_record(const std::string& relative, std::string_view content);
// Every such reason, in file order; empty when the bytes are fine.
std::vector<std::string> record_problems(const std::string& relative, std::string_view content);

// Stages record files and writes them all at once under the directory lock.
// Unchanged files keep their bytes (and modification time).
class Transaction {
 public:
  explicit Transaction(const ProgrammeDir& dir);
  ~Transaction();

  template <class R>
  void put(const R& record, RecordStyle style) {
    stage(ProgrammeDir::record_path<R>(record_key(record)), canonical_text(record, style));
  }
  void stage(const std::string& relative, std::string content);
  // A file to remove, and a folder to remove if that leaves it empty.
  void remove(const std::string& relative);
  void remove_folder_if_empty(const std::string& relative);
  // What a file to be written or removed held when the command read it
  // (nothing: it did not exist). commit looks again, and a file that has
  // changed since (an editor saved it) is not overwritten: see OnChanged.
  void read_as(const std::string& relative, std::optional<std::string> bytes);
  // What commit does when a file changed since it was read: refuse the
  // whole change (a change of several files is one), or leave just that
  // file alone (fmt, whose files are each a change of their own).
  enum class OnChanged { kRefuseAll, kSkipFile };
  // Writes and removes everything staged. Every record file is first read
  // back from the bytes to be written (unwritable_record): if one would not
  // give its record, nothing is written. When that is more than one file,
  // it is all or nothing even if the command is killed (kJournalFile).
  // Returns the relative paths that changed on disk.
  std::vector<std::string> commit(OnChanged on_changed = OnChanged::kRefuseAll);
  // The files commit left alone because they changed since they were read,
  // as "PATH: changed since it was read; left alone" messages.
  const std::vector<std::string>& skipped() const { return skipped_; }

 private:
  const ProgrammeDir& dir_;
  std::unique_ptr<fs::Lock> lock_;
  std::vector<std::pair<std::string, std::string>> staged_;
  std::vector<std::string> removed_, folders_;
  std::map<std::string, std::optional<std::string>> read_;
  std::vector<std::string> skipped_;
};

// Why rewriting a record file would lose what a person typed into it (its
// comments), or nothing when it would not.
std::optional<std::string> comments_would_be_lost(const ProgrammeDir& dir,
                                                  const std::string& relative);
// The same for a file whose text was read already.
std::optional<std::string> comments_would_be_lost(const ProgrammeDir& dir,
                                                  const std::string& relative,
                                                  std::string_view text);

// Finishes a change that a killed command left in kJournalFile, under the
// directory lock, and says so on stderr; nothing when there is none. Every
// command that reads or writes records calls it first (load_records and
// Transaction do).
void complete_interrupted_change(const ProgrammeDir& dir);

}  // namespace inovasi
