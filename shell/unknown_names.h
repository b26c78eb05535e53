// Warnings about names a query looks for that the store does not hold. A typo such as
// kca:vistied makes its pattern match nothing, without an error; the warning says so and
// names the nearest names the store does hold:
//
//   warning: kca:vistied is not in the store; did you mean kca:visited?
//
// Warnings never change results or the exit code.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/query/query_engine.h"
#include "engine/storage/store.h"

namespace silk::shell {

// Writes a warning to `err` for each IRI of the request's patterns (PreparedRequest::
// pattern_iris) that the store's dictionary lacks, with names written with the request's
// prefixes. Nothing for an empty store, which lacks every name. Costs a dictionary look-up per
// IRI and, for an unknown one, a few seeks in the dictionary and the statistics: the same on
// ten million quads as on ten. A failing read just means fewer warnings.
void WarnAboutUnknownNames(const query::PreparedRequest& request, const storage::Store& store,
                           std::ostream& err);

// Up to `limit` of `candidates` nearest to `unknown` (absolute IRIs), nearest first: the
// local names (after the last '/' or '#') a few edits apart (a letter added, dropped, changed,
// or two swapped; case counts less), counting a change of namespace as one edit more.
// Candidates further than a third of the name's length are never near.
std::vector<std::string> NearestIris(std::string_view unknown,
                                     const std::vector<std::string>& candidates,
                                     std::size_t limit = 3);

}  // namespace silk::shell
