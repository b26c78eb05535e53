// Transactions: no-op writes, exact statistics, snapshot isolation, all-or-nothing when a
// transaction is dropped, persistence across reopen, ids never reused, decoding and lookup.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "test_store.h"

namespace silk::storage::testing {
namespace {

const rdf::Term kAlice = Iri("http://example.org/alice");
const rdf::Term kBob = Iri("http://example.org/bob");
const rdf::Term kKnows = Iri("http://xmlns.com/foaf/0.1/knows");
const rdf::Term kName = Iri("http://xmlns.com/foaf/0.1/name");
const rdf::Term kAge = Iri("http://xmlns.com/foaf/0.1/age");
const rdf::Term kGraph = Iri("http://example.org/graph");

class StoreTransactionTest : public TestStore {
 protected:
  TermId Id(const rdf::Term& term) {
    const std::unique_ptr<Snapshot> snapshot = store().GetSnapshot();
    Result<std::optional<TermId>> id = snapshot->Lookup(term.view());
    EXPECT_TRUE(id.ok() && id->has_value()) << term.value;
    return id.ok() && id->has_value() ? **id : 0;
  }

  PredicateStats Predicate(const rdf::Term& predicate) {
    Result<StoreStats> stats = store().Stats();
    EXPECT_TRUE(stats.ok());
    const TermId id = Id(predicate);
    for (const PredicateStats& p : stats->predicates) {
      if (p.predicate == id) {
        return p;
      }
    }
    return {id, 0, 0, 0};
  }

