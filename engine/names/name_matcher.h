// Finding entities by name: every label of every entity, matched against what a person typed,
// from exact to near-miss, best first.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/names/name_keys.h"

namespace silk::names {

// One label of one entity, as the store holds it.
struct EntityLabel {
  std::string entity;     // the entity's IRI (or blank node label)
  std::string label;      // the literal's text
  std::string language;   // its language tag; empty when it has none
  bool preferred = false; // skos:prefLabel (else altLabel, schema:name, rdfs:label)
};

// How a label matched, strictest first; the order is the ranking.
enum class MatchKind {
  kExact,             // the same text
  kCaseInsensitive,   // the same up to case (and NFKC compatibility forms)
  kAccentInsensitive, // the same once diacritics go and other scripts become Latin
  kConfusable,        // the same confusable skeleton (Cyrillic С for Latin C, 0 for O)
  kWord,              // a whole word of the label, compared loosely: "Tokayev"
  kNearMiss,          // a few letters off: "Zhaparov" for "Japarov"
};

std::string_view MatchKindName(MatchKind kind);

struct NameMatch {
  std::string entity;
  std::string preferred_label;  // the entity's English skos:prefLabel, else its first label
  EntityLabel matched;          // the label that matched best
  MatchKind kind = MatchKind::kExact;
  int distance = 0;             // edits, for kNearMiss; 0 otherwise
};

struct FindOptions {
  std::size_t limit = 10;
};

// An immutable index of labels. Not thread-safe: Find() uses the ICU transliterator.
class NameMatcher {
 public:
  explicit NameMatcher(std::vector<EntityLabel> labels);
  ~NameMatcher();
  NameMatcher(const NameMatcher&) = delete;
  NameMatcher& operator=(const NameMatcher&) = delete;

  // One match per entity, best first: by kind, then distance, then whether the matched label
  // is preferred, then IRI (so that equal matches come out in a stable order).
  std::vector<NameMatch> Find(std::string_view query, const FindOptions& options = {}) const;

 private:
  struct Entry {
    EntityLabel label;
    NameKeys keys;
    std::vector<NameKeys> words;  // keys of each word, when the label has more than one
  };

  NameKeyMaker key_maker_;
  std::vector<Entry> entries_;
};

}  // namespace silk::names
