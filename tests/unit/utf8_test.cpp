#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "core/utf8.hpp"
#include "core/word_facts.hpp"
#include "core/word_filter.hpp"
#include "core/word_tally.hpp"

namespace utf8 = copydesk::utf8;

TEST_CASE("valid UTF-8 passes", "[utf8]") {
    CHECK_FALSE(utf8::find_invalid("plain ASCII"));
    CHECK_FALSE(utf8::find_invalid("Erdoğan, Zürich, Київ, 🇺🇦"));
    CHECK_FALSE(utf8::find_invalid(""));
}

TEST_CASE("invalid sequences are found at their first byte", "[utf8]") {
    auto at = [](std::string_view s) { return utf8::find_invalid(s).value().offset; };
    CHECK(at("ab\xFF"
             "cd") == 2);                 // never valid
    CHECK(at("ab\xC3") == 2);             // truncated at the end
    CHECK(at("a\xC3(b") == 1);            // bad continuation
    CHECK(at("x\xC0\xAF") == 1);          // overlong '/'
    CHECK(at("x\xE0\x80\xAF") == 1);      // overlong, three bytes
    CHECK(at("x\xED\xA0\x80") == 1);      // a UTF-16 surrogate encoded in UTF-8
    CHECK(at("x\xF4\x90\x80\x80") == 1);  // above U+10FFFF
    CHECK(at("ok\x80") == 2);             // stray continuation byte
    // After plain runs longer than the blocks that skip them, and between valid characters.
    const std::string plain(45, 'a');
    CHECK(at(plain + "\xFF") == 45);
    CHECK(at(plain + "\xC3\xA9" + plain + "\xC3(" + plain) == 45 + 2 + 45);
    CHECK_FALSE(utf8::find_invalid(plain + "\xC3\xA9" + plain + "\xE2\x80\x94" + plain));
}

TEST_CASE("decode and append round-trip", "[utf8]") {
    const std::string s = "aé€🇺";
    std::string out;
    std::size_t pos = 0;
    std::vector<char32_t> cps;
    while (pos < s.size()) cps.push_back(utf8::decode(s, pos));
    REQUIRE(cps == std::vector<char32_t>{U'a', U'é', U'€', U'\U0001F1FA'});
    for (char32_t cp : cps) utf8::append(out, cp);
    CHECK(out == s);
    CHECK(utf8::count_code_points(s) == 4);
}

TEST_CASE("code points and UTF-16 units are counted in blocks of bytes and at the ragged end",
          "[utf8]") {
    // Every offset and length across texts of one-, two-, three- and four-byte characters,
    // so that characters straddle the eight-, sixteen- and sixty-four-byte blocks, and plain
    // ASCII runs fill whole blocks.
    for (const std::string& text :
         {std::string("Zürich – Київ, 🇺🇦 and São Paulo’s “news”… ok"),
          std::string("A long plain opening for the paragraph, then Zürich, then plain again for "
                      "a good while – and the end."),
          // Several 64-byte blocks, plain and not.
          std::string(130, 'a') + "é" + std::string(70, 'b') + "“Київ”" + std::string(64, 'c') +
              "🇺🇦" + std::string(9, 'd')}) {
        for (std::size_t begin = 0; begin < text.size(); ++begin) {
            if (utf8::is_continuation(static_cast<unsigned char>(text[begin]))) continue;
            std::size_t expected = 0;
            std::size_t units = 0;  // UTF-16: two for a four-byte character
            for (std::size_t end = begin; end <= text.size(); ++end) {
                if (end == text.size() ||
                    !utf8::is_continuation(static_cast<unsigned char>(text[end]))) {
                    INFO("begin " << begin << ", end " << end);
                    const std::string_view part = std::string_view(text).substr(begin, end - begin);
                    CHECK(utf8::count_code_points(part) == expected);
                    CHECK(utf8::count_utf16_units(part) == units);
                    ++expected;
                    if (end < text.size()) {
                        units += utf8::sequence_length(static_cast<unsigned char>(text[end])) == 4
                                     ? 2
                                     : 1;
                    }
                }
            }
        }
    }
}

