#include "grammar/rdf/ntriples_writer.h"

#include <string_view>

#include "grammar/rdf/iri.h"

namespace silk::rdf {
namespace {

constexpr char kHexDigits[] = "0123456789ABCDEF";

void AppendU00(std::string& out, unsigned char c) {
  const char escape[] = {'\\', 'u', '0', '0', kHexDigits[c >> 4], kHexDigits[c & 0xF]};
  out.append(escape, sizeof(escape));
}

bool NeedsEscapeInIri(unsigned char c) { return IsForbiddenInIriRef(c); }

bool NeedsEscapeInString(unsigned char c) { return c < 0x20 || c == 0x7F || c == '"' || c == '\\'; }

// Appends `text`, copying the runs between escapes in one go: most text has no escapes.
template <typename NeedsEscape, typename AppendEscape>
void AppendEscaped(std::string& out, std::string_view text, NeedsEscape needs_escape,
                   AppendEscape append_escape) {
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!needs_escape(c)) {
      continue;
    }
    out.append(text.data() + run, i - run);
    append_escape(c);
    run = i + 1;
  }
  out.append(text.data() + run, text.size() - run);
}

void AppendIri(std::string& out, std::string_view iri) {
  out += '<';
  AppendEscaped(out, iri, NeedsEscapeInIri, [&out](unsigned char c) { AppendU00(out, c); });
  out += '>';
}

void AppendStringEscape(std::string& out, unsigned char c) {
  switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\b':
      out += "\\b";
      break;
    case '\f':
      out += "\\f";
      break;
    default:
      AppendU00(out, c);
      break;
  }
}

}  // namespace

void AppendTerm(std::string& out, const TermView& term) {
  switch (term.kind) {
    case TermKind::kIri:
      AppendIri(out, term.value);
      return;
    case TermKind::kBlank:
      out += "_:";
      out += term.value;
      return;
    case TermKind::kLiteral:
      out += '"';
      AppendEscaped(out, term.value, NeedsEscapeInString,
                    [&out](unsigned char c) { AppendStringEscape(out, c); });
      out += '"';
      if (!term.language.empty()) {
        out += '@';
        out += term.language;
      } else if (!term.datatype.empty() && term.datatype != kXsdString) {
        out += "^^";
        AppendIri(out, term.datatype);
      }
      return;
    case TermKind::kDefaultGraph:
      return;
  }
}

void AppendQuad(std::string& out, const QuadView& quad, bool with_graph) {
  AppendTerm(out, quad.subject);
  out += ' ';
  AppendTerm(out, quad.predicate);
  out += ' ';
  AppendTerm(out, quad.object);
  if (with_graph && !quad.graph.IsDefaultGraph()) {
    out += ' ';
    AppendTerm(out, quad.graph);
  }
  out += " .\n";
}

}  // namespace silk::rdf
