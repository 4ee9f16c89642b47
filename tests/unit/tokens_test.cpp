#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <string>
#include <vector>

#include "text/casing.hpp"
#include "text/tokens.hpp"

using copydesk::text::Segmenter;
using copydesk::text::TokenKind;

namespace {

struct Tok {
    std::string text;
    TokenKind kind;
};

std::vector<Tok> significant(std::string_view text) {
    Segmenter seg;
    std::vector<Tok> out;
    for (const auto& t : seg.analyze(text).tokens) {
        if (t.kind == TokenKind::Space) continue;
        out.push_back({std::string(text.substr(t.span.begin, t.span.size())), t.kind});
    }
    return out;
}

TokenKind kind_of(std::string_view text, std::string_view piece) {
    for (const Tok& t : significant(text)) {
        if (t.text == piece) return t.kind;
    }
    FAIL("no token '" << piece << "' in: " << text);
    return TokenKind::Space;
}

}  // namespace

TEST_CASE("URLs with and without a scheme are single tokens", "[tokens]") {
    const std::string s = "See https://t.co/x1Abc, www.example.org and example.com/report.";
    CHECK(kind_of(s, "https://t.co/x1Abc") == TokenKind::Url);
    CHECK(kind_of(s, "www.example.org") == TokenKind::Url);
    CHECK(kind_of(s, "example.com/report") == TokenKind::Url);
    CHECK(kind_of("Read bbc.co.uk today.", "bbc.co.uk") == TokenKind::Url);
}

TEST_CASE("sentence punctuation after a URL is not part of it", "[tokens]") {
    CHECK(kind_of("(see https://example.org/a_(b))", "https://example.org/a_(b)") ==
          TokenKind::Url);
    CHECK(kind_of("Visit www.un.org.", "www.un.org") == TokenKind::Url);
}

TEST_CASE("emails, handles and hashtags", "[tokens]") {
    const std::string s = "Write to desk@example.org or @agency_news, tagged #Kyiv2023.";
    CHECK(kind_of(s, "desk@example.org") == TokenKind::Email);
    CHECK(kind_of(s, "@agency_news") == TokenKind::Handle);
    CHECK(kind_of(s, "#Kyiv2023") == TokenKind::Hashtag);
}

TEST_CASE("a hashtag glued to a URL is two tokens", "[tokens]") {
    const std::string s = "claimed.#newshttps://t.co/x1";
    CHECK(kind_of(s, "#news") == TokenKind::Hashtag);
    CHECK(kind_of(s, "https://t.co/x1") == TokenKind::Url);
}

TEST_CASE("an analysis says when it holds no URL, email, handle or hashtag", "[tokens]") {
    Segmenter seg;
    CHECK(seg.analyze("Plain words, a full stop. And 3.5 per cent.").web_free);
    for (const char* text : {"see https://t.co/x", "mail desk@example.org", "ask @agency",
                             "tagged #Kyiv", "at example.com today"}) {
        INFO(text);
        CHECK_FALSE(seg.analyze(text).web_free);
    }
    CHECK_FALSE(copydesk::text::Analysis{}.web_free);  // made by hand: perhaps
}

TEST_CASE("numbers of every shape are numbers", "[tokens]") {
    const std::string s = "A 12-point plan from the 1990s, the 22nd vote, 3.5% and 2,000 troops.";
    CHECK(kind_of(s, "12") == TokenKind::Number);
    CHECK(kind_of(s, "point") == TokenKind::Word);
    CHECK(kind_of(s, "1990s") == TokenKind::Number);
    CHECK(kind_of(s, "22nd") == TokenKind::Number);
    CHECK(kind_of(s, "3.5") == TokenKind::Number);
    CHECK(kind_of(s, "2,000") == TokenKind::Number);
    CHECK(kind_of(s, "%") == TokenKind::Symbol);
}

TEST_CASE("curly and straight apostrophes stay inside words", "[tokens]") {
    CHECK(kind_of("China’s envoy", "China’s") == TokenKind::Word);
    CHECK(kind_of("China's envoy", "China's") == TokenKind::Word);
}

TEST_CASE("a missing space after a full stop is not a web address", "[tokens]") {
    CHECK(kind_of("the war.The talks", "war") == TokenKind::Word);
    CHECK(kind_of("he said.it was", "said") == TokenKind::Word);
}

