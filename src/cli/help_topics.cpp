#include "inovasi/cli/help_topics.h"

#include <fmt/core.h>

#include <map>
#include <stdexcept>

#include "inovasi/model/compliance.h"
#include "inovasi/model/records.h"
#include "inovasi/render/records.h"
#include "inovasi/store/csv_codec.h"
#include "inovasi/store/values.h"
#include "inovasi/util/messages.h"
#include "inovasi/util/text.h"

namespace inovasi::cli {

namespace {

// The texts, as they are printed but for {{name}}: a value taken from the
// code (enumerations, CSV layouts, defaults), so that the help cannot drift
// from what inovasi reads. A line holding one, or longer than kWidth columns,
// is wrapped to kWidth, its continuation lines indented like its value. A
// line that is {{bands}} alone becomes the default bands, one a line. Each
// text is a message: its translation keeps the same {{names}} and is filled
// and wrapped the same way (scripts/check-messages holds it to them).

constexpr std::size_t kWidth = 80;

const char* kRecords = tr_noop(R"TXT(Records: the programme directory, and what each file holds

A programme is a directory of YAML files, one record per file, for git:

  inovasi.yaml                  the programme and its settings
  units/ID.yaml                 an OPD (perangkat daerah): dinas, RSUD, ...
  ideas/ID.yaml                 an innovation idea, with its action plan
  contracts/ID.yaml             a performance contract, with its targets
  reports/CONTRACT/PERIOD.yaml  a quarterly progress report (2018-Q3.yaml)
  regulations/ID.yaml           a perbup listing innovations, or an amendment

A field marked * is required; the others may be left out. An id is a slug, lowercase letters and digits in words joined by single hyphens, at most 64 characters, and the record's file name. Dates are YYYY-MM-DD; numbers are decimal (42, 77.4, -3), never 0123; a nip is 18 digits, quoted. An enumeration is written as its English token; the words in parentheses are read as it too, ignoring case, spaces and - _ . / ('Uji Coba' is trial).

inovasi.yaml: the programme
  name*, region*    the programme's name; its kabupaten or kota
  partner           the partner institution (Lembaga Administrasi Negara)
  mou_date          the date the MoU with the partner was signed
  language          the language of generated reports: {{language}}
  editor_schema     true: records are written with the editor's schema hint
  reporting         every_months: {{every-months}}, reports are per quarter; grace_days: days from a quarter's end to its report's due date, default {{grace-days}}
  evaluation        every_months: the evaluation cycle, 6 or 12; default {{evaluation-months}}
  scale             cap: the highest achievement counted, default {{cap}}; bands: [{min, label: {id, en}}], highest first, the last at min 0; missing: zero or skip
  priorities        the RPJMD priorities: [{id*, title*}]
  indicators        the IKD, regional indicators: [{id*, name*, priority, unit}]

units/ID.yaml: an OPD
  id*, name*        the unit's id; the OPD's name
  kind*             {{unit-kind}}
  head              {name, nip, position}: the head of the unit
  commitment_signed the date the head signed the commitment to innovate

ideas/ID.yaml: an innovation idea
  id*, title*       the idea's id; the innovation's name (nama inovasi)
  unit*             the id of the OPD that owns it
  proposer          {name, nip, position, echelon}: the official who proposed it
  proposer.echelon  {{echelon}}
  initiator         who initiated it (PP 38/2017): {{initiator}}
  category          its form (bentuk, PP 38/2017): {{category}}
  kind              {{idea-kind}}
  stage             {{stage}}
  priority, indicator  the ids of the RPJMD priority and the IKD it serves
  submitted         the date it was proposed
  trial_date        the date its trial began (not at stage initiative)
  implemented_date  the date it was implemented (stage implemented or dropped)
  dropped_date, drop_reason  when and why it was dropped (stage dropped)
  budget            the planned budget in whole rupiah, not negative
  problem, description, goal, benefit: free text
  plan              the action plan: [{step*, due, done}]; done is a date
  tags              a list of words: [antrean, digital]

contracts/ID.yaml: a performance contract (kontrak kinerja)
  id*, unit*        the contract's id; the id of the OPD that signed it
  ideas             the ids of the ideas it carries out: [antrean-online]
  signed            the date it was signed, not after end
  first_party, second_party: {name, position}, the regent and the OPD's head
  start*, end*      the first and the last day it covers
  targets           a list of targets, each with
    id*, name*      a slug, distinct within the contract; what is measured
    unit            the unit of measure: menit, persen, ...
    polarity        whether more or less is better: {{polarity}}
    mode            to date, or each quarter alone: {{mode}}
    baseline        the value before the contract
    weight          its weight in the contract's score, above 0; default {{default-weight}}
    by_period       the target value per quarter: {2018-Q3: 45, 2018-Q4: 30}

reports/CONTRACT/PERIOD.yaml: a quarterly progress report
  contract*         the id of the contract; it names the folder
  period*           the quarter reported on, YYYY-Qn; it names the file
  submitted*        the date it was handed in, not before the quarter began
  actual            the value reached (realisasi) per target: {waktu-tunggu: 42}
  narrative, obstacles, next_steps  what was done; the obstacles (kendala); the follow-up plan (rencana tindak lanjut)
  evidence          the supporting documents (bukti dukung): [paths or URLs]

regulations/ID.yaml: a perbup (Peraturan Bupati) or an amendment of one
  id*, number*      the regulation's id; its number: Perbup No. 27 Tahun 2018
  date*             the date it was enacted
  amends            for an amendment, the id of the regulation it amends
  ideas             the ids of the innovations its annex lists, in order; an amendment lists its whole annex as amended

A province's workspace.yaml, which lists programmes, is described in inovasi(5).

See also: inovasi(5), inovasi-check(1), inovasi-fmt(1), inovasi-add-unit(1),
inovasi-add-idea(1), inovasi-sign-contract(1), inovasi-report(1),
inovasi-add-regulation(1)
)TXT");

const char* kScoring = tr_noop(
    R"TXT(Scoring: how inovasi evaluate scores the contracts and sums up the programme

inovasi evaluate scores every contract whose start to end overlaps the period
(--period: a quarter, a half year or a year), as the records stood on the
as-of date (--as-of); see 'inovasi help periods'.

The achievement of a target
  With T the target value and R the realisation (actual in the report):
    polarity higher   R / T x 100
    polarity lower    (2T - R) / T x 100, never below 0: the SAKIP formula,
                      for what is better when less (waiting time, days to fix)
    T = 0             100 when R meets it (higher: R >= 0, lower: R <= 0),
                      else 0
  then capped at scale.cap in inovasi.yaml (default {{cap}}).

  For a quarter, T is the target's by_period value for it and R the value in
  that quarter's report. Over a half year or a year:
    mode cumulative   T and R of the last quarter of the period that has a
                      target value (cumulative values are to date)
    mode per-period   T and R summed over the quarters that have one
  A target with no value in the period is not scored. A realisation is
  missing when the quarter's report is not in on the as-of date, or has no
  value for the target. Missing for a quarter whose report is due (its due
  date on or before the as-of date), it scores the target 0 for the period,
  whatever its polarity: silence never protects a contract from a low band
  (scale.missing: zero, the default; skip leaves such a target unscored).
  Missing for a quarter not yet due, it leaves the target unscored, and the
  period provisional. A missing value is never read as R = 0.

The score of a contract
  The mean of the achievements of its scored targets, weighted by weight:
    score = sum(achievement x weight) / sum(weight)
  A contract with no scored target has no score and no band: an empty cell
  (null in JSON), never 0.

The bands
  A score's band is the first of scale.bands in inovasi.yaml, listed highest
  first, whose min is at or below the score. By default, the five bands of
  the RKPD evaluation scale:
{{bands}}

Reports, as of the as-of date
  A report submitted after the as-of date does not count yet, for the score
  and for compliance alike, nor does a contract signed after it. Compliance
  (reports due, on time, late, missing) counts the quarters of the period
  whose due date has passed on the as-of date.

Ideas and units
  ideas      every idea but those submitted after the as-of date, at the stage
             it had reached by then (by the dates its stages were reached);
             its plan steps, those done by then, and those overdue (due before
             the as-of date and not done)
  units      each unit's ideas by stage; its contracts evaluated in the
             period, the plain mean of their scores, their missing reports
  programme  ideas by stage, category and priority; units with an idea out
             of all units; plan steps done and overdue; contracts by band;
             reports on time out of those due

For example, in examples/tuban-2018 over 2018-H2, rsud-2018's target
waktu-tunggu is lower and cumulative: 2018-Q4 has T = 30 and R = 28, so
(2 x 30 - 28) / 30 x 100 = 106.67. It weighs 2; pendaftar-online (per-period)
achieves 103.09 and kepuasan-pasien 99.23, each weighing 1: the contract
scores (2 x 106.67 + 103.09 + 99.23) / 4 = 103.91, Sangat Tinggi.

See also: inovasi-evaluate(1), inovasi-status(1), inovasi-sign-contract(1),
inovasi-report(1), inovasi(5)
)TXT");

const char* kCsv = tr_noop(R"TXT(CSV: the files the --from imports read and the exports write

Five commands add many records from one CSV file, all or nothing:

  inovasi add-unit --from units.csv
  inovasi add-idea --from ideas.csv
  inovasi sign-contract --from contracts.csv --targets targets.csv
  inovasi report --from reports.csv
  inovasi add-regulation --from regulations.csv

--from - reads standard input. The header row names the columns, any subset
in any order of the layouts below; an unknown column is an error that
suggests the nearest name. They are what 'inovasi export TYPE' writes, so
that an export edited in a spreadsheet imports back.

  units        {{units}}
  ideas        {{ideas}}
  contracts    {{contracts}}
  targets      {{targets}}, then a column per quarter (2018-Q2, 2018-Q3, ...) holding the target value, empty where there is none
  reports      {{reports}}
  regulations  {{regulations}}

The targets file of sign-contract has one row per target. With --from, its
contract column says whose target a row is, and every contract signed needs
its rows. Signing one contract, the column may be left out, or --targets
FILE.yaml may give the list as under targets: in a contract.

Cells
  lists        items in one cell separated by ';' (antrean;kesehatan);
               \; is a ';' inside an item and \\ a backslash
  plan         a list of STEP @ DUE / DONE, dates optional:
               Sosialisasi @ 2018-06-30 / 2018-06-28;Uji coba @ 2018-09-30
  actual       TARGET=VALUE pairs separated by ';': waktu-tunggu=43;pendaftar-online=1320
  values       dates YYYY-MM-DD; numbers 42 or 77.4, without thousands
               separators or a leading zero; enumerations as their token or
               an Indonesian word (see 'inovasi help records')
  empty        a field left out; a row without an id takes a slug of its
               name, title or number (a contract: its unit and start year)

The file
  separator    ',' or ';', whichever the header row holds more of, as
               spreadsheets save in some locales; --separator ',' or ';'
               says which when the header cannot
  quoting      RFC 4180: a field holding the separator, a quote or a line
               break is quoted, its quotes doubled; CR LF line ends are fine
  encoding     UTF-8, with or without a byte-order mark; bytes that are not
               UTF-8 (a UTF-16 or Windows-1252 file) are an error at the
               first of them: save the file as CSV UTF-8
  formulas     an export writes ' before a text cell starting with =, +, -,
               @, a tab or a CR, so that a spreadsheet does not run it as a
               formula; an import removes exactly that '
  rows         every row has a field for each column the header names; empty
               columns after the last one, and blank lines, are ignored

Checking before writing
  Every row is checked, with the records already there, as inovasi check
  would; nothing is written unless every row passes. Every error is printed
  with its file, line and column, the cell's:
    units.csv:4:18: error: column 'kind': 'kota' is not a unit kind (...)
  --dry-run    check and print what would be written (would add PATH, would
               update PATH); write nothing
  --update     replace the records whose id exists, which are errors without
               it; a record that would not change is unchanged and its file
               untouched, so importing one file twice changes nothing

Exports: inovasi export TYPE -o FILE.csv, with --bom for Excel, --crlf for
CR LF line ends and --separator ';'.

See also: inovasi-add-unit(1), inovasi-add-idea(1), inovasi-sign-contract(1),
inovasi-report(1), inovasi-add-regulation(1), inovasi-export(1)
)TXT");

const char* kPeriods =
    tr_noop(R"TXT(Periods: quarters, halves and years, due dates and the as-of date

A period is written
  2018-Q3   a quarter (triwulan): Q1 is January to March, Q2 April to June,
            Q3 July to September, Q4 October to December
  2018-H2   a half year: H1 is January to June, H2 July to December
  2018      a whole year
with four digits and a capital letter: 2018-Q5, 18-Q1, 2018-H3 and 2018-q3
are refused. Target values (by_period) and reports are per quarter; a half
or a year stands for its quarters.

Due dates
  A contract owes a report for every calendar quarter that overlaps its start to end, due grace_days (reporting.grace_days in inovasi.yaml, default {{grace-days}}) after the quarter ends: by default, the report of {{due-dates}}
  As the records stood on the as-of date, a quarter's report is
    on-time   submitted on or before its due date (the due day is on time)
    late      submitted after its due date
    missing   not submitted, and the due date has passed
    not-due   not submitted, and the due date has not passed

The as-of date
  --as-of DATE (YYYY-MM-DD; default today) judges the records as they stood
  on that day: a report submitted after it does not exist yet, nor a
  contract signed after it or an idea submitted after it; an action-plan
  step done after it is not done yet, and an idea is at the stage it had
  reached (by the dates its stages were reached).

The period
  evaluate --period PERIOD   the period scored; default the last quarter
                             that has ended on the as-of date ({{last-ended}} itself)
  status --period PERIOD     only the quarters in the period; status shows
                             no quarter that has not begun on the as-of date
  list --period PERIOD       contracts running in it, reports for it, or
                             regulations dated in it
  Over a half year or a year, evaluate counts the reports of the quarters
  whose due date has passed on the as-of date (see 'inovasi help scoring').

Examples
  inovasi status --as-of 2019-01-15
  inovasi status --period 2018-Q4 --unit rsud-koesma
  inovasi evaluate --period 2018-H2 --as-of 2019-02-15
  inovasi list reports --contract rsud-2018 --period 2018-H2

See also: inovasi-status(1), inovasi-evaluate(1), inovasi-list(1), inovasi(5)
)TXT");

// A piece of a wrapped line that is never cut. glue goes before it when it
// follows another piece on its line; a line may end before it only when
// breaks is set.
struct Piece {
  std::string text;
  std::string glue = " ";
  bool breaks = true;
};
using Pieces = std::vector<Piece>;

// "dinas; badan; secretariat (sekretariat, setda, ...); ...": every token,
// then the other spellings read as it; "sekretariat daerah" stays whole.
// The token a field takes when left out is marked "default".
template <class E>
Pieces enumeration(std::optional<E> fallback = std::nullopt) {
  Pieces out;
  const auto& tokens = EnumInfo<E>::tokens();
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto& t = tokens[i];
    std::string end = i + 1 < tokens.size() ? ";" : "";
    std::string token = fallback == t.value ? msg("default {}", t.token) : std::string(t.token);
    if (t.aliases.empty()) {
      out.push_back({token + end});
      continue;
    }
    out.push_back({token});
    for (std::size_t k = 0; k < t.aliases.size(); ++k)
      out.push_back({(k == 0 ? "(" : "") + std::string(t.aliases[k]) +
                     (k + 1 < t.aliases.size() ? "," : ")" + end)});
  }
  return out;
}

// A CSV header, cut only after a comma.
Pieces header(const std::vector<std::string>& columns) {
  Pieces out;
  for (std::size_t i = 0; i < columns.size(); ++i)
    out.push_back({columns[i] + (i + 1 < columns.size() ? "," : ""), i ? "" : " "});
  return out;
}

Pieces words(const std::string& text) {
  Pieces out;
  for (const auto& word : text::split(text, ' '))
    if (!word.empty()) out.push_back({word});
  return out;
}

// When a year's reports are due, by default.
Pieces due_dates(long grace_days) {
  std::string q[4], due[4];
  for (int k = 0; k < 4; ++k) {
    Period quarter = Period::quarter(2018, k + 1);
    q[k] = quarter.str();
    due[k] = quarter.due_date(grace_days).str();
  }
  return words(msg("{} on {}, {} on {}, {} on {} and {} on {}.", q[0], due[0], q[1], due[1], q[2],
                   due[2], q[3], due[3]));
}

std::map<std::string, Pieces, std::less<>> values() {
  const Programme defaults;
  const Idea idea;
  const Target target;
  std::vector<std::string> targets;
  for (const Column& column : targets_table({}).columns) targets.push_back(column.name);
  Date day = *Date::parse("2018-12-30");
  Date last = *Date::parse("2018-12-31");
  return {
      {"unit-kind", enumeration<UnitKind>()},
      {"echelon", enumeration<Echelon>()},
      {"initiator", enumeration<Initiator>()},
      {"category", enumeration<Category>()},
      {"idea-kind", enumeration<IdeaKind>()},
      {"stage", enumeration<Stage>(idea.stage)},
      {"language", enumeration<Language>(defaults.report_language())},
      {"polarity", enumeration<Polarity>(target.polarity)},
      {"mode", enumeration<TargetMode>(target.mode)},
      {"default-weight", {{format_value(target.weight)}}},
      {"every-months", {{format_value(defaults.reporting_every_months())}}},
      {"grace-days", {{format_value(defaults.grace_days())}}},
      {"evaluation-months", {{format_value(defaults.evaluation_every_months())}}},
      {"cap", {{format_value(defaults.score_cap())}}},
      {"due-dates", due_dates(defaults.grace_days())},
      {"last-ended", words(msg("on {}, {}; on {}, {}", day.str(), last_ended_quarter(day).str(),
                               last.str(), last_ended_quarter(last).str()))},
      {"units", header(csv_columns<Unit>())},
      {"ideas", header(csv_columns<Idea>())},
      {"contracts", header(csv_columns<Contract>())},
      {"targets", header(targets)},
      {"reports", header(csv_columns<Report>())},
      {"regulations", header(csv_columns<Regulation>())},
  };
}

std::string bands_block() {
  std::string out;
  for (const Band& band : Programme{}.bands())
    out +=
        fmt::format("    {:>3}  {} ({})\n", format_value(band.min), band.label.id, band.label.en);
  return out;
}

// The line with its {{names}} filled in, wrapped: a continuation line starts
// where the line's value does (after the term and its gap of two or more
// spaces), or else where the line's text does.
std::string fill_line(std::string_view line,
                      const std::map<std::string, Pieces, std::less<>>& by_name) {
  std::size_t lead = line.find_first_not_of(' ');
  std::size_t gap = line.find("  ", lead);
  std::size_t indent = gap != std::string_view::npos && gap < line.find("{{")
                           ? line.find_first_not_of(' ', gap)
                           : lead;
  Pieces pieces;
  bool joined = false;  // the next piece follows the last one without a space
  auto add = [&](Piece piece, bool first) {
    if (first && joined && !pieces.empty()) {
      piece.glue.clear();
      piece.breaks = false;
    }
    pieces.push_back(std::move(piece));
  };
  std::string_view rest = line.substr(indent);
  while (!rest.empty()) {
    std::size_t open = rest.find("{{");
    std::string_view plain = rest.substr(0, open);
    if (!plain.empty() && plain.front() == ' ') joined = false;
    Pieces plain_words = words(std::string(plain));
    for (std::size_t k = 0; k < plain_words.size(); ++k) add(plain_words[k], k == 0);
    if (!plain.empty()) joined = plain.back() != ' ';
    if (open == std::string_view::npos) break;
    std::size_t close = rest.find("}}", open);
    auto found = by_name.find(rest.substr(open + 2, close - open - 2));
    if (found == by_name.end())
      throw std::logic_error("help topic names an unknown value: " +
                             std::string(rest.substr(open)));
    for (std::size_t k = 0; k < found->second.size(); ++k) add(found->second[k], k == 0);
    joined = true;
    rest = rest.substr(close + 2);
  }
  std::string out(line.substr(0, indent));
  std::size_t column = indent;
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    const Piece& piece = pieces[k];
    std::size_t width = text::display_width(piece.text);
    if (k == 0) {
      out += piece.text;
      column += width;
    } else if (piece.breaks && column + piece.glue.size() + width > kWidth) {
      out += "\n" + std::string(indent, ' ') + piece.text;
      column = indent + width;
    } else {
      out += piece.glue + piece.text;
      column += piece.glue.size() + width;
    }
  }
  return out;
}

