// Findings are data: where, how bad, and what, collected and printed together.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "inovasi/util/messages.h"

namespace inovasi {

// A position in a text file, 1-based; 0 means unknown.
struct Mark {
  int line = 0;
  int column = 0;
  bool operator==(const Mark&) const = default;
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

// The order findings are shown in: by path, then line, then column.
bool comes_before(const Finding& a, const Finding& b);

// "path:line:col: error: message", the form editors jump to.
std::string format(const Finding& finding);

}  // namespace inovasi

namespace inovasi {

// The few hundred field names records use ("title", "plan[2].due"), each
// kept once per process and named by a number; safe from any thread.
std::uint32_t intern_field_name(std::string_view name);
// The number of a name already kept, without keeping it.
std::optional<std::uint32_t> find_field_name(std::string_view name);
std::string_view field_name(std::uint32_t id);

// The positions of a record's fields, by name, in the order they were read.
// A programme holds millions of them, so each takes twelve bytes.
class FieldMarks {
 public:
  struct Item {
    std::uint32_t name;
    Mark mark;
    bool operator==(const Item&) const = default;
  };
  class Iterator {
   public:
    explicit Iterator(const Item* at) : at_(at) {}
    std::pair<std::string_view, Mark> operator*() const {
      return {field_name(at_->name), at_->mark};
    }
    Iterator& operator++() {
      ++at_;
      return *this;
    }
    bool operator!=(const Iterator& other) const { return at_ != other.at_; }

   private:
    const Item* at_;
  };

  FieldMarks() = default;
  FieldMarks(std::initializer_list<std::pair<std::string_view, Mark>> fields) {
    for (const auto& [name, mark] : fields) emplace_back(name, mark);
  }
  FieldMarks(const FieldMarks& other) : items_(other.items_) { reindex(); }
  FieldMarks(FieldMarks&&) noexcept = default;
  FieldMarks& operator=(const FieldMarks& other) {
    if (this != &other) {
      items_ = other.items_;
      reindex();
    }
    return *this;
  }
  FieldMarks& operator=(FieldMarks&&) noexcept = default;

  void emplace_back(std::string_view name, Mark mark);
  // The mark of the first field of that name.
  std::optional<Mark> find(std::string_view name) const;
  std::size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }
  Iterator begin() const { return Iterator(items_.data()); }
  Iterator end() const { return Iterator(items_.data() + items_.size()); }
  bool operator==(const FieldMarks& other) const { return items_ == other.items_; }

 private:
  // A record of thousands of fields (a contract of thousands of targets)
  // also gets an index by name, so that a finding about each of them is
  // not a search through all the others; small records need none.
  static constexpr std::size_t kIndexFrom = 64;
  void reindex();

  std::vector<Item> items_;
  std::unique_ptr<std::unordered_map<std::uint32_t, std::uint32_t>> index_;  // name -> first item
};

// Where a record came from: its file (or CSV row) and the position of each of
// its fields, so that findings about a field point at it.
struct Origin {
  enum class Form { kFile, kCsv, kOptions };
  std::string path;
  Mark mark;  // the record as a whole
  FieldMarks fields;
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
    if (form == Form::kCsv) return msg("column '{}'", flat);
    for (char& c : flat)
      if (c == '_') c = '-';
    return "--" + flat;
  }

  // Position of a field ("unit", "proposer.nip", "plan[1].due"), else of the
  // nearest enclosing field that has one (a CSV cell holds a whole list),
  // else of the record.
  Mark at(std::string_view field) const {
    while (true) {
      if (auto m = fields.find(field)) return *m;
      auto cut = field.find_last_of(".[");
      if (cut == std::string_view::npos || cut == 0) return mark;
      field = field.substr(0, cut);
    }
  }
};

}  // namespace inovasi
