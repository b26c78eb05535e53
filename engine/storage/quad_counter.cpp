#include "engine/storage/quad_counter.h"

#include <algorithm>

#include "engine/storage/key_codec.h"

namespace silk::storage {

Result<std::vector<GroupCount>> CountKeys(IndexCursor& cursor, const CountRequest& request) {
  const std::optional<QuadPosition> per = request.per;
  // Ids at `per` come in runs (the index orders by them, or by something they follow): each
  // run becomes one group, and runs of one id are merged at the end.
  std::vector<GroupCount> groups;
  std::optional<QuadIds> last;  // the last quad counted
  std::uint32_t keys = 0;
  for (; cursor.Valid(); cursor.Next()) {
    if (++keys % 4096 == 0 && request.stop && request.stop()) {
      return Status::Cancelled("the count was stopped");
    }
    const QuadIds& quad = cursor.quad();
    if (!Matches(request.pattern, quad)) continue;
    if (request.merge_graphs && last && SameTriple(quad, *last)) continue;
    if (request.keep && !request.keep(quad)) continue;
    const TermId id = per ? IdAt(quad, *per) : 0;
    if (groups.empty() || groups.back().id != id) {
      if (groups.size() == groups.capacity() && request.charge) {
        request.charge(std::max<std::size_t>(groups.capacity(), 16) * sizeof(GroupCount));
      }
      groups.push_back({id, 0});
    }
    ++groups.back().count;
    last = quad;
  }
  if (!cursor.status().ok()) return cursor.status();
  if (!per && groups.empty()) groups.push_back({0, 0});
  auto by_id = [](const GroupCount& a, const GroupCount& b) { return a.id < b.id; };
  if (!std::is_sorted(groups.begin(), groups.end(), by_id)) {
    std::stable_sort(groups.begin(), groups.end(), by_id);
    std::vector<GroupCount> merged;
    for (const GroupCount& group : groups) {
      if (!merged.empty() && merged.back().id == group.id) {
        merged.back().count += group.count;
      } else {
        merged.push_back(group);
      }
    }
    groups = std::move(merged);
  }
  return groups;
}

}  // namespace silk::storage
