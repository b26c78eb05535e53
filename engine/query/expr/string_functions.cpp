// The string built-ins. Lengths and positions count Unicode code points, not UTF-8 bytes;
// lexical forms are UTF-8 throughout.
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <cmath>
#include <string>

#include "engine/query/expr/builtins_internal.h"
#include "engine/query/expr/regex.h"

namespace silk::query::expr::internal {

namespace {

// Byte length of the UTF-8 sequence starting with `lead` (1 for stray continuation bytes, so
// that malformed input still advances).
size_t SequenceLength(unsigned char lead) {
  if (lead < 0xC0) {
    return 1;
  }
  if (lead < 0xE0) {
    return 2;
  }
  if (lead < 0xF0) {
    return 3;
  }
  return 4;
}

size_t CodePointCount(std::string_view s) {
  size_t count = 0;
  for (size_t i = 0; i < s.size(); i += SequenceLength(static_cast<unsigned char>(s[i]))) {
    ++count;
  }
  return count;
}

// Byte offset of code point `index` (0-based), or s.size() past the end.
size_t ByteOffset(std::string_view s, size_t index) {
  size_t i = 0;
  for (size_t n = 0; n < index && i < s.size(); ++n) {
    i += SequenceLength(static_cast<unsigned char>(s[i]));
  }
  return std::min(i, s.size());
}

bool SameLanguage(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// "Argument compatible" (17.4.3.1.2): both simple/xsd:string, both with the same language
// tag, or a language-tagged first argument with a simple/xsd:string second.
bool Compatible(const Value& a, const Value& b) {
  if (!a.IsStringLiteral() || !b.IsStringLiteral()) {
    return false;
  }
  if (b.kind() == ValueKind::kString) {
    return true;
  }
  return a.kind() == ValueKind::kLangString && SameLanguage(a.language(), b.language());
}

EvalResult Concat(std::span<const Value> args) {
  std::string out;
  std::optional<std::string_view> language;
  bool same_language = true;
  for (const Value& arg : args) {
    if (!arg.IsStringLiteral()) {
      return std::nullopt;
    }
    out += arg.lexical();
    if (arg.kind() != ValueKind::kLangString) {
      same_language = false;
    } else if (!language) {
      language = arg.language();
    } else if (!SameLanguage(*language, arg.language())) {
      same_language = false;
    }
  }
  if (same_language && language) {
    return Value::LangString(std::move(out), std::string(*language));
  }
  return Value::String(std::move(out));
}

EvalResult Substr(std::span<const Value> args) {
  const Value& source = args[0];
  if (!source.IsStringLiteral() || !args[1].IsNumeric() ||
      (args.size() == 3 && !args[2].IsNumeric())) {
    return std::nullopt;
  }
  // fn:substring: the characters at 1-based positions p with
  // round(start) <= p < round(start) + round(length), computed in double so that NaN and
  // INF behave as XPath says (no characters, all the rest).
  const double start = std::floor(args[1].AsDouble() + 0.5);
  double end = INFINITY;
  if (args.size() == 3) {
    end = start + std::floor(args[2].AsDouble() + 0.5);
  }
  const std::string_view text = source.lexical();
  const double length = static_cast<double>(CodePointCount(text));
  const double first = std::max(start, 1.0);
  const double last = std::min(end, length + 1);  // exclusive
  if (!(first < last)) {  // also when NaN
    return Value::StringLike("", source);
  }
  const size_t begin = ByteOffset(text, static_cast<size_t>(first - 1));
  const size_t stop = ByteOffset(text, static_cast<size_t>(last - 1));
  return Value::StringLike(std::string(text.substr(begin, stop - begin)), source);
}

EvalResult ChangeCase(const Value& v, bool upper) {
  if (!v.IsStringLiteral()) {
    return std::nullopt;
  }
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(v.lexical().data(), static_cast<int32_t>(v.lexical().size())));
  // The root locale gives the full, language-neutral case mappings (ß -> SS).
  if (upper) {
    s.toUpper(icu::Locale::getRoot());
  } else {
    s.toLower(icu::Locale::getRoot());
  }
  std::string out;
  s.toUTF8String(out);
  return Value::StringLike(std::move(out), v);
}

EvalResult EncodeForUri(const Value& v) {
  if (!v.IsStringLiteral()) {
    return std::nullopt;
  }
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : v.lexical()) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
                            c == '~';
    if (unreserved) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  return Value::String(std::move(out));
}

EvalResult BeforeOrAfter(const Value& a, const Value& b, bool before) {
  if (!Compatible(a, b)) {
    return std::nullopt;
  }
  const std::string_view text = a.lexical();
  const size_t at = text.find(b.lexical());
  if (at == std::string_view::npos) {
    // No match: the empty simple literal, whatever the first argument's tag.
    return Value::String("");
  }
  if (before) {
    return Value::StringLike(std::string(text.substr(0, at)), a);
  }
  return Value::StringLike(std::string(text.substr(at + b.lexical().size())), a);
}

EvalResult Replace(std::span<const Value> args, const Interruption* stop) {
  const Value& text = args[0];
  if (!text.IsStringLiteral() || args[1].kind() != ValueKind::kString ||
      args[2].kind() != ValueKind::kString ||
      (args.size() == 4 && args[3].kind() != ValueKind::kString)) {
    return std::nullopt;
  }
  std::unique_ptr<Regex> regex =
      Regex::Compile(args[1].lexical(), args.size() == 4 ? args[3].lexical() : "");
  if (!regex) {
    return std::nullopt;
  }
  std::optional<std::string> replaced = regex->Replace(text.lexical(), args[2].lexical(), stop);
  if (!replaced) {
    return std::nullopt;
  }
  return Value::StringLike(std::move(*replaced), text);
}

EvalResult MatchRegex(std::span<const Value> args, const Interruption* stop) {
  if (!args[0].IsStringLiteral() || args[1].kind() != ValueKind::kString ||
      (args.size() == 3 && args[2].kind() != ValueKind::kString)) {
    return std::nullopt;
  }
  std::unique_ptr<Regex> regex =
      Regex::Compile(args[1].lexical(), args.size() == 3 ? args[2].lexical() : "");
  if (!regex) {
    return std::nullopt;
  }
  std::optional<bool> matches = regex->Matches(args[0].lexical(), stop);
  if (!matches) {
    return std::nullopt;
  }
  return Value::Boolean(*matches);
}

}  // namespace

