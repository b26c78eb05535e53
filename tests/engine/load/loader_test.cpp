// LoadInto against a real store: the two-thread load must give exactly what inserting the
// parser's statements one by one on a single thread gives, and stop the same way on errors.
#include "engine/load/loader.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <memory>
#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <thread>
#include <vector>

#include "engine/load/quad_batch.h"
#include "tests/engine/storage/test_store.h"

namespace silk::load {
namespace {

using storage::testing::Fingerprint;
using storage::testing::TempDir;

constexpr std::string_view kXsdInteger = "http://www.w3.org/2001/XMLSchema#integer";

// N-Quads of every shape a batch must carry: escapes, empty and language-tagged literals,
// datatypes, blank nodes, named and default graphs, and literals longer than a whole batch.
std::string MakeNQuads(std::size_t statements) {
  std::string out;
  for (std::size_t i = 0; i < statements; ++i) {
    switch (i % 8) {
      case 0:
        out += fmt::format("<http://e/s{}> <http://e/p0> \"text {} \\\"q\\\" \\u00E9\\n\"@en .\n",
                           i % 5000, i);
        break;
      case 1:
        out += fmt::format("_:b{} <http://e/p1> <http://e/o{}> <http://e/g{}> .\n", i % 1000,
                           i % 300, i % 5);
        break;
      case 2:
        out += fmt::format("<http://e/s{}> <http://e/p2> \"{}\"^^<{}> <http://e/g1> .\n", i % 5000,
                           i, kXsdInteger);
        break;
      case 3:
        out += fmt::format("<http://e/s{}> <http://e/p3> _:b{} .\n", i % 5000, (i * 7) % 1000);
        break;
      case 4:
        out += fmt::format("<http://e/s{}> <http://e/p4> \"\" .\n", i);
        break;
      case 5: {
        // Every 25 000th statement a literal of 1.5 MiB, more than a batch holds.
        const std::size_t length = i % 25000 == 5 ? QuadBatch::kMaxBytes * 3 / 2 : 200;
        out += fmt::format("<http://e/s{}> <http://e/p5> \"{}{}\" .\n", i % 5000,
                           std::string(length, 'a' + static_cast<char>(i % 26)), i);
        break;
      }
      case 6:
        out += fmt::format(
            "_:c{} <http://e/p6> \"x\"^^<http://www.w3.org/2001/XMLSchema#string> <http://e/g2> "
            ".\n",
            i % 777);
        break;
      default:
        out += fmt::format("<http://e/s{}> <http://e/p7> \"v{}\"@de-CH .\n", i % 5000, i);
        break;
    }
  }
  return out;
}

// Lines `first`..`last` of N-Triples, each a different statement.
std::string MakeNTriples(std::size_t first, std::size_t last) {
  std::string out;
  for (std::size_t i = first; i <= last; ++i) {
    out += fmt::format("<http://e/s{}> <http://e/p> \"{}\" .\n", i % 1000, i);
  }
  return out;
}

// What the load must match: the parser's statements inserted one by one on this thread, as
// the single-threaded loader did.
class CollectingSink final : public rdf::QuadSink {
 public:
  bool Accept(const rdf::QuadView& quad) override {
    quads.emplace_back(quad);
    return true;
  }
  std::vector<rdf::Quad> quads;
};

std::unique_ptr<storage::Store> OpenStore(const std::string& dir) {
  Result<std::unique_ptr<storage::Store>> store = storage::OpenRocksStore(dir, {}, {});
  EXPECT_TRUE(store.ok()) << store.status().message();
  return store.ok() ? std::move(*store) : nullptr;
}

// Passes everything on to a real transaction, but its Insert fails (or throws) after
// `good` inserts, and it notes whether every call came from the thread that made it.
class FailingTransaction final : public storage::WriteTransaction {
 public:
  FailingTransaction(storage::WriteTransaction& inner, std::uint64_t good, bool throws)
      : inner_(inner), good_(good), throws_(throws) {}

