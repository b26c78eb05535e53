// The on-disk format of a SilkGraph store, in one place.
//
// on-disk: never renumber. Every constant below is written into stores that already exist:
// changing one (a tag, a family name, a key layout, a payload encoding) changes the format and
// must bump kFormatVersion, which Store::Open checks with a readable refusal.
//
// This header holds constants and layouts only; no RocksDB type appears here.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace silk::storage::format {

// The version of everything in this file. Stored in the `meta` family under kMetaFormatVersion.
// Version 6: the text index (family `text`, below).
// Version 5: the statistics count the quads of each (predicate, object) pair whose object is
// not a literal ('O' records).
// Version 4: the statistics count the quads of each class of rdf:type ('C' records).
// Version 3: gspo holds the quads of named graphs only (for the default graph it copied spog).
// Version 2: term2id keys hold language tags in lower case.
inline constexpr std::uint32_t kFormatVersion = 6;
// The oldest version this silk opens: a store of version 3 to 5 is read as it is (without the
// counts and the text index it lacks) and brought to version 6 by the first writable open.
inline constexpr std::uint32_t kOldestFormatVersion = 3;

// ---------------------------------------------------------------------------------------------
// Column families. RocksDB's own "default" family exists in every database and stays empty.

enum class Family : unsigned char {
  kId2Term,  // key: TermId (8 bytes big-endian); value: term record (see below)
  kTerm2Id,  // key: term record of an IRI or a literal; value: TermId (8 bytes big-endian)
  kSpog,     // quad keys (see QuadIndex); values empty
  kPosg,
  kOspg,
  kGspo,     // named-graph quads only
  kStats,  // statistics records (see below)
  kMeta,   // store-wide settings: the format version
  kText,   // the text index (see below); missing in stores before version 6
};
inline constexpr std::size_t kFamilyCount = 9;
inline constexpr std::array<std::string_view, kFamilyCount> kFamilyNames = {
    "id2term", "term2id", "spog", "posg", "ospg", "gspo", "stats", "meta", "text"};

constexpr std::string_view FamilyName(Family family) {
  return kFamilyNames[static_cast<std::size_t>(family)];
}

// ---------------------------------------------------------------------------------------------
// TermId: a 4-bit tag in the high bits and a 60-bit payload.

inline constexpr int kTagBits = 4;
inline constexpr int kPayloadBits = 60;
inline constexpr std::uint64_t kPayloadMask = (std::uint64_t{1} << kPayloadBits) - 1;

// Tags order ids of different kinds: blank nodes < IRIs < literals, as SPARQL orders them.
enum class TermTag : unsigned char {
  kDefaultGraph = 0,  // payload 0 only: the default graph (kDefaultGraphId == 0)
  // Dictionary terms: the payload is a sequence number shared by all three tags, starting at 1,
  // handed out in order and never reused once committed.
  kBlank = 1,    // a blank node; id2term holds kRecordBlank, term2id nothing
  kIri = 2,      // an IRI
  kLiteral = 3,  // a literal that is not inlined
  // Inlined literals: the payload is the value, order-preserving within the tag; see below.
  kBoolean = 4,
  kInteger = 5,
  kDecimal = 6,
  kDate = 7,
  kDateTime = 8,
  // 9..14 reserved.
  kQueryLocal = 15,  // never on disk: ids a query makes for terms the store lacks
};

// ---------------------------------------------------------------------------------------------
// Inlined literal payloads. A literal is inlined only when its lexical form is the one the
// decoder prints back (defined in term_codec.h); every other literal goes to the dictionary.
//
// kBoolean  "false" -> 0, "true" -> 1.
// kInteger  xsd:integer v in [kIntegerMin, kIntegerMax]; payload = v + 2^59 (sign bit flipped).
// kDecimal  xsd:decimal v = ±0.d1d2...dk × 10^E, d1 != 0, k <= kDecimalDigits,
//           E in [kDecimalMinExponent, kDecimalMaxExponent].
//           f = ((E - kDecimalMinExponent) << kDecimalMantissaBits) | M where M is d1..dk padded
//           with zeros to kDecimalDigits digits; payload = 2^59 + f for v > 0, 2^59 - f for v < 0,
//           2^59 for zero.
// kDate     payload = ((start_minute + kDateMinuteBias) << kTimezoneBits) | timezone_code, where
//           start_minute = minutes from 1970-01-01T00:00Z to the start of the day in its
//           timezone (no timezone: read as UTC).
// kDateTime payload = ((utc_millisecond + kDateTimeMilliBias) << kTimezoneBits) | timezone_code,
//           utc_millisecond counted from 1970-01-01T00:00:00Z (no timezone: read as UTC).
// Timezone code: 0 = none; otherwise 1 + (offset_minutes / 15 + 56), offsets in [-14:00, +14:00].
// Dates use the proleptic Gregorian calendar with a year 0 (XSD 1.1), years -9999..9999.

inline constexpr std::uint64_t kSignFlip = std::uint64_t{1} << 59;
inline constexpr std::int64_t kIntegerMin = -(std::int64_t{1} << 59);
inline constexpr std::int64_t kIntegerMax = (std::int64_t{1} << 59) - 1;

