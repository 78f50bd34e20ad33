#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <cstdint>
#include <cstring>
#include <optional>
#include <set>
#include <sstream>

#include "inovasi/store/yaml_doc.h"
#include "inovasi/util/messages.h"
#include "inovasi/util/text.h"

namespace inovasi::yaml {

Node Node::scalar(std::string value, ScalarStyle style) {
  Node n;
  n.kind = Kind::kScalar;
  n.value = std::move(value);
  n.style = style;
  return n;
}

Node Node::sequence(bool flow) {
  Node n;
  n.kind = Kind::kSequence;
  n.flow = flow;
  return n;
}

Node Node::map(bool flow) {
  Node n;
  n.kind = Kind::kMap;
  n.flow = flow;
  return n;
}

const Entry* Node::find(std::string_view key) const {
  for (const auto& e : entries)
    if (e.key == key) return &e;
  return nullptr;
}

std::string_view Node::kind_name() const {
  switch (kind) {
    case Kind::kNull:
      return tr_noop("nothing");
    case Kind::kScalar:
      return tr_noop("a single value");
    case Kind::kSequence:
      return tr_noop("a list");
    case Kind::kMap:
      return tr_noop("a mapping");
  }
  return "?";
}

namespace {

struct Stop {
  Mark mark;
  std::string message;
  bool too_deep = false;
};

Mark to_mark(const YAML::Mark& m) {
  return {m.line + 1, m.column + 1};
}

// yaml-cpp decodes the escapes \N and \_ of a double-quoted scalar to the
// lone bytes 0x85 and 0xA0, not to U+0085 and U+00A0 in UTF-8. The text it
// reads is valid UTF-8 and every other escape gives UTF-8, so each byte
// that is not part of a valid sequence is one of those code points: it is
// written again as UTF-8, as every other reader of YAML decodes it.
std::string utf8_of_escapes(std::string value) {
  std::size_t bad = text::first_invalid_utf8(value).value_or(value.size());
  if (bad == value.size()) return value;
  std::string out = value.substr(0, bad);
  for (std::string_view rest = std::string_view(value).substr(bad); !rest.empty();) {
    auto lone = static_cast<unsigned char>(rest[0]);
    out += static_cast<char>(0xC0 | (lone >> 6));
    out += static_cast<char>(0x80 | (lone & 0x3F));
    rest.remove_prefix(1);
    std::size_t valid = text::first_invalid_utf8(rest).value_or(rest.size());
    out += rest.substr(0, valid);
    rest.remove_prefix(valid);
  }
  return out;
}

// Builds Nodes from parser events; throws Stop at the first thing records
// never contain, since nothing after it can be trusted.
class Builder : public YAML::EventHandler {
 public:
  Node root;
  bool started = false;
  Mark document;

  void OnDocumentStart(const YAML::Mark& m) override { document = to_mark(m); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t anchor) override {
    refuse_anchor(m, anchor);
    Node n;
    n.mark = to_mark(m);
    add(std::move(n));
  }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override {
    throw Stop{to_mark(m), tr("aliases (*name) are not allowed in records")};
  }
  void OnAnchor(const YAML::Mark& m, const std::string&) override {
    throw Stop{to_mark(m), tr("anchors (&name) are not allowed in records")};
  }
  void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    refuse_anchor(m, anchor);
    refuse_tag(m, tag);
    Node n = Node::scalar(utf8_of_escapes(value));
    n.mark = to_mark(m);
    n.plain = tag == "?";
    add(std::move(n));
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    refuse_anchor(m, anchor);
    refuse_tag(m, tag);
    Node n = Node::sequence(style == YAML::EmitterStyle::Flow);
    n.mark = to_mark(m);
    open(std::move(n));
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    refuse_anchor(m, anchor);
    refuse_tag(m, tag);
    Node n = Node::map(style == YAML::EmitterStyle::Flow);
    n.mark = to_mark(m);
    open(std::move(n));
  }
  void OnMapEnd() override { close(); }

