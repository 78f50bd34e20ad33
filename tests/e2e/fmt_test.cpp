// inovasi fmt: canonical rewrites, comments never lost unasked, --check.
#include <doctest/doctest.h>

#include "harness.h"

using namespace e2e;

namespace {

// Keys out of order, an Indonesian token, flow style and a quoted date.
const char* kMessy =
    "title: SIGAP\n"
    "id: sigap\n"
    "stage: uji coba\n"
    "unit: bappeda\n"
    "trial_date: '2018-07-01'\n"
    "tags: [ tata-kelola,   arsip ]\n"
    "plan: [{step: Rapat, due: 2018-06-01}]\n";

const char* kSigap =
    "id: sigap\n"
    "title: SIGAP\n"
    "unit: bappeda\n"
    "stage: trial\n"
    "trial_date: 2018-07-01\n"
    "plan:\n"
    "  - step: Rapat\n"
    "    due: 2018-06-01\n"
    "tags: [tata-kelola, arsip]\n";

const char* kCommented =
    "# Diusulkan pada rapat 20 April 2018\n"
    "id: lapor-bupati\n"
    "title: Lapor Bupati\n"
    "stage: inisiatif\n"
    "unit: bappeda  # sementara\n";

const char* kLaporBupati =
    "id: lapor-bupati\n"
    "title: Lapor Bupati\n"
    "unit: bappeda\n"
    "stage: initiative\n";

const char* kCommentWarning =
    "ideas/lapor-bupati.yaml: warning: has comments, which formatting would lose; left alone (use "
    "--strip-comments)\n";

}  // namespace

TEST_CASE("fmt rewrites a file into canonical form and leaves canonical files alone") {
  Sandbox sandbox;
  sandbox.make_programme();
  sandbox.write("ideas/sigap.yaml", kMessy);
  long long unit_mtime = mtime_ns(sandbox.path("units/bappeda.yaml"));
  Result r = sandbox.run({"fmt"});
  CHECK(r.out == "formatted ideas/sigap.yaml\n");
  CHECK(r.err == "");
  CHECK(r.status == 0);
  CHECK(sandbox.read("ideas/sigap.yaml") == kSigap);
  CHECK(mtime_ns(sandbox.path("units/bappeda.yaml")) == unit_mtime);

  r = sandbox.run({"fmt"});
  CHECK(r.out == "");
  CHECK(r.err == "");
  CHECK(r.status == 0);
  r = sandbox.run({"check"});
  CHECK(r.err == "");
  CHECK(r.status == 0);
}

TEST_CASE("fmt leaves a file with comments alone unless --strip-comments") {
  Sandbox sandbox;
  sandbox.make_programme();
  sandbox.write("ideas/lapor-bupati.yaml", kCommented);
  Result r = sandbox.run({"fmt"});
  CHECK(r.out == "");
  CHECK(r.err == kCommentWarning);
  CHECK(r.status == 0);
  CHECK(sandbox.read("ideas/lapor-bupati.yaml") == kCommented);

  r = sandbox.run({"fmt", "--strip-comments"});
  CHECK(r.out == "formatted ideas/lapor-bupati.yaml\n");
  CHECK(r.err == "");
  CHECK(r.status == 0);
  CHECK(sandbox.read("ideas/lapor-bupati.yaml") == kLaporBupati);
}

TEST_CASE("fmt leaves a file with comments alone when it is canonical already") {
  Sandbox sandbox;
  sandbox.make_programme();
  // A '#' inside a value is not a comment.
  const std::string text = std::string(kLaporBupati) + "tags: ['#lapor']\n";
  sandbox.write("ideas/lapor-bupati.yaml", text);
  Result r = sandbox.run({"fmt"});
  CHECK(r.out == "");
  CHECK(r.err == "");
  CHECK(r.status == 0);
  CHECK(sandbox.read("ideas/lapor-bupati.yaml") == text);
}

TEST_CASE("fmt --check lists files not in canonical form, exits 1 and writes nothing") {
  Sandbox sandbox;
  sandbox.make_programme();
  sandbox.write("ideas/sigap.yaml", kMessy);
  sandbox.write("units/bappeda.yaml",
                "name: Badan Perencanaan Pembangunan Daerah\nid: bappeda\nkind: badan\n");
  Result r = sandbox.run({"fmt", "--check"});
  CHECK(r.out ==
        "units/bappeda.yaml: not in canonical form\n"
        "ideas/sigap.yaml: not in canonical form\n");
  CHECK(r.err == "");
  CHECK(r.status == 1);
  CHECK(sandbox.read("ideas/sigap.yaml") == kMessy);

  REQUIRE(sandbox.run({"fmt"}).status == 0);
  r = sandbox.run({"fmt", "--check"});
  CHECK(r.out == "");
  CHECK(r.err == "");
  CHECK(r.status == 0);
}

TEST_CASE("fmt --check counts a file with comments that is not canonical") {
  Sandbox sandbox;
  sandbox.make_programme();
  sandbox.write("ideas/lapor-bupati.yaml", kCommented);
  Result r = sandbox.run({"fmt", "--check"});
  CHECK(r.out == "ideas/lapor-bupati.yaml: not in canonical form\n");
  CHECK(r.err == kCommentWarning);
  CHECK(r.status == 1);
  CHECK(sandbox.read("ideas/lapor-bupati.yaml") == kCommented);
}

TEST_CASE("fmt reports a file it cannot read, leaves it alone and formats the others") {
  Sandbox sandbox;
  sandbox.make_programme();
  sandbox.write("ideas/sigap.yaml", kMessy);
  sandbox.write("ideas/rusak.yaml", "id: rusak\ntitle: [Rusak\n");
  Result r = sandbox.run({"fmt"});
  CHECK(r.out == "formatted ideas/sigap.yaml\n");
  CHECK(r.err == "ideas/rusak.yaml:3:1: error: YAML syntax: end of sequence flow not found\n");
  CHECK(r.status == 1);
  CHECK(sandbox.read("ideas/sigap.yaml") == kSigap);
  CHECK(sandbox.read("ideas/rusak.yaml") == "id: rusak\ntitle: [Rusak\n");
}