TEST_CASE("sentence starts are marked, also across hard line wraps", "[tokens]") {
    Segmenter seg;
    const std::string text = "Mr. Smith met the\nminister. Talks resumed.";
    const auto a = seg.analyze(text);
    std::vector<std::string> starts;
    for (const auto& t : a.tokens) {
        if (t.sentence_start) starts.emplace_back(text.substr(t.span.begin, t.span.size()));
    }
    CHECK(starts == std::vector<std::string>{"Mr", "Talks"});
}

TEST_CASE("casing helpers are Unicode-aware", "[tokens]") {
    using namespace copydesk::text;
    CHECK(is_capitalized("Erdoğan"));
    CHECK(is_capitalized("Ólafur"));
    CHECK_FALSE(is_capitalized("NATO"));
    CHECK_FALSE(is_capitalized("kyiv"));
    CHECK(is_latin("Zürich"));
    CHECK_FALSE(is_latin("Київ"));
    CHECK(to_lower("ÖSTERREICH") == "österreich");
}

namespace {

std::string describe(std::string_view text,
                     const std::vector<copydesk::text::detail::WordBreak>& b) {
    std::string out;
    std::uint32_t begin = 0;
    for (const auto& w : b) {
        out += "[" + std::string(text.substr(begin, w.end - begin)) + (w.word ? "]w " : "] ");
        begin = w.end;
    }
    return out;
}

// 3,000 strings of up to 23 pieces drawn from `alphabet` (a fixed sequence for a seed).
std::vector<std::string> random_texts(const std::vector<std::string>& alphabet,
                                      std::uint32_t seed) {
    auto next = [&] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 8;
    };
    std::vector<std::string> out(3000);
    for (std::string& text : out) {
        const std::uint32_t length = next() % 24;
        for (std::uint32_t i = 0; i < length; ++i) text += alphabet[next() % alphabet.size()];
    }
    return out;
}

std::string describe_tokens(std::string_view text,
                            const std::vector<copydesk::text::Token>& tokens) {
    std::string out;
    for (const auto& t : tokens) {
        out += "[" + std::string(text.substr(t.span.begin, t.span.size())) + "|" +
               std::string(copydesk::text::to_string(t.kind)) + "]";
    }
    return out;
}

// What the segmenter uses (each line without ICU when it can) against ICU alone; and the
// one-pass tokens of simple text against the tokens made from ICU's breaks.
void check_same_as_icu(std::string_view text, bool all_simple) {
    INFO("text: " << text);
    CHECK(copydesk::text::detail::simple_word_breaks(text).has_value() == all_simple);
    const auto icu = copydesk::text::detail::icu_word_breaks(text);
    CHECK(describe(text, copydesk::text::detail::word_breaks(text)) == describe(text, icu));
    const auto tokens = copydesk::text::detail::simple_tokens(text);
    CHECK(tokens.has_value() == all_simple);
    if (tokens) {
        CHECK(describe_tokens(text, *tokens) ==
              describe_tokens(text, copydesk::text::detail::tokens_from_breaks(text, icu)));
    }
}

}  // namespace

TEST_CASE("word breaks without ICU agree with ICU on news copy", "[tokens]") {
    for (const char* text : {
             "The U.S. economy grew 2.5% in 2023, officials said.",
             "“We’re not done,” she said — and left… Prices rose 1,000,000 or 3;4 or 1.2.3.",
             "Don't stop at rock'n'roll's end: it's 9 o’clock, isn't it?\r\nNext line\n\nAgain",
             "São Paulo, Zürich and Kraków; Łódź’s mayor. Él dijo: ¿qué?",
             "A  double  space,\ttab, a.b.c, a..b, 1..2, a'1, 1'a, 'quoted' words' end",
             "e.g. i.e. p.m. 5p.m. 10,5 10,a a,1 x.5 5.x -5 +3 (4) [a] {b} <c> \"d\" a\"b",
             "no-break space, en–dash and em—dash, #tag $5 100% 50/50 a&b a*b ~x |y| ^z` !",
         }) {
        check_same_as_icu(text, std::string_view(text).find("¿") == std::string_view::npos);
    }
}