std::string fill(std::string_view raw, const std::map<std::string, Pieces, std::less<>>& by_name) {
  std::string out;
  for (const auto& line : text::split(raw, '\n')) {
    if (line == "{{bands}}")
      out += bands_block();
    else if (line.find("{{") != std::string::npos || text::display_width(line) > kWidth)
      out += fill_line(line, by_name) + "\n";
    else
      out += line + "\n";
  }
  // split gives an empty last part after the text's final newline.
  out.pop_back();
  return out;
}

using Texts = std::map<std::string, std::string, std::less<>>;

// Every topic's text in the language of the messages.
Texts texts() {
  const auto by_name = values();
  return {
      {"records", fill(tr(kRecords), by_name)},
      {"scoring", fill(tr(kScoring), by_name)},
      {"csv", fill(tr(kCsv), by_name)},
      {"periods", fill(tr(kPeriods), by_name)},
  };
}

}  // namespace

const std::vector<HelpTopic>& help_topics() {
  static const std::vector<HelpTopic> topics = {
      {"records", tr_noop("the programme directory: every record file and its fields")},
      {"scoring", tr_noop("how evaluate scores targets and contracts and sums up the programme")},
      {"csv", tr_noop("the CSV files the --from imports read and the exports write")},
      {"periods", tr_noop("quarters, halves and years, due dates, --as-of and --period")},
  };
  return topics;
}

std::optional<std::string_view> help_topic(std::string_view name) {
  // Made once per language, when first asked for in it.
  auto in_language = []() -> const Texts& {
    if (message_language() == MessageLanguage::kIndonesian) {
      static const Texts indonesian = texts();
      return indonesian;
    }
    static const Texts english = texts();
    return english;
  };
  const Texts& by_topic = in_language();
  auto found = by_topic.find(name);
  if (found == by_topic.end()) return std::nullopt;
  return std::string_view(found->second);
}

std::string help_topics_list() {
  std::string out = tr("Help topics (inovasi help TOPIC):") + "\n";
  for (const HelpTopic& topic : help_topics())
    out += fmt::format("  {:<9} {}\n", topic.name, tr(topic.summary));
  return out;
}

}  // namespace inovasi::cli
