// inovasi-generate: writes a synthetic programme of a given size for the
// benchmarks (bench/run). The same seed gives the same bytes on any machine.
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "draw.h"
#include "inovasi/model/records.h"
#include "inovasi/store/store.h"
#include "inovasi/util/text.h"
#include "words.h"

namespace {

using namespace inovasi;
namespace stdfs = std::filesystem;
using bench::day;
using bench::IdSet;
using bench::month_end;
using bench::Random;
using bench::round_to;
using bench::Words;

struct Counts {
  long units = 0, ideas = 0, contracts = 0;
};

struct Written {
  long units = 0, ideas = 0, contracts = 0, reports = 0, reports_missing = 0;
  long total() const { return units + ideas + contracts + reports; }
};

// What contracts need to know of a unit once its ideas are written.
struct UnitInfo {
  Unit unit;
  std::string place;  // the place it is named after, or its name
  bool proposes = true;
  std::vector<std::string> ideas;  // not dropped
  std::size_t next_idea = 0;
};

class Generator {
 public:
  Generator(stdfs::path root, std::uint64_t seed) : root_(std::move(root)), random_(seed) {}

  Written run(const Counts& counts) {
    for (const char* folder : {"units", "ideas", "contracts", "reports", "regulations"}) {
      stdfs::create_directories(root_ / folder);
      write(std::string(folder) + "/.gitkeep", "");
    }
    write(".gitattributes", "*.yaml text eol=lf merge=inovasi\n*.md text eol=lf\n");
    write(".gitignore", ".inovasi.lock\n.inovasi/\n");
    write(kProgrammeFile, canonical_text(programme()));
    regent_ = "H. " + someone(false).first;
    for (long i = 0; i < counts.units; ++i) units_.push_back(unit());
    std::vector<std::size_t> proposing;
    for (std::size_t u = 0; u < units_.size(); ++u)
      if (units_[u].proposes) proposing.push_back(u);
    if (proposing.empty() && !units_.empty()) proposing.push_back(0);
    for (long i = 0; i < counts.ideas; ++i)
      idea(units_[proposing[random_.below(proposing.size())]]);
    std::vector<std::size_t> contracting;
    for (std::size_t u = 0; u < units_.size(); ++u)
      if (!units_[u].ideas.empty()) contracting.push_back(u);
    if (contracting.empty()) contracting = proposing;
    for (long i = 0; i < counts.contracts; ++i)
      contract(units_[contracting[random_.below(contracting.size())]]);
    return written_;
  }

 private:
  stdfs::path root_;
  Random random_;
  Written written_;
  std::vector<UnitInfo> units_;
  std::vector<Indicator> indicators_;
  std::set<std::string> unit_names_;
  IdSet unit_ids_, idea_ids_, contract_ids_;
  std::map<const Words*, std::size_t> named_used_;
  std::string regent_;

  void write(const std::string& relative, const std::string& text) {
    std::ofstream out(root_ / relative, std::ios::binary);
    out << text;
    if (!out)
      throw std::runtime_error(fmt::format("{}: cannot write", (root_ / relative).string()));
  }
  template <class R>
  void put(const R& record) {
    write(ProgrammeDir::record_path<R>(record_key(record)), canonical_text(record));
  }

  Programme programme() {
    Programme p = Programme::with_defaults("Inovasi Daerah Kabupaten Sidomulyo 2018",
                                           "Kabupaten Sidomulyo", Language::kId);
    p.partner = "Lembaga Administrasi Negara";
    p.mou_date = day(2018, 4, 3);
    p.priorities = {
        {"misi-1", "Mewujudkan tata kelola pemerintahan yang bersih, efektif dan akuntabel"},
        {"misi-2", "Meningkatkan kualitas pelayanan publik"},
        {"misi-3", "Meningkatkan kualitas dan pemerataan infrastruktur wilayah"},
        {"misi-4", "Meningkatkan derajat kesehatan dan pendidikan masyarakat"},
        {"misi-5", "Meningkatkan daya saing ekonomi kerakyatan"}};
    indicators_ = {{"nilai-sakip", "Nilai evaluasi SAKIP", "misi-1", "nilai"},
                   {"opini-bpk", "Opini BPK atas laporan keuangan daerah", "misi-1", ""},
                   {"ikm", "Indeks Kepuasan Masyarakat", "misi-2", "indeks"},
                   {"waktu-izin", "Rata-rata waktu penerbitan izin", "misi-2", "hari"},
                   {"jalan-mantap", "Persentase panjang jalan kabupaten dalam kondisi mantap",
                    "misi-3", "persen"},
                   {"rumah-layak-huni", "Persentase rumah layak huni", "misi-3", "persen"},
                   {"uhh", "Usia Harapan Hidup", "misi-4", "tahun"},
                   {"rls", "Rata-rata lama sekolah", "misi-4", "tahun"},
                   {"pdrb-umkm", "Kontribusi UMKM terhadap PDRB", "misi-5", "persen"}};
    p.indicators = indicators_;
    return p;
  }

