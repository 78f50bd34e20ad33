#!/bin/bash
# bash_completion: completion/inovasi.bash, sourced in a non-interactive bash,
# is asked for the completions of many command lines (COMP_LINE, COMP_POINT,
# COMP_WORDS and COMP_CWORD set as bash sets them) and must offer exactly the
# expected words: commands, options, enumeration values, record ids from a
# copy of examples/tuban-2018, files. Then the completion is held to the built
# binary: every command and long option its --help lists must be offered, no
# option may be offered that it does not list, and the values offered for its
# fixed choices and enumerations must be those it accepts.
#
# Usage: completion_test.sh INOVASI   (the built binary)
# Exit status 0 when every check passes; otherwise each mismatch is shown as
# a diff of the words expected and offered, and the status is 1.

set -u
inovasi_bin=${1:?usage: completion_test.sh INOVASI}
[[ $inovasi_bin == /* ]] || inovasi_bin=$PWD/$inovasi_bin
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
completion=$source_dir/completion/inovasi.bash

export LC_ALL=C
unset INOVASI_DIR
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The programme, also under names that need quoting, and files to complete.
cp -R "$source_dir/examples/tuban-2018" "$tmp/tuban"
cp -R "$tmp/tuban" "$tmp/two words"
cp -R "$tmp/tuban" "$tmp/odd [dir]*"
mkdir -p "$tmp/files/sub dir" "$tmp/files/.hidden"
touch "$tmp/files/ideas.csv" "$tmp/files/Units.CSV" "$tmp/files/my file.csv" \
  "$tmp/files/notes.txt" "$tmp/files/targets.yaml"

# shellcheck source-path=SCRIPTDIR/../..
# shellcheck source=completion/inovasi.bash
source "$completion"

failures=0
checks=0

# complete_line LINE POINT [WORD]: runs _inovasi as bash would for LINE with
# the cursor at POINT; WORD, when given, is passed as $2 (the word readline
# completes). COMP_WORDS is LINE up to the cursor split on blanks, '=' and
# ':', roughly as bash splits it (the completion reads COMP_LINE instead).
complete_line() {
  local line=$1 point=$2 before=${1:0:$2} c i word=
  COMP_LINE=$line
  COMP_POINT=$point
  COMP_WORDS=()
  for ((i = 0; i < ${#before}; i++)); do
    c=${before:i:1}
    if [[ $c == [[:blank:]] ]]; then
      [[ -n $word ]] && COMP_WORDS+=("$word")
      word=
    elif [[ $c == [=:] ]]; then
      [[ -n $word ]] && COMP_WORDS+=("$word")
      COMP_WORDS+=("$c")
      word=
    else
      word+=$c
    fi
  done
  COMP_WORDS+=("$word")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  if (($# > 2)); then
    _inovasi inovasi "$3" "${COMP_WORDS[COMP_CWORD - 1]}"
  else
    _inovasi
  fi
}

# compare WHAT EXPECTED...: COMPREPLY must hold exactly the EXPECTED words,
# in any order (bash sorts them); a mismatch shows the diff of both, sorted.
compare() {
  local what=$1 word
  shift
  checks=$((checks + 1))
  local -A left=()
  for word in "$@"; do left["=$word"]+=x; done
  local same=1
  for word in "${COMPREPLY[@]}"; do
    if [[ -z ${left["=$word"]-} ]]; then
      same=
      break
    fi
    left["=$word"]=${left["=$word"]%x}
  done
  if [[ -n $same ]]; then
    for word in "${left[@]}"; do [[ -z $word ]] || same=; done
  fi
  [[ -n $same ]] && return
  failures=$((failures + 1))
  echo "FAIL: $what (in ${PWD/#$tmp/\$tmp})"
  diff -u --label expected --label offered <(printf '%s\n' "$@" | sort) \
    <(printf '%s\n' "${COMPREPLY[@]}" | sort) | sed 's/^/  /'
}

# expect LINE WORD...: completing LINE, cursor at its end, offers the WORDs.
expect() {
  local line=$1
  shift
  complete_line "$line" "${#line}"
  compare "'$line'" "$@"
}

# expect_word LINE READLINE_WORD WORD...: the same, bash passing $2.
expect_word() {
  local line=$1 word=$2
  shift 2
  complete_line "$line" "${#line}" "$word"
  compare "'$line' (\$2 '$word')" "$@"
}

# expect_at LINE POINT WORD...: the cursor at POINT.
expect_at() {
  local line=$1 point=$2
  shift 2
  complete_line "$line" "$point"
  compare "'${line:0:point}|${line:point}'" "$@"
}

# The ids of the records in the programme's units/, ideas/, contracts/ and
# regulations/, from their file names; and the contracts with reports.
ids() {
  local -a files=("$tmp/tuban/$1"/*.yaml)
  files=("${files[@]##*/}")
  printf '%s\n' "${files[@]%.yaml}"
}
mapfile -t unit_ids < <(ids units)
mapfile -t idea_ids < <(ids ideas)
mapfile -t contract_ids < <(ids contracts)
mapfile -t regulation_ids < <(ids regulations)