TEST_CASE("word breaks without ICU agree with ICU on random strings of their characters",
          "[tokens]") {
    const std::vector<std::string> alphabet = {"a",
                                               "b",
                                               "Z",
                                               "é",
                                               "Ł",
                                               "ß",
                                               "0",
                                               "7",
                                               ".",
                                               "'",
                                               ",",
                                               ";",
                                               " ",
                                               " ",
                                               "\r",
                                               "\n",
                                               "\t",
                                               "-",
                                               "!",
                                               "?",
                                               "(",
                                               ")",
                                               "\"",
                                               "/",
                                               "&",
                                               "\xE2\x80\x98",
                                               "\xE2\x80\x99",
                                               "\xE2\x80\x9C",
                                               "\xE2\x80\x9D",
                                               "\xE2\x80\x94",
                                               "\xE2\x80\x93",
                                               "\xE2\x80\xA6",
                                               "\xC2\xA0",
                                               "%",
                                               "$",
                                               "#",
                                               "+",
                                               "="};
    for (const std::string& text : random_texts(alphabet, 12345)) check_same_as_icu(text, true);
}

TEST_CASE("lines of other characters go to ICU, and the whole agrees with ICU", "[tokens]") {
    const std::vector<std::string> alphabet = {"a",
                                               "Z",
                                               "é",
                                               "1",
                                               ".",
                                               "'",
                                               ",",
                                               " ",
                                               " ",
                                               "\r",
                                               "\n",
                                               "\r\n",
                                               ":",
                                               "@",
                                               "_",
                                               "ж",
                                               "Ω",
                                               "\xCC\x81",
                                               "\xE2\x80\x8B",
                                               "\xC2\xAD",
                                               "\x0B",
                                               "\x0C",
                                               "日",
                                               "#",
                                               "\xE2\x80\x99",
                                               "\xE2\x80\x94"};
    for (const std::string& text : random_texts(alphabet, 777)) {
        INFO("text: " << text);
        CHECK(describe(text, copydesk::text::detail::word_breaks(text)) ==
              describe(text, copydesk::text::detail::icu_word_breaks(text)));
    }
}

TEST_CASE("a long line with a few other characters agrees with ICU", "[tokens]") {
    // Prose with now and then a character outside the simple set, at the start, middle or end
    // of a word, after a space (a combining mark or a format character there attaches to
    // the space), or in a run of them: ICU reads only the stretch around each, and the whole
    // must be what ICU makes of the line.
    const std::vector<std::string> rare = {"@",
                                           "_",
                                           "\xCC\x81",
                                           "\xE2\x80\x8B",
                                           "\xC2\xAD",
                                           "\xE2\x80\x8D",
                                           "ж",
                                           "日本",
                                           "\xF0\x9F\x87\xBA\xF0\x9F\x87\xA6",
                                           "\xE2\x80\x91"};
    const std::vector<std::string> common = {
        "a",  "word", "The", "U.S.", "3.5",          " ",     " ",
        "  ", ",",    ".",   "'",    "\xE2\x80\x99", "10:30", "e\xCC\x81"};
    std::uint32_t seed = 2026;
    auto next = [&] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 8;
    };
    for (int n = 0; n < 2000; ++n) {
        std::string text;
        const std::uint32_t pieces = 10 + next() % 60;
        for (std::uint32_t i = 0; i < pieces; ++i) {
            text += next() % 12 == 0 ? rare[next() % rare.size()] : common[next() % common.size()];
        }
        INFO("text: " << text);
        CHECK(describe(text, copydesk::text::detail::word_breaks(text)) ==
              describe(text, copydesk::text::detail::icu_word_breaks(text)));
    }
}

TEST_CASE("text outside the simple characters is left to ICU", "[tokens]") {
    using copydesk::text::detail::simple_word_breaks;
    CHECK(simple_word_breaks("plain text, 2 words at 10:30."));
    for (const char* text : {"snake_case", "a@b", "Київ", "e\xCC\x81", "zero\xE2\x80\x8Bwidth",
                             "soft\xC2\xADhyphen", "control\x01", "日本"}) {
        INFO(text);
        CHECK_FALSE(simple_word_breaks(text));
    }
}