 private:
  // Open containers; for maps, the key awaiting its value.
  struct Open {
    Node node;
    bool have_key = false;
    Entry pending;
    std::set<std::string> keys;
  };
  std::vector<Open> stack_;

  static void refuse_anchor(const YAML::Mark& m, YAML::anchor_t anchor) {
    if (anchor) throw Stop{to_mark(m), tr("anchors (&name) are not allowed in records")};
  }
  static void refuse_tag(const YAML::Mark& m, const std::string& tag) {
    if (!tag.empty() && tag != "?" && tag != "!")
      throw Stop{to_mark(m), msg("tags ({}) are not allowed in records", tag)};
  }

  void open(Node n) {
    if (static_cast<int>(stack_.size()) >= kMaxDepth)
      throw Stop{n.mark, msg("nesting deeper than {} levels", kMaxDepth), true};
    Open open;
    open.node = std::move(n);
    stack_.push_back(std::move(open));
  }

  void close() {
    Open top = std::move(stack_.back());
    stack_.pop_back();
    add(std::move(top.node));
  }

  void add(Node n) {
    if (stack_.empty()) {
      root = std::move(n);
      started = true;
      return;
    }
    Open& top = stack_.back();
    if (top.node.kind == Kind::kSequence) {
      top.node.items.push_back(std::move(n));
    } else if (!top.have_key) {
      if (n.kind != Kind::kScalar)
        throw Stop{n.mark, tr("keys must be plain words, not lists or mappings")};
      // Field names and ids are short; a longer key is never one of them.
      if (n.value.size() > kMaxKeySize)
        throw Stop{n.mark, msg("key is longer than {} bytes", kMaxKeySize)};
      if (!top.keys.insert(n.value).second) throw Stop{n.mark, msg("duplicate key '{}'", n.value)};
      top.pending = Entry{n.value, n.mark, {}};
      top.have_key = true;
    } else {
      top.pending.value = std::move(n);
      top.node.entries.push_back(std::move(top.pending));
      top.have_key = false;
    }
  }
};

// The sentences of yaml-cpp's scanner and parser (YAML::ErrorMsg), as it
// writes them; those ending in ": " are followed by what was found.
constexpr const char* kYamlCppMessages[] = {
    tr_noop("YAML directives must have exactly one argument"),
    tr_noop("bad YAML version: "),
    tr_noop("YAML major version too large"),
    tr_noop("repeated YAML directive"),
    tr_noop("TAG directives must have exactly two arguments"),
    tr_noop("repeated TAG directive"),
    tr_noop("illegal character found while scanning tag handle"),
    tr_noop("tag handle with no suffix"),
    tr_noop("end of verbatim tag not found"),
    tr_noop("end of map not found"),
    tr_noop("end of map flow not found"),
    tr_noop("end of sequence not found"),
    tr_noop("end of sequence flow not found"),
    tr_noop("cannot assign multiple tags to the same node"),
    tr_noop("cannot assign multiple anchors to the same node"),
    tr_noop("cannot assign multiple aliases to the same node"),
    tr_noop("aliases can't have any content, *including* tags"),
    tr_noop("bad character found while scanning hex number"),
    tr_noop("invalid unicode: "),
    tr_noop("unknown escape character: "),
    tr_noop("unknown token"),
    tr_noop("illegal document indicator in scalar"),
    tr_noop("illegal EOF in scalar"),
    tr_noop("illegal character in scalar"),
    tr_noop("illegal tab when looking for indentation"),
    tr_noop("illegal flow end"),
    tr_noop("illegal block entry"),
    tr_noop("illegal map key"),
    tr_noop("illegal map value"),
    tr_noop("alias not found after *"),
    tr_noop("anchor not found after &"),
    tr_noop("illegal character found while scanning alias"),
    tr_noop("illegal character found while scanning anchor"),
    tr_noop("cannot set zero indentation for a block scalar"),
    tr_noop("unexpected character in block scalar"),
    tr_noop("cannot assign the same alias to multiple nodes"),
    tr_noop("the referenced anchor is not defined"),
    tr_noop("invalid character in single-quoted string"),
};

// yaml-cpp's messages start "yaml-cpp: error at line 3, column 4: ".
std::string plain_message(const YAML::Exception& e) {
  std::string msg = e.msg;
  if (!msg.empty()) return msg;
  return e.what();
}

Mark position_of(std::string_view text, std::size_t offset) {
  Mark mark{1, 1};
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n')
      mark.line++, mark.column = 1;
    else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
      mark.column++;
  }
  return mark;
}

