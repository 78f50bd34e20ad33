// JSON for dashboards and scripts, from the same tree the YAML codec builds.
#pragma once
#include <string>
#include <string_view>

#include "inovasi/store/yaml_doc.h"

namespace inovasi {

std::string json_string(std::string_view s);
// Numbers stay numbers; dates, tokens and text become strings.
std::string to_json(const yaml::Node& node, int indent = 0);

}  // namespace inovasi
