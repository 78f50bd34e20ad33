// The one error hierarchy: every failure maps to a documented exit status.
#pragma once
#include <stdexcept>
#include <string>

namespace inovasi {

enum ExitStatus : int { kOk = 0, kInvalid = 1, kUsage = 2, kIoFailure = 3 };

class Error : public std::runtime_error {
 public:
  Error(ExitStatus status, const std::string& message)
      : std::runtime_error(message), status_(status) {}
  ExitStatus status() const { return status_; }

 private:
  ExitStatus status_;
};

// Records or input are invalid (exit 1). The findings were already printed
// when message is empty.
struct InvalidInput : Error {
  explicit InvalidInput(const std::string& message = {}) : Error(kInvalid, message) {}
};
// The command line is wrong (exit 2).
struct UsageError : Error {
  explicit UsageError(const std::string& message) : Error(kUsage, message) {}
};
// Reading, writing or locking failed (exit 3).
struct IoError : Error {
  explicit IoError(const std::string& message) : Error(kIoFailure, message) {}
};

}  // namespace inovasi
