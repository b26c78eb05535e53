#include "engine/query/update/load_operation.h"

#include <fmt/format.h>

#include <cctype>
#include <filesystem>
#include <optional>

#include "engine/load/file_iri.h"
#include "engine/load/input_file.h"
#include "engine/load/loader.h"
#include "engine/query/update/stop_check.h"

namespace silk::query {
namespace {

// "http:", "urn:": the scheme of an IRI, lower-cased, or empty when it has none (a path).
std::string SchemeOf(std::string_view iri) {
  const std::size_t colon = iri.find(':');
  if (colon == std::string_view::npos || colon == 0) return {};
  std::string scheme;
  for (const char c : iri.substr(0, colon)) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return {};
    scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return scheme;
}

struct LoadSource {
  std::string path;
  std::string base_iri;  // what relative IRIs in the document resolve against
  rdf::RdfFormat format = rdf::RdfFormat::kNQuads;
};

Result<LoadSource> ResolveSource(const std::string& iri) {
  LoadSource source;
  const std::string scheme = SchemeOf(iri);
  if (scheme == "file") {
    std::optional<std::string> path = load::PathOfFileIri(iri);
    if (!path) {
      return Status::InvalidArgument(
          fmt::format("LOAD <{}>: not a file on this machine (file:///absolute/path)", iri));
    }
    source.path = *path;
    source.base_iri = iri;
  } else if (scheme.empty()) {
    source.path = iri;
    source.base_iri = load::FileIri(iri);
  } else {
    return Status::InvalidArgument(fmt::format(
        "LOAD <{}>: SilkGraph reads only local files (a file: IRI or a path); it does not "
        "fetch {}: documents. Download it and LOAD the file",
        iri, scheme));
  }
  const std::optional<rdf::RdfFormat> format = rdf::RdfFormatFromPath(source.path);
  if (!format) {
    return Status::InvalidArgument(fmt::format(
        "LOAD <{}>: cannot tell the format from the file name; it should end in .nt, .nq, "
        ".ttl or .trig (each optionally .gz)",
        iri));
  }
  source.format = *format;
  std::error_code ec;
  if (!std::filesystem::exists(source.path, ec)) {
    return Status::NotFound(fmt::format("LOAD <{}>: there is no file {}", iri, source.path));
  }
  if (std::filesystem::is_directory(source.path, ec)) {
    return Status::InvalidArgument(fmt::format("LOAD <{}>: {} is a directory", iri, source.path));
  }
  return source;
}

// SILENT promises that a document that cannot be loaded changes nothing, but a load that
// fails half-way has written into the transaction. So SILENT parses the document once first.
class DiscardingSink final : public rdf::QuadSink {
 public:
  bool Accept(const rdf::QuadView&) override { return true; }
};

bool Parses(const LoadSource& source) {
  Result<std::unique_ptr<load::InputFile>> input = load::InputFile::Open(source.path);
  if (!input.ok()) return false;
  rdf::ParseOptions options;
  options.format = source.format;
  options.source_name = source.path;
  options.base_iri = source.base_iri;
  DiscardingSink sink;
  return !rdf::ParseRdf((*input)->stream(), options, sink) && (*input)->error().empty() &&
         !(*input)->stream().bad();
}

Status Load(const ast::UpdateOperation& op, const LoadSource& source, const QueryLimits& limits,
            RequestWrites& writes) {
  Result<std::unique_ptr<load::InputFile>> input = load::InputFile::Open(source.path);
  // A file that cannot be opened is the request's fault, as with silk load, not the store's.
  if (!input.ok()) return Status::NotFound(fmt::format("LOAD: {}", input.status().message()));
  load::LoadOptions options;
  options.format = source.format;
  options.source_name = source.path;
  options.base_iri = source.base_iri;
  if (op.target.scope == ast::GraphScope::kGraph) options.graph_iri = op.target.iri.value;
  // Ctrl-C and the time limit stop a long LOAD too: the loader asks for progress on this
  // thread several times a second, and an exception from there ends the load (its parser
  // thread is joined on the way out).
  const StopCheck stop(limits);
  options.on_progress = [&](const load::LoadProgress&) {
    if (Status stopped = stop.Check(); !stopped.ok()) throw QueryAborted{std::move(stopped)};
  };
  load::LoadCounts counts;
  try {
    return load::LoadInto(writes, (*input)->stream(), options, counts);
  } catch (const QueryAborted& aborted) {
    return aborted.status;
  }
}

}  // namespace

Status ApplyLoad(const ast::UpdateOperation& op, RequestWrites& writes,
                 const QueryOptions& options) {
  if (!options.local_files) {
    return Status::InvalidArgument(
        fmt::format("LOAD <{}>: loading files is turned off here", op.load_source.value));
  }
  Result<LoadSource> source = ResolveSource(op.load_source.value);
  if (!source.ok()) return op.silent ? Status::Ok() : source.status();
  if (op.silent && !Parses(*source)) return Status::Ok();
  return Load(op, *source, options.limits, writes);
}

}  // namespace silk::query
