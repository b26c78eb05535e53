#include "viz/node_style.h"

#include <vector>

#include "viz/term_text.h"

namespace silk::viz {
namespace {

struct Kind {
  NodeStyle style;
  std::vector<std::string_view> classes;  // local names
};

// In order of precedence: a Forum that is also an Organization is drawn as an event. Colours
// are light, so that black text and the graphs' edge colours stay readable on them.
const std::vector<Kind>& Kinds() {
  static const std::vector<Kind> kKinds = {
      {{"article", "folder", "filled", "#ffffff", "folder"}, {"NewsArticle", "Article", "CreativeWork"}},
      {{"person", "ellipse", "filled", "#fff2b3", "ellipse"}, {"Person"}},
      {{"country", "box", "rounded,filled,bold", "#cfe2f3", "rounded box"}, {"Country"}},
      {{"place", "house", "filled", "#d9ead3", "house"},
       {"City", "Place", "AdministrativeArea", "Continent", "LandmarksOrHistoricalBuildings"}},
      {{"event", "hexagon", "filled", "#f4cccc", "hexagon"},
       {"Event", "Summit", "Meeting", "BilateralTalks", "Visit", "StateVisit", "Tour", "Forum",
        "Anniversary", "Impeachment", "MartialLawDeclaration"}},
      {{"agreement", "note", "filled", "#fce5cd", "note"},
       {"Agreement", "Partnership", "MemorandumOfUnderstanding", "JointStatement",
        "DiplomaticRelations", "Invitation", "Initiative", "Project", "Cooperation"}},
      {{"number", "box", "filled,dashed", "#eeeeee", "dashed box"}, {"Observation", "Ranking", "Measure"}},
      {{"quote", "box", "filled,diagonals", "#ffffff", "cut corners"}, {"Quote"}},
      {{"organisation", "component", "filled", "#e6d9f2", "component"},
       {"Organization", "NewsMediaOrganization", "Company", "GovernmentOrganization",
        "Corporation", "EducationalOrganization"}},
      {{"concept", "ellipse", "filled,dashed", "#f3f3f3", "dashed ellipse"},
       {"Concept", "CooperationField", "Topic", "Mineral", "EthnicGroup", "Office", "OfficeTerm"}},
  };
  return kKinds;
}

const NodeStyle kOther{"other", "box", "filled", "#ffffff", "box"};

}  // namespace

const NodeStyle& StyleFor(const std::vector<std::string>& classes) {
  for (const Kind& kind : Kinds()) {
    for (const std::string& cls : classes) {
      const std::string_view local = LocalName(cls);
      for (const std::string_view name : kind.classes) {
        if (local == name) return kind.style;
      }
    }
  }
  return kOther;
}

const std::vector<NodeStyle>& AllStyles() {
  static const std::vector<NodeStyle> kAll = [] {
    std::vector<NodeStyle> all;
    for (const Kind& kind : Kinds()) all.push_back(kind.style);
    all.push_back(kOther);
    return all;
  }();
  return kAll;
}

}  // namespace silk::viz
