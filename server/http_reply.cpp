#include "server/http_reply.h"

#include <string>

namespace silk::server {

void ReplyText(httplib::Response& res, int status, std::string_view message) {
  res.status = status;
  std::string body(message);
  body += '\n';
  res.set_content(body, "text/plain; charset=utf-8");
}

void ReplyFailure(httplib::Response& res, const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk: res.status = 200; return;
    case StatusCode::kInvalidArgument:
    case StatusCode::kNotFound: ReplyText(res, 400, status.message()); return;
    case StatusCode::kCancelled: ReplyText(res, 503, status.message()); return;
    case StatusCode::kBusy:
      // Another process writes to the store: worth trying again in a moment.
      res.set_header("Retry-After", "5");
      ReplyText(res, 503, status.message());
      return;
    case StatusCode::kCorruption:
    case StatusCode::kIOError:
    case StatusCode::kIncompatible:
    case StatusCode::kIndeterminate: break;
  }
  ReplyText(res, 500, status.message());
}

}  // namespace silk::server