commands=(init add-unit add-idea check sign-contract report add-regulation status evaluate
  export list show fmt merge-driver git-setup set stage step mv rm edit help)
globals=(-C --lang --no-cache --help --version)
today=$(date +%Y-%m-%d)

# --- Commands and options ----------------------------------------------------
cd "$tmp/tuban" || exit 1
expect 'inovasi ' "${commands[@]}"
expect 'inovasi s' sign-contract status show set stage step
expect 'inovasi add-' add-unit add-idea add-regulation
expect 'inovasi --no-cache ' "${commands[@]}"
expect 'inovasi frob ' # not a command: nothing to offer
expect 'inovasi frob --' --lang --no-cache --help --version
expect 'inovasi -' "${globals[@]}"
expect 'inovasi --' --lang --no-cache --help --version
expect 'inovasi --no-cache --' --lang --help --version
expect 'inovasi check -' --quiet "${globals[@]}"
expect 'inovasi check --quiet -' "${globals[@]}"
expect 'inovasi check -q --' --lang --no-cache --help --version
expect 'inovasi -C . --no-cache check --' --quiet --lang --help --version
expect 'inovasi check -C . -' --quiet "${globals[@]}" # -C is repeatable
expect 'inovasi fmt --' --check --strip-comments --lang --no-cache --help --version
expect 'inovasi status --' --as-of --unit --contract --period --format --lang --no-cache --help --version
expect 'inovasi evaluate --' --period --as-of --format --table --out \
  --lang --no-cache --help --version
expect 'inovasi export --' --format --output --bom --crlf --separator --regulation \
  --pending --lang --no-cache --help --version
expect 'inovasi export ideas -o x.csv --' --format --bom --crlf --separator \
  --regulation --pending --lang --no-cache --help --version
expect 'inovasi list units --' --unit --stage --category --as-of --kind --contract --period --format \
  --lang --no-cache --help --version
expect 'inovasi show x --' --format --lang --no-cache --help --version
expect 'inovasi init --' --name --region --language --partner --mou-date --git \
  --lang --no-cache --help --version
expect 'inovasi add-unit --' --id --name --kind --head-name --head-nip --head-position \
  --commitment-signed --from --separator --dry-run --update --lang --no-cache --help --version
expect 'inovasi report --' --contract --period --submitted --actual --narrative --obstacles \
  --next-steps --evidence --from --separator --dry-run --update --lang --no-cache --help --version
expect 'inovasi sign-contract --s' --signed --second-party-name --second-party-position \
  --start --separator
expect 'inovasi add-regulation --' --id --number --date --amends --idea --from --separator \
  --dry-run --update --lang --no-cache --help --version
expect 'inovasi add-idea --p' --proposer-name --proposer-nip --proposer-position \
  --proposer-echelon --priority --problem
