// The interactive shell, driven through a pseudo-terminal as a person types at it.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "tests/shell/repl/pty_session.h"
#include "tests/shell/silk_process.h"

namespace silk::testing {
namespace {

using std::chrono::milliseconds;

std::string ShippedGraph() {
  const char* source = std::getenv("SILK_SOURCE_DIR");
  return std::string(source != nullptr ? source : ".") + "/datasets/korea-central-asia.trig";
}

// A store named "kca" holding the shipped graph, and a home of its own for the history.
class ShellPtyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.Sub("kca");
    ASSERT_EQ(RunSilk({"--db", db_, "load", ShippedGraph()}).exit_code, 0);
    std::filesystem::create_directories(dir_.Sub("home"));
  }
  std::map<std::string, std::string> Env() const {
    return {{"HOME", dir_.Sub("home")},
            {"XDG_DATA_HOME", dir_.Sub("data")},
            {"SILK_DB", dir_.Sub("unused-default")},
            {"TERM", "xterm"},
            {"NO_COLOR", "1"},
            {"PATH", "/usr/bin:/bin"}};
  }
  std::unique_ptr<PtySession> Start() {
    auto session = std::make_unique<PtySession>(std::vector<std::string>{"--db", db_}, Env());
    EXPECT_TRUE(session->WaitForPrompt("kca> ")) << session->screen();
    return session;
  }

  TempDir dir_;
  std::string db_;
};

TEST_F(ShellPtyTest, MultiLineQueryShowsABoxedTable) {
  auto shell = Start();
  shell->Type("SELECT ?name WHERE {\r");
  ASSERT_TRUE(shell->WaitForPrompt("...> ")) << shell->screen();  // the continuation prompt
  shell->Type("  kca:SadyrJaparov skos:prefLabel ?name FILTER(lang(?name) = 'en')\r");
  ASSERT_TRUE(shell->WaitForPrompt("...> ")) << shell->screen();
  shell->Type("}\r");
  // Typed over several lines: ORDER BY or LIMIT may still come, so it waits for an empty line.
  ASSERT_TRUE(shell->WaitForPrompt("...> ")) << shell->screen();
  shell->Type("\r");
  ASSERT_TRUE(shell->WaitFor("\u250c")) << shell->screen();
  ASSERT_TRUE(shell->WaitFor("\u2502 ?name")) << shell->screen();
  ASSERT_TRUE(shell->WaitFor("\u2502 \"Sadyr Japarov\"@en \u2502")) << shell->screen();
  ASSERT_TRUE(shell->WaitFor("1 row")) << shell->screen();
  ASSERT_TRUE(shell->WaitForPrompt("kca> ")) << shell->screen();
  shell->Type("\x04");  // Ctrl-D leaves
  EXPECT_EQ(shell->WaitForExit(), 0);
}

TEST_F(ShellPtyTest, TabCompletesAPrefixedNameFromTheStore) {
  auto shell = Start();
  shell->Type("kca:SadyrJa\t");
  ASSERT_TRUE(shell->WaitFor("parov ")) << shell->screen();  // the editor draws what it added
  // The completed name is in the line: finish it as a bare pattern and run it.
  shell->Type("skos:prefLabel ?name FILTER(lang(?name) = 'en') .\r");
  ASSERT_TRUE(shell->WaitFor("\u2502 \"Sadyr Japarov\"@en \u2502")) << shell->screen();
  ASSERT_TRUE(shell->WaitFor("1 row")) << shell->screen();
}

TEST_F(ShellPtyTest, CtrlCCancelsALongQueryAndTheShellGoesOn) {
  auto shell = Start();
  // A cross product of eight patterns: far more rows than could ever be counted.
  shell->Type(
      "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . "
      "?p ?q ?r . ?s ?t ?u . ?v ?w ?x }\r");
  std::this_thread::sleep_for(milliseconds(1000));
  const auto pressed = std::chrono::steady_clock::now();
  shell->Type("\x03");
  ASSERT_TRUE(shell->WaitFor("Cancelled", milliseconds(5000))) << shell->screen();
  const auto took = std::chrono::steady_clock::now() - pressed;
  EXPECT_LT(took, milliseconds(1000));
  ASSERT_TRUE(shell->WaitForPrompt("kca> ")) << shell->screen();
  shell->Type("ASK { kca:SadyrJaparov ?p ?o }\r");
  ASSERT_TRUE(shell->WaitFor("true")) << shell->screen();
}

