// Reading gzip-compressed input as a plain stream, so every parser can read `data.nt.gz`.
#pragma once

#include <cstdint>
#include <memory>
#include <streambuf>
#include <string>
#include <string_view>

namespace silk::load {

// Whether `path` names a gzip file by its extension (".gz").
bool IsGzipPath(std::string_view path);

// A stream buffer that inflates the gzip (or zlib) data read from `source`. Concatenated gzip
// members, as `cat a.gz b.gz` or pigz make, are read one after another. Data that is not
// gzip, is damaged, or ends before its trailer is an error: reading then fails (the istream
// gets badbit) and error() says why in words, so a truncated file never loads as if it were
// whole. `source` must outlive it. Not thread-safe.
class GzipStreambuf final : public std::streambuf {
 public:
  explicit GzipStreambuf(std::streambuf* source);
  ~GzipStreambuf() override;
  GzipStreambuf(const GzipStreambuf&) = delete;
  GzipStreambuf& operator=(const GzipStreambuf&) = delete;

  // Compressed bytes taken from `source` so far (for progress against the file's size).
  std::uint64_t compressed_bytes_read() const { return compressed_read_; }
  // Empty while all is well.
  const std::string& error() const { return error_; }

 protected:
  int_type underflow() override;

 private:
  struct Inflater;  // zlib's state; <zlib.h> stays out of this header

  // Fills out_ with inflated bytes; returns how many (0 at the end or on error).
  std::size_t Inflate();
  // Records the first error; the istream reading us turns the throw into badbit.
  [[noreturn]] void Fail(std::string message);
  // Records the error but first hands on the `produced` bytes inflated before it, if any;
  // the next read fails.
  std::size_t FailAfter(std::size_t produced, std::string message);

  std::streambuf* source_;
  std::unique_ptr<Inflater> inflater_;
  std::unique_ptr<char[]> in_;
  std::unique_ptr<char[]> out_;
  std::uint64_t compressed_read_ = 0;
  bool source_done_ = false;
  bool stream_ended_ = false;  // the last member seen so far ended with its trailer
  std::uint64_t members_ended_ = 0;
  std::string error_;
};

}  // namespace silk::load
