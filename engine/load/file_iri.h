// The file: IRI of a path: the base that the relative IRIs in a file (or a query read from
// one) resolve against, as rapper and riot take it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace silk::load {

// "file:///home/me/my%20data/a.ttl" for "my data/a.ttl" in /home/me: the absolute path, with
// "." and ".." segments removed and every byte an IRI path cannot hold as it is percent-
// encoded (a space, '%', '#', '?', brackets, quotes, controls, and bytes beyond ASCII, since
// a file name need not be UTF-8).
std::string FileIri(const std::string& path);

// The path a file: IRI names, percent-decoded: "file:///a/my%20b.ttl", "file:/a/my%20b.ttl"
// and "file://localhost/a/my%20b.ttl" all give "/a/my b.ttl". Nullopt for any other IRI, for
// a file: IRI of another host, or one whose path is not absolute.
std::optional<std::string> PathOfFileIri(std::string_view iri);

}  // namespace silk::load
