#include "engine/query/expr/decimal.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

namespace silk::query::expr {

std::string Int128ToString(Int128 v) {
  if (v == 0) {
    return "0";
  }
  // Work on the negative side so that the most negative value needs no special case.
  const bool negative = v < 0;
  if (!negative) {
    v = -v;
  }
  std::string digits;
  while (v != 0) {
    digits.push_back(static_cast<char>('0' - static_cast<int>(v % 10)));
    v /= 10;
  }
  if (negative) {
    digits.push_back('-');
  }
  std::reverse(digits.begin(), digits.end());
  return digits;
}

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// 10^n as Int128, or nullopt once it no longer fits.
std::optional<Int128> Pow10(int n) {
  Int128 result = 1;
  for (int i = 0; i < n; ++i) {
    if (__builtin_mul_overflow(result, 10, &result)) {
      return std::nullopt;
    }
  }
  return result;
}

// mantissa * 10^n, or nullopt on overflow.
std::optional<Int128> ScaleUp(Int128 mantissa, int n) {
  std::optional<Int128> factor = Pow10(n);
  Int128 result;
  if (!factor || __builtin_mul_overflow(mantissa, *factor, &result)) {
    return std::nullopt;
  }
  return result;
}

// Floor division, which C++'s truncating '/' is not for negative numbers.
Int128 FloorDiv(Int128 a, Int128 b) {
  Int128 q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) {
    --q;
  }
  return q;
}

}  // namespace

std::optional<Decimal> Decimal::Parse(std::string_view text) {
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    negative = text[i] == '-';
    ++i;
  }
  Int128 mantissa = 0;
  int scale = 0;
  bool any_digit = false;
  bool seen_point = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.' && !seen_point) {
      seen_point = true;
      continue;
    }
    if (!IsDigit(c)) {
      return std::nullopt;
    }
    any_digit = true;
    // Trailing fractional zeros carry no value: skipping them lets long inputs such as
    // "1.000000000000000000000000000000000000000" still fit.
    if (seen_point && c == '0') {
      size_t j = i;
      while (j < text.size() && text[j] == '0') {
        ++j;
      }
      if (j == text.size()) {
        break;
      }
    }
    if (__builtin_mul_overflow(mantissa, 10, &mantissa) ||
        __builtin_add_overflow(mantissa, c - '0', &mantissa)) {
      return std::nullopt;
    }
    if (seen_point) {
      ++scale;
    }
  }
  if (!any_digit || scale > kMaxScale) {
    return std::nullopt;
  }
  return Decimal(negative ? -mantissa : mantissa, scale).Normalized();
}

std::optional<Decimal> Decimal::ParseInteger(std::string_view text) {
  if (text.find('.') != std::string_view::npos) {
    return std::nullopt;
  }
  return Parse(text);
}

std::optional<Decimal> Decimal::FromDouble(double d) {
  if (!std::isfinite(d) || std::fabs(d) >= 1e38) {
    return std::nullopt;
  }
  // The shortest round-trip representation is what a person wrote: 0.1 becomes 0.1, not
  // the binary expansion 0.1000000000000000055511151231257827.
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof(buffer), d, std::chars_format::fixed);
  if (ec != std::errc()) {
    return std::nullopt;
  }
  std::string_view text(buffer, static_cast<size_t>(end - buffer));
  // Very small magnitudes produce more fractional digits than we keep: cut them.
  const size_t point = text.find('.');
  if (point != std::string_view::npos && text.size() - point - 1 > kMaxScale - 2) {
    text = text.substr(0, point + 1 + kMaxScale - 2);
  }
  return Parse(text);
}

bool Decimal::IsInteger() const { return Normalized().scale_ == 0; }

Decimal Decimal::Normalized() const {
  Int128 m = mantissa_;
  int s = scale_;
  while (s > 0 && m % 10 == 0) {
    m /= 10;
    --s;
  }
  if (m == 0) {
    s = 0;
  }
  return Decimal(m, s);
}

std::optional<Decimal> Decimal::Add(const Decimal& other) const {
  const int scale = std::max(scale_, other.scale_);
  std::optional<Int128> a = ScaleUp(mantissa_, scale - scale_);
  std::optional<Int128> b = ScaleUp(other.mantissa_, scale - other.scale_);
  Int128 sum;
  if (!a || !b || __builtin_add_overflow(*a, *b, &sum)) {
    return std::nullopt;
  }
  return Decimal(sum, scale).Normalized();
}

std::optional<Decimal> Decimal::Subtract(const Decimal& other) const {
  std::optional<Decimal> negated = other.Negate();
  if (!negated) {
    return std::nullopt;
  }
  return Add(*negated);
}

std::optional<Decimal> Decimal::Multiply(const Decimal& other) const {
  Int128 product;
  if (__builtin_mul_overflow(mantissa_, other.mantissa_, &product)) {
    return std::nullopt;
  }
  int scale = scale_ + other.scale_;
  // Beyond the maximum scale, drop the least significant digits (truncation).
  while (scale > kMaxScale) {
    product /= 10;
    --scale;
  }
  return Decimal(product, scale).Normalized();
}

