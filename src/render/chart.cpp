// units.svg: one horizontal bar per unit with a score, highest first.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "inovasi/render/summary.h"
#include "inovasi/render/tables.h"
#include "inovasi/util/text.h"

namespace inovasi {

namespace {

std::string xml_text(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\n':
      case '\r':
      case '\t':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Band colours, highest band first: green through red.
constexpr const char* kColours[] = {"#1a7f37", "#6a9f2a", "#d4a72c", "#e0823d", "#cf222e"};
constexpr const char* kUnbanded = "#8c959f";

constexpr int kWidth = 760, kLabelWidth = 300, kBarWidth = 380, kRow = 24, kTop = 48;
constexpr std::size_t kLabelColumns = 38;  // about 270 pixels of 13-pixel text

}  // namespace

std::string units_chart_svg(const PeriodEvaluation& e, const Labels& labels) {
  std::vector<const UnitResult*> scored;
  for (const UnitResult& u : e.units)
    if (u.mean_score) scored.push_back(&u);
  std::stable_sort(scored.begin(), scored.end(), [](const UnitResult* a, const UnitResult* b) {
    return *a->mean_score > *b->mean_score;
  });
  double cap = 100;
  for (const Band& b : e.bands) cap = std::max(cap, b.min);
  for (const UnitResult* u : scored) cap = std::max(cap, *u->mean_score);
  cap = std::ceil(cap / 20) * 20;  // the axis ends on a tick

  int rows = std::max<int>(1, static_cast<int>(scored.size()));
  int height = kTop + rows * kRow + 40;
  std::string title = labels.format("chart-title", fmt::arg("period", labels.period(e.period)));
  std::string out = fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" font-family=\"sans-serif\" font-size=\"13\">\n"
      "  <title>{2}</title>\n"
      "  <rect width=\"{0}\" height=\"{1}\" fill=\"#ffffff\"/>\n"
      "  <text x=\"{3}\" y=\"24\" font-size=\"16\" font-weight=\"bold\">{2}</text>\n",
      kWidth, height, xml_text(title), 12);
  if (scored.empty()) {
    out += fmt::format("  <text x=\"12\" y=\"{}\">{}</text>\n</svg>\n", kTop + 16,
                       xml_text(labels["chart-empty"]));
    return out;
  }
  auto x_of = [&](double score) { return kLabelWidth + score / cap * kBarWidth; };
  int axis_y = kTop + rows * kRow;
  for (int tick = 0; tick <= cap; tick += 20)
    out += fmt::format(
        "  <line x1=\"{0:.2f}\" y1=\"{1}\" x2=\"{0:.2f}\" y2=\"{2}\" stroke=\"#d0d7de\"/>\n"
        "  <text x=\"{0:.2f}\" y=\"{3}\" text-anchor=\"middle\" fill=\"#57606a\">{4}</text>\n",
        x_of(tick), kTop - 4, axis_y, axis_y + 16, tick);
  for (std::size_t i = 0; i < scored.size(); ++i) {
    const UnitResult& u = *scored[i];
    const Band* band = band_of(*u.mean_score, e.bands);
    std::size_t index = band ? static_cast<std::size_t>(band - e.bands.data()) : 0;
    const char* colour = !band ? kUnbanded : kColours[std::min<std::size_t>(index, 4)];
    int y = kTop + static_cast<int>(i) * kRow;
    // A long name is cut before its programme, which tells two units apart.
    std::string full = unit_label(*u.unit);
    std::size_t suffix = full.size() - u.unit->name.size();
    std::size_t room = kLabelColumns - std::min(suffix, kLabelColumns / 2);
    std::string name =
        text::display_width(full) <= kLabelColumns
            ? full
            : text::truncate_to_width(u.unit->name, room) + full.substr(u.unit->name.size());
    out += fmt::format(
        "  <text x=\"{0}\" y=\"{1}\" text-anchor=\"end\">{2}</text>\n"
        "  <rect x=\"{3}\" y=\"{4}\" width=\"{5:.2f}\" height=\"{6}\" fill=\"{7}\">"
        "<title>{8}: {9}</title></rect>\n"
        "  <text x=\"{10:.2f}\" y=\"{1}\">{9}</text>\n",
        kLabelWidth - 8, y + 16, xml_text(name), kLabelWidth, y + 4,
        x_of(*u.mean_score) - kLabelWidth, kRow - 8, colour, xml_text(unit_label(*u.unit)),
        format_number(u.mean_score), x_of(*u.mean_score) + 6);
  }
  return out + "</svg>\n";
}

}  // namespace inovasi
