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
#include "engine/load/file_iri.h"
#include "shell/limit_options.h"
#include "shell/output_check.h"
#include "shell/prefixes.h"
#include "shell/query_defaults.h"
#include "shell/result_formats.h"
#include "shell/store_location.h"
#include "shell/text_format.h"
#include "shell/unknown_names.h"

namespace silk::shell {
namespace {

std::atomic<bool> interrupted{false};

extern "C" void OnInterrupt(int /*signal*/) { interrupted.store(true); }

}  // namespace

int RunQuery(const Invocation& invocation) {
  query::QueryOptions options;
  options.prefixes = ShellPrefixes();
  options.base_iri = invocation.Get("--base");

  const std::string format_name = invocation.Get("--format");
  std::optional<query::ResultFormat> format = query::ResultFormatNamed(format_name);
  if (!format_name.empty() && !format) {
    fmt::print(stderr, "silk: unknown result format '{}' (use {}, or for graphs {})\n", format_name,
               FormatChoices(query::ResultKind::kSolutions),
               FormatChoices(query::ResultKind::kGraph));
    return kExitUsageError;
  }
  const std::string default_graph = invocation.Get("--default-graph", "union");
  if (default_graph != "union" && default_graph != "stored") {
    fmt::print(stderr, "silk: --default-graph takes 'union' or 'stored', not '{}'\n", default_graph);
    return kExitUsageError;
  }
  options.union_default_graph = default_graph == "union";
  options.limits.memory_limit = kDefaultQueryMemory;
  if (Status limits = ReadLimitOptions(invocation, options.limits); !limits.ok()) {
    fmt::print(stderr, "silk: {}\n", limits.message());
    return kExitUsageError;
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
    if (options.base_iri.empty()) options.base_iri = load::FileIri(path);
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
  // SPARQL allows an update of no operations; a command asked to run one was given nothing.
  if ((*request)->only_prologue()) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
      fmt::print(stderr, "silk: no query given: pass it as an argument, with -f FILE, or on standard input\n");
      return kExitUsageError;
    }
    fmt::print(stderr, "silk: {} holds no query or update, only comments or PREFIX/BASE declarations\n",
               options.source_name);
    return kExitDataError;
  }
  // The format must fit what the query returns; by default a table, or Turtle for a graph.
  const query::ResultKind kind = (*request)->result_kind();
  if (!format) {
    format = kind == query::ResultKind::kGraph ? query::ResultFormat::kTurtle
                                               : query::ResultFormat::kTable;
  }
  if (kind != query::ResultKind::kNothing && (*request)->explain() == query::ExplainMode::kNone &&
      !query::FormatFits(*format, kind)) {
    fmt::print(stderr, "silk: {}; use {}\n", FormatMismatch("--format " + format_name, **request),
               FormatChoices(kind));
    return kExitUsageError;
  }
  Result<std::chrono::milliseconds> wait = WriterWait(invocation);
  if (!wait.ok()) {
    fmt::print(stderr, "silk: {}\n", wait.status().message());
    return kExitUsageError;
  }
  storage::StoreOptions store_options;
  store_options.writer_wait = *wait;
  // One request per process: no later query would read the keys kept decoded, and keeping
  // them costs the first reading of them a tenth or so.
  store_options.key_cache_bytes = 0;
  auto store = OpenStore(invocation.db_dir,
                         (*request)->is_update() ? Access::kWrite : Access::kRead, store_options);
  if (!store.ok()) return ReportFailure(store.status());
  WarnAboutUnknownNames(**request, **store, std::cerr);

  // Ctrl-C stops the query cleanly: the store is left as it was, and we say so.
  options.limits.cancel = &interrupted;
  std::signal(SIGINT, OnInterrupt);
  std::unique_ptr<query::ResultWriter> writer =
      query::MakeResultWriter(*format, std::cout, {.prefixes = (*request)->prefixes()});
  CheckedResultWriter checked(*writer, std::cout, interrupted);
  std::string plan;
  Status status = query::Execute(**request, **store, checked, options, &plan);
  // A failed write stops the query through the cancel flag: report the write, not a Ctrl-C.
  const Status written = checked.status();
  std::signal(SIGINT, SIG_DFL);
  if (!written.ok()) return ReportFailure(written);
  if (!status.ok()) return ReportFailure(status);
  if (!plan.empty()) {
    std::cout << plan;
    if (Status plan_written = FlushAndCheck(std::cout); !plan_written.ok()) {
      return ReportFailure(plan_written);
    }
  }
  return kExitOk;
}

}  // namespace silk::shell
