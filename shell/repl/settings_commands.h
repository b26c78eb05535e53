// The dot-commands that set how the session shows and limits its work: `.mode`, `.timer`,
// `.maxrows`, `.maxwidth`, `.memory`, `.timeout`, `.prefix`, `.prefixes`, `.output`. Each
// shows the current setting when given no argument.
#pragma once

#include <string_view>

#include "engine/status.h"
#include "shell/repl/session.h"

namespace silk::shell::repl {

Status Mode(Session& session, std::string_view arg);
Status Timer(Session& session, std::string_view arg);
Status MaxRows(Session& session, std::string_view arg);
Status MaxWidth(Session& session, std::string_view arg);
Status Memory(Session& session, std::string_view arg);
Status Timeout(Session& session, std::string_view arg);
Status Prefix(Session& session, std::string_view arg);
Status ListPrefixes(Session& session, std::string_view arg);
Status Output(Session& session, std::string_view arg);

}  // namespace silk::shell::repl
