// Progress of long work, for a command to show: a stretch of work names
// what it does and how many items it has, and counts them as they are done,
// from any thread. Nothing is shown unless the command installs a Display
// (the inovasi command does on a terminal); the work never knows whether.
#pragma once
#include <atomic>
#include <cstddef>
#include <string>

namespace inovasi::progress {

class Display {
 public:
  virtual ~Display() = default;
  // A stretch of work begins, ends, or has done `done` of its `total` items;
  // update may be called from several threads at once.
  virtual void begin(const std::string& what, std::size_t total) = 0;
  virtual void update(std::size_t done) = 0;
  virtual void end() = 0;
};

// The display in use, or none (the default); the caller keeps it alive.
void set_display(Display* display);

// One stretch of work, e.g. Task reading("reading records", files.size()).
class Task {
 public:
  Task(const std::string& what, std::size_t total);
  ~Task();
  Task(const Task&) = delete;
  Task& operator=(const Task&) = delete;
  void advance(std::size_t items = 1);

 private:
  Display* display_;
  std::atomic<std::size_t> done_{0};
};

}  // namespace inovasi::progress
