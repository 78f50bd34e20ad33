// Findings are data: where, how bad, and what, collected and printed together.
#pragma once
#include <string>
#include <vector>

namespace inovasi {

// A position in a text file, 1-based; 0 means unknown.
struct Mark {
  int line = 0;
  int column = 0;
};

enum class Severity { kWarning, kError };

struct Finding {
  std::string path;
  Mark mark;
  Severity severity = Severity::kError;
  std::string message;
};

class Findings {
 public:
  void error(std::string path, Mark mark, std::string message);
  void warning(std::string path, Mark mark, std::string message);
  void add(Finding finding) { items_.push_back(std::move(finding)); }
  void append(const Findings& other);

  bool has_errors() const;
  bool empty() const { return items_.empty(); }
  std::size_t size() const { return items_.size(); }
  const std::vector<Finding>& items() const { return items_; }
  std::vector<Finding>& items() { return items_; }
  // Orders by path, then line, then column; keeps insertion order otherwise.
  void sort();

 private:
  std::vector<Finding> items_;
};

// "path:line:col: error: message", the form editors jump to.
std::string format(const Finding& finding);

}  // namespace inovasi

namespace inovasi {

// Where a record came from: its file (or CSV row) and the position of each of
// its fields, so that findings about a field point at it.
struct Origin {
  enum class Form { kFile, kCsv, kOptions };
  std::string path;
  Mark mark;  // the record as a whole
  std::vector<std::pair<std::string, Mark>> fields;
  Form form = Form::kFile;
  // Fields read from another file (a contract's targets from targets.csv):
  // field prefix -> that file's path.
  std::vector<std::pair<std::string, std::string>> elsewhere;

  // The file a field came from.
  const std::string& path_of(std::string_view field) const {
    for (const auto& [prefix, other] : elsewhere)
      if (field.starts_with(prefix)) return other;
    return path;
  }

  // A field as the source names it: "proposer.nip" in a file, "column
  // 'proposer_nip'" in CSV, "--proposer-nip" on the command line.
  std::string name(std::string_view field) const {
    std::string flat(field);
    if (form == Form::kFile) return flat;
    for (char& c : flat)
      if (c == '.') c = '_';
    if (form == Form::kCsv) return "column '" + flat + "'";
    for (char& c : flat)
      if (c == '_') c = '-';
    return "--" + flat;
  }

  // Position of a field ("unit", "proposer.nip", "plan[1].due"), else of the
  // nearest enclosing field that has one (a CSV cell holds a whole list),
  // else of the record.
  Mark at(std::string_view field) const {
    while (true) {
      for (const auto& [name, m] : fields)
        if (name == field) return m;
      auto cut = field.find_last_of(".[");
      if (cut == std::string_view::npos || cut == 0) return mark;
      field = field.substr(0, cut);
    }
  }
};

}  // namespace inovasi