  struct Someone {
    std::string first, nip;
  };
  Someone someone(std::optional<bool> is_female = std::nullopt) {
    bool female = is_female.value_or(random_.chance(0.45));
    std::string name = random_.pick(female ? bench::kFemaleNames : bench::kMaleNames) + " " +
                       random_.pick(bench::kFamilyNames);
    if (random_.chance(0.3)) name += random_.pick(bench::kDegrees);
    int born = random_.between(1962, 1990), month = random_.between(1, 12);
    int appointed = std::min(2017, born + random_.between(22, 32));
    std::string nip =
        fmt::format("{:04}{:02}{:02}{:04}{:02}{}{:03}", born, month, random_.between(1, 28),
                    appointed, random_.between(1, 12), female ? 2 : 1, random_.between(1, 999));
    return {name, nip};
  }

  std::string new_place(const std::string& prefix) {
    std::string place;
    for (int attempt = 0; attempt < 12; ++attempt) {
      place = random_.pick(bench::kPlaceStart) + random_.pick(bench::kPlaceEnd);
      if (unit_names_.insert(prefix + " " + place).second) return place;
    }
    place += " " + random_.pick(bench::kPlaceQualifier);
    std::string numbered = place;
    for (int n = 2; !unit_names_.insert(prefix + " " + numbered).second; ++n)
      numbered = fmt::format("{} {}", place, n);
    return numbered;
  }

  // Kinds a kabupaten has a fixed list of; the others are named after places.
  static const Words* named_pool(UnitKind kind) {
    switch (kind) {
      case UnitKind::kDinas:
        return &bench::kDinas;
      case UnitKind::kBadan:
        return &bench::kBadan;
      case UnitKind::kSecretariat:
        return &bench::kSecretariat;
      case UnitKind::kInspectorate:
        return &bench::kInspectorate;
      case UnitKind::kSection:
        return &bench::kSection;
      default:
        return nullptr;
    }
  }

  UnitInfo unit() {
    static const std::vector<UnitKind> kKinds = {
        UnitKind::kDinas,        UnitKind::kBadan,    UnitKind::kSecretariat,
        UnitKind::kInspectorate, UnitKind::kHospital, UnitKind::kDistrict,
        UnitKind::kVillage,      UnitKind::kSection,  UnitKind::kOther};
    static const std::vector<int> kWeights = {18, 7, 2, 1, 3, 22, 40, 5, 2};
    UnitInfo info;
    Unit& u = info.unit;
    u.kind = kKinds[random_.weighted(kWeights)];
    std::string position;
    if (const Words* pool = named_pool(u.kind)) {
      std::size_t& used = named_used_[pool];
      if (used < pool->size()) {
        u.name = std::string((*pool)[used++]);
        info.place = u.name;
        position = u.name == "Sekretariat Daerah" ? "Sekretaris Daerah"
                   : u.name == "Sekretariat DPRD" ? "Sekretaris DPRD"
                   : u.name == "Inspektorat"      ? "Inspektur"
                                                  : "Kepala " + u.name;
      } else {
        u.kind = UnitKind::kVillage;  // the kabupaten has no more of that kind
      }
    }
    if (u.name.empty()) {
      bool kelurahan = random_.chance(0.2);
      auto [prefix, head] = u.kind == UnitKind::kHospital   ? std::pair("RSUD", "Direktur RSUD")
                            : u.kind == UnitKind::kDistrict ? std::pair("Kecamatan", "Camat")
                            : u.kind == UnitKind::kOther
                                ? std::pair("UPT Puskesmas", "Kepala UPT Puskesmas")
                            : kelurahan ? std::pair("Kelurahan", "Lurah")
                                        : std::pair("Desa", "Kepala Desa");
      info.place = new_place(prefix);
      u.name = fmt::format("{} {}", prefix, info.place);
      position = fmt::format("{} {}", head, info.place);
    }
    u.id = unit_ids_.claim(text::slugify(u.name));
    if (random_.chance(0.9)) {
      Someone head = someone();
      u.head = Person{head.first, random_.chance(0.85) ? head.nip : "", position};
    }
    if (random_.chance(0.7))
      u.commitment_signed = day(2018, 4, 20).plus_days(random_.between(0, 40));
    info.proposes = random_.chance(0.92);
    put(u);
    ++written_.units;
    return info;
  }

