// A picture of the graph as `silk viz` and the shell's `.viz` ask for it: the words they take,
// and making the picture (DOT, SVG or PNG, or a timeline) from a snapshot.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/status.h"
#include "engine/storage/store.h"
#include "shell/command_line.h"

namespace silk::shell {

inline constexpr std::string_view kVizUsage =
    "TERM [--depth N] [--graph IRI] [--max-nodes N] [--timeline] [-o FILE.svg|.png|.dot]";

// `viz` as a command called `name` ("viz", ".viz"); `run` is null for the shell's .viz.
CommandSpec VizCommand(std::string_view name, int (*run)(const Invocation&) = nullptr);

struct VizRequest {
  std::string term;                  // as typed: <IRI>, p:name, or a name
  int depth = 1;
  std::optional<std::string> graph;  // as typed
  std::size_t max_nodes = 30;
  bool timeline = false;
  std::string output;                // a file; empty: standard output
  // With no output file, a picture goes to a file named after the entity in the working
  // directory (Kyrgyzstan.svg; .dot without Graphviz) instead of standard output; a
  // timeline's text still goes to `out`. The shell's .viz asks for this.
  bool file_named_after_entity = false;
};

inline constexpr int kMaxVizDepth = 5;
inline constexpr std::size_t kMaxVizNodes = 500;

// The request `invocation` makes. Errors: kInvalidArgument for a depth or node count out of
// range, or an output file of a kind silk does not write.
Result<VizRequest> ReadVizRequest(const Invocation& invocation);

struct VizResult {
  std::string written;    // the file written; empty when the picture went to `out`
  std::string left_out;   // what the node cap left out, in words; empty when nothing
  // An SVG or PNG was asked for, but Graphviz is not installed: `written` is DOT instead.
  bool graphviz_missing = false;
};

// Makes the picture `request` asks for from `snapshot` and writes it to request.output, else
// to `out` (DOT, or the timeline's text). Without Graphviz, an .svg or .png request writes
// DOT beside it (FILE.dot) and says so in the result. A file is written whole or not at all.
// Errors: those of ResolveEntity and ReadNeighbourhood; kIOError when the file cannot be
// written or Graphviz fails; kCancelled when `stop` says so.
Result<VizResult> MakeViz(const storage::Snapshot& snapshot, const VizRequest& request,
                          const std::vector<std::pair<std::string, std::string>>& prefixes,
                          std::ostream& out, const std::function<bool()>& stop = {});

}  // namespace silk::shell
