#include "engine/load/counting_streambuf.h"

#include <algorithm>
#include <cstring>

namespace silk::load {

CountingStreambuf::int_type CountingStreambuf::underflow() {
  if (gptr() < egptr()) {
    return traits_type::to_int_type(*gptr());
  }
  const std::streamsize n =
      source_->sgetn(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  if (n <= 0) {
    return traits_type::eof();
  }
  Count(n);
  setg(buffer_.data(), buffer_.data(), buffer_.data() + n);
  return traits_type::to_int_type(*gptr());
}

std::streamsize CountingStreambuf::xsgetn(char* out, std::streamsize n) {
  // Whatever underflow() buffered goes first, then the rest comes straight from the source.
  const std::streamsize buffered = std::min<std::streamsize>(n, egptr() - gptr());
  if (buffered > 0) {
    std::memcpy(out, gptr(), static_cast<std::size_t>(buffered));
    gbump(static_cast<int>(buffered));
  }
  if (buffered == n) {
    return n;
  }
  const std::streamsize direct = source_->sgetn(out + buffered, n - buffered);
  if (direct > 0) {
    Count(direct);
  }
  return buffered + std::max<std::streamsize>(direct, 0);
}

}  // namespace silk::load
