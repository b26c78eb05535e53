// Words people type at a new prompt before they read any help: `help`, `exit`, `quit`, `?`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace silk::shell::repl {

// A one-line hint when `statement` is such a word (any case, a trailing ';' allowed),
// otherwise nullopt.
std::optional<std::string> NewcomerHint(std::string_view statement);

}  // namespace silk::shell::repl
