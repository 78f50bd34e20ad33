// inovasi edit: one record in the user's editor, as visudo and crontab -e do:
// written back only when it is valid, in canonical form, under the lock.
#include <stdlib.h>
#include <unistd.h>

#include "changing.h"
#include "inovasi/check/check.h"
#include "inovasi/store/yaml_doc.h"
#include "inovasi/util/fs.h"
#include "inovasi/util/process.h"
#include "inovasi/util/terminal.h"

namespace inovasi::cli {

namespace {

struct EditOptions {
  std::string type;
  std::string id;
};

// $VISUAL, else $EDITOR, else vi; a value may carry arguments ("code --wait").
std::string editor() {
  for (const char* name : {"VISUAL", "EDITOR"})
    if (const char* value = std::getenv(name); value && *value) return value;
  return "vi";
}

// A private copy of the record to edit, named so that the editor knows it
// for YAML; removed when the command ends, unless kept on purpose.
class Scratch {
 public:
  Scratch(const std::string& id, const std::string& text) {
    const char* tmp = std::getenv("TMPDIR");
    std::string name = std::string(tmp && *tmp ? tmp : "/tmp") + "/inovasi-edit-XXXXXX-";
    for (char c : id) name += c == '/' ? '-' : c;
    name += ".yaml";
    std::vector<char> buffer(name.begin(), name.end());
    buffer.push_back('\0');
    int fd = ::mkstemps(buffer.data(), static_cast<int>(id.size() + 6));
    if (fd < 0) throw IoError(msg("{}: cannot create temporary file: {}", name, fs::reason(errno)));
    path_ = buffer.data();
    std::size_t written = 0;
    while (written < text.size()) {
      ssize_t n = ::write(fd, text.data() + written, text.size() - written);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        int error = errno;
        ::close(fd);
        throw IoError(msg("{}: cannot write: {}", path_, fs::reason(error)));
      }
      written += static_cast<std::size_t>(n);
    }
    ::close(fd);
  }
  ~Scratch() {
    if (!keep_) ::unlink(path_.c_str());
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  const std::string& path() const { return path_; }
  void keep() { keep_ = true; }

 private:
  std::string path_;
  bool keep_ = false;
};

// After an invalid edit: edit again (true) or abandon (false).
bool edit_again() {
  while (true) {
    std::cerr << tr("What now? (e)dit again or (a)bandon the change: ") << std::flush;
    std::string answer;
    if (!std::getline(std::cin, answer)) return false;
    answer = text::trim(answer);
    if (answer == "e" || answer == tr("e")) return true;
    if (answer == "a" || answer == tr("a")) return false;
  }
}

template <class R>
int run_edit_of(const Globals& g, const EditOptions& o) {
  if (!terminal::is_terminal(stdin) || !terminal::is_terminal(stderr))
    throw UsageError(
        tr("edit needs a terminal; to change a record from a script, use "
           "'inovasi set'"));
  ProgrammeDir dir = ProgrammeDir::locate(g.dir);
  RecordRef ref = find_record<R>(dir, o.id);
  std::string shown = dir.shown(ref.relative);
  std::string original = fs::read_file(dir.absolute(ref.relative));
  Scratch scratch(ref.key, original);

  while (true) {
    std::optional<int> status =
        process::run({"sh", "-c", editor() + " \"$1\"", "sh", scratch.path()});
    if (!status || *status != 0)
      throw InvalidInput(
          msg("the editor ({}) did not finish well; {} is left as it was", editor(), shown));
    std::string edited = fs::read_file(scratch.path());
    if (edited == original) {
      std::cout << msg("unchanged {}", shown) << "\n";
      return kOk;
    }
    // The edited text, checked whole with the programme as it is now;
    // findings name the record's file, at the lines of the edited text.
    Findings findings;
    std::optional<Stored<R>> stored = read_record_text<R>(edited, shown, findings);
    // What the other files say is theirs; what the file on disk says is what
    // the edit replaces (a broken record may be mended here).
    Findings on_disk;
    Records records = load_records(dir, on_disk);
    if (stored && record_key(stored->record) != ref.key)
      findings.error(shown, stored->origin.at(R::kKeyColumns[0]),
                     msg("the key cannot change here ({} → {}); use 'inovasi mv'", ref.key,
                         record_key(stored->record)));
    Findings checked;
    if (stored && !findings.has_errors()) {
      records.put(*stored);
      check_records(records, checked);
    }
    Findings mine;
    for (const auto& f : findings.items())
      if (f.path == shown) mine.add(f);
    for (const auto& f : checked.items())
      if (f.path == shown) mine.add(f);
    if (stored && yaml::has_comments(edited))
      mine.warning(shown, {}, tr("has comments, which records do not keep; they were dropped"));
    print_findings(mine);
    if (mine.has_errors() || !stored) {
      if (edit_again()) continue;
      throw InvalidInput(msg("abandoned; {} is left as it was", shown));
    }

    // Written only if nobody changed the file meanwhile.
    Transaction transaction(dir);
    if (fs::read_file_if_exists(dir.absolute(ref.relative)) != original) {
      scratch.keep();
      throw InvalidInput(msg("{} was changed while you edited it; your version is kept in {}",
                             shown, scratch.path()));
    }
    std::optional<RecordStyle> style;
    if (records.programme) style = RecordStyle::of(records.programme->record);
    std::string canonical = canonical_text(stored->record, style_for_file(style, original));
    // The changes field by field, when the record was readable before.
    Findings before_findings;
    std::optional<Stored<R>> before = read_record_text<R>(original, shown, before_findings);
    if (before_findings.has_errors()) before.reset();
    transaction.stage(ref.relative, canonical);
    transaction.read_as(ref.relative, original);
    try {
      transaction.commit();
    } catch (const Error&) {
      scratch.keep();  // what was typed is never lost
      std::cerr << msg("your version is kept in {}", scratch.path()) << "\n";
      throw;
    }
    std::cout << (canonical == original ? msg("unchanged {}", shown) : msg("updated {}", shown))
              << "\n";
    if (before)
      for (const auto& field : record_changes(before->record, stored->record))
        std::cout << "  " << describe(field) << "\n";
    return kOk;
  }
}

}  // namespace

Command edit_command() {
  return {"edit", tr_noop("Edit one record in $VISUAL or $EDITOR; written only when valid"),
          [](CLI::App& app) -> Runner {
            auto o = std::make_shared<EditOptions>();
            add_record_arguments(app, o->type, o->id);
            app.footer(
                tr("Examples:\n"
                   "  inovasi edit idea antrean-online\n"
                   "  inovasi edit report rsud-2018/2018-Q3\n"
                   "\n"
                   "The record opens in $VISUAL, else $EDITOR, else vi. On saving, it is\n"
                   "checked whole; on an error the findings are shown and you choose to\n"
                   "edit again or to abandon. Only a valid record is written, in canonical\n"
                   "form; comments typed in are dropped, with a warning."));
            return [o](const Globals& g) {
              return dispatch_record_type(o->type, [&](auto type) {
                return run_edit_of<typename decltype(type)::type>(g, *o);
              });
            };
          }};
}

}  // namespace inovasi::cli
