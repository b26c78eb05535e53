// A snapshot that cannot cut its scans reads each in one piece.
#include "engine/storage/store.h"

namespace silk::storage {
namespace {

class WholeScan final : public ScanPieces {
 public:
  WholeScan(const Snapshot& snapshot, const QuadPattern& pattern)
      : snapshot_(snapshot), pattern_(pattern) {}
  std::unique_ptr<QuadIterator> Open(std::size_t i) const override {
    return i == 0 ? snapshot_.Scan(pattern_) : nullptr;
  }

 private:
  const Snapshot& snapshot_;
  const QuadPattern pattern_;
};

}  // namespace

std::unique_ptr<ScanPieces> Snapshot::Cut(const QuadPattern& pattern,
                                          std::size_t /*pieces*/) const {
  return std::make_unique<WholeScan>(*this, pattern);
}

}  // namespace silk::storage
