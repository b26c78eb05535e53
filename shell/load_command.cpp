// silk load FILE… : every file in one transaction, so a bad line anywhere loads nothing
// (unless --skip-bad, which leaves bad lines out and lists them in a report).
#include <fmt/format.h>

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "engine/load/input_file.h"
#include "engine/load/loader.h"
#include "grammar/rdf/iri.h"
#include "shell/commands.h"
#include "shell/commit_with_progress.h"
#include "shell/exit_codes.h"
#include "shell/progress_bar.h"
#include "shell/store_location.h"
#include "shell/text_format.h"

namespace silk::shell {
namespace {

std::optional<rdf::RdfFormat> FormatNamed(std::string_view name) {
  if (name == "ntriples" || name == "nt") return rdf::RdfFormat::kNTriples;
  if (name == "nquads" || name == "nq") return rdf::RdfFormat::kNQuads;
  if (name == "turtle" || name == "ttl") return rdf::RdfFormat::kTurtle;
  if (name == "trig") return rdf::RdfFormat::kTriG;
  return std::nullopt;
}

struct PlannedFile {
  std::string path;  // "-" for standard input
  rdf::RdfFormat format;
};

// `silk load --skip-bad`: every malformed statement left out, as an N-Triples comment with
// where and why, then the line as written, so the report can be fixed and loaded again.
class RejectReport {
 public:
  explicit RejectReport(std::string path) : path_(std::move(path)) {}
  ~RejectReport() {
    if (file_ != nullptr) std::fclose(file_);
  }
  RejectReport(const RejectReport&) = delete;
  RejectReport& operator=(const RejectReport&) = delete;

  // Opened before the store is touched, so an unwritable path costs nothing.
  bool Open() {
    file_ = std::fopen(path_.c_str(), "wb");
    return file_ != nullptr;
  }

  void Add(const ParseError& error) {
    ++count_;
    fmt::print(file_, "# {}:{}:{}: {}\n{}\n", error.source, error.line, error.column,
               error.message, error.line_text);
  }

  // Flushes; a report with nothing in it is removed rather than left to puzzle anyone.
  bool Close() {
    const bool ok = std::fclose(file_) == 0;
    file_ = nullptr;
    if (ok && count_ == 0) std::remove(path_.c_str());
    return ok;
  }

  const std::string& path() const { return path_; }
  std::uint64_t count() const { return count_; }