# Given once, an option is not offered again, unless it is repeatable.
expect 'inovasi add-idea --title x --t' --tag --trial-date
expect 'inovasi add-idea --tag a --step b --due 2018-06-30 --t' --title --tag --trial-date
expect 'inovasi add-idea --title=x --t' --tag --trial-date
expect 'inovasi sign-contract --idea a --idea b --i' --id --idea
expect 'inovasi merge-driver --' --lang --no-cache --help --version
expect 'inovasi help ' "${commands[@]}" records scoring csv periods
expect 'inovasi help e' evaluate export edit
expect 'inovasi help sc' scoring
expect 'inovasi help c' check csv
expect 'inovasi help check ' # one command only
# After --, words are arguments, never options.
expect 'inovasi show -- -'

# --- Values of options and arguments ----------------------------------------
expect 'inovasi list ' units ideas contracts reports regulations
expect 'inovasi list ideas ' # the type is given
expect 'inovasi list --format csv r' reports regulations
expect 'inovasi list ideas --format ' table csv json
expect 'inovasi status --format=' table csv json
expect 'inovasi export ' units ideas contracts targets reports regulations all perbup
expect 'inovasi export --format json ' units ideas contracts targets reports regulations all perbup
expect 'inovasi export r' reports regulations
expect 'inovasi export all --format ' csv json md xlsx
expect 'inovasi export ideas --lang ' id en
expect 'inovasi export ideas --separator ' , ';'
expect 'inovasi evaluate --format ' md csv json
expect 'inovasi evaluate --table ' contracts targets units ideas
expect 'inovasi evaluate --lang i' id
expect 'inovasi evaluate --lang indo' # --lang takes id or en only
expect 'inovasi show x --format ' yaml json
expect 'inovasi add-unit --separator ' , ';'
expect 'inovasi add-unit --kind ' dinas badan secretariat inspectorate hospital district village \
  section other
expect 'inovasi add-unit --kind h' hospital
expect 'inovasi add-unit --kind d' dinas district
# No token matches: the Indonesian words inovasi also reads.
expect 'inovasi add-unit --kind rs' rsud
expect 'inovasi add-unit --kind ru' rumah\ sakit rumah\ sakit\ umum\ daerah
expect 'inovasi add-unit --kind ke' kecamatan kelurahan
expect 'inovasi add-unit --kind zz'
expect 'inovasi list units --kind b' badan
expect 'inovasi step antrean-online ' 1 2 3 4 5
expect 'inovasi step antrean-online 2 --done 2018-09-15 --' --undo --due --add --dry-run \
  --lang --no-cache --help --version
expect 'inovasi step nope '
expect 'inovasi set idea antrean-online bud' budget=
expect 'inovasi set idea antrean-online budget=1 pro' proposer_name= proposer_nip= \
  proposer_position= proposer_echelon= problem=
expect 'inovasi set report rsud-2018/2018-Q3 a' actual=
expect 'inovasi set idea antrean-online budget=1'
expect 'inovasi set ide antrean-online bud'
expect 'inovasi list units --kind=ba' badan
expect 'inovasi add-idea --stage ' initiative trial implemented dropped
expect 'inovasi add-idea --stage u' 'uji coba'
expect "inovasi add-idea --stage 'uji" 'uji coba'
expect 'inovasi add-idea --stage "uji c' 'uji coba'
expect 'inovasi add-idea --stage uji\ c' 'uji coba'
expect 'inovasi list ideas --stage t' trial
expect 'inovasi add-idea --kind ' digital non-digital
expect 'inovasi add-idea --category ' governance public-service other
expect 'inovasi list ideas --category p' public-service
expect 'inovasi list ideas --category pel' pelayanan\ publik
expect 'inovasi add-idea --initiator ' regent council unit civil-servant public
expect 'inovasi add-idea --proposer-echelon I' II.a II.b III.a III.b IV.a IV.b
expect 'inovasi add-idea --echelon s' staff
expect 'inovasi add-idea --echelon pel' pelaksana
expect 'inovasi init --language ' id en
expect 'inovasi init --language in' indonesia inggris
expect 'inovasi init --name x ' contracts ideas regulations reports units # folders
expect 'inovasi add-idea --submitted ' "$today"
expect 'inovasi status --as-of 20' "$today"
expect 'inovasi status --as-of 1999'
expect 'inovasi add-idea --title ' # free text
expect 'inovasi check --quiet ' # a flag takes no value; check takes no argument

