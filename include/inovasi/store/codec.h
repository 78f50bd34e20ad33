// The one codec: every record type is read from and written to YAML and CSV
// by walking its fields() list. Nothing here is specific to a record type.
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
  if (!command_line) return fmt::format("column '{}'", column);
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
                            fmt::format("missing required field '{}'", field));
      return;
    }
    ctx_.origin.fields.emplace_back(field, e->value.mark);
    std::size_t count = ctx_.findings.size();
    decode_node(e->value, value, flags, field, ctx_);
    if constexpr (std::is_same_v<T, std::string>) {
      if ((flags & kRequired) && value.empty() && ctx_.findings.size() == count)
        ctx_.findings.error(ctx_.path, e->value.mark, fmt::format("'{}' must not be empty", field));
    }
  }

  void finish() {
    for (const auto& e : map_.entries) {
      bool known = false;
      for (const auto& k : known_) known = known || e.key == k;
      if (known) continue;
      std::string message = fmt::format("unknown field '{}{}'", prefix_, e.key);
      if (auto near = text::nearest(e.key, known_))
        message += fmt::format(" (did you mean '{}'?)", *near);
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
  auto wrong = [&](std::string_view expected) {
    ctx.findings.error(ctx.path, n.mark,
                       fmt::format("'{}' must be {}, not {}", field, expected, n.kind_name()));
  };
  if constexpr (IsOptional<T>::value) {
    typename T::value_type inner{};
    std::size_t count = ctx.findings.size();
    decode_node(n, inner, flags, field, ctx);
    if (ctx.findings.size() == count) out = std::move(inner);
  } else if constexpr (IsVector<T>::value) {
    if (n.kind != yaml::Kind::kSequence) return wrong("a list");
    for (std::size_t i = 0; i < n.items.size(); ++i) {
      typename T::value_type item{};
      std::string item_field = fmt::format("{}[{}]", field, i);
      ctx.origin.fields.emplace_back(item_field, n.items[i].mark);
      decode_node(n.items[i], item, flags & ~kRequired, item_field, ctx);
      out.push_back(std::move(item));
    }
  } else if constexpr (IsMap<T>::value) {
    if (n.kind != yaml::Kind::kMap) return wrong("a mapping");
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
    if (n.kind != yaml::Kind::kMap) return wrong("a mapping");
    YamlDecoder decoder(n, ctx, field + ".");
    T::fields(out, decoder);
    decoder.finish();
  } else {
    if (n.kind != yaml::Kind::kScalar) return wrong("a single value");
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

// ---------------------------------------------------------------- CSV
// Nested fields flatten to prefix_name columns; lists share one cell.

class CsvColumns {
 public:
  explicit CsvColumns(std::string prefix = {}) : prefix_(std::move(prefix)) {}
  template <class T>
  void operator()(const char* key, const T&, unsigned flags = 0) {
    using U = typename Unwrap<T>::type;
    if (flags & kNoCsv) return;
    if constexpr (!IsVector<U>::value && is_struct<U>()) {
      CsvColumns nested(prefix_ + key + "_");
      U probe{};
      U::fields(probe, nested);
      names.insert(names.end(), nested.names.begin(), nested.names.end());
    } else {
      names.push_back(prefix_ + key);
    }
  }
  std::vector<std::string> names;

 private:
  std::string prefix_;
};

template <class R>
std::vector<std::string> csv_columns() {
  CsvColumns columns;
  R probe{};
  R::fields(probe, columns);
  return columns.names;
}

// One cell of an input row: its text and where it stands in the file.
struct CsvCell {
  std::string text;
  Mark mark;
};

class CsvDecoder {
 public:
  CsvDecoder(const std::map<std::string, CsvCell>& row, DecodeContext& ctx, std::string prefix)
      : row_(row), ctx_(ctx), prefix_(std::move(prefix)) {}

  template <class T>
  void operator()(const char* key, T& value, unsigned flags = 0) {
    if (flags & kNoCsv) return;
    std::string column = prefix_ + key;
    std::string field = dotted(column);
    using U = typename Unwrap<T>::type;
    if constexpr (!IsVector<U>::value && is_struct<U>()) {
      U inner{};
      CsvDecoder nested(row_, ctx_, column + "_");
      U::fields(inner, nested);
      if (nested.any_) {
        value = std::move(inner);
        any_ = true;
      }
    } else {
      auto it = row_.find(column);
      if (it == row_.end() || text::trim(it->second.text).empty()) {
        if (flags & kRequired)
          ctx_.findings.error(ctx_.path, it == row_.end() ? ctx_.origin.mark : it->second.mark,
                              fmt::format("{} is required", ctx_.label(column)));
        return;
      }
      any_ = true;
      const CsvCell& cell = it->second;
      ctx_.origin.fields.emplace_back(field, cell.mark);
      std::string_view raw = (flags & kText) ? std::string_view(cell.text) : text::trim(cell.text);
      if (auto error = decode_cell(raw, value))
        ctx_.findings.error(ctx_.path, cell.mark,
                            fmt::format("{}: {}", ctx_.label(column), *error));
    }
  }

 private:
  const std::map<std::string, CsvCell>& row_;
  DecodeContext& ctx_;
  std::string prefix_;
  bool any_ = false;

  // "proposer_nip" is the field "proposer.nip" for messages and positions.
  std::string dotted(const std::string& column) const {
    if (prefix_.empty()) return column;
    return prefix_.substr(0, prefix_.size() - 1) + "." + column.substr(prefix_.size());
  }

  template <class T>
  static std::optional<std::string> decode_cell(std::string_view raw, T& out) {
    if constexpr (IsOptional<T>::value) {
      typename T::value_type inner{};
      auto error = decode_cell(raw, inner);
      if (!error) out = std::move(inner);
      return error;
    } else if constexpr (IsVector<T>::value) {
      for (const auto& item_text : split_list_cell(raw)) {
        typename T::value_type item{};
        std::optional<std::string> error;
        if constexpr (requires { parse_item(item_text, item); })
          error = parse_item(item_text, item);
        else if constexpr (requires { parse_value(item_text, item); })
          error = parse_value(item_text, item);
        else
          error = "this field has no CSV form";
        if (error) return error;
        out.push_back(std::move(item));
      }
      return std::nullopt;
    } else if constexpr (requires { parse_pairs(raw, out); }) {
      return parse_pairs(raw, out);
    } else if constexpr (IsMap<T>::value) {
      return std::string("this field has no CSV form");
    } else {
      return parse_value(raw, out);
    }
  }
};

template <class R>
R decode_csv_row(const std::map<std::string, CsvCell>& row, const std::string& path, Mark mark,
                 Findings& findings, Origin& origin, bool command_line = false) {
  R record{};
  origin.path = path;
  origin.mark = mark;
  origin.form = command_line ? Origin::Form::kOptions : Origin::Form::kCsv;
  DecodeContext ctx{path, findings, origin, command_line};
  CsvDecoder decoder(row, ctx, "");
  R::fields(record, decoder);
  return record;
}

class CsvEncoder {
 public:
  explicit CsvEncoder(std::string prefix = {}) : prefix_(std::move(prefix)) {}
  template <class T>
  void operator()(const char* key, const T& value, unsigned flags = 0) {
    using U = typename Unwrap<T>::type;
    if (flags & kNoCsv) return;
    if constexpr (!IsVector<U>::value && is_struct<U>()) {
      CsvEncoder nested(prefix_ + key + "_");
      U inner = value_or_empty(value);
      U::fields(inner, nested);
      cells.insert(cells.end(), nested.cells.begin(), nested.cells.end());
    } else {
      cells.push_back(encode_cell(value));
    }
  }
  std::vector<std::string> cells;

 private:
  std::string prefix_;
  template <class T>
  static T value_or_empty(const std::optional<T>& v) {
    return v ? *v : T{};
  }
  template <class T>
  static T value_or_empty(const T& v) {
    return v;
  }
  template <class T>
  static std::string encode_cell(const T& value) {
    if constexpr (IsOptional<T>::value) {
      return value ? encode_cell(*value) : std::string();
    } else if constexpr (IsVector<T>::value) {
      std::vector<std::string> items;
      for (const auto& item : value) {
        if constexpr (requires { format_item(item); })
          items.push_back(format_item(item));
        else if constexpr (requires { format_value(item); })
          items.push_back(format_value(item));
      }
      return join_list_cell(items);
    } else if constexpr (requires { format_pairs(value); }) {
      return format_pairs(value);
    } else if constexpr (IsMap<T>::value) {
      return std::string();
    } else {
      return format_value(value);
    }
  }
};

template <class R>
std::vector<std::string> encode_csv_row(const R& record) {
  CsvEncoder encoder;
  R::fields(record, encoder);
  return encoder.cells;
}

}  // namespace inovasi
