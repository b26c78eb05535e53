// Drawing a DOT graph with Graphviz: the `dot` program, run as a child process.
//
// Why a process and not libgvc linked in: a layout that runs away (dot can take minutes on a
// dense graph) is stopped by killing it, which no library call allows; a crash in Graphviz
// cannot take `silk serve` down with it; libgvc keeps global state and is not safe to call
// from the server's threads at once; and silk builds and runs without Graphviz installed,
// writing DOT, which is always available.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "engine/status.h"

namespace silk::viz {

enum class PictureFormat { kDot, kSvg, kPng };

// The format a file name asks for by its extension (.dot/.gv, .svg, .png, any case);
// nullopt for any other.
std::optional<PictureFormat> FormatOfPath(std::string_view path);

std::string_view ExtensionOf(PictureFormat format);  // "dot", "svg", "png"

// What to say when `dot` is missing: which package to install for SVG and PNG.
inline constexpr std::string_view kInstallGraphvizHint =
    "install Graphviz for SVG and PNG (on Debian or Ubuntu: apt install graphviz)";

struct RenderLimits {
  std::chrono::milliseconds timeout{60'000};      // dot is killed after this long
  std::size_t max_output = std::size_t{64} << 20;  // bytes of picture; dot is killed past them
  std::function<bool()> stop;                      // asked now and then; true kills dot
};

// Runs `dot -Tsvg` or `dot -Tpng` on `dot_text` and returns the picture. dot runs with
// SERVER_NAME set in its environment, which is Graphviz's restricted mode: it reads no image
// or other file that a graph names.
// REQUIRES: format is kSvg or kPng.
// Errors: kNotFound when `dot` is not on $PATH (the message says what to install);
// kCancelled when it ran past the timeout or was stopped; kIOError when it failed, with
// what it printed, or when its picture exceeded max_output.
Result<std::string> RenderWithGraphviz(std::string_view dot_text, PictureFormat format,
                                       const RenderLimits& limits = {});

}  // namespace silk::viz