# --- Record ids, from the programme found from the working directory --------
expect 'inovasi add-idea --unit kecamatan-s' kecamatan-semanding kecamatan-senori \
  kecamatan-singgahan kecamatan-soko
expect 'inovasi add-idea --unit ' "${unit_ids[@]}"
expect 'inovasi sign-contract --unit rsud' rsud-koesma
expect 'inovasi status --unit dinas-p' dinas-perkim dinas-pupr
expect 'inovasi list ideas --unit=bp' bpbd
expect 'inovasi sign-contract --idea a' akta-lahir-rumah-sakit antrean-online
expect 'inovasi add-regulation --idea s' si-kontrak-kinerja sirine-banjir-bengawan-solo \
  surat-pindah-online
expect 'inovasi add-regulation --amends ' perbup-27-2018 perbup-45-2018
expect 'inovasi export perbup --regulation perbup-4' perbup-45-2018
expect 'inovasi report --contract ' perkim-2018 pupr-2018 rsud-2018
expect 'inovasi status --contract p' perkim-2018 pupr-2018
expect 'inovasi list reports --contract=r' rsud-2018
expect 'inovasi add-idea --priority ' misi-1 misi-2 misi-3 misi-4 misi-5
expect 'inovasi add-idea --indicator ' ikm nilai-sakip jalan-mantap rumah-layak-huni uhh \
  waktu-tanggap-bencana penegakan-perda
expect 'inovasi add-idea --indicator r' rumah-layak-huni
# show: any record, and a report as CONTRACT/PERIOD.
expect 'inovasi show ' "${unit_ids[@]}" "${idea_ids[@]}" "${contract_ids[@]}" "${regulation_ids[@]}" \
  perkim-2018/ pupr-2018/ rsud-2018/
expect 'inovasi show rsud' rsud-koesma rsud-2018 rsud-2018/
expect 'inovasi show perbup' perbup-27-2018 perbup-45-2018
expect 'inovasi show rsud-2018/' rsud-2018/2018-Q2 rsud-2018/2018-Q3 rsud-2018/2018-Q4
expect 'inovasi show pupr-2018/2018-Q' pupr-2018/2018-Q2 pupr-2018/2018-Q3
expect 'inovasi show nothing/'
expect 'inovasi show --format json antrean' antrean-online
expect 'inovasi show antrean-online ' # one id only
# Periods: a report's quarter is one its contract covers (start to end).
expect 'inovasi report --contract rsud-2018 --period ' 2018-Q2 2018-Q3 2018-Q4 2019-Q1
expect 'inovasi report --contract=pupr-2018 --period 2019' 2019-Q1
expect 'inovasi report --period 2018-Q' 2018-Q2 2018-Q3 2018-Q4 # no contract: those reported
expect 'inovasi status --period ' 2018 2018-H1 2018-H2 2018-Q2 2018-Q3 2018-Q4
expect 'inovasi evaluate --period 2018-H' 2018-H1 2018-H2
expect 'inovasi list contracts --period 2018-Q' 2018-Q2 2018-Q3 2018-Q4
# --actual TARGET=VALUE: the targets of the contract reported on.
expect 'inovasi report --contract rsud-2018 --actual ' waktu-tunggu= pendaftar-online= \
  kepuasan-pasien=
