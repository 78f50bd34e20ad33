// Drawing values for the benchmark generator: random numbers that are the
// same on every standard library, dates, and unique ids.
#pragma once
#include <fmt/core.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "inovasi/model/date.h"
#include "inovasi/util/text.h"
#include "words.h"

namespace bench {

using inovasi::Date;

// std distributions differ between standard libraries; this arithmetic does not.
class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}
  std::uint64_t below(std::uint64_t n) { return engine_() % n; }
  int between(int low, int high) { return low + static_cast<int>(below(high - low + 1)); }
  bool chance(double p) { return static_cast<double>(engine_() >> 11) / 9007199254740992.0 < p; }
  std::string pick(const Words& words) { return std::string(words[below(words.size())]); }
  // An index drawn by weight.
  std::size_t weighted(const std::vector<int>& weights) {
    int total = 0;
    for (int w : weights) total += w;
    int r = static_cast<int>(below(total));
    for (std::size_t i = 0; i < weights.size(); ++i)
      if ((r -= weights[i]) < 0) return i;
    return weights.size() - 1;
  }

 private:
  std::mt19937_64 engine_;
};

inline Date day(int year, int month, int d) {
  return *Date::from_ymd(year, month, d);
}
inline Date month_end(int year, int month) {
  while (month > 12) month -= 12, ++year;
  return day(year, month, inovasi::days_in_month(year, month));
}
inline double round_to(double value, bool one_decimal) {
  return one_decimal ? std::round(value * 10) / 10 : std::round(value);
}

// Ids are unique slugs of at most 64 characters; a taken one gets -2, -3, ...
class IdSet {
 public:
  bool has(const std::string& id) const { return taken_.count(id) > 0; }
  std::string claim(const std::string& base) {
    std::string id = base;
    for (int n = 2; !taken_.insert(id).second; ++n) {
      std::string suffix = fmt::format("-{}", n);
      id = fit(base, inovasi::text::kMaxSlug - suffix.size()) + suffix;
    }
    return id;
  }
  static std::string fit(std::string slug, std::size_t size) {
    if (slug.size() > size) slug.resize(size);
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    return slug;
  }

 private:
  std::set<std::string> taken_;
};

}  // namespace bench