  std::uint64_t Quads() {
    Result<StoreStats> stats = store().Stats();
    EXPECT_TRUE(stats.ok());
    return stats.ok() ? stats->quads : 0;
  }
};

TEST_F(StoreTransactionTest, DuplicatesAndAbsentDeletesChangeNothing) {
  Load({MakeQuad(kAlice, kKnows, kBob), MakeQuad(kAlice, kName, Literal("Alice"))});
  const std::string before = Fingerprint(store());
  const std::unique_ptr<WriteTransaction> txn = store().BeginWrite();
  SILK_ASSERT_OK(txn->Insert(MakeQuad(kAlice, kKnows, kBob).view()));
  SILK_ASSERT_OK(txn->Insert(MakeQuad(kAlice, kName, Literal("Alice", Xsd("string"))).view()));
  SILK_ASSERT_OK(txn->Delete(MakeQuad(kBob, kKnows, kAlice).view()));
  SILK_ASSERT_OK(txn->Delete(MakeQuad(kAlice, kKnows, kBob, kGraph).view()));
  EXPECT_EQ(txn->inserted(), 0u);
  EXPECT_EQ(txn->deleted(), 0u);
  SILK_ASSERT_OK(txn->Commit());
  // Only the unknown terms met on the way (bob as subject is known; kGraph is not) may have
  // entered the dictionary; quads and quad statistics are untouched.
  Result<StoreStats> stats = store().Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->quads, 2u);
  EXPECT_EQ(Fingerprint(store()).substr(0, before.find("quads")),
            before.substr(0, before.find("quads")));
}

TEST_F(StoreTransactionTest, IrisWithPrefixListsDictionaryIrisInOrder) {
  Load({MakeQuad(kAlice, kKnows, kBob), MakeQuad(kAlice, kName, Literal("http://example.org/lit"))});
  const std::unique_ptr<Snapshot> snapshot = store().GetSnapshot();
  Result<std::vector<std::string>> iris = snapshot->IrisWithPrefix("http://example.org/", 10);
  ASSERT_TRUE(iris.ok());
  // Literals that look like IRIs are not IRIs.
  EXPECT_EQ(*iris, (std::vector<std::string>{"http://example.org/alice", "http://example.org/bob"}));
  Result<std::vector<std::string>> one = snapshot->IrisWithPrefix("http://", 1);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(*one, std::vector<std::string>{"http://example.org/alice"});
  EXPECT_TRUE(snapshot->IrisWithPrefix("urn:none", 10)->empty());
}

TEST_F(StoreTransactionTest, LanguageTagsMatchWhateverTheirCaseAndPrintAsWritten) {
  Load({MakeQuad(kAlice, kName, Literal("Alice", {}, "en-US"))});
  const std::unique_ptr<Snapshot> snapshot = store().GetSnapshot();
  Result<std::optional<TermId>> lower = snapshot->Lookup(Literal("Alice", {}, "en-us").view());
  Result<std::optional<TermId>> written = snapshot->Lookup(Literal("Alice", {}, "en-US").view());
  ASSERT_TRUE(lower.ok() && lower->has_value() && written.ok() && written->has_value());
  EXPECT_EQ(**lower, **written);
  Result<rdf::Term> term = snapshot->Decode(**lower);
  ASSERT_TRUE(term.ok());
  EXPECT_EQ(term->language, "en-US");
  // Loading the same literal with another case adds nothing: it is the same RDF term.
  const std::unique_ptr<WriteTransaction> txn = store().BeginWrite();
  SILK_ASSERT_OK(txn->Insert(MakeQuad(kAlice, kName, Literal("Alice", {}, "EN-us")).view()));
  EXPECT_EQ(txn->inserted(), 0u);
  SILK_ASSERT_OK(txn->Commit());
}

TEST_F(StoreTransactionTest, DecodeManyMatchesDecode) {
  Load({MakeQuad(kAlice, kKnows, kBob), MakeQuad(kAlice, kAge, Literal("42", Xsd("integer"))),
        MakeQuad(kAlice, kName, Literal("Alice", {}, "en"), kGraph)});
  const std::unique_ptr<Snapshot> snapshot = store().GetSnapshot();
  std::vector<TermId> ids;
  for (const QuadIds& q : ScanSet(*snapshot, {})) {
    ids.insert(ids.end(), {q.s, q.p, q.o, q.g});
  }
  Result<std::vector<rdf::Term>> many = snapshot->DecodeMany(ids);
  ASSERT_TRUE(many.ok()) << many.status().message();
  ASSERT_EQ(many->size(), ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    Result<rdf::Term> one = snapshot->Decode(ids[i]);
    ASSERT_TRUE(one.ok());
    EXPECT_EQ((*many)[i], *one) << i;
  }
  EXPECT_FALSE(snapshot->DecodeMany(std::vector<TermId>{MakeTermId(TermTag::kIri, 999999)}).ok());
}

TEST_F(StoreTransactionTest, InsertThenDeleteInOneTransactionLeavesNothing) {
  const std::unique_ptr<WriteTransaction> txn = store().BeginWrite();
  const rdf::Quad q = MakeQuad(kAlice, kKnows, kBob);
  SILK_ASSERT_OK(txn->Insert(q.view()));
  SILK_ASSERT_OK(txn->Delete(q.view()));
  SILK_ASSERT_OK(txn->Commit());
  EXPECT_EQ(Quads(), 0u);
  EXPECT_EQ(Predicate(kKnows).quads, 0u);
}

TEST_F(StoreTransactionTest, DistinctCountsStayExactThroughInsertsAndDeletes) {
  Load({MakeQuad(kAlice, kKnows, kBob), MakeQuad(kAlice, kKnows, kAlice),
        MakeQuad(kBob, kKnows, kBob, kGraph)});
  PredicateStats knows = Predicate(kKnows);
  EXPECT_EQ(knows.quads, 3u);
  EXPECT_EQ(knows.distinct_subjects, 2u);
  EXPECT_EQ(knows.distinct_objects, 2u);

  // Removing one of alice's two quads keeps her a subject; bob keeps being an object
  // (through the quad in kGraph).
  {
    const std::unique_ptr<WriteTransaction> txn = store().BeginWrite();
    SILK_ASSERT_OK(txn->Delete(MakeQuad(kAlice, kKnows, kBob).view()));
    SILK_ASSERT_OK(txn->Commit());
  }
  knows = Predicate(kKnows);
  EXPECT_EQ(knows.quads, 2u);
  EXPECT_EQ(knows.distinct_subjects, 2u);
  EXPECT_EQ(knows.distinct_objects, 2u);

  // Remove bob's only quad and add it back in another graph, in one transaction: nothing
  // distinct changes. Then remove alice's last quad and add a new subject.
  {
    const std::unique_ptr<WriteTransaction> txn = store().BeginWrite();
    SILK_ASSERT_OK(txn->Delete(MakeQuad(kBob, kKnows, kBob, kGraph).view()));
    SILK_ASSERT_OK(txn->Insert(MakeQuad(kBob, kKnows, kBob).view()));
    SILK_ASSERT_OK(txn->Delete(MakeQuad(kAlice, kKnows, kAlice).view()));
    SILK_ASSERT_OK(txn->Insert(MakeQuad(Iri("http://example.org/carol"), kKnows, kBob).view()));
    SILK_ASSERT_OK(txn->Commit());
  }
  knows = Predicate(kKnows);
  EXPECT_EQ(knows.quads, 2u);
  EXPECT_EQ(knows.distinct_subjects, 2u);  // bob, carol
  EXPECT_EQ(knows.distinct_objects, 1u);   // bob
  Result<StoreStats> stats = store().Stats();
  ASSERT_TRUE(stats.ok());
  ASSERT_EQ(stats->graphs.size(), 1u);  // kGraph lost its last quad: no record left
  EXPECT_EQ(stats->graphs[0].graph, kDefaultGraphId);
  EXPECT_EQ(stats->graphs[0].quads, 2u);
}

// Through both commit paths: one WriteBatch, and SST files ingested (threshold 0).
class StoreIsolationTest : public StoreTransactionTest,
                           public ::testing::WithParamInterface<std::size_t> {
 protected:
  void SetUp() override { Reopen({}, StoreTuning{.ingest_threshold = GetParam()}); }
};

TEST_P(StoreIsolationTest, SnapshotsDoNotSeeLaterCommits) {
  Load({MakeQuad(kAlice, kKnows, kBob)});
  QuadPattern knows;
  knows.p = Id(kKnows);
  const std::unique_ptr<Snapshot> before = store().GetSnapshot();
  Load({MakeQuad(kBob, kKnows, kAlice), MakeQuad(kBob, kName, Literal("Bob"))});
  {
    const std::unique_ptr<WriteTransaction> txn = store().BeginWrite();
    SILK_ASSERT_OK(txn->Delete(MakeQuad(kAlice, kKnows, kBob).view()));
    SILK_ASSERT_OK(txn->Commit());
  }
  EXPECT_EQ(ScanSet(*before, {}).size(), 1u);
  EXPECT_EQ(ScanSet(*before, knows).size(), 1u);
  EXPECT_EQ(before->Count({}).value(), 1u);
  EXPECT_EQ(before->Count(knows).value(), 1u);
  EXPECT_EQ(before->Estimate({}), 1u);
  Result<std::optional<TermId>> name = before->Lookup(kName.view());
  ASSERT_TRUE(name.ok());
  EXPECT_FALSE(name->has_value());
  const std::unique_ptr<Snapshot> after = store().GetSnapshot();
  EXPECT_EQ(ScanSet(*after, {}).size(), 2u);
  EXPECT_EQ(after->Count({}).value(), 2u);
  // Nor do its statistics: the planner's estimates, and the named graphs it lists, are those
  // of the snapshot's commit.
  Load({MakeQuad(kAlice, kName, Literal("Alice"), kGraph)});
  const Result<StoreStats> then = before->Stats();
  ASSERT_TRUE(then.ok()) << then.status().message();
  EXPECT_EQ(then->quads, 1u);
  ASSERT_EQ(then->graphs.size(), 1u);
  EXPECT_EQ(then->graphs[0].graph, kDefaultGraphId);
  const Result<StoreStats> now = store().GetSnapshot()->Stats();
  ASSERT_TRUE(now.ok()) << now.status().message();
  EXPECT_EQ(now->quads, 3u);
  EXPECT_EQ(now->graphs.size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(CommitPaths, StoreIsolationTest,
                         ::testing::Values(~std::size_t{0}, std::size_t{0}),
                         [](const ::testing::TestParamInfo<std::size_t>& param) {
                           return param.param == 0 ? "Ingest" : "Batch";
                         });

TEST_F(StoreTransactionTest, DroppedTransactionLeavesTheStoreExactlyAsItWas) {
  Load({MakeQuad(kAlice, kKnows, kBob), MakeQuad(kAlice, kAge, Literal("42", Xsd("integer")))});
  const std::string before = Fingerprint(store());
  for (const bool large : {false, true}) {
    const std::unique_ptr<WriteTransaction> txn = store().BeginWrite();
    SILK_ASSERT_OK(txn->Delete(MakeQuad(kAlice, kKnows, kBob).view()));
    const int n = large ? 20000 : 10;
    for (int i = 0; i < n; ++i) {
      SILK_ASSERT_OK(txn->Insert(
          MakeQuad(Iri(fmt::format("http://example.org/x{}", i)), kName, Blank("b")).view()));
    }
  }
  EXPECT_EQ(Fingerprint(store()), before);
  Reopen();
  EXPECT_EQ(Fingerprint(store()), before);
}

TEST_F(StoreTransactionTest, DataStatisticsAndIdsSurviveReopen) {
  Load({MakeQuad(kAlice, kKnows, kBob, kGraph), MakeQuad(kAlice, kKnows, Blank("x"))});
  const std::string before = Fingerprint(store());
  const TermId bob = Id(kBob);
  Reopen();
  EXPECT_EQ(Fingerprint(store()), before);
  EXPECT_EQ(Id(kBob), bob);

  // The largest id so far belongs to a committed term; new ones come after it, for IRIs and
  // blank nodes alike, even when a dropped transaction took numbers in between.
  TermId largest = 0;
  for (const QuadIds& q : ScanSet(*store().GetSnapshot(), {})) {
    for (const TermId id : {q.s, q.p, q.o, q.g}) {
      if (IsDictionaryId(id)) {
        largest = std::max(largest, PayloadOf(id));
      }
    }
  }
  {
    const std::unique_ptr<WriteTransaction> dropped = store().BeginWrite();
    SILK_ASSERT_OK(dropped->Insert(MakeQuad(Iri("http://example.org/gone"), kKnows, kBob).view()));
  }
  Reopen();
  const std::unique_ptr<WriteTransaction> txn = store().BeginWrite();
  Result<TermId> carol = txn->Encode(Iri("http://example.org/carol").view());
  Result<TermId> blank = txn->Encode(Blank("x").view());
  ASSERT_TRUE(carol.ok() && blank.ok());
  EXPECT_GT(PayloadOf(*carol), largest);
  EXPECT_GT(PayloadOf(*blank), largest);
  EXPECT_NE(*blank, Id(kBob));
  SILK_ASSERT_OK(txn->Insert(QuadIds{*carol, Id(kKnows), *blank, kDefaultGraphId}));
  SILK_ASSERT_OK(txn->Commit());
}

TEST_F(StoreTransactionTest, BlankNodeLabelsAreScoped) {
  const std::unique_ptr<WriteTransaction> txn = store().BeginWrite();
  Result<TermId> a1 = txn->Encode(Blank("a").view());
  Result<TermId> a2 = txn->Encode(Blank("a").view());
  Result<TermId> b = txn->Encode(Blank("b").view());
  txn->NewBlankNodeScope();
  Result<TermId> a3 = txn->Encode(Blank("a").view());
  ASSERT_TRUE(a1.ok() && a2.ok() && b.ok() && a3.ok());
  EXPECT_EQ(*a1, *a2);
  EXPECT_NE(*a1, *b);
  EXPECT_NE(*a1, *a3);
  EXPECT_EQ(TagOf(*a1), TermTag::kBlank);
  SILK_ASSERT_OK(txn->Insert(QuadIds{*a1, *b, *a3, kDefaultGraphId}));
  SILK_ASSERT_OK(txn->Commit());

  const std::unique_ptr<Snapshot> snapshot = store().GetSnapshot();
  Result<rdf::Term> decoded = snapshot->Decode(*a1);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->kind, rdf::TermKind::kBlank);
  EXPECT_EQ(decoded->value, fmt::format("b{}", PayloadOf(*a1)));
  Result<std::optional<TermId>> found = snapshot->Lookup(Blank("a").view());
  ASSERT_TRUE(found.ok());
  EXPECT_FALSE(found->has_value());
}

TEST_F(StoreTransactionTest, TermsDecodeAsWritten) {
  const std::vector<rdf::Term> objects = {Literal("plain"),
                                          Literal("chat", {}, "fr"),
                                          Literal("007", Xsd("integer")),
                                          Literal("7", Xsd("integer")),
                                          Literal("-0.5", Xsd("decimal")),
                                          Literal("1969-07-20T20:17:40Z", Xsd("dateTime")),
                                          Literal("x", "http://example.org/t"),
                                          Iri("http://example.org/o")};
  std::vector<rdf::Quad> quads;
  for (const rdf::Term& o : objects) {
    quads.push_back(MakeQuad(kAlice, kName, o, kGraph));
  }
  Load(quads);
  const std::unique_ptr<Snapshot> snapshot = store().GetSnapshot();
  for (const rdf::Term& o : objects) {
    Result<std::optional<TermId>> id = snapshot->Lookup(o.view());
    ASSERT_TRUE(id.ok() && id->has_value()) << o.value;
    Result<rdf::Term> back = snapshot->Decode(**id);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, o);
  }
  // "7"^^xsd:integer is inlined, "007" is not; the plain literal equals ^^xsd:string.
  EXPECT_TRUE(IsInlined(*snapshot->Lookup(Literal("7", Xsd("integer")).view()).value()));
  EXPECT_FALSE(IsInlined(*snapshot->Lookup(Literal("007", Xsd("integer")).view()).value()));
  EXPECT_EQ(*snapshot->Lookup(Literal("plain", Xsd("string")).view()).value(),
            *snapshot->Lookup(Literal("plain").view()).value());
  EXPECT_EQ(*snapshot->Lookup(rdf::TermView::DefaultGraph()).value(), kDefaultGraphId);
  Result<rdf::Term> graph = snapshot->Decode(kDefaultGraphId);
  ASSERT_TRUE(graph.ok());
  EXPECT_TRUE(graph->view().IsDefaultGraph());

  Result<std::optional<TermId>> unknown = snapshot->Lookup(Iri("http://example.org/none").view());
  ASSERT_TRUE(unknown.ok());
  EXPECT_FALSE(unknown->has_value());
  Result<rdf::Term> missing = snapshot->Decode(MakeTermId(TermTag::kIri, 1u << 30));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

TEST_F(StoreTransactionTest, BadIdsAndMisuseAreRefused) {
  Load({MakeQuad(kAlice, kKnows, kBob)});
  const TermId alice = Id(kAlice);
  const TermId knows = Id(kKnows);
  {
    const std::unique_ptr<WriteTransaction> txn = store().BeginWrite();
    const Status unknown = txn->Insert(QuadIds{alice, knows, MakeTermId(TermTag::kIri, 777)});
    EXPECT_EQ(unknown.code(), StatusCode::kInvalidArgument);
    EXPECT_NE(unknown.message().find("not a term of this store"), std::string::npos);
    // A dictionary number that exists, under the wrong tag.
    EXPECT_FALSE(
        txn->Insert(QuadIds{alice, knows, MakeTermId(TermTag::kLiteral, PayloadOf(alice))}).ok());
    EXPECT_FALSE(txn->Insert(QuadIds{kDefaultGraphId, knows, alice}).ok());
    EXPECT_FALSE(txn->Insert(QuadIds{alice, knows, MakeTermId(TermTag::kBoolean, 5)}).ok());
    EXPECT_FALSE(txn->Insert(MakeQuad(rdf::Term(), kKnows, kBob).view()).ok());
    SILK_EXPECT_OK(txn->Insert(QuadIds{alice, knows, *InlineInteger(-3)}));

    // Only one transaction at a time.
    const std::unique_ptr<WriteTransaction> second = store().BeginWrite();
    EXPECT_EQ(second->Insert(QuadIds{alice, knows, alice}).code(), StatusCode::kBusy);
    EXPECT_FALSE(second->Commit().ok());

    SILK_ASSERT_OK(txn->Commit());
    EXPECT_FALSE(txn->Commit().ok());
    EXPECT_FALSE(txn->Insert(QuadIds{alice, knows, alice}).ok());
  }
  EXPECT_EQ(store().GetSnapshot()->Count({}).value(), 2u);

  Reopen(StoreOptions{.read_only = true, .create_if_missing = false});
  EXPECT_TRUE(store().read_only());
  const std::unique_ptr<WriteTransaction> txn = store().BeginWrite();
  const Status refused = txn->Insert(QuadIds{alice, knows, alice});
  EXPECT_FALSE(refused.ok());
  EXPECT_NE(refused.message().find("read-only"), std::string::npos);
}

}  // namespace
}  // namespace silk::storage::testing