expect 'inovasi report --contract rsud-2018 --actual waktu-tunggu=40 --actual p' pendaftar-online=
expect 'inovasi report --contract rsud-2018 --actual waktu-tunggu=4'
expect 'inovasi report --actual ' # no contract given yet

# From a folder inside the programme, and with $INOVASI_DIR.
cd "$tmp/tuban/reports/rsud-2018" || exit 1
expect 'inovasi list ideas --unit rsud' rsud-koesma
cd "$tmp" || exit 1
expect 'inovasi list ideas --unit rsud' # no programme here
INOVASI_DIR=$tmp/tuban expect 'inovasi list ideas --unit rsud' rsud-koesma
INOVASI_DIR=$tmp/nowhere expect 'inovasi list ideas --unit rsud'
# With -C, before or after the command; the first one counts, as in inovasi.
expect 'inovasi -C tuban list ideas --unit rsud' rsud-koesma
expect 'inovasi list ideas -C tuban --unit rsud' rsud-koesma
expect 'inovasi -Ctuban show perbup-2' perbup-27-2018
expect 'inovasi -C tuban -C files show perbup-2' perbup-27-2018
INOVASI_DIR=$tmp/files expect 'inovasi -C tuban show perbup-2' perbup-27-2018
expect "inovasi -C 'two words' show perbup-2" perbup-27-2018
expect 'inovasi -C two\ words report --contract rsud-2018 --actual w' waktu-tunggu=
expect "inovasi -C 'odd [dir]*' show perbup-2" perbup-27-2018
# Nothing typed is expanded or run: $tmp stays as typed, and is no folder.
expect "inovasi -C \"\$tmp\"/tuban show perbup-2"
HOME=$tmp expect 'inovasi -C ~/tuban show perbup-2' perbup-27-2018
expect 'inovasi -C ' files tuban 'two words' 'odd [dir]*'
expect 'inovasi -C t' tuban 'two words'
expect "inovasi -C 'two" 'two words'
expect 'inovasi --no-cache -C o' 'odd [dir]*'
expect 'inovasi -Ct' -Ctuban -Ctwo\ words

# --- Files ---------------------------------------------------------------
cd "$tmp/files" || exit 1
expect 'inovasi add-idea --from ' ideas.csv Units.CSV 'my file.csv' 'sub dir'
expect 'inovasi add-idea --from i' ideas.csv
expect 'inovasi add-unit --from n' notes.txt # no CSV matches: any file
expect "inovasi add-unit --from 'my" 'my file.csv'
expect 'inovasi add-unit --from my\ ' 'my file.csv'
expect 'inovasi add-unit --from .' .hidden
expect 'inovasi report --from sub' 'sub dir'
expect 'inovasi sign-contract --targets ' ideas.csv Units.CSV 'my file.csv' targets.yaml 'sub dir'
expect 'inovasi export ideas -o ' ideas.csv Units.CSV 'my file.csv' notes.txt targets.yaml 'sub dir'
expect 'inovasi export ideas --output=n' notes.txt
expect 'inovasi evaluate --out ' 'sub dir'
expect 'inovasi report --evidence n' notes.txt
expect 'inovasi init ' 'sub dir'
expect 'inovasi merge-driver ' ideas.csv Units.CSV 'my file.csv' notes.txt targets.yaml 'sub dir'
expect 'inovasi merge-driver a b c n' notes.txt
expect 'inovasi merge-driver a b c d ' # four files at most
expect 'inovasi add-idea --from ../files/i' ../files/ideas.csv
# shellcheck disable=SC2088 # the reply keeps the '~' typed
HOME=$tmp expect 'inovasi add-idea --from ~/files/i' '~/files/ideas.csv'
# @FILE: inovasi reads the text from the file; replies come quoted.
expect 'inovasi report --narrative @n' @notes.txt
expect 'inovasi report --narrative @s' '@sub\ dir/'
expect 'inovasi report --obstacles @m' '@my\ file.csv'
expect 'inovasi report --next-steps Jalan' # text
expect 'inovasi report --narrative=@n' @notes.txt

