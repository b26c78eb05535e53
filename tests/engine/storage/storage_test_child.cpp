// A helper process for the storage tests: a second process that opens a store, or commits a
// large transaction while the test kills it.
//
//   storage_test_child open DIR                 prints "code=<StatusCode> <message>"
//   storage_test_child commit DIR N THRESHOLD FIRST
//       loads N quads about subjects FIRST.., prints "committing", commits, prints "committed"
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "engine/storage/rocks_store.h"

namespace silk::storage {
namespace {

int OpenAndReport(const std::string& dir) {
  Result<std::unique_ptr<Store>> store = Store::Open(dir, StoreOptions());
  const Status status = store.ok() ? Status::Ok() : store.status();
  fmt::print("code={} {}\n", static_cast<int>(status.code()), status.message());
  std::fflush(stdout);
  return 0;
}

int Commit(const std::string& dir, long quads, std::size_t threshold, long first) {
  StoreTuning tuning;
  tuning.ingest_threshold = threshold;
  Result<std::unique_ptr<Store>> store = OpenRocksStore(dir, StoreOptions(), tuning);
  if (!store.ok()) {
    fmt::print(stderr, "{}\n", store.status().message());
    return 1;
  }
  const std::unique_ptr<WriteTransaction> txn = (*store)->BeginWrite();
  const std::string xsd_integer = fmt::format("{}integer", rdf::kXsd);
  for (long i = first; i < first + quads; ++i) {
    const std::string s = fmt::format("http://example.org/crash/s{}", i);
    const std::string p = fmt::format("http://example.org/crash/p{}", i % 7);
    const std::string o = fmt::format("{}", i);
    const std::string label = fmt::format("text {}", i);
    const rdf::QuadView quad{
        rdf::TermView::Iri(s), rdf::TermView::Iri(p),
        i % 2 == 0 ? rdf::TermView::Literal(o, xsd_integer) : rdf::TermView::Literal(label),
        rdf::TermView::DefaultGraph()};
    const Status inserted = txn->Insert(quad);
    if (!inserted.ok()) {
      fmt::print(stderr, "{}\n", inserted.message());
      return 1;
    }
  }
  fmt::print("committing\n");
  std::fflush(stdout);
  const Status committed = txn->Commit();
  if (!committed.ok()) {
    fmt::print(stderr, "{}\n", committed.message());
    return 1;
  }
  fmt::print("committed\n");
  std::fflush(stdout);
  return 0;
}

}  // namespace
}  // namespace silk::storage

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "open" && argc == 3) {
    return silk::storage::OpenAndReport(argv[2]);
  }
  if (mode == "commit" && argc == 6) {
    return silk::storage::Commit(argv[2], std::atol(argv[3]),
                                 static_cast<std::size_t>(std::atoll(argv[4])), std::atol(argv[5]));
  }
  fmt::print(stderr, "usage: storage_test_child open DIR | commit DIR N THRESHOLD FIRST\n");
  return 2;
}
