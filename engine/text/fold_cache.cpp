#include "engine/text/fold_cache.h"

namespace silk::text {

const FoldCache::Folded* FoldCache::Find(std::string_view word, TextLanguage language) {
  key_.assign(1, static_cast<char>(language));
  key_.append(word);
  const auto found = words_.find(std::string_view(key_));
  return found == words_.end() ? nullptr : &found->second;
}

void FoldCache::Insert(Folded folded) {
  if (words_.size() >= kMaxWords) {
    words_.clear();
  }
  words_.emplace(key_, std::move(folded));
}

}  // namespace silk::text
