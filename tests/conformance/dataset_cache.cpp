#include "tests/conformance/dataset_cache.h"

#include <fmt/format.h>
#include <unistd.h>

namespace silk::conformance {

DatasetCache::DatasetCache(const TestFiles& files) : files_(files) {}

DatasetCache::~DatasetCache() {
  store_.reset();
  if (!dir_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
}

Result<storage::Store*> DatasetCache::Get(const DatasetSpec& spec) {
  if (!store_) {
    dir_ = std::filesystem::temp_directory_path() /
           fmt::format("silk-conformance-{}", ::getpid());
    std::filesystem::remove_all(dir_);
    Result<std::unique_ptr<storage::Store>> store = storage::Store::Open(dir_.string(), {});
    if (!store.ok()) return store.status();
    store_ = std::move(store).value();
  }
  if (spec_ != spec) {
    spec_.reset();
    if (Status replaced = Replace(spec); !replaced.ok()) return replaced;
    spec_ = spec;
  }
  return store_.get();
}

Status DatasetCache::Replace(const DatasetSpec& spec) {
  std::vector<storage::QuadIds> old;
  {
    std::unique_ptr<storage::Snapshot> snapshot = store_->GetSnapshot();
    std::unique_ptr<storage::QuadIterator> it = snapshot->Scan({});
    for (; it->Valid(); it->Next()) old.push_back(it->quad());
    if (Status s = it->status(); !s.ok()) return s;
  }
  // Deleting and loading in one transaction: a load that fails leaves the old data, which
  // spec_ (reset by the caller) no longer claims to be anything.
  std::unique_ptr<storage::WriteTransaction> tx = store_->BeginWrite();
  for (const storage::QuadIds& quad : old) {
    if (Status s = tx->Delete(quad); !s.ok()) return s;
  }
  const auto load = [&](const std::string& iri, const std::string& graph_name) -> Status {
    const std::optional<std::filesystem::path> path = files_.PathOf(iri);
    if (!path) return Status::InvalidArgument(fmt::format("<{}> is not a test file", iri));
    RdfFile file = ReadRdfFile(*path, iri);
    if (file.error) return Status::InvalidArgument(file.error->ToString());
    tx->NewBlankNodeScope();
    const rdf::TermView graph =
        graph_name.empty() ? rdf::TermView::DefaultGraph() : rdf::TermView::Iri(graph_name);
    for (const rdf::Quad& quad : file.quads) {
      rdf::QuadView view = quad.view();
      view.graph = graph;
      if (Status inserted = tx->Insert(view); !inserted.ok()) return inserted;
    }
    return Status::Ok();
  };
  for (const std::string& iri : spec.default_graph) {
    if (Status s = load(iri, ""); !s.ok()) return s;
  }
  for (const std::string& iri : spec.named_graphs) {
    if (Status s = load(iri, iri); !s.ok()) return s;
  }
  for (const auto& [iri, graph_name] : spec.labelled_graphs) {
    if (Status s = load(iri, graph_name); !s.ok()) return s;
  }
  return tx->Commit();
}

}  // namespace silk::conformance
