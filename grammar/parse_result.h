// The outcome of parsing a text into a value: the value, or the ParseError that stopped it.
#pragma once

#include <utility>
#include <variant>

#include "grammar/parse_error.h"

namespace silk {

// Holds exactly one of a T or a ParseError. Move-only when T is.
template <typename T>
class ParseResult {
 public:
  ParseResult(T value) : state_(std::move(value)) {}           // NOLINT: implicit by design
  ParseResult(ParseError error) : state_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  // REQUIRES: ok().
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }

  // REQUIRES: !ok().
  const ParseError& error() const { return std::get<ParseError>(state_); }

 private:
  std::variant<T, ParseError> state_;
};

}  // namespace silk
