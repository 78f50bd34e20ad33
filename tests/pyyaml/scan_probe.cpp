// scan_probe: what the light lexer of yaml_scan.cpp (yaml::scan) sees in
// each YAML text on standard input, the texts separated by NUL bytes: one
// line each, "COMMENTS OPEN_QUOTE PASSES" as 0 or 1, PASSES saying whether
// yaml-cpp's parser lets the text pass (when it does, the lexer's open
// quote is all that stops it). For comment_scan.py, which compares it with
// PyYAML.
#include <iostream>
#include <iterator>
#include <string>

#include "inovasi/store/yaml_doc.h"

int main() {
  std::string all{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  for (std::size_t start = 0; start < all.size();) {
    std::size_t end = all.find('\0', start);
    if (end == std::string::npos) end = all.size();
    std::string_view text = std::string_view(all).substr(start, end - start);
    inovasi::yaml::Scan scan = inovasi::yaml::scan(text);
    inovasi::Findings findings;
    inovasi::yaml::parse_full(text, "probe.yaml", findings);
    bool passes = !findings.has_errors() || (scan.open_quote && findings.size() == 1);
    std::cout << scan.comments << " " << scan.open_quote.has_value() << " " << passes << "\n";
    start = end + 1;
  }
  return 0;
}
