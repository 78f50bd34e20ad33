// The one codec: every record type is read from and written to YAML by
// walking its fields() list (csv_codec.h does the same for CSV). Nothing
// here is specific to a record type.
#pragma once
#include <fmt/core.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <vector>

#include "inovasi/model/records.h"
#include "inovasi/store/values.h"
#include "inovasi/store/yaml_doc.h"
#include "inovasi/util/finding.h"
#include "inovasi/util/messages.h"
#include "inovasi/util/text.h"

namespace inovasi {

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <class T>
struct Unwrap {
  using type = T;
};
template <class T>
struct Unwrap<std::optional<T>> {
  using type = T;
};
template <class T>
struct IsMap : std::false_type {};
template <class K, class V>
struct IsMap<std::map<K, V>> : std::true_type {};
template <class T>
struct IsVector : std::false_type {};
template <class T>
struct IsVector<std::vector<T>> : std::true_type {};

struct ProbeVisitor {
  template <class U>
  void operator()(const char*, U&, unsigned = 0) {}
};

// A record type's field names in canonical key order.
struct FieldNames {
  std::vector<std::string> names;
  template <class U>
  void operator()(const char* key, const U&, unsigned = 0) {
    names.emplace_back(key);
  }
};

// Whether a type describes its fields (a record or a nested structure).
template <class T>
constexpr bool is_struct() {
  return requires(T & r, ProbeVisitor & v) {
    T::fields(r, v);
  };
}

template <class T>
bool is_empty_value(const T& v) {
  if constexpr (IsOptional<T>::value)
    return !v.has_value();
  else if constexpr (IsVector<T>::value || IsMap<T>::value)
    return v.empty();
  else if constexpr (std::is_same_v<T, std::string>)
    return v.empty();
  else
    return false;
}

// ---------------------------------------------------------------- YAML

// How messages name a column: "column 'proposer_nip'" in a CSV file, or the
// option that fills it, "--proposer-nip", on the command line.
inline std::string column_label(const std::string& column, bool command_line) {
  if (!command_line) return msg("column '{}'", column);
  // List columns are filled by repeatable options named for one item.
  static const std::map<std::string, std::string> kListOptions = {{"plan", "--step"},
                                                                  {"tags", "--tag"},
                                                                  {"ideas", "--idea"},
                                                                  {"evidence", "--evidence"},
                                                                  {"actual", "--actual"}};
  if (auto it = kListOptions.find(column); it != kListOptions.end()) return it->second;
  std::string option = "--" + column;
  for (char& c : option)
    if (c == '_') c = '-';
  return option;
}

struct DecodeContext {
  std::string path;
  Findings& findings;
  Origin& origin;
  bool command_line = false;  // CSV columns came from options: say --proposer-nip
  // Unknown fields given a "did you mean" so far: a hostile file can hold
  // thousands, and only the first few get one (text::Nearest::kMaxWords).
  std::size_t suggested = 0;

  std::string label(const std::string& column) const { return column_label(column, command_line); }
};

template <class T>
void decode_node(const yaml::Node& n, T& out, unsigned flags, const std::string& field,
                 DecodeContext& ctx);

class YamlDecoder {
 public:
  YamlDecoder(const yaml::Node& map, DecodeContext& ctx, std::string prefix)
      : map_(map), ctx_(ctx), prefix_(std::move(prefix)) {}

  template <class T>
  void operator()(const char* key, T& value, unsigned flags = 0) {
    known_.push_back(key);
    const yaml::Entry* e = map_.find(key);
    std::string field = prefix_ + key;
    if (!e || e->value.kind == yaml::Kind::kNull ||
        (e->value.kind == yaml::Kind::kScalar && e->value.value.empty() && !e->value.plain &&
         !(flags & kRequired))) {
      if (flags & kRequired)
        ctx_.findings.error(ctx_.path, e ? e->key_mark : map_.mark,
                            msg("missing required field '{}'", field));
      return;
    }
    ctx_.origin.fields.emplace_back(field, e->value.mark);
    std::size_t count = ctx_.findings.size();
    decode_node(e->value, value, flags, field, ctx_);
    if constexpr (std::is_same_v<T, std::string>) {
      if ((flags & kRequired) && value.empty() && ctx_.findings.size() == count)
        ctx_.findings.error(ctx_.path, e->value.mark, msg("'{}' must not be empty", field));
    }
  }

  void finish() {
    for (const auto& e : map_.entries) {
      bool known = false;
      for (const auto& k : known_) known = known || e.key == k;
      if (known) continue;
      std::string message = msg("unknown field '{}{}'", prefix_, e.key);
      if (ctx_.suggested++ < text::Nearest::kMaxWords)
        if (auto near = text::nearest(e.key, known_))
          message += msg(" (did you mean '{}'?)", *near);
      ctx_.findings.error(ctx_.path, e.key_mark, message);
    }
  }

