#include "shell/load_request.h"

#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>

#include "engine/load/input_file.h"
#include "grammar/rdf/iri.h"
#include "shell/commit_with_progress.h"
#include "engine/load/file_iri.h"
#include "shell/progress_bar.h"
#include "shell/text_format.h"

namespace silk::shell {

namespace {

constexpr std::string_view kLoadDetails =
    "The format follows the file name: .nt (N-Triples), .nq (N-Quads), .ttl (Turtle),\n"
    ".trig (TriG), each optionally compressed (.nt.gz and so on). All files are loaded\n"
    "in one transaction: if any statement is malformed, nothing is loaded and the\n"
    "error names file, line and column, and how far the load got.\n"
    "Statements without a graph go to the default graph, or to --graph IRI.\n"
    "Relative IRIs in Turtle and TriG resolve against the file's own IRI\n"
    "(file:///path/to/data.ttl, percent-encoded where needed) unless --base IRI or the\n"
    "file's @base says otherwise. Standard input has no IRI of its own: a relative IRI\n"
    "read from it without --base or @base is an error. No relative IRI is ever stored\n"
    "(N-Triples and N-Quads allow none), and --graph and --base take absolute IRIs.\n"
    "With --skip-bad, malformed statements are left out instead and listed, with the\n"
    "reason and the line of the error, in a report (FILE.rejected.txt next to the\n"
    "first file, or --report FILE). In N-Triples and N-Quads a statement is a line;\n"
    "in Turtle and TriG it ends at the next '.' outside IRIs, strings and comments\n"
    "(not one inside a name or number, as in ex:a.b or 1.5), at the end of a line\n"
    "whose unclosed \"...\" ends in '.', or at the end of a PREFIX or BASE line. In a\n"
    "TriG graph block a bad statement ends before the block's '}' at the latest, and\n"
    "the block's other statements load; a bad graph name skips its whole block.\n"
    "Prefixes declared before an error stay; a malformed @prefix declares nothing,\n"
    "so each later use of it is reported too.\n"
    "--memory SIZE (default 1G, at least 16M) is what the load itself holds: half of\n"
    "it sorts the statements (about 160 bytes each), half holds the new terms (about\n"
    "120 bytes each); past its half, each spills into the store's directory, which\n"
    "then needs about 130 bytes of free space per statement until the commit. The\n"
    "whole `silk load` process stays within SIZE + about 60 MiB (the program,\n"
    "RocksDB's caches and buffers, the parser's batches), plus what RocksDB's filters\n"
    "take while the commit builds them: about 12 bytes for each new term and each\n"
    "distinct subject and object (some 10 bytes a statement: 40 MiB for 4 million);\n"
    "in the shell, the session's query caches (up to 128 MiB) come on top. A load\n"
    "whose new terms spill is slower, so give it more memory when there is some.\n"
    "--partition K/N (1 <= K <= N) keeps only the statements whose subject falls in\n"
    "part K of N, so that N stores, each loaded from the same files with its own K,\n"
    "hold every statement exactly once, and all statements about one subject are in\n"
    "one store. The part of a subject is FNV-1a-64(S) mod N + 1, where S is the bytes\n"
    "of its IRI (absolute, without <>) or of its blank node label (without _:): the\n"
    "same on every machine and version, whatever the format or prefixes the subject\n"
    "was written with. Load every part from the same files in the same order: the\n"
    "anonymous blank nodes of Turtle and TriG ([ ]) are numbered as they appear. A\n"
    "query that joins through a blank node across parts misses those rows when the\n"
    "parts are federated; SCALING.md says why, and how to serve the parts.\n"
    "On a terminal a progress bar shows bytes and statements read,\n"
    "the rate and the time left; --progress shows it on a pipe too.\n";

const std::vector<OptionSpec>& LoadOptionSpecs() {
  static const std::vector<OptionSpec> kOptions = {
      {"--graph", "IRI", "Put statements that name no graph into this graph"},
      {"--format", "FORMAT",
       "ntriples, nquads, turtle or trig (default: from the file name; nquads for '-')"},
      {"--base", "IRI", "Base for relative IRIs in Turtle and TriG (default: the file's IRI)"},
      {"--skip-bad", "", "Leave malformed statements out and load the rest"},
      {"--report", "FILE", "Where --skip-bad lists what it left out"},
      {"--memory", "SIZE",
       "What the load may hold, like 512M or 4G (default 1G, at least 16M); the process "
       "needs about 60 MiB more"},
      {"--partition", "K/N",
       "Keep only part K of N (1 <= K <= N): the statements whose subject hashes to K"},
      {"--progress", "", "Show the progress bar even when not on a terminal"}};
  return kOptions;
}

// Below this the fixed part of a load's memory (RocksDB's buffers, the parser's batches) is
// most of it, and the floors inside the transaction (a few thousand quads per sorted run, a
// few MiB of terms) would exceed what was asked for.
constexpr std::uint64_t kMinLoadMemory = std::uint64_t{16} << 20;

std::optional<rdf::RdfFormat> FormatNamed(std::string_view name) {
  if (name == "ntriples" || name == "nt") return rdf::RdfFormat::kNTriples;
  if (name == "nquads" || name == "nq") return rdf::RdfFormat::kNQuads;
  if (name == "turtle" || name == "ttl") return rdf::RdfFormat::kTurtle;
  if (name == "trig") return rdf::RdfFormat::kTriG;
  return std::nullopt;
}

// The value of --graph or --base as an absolute IRI ("<…>" as well as bare).
Result<std::string> AbsoluteIriOption(const Invocation& invocation, std::string_view option,
                                      std::string_view example) {
  const std::string value(invocation.Get(option));
  const std::string iri(WithoutAngles(value));
  if (const std::string problem = rdf::AbsoluteIriProblem(iri); !problem.empty()) {
    return Status::InvalidArgument(fmt::format(
        "{} needs an absolute IRI such as <{}>, not '{}' ({})", option, example, value, problem));
  }
  return iri;
}

// Where the report goes unless --report says: next to the first input file, or in the
// working directory for standard input.
std::string DefaultReportPath(const std::vector<LoadInput>& inputs) {
  for (const LoadInput& input : inputs) {
    if (input.path != "-") return input.path + ".rejected.txt";
  }
  return "stdin.rejected.txt";
}

// "stopped at data.nt:5001 after 5,000 statements (1.2 MiB of 3.4 MiB)": how far a failed
// load got, so a user with a huge file knows where to look and how much was fine.
std::string WhereItStopped(const Status& status, const load::InputFile& file,
                           std::uint64_t statements) {
  std::string where = file.name();
  if (status.parse_error() && status.parse_error()->line > 0) {
    where += fmt::format(":{}", status.parse_error()->line);
  }
  std::string read = FormatBytes(file.position());
  if (file.size() > 0) read += " of " + FormatBytes(file.size());
  return fmt::format("{} after {} statements ({})", where, FormatCount(statements), read);
}

// Parses one input into `tx`, adding to `outcome`.
Status LoadOne(storage::WriteTransaction& tx, const LoadRequest& request,
                 const LoadInput& input, std::optional<ProgressBar>& bar, LoadOutcome& outcome) {
  Result<std::unique_ptr<load::InputFile>> opened = load::InputFile::Open(input.path);
  if (!opened.ok()) return opened.status();
  load::InputFile& in = **opened;
  bar.reset();  // one bar per file: its own size and rate
  bar.emplace(in.size(), request.show_progress);

  load::LoadOptions options;
  options.format = input.format;
  options.graph_iri = request.graph_iri;
  options.base_iri = input.base_iri;
  options.source_name = in.name();
  options.partition = request.partition;
  if (request.report) {
    options.on_bad_statement = [&request](const ParseError& error) { request.report->Add(error); };
  }
  options.on_progress = [&](const load::LoadProgress& progress) {
    bar->Update(in.position(), progress.statements);
  };
  load::LoadCounts counts;
  Status status = load::LoadInto(tx, in.stream(), options, counts);
  outcome.counts.statements += counts.statements;
  outcome.counts.skipped += counts.skipped;
  outcome.counts.other_parts += counts.other_parts;
  outcome.counts.bytes += counts.bytes;
  if (status.ok()) return status;
  bar.reset();
  outcome.stopped_at = WhereItStopped(status, in, counts.statements);
  // A damaged .gz is a problem with the data, not with the store.
  if (!in.error().empty()) return Status::InvalidArgument(fmt::format("{}: {}", in.name(), in.error()));
  return status;
}

}  // namespace

CommandSpec LoadCommand(std::string_view name, std::string_view summary,
                        int (*run)(const Invocation&)) {
  return {.name = name,
          .usage = kLoadUsage,
          .summary = summary,
          .details = kLoadDetails,
          .options = LoadOptionSpecs(),
          .min_args = 1,
          .max_args = std::nullopt,
          .run = run};
}

Result<LoadRequest> MakeLoadRequest(const Invocation& invocation, const std::string& store_dir) {
  LoadRequest request;
  if (invocation.Has("--graph")) {
    Result<std::string> graph = AbsoluteIriOption(invocation, "--graph", "http://example.org/g");
    if (!graph.ok()) return graph.status();
    request.graph_iri = std::move(*graph);
  }
  std::string base;
  if (invocation.Has("--base")) {
    Result<std::string> given = AbsoluteIriOption(invocation, "--base", "http://example.org/");
    if (!given.ok()) return given.status();
    base = std::move(*given);
  }
  std::optional<rdf::RdfFormat> forced_format;
  if (invocation.Has("--format")) {
    forced_format = FormatNamed(invocation.Get("--format"));
    if (!forced_format) {
      return Status::InvalidArgument(fmt::format(
          "unknown format '{}' (use ntriples, nquads, turtle or trig)", invocation.Get("--format")));
    }
  }
  if (invocation.Has("--memory")) {
    const std::optional<std::uint64_t> bytes = ParseBytes(invocation.Get("--memory"));
    if (!bytes || *bytes < kMinLoadMemory) {
      return Status::InvalidArgument(fmt::format(
          "--memory needs a size of at least {}M, like 512M or 4G, not '{}'",
          kMinLoadMemory >> 20, invocation.Get("--memory")));
    }
    request.write_options.memory_bytes = *bytes;
  }
  const bool skip_bad = invocation.Has("--skip-bad");
  if (invocation.Has("--report") && !skip_bad) {
    return Status::InvalidArgument("--report names the file for --skip-bad; add --skip-bad");
  }
  request.show_progress = invocation.Has("--progress");
  if (invocation.Has("--partition")) {
    request.partition = load::ParsePartition(invocation.Get("--partition"));
    if (!request.partition) {
      return Status::InvalidArgument(fmt::format(
          "--partition needs K/N, part K of N parts with 1 <= K <= N, like 1/3 (parts are "
          "numbered from 1), not '{}'",
          invocation.Get("--partition")));
    }
  }

  // Every file is checked before the store is touched, so a typo costs nothing.
  for (const std::string& path : invocation.args) {
    std::optional<rdf::RdfFormat> format = forced_format;
    // A directory opens as a stream but reads as an error, which would say nothing useful.
    if (std::error_code ec; path != "-" && std::filesystem::is_directory(path, ec)) {
      return Status::NotFound(fmt::format(
          "'{}' is a directory; name the files in it (such as {}/*.nt)", path,
          std::string_view(path).substr(0, path.find_last_not_of('/') + 1)));
    }
    if (!format) format = path == "-" ? rdf::RdfFormat::kNQuads : rdf::RdfFormatFromPath(path);
    if (!format) {
      // `.load data.nt http://e/g` was how the shell once named a graph.
      const std::string hint =
          rdf::HasScheme(path) ? fmt::format("; to load into the graph <{}>, use --graph", path)
                               : "; use --format";
      return Status::InvalidArgument(fmt::format(
          "cannot tell the format of '{}' from its name (.nt, .nq, .ttl, .trig, each "
          "optionally .gz){}",
          path, hint));
    }
    if (path != "-" && !std::ifstream(path)) {
      return Status::NotFound(fmt::format("cannot open '{}': {}", path, std::strerror(errno)));
    }
    // A file's relative IRIs mean what they mean where the file is, as in rapper and riot.
    const bool own_base = base.empty() && path != "-";
    request.inputs.push_back({path, *format, own_base ? load::FileIri(path) : base});
  }

  if (skip_bad) {
    request.report = std::make_unique<RejectReport>(
        invocation.Get("--report", DefaultReportPath(request.inputs)));
    SILK_RETURN_IF_ERROR(CheckReportPath(request.report->path(), invocation.args, store_dir));
    if (!request.report->Open()) {
      return Status::InvalidArgument(fmt::format("cannot write the report '{}': {}",
                                                 request.report->path(), std::strerror(errno)));
    }
  }
  return request;
}

Status RunLoadRequest(storage::Store& store, const LoadRequest& request, LoadOutcome& outcome) {
  outcome = LoadOutcome();
  const auto started = std::chrono::steady_clock::now();
  std::unique_ptr<storage::WriteTransaction> tx = store.BeginWrite(request.write_options);
  std::optional<ProgressBar> bar;
  for (const LoadInput& input : request.inputs) {
    SILK_RETURN_IF_ERROR(LoadOne(*tx, request, input, bar, outcome));
  }
  if (request.report && !request.report->Close()) {
    return Status::IOError(fmt::format("cannot write the report '{}': {}", request.report->path(),
                                       std::strerror(errno)));
  }
  if (!bar) bar.emplace(0, false);  // no inputs: nothing to show
  SILK_RETURN_IF_ERROR(CommitWithProgress(*tx, *bar));
  bar.reset();
  outcome.inserted = tx->inserted();
  outcome.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return Status::Ok();
}

void PrintLoadSummary(const LoadRequest& request, const LoadOutcome& outcome, std::FILE* out) {
  const std::uint64_t statements = outcome.counts.statements;
  fmt::print(out, "Loaded {} statements ({} new) from {} in {} ({} statements/s)\n",
             FormatCount(statements), FormatCount(outcome.inserted),
             request.inputs.size() == 1 ? request.inputs[0].path
                                        : fmt::format("{} files", request.inputs.size()),
             FormatSeconds(outcome.seconds),
             FormatCount(static_cast<std::uint64_t>(statements / std::max(outcome.seconds, 1e-9))));
  if (request.partition) {
    fmt::print(out, "Part {} of {}: kept {} of the {} statements read; the other parts hold the rest\n",
               request.partition->part, request.partition->count, FormatCount(statements),
               FormatCount(statements + outcome.counts.other_parts));
  }
  std::fflush(out);
  if (request.report && request.report->count() > 0) {
    const std::uint64_t skipped = request.report->count();
    fmt::print(stderr, "Skipped {} malformed statement{}; see {}\n", FormatCount(skipped),
               skipped == 1 ? "" : "s", request.report->path());
  }
}

void PrintWhereLoadStopped(const LoadOutcome& outcome) {
  if (!outcome.stopped_at.empty()) fmt::print(stderr, "silk: stopped at {}\n", outcome.stopped_at);
}

Status NothingLoaded(const Status& cause) {
  std::string message = "nothing was loaded; the store is unchanged";
  switch (cause.code()) {
    case StatusCode::kIndeterminate:
      return Status::Indeterminate(
          "the load may or may not be in the store: the disk failed while it was made durable");
    case StatusCode::kBusy: return Status::Busy(std::move(message));
    case StatusCode::kCorruption: return Status::Corruption(std::move(message));
    case StatusCode::kIOError: return Status::IOError(std::move(message));
    case StatusCode::kIncompatible: return Status::Incompatible(std::move(message));
    case StatusCode::kNotFound: return Status::NotFound(std::move(message));
    case StatusCode::kCancelled: return Status::Cancelled(std::move(message));
    case StatusCode::kOk:
    case StatusCode::kInvalidArgument: break;
  }
  return Status::InvalidArgument(std::move(message));
}

}  // namespace silk::shell
