// TermCache: what it keeps, what it lets go, and many threads at once.
#include "engine/storage/term_cache.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace silk::storage {
namespace {

rdf::Term Iri(const std::string& iri) { return rdf::Term(rdf::TermView::Iri(iri)); }
rdf::Term German(const std::string& text) {
  return rdf::Term(rdf::TermView::Literal(text, "", "de"));
}

TEST(TermCache, KeepsWhatItIsGiven) {
  TermCache cache(1 << 20);
  EXPECT_FALSE(cache.Get(7).has_value());
  cache.Put(7, Iri("http://e/seven"));
  cache.Put(8, German("acht"));
  ASSERT_TRUE(cache.Get(7).has_value());
  EXPECT_EQ(*cache.Get(7), Iri("http://e/seven"));
  EXPECT_EQ(*cache.Get(8), German("acht"));
}

// Past its budget the terms not read since the clock's hand last passed leave; a term read
// between passes stays.
TEST(TermCache, LetsTheTermsNotReadGo) {
  TermCache cache(16 * 4096);  // 4 KiB per shard
  const std::string long_text(1000, 'x');
  cache.Put(0, Iri("http://e/kept"));
  for (TermId id = 16; id < 16 * 400; id += 16) {  // all in shard 0 (id ^ id >> 17) % 16
    ASSERT_TRUE(cache.Get(0).has_value()) << id;  // used: stays
    cache.Put(id, Iri("http://e/" + long_text + std::to_string(id)));
  }
  EXPECT_TRUE(cache.Get(0).has_value());
  EXPECT_FALSE(cache.Get(16).has_value());
  EXPECT_TRUE(cache.Get(16 * 399).has_value());
  // A term larger than a shard's budget is not kept at all.
  cache.Put(32, Iri(std::string(8192, 'y')));
  EXPECT_FALSE(cache.Get(32).has_value());
}

// A batch is looked up and kept as its terms one by one would be, across every shard.
TEST(TermCache, GetsAndPutsABatch) {
  TermCache cache(1 << 20);
  std::vector<TermId> ids;
  std::vector<rdf::Term> terms;
  for (TermId id = 1; id <= 100; ++id) {
    ids.push_back(id * 7919);  // spread over the shards
    terms.push_back(id % 2 ? Iri("http://e/" + std::to_string(id)) : German(std::to_string(id)));
  }
  const std::vector<TermId> kept(ids.begin(), ids.begin() + 60);
  cache.PutMany(kept, std::span<const rdf::Term>(terms).first(60));
  cache.Put(ids[99], terms[99]);

  std::vector<rdf::Term> out(ids.size());
  const std::vector<bool> found = cache.GetMany(ids, out);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(found[i], i < 60 || i == 99) << i;
    if (found[i]) {
      EXPECT_EQ(out[i], terms[i]) << i;
    } else {
      EXPECT_EQ(out[i], rdf::Term()) << i;  // left as it was
    }
    EXPECT_EQ(cache.Get(ids[i]).has_value(), found[i]) << i;
  }
  // A term larger than a shard's budget is not kept, in a batch either.
  TermCache small(16 * 4096);
  const std::vector<TermId> big_id = {5};
  const std::vector<rdf::Term> big = {Iri(std::string(8192, 'y'))};
  small.PutMany(big_id, big);
  EXPECT_FALSE(small.Get(5).has_value());
}

TEST(TermCache, ManyThreadsAtOnce) {
  TermCache cache(1 << 16);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&cache, t] {
      for (TermId id = 1; id < 5000; ++id) {
        const rdf::Term term = Iri("http://e/" + std::to_string(id));
        if ((id + static_cast<TermId>(t)) % 3 == 0) cache.Put(id, term);
        if (std::optional<rdf::Term> got = cache.Get(id)) {
          EXPECT_EQ(*got, term);
        }
        if (id % 64 == 0) {  // batches too, over ids other threads put and get
          std::vector<TermId> batch;
          std::vector<rdf::Term> batch_terms;
          for (TermId b = id - 63; b <= id; ++b) {
            batch.push_back(b);
            batch_terms.push_back(Iri("http://e/" + std::to_string(b)));
          }
          if (t % 2) cache.PutMany(batch, batch_terms);
          std::vector<rdf::Term> out(batch.size());
          const std::vector<bool> found = cache.GetMany(batch, out);
          for (std::size_t i = 0; i < batch.size(); ++i) {
            if (found[i]) {
              EXPECT_EQ(out[i], batch_terms[i]);
            }
          }
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
}

}  // namespace
}  // namespace silk::storage