 private:
  const yaml::Node& map_;
  DecodeContext& ctx_;
  std::string prefix_;
  std::vector<std::string> known_;
};

template <class T>
void decode_node(const yaml::Node& n, T& out, unsigned flags, const std::string& field,
                 DecodeContext& ctx) {
  // expected is marked tr_noop, as kind_name() is.
  auto wrong = [&](const char* expected) {
    ctx.findings.error(ctx.path, n.mark,
                       msg("'{}' must be {}, not {}", field, tr(expected), tr(n.kind_name())));
  };
  if constexpr (IsOptional<T>::value) {
    typename T::value_type inner{};
    std::size_t count = ctx.findings.size();
    decode_node(n, inner, flags, field, ctx);
    if (ctx.findings.size() == count) out = std::move(inner);
  } else if constexpr (IsVector<T>::value) {
    if (n.kind != yaml::Kind::kSequence) return wrong(tr_noop("a list"));
    for (std::size_t i = 0; i < n.items.size(); ++i) {
      typename T::value_type item{};
      std::string item_field = fmt::format("{}[{}]", field, i);
      ctx.origin.fields.emplace_back(item_field, n.items[i].mark);
      decode_node(n.items[i], item, flags & ~kRequired, item_field, ctx);
      out.push_back(std::move(item));
    }
  } else if constexpr (IsMap<T>::value) {
    if (n.kind != yaml::Kind::kMap) return wrong(tr_noop("a mapping"));
    for (const auto& e : n.entries) {
      typename T::key_type key{};
      std::string item_field = field + "." + e.key;
      if (auto error = parse_value(e.key, key)) {
        ctx.findings.error(ctx.path, e.key_mark, fmt::format("{}: {}", field, *error));
        continue;
      }
      typename T::mapped_type value{};
      std::size_t count = ctx.findings.size();
      ctx.origin.fields.emplace_back(item_field, e.value.mark);
      decode_node(e.value, value, flags & ~kRequired, item_field, ctx);
      if (ctx.findings.size() == count) out.emplace(std::move(key), std::move(value));
    }
  } else if constexpr (is_struct<T>()) {
    if (n.kind != yaml::Kind::kMap) return wrong(tr_noop("a mapping"));
    YamlDecoder decoder(n, ctx, field + ".");
    T::fields(out, decoder);
    decoder.finish();
  } else {
    if (n.kind != yaml::Kind::kScalar) return wrong(tr_noop("a single value"));
    if (auto error = parse_value(n.value, out))
      ctx.findings.error(ctx.path, n.mark, fmt::format("{}: {}", field, *error));
  }
}

// Reads a record from a parsed file; findings collect every problem.
template <class R>
R decode_record(const yaml::Node& root, const std::string& path, Findings& findings,
                Origin& origin) {
  R record{};
  origin.path = path;
  origin.mark = root.mark.line ? root.mark : Mark{1, 1};
  DecodeContext ctx{path, findings, origin};
  YamlDecoder decoder(root, ctx, "");
  R::fields(record, decoder);
  decoder.finish();
  return record;
}

template <class T>
yaml::Node encode_node(const T& value, unsigned flags);

class YamlEncoder {
 public:
  explicit YamlEncoder(bool flow) : node(yaml::Node::map(flow)) {}
  template <class T>
  void operator()(const char* key, const T& value, unsigned flags = 0) {
    if (is_empty_value(value) && !(flags & kRequired)) return;
    yaml::Node child = encode_node(value, flags);
    if (node.flow) child.flow = true;
    node.entries.push_back({key, {}, std::move(child)});
  }
  yaml::Node node;
};

template <class T>
yaml::Node encode_node(const T& value, unsigned flags) {
  if constexpr (IsOptional<T>::value) {
    return encode_node(*value, flags);
  } else if constexpr (IsVector<T>::value) {
    yaml::Node seq = yaml::Node::sequence(flags & kFlow);
    for (const auto& item : value) {
      yaml::Node child = encode_node(item, flags & ~kFlowItems);
      if (flags & (kFlow | kFlowItems)) child.flow = true;
      seq.items.push_back(std::move(child));
    }
    return seq;
  } else if constexpr (IsMap<T>::value) {
    yaml::Node map = yaml::Node::map(flags & kFlow);
    for (const auto& [key, item] : value) {
      yaml::Node child = encode_node(item, 0);
      child.flow = map.flow;
      map.entries.push_back({format_value(key), {}, std::move(child)});
    }
    return map;
  } else if constexpr (is_struct<T>()) {
    YamlEncoder encoder(flags & kFlow);
    T::fields(value, encoder);
    return std::move(encoder.node);
  } else {
    using S = yaml::ScalarStyle;
    S style = std::is_same_v<T, std::string> ? ((flags & kText) ? S::kText : S::kString) : S::kRaw;
    return yaml::Node::scalar(format_value(value), style);
  }
}

template <class R>
std::string encode_record(const R& record) {
  YamlEncoder encoder(false);
  R::fields(record, encoder);
  return yaml::emit(encoder.node);
}

}  // namespace inovasi
