// Work spread over the machine's cores: loading a programme parses each
// record file on its own, so files are handed out to a few threads.
#pragma once
#include <cstddef>
#include <functional>

namespace inovasi::parallel {

// The threads to use: $INOVASI_JOBS when it is a number from 1 to 256, else
// the number of cores (at least 1).
unsigned workers();

// Runs work(i) for every i in [0, n), on up to workers() threads; items are
// handed out in order. When work throws, no new item starts, and the
// exception of the lowest item that threw is rethrown once every thread has
// stopped, so the outcome does not depend on the threads' timing.
void for_each_index(std::size_t n, const std::function<void(std::size_t)>& work);

}  // namespace inovasi::parallel
