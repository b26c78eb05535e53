#include "shell/commands.h"

#include <fmt/format.h>

#include <cstdio>

#include "shell/exit_codes.h"
#include "shell/load_request.h"
#include "shell/repl/repl.h"
#include "shell/store_location.h"
#include "shell/viz_request.h"

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
          .name = "shell",
          .usage = "[-f FILE] [--keep-going]",
          .summary = "The interactive shell (also 'silk' alone); runs a script when not on a terminal",
          .details =
              "On a terminal: a prompt with line editing, history, tab completion and boxed\n"
              "tables; type .help there for the dot-commands. Statements end with ';', with a\n"
              "blank line, or (on a terminal) at the end of a line where they are complete; a\n"
              "line of triple patterns runs as SELECT * WHERE { ... }. Ctrl-C stops a query.\n"
              "With standard input not a terminal, or with -f FILE, it runs the statements and\n"
              "dot-commands it reads, prints results only, and stops at the first error (exit\n"
              "code 1) unless --keep-going.\n",
          .options = {{"-f", "FILE", "Run the statements in FILE"},
                      {"--keep-going", "", "Go on after a failed statement (the exit code is still 1)"}},
          .run = RunShell,
      },
      [] {
        CommandSpec load =
            LoadCommand("load", "Load RDF files into the store ('-' reads standard input)", RunLoad);
        load.options.push_back(WaitOptionSpec());
        return load;
      }(),
      {
          .name = "query",
          .usage = "['SPARQL' | -f FILE] [--format FORMAT] [--default-graph union|stored] [--timeout S]",
          .summary = "Run a SPARQL query or update (from the argument, a file, or standard input)",
          .details =
              "Queries: SELECT, ASK, CONSTRUCT, DESCRIBE. Prefix a query with EXPLAIN to see\n"
              "its plan, or with EXPLAIN ANALYZE to run it and see the rows each step produced.\n"
              "Updates (SPARQL 1.1 Update, operations separated by ';'): INSERT DATA, DELETE DATA,\n"
              "DELETE WHERE, DELETE/INSERT ... WHERE, LOAD <file> [INTO GRAPH <g>], CLEAR, DROP,\n"
              "CREATE, ADD, MOVE, COPY (GRAPH <g>, DEFAULT, NAMED, ALL; SILENT ignores a\n"
              "missing graph). A request is one atomic change: each operation sees what the\n"
              "earlier ones did, and a failure leaves the store as it was. LOAD reads a local\n"
              ".nt, .nq, .ttl or .trig file (.gz too), by path or file: IRI, as silk load does.\n"
              "A graph exists while it holds quads: CREATE GRAPH of a new graph changes nothing.\n"
              "The default graph is the union of all graphs; --default-graph stored reads the\n"
              "store's default graph alone, as plain SPARQL does. The prefixes rdf, rdfs, xsd,\n"
              "owl, skos, schema, prov, dct, foaf, the shipped graph's kca and src, and\n"
              "silk are declared for you. YEAR and MONTH read xsd:gYear and xsd:gYearMonth\n"
              "too, and ORDER BY puts dates of every precision on one timeline.\n"
              "Full-text search: ?lit silk:matches \"words\" binds ?lit to each string\n"
              "literal holding all the words (any case, accents, and English, German or\n"
              "Turkish endings; \\\"a phrase\\\" in order); ?lit silk:score ?score beside it\n"
              "binds its BM25 score, for ORDER BY DESC(?score).\n"
              "SELECT and ASK results are a table by default, or tsv, csv, json or xml (the\n"
              "W3C formats). The graphs of CONSTRUCT and DESCRIBE are Turtle by default (each\n"
              "subject once, with the prefixes it uses), or trig, ntriples or nquads. A\n"
              "--format that does not fit the query is a usage error (exit code 2).\n"
              "A name the store does not hold (a typo such as kca:vistied) makes its pattern\n"
              "match nothing: a warning on standard error says so, with the nearest names.\n",
          .options = {{"-f", "FILE", "Read the query from FILE (relative IRIs resolve against it)"},
                      {"--format", "FORMAT",
                       "table, tsv, csv, json, xml; graphs: turtle, trig, ntriples, nquads"},
                      {"--default-graph", "MODE", "union (default) or stored"},
                      {"--timeout", "SECONDS", "Stop the query after this long (exit code 1)"},
                      {"--memory", "SIZE", "Memory its sorts, groups and joins may hold (default 1G)"},
                      {"--base", "IRI", "Base for relative IRIs in the query"},
                      WaitOptionSpec()},
          .min_args = 0,
          .max_args = 1,
          .run = RunQuery,
      },
      {
          .name = "schema",
          .usage = "",
          .summary = "Show the store's classes, predicates and graphs, with counts and examples",
          .details =
              "The vocabulary to write queries with: each class with its number of instances,\n"
              "each predicate with its statements, distinct subjects and objects and one\n"
              "example (subject \u2192 object), and each graph with its statements, largest\n"
              "first, names shortened with the predeclared prefixes. The shell's .schema\n"
              "prints the same with the session's prefixes.\n",
          .options = {},
          .run = RunSchema,
      },
      {
          .name = "find",
          .usage = "NAME [--limit N]",
          .summary = "Find the entities a name stands for, in any spelling",
          .details =
              "Matches NAME against every skos:prefLabel, skos:altLabel, skos:hiddenLabel,\n"
              "schema:name and rdfs:label in the store and lists the entities, best first: the exact label, then\n"
              "the same up to case, up to accents and script (Türkistan, Turkistan), up to\n"
              "look-alike letters (a Cyrillic С for a Latin C), a whole word of a longer name\n"
              "(Tokayev), and last a near miss a few letters off (Zhaparov for Japarov). Each\n"
              "line shows the entity's preferred name, its IRI and the label that matched.\n"
              "Exit code 1 when nothing matches.\n",
          .options = {{"--limit", "N", "Show at most N entities (default 10)"}},
          .min_args = 1,
          .max_args = 1,
          .run = RunFind,
      },
      VizCommand("viz", RunViz),
      {
          .name = "search",
          .usage = "WORDS... [--limit N]",
          .summary = "Find the things whose literals hold some words (full-text search)",
          .details =
              "Looks the words up in the store's text index and lists the things whose\n"
              "literals hold all of them, best match first: the thing and the predicate, the\n"
              "literal with its language and score, a snippet with the words in [brackets],\n"
              "and the graph (article) it comes from. Words match in any case and with or\n"
              "without accents, in English, German and Turkish literals whatever their\n"
              "ending, and long German words by their parts; \"words in quotes\" must occur in\n"
              "that order. Exit code 1 when nothing matches.\n",
          .options = {{"--limit", "N", "Show at most N matches (default 10)"}},
          .min_args = 1,
          .max_args = std::nullopt,
          .run = RunSearch,
      },
      {
          .name = "serve",
          .usage = "[--bind HOST:PORT] [--updates [--token-file FILE]] [--readonly] [--timeout S]",
          .summary = "Answer SPARQL over HTTP: the SPARQL 1.1 Protocol and the Graph Store Protocol",
          .details =
              "Listens on 127.0.0.1:7878 unless --bind says otherwise (port 0: any free port;\n"
              "the first line printed says where) and serves the store until SIGTERM or Ctrl-C,\n"
              "which stop it cleanly: running queries are stopped, updates finish.\n"
              "/sparql takes queries by GET (?query=) and POST (a form, or the query itself as\n"
              "application/sparql-query), with default-graph-uri and named-graph-uri, and\n"
              "answers in the format Accept asks for: SPARQL JSON (the default), XML, CSV, TSV or\n"
              "text/plain (the table); graphs as Turtle (the default), N-Triples, N-Quads or TriG.\n"
              "GET /sparql without a query returns the service description.\n"
              "/store is the Graph Store Protocol: GET, HEAD, PUT, POST and DELETE on\n"
              "?graph=IRI or ?default; a body is loaded as silk load loads a file, in one\n"
              "transaction (PUT replaces the graph in the same commit), and a malformed one\n"
              "changes nothing (400, with the parser's message). POST /store with neither adds\n"
              "an N-Quads or TriG body to the graphs it names.\n"
              "/ is a web page for people: a query editor, a results table and example\n"
              "questions, built into silk (it sends queries only).\n"
              "Updates (SPARQL Update by POST, and the store's PUT, POST and DELETE) are refused\n"
              "with 403 unless --updates; from another machine they need 'Authorization:\n"
              "Bearer TOKEN' with the token in --token-file. Nothing a request says can make\n"
              "the server read its own files. Each query stops after --timeout (503) and\n"
              "holds at most --memory, its results included; a body larger than --max-body\n"
              "gets 413, and one without a Content-Length 411. The same prefixes as silk query\n"
              "are declared, and a malformed query gets a 400 whose body is the message silk\n"
              "query prints.\n",
          .options = {{"--bind", "HOST:PORT", "Where to listen (default 127.0.0.1:7878)"},
                      {"--updates", "", "Accept updates (SPARQL Update, PUT, POST, DELETE)"},
                      {"--token-file", "FILE", "The bearer token that updates from other machines need"},
                      {"--readonly", "", "Serve the store as it is at start; never write, nor follow other writers"},
                      {"--timeout", "SECONDS", "Stop each query after this long (default 30)"},
                      {"--memory", "SIZE", "What one query and its results may hold (default 256M)"},
                      {"--max-body", "SIZE", "The largest request body taken (default 64M)"},
                      {"--cors", "ORIGIN", "Allow web pages from ORIGIN (or *) to call the server"},
                      {"--threads", "N", "Requests answered at the same time (default 8)"},
                      {"--log", "", "Print one line per request on standard error"}},
          .run = RunServe,
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
          .summary = "Verify that indexes, dictionary, statistics and text index agree",
          .details =
              "Reads the whole store and verifies every block's checksum, and compares what\n"
              "RocksDB holds with the commit record SilkGraph keeps beside it. Exit code 3 and\n"
              "a description (with the word \"damaged\") if anything is off.\n",
          .options = {},
          .run = RunCheck,
      },
      {
          .name = "backup",
          .usage = "DIR",
          .summary = "Copy the store into a new directory, also while it is in use",
          .details =
              "The copy holds the store as of one commit (a RocksDB checkpoint: files are\n"
              "hard-linked where they can be) and opens as a store of its own: check it with\n"
              "'silk --db DIR check'. DIR must not exist or be empty. Other processes may read\n"
              "and write the store meanwhile.\n",
          .options = {},
          .min_args = 1,
          .max_args = 1,
          .run = RunBackup,
      },
  };
  return kCommands;
}

}  // namespace silk::shell