  Proposer proposer(const UnitInfo& info) {
    Someone who = someone();
    // Positions per echelon, II.a to staff; II.a and II.b head the unit.
    static const Words kPositions = {"",
                                     "",
                                     "Sekretaris {unit}",
                                     "Kepala Bidang {domain}",
                                     "Kepala Seksi {domain}",
                                     "Kepala Subbagian Umum dan Kepegawaian",
                                     "Kepala Urusan Tata Usaha",
                                     "Pengelola {domain}"};
    std::size_t echelon = random_.weighted({0, 5, 10, 25, 30, 15, 2, 13});
    std::string position =
        fmt::format(fmt::runtime(kPositions[echelon]), fmt::arg("unit", info.unit.name),
                    fmt::arg("domain", random_.pick(bench::kDomains)));
    if (position.empty())
      position = info.unit.head ? info.unit.head->position : "Kepala " + info.unit.name;
    return {who.first, random_.chance(0.8) ? who.nip : "", position, static_cast<Echelon>(echelon)};
  }

  void idea(UnitInfo& info) {
    Idea i;
    std::string subject = random_.pick(bench::kIdeaSubject);
    std::string title =
        random_.pick(bench::kIdeaForm) + " " + subject + " " + random_.pick(bench::kIdeaManner);
    std::string id = text::slugify(title);
    if (idea_ids_.has(id)) {
      title += " " + info.place;
      id = text::slugify(title);
    }
    i.id = idea_ids_.claim(id);
    i.title = title;
    i.unit = info.unit.id;
    if (random_.chance(0.85)) i.proposer = proposer(info);
    if (random_.chance(0.9))
      i.initiator = static_cast<Initiator>(random_.weighted({5, 3, 50, 35, 7}));
    if (random_.chance(0.95)) i.category = static_cast<Category>(random_.weighted({35, 55, 10}));
    if (random_.chance(0.95))
      i.kind = random_.chance(0.45) ? IdeaKind::kDigital : IdeaKind::kNonDigital;
    i.stage = static_cast<Stage>(random_.weighted({35, 25, 30, 10}));
    double r = static_cast<double>(random_.below(100)) / 100;
    if (r < 0.7) {
      const Indicator& ind = indicators_[random_.below(indicators_.size())];
      i.indicator = ind.id;
      i.priority = ind.priority;
    } else if (r < 0.8) {
      i.priority = fmt::format("misi-{}", random_.between(1, 5));
    }
    if (random_.chance(0.9)) i.submitted = day(2018, 4, 18).plus_days(random_.between(0, 73));
    Date from = i.submitted.value_or(day(2018, 5, 1));
    bool tried = i.stage == Stage::kTrial || i.stage == Stage::kImplemented ||
                 (i.stage == Stage::kDropped && random_.chance(0.5));
    if (tried) i.trial_date = from.plus_days(random_.between(20, 150));
    if (i.stage == Stage::kImplemented)
      i.implemented_date =
          std::min(day(2018, 12, 31), i.trial_date->plus_days(random_.between(30, 120)));
    if (random_.chance(0.7)) i.budget = std::int64_t{500000} * random_.between(10, 1000);
    i.problem = fmt::format("Urusan {} di {} {}.", text::lower_ascii(subject), info.unit.name,
                            random_.pick(bench::kProblems));
    if (random_.chance(0.3))
      i.problem += "\nWarga menyampaikan hal ini dalam musyawarah perencanaan pembangunan.";
    i.description = fmt::format("{} {}.", i.title, random_.pick(bench::kMeans));
    i.goal = random_.pick(bench::kGoals);
    if (random_.chance(0.8)) i.benefit = random_.pick(bench::kBenefits);
    if (random_.chance(0.9)) i.plan = plan(i.stage);
    if (random_.chance(0.8)) {
      std::size_t first = random_.below(bench::kTags.size());
      int count = random_.between(1, 3);
      for (int k = 0; k < count; ++k)
        i.tags.emplace_back(bench::kTags[(first + 4 * k) % bench::kTags.size()]);
    }
    if (i.stage != Stage::kDropped) info.ideas.push_back(i.id);
    put(i);
    ++written_.ideas;
  }

