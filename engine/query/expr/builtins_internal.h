// Implementations behind Call(), one group per file (string_functions.cpp,
// datetime_functions.cpp, hash_functions.cpp). Arity is checked by Call().
#pragma once

#include <span>

#include "engine/query/expr/builtins.h"

namespace silk::query::expr::internal {

// string_functions.cpp
EvalResult StringFunction(Builtin b, std::span<const Value> args, const Interruption* stop);
// datetime_functions.cpp: YEAR ... TZ.
EvalResult DateTimeFunction(Builtin b, const Value& arg);
// hash_functions.cpp: MD5 ... SHA512.
EvalResult HashFunction(Builtin b, const Value& arg);

}  // namespace silk::query::expr::internal
