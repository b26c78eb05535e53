#include "server/result_buffer.h"

namespace silk::server {

std::streamsize ResultBuffer::xsputn(const char* data, std::streamsize size) {
  if (overflowed_) return size;
  if (text_.size() + static_cast<std::uint64_t>(size) > cap_) {
    overflowed_ = true;
    text_.clear();
    text_.shrink_to_fit();
    stop_.store(true);
    return size;  // not an error to the writer: the query stops through `stop_`
  }
  text_.append(data, static_cast<std::size_t>(size));
  return size;
}

ResultBuffer::int_type ResultBuffer::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  const char ch = traits_type::to_char_type(c);
  xsputn(&ch, 1);
  return c;
}

}  // namespace silk::server
