// One part of N of a data set (`silk load --partition K/N`): the statements whose subject
// hashes to part K. The N parts of the same input hold every statement exactly once, and all
// statements about one subject are in the same part, so star patterns never span two stores.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "grammar/rdf/term.h"

namespace silk::load {

struct Partition {
  std::uint32_t part = 1;   // 1..count
  std::uint32_t count = 1;  // at least 1

  // The part, 1..count, of a statement whose subject is `subject`:
  // storage::Fnv1a64(subject.value) % count + 1, where value is an IRI's text (absolute, without
  // angle brackets, as stored) or a blank node's label (without "_:"; the parsers name
  // Turtle's anonymous nodes "-b1", "-b2", … per file). The format the subject was written in,
  // its prefixes or base, and the graph a statement is in play no part. This formula is part of
  // the product: changing it would scatter a subject's statements over two parts of stores
  // loaded by different versions.
  static std::uint32_t PartOf(const rdf::TermView& subject, std::uint32_t count);

  // Whether `quad` belongs to this part.
  bool Holds(const rdf::QuadView& quad) const { return PartOf(quad.subject, count) == part; }
};

// "K/N" with 1 <= K <= N < 2^32, plain decimal digits only; nullopt for anything else
// ("4/3", "0/3", "1/0", "x/y", "1/3/5", " 1/3", "+1/3").
std::optional<Partition> ParsePartition(std::string_view text);

}  // namespace silk::load
