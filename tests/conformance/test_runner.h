// Running one manifest entry: a table from test type (the entry's rdf:type IRI) to the
// function that runs tests of that type. Each family of tests registers its types; the RDF
// syntax and evaluation tests are in rdf_tests.{h,cpp}, the SPARQL ones in sparql_tests.{h,cpp}.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "tests/conformance/manifest.h"
#include "tests/conformance/test_files.h"

namespace silk::conformance {

struct Outcome {
  bool passed = false;
  std::string detail;  // why it failed, in words; empty on success
};

struct TestContext {
  const TestFiles& files;
  const Manifest& manifest;
};

using TestFunction = std::function<Outcome(const TestEntry& entry, const TestContext& context)>;

class TestRunner {
 public:
  // REQUIRES: `type` is not registered yet.
  void Register(std::string type, TestFunction function);

  // Runs `entry`; a type with no registered function fails (nothing is skipped silently).
  Outcome Run(const TestEntry& entry, const TestContext& context) const;

 private:
  std::map<std::string, TestFunction, std::less<>> functions_;
};

}  // namespace silk::conformance
