// The file: IRI of a path: the base that the relative IRIs in a file (or a query read from
// one) resolve against, as rapper and riot take it.
#pragma once

#include <string>

namespace silk::shell {

// "file:///home/me/my%20data/a.ttl" for "my data/a.ttl" in /home/me: the absolute path, with
// "." and ".." segments removed and every byte an IRI path cannot hold as it is percent-
// encoded (a space, '%', '#', '?', brackets, quotes, controls, and bytes beyond ASCII, since
// a file name need not be UTF-8).
std::string FileIri(const std::string& path);

}  // namespace silk::shell
