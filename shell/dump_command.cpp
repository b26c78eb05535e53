// silk dump: every statement, or one graph's, as N-Quads or N-Triples on standard output.
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "grammar/rdf/ntriples_writer.h"
#include "shell/commands.h"
#include "shell/exit_codes.h"
#include "shell/store_location.h"
#include "shell/text_format.h"

namespace silk::shell {
namespace {

// Decodes ids to N-Triples text. Consecutive quads usually share subject, predicate and
// graph, so remembering the last id of each position avoids most dictionary reads.
class TermPrinter {
 public:
  explicit TermPrinter(const storage::Snapshot& snapshot) : snapshot_(snapshot) {}

  Status Append(std::string& out, storage::TermId id, int position) {
    Cached& cached = cache_[position];
    if (!cached.valid || cached.id != id) {
      Result<rdf::Term> term = snapshot_.Decode(id);
      if (!term.ok()) return term.status();
      cached.text.clear();
      rdf::AppendTerm(cached.text, term->view());
      cached.id = id;
      cached.valid = true;
    }
    out += cached.text;
    return Status::Ok();
  }

 private:
  struct Cached {
    bool valid = false;
    storage::TermId id = 0;
    std::string text;
  };
  const storage::Snapshot& snapshot_;
  Cached cache_[4];
};

bool Flush(std::string& buffer) {
  const bool written = std::fwrite(buffer.data(), 1, buffer.size(), stdout) == buffer.size();
  buffer.clear();
  return written;
}

}  // namespace

int RunDump(const Invocation& invocation) {
  const std::string format = invocation.Get("--format", "nquads");
  if (format != "nquads" && format != "ntriples") {
    fmt::print(stderr, "silk: unknown dump format '{}' (use nquads or ntriples)\n", format);
    return kExitUsageError;
  }
  auto store = OpenStore(invocation.db_dir, Access::kRead);
  if (!store.ok()) return ReportFailure(store.status());
  std::unique_ptr<storage::Snapshot> snapshot = (*store)->GetSnapshot();

  storage::QuadPattern pattern;
  const std::string graph(WithoutAngles(invocation.Get("--graph")));
  if (graph == "default" || (format == "ntriples" && !invocation.Has("--graph"))) {
    pattern.g = storage::kDefaultGraphId;
  } else if (invocation.Has("--graph")) {
    Result<std::optional<storage::TermId>> id = snapshot->Lookup(rdf::TermView::Iri(graph));
    if (!id.ok()) return ReportFailure(id.status());
    if (!*id) {
      fmt::print(stderr, "silk: the store has no graph <{}>\n", graph);
      return kExitDataError;
    }
    pattern.g = **id;
  }

  const bool with_graph = format == "nquads";
  TermPrinter printer(*snapshot);
  std::string buffer;
  std::unique_ptr<storage::QuadIterator> it = snapshot->Scan(pattern);
  for (; it->Valid(); it->Next()) {
    const storage::QuadIds quad = it->quad();
    Status status = printer.Append(buffer, quad.s, 0);
    buffer += ' ';
    if (status.ok()) status = printer.Append(buffer, quad.p, 1);
    buffer += ' ';
    if (status.ok()) status = printer.Append(buffer, quad.o, 2);
    if (status.ok() && with_graph && quad.g != storage::kDefaultGraphId) {
      buffer += ' ';
      status = printer.Append(buffer, quad.g, 3);
    }
    if (!status.ok()) return ReportFailure(status);
    buffer += " .\n";
    if (buffer.size() >= (1 << 20) && !Flush(buffer)) break;
  }
  if (!it->status().ok()) return ReportFailure(it->status());
  if (!Flush(buffer) || std::fflush(stdout) != 0) {
    fmt::print(stderr, "silk: cannot write the dump: {}\n", std::strerror(errno));
    return kExitStorageError;
  }
  return kExitOk;
}

}  // namespace silk::shell
