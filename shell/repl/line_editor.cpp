#include "shell/repl/line_editor.h"

#include <editline/readline.h>
#include <poll.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace silk::shell::repl {
namespace {

// libedit's completion hooks are plain C functions without a user pointer; this is the one
// place the shell keeps global state, set for the lifetime of the one LineEditor.
LineEditor::CompleteFn* active_complete = nullptr;
std::vector<std::string>* active_candidates = nullptr;

char* NextCandidate(const char* /*text*/, int state) {
  static std::size_t next = 0;
  if (state == 0) next = 0;
  if (active_candidates == nullptr || next >= active_candidates->size()) return nullptr;
  return strdup((*active_candidates)[next++].c_str());
}

char** AttemptCompletion(const char* text, int start, int end) {
  rl_attempted_completion_over = 1;  // never fall back to file names
  static std::vector<std::string> candidates;
  candidates.clear();
  if (active_complete == nullptr) return nullptr;
  const std::string_view line(rl_line_buffer, static_cast<std::size_t>(rl_end));
  Completion completion = (*active_complete)(line, static_cast<std::size_t>(end));
  // libedit replaces the word it found; if ours starts elsewhere, shift the candidates.
  const std::size_t ours = completion.word_start;
  const auto theirs = static_cast<std::size_t>(start);
  for (std::string& candidate : completion.candidates) {
    if (ours < theirs) {
      if (candidate.size() < theirs - ours) continue;
      candidate.erase(0, theirs - ours);
    } else if (ours > theirs) {
      candidate.insert(0, line.substr(theirs, ours - theirs));
    }
    candidates.push_back(std::move(candidate));
  }
  (void)text;
  if (candidates.empty()) return nullptr;
  // A prefix to complete ("kca:" or a directory) should not end with a space.
  const std::string& only = candidates.front();
  rl_completion_append_character =
      candidates.size() == 1 && !only.ends_with(':') && !only.ends_with('/') ? ' ' : '\0';
  active_candidates = &candidates;
  return rl_completion_matches(text, NextCandidate);
}

}  // namespace

LineEditor::LineEditor(const std::vector<std::string>& history, CompleteFn complete)
    : complete_(std::move(complete)) {
  active_complete = &complete_;
  rl_readline_name = const_cast<char*>("silk");
  static std::string breaks(kWordBreaks);
  rl_completer_word_break_characters = breaks.data();
  rl_basic_word_break_characters = breaks.data();
  rl_attempted_completion_function = AttemptCompletion;
  // Every match is offered; past this many, the editor asks before listing them.
  rl_completion_query_items = 400;
  using_history();
  stifle_history(5000);
  for (const std::string& entry : history) add_history(entry.c_str());
}

LineEditor::~LineEditor() { active_complete = nullptr; }

std::optional<std::string> LineEditor::ReadLine(const std::string& prompt) {
  char* line = readline(prompt.c_str());
  if (line == nullptr) return std::nullopt;
  std::string text(line);
  std::free(line);
  return text;
}

bool LineEditor::AddHistory(const std::string& entry) {
  if (entry.empty()) return false;
  // Typing the same statement twice keeps one entry.
  if (HIST_ENTRY* last = history_get(history_base + history_length - 1);
      last != nullptr && last->line != nullptr && entry == last->line) {
    return false;
  }
  add_history(entry.c_str());
  return true;
}

bool LineEditor::InputWaiting(std::chrono::milliseconds wait) {
  pollfd input{.fd = STDIN_FILENO, .events = POLLIN, .revents = 0};
  return ::poll(&input, 1, static_cast<int>(wait.count())) > 0 && (input.revents & POLLIN) != 0;
}

}  // namespace silk::shell::repl
