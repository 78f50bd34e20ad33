#include "inovasi/cli/app.h"
#include "inovasi/cli/progress_bar.h"
#include "inovasi/store/cache.h"

#ifdef INOVASI_WITH_MIMALLOC
#include <mimalloc.h>
#endif

int main(int argc, char** argv) {
#ifdef INOVASI_WITH_MIMALLOC
  // Memory in huge pages where the system offers them (see CMakeLists.txt).
  mi_option_enable(mi_option_large_os_pages);
#endif
  // Long work shows its progress on standard error, when that is a terminal.
  inovasi::cli::ProgressBar bar;
  if (inovasi::cli::ProgressBar::wanted()) inovasi::progress::set_display(&bar);
  int status = inovasi::cli::run(argc, argv);
  inovasi::progress::set_display(nullptr);
  // The record caches are put in place only when the command succeeded.
  inovasi::finish_record_caches(status == 0);
  return status;
}