namespace {

std::string describe_sentences(std::string_view text, const std::vector<std::uint32_t>& ends) {
    std::string out;
    std::uint32_t begin = 0;
    for (const std::uint32_t end : ends) {
        out += "[" + std::string(text.substr(begin, end - begin)) + "] ";
        begin = end;
    }
    return out;
}

// Sentences without ICU against ICU alone; `simple` says whether the text is in the simple set.
void check_sentences_same_as_icu(std::string_view text, bool simple = true) {
    INFO("text: " << text);
    const auto breaks = copydesk::text::detail::simple_sentence_breaks(text);
    REQUIRE(breaks.has_value() == simple);
    if (breaks) {
        CHECK(describe_sentences(text, *breaks) ==
              describe_sentences(text, copydesk::text::detail::icu_sentence_breaks(text)));
    }
}

}  // namespace

TEST_CASE("sentence breaks without ICU agree with ICU on news copy", "[tokens]") {
    for (const char* text : {
             "Mr. Smith met U.S. officials on Monday. Talks resumed at 10 a.m. in St. Louis.",
             "Ph.D. students, e.g. those in labs, i.e. most of them, got No. 5 on Jan. 5. Then?",
             "\"We are done.\" She left. (It was late.) He stayed? \"Yes!\" they said.",
             "He asked, \"Why?\" Nobody knew. The rate rose 2.5 percent... Or did it? It did.",
             "J. R. R. Tolkien wrote it. the next sentence starts in lower case. OK.",
             "THE U.S. ECONOMY GREW. OFFICIALS SAID SO! WHY? BECAUSE.",
             "“We’re not done,” she said. ‘Really?’ he asked — and left… Prices fell.",
             "Dr. Jones (of the U.N.) spoke.\tThen Mrs. Lee. Prof. Kim\narrived at 5 p.m. Later\r\n"
             "on, Ph.D. and M.D. holders met. A.M. radio. Lt.Cdr. Ross. S.p.A. firms.",
             "See p. 5. Etc. and so on. vs. them. Is it 3.14? Yes.5 apples. e.g.the end.",
             "Café owners in São Paulo met Łukasz. Éric left!  Two  spaces. End",
             "It ended.) Next [one.] Then {this.} And «that.» Done.",
         }) {
        check_sentences_same_as_icu(text);
    }
    // The abbreviation filter at work: no break after "Mr." or "U.S." before a capital.
    const std::string text = "Mr. Smith met U.S. officials. They left.";
    CHECK(*copydesk::text::detail::simple_sentence_breaks(text) ==
          std::vector<std::uint32_t>{30, static_cast<std::uint32_t>(text.size())});
}

TEST_CASE("sentence breaks without ICU agree with ICU on random strings of their characters",
          "[tokens]") {
    // The characters of every Sentence_Break class the simple splitter handles, and pieces of
    // ICU's English abbreviations (exact ones, and those whose first full stop is inside).
    // Beyond ASCII: U+00A0 and U+2003 (Sp), U+2024 (ATerm), U+203C (STerm), ƻ (OLetter).
    const std::vector<std::string> characters = {"a",
                                                 "x",
                                                 "Z",
                                                 "D",
                                                 "é",
                                                 "Ł",
                                                 "ß",
                                                 "ƻ",
                                                 "0",
                                                 "7",
                                                 ".",
                                                 ".",
                                                 "!",
                                                 "?",
                                                 "'",
                                                 "\"",
                                                 "(",
                                                 ")",
                                                 "[",
                                                 "]",
                                                 ",",
                                                 ";",
                                                 ":",
                                                 "-",
                                                 " ",
                                                 " ",
                                                 "\t",
                                                 "\n",
                                                 "\r",
                                                 "#",
                                                 "/",
                                                 "«",
                                                 "»",
                                                 "\xC2\xA0",
                                                 "\xE2\x80\x83",
                                                 "\xE2\x80\x98",
                                                 "\xE2\x80\x99",
                                                 "\xE2\x80\x9C",
                                                 "\xE2\x80\x9D",
                                                 "\xE2\x80\x93",
                                                 "\xE2\x80\x94",
                                                 "\xE2\x80\xA6",
                                                 "\xE2\x80\xA4",
                                                 "\xE2\x80\xBC",
                                                 "Mr.",
                                                 "U.S.",
                                                 "Ph.D.",
                                                 "e.g.",
                                                 "a.m."};
    for (const std::string& text : random_texts(characters, 2024)) {
        check_sentences_same_as_icu(text);
    }
    const std::vector<std::string> abbreviations = {
        "Mr.",  "Mrs.", "U.S.", "U.S.A.", "U.",   "S.",     "A.",   "Ph.D.", "Ph.",  "D.", "M.I.T.",
        "A.M.", "Lt.",  "Cdr.", "Hon.",   "B.A.", "S.p.A.", "p.A.", "No.",   "Jan.", " ",  " ",
        "  ",   ".",    "a",    "B",      "\"",   ")",      "5",    "?",     "\n"};
    for (const std::string& text : random_texts(abbreviations, 99)) {
        check_sentences_same_as_icu(text);
    }
}

