#include "shell/repl/settings_commands.h"

#include <fmt/format.h>

#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>

#include "shell/prefixes.h"
#include "shell/repl/dot_commands.h"
#include "shell/text_format.h"

namespace silk::shell::repl {
namespace {

// `.maxrows N`, `.maxwidth N`: a count, 0 for no cap; alone, the current setting.
Status Count(Session& session, std::string_view name, std::string_view arg, std::size_t& value) {
  if (arg.empty()) {
    session.out() << value << '\n';
    return Status::Ok();
  }
  std::size_t parsed = 0;
  const auto [end, error] = std::from_chars(arg.data(), arg.data() + arg.size(), parsed);
  if (error != std::errc() || end != arg.data() + arg.size()) return DotUsage(name);
  value = parsed;
  return Status::Ok();
}

}  // namespace

Status Prefix(Session& session, std::string_view arg) {
  auto [name, iri] = SplitFirstWord(arg);
  if (name.empty() || !name.ends_with(':') || iri.size() < 2 || iri.front() != '<' || iri.back() != '>') {
    return DotUsage(".prefix");
  }
  DeclarePrefix(session.prefixes, std::string(name.substr(0, name.size() - 1)),
                std::string(iri.substr(1, iri.size() - 2)));
  return Status::Ok();
}

Status Memory(Session& session, std::string_view arg) {
  if (arg.empty()) {
    session.out() << FormatBytes(session.memory_limit) << '\n';
    return Status::Ok();
  }
  const std::optional<std::uint64_t> bytes = ParseBytes(arg);
  if (!bytes || *bytes < (std::uint64_t{1} << 20)) return DotUsage(".memory");
  session.memory_limit = *bytes;
  return Status::Ok();
}

Status Timeout(Session& session, std::string_view arg) {
  if (arg.empty()) {
    session.out() << (session.timeout ? FormatSeconds(std::chrono::duration<double>(*session.timeout).count()) : "off") << '\n';
    return Status::Ok();
  }
  if (arg == "off" || arg == "0") {
    session.timeout.reset();
    return Status::Ok();
  }
  double seconds = 0;
  const auto [end, error] = std::from_chars(arg.data(), arg.data() + arg.size(), seconds);
  if (error != std::errc() || end != arg.data() + arg.size() || !(seconds > 0)) return DotUsage(".timeout");
  session.timeout = std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds));
  return Status::Ok();
}

Status Mode(Session& session, std::string_view arg) {
  static const std::map<std::string_view, OutputMode> kModes = {
      {"table", OutputMode::kTable}, {"tsv", OutputMode::kTsv}, {"csv", OutputMode::kCsv},
      {"json", OutputMode::kJson},   {"xml", OutputMode::kXml}, {"line", OutputMode::kLine}};
  if (arg.empty()) {
    for (const auto& [name, mode] : kModes) {
      if (mode == session.mode) session.out() << name << '\n';
    }
    return Status::Ok();
  }
  auto it = kModes.find(arg);
  if (it == kModes.end()) {
    return Status::InvalidArgument(fmt::format("unknown mode '{}' (use table, tsv, csv, json, xml or line)", arg));
  }
  session.mode = it->second;
  return Status::Ok();
}

Status Timer(Session& session, std::string_view arg) {
  if (arg.empty()) {
    session.out() << (session.timer ? "on" : "off") << '\n';
    return Status::Ok();
  }
  if (arg != "on" && arg != "off") return DotUsage(".timer");
  session.timer = arg == "on";
  return Status::Ok();
}

Status MaxRows(Session& session, std::string_view arg) { return Count(session, ".maxrows", arg, session.max_rows); }

Status MaxWidth(Session& session, std::string_view arg) { return Count(session, ".maxwidth", arg, session.max_width); }

Status ListPrefixes(Session& session, std::string_view arg) {
  if (!arg.empty()) return DotUsage(".prefixes");
  for (const auto& [prefix, iri] : session.prefixes) {
    session.out() << fmt::format("{:<8} <{}>\n", prefix + ":", iri);
  }
  return Status::Ok();
}

Status Output(Session& session, std::string_view arg) {
  if (arg.empty()) {
    session.output_file.reset();
    return Status::Ok();
  }
  auto file = std::make_unique<std::ofstream>(std::string(arg), std::ios::binary | std::ios::trunc);
  if (!*file) return Status::IOError(fmt::format("cannot write '{}': {}", arg, std::strerror(errno)));
  session.output_file = std::move(file);
  session.output_path = std::string(arg);
  return Status::Ok();
}

}  // namespace silk::shell::repl
