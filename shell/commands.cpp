#include "shell/commands.h"

#include <fmt/format.h>

#include <cstdio>

#include "shell/exit_codes.h"

namespace silk::shell {

int ReportFailure(const Status& status) {
  // A syntax error already starts with "FILE:LINE:COL:", as compilers print it.
  if (status.parse_error()) {
    fmt::print(stderr, "{}\n", status.message());
  } else {
    fmt::print(stderr, "silk: {}\n", status.message());
  }
  return ExitCodeFor(status);
}

const std::vector<CommandSpec>& Commands() {
  static const std::vector<CommandSpec> kCommands = {
      {
          .name = "load",
          .usage = "FILE... [--graph IRI] [--format FORMAT] [--base IRI]",
          .summary = "Load RDF files into the store ('-' reads standard input)",
          .details =
              "The format follows the file name: .nt (N-Triples), .nq (N-Quads), .ttl (Turtle),\n"
              ".trig (TriG). All files are loaded in one transaction: if any statement is\n"
              "malformed, nothing is loaded and the error names file, line and column.\n"
              "Statements without a graph go to the default graph, or to --graph IRI.\n",
          .options = {{"--graph", "IRI", "Put statements that name no graph into this graph"},
                      {"--format", "FORMAT",
                       "ntriples, nquads, turtle or trig (default: from the file name; "
                       "nquads for '-')"},
                      {"--base", "IRI", "Base for relative IRIs in Turtle and TriG"}},
          .min_args = 1,
          .max_args = std::nullopt,
          .run = RunLoad,
      },
      {
          .name = "dump",
          .usage = "[--format nquads|ntriples] [--graph IRI]",
          .summary = "Write the store's statements to standard output",
          .details =
              "N-Quads (the default) writes every graph. N-Triples has no graph names, so it\n"
              "writes one graph: the default graph, or the one given with --graph.\n",
          .options = {{"--format", "FORMAT", "nquads (default) or ntriples"},
                      {"--graph", "IRI", "Only this graph ('default' for the default graph)"}},
          .run = RunDump,
      },
      {
          .name = "stats",
          .usage = "",
          .summary = "Show counts of quads, terms, graphs and predicates, and the size on disk",
          .details = "",
          .options = {},
          .run = RunStats,
      },
      {
          .name = "check",
          .usage = "",
          .summary = "Verify that indexes, dictionary and statistics agree",
          .details = "Reads the whole store. Exit code 3 and a description if anything is off.\n",
          .options = {},
          .run = RunCheck,
      },
  };
  return kCommands;
}

}  // namespace silk::shell
