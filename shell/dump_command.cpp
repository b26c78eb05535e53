// silk dump: every statement, or one graph's, as N-Quads or N-Triples on standard output.
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "grammar/rdf/ntriples_writer.h"
#include "shell/commands.h"
#include "shell/exit_codes.h"
#include "shell/output_check.h"
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

// Writes the batch; fails with the write's own reason, read before anything else runs.
Status Flush(std::string& buffer) {
  errno = 0;
  const bool written = std::fwrite(buffer.data(), 1, buffer.size(), stdout) == buffer.size();
  buffer.clear();
  if (!written || std::ferror(stdout)) return OutputError(errno);
  return Status::Ok();
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
    if (buffer.size() >= (1 << 20)) {
      if (Status written = Flush(buffer); !written.ok()) return ReportFailure(written);
    }
  }
  if (!it->status().ok()) return ReportFailure(it->status());
  if (Status written = Flush(buffer); !written.ok()) return ReportFailure(written);
  // A dump is whole only once stdio's own buffer has been written too.
  if (Status flushed = FlushAndCheck(std::cout); !flushed.ok()) return ReportFailure(flushed);
  return kExitOk;
}

}  // namespace silk::shell
