// The state of one shell session: the open store, the prefixes declared so far, how results
// are shown and where they go, and the last query's rows (for `.why`).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstddef>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/storage/store.h"
#include "grammar/rdf/term.h"
#include "shell/query_defaults.h"
#include "shell/repl/box_table.h"

namespace silk::shell::repl {

enum class OutputMode { kTable, kTsv, kCsv, kJson, kXml, kLine };

// The last SELECT that ran, as far as `.why` needs it.
struct LastSelect {
  std::string text;  // the query as run (a bare pattern already wrapped in SELECT * WHERE)
  std::vector<std::string> variables;
  std::vector<std::vector<std::optional<rdf::Term>>> rows;  // the first kMaxKeptRows
  bool truncated = false;
};

inline constexpr std::size_t kMaxKeptRows = 1000;
inline constexpr int kMaxReadDepth = 16;


struct Session {
  // REQUIRES: `store` and `cancel` outlive the session.
  Session(storage::Store& store_in, std::atomic<bool>& cancel_in)
      : store(store_in), cancel(cancel_in) {}

  storage::Store& store;
  std::atomic<bool>& cancel;  // set by Ctrl-C; cleared before each statement
  Prefixes prefixes;          // the predeclared ones, then what the session declared
  std::string base_iri;       // the last BASE the session declared
  std::string source = "<input>";  // where statements come from, for error positions
  std::uint64_t memory_limit = kDefaultQueryMemory;  // `.memory`: rows a query may hold
  std::optional<std::chrono::steady_clock::duration> timeout;  // `.timeout`
  OutputMode mode = OutputMode::kTable;
  bool interactive = false;  // prompts, boxed tables, row counts and timings
  bool timer = false;
  bool color = false;
  std::size_t width = 80;    // the terminal's columns, for boxed tables
  std::size_t max_rows = 40; // `.maxrows`: rows a boxed table shows (0: all)
  std::size_t max_width = 0; // `.maxwidth`: columns a boxed table takes (0: the terminal's)
  std::unique_ptr<std::ofstream> output_file;  // `.output FILE`; null: standard output
  std::string output_path;                     // that FILE, for messages
  std::optional<LastSelect> last;
  int read_depth = 0;  // `.read` inside `.read`
  bool quit = false;

  std::ostream& out() { return output_file ? static_cast<std::ostream&>(*output_file) : std::cout; }
  // Boxed tables only where a person reads them: interactive, to the terminal.
  bool boxed() const { return interactive && !output_file; }
};

}  // namespace silk::shell::repl
