// Files compiled into the binary (by server/embed_files.cmake), so that `silk serve` needs
// nothing beside itself: the web page, and the shipped graph's example questions.
#pragma once

#include <span>
#include <string_view>

namespace silk::server {

struct EmbeddedFile {
  std::string_view name;  // the file name without its folder: "index.html"
  std::string_view text;  // its whole content
};

// server/web/*: the page at / and what it loads.
std::span<const EmbeddedFile> WebPageFiles();

// A handful of tests/datasets/questions/*.rq, each opening with its question as a comment.
std::span<const EmbeddedFile> ExampleQuestions();

}  // namespace silk::server
