// What the terminal can show: width, colour, and tables that fit.
#pragma once
#include <cstdio>
#include <string>
#include <vector>

namespace inovasi::terminal {

bool is_terminal(std::FILE* stream);
// Columns of the terminal on stdout; 0 when stdout is not a terminal
// (then tables are not cut).
std::size_t width();
// Colour only on a terminal, and never with NO_COLOR set or TERM=dumb.
bool use_colour(std::FILE* stream);

// A plain-text table: a header row, then rows, columns padded with two
// spaces; when max_width > 0 the widest columns are cut with "…" to fit.
std::string table(const std::vector<std::string>& header,
                  const std::vector<std::vector<std::string>>& rows, std::size_t max_width,
                  bool colour);

}  // namespace inovasi::terminal