  // Steps due through 2018 and into 2019; some done, some left overdue.
  std::vector<PlanStep> plan(Stage stage) {
    double done_share = stage == Stage::kImplemented ? 0.9
                        : stage == Stage::kTrial     ? 0.75
                        : stage == Stage::kDropped   ? 0.3
                                                     : 0.45;
    int count = random_.between(2, 5);
    std::size_t first = random_.below(bench::kPlanSteps.size() - count + 1);
    int month = random_.between(5, 8);
    std::vector<PlanStep> steps;
    for (int k = 0; k < count; ++k, month += random_.between(1, 3)) {
      PlanStep s{std::string(bench::kPlanSteps[first + k]), month_end(2018, month), std::nullopt};
      if (s.due->year() == 2018 && random_.chance(done_share))
        s.done = s.due->plus_days(random_.between(-20, 15));
      steps.push_back(std::move(s));
    }
    return steps;
  }

  // Shares and indices take one decimal; counts are whole.
  static bool one_decimal(const Target& t) {
    for (const auto& shape : bench::kTargetShapes)
      if (shape.id == t.id) return shape.percent;
    return false;
  }

  Target target(const bench::TargetShape& shape, Period first) {
    bool one_decimal = shape.percent;
    Target t;
    t.id = shape.id;
    t.name = shape.name;
    t.unit = shape.unit;
    t.polarity = shape.polarity;
    t.mode = shape.mode;
    double base = random_.between(shape.low, shape.high);
    if (random_.chance(0.85)) t.baseline = base;
    int w = static_cast<int>(random_.weighted({70, 20, 10}));
    t.weight = w == 0 ? 1 : w == 1 ? 2 : 0.5;
    bool higher = shape.polarity == Polarity::kHigher;
    double step = std::max(1.0, round_to(base * random_.between(3, 12) / 100, one_decimal));
    int k = 0;
    for (Period q = first; q.year() == 2018; q = q.next(), ++k) {
      double value;
      if (shape.mode == TargetMode::kCumulative)
        value = higher ? base + step * (k + 1) : std::max(0.0, base - step * (k + 1));
      else
        value = base * (100 + (higher ? 1 : -1) * random_.between(5, 30)) / 100;
      value = round_to(value, one_decimal);
      if (shape.percent) value = std::min(100.0, value);
      t.by_period[q] = value;
    }
    if (t.by_period.size() > 1 && random_.chance(0.1)) t.by_period.erase(t.by_period.begin());
    return t;
  }

  void contract(UnitInfo& info) {
    Contract c;
    c.id = contract_ids_.claim(IdSet::fit(info.unit.id, text::kMaxSlug - 9) + "-2018");
    c.unit = info.unit.id;
    int count = std::min<int>(random_.between(1, 3), static_cast<int>(info.ideas.size()));
    for (int k = 0; k < count; ++k)
      c.ideas.push_back(info.ideas[info.next_idea++ % info.ideas.size()]);
    std::size_t start = random_.weighted({85, 10, 5});
    c.start = day(2018, 1 + 3 * static_cast<int>(start), 1);
    c.end = day(2018, 12, 31);
    if (random_.chance(0.95)) c.signed_on = c.start.plus_days(random_.between(0, 30));
    c.first_party = Party{regent_, "Bupati Sidomulyo"};
    c.second_party = info.unit.head ? Party{info.unit.head->name, info.unit.head->position}
                                    : Party{"", "Kepala " + info.unit.name};
    std::vector<std::size_t> shapes;
    while (shapes.size() < 3) {
      std::size_t s = random_.below(bench::kTargetShapes.size());
      if (std::find(shapes.begin(), shapes.end(), s) == shapes.end()) shapes.push_back(s);
    }
    for (std::size_t s : shapes) {
      const auto& shape = bench::kTargetShapes[s];
      c.targets.push_back(target(shape, Period::quarter_of(c.start)));
    }
    put(c);
    ++written_.contracts;
    stdfs::create_directories(root_ / Report::kFolder / c.id);
    // How well the unit carries out this contract, so that scores fall in every band.
    int level = random_.between(45, 110);
    for (Period q = Period::quarter_of(c.start); q.year() == 2018; q = q.next())
      report(c, q, level);
  }

