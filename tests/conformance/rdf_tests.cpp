#include "tests/conformance/rdf_tests.h"

#include <fmt/format.h>

#include "tests/conformance/isomorphism.h"
#include "tests/conformance/test_runner.h"

namespace silk::conformance {
namespace {

// The local file behind an entry's mf:action or mf:result.
std::optional<std::filesystem::path> LocalFile(const std::optional<rdf::Term>& iri,
                                               const TestContext& context, std::string* error) {
  if (!iri || iri->kind != rdf::TermKind::kIri) {
    *error = "the entry names no file";
    return std::nullopt;
  }
  std::optional<std::filesystem::path> path = context.files.PathOf(iri->value);
  if (!path) {
    *error = fmt::format("<{}> is not a file of the test data", iri->value);
  }
  return path;
}

// The input (mf:action), read with its own IRI as base.
std::optional<RdfFile> ReadAction(const TestEntry& entry, const TestContext& context,
                                  std::string* error) {
  const std::optional<std::filesystem::path> path = LocalFile(entry.action, context, error);
  if (!path) {
    return std::nullopt;
  }
  return ReadRdfFile(*path, entry.action->value);
}

Outcome PositiveSyntax(const TestEntry& entry, const TestContext& context) {
  std::string error;
  const std::optional<RdfFile> input = ReadAction(entry, context, &error);
  if (!input) {
    return {false, error};
  }
  if (input->error) {
    return {false, "rejected a valid document: " + input->error->ToString()};
  }
  return {true, ""};
}

Outcome NegativeSyntax(const TestEntry& entry, const TestContext& context) {
  std::string error;
  const std::optional<RdfFile> input = ReadAction(entry, context, &error);
  if (!input) {
    return {false, error};
  }
  if (!input->error) {
    return {false,
            fmt::format("accepted an invalid document ({} statements)", input->quads.size())};
  }
  return {true, ""};
}

// Parse the input and the expected N-Triples / N-Quads; the two must be isomorphic.
Outcome Eval(const TestEntry& entry, const TestContext& context) {
  std::string error;
  const std::optional<RdfFile> input = ReadAction(entry, context, &error);
  if (!input) {
    return {false, error};
  }
  if (input->error) {
    return {false, "rejected a valid document: " + input->error->ToString()};
  }
  const std::optional<std::filesystem::path> result_path = LocalFile(entry.result, context, &error);
  if (!result_path) {
    return {false, error};
  }
  const RdfFile expected = ReadRdfFile(*result_path, entry.result->value);
  if (expected.error) {
    return {false, "cannot read the expected result: " + expected.error->ToString()};
  }
  std::string difference;
  if (!AreIsomorphic(input->quads, expected.quads, &difference)) {
    return {false, "the parsed graph differs from the expected one: " + difference};
  }
  return {true, ""};
}

// A document that parses but whose meaning is invalid (e.g. a bad IRI): it must be rejected.
Outcome NegativeEval(const TestEntry& entry, const TestContext& context) {
  return NegativeSyntax(entry, context);
}

}  // namespace

void RegisterRdfTests(TestRunner& runner) {
  const auto type = [](std::string_view local) {
    return std::string(kRdftNs) + std::string(local);
  };
  for (const std::string_view language : {"NTriples", "NQuads", "Turtle", "Trig"}) {
    runner.Register(type(fmt::format("Test{}PositiveSyntax", language)), &PositiveSyntax);
    runner.Register(type(fmt::format("Test{}NegativeSyntax", language)), &NegativeSyntax);
  }
  for (const std::string_view language : {"Turtle", "Trig"}) {
    runner.Register(type(fmt::format("Test{}Eval", language)), &Eval);
    runner.Register(type(fmt::format("Test{}NegativeEval", language)), &NegativeEval);
  }
}

}  // namespace silk::conformance
