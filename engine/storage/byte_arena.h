// ByteArena: copies of byte strings that live as long as the arena, in large blocks, so a
// bulk load's million term records cost a few allocations instead of one each.
// Internal to engine/storage/.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace silk::storage {

// Not thread-safe. Views it returns stay valid until the arena is destroyed.
class ByteArena {
 public:
  std::string_view Copy(std::string_view bytes) {
    if (bytes.size() > left_) {
      const std::size_t size = std::max(kBlockSize, bytes.size());
      blocks_.push_back(std::make_unique_for_overwrite<char[]>(size));
      next_ = blocks_.back().get();
      left_ = size;
    }
    char* out = next_;
    if (!bytes.empty()) {
      std::memcpy(out, bytes.data(), bytes.size());
    }
    next_ += bytes.size();
    left_ -= bytes.size();
    return {out, bytes.size()};
  }

  // Bytes allocated, roughly (whole blocks).
  std::size_t bytes() const { return blocks_.size() * kBlockSize; }

 private:
  static constexpr std::size_t kBlockSize = std::size_t{1} << 20;

  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  std::size_t left_ = 0;
};

}  // namespace silk::storage
