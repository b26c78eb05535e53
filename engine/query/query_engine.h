// The query engine's façade: SPARQL text in, results out, over one store.
//
//   auto request = query::Prepare(text, options);      // parse and check: no store needed
//   if (!request.ok()) …                               // a syntax error, with position
//   Status s = query::Execute(**request, store, *writer);
//
// A query reads one snapshot, so it never sees half of an update. An update request is one
// atomic write: each operation sees what the earlier ones did, and a failure, a timeout or a
// cancellation anywhere leaves the store unchanged.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/query/exec_context.h"
#include "engine/query/results/result_writer.h"
#include "engine/status.h"
#include "engine/storage/store.h"

namespace silk::query {

enum class ExplainMode { kNone, kPlan, kAnalyze };

// The dataset a request names beside its text, as the SPARQL 1.1 Protocol's
// default-graph-uri / named-graph-uri (a query) or using-graph-uri / using-named-graph-uri (an
// update) give it: absolute IRIs of graphs, stored or not (a graph the store lacks is empty).
struct RequestDataset {
  std::vector<std::string> default_graphs;
  std::vector<std::string> named_graphs;
};

struct QueryOptions {
  std::string source_name = "<query>";  // for error messages
  std::string base_iri;                 // for relative IRIs without a BASE
  // Prefixes declared before the text (the shell's well-known ones); the text may override.
  std::vector<std::pair<std::string, std::string>> prefixes;
  // The default graph is the union of all graphs (true), or the store's default graph alone.
  bool union_default_graph = true;
  // In a shell a projected variable that WHERE never binds is nearly always a typo.
  bool reject_unbound_projections = false;
  QueryLimits limits;
  // When set, replaces the text's FROM / FROM NAMED (a query's) or USING / USING NAMED (an
  // update's); an update that also says USING or WITH is refused (kInvalidArgument), as the
  // protocol requires.
  std::optional<RequestDataset> dataset;
  // False for a request from the network: nothing in it may read the files of the machine
  // that runs it. LOAD, the one operation that would, then fails with kInvalidArgument (with
  // SILENT too: the refusal is the server's policy, not a failure of the load).
  bool local_files = true;
  // The optimizer's rewrites (optimizer/optimizer.h) and the operators' choices while running
  // (ExecContext::adapts); off, the algebra runs as translated (EXISTS row by row, hash joins
  // read both sides): the reference the rewrites are tested against.
  bool rewrite = true;
  // Operators may share a query's work with the process's idle spare threads (one fewer than
  // the machine's cores); off, the query runs on the calling thread alone. The rows and their
  // order are the same either way.
  bool parallel = true;
};

// A constant IRI that a request's graph patterns look for in the store. One the store does
// not hold makes its pattern match nothing, without an error: most often a typo.
struct PatternIri {
  enum class Role { kPredicate, kClass, kGraph, kOther };  // kClass: the object of rdf:type
  std::string iri;      // absolute
  std::string written;  // as the text spells it: "kca:visited", "<http://…>", "a"
  Role role = Role::kOther;
};

// A parsed, checked request. Opaque; made by Prepare.
class PreparedRequest {
 public:
  virtual ~PreparedRequest() = default;
  // Whether the request writes (an update): the caller opens the store accordingly.
  virtual bool is_update() const = 0;
  // `EXPLAIN` / `EXPLAIN ANALYZE` before the query.
  virtual ExplainMode explain() const = 0;
  // The PREFIX declarations the text made itself, in order, and its last BASE (empty if
  // none): a shell keeps them for the statements that follow.
  virtual const std::vector<std::pair<std::string, std::string>>& declared_prefixes() const = 0;
  virtual const std::string& declared_base() const = 0;
  // Whether the text is a prologue and nothing else: an update of no operations.
  virtual bool only_prologue() const = 0;
  // What Execute writes (without EXPLAIN): solutions, a boolean, a graph, or nothing.
  virtual ResultKind result_kind() const = 0;
  // "SELECT", "ASK", "CONSTRUCT", "DESCRIBE" or "update", for messages.
  virtual std::string_view form_name() const = 0;
  // The prefixes in effect: QueryOptions::prefixes, then the text's own PREFIX declarations.
  virtual const std::vector<std::pair<std::string, std::string>>& prefixes() const = 0;
  // The constant IRIs of the patterns the request matches, each once, in the order written:
  // WHERE (with its subqueries, OPTIONAL, UNION, MINUS, GRAPH names and EXISTS) and DESCRIBE's
  // IRIs; never a template, data an update inserts, FILTER/BIND expressions or VALUES.
  virtual const std::vector<PatternIri>& pattern_iris() const = 0;
};

// Parses `text`: a query, an update, or either prefixed by EXPLAIN [ANALYZE].
// Errors: Status::Syntax with the position and what was expected.
Result<std::unique_ptr<PreparedRequest>> Prepare(std::string_view text,
                                                 const QueryOptions& options);

// Runs a prepared request. Queries write their results to `writer`; updates write nothing.
// With EXPLAIN, `plan` receives the plan (after running it, for ANALYZE) and no results are
// written. Errors: kCancelled (cancelled, timed out, over the memory cap), storage errors.
// REQUIRES: a writable store for updates.
Status Execute(const PreparedRequest& request, storage::Store& store, ResultWriter& writer,
               const QueryOptions& options, std::string* plan = nullptr);

}  // namespace silk::query
