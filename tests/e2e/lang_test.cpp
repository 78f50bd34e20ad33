// The language inovasi speaks: --lang before or after the command, else
// INOVASI_LANG, else English; CLI11's refusals and the help's own words in
// Indonesian; the language of reports chosen the same way, before the
// programme's.
#include <doctest/doctest.h>

#include "harness.h"

using namespace e2e;

namespace {

const char* kUnknownId =
    "inovasi: galat: 'chek' bukan perintah inovasi; maksud Anda 'check'?\n"
    "Jalankan 'inovasi --help' untuk daftar perintah.\n";
const char* kUnknownEn =
    "inovasi: error: 'chek' is not an inovasi command; did you mean 'check'?\n"
    "Run 'inovasi --help' for the list of commands.\n";

stdfs::path tuban() {
  return fixtures().parent_path().parent_path() / "examples" / "tuban-2018";
}

const std::string kTitleId =
    "# Evaluasi Program Inovasi Daerah: Inovasi Daerah Kabupaten Tuban 2018";
const std::string kTitleEn =
    "# Innovation Programme Evaluation: Inovasi Daerah Kabupaten Tuban 2018";

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

}  // namespace

TEST_CASE("--lang id, before or after the command, or INOVASI_LANG, makes messages Indonesian") {
  Sandbox sandbox;
  struct Case {
    std::vector<std::string> args;
    Env env;
    const char* err;
  };
  const Case cases[] = {
      {{"chek"}, {}, kUnknownEn},
      {{"--lang", "id", "chek"}, {}, kUnknownId},
      {{"--lang=id", "chek"}, {}, kUnknownId},
      {{"chek", "--lang", "id"}, {}, kUnknownId},
      {{"--lang", "indonesia", "chek"}, {}, kUnknownId},
      {{"chek"}, {{"INOVASI_LANG", "id"}}, kUnknownId},
      {{"chek"}, {{"INOVASI_LANG", "id_ID.UTF-8"}}, kUnknownId},
      {{"chek"}, {{"INOVASI_LANG", "en_GB"}}, kUnknownEn},
      {{"chek"}, {{"INOVASI_LANG", ""}}, kUnknownEn},
      // The command line wins over the environment, and its last --lang wins.
      {{"--lang", "en", "chek"}, {{"INOVASI_LANG", "id"}}, kUnknownEn},
      {{"--lang", "en", "chek", "--lang", "id"}, {}, kUnknownId},
  };
  for (const Case& c : cases) {
    CAPTURE(c.args);
    Result r = sandbox.run(c.args, {}, c.env);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == c.err);
  }
}

TEST_CASE("a language inovasi does not speak is refused, in English") {
  Sandbox sandbox;
  sandbox.make_programme();
  Result r = sandbox.run({"check"}, {}, {{"INOVASI_LANG", "fr"}});
  CHECK(r.status == 2);
  CHECK(r.err ==
        "inovasi: error: INOVASI_LANG is 'fr'; it must be id (Indonesian) or en (English)\n");
  r = sandbox.run({"--lang", "jawa", "check"});
  CHECK(r.status == 2);
  CHECK(r.err == "inovasi: error: --lang: 'jawa' is not a language (expected id or en)\n");
  r = sandbox.run({"check", "--lang"});
  CHECK(r.status == 2);
  CHECK(r.err ==
        "inovasi: error: --lang: 1 required LANG missing\nRun 'inovasi check --help' for usage.\n");
}