TEST_CASE("sentences outside the simple characters are left to ICU", "[tokens]") {
    using copydesk::text::detail::simple_sentence_breaks;
    CHECK(simple_sentence_breaks(""));
    for (const char* text : {"Київ. Next.", "e\xCC\x81. Next.", "soft\xC2\xADhyphen. Next.",
                             "line\xE2\x80\xA8separator", "control\x01. Next.", "日本。",
                             "next\xC2\x85line", "emoji \xF0\x9F\x98\x80. Next."}) {
        INFO(text);
        CHECK_FALSE(simple_sentence_breaks(text));
    }
    // The segmenter then asks ICU, with the same result as before.
    const std::string text = "Київ said so. Mr. Smith\nagreed. Fine.";
    Segmenter seg;
    std::vector<std::uint32_t> ends;
    for (const auto& s : seg.analyze(text).sentences) ends.push_back(s.end);
    CHECK(ends == copydesk::text::detail::icu_sentence_breaks(text));
}

TEST_CASE("web spans are found the same in a whole text as in each run between white space",
          "[tokens]") {
    using copydesk::text::find_special_spans;
    using copydesk::text::TokenKind;
    const std::string text =
        "See https://example.com/a_(b). Mail desk@example.org or @newsdesk, tag #Kyiv2023.\n"
        "Visit www.bbc.co.uk today; posthttps://t.co/x and #newshttps://t.co/y.\tU.S. 3.5 "
        "example.comment said.it (example.com) \"http://x.io\"";
    const auto whole = find_special_spans(text);
    std::vector<std::pair<std::string, TokenKind>> found;
    for (const auto& s : whole)
        found.emplace_back(text.substr(s.span.begin, s.span.size()), s.kind);
    using P = std::pair<std::string, TokenKind>;
    CHECK(found == std::vector<P>{{"https://example.com/a_(b)", TokenKind::Url},
                                  {"desk@example.org", TokenKind::Email},
                                  {"@newsdesk", TokenKind::Handle},
                                  {"#Kyiv2023", TokenKind::Hashtag},
                                  {"www.bbc.co.uk", TokenKind::Url},
                                  {"https://t.co/x", TokenKind::Url},
                                  {"#news", TokenKind::Hashtag},
                                  {"https://t.co/y", TokenKind::Url},
                                  {"example.com", TokenKind::Url},
                                  {"http://x.io", TokenKind::Url}});
    // Run by run, with offsets added back: the same spans.
    std::vector<copydesk::text::SpecialSpan> by_run;
    std::size_t begin = 0;
    while (begin < text.size()) {
        const std::size_t end = std::min(text.find_first_of(" \t\n", begin), text.size());
        for (auto s : find_special_spans(std::string_view(text).substr(begin, end - begin))) {
            s.span.begin += static_cast<std::uint32_t>(begin);
            s.span.end += static_cast<std::uint32_t>(begin);
            by_run.push_back(s);
        }
        begin = end + 1;
    }
    REQUIRE(by_run.size() == whole.size());
    for (std::size_t i = 0; i < whole.size(); ++i) {
        CHECK(by_run[i].span == whole[i].span);
        CHECK(by_run[i].kind == whole[i].kind);
    }
}

