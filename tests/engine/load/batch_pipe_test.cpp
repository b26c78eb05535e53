#include "engine/load/batch_pipe.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <set>
#include <thread>
#include <vector>

namespace silk::load {
namespace {

rdf::QuadView Statement() {
  return {rdf::TermView::Iri("http://e/s"), rdf::TermView::Iri("http://e/p"),
          rdf::TermView::Literal("o"), rdf::TermView::DefaultGraph()};
}

TEST(BatchPipeTest, DeliversInOrderAndReusesAtMostCapacityBatches) {
  BatchPipe pipe(3);
  std::set<QuadBatch*> seen;
  std::thread sender([&] {
    for (int i = 0; i < 100; ++i) {
      QuadBatch* batch = pipe.Empty();
      ASSERT_NE(batch, nullptr);
      ASSERT_TRUE(batch->empty());  // recycled batches come back cleared
      for (int j = 0; j <= i; ++j) batch->Add(Statement());
      batch->input_bytes = static_cast<std::uint64_t>(i);
      pipe.Send(batch);
    }
    pipe.Close();
  });
  std::uint64_t expected = 0;
  while (QuadBatch* batch = pipe.Receive()) {
    seen.insert(batch);
    EXPECT_EQ(batch->input_bytes, expected);
    EXPECT_EQ(batch->size(), expected + 1);
    ++expected;
    pipe.Recycle(batch);
  }
  sender.join();
  EXPECT_EQ(expected, 100u);
  EXPECT_LE(seen.size(), 3u);
}

TEST(BatchPipeTest, SenderWaitsForABatchBackAndCancelWakesIt) {
  BatchPipe pipe(2);
  QuadBatch* first = pipe.Empty();
  QuadBatch* second = pipe.Empty();
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  pipe.Send(first);
  pipe.Send(second);
  std::atomic<bool> returned = false;
  QuadBatch* third = nullptr;
  std::thread sender([&] {
    third = pipe.Empty();  // both batches are out: waits
    returned = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_FALSE(returned);
  pipe.Recycle(pipe.Receive());
  sender.join();
  EXPECT_EQ(third, first);

  std::thread stopped([&] {
    pipe.Send(third);
    EXPECT_EQ(pipe.Empty(), nullptr);  // woken by Cancel with nothing to fill
    EXPECT_TRUE(pipe.cancelled());
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  pipe.Cancel();
  stopped.join();
}

}  // namespace
}  // namespace silk::load
