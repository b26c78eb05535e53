// The process exit codes of `silk`, part of its command-line contract.
#pragma once

#include "engine/status.h"

namespace silk::shell {

inline constexpr int kExitOk = 0;
inline constexpr int kExitDataError = 1;     // a query or data error: parse error, bad term
inline constexpr int kExitUsageError = 2;    // wrong command line
inline constexpr int kExitStorageError = 3;  // locked, corrupt, incompatible, disk full

inline int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk: return kExitOk;
    case StatusCode::kBusy:
    case StatusCode::kCorruption:
    case StatusCode::kIOError:
    case StatusCode::kIncompatible:
    case StatusCode::kIndeterminate: return kExitStorageError;
    case StatusCode::kInvalidArgument:
    case StatusCode::kNotFound:
    case StatusCode::kCancelled: return kExitDataError;
  }
  return kExitDataError;
}

}  // namespace silk::shell
