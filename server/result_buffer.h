// Where a query's results wait until the query has finished: in memory, up to a cap. Holding
// them lets a query that fails halfway (its time limit, a storage error) still answer with an
// error status instead of a 200 cut short; the cap keeps a huge result from taking the
// server's memory.
#pragma once

#include <atomic>
#include <cstdint>
#include <ostream>
#include <streambuf>
#include <string>

namespace silk::server {

class ResultBuffer final : private std::streambuf {
 public:
  // Past `cap` bytes the buffer drops what it is given, says so in overflowed(), and sets
  // `stop` so that the query ends at its next check.
  ResultBuffer(std::uint64_t cap, std::atomic<bool>& stop)
      : cap_(cap), stop_(stop), stream_(this) {}
  ResultBuffer(const ResultBuffer&) = delete;
  ResultBuffer& operator=(const ResultBuffer&) = delete;

  std::ostream& stream() { return stream_; }
  bool overflowed() const { return overflowed_; }
  std::uint64_t cap() const { return cap_; }
  // The results written; the buffer is empty afterwards.
  std::string Take() { return std::move(text_); }

 private:
  std::streamsize xsputn(const char* data, std::streamsize size) override;
  int_type overflow(int_type c) override;

  std::uint64_t cap_;
  std::atomic<bool>& stop_;
  std::string text_;
  bool overflowed_ = false;
  std::ostream stream_;
};

}  // namespace silk::server
