#include "inovasi/render/perbup.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "inovasi/model/evaluation.h"
#include "inovasi/render/markdown.h"

namespace inovasi {

namespace {

// How many amendments lie under a regulation; a cycle stops the count.
std::size_t depth(const Records& records, const Regulation& regulation) {
  std::size_t n = 0;
  for (const Stored<Regulation>* at = records.find<Regulation>(regulation.amends);
       at && n <= records.regulations.size(); at = records.find<Regulation>(at->record.amends))
    ++n;
  return n;
}

bool lists(const Regulation& regulation, const std::string& idea) {
  return std::find(regulation.ideas.begin(), regulation.ideas.end(), idea) !=
         regulation.ideas.end();
}

const Idea* find_idea(const Records& records, const std::string& id) {
  const Stored<Idea>* s = records.find<Idea>(id);
  return s ? &s->record : nullptr;
}

// The cells of one innovation in the annex, as record text: its title, unit
// id and name, category and stage. An idea that does not exist shows its id.
struct Entry {
  std::string id, title, unit, unit_name;
  std::optional<Category> category;
  std::optional<Stage> stage;
};

// on: the regulation's date, for the stage each idea had then; none for
// the stage recorded today.
Entry entry(const Records& records, const std::string& id, const std::optional<Date>& on) {
  const Idea* idea = find_idea(records, id);
  if (!idea) return {id, id, "", "", std::nullopt, std::nullopt};
  const Stored<Unit>* unit = records.find<Unit>(idea->unit);
  return {id,
          idea->title,
          idea->unit,
          unit ? unit->record.name : idea->unit,
          idea->category,
          on ? stage_on(*idea, *on) : idea->stage};
}

template <class E>
std::string token_or_empty(const std::optional<E>& value) {
  return value ? std::string(token(*value)) : "";
}

Table entry_table(std::vector<Column> extra) {
  Table table{"perbup",
              {{"no", CellKind::kCount},
               {"idea"},
               {"title"},
               {"unit"},
               {"unit_name"},
               {"category"},
               {"stage"}},
              {}};
  table.columns.insert(table.columns.end(), extra.begin(), extra.end());
  return table;
}

std::vector<std::string> entry_row(const Entry& e, std::string no) {
  return {std::move(no),          e.id, e.title, e.unit, e.unit_name, token_or_empty(e.category),
          token_or_empty(e.stage)};
}

// A Markdown table of innovations numbered from 1, or the word for none.
std::string innovations(const Records& records, const std::vector<std::string>& ids,
                        const Labels& labels, const std::optional<Date>& on) {
  if (ids.empty()) return markdown_text(labels["none"]) + "\n";
  MarkdownTable table({{labels["perbup-no"], true},
                       {labels["perbup-name"], false},
                       {labels["perbup-unit"], false},
                       {labels["perbup-category"], false},
                       {labels["perbup-stage"], false}});
  int no = 0;
  for (const std::string& id : ids) {
    Entry e = entry(records, id, on);
    std::string category, stage;  // left empty for an idea that does not exist
    if (e.stage) {
      category = e.category ? labels["category-" + std::string(token(*e.category))]
                            : labels["category-none"];
      stage = labels["stage-" + std::string(token(*e.stage))];
    }
    table.add({std::to_string(++no), markdown_text(e.title), markdown_text(e.unit_name),
               markdown_text(category), markdown_text(stage)});
  }
  return table.str();
}

std::string item(const Labels& labels, std::string_view key, const std::string& value) {
  return "- **" + markdown_text(labels[key]) + ":** " + markdown_text(value) + "\n";
}

// "Daftar inovasi daerah Kabupaten Tuban" under the title, when there is a region.
std::string region_line(const Records& records, const Labels& labels) {
  if (!records.programme || records.programme->record.region.empty()) return "";
  return markdown_text(
             labels.format("perbup-region", fmt::arg("region", records.programme->record.region))) +
         "\n\n";
}

std::string numbered(const Regulation& regulation, const Labels& labels) {
  return labels.format("perbup-dated", fmt::arg("number", regulation.number),
                       fmt::arg("date", labels.date(regulation.date)));
}

}  // namespace

const Regulation* regulation_in_force(const Records& records) {
  const Regulation* best = nullptr;
  std::size_t best_depth = 0;
  for (const auto& s : records.regulations) {
    std::size_t d = depth(records, s.record);
    if (!best ||
        std::tie(best->date, best_depth, best->id) < std::tie(s.record.date, d, s.record.id)) {
      best = &s.record;
      best_depth = d;
    }
  }
  return best;
}

AnnexChanges annex_changes(const Records& records, const Regulation& regulation) {
  AnnexChanges changes;
  const Stored<Regulation>* amended =
      regulation.amends.empty() ? nullptr : records.find<Regulation>(regulation.amends);
  if (!amended) return changes;
  changes.amended = &amended->record;
  for (const std::string& id : regulation.ideas)
    if (!lists(amended->record, id)) changes.added.push_back(id);
  for (const std::string& id : amended->record.ideas)
    if (!lists(regulation, id)) changes.removed.push_back(id);
  return changes;
}

std::vector<const Idea*> pending_ideas(const Records& records) {
  std::set<std::string> listed;
  for (const auto& s : records.regulations)
    listed.insert(s.record.ideas.begin(), s.record.ideas.end());
  std::vector<const Idea*> pending;
  for (const auto& s : records.ideas)
    if ((s.record.stage == Stage::kTrial || s.record.stage == Stage::kImplemented) &&
        !listed.count(s.record.id))
      pending.push_back(&s.record);
  return pending;
}

std::string perbup_markdown(const Records& records, const Regulation& regulation,
                            const Labels& labels) {
  AnnexChanges changes = annex_changes(records, regulation);
  std::string out =
      "# " + markdown_text(labels.format("perbup-title", fmt::arg("number", regulation.number))) +
      "\n\n" + region_line(records, labels);
  out += item(labels, "perbup-date", labels.date(regulation.date));
  if (!regulation.amends.empty())
    out += item(labels, "perbup-amends",
                changes.amended ? numbered(*changes.amended, labels) : regulation.amends);
  out += item(labels, "perbup-count", std::to_string(regulation.ideas.size()));
  out += "\n" + innovations(records, regulation.ideas, labels, regulation.date);
  if (!changes.amended) return out;
  out +=
      "\n## " +
      markdown_text(labels.format("perbup-changes", fmt::arg("number", changes.amended->number))) +
      "\n";
  out += "\n### " + markdown_text(labels["perbup-added"]) + "\n\n" +
         innovations(records, changes.added, labels, regulation.date);
  out += "\n### " + markdown_text(labels["perbup-removed"]) + "\n\n" +
         innovations(records, changes.removed, labels, regulation.date);
  return out;
}

Table perbup_table(const Records& records, const Regulation& regulation) {
  AnnexChanges changes = annex_changes(records, regulation);
  Table table = entry_table({{"change"}});
  int no = 0;
  for (const std::string& id : regulation.ideas) {
    auto row = entry_row(entry(records, id, regulation.date), std::to_string(++no));
    bool added = std::find(changes.added.begin(), changes.added.end(), id) != changes.added.end();
    row.push_back(added ? "added" : "");
    table.rows.push_back(std::move(row));
  }
  for (const std::string& id : changes.removed) {
    auto row = entry_row(entry(records, id, regulation.date), "");
    row.push_back("removed");
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::string pending_markdown(const Records& records, const Labels& labels) {
  std::vector<std::string> ids;
  for (const Idea* idea : pending_ideas(records)) ids.push_back(idea->id);
  std::string out =
      "# " + markdown_text(labels["pending-title"]) + "\n\n" + region_line(records, labels);
  if (const Regulation* in_force = regulation_in_force(records))
    out += item(labels, "pending-in-force", numbered(*in_force, labels));
  out += item(labels, "pending-count", std::to_string(ids.size()));
  return out + "\n" + innovations(records, ids, labels, std::nullopt);
}

Table pending_table(const Records& records) {
  Table table = entry_table({});
  table.name = "pending";
  int no = 0;
  for (const Idea* idea : pending_ideas(records))
    table.rows.push_back(entry_row(entry(records, idea->id, std::nullopt), std::to_string(++no)));
  return table;
}

}  // namespace inovasi
