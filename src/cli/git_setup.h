// What makes a programme directory work with git, shared by init and
// git-setup: the lines of .gitignore and .gitattributes, the merge driver
// and the hooks that run check.
#pragma once
#include "inovasi/store/store.h"

namespace inovasi::cli {

// Stages .gitignore and .gitattributes with init's lines added after the
// user's own, but for those they hold already; nothing when they hold all.
void stage_git_files(const ProgrammeDir& dir, Transaction& transaction);

// git init in the programme (harmless when it is a repository already), the
// merge driver of records, and the pre-commit and pre-merge-commit hooks; a
// hook of the user's is kept, with a message on stderr, and one that inovasi
// wrote is written anew.
void make_git_repository(const ProgrammeDir& dir);

}  // namespace inovasi::cli
