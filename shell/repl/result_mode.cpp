#include "shell/repl/result_mode.h"

#include <fmt/format.h>

#include "shell/result_formats.h"

namespace silk::shell::repl {
namespace {

std::string_view ModeName(OutputMode mode) {
  switch (mode) {
    case OutputMode::kTable: return "table";
    case OutputMode::kTsv: return "tsv";
    case OutputMode::kCsv: return "csv";
    case OutputMode::kJson: return "json";
    case OutputMode::kXml: return "xml";
    case OutputMode::kLine: return "line";
  }
  return "?";
}

}  // namespace

Result<std::unique_ptr<query::ResultWriter>> MakeModeWriter(Session& session,
                                                            const query::PreparedRequest& request,
                                                            BoxTableWriter** box) {
  std::ostream& out = session.out();
  const bool for_people = session.mode == OutputMode::kTable || session.mode == OutputMode::kLine;
  if (request.result_kind() == query::ResultKind::kGraph &&
      request.explain() == query::ExplainMode::kNone) {
    if (!for_people) {
      return Status::InvalidArgument(fmt::format(
          "{}: use .mode table or line (they show it as Turtle), or silk query --format {}",
          FormatMismatch(fmt::format(".mode {}", ModeName(session.mode)), request),
          FormatChoices(query::ResultKind::kGraph)));
    }
    return query::MakeResultWriter(query::ResultFormat::kTurtle, out,
                                   {.prefixes = request.prefixes()});
  }
  switch (session.mode) {
    case OutputMode::kTable:
      if (session.boxed()) {
        auto table = std::make_unique<BoxTableWriter>(
            out, BoxTableOptions{.width = session.max_width > 0 ? session.max_width : session.width,
                                 .color = session.color,
                                 .prefixes = session.prefixes,
                                 .max_rows = session.max_rows,
                                 .live_count = true});
        *box = table.get();
        return std::unique_ptr<query::ResultWriter>(std::move(table));
      }
      return query::MakeResultWriter(query::ResultFormat::kTable, out);
    case OutputMode::kTsv: return query::MakeResultWriter(query::ResultFormat::kTsv, out);
    case OutputMode::kCsv: return query::MakeResultWriter(query::ResultFormat::kCsv, out);
    case OutputMode::kJson: return query::MakeResultWriter(query::ResultFormat::kJson, out);
    case OutputMode::kXml: return query::MakeResultWriter(query::ResultFormat::kXml, out);
    case OutputMode::kLine:
      return std::unique_ptr<query::ResultWriter>(
          std::make_unique<LineWriter>(out, session.prefixes));
  }
  return Status::InvalidArgument("unknown output mode");
}

}  // namespace silk::shell::repl
