// How a long-running function (REGEX, REPLACE) learns that its query must stop.
#pragma once

namespace silk::query::expr {

// Implemented by the query's execution context. Functions poll it from inside long loops
// (ICU's regex matcher calls back every few thousand steps) and give up when it says so;
// the caller then asks the context why, and stops the query.
// REQUIRES: Stopped() must not throw (it runs inside ICU's C callbacks).
class Interruption {
 public:
  virtual ~Interruption() = default;
  // True once the query was cancelled or ran past its deadline.
  virtual bool Stopped() const noexcept = 0;
};

}  // namespace silk::query::expr
