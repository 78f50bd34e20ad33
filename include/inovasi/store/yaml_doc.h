// A small YAML tree with positions, read through yaml-cpp's event parser so
// that duplicate keys, anchors, aliases, tags and extra documents are seen
// and refused, and written back in the canonical form of our records.
#pragma once
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "inovasi/util/finding.h"

namespace inovasi::yaml {

enum class Kind { kNull, kScalar, kSequence, kMap };

// How a scalar is written: verbatim (numbers, dates), as a string that may
// need quotes, or as free text that may become a block scalar.
enum class ScalarStyle { kRaw, kString, kText };

struct Node;
struct Entry;

struct Node {
  Kind kind = Kind::kNull;
  Mark mark;
  std::string value;                         // scalars
  bool plain = false;                        // read: the scalar was unquoted
  ScalarStyle style = ScalarStyle::kString;  // write
  bool flow = false;                         // write: flow style for sequences and maps
  std::vector<Node> items;                   // sequences
  std::vector<Entry> entries;                // maps, in document order

  static Node scalar(std::string value, ScalarStyle style = ScalarStyle::kString);
  static Node sequence(bool flow = false);
  static Node map(bool flow = false);
  const Entry* find(std::string_view key) const;
  // "a single value", "a list", "a mapping", "nothing": English, marked
  // tr_noop, for a message to tr().
  std::string_view kind_name() const;
};

struct Entry {
  std::string key;
  Mark key_mark;
  Node value;
};

// Parses one record file. Everything wrong is added to findings (with path);
// the returned node is null when the file could not be read as YAML.
constexpr std::size_t kMaxFileSize = 1 << 20;
constexpr int kMaxDepth = 32;
constexpr std::size_t kMaxKeySize = 1024;
// top: the kind the document must be (a mapping for records).
Node parse(std::string_view text, const std::string& path, Findings& findings,
           Kind top = Kind::kMap);

// A message of yaml-cpp's parser in the language of messages: its fixed
// sentences ("end of map not found", "unknown escape character: x") are
// known; any other text is returned as it is.
std::string yaml_cpp_message(std::string_view message);

// parse without the canonical reader: always through yaml-cpp. For tests
// and fuzzing, which compare the two.
Node parse_full(std::string_view text, const std::string& path, Findings& findings,
                Kind top = Kind::kMap);

// Reads a record in canonical form (what emit writes: block maps and lists,
// one-line flow lists and maps, plain, quoted and literal scalars) in one
// pass, without yaml-cpp. Anything else, even valid YAML, gives nullopt;
// what it accepts gives the tree parse_full gives, positions included.
// text must be valid UTF-8 (parse checks that first).
std::optional<Node> parse_canonical(std::string_view text);

// Where two trees differ (kind, value, style, marks, keys), or "" when they
// are the same; for tests and fuzzing.
std::string tree_difference(const Node& a, const Node& b);

// Writes a map in canonical form: two-space indent, LF, final newline.
std::string emit(const Node& root);

// True when a plain scalar with this text would be read by some YAML reader
// (1.1 or 1.2) as something other than this string.
bool needs_quotes(std::string_view s, bool in_flow);

// What a light lexer sees in record text: comments (which a rewrite would
// lose) and a quoted scalar never closed (which yaml-cpp lets pass).
struct Scan {
  bool comments = false;
  std::optional<Mark> open_quote;
};
Scan scan(std::string_view text);
// Whether text holds comments a rewrite would lose: the schema hint is not
// one of them, as every rewrite writes it again or leaves it out on purpose.
bool has_comments(std::string_view text);

// The bytes a plain scalar must be looked at more closely for, by the writer
// (whether to quote) and the canonical reader (whether it may read it plain):
// controls, DEL, the lead bytes of the special Unicode characters (NEL,
// LS/PS, BOM), and the punctuation that can end or spoil a plain scalar.
// Letters, digits, spaces and the rest pass at once.
inline constexpr std::array<bool, 256> kPlainSpecial = [] {
  std::array<bool, 256> special{};
  for (int c = 0; c < 0x20; ++c) special[c] = true;
  for (char c : std::string_view(":#,[]{}?\"'")) special[static_cast<unsigned char>(c)] = true;
  special[0x7F] = special[0xC2] = special[0xE2] = special[0xEF] = true;
  return special;
}();

// The editor's schema hint, a comment on the first line of a record that
// names its JSON Schema for yaml-language-server (VS Code's YAML extension):
// "# yaml-language-server: $schema=/usr/share/inovasi/schema/idea.schema.json".
constexpr std::string_view kSchemaHintPrefix = "# yaml-language-server: $schema=";
// The size of text's first line with its '\n' when that line is a schema
// hint (the prefix, then printable ASCII without spaces), else 0.
std::size_t schema_hint_size(std::string_view text);
// Whether that lexer, reading line from its start with no quote open, ends
// it inside a quote it opened ("a, 'b"): such text is never written plain,
// since scan would then report a quote never closed.
bool leaves_quote_open(std::string_view line);

}  // namespace inovasi::yaml
