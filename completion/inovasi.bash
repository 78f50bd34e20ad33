# Bash completion for inovasi(1).
#
# Enable it in a shell with `source completion/inovasi.bash`; installed, it is
# share/bash-completion/completions/inovasi. It completes commands, options,
# the values options take, and record ids read from the file names of the
# programme in use (-C DIR on the line, else $INOVASI_DIR, else the nearest
# parent holding inovasi.yaml). It never runs inovasi, so it stays instant.
# Plain bash 4.2 or later; it needs none of the bash-completion package's
# helpers, and works beside them.

# The tables: one per command, as src/cli/<command>.cpp declares its options.
# tests/completion/completion_test.sh fails when a command or an option the
# built binary's --help lists is missing here, or is here and not there.
#
# A line is NAMES KIND [many]:
#   NAMES  an option's spellings, comma-separated, the long one last
#          (-o,--output: --output is offered); or, in CAPITALS, a positional
#          argument, in the order the command takes them
#   KIND   what the value completes to:
#            flag          takes no value
#            text          free text: nothing is offered
#            dir           a directory
#            file          any file
#            csv           a .csv file (any file when no .csv matches)
#            targets       a .csv, .yaml or .yml file (any file when none matches)
#            text-or-file  free text, or @FILE naming a file to read
#            date          a date: today's is offered, as YYYY-MM-DD
#            unit, idea, contract, regulation
#                          an id: a file name in the programme's units/,
#                          ideas/, contracts/ or regulations/, without .yaml
#            priority, indicator
#                          an id listed in the programme's inovasi.yaml
#            record        any of those ids, or CONTRACT/PERIOD for a report
#            quarter       a quarter the --contract given covers (its start
#                          to its end); without one, the quarters reported on
#            period        a quarter reported on, its half or its year
#            target        TARGET= for a target of the --contract given
#            command       a command name
#            command-or-topic
#                          a command name, or a topic of `inovasi help`
#            a|b|c         one of these words (two or more, no spaces)
#            NAME          a value of the enumeration NAME in _inovasi_enums
#   many   the option may be given again; other options are offered once

# The values of the enumerated record fields (src/model/enums.cpp): the
# tokens written to records, and the words also read (Indonesian mostly),
# offered when no token starts with what was typed.
declare -gA _inovasi_enums=(
  [unit-kind]='dinas|badan|secretariat|inspectorate|hospital|district|village|section|other'
  [echelon]='II.a|II.b|III.a|III.b|IV.a|IV.b|V.a|staff'
  [initiator]='regent|council|unit|civil-servant|public'
  [category]='governance|public-service|other'
  [idea-kind]='digital|non-digital'
  [stage]='initiative|trial|implemented|dropped'
  [language]='id|en'
)
declare -gA _inovasi_enum_aliases=(
  [unit-kind]='sekretariat|setda|sekretariat daerah|sekretariat dprd|sekwan|inspektorat|rsud|rumah sakit|rumah sakit umum daerah|kecamatan|kelurahan|desa|bagian|lainnya|lain'
  [echelon]='staf|pelaksana|non eselon|noneselon'
  [initiator]='kepala daerah|bupati|wali kota|walikota|anggota dprd|dprd|perangkat daerah|opd|asn|aparatur sipil negara|pns|masyarakat'
  [category]='tata kelola pemerintahan daerah|tata kelola pemerintahan|tata kelola|pelayanan publik|inovasi daerah lainnya|lainnya|lain'
  [idea-kind]=''
  [stage]='inisiatif|uji coba|penerapan|diterapkan|dihentikan'
  [language]='indonesia|bahasa indonesia|english|inggris'
)

# The fields `inovasi set TYPE ID FIELD=VALUE` takes: the columns of each
# type's CSV export but those that name the record (completion_test holds
# them to what export writes).
declare -gA _inovasi_fields=(
  [unit]='name kind head_name head_nip head_position commitment_signed'
  [idea]='title unit proposer_name proposer_nip proposer_position proposer_echelon initiator category kind stage priority indicator submitted trial_date implemented_date dropped_date drop_reason budget problem description goal benefit plan tags'
  [contract]='unit ideas signed first_party_name first_party_position second_party_name second_party_position start end'
  [report]='submitted actual narrative obstacles next_steps evidence'
  [regulation]='number date amends ideas'
)

