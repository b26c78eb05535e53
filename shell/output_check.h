// Output that must arrive whole. A dump or a result written to a full disk fails loudly
// (exit code 3, "cannot write the output: the disk is full") instead of leaving a truncated
// file behind a success.
#pragma once

#include <atomic>
#include <iosfwd>

#include "engine/query/results/result_writer.h"
#include "engine/status.h"

namespace silk::shell {

// IOError "cannot write the output: the disk is full" for ENOSPC, else with the errno text
// (or "the write failed" when `error_number` is 0).
Status OutputError(int error_number);

// Flushes `out` and says whether everything written to it arrived. For std::cout it flushes
// and checks the C library's stdout too, which std::cout writes through.
Status FlushAndCheck(std::ostream& out);

// At the end of the program: flushes and closes stdout, and says whether it all arrived (a
// full disk may be reported only here, when the last buffer is written).
Status CloseStdout();

// Passes results on to `inner`, which writes to `out`. Once `out` has failed it passes
// nothing more and sets `cancel`, so that a long query stops at its next check instead of
// computing rows nobody can receive.
// REQUIRES: `inner`, `out` and `cancel` outlive the writer. Not thread-safe.
class CheckedResultWriter final : public query::ResultWriter {
 public:
  CheckedResultWriter(query::ResultWriter& inner, std::ostream& out, std::atomic<bool>& cancel)
      : inner_(inner), out_(out), cancel_(cancel) {}
  CheckedResultWriter(const CheckedResultWriter&) = delete;
  CheckedResultWriter& operator=(const CheckedResultWriter&) = delete;

  void Begin(const std::vector<std::string>& variables) override;
  void WriteRow(query::Row row) override;
  void WriteTriple(const rdf::QuadView& triple) override;
  void End() override;
  void WriteBoolean(bool value) override;

  // Ok, or the output error that stopped the results. Call after the query, before
  // reporting its own status: a query stopped by a failed write reports the write.
  Status status();

 private:
  void Check();

  query::ResultWriter& inner_;
  std::ostream& out_;
  std::atomic<bool>& cancel_;
  int error_ = 0;
  bool failed_ = false;
};

}  // namespace silk::shell
