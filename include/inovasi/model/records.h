// The programme's records as plain values. Each record lists its fields once,
// in canonical key order, through fields(); codecs and validators walk that
// list, so adding a field is one line here.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "inovasi/model/date.h"
#include "inovasi/model/enums.h"
#include "inovasi/model/period.h"

namespace inovasi {

// How a field is written and read; flags combine.
enum FieldFlag : unsigned {
  kRequired = 1,   // must be present and non-empty
  kFlow = 2,       // written in flow style: [a, b] or {k: v}
  kFlowItems = 4,  // a list whose items are written in flow style
  kText = 8,       // free text: multi-line values become block scalars
  kNoCsv = 16,     // not a column of the record's CSV layout
};

// The sentences that name a record type, one per type as the noun reads
// differently in Indonesian (marked tr_noop, formatted with msg_of).
struct RecordSentences {
  const char* duplicate_id;    // id, the other file
  const char* id_again;        // id, the line it is also on
  const char* exists_already;  // id, its file, what to do
};

struct Person {
  std::string name;
  std::string nip;
  std::string position;
  template <class Self, class V>
  static void fields(Self& r, V& v) {
    v("name", r.name);
    v("nip", r.nip);
    v("position", r.position);
  }
};

struct Proposer {
  std::string name;
  std::string nip;
  std::string position;
  std::optional<Echelon> echelon;
  template <class Self, class V>
  static void fields(Self& r, V& v) {
    v("name", r.name);
    v("nip", r.nip);
    v("position", r.position);
    v("echelon", r.echelon);
  }
};

struct Unit {
  static constexpr const char* kType = "unit";
  static constexpr const char* kNoun = tr_noop("unit");  // in messages, translated
  static constexpr const char* kFolder = "units";
  static constexpr RecordSentences kSentences = {tr_noop("duplicate unit id '{}' (also in {})"),
                                                 tr_noop("unit id '{}' is also on line {}"),
                                                 tr_noop("unit '{}' exists already ({}); {}")};
  static constexpr const char* kKeyColumns[] = {"id"};  // the fields its key is made of
  static constexpr const char* kIdFrom = "name";        // a new unit's id is a slug of its name
  std::string id;
  std::string name;
  UnitKind kind = UnitKind::kOther;
  std::optional<Person> head;
  std::optional<Date> commitment_signed;
  template <class Self, class V>
  static void fields(Self& r, V& v) {
    v("id", r.id, kRequired);
    v("name", r.name, kRequired);
    v("kind", r.kind, kRequired);
    v("head", r.head);
    v("commitment_signed", r.commitment_signed);
  }
  template <class Self, class V>
  static void references(Self&, V&) {}  // a unit refers to no other record
};

struct PlanStep {
  std::string step;
  std::optional<Date> due;
  std::optional<Date> done;
  template <class Self, class V>
  static void fields(Self& r, V& v) {
    v("step", r.step, kRequired);
    v("due", r.due);
    v("done", r.done);
  }
};

struct Idea {
  static constexpr const char* kType = "idea";
  static constexpr const char* kNoun = tr_noop("idea");  // in messages, translated
  static constexpr const char* kFolder = "ideas";
  static constexpr RecordSentences kSentences = {tr_noop("duplicate idea id '{}' (also in {})"),
                                                 tr_noop("idea id '{}' is also on line {}"),
                                                 tr_noop("idea '{}' exists already ({}); {}")};
  static constexpr const char* kKeyColumns[] = {"id"};  // the fields its key is made of
  static constexpr const char* kIdFrom = "title";
  std::string id;
  std::string title;
  std::string unit;
  std::optional<Proposer> proposer;
  std::optional<Initiator> initiator;
  std::optional<Category> category;
  std::optional<IdeaKind> kind;
  Stage stage = Stage::kInitiative;
  std::string priority;
  std::string indicator;
  std::optional<Date> submitted;
  std::optional<Date> trial_date;
  std::optional<Date> implemented_date;
  std::optional<Date> dropped_date;
  std::string drop_reason;
  std::optional<std::int64_t> budget;
  std::string problem;
  std::string description;
  std::string goal;
  std::string benefit;
  std::vector<PlanStep> plan;
  std::vector<std::string> tags;
  template <class Self, class V>
  static void fields(Self& r, V& v) {
    v("id", r.id, kRequired);
    v("title", r.title, kRequired);
    v("unit", r.unit, kRequired);
    v("proposer", r.proposer);
    v("initiator", r.initiator);
    v("category", r.category);
    v("kind", r.kind);
    v("stage", r.stage);
    v("priority", r.priority);
    v("indicator", r.indicator);
    v("submitted", r.submitted);
    v("trial_date", r.trial_date);
    v("implemented_date", r.implemented_date);
    v("dropped_date", r.dropped_date);
    v("drop_reason", r.drop_reason, kText);
    v("budget", r.budget);
    v("problem", r.problem, kText);
    v("description", r.description, kText);
    v("goal", r.goal, kText);
    v("benefit", r.benefit, kText);
    v("plan", r.plan);
    v("tags", r.tags, kFlow);
  }
  // The fields that hold another record's key, with that record's type.
  template <class Self, class V>
  static void references(Self& r, V& v);
};

// The stages that have a date: the field that holds it, by name and member.
struct StageDate {
  Stage stage;
  const char* field;
  std::optional<Date> Idea::*date;
};
inline constexpr StageDate kStageDates[] = {
    {Stage::kTrial, "trial_date", &Idea::trial_date},
    {Stage::kImplemented, "implemented_date", &Idea::implemented_date},
    {Stage::kDropped, "dropped_date", &Idea::dropped_date}};

// The date an idea reached a stage; none for initiative, which has no date.
inline const std::optional<Date>* stage_date(const Idea& idea, Stage stage) {
  for (const auto& s : kStageDates)
    if (s.stage == stage) return &(idea.*s.date);
  return nullptr;
}

struct Party {
  std::string name;
  std::string position;
  template <class Self, class V>
  static void fields(Self& r, V& v) {
    v("name", r.name);
    v("position", r.position);
  }
};

// One performance target of a contract, with its value per quarter.
struct Target {
  std::string id;
  std::string name;
  std::string unit;  // unit of measure: menit, persen, ...
  Polarity polarity = Polarity::kHigher;
  TargetMode mode = TargetMode::kCumulative;
  std::optional<double> baseline;
  double weight = 1;
  std::map<Period, double> by_period;
  template <class Self, class V>
  static void fields(Self& r, V& v) {
    v("id", r.id, kRequired);
    v("name", r.name, kRequired);
    v("unit", r.unit);
    v("polarity", r.polarity);
    v("mode", r.mode);
    v("baseline", r.baseline);
    v("weight", r.weight);
    v("by_period", r.by_period, kFlow | kNoCsv);  // in CSV: a column per quarter
  }
};

// kontrak kinerja pelaksanaan inovasi daerah
struct Contract {
  static constexpr const char* kType = "contract";
  static constexpr const char* kNoun = tr_noop("contract");  // in messages, translated
  static constexpr const char* kFolder = "contracts";
  static constexpr const char* kIdFrom = "unit";       // a new contract's id: its unit
  static constexpr const char* kIdYearFrom = "start";  // and the year it starts
  static constexpr RecordSentences kSentences = {tr_noop("duplicate contract id '{}' (also in {})"),
                                                 tr_noop("contract id '{}' is also on line {}"),
                                                 tr_noop("contract '{}' exists already ({}); {}")};
  static constexpr const char* kKeyColumns[] = {"id"};  // the fields its key is made of
  std::string id;
  std::string unit;
  std::vector<std::string> ideas;
  std::optional<Date> signed_on;
  std::optional<Party> first_party;
  std::optional<Party> second_party;
  Date start;
  Date end;
  std::vector<Target> targets;
  template <class Self, class V>
  static void fields(Self& r, V& v) {
    v("id", r.id, kRequired);
    v("unit", r.unit, kRequired);
    v("ideas", r.ideas, kFlow);
    v("signed", r.signed_on);
    v("first_party", r.first_party, kFlow);
    v("second_party", r.second_party, kFlow);
    v("start", r.start, kRequired);
    v("end", r.end, kRequired);
    v("targets", r.targets, kNoCsv);
  }
  template <class Self, class V>
  static void references(Self& r, V& v);
  const Target* target(std::string_view id) const {
    for (const auto& t : targets)
      if (t.id == id) return &t;
    return nullptr;
  }
};

// A quarterly progress report: reports/<contract>/<period>.yaml
struct Report {
  static constexpr const char* kType = "report";
  static constexpr const char* kNoun = tr_noop("report");  // in messages, translated
  static constexpr const char* kFolder = "reports";
  static constexpr RecordSentences kSentences = {tr_noop("duplicate report id '{}' (also in {})"),
                                                 tr_noop("report id '{}' is also on line {}"),
                                                 tr_noop("report '{}' exists already ({}); {}")};
  static constexpr const char* kKeyColumns[] = {"contract", "period"};  // contract/period
  std::string contract;
  Period period;
  Date submitted;
  std::map<std::string, double> actual;
  std::string narrative;
  std::string obstacles;
  std::string next_steps;
  std::vector<std::string> evidence;
  template <class Self, class V>
  static void fields(Self& r, V& v) {
    v("contract", r.contract, kRequired);
    v("period", r.period, kRequired);
    v("submitted", r.submitted, kRequired);
    v("actual", r.actual, kFlow);
    v("narrative", r.narrative, kText);
    v("obstacles", r.obstacles, kText);
    v("next_steps", r.next_steps, kText);
    v("evidence", r.evidence, kFlow);
  }
  template <class Self, class V>
  static void references(Self& r, V& v);
};

// A perbup (Peraturan Bupati) listing the programme's innovations, or an
// amendment of one. An amendment's ideas are its whole annex as amended, not
// the changes: those follow from the regulation it amends.
struct Regulation {
  static constexpr const char* kType = "regulation";
  static constexpr const char* kNoun = tr_noop("regulation");  // in messages, translated
  static constexpr const char* kFolder = "regulations";
  static constexpr RecordSentences kSentences = {
      tr_noop("duplicate regulation id '{}' (also in {})"),
      tr_noop("regulation id '{}' is also on line {}"),
      tr_noop("regulation '{}' exists already ({}); {}")};
  static constexpr const char* kKeyColumns[] = {"id"};  // the fields its key is made of
  static constexpr const char* kIdFrom = "number";
  std::string id;
  std::string number;  // Perbup No. 27 Tahun 2018
  Date date;
  std::string amends;
  std::vector<std::string> ideas;
  template <class Self, class V>
  static void fields(Self& r, V& v) {
    v("id", r.id, kRequired);
    v("number", r.number, kRequired);
    v("date", r.date, kRequired);
    v("amends", r.amends);
    v("ideas", r.ideas, kFlow);
  }
  template <class Self, class V>
  static void references(Self& r, V& v);
};

// Each record type's references, once every type is complete: a field, the
// key (or keys) it holds, and the type of the record they name.
template <class Self, class V>
void Idea::references(Self& r, V& v) {
  v("unit", r.unit, std::type_identity<Unit>{});
}
template <class Self, class V>
void Contract::references(Self& r, V& v) {
  v("unit", r.unit, std::type_identity<Unit>{});
  v("ideas", r.ideas, std::type_identity<Idea>{});
}
template <class Self, class V>
void Report::references(Self& r, V& v) {
  v("contract", r.contract, std::type_identity<Contract>{});
}
template <class Self, class V>
void Regulation::references(Self& r, V& v) {
  v("ideas", r.ideas, std::type_identity<Idea>{});
  v("amends", r.amends, std::type_identity<Regulation>{});
}

// The key a record is stored under: its id, or contract/period for a report.
inline const std::string& record_key(const Unit& r) {
  return r.id;
}
inline const std::string& record_key(const Idea& r) {
  return r.id;
}
inline const std::string& record_key(const Contract& r) {
  return r.id;
}
inline const std::string& record_key(const Regulation& r) {
  return r.id;
}
inline std::string record_key(const Report& r) {
  return r.contract + "/" + r.period.str();
}

// inovasi.yaml: the programme and its settings. Every setting is optional in
// the file; the accessors below give the defaults of the design.
struct Reporting {
  std::optional<std::int64_t> every_months;
  std::optional<std::int64_t> grace_days;
  template <class Self, class V>
  static void fields(Self& r, V& v) {
    v("every_months", r.every_months);
    v("grace_days", r.grace_days);
  }
};

struct Evaluation {
  std::optional<std::int64_t> every_months;
  template <class Self, class V>
  static void fields(Self& r, V& v) {
    v("every_months", r.every_months);
  }
};

struct BandLabel {
  std::string id;
  std::string en;
  template <class Self, class V>
  static void fields(Self& r, V& v) {
    v("id", r.id, kRequired);
    v("en", r.en, kRequired);
  }
};

struct Band {
  double min = 0;
  BandLabel label;
  template <class Self, class V>
  static void fields(Self& r, V& v) {
    v("min", r.min, kRequired);
    v("label", r.label, kRequired);
  }
};

struct Scale {
  std::optional<double> cap;
  std::vector<Band> bands;
  std::optional<MissingRule> missing;
  template <class Self, class V>
  static void fields(Self& r, V& v) {
    v("cap", r.cap);
    v("bands", r.bands, kFlowItems);
    v("missing", r.missing);
  }
};

struct Priority {
  std::string id;
  std::string title;
  template <class Self, class V>
  static void fields(Self& r, V& v) {
    v("id", r.id, kRequired);
    v("title", r.title, kRequired);
  }
};

struct Indicator {
  std::string id;
  std::string name;
  std::string priority;
  std::string unit;
  template <class Self, class V>
  static void fields(Self& r, V& v) {
    v("id", r.id, kRequired);
    v("name", r.name, kRequired);
    v("priority", r.priority);
    v("unit", r.unit);
  }
};

struct Programme {
  static constexpr const char* kType = "programme";
  static constexpr const char* kNoun = tr_noop("programme");  // in messages, translated
  std::string name;
  std::string region;
  std::string partner;
  std::optional<Date> mou_date;
  std::optional<Language> language;
  std::optional<bool> editor_schema;  // record files start with the editor's schema hint
  std::optional<Reporting> reporting;
  std::optional<Evaluation> evaluation;
  std::optional<Scale> scale;
  std::vector<Priority> priorities;
  std::vector<Indicator> indicators;
  template <class Self, class V>
  static void fields(Self& r, V& v) {
    v("name", r.name, kRequired);
    v("region", r.region, kRequired);
    v("partner", r.partner);
    v("mou_date", r.mou_date);
    v("language", r.language);
    v("editor_schema", r.editor_schema);
    v("reporting", r.reporting);
    v("evaluation", r.evaluation);
    v("scale", r.scale);
    v("priorities", r.priorities, kFlowItems);
    v("indicators", r.indicators, kFlowItems);
  }

  // The settings with the design's defaults filled in.
  Language report_language() const { return language.value_or(Language::kId); }
  bool schema_hints() const { return editor_schema.value_or(false); }
  std::int64_t reporting_every_months() const;
  std::int64_t grace_days() const;
  std::int64_t evaluation_every_months() const;
  double score_cap() const;
  // scale.missing: a realisation missing for a quarter whose report is due
  // scores 0 (the default), or leaves its target unscored.
  MissingRule missing_rule() const;
  std::vector<Band> bands() const;
  // inovasi.yaml as `init` writes it: every default spelled out.
  static Programme with_defaults(std::string name, std::string region, Language language);
};

}  // namespace inovasi
