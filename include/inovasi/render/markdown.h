// Markdown that renders the same on GitHub and GitLab: record text escaped,
// tables in the pipe form of GitHub-flavoured Markdown.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace inovasi {

struct Table;

// Text safe in a Markdown table cell or inline: Markdown punctuation
// backslash-escaped, a line break as <br>.
std::string markdown_text(std::string_view text);

// A pipe table; cells are Markdown already (escape record text first).
class MarkdownTable {
 public:
  // Each column: its name (plain text) and whether it is right-aligned (numbers).
  explicit MarkdownTable(std::vector<std::pair<std::string, bool>> header)
      : header_(std::move(header)) {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  bool empty() const { return rows_.empty(); }
  std::string str() const;

 private:
  std::vector<std::pair<std::string, bool>> header_;
  std::vector<std::vector<std::string>> rows_;
};

// A table of plain cells (numbers right-aligned), escaped.
std::string table_markdown(const Table& table);

}  // namespace inovasi
