#include "engine/query/expr/regex.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <cstdint>

namespace silk::query::expr {

struct Regex::Impl {
  std::unique_ptr<icu::RegexPattern> pattern;
  bool literal = false;
};

namespace {

// ICU calls this every 10,000 backtracking steps once a time limit is set; false stops the
// match with U_REGEX_STOPPED_BY_CALLER.
UBool KeepMatching(const void* context, int32_t /*steps*/) {
  return !static_cast<const Interruption*>(context)->Stopped();
}

void WatchForStop(icu::RegexMatcher& matcher, const Interruption* stop, UErrorCode& status) {
  if (stop == nullptr) return;
  // ICU only counts steps, and so only calls back, when some time limit is set; the query's
  // deadline itself is the callback's business, so the limit here is never reached.
  matcher.setTimeLimit(INT32_MAX, status);
  matcher.setMatchCallback(&KeepMatching, stop, status);
}

}  // namespace

Regex::Regex(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Regex::~Regex() = default;

std::unique_ptr<Regex> Regex::Compile(std::string_view pattern, std::string_view flags) {
  uint32_t icu_flags = 0;
  bool literal = false;
  for (char f : flags) {
    switch (f) {
      case 'i':
        icu_flags |= UREGEX_CASE_INSENSITIVE;
        break;
      case 's':
        icu_flags |= UREGEX_DOTALL;
        break;
      case 'm':
        icu_flags |= UREGEX_MULTILINE;
        break;
      case 'x':
        icu_flags |= UREGEX_COMMENTS;
        break;
      case 'q':
        icu_flags |= UREGEX_LITERAL;
        literal = true;
        break;
      default:
        return nullptr;
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error;
  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(pattern.data(), static_cast<int32_t>(pattern.size())));
  std::unique_ptr<icu::RegexPattern> compiled(
      icu::RegexPattern::compile(source, icu_flags, parse_error, status));
  if (U_FAILURE(status) || compiled == nullptr) {
    return nullptr;
  }
  auto impl = std::make_unique<Impl>();
  impl->pattern = std::move(compiled);
  impl->literal = literal;
  return std::unique_ptr<Regex>(new Regex(std::move(impl)));
}

std::optional<bool> Regex::Matches(std::string_view text, const Interruption* stop) const {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString input = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  std::unique_ptr<icu::RegexMatcher> matcher(impl_->pattern->matcher(input, status));
  if (U_FAILURE(status)) {
    return std::nullopt;
  }
  WatchForStop(*matcher, stop, status);
  const bool found = matcher->find(status);
  if (U_FAILURE(status)) {
    return std::nullopt;
  }
  return found;
}

std::optional<std::string> Regex::Replace(std::string_view text, std::string_view replacement,
                                          const Interruption* stop) const {
  UErrorCode status = U_ZERO_ERROR;
  // XPath forbids patterns that match the empty string in fn:replace.
  std::unique_ptr<icu::RegexMatcher> empty_test(
      impl_->pattern->matcher(icu::UnicodeString(), status));
  if (U_FAILURE(status) || empty_test->matches(status)) {
    return std::nullopt;
  }
  const icu::UnicodeString input = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString icu_replacement = icu::UnicodeString::fromUTF8(
      icu::StringPiece(replacement.data(), static_cast<int32_t>(replacement.size())));
  if (impl_->literal) {
    // ICU's replacement syntax is XPath's ($n, \-escapes); a literal one needs escaping.
    icu::UnicodeString escaped;
    for (int32_t i = 0; i < icu_replacement.length(); ++i) {
      const char16_t c = icu_replacement.charAt(i);
      if (c == u'$' || c == u'\\') {
        escaped.append(u'\\');
      }
      escaped.append(c);
    }
    icu_replacement = escaped;
  } else {
    // XPath allows only $digits and the escapes \$ and \\; ICU also knows ${name}.
    for (int32_t i = 0; i < icu_replacement.length(); ++i) {
      const char16_t c = icu_replacement.charAt(i);
      if (c == u'\\') {
        if (i + 1 >= icu_replacement.length() ||
            (icu_replacement.charAt(i + 1) != u'$' && icu_replacement.charAt(i + 1) != u'\\')) {
          return std::nullopt;
        }
        ++i;
      } else if (c == u'$') {
        if (i + 1 >= icu_replacement.length() || icu_replacement.charAt(i + 1) < u'0' ||
            icu_replacement.charAt(i + 1) > u'9') {
          return std::nullopt;
        }
      }
    }
  }
  std::unique_ptr<icu::RegexMatcher> matcher(impl_->pattern->matcher(input, status));
  if (U_FAILURE(status)) {
    return std::nullopt;
  }
  WatchForStop(*matcher, stop, status);
  // ICU fails on a reference to a group number the pattern does not have; XPath says such a
  // reference is empty, and an unmatched existing group is empty in both.
  const icu::UnicodeString result = matcher->replaceAll(icu_replacement, status);
  // replaceAll loses the status of its finds: a match stopped by the callback looks like no
  // match, and the text would come back unchanged.
  if (U_FAILURE(status) || (stop != nullptr && stop->Stopped())) {
    return std::nullopt;
  }
  std::string out;
  result.toUTF8String(out);
  return out;
}

}  // namespace silk::query::expr
