// The result formats in words, for messages that say which formats fit a query.
#pragma once

#include <string>
#include <string_view>

#include "engine/query/query_engine.h"

namespace silk::shell {

// "ntriples, nquads, turtle or trig": the formats that can write `kind`.
std::string FormatChoices(query::ResultKind kind);

// Why `choice` (e.g. "--format json", ".mode csv") cannot show what `request` returns:
// "--format json does not fit a CONSTRUCT query, which returns a graph".
std::string FormatMismatch(std::string_view choice, const query::PreparedRequest& request);

}  // namespace silk::shell
