#include "shell/result_formats.h"

#include <fmt/format.h>

#include "shell/text_format.h"

namespace silk::shell {
namespace {

std::string_view KindText(query::ResultKind kind) {
  switch (kind) {
    case query::ResultKind::kSolutions: return "solutions";
    case query::ResultKind::kBoolean: return "true or false";
    case query::ResultKind::kGraph: return "a graph";
    case query::ResultKind::kNothing: break;
  }
  return "nothing";
}

}  // namespace

std::string FormatChoices(query::ResultKind kind) {
  std::vector<std::string> names;
  for (query::ResultFormat format : query::FormatsFor(kind)) {
    names.emplace_back(query::ResultFormatName(format));
  }
  return OneOf(names);
}

std::string FormatMismatch(std::string_view choice, const query::PreparedRequest& request) {
  const std::string_view form = request.form_name();
  return fmt::format("{} does not fit {} {} query, which returns {}", choice,
                     form == "ASK" ? "an" : "a", form, KindText(request.result_kind()));
}

}  // namespace silk::shell
