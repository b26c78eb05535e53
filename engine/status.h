// Status and Result<T>: how every engine API reports failure. No exception leaves a module.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "grammar/parse_error.h"

namespace silk {

// The kind of a failure decides the process exit code (see shell/exit_codes.h).
enum class StatusCode : unsigned char {
  kOk,
  kInvalidArgument,  // bad user input: malformed data, bad term, wrong query (exit 1)
  kNotFound,         // a looked-up thing does not exist (exit 1)
  kBusy,             // the store is in use by another writer (exit 3)
  kCorruption,       // the store's contents are inconsistent (exit 3)
  kIOError,          // the disk said no: full, permissions, missing (exit 3)
  kIncompatible,     // a store of another format version (exit 3)
  kCancelled,        // the user or a timeout stopped the work (exit 1)
  kIndeterminate,    // the disk failed while a write was made durable: it may or may not have
                     // taken effect (exit 3)
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return {}; }
  static Status InvalidArgument(std::string msg) { return {StatusCode::kInvalidArgument, std::move(msg)}; }
  static Status NotFound(std::string msg) { return {StatusCode::kNotFound, std::move(msg)}; }
  static Status Busy(std::string msg) { return {StatusCode::kBusy, std::move(msg)}; }
  static Status Corruption(std::string msg) { return {StatusCode::kCorruption, std::move(msg)}; }
  static Status IOError(std::string msg) { return {StatusCode::kIOError, std::move(msg)}; }
  static Status Incompatible(std::string msg) { return {StatusCode::kIncompatible, std::move(msg)}; }
  static Status Cancelled(std::string msg) { return {StatusCode::kCancelled, std::move(msg)}; }
  static Status Indeterminate(std::string msg) { return {StatusCode::kIndeterminate, std::move(msg)}; }
  // A syntax error keeps its position so callers can print it with a caret.
  static Status Syntax(ParseError error) {
    Status s(StatusCode::kInvalidArgument, error.ToString());
    s.parse_error_ = std::move(error);
    return s;
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  // A message for a person; empty when ok().
  const std::string& message() const { return message_; }
  // Set only for syntax errors.
  const std::optional<ParseError>& parse_error() const { return parse_error_; }

 private:
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::optional<ParseError> parse_error_;
};

// A value or the Status saying why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : state_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(state_).ok() && "a Result from a Status must carry an error");
  }

  bool ok() const { return std::holds_alternative<T>(state_); }
  // REQUIRES: !ok()
  const Status& status() const { return std::get<Status>(state_); }
  // REQUIRES: ok()
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace silk

// Returns early from the enclosing function when `expr` yields a non-ok Status.
#define SILK_RETURN_IF_ERROR(expr)             \
  do {                                         \
    ::silk::Status silk_status_ = (expr);      \
    if (!silk_status_.ok()) return silk_status_; \
  } while (false)
