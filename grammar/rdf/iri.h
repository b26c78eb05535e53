// IRI references: telling absolute from relative, and resolving one against a base
// (RFC 3986 section 5.2). Shared by the Turtle/TriG parser and the query language.
#pragma once

#include <string>
#include <string_view>

namespace silk::rdf {

// True if `iri` starts with a scheme (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`).
bool HasScheme(std::string_view iri);

// The target IRI of `relative` against `base` (RFC 3986 5.2.2, strict: a reference with a
// scheme is taken as is, apart from removing its dot segments).
// If `base` has no scheme (for example it is empty), there is nothing to resolve against
// and `relative` is returned unchanged.
// Neither argument is validated: IRI syntax is the caller's grammar's business.
std::string ResolveIri(std::string_view base, std::string_view relative);

// The characters IRIREF excludes (controls, space, <>"{}|^`\): a parser rejects them even
// when written as \u escapes, and a writer must escape them.
bool IsForbiddenInIriRef(char32_t code_point);

// Why `iri` cannot be stored as an absolute IRI, in words ("it has no scheme such as http:",
// "it contains a space, which IRIs cannot"); empty when it can: it has a scheme, is valid
// UTF-8, and has none of the characters IRIREF excludes.
std::string AbsoluteIriProblem(std::string_view iri);

// RFC 3986 5.2.4: removes "." and ".." segments from a path.
std::string RemoveDotSegments(std::string_view path);

}  // namespace silk::rdf
