// The `silk` command line: commands, their options, and the help text made from them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace silk::shell {

struct OptionSpec {
  std::string_view name;        // "--graph"
  std::string_view value_name;  // "IRI"; empty for a flag
  std::string_view help;
};

// What the user asked for, once parsed.
struct Invocation {
  std::string db_dir;  // --db; empty means the default store
  std::map<std::string, std::string, std::less<>> options;  // "--graph" → value ("" for flags)
  std::vector<std::string> args;
  bool help = false;  // -h or --help

  bool Has(std::string_view option) const { return options.contains(option); }
  std::string Get(std::string_view option, std::string fallback = {}) const {
    auto it = options.find(option);
    return it == options.end() ? fallback : it->second;
  }
};

struct CommandSpec {
  std::string_view name = {};
  std::string_view usage = {};    // after "silk [--db DIR] NAME": "FILE... [--graph IRI]"
  std::string_view summary = {};  // one line for `silk --help`
  std::string_view details = {};  // paragraphs for `silk NAME --help`
  std::vector<OptionSpec> options;
  std::size_t min_args = 0;
  std::optional<std::size_t> max_args = 0;  // nullopt: any number
  int (*run)(const Invocation&) = nullptr;  // null for the shell's dot-commands
};

// Every command, in the order `silk --help` lists them.
const std::vector<CommandSpec>& Commands();

// Runs `silk ARGV…`; returns the process exit code.
int RunCommandLine(int argc, char** argv);

}  // namespace silk::shell
