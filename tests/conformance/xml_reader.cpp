#include "tests/conformance/xml_reader.h"

#include <fmt/format.h>

#include <cstdint>

#include "grammar/rdf/unescape.h"

namespace silk::conformance {
namespace {

// A raw element before namespace expansion: names as written.
struct RawElement {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;
  std::string text;
  std::vector<RawElement> children;
};

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  std::optional<RawElement> Document(std::string* error) {
    SkipMisc();
    RawElement root;
    if (!Element(root)) {
      *error = fmt::format("XML error at byte {}: {}", pos_, error_);
      return std::nullopt;
    }
    return root;
  }

 private:
  bool Fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
    return false;
  }
  bool At(std::string_view s) const { return text_.substr(pos_).starts_with(s); }
  void SkipSpace() {
    while (pos_ < text_.size() && std::string_view(" \t\r\n").find(text_[pos_]) != std::string_view::npos) {
      ++pos_;
    }
  }
  bool SkipPast(std::string_view end) {
    const std::size_t at = text_.find(end, pos_);
    if (at == std::string_view::npos) return Fail(fmt::format("missing '{}'", end));
    pos_ = at + end.size();
    return true;
  }
  // White space, comments, processing instructions and a DOCTYPE outside the root element.
  void SkipMisc() {
    for (;;) {
      SkipSpace();
      if (At("<?")) {
        SkipPast("?>");
      } else if (At("<!--")) {
        SkipPast("-->");
      } else if (At("<!DOCTYPE")) {
        SkipPast(">");
      } else {
        return;
      }
    }
  }
  std::string Name() {
    const std::size_t start = pos_;
    while (pos_ < text_.size() &&
           std::string_view(" \t\r\n/>=").find(text_[pos_]) == std::string_view::npos) {
      ++pos_;
    }
    return std::string(text_.substr(start, pos_ - start));
  }
  // Character data up to `stop`, with references decoded.
  bool CharData(char stop, std::string& out) {
    while (pos_ < text_.size() && text_[pos_] != stop) {
      if (text_[pos_] != '&') {
        out += text_[pos_++];
        continue;
      }
      const std::size_t end = text_.find(';', pos_);
      if (end == std::string_view::npos) return Fail("unterminated character reference");
      const std::string_view ref = text_.substr(pos_ + 1, end - pos_ - 1);
      pos_ = end + 1;
      if (ref == "lt") {
        out += '<';
      } else if (ref == "gt") {
        out += '>';
      } else if (ref == "amp") {
        out += '&';
      } else if (ref == "quot") {
        out += '"';
      } else if (ref == "apos") {
        out += '\'';
      } else if (ref.starts_with("#x") || ref.starts_with("#X")) {
        rdf::AppendUtf8(out, static_cast<char32_t>(std::stoul(std::string(ref.substr(2)), nullptr, 16)));
      } else if (ref.starts_with("#")) {
        rdf::AppendUtf8(out, static_cast<char32_t>(std::stoul(std::string(ref.substr(1)))));
      } else {
        return Fail(fmt::format("unknown entity &{};", ref));
      }
    }
    return true;
  }
  bool Element(RawElement& element) {
    if (!At("<")) return Fail("expected an element");
    ++pos_;
    element.name = Name();
    if (element.name.empty()) return Fail("expected an element name");
    for (;;) {
      SkipSpace();
      if (At("/>")) {
        pos_ += 2;
        return true;
      }
      if (At(">")) {
        ++pos_;
        break;
      }
      std::string attribute = Name();
      SkipSpace();
      if (attribute.empty() || !At("=")) return Fail("expected an attribute");
      ++pos_;
      SkipSpace();
      if (pos_ >= text_.size() || (text_[pos_] != '"' && text_[pos_] != '\'')) {
        return Fail("expected a quoted attribute value");
      }
      const char quote = text_[pos_++];
      std::string value;
      if (!CharData(quote, value)) return false;
      if (pos_ >= text_.size()) return Fail("unterminated attribute value");
      ++pos_;
      element.attributes.emplace_back(std::move(attribute), std::move(value));
    }
    // Content until the matching end tag.
    for (;;) {
      if (pos_ >= text_.size()) return Fail(fmt::format("missing </{}>", element.name));
      if (At("</")) {
        pos_ += 2;
        const std::string end = Name();
        SkipSpace();
        if (end != element.name || !At(">")) {
          return Fail(fmt::format("</{}> closes <{}>", end, element.name));
        }
        ++pos_;
        return true;
      }
      if (At("<!--")) {
        if (!SkipPast("-->")) return false;
      } else if (At("<![CDATA[")) {
        pos_ += 9;
        const std::size_t end = text_.find("]]>", pos_);
        if (end == std::string_view::npos) return Fail("unterminated CDATA section");
        element.text += text_.substr(pos_, end - pos_);
        pos_ = end + 3;
      } else if (At("<?")) {
        if (!SkipPast("?>")) return false;
      } else if (At("<")) {
        element.children.emplace_back();
        if (!Element(element.children.back())) return false;
      } else if (!CharData('<', element.text)) {
        return false;
      }
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::string error_;
};

using Namespaces = std::map<std::string, std::string, std::less<>>;

// "prefix:local" (or "local" with the default namespace when `use_default`) expanded.
bool Expand(std::string_view name, const Namespaces& namespaces, bool use_default,
            std::string* expanded, std::string* error) {
  const std::size_t colon = name.find(':');
  const std::string_view prefix = colon == std::string_view::npos ? "" : name.substr(0, colon);
  const std::string_view local = colon == std::string_view::npos ? name : name.substr(colon + 1);
  if (prefix.empty() && !use_default) {
    *expanded = std::string(local);
    return true;
  }
  const auto it = namespaces.find(prefix);
  if (it == namespaces.end()) {
    if (prefix.empty()) {
      *expanded = std::string(local);
      return true;
    }
    *error = fmt::format("undeclared namespace prefix '{}'", prefix);
    return false;
  }
  *expanded = it->second + std::string(local);
  return true;
}

bool Resolve(RawElement& raw, Namespaces namespaces, XmlElement& out, std::string* error) {
  for (const auto& [name, value] : raw.attributes) {
    if (name == "xmlns") {
      namespaces[""] = value;
    } else if (name.starts_with("xmlns:")) {
      namespaces[name.substr(6)] = value;
    }
  }
  if (!Expand(raw.name, namespaces, /*use_default=*/true, &out.name, error)) return false;
  for (auto& [name, value] : raw.attributes) {
    if (name == "xmlns" || name.starts_with("xmlns:")) continue;
    std::string expanded;
    if (!Expand(name, namespaces, /*use_default=*/false, &expanded, error)) return false;
    out.attributes[expanded] = std::move(value);
  }
  out.text = std::move(raw.text);
  out.children.resize(raw.children.size());
  for (std::size_t i = 0; i < raw.children.size(); ++i) {
    if (!Resolve(raw.children[i], namespaces, out.children[i], error)) return false;
  }
  return true;
}

}  // namespace

const std::string* XmlElement::Attribute(std::string_view expanded_name) const {
  const auto it = attributes.find(expanded_name);
  return it == attributes.end() ? nullptr : &it->second;
}

const XmlElement* XmlElement::Child(std::string_view expanded_name) const {
  for (const XmlElement& child : children) {
    if (child.name == expanded_name) return &child;
  }
  return nullptr;
}

std::optional<XmlElement> ParseXml(std::string_view text, std::string* error) {
  std::optional<RawElement> raw = Parser(text).Document(error);
  if (!raw) return std::nullopt;
  Namespaces namespaces{{"xml", std::string(kXmlNs)}};
  XmlElement root;
  if (!Resolve(*raw, namespaces, root, error)) return std::nullopt;
  return root;
}

}  // namespace silk::conformance
