// The report of a load with --skip-bad: every malformed statement it left out, as an N-Triples
// comment saying where and why, then the line as written, so that the report can be fixed and
// loaded again.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

#include "grammar/parse_error.h"

namespace silk::shell {

// Not thread-safe: a load adds to it from its parser's thread only.
class RejectReport {
 public:
  explicit RejectReport(std::string path) : path_(std::move(path)) {}
  ~RejectReport();
  RejectReport(const RejectReport&) = delete;
  RejectReport& operator=(const RejectReport&) = delete;

  // Creates the file; false (with errno set) when it cannot be written. Called before the
  // store is touched, so an unwritable path costs nothing.
  bool Open();
  // REQUIRES: Open() succeeded and Close() was not called.
  void Add(const ParseError& error);
  // Flushes; a report with nothing in it is removed rather than left to puzzle anyone. False
  // (with errno set) when the file could not be written.
  bool Close();

  const std::string& path() const { return path_; }
  std::uint64_t count() const { return count_; }

 private:
  std::string path_;
  std::FILE* file_ = nullptr;
  std::uint64_t count_ = 0;
};

}  // namespace silk::shell
