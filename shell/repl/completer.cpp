#include "shell/repl/completer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <set>

#include "shell/repl/dot_commands.h"

namespace silk::shell::repl {
namespace {

constexpr std::array<std::string_view, 66> kKeywords = {
    "SELECT", "DISTINCT", "REDUCED", "WHERE", "FROM", "NAMED", "GRAPH", "OPTIONAL", "UNION",
    "MINUS", "FILTER", "BIND", "VALUES", "ORDER", "BY", "ASC", "DESC", "LIMIT", "OFFSET", "GROUP",
    "HAVING", "COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT", "ASK", "CONSTRUCT",
    "DESCRIBE", "PREFIX", "BASE", "INSERT", "DELETE", "DATA", "CLEAR", "EXPLAIN", "ANALYZE",
    "EXISTS", "NOT", "AS", "STR", "LANG", "LANGMATCHES", "REGEX", "CONTAINS", "STRSTARTS",
    "LCASE", "UCASE", "STRLEN", "BOUND", "COALESCE", "IF", "YEAR", "DATATYPE", "isIRI", "SERVICE",
    "LOAD", "INTO", "DROP", "CREATE", "ADD", "MOVE", "COPY", "SILENT"};

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
         });
}

// A local name that reads back as the same prefixed name.
bool IsSimpleLocalName(std::string_view local) {
  if (!local.empty() && local.back() == '.') return false;
  return std::all_of(local.begin(), local.end(), [](char c) {
    const unsigned char u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '_' || c == '-' || c == '.' || u >= 0x80;
  });
}

void FileNames(std::string_view word, std::set<std::string>& out, std::size_t limit) {
  const std::string typed(word);
  const auto slash = typed.rfind('/');
  const std::string dir_part = slash == std::string::npos ? "" : typed.substr(0, slash + 1);
  const std::string base = slash == std::string::npos ? typed : typed.substr(slash + 1);
  std::error_code ec;
  const std::filesystem::path dir = dir_part.empty() ? "." : dir_part;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with(base) || (base.empty() && name.starts_with('.'))) continue;
    out.insert(dir_part + name + (it->is_directory(ec) ? "/" : ""));
    if (out.size() >= limit) return;
  }
}

// Whether the word starting at line[start] is the predicate of a triple pattern: the second
// term after '{' or '.' or the start of the line, or the first after ';' (or '[').
bool AtPredicatePosition(std::string_view line, std::size_t start) {
  int terms = 0;  // terms of the current triple before the word
  bool in_term = false;
  for (std::size_t i = 0; i < start; ++i) {
    const char c = line[i];
    const bool ends_triple = c == '{' || (c == '.' && (i + 1 == line.size() || std::isspace(static_cast<unsigned char>(line[i + 1]))));
    if (ends_triple || c == ';' || c == ',' || c == '[') {
      terms = c == ',' ? 2 : (c == ';' || c == '[') ? 1 : 0;
      in_term = false;
      continue;
    }
    if (std::isspace(static_cast<unsigned char>(c)) || c == '}') {
      in_term = false;
      continue;
    }
    if (!in_term) {
      ++terms;
      in_term = true;
    }
    // A string or an IRI is one term, whatever it holds.
    if (c == '"' || c == '\'') {
      const std::size_t close = line.find(c, i + 1);
      i = close == std::string_view::npos || close >= start ? start : close;
    } else if (c == '<') {
      const std::size_t close = line.find('>', i + 1);
      if (close != std::string_view::npos && close < start) i = close;
    }
  }
  return terms == 1;
}

}  // namespace

Completion Complete(std::string_view line, std::size_t cursor, const CompletionContext& context) {
  cursor = std::min(cursor, line.size());
  Completion completion;
  std::size_t start = cursor;
  while (start > 0 && kWordBreaks.find(line[start - 1]) == std::string_view::npos) --start;
  completion.word_start = start;
  const std::string_view word = line.substr(start, cursor - start);
  const std::size_t first = line.find_first_not_of(" \t");
  std::set<std::string> out;

  const bool dot_line = first != std::string_view::npos && line[first] == '.';
  if (dot_line && start == first) {
    for (const DotCommandInfo& command : DotCommands()) {
      if (command.name.starts_with(word)) out.emplace(command.name);
    }
  } else if (dot_line && (line.substr(first).starts_with(".load ") ||
                          line.substr(first).starts_with(".read ") ||
                          line.substr(first).starts_with(".output "))) {
    FileNames(word, out, context.limit);
  } else if (word.starts_with('<')) {
    if (context.iris != nullptr) {
      for (const std::string& iri : context.iris->IrisStartingWith(word.substr(1), context.limit)) {
        out.insert("<" + iri + ">");
      }
    }
  } else if (word.starts_with('?') || word.starts_with('$')) {
    // Variables already used on this line.
    for (std::size_t i = 0; i < line.size(); ++i) {
      if ((line[i] != '?' && line[i] != '$') || i == start) continue;
      std::size_t j = i + 1;
      while (j < line.size() && (std::isalnum(static_cast<unsigned char>(line[j])) || line[j] == '_')) ++j;
      const std::string variable = std::string(word.substr(0, 1)) + std::string(line.substr(i + 1, j - i - 1));
      if (variable.size() > 1 && variable.starts_with(word) && variable != word) out.insert(variable);
    }
  } else if (const auto colon = word.find(':'); colon != std::string_view::npos) {
    const std::string_view prefix = word.substr(0, colon);
    const std::string_view local = word.substr(colon + 1);
    const auto declared = std::find_if(context.prefixes->begin(), context.prefixes->end(),
                                       [&](const auto& p) { return p.first == prefix; });
    if (declared != context.prefixes->end() && context.iris != nullptr) {
      const std::string& ns = declared->second;
      const std::string typed = ns + std::string(local);
      const auto offer = [&](const std::vector<std::string>& iris) {
        for (const std::string& iri : iris) {
          const std::string_view rest = std::string_view(iri).substr(ns.size());
          if (IsSimpleLocalName(rest)) out.insert(std::string(prefix) + ":" + std::string(rest));
        }
      };
      if (AtPredicatePosition(line, start)) offer(context.iris->PredicatesStartingWith(typed));
      if (out.empty()) offer(context.iris->IrisStartingWith(typed, context.limit));
    }
  } else if (!word.empty()) {
    // Keywords in the case the user types them in.
    const bool lower = std::islower(static_cast<unsigned char>(word[0]));
    for (std::string_view keyword : kKeywords) {
      if (!StartsWithNoCase(keyword, word)) continue;
      std::string text(keyword);
      if (lower && std::all_of(keyword.begin(), keyword.end(), [](char c) { return !std::islower(static_cast<unsigned char>(c)); })) {
        std::transform(text.begin(), text.end(), text.begin(),
                       [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
      }
      out.insert(std::move(text));
    }
    for (const auto& [prefix, iri] : *context.prefixes) {
      if (prefix.starts_with(word)) out.insert(prefix + ":");
    }
  }
  completion.candidates.assign(out.begin(), out.end());
  if (completion.candidates.size() > context.limit) completion.candidates.resize(context.limit);
  return completion;
}

}  // namespace silk::shell::repl
