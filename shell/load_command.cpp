// silk load FILE… : every file in one transaction, so a bad line anywhere loads nothing.
#include <fmt/format.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iostream>

#include "engine/load/loader.h"
#include "shell/commands.h"
#include "shell/exit_codes.h"
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

// An absolute IRI has a scheme: letters, digits, + - . up to the first ':'.
bool IsAbsoluteIri(std::string_view iri) {
  const auto colon = iri.find(':');
  if (colon == 0 || colon == std::string_view::npos || !std::isalpha(static_cast<unsigned char>(iri[0]))) return false;
  return iri.substr(0, colon).find_first_not_of(
             "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.") ==
         std::string_view::npos;
}

// "<http://x>" and "http://x" both name the IRI http://x.
std::string StripAngles(std::string iri) {
  if (iri.size() >= 2 && iri.front() == '<' && iri.back() == '>') {
    return iri.substr(1, iri.size() - 2);
  }
  return iri;
}

struct PlannedFile {
  std::string path;  // "-" for standard input
  rdf::RdfFormat format;
};

}  // namespace

int RunLoad(const Invocation& invocation) {
  const std::string graph = StripAngles(invocation.Get("--graph"));
  if (invocation.Has("--graph") && !IsAbsoluteIri(graph)) {
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

  // Check every file before touching the store, so a typo costs nothing.
  std::vector<PlannedFile> files;
  for (const std::string& path : invocation.args) {
    std::optional<rdf::RdfFormat> format = forced_format;
    if (!format) format = path == "-" ? rdf::RdfFormat::kNQuads : rdf::RdfFormatFromPath(path);
    if (!format) {
      fmt::print(stderr,
                 "silk: cannot tell the format of '{}' from its name (.nt, .nq, .ttl, .trig); "
                 "use --format\n",
                 path);
      return kExitUsageError;
    }
    if (path != "-" && !std::ifstream(path)) {
      fmt::print(stderr, "silk: cannot open '{}': {}\n", path, std::strerror(errno));
      return kExitDataError;
    }
    files.push_back({path, *format});
  }

  auto store = OpenStore(invocation.db_dir, Access::kWrite);
  if (!store.ok()) return ReportFailure(store.status());
  const auto started = std::chrono::steady_clock::now();
  std::unique_ptr<storage::WriteTransaction> tx = (*store)->BeginWrite();

  load::LoadCounts total;
  for (const PlannedFile& file : files) {
    load::LoadOptions options;
    options.format = file.format;
    options.graph_iri = graph;
    options.base_iri = invocation.Get("--base");
    Result<load::LoadCounts> counts = [&] {
      if (file.path == "-") {
        options.source_name = "<stdin>";
        return load::LoadInto(*tx, std::cin, options);
      }
      options.source_name = file.path;
      std::ifstream in(file.path, std::ios::binary);
      return load::LoadInto(*tx, in, options);
    }();
    if (!counts.ok()) {
      const int code = ReportFailure(counts.status());
      fmt::print(stderr, "silk: nothing was loaded; the store is unchanged\n");
      return code;
    }
    total.statements += counts->statements;
    total.added += counts->added;
  }
  if (Status status = tx->Commit(); !status.ok()) {
    const int code = ReportFailure(status);
    fmt::print(stderr, "silk: nothing was loaded; the store is unchanged\n");
    return code;
  }

  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  fmt::print("Loaded {} statements ({} new) from {} in {} ({} statements/s)\n",
             FormatCount(total.statements), FormatCount(total.added),
             files.size() == 1 ? files[0].path : fmt::format("{} files", files.size()),
             FormatSeconds(seconds),
             FormatCount(static_cast<std::uint64_t>(total.statements / std::max(seconds, 1e-9))));
  return kExitOk;
}

}  // namespace silk::shell
