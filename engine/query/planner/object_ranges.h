// Key ranges from FILTER comparisons: the object ids that can hold a value satisfying
// `?o OP constant`, so that a scan reads only those keys of an index ordered by object. The
// store inlines integers, decimals, dates and dateTimes in their ids, in value order within
// each kind (engine/storage/format.h); every other literal (doubles, the rare value not
// inlined) sits in the dictionary, whose literal ids are always included. The ranges may hold
// more than the comparison accepts (the filter still runs), never less.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/storage/term_id.h"
#include "grammar/query/ast.h"

namespace silk::query {

// Ascending, disjoint, each [first, second].
using IdRanges = std::vector<std::pair<storage::TermId, storage::TermId>>;

// The ranges for `comparison` (<, <=, >, >=, = between `variable` and a constant) when the
// constant is a number, a date or a dateTime that the store inlines; nullopt otherwise.
std::optional<IdRanges> RangesFor(const ast::Expression& comparison, const std::string& variable);

// The ids in both.
IdRanges Intersect(const IdRanges& a, const IdRanges& b);

// Whether `comparison` has the shape RangesFor reads, for `variable`.
bool IsRangeComparison(const ast::Expression& comparison, std::string* variable);

}  // namespace silk::query
