#include "inovasi/cli/progress_bar.h"

#include <fmt/core.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <string_view>

namespace inovasi::cli {

namespace {

void write_out(std::string_view text) {
  while (!text.empty()) {
    ssize_t n = ::write(STDERR_FILENO, text.data(), text.size());
    if (n <= 0) return;  // a bar is never worth an error
    text.remove_prefix(static_cast<std::size_t>(n));
  }
}

unsigned short terminal_columns() {
  struct winsize size {};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

}  // namespace

bool ProgressBar::wanted() {
  const char* term = std::getenv("TERM");
  return ::isatty(STDERR_FILENO) && !(term && std::string_view(term) == "dumb");
}

void ProgressBar::begin(const std::string& what, std::size_t total) {
  std::lock_guard lock(mutex_);
  what_ = what;
  total_ = total;
  active_ = total >= kMinimum;
  drawn_ = false;
  last_ = {};
}

void ProgressBar::update(std::size_t done) {
  if (!active_) return;
  auto now = std::chrono::steady_clock::now();
  std::unique_lock lock(mutex_, std::try_to_lock);  // another thread is drawing
  if (!lock.owns_lock() || !active_) return;
  if (done < total_ && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  draw(done);
}

void ProgressBar::draw(std::size_t done) {
  if (done > total_) done = total_;
  std::size_t percent = total_ ? done * 100 / total_ : 100;
  std::string counts = fmt::format("{}/{}", done, total_);
  // "reading records  48% [#########           ] 48000/100000", the bar
  // left out on a narrow terminal.
  std::string line = fmt::format("{} {:3}%", what_, percent);
  std::size_t columns = terminal_columns();
  std::size_t room =
      columns > line.size() + counts.size() + 5 ? columns - line.size() - counts.size() - 5 : 0;
  std::size_t width = room < 30 ? room : 30;
  if (width >= 10) {
    std::size_t filled = width * done / (total_ ? total_ : 1);
    line += " [" + std::string(filled, '#') + std::string(width - filled, ' ') + "]";
  }
  line += " " + counts;
  write_out("\r" + line + "\033[K");
  drawn_ = true;
}

void ProgressBar::end() {
  std::lock_guard lock(mutex_);
  if (drawn_) write_out("\r\033[K");  // the next message starts on a clean line
  active_ = drawn_ = false;
}

}  // namespace inovasi::cli
