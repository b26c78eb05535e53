// The labels a store holds, read for the name index.
#pragma once

#include <vector>

#include "engine/names/name_matcher.h"
#include "engine/status.h"
#include "engine/storage/store.h"

namespace silk::names {

// Every literal object of skos:prefLabel, skos:altLabel, skos:hiddenLabel, schema:name and
// rdfs:label, in any graph, once each (the same label stated by two articles is one label here).
Result<std::vector<EntityLabel>> ReadLabels(const storage::Snapshot& snapshot);

}  // namespace silk::names
