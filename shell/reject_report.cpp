#include "shell/reject_report.h"

#include <fmt/format.h>

namespace silk::shell {

RejectReport::~RejectReport() {
  if (file_ != nullptr) std::fclose(file_);
}

bool RejectReport::Open() {
  file_ = std::fopen(path_.c_str(), "wb");
  return file_ != nullptr;
}

void RejectReport::Add(const ParseError& error) {
  ++count_;
  fmt::print(file_, "# {}:{}:{}: {}\n{}\n", error.source, error.line, error.column, error.message,
             error.line_text);
}

bool RejectReport::Close() {
  const bool ok = std::fclose(file_) == 0;
  file_ = nullptr;
  if (ok && count_ == 0) std::remove(path_.c_str());
  return ok;
}

}  // namespace silk::shell
