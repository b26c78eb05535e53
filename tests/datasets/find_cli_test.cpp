// `silk find` against the shipped graph: every spelling of a name that the articles print
// finds its entity, and so do the near misses a person types.
#include <gtest/gtest.h>

#include <string>

#include "tests/shell/shipped_graph_store.h"

namespace silk::testing {
namespace {

constexpr const char* kKca = "https://silkgraph.org/kca/";

class FindCli : public ShippedGraphStore {
 protected:
  static ProcessResult Find(const std::string& name) { return Silk({"find", name}); }

  // The first line of the answer names `entity` (a local name in the kca namespace).
  static void ExpectFirst(const std::string& name, const std::string& entity) {
    ProcessResult found = Find(name);
    ASSERT_EQ(found.exit_code, 0) << name << ": " << found.err;
    const std::string first = found.out.substr(0, found.out.find('\n'));
    EXPECT_NE(first.find(std::string("<") + kKca + entity + ">"), std::string::npos)
        << "silk find '" << name << "' printed:\n" << found.out;
  }
};

// The spellings listed in the articles' README, and the other names they print.
TEST_F(FindCli, EverySpellingInTheArticles) {
  for (const char* name : {"Japarov", "Sadyr Japarov", "Dschaparow", "Japarovs"}) {
    ExpectFirst(name, "SadyrJaparov");
  }
  for (const char* name : {"Yoon Suk Yeol", "Yoon Suk-yeol", "Yeon Sok Yeol", "Yeon Seok Yeol", "Yoon"}) {
    ExpectFirst(name, "YoonSukYeol");
  }
  for (const char* name : {"Atambayev", "Atambajew", "Almasbek Atambajew"}) {
    ExpectFirst(name, "AlmazbekAtambayev");
  }
  for (const char* name : {"Kasym-\u0421omart Tokayev", "Kasym-Comart Tokayev", "Tokayev"}) {
    ExpectFirst(name, "KassymJomartTokayev");
  }
  ExpectFirst("Park Geun-hye", "ParkGeunHye");
  ExpectFirst("Ban Ki-moon", "BanKiMoon");
  ExpectFirst("Ban Ki-moonder", "BanKiMoon");  // as printed, glued to the next word
  ExpectFirst("Woo Won-shik", "WooWonShik");
  ExpectFirst("Yun Byung-se", "YunByungSe");
  ExpectFirst("Kirgisistan", "Kyrgyzstan");
  ExpectFirst("Kazakistan", "Kazakhstan");
  ExpectFirst("Südkorea", "SouthKorea");
  ExpectFirst("Seul", "Seoul");
  ExpectFirst("K-Water", "KWater");
  ExpectFirst("Kore Wusong Üniversitesi", "WoosongUniversity");
  ExpectFirst("Kore Wusong Üniversitesi'nin", "WoosongUniversity");  // as printed, genitive
  ExpectFirst("Wusong", "WoosongUniversity");
}

TEST_F(FindCli, NearMissesAPersonTypes) {
  ExpectFirst("japarov", "SadyrJaparov");            // case
  ExpectFirst("DSCHAPAROW", "SadyrJaparov");         // case
  ExpectFirst("Zhaparov", "SadyrJaparov");           // another romanisation
  ExpectFirst("Sadyr Zhaparov", "SadyrJaparov");
  ExpectFirst("kasym-comart tokayev", "KassymJomartTokayev");  // Latin c for Cyrillic С
  ExpectFirst("Turkistan", "Turkistan");
  ExpectFirst("Turkıstan", "Turkistan");             // dotless ı
  ExpectFirst("Tokaev", "KassymJomartTokayev");      // one letter off
  ExpectFirst("Yoon Suk Yeoul", "YoonSukYeol");      // typo
  ExpectFirst("suedkorea", "SouthKorea");            // ü typed as ue
}

TEST_F(FindCli, ShowsTheLabelThatMatchedAndHow) {
  ProcessResult found = Find("Dschaparow");
  ASSERT_EQ(found.exit_code, 0) << found.err;
  EXPECT_NE(found.out.find("1. Sadyr Japarov  <https://silkgraph.org/kca/SadyrJaparov>\n"
                           "   matched \"Dschaparow\"@de (exact)\n"),
            std::string::npos)
      << found.out;
  ProcessResult cyrillic = Find("Kasym-\u0421omart Tokayev");
  EXPECT_NE(cyrillic.out.find("matched \"Kasym-\u0421omart Tokayev\"@tr (exact)"), std::string::npos)
      << cyrillic.out;
  // A form kept for search only (skos:hiddenLabel): found exactly, though no label names it.
  ProcessResult hidden = Find("Japarovs");
  EXPECT_NE(hidden.out.find("matched \"Japarovs\"@de (exact)"), std::string::npos) << hidden.out;
  ProcessResult near = Find("Zhaparov");
  EXPECT_NE(near.out.find("(near, 2 edits)"), std::string::npos) << near.out;
}

TEST_F(FindCli, NothingFoundIsExitOne) {
  ProcessResult none = Find("Mirziyoyev");
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_EQ(none.out, "");
  EXPECT_NE(none.err.find("no entity is called 'Mirziyoyev'"), std::string::npos) << none.err;
}

TEST_F(FindCli, UsageErrors) {
  EXPECT_EQ(Silk({"find"}).exit_code, 2);
  EXPECT_EQ(Silk({"find", "Japarov", "--limit", "0"}).exit_code, 2);
  ProcessResult one = Silk({"find", "Turkistan", "--limit", "1"});
  EXPECT_EQ(one.exit_code, 0);
  EXPECT_EQ(one.out.find("2. "), std::string::npos) << one.out;
}

}  // namespace
}  // namespace silk::testing
