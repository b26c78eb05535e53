// Quad keys: four TermIds as fixed-width big-endian bytes, one layout per index, so that byte
// order is id order and every bound leading position is a key prefix. Pure functions; no I/O.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/storage/flat_hash_map.h"
#include "engine/storage/format.h"
#include "engine/storage/store.h"

namespace silk::storage {

using format::QuadIndex;
inline constexpr std::array<QuadIndex, 4> kAllIndexes = {QuadIndex::kSpog, QuadIndex::kPosg,
                                                         QuadIndex::kOspg, QuadIndex::kGspo};

// Big-endian, unlike LevelDB's EncodeFixed64: keys must sort by numeric value. One load and
// one byte swap: every key a scan reads is decoded, four ids at a time.
inline void PutBigEndian64(std::uint64_t v, char* out) {
  if constexpr (std::endian::native == std::endian::little) v = __builtin_bswap64(v);
  std::memcpy(out, &v, sizeof v);
}
inline std::uint64_t GetBigEndian64(const char* in) {
  std::uint64_t v;
  std::memcpy(&v, in, sizeof v);
  if constexpr (std::endian::native == std::endian::little) v = __builtin_bswap64(v);
  return v;
}
inline std::string BigEndian64(std::uint64_t v) {
  std::string out(8, '\0');
  PutBigEndian64(v, out.data());
  return out;
}

// Whether key `a` sorts before key `b` (bytewise, as RocksDB orders them), eight bytes at a
// time: keys are runs of big-endian ids, and a probe compares a dozen of them on its way to
// its page and through its keys, where a call to memcmp each cost more than the comparing.
inline bool KeyLess(std::string_view a, std::string_view b) {
  const std::size_t common = std::min(a.size(), b.size());
  std::size_t i = 0;
  for (; i + 8 <= common; i += 8) {
    const std::uint64_t x = GetBigEndian64(a.data() + i);
    const std::uint64_t y = GetBigEndian64(b.data() + i);
    if (x != y) return x < y;
  }
  for (; i < common; ++i) {
    if (a[i] != b[i]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[i]);
  }
  return a.size() < b.size();
}

// The column family holding `index`.
format::Family FamilyOf(QuadIndex index);
// "spog", "posg", ...
std::string_view IndexName(QuadIndex index);

using QuadKey = std::array<char, format::kQuadKeySize>;

QuadKey EncodeQuadKey(QuadIndex index, const QuadIds& quad);
// REQUIRES: `key` points at format::kQuadKeySize bytes.
QuadIds DecodeQuadKey(QuadIndex index, const char* key);
// Decodes `count` keys of `index` into `out`: a run of a key page, read a batch at a time.
void DecodeQuadKeys(QuadIndex index, const QuadKey* keys, std::size_t count, QuadIds* out);

// A hash of a quad for hash tables and digests.
struct QuadHash {
  std::size_t operator()(const QuadIds& q) const noexcept {
    return HashMix64(q.s ^ HashMix64(q.p ^ HashMix64(q.o ^ HashMix64(q.g))));
  }
};

// Strict weak order of quads as `index` stores them (its key byte order).
bool LessInIndex(QuadIndex index, const QuadIds& a, const QuadIds& b);
// True when every bound position of `pattern` equals the quad's.
bool Matches(const QuadPattern& pattern, const QuadIds& quad);

// Whether `index` stores `quad`: gspo holds named-graph quads only (see format.h).
bool IndexHolds(QuadIndex index, const QuadIds& quad);
// Whether `index` holds every quad that can match `pattern`: gspo only when the pattern binds
// a named graph.
bool IndexServes(QuadIndex index, const QuadPattern& pattern);

// A key of at most a quad key and one more id (a scan's bounds), held inline: an index join
// makes them for every probe, where heap blocks cost about 3 % of its instructions.
class KeyBytes {
 public:
  KeyBytes() = default;
  // REQUIRES: bytes.size() <= kCapacity
  explicit KeyBytes(std::string_view bytes) { Append(bytes); }
  // REQUIRES: size() + bytes.size() <= kCapacity
  void Append(std::string_view bytes) {
    std::memcpy(bytes_.data() + size_, bytes.data(), bytes.size());
    size_ += bytes.size();
  }
  std::string_view view() const { return {bytes_.data(), size_}; }
  bool empty() const { return size_ == 0; }
  // Becomes the smallest key greater than every key that starts with it; false (and empty)
  // when there is none (empty, or all bytes 0xff).
  bool ToPrefixUpperBound();

  static constexpr std::size_t kCapacity = format::kQuadKeySize + format::kIdSize;

 private:
  std::array<char, kCapacity> bytes_{};
  std::size_t size_ = 0;
};

// How to scan one index for a pattern: seek to `prefix`, stop after the last key starting with
// it, and keep the keys that match `residual` (the bound positions the prefix does not cover).
struct ScanPlan {
  QuadIndex index = QuadIndex::kSpog;
  QuadKey prefix{};             // the first prefix_size bytes are meaningful
  std::size_t prefix_size = 0;  // a multiple of format::kIdSize
  QuadPattern residual;

  // The object range, when the index holds the object right after the prefix: the keys
  // read narrow to it (the residual checks it again).
  std::optional<std::pair<TermId, TermId>> range;

  // The pattern knows that the index holds the prefix's first id (QuadPattern::held): no
  // bloom filter need tell whether it does.
  bool first_id_held = false;

  std::string_view prefix_view() const { return {prefix.data(), prefix_size}; }
  // The first key to read, and the key past the last (nullopt: the index's end).
  KeyBytes LowerKey() const;
  std::optional<KeyBytes> UpperKey() const;
};

// The plans CandidatePlans offers: at most one per index.
class ScanPlans {
 public:
  void push_back(const ScanPlan& plan) { plans_[size_++] = plan; }
  void clear() { size_ = 0; }
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  const ScanPlan& operator[](std::size_t i) const { return plans_[i]; }
  const ScanPlan& front() const { return plans_[0]; }
  const ScanPlan* begin() const { return plans_.data(); }
  const ScanPlan* end() const { return plans_.data() + size_; }

 private:
  std::array<ScanPlan, 4> plans_{};
  std::size_t size_ = 0;
};

// The plans with the longest bound prefix for `pattern` among the indexes that serve it, best
// first in the fixed order spog, posg, ospg, gspo (the caller may prefer another one by its
// statistics). Never empty. A pattern binding the default graph leaves the graph to the
// residual unless s, p and o are bound too: spog, posg and ospg put it last.
ScanPlans CandidatePlans(const QuadPattern& pattern);
// The plan that scans `index` for `pattern`: its bound positions in the index's order as the
// prefix, the rest the residual. REQUIRES: IndexServes(index, pattern).
ScanPlan PlanOn(QuadIndex index, const QuadPattern& pattern);
// Rewrites `plan`, which PlanOn made for a pattern of the same shape as `pattern` (the same
// positions bound, the same object range presence, the same held bits), into the plan PlanOn
// would make for `pattern`: an index join's probes differ only in their ids, and making each
// plan anew took a tenth of a probe's time.
void ReplanOn(ScanPlan& plan, const QuadPattern& pattern);

// The smallest key greater than every key that starts with `prefix`; nullopt when there is
// none (empty prefix or all bytes 0xff).
std::optional<std::string> PrefixUpperBound(std::string_view prefix);

}  // namespace silk::storage
