#include "tests/conformance/sparql_results.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "tests/conformance/json_reader.h"
#include "tests/conformance/manifest.h"
#include "tests/conformance/test_files.h"
#include "tests/conformance/xml_reader.h"

namespace silk::conformance {
namespace {

std::string Srx(std::string_view local) { return std::string(kSparqlResultsNs) + std::string(local); }
std::string Rs(std::string_view local) { return std::string(kResultSetNs) + std::string(local); }

std::optional<std::string> ReadText(const std::filesystem::path& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = fmt::format("cannot open {}", path.string());
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// An SRX term element: <uri>, <bnode> or <literal>.
std::optional<rdf::Term> SrxTerm(const XmlElement& element, std::string* error) {
  if (element.name == Srx("uri")) return rdf::Term(rdf::TermView::Iri(element.text));
  if (element.name == Srx("bnode")) return rdf::Term(rdf::TermView::Blank(element.text));
  if (element.name == Srx("literal")) {
    const std::string* lang = element.Attribute(std::string(kXmlNs) + "lang");
    const std::string* datatype = element.Attribute("datatype");
    return rdf::Term(rdf::TermView::Literal(element.text, datatype != nullptr ? *datatype : "",
                                            lang != nullptr ? *lang : ""));
  }
  *error = fmt::format("unexpected <{}> in a binding", element.name);
  return std::nullopt;
}

}  // namespace

std::optional<SolutionSet> ParseSrx(std::string_view text, std::string* error) {
  const std::optional<XmlElement> root = ParseXml(text, error);
  if (!root) return std::nullopt;
  if (root->name != Srx("sparql")) {
    *error = "the root element is not <sparql> in the SPARQL results namespace";
    return std::nullopt;
  }
  SolutionSet set;
  if (const XmlElement* head = root->Child(Srx("head"))) {
    for (const XmlElement& variable : head->children) {
      if (variable.name != Srx("variable")) continue;
      if (const std::string* name = variable.Attribute("name")) set.variables.push_back(*name);
    }
  }
  if (const XmlElement* boolean = root->Child(Srx("boolean"))) {
    set.boolean = boolean->text.find("true") != std::string::npos;
    return set;
  }
  const XmlElement* results = root->Child(Srx("results"));
  if (results == nullptr) {
    *error = "neither <results> nor <boolean>";
    return std::nullopt;
  }
  for (const XmlElement& result : results->children) {
    if (result.name != Srx("result")) continue;
    Solution solution;
    for (const XmlElement& binding : result.children) {
      const std::string* name = binding.Attribute("name");
      if (binding.name != Srx("binding") || name == nullptr || binding.children.empty()) {
        *error = "a <result> holds something other than a <binding name=…> with a value";
        return std::nullopt;
      }
      std::optional<rdf::Term> term = SrxTerm(binding.children.front(), error);
      if (!term) return std::nullopt;
      solution[*name] = std::move(*term);
    }
    set.solutions.push_back(std::move(solution));
  }
  return set;
}

std::optional<SolutionSet> ParseSrj(std::string_view text, std::string* error) {
  const std::optional<JsonValue> root = ParseJson(text, error);
  if (!root) return std::nullopt;
  SolutionSet set;
  if (const JsonValue* head = root->Member("head")) {
    if (const JsonValue* vars = head->Member("vars")) {
      for (const JsonValue& var : vars->array) set.variables.push_back(var.text);
    }
  }
  if (const JsonValue* boolean = root->Member("boolean")) {
    set.boolean = boolean->boolean;
    return set;
  }
  const JsonValue* results = root->Member("results");
  const JsonValue* bindings = results != nullptr ? results->Member("bindings") : nullptr;
  if (bindings == nullptr) {
    *error = "neither results.bindings nor boolean";
    return std::nullopt;
  }
  for (const JsonValue& row : bindings->array) {
    Solution solution;
    for (const auto& [name, value] : row.object) {
      const JsonValue* type = value.Member("type");
      const JsonValue* lexical = value.Member("value");
      if (type == nullptr || lexical == nullptr) {
        *error = fmt::format("the binding of {} has no type or value", name);
        return std::nullopt;
      }
      if (type->text == "uri") {
        solution[name] = rdf::Term(rdf::TermView::Iri(lexical->text));
      } else if (type->text == "bnode") {
        solution[name] = rdf::Term(rdf::TermView::Blank(lexical->text));
      } else {
        const JsonValue* lang = value.Member("xml:lang");
        const JsonValue* datatype = value.Member("datatype");
        solution[name] = rdf::Term(rdf::TermView::Literal(
            lexical->text, datatype != nullptr ? datatype->text : "", lang != nullptr ? lang->text : ""));
      }
    }
    set.solutions.push_back(std::move(solution));
  }
  return set;
}

std::optional<SolutionSet> ResultSetFromGraph(const std::vector<rdf::Quad>& quads) {
  const Graph graph(quads);
  const std::vector<const rdf::Term*> sets = graph.Subjects(
      std::string(kRdfNs) + "type", rdf::Term(rdf::TermView::Iri(Rs("ResultSet"))));
  if (sets.empty()) return std::nullopt;
  const rdf::Term& node = *sets.front();
  SolutionSet set;
  for (const rdf::Term* variable : graph.Objects(node, Rs("resultVariable"))) {
    set.variables.push_back(variable->value);
  }
  if (const rdf::Term* boolean = graph.Object(node, Rs("boolean"))) {
    set.boolean = boolean->value == "true" || boolean->value == "1";
    return set;
  }
  std::vector<std::pair<long, Solution>> indexed;
  for (const rdf::Term* solution_node : graph.Objects(node, Rs("solution"))) {
    Solution solution;
    for (const rdf::Term* binding : graph.Objects(*solution_node, Rs("binding"))) {
      const rdf::Term* variable = graph.Object(*binding, Rs("variable"));
      const rdf::Term* value = graph.Object(*binding, Rs("value"));
      if (variable != nullptr && value != nullptr) solution[variable->value] = *value;
    }
    const rdf::Term* index = graph.Object(*solution_node, Rs("index"));
    indexed.emplace_back(index != nullptr ? std::stol(index->value) : 0, std::move(solution));
  }
  std::stable_sort(indexed.begin(), indexed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [index, solution] : indexed) set.solutions.push_back(std::move(solution));
  return set;
}

std::optional<ExpectedResult> ReadExpectedResult(const std::filesystem::path& path,
                                                 std::string_view iri, std::string* error) {
  const std::string name = path.string();
  ExpectedResult expected;
  if (name.ends_with(".srx") || name.ends_with(".srj")) {
    const std::optional<std::string> text = ReadText(path, error);
    if (!text) return std::nullopt;
    expected.solutions = name.ends_with(".srx") ? ParseSrx(*text, error) : ParseSrj(*text, error);
    if (!expected.solutions) return std::nullopt;
    return expected;
  }
  RdfFile file = ReadRdfFile(path, iri);
  if (file.error) {
    *error = file.error->ToString();
    return std::nullopt;
  }
  expected.solutions = ResultSetFromGraph(file.quads);
  if (!expected.solutions) expected.graph = std::move(file.quads);
  return expected;
}

}  // namespace silk::conformance