namespace silk::storage::testing {
namespace {

// Snapshots share one cache of decoded terms. A transaction that is discarded never had its
// ids seen by a snapshot, so when a later transaction gives one of them to another term, that
// term is what every snapshot decodes.
TEST_F(StoreTransactionTest, IdsOfADiscardedTransactionDecodeAsTheirNextTerms) {
  Load({MakeQuad(Iri("http://e/s"), Iri("http://e/p"), Iri("http://e/o"))});
  TermId discarded = 0;
  {
    const std::unique_ptr<WriteTransaction> txn = store().BeginWrite();
    Result<TermId> id = txn->Encode(Iri("http://e/never").view());
    ASSERT_TRUE(id.ok());
    discarded = *id;
    SILK_ASSERT_OK(txn->Insert(QuadIds{discarded, discarded, discarded, kDefaultGraphId}));
    EXPECT_FALSE(store().GetSnapshot()->Decode(discarded).ok());
  }
  {
    const std::unique_ptr<WriteTransaction> txn = store().BeginWrite();
    Result<TermId> id = txn->Encode(Iri("http://e/later").view());
    ASSERT_TRUE(id.ok());
    SILK_ASSERT_OK(txn->Insert(QuadIds{*id, *id, *id, kDefaultGraphId}));
    SILK_ASSERT_OK(txn->Commit());
    EXPECT_EQ(*id, discarded);  // the sequence goes on from the last commit
  }
  for (int i = 0; i < 2; ++i) {  // read, then from the cache
    Result<rdf::Term> term = store().GetSnapshot()->Decode(discarded);
    ASSERT_TRUE(term.ok());
    EXPECT_EQ(*term, Iri("http://e/later"));
    Result<std::vector<rdf::Term>> many = store().GetSnapshot()->DecodeMany(std::vector{discarded});
    ASSERT_TRUE(many.ok());
    EXPECT_EQ(many->front(), Iri("http://e/later"));
  }
}

}  // namespace
}  // namespace silk::storage::testing