# --- Where bash cuts the word at '=', ':' or a quote -----------------------
# $2 is the word readline completes, as bash passes it; replies replace it.
cd "$tmp/tuban" || exit 1
expect_word 'inovasi list ideas --unit=' '' "${unit_ids[@]}"
expect_word 'inovasi list ideas --unit=bp' 'bp' bpbd
expect_word 'inovasi list ideas --stage=t' 't' trial
expect_word "inovasi add-idea --stage 'uji" 'uji' 'uji coba'
expect_word 'inovasi report --narrative=@inov' '@inov' @inovasi.yaml
expect_word 'inovasi report --narrative @inov' '@inov' @inovasi.yaml
expect_word 'inovasi report --narrative=@' '@' @README.md @contracts/ @ideas/ @inovasi.yaml \
  @regulations/ @reports/ @units/
expect_word 'inovasi --no-cache ch' 'ch' check
# Without '=' among COMP_WORDBREAKS the word is the whole option.
COMP_WORDBREAKS=$' \t\n"\'><;|&(:' expect_word 'inovasi list ideas --unit=bp' '--unit=bp' \
  --unit=bpbd
# With the cursor inside the line, what is before it is completed.
expect_at 'inovasi list ideas --stage tr --format csv' 29 trial
expect_at 'inovasi list ideas --stage tr --format csv' 10 list
expect_at 'inovasi s --format json' 9 sign-contract status show set stage step

