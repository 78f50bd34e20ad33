#include "inovasi/util/terminal.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "inovasi/util/text.h"

namespace inovasi::terminal {

bool is_terminal(std::FILE* stream) {
  return ::isatty(::fileno(stream)) == 1;
}

std::size_t width() {
  if (!is_terminal(stdout)) return 0;
  struct winsize ws {};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  if (const char* columns = std::getenv("COLUMNS")) {
    long n = std::strtol(columns, nullptr, 10);
    if (n > 0) return static_cast<std::size_t>(n);
  }
  return 80;
}

bool use_colour(std::FILE* stream) {
  // no-color.org: set and not empty.
  if (const char* no_colour = std::getenv("NO_COLOR"); no_colour && *no_colour) return false;
  const char* term = std::getenv("TERM");
  if (term && std::strcmp(term, "dumb") == 0) return false;
  return is_terminal(stream);
}

std::string table(const std::vector<std::string>& header,
                  const std::vector<std::vector<std::string>>& rows, std::size_t max_width,
                  bool colour) {
  std::size_t n = header.size();
  // Record text is shown, never obeyed: its control characters as escapes.
  std::vector<std::vector<std::string>> shown;
  shown.reserve(rows.size());
  for (const auto& row : rows) {
    std::vector<std::string> cells;
    for (const auto& cell : row) cells.push_back(text::escape_controls(cell));
    shown.push_back(std::move(cells));
  }
  std::vector<std::size_t> widths(n);
  for (std::size_t c = 0; c < n; ++c) {
    widths[c] = text::display_width(header[c]);
    for (const auto& row : shown) widths[c] = std::max(widths[c], text::display_width(row[c]));
  }
  const std::size_t gap = 2;
  if (max_width > 0) {
    auto total = [&] {
      std::size_t t = gap * (n - 1);
      for (auto w : widths) t += w;
      return t;
    };
    // Shave the widest column until the table fits, keeping each at least 8.
    while (total() > max_width) {
      auto widest = std::max_element(widths.begin(), widths.end());
      if (*widest <= 8) break;
      --*widest;
    }
  }
  auto line = [&](const std::vector<std::string>& cells, bool bold) {
    std::string out;
    for (std::size_t c = 0; c < n; ++c) {
      std::string cell = text::truncate_to_width(cells[c], widths[c]);
      bool last = c + 1 == n;
      std::string padded = cell;
      if (!last) padded += std::string(widths[c] - text::display_width(cell) + gap, ' ');
      out += bold && colour ? "\033[1m" + cell + "\033[0m" + padded.substr(cell.size()) : padded;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = line(header, true);
  for (const auto& row : shown) out += line(row, false);
  return out;
}

}  // namespace inovasi::terminal
