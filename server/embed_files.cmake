# Writes OUTPUT, a C++ source that holds each file of FILES (separated by '|') as a string constant,
# in the array NAME of `silk::server::EmbeddedFile` (server/embedded_file.h), each under its
# file name. Run at build time: cmake -DNAME=… -DOUTPUT=… -DFILES=… -P embed_files.cmake
#
# The text goes in as a raw string literal, so the generated source reads like the file; a
# file that holds the literal's closing delimiter would end it early, and is refused.
set(delimiter "silk_embedded")
set(entries "")
string(REPLACE "|" ";" files "${FILES}")
foreach(path IN LISTS files)
  file(READ "${path}" text)
  string(FIND "${text}" ")${delimiter}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${path} holds ')${delimiter}\"', which would end its string early")
  endif()
  get_filename_component(name "${path}" NAME)
  string(APPEND entries "    {\"${name}\", R\"${delimiter}(${text})${delimiter}\"},\n")
endforeach()
set(source "// Generated from ${NAME}'s files by server/embed_files.cmake: edit those, not this.
#include <span>

#include \"server/embedded_file.h\"

namespace silk::server {

std::span<const EmbeddedFile> ${NAME}() {
  static constexpr EmbeddedFile kFiles[] = {
${entries}  };
  return kFiles;
}

}  // namespace silk::server
")
# Rewritten only when it changes, so that an unchanged page does not recompile.
file(WRITE "${OUTPUT}.new" "${source}")
file(COPY_FILE "${OUTPUT}.new" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.new")
