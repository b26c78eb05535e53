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

// Past its budget the least recently used terms leave; one read keeps a term in.
TEST(TermCache, LetsTheLeastRecentlyUsedGo) {
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
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
}

}  // namespace
}  // namespace silk::storage