TEST_CASE("a byte set with non-ASCII bytes stops at them and at the bytes asked for", "[utf8]") {
    const std::string text = "plain words, then \"a quote\" and it's – done.... end";
    constexpr utf8::ByteSet kQuotes("\"'", true);
    constexpr utf8::ByteSet kDots(".", true);
    for (std::size_t from = 0; from <= text.size(); ++from) {
        INFO("from " << from);
        std::size_t expected = from;
        while (expected < text.size() && static_cast<unsigned char>(text[expected]) < 0x80 &&
               text[expected] != '"' && text[expected] != '\'')
            ++expected;
        CHECK(utf8::find_byte_of(text, from, kQuotes) == expected);
        std::size_t dot = from;
        while (dot < text.size() && static_cast<unsigned char>(text[dot]) < 0x80 &&
               text[dot] != '.')
            ++dot;
        CHECK(utf8::find_byte_of(text, from, kDots) == dot);
    }
    CHECK(utf8::find_byte_of("", 0, kQuotes) == 0);
    CHECK(utf8::find_byte_of("no marks in here at all", 0, kQuotes) == 23);
    CHECK(kQuotes.contains('\xE2'));
    CHECK_FALSE(utf8::ByteSet("\"'").contains('\xE2'));
}

TEST_CASE("byte scans stop where a byte-by-byte loop stops", "[utf8]") {
    // Every byte that matters at every place in an eight-byte block, and across blocks.
    constexpr utf8::ByteSet kBrackets("()[]{}");
    constexpr utf8::ByteSet kBracketsOrWide("()[]{}", true);
    const std::string alphabet = "ab (x)[y]{z}~\x7F\t\n\x01" + std::string(1, '\0') + "\xC3\xA9";
    std::uint32_t seed = 7;
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        const std::size_t length = round % 80;  // past the 32-byte steps of skip_ascii
        for (std::size_t i = 0; i < length; ++i) {
            seed = seed * 1103515245U + 12345U;
            const char c = alphabet[(seed >> 16) % alphabet.size()];
            text += (seed >> 8) % 4 == 0 ? c : 'q';  // mostly plain letters
        }
        for (std::size_t from = 0; from <= text.size(); ++from) {
            std::size_t bracket = from;
            while (bracket < text.size() &&
                   std::string_view("()[]{}").find(text[bracket]) == std::string_view::npos)
                ++bracket;
            CHECK(utf8::find_byte_of(text, from, kBrackets) == bracket);
            std::size_t bracket_or_wide = from;
            while (bracket_or_wide < text.size() &&
                   static_cast<unsigned char>(text[bracket_or_wide]) < 0x80 &&
                   std::string_view("()[]{}").find(text[bracket_or_wide]) == std::string_view::npos)
                ++bracket_or_wide;
            CHECK(utf8::find_byte_of(text, from, kBracketsOrWide) == bracket_or_wide);
            std::size_t printable = from;
            while (printable < text.size() && static_cast<unsigned char>(text[printable]) >= 0x20 &&
                   static_cast<unsigned char>(text[printable]) < 0x7F)
                ++printable;
            CHECK(utf8::skip_printable_ascii(text, from) == printable);
            std::size_t ascii = from;
            while (ascii < text.size() && static_cast<unsigned char>(text[ascii]) < 0x80) ++ascii;
            CHECK(utf8::skip_ascii(text, from) == ascii);
        }
    }
    constexpr utf8::ByteSet kParentheses("()");
    CHECK(utf8::find_byte_of("", 0, kParentheses) == 0);
    CHECK(utf8::find_byte_of("a sentence without any", 0, kParentheses) == 22);
    CHECK(utf8::find_byte_of("a (b", 0, kParentheses) == 2);
    CHECK(kParentheses.contains('('));
    CHECK_FALSE(kParentheses.contains('['));
    CHECK(utf8::skip_printable_ascii("caf\xC3\xA9", 0) == 3);
}

TEST_CASE("a string is ASCII exactly when no byte has its high bit set", "[utf8]") {
    // Every length around the inline tests (up to 16 bytes) and the scan, with one byte of
    // a multi-byte character at every place, and none.
    for (std::size_t length = 0; length <= 40; ++length) {
        const std::string plain(length, 'a');
        CHECK(utf8::is_ascii(plain));
        CHECK(utf8::is_ascii(std::string_view(plain).substr(0, length / 2)));
        for (std::size_t at = 0; at < length; ++at) {
            for (const char high : {'\x80', '\xC3', '\xFF'}) {
                std::string text = plain;
                text[at] = high;
                INFO(length << " " << at);
                CHECK_FALSE(utf8::is_ascii(text));
                // A view that ends before the byte, or starts after it, is ASCII.
                CHECK(utf8::is_ascii(std::string_view(text).substr(0, at)));
                CHECK(utf8::is_ascii(std::string_view(text).substr(at + 1)));
            }
        }
    }
}

