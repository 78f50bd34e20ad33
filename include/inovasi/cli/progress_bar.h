// The progress bar of long work on a terminal: one line on standard error,
// redrawn at most ten times a second and cleared when the work ends, for
// work of at least kMinimum items. Never drawn when standard error is not a
// terminal (a pipe, a file, a CI log) or TERM is "dumb".
#pragma once
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>

#include "inovasi/util/progress.h"

namespace inovasi::cli {

class ProgressBar : public progress::Display {
 public:
  static constexpr std::size_t kMinimum = 2000;

  // Whether a bar can be shown: standard error is a terminal that draws.
  static bool wanted();

  void begin(const std::string& what, std::size_t total) override;
  void update(std::size_t done) override;
  void end() override;

 private:
  void draw(std::size_t done);  // with mutex_ held

  std::mutex mutex_;
  std::string what_;
  std::size_t total_ = 0;
  bool active_ = false, drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace inovasi::cli
