// `.describe TERM`: every statement about an entity, by predicate, with the graphs that hold
// each; TERM is an IRI, a prefixed name, or a name the name matcher knows.
#pragma once

#include <string_view>

#include "engine/status.h"
#include "shell/repl/session.h"

namespace silk::shell::repl {

Status Describe(Session& session, std::string_view arg);

}  // namespace silk::shell::repl