TEST_CASE("a word filter never turns away a word it holds, and turns away most others", "[utf8]") {
    copydesk::WordFilter filter;
    std::vector<std::string> held;
    for (int i = 0; i < 2000; ++i) held.push_back("held" + std::to_string(i));
    for (const std::string& w : held) filter.add(w);
    for (const std::string& w : held) CHECK(filter.may_contain(w));
    // The ASCII test lowers as it hashes: "HELD7" is looked up as "held7".
    CHECK(filter.may_contain_ascii_lower("HELD7"));
    CHECK(filter.may_contain_ascii_lower("Held1999"));
    for (int i = 0; i < 1000; ++i) {
        const std::string other = "Other" + std::to_string(i);
        std::string lower = other;
        lower[0] = 'o';
        CHECK(filter.may_contain_ascii_lower(other) == filter.may_contain(lower));
    }
    int passed = 0;
    for (int i = 0; i < 10000; ++i) passed += filter.may_contain("other" + std::to_string(i));
    // 2,000 words set at most 2,000 of 65,536 bits: about 3% of other words get through.
    CHECK(passed < 600);
    // Short words alike in their first bytes and length ("w10000" and "w12000") must still
    // fall in different slots.
    copydesk::WordFilter short_words;
    for (int i = 10000; i < 12000; ++i) short_words.add("w" + std::to_string(i));
    int short_passed = 0;
    for (int i = 12000; i < 20000; ++i)
        short_passed += short_words.may_contain("w" + std::to_string(i));
    CHECK(short_passed < 600);
}

TEST_CASE("word_hash tells apart words of up to eight bytes of one length", "[core]") {
    // What WordTally relies on (word_hash_identifies): below nine bytes the hash loses no byte.
    // Every word of one and two bytes; and for every length up to eight, a change of any one
    // byte of a word, to any value, changes its hash.
    REQUIRE(copydesk::word_hash_identifies(8));
    REQUIRE_FALSE(copydesk::word_hash_identifies(9));
    std::set<std::uint64_t> hashes;
    for (int a = 0; a < 256; ++a) {
        hashes.insert(copydesk::word_hash(std::string(1, static_cast<char>(a))));
        for (int b = 0; b < 256; ++b) {
            hashes.insert(
                copydesk::word_hash(std::string{static_cast<char>(a), static_cast<char>(b)}));
        }
    }
    CHECK(hashes.size() == 256 + 256 * 256);
    std::uint32_t seed = 8;
    for (std::size_t length = 1; length <= 8; ++length) {
        for (int round = 0; round < 20; ++round) {
            std::string word(length, ' ');
            for (char& c : word) {
                seed = seed * 1103515245U + 12345U;
                c = static_cast<char>(seed >> 16);
            }
            const std::uint64_t hash = copydesk::word_hash(word);
            for (std::size_t at = 0; at < length; ++at) {
                std::string other = word;
                for (int value = 0; value < 256; ++value) {
                    other[at] = static_cast<char>(value);
                    if (other == word) continue;
                    INFO("length " << length << ", byte " << at);
                    REQUIRE(copydesk::word_hash(other) != hash);
                }
            }
        }
    }
}

TEST_CASE("a word hashed as lower case is the hash of its lower-cased copy", "[core]") {
    // Every length up to three loads, and bytes around the capitals' edges ('@', '[', '`',
    // '{') and above ASCII, which must not change.
    const std::string alphabet = "AZaz@[`{Mm09 '.\xC3\x89\xC0\xDA\xFF";
    std::uint32_t seed = 11;
    for (int round = 0; round < 5000; ++round) {
        std::string word;
        const std::size_t length = round % 30;
        for (std::size_t i = 0; i < length; ++i) {
            seed = seed * 1103515245U + 12345U;
            word += alphabet[(seed >> 16) % alphabet.size()];
        }
        std::string lower = word;
        for (char& c : lower) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        CHECK(copydesk::word_hash_ascii_lower(word) == copydesk::word_hash(lower));
    }
    // Different words of every short length hash apart (the tail loads overlap).
    std::set<std::uint64_t> hashes;
    std::set<std::string> words;
    for (int i = 0; i < 20000; ++i) {
        seed = seed * 1103515245U + 12345U;
        std::string w(1 + (seed >> 8) % 12, 'a');
        for (char& c : w) {
            seed = seed * 1103515245U + 12345U;
            c = static_cast<char>('a' + (seed >> 16) % 26);
        }
        if (words.insert(w).second) hashes.insert(copydesk::word_hash(w));
    }
    CHECK(hashes.size() == words.size());
    CHECK(copydesk::word_hash("") != copydesk::word_hash(std::string(1, '\0')));
    CHECK(copydesk::word_hash("ab") != copydesk::word_hash("ba"));
}

