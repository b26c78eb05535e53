// silk query: one SPARQL query or update, from the command line, a file or standard input.
#include <fmt/format.h>

#include <atomic>
#include <csignal>
#include <fstream>
#include <iostream>
#include <sstream>

#include "engine/query/query_engine.h"
#include "shell/commands.h"
#include "shell/exit_codes.h"
#include "shell/file_iri.h"
#include "shell/prefixes.h"
#include "shell/store_location.h"

namespace silk::shell {
namespace {

std::atomic<bool> interrupted{false};

extern "C" void OnInterrupt(int /*signal*/) { interrupted.store(true); }

std::optional<double> ParseSeconds(const std::string& text) {
  try {
    std::size_t used = 0;
    const double seconds = std::stod(text, &used);
    if (used != text.size() || !(seconds > 0)) return std::nullopt;
    return seconds;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

int RunQuery(const Invocation& invocation) {
  query::QueryOptions options;
  options.prefixes = ShellPrefixes();
  options.base_iri = invocation.Get("--base");

  const std::string format_name = invocation.Get("--format", "table");
  const std::optional<query::ResultFormat> format = query::ResultFormatNamed(format_name);
  if (!format) {
    fmt::print(stderr, "silk: unknown result format '{}' (use table, tsv, csv, json, xml or ntriples)\n",
               format_name);
    return kExitUsageError;
  }
  const std::string default_graph = invocation.Get("--default-graph", "union");
  if (default_graph != "union" && default_graph != "stored") {
    fmt::print(stderr, "silk: --default-graph takes 'union' or 'stored', not '{}'\n", default_graph);
    return kExitUsageError;
  }
  options.union_default_graph = default_graph == "union";
  if (invocation.Has("--timeout")) {
    const std::optional<double> seconds = ParseSeconds(invocation.Get("--timeout"));
    if (!seconds) {
      fmt::print(stderr, "silk: --timeout takes a number of seconds, not '{}'\n",
                 invocation.Get("--timeout"));
      return kExitUsageError;
    }
    options.limits.timeout = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        std::chrono::duration<double>(*seconds));
  }

  // The text: an argument, a file, or standard input.
  std::string text;
  if (invocation.Has("-f")) {
    if (!invocation.args.empty()) {
      fmt::print(stderr, "silk: give the query as an argument or with -f, not both\n");
      return kExitUsageError;
    }
    const std::string path = invocation.Get("-f");
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      fmt::print(stderr, "silk: cannot open '{}': {}\n", path, std::strerror(errno));
      return kExitDataError;
    }
    std::ostringstream contents;
    contents << in.rdbuf();
    text = contents.str();
    options.source_name = path;
    if (options.base_iri.empty()) options.base_iri = FileIri(path);
  } else if (!invocation.args.empty()) {
    text = invocation.args[0];
  } else {
    std::ostringstream contents;
    contents << std::cin.rdbuf();
    text = contents.str();
    options.source_name = "<stdin>";
  }

  Result<std::unique_ptr<query::PreparedRequest>> request = query::Prepare(text, options);
  if (!request.ok()) return ReportFailure(request.status());
  auto store = OpenStore(invocation.db_dir, (*request)->is_update() ? Access::kWrite : Access::kRead);
  if (!store.ok()) return ReportFailure(store.status());

  // Ctrl-C stops the query cleanly: the store is left as it was, and we say so.
  options.limits.cancel = &interrupted;
  std::signal(SIGINT, OnInterrupt);
  std::unique_ptr<query::ResultWriter> writer = query::MakeResultWriter(*format, std::cout);
  std::string plan;
  Status status = query::Execute(**request, **store, *writer, options, &plan);
  std::cout.flush();
  std::signal(SIGINT, SIG_DFL);
  if (!status.ok()) return ReportFailure(status);
  if (!plan.empty()) std::cout << plan;
  return kExitOk;
}

}  // namespace silk::shell
