#include "inovasi/render/labels.h"

#include <stdexcept>

#include "inovasi/store/yaml_doc.h"

namespace inovasi {

Labels::Labels(std::string_view catalogue, Language language) : language_(language) {
  Findings findings;
  yaml::Node root = yaml::parse(catalogue, "data/labels.yaml", findings);
  if (findings.has_errors()) throw std::invalid_argument(inovasi::format(findings.items().front()));
  const std::string lang(token(language));
  for (const yaml::Entry& entry : root.entries) {
    const yaml::Entry* text = entry.value.find(lang);
    const yaml::Entry* other = entry.value.find(language == Language::kId ? "en" : "id");
    auto is_text = [](const yaml::Entry* e) {
      return e && e->value.kind == yaml::Kind::kScalar && !e->value.value.empty();
    };
    if (entry.value.kind != yaml::Kind::kMap || !is_text(text) || !is_text(other))
      throw std::invalid_argument("data/labels.yaml: label '" + entry.key +
                                  "' needs both an 'id' and an 'en' text");
    labels_[entry.key] = text->value.value;
  }
}

const Labels& Labels::get(Language language) {
  static const Labels indonesian(label_catalogue(), Language::kId);
  static const Labels english(label_catalogue(), Language::kEn);
  return language == Language::kId ? indonesian : english;
}

const std::string& Labels::operator[](std::string_view key) const {
  auto it = labels_.find(key);
  if (it == labels_.end())
    throw std::out_of_range("data/labels.yaml has no label '" + std::string(key) + "'");
  return it->second;
}

std::string Labels::date(const Date& date) const {
  return fmt::format("{} {} {}", date.day(), (*this)["month-" + std::to_string(date.month())],
                     date.year());
}

std::string Labels::period(const Period& period) const {
  std::string key;
  switch (period.kind()) {
    case Period::Kind::kQuarter:
      key = "period-quarter-" + std::to_string(period.index());
      break;
    case Period::Kind::kHalf:
      key = "period-half-" + std::to_string(period.index());
      break;
    case Period::Kind::kYear:
      key = "period-year";
      break;
  }
  return format(key, fmt::arg("year", period.year()));
}

std::string Labels::band(const Band& band) const {
  return language_ == Language::kId ? band.label.id : band.label.en;
}

}  // namespace inovasi
