// The report of a load with --skip-bad: every malformed statement it left out, as an N-Triples
// comment saying where and why, then the line as written, so that the report can be fixed and
// loaded again.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "engine/status.h"
#include "grammar/parse_error.h"

namespace silk::shell {

// Why `report_path` must not receive a report, or Ok: it is the same file as one of `inputs`
// (the same device and inode, whatever the names or symlinks in between), or it lies inside
// the store directory `store_dir` (which need not exist yet). "-" in `inputs` is standard
// input and is skipped. Errors: kInvalidArgument, naming both.
Status CheckReportPath(const std::string& report_path, const std::vector<std::string>& inputs,
                       const std::string& store_dir);

// The report is written to a temporary file beside its path and renamed over it only when
// complete, so an existing file at the path is replaced whole or not at all, and a load that
// fails part way leaves no half-written report. Not thread-safe: a load adds to it from its
// parser's thread only.
class RejectReport {
 public:
  explicit RejectReport(std::string path) : path_(std::move(path)) {}
  // Removes the temporary file unless Close() renamed it.
  ~RejectReport();
  RejectReport(const RejectReport&) = delete;
  RejectReport& operator=(const RejectReport&) = delete;

  // Creates the temporary file; false (with errno set) when it cannot be written. Called
  // before the store is touched, so an unwritable path costs nothing.
  bool Open();
  // REQUIRES: Open() succeeded and Close() was not called.
  void Add(const ParseError& error);
  // Writes the report out and renames it to its path. A report with nothing in it is not
  // written at all (the temporary file is removed; a file already at the path stays as it
  // was). False (with errno set) when the file could not be written.
  bool Close();

  const std::string& path() const { return path_; }
  std::uint64_t count() const { return count_; }

 private:
  std::string path_;
  std::string temp_path_;
  std::FILE* file_ = nullptr;
  std::uint64_t count_ = 0;
};

}  // namespace silk::shell