TEST_F(ShellPtyTest, CtrlCAtThePromptClearsTheLine) {
  auto shell = Start();
  shell->Type("SELECT nonsense WHERE {\r");
  ASSERT_TRUE(shell->WaitForPrompt("...> ")) << shell->screen();
  shell->Type("\x03");
  ASSERT_TRUE(shell->WaitForPrompt("kca> ")) << shell->screen();
  shell->Type("ASK { ?s ?p ?o }\r");
  ASSERT_TRUE(shell->WaitFor("true")) << shell->screen();
  EXPECT_EQ(shell->screen().find("expected"), std::string::npos) << shell->screen();
}

TEST_F(ShellPtyTest, ErrorsShowACaretAndTheShellGoesOn) {
  auto shell = Start();
  shell->Type("SELECT ?x WHERE { ?x kca:visited }\r");
  ASSERT_TRUE(shell->WaitFor("^")) << shell->screen();
  ASSERT_TRUE(shell->WaitForPrompt("kca> ")) << shell->screen();
  shell->Type("ASK { ?s ?p ?o }\r");
  ASSERT_TRUE(shell->WaitFor("true")) << shell->screen();
}

TEST_F(ShellPtyTest, HistorySurvivesARestart) {
  {
    auto shell = Start();
    shell->Type("ASK { kca:SadyrJaparov ?p ?o }\r");
    ASSERT_TRUE(shell->WaitFor("true")) << shell->screen();
    ASSERT_TRUE(shell->WaitForPrompt("kca> ")) << shell->screen();
    shell->Type("\x04");
    ASSERT_EQ(shell->WaitForExit(), 0);
  }
  EXPECT_TRUE(std::filesystem::exists(dir_.Sub("data") + "/silkgraph/history"));
  auto shell = Start();
  shell->Type("\x1b[A");  // the up arrow recalls the last statement
  ASSERT_TRUE(shell->WaitFor("ASK { kca:SadyrJaparov ?p ?o }")) << shell->screen();
  shell->Type("\r");
  ASSERT_TRUE(shell->WaitFor("true")) << shell->screen();
}

TEST_F(ShellPtyTest, TheStartUpFileRunsFirst) {
  // ~/.silkrc: a prefix, and a failing line that must not keep the shell from starting.
  WriteFile(dir_.Sub("home") + "/.silkrc",
            ".prefix who: <https://silkgraph.org/kca/>\nSELECT nonsense\n\n.maxrows 4\n");
  auto shell = Start();
  EXPECT_NE(shell->screen().find(".silkrc:2:"), std::string::npos) << shell->screen();
  shell->Type(".maxrows\r");
  ASSERT_TRUE(shell->WaitFor("4\r\n")) << shell->screen();
  shell->Type("who:SadyrJaparov skos:prefLabel ?name FILTER(lang(?name) = 'en') .\r");
  ASSERT_TRUE(shell->WaitFor("\u2502 \"Sadyr Japarov\"@en \u2502")) << shell->screen();
  // Ctrl-D at the prompt, not typed ahead while the terminal switches modes.
  ASSERT_TRUE(shell->WaitForPrompt("kca> ")) << shell->screen();
  shell->Type("\x04");
  ASSERT_EQ(shell->WaitForExit(), 0);

  // $XDG_CONFIG_HOME/silkgraph/init.silk comes before ~/.silkrc.
  std::filesystem::create_directories(dir_.Sub("config") + "/silkgraph");
  WriteFile(dir_.Sub("config") + "/silkgraph/init.silk", ".maxrows 7\n");
  std::map<std::string, std::string> env = Env();
  env["XDG_CONFIG_HOME"] = dir_.Sub("config");
  PtySession second(std::vector<std::string>{"--db", db_}, env);
  ASSERT_TRUE(second.WaitForPrompt("kca> ")) << second.screen();
  second.Type(".maxrows\r");
  ASSERT_TRUE(second.WaitFor("7\r\n")) << second.screen();
}

TEST_F(ShellPtyTest, NewcomerWordsGetAOneLineHint) {
  auto shell = Start();
  shell->Type("help\r");
  ASSERT_TRUE(shell->WaitFor("type .help for the commands")) << shell->screen();
  ASSERT_TRUE(shell->WaitForPrompt("kca> ")) << shell->screen();
  shell->Type("exit\r");
  ASSERT_TRUE(shell->WaitFor("type .quit or press Ctrl-D")) << shell->screen();
  EXPECT_EQ(shell->screen().find("opened at"), std::string::npos) << shell->screen();
}

}  // namespace
}  // namespace silk::testing
