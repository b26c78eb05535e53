#include "tests/conformance/json_reader.h"

#include <fmt/format.h>

#include <cstdint>

#include "grammar/rdf/unescape.h"

namespace silk::conformance {
namespace {

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  std::optional<JsonValue> Document(std::string* error) {
    JsonValue value;
    SkipSpace();
    if (!Value(value)) {
      *error = fmt::format("JSON error at byte {}: {}", pos_, error_);
      return std::nullopt;
    }
    SkipSpace();
    if (pos_ != text_.size()) {
      *error = fmt::format("JSON error at byte {}: text after the value", pos_);
      return std::nullopt;
    }
    return value;
  }

 private:
  bool Fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
    return false;
  }
  void SkipSpace() {
    while (pos_ < text_.size() && std::string_view(" \t\r\n").find(text_[pos_]) != std::string_view::npos) {
      ++pos_;
    }
  }
  bool Take(char c) {
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool Word(std::string_view word) {
    if (!text_.substr(pos_).starts_with(word)) return Fail("unexpected character");
    pos_ += word.size();
    return true;
  }
  bool Hex4(char32_t& out) {
    if (pos_ + 4 > text_.size()) return Fail("short \\u escape");
    out = static_cast<char32_t>(std::stoul(std::string(text_.substr(pos_, 4)), nullptr, 16));
    pos_ += 4;
    return true;
  }
  bool String(std::string& out) {
    ++pos_;  // the opening quote
    while (pos_ < text_.size() && text_[pos_] != '"') {
      const char c = text_[pos_++];
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= text_.size()) break;
      const char e = text_[pos_++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
          char32_t code = 0;
          if (!Hex4(code)) return false;
          if (code >= 0xD800 && code < 0xDC00 && text_.substr(pos_).starts_with("\\u")) {
            pos_ += 2;
            char32_t low = 0;
            if (!Hex4(low)) return false;
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          }
          rdf::AppendUtf8(out, code);
          break;
        }
        default: out += e; break;  // \" \\ \/
      }
    }
    if (pos_ >= text_.size()) return Fail("unterminated string");
    ++pos_;
    return true;
  }
  bool Value(JsonValue& value) {
    SkipSpace();
    if (pos_ >= text_.size()) return Fail("expected a value");
    const char c = text_[pos_];
    if (c == '"') {
      value.kind = JsonValue::Kind::kString;
      return String(value.text);
    }
    if (c == '{') {
      ++pos_;
      value.kind = JsonValue::Kind::kObject;
      if (Take('}')) return true;
      do {
        SkipSpace();
        if (pos_ >= text_.size() || text_[pos_] != '"') return Fail("expected a member name");
        std::string key;
        if (!String(key)) return false;
        if (!Take(':')) return Fail("expected ':'");
        JsonValue member;
        if (!Value(member)) return false;
        value.object.emplace_back(std::move(key), std::move(member));
      } while (Take(','));
      return Take('}') || Fail("expected '}'");
    }
    if (c == '[') {
      ++pos_;
      value.kind = JsonValue::Kind::kArray;
      if (Take(']')) return true;
      do {
        value.array.emplace_back();
        if (!Value(value.array.back())) return false;
      } while (Take(','));
      return Take(']') || Fail("expected ']'");
    }
    if (c == 't' || c == 'f') {
      value.kind = JsonValue::Kind::kBool;
      value.boolean = c == 't';
      return Word(c == 't' ? "true" : "false");
    }
    if (c == 'n') return Word("null");
    const std::size_t start = pos_;
    while (pos_ < text_.size() && std::string_view("+-0123456789.eE").find(text_[pos_]) != std::string_view::npos) {
      ++pos_;
    }
    if (pos_ == start) return Fail("unexpected character");
    value.kind = JsonValue::Kind::kNumber;
    value.text = std::string(text_.substr(start, pos_ - start));
    return true;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::string error_;
};

}  // namespace

const JsonValue* JsonValue::Member(std::string_view key) const {
  for (const auto& [name, member] : object) {
    if (name == key) return &member;
  }
  return nullptr;
}

std::optional<JsonValue> ParseJson(std::string_view text, std::string* error) {
  return Parser(text).Document(error);
}

}  // namespace silk::conformance