# Options of inovasi itself, taken before or after the command name (app.cpp).
_inovasi_global_options='
  -C                        dir           many
  --lang                    id|en
  --no-cache                flag
  -h,--help                 flag
  --version                 flag
'

# What every command that adds records takes (adding.h: add_column_options).
_inovasi_adding_options='
  --from                    csv
  --separator               ,|;
  --dry-run                 flag
  --update                  flag
'

# _inovasi_command NAME TABLE...: declares a command and its options.
declare -ga _inovasi_commands=()
declare -gA _inovasi_tables=()
_inovasi_command() {
  _inovasi_commands+=("$1")
  local IFS=''
  _inovasi_tables[$1]="${*:2}"
}

_inovasi_command init '
  DIR                       dir
  --name                    text
  --region                  text
  --language                language
  --partner                 text
  --mou-date                date
  --git                     flag
'

_inovasi_command add-unit '
  --id                      text
  --name                    text
  --kind                    unit-kind
  --head-name               text
  --head-nip                text
  --head-position           text
  --commitment-signed       date
' "$_inovasi_adding_options"

_inovasi_command add-idea '
  --id                      text
  --title                   text
  --unit                    unit
  --proposer-name           text
  --proposer-nip            text
  --proposer-position       text
  --proposer-echelon        echelon
  --echelon                 echelon
  --initiator               initiator
  --category                category
  --kind                    idea-kind
  --stage                   stage
  --priority                priority
  --indicator               indicator
  --submitted               date
  --trial-date              date
  --implemented-date        date
  --budget                  text
  --problem                 text
  --description             text
  --goal                    text
  --benefit                 text
  --tag                     text          many
  --step                    text          many
  --due                     date          many
' "$_inovasi_adding_options"

_inovasi_command check '
  -q,--quiet                flag
'

_inovasi_command sign-contract '
  --id                      text
  --unit                    unit
  --signed                  date
  --first-party-name        text
  --first-party-position    text
  --second-party-name       text
  --second-party-position   text
  --start                   date
  --end                     date
  --idea                    idea          many
  --targets                 targets
' "$_inovasi_adding_options"

_inovasi_command report '
  --contract                contract
  --period                  quarter
  --submitted               date
  --actual                  target        many
  --narrative               text-or-file
  --obstacles               text-or-file
  --next-steps              text-or-file
  --evidence                file          many
' "$_inovasi_adding_options"

_inovasi_command add-regulation '
  --id                      text
  --number                  text
  --date                    date
  --amends                  regulation
  --idea                    idea          many
' "$_inovasi_adding_options"

_inovasi_command status '
  --as-of                   date
  --unit                    unit
  --contract                contract
  --period                  period
  --format                  table|csv|json
'

_inovasi_command evaluate '
  --period                  period
  --as-of                   date
  --format                  md|csv|json
  --table                   contracts|targets|units|ideas
  --out                     dir
'

_inovasi_command export '
  TYPE                      units|ideas|contracts|targets|reports|regulations|all|perbup
  --format                  csv|json|md|xlsx
  -o,--output               file
  --bom                     flag
  --crlf                    flag
  --separator               ,|;
  --regulation              regulation
  --pending                 flag
'

_inovasi_command list '
  TYPE                      units|ideas|contracts|reports|regulations
  --unit                    unit
  --stage                   stage
  --category                category
  --as-of                   date
  --kind                    unit-kind
  --contract                contract
  --period                  period
  --format                  table|csv|json
'

_inovasi_command show '
  ID                        record
  --format                  yaml|json
'

_inovasi_command set '
  TYPE                      unit|idea|contract|report|regulation
  ID                        record
  FIELD=VALUE               field
  --dry-run                 flag
