#include "engine/query/expr/builtins.h"

#include <fmt/format.h>

#include <array>
#include <cctype>

#include "engine/query/expr/builtins_internal.h"
#include "engine/query/expr/compare.h"
#include "engine/query/expr/numeric.h"
#include "engine/query/expr/vocabulary.h"
#include "grammar/rdf/iri.h"

namespace silk::query::expr {

namespace {

// Indexed by Builtin: keep in enum order.
constexpr std::array<BuiltinInfo, 47> kBuiltins = {{
    {"STR", 1, 1},          {"LANG", 1, 1},        {"LANGMATCHES", 2, 2},
    {"DATATYPE", 1, 1},     {"IRI", 1, 1},         {"BNODE", 0, 1},
    {"RAND", 0, 0},         {"ABS", 1, 1},         {"CEIL", 1, 1},
    {"FLOOR", 1, 1},        {"ROUND", 1, 1},       {"CONCAT", 0, -1},
    {"SUBSTR", 2, 3},       {"STRLEN", 1, 1},      {"REPLACE", 3, 4},
    {"UCASE", 1, 1},        {"LCASE", 1, 1},       {"ENCODE_FOR_URI", 1, 1},
    {"CONTAINS", 2, 2},     {"STRSTARTS", 2, 2},   {"STRENDS", 2, 2},
    {"STRBEFORE", 2, 2},    {"STRAFTER", 2, 2},    {"YEAR", 1, 1},
    {"MONTH", 1, 1},        {"DAY", 1, 1},         {"HOURS", 1, 1},
    {"MINUTES", 1, 1},      {"SECONDS", 1, 1},     {"TIMEZONE", 1, 1},
    {"TZ", 1, 1},           {"NOW", 0, 0},         {"UUID", 0, 0},
    {"STRUUID", 0, 0},      {"MD5", 1, 1},         {"SHA1", 1, 1},
    {"SHA256", 1, 1},       {"SHA384", 1, 1},      {"SHA512", 1, 1},
    {"STRLANG", 2, 2},      {"STRDT", 2, 2},       {"SAMETERM", 2, 2},
    {"ISIRI", 1, 1},        {"ISBLANK", 1, 1},     {"ISLITERAL", 1, 1},
    {"ISNUMERIC", 1, 1},    {"REGEX", 2, 3},
}};
static_assert(static_cast<size_t>(Builtin::kRegex) + 1 == kBuiltins.size());

std::string ToUpperAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string ToLowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// RFC 4647 basic filtering, as SPARQL's langMatches: "*" matches any non-empty tag.
bool LangMatches(std::string_view tag, std::string_view range) {
  if (range == "*") {
    return !tag.empty();
  }
  const std::string t = ToLowerAscii(tag);
  const std::string r = ToLowerAscii(range);
  if (r.empty()) {
    return t.empty();
  }
  return t == r || (t.size() > r.size() && t.starts_with(r) && t[r.size()] == '-');
}

// BCP 47 shape as in the SPARQL/Turtle LANGTAG production: [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*.
bool IsLanguageTag(std::string_view tag) {
  if (tag.empty()) {
    return false;
  }
  bool first_part = true;
  size_t part_length = 0;
  for (char c : tag) {
    if (c == '-') {
      if (part_length == 0) {
        return false;
      }
      first_part = false;
      part_length = 0;
      continue;
    }
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool digit = c >= '0' && c <= '9';
    if (!alpha && !(digit && !first_part)) {
      return false;
    }
    ++part_length;
  }
  return part_length > 0;
}

std::string RandomUuid(std::mt19937_64& random) {
  uint64_t high = random();
  uint64_t low = random();
  // Version 4 (random) and the RFC 4122 variant.
  high = (high & ~uint64_t{0xF000}) | 0x4000;
  low = (low & ~(uint64_t{0xC} << 60)) | (uint64_t{0x8} << 60);
  return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", high >> 32, (high >> 16) & 0xFFFF,
                     high & 0xFFFF, low >> 48, low & 0xFFFFFFFFFFFF);
}

EvalResult BoolValue(bool b) { return Value::Boolean(b); }

}  // namespace

const BuiltinInfo& InfoOf(Builtin b) { return kBuiltins[static_cast<size_t>(b)]; }

std::optional<Builtin> LookupBuiltin(std::string_view name) {
  std::string upper = ToUpperAscii(name);
  if (upper == "URI") {
    upper = "IRI";
  } else if (upper == "ISURI") {
    upper = "ISIRI";
  }
  for (size_t i = 0; i < kBuiltins.size(); ++i) {
    if (kBuiltins[i].name == upper) {
      return static_cast<Builtin>(i);
    }
  }
  return std::nullopt;
}

std::string CountingBnodeFactory::Fresh() { return fmt::format("{}{}", prefix_, next_++); }

std::string CountingBnodeFactory::ForString(std::string_view s) {
  auto [it, inserted] = per_solution_.try_emplace(std::string(s));
  if (inserted) {
    it->second = Fresh();
  }
  return it->second;
}

