// gazetteer: generates the CLDR-derived parts of the copydesk house word
// lists (dictionaries/countries.txt, places.txt, demonyms.txt) from the
// Unicode CLDR data shipped with ICU, and checks the word-list files.
//
// Build:
//   g++ -std=c++20 -O2 -o gazetteer gen.cpp $(pkg-config --cflags --libs icu-uc icu-i18n)
//
// Usage:
//   gazetteer countries     English names of countries and territories
//   gazetteer regions       English names of world regions and groupings
//   gazetteer languages     English names of languages
//   gazetteer cities        English exemplar cities of the time zones
//   gazetteer fold          read entries on stdin, print each entry and,
//                           where it differs, its ASCII-folded form
//   gazetteer update DIR    rewrite the generated sections of the word
//                           lists in DIR (between the BEGIN/END markers)
//   gazetteer check FILE... report unsorted sections, duplicate entries
//                           and malformed lines in word-list files
//
// Every list is printed one entry per line, UTF-8, sorted by byte value
// (the order of `LC_ALL=C sort`) and without duplicates. An entry with a
// typographic apostrophe is also given with a straight one, and an entry
// with letters outside ASCII is also given in its ASCII-folded form, as
// much news copy writes it ("Côte d’Ivoire", "Côte d'Ivoire",
// "Cote d'Ivoire").
//
// The data are those of the ICU library the program is linked with; the
// committed word lists were made with ICU 72.1 (Debian 12).

#include <unicode/locid.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/translit.h>
#include <unicode/tznames.h>
#include <unicode/uchar.h>
#include <unicode/udata.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace {

using icu::UnicodeString;
using Entries = std::set<std::string>;  // byte order == LC_ALL=C sort

[[noreturn]] void die(const std::string& msg) {
    std::cerr << "gazetteer: " << msg << "\n";
    std::exit(1);
}

void check(UErrorCode status, const char* what) {
    if (U_FAILURE(status)) die(std::string(what) + ": " + u_errorName(status));
}

std::string utf8(const UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

UnicodeString trim(const UnicodeString& s) {
    UnicodeString t(s);
    return t.trim();
}

// ASCII-folded form: diacritics removed, letters such as ł and ø mapped,
// typographic apostrophes and modifier letters turned into "'".
UnicodeString fold(const UnicodeString& s) {
    static std::unique_ptr<icu::Transliterator> latin_ascii = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(
            icu::Transliterator::createInstance("Latin-ASCII", UTRANS_FORWARD, status));
        check(status, "Latin-ASCII transliterator");
        return t;
    }();
    UnicodeString out(s);
    latin_ascii->transliterate(out);
    return out;
}

bool is_ascii(const UnicodeString& s) {
    for (int32_t i = 0; i < s.length(); ++i)
        if (s.charAt(i) > 0x7F) return false;
    return true;
}

// Adds an entry; where it has a typographic apostrophe, also the entry with
// a straight one ("Côte d'Ivoire"); where it has letters outside ASCII,
// also its ASCII-folded form ("Cote d'Ivoire").
void add(Entries& out, const UnicodeString& entry) {
    out.insert(utf8(entry));
    UnicodeString straight(entry);
    straight.findAndReplace(UnicodeString(u"\u2019"), UnicodeString(u"'"));
    straight.findAndReplace(UnicodeString(u"\u02BC"), UnicodeString(u"'"));
    out.insert(utf8(straight));
    UnicodeString folded = fold(entry);
    if (is_ascii(folded)) out.insert(utf8(folded));
}

// Turns one CLDR display name into zero or more word-list entries:
//   "Myanmar (Burma)"         -> "Myanmar"        (parenthetical dropped)
//   "Trinidad & Tobago"       -> "Trinidad and Tobago"
//   "Congo - Kinshasa"        -> "Congo"
//   "Beulah, North Dakota"    -> "Beulah", "North Dakota"
// Parts that are empty, start with a lowercase letter ("world"), contain
// digits or brackets, or are listed as not being names are dropped.
void add_name(Entries& out, const UnicodeString& display) {
    static const std::set<std::string> not_names = {
        "Unknown Region",
        "Unknown language",
        "Multiple languages",
        "No linguistic content",
        "Pseudo-Accents",
        "Pseudo-Bidi",
        // CLDR keeps the French spelling for Sogdian; English copy does not.
        "Sogdien",
    };
    UnicodeString s(display);
    // Drop parenthetical parts.
    for (;;) {
        int32_t open = s.indexOf(u'(');
        if (open < 0) break;
        int32_t close = s.indexOf(u')', open);
        if (close < 0) break;
        s.remove(open, close - open + 1);
    }
    s.findAndReplace(UnicodeString(u" & "), UnicodeString(u" and "));
    s.findAndReplace(UnicodeString(u"  "), UnicodeString(u" "));

    // " - " qualifies a name ("Congo - Kinshasa"): keep the name only.
    int32_t dash = s.indexOf(UnicodeString(u" - "));
    if (dash >= 0) s.truncate(dash);
    // ", " joins two names ("Kurdish, Sorani", "Knox, Indiana"): keep both.
    std::vector<UnicodeString> parts;
    UnicodeString rest = s;
    for (int32_t comma; (comma = rest.indexOf(UnicodeString(u", "))) >= 0;) {
        parts.push_back(UnicodeString(rest, 0, comma));
        rest = UnicodeString(rest, comma + 2);
    }
    parts.push_back(rest);
    for (const UnicodeString& p : parts) {
        UnicodeString part = trim(p);
        if (part.isEmpty() || !u_isupper(part.char32At(0))) continue;
        if (not_names.count(utf8(part))) continue;
        bool junk = false;
        for (int32_t i = 0; i < part.length(); ++i) {
            UChar c = part.charAt(i);
            if (u_isdigit(c) || c == u'(' || c == u')' || c == u'[' || c == u']') junk = true;
        }
        if (!junk) add(out, part);
    }
}

