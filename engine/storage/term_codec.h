// Pure functions between RDF terms and their stored forms: inlined ids and term records.
// No I/O; thread-safe.
//
// A literal is inlined only when its lexical form is exactly what DecodeInlined() prints back,
// so every term round-trips byte for byte. Those canonical forms are:
//
//   xsd:boolean   `true` | `false`
//   xsd:integer   `0` | `-?[1-9][0-9]*`, value in [-2^59, 2^59 - 1]
//   xsd:decimal   `-?(0|[1-9][0-9]*)\.(0|[0-9]*[1-9])` except `-0.0`; at most 16 significant
//                 digits; 1e-16 <= |value| < 1e16 (or zero, `0.0`)
//   xsd:date      `Y-MM-DD` + optional timezone
//   xsd:dateTime  `Y-MM-DDThh:mm:ss` + optional `.f`, `.ff` or `.fff` not ending in `0`
//                 + optional timezone; hh 00..23, ss 00..59
//   where Y is `-?[0-9]{4}` except `-0000` (year -9999..9999, proleptic Gregorian with a year
//   zero as in XSD 1.1), the day exists in its month, and a timezone is `Z` or `[+-]hh:mm` with
//   a non-zero offset of at most 14:00 in quarter hours (`+00:00` is not canonical: `Z` is).
//
// Everything else (`007`, `+7`, `1.50`, `1e3`, `2020-01-01T24:00:00`, xsd:int, ...) is a
// dictionary literal. Within one inlined tag, id order is value order; dates and dateTimes
// order by the instant they start at (no timezone: read as UTC), then by timezone.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/storage/term_id.h"
#include "grammar/rdf/term.h"

namespace silk::storage {

// The inlined id of `term` when it is a literal in one of the canonical forms above, else
// nullopt. An explicit ^^xsd:string is treated as the plain literal (never inlined).
std::optional<TermId> TryInline(const rdf::TermView& term);

// The literal an inlined id stands for; nullopt when `id` is not inlined or its payload is not
// one TryInline() produces (a corrupt id).
std::optional<rdf::Term> DecodeInlined(TermId id);
// The same into `term`, reusing its strings' memory (a batch of results decodes its dates and
// numbers into the last batch's terms); false, `term` as it was or changed, where DecodeInlined
// gives nullopt.
bool DecodeInlinedInto(TermId id, rdf::Term& term);

// The dictionary tag of a term that is not inlined: kIri or kLiteral (kBlank for blank nodes).
// REQUIRES: !term.IsDefaultGraph()
TermTag DictionaryTag(const rdf::TermView& term);

// Appends the term record of an IRI or a literal (the value of id2term: the term as first
// written) to `out`.
// REQUIRES: term.IsIri() || term.IsLiteral(); term is in Canonical() form.
void AppendTermRecord(const rdf::TermView& term, std::string* out);

// Turns a term record into its term2id key: the language tag in lower case, since RDF compares
// tags case-insensitively ("a"@EN and "a"@en are one term). Other records are their own key.
void ToTermKey(std::string* record);

// The record id2term holds for a blank node.
std::string_view BlankNodeRecord();

// The term stored under `id` with `record`: blank nodes decode as `_:b<sequence number>`.
// nullopt when the record is malformed or its kind does not match the tag of `id`.
std::optional<rdf::Term> DecodeTermRecord(TermId id, std::string_view record);

}  // namespace silk::storage
