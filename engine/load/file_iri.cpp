#include "engine/load/file_iri.h"

#include <fmt/format.h>

#include <cctype>
#include <filesystem>
#include <string_view>
#include <system_error>

namespace silk::load {
namespace {

// RFC 3986 pchar without pct-encoded, plus '/': unreserved, sub-delims, ':' and '@'.
bool KeptInPath(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
    return true;
  }
  return std::string_view("-._~!$&'()*+,;=:@/").find(static_cast<char>(c)) !=
         std::string_view::npos;
}

}  // namespace

std::string FileIri(const std::string& path) {
  std::error_code ec;
  std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  if (ec) absolute = path;  // no working directory: the path as given is the best there is
  const std::string normal = absolute.lexically_normal().string();
  std::string iri = "file://";
  for (const char c : normal) {
    const auto byte = static_cast<unsigned char>(c);
    if (KeptInPath(byte)) {
      iri += c;
    } else {
      iri += fmt::format("%{:02X}", byte);
    }
  }
  return iri;
}

std::optional<std::string> PathOfFileIri(std::string_view iri) {
  constexpr std::string_view kScheme = "file:";
  if (iri.size() < kScheme.size()) return std::nullopt;
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(iri[i])) != kScheme[i]) return std::nullopt;
  }
  std::string_view rest = iri.substr(kScheme.size());
  if (rest.starts_with("//")) {
    rest.remove_prefix(2);
    const std::size_t slash = rest.find('/');
    const std::string_view host = rest.substr(0, slash);
    if (!host.empty() && host != "localhost") return std::nullopt;
    if (slash == std::string_view::npos) return std::nullopt;
    rest.remove_prefix(slash);
  }
  if (!rest.starts_with('/')) return std::nullopt;
  rest = rest.substr(0, rest.find_first_of("?#"));
  std::string path;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() &&
        std::isxdigit(static_cast<unsigned char>(rest[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(rest[i + 2]))) {
      path += static_cast<char>(std::stoi(std::string(rest.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      path += rest[i];
    }
  }
  return path;
}

}  // namespace silk::load
