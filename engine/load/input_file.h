// One input of a load as the loaders read it: a file, or standard input, decompressed on the
// fly when its name ends in ".gz".
#pragma once

#include <cstdint>
#include <fstream>
#include <istream>
#include <memory>
#include <string>

#include "engine/load/counting_streambuf.h"
#include "engine/load/gzip_stream.h"
#include "engine/status.h"

namespace silk::load {

class InputFile {
 public:
  // `path` "-" is standard input (never decompressed: pipe it through gunzip, or use --format
  // with a file). Errors: kIOError naming the file and the system's reason.
  static Result<std::unique_ptr<InputFile>> Open(const std::string& path);

  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  // The text to parse (decompressed). Valid as long as this object.
  std::istream& stream() { return stream_; }
  // For messages: the path, or "<stdin>".
  const std::string& name() const { return name_; }
  // Bytes of the file itself (compressed ones, for .gz) read so far, and its size; the size
  // is 0 when unknown (standard input, a pipe). position() may be asked from another thread
  // while the stream is read (LoadOptions::on_progress runs beside the parser's thread).
  std::uint64_t position() const { return counting_->bytes_taken(); }
  std::uint64_t size() const { return size_; }
  // Why the data could not be read (a damaged .gz), in words; empty when that is not the case.
  std::string error() const { return gzip_ ? gzip_->error() : std::string(); }

 private:
  InputFile() : stream_(nullptr) {}

  std::string name_;
  std::uint64_t size_ = 0;
  std::ifstream file_;
  std::unique_ptr<CountingStreambuf> counting_;
  std::unique_ptr<GzipStreambuf> gzip_;
  std::istream stream_;
};

}  // namespace silk::load
