#include "inovasi/cli/app.h"
#include "inovasi/store/cache.h"

int main(int argc, char** argv) {
  int status = inovasi::cli::run(argc, argv);
  // The record caches are put in place only when the command succeeded.
  inovasi::finish_record_caches(status == 0);
  return status;
}