# --- The user's shell options are left as they were -----------------------
shopt -s failglob nocaseglob dotglob
set -f
expect 'inovasi show perbup' perbup-27-2018 perbup-45-2018
cd "$tmp/files" || exit 1
expect 'inovasi add-idea --from i' ideas.csv
state=$(shopt failglob nocaseglob dotglob nullglob | tr -s ' \t\n' ' ')
noglob=${-//[^f]/}
shopt -u failglob nocaseglob dotglob
set +f
checks=$((checks + 1))
if [[ $state != 'failglob on nocaseglob on dotglob on nullglob off ' || $noglob != f ]]; then
  failures=$((failures + 1))
  echo "FAIL: the shell options were changed: $state, set -f: ${noglob:-off}"
fi

# --- The completion keeps up with the binary ---------------------------------
# Commands: the Subcommands section of inovasi --help.
cd "$tmp/tuban" || exit 1
help_text=$("$inovasi_bin" --help) || {
  echo "FAIL: $inovasi_bin --help failed"
  exit 1
}
mapfile -t listed < <(sed -n '/^Subcommands:$/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p' <<<"$help_text")
checks=$((checks + 1))
if ((${#listed[@]} < 10)); then
  failures=$((failures + 1))
  echo "FAIL: found ${#listed[@]} commands in '$inovasi_bin --help'; has its layout changed?"
fi
# Help topics: the "Help topics" list that ends inovasi --help.
mapfile -t topics < <(sed -n '/^Help topics/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p' <<<"$help_text")
checks=$((checks + 1))
if [[ ${topics[*]} != "${_inovasi_topics[*]}" ]]; then
  failures=$((failures + 1))
  echo "FAIL: '$inovasi_bin --help' lists the help topics '${topics[*]}'; completion/inovasi.bash has '${_inovasi_topics[*]}'"
fi
# The fields of set: the columns export writes, but the record's key.
for type in unit idea contract report regulation; do
  header=$("$inovasi_bin" export "${type}s" --format csv | head -1)
  fields=$(tr ',' '\n' <<<"$header" | grep -vx -e id -e contract -e period | tr '\n' ' ')
  checks=$((checks + 1))
  if [[ $fields != "${_inovasi_fields[$type]} " ]]; then
    failures=$((failures + 1))
    echo "FAIL: export ${type}s writes the columns '$fields'; completion/inovasi.bash offers set '${_inovasi_fields[$type]}'"
  fi
done
complete_line 'inovasi ' 8
offered=" ${COMPREPLY[*]} "
for c in "${listed[@]}"; do
  checks=$((checks + 1))
  if [[ $offered != *" $c "* ]]; then
    failures=$((failures + 1))
    echo "FAIL: '$inovasi_bin --help' lists the command '$c'; completion/inovasi.bash does not offer it"
  fi
done
for c in "${commands[@]}"; do
  checks=$((checks + 1))
  if [[ " ${listed[*]} " != *" $c "* ]]; then
    failures=$((failures + 1))
    echo "FAIL: completion/inovasi.bash offers the command '$c'; '$inovasi_bin --help' lists none"
  fi
done

# read_help HELP: from a --help text, the long options of its Options
# section (the names that open its lines: -o,--output FILE) into
# help_options, and the fixed choices (CLI11's IsMember: TEXT:{a,b,c}) of
# options and of the first positional argument into help_choices[NAME].
read_help() {
  local line section='' re_option='^  (-[A-Za-z],)?(--[a-z][a-z-]*)( [A-Z.]+(:\{[^}]*\})?)?'
  local re_positional='^  ([A-Za-z]+) [A-Z]+:(\{[^}]*\})'
  help_options=()
  help_choices=()
  while IFS= read -r line; do
    case $line in
      Options:) section=options ;;
      Positionals:) section=positionals ;;
      '') section= ;;
    esac
    if [[ $section == options && $line =~ $re_option ]]; then
      help_options+=("${BASH_REMATCH[2]}")
      [[ -n ${BASH_REMATCH[4]} ]] && help_choices[${BASH_REMATCH[2]}]=${BASH_REMATCH[4]#:}
    elif [[ $section == positionals && $line =~ $re_positional && -z ${help_choices[ARG]-} ]]; then
      help_choices[ARG]=${BASH_REMATCH[2]}
    fi
  done <<<"$1"
}
# compare_choices WHAT CHOICES LINE: completing LINE offers the CHOICES, in
# their order.
compare_choices() {
  complete_line "$3" "${#3}"
  local IFS=,
  checks=$((checks + 1))
  if [[ "{${COMPREPLY[*]}}" != "$2" ]]; then
    failures=$((failures + 1))
    echo "FAIL: '$3<TAB>' offers {${COMPREPLY[*]}}; $1 shows $2"
  fi
}
declare -a help_options
declare -A help_choices
read_help "$help_text"
global_long=" ${help_options[*]} "
for c in "${listed[@]}"; do
  [[ $c == help ]] && continue
  text=$("$inovasi_bin" "$c" --help) || {
    failures=$((failures + 1))
    echo "FAIL: $inovasi_bin $c --help failed"
    continue
  }
  read_help "$text"
  own=" ${help_options[*]} "
  checks=$((checks + 1))
  if ((${#help_options[@]} < 1)); then
    failures=$((failures + 1))
    echo "FAIL: found no option in '$inovasi_bin $c --help'; has its layout changed?"
  fi
  complete_line "inovasi $c --" $((${#c} + 11))
  offered=" ${COMPREPLY[*]} "
  for o in $own $global_long; do
    checks=$((checks + 1))
    if [[ $offered != *" $o "* ]]; then
      failures=$((failures + 1))
      echo "FAIL: '$inovasi_bin $c --help' lists $o; 'inovasi $c --<TAB>' does not offer it"
    fi
  done
  for o in "${COMPREPLY[@]}"; do
    checks=$((checks + 1))
    if [[ $own$global_long != *" $o "* ]]; then
      failures=$((failures + 1))
      echo "FAIL: 'inovasi $c --<TAB>' offers $o; '$inovasi_bin $c --help' does not list it"
    fi
  done
  for o in "${!help_choices[@]}"; do
    if [[ $o == ARG ]]; then line="inovasi $c "; else line="inovasi $c $o "; fi
    compare_choices "'$c --help'" "${help_choices[$o]}" "$line"
  done
done

# Enumerations: the tokens inovasi names when a value is refused are those
# offered, for every option taking one.
# enum_case LINE [ARG...]: LINE run with the value zz (then ARGs) must be
# refused with "(expected a, b or c)"; completing LINE offers a, b and c.
enum_case() {
  local line=$1 message list
  local -a words tokens=()
  shift
  read -ra words <<<"${line#inovasi }"
  message=$(cd "$tmp/tuban" && "$inovasi_bin" "${words[@]}" zz "$@" 2>&1)
  checks=$((checks + 1))
  if [[ $message =~ \(expected\ ([^\)]*)\) ]]; then
    list=${BASH_REMATCH[1]//, / } # a, b, c or d
    read -ra tokens <<<"${list/ or / }"
  fi
  if ((!${#tokens[@]})); then
    failures=$((failures + 1))
    echo "FAIL: '$line zz' was not refused with the list of tokens: $message"
    return
  fi
  complete_line "$line " $((${#line} + 1))
  compare "'$line <TAB>' against the tokens inovasi names" "${tokens[@]}"
}
enum_case 'inovasi add-unit --name X --kind' --dry-run
enum_case 'inovasi add-idea --title X --unit bappeda --kind' --dry-run
enum_case 'inovasi add-idea --title X --unit bappeda --stage' --dry-run
enum_case 'inovasi add-idea --title X --unit bappeda --category' --dry-run
enum_case 'inovasi add-idea --title X --unit bappeda --initiator' --dry-run
enum_case 'inovasi add-idea --title X --unit bappeda --proposer-echelon' --dry-run
enum_case 'inovasi add-idea --title X --unit bappeda --echelon' --dry-run
enum_case 'inovasi list ideas --stage'
enum_case 'inovasi list ideas --category'
enum_case 'inovasi list units --kind'
enum_case "inovasi init $tmp/new --name X --region Y --language"

# --- Loaded as bash-completion loads it, and beside that package ---------------
# bash-completion sources a completion file inside a function the first time
# the command is completed: the tables must outlive that function.
loaded=$(
  # shellcheck source=/dev/null
  load() { source "$completion"; }
  unset -f _inovasi
  unset _inovasi_commands _inovasi_tables _inovasi_kind _inovasi_enums
  load
  cd "$tmp/tuban" && complete_line 'inovasi -C . add-unit --kind h' 30 && echo "${COMPREPLY[*]}"
)
checks=$((checks + 1))
if [[ $loaded != hospital ]]; then
  failures=$((failures + 1))
  echo "FAIL: sourced inside a function, the completion offers '$loaded' for 'inovasi -C . add-unit --kind h'"
fi
# The package's own script, when installed (its absence skips these checks).
package=${BASH_COMPLETION_SCRIPT:-/usr/share/bash-completion/bash_completion}
if [[ -r $package ]]; then
  # shellcheck source=/dev/null
  source "$package"
  cd "$tmp/tuban" || exit 1
  expect 'inovasi s' sign-contract status show set stage step
  expect 'inovasi check -' --quiet "${globals[@]}"
  expect 'inovasi show rsud' rsud-koesma rsud-2018 rsud-2018/
  expect "inovasi add-idea --stage 'uji" 'uji coba'
  expect_word 'inovasi list ideas --unit=bp' 'bp' bpbd
  expect_word 'inovasi report --narrative @inov' '@inov' @inovasi.yaml
  expect 'inovasi report --contract rsud-2018 --actual k' kepuasan-pasien=
  cd "$tmp/files" || exit 1
  expect 'inovasi add-idea --from ' ideas.csv Units.CSV 'my file.csv' 'sub dir'
  expect 'inovasi report --narrative @s' '@sub\ dir/'
else
  echo "bash_completion: $package not found; skipped the checks beside the bash-completion package"
fi

if ((failures)); then
  echo "bash_completion: $failures of $checks checks failed"
  exit 1
fi
echo "bash_completion: all $checks checks passed"
