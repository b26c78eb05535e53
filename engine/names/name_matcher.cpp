#include "engine/names/name_matcher.h"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

namespace silk::names {

std::string_view MatchKindName(MatchKind kind) {
  switch (kind) {
    case MatchKind::kExact: return "exact";
    case MatchKind::kCaseInsensitive: return "case";
    case MatchKind::kAccentInsensitive: return "accents";
    case MatchKind::kConfusable: return "confusable";
    case MatchKind::kWord: return "word";
    case MatchKind::kNearMiss: return "near";
  }
  return "?";
}

namespace {

// Words are split on what separates them in the labels we hold: spaces, hyphens stay inside
// ("Ban Ki-moon"), and a trailing genitive or punctuation does not matter.
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (c == ' ' || c == ',' || c == '(' || c == ')' || c == '"') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// How many edits a typed name of this length may be away and still be a near miss: none for
// very short names, where one letter makes another name.
int AllowedEdits(std::string_view ascii) {
  if (ascii.size() <= 3) return 0;
  if (ascii.size() <= 6) return 1;
  if (ascii.size() <= 12) return 2;
  return 3;
}

struct Candidate {
  MatchKind kind;
  int distance;
};

std::optional<Candidate> Compare(const NameKeys& query, const NameKeys& label) {
  if (query.exact == label.exact) return Candidate{MatchKind::kExact, 0};
  if (query.folded == label.folded) return Candidate{MatchKind::kCaseInsensitive, 0};
  if (!query.ascii.empty() && query.ascii == label.ascii) {
    return Candidate{MatchKind::kAccentInsensitive, 0};
  }
  if (query.skeleton == label.skeleton) return Candidate{MatchKind::kConfusable, 0};
  return std::nullopt;
}

// The loosest comparisons, on the ASCII forms: Cyrillic "С" has already become "S" there, so
// the skeleton is tried too.
std::optional<Candidate> NearMiss(const NameKeys& query, const NameKeys& label) {
  const int allowed = AllowedEdits(query.ascii);
  if (allowed == 0) return std::nullopt;
  int best = EditDistance(query.ascii, label.ascii, allowed);
  best = std::min(best, EditDistance(query.skeleton, label.skeleton, allowed));
  if (best <= allowed) return Candidate{MatchKind::kNearMiss, best};
  return std::nullopt;
}

auto RankKey(const NameMatch& m) {
  return std::make_tuple(static_cast<int>(m.kind), m.distance, !m.matched.preferred, m.entity);
}

}  // namespace

NameMatcher::NameMatcher(std::vector<EntityLabel> labels) {
  entries_.reserve(labels.size());
  for (EntityLabel& label : labels) {
    Entry entry;
    entry.keys = key_maker_.Make(label.label);
    const std::vector<std::string> words = Words(label.label);
    if (words.size() > 1) {
      for (const std::string& word : words) entry.words.push_back(key_maker_.Make(word));
    }
    entry.label = std::move(label);
    entries_.push_back(std::move(entry));
  }
}

NameMatcher::~NameMatcher() = default;

std::vector<NameMatch> NameMatcher::Find(std::string_view query, const FindOptions& options) const {
  const NameKeys keys = key_maker_.Make(query);
  const bool one_word = Words(query).size() == 1;

  std::map<std::string, std::string> preferred;  // entity -> English prefLabel, else any
  std::map<std::string, NameMatch> best;         // entity -> its best match
  for (const Entry& entry : entries_) {
    const EntityLabel& label = entry.label;
    if (label.preferred) {
      auto [it, added] = preferred.emplace(label.entity, label.label);
      if (!added && label.language == "en") it->second = label.label;
    }
    std::optional<Candidate> found = Compare(keys, entry.keys);
    if (!found && one_word) {
      // A surname alone ("Tokayev") is a whole word of the full name.
      for (const NameKeys& word : entry.words) {
        if (Compare(keys, word)) {
          found = Candidate{MatchKind::kWord, 0};
          break;
        }
      }
    }
    if (!found) found = NearMiss(keys, entry.keys);
    if (!found && one_word) {
      for (const NameKeys& word : entry.words) {
        std::optional<Candidate> near = NearMiss(keys, word);
        if (near && (!found || near->distance < found->distance)) found = near;
      }
    }
    if (!found) continue;

    NameMatch match{label.entity, {}, label, found->kind, found->distance};
    auto it = best.find(label.entity);
    if (it == best.end()) {
      best.emplace(label.entity, std::move(match));
    } else if (RankKey(match) < RankKey(it->second)) {
      it->second = std::move(match);
    }
  }

  std::vector<NameMatch> matches;
  matches.reserve(best.size());
  for (auto& [entity, match] : best) {
    auto it = preferred.find(entity);
    match.preferred_label = it != preferred.end() ? it->second : match.matched.label;
    matches.push_back(std::move(match));
  }
  std::sort(matches.begin(), matches.end(),
            [](const NameMatch& a, const NameMatch& b) { return RankKey(a) < RankKey(b); });
  if (matches.size() > options.limit) matches.resize(options.limit);
  return matches;
}

}  // namespace silk::names
