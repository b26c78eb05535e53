#include "engine/storage/text_search.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#include "engine/storage/format.h"
#include "engine/storage/key_codec.h"
#include "engine/storage/text_index.h"
#include "engine/text/compound_parts.h"
#include "engine/text/text_query.h"

namespace silk::storage {
namespace {

using format::Family;

// BM25's usual constants: how fast repeats of a word saturate, how much length matters.
constexpr double kBm25K1 = 1.2;
constexpr double kBm25B = 0.75;
// Estimates count this many postings a word; beyond, the index's size on disk says.
constexpr std::uint64_t kCountedPostings = 1024;
constexpr std::uint64_t kBytesPerPosting = 8;  // compressed, roughly

Status NoIndex() {
  return Status::Incompatible(
      "this store has no text index yet: open it for writing once to build it");
}

// The postings of one query word, by literal: every form's, and the long German words it is
// part of, merged.
using Postings = std::map<TermId, Posting>;

void Merge(Posting posting, Postings* into) {
  auto [it, fresh] = into->try_emplace(posting.literal, posting);
  if (!fresh) {
    std::vector<std::uint32_t>& positions = it->second.positions;
    positions.insert(positions.end(), posting.positions.begin(), posting.positions.end());
    std::sort(positions.begin(), positions.end());
    positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
  }
}

// Reads the entries whose keys start with `prefix` into `into`.
Status ReadPostings(const RocksDb& rocks, const rocksdb::ReadOptions& read,
                    const std::string& prefix, Postings* into) {
  std::unique_ptr<rocksdb::Iterator> it(rocks.db()->NewIterator(read, rocks.family(Family::kText)));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    const std::string_view key = it->key().ToStringView();
    if (key.size() < prefix.size() + format::kIdSize) {
      return Status::Corruption("a text index key is too short");
    }
    std::optional<Posting> posting =
        DecodePostingValue(LiteralOfPostingKey(key), it->value().ToStringView());
    if (!posting) {
      return Status::Corruption("a text index entry is malformed");
    }
    Merge(std::move(*posting), into);
  }
  return it->status().ok() ? Status::Ok() : FromRocks(it->status(), "cannot read the text index");
}

Result<Postings> WordPostings(const RocksDb& rocks, const rocksdb::ReadOptions& read,
                              const text::QueryWord& word) {
  Postings postings;
  for (const std::string& form : word.forms) {
    SILK_RETURN_IF_ERROR(ReadPostings(rocks, read, WordPrefix(form), &postings));
  }
  if (text::IsPartQuery(word.surface)) {
    SILK_RETURN_IF_ERROR(ReadPostings(rocks, read, PartPrefix(word.surface), &postings));
  }
  return postings;
}

// Whether the words' positions hold the phrase: word i at start + i for some start.
bool HoldsPhrase(const std::vector<const Posting*>& words) {
  for (const std::uint32_t start : words[0]->positions) {
    bool all = true;
    for (std::size_t i = 1; i < words.size() && all; ++i) {
      all = std::binary_search(words[i]->positions.begin(), words[i]->positions.end(),
                               start + static_cast<std::uint32_t>(i));
    }
    if (all) {
      return true;
    }
  }
  return false;
}

double Idf(std::uint64_t literals, std::uint64_t matching) {
  const double n = static_cast<double>(literals);
  const double df = static_cast<double>(matching);
  return std::log(1.0 + (n - df + 0.5) / (df + 0.5));
}

}  // namespace

