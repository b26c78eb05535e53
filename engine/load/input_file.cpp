#include "engine/load/input_file.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <iostream>

namespace silk::load {

Result<std::unique_ptr<InputFile>> InputFile::Open(const std::string& path) {
  std::unique_ptr<InputFile> input(new InputFile());  // the constructor is private
  std::streambuf* raw = nullptr;
  if (path == "-") {
    input->name_ = "<stdin>";
    raw = std::cin.rdbuf();
  } else {
    input->name_ = path;
    input->file_.open(path, std::ios::binary);
    if (!input->file_) {
      return Status::IOError("cannot open '" + path + "': " + std::strerror(errno));
    }
    struct stat info {};
    if (::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode)) {
      input->size_ = static_cast<std::uint64_t>(info.st_size);
    }
    raw = input->file_.rdbuf();
  }
  input->counting_ = std::make_unique<CountingStreambuf>(raw);
  std::streambuf* text = input->counting_.get();
  if (path != "-" && IsGzipPath(path)) {
    input->gzip_ = std::make_unique<GzipStreambuf>(text);
    text = input->gzip_.get();
  }
  input->stream_.rdbuf(text);
  return input;
}

}  // namespace silk::load
