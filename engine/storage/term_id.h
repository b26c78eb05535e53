// TermId: every RDF term as a 64-bit number (see format.h for the tag layout).
//
// A 4-bit tag sits in the high bits and a 60-bit payload below it. Dictionary terms (IRIs,
// blank nodes, most literals) carry a sequence number; small literals (booleans, integers,
// decimals, dates, dateTimes in their canonical form) carry their value, so comparing and
// filtering them needs no dictionary look-up. Within one inlined tag, id order is value order.
#pragma once

#include <cstdint>
#include <optional>

#include "engine/storage/format.h"

namespace silk::storage {

using TermId = std::uint64_t;
using format::TermTag;

// The store's default graph: the graph of quads loaded without a graph name.
inline constexpr TermId kDefaultGraphId = 0;

constexpr TermTag TagOf(TermId id) { return static_cast<TermTag>(id >> format::kPayloadBits); }
constexpr std::uint64_t PayloadOf(TermId id) { return id & format::kPayloadMask; }
// REQUIRES: payload <= format::kPayloadMask
constexpr TermId MakeTermId(TermTag tag, std::uint64_t payload) {
  return (static_cast<TermId>(tag) << format::kPayloadBits) | payload;
}

// The value lives in the id itself: no dictionary entry exists for it.
constexpr bool IsInlined(TermId id) {
  const TermTag tag = TagOf(id);
  return tag >= TermTag::kBoolean && tag <= TermTag::kDateTime;
}
// The id names a dictionary entry (IRI, blank node or non-inlined literal).
constexpr bool IsDictionaryId(TermId id) {
  const TermTag tag = TagOf(id);
  return tag == TermTag::kBlank || tag == TermTag::kIri || tag == TermTag::kLiteral;
}
constexpr bool IsLiteralId(TermId id) { return TagOf(id) >= TermTag::kLiteral; }

// The id of "v"^^xsd:integer, or nullopt when v is outside the inlined range (±2^59).
constexpr std::optional<TermId> InlineInteger(std::int64_t v) {
  if (v < format::kIntegerMin || v > format::kIntegerMax) {
    return std::nullopt;
  }
  return MakeTermId(TermTag::kInteger, static_cast<std::uint64_t>(v) + format::kSignFlip);
}
// The value of an inlined xsd:integer; nullopt for any other id.
constexpr std::optional<std::int64_t> InlinedInteger(TermId id) {
  if (TagOf(id) != TermTag::kInteger) {
    return std::nullopt;
  }
  return static_cast<std::int64_t>(PayloadOf(id) - format::kSignFlip);
}

constexpr TermId InlineBoolean(bool v) { return MakeTermId(TermTag::kBoolean, v ? 1 : 0); }
// The value of an inlined xsd:boolean; nullopt for any other id.
constexpr std::optional<bool> InlinedBoolean(TermId id) {
  if (TagOf(id) != TermTag::kBoolean || PayloadOf(id) > 1) {
    return std::nullopt;
  }
  return PayloadOf(id) == 1;
}

// The value of an inlined xsd:integer or xsd:decimal as a double (decimals of more than 15
// significant digits round); nullopt for any other id.
std::optional<double> InlinedNumber(TermId id);

}  // namespace silk::storage
