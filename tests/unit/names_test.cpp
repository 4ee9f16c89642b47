#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "config/names_loader.hpp"
#include "markup/reader.hpp"
#include "rules/linter.hpp"
#include "spell/speller.hpp"
#include "text/romanize.hpp"
#include "text/tokens.hpp"

using namespace copydesk;
namespace fs = std::filesystem;

namespace {

const fs::path kNamesDir = fs::path(COPYDESK_SOURCE_DIR) / "dictionaries" / "names";

const names::Database& shipped() {
    static const std::shared_ptr<const names::Database> db = [] {
        auto loaded = config::load_names(kNamesDir);
        if (auto* why = std::get_if<std::string>(&loaded)) FAIL(*why);
        return std::get<std::shared_ptr<const names::Database>>(loaded);
    }();
    return *db;
}

const std::string kProfiles = R"(
profiles:
  - {id: ap, label: AP, guide: "AP Stylebook", checked: "2024-06"}
  - {id: bbc, label: BBC, guide: "BBC News Style Guide", checked: "2024-06"}
)";

// Builds a database from YAML text (with two profiles); the error when it does not build.
std::variant<std::shared_ptr<const names::Database>, std::string> build(
    const std::string& yaml, bool with_profiles = true, const std::string& local = {}) {
    names::Data data;
    std::string error;
    if (with_profiles && !config::parse_names_yaml(kProfiles, "profiles.yaml", data, error)) {
        return error;
    }
    if (!config::parse_names_yaml(yaml, "test.yaml", data, error)) return error;
    if (!config::parse_names_yaml(local, "local.yaml", data, error)) return error;
    return names::Database::build(std::move(data));
}

std::shared_ptr<const names::Database> build_ok(const std::string& yaml,
                                                const std::string& local = {}) {
    auto built = build(yaml, true, local);
    if (auto* why = std::get_if<std::string>(&built)) FAIL(*why);
    return std::get<std::shared_ptr<const names::Database>>(built);
}

std::string build_error(const std::string& yaml, bool with_profiles = true) {
    auto built = build(yaml, with_profiles);
    if (auto* why = std::get_if<std::string>(&built)) return *why;
    return "(built without error)";
}

struct Found {
    std::string text;
    std::string entry;
    bool exception;
    std::vector<std::string> parts;  // the text of each use
};

std::vector<Found> find(const names::Database& db, const std::string& text) {
    text::Segmenter segmenter;
    const text::Analysis a = segmenter.analyze(text);
    std::vector<Found> out;
    for (const names::Mention& m : db.find(text, a.tokens)) {
        Found f{
            text.substr(m.span.begin, m.span.size()), db.entries()[m.entry].id, m.exception, {}};
        for (const auto& use : m.uses)
            f.parts.push_back(text.substr(use.span.begin, use.span.size()));
        out.push_back(std::move(f));
    }
    return out;
}

const std::string kSmall = R"(
entries:
  - id: kyiv
    kind: place
    native: {uk: Київ}
    name: Kyiv
    variants:
      - {form: Kiev, status: dated, retired: true, note: "the dated Russian-derived form"}
    except: ["Chicken Kiev"]
    source: test
  - id: zelensky
    kind: person
    native: {uk: Володимир Зеленський}
    given: Volodymyr
    surname: {ap: Zelenskyy, bbc: Zelensky}
    variants:
      - {given: Vladimir, status: other-system, retired: true, note: "the Russian form of his first name"}
      - {surname: Zelenskiy, status: other-system, note: "the Reuters spelling"}
    source: test
  - id: al-qaeda
    kind: organisation
    name: {ap: al-Qaida, bbc: al-Qaeda}
    variants:
      - {form: "al-Qa'ida", status: other-system, note: "the UK government spelling"}
    source: test
  - id: sisi
    kind: person
    given: Abdel Fattah
    surname: {ap: el-Sissi, bbc: al-Sisi}
    source: test
  - id: xian
    kind: place
    name: "Xi'an"
    variants:
      - {form: Xian, status: other-system, note: "the spelling without the apostrophe"}
    source: test
  - id: bombay
    kind: place
    name: Mumbai
    variants:
      - {form: Bombay, status: historic, note: "the city's name until 1995"}
    source: test
)";

}  // namespace

