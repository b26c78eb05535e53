#include "tests/conformance/rdfxml_reader.h"

#include <fmt/format.h>

#include "grammar/rdf/iri.h"
#include "tests/conformance/manifest.h"
#include "tests/conformance/xml_reader.h"

namespace silk::conformance {
namespace {

std::string Rdf(std::string_view local) { return std::string(kRdfNs) + std::string(local); }

class RdfXmlReader {
 public:
  explicit RdfXmlReader(std::string_view base) : base_(base) {}

  bool Read(const XmlElement& root) {
    if (root.name == Rdf("RDF")) {
      for (const XmlElement& child : root.children) {
        if (!NodeElement(child, Language(root, ""))) return false;
      }
      return true;
    }
    return NodeElement(root, "");
  }

  std::vector<rdf::Quad>& triples() { return triples_; }
  const std::string& error() const { return error_; }

 private:
  bool Fail(std::string message) {
    error_ = std::move(message);
    return false;
  }
  static std::string Language(const XmlElement& element, const std::string& inherited) {
    const std::string* lang = element.Attribute(std::string(kXmlNs) + "lang");
    return lang != nullptr ? *lang : inherited;
  }
  rdf::Term Iri(std::string_view relative) const {
    return rdf::Term(rdf::TermView::Iri(rdf::ResolveIri(base_, relative)));
  }
  rdf::Term FreshBlank() { return rdf::Term(rdf::TermView::Blank(fmt::format("x{}", ++blanks_))); }
  static rdf::Term NodeId(std::string_view id) {
    return rdf::Term(rdf::TermView::Blank("n" + std::string(id)));
  }
  void Add(const rdf::Term& s, std::string_view p, const rdf::Term& o) {
    rdf::Quad q;
    q.subject = s;
    q.predicate = rdf::Term(rdf::TermView::Iri(p));
    q.object = o;
    triples_.push_back(std::move(q));
  }
  static bool IsSyntaxAttribute(std::string_view name) {
    return name.starts_with(kXmlNs) || name == Rdf("about") || name == Rdf("ID") ||
           name == Rdf("nodeID") || name == Rdf("resource") || name == Rdf("datatype") ||
           name == Rdf("parseType");
  }
  // Attributes other than RDF/XML's own are properties with literal values.
  void PropertyAttributes(const XmlElement& element, const rdf::Term& subject,
                          const std::string& lang) {
    for (const auto& [name, value] : element.attributes) {
      if (IsSyntaxAttribute(name) || name.find(':') == std::string::npos) continue;
      if (name == Rdf("type")) {
        Add(subject, name, Iri(value));
      } else {
        Add(subject, name, rdf::Term(rdf::TermView::Literal(value, {}, lang)));
      }
    }
  }

  // Reads a node element and returns its subject through `subject`.
  bool NodeElement(const XmlElement& element, const std::string& inherited_lang,
                   rdf::Term* subject_out = nullptr) {
    const std::string lang = Language(element, inherited_lang);
    rdf::Term subject;
    if (const std::string* about = element.Attribute(Rdf("about"))) {
      subject = Iri(*about);
    } else if (const std::string* id = element.Attribute(Rdf("ID"))) {
      subject = Iri("#" + *id);
    } else if (const std::string* node_id = element.Attribute(Rdf("nodeID"))) {
      subject = NodeId(*node_id);
    } else {
      subject = FreshBlank();
    }
    if (element.name != Rdf("Description")) {
      Add(subject, Rdf("type"), rdf::Term(rdf::TermView::Iri(element.name)));
    }
    PropertyAttributes(element, subject, lang);
    if (!PropertyElements(element, subject, lang)) return false;
    if (subject_out != nullptr) *subject_out = subject;
    return true;
  }

  bool PropertyElements(const XmlElement& parent, const rdf::Term& subject,
                        const std::string& lang) {
    int li = 0;
    for (const XmlElement& property : parent.children) {
      std::string predicate = property.name;
      if (predicate == Rdf("li")) predicate = Rdf(fmt::format("_{}", ++li));
      if (!PropertyElement(property, subject, predicate, Language(property, lang))) return false;
    }
    return true;
  }

  bool PropertyElement(const XmlElement& property, const rdf::Term& subject,
                       const std::string& predicate, const std::string& lang) {
    if (const std::string* parse_type = property.Attribute(Rdf("parseType"))) {
      if (*parse_type != "Resource") {
        return Fail(fmt::format("rdf:parseType=\"{}\" is not supported", *parse_type));
      }
      const rdf::Term object = FreshBlank();
      Add(subject, predicate, object);
      return PropertyElements(property, object, lang);
    }
    const std::string* resource = property.Attribute(Rdf("resource"));
    const std::string* node_id = property.Attribute(Rdf("nodeID"));
    if (resource != nullptr || node_id != nullptr) {
      const rdf::Term object = resource != nullptr ? Iri(*resource) : NodeId(*node_id);
      Add(subject, predicate, object);
      PropertyAttributes(property, object, lang);
      return true;
    }
    if (!property.children.empty()) {
      if (property.children.size() != 1) {
        return Fail(fmt::format("<{}> holds more than one node element", predicate));
      }
      rdf::Term object;
      if (!NodeElement(property.children.front(), lang, &object)) return false;
      Add(subject, predicate, object);
      return true;
    }
    if (const std::string* datatype = property.Attribute(Rdf("datatype"))) {
      const rdf::Term type = Iri(*datatype);
      Add(subject, predicate, rdf::Term(rdf::TermView::Literal(property.text, type.value)));
    } else {
      Add(subject, predicate, rdf::Term(rdf::TermView::Literal(property.text, {}, lang)));
    }
    return true;
  }

  std::string base_;
  std::vector<rdf::Quad> triples_;
  std::string error_;
  int blanks_ = 0;
};

}  // namespace

std::optional<std::vector<rdf::Quad>> ReadRdfXml(std::string_view text, std::string_view base_iri,
                                                 std::string* error) {
  const std::optional<XmlElement> root = ParseXml(text, error);
  if (!root) return std::nullopt;
  if (root->Attribute(std::string(kXmlNs) + "base") != nullptr) {
    *error = "xml:base is not supported";
    return std::nullopt;
  }
  RdfXmlReader reader(base_iri);
  if (!reader.Read(*root)) {
    *error = reader.error();
    return std::nullopt;
  }
  return std::move(reader.triples());
}

}  // namespace silk::conformance