'

_inovasi_command stage '
  IDEA                      idea
  STAGE                     stage
  --date                    date
  --reason                  text
  --force                   flag
  --dry-run                 flag
'

_inovasi_command step '
  IDEA                      idea
  N                         step
  --done                    date
  --undo                    flag
  --due                     date
  --add                     text
  --dry-run                 flag
'

_inovasi_command mv '
  TYPE                      unit|idea|contract|report|regulation
  OLD                       record
  NEW                       text
  --dry-run                 flag
'

_inovasi_command rm '
  TYPE                      unit|idea|contract|report|regulation
  ID                        record
  --dry-run                 flag
'

_inovasi_command edit '
  TYPE                      unit|idea|contract|report|regulation
  ID                        record
'

_inovasi_command fmt '
  --check                   flag
  --strip-comments          flag
'

_inovasi_command merge-driver '
  BASE                      file
  OURS                      file
  THEIRS                    file
  PATH                      file
'

_inovasi_command git-setup ''

_inovasi_command help '
  COMMAND                   command-or-topic
'
# The topics of `inovasi help TOPIC`, as `inovasi --help` ends by listing them.
declare -ga _inovasi_topics=(records scoring csv periods)

# ---------------------------------------------------------------------------
# The machinery. Helpers read and fill the variables of _inovasi, which calls
# them (bash scoping is dynamic): cur is the value being completed, as the
# shell will read it (quotes removed); COMPREPLY collects the words offered,
# as the whole word typed, to be cut to readline's word at the end.

