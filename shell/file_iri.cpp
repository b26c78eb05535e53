#include "shell/file_iri.h"

#include <fmt/format.h>

#include <filesystem>
#include <string_view>
#include <system_error>

namespace silk::shell {
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

}  // namespace silk::shell