Result<std::vector<TextMatch>> SearchText(const RocksDb& rocks, const rocksdb::ReadOptions& read,
                                          std::string_view query) {
  text::Tokenizer tokenizer;
  Result<std::vector<text::QueryClause>> clauses = text::ParseTextQuery(query, tokenizer);
  if (!clauses.ok()) {
    return clauses.status();
  }
  if (!rocks.has_text_index()) {
    return NoIndex();
  }
  Result<std::optional<TextTotals>> totals = ReadTextTotals(rocks, read);
  if (!totals.ok()) {
    return totals.status();
  }
  const TextTotals all = totals->value_or(TextTotals{});
  const double average_words =
      all.literals == 0 ? 1.0 : static_cast<double>(all.words) / static_cast<double>(all.literals);

  std::vector<Postings> words;  // every word of every clause, in order
  for (const text::QueryClause& clause : *clauses) {
    for (const text::QueryWord& word : clause.words) {
      Result<Postings> postings = WordPostings(rocks, read, word);
      if (!postings.ok()) {
        return postings.status();
      }
      words.push_back(std::move(*postings));
    }
  }
  // The rarest word's literals are the candidates; each must have every other word.
  const auto rarest = std::min_element(words.begin(), words.end(), [](const auto& a, const auto& b) {
    return a.size() < b.size();
  });
  std::vector<TextMatch> matches;
  for (const auto& [literal, candidate] : *rarest) {
    std::vector<const Posting*> found;
    for (const Postings& word : words) {
      const auto it = word.find(literal);
      if (it == word.end()) {
        break;
      }
      found.push_back(&it->second);
    }
    if (found.size() != words.size()) {
      continue;
    }
    bool phrases_hold = true;
    std::size_t first = 0;
    for (const text::QueryClause& clause : *clauses) {
      const std::vector<const Posting*> clause_words(found.begin() + first,
                                                     found.begin() + first + clause.words.size());
      phrases_hold = phrases_hold && (clause_words.size() < 2 || HoldsPhrase(clause_words));
      first += clause.words.size();
    }
    if (!phrases_hold) {
      continue;
    }
    double score = 0;
    for (std::size_t i = 0; i < found.size(); ++i) {
      const double tf = static_cast<double>(found[i]->positions.size());
      const double length = static_cast<double>(found[i]->word_count) / average_words;
      score += Idf(all.literals, words[i].size()) * tf * (kBm25K1 + 1) /
               (tf + kBm25K1 * (1 - kBm25B + kBm25B * length));
    }
    matches.push_back(TextMatch{literal, score});
  }
  std::sort(matches.begin(), matches.end(), [](const TextMatch& a, const TextMatch& b) {
    return a.score != b.score ? a.score > b.score : a.literal < b.literal;
  });
  return matches;
}

std::uint64_t EstimateTextMatches(const RocksDb& rocks, const rocksdb::ReadOptions& read,
                                  std::string_view query) {
  text::Tokenizer tokenizer;
  Result<std::vector<text::QueryClause>> clauses = text::ParseTextQuery(query, tokenizer);
  if (!clauses.ok() || !rocks.has_text_index()) {
    return 0;
  }
  rocksdb::ColumnFamilyHandle* family = rocks.family(Family::kText);
  const auto count_prefix = [&](const std::string& prefix) {
    std::unique_ptr<rocksdb::Iterator> it(rocks.db()->NewIterator(read, family));
    std::uint64_t count = 0;
    for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix) &&
                           count < kCountedPostings;
         it->Next()) {
      ++count;
    }
    if (count < kCountedPostings) {
      return count;
    }
    const std::optional<std::string> end = PrefixUpperBound(prefix);
    const std::string limit = end.value_or(prefix + std::string(1, '\xff'));
    const rocksdb::Range range(prefix, limit);
    std::uint64_t bytes = 0;
    rocks.db()->GetApproximateSizes(rocksdb::SizeApproximationOptions{.include_memtables = true,
                                                                      .include_files = true},
                                    family, &range, 1, &bytes);
    return std::max(count, bytes / kBytesPerPosting);
  };
  std::uint64_t fewest = UINT64_MAX;
  for (const text::QueryClause& clause : *clauses) {
    for (const text::QueryWord& word : clause.words) {
      std::uint64_t postings = 0;
      for (const std::string& form : word.forms) {
        postings += count_prefix(WordPrefix(form));
      }
      if (text::IsPartQuery(word.surface)) {
        postings += count_prefix(PartPrefix(word.surface));
      }
      fewest = std::min(fewest, postings);
    }
  }
  return fewest;
}

}  // namespace silk::storage
