#include "engine/load/partition.h"

#include <charconv>

#include "engine/storage/fnv1a.h"

namespace silk::load {

std::uint32_t Partition::PartOf(const rdf::TermView& subject, std::uint32_t count) {
  return static_cast<std::uint32_t>(storage::Fnv1a64(subject.value) % count) + 1;
}

namespace {

// A whole field of decimal digits as a number of 1..2^32-1; from_chars alone would also take
// a part of the field or a leading '-'.
std::optional<std::uint32_t> PositiveNumber(std::string_view digits) {
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  std::uint32_t value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size() || value == 0) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::optional<Partition> ParsePartition(std::string_view text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::optional<std::uint32_t> part = PositiveNumber(text.substr(0, slash));
  const std::optional<std::uint32_t> count = PositiveNumber(text.substr(slash + 1));
  if (!part || !count || *part > *count) return std::nullopt;
  return Partition{*part, *count};
}

}  // namespace silk::load
