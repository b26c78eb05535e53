// A store holding the shipped Korea – Central Asia graph, loaded once per test suite through
// the real binary, for end-to-end tests that read it.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/shell/silk_process.h"

namespace silk::testing {

// REQUIRES: the test binary defines SILK_DATASET_FILE (see tests/shell/CMakeLists.txt).
class ShippedGraphStore : public ::testing::Test {
 protected:
  static void SetUpTestSuite();
  static void TearDownTestSuite();

  // The store's directory.
  static std::string Db();
  // Runs `silk --db STORE ARGS…` with `input` on standard input.
  static ProcessResult Silk(std::vector<std::string> args, const std::string& input = "");

 private:
  static TempDir* dir_;
};

}  // namespace silk::testing
