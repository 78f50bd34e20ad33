#include "inovasi/util/progress.h"

namespace inovasi::progress {

namespace {
std::atomic<Display*> current{nullptr};
}

void set_display(Display* display) {
  current.store(display);
}

Task::Task(const std::string& what, std::size_t total) : display_(current.load()) {
  if (display_) display_->begin(what, total);
}

Task::~Task() {
  if (display_) display_->end();
}

void Task::advance(std::size_t items) {
  std::size_t done = done_.fetch_add(items, std::memory_order_relaxed) + items;
  if (display_) display_->update(done);
}

}  // namespace inovasi::progress