inline constexpr int kDecimalDigits = 16;
inline constexpr int kDecimalMantissaBits = 54;  // 10^16 < 2^54
inline constexpr int kDecimalMinExponent = -15;
inline constexpr int kDecimalMaxExponent = 16;  // 5 exponent bits: 32 values

inline constexpr int kTimezoneBits = 7;
inline constexpr int kTimezoneQuarterHours = 56;  // ±14:00
inline constexpr int kMinYear = -9999;
inline constexpr int kMaxYear = 9999;
inline constexpr std::int64_t kDateMinuteBias = std::int64_t{1} << 35;
inline constexpr std::int64_t kDateTimeMilliBias = std::int64_t{1} << 50;

// ---------------------------------------------------------------------------------------------
// Term records: the value in id2term, the term as first written. The key in term2id is the
// same record with the language tag in lower case (version 2), so tags match case-insensitively
// as RDF says. The first byte says the kind.

inline constexpr char kRecordIri = 'I';         // 'I' iri
inline constexpr char kRecordBlank = 'B';       // 'B' (id2term only; the label is the id)
inline constexpr char kRecordString = 'S';      // 'S' lexical                (xsd:string)
inline constexpr char kRecordLangString = 'L';  // 'L' varint(len) language lexical
inline constexpr char kRecordTyped = 'T';       // 'T' varint(len) datatype lexical

// ---------------------------------------------------------------------------------------------
// Quad keys: four TermIds, 8 bytes big-endian each, in the order the index names them, so
// byte order is id order and every bound leading position is a key prefix.
// spog, posg and ospg hold every quad; gspo only those whose graph is not the default graph
// (kDefaultGraphId), since it exists to seek by graph, and for the default graph it would be
// a copy of spog. Patterns with the default graph bound are served by the other three.

enum class QuadIndex : unsigned char { kSpog, kPosg, kOspg, kGspo };
inline constexpr std::size_t kIdSize = 8;
inline constexpr std::size_t kQuadKeySize = 4 * kIdSize;

// ---------------------------------------------------------------------------------------------
// Statistics records (family `stats`); every number is 8 bytes big-endian.

inline constexpr char kStatsTotals = 'T';     // 'T'            -> quads, terms
inline constexpr char kStatsPredicate = 'P';  // 'P' predicate  -> quads, subjects, objects
inline constexpr char kStatsGraph = 'G';      // 'G' graph      -> quads
inline constexpr char kStatsClass = 'C';      // 'C' class      -> quads of (rdf:type, class)
// 'O' predicate object -> quads, for each pair whose object is an IRI or a blank node (a
// literal object is nearly always one of a kind, and its pattern is counted by a short scan).
// These make `?x :p :o` estimated exactly and COUNT per object a look-up; the 'C' records
// repeat rdf:type's pairs for listing the classes without reading every pair.
inline constexpr char kStatsPair = 'O';
// Records whose counts fall to zero are deleted.
inline constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

// ---------------------------------------------------------------------------------------------
// The text index (family `text`, version 6): an inverted index of the words of literals.
//
// What is indexed: every string literal -- plain, xsd:string and rdf:langString (records 'S'
// and 'L') -- that is the object of at least one quad. A literal enters with the commit that
// gives it its first quad and leaves with the commit that removes its last; typed literals of
// other datatypes (numbers, dates, IRIs in strings) are not text and are never indexed.
// The words are made by engine/text/tokenizer.h from the literal and its language tag (the
// tag chooses the case folding and the stemmer), so a change there changes the format.
//
// 'W' term 0x00 literal(8)  -> varint(words of the literal) varint(n) n varint position deltas
//                              one entry per distinct index form in the literal
// 'P' part 0x00 literal(8)  -> the same value: German words of 10 letters or more, under each
//                              suffix of 5 letters or more (engine/text/compound_parts.h)
// 'T'                       -> literals(8) words(8): totals, for ranking
// Terms never contain 0x00, so a term's entries are the keys that start with 'W' term 0x00,
// in literal id order. Whether a literal is indexed needs no record of its own: it is exactly
// when ospg holds a quad with it as object.
inline constexpr std::uint32_t kTextIndexVersion = 6;  // the first version with the index
inline constexpr char kTextWord = 'W';
inline constexpr char kTextPart = 'P';
inline constexpr char kTextTotals = 'T';

// ---------------------------------------------------------------------------------------------
// Meta records (family `meta`).

inline constexpr std::string_view kMetaFormatVersion = "format_version";  // 4 bytes big-endian

// ---------------------------------------------------------------------------------------------
// A subdirectory of the store where a large commit prepares SST files before ingesting them
// atomically. Transient: whatever a crash leaves there is deleted on the next writable open.

inline constexpr std::string_view kIngestDirectory = "ingest.tmp";

// ---------------------------------------------------------------------------------------------
// Files of ours beside RocksDB's, in the store directory.

// The commit record: what the store held after its last commit, kept outside RocksDB so that a
// RocksDB file that lost a commit is noticed. Text, one `key value` a line (see
// commit_record.h); replaced whole (temporary file, fsync, rename) after every commit.
inline constexpr std::string_view kCommitRecordFile = "COMMITTED";
// Locked (flock) by the one process writing, which puts its pid and command in it.
inline constexpr std::string_view kWriterFile = "WRITER";

}  // namespace silk::storage::format
