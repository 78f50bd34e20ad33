#include "inovasi/render/booklet.h"

#include <fmt/format.h>

#include <map>

#include "inovasi/render/markdown.h"
#include "inovasi/util/text.h"

namespace inovasi {

std::string markdown_paragraphs(std::string_view text) {
  std::vector<std::string> paragraphs;
  std::vector<std::string> lines;
  auto flush = [&] {
    if (!lines.empty()) paragraphs.push_back(text::join(lines, "<br>\n"));
    lines.clear();
  };
  for (const std::string& raw : text::split(text, '\n')) {
    std::string_view line = text::trim(raw);
    if (line.empty()) {
      flush();
      continue;
    }
    std::string escaped = markdown_text(line);
    // What would open a list or a heading at the start of a line.
    std::size_t digits = escaped.find_first_not_of("0123456789");
    if (escaped[0] == '-' || escaped[0] == '+' || escaped[0] == '=')
      escaped.insert(0, "\\");
    else if (digits > 0 && digits != std::string::npos &&
             (escaped[digits] == '.' || escaped[digits] == ')'))
      escaped.insert(digits, "\\");
    lines.push_back(escaped);
  }
  flush();
  return text::join(paragraphs, "\n\n");
}

std::string grouped_number(std::int64_t value, const Labels& labels) {
  std::string digits = std::to_string(value < 0 ? -value : value), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += labels["thousands-separator"];
    out += digits[i];
  }
  return value < 0 ? "-" + out : out;
}

namespace {

class Booklet {
 public:
  Booklet(const Records& records, const Labels& labels) : r_(records), l_(labels) {
    if (r_.programme) {
      for (const Priority& p : r_.programme->record.priorities) priorities_[p.id] = p.title;
      for (const Indicator& i : r_.programme->record.indicators) indicators_[i.id] = i.name;
    }
  }

  std::string write() {
    std::map<std::string, std::vector<const Idea*>> by_unit;
    for (const auto& i : r_.ideas) by_unit[i.record.unit].push_back(&i.record);
    const Programme* p = r_.programme ? &r_.programme->record : nullptr;
    out_ += "# " + markdown_text(l_["booklet-title"]);
    if (p) out_ += ": " + markdown_text(p->name);
    out_ += "\n\n";
    out_ += markdown_text(l_.format("booklet-count", fmt::arg("count", r_.ideas.size()),
                                    fmt::arg("units", by_unit.size())));
    if (p && !p->region.empty()) out_ += " · " + markdown_text(p->region);
    out_ += "\n";
    for (const auto& [unit_id, ideas] : by_unit) {
      const Stored<Unit>* unit = r_.find<Unit>(unit_id);
      out_ += "\n## " + markdown_text(unit ? unit->record.name : unit_id) + "\n";
      for (const Idea* idea : ideas) write_idea(*idea);
    }
    return out_;
  }

 private:
  const Records& r_;
  const Labels& l_;
  std::map<std::string, std::string> priorities_, indicators_;
  std::string out_;

  void item(std::string_view key, const std::string& value) {
    if (!value.empty()) out_ += "- **" + markdown_text(l_[key]) + ":** " + value + "\n";
  }
  template <class E>
  std::string word(const char* prefix, const std::optional<E>& value) {
    return value ? markdown_text(l_[std::string(prefix) + std::string(token(*value))]) : "";
  }
  std::string date(const std::optional<Date>& d) { return d ? markdown_text(l_.date(*d)) : ""; }
  std::string named(const std::string& id, const std::map<std::string, std::string>& names) {
    if (id.empty()) return "";
    auto it = names.find(id);
    return markdown_text(it == names.end() ? id : it->second);
  }

  void write_idea(const Idea& i) {
    out_ += "\n### " + markdown_text(i.title) + "\n\n";
    item("field-stage", word("stage-", std::optional<Stage>(i.stage)));
    item("field-category", word("category-", i.category));
    item("field-kind", word("kind-", i.kind));
    item("priority-heading", named(i.priority, priorities_));
    item("field-indicator", named(i.indicator, indicators_));
    item("field-initiator", word("initiator-", i.initiator));
    if (i.proposer) {
      std::vector<std::string> who;
      for (const std::string* part : {&i.proposer->name, &i.proposer->position})
        if (!part->empty()) who.push_back(*part);
      item("field-proposer", markdown_text(text::join(who, ", ")));
    }
    item("field-submitted", date(i.submitted));
    item("field-trial-date", date(i.trial_date));
    item("field-implemented-date", date(i.implemented_date));
    if (i.budget)
      item("field-budget",
           markdown_text(l_.format("rupiah", fmt::arg("amount", grouped_number(*i.budget, l_)))));
    if (!i.tags.empty()) item("field-tags", markdown_text(text::join(i.tags, ", ")));
    for (auto [key, body] : {std::pair{"problem", &i.problem},
                             {"description", &i.description},
                             {"goal", &i.goal},
                             {"benefit", &i.benefit}})
      if (!text::trim(*body).empty())
        out_ += "\n**" + markdown_text(l_[key]) + ".** " + markdown_paragraphs(*body) + "\n";
    if (!i.plan.empty()) {
      out_ += "\n**" + markdown_text(l_["plan"]) + "**\n\n";
      MarkdownTable plan({{l_["step"], false}, {l_["step-due"], false}, {l_["step-done"], false}});
      for (const PlanStep& s : i.plan) plan.add({markdown_text(s.step), date(s.due), date(s.done)});
      out_ += plan.str();
    }
  }
};

}  // namespace

std::string ideas_booklet(const Records& records, const Labels& labels) {
  return Booklet(records, labels).write();
}

}  // namespace inovasi
