// silk: the SilkGraph command line.
#include "shell/command_line.h"

int main(int argc, char** argv) { return silk::shell::RunCommandLine(argc, argv); }