 private:
  std::string path_;
  std::FILE* file_ = nullptr;
  std::uint64_t count_ = 0;
};

// Where the report goes unless --report says: next to the first input file, or in the
// working directory for standard input.
std::string DefaultReportPath(const std::vector<PlannedFile>& files) {
  for (const PlannedFile& file : files) {
    if (file.path != "-") return file.path + ".rejected.txt";
  }
  return "stdin.rejected.txt";
}

// "stopped at data.nt:5001 after 5,000 statements (1.2 MiB of 3.4 MiB)": how far a failed
// load got, so a user with a huge file knows where to look and how much was fine.
void ReportWhereItStopped(const Status& status, const load::InputFile& file,
                          const load::LoadCounts& counts) {
  std::string where = file.name();
  if (status.parse_error() && status.parse_error()->line > 0) {
    where += fmt::format(":{}", status.parse_error()->line);
  }
  std::string read = FormatBytes(file.position());
  if (file.size() > 0) read += " of " + FormatBytes(file.size());
  fmt::print(stderr, "silk: stopped at {} after {} statements ({})\n", where,
             FormatCount(counts.statements), read);
}

int NothingLoaded(int code) {
  fmt::print(stderr, "silk: nothing was loaded; the store is unchanged\n");
  return code;
}

}  // namespace

int RunLoad(const Invocation& invocation) {
  const std::string graph(WithoutAngles(invocation.Get("--graph")));
  if (invocation.Has("--graph") && !rdf::HasScheme(graph)) {
    fmt::print(stderr, "silk: --graph needs an absolute IRI such as <http://example.org/g>, not '{}'\n",
               graph);
    return kExitUsageError;
  }
  std::optional<rdf::RdfFormat> forced_format;
  if (invocation.Has("--format")) {
    forced_format = FormatNamed(invocation.Get("--format"));
    if (!forced_format) {
      fmt::print(stderr, "silk: unknown format '{}' (use ntriples, nquads, turtle or trig)\n",
                 invocation.Get("--format"));
      return kExitUsageError;
    }
  }
  storage::WriteOptions write_options;
  if (invocation.Has("--memory")) {
    const std::optional<std::uint64_t> bytes = ParseBytes(invocation.Get("--memory"));
    if (!bytes || *bytes < (1u << 20)) {
      fmt::print(stderr, "silk: --memory needs a size of at least 1M, like 512M or 4G, not '{}'\n",
                 invocation.Get("--memory"));
      return kExitUsageError;
    }
    write_options.memory_bytes = *bytes;
  }
  const bool skip_bad = invocation.Has("--skip-bad");
  if (invocation.Has("--report") && !skip_bad) {
    fmt::print(stderr, "silk: --report names the file for --skip-bad; add --skip-bad\n");
    return kExitUsageError;
  }

  // Check every file before touching the store, so a typo costs nothing.
  std::vector<PlannedFile> files;
  for (const std::string& path : invocation.args) {
    std::optional<rdf::RdfFormat> format = forced_format;
    if (!format) format = path == "-" ? rdf::RdfFormat::kNQuads : rdf::RdfFormatFromPath(path);
    if (!format) {
      fmt::print(stderr,
                 "silk: cannot tell the format of '{}' from its name (.nt, .nq, .ttl, .trig, "
                 "each optionally .gz); use --format\n",
                 path);
      return kExitUsageError;
    }
    if (path != "-" && !std::ifstream(path)) {
      fmt::print(stderr, "silk: cannot open '{}': {}\n", path, std::strerror(errno));
      return kExitDataError;
    }
    files.push_back({path, *format});
  }

  std::optional<RejectReport> report;
  if (skip_bad) {
    report.emplace(invocation.Get("--report", DefaultReportPath(files)));
    if (!report->Open()) {
      fmt::print(stderr, "silk: cannot write the report '{}': {}\n", report->path(),
                 std::strerror(errno));
      return kExitUsageError;
    }
  }
  // A bar where someone watches: on a terminal, or anywhere when asked for.
  const bool show_progress = invocation.Has("--progress") || ::isatty(STDERR_FILENO) == 1;

  auto store = OpenStore(invocation.db_dir, Access::kWrite);
  if (!store.ok()) return ReportFailure(store.status());
  const auto started = std::chrono::steady_clock::now();
  std::unique_ptr<storage::WriteTransaction> tx = (*store)->BeginWrite(write_options);

  load::LoadCounts total;
  std::optional<ProgressBar> bar;
  for (const PlannedFile& file : files) {
    Result<std::unique_ptr<load::InputFile>> input = load::InputFile::Open(file.path);
    if (!input.ok()) return NothingLoaded(ReportFailure(input.status()));
    load::InputFile& in = **input;
    bar.reset();  // one bar per file: its own size and rate
    bar.emplace(in.size(), show_progress);

    load::LoadOptions options;
    options.format = file.format;
    options.graph_iri = graph;
    options.base_iri = invocation.Get("--base");
    options.source_name = in.name();
    if (report) options.on_bad_statement = [&](const ParseError& error) { report->Add(error); };
    options.on_progress = [&](const load::LoadProgress& progress) {
      bar->Update(in.position(), progress.statements);
    };
    load::LoadCounts counts;
    Status status = load::LoadInto(*tx, in.stream(), options, counts);
    if (!status.ok()) {
      bar.reset();
      int code = kExitDataError;
      if (in.error().empty()) {
        code = ReportFailure(status);
      } else {
        // A damaged .gz is a problem with the data, not with the store.
        fmt::print(stderr, "silk: {}: {}\n", in.name(), in.error());
      }
      ReportWhereItStopped(status, in, counts);
      return NothingLoaded(code);
    }
    total.statements += counts.statements;
    total.skipped += counts.skipped;
  }
  if (report && !report->Close()) {
    fmt::print(stderr, "silk: cannot write the report '{}': {}\n", report->path(),
               std::strerror(errno));
    return NothingLoaded(kExitStorageError);
  }
  Status committed = CommitWithProgress(*tx, *bar);  // one file at least: there is a bar
  bar.reset();
  if (!committed.ok()) return NothingLoaded(ReportFailure(committed));

  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  fmt::print("Loaded {} statements ({} new) from {} in {} ({} statements/s)\n",
             FormatCount(total.statements), FormatCount(tx->inserted()),
             files.size() == 1 ? files[0].path : fmt::format("{} files", files.size()),
             FormatSeconds(seconds),
             FormatCount(static_cast<std::uint64_t>(total.statements / std::max(seconds, 1e-9))));
  if (report && report->count() > 0) {
    fmt::print(stderr, "Skipped {} malformed statement{}; see {}\n", FormatCount(report->count()),
               report->count() == 1 ? "" : "s", report->path());
  }
  return kExitOk;
}

}  // namespace silk::shell