TEST_CASE("the command line's refusals, in Indonesian") {
  Sandbox sandbox;
  sandbox.make_programme();
  struct Case {
    std::vector<std::string> args;
    const char* err;
  };
  const Case cases[] = {
      {{"check", "--bogus"},
       "inovasi: galat: Argumen ini tidak dikenal: --bogus\n"
       "Jalankan 'inovasi check --help' untuk cara pemakaian.\n"},
      {{"check", "x", "y"},  // CLI11 names them last first
       "inovasi: galat: Argumen-argumen ini tidak dikenal: y x\n"
       "Jalankan 'inovasi check --help' untuk cara pemakaian.\n"},
      {{"evaluate", "--format", "pdf"},
       "inovasi: galat: --format: pdf bukan salah satu dari {md,csv,json}\n"
       "Jalankan 'inovasi evaluate --help' untuk cara pemakaian.\n"},
      {{"evaluate", "--period"},
       "inovasi: galat: --period memerlukan nilai\n"
       "Jalankan 'inovasi evaluate --help' untuk cara pemakaian.\n"},
      {{"show"},
       "inovasi: galat: id wajib diisi\n"
       "Jalankan 'inovasi show --help' untuk cara pemakaian.\n"},
      {{"help", "skoring"},
       "inovasi: galat: 'skoring' bukan perintah inovasi dan bukan topik bantuan; maksud Anda "
       "'scoring'?\n"
       "Jalankan 'inovasi --help' untuk daftar perintah; topik bantuannya records, scoring, csv "
       "dan periods.\n"},
      {{"-C", ".", "-C", ".", "check"},
       "inovasi: galat: 'check' bekerja pada satu program, sedangkan -C diberikan 2 kali; hanya "
       "evaluate dan export yang menerima beberapa\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.args);
    std::vector<std::string> args = {"--lang", "id"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    Result r = sandbox.run(args);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == c.err);
  }
}

TEST_CASE("inovasi --help in Indonesian: its description, examples first, CLI11's words") {
  Sandbox sandbox;
  Result r = sandbox.run({"--help"}, {}, {{"INOVASI_LANG", "id"}});
  CHECK(r.status == 0);
  std::vector<std::string> lines = split_lines(r.out);
  REQUIRE(lines.size() > 20);
  CHECK(lines[0] == "inovasi menyimpan catatan program inovasi daerah (ide, OPD, kontrak kinerja,");
  CHECK(lines[4] == "Contoh:");
  CHECK(lines[10] == "Pemakaian: inovasi [OPSI] PERINTAH");
  CHECK(lines[12] == "Opsi:");
  CHECK(lines[13] == "  -h,--help                   Tampilkan bantuan ini lalu keluar");
  CHECK(r.out.find("\nPerintah:\n") != std::string::npos);
  CHECK(r.out.find("\nStatus keluar: 0 berhasil,") != std::string::npos);
}

TEST_CASE("reports follow --lang, else INOVASI_LANG, else the programme's language") {
  Sandbox sandbox;
  copy_tree(tuban(), sandbox.path("tuban"));
  const std::vector<std::string> evaluate = {"-C",      "tuban",   "evaluate",  "--period",
                                             "2018-H2", "--as-of", "2019-02-15"};
  struct Case {
    std::vector<std::string> before;
    Env env;
    std::string title;
  };
  const Case cases[] = {
      {{}, {}, kTitleId},  // the programme's language: id
      {{"--lang", "en"}, {}, kTitleEn},
      {{}, {{"INOVASI_LANG", "en"}}, kTitleEn},
      {{"--lang", "id"}, {{"INOVASI_LANG", "en"}}, kTitleId},
  };
  for (const Case& c : cases) {
    CAPTURE(c.before);
    std::vector<std::string> args = c.before;
    args.insert(args.end(), evaluate.begin(), evaluate.end());
    Result r = sandbox.run(args, {}, c.env);
    CHECK(r.status == 0);
    CHECK(first_line(r.out) == c.title);
  }
  // evaluate's own --lang, after the command, is the same option.
  std::vector<std::string> args = evaluate;
  args.insert(args.end(), {"--lang", "en"});
  CHECK(first_line(sandbox.run(args, {}, {{"INOVASI_LANG", "id"}}).out) == kTitleEn);
}

TEST_CASE("--lang after a help topic, as after a command") {
  Sandbox sandbox;
  Result r = sandbox.run({"help", "periods", "--lang", "id"});
  CHECK(r.status == 0);
  CHECK(r.out == read_file(golden_dir() / "help" / "periods.id.txt"));
}

TEST_CASE("the system's reason for a failure, in Indonesian when it is a common one") {
  Sandbox sandbox;
  copy_tree(tuban(), sandbox.path("tuban"));
  sandbox.write("file", "");
  const std::vector<std::string> evaluate = {"-C",         "tuban",   "evaluate",
                                             "--period",   "2018-H2", "--as-of",
                                             "2019-02-15", "--out",   "file/laporan"};
  Result r = sandbox.run(evaluate);
  CHECK(r.status == 3);
  CHECK(r.err == "inovasi: error: file/laporan: cannot create the folder: Not a directory\n");
  r = sandbox.run(evaluate, {}, {{"INOVASI_LANG", "id"}});
  CHECK(r.status == 3);
  CHECK(r.err == "inovasi: galat: file/laporan: folder tidak dapat dibuat: Bukan folder\n");
}
