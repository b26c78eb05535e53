// libFuzzer target: the term codec (engine/storage/term_codec.h).
//
// Input: one byte choosing a mode, then
//   modes 0-2, a term: kind (0 IRI, 1 literal, 2 blank) and value '\0' datatype '\0' language.
//     Round trip: an inlined literal decodes to exactly the term; an IRI's or literal's record
//     decodes to exactly the term. Inlined ids keep value order (checked against a second term
//     after the first, separated by '\1').
//   mode 3, stored bytes: an 8-byte id and a record, decoded as if read from a damaged store;
//     decoding must fail cleanly or give a term, never crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "engine/storage/term_codec.h"

namespace {

using silk::rdf::TermKind;
using silk::rdf::TermView;

void Check(bool condition) {
  if (!condition) {
    std::abort();
  }
}

TermView ParseTerm(std::string_view text) {
  const std::size_t a = text.find('\0');
  const std::string_view value = text.substr(0, a);
  std::string_view datatype;
  std::string_view language;
  if (a != std::string_view::npos) {
    const std::string_view rest = text.substr(a + 1);
    const std::size_t b = rest.find('\0');
    datatype = rest.substr(0, b);
    if (b != std::string_view::npos) {
      language = rest.substr(b + 1);
    }
  }
  if (!language.empty()) {
    datatype = {};  // a language-tagged string has no datatype of its own
  }
  return TermView::Literal(value, datatype, language);
}

void RoundTrip(TermView term) {
  term = term.Canonical();
  if (term.IsLiteral()) {
    if (const auto id = silk::storage::TryInline(term)) {
      const auto decoded = silk::storage::DecodeInlined(*id);
      Check(decoded.has_value());
      Check(decoded->view() == term);
      return;
    }
  }
  if (term.IsBlank()) {
    return;
  }
  std::string record;
  silk::storage::AppendTermRecord(term, &record);
  const silk::storage::TermId id =
      silk::storage::MakeTermId(silk::storage::DictionaryTag(term), 1);
  const auto decoded = silk::storage::DecodeTermRecord(id, record);
  Check(decoded.has_value());
  Check(decoded->view() == term);
  std::string key = record;
  silk::storage::ToTermKey(&key);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) {
    return 0;
  }
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 4) {
    case 0: RoundTrip(TermView::Iri(text.substr(0, text.find('\0')))); break;
    case 1: {
      const std::size_t split = text.find('\1');
      const TermView a = ParseTerm(text.substr(0, split));
      RoundTrip(a);
      if (split != std::string_view::npos) {
        const TermView b = ParseTerm(text.substr(split + 1));
        RoundTrip(b);
        // Within one inlined tag, id order is value order: equal ids mean equal terms.
        const auto ia = silk::storage::TryInline(a.Canonical());
        const auto ib = silk::storage::TryInline(b.Canonical());
        if (ia && ib && *ia == *ib) {
          Check(a.Canonical() == b.Canonical());
        }
      }
      break;
    }
    case 2: RoundTrip(TermView::Blank(text)); break;
    default: {
      if (text.size() < 8) {
        return 0;
      }
      silk::storage::TermId id = 0;
      std::memcpy(&id, text.data(), 8);
      (void)silk::storage::DecodeInlined(id);
      (void)silk::storage::DecodeTermRecord(id, text.substr(8));
      break;
    }
  }
  return 0;
}
