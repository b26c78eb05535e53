// The SPARQL 1.1 Update evaluation tests (mf:UpdateEvaluationTest): the store before, the
// request, the store after, run through the query engine's façade as `silk query` runs an
// update.
#pragma once

#include "tests/conformance/dataset_cache.h"
#include "tests/conformance/test_runner.h"

namespace silk::conformance {

// Loads the action's ut:data into the default graph and each ut:graphData (ut:graph, named
// by its rdfs:label or else the file's IRI) as a named graph, runs ut:request with its own IRI
// as base, and compares every quad of the store with the result's ut:data and ut:graphData,
// blank nodes matched by one bijection.
// REQUIRES: `stores` outlives `runner`.
void RegisterUpdateTests(TestRunner& runner, DatasetCache& stores);

}  // namespace silk::conformance
