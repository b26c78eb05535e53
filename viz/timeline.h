// The dated events of a neighbourhood in order, each with the articles that date it: as text
// for a terminal, or as a DOT picture.
#pragma once

#include <string>
#include <vector>

#include "viz/neighbourhood.h"

namespace silk::viz {

struct TimelineEntry {
  std::string sort_key;  // the literal's lexical form: ISO dates sort as text, coarser first
  std::string date;      // compact: "3 Dec 2024"
  std::size_t node = 0;  // index into Neighbourhood::nodes
  std::string what;      // the predicate as words: "start date"
  std::vector<std::size_t> graphs;  // the graphs that state the date
};

// Every date fact of every node (xsd:date, dateTime, gYear, gYearMonth), earliest first; on
// one day, by node label.
std::vector<TimelineEntry> Timeline(const Neighbourhood& neighbourhood);

// One entry a line or three: the date, the node and what the date is, and its sources (their
// local names and titles).
std::string TimelineText(const Neighbourhood& neighbourhood);

// The timeline top to bottom: a date beside each node, linked by one edge per source in the
// source's colour, with the legend of sources.
std::string TimelineDot(const Neighbourhood& neighbourhood);

}  // namespace silk::viz
