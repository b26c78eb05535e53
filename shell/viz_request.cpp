#include "shell/viz_request.h"

#include <fmt/format.h>

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "shell/entity_lookup.h"
#include "viz/dot_writer.h"
#include "viz/graphviz.h"
#include "viz/neighbourhood.h"
#include "viz/term_text.h"
#include "viz/timeline.h"

namespace silk::shell {
namespace {

Result<std::size_t> ReadCount(const Invocation& invocation, std::string_view option,
                              std::size_t low, std::size_t high, std::size_t fallback) {
  if (!invocation.Has(option)) return fallback;
  const std::string text = invocation.Get(option);
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < low || value > high) {
    return Status::InvalidArgument(
        fmt::format("{} takes a whole number from {} to {}, not '{}'", option, low, high, text));
  }
  return value;
}

// Writes `bytes` to `path` through a temporary file renamed over it, so that a failure leaves
// no half-written picture (and an old one as it was).
Status WriteWhole(const std::string& path, std::string_view bytes) {
  const std::string partial = path + ".partial";
  std::FILE* file = std::fopen(partial.c_str(), "wb");
  if (file == nullptr) {
    return Status::IOError(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
  }
  const bool written = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
  const int write_errno = errno;
  const bool closed = std::fclose(file) == 0;
  if (!written || !closed) {
    std::remove(partial.c_str());
    return Status::IOError(fmt::format("cannot write {}: {}", path,
                                       std::strerror(written ? errno : write_errno)));
  }
  if (std::rename(partial.c_str(), path.c_str()) != 0) {
    const int rename_errno = errno;
    std::remove(partial.c_str());
    return Status::IOError(fmt::format("cannot write {}: {}", path, std::strerror(rename_errno)));
  }
  return Status::Ok();
}

bool IsTextFile(std::string_view path) { return path.ends_with(".txt"); }

std::string FileNameFor(std::string_view iri) {
  std::string name;
  for (const char c : viz::LocalName(iri)) {
    const bool plain = std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_' || c == '.';
    name += plain ? c : '_';
  }
  while (!name.empty() && name.front() == '.') name.erase(0, 1);
  return name.empty() ? "picture" : name;
}

Result<VizResult> WriteViz(const viz::Neighbourhood& neighbourhood, const VizRequest& request,
                           std::ostream& out, const std::function<bool()>& stop) {
  VizResult result;
  result.left_out = viz::LeftOutNote(neighbourhood);
  if (request.output.empty() || IsTextFile(request.output)) {
    const std::string text = request.timeline ? viz::TimelineText(neighbourhood)
                                              : viz::NeighbourhoodDot(neighbourhood);
    if (request.output.empty()) {
      out << text;
      return result;
    }
    SILK_RETURN_IF_ERROR(WriteWhole(request.output, text));
    result.written = request.output;
    return result;
  }
  const std::string dot = request.timeline ? viz::TimelineDot(neighbourhood)
                                           : viz::NeighbourhoodDot(neighbourhood);
  const viz::PictureFormat format = *viz::FormatOfPath(request.output);
  if (format == viz::PictureFormat::kDot) {
    SILK_RETURN_IF_ERROR(WriteWhole(request.output, dot));
    result.written = request.output;
    return result;
  }
  Result<std::string> picture = viz::RenderWithGraphviz(dot, format, {.stop = stop});
  if (!picture.ok() && picture.status().code() == StatusCode::kNotFound) {
    // No Graphviz: the DOT is still worth having, beside where the picture would be.
    const std::string dot_path =
        request.output.substr(0, request.output.find_last_of('.')) + ".dot";
    SILK_RETURN_IF_ERROR(WriteWhole(dot_path, dot));
    result.written = dot_path;
    result.graphviz_missing = true;
    return result;
  }
  if (!picture.ok()) return picture.status();
  SILK_RETURN_IF_ERROR(WriteWhole(request.output, *picture));
  result.written = request.output;
  return result;
}

}  // namespace

CommandSpec VizCommand(std::string_view name, int (*run)(const Invocation&)) {
  return CommandSpec{
      .name = name,
      .usage = kVizUsage,
      .summary = "Draw the neighbourhood of an entity (Graphviz: DOT, SVG or PNG)",
      .details =
          "TERM is an IRI (<...>), a prefixed name (kca:Kyrgyzstan) or a name in any spelling,\n"
          "found as 'silk find' finds it; a name several entities share equally is an error\n"
          "that lists them. The picture shows the entities within --depth hops (1), each by\n"
          "its English name and shaped by its kind (person, country, event ...), with its\n"
          "dates and numbers (with their units) inside; edges are named by their predicate\n"
          "and coloured by the graph (source article) stating them, one line per article, with\n"
          "a legend. At most --max-nodes entities (30) are drawn, the best connected first;\n"
          "the picture and standard error say what was left out. -o picks the format by the\n"
          "file's extension: .svg and .png need Graphviz's dot (without it, DOT is written to\n"
          "FILE.dot instead, exit code 1); .dot is always written. Without -o, DOT goes to\n"
          "standard output. --timeline lists the dated events of the neighbourhood in order,\n"
          "each with its source articles (text, or a picture with -o).\n",
      .options = {{"--depth", "N", "Hops from TERM to draw, 1 to 5 (default 1)"},
                  {"--graph", "IRI", "Draw only the statements of this named graph"},
                  {"--max-nodes", "N", "Entities to draw at most, 1 to 500 (default 30)"},
                  {"--timeline", "", "The dated events of the neighbourhood, in order"},
                  {"-o", "FILE", "Write to FILE: .svg, .png or .dot (.txt for --timeline)"}},
      .min_args = 1,
      .max_args = 1,
      .run = run,
  };
}

Result<VizRequest> ReadVizRequest(const Invocation& invocation) {
  VizRequest request;
  request.term = invocation.args.at(0);
  Result<std::size_t> depth = ReadCount(invocation, "--depth", 1, kMaxVizDepth, 1);
  if (!depth.ok()) return depth.status();
  request.depth = static_cast<int>(*depth);
  Result<std::size_t> max_nodes = ReadCount(invocation, "--max-nodes", 1, kMaxVizNodes, 30);
  if (!max_nodes.ok()) return max_nodes.status();
  request.max_nodes = *max_nodes;
  if (invocation.Has("--graph")) request.graph = invocation.Get("--graph");
  request.timeline = invocation.Has("--timeline");
  request.output = invocation.Get("-o");
  if (!request.output.empty() && !viz::FormatOfPath(request.output) &&
      !(request.timeline && IsTextFile(request.output))) {
    return Status::InvalidArgument(fmt::format(
        "-o takes a file ending in .svg, .png or .dot{}, not '{}'",
        request.timeline ? " (or .txt)" : "", request.output));
  }
  return request;
}

Result<VizResult> MakeViz(const storage::Snapshot& snapshot, const VizRequest& request,
                          const std::vector<std::pair<std::string, std::string>>& prefixes,
                          std::ostream& out, const std::function<bool()>& stop) {
  Result<std::string> centre = ResolveEntity(snapshot, request.term, prefixes);
  if (!centre.ok()) return centre.status();
  viz::NeighbourhoodOptions options;
  options.depth = request.depth;
  options.max_nodes = request.max_nodes;
  options.stop = stop;
  if (request.graph) {
    Result<std::string> graph = ResolveEntity(snapshot, *request.graph, prefixes);
    if (!graph.ok()) return graph.status();
    options.graph = *graph;
  }
  Result<viz::Neighbourhood> neighbourhood = viz::ReadNeighbourhood(snapshot, *centre, options);
  if (!neighbourhood.ok()) return neighbourhood.status();

  if (request.output.empty() && request.file_named_after_entity && !request.timeline) {
    VizRequest named = request;
    named.file_named_after_entity = false;
    named.output = FileNameFor(*centre) + ".svg";
    return WriteViz(*neighbourhood, named, out, stop);
  }
  return WriteViz(*neighbourhood, request, out, stop);
}

}  // namespace silk::shell