TEST_CASE("words compare equal inline exactly when their bytes are equal", "[core]") {
    // Every length up to three 8-byte loads, with one byte changed at every place.
    for (std::size_t length = 0; length <= 24; ++length) {
        std::string word;
        for (std::size_t i = 0; i < length; ++i) word += static_cast<char>('a' + i);
        CHECK(copydesk::same_word(word, std::string(word)));
        CHECK_FALSE(copydesk::same_word(word, word + "x"));
        for (std::size_t at = 0; at < length; ++at) {
            std::string other = word;
            other[at] = 'Z';
            CHECK_FALSE(copydesk::same_word(word, other));
        }
    }
}

TEST_CASE("a word memo asks about each distinct word once", "[core]") {
    copydesk::WordTally tally;
    std::vector<std::uint32_t> ids;
    for (const char* w : {"the", "Kyiv", "the", "talks", "Kyiv", "the"})
        ids.push_back(tally.add(w));
    std::vector<std::string> asked;
    std::vector<std::uint8_t> store(tally.distinct(), 0);
    const std::vector<std::uint32_t> slots{0, 1, 2};  // the tally's own numbers
    copydesk::WordMemo capitalized(tally, {store, slots}, [&](std::string_view w) {
        asked.emplace_back(w);
        return !w.empty() && w[0] >= 'A' && w[0] <= 'Z';
    });
    std::vector<bool> answers;
    for (std::uint32_t id : ids) answers.push_back(capitalized(id));
    CHECK(answers == std::vector<bool>{false, true, false, false, true, false});
    CHECK(asked == std::vector<std::string>{"the", "Kyiv", "talks"});
}

TEST_CASE("a word memo answers unanswered words in batches, each after its prefetch", "[core]") {
    copydesk::WordTally tally;
    std::vector<std::string> text;
    for (int i = 0; i < 40; ++i) text.push_back("w" + std::to_string(i));
    for (const std::string& w : text) tally.add(w);
    std::vector<std::uint8_t> store(tally.distinct(), 0);
    std::vector<std::uint32_t> slots(tally.distinct());
    for (std::uint32_t id = 0; id < slots.size(); ++id) slots[id] = id;
    store[3] = 2;  // answered in an earlier document: neither fetched nor asked again
    std::vector<std::string> asked;
    std::vector<std::string> fetched;
    std::map<std::string, std::size_t, std::less<>> batch_of;  // the batch that fetched a word
    std::vector<std::size_t> batches;
    copydesk::WordMemo even(tally, {store, slots}, [&](std::string_view w) {
        asked.emplace_back(w);
        // Asked about after its own batch was fetched, and before the next one.
        const auto batch = batch_of.find(w);
        CHECK((batch != batch_of.end() && batch->second + 1 == batches.size()));
        return (w.back() - '0') % 2 == 0;
    });
    even.answer_all([&](std::span<const std::string_view> batch) {
        for (const std::string_view w : batch) batch_of.emplace(w, batches.size());
        batches.push_back(batch.size());
        fetched.insert(fetched.end(), batch.begin(), batch.end());
    });
    CHECK(batches == std::vector<std::size_t>{16, 16, 7});
    CHECK(asked.size() == 39);
    CHECK(std::find(asked.begin(), asked.end(), "w3") == asked.end());
    CHECK(asked == fetched);
    CHECK(even(tally.add("w12")));  // answered: the memo does not ask again
    CHECK_FALSE(even(tally.add("w13")));
    CHECK(even(tally.add("w3")));  // the earlier document's answer stands
    CHECK(asked.size() == 39);
}

