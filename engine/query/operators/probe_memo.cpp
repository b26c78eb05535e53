#include "engine/query/operators/probe_memo.h"

#include <algorithm>

namespace silk::query {

ProbeMemo::Key ProbeMemo::KeyOf(const Values& values) {
  Key key;
  for (std::size_t i = 0; i < 4; ++i) key[i] = values[i].value_or(kUnbound);
  return key;
}

ProbeMemo::Recall ProbeMemo::Find(const Values& values) {
  if (!active_) return {};
  const Entry* entry = entries_.Find(KeyOf(values));
  if (!entry) return {};
  if (entry->count == kTooManyMark) return {Recall::kTooMany, {}};
  ++hits_;
  return {Recall::kMatches,
          std::span<const storage::QuadIds>(quads_).subspan(entry->first, entry->count)};
}

void ProbeMemo::Remember(const Values& values, std::span<const storage::QuadIds> matches) {
  if (matches.size() > kMaxMatchesPerProbe) {
    RememberTooMany(values);
  } else if (Insert(values, static_cast<std::uint32_t>(matches.size()))) {
    quads_.insert(quads_.end(), matches.begin(), matches.end());
  }
}

void ProbeMemo::RememberTooMany(const Values& values) {
  if (!active_) return;
  if (++too_many_ > kMaxTooMany) {
    Stop();
    return;
  }
  Insert(values, kTooManyMark);
}

bool ProbeMemo::Insert(const Values& values, std::uint32_t count) {
  if (!active_) return false;
  const std::size_t quads = count == kTooManyMark ? 0 : count;
  if (entries_.size() >= kMaxProbes || quads_.size() + quads > kMaxQuads) Forget();
  std::size_t capacity = quads_.capacity();
  if (capacity < quads_.size() + quads) {
    capacity = std::min(kMaxQuads, std::max<std::size_t>(2 * capacity, 1024));
  }
  // A slot of the table holds a hash, a key and an entry, and the table is at most 70 % full.
  constexpr std::size_t kSlotBytes = sizeof(std::uint64_t) + sizeof(Key) + sizeof(Entry);
  const std::uint64_t bytes =
      capacity * sizeof(storage::QuadIds) + (entries_.size() + 1) * kSlotBytes * 10 / 7;
  if (bytes > memory_.bytes() && !ctx_.HasRoomFor(bytes - memory_.bytes())) {
    Stop();
    return false;
  }
  memory_.Set(bytes);
  quads_.reserve(capacity);
  entries_.Insert(KeyOf(values), {static_cast<std::uint32_t>(quads_.size()), count});
  return true;
}

std::vector<bool> ProbeMemo::Repeats(std::span<const ProbeValues> probes) {
  std::vector<bool> repeats(probes.size());
  if (!active_) return repeats;
  storage::FlatHashMap<Key, bool, KeyHash> batch;
  batch.Reserve(probes.size());  // one allocation, not one per doubling
  for (std::size_t row = 0; row < probes.size(); ++row) {
    if (!probes[row]) continue;
    const Key key = KeyOf(*probes[row]);
    repeats[row] = entries_.Find(key) != nullptr || !batch.Insert(key, true).second;
    ++probes_;
    repeated_ += repeats[row];
  }
  if (probes_ >= kTrialProbes && repeated_ * kMinRepeatShare < probes_) {
    Stop();
    return std::vector<bool>(probes.size());
  }
  return repeats;
}

void ProbeMemo::Stop() {
  active_ = false;
  Forget();
}

void ProbeMemo::Forget() {
  entries_.Clear();
  std::vector<storage::QuadIds>().swap(quads_);
  memory_.Set(0);
}

}  // namespace silk::query
