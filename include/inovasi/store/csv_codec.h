// The CSV side of the one codec: a record's fields flattened to columns
// (nested ones as prefix_name, lists in one cell), read and written by
// walking the same fields() list as the YAML side.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "inovasi/store/codec.h"

namespace inovasi {

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
      numeric.insert(numeric.end(), nested.numeric.begin(), nested.numeric.end());
    } else {
      names.push_back(prefix_ + key);
      numeric.push_back(std::is_arithmetic_v<U>);
    }
  }
  std::vector<std::string> names;
  std::vector<bool> numeric;  // a number column: never neutralised, a number in JSON

 private:
  std::string prefix_;
};

template <class R>
CsvColumns csv_layout() {
  CsvColumns columns;
  R probe{};
  R::fields(probe, columns);
  return columns;
}

template <class R>
std::vector<std::string> csv_columns() {
  return csv_layout<R>().names;
}

// One cell of an input row: its text and where it stands in the file.
struct CsvCell {
  std::string text;
  Mark mark;
};

// Reads a row into a record. A new record starts empty and takes every cell
// given. Over an existing record (an update) a column the row does not have
// keeps the record's value, and an empty cell clears it: what the row does
// not mention is never lost.
class CsvDecoder {
 public:
  CsvDecoder(const std::map<std::string, CsvCell>& row, DecodeContext& ctx, std::string prefix,
             bool over_existing = false)
      : row_(row), ctx_(ctx), prefix_(std::move(prefix)), over_existing_(over_existing) {}

  template <class T>
  void operator()(const char* key, T& value, unsigned flags = 0) {
    if (flags & kNoCsv) return;
    std::string column = prefix_ + key;
    std::string field = dotted(column);
    using U = typename Unwrap<T>::type;
    if constexpr (!IsVector<U>::value && is_struct<U>()) {
      U inner{};
      if (over_existing_) {
        if constexpr (IsOptional<T>::value) {
          if (value) inner = *value;
        } else {
          inner = value;
        }
      }
      CsvDecoder nested(row_, ctx_, column + "_", over_existing_);
      U::fields(inner, nested);
      if (over_existing_ ? nested.given_ : nested.any_) {
        any_ = any_ || nested.any_;
        given_ = true;
        if constexpr (IsOptional<T>::value) {
          // A nested value whose every column was cleared is left out.
          if (over_existing_ && !nested.any_ && is_blank(inner))
            value.reset();
          else
            value = std::move(inner);
        } else {
          value = std::move(inner);
        }
      }
    } else {
      auto it = row_.find(column);
      if (it == row_.end() && over_existing_) return;  // not mentioned: kept
      if (it == row_.end() || text::trim(it->second.text).empty()) {
        if (flags & kRequired)
          ctx_.findings.error(ctx_.path, it == row_.end() ? ctx_.origin.mark : it->second.mark,
                              msg("{} is required", ctx_.label(column)));
        else if (over_existing_) {
          value = T{};  // an empty cell clears the field
          given_ = true;
        }
        return;
      }
      any_ = given_ = true;
      const CsvCell& cell = it->second;
      ctx_.origin.fields.emplace_back(field, cell.mark);
      std::string_view raw = (flags & kText) ? std::string_view(cell.text) : text::trim(cell.text);
      T fresh{};  // a list given replaces the list as a whole
      if (auto error = decode_cell(raw, fresh))
        ctx_.findings.error(ctx_.path, cell.mark,
                            fmt::format("{}: {}", ctx_.label(column), *error));
      else
        value = std::move(fresh);
    }
  }

 private:
  const std::map<std::string, CsvCell>& row_;
  DecodeContext& ctx_;
  std::string prefix_;
  bool over_existing_ = false;
  bool any_ = false;    // a cell of this level had a value
  bool given_ = false;  // a column of this level was in the row, empty or not

  template <class U>
  static bool is_blank(const U& nested) {
    YamlEncoder encoder(false);
    U::fields(nested, encoder);
    return encoder.node.entries.empty();
  }

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
          error = tr("this field has no CSV form");
        if (error) return error;
        out.push_back(std::move(item));
      }
      return std::nullopt;
    } else if constexpr (requires { parse_pairs(raw, out); }) {
      return parse_pairs(raw, out);
    } else if constexpr (IsMap<T>::value) {
      return tr("this field has no CSV form");
    } else {
      return parse_value(raw, out);
    }
  }
};

// existing: the record an update starts from; its fields the row does not
// name are kept.
template <class R>
R decode_csv_row(const std::map<std::string, CsvCell>& row, const std::string& path, Mark mark,
                 Findings& findings, Origin& origin, bool command_line = false,
                 const R* existing = nullptr) {
  R record = existing ? *existing : R{};
  origin.path = path;
  origin.mark = mark;
  origin.form = command_line ? Origin::Form::kOptions : Origin::Form::kCsv;
  DecodeContext ctx{path, findings, origin, command_line};
  CsvDecoder decoder(row, ctx, "", existing != nullptr);
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
