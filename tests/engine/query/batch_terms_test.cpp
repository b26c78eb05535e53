// BatchTerms (batch_terms.h): each batch finds exactly the terms added to it, whatever the
// batches before it held, as batches grow and shrink.
#include "engine/query/batch_terms.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>

namespace silk::query {
namespace {

TEST(BatchTerms, FindsThisBatchsTermsAndNoOthers) {
  std::mt19937_64 rng(3);
  BatchTerms batch;
  EXPECT_EQ(batch.Find(1), nullptr);  // before any batch
  for (int round = 0; round < 50; ++round) {
    const std::size_t ids = rng() % 3000;
    batch.Reset(ids);
    std::map<TermId, std::string> model;
    while (model.size() < ids) {
      // Ids close together and far apart (the tag is in the high bits).
      const TermId id = rng() % 2 == 0 ? rng() % 5000 : rng();
      if (model.count(id) != 0) continue;
      const std::string value = "term " + std::to_string(id) + std::string(rng() % 40, 'x');
      rdf::Term& term = batch.Add(id);
      term.kind = rdf::TermKind::kIri;
      term.value = value;
      model.emplace(id, value);
    }
    for (const auto& [id, value] : model) {
      const rdf::Term* term = batch.Find(id);
      ASSERT_NE(term, nullptr) << "round " << round << " id " << id;
      EXPECT_EQ(term->value, value);
    }
    for (int miss = 0; miss < 200; ++miss) {
      const TermId id = rng() % 5000;
      if (model.count(id) == 0) {
        EXPECT_EQ(batch.Find(id), nullptr) << "round " << round;
      }
    }
  }
}

}  // namespace
}  // namespace silk::query
