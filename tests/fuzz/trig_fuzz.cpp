// libFuzzer target: the TriG parser (rdf::ParseRdf, RdfFormat::kTriG) on any bytes.
#include "tests/fuzz/rdf_fuzz_main.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  silk::fuzz::ParseBoth(data, size, silk::rdf::RdfFormat::kTriG);
  return 0;
}