// ---------------------------------------------------------------- text helpers

TEST_CASE("fold_to_ascii drops diacritics and maps special letters", "[names][text]") {
    CHECK(text::fold_to_ascii("Erdoğan") == "Erdogan");
    CHECK(text::fold_to_ascii("Wałęsa") == "Walesa");
    CHECK(text::fold_to_ascii("Əliyev") == "Aliyev");
    CHECK(text::fold_to_ascii("Zelensʹkyy") == "Zelens'kyy");
    CHECK(text::fold_to_ascii("Kyiv") == "Kyiv");
    CHECK(text::fold_to_ascii("Київ") == "Київ");  // other scripts are kept
}

TEST_CASE("romanization keys equate common alternations", "[names][text]") {
    using text::romanization_key;
    const std::string zelensky = romanization_key("Zelensky");
    for (const char* v : {"Zelenskyy", "Zelenskiy", "Zelenskyi", "Zelenskii", "Zelenskij",
                          "ZELENSKYY", "Zelens'kyy"}) {
        INFO(v);
        CHECK(romanization_key(v) == zelensky);
    }
    CHECK(romanization_key("Tsikhanouskaya") == romanization_key("Tsikhanovskaya"));
    CHECK(romanization_key("Tsikhanouskaya") == romanization_key("Tsikhanowskaya"));
    CHECK(romanization_key("Kharkiv") == romanization_key("Harkiv"));
    CHECK(romanization_key("Japarov") == romanization_key("Zhaparov"));
    CHECK(romanization_key("Khan Younis") == romanization_key("Khan Yunis"));
    CHECK(romanization_key("Gaddafi") == romanization_key("Gadafi"));
    CHECK(romanization_key("Yerevan") == romanization_key("Erevan"));
    // Different names stay apart.
    CHECK(romanization_key("Navalny") != romanization_key("Navalnaya"));
    CHECK(romanization_key("Kyiv") != romanization_key("Kiev"));
    CHECK(romanization_key("Lukashenko") != romanization_key("Lukashenka"));
}

namespace {

// romanization_key as first written, one string a step: the reference the faster one must
// equal.
std::string reference_romanization_key(std::string_view word) {
    const auto vowel = [](char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    };
    const auto starts = [](std::string_view s, std::size_t i, std::string_view what) {
        return s.substr(i, what.size()) == what;
    };
    std::string s;
    for (char c : text::fold_to_ascii(word)) {
        if (c >= 'A' && c <= 'Z') {
            s += static_cast<char>(c - 'A' + 'a');
        } else if ((c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80) {
            s += c;
        }
    }
    if (s.starts_with("ye")) s.erase(0, 1);
    std::string t;
    for (std::size_t i = 0; i < s.size();) {
        const char c = s[i];
        const char next = i + 1 < s.size() ? s[i + 1] : '\0';
        auto emit = [&](std::string_view to, std::size_t consumed) {
            t += to;
            i += consumed;
        };
        switch (c) {
            case 's':
                if (starts(s, i, "shch")) {
                    emit("sh", 4);
                } else if (starts(s, i, "sch")) {
                    emit("sh", 3);
                } else {
                    emit("s", 1);
                }
                continue;
            case 'd':
                if (starts(s, i, "dzh")) {
                    emit("J", 3);
                } else if (next == 'j') {
                    emit("J", 2);
                } else if (next == 'h') {
                    emit("d", 2);
                } else {
                    emit("d", 1);
                }
                continue;
            case 'z':
                emit(next == 'h' ? "J" : "z", next == 'h' ? 2 : 1);
                continue;
            case 'k':
                emit(next == 'h' ? "h" : "k", next == 'h' ? 2 : 1);
                continue;
            case 't':
                emit(next == 's' || next == 'z' ? "c" : "t", next == 's' || next == 'z' ? 2 : 1);
                continue;
            case 'p':
                emit(next == 'h' ? "f" : "p", next == 'h' ? 2 : 1);
                continue;
            case 'c':
                emit(next == 'k' ? "k" : "c", next == 'k' ? 2 : 1);
                continue;
            case 'o':
                if (next == 'u' || next == 'o') {
                    emit("u", 2);
                } else if (next == 'e') {
                    emit("o", 2);
                } else {
                    emit("o", 1);
                }
                continue;
            case 'e':
                emit(next == 'e' ? "i" : "e", next == 'e' ? 2 : 1);
                continue;
            case 'u':
                emit("u", next == 'e' ? 2 : 1);
                continue;
            case 'a':
                emit("a", next == 'e' ? 2 : 1);
                continue;
            case 'q':
                emit("k", 1);
                continue;
            case 'w':
                emit("v", 1);
                continue;
            case 'x':
                emit("ks", 1);
                continue;
            case 'y':
                emit("i", 1);
                continue;
            case 'j': {
                const bool like_y = (!t.empty() && vowel(t.back())) || i + 1 == s.size();
                emit(like_y ? "i" : "J", 1);
                continue;
            }
            default:
                emit(std::string_view(&s[i], 1), 1);
        }
    }
    std::string u;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] == 'o' && i + 2 < t.size() && t[i + 1] == 'v' && !vowel(t[i + 2])) {
            u += 'u';
            ++i;
            continue;
        }
        u += t[i];
    }
    u.erase(std::unique(u.begin(), u.end()), u.end());
    if (u.size() > 2 && u.back() == 'h' && vowel(u[u.size() - 2])) u.pop_back();
    std::replace(u.begin(), u.end(), 'J', 'j');
    return u;
}

}  // namespace

