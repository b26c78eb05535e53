#include "engine/query/term_resolver.h"

#include <algorithm>

#include "engine/query/exec_context.h"
#include "engine/storage/term_codec.h"

namespace silk::query {

const rdf::Term& TermResolver::TermOf(TermId id) {
  if (IsLocalId(id)) return local_.Get(id);
  auto it = decoded_.find(id);
  if (it != decoded_.end()) return it->second;
  Result<rdf::Term> term = snapshot_.Decode(id);
  ExecContext::ThrowIfError(term.ok() ? Status::Ok() : term.status());
  return decoded_.emplace(id, std::move(term).value()).first->second;
}

void TermResolver::Prefetch(std::span<const TermId> ids) {
  std::vector<TermId> wanted;
  for (TermId id : ids) {
    if (id != kUnbound && !IsLocalId(id) && storage::IsDictionaryId(id) &&
        !decoded_.contains(id)) {
      wanted.push_back(id);
    }
  }
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  if (wanted.empty()) return;
  Result<std::vector<rdf::Term>> terms = snapshot_.DecodeMany(wanted);
  ExecContext::ThrowIfError(terms.ok() ? Status::Ok() : terms.status());
  for (std::size_t i = 0; i < wanted.size(); ++i) decoded_.emplace(wanted[i], std::move((*terms)[i]));
}

const expr::Value& TermResolver::ValueOf(TermId id) {
  auto it = values_.find(id);
  if (it != values_.end()) return it->second;
  return values_.emplace(id, expr::Value::FromTerm(TermOf(id).view())).first->second;
}

TermId TermResolver::Encode(const rdf::TermView& term) {
  // Computed terms repeat (the same string for many rows): look each up in the store once.
  std::string key = TermKey(term.Canonical());
  if (auto it = encoded_.find(key); it != encoded_.end()) return it->second;
  const std::optional<TermId> stored = Stored(term);
  const std::size_t local_terms = local_.size();
  const TermId id = stored ? *stored : local_.Add(term.Canonical());
  // The key in encoded_ (a node, the string's block, a bucket) and, for a new local term,
  // the same again in the local vocabulary plus the term itself.
  const std::uint64_t entry = HeapBlockBytes(2 * sizeof(void*) + sizeof(std::string) +
                                             sizeof(TermId)) +
                              HeapBlockBytes(key.size() + 1) + 2 * sizeof(void*);
  computed_bytes_ += entry;
  if (local_.size() != local_terms) {
    computed_bytes_ += entry + sizeof(rdf::Term) + HeapBlockBytes(term.value.size() + 1) +
                       HeapBlockBytes(term.datatype.size() + 1);
  }
  encoded_.emplace(std::move(key), id);
  return id;
}

std::optional<TermId> TermResolver::Stored(const rdf::TermView& term) {
  const rdf::TermView canonical = term.Canonical();
  if (std::optional<TermId> inlined = storage::TryInline(canonical)) return *inlined;
  Result<std::optional<TermId>> id = snapshot_.Lookup(canonical);
  ExecContext::ThrowIfError(id.ok() ? Status::Ok() : id.status());
  return *id;
}

}  // namespace silk::query
