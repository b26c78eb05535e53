// silk_conformance [--known-failures FILE] SUITE...
//
// Runs the W3C test suites named by their directory below the conformance data (for example
// rdf/rdf11/rdf-turtle) and prints, per suite, "SUITE: N passed, M failed" and every failure,
// then the total over all suites as "N passed, M failed".
// Exits with 1 if a test fails that known_failures.txt does not list, or if a suite cannot
// be read; a listed test that passes, or a listed test no suite has, is reported only.
#include <fmt/format.h>

#include <cstdio>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "tests/conformance/dataset_cache.h"
#include "tests/conformance/known_failures.h"
#include "tests/conformance/manifest.h"
#include "tests/conformance/rdf_tests.h"
#include "tests/conformance/sparql_tests.h"
#include "tests/conformance/update_tests.h"
#include "tests/conformance/test_files.h"
#include "tests/conformance/test_runner.h"

namespace silk::conformance {
namespace {

struct Tally {
  int passed = 0;
  int failed = 0;        // unexpected failures: these fail the run
  int known_failed = 0;  // listed in known_failures.txt
};

// Runs one suite and prints its report. Returns false if the run must fail.
// Adds the suite's counts to `total`.
bool RunSuite(std::string_view suite, const TestFiles& files, const TestRunner& runner,
              const KnownFailures& known, Tally& total) {
  const std::string manifest_iri = TestFiles::IriOf(fmt::format("{}/manifest.ttl", suite));
  std::string error;
  const std::optional<Manifest> manifest =
      ReadManifest(files.root() / suite / "manifest.ttl", manifest_iri, &error);
  if (!manifest) {
    fmt::print("{}: cannot run: {}\n", suite, error);
    return false;
  }
  if (manifest->entries.empty()) {
    fmt::print("{}: cannot run: the manifest lists no tests\n", suite);
    return false;
  }

  const TestContext context{files, *manifest};
  Tally tally;
  std::vector<std::string> report;
  std::set<std::string, std::less<>> seen;
  for (const TestEntry& entry : manifest->entries) {
    seen.insert(entry.id());
    const Outcome outcome = runner.Run(entry, context);
    const std::string* reason = known.ReasonFor(entry.id());
    if (outcome.passed) {
      ++tally.passed;
      if (reason != nullptr) {
        report.push_back(
            fmt::format("  FIXED {}: now passes; remove it from known_failures.txt", entry.id()));
      }
    } else if (reason != nullptr) {
      ++tally.known_failed;
      report.push_back(fmt::format("  known failure {}: {}", entry.id(), *reason));
    } else {
      ++tally.failed;
      report.push_back(fmt::format("  FAIL {}{}: {}", entry.id(),
                                   entry.approved ? "" : " (not approved)", outcome.detail));
    }
  }
  // Entries for this suite's directory that name no test in it are probably typos.
  const std::string suite_prefix = TestFiles::IriOf(fmt::format("{}/", suite));
  for (const auto& [iri, reason] : known.entries()) {
    if (iri.starts_with(suite_prefix) && !seen.contains(iri)) {
      report.push_back(
          fmt::format("  STALE known_failures.txt lists {}, which {} does not have", iri, suite));
    }
  }

  fmt::print("{}: {} passed, {} failed", suite, tally.passed, tally.failed + tally.known_failed);
  if (tally.known_failed > 0) {
    fmt::print(" ({} known)", tally.known_failed);
  }
  fmt::print("\n");
  for (const std::string& line : report) {
    fmt::print("{}\n", line);
  }
  std::fflush(stdout);
  total.passed += tally.passed;
  total.failed += tally.failed;
  total.known_failed += tally.known_failed;
  return tally.failed == 0;
}

int Main(int argc, char** argv) {
  std::vector<std::string_view> suites;
  std::optional<std::filesystem::path> known_path;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--known-failures" && i + 1 < argc) {
      known_path = argv[++i];
    } else if (arg.starts_with("-")) {
      fmt::print(stderr, "usage: {} [--known-failures FILE] SUITE...\n", argv[0]);
      return 2;
    } else {
      suites.push_back(arg);
    }
  }
  if (suites.empty()) {
    fmt::print(stderr, "usage: {} [--known-failures FILE] SUITE...\n", argv[0]);
    return 2;
  }

  std::string error;
  const std::optional<std::filesystem::path> root = FindConformanceDir(&error);
  if (!root) {
    fmt::print(stderr, "error: {}\n", error);
    return 1;
  }
  KnownFailures known;
  if (known_path) {
    std::optional<KnownFailures> read = KnownFailures::Read(*known_path, &error);
    if (!read) {
      fmt::print(stderr, "error: {}\n", error);
      return 1;
    }
    known = std::move(*read);
  }

  const TestFiles files(*root);
  DatasetCache stores(files);
  TestRunner runner;
  RegisterRdfTests(runner);
  RegisterSparqlTests(runner, stores);
  RegisterUpdateTests(runner, stores);
  bool ok = true;
  Tally total;
  for (const std::string_view suite : suites) {
    ok = RunSuite(suite, files, runner, known, total) && ok;
  }
  fmt::print("{} passed, {} failed", total.passed, total.failed + total.known_failed);
  if (total.known_failed > 0) {
    fmt::print(" ({} known)", total.known_failed);
  }
  fmt::print("\n");
  return ok ? 0 : 1;
}

}  // namespace
}  // namespace silk::conformance

int main(int argc, char** argv) { return silk::conformance::Main(argc, argv); }
