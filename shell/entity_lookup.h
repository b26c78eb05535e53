// One entity named by what a person types: an IRI, a prefixed name, or a name in any spelling
// (found as `silk find` finds it). A name that fits several entities equally well is an error
// that lists them, so a command never silently picks one.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/names/name_matcher.h"
#include "engine/status.h"
#include "engine/storage/store.h"

namespace silk::shell {

// `silk find`'s lines for `matches`: "1. NAME  <IRI>\n   matched "LABEL"@LANG (KIND)\n" each.
std::string DescribeMatches(const std::vector<names::NameMatch>& matches);

// The IRI `text` stands for: `<IRI>`; `p:local` with a prefix of `prefixes`; an absolute IRI
// (`scheme://…`, `urn:…`); else a name, matched against the store's labels, whose best match
// must be better than the next (by kind of match, edits, and preferred label).
// Errors: kNotFound when no entity is called `text` nor anything close; kInvalidArgument when
// several are called it equally (the message lists them as `silk find` does).
Result<std::string> ResolveEntity(const storage::Snapshot& snapshot, std::string_view text,
                                  const std::vector<std::pair<std::string, std::string>>& prefixes);

}  // namespace silk::shell
