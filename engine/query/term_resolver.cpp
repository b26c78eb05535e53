#include "engine/query/term_resolver.h"

#include <algorithm>

#include "engine/query/exec_context.h"
#include "engine/storage/term_codec.h"

namespace silk::query {
namespace {

// A node of an unordered_map with integer keys (next pointer, key, value) and its bucket.
std::uint64_t NodeBytes(std::size_t value_size) {
  return HeapBlockBytes(sizeof(void*) + sizeof(TermId) + value_size) + sizeof(void*);
}

}  // namespace

const rdf::Term& TermResolver::TermOf(TermId id) {
  if (IsLocalId(id)) return local_.Get(id);
  auto it = decoded_.find(id);
  if (it != decoded_.end()) return it->second;
  Result<rdf::Term> term = snapshot_.Decode(id);
  ExecContext::ThrowIfError(term.ok() ? Status::Ok() : term.status());
  const rdf::Term& added = decoded_.emplace(id, std::move(term).value()).first->second;
  held_bytes_ += NodeBytes(sizeof(rdf::Term)) + TermHeapBytes(added);
  return added;
}

void TermResolver::DecodeBatch(std::span<const TermId> ids, BatchTerms& batch) {
  batch.Reset(ids.size());
  std::vector<TermId> wanted;
  for (TermId id : ids) {
    if (id == kUnbound || IsLocalId(id) || decoded_.contains(id)) continue;
    if (storage::IsDictionaryId(id)) {
      wanted.push_back(id);
    } else if (batch.Find(id) == nullptr) {
      // Inlined: computed, not read, into the strings of a term of the last batch.
      rdf::Term& term = batch.Add(id);
      if (!storage::DecodeInlinedInto(id, term)) {
        // The default graph, or no id the store makes.
        Result<rdf::Term> decoded = snapshot_.Decode(id);
        ExecContext::ThrowIfError(decoded.ok() ? Status::Ok() : decoded.status());
        term = std::move(decoded).value();
      }
    }
  }
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  if (wanted.empty()) return;
  Result<std::vector<rdf::Term>> terms = snapshot_.DecodeMany(wanted);
  ExecContext::ThrowIfError(terms.ok() ? Status::Ok() : terms.status());
  for (std::size_t i = 0; i < wanted.size(); ++i) batch.Add(wanted[i]) = std::move((*terms)[i]);
}

std::vector<rdf::Term> TermResolver::DecodeAll(std::span<const TermId> ids) {
  std::vector<rdf::Term> terms(ids.size());
  std::vector<TermId> wanted;
  std::vector<std::size_t> wanted_at;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const TermId id = ids[i];
    if (IsLocalId(id)) {
      terms[i] = local_.Get(id);
    } else if (auto it = decoded_.find(id); it != decoded_.end()) {
      terms[i] = it->second;
    } else if (storage::IsDictionaryId(id)) {
      wanted.push_back(id);
      wanted_at.push_back(i);
    } else {
      Result<rdf::Term> term = snapshot_.Decode(id);  // inlined: computed, not read
      ExecContext::ThrowIfError(term.ok() ? Status::Ok() : term.status());
      terms[i] = std::move(term).value();
    }
  }
  if (wanted.empty()) return terms;
  Result<std::vector<rdf::Term>> read = snapshot_.DecodeMany(wanted);
  ExecContext::ThrowIfError(read.ok() ? Status::Ok() : read.status());
  for (std::size_t k = 0; k < wanted.size(); ++k) terms[wanted_at[k]] = std::move((*read)[k]);
  return terms;
}

const rdf::Term& TermResolver::TermOf(TermId id, const BatchTerms& batch) {
  if (const rdf::Term* term = batch.Find(id)) return *term;
  return TermOf(id);
}

const expr::Value& TermResolver::ValueOf(TermId id) {
  auto it = values_.find(id);
  if (it != values_.end()) return it->second;
  // Dropped all together past the bound: parsing a value again is cheap next to holding
  // every value of a scan over millions of terms.
  if (value_bytes_ > value_cache_bytes_) {
    held_bytes_ -= value_bytes_;
    value_bytes_ = 0;
    values_.clear();
  }
  // Parsed from the term cache when the term is there; else decoded without keeping the
  // term, which the value holds a copy of anyway.
  expr::Value value = [&] {
    if (IsLocalId(id)) return expr::Value::FromTerm(local_.Get(id).view());
    if (auto cached = decoded_.find(id); cached != decoded_.end()) {
      return expr::Value::FromTerm(cached->second.view());
    }
    Result<rdf::Term> term = snapshot_.Decode(id);
    ExecContext::ThrowIfError(term.ok() ? Status::Ok() : term.status());
    return expr::Value::FromTerm(term->view());
  }();
  const expr::Value& added = values_.emplace(id, std::move(value)).first->second;
  const std::uint64_t bytes = NodeBytes(sizeof(expr::Value)) + TermHeapBytes(added.term());
  value_bytes_ += bytes;
  held_bytes_ += bytes;
  return added;
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
  held_bytes_ += entry;
  if (local_.size() != local_terms) {
    held_bytes_ += entry + sizeof(rdf::Term) + HeapBlockBytes(term.value.size() + 1) +
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