// One table of the CLDR locale data for English, e.g. ("region",
// "Countries%variant"), as code -> display name. Missing tables are empty.
std::map<std::string, UnicodeString> cldr_table(const char* tree, const char* table) {
    std::map<std::string, UnicodeString> result;
    UErrorCode status = U_ZERO_ERROR;
    std::string path = std::string(U_ICUDATA_NAME) + U_TREE_SEPARATOR_STRING + tree;
    UResourceBundle* bundle = ures_open(path.c_str(), "en", &status);
    check(status, "open CLDR data");
    UResourceBundle* t = ures_getByKey(bundle, table, nullptr, &status);
    if (U_SUCCESS(status)) {
        while (ures_hasNext(t)) {
            UErrorCode s2 = U_ZERO_ERROR;
            UResourceBundle* e = ures_getNextResource(t, nullptr, &s2);
            if (U_FAILURE(s2)) break;
            int32_t len = 0;
            const UChar* str = ures_getString(e, &len, &s2);
            if (U_SUCCESS(s2)) result[ures_getKey(e)] = UnicodeString(str, len);
            ures_close(e);
        }
        ures_close(t);
    }
    ures_close(bundle);
    return result;
}

bool is_alpha2(const std::string& code) {
    return code.size() == 2 && std::isupper(static_cast<unsigned char>(code[0])) &&
           std::isupper(static_cast<unsigned char>(code[1]));
}

// Codes in the CLDR region table that are not countries or territories.
bool is_grouping(const std::string& code) {
    static const std::set<std::string> groupings = {"EU", "EZ", "UN", "QO"};
    return groupings.count(code) > 0;
}

bool is_placeholder_region(const std::string& code) {
    return code == "ZZ" || code == "XA" || code == "XB";
}

Entries countries() {
    Entries out;
    const icu::Locale& en = icu::Locale::getEnglish();
    std::set<std::string> codes;
    for (const char* const* c = icu::Locale::getISOCountries(); *c; ++c) codes.insert(*c);
    // CLDR also names territories with exceptional or user-assigned codes
    // (Kosovo, Canary Islands, Ascension Island, ...).
    for (const auto& [code, name] : cldr_table("region", "Countries"))
        if (is_alpha2(code)) codes.insert(code);
    for (const std::string& code : codes) {
        if (is_grouping(code) || is_placeholder_region(code)) continue;
        UnicodeString name;
        icu::Locale("", code.c_str()).getDisplayCountry(en, name);
        if (name != UnicodeString::fromUTF8(code)) add_name(out, name);
    }
    for (const char* alt : {"Countries%short", "Countries%variant"})
        for (const auto& [code, name] : cldr_table("region", alt))
            if (is_alpha2(code) && !is_grouping(code) && !is_placeholder_region(code))
                add_name(out, name);
    return out;
}

Entries regions() {
    Entries out;
    for (const char* table : {"Countries", "Countries%short", "Countries%variant"})
        for (const auto& [code, name] : cldr_table("region", table))
            if ((!is_alpha2(code) || is_grouping(code)) && !is_placeholder_region(code))
                add_name(out, name);
    return out;
}

Entries languages() {
    Entries out;
    const icu::Locale& en = icu::Locale::getEnglish();
    for (const char* const* c = icu::Locale::getISOLanguages(); *c; ++c) {
        UnicodeString name;
        icu::Locale(*c).getDisplayLanguage(en, name);
        if (name != UnicodeString::fromUTF8(*c)) add_name(out, name);
    }
    // The full CLDR table also has languages without an ISO 639-1/2 code
    // and regional forms ("British English", "Dari", "Flemish").
    for (const char* table : {"Languages", "Languages%short", "Languages%variant"})
        for (const auto& [code, name] : cldr_table("lang", table)) add_name(out, name);
    return out;
}