TEST_CASE("the word, mark, sentence-start and non-ASCII lists index every such token", "[tokens]") {
    copydesk::text::Segmenter segmenter;
    // Read without ICU; with a handle and a URL; with Cyrillic and a zero-width space.
    for (const char* text :
         {"Kyiv, Ukraine \xE2\x80\x94 The talks ended. \"Why?\" she asked; 2,000 left.\n\nNext.",
          "Plain ASCII, every word of it.",
          "Follow @agency at https://example.com/news, or #Kyiv (it's free)!",
          "\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2 is Kyiv.\xE2\x80\x8B Odesa, too."}) {
        INFO(text);
        const auto a = segmenter.analyze(text);
        std::vector<std::uint32_t> words;
        std::vector<std::uint32_t> marks;
        std::vector<std::uint32_t> starts;
        for (std::uint32_t i = 0; i < a.tokens.size(); ++i) {
            if (a.tokens[i].sentence_start) starts.push_back(i);
            if (a.tokens[i].kind == copydesk::text::TokenKind::Word) words.push_back(i);
            if (a.tokens[i].kind == copydesk::text::TokenKind::Punct) marks.push_back(i);
        }
        CHECK(a.words == words);
        CHECK(a.marks == marks);
        CHECK(a.sentence_starts == starts);
        CHECK_FALSE(starts.empty());
        // Lead bytes of characters outside ASCII.
        std::vector<std::uint32_t> non_ascii;
        const std::string_view t(text);
        for (std::uint32_t i = 0; i < t.size(); ++i) {
            const auto b = static_cast<unsigned char>(t[i]);
            if (b >= 0xC0) non_ascii.push_back(i);
        }
        CHECK(a.non_ascii == non_ascii);
        CHECK(words.size() >= 4);
        CHECK(marks.size() >= 2);
    }
}

namespace {

// What Segmenter::analyze says of each token's sentence and of its lists, worked out again from
// its tokens and sentences alone: each token belongs to the sentence it begins in (the last
// sentence takes every token left), and a sentence's first word or number starts it unless
// something other than spaces and marks comes first.
void check_sentences_and_lists(const copydesk::text::Analysis& a) {
    using copydesk::text::TokenKind;
    std::vector<std::uint32_t> words;
    std::vector<std::uint32_t> marks;
    std::vector<std::uint32_t> starts;
    const std::size_t sentences = std::max<std::size_t>(a.sentences.size(), 1);
    std::uint32_t i = 0;
    for (std::uint32_t s = 0; s < sentences; ++s) {
        const std::uint32_t end =
            s + 1 < sentences ? a.sentences[s].end : std::numeric_limits<std::uint32_t>::max();
        bool looking = true;
        for (; i < a.tokens.size() && a.tokens[i].span.begin < end; ++i) {
            const auto& t = a.tokens[i];
            INFO("token " << i << " at " << t.span.begin);
            CHECK(t.sentence == s);
            const bool starts_here =
                looking && (t.kind == TokenKind::Word || t.kind == TokenKind::Number);
            CHECK(t.sentence_start == starts_here);
            if (starts_here) starts.push_back(i);
            if (t.kind != TokenKind::Space && t.kind != TokenKind::Punct) looking = false;
            if (t.kind == TokenKind::Word) words.push_back(i);
            if (t.kind == TokenKind::Punct) marks.push_back(i);
        }
    }
    CHECK(i == a.tokens.size());
    CHECK(a.words == words);
    CHECK(a.marks == marks);
    CHECK(a.sentence_starts == starts);
}

}  // namespace

TEST_CASE("each token's sentence and the lists agree with a pass over the tokens, in long texts",
          "[tokens]") {
    // Tokens are written a chunk of 1,024 at a time: texts of several chunks, with sentences
    // of every length (a chunk ends at every place in a sentence), marks and symbols before
    // first words, and texts where a character late in the text sends the whole to ICU, or a
    // URL to the reading with web spans.
    const std::vector<std::string> pieces = {
        "The",     "talks", "ended", "U.S.", "3.5", "2,000", "don't", "said", "it", "a",
        "Kyiv",    "vote",  "(",     ")",    "\"",  "'",     ",",     ";",    ":",  "-",
        "%",       "$",     "&",     "*",    "“",   "”",     "—",     "…",    "’s", "é",
        "war.The", "12th",  " ",     "  ",   "\n",  "\r\n",  "\t",    " ",    " ",  " "};
    const std::vector<std::string> ends = {".", "?", "!", ". ", ".\" ", "?\n\n", "… ", ". "};
    std::uint32_t seed = 4242;
    auto next = [&] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 8;
    };
    Segmenter seg;
    for (int n = 0; n < 60; ++n) {
        std::string text;
        const std::uint32_t sentences = 1 + next() % 400;
        for (std::uint32_t s = 0; s < sentences; ++s) {
            const std::uint32_t length = next() % 60;
            for (std::uint32_t k = 0; k < length; ++k) {
                text += pieces[next() % pieces.size()];
                if (next() % 2 == 0) text += ' ';
            }
            text += ends[next() % ends.size()];
        }
        if (n % 5 == 3) text += " @desk";                             // web spans: another reading
        if (n % 5 == 4) text += " \xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2";  // Cyrillic: ICU's breaks
        INFO("text " << n << ": " << text.substr(0, 200));
        const auto a = seg.analyze(text);
        check_sentences_and_lists(a);
    }
}

