#include "engine/load/quad_batch.h"

#include <algorithm>
#include <cstring>
#include <string_view>

namespace silk::load {

void QuadBatch::Add(const rdf::QuadView& quad) {
  const rdf::TermView* terms[4] = {&quad.subject, &quad.predicate, &quad.object, &quad.graph};
  std::size_t bytes = 0;
  for (const rdf::TermView* term : terms) {
    bytes += term->value.size() + term->datatype.size() + term->language.size();
  }
  Reserve(bytes);
  PackedQuad& packed = quads_.emplace_back();
  for (int i = 0; i < 4; ++i) {
    packed.terms[i] = Pack(*terms[i]);
  }
}

rdf::QuadView QuadBatch::quad(std::size_t i) const {
  const PackedQuad& packed = quads_[i];
  return rdf::QuadView{Unpack(packed.terms[0]), Unpack(packed.terms[1]), Unpack(packed.terms[2]),
                       Unpack(packed.terms[3])};
}

void QuadBatch::Clear() {
  quads_.clear();
  used_ = 0;
  input_bytes = 0;
}

QuadBatch::PackedTerm QuadBatch::Pack(const rdf::TermView& term) {
  const PackedTerm packed{static_cast<std::uint32_t>(used_),
                          static_cast<std::uint32_t>(term.value.size()),
                          static_cast<std::uint32_t>(term.datatype.size()),
                          static_cast<std::uint32_t>(term.language.size()), term.kind};
  for (const std::string_view part : {term.value, term.datatype, term.language}) {
    if (!part.empty()) {  // an empty view may have no data() to copy from
      std::memcpy(bytes_.get() + used_, part.data(), part.size());
      used_ += part.size();
    }
  }
  return packed;
}

rdf::TermView QuadBatch::Unpack(const PackedTerm& term) const {
  const char* at = bytes_.get() + term.offset;
  const std::string_view value(at, term.value_size);
  const std::string_view datatype(at + term.value_size, term.datatype_size);
  const std::string_view language(at + term.value_size + term.datatype_size, term.language_size);
  return rdf::TermView{term.kind, value, datatype, language};
}

void QuadBatch::Reserve(std::size_t more) {
  if (used_ + more <= capacity_) {
    return;
  }
  // Doubling, from a start that suits small loads: a batch grows to its working size within
  // its first few uses and then stays there.
  const std::size_t capacity = std::max({used_ + more, 2 * capacity_, std::size_t{64} << 10});
  std::unique_ptr<char[]> grown(new char[capacity]);
  if (used_ > 0) {
    std::memcpy(grown.get(), bytes_.get(), used_);
  }
  bytes_ = std::move(grown);
  capacity_ = capacity;
}

}  // namespace silk::load
