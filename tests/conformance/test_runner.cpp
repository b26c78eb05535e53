#include "tests/conformance/test_runner.h"

#include <cassert>

namespace silk::conformance {

void TestRunner::Register(std::string type, TestFunction function) {
  const bool inserted = functions_.emplace(std::move(type), std::move(function)).second;
  assert(inserted && "a test type is registered twice");
  (void)inserted;
}

Outcome TestRunner::Run(const TestEntry& entry, const TestContext& context) const {
  const auto it = functions_.find(entry.type);
  if (it == functions_.end()) {
    return {false, "no runner for test type <" + entry.type + ">"};
  }
  return it->second(entry, context);
}

}  // namespace silk::conformance
