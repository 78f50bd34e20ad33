#include "inovasi/model/records.h"

namespace inovasi {

// The RKPD evaluation scale: 91 / 76 / 66 / 51 / 0.
static std::vector<Band> default_bands() {
  return {
      {91, {"Sangat Tinggi", "Very high"}}, {76, {"Tinggi", "High"}},
      {66, {"Sedang", "Medium"}},           {51, {"Rendah", "Low"}},
      {0, {"Sangat Rendah", "Very low"}},
  };
}

std::int64_t Programme::reporting_every_months() const {
  return reporting && reporting->every_months ? *reporting->every_months : 3;
}

std::int64_t Programme::grace_days() const {
  return reporting && reporting->grace_days ? *reporting->grace_days : 10;
}

std::int64_t Programme::evaluation_every_months() const {
  return evaluation && evaluation->every_months ? *evaluation->every_months : 6;
}

double Programme::score_cap() const {
  return scale && scale->cap ? *scale->cap : 120;
}

MissingRule Programme::missing_rule() const {
  return scale && scale->missing ? *scale->missing : MissingRule::kZero;
}

std::vector<Band> Programme::bands() const {
  return scale && !scale->bands.empty() ? scale->bands : default_bands();
}

Programme Programme::with_defaults(std::string name, std::string region, Language language) {
  Programme p;
  p.name = std::move(name);
  p.region = std::move(region);
  p.language = language;
  p.reporting = Reporting{3, 10};
  p.evaluation = Evaluation{6};
  p.scale = Scale{120.0, default_bands()};
  return p;
}

}  // namespace inovasi
