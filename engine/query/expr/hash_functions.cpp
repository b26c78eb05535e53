// MD5, SHA1, SHA256, SHA384, SHA512 (17.4.6) over the UTF-8 bytes of a simple or xsd:string
// literal, as lower-case hex; OpenSSL's EVP interface does the hashing.
#include <openssl/evp.h>

#include <string>

#include "engine/query/expr/builtins_internal.h"

namespace silk::query::expr::internal {

namespace {

const EVP_MD* DigestFor(Builtin b) {
  switch (b) {
    case Builtin::kMd5:
      return EVP_md5();
    case Builtin::kSha1:
      return EVP_sha1();
    case Builtin::kSha256:
      return EVP_sha256();
    case Builtin::kSha384:
      return EVP_sha384();
    case Builtin::kSha512:
      return EVP_sha512();
    default:
      return nullptr;
  }
}

}  // namespace

EvalResult HashFunction(Builtin b, const Value& arg) {
  // The spec defines these on simple literals and xsd:string only; a language tag is an error.
  if (arg.kind() != ValueKind::kString) {
    return std::nullopt;
  }
  const EVP_MD* md = DigestFor(b);
  if (md == nullptr) {
    return std::nullopt;
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(arg.lexical().data(), arg.lexical().size(), digest, &length, md, nullptr) != 1) {
    return std::nullopt;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0xF]);
  }
  return Value::String(std::move(hex));
}

}  // namespace silk::query::expr::internal
