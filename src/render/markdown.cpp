#include "inovasi/render/markdown.h"

#include "inovasi/render/tables.h"

namespace inovasi {

std::string markdown_text(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    if (c == '\n' || c == '\r') {
      out += "<br>";
    } else {
      if (std::string_view("\\`*_[]<>|#&~!$").find(c) != std::string_view::npos) out += '\\';
      out += c;
    }
  }
  return out;
}

std::string MarkdownTable::str() const {
  std::string out = "|", rule = "|";
  for (const auto& [name, right] : header_) {
    out += " " + markdown_text(name) + " |";
    rule += right ? "---:|" : "---|";
  }
  out += "\n" + rule + "\n";
  for (const auto& row : rows_) {
    out += "|";
    for (const std::string& cell : row) out += cell.empty() ? " |" : " " + cell + " |";
    out += "\n";
  }
  return out;
}

std::string table_markdown(const Table& table) {
  std::vector<std::pair<std::string, bool>> header;
  for (const Column& c : table.columns) header.emplace_back(c.name, is_number(c.kind));
  MarkdownTable md(std::move(header));
  for (const auto& row : table.rows) {
    std::vector<std::string> cells;
    for (const std::string& cell : row) cells.push_back(markdown_text(cell));
    md.add(std::move(cells));
  }
  return md.str();
}

}  // namespace inovasi
