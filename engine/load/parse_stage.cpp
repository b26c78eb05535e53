#include "engine/load/parse_stage.h"

#include <istream>

namespace silk::load {
namespace {

// Copies each statement (of its part, with a partition) into the current batch and sends the
// batch on when it is full.
class BatchingSink final : public rdf::QuadSink {
 public:
  BatchingSink(BatchPipe& pipe, const CountingStreambuf& counting,
               std::optional<Partition> partition, std::uint64_t& other_parts)
      : pipe_(pipe), counting_(counting), partition_(partition), other_parts_(other_parts) {}

  bool Accept(const rdf::QuadView& quad) override {
    // Checked for every statement, so a storage error stops the parser at once rather than
    // after a batch more.
    if (pipe_.cancelled()) {
      return false;
    }
    // Here rather than on the inserting thread: a dropped statement is never copied into a
    // batch, so a part loads at least as fast as the whole, and hashing a subject costs about
    // what copying it would.
    if (partition_ && !partition_->Holds(quad)) {
      ++other_parts_;
      return true;
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
  const std::optional<Partition> partition_;
  std::uint64_t& other_parts_;
  QuadBatch* batch_ = nullptr;  // being filled; owned by the pipe
};

}  // namespace

ParseStage::ParseStage(std::istream& in, const CountingStreambuf& counting,
                       const rdf::ParseOptions& options, std::optional<Partition> partition,
                       BatchPipe& pipe)
    : in_(in),
      counting_(counting),
      options_(options),
      partition_(partition),
      pipe_(pipe),
      thread_([this] { Run(); }) {}

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
  BatchingSink sink(pipe_, counting_, partition_, other_parts_);
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
