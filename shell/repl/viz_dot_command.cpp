#include "shell/repl/viz_dot_command.h"

#include <fmt/format.h>

#include "shell/command_words.h"
#include "shell/repl/load_dot_command.h"
#include "shell/viz_request.h"
#include "viz/graphviz.h"

namespace silk::shell::repl {

Status RunVizDotCommand(Session& session, std::string_view arg) {
  static const CommandSpec kCommand = VizCommand(".viz");
  Result<std::vector<std::string>> words = SplitWords(arg);
  if (!words.ok()) return words.status();
  const std::vector<std::string_view> views(words->begin(), words->end());
  Invocation invocation;
  SILK_RETURN_IF_ERROR(ReadCommandWords(kCommand, views, {}, invocation));
  std::ostream& out = session.out();
  if (invocation.help) {
    out << fmt::format("Usage: {} {}\n\n{}\n\n{}\nWithout -o, the picture is written to TERM's "
                       "name.svg in the working directory.\nOptions:\n",
                       kCommand.name, kCommand.usage, kCommand.summary, kCommand.details);
    for (const OptionSpec& option : kCommand.options) {
      out << OptionHelpLine(option.name, option.value_name, option.help);
    }
    return Status::Ok();
  }
  Result<VizRequest> request = ReadVizRequest(invocation);
  if (!request.ok()) return request.status();
  request->file_named_after_entity = true;
  std::unique_ptr<storage::Snapshot> snapshot = session.store.GetSnapshot();
  Result<VizResult> result = MakeViz(*snapshot, *request, session.prefixes, out,
                                     [&session] { return session.cancel.load(); });
  if (!result.ok()) return result.status();
  if (!result->left_out.empty()) out << fmt::format("Not shown: {}\n", result->left_out);
  if (result->graphviz_missing) {
    out << fmt::format("Wrote {} (DOT): Graphviz's dot is not installed; {}\n", result->written,
                       viz::kInstallGraphvizHint);
  } else if (!result->written.empty()) {
    out << fmt::format("Wrote {}\n", result->written);
  }
  return Status::Ok();
}

}  // namespace silk::shell::repl
