// The catalogue of a programme's ideas as a Markdown booklet, grouped by
// unit, in the reader's language: what a launch hands out.
#pragma once
#include <string>

#include "inovasi/model/snapshot.h"
#include "inovasi/render/labels.h"

namespace inovasi {

std::string ideas_booklet(const Records& records, const Labels& labels);

// Free text as Markdown paragraphs: blank lines part paragraphs, a single
// line break stays one, and nothing in the text becomes markup.
std::string markdown_paragraphs(std::string_view text);

// 150000000 as "150.000.000" (id) or "150,000,000" (en).
std::string grouped_number(std::int64_t value, const Labels& labels);

}  // namespace inovasi
