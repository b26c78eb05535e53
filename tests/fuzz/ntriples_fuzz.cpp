// libFuzzer target: the N-Triples and N-Quads parser (rdf::ParseRdf) on any bytes.
#include "tests/fuzz/rdf_fuzz_main.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  silk::fuzz::ParseBoth(data, size, silk::rdf::RdfFormat::kNTriples);
  silk::fuzz::ParseBoth(data, size, silk::rdf::RdfFormat::kNQuads);
  return 0;
}
