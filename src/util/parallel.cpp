#include "inovasi/util/parallel.h"

#include <atomic>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace inovasi::parallel {

unsigned workers() {
  if (const char* jobs = std::getenv("INOVASI_JOBS"); jobs && *jobs) {
    char* end = nullptr;
    long n = std::strtol(jobs, &end, 10);
    if (*end == '\0' && n >= 1 && n <= 256) return static_cast<unsigned>(n);
  }
  unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : cores;
}

void for_each_index(std::size_t n, const std::function<void(std::size_t)>& work) {
  // A thread is worth starting for a few dozen files, not for one.
  constexpr std::size_t kItemsPerThread = 32;
  std::size_t threads =
      std::min<std::size_t>(workers(), (n + kItemsPerThread - 1) / kItemsPerThread);
  if (threads <= 1) {
    for (std::size_t i = 0; i < n; ++i) work(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex mutex;
  std::size_t failed_at = n;
  std::exception_ptr failure;
  auto run = [&] {
    while (!failed.load(std::memory_order_relaxed)) {
      std::size_t i = next.fetch_add(1, std::memory_order_relaxed);
      if (i >= n) return;
      try {
        work(i);
      } catch (...) {
        std::lock_guard<std::mutex> guard(mutex);
        if (i < failed_at) failed_at = i, failure = std::current_exception();
        failed.store(true, std::memory_order_relaxed);
      }
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(run);
  run();
  for (auto& thread : pool) thread.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace inovasi::parallel