std::optional<Decimal> Decimal::Divide(const Decimal& other) const {
  if (other.mantissa_ == 0) {
    return std::nullopt;
  }
  // value = (n / d) * 10^(other.scale - scale). Long division produces the digits of n / d
  // one at a time, so no intermediate product needs more than one extra decimal digit.
  Int128 n = mantissa_;
  Int128 d = other.mantissa_;
  const bool negative = (n < 0) != (d < 0);
  if (n < 0) {
    n = -n;
  }
  if (d < 0) {
    d = -d;
  }
  Int128 quotient = n / d;
  Int128 remainder = n % d;
  int digits = 0;
  while (remainder != 0 && digits < kDivisionScale) {
    Int128 shifted_q;
    Int128 shifted_r;
    if (__builtin_mul_overflow(quotient, 10, &shifted_q) ||
        __builtin_mul_overflow(remainder, 10, &shifted_r)) {
      break;
    }
    quotient = shifted_q + shifted_r / d;
    remainder = shifted_r % d;
    ++digits;
  }
  int scale = digits + scale_ - other.scale_;
  if (scale < 0) {
    std::optional<Int128> scaled = ScaleUp(quotient, -scale);
    if (!scaled) {
      return std::nullopt;
    }
    quotient = *scaled;
    scale = 0;
  }
  while (scale > kMaxScale) {
    quotient /= 10;
    --scale;
  }
  return Decimal(negative ? -quotient : quotient, scale).Normalized();
}

std::optional<Decimal> Decimal::Negate() const {
  Int128 negated;
  if (__builtin_sub_overflow(Int128{0}, mantissa_, &negated)) {
    return std::nullopt;
  }
  return Decimal(negated, scale_);
}

Decimal Decimal::Abs() const {
  if (mantissa_ >= 0) {
    return *this;
  }
  return Negate().value_or(*this);
}

Decimal Decimal::Floor() const {
  std::optional<Int128> unit = Pow10(scale_);
  return Decimal(FloorDiv(mantissa_, *unit), 0);
}

Decimal Decimal::Ceil() const {
  std::optional<Int128> unit = Pow10(scale_);
  return Decimal(-FloorDiv(-mantissa_, *unit), 0);
}

Decimal Decimal::Round() const {
  if (scale_ == 0) {
    return *this;
  }
  // floor(x + 0.5), computed on the mantissa: (2m + 10^s) / (2 * 10^s).
  std::optional<Int128> unit = Pow10(scale_);
  Int128 doubled;
  Int128 sum;
  if (__builtin_mul_overflow(mantissa_, 2, &doubled) ||
      __builtin_add_overflow(doubled, *unit, &sum)) {
    return Floor();
  }
  return Decimal(FloorDiv(sum, *unit * 2), 0);
}

Decimal Decimal::Truncate() const {
  std::optional<Int128> unit = Pow10(scale_);
  return Decimal(mantissa_ / *unit, 0);
}

double Decimal::ToDouble() const {
  // Through text, so that the result is the double nearest to the exact decimal value.
  const std::string text = ToString();
  return std::strtod(text.c_str(), nullptr);
}

std::optional<int64_t> Decimal::ToInt64() const {
  const Decimal n = Normalized();
  if (n.scale_ != 0 || n.mantissa_ > INT64_MAX || n.mantissa_ < INT64_MIN) {
    return std::nullopt;
  }
  return static_cast<int64_t>(n.mantissa_);
}

std::string Decimal::ToString() const {
  const Decimal n = Normalized();
  std::string text = Int128ToString(n.mantissa_);
  const bool negative = n.mantissa_ < 0;
  std::string digits = negative ? text.substr(1) : std::move(text);
  if (n.scale_ > 0) {
    const size_t scale = static_cast<size_t>(n.scale_);
    if (digits.size() <= scale) {
      digits.insert(0, scale - digits.size() + 1, '0');
    }
    digits.insert(digits.size() - scale, 1, '.');
  }
  if (negative) {
    digits.insert(0, 1, '-');
  }
  return digits;
}

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  if ((a.mantissa_ < 0) != (b.mantissa_ < 0)) {
    return a.mantissa_ < 0 ? std::strong_ordering::less : std::strong_ordering::greater;
  }
  const int scale = std::max(a.scale_, b.scale_);
  std::optional<Int128> x = ScaleUp(a.mantissa_, scale - a.scale_);
  std::optional<Int128> y = ScaleUp(b.mantissa_, scale - b.scale_);
  if (x && y) {
    return *x <=> *y;
  }
  // Scaling overflowed: the one that could not be scaled has the larger magnitude.
  const bool a_bigger = !x;
  const bool positive = a.mantissa_ >= 0;
  if (a_bigger == positive) {
    return std::strong_ordering::greater;
  }
  return std::strong_ordering::less;
}

}  // namespace silk::query::expr
