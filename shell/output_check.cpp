#include "shell/output_check.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

namespace silk::shell {

Status OutputError(int error_number) {
  if (error_number == ENOSPC) return Status::IOError("cannot write the output: the disk is full");
  if (error_number == 0) return Status::IOError("cannot write the output: the write failed");
  return Status::IOError(fmt::format("cannot write the output: {}", std::strerror(error_number)));
}

Status FlushAndCheck(std::ostream& out) {
  // errno is read straight after the call that failed: the write's own reason, not a later one.
  errno = 0;
  out.flush();
  if (!out) return OutputError(errno);
  if (&out == &std::cout) {
    errno = 0;
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) return OutputError(errno);
  }
  return Status::Ok();
}

Status CloseStdout() {
  // std::cout writes through stdio's stdout (synchronised), so this flushes both; a write that
  // failed earlier left std::cout bad and stdout's error flag set.
  errno = 0;
  if (std::fflush(stdout) != 0 || std::ferror(stdout) || !std::cout) return OutputError(errno);
  // Some file systems (NFS) report a failed write only when the file is closed.
  errno = 0;
  if (std::fclose(stdout) != 0) return OutputError(errno);
  return Status::Ok();
}

void CheckedResultWriter::Check() {
  if (failed_ || out_.good()) return;
  // Checked straight after each write: errno still holds the write's own reason.
  error_ = errno;
  failed_ = true;
  cancel_.store(true);
}

void CheckedResultWriter::Begin(const std::vector<std::string>& variables) {
  if (failed_) return;
  inner_.Begin(variables);
  Check();
}

void CheckedResultWriter::WriteRow(query::Row row) {
  if (failed_) return;
  inner_.WriteRow(row);
  Check();
}

void CheckedResultWriter::WriteTriple(const rdf::QuadView& triple) {
  if (failed_) return;
  inner_.WriteTriple(triple);
  Check();
}

void CheckedResultWriter::End() {
  if (failed_) return;
  inner_.End();
  Check();
}

void CheckedResultWriter::WriteBoolean(bool value) {
  if (failed_) return;
  inner_.WriteBoolean(value);
  Check();
}

Status CheckedResultWriter::status() {
  Check();
  if (failed_) return OutputError(error_);
  Status status = FlushAndCheck(out_);
  if (!status.ok()) {
    failed_ = true;
    cancel_.store(true);
  }
  return status;
}

}  // namespace silk::shell
