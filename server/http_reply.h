// Answers in words: every error the server sends is a status and a sentence a person can
// read, as text/plain.
#pragma once

#include <httplib.h>

#include <string_view>

#include "engine/status.h"

namespace silk::server {

// `status` with `message` and a line break as the text/plain body.
void ReplyText(httplib::Response& res, int status, std::string_view message);

// The status a failed query, update or load gets, with the engine's message as the body: a
// syntax error or bad data 400 (the body is what `silk query` prints), a stopped query 503
// (time limit, memory limit, shutdown), a store busy with another process's write 503,
// anything wrong with the store itself 500.
void ReplyFailure(httplib::Response& res, const Status& status);

}  // namespace silk::server
