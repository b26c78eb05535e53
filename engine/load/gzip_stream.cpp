#include "engine/load/gzip_stream.h"

#include <zlib.h>

#include <cstring>
#include <ios>
#include <utility>

namespace silk::load {
namespace {

constexpr std::size_t kInBytes = std::size_t{1} << 18;
constexpr std::size_t kOutBytes = std::size_t{1} << 20;
// 15 bits of window, +32: detect a gzip or zlib header by itself.
constexpr int kWindowBitsAutoDetect = 15 + 32;

}  // namespace

struct GzipStreambuf::Inflater {
  z_stream z{};
  bool initialised = false;
};

bool IsGzipPath(std::string_view path) { return path.ends_with(".gz"); }

GzipStreambuf::GzipStreambuf(std::streambuf* source)
    : source_(source),
      inflater_(std::make_unique<Inflater>()),
      in_(std::make_unique_for_overwrite<char[]>(kInBytes)),
      out_(std::make_unique_for_overwrite<char[]>(kOutBytes)) {
  if (inflateInit2(&inflater_->z, kWindowBitsAutoDetect) == Z_OK) {
    inflater_->initialised = true;
  } else {
    error_ = "cannot start gzip decompression (out of memory)";
  }
}

GzipStreambuf::~GzipStreambuf() {
  if (inflater_->initialised) {
    inflateEnd(&inflater_->z);
  }
}

std::size_t GzipStreambuf::FailAfter(std::size_t produced, std::string message) {
  if (error_.empty()) {
    error_ = std::move(message);
  }
  if (produced > 0) {
    return produced;  // the text before the damage still reaches the parser
  }
  Fail(error_);
}

void GzipStreambuf::Fail(std::string message) {
  if (error_.empty()) {
    error_ = std::move(message);
  }
  // std::istream catches this and sets badbit; it never leaves the stream's read call.
  throw std::ios_base::failure(error_);
}

GzipStreambuf::int_type GzipStreambuf::underflow() {
  if (gptr() < egptr()) {
    return traits_type::to_int_type(*gptr());
  }
  if (!error_.empty()) {
    Fail(error_);
  }
  const std::size_t n = Inflate();
  if (n == 0) {
    return traits_type::eof();
  }
  setg(out_.get(), out_.get(), out_.get() + n);
  return traits_type::to_int_type(*gptr());
}

std::size_t GzipStreambuf::Inflate() {
  z_stream& z = inflater_->z;
  z.next_out = reinterpret_cast<Bytef*>(out_.get());
  z.avail_out = static_cast<uInt>(kOutBytes);
  while (z.avail_out == kOutBytes) {
    if (z.avail_in == 0 && !source_done_) {
      const std::streamsize n = source_->sgetn(in_.get(), static_cast<std::streamsize>(kInBytes));
      if (n <= 0) {
        source_done_ = true;
      } else {
        compressed_read_ += static_cast<std::uint64_t>(n);
        z.next_in = reinterpret_cast<Bytef*>(in_.get());
        z.avail_in = static_cast<uInt>(n);
      }
    }
    if (z.avail_in == 0 && source_done_) {
      if (stream_ended_ || compressed_read_ == 0) {
        return 0;  // the end, after a complete member (or an empty file)
      }
      return FailAfter(kOutBytes - z.avail_out, "the gzip data ends early (the file is truncated)");
    }
    if (stream_ended_) {
      // More bytes after a complete member: the next member of a concatenated file.
      if (inflateReset(&z) != Z_OK) {
        Fail("cannot restart gzip decompression");
      }
      stream_ended_ = false;
    }
    const int rc = inflate(&z, Z_NO_FLUSH);
    if (rc == Z_STREAM_END) {
      stream_ended_ = true;
      ++members_ended_;
    } else if (rc == Z_DATA_ERROR) {
      // total_out counts from the last reset: nothing out yet means the header was wrong.
      if (z.total_out == 0) {
        return FailAfter(kOutBytes - z.avail_out,
                         members_ended_ == 0 ? "not gzip data (no gzip header)"
                                             : "unexpected bytes after the end of the gzip data");
      }
      return FailAfter(kOutBytes - z.avail_out,
                       std::string("damaged gzip data: ") + (z.msg != nullptr ? z.msg : "corrupt"));
    } else if (rc == Z_MEM_ERROR) {
      Fail("out of memory while decompressing gzip data");
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      Fail("damaged gzip data");
    }
  }
  return kOutBytes - z.avail_out;
}

}  // namespace silk::load
