// The words of generated reports in the reader's language, from the one
// catalogue in data/labels.yaml (built into the program).
#pragma once
#include <fmt/args.h>
#include <fmt/format.h>

#include <map>
#include <string>
#include <string_view>

#include "inovasi/model/enums.h"
#include "inovasi/model/period.h"
#include "inovasi/model/records.h"

namespace inovasi {

// The text of data/labels.yaml as it was when the program was built.
std::string_view label_catalogue();

class Labels {
 public:
  // Reads a catalogue; throws std::invalid_argument naming the first key
  // that lacks a language or is not a mapping.
  Labels(std::string_view catalogue, Language language);
  // The built-in catalogue.
  static const Labels& get(Language language);

  Language language() const { return language_; }
  // The label for key; throws std::out_of_range naming a key not in the catalogue.
  const std::string& operator[](std::string_view key) const;
  // The label with its {name} fields filled in.
  template <class... Args>
  std::string format(std::string_view key, const Args&... args) const {
    return fmt::format(fmt::runtime((*this)[key]), args...);
  }
  std::size_t size() const { return labels_.size(); }

  std::string date(const Date& date) const;        // 15 Februari 2019
  std::string period(const Period& period) const;  // Triwulan IV 2018
  std::string band(const Band& band) const;

 private:
  Language language_;
  std::map<std::string, std::string, std::less<>> labels_;
};

}  // namespace inovasi
