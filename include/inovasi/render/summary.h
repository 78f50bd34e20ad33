// The evaluation summary a programme office hands to its leaders: Markdown
// that renders as tables on GitHub and GitLab, and the SVG bar chart of the
// units' scores it refers to.
#pragma once
#include <string>
#include <string_view>

#include "inovasi/model/evaluation.h"
#include "inovasi/model/workspace.h"
#include "inovasi/render/labels.h"
#include "inovasi/render/markdown.h"

namespace inovasi {

inline constexpr std::string_view kChartFile = "units.svg";

// chart: refer to kChartFile, written beside the summary.
std::string summary_markdown(const PeriodEvaluation& evaluation, const Programme& programme,
                             const Labels& labels, bool chart);

// Several programmes seen together: a table of the programmes, then the
// same sections over all of them, ids qualified and each unit's name
// followed by its programme.
std::string summary_markdown(const CombinedEvaluation& evaluation, const Labels& labels,
                             bool chart);

// A unit as the summary and the chart name it: its name, followed by its
// programme when its id is qualified ("RSUD dr. R. Koesma (tuban)").
std::string unit_label(const Unit& unit);

// Horizontal bars of the units' mean scores, highest first, coloured by band.
std::string units_chart_svg(const PeriodEvaluation& evaluation, const Labels& labels);

}  // namespace inovasi
