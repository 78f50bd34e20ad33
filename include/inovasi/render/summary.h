// The evaluation summary a programme office hands to its leaders: Markdown
// that renders as tables on GitHub and GitLab, and the SVG bar chart of the
// units' scores it refers to.
#pragma once
#include <string>
#include <string_view>

#include "inovasi/model/evaluation.h"
#include "inovasi/render/labels.h"
#include "inovasi/render/markdown.h"

namespace inovasi {

inline constexpr std::string_view kChartFile = "units.svg";

// chart: refer to kChartFile, written beside the summary.
std::string summary_markdown(const PeriodEvaluation& evaluation, const Programme& programme,
                             const Labels& labels, bool chart);

// Horizontal bars of the units' mean scores, highest first, coloured by band.
std::string units_chart_svg(const PeriodEvaluation& evaluation, const Labels& labels);

}  // namespace inovasi