TEST_CASE("word facts keep answers from one document to the next", "[core]") {
    copydesk::WordFacts facts(4);
    auto slot = [&](std::string_view w) { return facts.slot(w, copydesk::word_hash(w)); };
    std::vector<std::string> asked;
    auto capitalized = [&](std::string_view w) {
        asked.emplace_back(w);
        return !w.empty() && w[0] >= 'A' && w[0] <= 'Z';
    };
    static constexpr char kQuestion = 0;
    // Each document numbers its own words; the facts find each word's slot.
    auto lint = [&](std::initializer_list<const char*> text) {
        facts.start_document();
        copydesk::WordTally tally;
        std::vector<std::uint32_t> ids;
        for (const char* w : text) ids.push_back(tally.add(w));
        std::vector<std::uint32_t> slots;
        for (std::uint32_t id = 0; id < tally.distinct(); ++id) {
            slots.push_back(facts.slot(tally.word(id), tally.hash_of(id)));
        }
        copydesk::WordMemo memo(tally, {facts.answers(&kQuestion), slots}, capitalized);
        std::vector<bool> answers;
        for (std::uint32_t id : ids) answers.push_back(memo(id));
        return answers;
    };
    CHECK(lint({"the", "Kyiv", "the"}) == std::vector<bool>{false, true, false});
    CHECK(lint({"Kyiv", "talks", "the"}) == std::vector<bool>{true, false, false});
    CHECK(asked == std::vector<std::string>{"the", "Kyiv", "talks"});  // each word once
    CHECK(facts.size() == 3);
    CHECK(slot("the") == 0);
    CHECK(slot("Kyiv") == 1);
    CHECK(facts.word(2) == "talks");
    // Another question keeps its own answers.
    static constexpr char kOther = 0;
    CHECK(facts.answers(&kOther).size() == 3);
    CHECK(facts.answers(&kOther)[1] == 0);
    CHECK(facts.answers(&kQuestion)[1] != 0);
    // Full (four words): the next document starts afresh and asks again.
    CHECK(lint({"Odesa"}) == std::vector<bool>{true});
    CHECK(facts.size() == 4);
    asked.clear();
    CHECK(lint({"Kyiv", "Odesa"}) == std::vector<bool>{true, true});
    CHECK(asked == std::vector<std::string>{"Kyiv", "Odesa"});
    CHECK(facts.size() == 2);
    // Through growth of the table (it starts with room for 512 words), slots stay.
    copydesk::WordFacts big;
    std::vector<std::string> words;
    for (int i = 0; i < 5000; ++i) words.push_back("w" + std::to_string(i));
    for (const std::string& w : words) big.slot(w, copydesk::word_hash(w));
    for (std::uint32_t i = 0; i < words.size(); i += 7) {
        CHECK(big.slot(words[i], copydesk::word_hash(words[i])) == i);
        CHECK(big.word(i) == words[i]);
    }
    // Words of more than eight bytes that share a hash are told apart by their text: of one
    // length, of two lengths, and longer than the length an entry keeps (255 bytes). (Shorter
    // words with one word_hash are one word: see word_hash_identifies.)
    copydesk::WordFacts clash;
    const std::string long_a(300, 'a');
    const std::string long_b = std::string(299, 'a') + "b";
    const std::vector<std::string> same_hash = {"zelenskyy", "zelenskiy", "zelenskyyy", long_a,
                                                long_b};
    for (const std::string& w : same_hash) clash.slot(w, 42);
    for (std::uint32_t i = 0; i < same_hash.size(); ++i) {
        INFO(same_hash[i].size());
        CHECK(clash.slot(same_hash[i], 42) == i);
        CHECK(clash.word(i) == same_hash[i]);
    }
    // A new word, not one of its namesakes.
    CHECK(clash.slot("zelenskii", 42) == same_hash.size());
    // Short words by their own hashes: of one length, and of two.
    for (const std::string_view w : {"kyiv", "kiev", "kyyiv", "a", "ab", "abcdefgh"}) {
        const std::uint32_t first = clash.slot(w, copydesk::word_hash(w));
        CHECK(clash.slot(w, copydesk::word_hash(w)) == first);
        CHECK(clash.word(first) == w);
    }
}