TEST_CASE("romanization keys equal the step-by-step reference", "[names][text]") {
    // Pieces that trigger every rule of the key, and its edges: 'ye' first, a final 'j' or
    // 'h', 'ov' at the end, capitals, marks, other scripts and words longer than 64 bytes.
    const std::vector<std::string> pieces{
        "s", "h",        "c", "d", "z",  "j",    "k",   "t",   "p",  "o",  "u",  "e",  "a",
        "q", "w",        "x", "y", "v",  "i",    "n",   "Y",   "E",  "S",  "H",  "D",  "Z",
        "J", "O",        "V", "'", "-",  " ",    "7",   "ß",   "ł",  "é",  "Ü",  "и",  "ʺ",
        "ʼ", "\xCC\x81", "þ", "Ə", "ye", "shch", "sch", "dzh", "ov", "ou", "ee", "kh", "ts"};
    std::uint32_t state = 12345;
    const auto next = [&] {
        state = state * 1664525U + 1013904223U;
        return state >> 8;
    };
    for (int n = 0; n < 20000; ++n) {
        std::string word;
        const std::size_t parts = next() % (n % 10 == 0 ? 60 : 12);
        for (std::size_t k = 0; k < parts; ++k) word += pieces[next() % pieces.size()];
        INFO(word);
        REQUIRE(text::romanization_key(word) == reference_romanization_key(word));
    }
    for (const char* w : {"Yerevan", "ye", "y", "Zelenskyy", "Tsikhanouskaya", "Abdullah",
                          "Shcherbakov", "Dzhokhar", "Ov", "Khrushchev", "Xi", "Gaj"}) {
        CHECK(text::romanization_key(w) == reference_romanization_key(w));
    }
}

TEST_CASE("edit distance counts transpositions and stops at the limit", "[names][text]") {
    CHECK(text::edit_distance("cihanuskaia", "cihanuskaia", 2) == 0);
    CHECK(text::edit_distance("kharkiv", "kharkov", 2) == 1);
    CHECK(text::edit_distance("abcd", "abdc", 2) == 1);
    CHECK(text::edit_distance("lukashenko", "lukashenka", 1) == 1);
    CHECK(text::edit_distance("navalny", "navalnaya", 1) == 2);  // limit + 1
    CHECK(text::edit_distance("", "abc", 5) == 3);
}

