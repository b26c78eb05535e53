// Terms as Turtle writes them, shared by the text formats (table, TSV) and the Turtle and
// TriG writers.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "grammar/rdf/term.h"

namespace silk::query {

// Whether Turtle can write `literal` bare: integers, decimals, doubles and booleans whose
// lexical form is Turtle's own syntax for them.
bool IsBareInTurtle(const rdf::TermView& literal);

// Turtle's form of a term: numbers and booleans bare, everything else as N-Triples writes it.
std::string TurtleText(const rdf::TermView& term);

// `local` read back as the same name after "prefix:" in Turtle, SPARQL and TriG: ASCII
// letters, digits, '_', and '-' or '.' inside. Anything else is written as a full <IRI>.
bool IsPlainLocalName(std::string_view local);

}  // namespace silk::query
