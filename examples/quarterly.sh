#!/usr/bin/env bash
# The quarterly routine of a programme office, as one script: check the
# records, import the quarter's reports from the OPDs' CSV files, show who
# has reported, write the evaluation of the quarter, and commit it all to git
# with a message naming the quarter.
#
#   examples/quarterly.sh [-C DIR] [--as-of DATE] QUARTER REPORTS.csv...
#
#   examples/quarterly.sh -C tuban 2018-Q3 laporan-opd/*-2018-Q3.csv
#
# DIR is the programme (default: the working directory), a git repository
# (`inovasi init --git` makes one). The evaluation goes to DIR/laporan/QUARTER.
# --as-of judges the quarter as it stood on DATE (default: today). Every CSV
# file is validated before any is imported, so that a wrong row leaves the
# programme as it was. `inovasi` is taken from PATH, or from $INOVASI.
set -euo pipefail

inovasi=${INOVASI:-inovasi}
dir=.
as_of=()
while [[ $# -gt 0 ]]; do
  case $1 in
    -C) dir=$2; shift 2 ;;
    --as-of) as_of=(--as-of "$2"); shift 2 ;;
    -h | --help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "quarterly.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) break ;;
  esac
done
if [[ $# -lt 2 ]]; then
  echo "usage: quarterly.sh [-C DIR] [--as-of DATE] QUARTER REPORTS.csv..." >&2
  exit 2
fi
quarter=$1
shift
if [[ ! $quarter =~ ^[0-9]{4}-Q[1-4]$ ]]; then
  echo "quarterly.sh: '$quarter' is not a quarter (e.g. 2018-Q3)" >&2
  exit 2
fi
if ! git -C "$dir" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  echo "quarterly.sh: $dir is not a git repository; make one with 'git init' (or inovasi init --git)" >&2
  exit 2
fi
if [[ -n $(git -C "$dir" status --porcelain -- reports laporan) ]]; then
  echo "quarterly.sh: $dir has uncommitted changes in reports/ or laporan/; commit them first" >&2
  exit 2
fi

echo "== check"
"$inovasi" -C "$dir" check

echo "== reports of $quarter"
for csv in "$@"; do
  "$inovasi" -C "$dir" report --from "$csv" --dry-run >/dev/null
done
for csv in "$@"; do
  "$inovasi" -C "$dir" report --from "$csv"
done

echo "== status of $quarter"
"$inovasi" -C "$dir" status --period "$quarter" "${as_of[@]}"

echo "== evaluation of $quarter"
"$inovasi" -C "$dir" evaluate --period "$quarter" "${as_of[@]}" --out "$dir/laporan/$quarter"

git -C "$dir" add -- reports "laporan/$quarter"
added=$(git -C "$dir" diff --cached --name-only --diff-filter=A -- reports | wc -l)
git -C "$dir" commit -q -m "Quarter $quarter: $added reports, evaluation in laporan/$quarter"
git -C "$dir" log -1 --format='== committed %h: %s'