  // Most reports on time, some late (after the quarter's end + 10 days), a few missing.
  void report(const Contract& c, Period quarter, int level) {
    std::size_t kind = random_.weighted({85, 12, 3});
    if (kind == 2) {
      ++written_.reports_missing;
      return;
    }
    Report r;
    r.contract = c.id;
    r.period = quarter;
    r.submitted =
        quarter.last_day().plus_days(kind == 0 ? random_.between(-5, 10) : random_.between(11, 40));
    for (const Target& t : c.targets) {
      auto value = t.by_period.find(quarter);
      if (value == t.by_period.end() || random_.chance(0.03)) continue;
      bool higher = t.polarity == Polarity::kHigher;
      // An achievement near level: R / T for higher, (2T - R) / T for lower.
      int achieved = level + random_.between(-15, 15);
      double factor = (higher ? achieved : 200 - achieved) / 100.0;
      r.actual[t.id] = round_to(value->second * factor, one_decimal(t));
    }
    if (random_.chance(0.95)) r.narrative = random_.pick(bench::kNarratives);
    if (random_.chance(0.6)) r.obstacles = random_.pick(bench::kObstacles);
    if (random_.chance(0.8)) r.next_steps = random_.pick(bench::kNextSteps);
    int evidence = random_.between(0, 2);
    for (int k = 1; k <= evidence; ++k)
      r.evidence.push_back(fmt::format("bukti/{}/{}/foto-kegiatan-{}.jpg", c.id, quarter.str(), k));
    put(r);
    ++written_.reports;
  }
};

// The split of N record files: 2% units, 10% contracts with four quarterly
// reports each, ideas the rest; a count given on the command line (>= 0) wins.
Counts split(long records, Counts given) {
  Counts c;
  c.units = given.units >= 0 ? given.units : std::max(1L, records / 50);
  c.contracts = given.contracts >= 0 ? given.contracts : records / 10;
  c.ideas = given.ideas >= 0 ? given.ideas : std::max(0L, records - c.units - 5 * c.contracts);
  return c;
}

int generate(int argc, char** argv) {
  CLI::App app{"Writes a synthetic programme directory for the benchmarks", "inovasi-generate"};
  std::string dir;
  long records = -1, units = -1, ideas = -1, contracts = -1;
  std::uint64_t seed = 1;
  const auto kCount = CLI::Range(0L, 100'000'000L);
  app.add_option("dir", dir, "Where to write it (must not exist, or be empty)")->required();
  app.add_option("--records", records,
                 "Number of record files, split as units, ideas, contracts "
                 "and four reports per contract")
      ->check(kCount);
  app.add_option("--units", units, "Number of units (overrides the split)")->check(kCount);
  app.add_option("--ideas", ideas, "Number of ideas (overrides the split)")->check(kCount);
  app.add_option("--contracts", contracts, "Number of contracts (overrides the split)")
      ->check(kCount);
  app.add_option("--seed", seed, "Seed of the generator")->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (records < 0 && (units < 0 || ideas < 0 || contracts < 0)) {
    std::cerr << "inovasi-generate: error: give --records N, or --units, --ideas and --contracts\n";
    return 2;
  }
  Counts counts = split(records, {units, ideas, contracts});
  if (counts.units == 0 && (counts.ideas > 0 || counts.contracts > 0)) {
    std::cerr << "inovasi-generate: error: ideas and contracts need at least one unit\n";
    return 2;
  }
  std::error_code ec;
  if (stdfs::exists(dir, ec) && (!stdfs::is_directory(dir, ec) || !stdfs::is_empty(dir, ec))) {
    std::cerr << fmt::format("inovasi-generate: error: {} exists and is not empty\n", dir);
    return 2;
  }
  auto begin = std::chrono::steady_clock::now();
  Written w = Generator(dir, seed).run(counts);
  std::chrono::duration<double> took = std::chrono::steady_clock::now() - begin;
  std::cerr << fmt::format(
      "inovasi-generate: wrote {} records to {} in {:.1f} s: {} units, {} ideas, {} contracts, "
      "{} reports ({} left out as missing), seed {}\n",
      w.total(), dir, took.count(), w.units, w.ideas, w.contracts, w.reports, w.reports_missing,
      seed);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return generate(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "inovasi-generate: error: " << e.what() << "\n";
    return 3;
  }
}