TEST_CASE("word facts find words whose text lies past 16 MiB", "[core]") {
    // An entry keeps where its word's text is for the first 16 MiB of text; words past there
    // are found through their spans.
    copydesk::WordFacts facts(std::size_t{1} << 20);
    std::vector<std::string> words;
    std::size_t bytes = 0;
    for (int i = 0; bytes < (std::size_t{17} << 20); ++i) {
        words.push_back(std::to_string(i) + std::string(250, 'x'));
        bytes += words.back().size();
    }
    for (const std::string& w : words) facts.slot(w, copydesk::word_hash(w));
    const std::vector<std::string> short_words = {"kyiv", "odesa", "kharkiv", "lviv"};
    for (const std::string& w : short_words) facts.slot(w, copydesk::word_hash(w));
    for (std::uint32_t i = 0; i < words.size(); i += 97) {
        CHECK(facts.slot(words[i], copydesk::word_hash(words[i])) == i);
    }
    CHECK(facts.slot(words.back(), copydesk::word_hash(words.back())) == words.size() - 1);
    for (std::uint32_t i = 0; i < short_words.size(); ++i) {
        const std::string& w = short_words[i];
        CHECK(facts.slot(w, copydesk::word_hash(w)) == words.size() + i);
        CHECK(facts.word(static_cast<std::uint32_t>(words.size() + i)) == w);
    }
    CHECK(facts.size() == words.size() + short_words.size());
}

TEST_CASE("a copy of a word tally counts on its own", "[core]") {
    std::vector<std::string> words;  // the tally's views point into them
    for (int i = 0; i < 30; ++i) words.push_back("word" + std::to_string(i));
    copydesk::WordTally tally(2);
    for (int i = 0; i < 40; ++i) tally.add(words[i % 30]);
    copydesk::WordTally copy = tally;
    copy.add("word1");
    copy.add("kyiv-pechersk");
    CHECK(tally.distinct() == 30);
    CHECK(tally.count("word1") == 2);
    CHECK(tally.count("kyiv-pechersk") == 0);
    CHECK(copy.distinct() == 31);
    CHECK(copy.count("word1") == 3);
    CHECK(copy.word(30) == "kyiv-pechersk");
    copydesk::WordTally assigned;
    assigned = copy;
    CHECK(assigned.add("word29") == 29);
    CHECK(assigned.count_of(29) == 2);
    CHECK(copy.count_of(29) == 1);
}

TEST_CASE("a word tally counts each spelling exactly, through growth", "[core]") {
    std::vector<std::string> words;
    for (int i = 0; i < 3000; ++i) words.push_back("word" + std::to_string(i));
    copydesk::WordTally tally(4);  // far too small: the table grows many times
    for (int round = 0; round < 3; ++round) {
        for (std::size_t i = 0; i < words.size(); i += round + 1) tally.add(words[i]);
    }
    tally.add("Word0");
    CHECK(tally.distinct() == 3001);
    CHECK(tally.count("word0") == 3);     // every round
    CHECK(tally.count("word1") == 1);     // the first round only
    CHECK(tally.count("word2") == 2);     // rounds one and two
    CHECK(tally.count("word6") == 3);     // divisible by 2 and 3
    CHECK(tally.count("Word0") == 1);     // case is part of the spelling
    CHECK(tally.count("word3000") == 0);  // never added
    CHECK(tally.count("") == 0);
    // Words are numbered in order of first use, and keep their numbers through growth.
    CHECK(tally.word(0) == "word0");
    CHECK(tally.word(2999) == "word2999");
    CHECK(tally.word(3000) == "Word0");
    CHECK(tally.count_of(0) == 3);
    CHECK(tally.count_of(1) == 1);
    CHECK(tally.add("word6") == 6);
    CHECK(tally.count_of(6) == 4);
    CHECK(tally.add("new") == 3001);
    // Words that share a hash (so a slot's tag too) are told apart by their text, through the
    // table's growth. Only words of more than eight bytes can: up to eight, word_hash and the
    // length tell words apart (word_hash_identifies), and the tally compares no more.
    copydesk::WordTally clash;
    const std::vector<std::string> same_hash = {"kyiv-pechersk", "kiev-pechersk", "kyyiv-pechersk",
                                                "Kyiv-Pechersk"};
    for (int round = 0; round < 2; ++round) {
        for (const std::string& w : same_hash) clash.add(w, 42);
        for (int i = 0; i < 20; ++i) clash.add("filler" + std::to_string(round * 20 + i));
    }
    for (std::uint32_t i = 0; i < same_hash.size(); ++i) {
        CHECK(clash.add(same_hash[i], 42) == i);
        CHECK(clash.count_of(i) == 3);
    }
    const std::size_t before = clash.distinct();
    CHECK(clash.add("kiew-pechersk", 42) == before);  // a new word, not one of its namesakes
}