TEST_CASE("words and numbers of any length agree with ICU, wherever the text ends", "[tokens]") {
    // The tokenizer reads letters and digits sixteen bytes at a time where sixteen are left,
    // one at a time after: words of every length around those sizes, at the end of the text
    // and not, before each character that may join them to more.
    for (std::size_t length = 1; length <= 40; ++length) {
        for (const char* first : {"a", "Z", "7"}) {
            std::string word = first;
            for (std::size_t k = 1; k < length; ++k) word += k % 5 == 3 ? '5' : 'q';
            for (const char* after : {"", " next", ".", ". Next", ".next", "'s", "’s", ",5", ";5",
                                      ",a", ":", "é", "\xE2\x80\x94", "-"}) {
                for (const char* before : {"", "A ", "(", "\xE2\x80\x9C"}) {
                    check_same_as_icu(std::string(before) + word + after, true);
                }
            }
        }
    }
}

TEST_CASE("text with characters outside the simple set makes the tokens of its breaks",
          "[tokens]") {
    // ICU reads the space-delimited stretch of a line around each character outside the simple
    // set and the simple scan the rest: the tokens are those of word_breaks' breaks, and each
    // token's sentence and the lists as a pass over them makes them. Long texts too, where a
    // stretch's tokens, taken back for ICU, may have gone to the Analysis with a full chunk.
    const std::vector<std::string> common = {
        "a",  "word", "The", "U.S.", "3.5",  " ",  " ",    "  ", ",",  ".", "'", "\xE2\x80\x99",
        "10", "Kyiv", "é",   "\n",   "\r\n", "\r", "\n\n", "— ", ". ", "?", "(", ")"};
    const std::vector<std::string> rare = {
        "_",    "\xCC\x81",     "\xE2\x80\x8B", "\xC2\xAD", "\xE2\x80\x8D", "ж",
        "日本", "\xE2\x80\x91", "\xE2\x80\xA2", "\xD7\x97", "x_y",          "\x01"};
    std::uint32_t seed = 515;
    auto next = [&] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 8;
    };
    Segmenter segmenter;
    int read = 0;
    for (int n = 0; n < 1500; ++n) {
        std::string text;
        const std::uint32_t pieces = n % 50 == 0 ? 3000 + next() % 3000 : 1 + next() % 80;
        const std::uint32_t rarity = 3 + next() % 60;
        for (std::uint32_t i = 0; i < pieces; ++i) {
            text +=
                next() % rarity == 0 ? rare[next() % rare.size()] : common[next() % common.size()];
        }
        if (!copydesk::text::find_special_spans(text).empty()) continue;
        ++read;
        INFO("text " << n << ": " << text.substr(0, 300));
        const auto a = segmenter.analyze(text);
        CHECK(describe_tokens(text, a.tokens) ==
              describe_tokens(text, copydesk::text::detail::tokens_from_breaks(
                                        text, copydesk::text::detail::word_breaks(text))));
        check_sentences_and_lists(a);
    }
    CHECK(read > 1000);
}

TEST_CASE("a colon is looked at as a web span's only before two slashes", "[tokens]") {
    // Every span needs "://", an '@', a '#' or a dot before a letter or digit: a run whose only
    // such byte is a colon holds one only where "//" follows it.
    using copydesk::text::find_special_spans;
    for (const char* none :
         {"said: yes", "at 10:30 today", "http:/x", "https:x.", "ftp:", ":", "a:/b", "x://"}) {
        INFO(none);
        CHECK(find_special_spans(none).empty());
    }
    const std::string text = "said:https://t.co/x, at 10:30:http://x.io";
    std::vector<std::string> found;
    for (const auto& s : find_special_spans(text)) {
        found.push_back(text.substr(s.span.begin, s.span.size()));
    }
    CHECK(found == std::vector<std::string>{"https://t.co/x", "http://x.io"});
}
