// The per-execution state of SPARQL's functions: one NOW() for the whole query, a random
// source for RAND/UUID, and the blank nodes BNODE() makes.
#pragma once

#include <chrono>
#include <string>

#include "engine/query/expr/builtins.h"

namespace silk::query {

struct QueryRuntime {
  explicit QueryRuntime(std::string base_iri)
      // "q" keeps BNODE()'s labels apart from stored blank nodes, which print as "b…".
      : bnodes("q") {
    functions.now = expr::DateTime::FromUnixMicros(
        std::chrono::duration_cast<std::chrono::microseconds>(
            std::chrono::system_clock::now().time_since_epoch())
            .count());
    functions.base_iri = std::move(base_iri);
    functions.random = &random;
    functions.bnodes = &bnodes;
  }
  QueryRuntime(const QueryRuntime&) = delete;
  QueryRuntime& operator=(const QueryRuntime&) = delete;

  expr::RandomSource random;
  expr::CountingBnodeFactory bnodes;
  expr::FunctionContext functions;
};

}  // namespace silk::query
