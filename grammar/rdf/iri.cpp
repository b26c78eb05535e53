#include "grammar/rdf/iri.h"

#include <fmt/format.h>

#include <optional>

namespace silk::rdf {
namespace {

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The five components of RFC 3986 section 3. An absent component (std::nullopt) differs
// from an empty one: "http://a/b?" has an empty query, "http://a/b" has none.
struct IriParts {
  std::optional<std::string_view> scheme;
  std::optional<std::string_view> authority;
  std::string_view path;
  std::optional<std::string_view> query;
  std::optional<std::string_view> fragment;
};

// RFC 3986 appendix B, without the regular expression.
IriParts Split(std::string_view iri) {
  IriParts parts;
  if (HasScheme(iri)) {
    const std::size_t colon = iri.find(':');
    parts.scheme = iri.substr(0, colon);
    iri.remove_prefix(colon + 1);
  }
  if (const std::size_t hash = iri.find('#'); hash != std::string_view::npos) {
    parts.fragment = iri.substr(hash + 1);
    iri = iri.substr(0, hash);
  }
  if (const std::size_t question = iri.find('?'); question != std::string_view::npos) {
    parts.query = iri.substr(question + 1);
    iri = iri.substr(0, question);
  }
  if (iri.starts_with("//")) {
    const std::size_t slash = iri.find('/', 2);
    parts.authority = iri.substr(2, slash == std::string_view::npos ? slash : slash - 2);
    iri = slash == std::string_view::npos ? std::string_view() : iri.substr(slash);
  }
  parts.path = iri;
  return parts;
}

// RFC 3986 5.3.
std::string Recompose(const IriParts& parts, std::string_view path) {
  std::string out;
  if (parts.scheme) {
    out.append(*parts.scheme);
    out += ':';
  }
  if (parts.authority) {
    out += "//";
    out.append(*parts.authority);
  }
  out.append(path);
  if (parts.query) {
    out += '?';
    out.append(*parts.query);
  }
  if (parts.fragment) {
    out += '#';
    out.append(*parts.fragment);
  }
  return out;
}

// RFC 3986 5.2.3.
std::string Merge(const IriParts& base, std::string_view relative_path) {
  if (base.authority && base.path.empty()) {
    return "/" + std::string(relative_path);
  }
  const std::size_t slash = base.path.rfind('/');
  std::string merged(slash == std::string_view::npos ? std::string_view()
                                                     : base.path.substr(0, slash + 1));
  merged.append(relative_path);
  return merged;
}

}  // namespace

bool HasScheme(std::string_view iri) {
  if (iri.empty() || !IsAlpha(iri[0])) {
    return false;
  }
  for (std::size_t i = 1; i < iri.size(); ++i) {
    const char c = iri[i];
    if (c == ':') {
      return true;
    }
    if (!IsAlpha(c) && !IsDigit(c) && c != '+' && c != '-' && c != '.') {
      return false;
    }
  }
  return false;
}

std::string RemoveDotSegments(std::string_view input) {
  std::string output;
  output.reserve(input.size());
  // Drops the last segment of the output and its leading '/', as step 2C asks.
  auto pop_segment = [&output] {
    const std::size_t slash = output.rfind('/');
    output.resize(slash == std::string::npos ? 0 : slash);
  };
  while (!input.empty()) {
    if (input.starts_with("../")) {  // 2A
      input.remove_prefix(3);
    } else if (input.starts_with("./") || input.starts_with("/./")) {  // 2A; 2B: "/./x" → "/x"
      input.remove_prefix(2);
    } else if (input == "/.") {  // 2B
      input = "/";
    } else if (input.starts_with("/../")) {  // 2C
      input.remove_prefix(3);
      pop_segment();
    } else if (input == "/..") {  // 2C
      input = "/";
      pop_segment();
    } else if (input == "." || input == "..") {  // 2D
      input = {};
    } else {  // 2E: move "/segment" (or the leading "segment") to the output
      const std::size_t end = input.find('/', input[0] == '/' ? 1 : 0);
      const std::size_t length = end == std::string_view::npos ? input.size() : end;
      output.append(input.substr(0, length));
      input.remove_prefix(length);
    }
  }
  return output;
}

std::string ResolveIri(std::string_view base, std::string_view relative) {
  const IriParts r = Split(relative);
  if (r.scheme) {
    return Recompose(r, RemoveDotSegments(r.path));
  }
  const IriParts b = Split(base);
  if (!b.scheme) {
    return std::string(relative);
  }
  IriParts t;
  t.scheme = b.scheme;
  t.fragment = r.fragment;
  if (r.authority) {
    t.authority = r.authority;
    t.query = r.query;
    return Recompose(t, RemoveDotSegments(r.path));
  }
  t.authority = b.authority;
  if (r.path.empty()) {
    t.query = r.query ? r.query : b.query;
    return Recompose(t, b.path);
  }
  t.query = r.query;
  if (r.path.starts_with('/')) {
    return Recompose(t, RemoveDotSegments(r.path));
  }
  return Recompose(t, RemoveDotSegments(Merge(b, r.path)));
}

std::string AbsoluteIriProblem(std::string_view iri) {
  if (!HasScheme(iri)) {
    return "it has no scheme such as http:";
  }
  for (std::size_t i = 0; i < iri.size(); ++i) {
    const auto byte = static_cast<unsigned char>(iri[i]);
    if (byte >= 0x80) {
      // A UTF-8 sequence: a lead byte, then as many continuation bytes as it says.
      const std::size_t length = byte >= 0xF0 && byte <= 0xF4 ? 4
                                 : byte >= 0xE0               ? 3
                                 : byte >= 0xC2 && byte < 0xE0 ? 2
                                                               : 0;
      bool valid = length != 0 && i + length <= iri.size();
      for (std::size_t k = 1; valid && k < length; ++k) {
        valid = (static_cast<unsigned char>(iri[i + k]) & 0xC0) == 0x80;
      }
      if (!valid) {
        return "it is not valid UTF-8";
      }
      i += length - 1;
      continue;
    }
    if (byte == ' ') {
      return "it contains a space, which IRIs cannot";
    }
    if (byte < 0x20 || byte == 0x7F) {
      return "it contains a control character";
    }
    if (IsForbiddenInIriRef(byte)) {
      return fmt::format("it contains '{}', which IRIs cannot", static_cast<char>(byte));
    }
  }
  return {};
}

bool IsForbiddenInIriRef(char32_t cp) {
  if (cp <= 0x20) return true;
  switch (cp) {
    case '<': case '>': case '"': case '{': case '}': case '|': case '^': case '`': case '\\':
      return true;
    default:
      return false;
  }
}

}  // namespace silk::rdf
