#include "inovasi/cli/app.h"

int main(int argc, char** argv) {
  return inovasi::cli::run(argc, argv);
}
