// libFuzzer target: the planner and the executor (and the result writers) on a small store.
// Each input is prepared as a query or an update; one that parses runs against a store of a
// few dozen quads of every kind of term, under a short timeout and a small memory limit, and
// writes its results in one of the formats its kind fits. Every input must come back as
// results or a Status: no crash, no sanitizer report, no hang past the timeout.
// An update changes the store, so the store is made anew after each one that parses: every
// input runs on the same data, and a finding reproduces from its input alone.
#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <ostream>
#include <span>
#include <sstream>
#include <streambuf>
#include <string>
#include <string_view>

#include "engine/load/loader.h"
#include "engine/query/query_engine.h"
#include "engine/storage/store.h"
#include "grammar/query/query_parser.h"

namespace {

constexpr char kData[] = R"(
<http://e/japarov> <http://e/name> "Sadyr Japarov"@en <http://e/a1> .
<http://e/japarov> <http://e/name> "Dschaparow"@de <http://e/a0> .
<http://e/japarov> <http://e/visited> <http://e/korea> <http://e/a0> .
<http://e/japarov> <http://e/visited> <http://e/korea> <http://e/a1> .
<http://e/yoon> <http://e/visited> <http://e/kazakhstan> <http://e/a2> .
<http://e/yoon> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://e/Person> .
<http://e/japarov> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://e/Person> .
<http://e/korea> <http://e/population> "51700000"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://e/kazakhstan> <http://e/population> "19000000"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://e/korea> <http://e/area> "100210.5"^^<http://www.w3.org/2001/XMLSchema#decimal> .
<http://e/korea> <http://e/ratio> "1.5e3"^^<http://www.w3.org/2001/XMLSchema#double> .
<http://e/korea> <http://e/big> "123456789012345678901234567890"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://e/a1> <http://e/published> "2024-06-10"^^<http://www.w3.org/2001/XMLSchema#date> .
<http://e/a2> <http://e/published> "2024-06-12T09:30:00+05:00"^^<http://www.w3.org/2001/XMLSchema#dateTime> .
<http://e/a1> <http://e/open> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> .
<http://e/a1> <http://e/title> "Kore ile Orta Asya: ülkeler arası işbirliği"@tr .
<http://e/a1> <http://e/title> "Корея"@ru .
<http://e/a1> <http://e/note> "plain" .
<http://e/a1> <http://e/note> "typed"^^<http://e/custom> .
_:b1 <http://e/next> _:b2 .
_:b2 <http://e/next> _:b1 .
<http://e/a> <http://e/next> <http://e/b> .
<http://e/b> <http://e/next> <http://e/c> .
<http://e/c> <http://e/next> <http://e/a> .
<http://e/c> <http://e/next> _:b1 <http://e/a2> .
<http://e/list> <http://e/items> _:l1 .
_:l1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .
_:l1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:l2 .
_:l2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "two" .
_:l2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
)";

// Output nobody reads: the writers run in full, the bytes go nowhere.
class Discard final : public std::streambuf {
 protected:
  int_type overflow(int_type c) override { return traits_type::not_eof(c); }
  std::streamsize xsputn(const char* /*data*/, std::streamsize n) override { return n; }
};

class FuzzStore {
 public:
  FuzzStore() {
    char pattern[] = "/tmp/silk-query-fuzz-XXXXXX";
    if (::mkdtemp(pattern) == nullptr) std::abort();
    dir_ = std::filesystem::path(pattern) / "store";
    Reset();
  }
  ~FuzzStore() {
    store_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_.parent_path(), ignored);
  }

  silk::storage::Store& store() { return *store_; }

  // The store as it was made, after an update changed it.
  void Reset() {
    store_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
    auto store = silk::storage::Store::Open(dir_.string(), {});
    if (!store.ok()) std::abort();
    store_ = std::move(store).value();
    std::unique_ptr<silk::storage::WriteTransaction> tx = store_->BeginWrite();
    std::istringstream in(kData);
    silk::load::LoadOptions options;
    options.format = silk::rdf::RdfFormat::kNQuads;
    if (!silk::load::LoadInto(*tx, in, options).ok() || !tx->Commit().ok()) std::abort();
  }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<silk::storage::Store> store_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static FuzzStore fuzz_store;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  silk::query::QueryOptions options;
  options.prefixes = silk::query::WellKnownPrefixes();
  options.base_iri = "http://example.org/base/";
  options.limits.timeout = std::chrono::milliseconds(500);
  options.limits.memory_limit = std::uint64_t{64} << 20;
  // Both default graphs, chosen by the input so that a finding reproduces.
  options.union_default_graph = size % 2 == 0;
  // LOAD would read whatever file an input names (a device that never ends, among others).
  options.local_files = false;
  auto request = silk::query::Prepare(text, options);
  if (!request.ok()) return 0;
  const std::span<const silk::query::ResultFormat> formats =
      silk::query::FormatsFor((*request)->result_kind());
  const silk::query::ResultFormat format =
      formats.empty() ? silk::query::ResultFormat::kTsv : formats[size % formats.size()];
  Discard discard;
  std::ostream out(&discard);
  std::unique_ptr<silk::query::ResultWriter> writer = silk::query::MakeResultWriter(format, out);
  std::string plan;
  (void)silk::query::Execute(**request, fuzz_store.store(), *writer, options, &plan);
  if ((*request)->is_update()) fuzz_store.Reset();
  return 0;
}