Entries cities() {
    Entries out;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::TimeZoneNames> names(
        icu::TimeZoneNames::createInstance(icu::Locale::getEnglish(), status));
    check(status, "TimeZoneNames");
    std::unique_ptr<icu::StringEnumeration> ids(icu::TimeZone::createTimeZoneIDEnumeration(
        UCAL_ZONE_TYPE_CANONICAL_LOCATION, nullptr, nullptr, status));
    check(status, "time zone enumeration");
    while (const UnicodeString* id = ids->snext(status)) {
        UnicodeString city;
        names->getExemplarLocationName(*id, city);
        if (!city.isBogus() && !city.isEmpty()) add_name(out, city);
    }
    check(status, "time zone enumeration");
    return out;
}

Entries generate(const std::string& kind) {
    if (kind == "countries") return countries();
    if (kind == "regions") return regions();
    if (kind == "languages") return languages();
    if (kind == "cities") return cities();
    die("unknown list: " + kind);
}

void print(const Entries& entries, std::ostream& os) {
    for (const std::string& e : entries) os << e << "\n";
}

std::vector<std::string> read_lines(const std::string& path) {
    std::ifstream in(path);
    if (!in) die("cannot read " + path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// Replaces the lines between "# BEGIN generated: gazetteer KIND" and
// "# END generated: gazetteer KIND" with the freshly generated list.
void update_file(const std::string& path) {
    std::vector<std::string> lines = read_lines(path);
    std::vector<std::string> out;
    const std::string begin = "# BEGIN generated: gazetteer ";
    const std::string end = "# END generated: gazetteer ";
    int replaced = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
        out.push_back(lines[i]);
        if (lines[i].rfind(begin, 0) != 0) continue;
        std::string kind = lines[i].substr(begin.size());
        size_t j = i + 1;
        while (j < lines.size() && lines[j] != end + kind) ++j;
        if (j == lines.size()) die(path + ": no end marker for " + kind);
        for (const std::string& e : generate(kind)) out.push_back(e);
        out.push_back(lines[j]);
        i = j;
        ++replaced;
    }
    std::ofstream os(path, std::ios::trunc);
    for (const std::string& l : out) os << l << "\n";
    if (!os) die("cannot write " + path);
    std::cerr << path << ": " << replaced << " generated section(s) updated\n";
}

bool is_entry(const std::string& line) {
    return !line.empty() && line[0] != '#' && line.find_first_not_of(" \t\r") != std::string::npos;
}

// Reports problems; returns the number found.
int check_file(const std::string& path) {
    std::vector<std::string> lines = read_lines(path);
    int problems = 0;
    std::map<std::string, size_t> seen;
    std::string prev;
    auto report = [&](size_t n, const std::string& msg) {
        std::cerr << path << ":" << n << ": " << msg << "\n";
        ++problems;
    };
    for (size_t i = 0; i < lines.size(); ++i) {
        const std::string& line = lines[i];
        const size_t n = i + 1;
        if (!line.empty() && line[0] == '#') {
            prev.clear();  // a comment line starts a new section
            continue;
        }
        if (!is_entry(line)) continue;
        UnicodeString u = UnicodeString::fromUTF8(line);
        if (utf8(u) != line) report(n, "not valid UTF-8");
        if (trim(u) != u || line.find("  ") != std::string::npos ||
            line.find('\t') != std::string::npos)
            report(n, "stray whitespace: '" + line + "'");
        if (line.find_first_of("()[]{};|") != std::string::npos)
            report(n, "unexpected character: '" + line + "'");
        if (!prev.empty() && line < prev)
            report(n, "not sorted: '" + line + "' after '" + prev + "'");
        auto [it, fresh] = seen.emplace(line, n);
        if (!fresh)
            report(n, "duplicate of line " + std::to_string(it->second) + ": '" + line + "'");
        prev = line;
    }
    return problems;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        std::cerr << "usage: gazetteer countries|regions|languages|cities|fold\n"
                     "       gazetteer update DIR\n"
                     "       gazetteer check FILE...\n";
        return 2;
    }
    const std::string& cmd = args[0];
    if (cmd == "fold") {
        Entries out;
        for (std::string line; std::getline(std::cin, line);)
            if (is_entry(line)) add(out, trim(UnicodeString::fromUTF8(line)));
        print(out, std::cout);
    } else if (cmd == "update") {
        if (args.size() != 2) die("usage: gazetteer update DIR");
        for (const char* f : {"countries.txt", "places.txt", "demonyms.txt"})
            update_file(args[1] + "/" + f);
    } else if (cmd == "check") {
        int problems = 0;
        for (size_t i = 1; i < args.size(); ++i) problems += check_file(args[i]);
        if (problems) {
            std::cerr << problems << " problem(s)\n";
            return 1;
        }
    } else {
        print(generate(cmd), std::cout);
    }
    return 0;
}