// yaml-cpp folds "title: x\nsubmitted" into the value "x submitted"; other
// readers refuse a continuation line that is not indented past its key. It
// is nearly always a key whose ':' was forgotten.
void refuse_lost_keys(const Node& n, const std::vector<std::string>& lines, const std::string& path,
                      Findings& findings) {
  for (const Node& item : n.items) refuse_lost_keys(item, lines, path, findings);
  if (n.kind != Kind::kMap || n.flow) return;
  for (const Entry& e : n.entries) {
    // yaml-cpp also takes a lone word on its own line for a key with no value.
    std::size_t key_line = static_cast<std::size_t>(e.key_mark.line);
    if (key_line > 0 && key_line <= lines.size()) {
      std::string_view source = lines[key_line - 1];
      std::size_t at = static_cast<std::size_t>(e.key_mark.column - 1);
      bool explicit_key = text::trim(source.substr(0, at)).ends_with("?");  // "? key"
      if (!explicit_key && source.substr(at).starts_with(e.key)) {
        std::string_view after = text::trim(source.substr(at + e.key.size()));
        if (!after.starts_with(":")) {
          findings.error(path, e.key_mark,
                         msg("'{}' is not a field: a key needs ':' after it", e.key));
          continue;
        }
      }
    }
    const Node& v = e.value;
    if (v.kind != Kind::kScalar || !v.plain) {
      refuse_lost_keys(v, lines, path, findings);
      continue;
    }
    std::size_t line = static_cast<std::size_t>(v.mark.line);
    if (line == 0 || line >= lines.size()) continue;
    std::string_view rest =
        std::string_view(lines[line - 1])
            .substr(std::min<std::size_t>(lines[line - 1].size(), v.mark.column - 1));
    if (auto hash = rest.find(" #"); hash != std::string_view::npos) rest = rest.substr(0, hash);
    if (text::trim(rest) == v.value) continue;  // the value fits on its line
    const std::string& next = lines[line];
    std::size_t indent = next.find_first_not_of(' ');
    if (indent != std::string::npos && static_cast<int>(indent) < e.key_mark.column)
      findings.error(path, {static_cast<int>(line) + 1, static_cast<int>(indent) + 1},
                     msg("'{}' is not a field: a key needs ':' after it", text::trim(next)));
  }
}

// yaml-cpp reads a whole run of '[' or '{' ahead before it hands over the
// first, keeping a token for each: 1 MiB of them takes a second and 250 MB.
// Where brackets open deeper than records nest, this is the offset of the
// first one too deep; the text up to it is enough to refuse the file.
// Brackets inside text count too: then the cut text is not refused, and
// the whole is read as usual.
std::optional<std::size_t> deep_brackets(std::string_view text) {
  int depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '[' || c == '{') {
      if (++depth > kMaxDepth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

// The nesting error of a text too deep in brackets, read only up to them.
// It points at the first bracket too deep: yaml-cpp's marks for a run of
// brackets that ends with the text are not where the brackets are.
std::optional<Stop> refuse_deep_brackets(std::string_view text) {
  auto cut = deep_brackets(text);
  if (!cut) return std::nullopt;
  std::istringstream head{std::string(text.substr(0, *cut + 1))};
  Builder builder;
  try {
    YAML::Parser parser(head);
    parser.HandleNextDocument(builder);
  } catch (const Stop& stop) {
    if (stop.too_deep) return Stop{position_of(text, *cut), stop.message, true};
  } catch (const YAML::Exception&) {
  }
  return std::nullopt;
}

// The length of the run of ASCII that text starts with, eight bytes at a
// time: most records are ASCII, and need no decoding to be valid UTF-8.
std::size_t ascii_prefix(std::string_view text) {
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if (word & 0x8080808080808080ULL) break;
  }
  while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80) ++i;
  return i;
}

