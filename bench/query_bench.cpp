// silk_query_bench: times SPARQL queries in-process over an existing store, the way the
// peer stores' runners time theirs (see ../shared/peers/README.md).
//
//   silk_query_bench [--runs N] [--no-union] [--one-thread] DB_DIR QUERY.rq...
//
// Opens DB_DIR read-only. For each query file: one warm (first) run, then N timed runs
// (default 5, or $RUNS). A run is Prepare + Execute with every solution delivered: each
// bound term arrives decoded (the engine decodes ids to text for the writer) and its text is
// touched, as the peers build a result object per solution. Prints one line per query:
//
//   engine=silkgraph query=NAME rows=N first_ms=X median_ms=Y min_ms=Z
//
// A failing query prints `engine=silkgraph query=NAME ERROR: message` and the rest go on;
// the exit code is then 1. --one-thread keeps each query off the spare threads (as a server
// busy with other queries would run it).
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "engine/query/query_engine.h"
#include "engine/storage/store.h"
#include "grammar/query/query_parser.h"

namespace {

using Clock = std::chrono::steady_clock;

// Counts solutions and reads every byte of every bound term, so no decoding work can be
// skipped or optimised away.
class CountingWriter final : public silk::query::ResultWriter {
 public:
  void Begin(const std::vector<std::string>& /*variables*/) override {}
  void WriteRow(silk::query::Row row) override {
    ++rows_;
    for (const std::optional<silk::rdf::TermView>& term : row) {
      if (term) Touch(*term);
    }
  }
  void WriteTriple(const silk::rdf::QuadView& triple) override {
    ++rows_;
    Touch(triple.subject);
    Touch(triple.predicate);
    Touch(triple.object);
  }
  void End() override {}
  void WriteBoolean(bool /*value*/) override { ++rows_; }

  std::uint64_t rows() const { return rows_; }
  std::uint64_t checksum() const { return checksum_; }

 private:
  void Touch(const silk::rdf::TermView& t) {
    for (const std::string_view s : {t.value, t.datatype, t.language}) {
      for (const char c : s) checksum_ = checksum_ * 31 + static_cast<unsigned char>(c);
    }
  }

  std::uint64_t rows_ = 0;
  std::uint64_t checksum_ = 0;
};

struct RunResult {
  bool ok = false;
  std::string error;
  std::uint64_t rows = 0;
  std::uint64_t checksum = 0;
  double ms = 0;
};

RunResult RunOnce(const std::string& text, const silk::query::QueryOptions& options,
                  silk::storage::Store& store) {
  RunResult result;
  CountingWriter writer;
  const Clock::time_point start = Clock::now();
  auto request = silk::query::Prepare(text, options);
  if (!request.ok()) {
    result.error = request.status().message();
    return result;
  }
  const silk::Status status = silk::query::Execute(**request, store, writer, options);
  result.ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  if (!status.ok()) {
    result.error = status.message();
    return result;
  }
  result.ok = true;
  result.rows = writer.rows();
  result.checksum = writer.checksum();
  return result;
}

std::string OneLine(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}

int Usage() {
  fmt::print(stderr,
             "usage: silk_query_bench [--runs N] [--no-union] [--one-thread] [--key-cache-mb N] "
             "DB_DIR QUERY.rq...\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 5;
  if (const char* env = std::getenv("RUNS"); env != nullptr && *env != '\0') runs = std::atoi(env);
  bool union_default_graph = true;
  bool parallel = true;
  std::optional<std::size_t> key_cache_mb;  // the store's default unless given
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--runs" && i + 1 < argc) {
      runs = std::atoi(argv[++i]);
    } else if (arg == "--key-cache-mb" && i + 1 < argc) {
      key_cache_mb = static_cast<std::size_t>(std::atol(argv[++i]));
    } else if (arg == "--no-union") {
      union_default_graph = false;
    } else if (arg == "--one-thread") {
      parallel = false;
    } else if (arg == "-h" || arg == "--help") {
      return Usage();
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.size() < 2 || runs < 1) return Usage();

  silk::storage::StoreOptions store_options;
  store_options.read_only = true;
  store_options.create_if_missing = false;
  if (key_cache_mb) store_options.key_cache_bytes = *key_cache_mb << 20;
  auto store = silk::storage::Store::Open(positional[0], store_options);
  if (!store.ok()) {
    fmt::print(stderr, "silk_query_bench: cannot open '{}': {}\n", positional[0],
               store.status().message());
    return 1;
  }

  int exit_code = 0;
  for (std::size_t q = 1; q < positional.size(); ++q) {
    const std::string& path = positional[q];
    const std::string name = std::filesystem::path(path).stem().string();
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      fmt::print("engine=silkgraph query={} ERROR: cannot open {}\n", name, path);
      exit_code = 1;
      continue;
    }
    std::ostringstream contents;
    contents << in.rdbuf();
    const std::string text = contents.str();

    // As `silk query -f` sets them up.
    silk::query::QueryOptions options;
    options.source_name = path;
    options.base_iri = "file://" + std::filesystem::absolute(path).string();
    options.prefixes = silk::query::WellKnownPrefixes();
    options.union_default_graph = union_default_graph;
    options.parallel = parallel;

    const RunResult first = RunOnce(text, options, **store);
    if (!first.ok) {
      fmt::print("engine=silkgraph query={} ERROR: {}\n", name, OneLine(first.error));
      std::fflush(stdout);
      exit_code = 1;
      continue;
    }
    std::vector<double> times;
    std::string error;
    for (int r = 0; r < runs; ++r) {
      const RunResult run = RunOnce(text, options, **store);
      if (!run.ok) {
        error = run.error;
        break;
      }
      if (run.rows != first.rows || run.checksum != first.checksum) {
        error = fmt::format("results changed between runs (rows {} then {})", first.rows, run.rows);
        break;
      }
      times.push_back(run.ms);
    }
    if (!error.empty()) {
      fmt::print("engine=silkgraph query={} ERROR: {}\n", name, OneLine(error));
      std::fflush(stdout);
      exit_code = 1;
      continue;
    }
    std::sort(times.begin(), times.end());
    fmt::print("engine=silkgraph query={} rows={} first_ms={:.2f} median_ms={:.2f} min_ms={:.2f}\n",
               name, first.rows, first.ms, times[times.size() / 2], times.front());
    std::fflush(stdout);
  }
  return exit_code;
}