# _inovasi_learn COMMAND TABLE: reads a table into
#   _inovasi_kind[COMMAND SPELLING]      the option's KIND
#   _inovasi_offer_as[COMMAND SPELLING]  the spelling offered (its long one)
#   _inovasi_many[COMMAND SPELLING]      set when it may be repeated
#   _inovasi_offered[COMMAND]            the spellings offered
#   _inovasi_positionals[COMMAND]        the positional arguments' KINDs
# Options of inovasi itself are those of the COMMAND "inovasi".
_inovasi_learn() {
  local command=$1 names kind many name offer
  local -a spellings
  while read -r names kind many; do
    [[ -n $names ]] || continue
    if [[ $names != -* ]]; then
      _inovasi_positionals[$command]+="$kind "
      continue
    fi
    IFS=, read -ra spellings <<<"$names"
    offer=${spellings[${#spellings[@]} - 1]}
    for name in "${spellings[@]}"; do
      _inovasi_kind["$command $name"]=$kind
      _inovasi_offer_as["$command $name"]=$offer
      if [[ $many == many ]]; then _inovasi_many["$command $name"]=1; fi
    done
    _inovasi_offered[$command]+="$offer "
  done <<<"$2"
}
declare -gA _inovasi_kind=() _inovasi_offer_as=() _inovasi_many=() _inovasi_offered=()
declare -gA _inovasi_positionals=()
_inovasi_learn inovasi "$_inovasi_global_options"
for _inovasi_key in "${_inovasi_commands[@]}"; do
  _inovasi_learn "$_inovasi_key" "${_inovasi_tables[$_inovasi_key]}"
done
unset _inovasi_key

# _inovasi_lookup COMMAND NAME: sets _inovasi_key to the key of option NAME
# in the tables (the command's own, else inovasi's), or to '' if unknown.
_inovasi_lookup() {
  if [[ -n $1 && -n ${_inovasi_kind["$1 $2"]+set} ]]; then
    _inovasi_key="$1 $2"
  elif [[ -n ${_inovasi_kind["inovasi $2"]+set} ]]; then
    _inovasi_key="inovasi $2"
  else
    _inovasi_key=''
  fi
}

# _inovasi_split TEXT: splits a command line as the shell would, into
# _inovasi_split_words (quotes and backslashes removed) and the unfinished last
# word: _inovasi_last, _inovasi_last_raw as typed, _inovasi_quote (the quote
# left open, if any) and _inovasi_rl_start (where in _inovasi_last_raw the
# word readline completes begins: after the last word-break character or
# opening quote; at an '@').
_inovasi_split() {
  local text=$1 c next i breaks=${COMP_WORDBREAKS-$' \t\n"\'@><=;|&(:'}
  local word='' raw='' quote='' started=''
  _inovasi_split_words=()
  _inovasi_rl_start=0
  for ((i = 0; i < ${#text}; i++)); do
    c=${text:i:1}
    if [[ $quote == "'" ]]; then
      if [[ $c == "'" ]]; then quote=''; else word+=$c; fi
      raw+=$c
      continue
    fi
    if [[ $quote == '"' ]]; then
      next=${text:i+1:1}
      if [[ $c == '"' ]]; then
        quote=''
      elif [[ $c == \\ && -n $next && $next == [\"\\\$\`] ]]; then
        word+=$next
        raw+=$c
        i=$((i + 1))
        c=$next
      else
        word+=$c
      fi
      raw+=$c
      continue
    fi
    case $c in
      ' ' | $'\t' | $'\n')
        if [[ -n $started ]]; then _inovasi_split_words+=("$word"); fi
        word='' raw='' started='' _inovasi_rl_start=0
        ;;
      \\)
        word+=${text:i+1:1}
        raw+=$c${text:i+1:1}
        i=$((i + 1))
        started=1
        ;;
      \' | \")
        quote=$c
        raw+=$c
        started=1
        _inovasi_rl_start=${#raw}
        ;;
      *)
        if [[ $c == @ ]]; then
          _inovasi_rl_start=${#raw}
        elif [[ $breaks == *"$c"* ]]; then
          _inovasi_rl_start=$((${#raw} + 1))
        fi
        word+=$c
        raw+=$c
        started=1
        ;;
    esac
  done
  _inovasi_last=$word
  _inovasi_last_raw=$raw
  _inovasi_quote=$quote
}

# _inovasi_glob_begin / _inovasi_glob_end: the shell options pathname
# expansion needs here (no match: nothing; no case folding, no dot files,
# globbing on), then the user's own back.
_inovasi_glob_begin() {
  _inovasi_glob_saved=''
  shopt -q nullglob || _inovasi_glob_saved+=n
  shopt -q failglob && _inovasi_glob_saved+=f
  shopt -q nocaseglob && _inovasi_glob_saved+=c
  shopt -q dotglob && _inovasi_glob_saved+=d
  [[ $- == *f* ]] && _inovasi_glob_saved+=F
  shopt -s nullglob
  shopt -u failglob nocaseglob dotglob
  set +f
}
_inovasi_glob_end() {
  [[ $_inovasi_glob_saved == *n* ]] && shopt -u nullglob
  [[ $_inovasi_glob_saved == *f* ]] && shopt -s failglob
  [[ $_inovasi_glob_saved == *c* ]] && shopt -s nocaseglob
  [[ $_inovasi_glob_saved == *d* ]] && shopt -s dotglob
  [[ $_inovasi_glob_saved == *F* ]] && set -f
  return 0
}

# _inovasi_root: sets root to the programme directory, as inovasi finds it
# (the first -C given on the line, else $INOVASI_DIR, else the nearest parent
# of the working directory holding inovasi.yaml); fails when there is none.
_inovasi_root() {
  if [[ -n ${root_known-} ]]; then [[ -n $root_found ]]; return; fi
  root_known=1 root_found=''
  if ((${#dirs[@]})); then
    root=${dirs[0]}
    # shellcheck disable=SC2088 # a '~' typed, which the shell would expand
    if [[ $root == '~' || $root == '~/'* ]]; then root=$HOME${root:1}; fi
  elif [[ -n ${INOVASI_DIR-} ]]; then
    root=$INOVASI_DIR
  else
    root=$PWD
    while [[ ! -e $root/inovasi.yaml ]]; do
      [[ -n $root ]] || return 1
      root=${root%/*}
    done
  fi
  [[ -e $root/inovasi.yaml ]] || return 1
  root_found=1
}

# _inovasi_ids FOLDER...: the ids of the records in FOLDERs that start with cur.
# Ids are slugs ([a-z0-9-]), so cur needs no quoting in a pattern.
_inovasi_ids() {
  [[ $cur != *[^a-z0-9-]* ]] && _inovasi_root || return 0
  local folder
  local -a found
  _inovasi_glob_begin
  for folder; do
    found=("$root/$folder/$cur"*.yaml)
    if ((${#found[@]})); then
      found=("${found[@]##*/}")
      COMPREPLY+=("${found[@]%.yaml}")
    fi
  done
  _inovasi_glob_end
}

# _inovasi_steps: the numbers of the plan steps of the idea named before
# (inovasi step IDEA N), 1 for the first, as inovasi show lists them.
_inovasi_steps() {
  [[ $first_positional != *[^a-z0-9-]* && -n $first_positional ]] && _inovasi_root || return 0
  local file="$root/ideas/$first_positional.yaml" line n=0
  [[ -r $file ]] || return 0
  local -a numbers=()
  while IFS= read -r line; do
    [[ $line == "  - step:"* ]] && numbers+=($((++n)))
  done <"$file"
  _inovasi_words "${numbers[@]}"
}

# _inovasi_record: show's id: a unit, idea, contract or regulation, or a
# report as CONTRACT/PERIOD; CONTRACT/ is offered for the contracts that
# have reports, so that a '/' leads on to their periods.
_inovasi_record() {
  local -a found
  local f
  if [[ $cur == */* ]]; then
    local contract_id=${cur%%/*} period=${cur#*/}
    [[ $period != */* ]] && _inovasi_root || return 0
    _inovasi_glob_begin
    found=("$root/reports/$contract_id/$period"*.yaml)
    _inovasi_glob_end
    for f in "${found[@]}"; do
      f=${f##*/}
      COMPREPLY+=("$contract_id/${f%.yaml}")
    done
    return 0
  fi
  _inovasi_ids units ideas contracts regulations
  _inovasi_root || return 0
  _inovasi_glob_begin
  found=("$root/reports/$cur"*/)
  _inovasi_glob_end
  for f in "${found[@]}"; do
    f=${f%/}
    COMPREPLY+=("${f##*/}/")
  done
}

# _inovasi_yaml_ids FILE SECTION [SUFFIX]: the ids of the list under the
# top-level key SECTION of a record file (block or flow items), each with
# SUFFIX, that start with cur.
_inovasi_yaml_ids() {
  [[ -r $1 ]] || return 0
  local line section='' re_key='^([A-Za-z_]+):' re_id='^  - (\{ *)?id: *([a-z0-9-]+)'
  while IFS='' read -r line; do
    if [[ $line =~ $re_key ]]; then
      section=${BASH_REMATCH[1]}
    elif [[ $section == "$2" && $line =~ $re_id ]]; then
      [[ ${BASH_REMATCH[2]} == "$cur"* ]] && COMPREPLY+=("${BASH_REMATCH[2]}${3-}")
    fi
  done <"$1"
  return 0
}

# _inovasi_quarters FIRST LAST: the quarters from FIRST to LAST (YYYY-MM,
# the months holding the first and last days) that start with cur.
_inovasi_quarters() {
  local year=$((10#${1%-*})) quarter=$(((10#${1#*-} - 1) / 3 + 1))
  local last_year=$((10#${2%-*})) last_quarter=$(((10#${2#*-} - 1) / 3 + 1)) count=0
  while ((year < last_year || (year == last_year && quarter <= last_quarter))) && ((count < 400)); do
    [[ $year-Q$quarter == "$cur"* ]] && COMPREPLY+=("$year-Q$quarter")
    quarter=$((quarter + 1)) count=$((count + 1))
    if ((quarter > 4)); then quarter=1 year=$((year + 1)); fi
  done
  return 0
}

# _inovasi_reported [halves]: the periods of the reports filed (from
# reports/CONTRACT/PERIOD.yaml), with their halves and years when asked.
_inovasi_reported() {
  _inovasi_root || return 0
  local -a found
  local -A seen=()
  local f half_or_year re='^([0-9]{4})-Q([1-4])$'
  _inovasi_glob_begin
  found=("$root"/reports/*/"${cur:0:4}"*.yaml)
  _inovasi_glob_end
  ((${#found[@]})) || return 0
  found=("${found[@]##*/}")
  for f in "${found[@]}"; do seen[${f%.yaml}]=1; done
  for f in "${!seen[@]}"; do
    [[ $f =~ $re ]] || continue
    [[ $f == "$cur"* ]] && COMPREPLY+=("$f")
    [[ -n ${1-} ]] || continue
    for half_or_year in "${BASH_REMATCH[1]}-H$(((BASH_REMATCH[2] + 1) / 2))" "${BASH_REMATCH[1]}"; do
      [[ -z ${seen[$half_or_year]+set} && $half_or_year == "$cur"* ]] && COMPREPLY+=("$half_or_year")
      seen[$half_or_year]=1
    done
  done
  return 0
}

# _inovasi_quarter: report's --period: the quarters of the --contract given,
# from its start and end; without one, the quarters reported on.
_inovasi_quarter() {
  _inovasi_root || return 0
  local file=$root/contracts/$contract.yaml line first='' last=''
  local re='^(start|end): *["'\'']?([0-9]{4}-[0-9]{2})-'
  if [[ -z $contract || ! -r $file ]]; then
    _inovasi_reported
    return 0
  fi
  while IFS='' read -r line; do
    if [[ $line =~ $re ]]; then
      if [[ ${BASH_REMATCH[1]} == start ]]; then first=${BASH_REMATCH[2]}; else last=${BASH_REMATCH[2]}; fi
      [[ -n $first && -n $last ]] && break
    fi
  done <"$file"
  [[ -n $first && -n $last ]] && _inovasi_quarters "$first" "$last"
  return 0
}

# _inovasi_paths dir|file [EXTENSION...]: the directories, or the files with
# one of the EXTENSIONs (any file when none of them matches), whose path
# starts with cur; bash then quotes them and marks directories.
_inovasi_paths() {
  local want=$1 typed=$cur expanded=$cur f lower extension keep
  shift
  # shellcheck disable=SC2088 # a '~' typed, which the shell would expand
  if [[ $typed == '~/'* ]]; then expanded=$HOME${typed:1}; fi
  local -a found
  _inovasi_glob_begin
  found=("$expanded"*)
  _inovasi_glob_end
  local -a matches=()
  for f in "${found[@]}"; do
    [[ ${f##*/} == . || ${f##*/} == .. ]] && continue
    if [[ ! -d $f ]]; then
      [[ $want == dir ]] && continue
      if (($#)); then
        lower=${f,,} keep=''
        for extension; do [[ $lower == *."$extension" ]] && keep=1; done
        [[ -n $keep ]] || continue
      fi
    fi
    matches+=("$typed${f:${#expanded}}")
  done
  if ((!${#matches[@]} && $#)) && [[ $want == file ]]; then
    _inovasi_paths file
    return
  fi
  COMPREPLY+=("${matches[@]}")
  filenames=1
}

# _inovasi_text_or_file: @FILE after --narrative and the like (inovasi reads
# the file); free text otherwise.
_inovasi_text_or_file() {
  [[ $cur == @* ]] || return 0
  local -a found
  local f
  _inovasi_glob_begin
  found=("${cur:1}"*)
  _inovasi_glob_end
  for f in "${found[@]}"; do
    [[ ${f##*/} == . || ${f##*/} == .. ]] && continue
    if [[ -d $f ]]; then COMPREPLY+=("@$f/"); else COMPREPLY+=("@$f"); fi
  done
  escape=1
  if ((${#COMPREPLY[@]} == 1)) && [[ ${COMPREPLY[0]} == */ ]]; then nospace=1; fi
}

# _inovasi_words WORD...: the WORDs that start with cur; bash quotes them
# when one needs it (a space, a ';').
_inovasi_words() {
  local word
  for word; do
    if [[ $word == "$cur"* ]]; then
      COMPREPLY+=("$word")
      [[ $word == *[^A-Za-z0-9._,/-]* ]] && filenames=1
    fi
  done
  return 0
}

# _inovasi_value KIND: what a value of KIND can be.
_inovasi_value() {
  local -a words
  case $1 in
    flag | text) ;;
    dir) _inovasi_paths dir ;;
    file) _inovasi_paths file ;;
    csv) _inovasi_paths file csv ;;
    targets) _inovasi_paths file csv yaml yml ;;
    text-or-file) _inovasi_text_or_file ;;
    date)
      local today
      printf -v today '%(%Y-%m-%d)T' -1
      _inovasi_words "$today"
      ;;
    unit) _inovasi_ids units ;;
    idea) _inovasi_ids ideas ;;
    contract) _inovasi_ids contracts ;;
    regulation) _inovasi_ids regulations ;;
    priority) _inovasi_root && _inovasi_yaml_ids "$root/inovasi.yaml" priorities ;;
    indicator) _inovasi_root && _inovasi_yaml_ids "$root/inovasi.yaml" indicators ;;
    record) _inovasi_record ;;
    quarter) _inovasi_quarter ;;
    period) _inovasi_reported halves ;;
    target)
      if [[ $cur != *=* && -n $contract ]] && _inovasi_root; then
        _inovasi_yaml_ids "$root/contracts/$contract.yaml" targets =
        nospace=1
      fi
      ;;
    step) _inovasi_steps ;;
    field)
      # The field's name, then '=': its value is the user's.
      if [[ $cur != *=* && -n ${_inovasi_fields[$first_positional]+set} ]]; then
        read -ra words <<<"${_inovasi_fields[$first_positional]}"
        _inovasi_words "${words[@]/%/=}"
        nospace=1
      fi
      ;;
    command) _inovasi_words "${_inovasi_commands[@]}" ;;
    command-or-topic) _inovasi_words "${_inovasi_commands[@]}" "${_inovasi_topics[@]}" ;;
    *'|'*)
      IFS='|' read -ra words <<<"$1"
      _inovasi_words "${words[@]}"
      ;;
    *)
      [[ -n ${_inovasi_enums[$1]+set} ]] || return 0
      IFS='|' read -ra words <<<"${_inovasi_enums[$1]}"
      _inovasi_words "${words[@]}"
      if ((!${#COMPREPLY[@]})) && [[ -n ${_inovasi_enum_aliases[$1]} ]]; then
        IFS='|' read -ra words <<<"${_inovasi_enum_aliases[$1]}"
        _inovasi_words "${words[@]}"
      fi
      ;;
  esac
  return 0
}

# _inovasi_options COMMAND: its options and inovasi's that start with cur,
# leaving out those given already that are not to be repeated.
_inovasi_options() {
  local command option
  for command in ${1:+"$1"} inovasi; do
    for option in ${_inovasi_offered[$command]-}; do
      [[ $option == "$cur"* ]] || continue
      [[ -z ${used[$option]+set} || -n ${_inovasi_many["$command $option"]+set} ]] || continue
      COMPREPLY+=("$option")
    done
  done
}

# The completion function: bash sets COMP_LINE and COMP_POINT (and
# COMP_WORDS, COMP_CWORD) and passes the word it completes as $2.
_inovasi() {
  COMPREPLY=()
  local line=${COMP_LINE-} point=${COMP_POINT-}
  if [[ -z ${COMP_LINE+set} ]]; then
    line="${COMP_WORDS[*]:0:COMP_CWORD+1}"
    point=${#line}
  fi
  _inovasi_split "${line:0:point}"
  local -a words=("${_inovasi_split_words[@]}") dirs=()
  local cur=$_inovasi_last raw=$_inovasi_last_raw quote=$_inovasi_quote
  # The part of the word that readline leaves alone (up to a '=' or ':');
  # replies are cut to what follows it.
  local readline_word=${raw:_inovasi_rl_start}
  if (($# >= 2)); then readline_word=$2; fi
  local kept='' lost=''
  if [[ $raw == *"$readline_word" ]]; then kept=${raw:0:${#raw}-${#readline_word}}; fi
  if [[ -n $kept ]]; then
    _inovasi_split "$kept"
    lost=$_inovasi_last
  fi

  # What the words before this one say: the command, the options given and
  # what they were given, how many positional arguments.
  local command='' positionals=0 dashdash='' pending='' word name value kind inline i
  local root='' root_known='' root_found='' contract='' first_positional='' _inovasi_key
  local -A used=()
  for ((i = 1; i < ${#words[@]}; i++)); do
    word=${words[i]}
    if [[ -n $dashdash || $word != -?* ]]; then
      if [[ -z $command ]]; then
        command=$word
      else
        positionals=$((positionals + 1))
        ((positionals == 1)) && first_positional=$word
      fi
      continue
    fi
    if [[ $word == -- ]]; then
      dashdash=1
      continue
    fi
    name=$word value='' inline=''
    if [[ $word == --*=* ]]; then
      name=${word%%=*} value=${word#*=} inline=1
    elif [[ $word == -C?* ]]; then
      name=-C value=${word:2} inline=1
    fi
    _inovasi_lookup "$command" "$name"
    [[ -n $_inovasi_key ]] || continue
    name=${_inovasi_offer_as[$_inovasi_key]}
    used[$name]=1
    kind=${_inovasi_kind[$_inovasi_key]}
    if [[ $kind != flag && -z $inline ]]; then
      if ((i + 1 == ${#words[@]})); then
        pending=$kind
        break
      fi
      i=$((i + 1))
      value=${words[i]}
    fi
    case $name in
      -C) dirs+=("$value") ;;
      --contract) contract=$value ;;
    esac
  done

  local prefix='' filenames='' nospace='' escape=''
  if [[ -n $pending ]]; then
    _inovasi_value "$pending"
  elif [[ -z $dashdash && ($cur == --*=* || $cur == -C?*) ]]; then
    if [[ $cur == -C?* ]]; then name=-C; else name=${cur%%=*}; fi
    _inovasi_lookup "$command" "$name"
    if [[ -n $_inovasi_key && ${_inovasi_kind[$_inovasi_key]} != flag ]]; then
      prefix=${cur:0:${#name}}
      [[ $name == -C ]] || prefix+='='
      cur=${cur:${#prefix}}
      _inovasi_value "${_inovasi_kind[$_inovasi_key]}"
    fi
  elif [[ -z $dashdash && $cur == -* ]]; then
    _inovasi_options "$command"
  elif [[ -z $command ]]; then
    _inovasi_value command
  else
    local -a kinds
    read -ra kinds <<<"${_inovasi_positionals[$command]-}"
    if ((positionals < ${#kinds[@]})); then
      _inovasi_value "${kinds[positionals]}"
    elif ((${#kinds[@]})) && [[ ${kinds[-1]} == field ]]; then
      _inovasi_value field # FIELD=VALUE, as many as given
    fi
  fi

  if [[ $prefix != "$lost" || -n $escape ]]; then
    local -a replies=("${COMPREPLY[@]}")
    local reply
    COMPREPLY=()
    for reply in "${replies[@]}"; do
      reply=$prefix$reply
      if [[ -n $lost ]]; then
        [[ $reply == "$lost"* ]] || continue
        reply=${reply:${#lost}}
      fi
      if [[ -n $escape && -z $quote ]]; then printf -v reply %q "$reply"; fi
      COMPREPLY+=("$reply")
    done
  fi
  # compopt answers only inside a completion (not when a test calls this).
  if [[ -n $filenames ]]; then compopt -o filenames 2>/dev/null; fi
  if [[ -n $nospace ]]; then compopt -o nospace 2>/dev/null; fi
  return 0
}

complete -F _inovasi inovasi
