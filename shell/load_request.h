// A load as the user asks for it, from the command line (`silk load FILE… --graph IRI`) or
// from the shell (`.load FILE… --graph IRI`): one reading of the words, the same checks and
// messages, and one way of running it.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/load/loader.h"
#include "engine/load/partition.h"
#include "engine/status.h"
#include "engine/storage/store.h"
#include "grammar/rdf/rdf_parser.h"
#include "shell/command_line.h"
#include "shell/reject_report.h"

namespace silk::shell {

// The words a load takes after its name.
inline constexpr std::string_view kLoadUsage =
    "FILE... [--graph IRI] [--format FORMAT] [--base IRI] [--skip-bad [--report FILE]] "
    "[--memory SIZE] [--progress] [--partition K/N]";

// A load as a command called `name` ("load", ".load"): its usage, help and options, for help
// texts and ReadCommandWords. `run` is null for the shell's .load.
CommandSpec LoadCommand(std::string_view name, std::string_view summary,
                        int (*run)(const Invocation&) = nullptr);

// The block cache `silk load` opens its store with: a load reads only to find out whether its
// terms and quads are stored already (never, into an empty store).
inline constexpr std::size_t kLoadBlockCacheBytes = std::size_t{16} << 20;

struct LoadInput {
  std::string path;  // "-" for standard input
  rdf::RdfFormat format = rdf::RdfFormat::kNQuads;
  // What relative IRIs (Turtle, TriG) resolve against: --base, else the file's own file: IRI.
  // Empty for standard input without --base: a relative IRI there is an error.
  std::string base_iri;
};

struct LoadRequest {
  std::vector<LoadInput> inputs;  // in the order given; all in one transaction
  std::string graph_iri;          // for statements that name no graph; empty: the default graph
  storage::WriteOptions write_options;   // --memory
  std::unique_ptr<RejectReport> report;  // --skip-bad: opened already; null without it
  bool show_progress = false;            // --progress; callers add their own reasons
  std::optional<load::Partition> partition;  // --partition K/N; nullopt: every statement
};

// Reads `invocation` (the words of `silk load` or `.load`) and checks all of it before
// anything is loaded: the IRIs, the formats, the sizes, that every file can be opened and is
// not a directory, and that the --skip-bad report can be written (its temporary file is
// created) and is neither an input nor inside `store_dir`, the store to load into.
// Errors: kInvalidArgument for words that make no sense (a usage error: exit code 2 on the
// command line); kNotFound for a file that cannot be opened or is a directory.
Result<LoadRequest> MakeLoadRequest(const Invocation& invocation, const std::string& store_dir);

// What a load did, also when it failed.
struct LoadOutcome {
  load::LoadCounts counts;     // over all inputs, as far as the load got
  std::uint64_t inserted = 0;  // quads the store gained (after the commit)
  double seconds = 0;
  // After a failure while reading: "data.nt:5001 after 5,000 statements (1.2 MiB of 3.4 MiB)".
  std::string stopped_at;
};

// Loads every input of `request` into `store` in one transaction and commits it, with a
// progress bar on standard error if request.show_progress.
// REQUIRES: !store.read_only(), and no other write transaction of `store` alive.
// Errors: a syntax error (FILE:LINE:COL), a damaged input (kInvalidArgument), the report or a
// file that cannot be read or written (kIOError), a storage error. The store is then as it was.
Status RunLoadRequest(storage::Store& store, const LoadRequest& request, LoadOutcome& outcome);

// After success: "Loaded 1,000 statements (998 new) from data.nt in 1.20 s (833 statements/s)"
// to `out`, and how many statements --skip-bad left out, to standard error.
void PrintLoadSummary(const LoadRequest& request, const LoadOutcome& outcome, std::FILE* out);
// After a failure, to standard error: where the load stopped (if it got to reading).
void PrintWhereLoadStopped(const LoadOutcome& outcome);
// The last word on a failed load, of the same kind as `cause`: nothing was loaded.
Status NothingLoaded(const Status& cause);

}  // namespace silk::shell
