// The first half of a load: the parser on a thread of its own, sending what it parses through
// a BatchPipe, so that parsing overlaps with encoding and inserting on the caller's thread.
#pragma once

#include <cstdint>
#include <exception>
#include <iosfwd>
#include <optional>
#include <thread>

#include "engine/load/batch_pipe.h"
#include "engine/load/counting_streambuf.h"
#include "engine/load/partition.h"
#include "grammar/parse_error.h"
#include "grammar/rdf/rdf_parser.h"

namespace silk::load {

class ParseStage {
 public:
  // Starts parsing `in`, which reads through `counting`, into `pipe`, and closes the pipe when
  // the parser ends. Until then the thread alone reads `in`, and it alone calls
  // options.on_bad_statement. With a `partition`, statements of other parts are dropped before
  // they reach the pipe. All arguments must outlive this object.
  ParseStage(std::istream& in, const CountingStreambuf& counting, const rdf::ParseOptions& options,
             std::optional<Partition> partition, BatchPipe& pipe);
  // If Finish() was not called (the caller is leaving by an exception), cancels the pipe and
  // waits for the thread: no thread outlives a load.
  ~ParseStage();
  ParseStage(const ParseStage&) = delete;
  ParseStage& operator=(const ParseStage&) = delete;

  // Waits for the parser to end: call it once the pipe has been received to its end or
  // cancelled. Returns the parser's syntax error, or rethrows what it threw.
  std::optional<ParseError> Finish();

  // Statements dropped as another part's; read it after Finish().
  std::uint64_t other_parts() const { return other_parts_; }

 private:
  void Run();

  std::istream& in_;
  const CountingStreambuf& counting_;
  const rdf::ParseOptions& options_;
  const std::optional<Partition> partition_;
  BatchPipe& pipe_;
  std::optional<ParseError> error_;
  std::uint64_t other_parts_ = 0;
  std::exception_ptr thrown_;
  std::thread thread_;  // last: starts once everything it uses is set
};

}  // namespace silk::load