EvalResult Call(Builtin b, std::span<const Value> args, const FunctionContext& context) {
  const BuiltinInfo& info = InfoOf(b);
  const int n = static_cast<int>(args.size());
  if (n < info.min_args || (info.max_args >= 0 && n > info.max_args)) {
    return std::nullopt;
  }
  switch (b) {
    case Builtin::kStr:
      if (args[0].IsBlank()) {
        return std::nullopt;
      }
      return Value::String(std::string(args[0].lexical()));
    case Builtin::kLang:
      if (!args[0].IsLiteral()) {
        return std::nullopt;
      }
      return Value::String(std::string(args[0].language()));
    case Builtin::kLangMatches:
      if (args[0].kind() != ValueKind::kString || args[1].kind() != ValueKind::kString) {
        return std::nullopt;
      }
      return BoolValue(LangMatches(args[0].lexical(), args[1].lexical()));
    case Builtin::kDatatype:
      if (!args[0].IsLiteral()) {
        return std::nullopt;
      }
      return Value::Iri(std::string(args[0].datatype()));
    case Builtin::kIri: {
      if (args[0].kind() != ValueKind::kString && !args[0].IsIri()) {
        return std::nullopt;
      }
      // A relative reference resolves against the base; what is still not an absolute IRI
      // (no scheme, a space, '<', a control character) is an error, so no update can store a
      // term that a dump could not write back.
      std::string iri = args[0].IsIri() ? std::string(args[0].lexical())
                                        : rdf::ResolveIri(context.base_iri, args[0].lexical());
      if (!rdf::AbsoluteIriProblem(iri).empty()) {
        return std::nullopt;
      }
      return Value::Iri(std::move(iri));
    }
    case Builtin::kBnode:
      if (context.bnodes == nullptr) {
        return std::nullopt;
      }
      if (n == 0) {
        return Value::Blank(context.bnodes->Fresh());
      }
      if (args[0].kind() != ValueKind::kString) {
        return std::nullopt;
      }
      return Value::Blank(context.bnodes->ForString(args[0].lexical()));
    case Builtin::kRand:
      if (context.random == nullptr) {
        return std::nullopt;
      }
      return Value::Double(
          std::uniform_real_distribution<double>(0.0, 1.0)(context.random->engine()));
    case Builtin::kAbs:
      return NumericAbs(args[0]);
    case Builtin::kCeil:
      return NumericCeil(args[0]);
    case Builtin::kFloor:
      return NumericFloor(args[0]);
    case Builtin::kRound:
      return NumericRound(args[0]);
    case Builtin::kYear:
    case Builtin::kMonth:
    case Builtin::kDay:
    case Builtin::kHours:
    case Builtin::kMinutes:
    case Builtin::kSeconds:
    case Builtin::kTimezone:
    case Builtin::kTz:
      return internal::DateTimeFunction(b, args[0]);
    case Builtin::kNow:
      return Value::FromDateTime(context.now);
    case Builtin::kUuid:
    case Builtin::kStrUuid: {
      if (context.random == nullptr) {
        return std::nullopt;
      }
      std::string uuid = RandomUuid(context.random->engine());
      if (b == Builtin::kUuid) {
        return Value::Iri("urn:uuid:" + uuid);
      }
      return Value::String(std::move(uuid));
    }
    case Builtin::kMd5:
    case Builtin::kSha1:
    case Builtin::kSha256:
    case Builtin::kSha384:
    case Builtin::kSha512:
      return internal::HashFunction(b, args[0]);
    case Builtin::kStrLang:
      if (args[0].kind() != ValueKind::kString || args[1].kind() != ValueKind::kString ||
          !IsLanguageTag(args[1].lexical())) {
        return std::nullopt;
      }
      return Value::LangString(std::string(args[0].lexical()), std::string(args[1].lexical()));
    case Builtin::kStrDt:
      if (args[0].kind() != ValueKind::kString || !args[1].IsIri() ||
          args[1].lexical() == kRdfLangString ||
          !rdf::AbsoluteIriProblem(args[1].lexical()).empty()) {
        return std::nullopt;
      }
      if (args[1].lexical() == kXsdString) {
        return Value::String(std::string(args[0].lexical()));
      }
      return Value::TypedLiteral(std::string(args[0].lexical()), args[1].lexical());
    case Builtin::kSameTerm:
      return BoolValue(SameTerm(args[0], args[1]));
    case Builtin::kIsIri:
      return BoolValue(args[0].IsIri());
    case Builtin::kIsBlank:
      return BoolValue(args[0].IsBlank());
    case Builtin::kIsLiteral:
      return BoolValue(args[0].IsLiteral());
    case Builtin::kIsNumeric:
      return BoolValue(args[0].IsNumeric());
    case Builtin::kConcat:
    case Builtin::kSubstr:
    case Builtin::kStrlen:
    case Builtin::kReplace:
    case Builtin::kUcase:
    case Builtin::kLcase:
    case Builtin::kEncodeForUri:
    case Builtin::kContains:
    case Builtin::kStrStarts:
    case Builtin::kStrEnds:
    case Builtin::kStrBefore:
    case Builtin::kStrAfter:
    case Builtin::kRegex:
      return internal::StringFunction(b, args, context.interruption);
  }
  return std::nullopt;
}

}  // namespace silk::query::expr
