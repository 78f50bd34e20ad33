#!/usr/bin/env bash
# examples/quarterly.sh on a copy of the Tuban example whose reports are not
# yet recorded: two quarters imported from examples/reports.csv, each one
# commit; then a quarter with a wrong row, which changes nothing.
# Usage: quarterly_test.sh INOVASI_BINARY SOURCE_DIR
set -euo pipefail
export INOVASI=$1
source_dir=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/inovasi-quarterly.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() {
  echo "quarterly_test: $*" >&2
  exit 1
}
# git as a fresh user has it, with fixed dates.
export HOME=$work GIT_CONFIG_NOSYSTEM=1 LC_ALL=C GIT_AUTHOR_DATE=2018-10-20T08:00:00+07:00
export GIT_COMMITTER_DATE=$GIT_AUTHOR_DATE
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE INOVASI_DIR

cp -r "$source_dir/examples/tuban-2018" "$work/tuban"
rm -r "$work/tuban/reports"/*
git -C "$work/tuban" init -q -b main
git -C "$work/tuban" config user.name "Bagian Organisasi"
git -C "$work/tuban" config user.email organisasi@tubankab.go.id
git -C "$work/tuban" add -A
git -C "$work/tuban" commit -q -m "Contracts of 2018"

# Each OPD's reports of a quarter, as separate files.
for quarter in 2018-Q2 2018-Q3 2018-Q4; do
  mkdir -p "$work/$quarter"
  for contract in $(awk -F, -v q="$quarter" 'NR > 1 && $2 == q { print $1 }' "$source_dir/examples/reports.csv"); do
    { head -n 1 "$source_dir/examples/reports.csv"; grep "^$contract,$quarter," "$source_dir/examples/reports.csv"; } \
      >"$work/$quarter/$contract.csv"
  done
done
q2_files=$(ls "$work/2018-Q2" | wc -l)
[[ $q2_files -ge 2 ]] || fail "expected reports of several contracts in 2018-Q2, found $q2_files"

run() {
  "$source_dir/examples/quarterly.sh" "$@" >"$work/out" 2>"$work/err"
}
run -C "$work/tuban" --as-of 2018-07-31 2018-Q2 "$work"/2018-Q2/*.csv ||
  fail "2018-Q2 failed: $(cat "$work/err")"
run -C "$work/tuban" --as-of 2018-10-31 2018-Q3 "$work"/2018-Q3/*.csv ||
  fail "2018-Q3 failed: $(cat "$work/err")"
grep -q "^== status of 2018-Q3$" "$work/out" || fail "no status in: $(cat "$work/out")"

q3_files=$(ls "$work/2018-Q3" | wc -l)
log=$(git -C "$work/tuban" log --format=%s)
expected="Quarter 2018-Q3: $q3_files reports, evaluation in laporan/2018-Q3
Quarter 2018-Q2: $q2_files reports, evaluation in laporan/2018-Q2
Contracts of 2018"
[[ $log == "$expected" ]] || fail "git log is
$log
expected
$expected"
[[ -z $(git -C "$work/tuban" status --porcelain) ]] || fail "left uncommitted: $(git -C "$work/tuban" status --porcelain)"
committed=$(git -C "$work/tuban" show --name-only --format= HEAD | sort)
for file in laporan/2018-Q3/summary.md laporan/2018-Q3/contracts.csv reports/rsud-2018/2018-Q3.yaml; do
  grep -qx "$file" <<<"$committed" || fail "$file not in the last commit: $committed"
done
# The imported reports are the example's own, byte for byte.
for report in "$work"/tuban/reports/*/2018-Q[23].yaml; do
  relative=${report#"$work/tuban/"}
  cmp -s "$report" "$source_dir/examples/tuban-2018/$relative" || fail "$relative differs from the example's"
done

# A wrong row in one OPD's file: nothing imported, nothing committed.
head -n 1 "$source_dir/examples/reports.csv" >"$work/bad.csv"
echo "rsud-2018,2018-Q4,2019-01-10,waktu-tunggu=many,,,," >>"$work/bad.csv"
before=$(git -C "$work/tuban" rev-parse HEAD)
if run -C "$work/tuban" --as-of 2019-01-31 2018-Q4 "$work"/2018-Q4/*.csv "$work/bad.csv"; then
  fail "a wrong row was accepted"
fi
grep -q "bad.csv:2:" "$work/err" || fail "the error does not name the row: $(cat "$work/err")"
[[ $(git -C "$work/tuban" rev-parse HEAD) == "$before" ]] || fail "a commit was made"
[[ -z $(git -C "$work/tuban" status --porcelain) ]] || fail "files changed: $(git -C "$work/tuban" status --porcelain)"
echo "quarterly_test: two quarters committed, a wrong row changed nothing"