  void NewBlankNodeScope() override { inner_.NewBlankNodeScope(); }
  Result<storage::TermId> Encode(const rdf::TermView& term) override { return inner_.Encode(term); }
  Status Insert(const rdf::QuadView& quad) override {
    if (std::this_thread::get_id() != owner_) other_thread_ = true;
    if (calls_++ == good_) {
      if (throws_) throw std::runtime_error("insert threw");
      return Status::IOError("the disk is full");
    }
    return inner_.Insert(quad);
  }
  Status Insert(const storage::QuadIds& quad) override { return inner_.Insert(quad); }
  Status Delete(const rdf::QuadView& quad) override { return inner_.Delete(quad); }
  Status Delete(const storage::QuadIds& quad) override { return inner_.Delete(quad); }
  std::uint64_t inserted() const override { return inner_.inserted(); }
  std::uint64_t deleted() const override { return inner_.deleted(); }
  Status Commit() override { return inner_.Commit(); }
  CommitProgress commit_progress() const override { return inner_.commit_progress(); }

  std::uint64_t calls() const { return calls_; }
  bool other_thread() const { return other_thread_; }

 private:
  storage::WriteTransaction& inner_;
  const std::uint64_t good_;
  const bool throws_;
  const std::thread::id owner_ = std::this_thread::get_id();
  std::uint64_t calls_ = 0;
  bool other_thread_ = false;
};

// Serves `data`, then fails as a damaged disk would.
class BrokenStreambuf final : public std::streambuf {
 public:
  explicit BrokenStreambuf(std::string data) : data_(std::move(data)) {
    setg(data_.data(), data_.data(), data_.data() + data_.size());
  }

 protected:
  int_type underflow() override { throw std::ios_base::failure("the device failed"); }

 private:
  std::string data_;
};

class LoaderTest : public storage::testing::TestStore {
 protected:
  // Loads `text` with LoadInto into this test's store and commits it (when the load is ok).
  Status Load(const std::string& text, const LoadOptions& options, LoadCounts& counts) {
    const std::unique_ptr<storage::WriteTransaction> tx = store().BeginWrite();
    std::istringstream in(text);
    Status status = LoadInto(*tx, in, options, counts);
    if (status.ok()) status = tx->Commit();
    return status;
  }

  // The store that inserting the parser's statements one by one on this thread makes.
  std::string Reference(const std::string& text, const LoadOptions& options) {
    std::istringstream in(text);
    rdf::ParseOptions parse_options;
    parse_options.format = options.format;
    CollectingSink sink;
    EXPECT_FALSE(rdf::ParseRdf(in, parse_options, sink).has_value());
    const std::unique_ptr<storage::Store> store = OpenStore(reference_dir_.path());
    const std::unique_ptr<storage::WriteTransaction> tx = store->BeginWrite();
    tx->NewBlankNodeScope();
    for (const rdf::Quad& quad : sink.quads) {
      rdf::QuadView view = quad.view();
      if (view.graph.IsDefaultGraph() && !options.graph_iri.empty()) {
        view.graph = rdf::TermView::Iri(options.graph_iri);
      }
      EXPECT_TRUE(tx->Insert(view).ok());
    }
    EXPECT_TRUE(tx->Commit().ok());
    reference_statements_ = sink.quads.size();
    return Fingerprint(*store);
  }

  std::uint64_t Quads() {
    Result<storage::StoreStats> stats = store().Stats();
    EXPECT_TRUE(stats.ok());
    return stats.ok() ? stats->quads : 0;
  }

