#include "engine/load/parse_stage.h"

#include <istream>

namespace silk::load {
namespace {

// Copies each statement into the current batch and sends the batch on when it is full.
class BatchingSink final : public rdf::QuadSink {
 public:
  BatchingSink(BatchPipe& pipe, const CountingStreambuf& counting)
      : pipe_(pipe), counting_(counting) {}

  bool Accept(const rdf::QuadView& quad) override {
    // Checked for every statement, so a storage error stops the parser at once rather than
    // after a batch more.
    if (pipe_.cancelled()) {
      return false;
    }
    // An empty batch is taken only when there is something to put in it: after sending a full
    // one the parser does not wait for a free one unless there is more input.
    if (batch_ == nullptr && (batch_ = pipe_.Empty()) == nullptr) {
      return false;
    }
    batch_->Add(quad);
    if (batch_->full()) {
      Send();
    }
    return true;
  }

  // Sends the last, partly filled batch.
  void Flush() {
    if (batch_ != nullptr && !batch_->empty() && !pipe_.cancelled()) {
      Send();
    }
  }

 private:
  void Send() {
    batch_->input_bytes = counting_.bytes_read();
    pipe_.Send(batch_);
    batch_ = nullptr;
  }

  BatchPipe& pipe_;
  const CountingStreambuf& counting_;
  QuadBatch* batch_ = nullptr;  // being filled; owned by the pipe
};

}  // namespace

ParseStage::ParseStage(std::istream& in, const CountingStreambuf& counting,
                       const rdf::ParseOptions& options, BatchPipe& pipe)
    : in_(in), counting_(counting), options_(options), pipe_(pipe), thread_([this] { Run(); }) {}

ParseStage::~ParseStage() {
  if (thread_.joinable()) {
    pipe_.Cancel();
    thread_.join();
  }
}

std::optional<ParseError> ParseStage::Finish() {
  thread_.join();
  if (thrown_) {
    std::rethrow_exception(thrown_);
  }
  return std::move(error_);
}

void ParseStage::Run() {
  BatchingSink sink(pipe_, counting_);
  try {
    error_ = rdf::ParseRdf(in_, options_, sink);
    sink.Flush();
  } catch (...) {
    // Handed to the caller's thread: an exception must not end the process from here.
    thrown_ = std::current_exception();
  }
  pipe_.Close();
}

}  // namespace silk::load
