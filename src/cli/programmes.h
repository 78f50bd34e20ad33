// The programmes evaluate and export read: one, as every command reads it,
// or several (-C repeated, a workspace), each loaded on its own.
#pragma once
#include <string>
#include <vector>

#include "inovasi/cli/app.h"
#include "inovasi/model/snapshot.h"
#include "inovasi/render/labels.h"
#include "inovasi/store/workspace.h"

namespace inovasi::cli {

struct LoadedProgramme {
  std::string name;  // its folder's base name
  ProgrammeDir dir;
  Records records;
};

struct LoadedProgrammes {
  std::vector<LoadedProgramme> programmes;  // in the order given or listed
  bool several = false;                     // ids are shown qualified
};

// Selects the programmes (-C, $INOVASI_DIR, the working directory) and loads
// each, checking its records when check is set. Every finding of every
// programme (and of workspace.yaml) is printed together; when any is an
// error, throws InvalidInput with the message `failure` (marked with
// tr_noop, translated here).
LoadedProgrammes load_programmes(const Globals& globals, bool check, const char* failure);

// A programme's inovasi.yaml, or the defaults when it could not be read.
Programme programme_record(const Records& records);

// --lang or INOVASI_LANG, else the programmes' language when they agree,
// else Indonesian.
Language report_language(const Globals& globals, const LoadedProgrammes& loaded);

}  // namespace inovasi::cli