  TempDir reference_dir_;
  std::size_t reference_statements_ = 0;
};

TEST_F(LoaderTest, ManyBatchesGiveTheSameStoreAsInsertingOneByOne) {
  const std::string text = MakeNQuads(100000);
  LoadOptions options;
  options.format = rdf::RdfFormat::kNQuads;
  std::vector<LoadProgress> reports;
  const std::thread::id caller = std::this_thread::get_id();
  bool other_thread = false;
  options.on_progress = [&](const LoadProgress& progress) {
    other_thread |= std::this_thread::get_id() != caller;
    reports.push_back(progress);
  };
  LoadCounts counts;
  SILK_ASSERT_OK(Load(text, options, counts));

  EXPECT_EQ(Fingerprint(store()), Reference(text, options));
  EXPECT_EQ(counts.statements, 100000u);
  EXPECT_EQ(reference_statements_, 100000u);
  EXPECT_EQ(counts.skipped, 0u);
  EXPECT_EQ(counts.bytes, text.size());
  // Progress: on the caller's thread, never going back, ending where the load ended.
  EXPECT_FALSE(other_thread);
  ASSERT_FALSE(reports.empty());
  for (std::size_t i = 1; i < reports.size(); ++i) {
    EXPECT_LE(reports[i - 1].statements, reports[i].statements);
    EXPECT_LE(reports[i - 1].bytes, reports[i].bytes);
  }
  EXPECT_EQ(reports.back().statements, 100000u);
  EXPECT_EQ(reports.back().bytes, text.size());
}

TEST_F(LoaderTest, GraphOptionTakesTheStatementsWithoutAGraph) {
  const std::string text = MakeNQuads(20000);
  LoadOptions options;
  options.format = rdf::RdfFormat::kNQuads;
  options.graph_iri = "http://e/loaded";
  LoadCounts counts;
  SILK_ASSERT_OK(Load(text, options, counts));
  EXPECT_EQ(Fingerprint(store()), Reference(text, options));

  // And directly: a statement without a graph is in the option's graph, one with keeps its own.
  const std::unique_ptr<storage::Snapshot> snapshot = store().GetSnapshot();
  Result<std::optional<storage::TermId>> loaded =
      snapshot->Lookup(rdf::TermView::Iri("http://e/loaded"));
  Result<std::optional<storage::TermId>> own = snapshot->Lookup(rdf::TermView::Iri("http://e/g1"));
  ASSERT_TRUE(loaded.ok() && loaded->has_value());
  ASSERT_TRUE(own.ok() && own->has_value());
  storage::QuadPattern in_loaded;
  in_loaded.g = **loaded;
  storage::QuadPattern in_own;
  in_own.g = **own;
  EXPECT_FALSE(storage::testing::ScanSet(*snapshot, in_loaded).empty());
  EXPECT_FALSE(storage::testing::ScanSet(*snapshot, in_own).empty());
}

TEST_F(LoaderTest, TurtleLoadsTheSameAsInsertingOneByOne) {
  std::string text = "@prefix e: <http://e/> .\n";
  for (int i = 0; i < 30000; ++i) {
    text += fmt::format("e:s{} e:p [ e:q {} ; e:r ( \"a\" \"b\" ) ] .\n", i % 700, i);
  }
  LoadOptions options;
  options.format = rdf::RdfFormat::kTurtle;
  LoadCounts counts;
  SILK_ASSERT_OK(Load(text, options, counts));
  EXPECT_EQ(Fingerprint(store()), Reference(text, options));
  EXPECT_EQ(counts.statements, reference_statements_);
}

TEST_F(LoaderTest, SyntaxErrorAfterManyBatchesKeepsEverythingBeforeIt) {
  // 40 000 good lines (several batches), a bad one, then more that must not be loaded.
  const std::string text =
      MakeNTriples(1, 40000) + "<http://e/s> <http://e/p> .\n" + MakeNTriples(40002, 50000);
  LoadOptions options;
  options.format = rdf::RdfFormat::kNTriples;
  options.source_name = "bad.nt";
  std::uint64_t last_reported = 0;
  options.on_progress = [&](const LoadProgress& progress) { last_reported = progress.statements; };
  const std::unique_ptr<storage::WriteTransaction> tx = store().BeginWrite();
  std::istringstream in(text);
  LoadCounts counts;
  const Status status = LoadInto(*tx, in, options, counts);
  ASSERT_EQ(status.code(), StatusCode::kInvalidArgument) << status.message();
  ASSERT_TRUE(status.parse_error().has_value());
  EXPECT_EQ(status.parse_error()->line, 40001u);
  EXPECT_EQ(status.parse_error()->source, "bad.nt");
  EXPECT_EQ(counts.statements, 40000u);
  EXPECT_EQ(last_reported, 40000u);
  EXPECT_EQ(counts.skipped, 0u);
  EXPECT_GT(counts.bytes, 0u);
  // Every statement before the error reached the transaction, none after it.
  SILK_ASSERT_OK(tx->Commit());
  EXPECT_EQ(Quads(), 40000u);
}

TEST_F(LoaderTest, SkipModeCountsAndReportsEachBadStatement) {
  std::string text;
  std::vector<std::uint64_t> bad_lines;
  for (std::size_t line = 1; line <= 30000; ++line) {
    if (line % 1000 == 7) {
      text += "<http://e/s> \"not a predicate\" <http://e/o> .\n";
      bad_lines.push_back(line);
    } else {
      text += fmt::format("<http://e/s{}> <http://e/p> \"{}\" .\n", line % 100, line);
    }
  }
  LoadOptions options;
  options.format = rdf::RdfFormat::kNTriples;
  std::vector<std::uint64_t> reported;
  options.on_bad_statement = [&](const ParseError& error) { reported.push_back(error.line); };
  LoadCounts counts;
  SILK_ASSERT_OK(Load(text, options, counts));
  EXPECT_EQ(counts.skipped, bad_lines.size());
  EXPECT_EQ(reported, bad_lines);
  EXPECT_EQ(counts.statements, 30000u - bad_lines.size());
  EXPECT_EQ(Quads(), 30000u - bad_lines.size());
}

TEST_F(LoaderTest, StorageErrorStopsTheParserAndIsReturned) {
  // A bad line every 100: how many the parser met tells how far it got.
  std::string text;
  for (std::size_t line = 1; line <= 200000; ++line) {
    text += line % 100 == 0
                ? "bad\n"
                : fmt::format("<http://e/s{}> <http://e/p> \"{}\" .\n", line % 10, line);
  }
  const std::unique_ptr<storage::WriteTransaction> inner = store().BeginWrite();
  FailingTransaction tx(*inner, 1000, /*throws=*/false);
  LoadOptions options;
  options.format = rdf::RdfFormat::kNTriples;
  options.on_bad_statement = [](const ParseError&) {};
  std::istringstream in(text);
  LoadCounts counts;
  const Status status = LoadInto(tx, in, options, counts);
  EXPECT_EQ(status.code(), StatusCode::kIOError);
  EXPECT_EQ(status.message(), "the disk is full");
  EXPECT_EQ(tx.calls(), 1001u);         // nothing more after the failure
  EXPECT_EQ(counts.statements, 1001u);  // the failed statement counts, as it always did
  EXPECT_FALSE(tx.other_thread());
  // The parser stopped a few batches ahead, not at the end of the input.
  EXPECT_LT(counts.skipped, 2000u / 2);
  EXPECT_LT(counts.bytes, text.size() / 2);
}

TEST_F(LoaderTest, ExceptionsOnEitherThreadReachTheCaller) {
  const std::string text = MakeNTriples(1, 50000) + "bad\n" + MakeNTriples(50002, 60000);
  {
    // Thrown on the caller's thread while the parser runs ahead: the parser is stopped and
    // waited for before the exception leaves LoadInto.
    const std::unique_ptr<storage::WriteTransaction> inner = store().BeginWrite();
    FailingTransaction tx(*inner, 100, /*throws=*/true);
    std::istringstream in(text);
    LoadOptions options;
    options.format = rdf::RdfFormat::kNTriples;
    EXPECT_THROW(LoadInto(tx, in, options), std::runtime_error);
  }
  {
    // Thrown on the parser's thread (by the skip callback).
    const std::unique_ptr<storage::WriteTransaction> tx = store().BeginWrite();
    std::istringstream in(text);
    LoadOptions options;
    options.format = rdf::RdfFormat::kNTriples;
    options.on_bad_statement = [](const ParseError&) { throw std::runtime_error("no more"); };
    EXPECT_THROW(LoadInto(*tx, in, options), std::runtime_error);
  }
}

TEST_F(LoaderTest, UnreadableInputIsAnIOError) {
  BrokenStreambuf broken(MakeNTriples(1, 20000));
  std::istream in(&broken);
  const std::unique_ptr<storage::WriteTransaction> tx = store().BeginWrite();
  LoadOptions options;
  options.format = rdf::RdfFormat::kNTriples;
  options.source_name = "disk.nt";
  LoadCounts counts;
  const Status status = LoadInto(*tx, in, options, counts);
  EXPECT_EQ(status.code(), StatusCode::kIOError);
  EXPECT_EQ(status.message(), "cannot read disk.nt");
  EXPECT_LE(counts.statements, 20000u);
}

TEST_F(LoaderTest, EmptyInputLoadsNothing) {
  LoadOptions options;
  options.format = rdf::RdfFormat::kNTriples;
  int reports = 0;
  options.on_progress = [&](const LoadProgress& progress) {
    ++reports;
    EXPECT_EQ(progress.statements, 0u);
  };
  LoadCounts counts;
  SILK_ASSERT_OK(Load("", options, counts));
  EXPECT_EQ(counts.statements, 0u);
  EXPECT_EQ(counts.bytes, 0u);
  EXPECT_EQ(reports, 1);
  EXPECT_EQ(Quads(), 0u);
}

}  // namespace
}  // namespace silk::load
