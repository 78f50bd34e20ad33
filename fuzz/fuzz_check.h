// What the fuzz targets share: a property check that stops the run with a
// message (libFuzzer then keeps the input as a crash).
#pragma once
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace inovasi::fuzz {

[[noreturn]] inline void violated(const char* property, std::string_view detail) {
  std::fprintf(stderr, "property violated: %s\n  %.*s\n", property, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

inline void require(bool holds, const char* property, std::string_view detail = {}) {
  if (!holds) violated(property, detail);
}

}  // namespace inovasi::fuzz