// What is refused before any YAML is read.
bool readable(std::string_view text, const std::string& path, Findings& findings) {
  if (text.size() > kMaxFileSize) {
    findings.error(path, {}, msg("file is larger than {} bytes", kMaxFileSize));
    return false;
  }
  std::size_t ascii = ascii_prefix(text);
  if (auto bad = text::first_invalid_utf8(text.substr(ascii))) {
    findings.error(path, position_of(text, ascii + *bad), tr("invalid UTF-8"));
    return false;
  }
  if (auto nul = text.find('\0'); nul != std::string_view::npos) {
    findings.error(path, position_of(text, nul), tr("file contains a NUL byte"));
    return false;
  }
  return true;
}

// The full reader: yaml-cpp's events, then what they do not tell.
Node read_full(std::string_view text, const std::string& path, Findings& findings, Kind top) {
  if (auto stop = refuse_deep_brackets(text)) {
    findings.error(path, stop->mark, stop->message);
    return {};
  }
  std::istringstream in{std::string(text)};
  Builder builder;
  try {
    YAML::Parser parser(in);
    if (!parser.HandleNextDocument(builder)) {
      findings.error(path, {1, 1}, tr("file is empty; expected a mapping of fields"));
      return {};
    }
    // A second document is refused, and never looked for past one: some
    // inputs make yaml-cpp produce documents forever.
    Builder second;
    if (parser.HandleNextDocument(second)) {
      findings.error(path, second.document, tr("more than one YAML document in the file"));
      return {};
    }
  } catch (const Stop& stop) {
    findings.error(path, stop.mark, stop.message);
    return {};
  } catch (const YAML::DeepRecursion& e) {
    findings.error(path, to_mark(e.mark), tr("nesting is too deep"));
    return {};
  } catch (const YAML::Exception& e) {
    findings.error(path, to_mark(e.mark),
                   msg("YAML syntax: {}", yaml_cpp_message(plain_message(e))));
    return {};
  }
  Scan scanned = scan(text);
  if (scanned.open_quote) {
    findings.error(path, *scanned.open_quote, tr("YAML syntax: quoted text is never closed"));
    return {};
  }
  std::size_t before = findings.size();
  refuse_lost_keys(builder.root, text::split(text, '\n'), path, findings);
  if (findings.size() != before) return {};
  if (builder.root.kind != top) {
    std::string expected = top == Kind::kMap ? tr("a mapping of fields") : tr("a list");
    findings.error(path, builder.root.mark.line ? builder.root.mark : Mark{1, 1},
                   msg("expected {}, found {}", expected, tr(builder.root.kind_name())));
    return {};
  }
  return std::move(builder.root);
}

}  // namespace

std::string yaml_cpp_message(std::string_view message) {
  for (std::string_view known : kYamlCppMessages) {
    if (message == known) return tr(known);
    if (known.ends_with(": ") && message.starts_with(known))
      return tr(known) + std::string(message.substr(known.size()));
  }
  return std::string(message);
}

Node parse(std::string_view text, const std::string& path, Findings& findings, Kind top) {
  if (!readable(text, path, findings)) return {};
  // Nearly every record is as emit wrote it; yaml-cpp reads the rest.
  if (top == Kind::kMap)
    if (auto canonical = parse_canonical(text)) return std::move(*canonical);
  return read_full(text, path, findings, top);
}

Node parse_full(std::string_view text, const std::string& path, Findings& findings, Kind top) {
  if (!readable(text, path, findings)) return {};
  return read_full(text, path, findings, top);
}

}  // namespace inovasi::yaml
