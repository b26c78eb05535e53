// SPARQL 1.1 built-in functions (section 17.4) over evaluated arguments.
//
// Not here, because they need lazy evaluation or the solution: BOUND, IF, COALESCE, EXISTS,
// NOT EXISTS, IN / NOT IN, '&&', '||' (see logic.h for combining their outcomes), and the
// operators (numeric.h, compare.h). Casts (xsd:integer(...)) are in cast.h.
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "engine/query/expr/datetime.h"
#include "engine/query/expr/interruption.h"
#include "engine/query/expr/value.h"

namespace silk::query::expr {

enum class Builtin : unsigned char {
  kStr,
  kLang,
  kLangMatches,
  kDatatype,
  kIri,  // IRI and URI
  kBnode,
  kRand,
  kAbs,
  kCeil,
  kFloor,
  kRound,
  kConcat,
  kSubstr,
  kStrlen,
  kReplace,
  kUcase,
  kLcase,
  kEncodeForUri,
  kContains,
  kStrStarts,
  kStrEnds,
  kStrBefore,
  kStrAfter,
  kYear,
  kMonth,
  kDay,
  kHours,
  kMinutes,
  kSeconds,
  kTimezone,
  kTz,
  kNow,
  kUuid,
  kStrUuid,
  kMd5,
  kSha1,
  kSha256,
  kSha384,
  kSha512,
  kStrLang,
  kStrDt,
  kSameTerm,
  kIsIri,  // isIRI and isURI
  kIsBlank,
  kIsLiteral,
  kIsNumeric,
  kRegex,
};

struct BuiltinInfo {
  std::string_view name;  // upper case, as in the grammar ("STRSTARTS")
  int min_args;
  int max_args;  // -1: any number (CONCAT)
};

// Name and arity of `b`.
const BuiltinInfo& InfoOf(Builtin b);
// The built-in called `name` (case-insensitive; "URI" and "ISURI" are accepted), if any.
std::optional<Builtin> LookupBuiltin(std::string_view name);

// Blank nodes for BNODE(). The evaluator owns the factory and decides its scope.
class BnodeFactory {
 public:
  virtual ~BnodeFactory() = default;
  // A label never returned before (BNODE()).
  virtual std::string Fresh() = 0;
  // BNODE("x"): the same label for the same string within one solution, different labels in
  // different solutions. The evaluator calls StartSolution() before each solution.
  virtual std::string ForString(std::string_view s) = 0;
  virtual void StartSolution() = 0;
};

// Labels "b0", "b1", ... with a per-solution map for BNODE(str).
// Not thread-safe; one per query execution.
class CountingBnodeFactory final : public BnodeFactory {
 public:
  explicit CountingBnodeFactory(std::string prefix = "b") : prefix_(std::move(prefix)) {}
  std::string Fresh() override;
  std::string ForString(std::string_view s) override;
  void StartSolution() override { per_solution_.clear(); }

 private:
  std::string prefix_;
  uint64_t next_ = 0;
  std::unordered_map<std::string, std::string> per_solution_;
};

// RAND, UUID and STRUUID's source, seeded from the system on first use: seeding costs about
// 25 microseconds (a tenth of a small query) and most queries call none of them.
class RandomSource {
 public:
  RandomSource() = default;
  explicit RandomSource(std::uint64_t seed) : engine_(std::in_place, seed) {}
  std::mt19937_64& engine() {
    if (!engine_) engine_.emplace(std::random_device{}());
    return *engine_;
  }

 private:
  std::optional<std::mt19937_64> engine_;
};

// What the built-ins need from the query. Built once per query execution; the pointers are
// borrowed and must outlive every Call.
struct FunctionContext {
  DateTime now;                         // NOW(): one instant for the whole query
  std::string base_iri;                 // IRI()/URI() resolve relative references against it
  RandomSource* random = nullptr;       // RAND, UUID, STRUUID: REQUIRED for those
  BnodeFactory* bnodes = nullptr;       // BNODE: REQUIRED for it
  // REGEX and REPLACE poll it and give up (an error) once the query must stop; the caller
  // then stops the query. Optional.
  const Interruption* interruption = nullptr;
};

// Evaluates `b` on already evaluated arguments. Every SPARQL error (wrong argument kinds,
// incompatible language tags, invalid regex, ...) is std::nullopt; nothing throws.
// REQUIRES: args.size() within InfoOf(b)'s arity (the parser checks; violations are errors).
EvalResult Call(Builtin b, std::span<const Value> args, const FunctionContext& context);

}  // namespace silk::query::expr
