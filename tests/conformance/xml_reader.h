// A small XML reader for the test data's XML files: SPARQL XML results (.srx) and the simple
// RDF/XML files of two suites. Not a general XML parser: no DTDs, no entity declarations;
// enough for well-formed documents with namespaces, the predefined and numeric character
// references, comments, processing instructions and CDATA sections.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace silk::conformance {

inline constexpr std::string_view kXmlNs = "http://www.w3.org/XML/1998/namespace";

// An element with its names expanded: `name` is the namespace IRI followed by the local name
// (RDF/XML's convention, which also suits SPARQL results). Unprefixed attributes have no
// namespace, so their name is the local name alone; namespace declarations are not kept.
struct XmlElement {
  std::string name;
  std::map<std::string, std::string, std::less<>> attributes;
  std::string text;  // the element's own character data, concatenated (children's excluded)
  std::vector<XmlElement> children;

  // The attribute's value, or nullptr.
  const std::string* Attribute(std::string_view expanded_name) const;
  // The first child with this expanded name, or nullptr.
  const XmlElement* Child(std::string_view expanded_name) const;
};

// Parses `text` and returns its root element. On failure returns nullopt and says why (with
// the byte offset) in `error`.
std::optional<XmlElement> ParseXml(std::string_view text, std::string* error);

}  // namespace silk::conformance