EvalResult StringFunction(Builtin b, std::span<const Value> args, const Interruption* stop) {
  switch (b) {
    case Builtin::kConcat:
      return Concat(args);
    case Builtin::kSubstr:
      return Substr(args);
    case Builtin::kStrlen:
      if (!args[0].IsStringLiteral()) {
        return std::nullopt;
      }
      return Value::Integer(static_cast<int64_t>(CodePointCount(args[0].lexical())));
    case Builtin::kUcase:
      return ChangeCase(args[0], /*upper=*/true);
    case Builtin::kLcase:
      return ChangeCase(args[0], /*upper=*/false);
    case Builtin::kEncodeForUri:
      return EncodeForUri(args[0]);
    case Builtin::kContains:
      if (!Compatible(args[0], args[1])) {
        return std::nullopt;
      }
      return Value::Boolean(args[0].lexical().find(args[1].lexical()) != std::string_view::npos);
    case Builtin::kStrStarts:
      if (!Compatible(args[0], args[1])) {
        return std::nullopt;
      }
      return Value::Boolean(args[0].lexical().starts_with(args[1].lexical()));
    case Builtin::kStrEnds:
      if (!Compatible(args[0], args[1])) {
        return std::nullopt;
      }
      return Value::Boolean(args[0].lexical().ends_with(args[1].lexical()));
    case Builtin::kStrBefore:
      return BeforeOrAfter(args[0], args[1], /*before=*/true);
    case Builtin::kStrAfter:
      return BeforeOrAfter(args[0], args[1], /*before=*/false);
    case Builtin::kReplace:
      return Replace(args, stop);
    case Builtin::kRegex:
      return MatchRegex(args, stop);
    default:
      return std::nullopt;
  }
}

}  // namespace silk::query::expr::internal