TEST_CASE("ICU transliterators romanize native forms", "[names][text]") {
    text::Romanizer romanizer;
    std::string error;
    auto uk = romanizer.romanize("Володимир Зеленський", "uk", error);
    CHECK(error.empty());
    REQUIRE(uk.size() == 2);
    CHECK(uk[0].system == "Ukrainian-Latin/BGN");
    CHECK(uk[0].latin == "Volodymyr Zelenskyy");
    CHECK(uk[1].system == "Any-Latin");
    CHECK(uk[1].latin == "Volodimir Zelenskij");

    auto ru = romanizer.romanize("Светлана Тихановская", "ru", error);
    REQUIRE_FALSE(ru.empty());
    CHECK(ru[0].latin == "Svetlana Tikhanovskaya");

    auto be = romanizer.romanize("Святлана Ціханоўская", "be", error);
    REQUIRE_FALSE(be.empty());
    CHECK(be[0].latin == "Svyatlana Tsikhanowskaya");

    CHECK(romanizer.romanize("北京", "zh", error).empty());  // no system for Chinese
    CHECK(text::romanization_systems("zh").empty());
}

// ---------------------------------------------------------------- matching

TEST_CASE("names are matched as phrases over tokens", "[names]") {
    auto db = build_ok(kSmall);
    auto found = find(*db, "Vladimir Zelensky went to Kiev.");
    REQUIRE(found.size() == 2);
    CHECK(found[0].text == "Vladimir Zelensky");
    CHECK(found[0].entry == "zelensky");
    CHECK(found[0].parts == std::vector<std::string>{"Vladimir", "Zelensky"});
    CHECK(found[1].text == "Kiev");

    // A line break inside a name, a possessive, upper case.
    found = find(*db, "Volodymyr\nZelenskyy’s aides left KIEV.");
    REQUIRE(found.size() == 2);
    CHECK(found[0].parts == std::vector<std::string>{"Volodymyr", "Zelenskyy"});
    CHECK(found[1].text == "KIEV");

    // A surname alone; a given name alone is not a mention.
    found = find(*db, "Zelenskiy spoke. Vladimir Putin did not.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].text == "Zelenskiy");
}

TEST_CASE("exceptions, case and compounds", "[names]") {
    auto db = build_ok(kSmall);
    auto found = find(*db, "She ordered Chicken Kiev in a Kiev-based cafe.");
    REQUIRE(found.size() == 2);
    CHECK(found[0].text == "Chicken Kiev");
    CHECK(found[0].exception);
    CHECK(found[1].text == "Kiev");
    CHECK_FALSE(found[1].exception);

    CHECK(find(*db, "a kiev recipe").empty());  // a capitalized name does not match lower case

    found = find(*db, "Al-Qaida and al‑Qa’ida differ from Al Qaida.");  // U+2011, U+2019
    REQUIRE(found.size() == 2);
    CHECK(found[0].text == "Al-Qaida");
    CHECK(found[1].text == "al‑Qa’ida");

    found = find(*db, "From Xi'an and Xi’an to Xian.");
    REQUIRE(found.size() == 3);
    CHECK(found[2].text == "Xian");
}

TEST_CASE("a leading article is optional on a surname", "[names]") {
    auto db = build_ok(kSmall);
    auto found = find(*db, "Abdel Fattah al-Sisi met aides. Sisi later spoke.");
    REQUIRE(found.size() == 2);
    CHECK(found[0].parts == std::vector<std::string>{"Abdel Fattah", "al-Sisi"});
    CHECK(found[1].text == "Sisi");
    CHECK(names::compare_key("al-Sisi", names::Part::Surname) ==
          names::compare_key("Sisi", names::Part::Surname));
    CHECK(names::fit_particle("Sisi", "el-Sissi") == "Sissi");
    CHECK(names::fit_particle("al-Sisi", "el-Sissi") == "el-Sissi");
}

TEST_CASE("only the words that may start a name need trying", "[names]") {
    auto db = build_ok(kSmall);
    const std::string text =
        "Vladimir Zelensky’s aides in Kiev met Abdel Fattah al-Sisi; Chicken Kiev, kiev and "
        "Xi'an's mayor. Sisi's aides.";
    text::Segmenter segmenter;
    const text::Analysis a = segmenter.analyze(text);
    std::vector<std::uint32_t> every_word;
    for (std::uint32_t i = 0; i < a.tokens.size(); ++i) {
        if (a.tokens[i].kind == text::TokenKind::Word) every_word.push_back(i);
    }
    const auto tried_all = db->find(text, a.tokens, every_word);
    const auto tried_some = db->find(text, a.tokens);  // the words may_start_name passes
    REQUIRE(tried_all.size() == 6);
    REQUIRE(tried_some.size() == tried_all.size());
    for (std::size_t i = 0; i < tried_all.size(); ++i) {
        CHECK(tried_some[i].entry == tried_all[i].entry);
        CHECK(tried_some[i].span.begin == tried_all[i].span.begin);
        CHECK(tried_some[i].span.end == tried_all[i].span.end);
        CHECK(tried_some[i].uses.size() == tried_all[i].uses.size());
    }
    CHECK(db->may_start_name("Zelensky’s"));
    CHECK(db->may_start_name("kiev"));  // case is checked after the walk
    CHECK_FALSE(db->may_start_name("aides"));
    CHECK_FALSE(db->may_start_name("Fattah"));  // inside a name, never at its start
}

// ---------------------------------------------------------------- judging

TEST_CASE("judgements per profile", "[names]") {
    auto db = build_ok(kSmall);
    const auto ap = db->profile_index("ap");
    const auto bbc = db->profile_index("bbc");
    REQUIRE(ap);
    REQUIRE(bbc);
    text::Segmenter segmenter;
    auto first_use = [&](const std::string& text) {
        const auto a = segmenter.analyze(text);
        const auto mentions = db->find(text, a.tokens);
        REQUIRE_FALSE(mentions.empty());
        return mentions.front().uses.back().form;
    };

    // Kiev: retired, so flagged with no profile and under every profile; the fix is safe.
    auto j = db->judge(first_use("Kiev"), std::nullopt);
    CHECK(j.flagged);
    CHECK(j.replacement == "Kyiv");
    CHECK(j.why == "the dated Russian-derived form");
    CHECK(j.safe);

    // Zelensky: the BBC form, not AP's; not flagged with no profile.
    const auto zelensky = first_use("Zelensky");
    CHECK_FALSE(db->judge(zelensky, std::nullopt).flagged);
    CHECK_FALSE(db->judge(zelensky, bbc).flagged);
    j = db->judge(zelensky, ap);
    CHECK(j.flagged);
    CHECK(j.replacement == "Zelenskyy");
    CHECK(j.why == "the BBC spelling");
    CHECK(j.safe);

    // Bombay: historic, never fixed automatically.
    j = db->judge(first_use("Bombay"), ap);
    CHECK(j.flagged);
    CHECK(j.status == names::Status::Historic);
    CHECK_FALSE(j.safe);
    CHECK_FALSE(db->judge(first_use("Bombay"), std::nullopt).flagged);
}

TEST_CASE("spellings the data does not list are linked by romanization", "[names]") {
    auto db = build_ok(kSmall);
    auto match = db->by_romanization("Zelenskii");
    REQUIRE(match);
    CHECK(db->entries()[match->entry].id == "zelensky");
    CHECK(match->part == names::Part::Surname);
    CHECK_FALSE(db->by_romanization("Zelenska"));
    CHECK_FALSE(db->by_romanization("Kiv"));  // too short to link
}

// ---------------------------------------------------------------- loading and validation

TEST_CASE("names data errors name the file, line and what is wrong", "[names][config]") {
    using Catch::Matchers::Contains;
    CHECK_THAT(build_error("entries:\n  - id: x\n    kind: place\n    name: X\n    sourse: y\n"),
               Contains("test.yaml:5:5: an entry: unknown key 'sourse'"));
    CHECK_THAT(build_error("entries:\n  - id: x\n    kind: town\n    name: X\n    source: y\n"),
               Contains("test.yaml:3:11: kind must be"));
    CHECK_THAT(build_error("entries:\n  - id: x\n    kind: place\n    name: X\n"),
               Contains("test.yaml:2:5: entry 'x': needs a source"));
    CHECK_THAT(build_error("entries:\n  - id: x\n    kind: place\n    name: X\n    source: s\n"
                           "    variants:\n      - {form: Y, note: n}\n"),
               Contains("test.yaml:7:9: a variant of 'x' 'Y': needs a status"));
    CHECK_THAT(build_error("entries:\n  - id: x\n    kind: place\n    name: X\n    source: s\n"
                           "    variants:\n      - {form: Y, status: dated}\n"),
               Contains("needs a note saying why"));
    CHECK_THAT(build_error("entries:\n  - id: x\n    kind: place\n    name: X\n    source: s\n"
                           "    variants:\n      - {form: Y, status: old, note: n}\n"),
               Contains("status must be wrong, dated, other-system or historic"));
    CHECK_THAT(build_error("entries:\n  - {id: x, kind: place, name: X, source: s}\n"
                           "  - {id: x, kind: place, name: Z, source: s}\n"),
               Contains("test.yaml:3: entry 'x' is already defined at test.yaml:2"));
    CHECK_THAT(
        build_error("entries:\n  - id: x\n    kind: place\n    name: {ap: X, bbc: Y}\n"
                    "    source: s\n    variants:\n      - {form: Y, status: dated, note: n}\n"),
        Contains("variant 'Y' is also one of its name forms"));
    CHECK_THAT(
        build_error("entries:\n  - {id: x, kind: place, name: {ap: X, cnn: Y}, source: s}\n"),
        Contains("unknown profile 'cnn'"));
    CHECK_THAT(build_error("entries:\n  - {id: x, kind: place, name: {ap: X}, source: s}\n"),
               Contains("no name for profile 'bbc' and no default"));
    CHECK_THAT(build_error("entries:\n  - {id: x, kind: place, name: Georgia, source: s}\n"
                           "  - {id: y, kind: place, name: Georgia, source: s}\n"),
               Contains("'Georgia' is also a spelling of entry 'x'"));
    CHECK_THAT(build_error("entries:\n  - {extend: nowhere, name: {ap: X}}\n"),
               Contains("extend names no entry 'nowhere'"));
    CHECK_THAT(build_error("entries:\n  - {id: x, kind: place, name: X, source: s\n"),
               Contains("test.yaml:3:1: "));
    CHECK_THAT(build_error("profiles:\n  - {id: ap, label: A, guide: g, checked: c}\n", true),
               Contains("profile 'ap' is defined twice"));
    CHECK_THAT(
        build_error("profiles:\n  - {id: me, label: Me, guide: g, checked: c, based_on: nyt}\n"),
        Contains("based_on names an unknown profile 'nyt'"));
    CHECK_THAT(build_error("entries:\n  - {id: X, kind: place, name: X, source: s}\n"),
               Contains("must be lower-case letters, digits and hyphens"));
}

TEST_CASE("a newsroom profile and extensions of shipped entries", "[names][config]") {
    auto db = build_ok(kSmall, R"(
profiles:
  - {id: gazette, label: Gazette, based_on: bbc, guide: "Gazette style sheet", checked: "2025-01"}
entries:
  - extend: zelensky
    surname: {gazette: Zelenskyy}
    source: "Gazette style sheet"
  - extend: kyiv
    except: ["Kiev Ballet"]
)");
    const auto gazette = db->profile_index("gazette");
    REQUIRE(gazette);
    CHECK(db->canonical(1, names::Part::Surname, gazette) == "Zelenskyy");
    CHECK(db->canonical(2, names::Part::Name, gazette) == "al-Qaeda");  // from bbc
    auto found = find(*db, "The Kiev Ballet toured.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].exception);
}

TEST_CASE("transliterations.tsv round-trips and rejects bad rows", "[names][config]") {
    const std::vector<names::Generated> rows{{"kyiv", "Ukrainian-Latin/BGN", "Київ", "Kyyiv"},
                                             {"kyiv", "Any-Latin", "Київ", "Kiiv"}};
    std::vector<names::Generated> back;
    std::string error;
    REQUIRE(config::parse_transliterations(config::format_transliterations(rows), "t.tsv", back,
                                           error));
    REQUIRE(back.size() == 2);
    CHECK(back[1].latin == "Kiiv");
    back.clear();
    CHECK_FALSE(
        config::parse_transliterations("# header\nkyiv\tAny-Latin\n", "t.tsv", back, error));
    CHECK(error == "t.tsv:2: expected 4 tab-separated fields");
}

// ---------------------------------------------------------------- the shipped data

TEST_CASE("the shipped names database", "[names][data]") {
    const names::Database& db = shipped();
    CHECK(db.entries().size() >= 150);
    std::set<std::string> ids;
    for (const names::Profile& p : db.profiles()) {
        ids.insert(p.id);
        CHECK_FALSE(p.guide.empty());
        CHECK_FALSE(p.checked.empty());
    }
    CHECK(ids == std::set<std::string>{"ap", "bbc", "guardian", "reuters"});
    std::set<names::Kind> kinds;
    for (const names::Entry& e : db.entries()) {
        INFO(e.id);
        CHECK_FALSE(e.source.empty());
        kinds.insert(e.kind);
        for (const names::Variant& v : e.variants) CHECK_FALSE(v.note.empty());
    }
    CHECK(kinds.count(names::Kind::Person) == 1);
    CHECK(kinds.count(names::Kind::Place) == 1);
    CHECK(kinds.count(names::Kind::Organisation) == 1);
}

TEST_CASE("transliterations.tsv is current", "[names][data]") {
    // COPYDESK_UPDATE_NAMES=1 rewrites the file from the YAML (then review the diff).
    const names::Database& db = shipped();
    std::string error;
    const auto rows = config::romanize_entries(db.entries(), error);
    REQUIRE(error.empty());
    const std::string expected = config::format_transliterations(rows);
    const fs::path file = kNamesDir / "transliterations.tsv";
    if (const char* update = std::getenv("COPYDESK_UPDATE_NAMES");
        update && std::string(update) == "1") {
        std::ofstream(file, std::ios::binary) << expected;
    }
    std::ifstream in(file, std::ios::binary);
    std::stringstream actual;
    actual << in.rdbuf();
    INFO("regenerate with COPYDESK_UPDATE_NAMES=1 ctest --preset dev -R transliterations");
    CHECK(actual.str() == expected);
}

TEST_CASE("house word lists agree with the names database", "[names][data]") {
    // Forms marked wrong are not accepted silently by spelling; every other listed form is.
    auto house = std::make_shared<spell::WordList>();
    std::string error;
    REQUIRE(house->load_directory((kNamesDir.parent_path()).string(), error));
    const names::Database& db = shipped();
    // The lists as shipped: no single-word form marked wrong.
    for (const names::Entry& e : db.entries()) {
        for (const names::Variant& v : e.variants) {
            INFO(e.id << ": wrong form '" << v.form << "' is in a house list");
            if (v.status == names::Status::Wrong && v.form.find(' ') == std::string::npos) {
                CHECK_FALSE(house->contains(v.form));
            }
        }
    }
    // As a run uses them: with every spelling the database accepts.
    config::add_names_to_word_list(db, *house);
    auto found = spell::find_dictionary("en_US");
    REQUIRE(std::holds_alternative<spell::DictionaryFiles>(found));
    spell::SpellChecker speller(spell::make_hunspell(std::get<spell::DictionaryFiles>(found)),
                                house);
    text::Segmenter segmenter;
    for (const names::Entry& e : db.entries()) {
        for (const names::Variant& v : e.variants) {
            INFO(e.id << ": wrong form '" << v.form << "' is accepted");
            if (v.status == names::Status::Wrong && v.form.find(' ') == std::string::npos) {
                CHECK_FALSE(house->contains(v.form));
            }
        }
    }
    // Every other listed form, word by word.
    for (const names::Entry& e : db.entries()) {
        std::vector<std::string> forms;
        for (const names::Styled* s : {&e.name, &e.given, &e.surname}) {
            if (!s->fallback.empty()) forms.push_back(s->fallback);
            for (const auto& [p, form] : s->by_profile) forms.push_back(form);
        }
        for (const names::Variant& v : e.variants) {
            if (v.status != names::Status::Wrong) forms.push_back(v.form);
        }
        for (const std::string& form : forms) {
            const auto a = segmenter.analyze(form);
            for (const text::Token& t : a.tokens) {
                if (t.kind != text::TokenKind::Word) continue;
                const std::string word = form.substr(t.span.begin, t.span.size());
                // Short parts of compounds ("Jong-un") are known within their compound only.
                const bool in_compound = (t.span.begin > 0 && form[t.span.begin - 1] == '-') ||
                                         (t.span.end < form.size() && form[t.span.end] == '-');
                if (word.size() < 2 || (word.size() < 3 && in_compound)) continue;
                INFO(e.id << ": '" << word << "' of '" << form << "' is not known to spelling");
                CHECK(speller.known(word));
            }
        }
    }
}

TEST_CASE("the newsroom example in `explain name-variant` works as printed", "[names][data]") {
    std::string description;
    for (const auto& rule : rules::make_builtin_rules()) {
        if (rule->info().id == "name-variant") description = rule->info().description;
    }
    // The indented blocks of the description are names files.
    std::vector<std::string> files;
    std::istringstream lines(description);
    std::string line;
    bool in_block = false;
    while (std::getline(lines, line)) {
        const bool indented = line.starts_with("  ");
        if (indented && !in_block) files.emplace_back();
        if (indented) files.back() += line.substr(2) + "\n";
        in_block = indented;
    }
    REQUIRE(files.size() == 2);

    names::Data data;
    std::string error;
    for (const auto& entry : fs::directory_iterator(kNamesDir)) {
        if (entry.path().extension() != ".yaml") continue;
        std::ifstream in(entry.path());
        std::stringstream ss;
        ss << in.rdbuf();
        REQUIRE(config::parse_names_yaml(ss.str(), entry.path().string(), data, error));
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        INFO(files[i]);
        REQUIRE(config::parse_names_yaml(files[i], "example" + std::to_string(i), data, error));
    }
    auto built = names::Database::build(std::move(data));
    REQUIRE(std::holds_alternative<std::shared_ptr<const names::Database>>(built));
    auto db = std::get<std::shared_ptr<const names::Database>>(built);

    rules::Selection sel;
    for (const auto& r : rules::make_builtin_rules()) {
        if (r->info().id != "name-variant") sel.disable.insert(r->info().id);
    }
    rules::Linter linter(rules::make_builtin_rules(), sel, nullptr, {db, "gazette", nullptr});
    const std::string text = "Mayor Joe Quimbee met Zelensky at the Kiev Ballet in Kyiv.";
    auto loaded = markup::load_document("x.txt", text, markup::Format::Plain);
    const auto diags = linter.lint(std::get<Document>(loaded));
    std::vector<std::string> flagged;
    for (const auto& d : diags) flagged.push_back(text.substr(d.span.begin, d.span.size()));
    CHECK(flagged == std::vector<std::string>{"Quimbee", "Zelensky"});
}

TEST_CASE("a name finding replaces spelling's finding on the same words", "[names][rules]") {
    auto house = std::make_shared<spell::WordList>();
    std::string error;
    REQUIRE(house->load_file(COPYDESK_TEST_DATA "/house.txt", error));
    spell::SpellChecker speller(
        spell::make_hunspell({COPYDESK_TEST_DATA "/tiny.aff", COPYDESK_TEST_DATA "/tiny.dic"}),
        house);
    auto loaded = config::load_names(kNamesDir);
    REQUIRE(std::holds_alternative<std::shared_ptr<const names::Database>>(loaded));
    rules::Selection sel;
    sel.disable = {"name-consistency", "repeated-word", "unknown-name"};
    rules::Linter linter(rules::make_builtin_rules(), sel, &speller,
                         {std::get<std::shared_ptr<const names::Database>>(loaded), "", nullptr});
    // Sentence-initial "Volodimir" is an unknown word to spelling; name-variant knows it.
    const std::string text = "Volodimir Zelensky said talks would resume.";
    auto doc = markup::load_document("x.txt", text, markup::Format::Plain);
    const auto diags = linter.lint(std::get<Document>(doc));
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].rule == "name-variant");
    CHECK(text.substr(diags[0].span.begin, diags[0].span.size()) == "Volodimir Zelensky");
}
