#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <span>
#include <thread>

#include "spell/phonetic.hpp"
#include "spell/speller.hpp"
#include "spell/typo_model.hpp"
#include "text/mojibake.hpp"

using namespace copydesk::spell;

namespace {

std::shared_ptr<const Lexicon> tiny_lexicon() {
    auto loaded = Lexicon::load(COPYDESK_TEST_DATA "/tiny-words.tsv");
    REQUIRE(std::holds_alternative<std::shared_ptr<const Lexicon>>(loaded));
    return std::get<std::shared_ptr<const Lexicon>>(loaded);
}

std::shared_ptr<const MisspellingTable> tiny_table() {
    auto loaded = MisspellingTable::load(COPYDESK_TEST_DATA "/tiny-misspellings.tsv");
    REQUIRE(std::holds_alternative<std::shared_ptr<const MisspellingTable>>(loaded));
    return std::get<std::shared_ptr<const MisspellingTable>>(loaded);
}

// A checker on the tiny lexicon alone, as copydesk runs for en_US and en_GB.
SpellChecker lexicon_checker(Dialect dialect, bool table = true) {
    SpellData data;
    data.house = std::make_shared<WordList>();
    data.lexicon = tiny_lexicon();
    if (table) data.misspellings = tiny_table();
    return SpellChecker(make_lexicon_speller(data.lexicon, dialect), data, dialect);
}

std::vector<std::string> words_of(const std::vector<Correction>& ranked) {
    std::vector<std::string> out;
    for (const auto& c : ranked) out.push_back(c.word);
    return out;
}

DictionaryFiles tiny() {
    return {COPYDESK_TEST_DATA "/tiny.aff", COPYDESK_TEST_DATA "/tiny.dic"};
}

SpellChecker checker(std::shared_ptr<WordList> house = std::make_shared<WordList>()) {
    return SpellChecker(make_hunspell(tiny()), std::move(house));
}

}  // namespace

TEST_CASE("dictionary words and affixed forms are known", "[spell]") {
    auto sc = checker();
    CHECK(sc.known("government"));
    CHECK(sc.known("governments"));
    CHECK(sc.known("Government"));
    CHECK_FALSE(sc.known("goverment"));
}

TEST_CASE("curly and straight apostrophes check the same word", "[spell]") {
    auto sc = checker();
    CHECK(sc.known("China's"));
    CHECK(sc.known("China’s"));
}

TEST_CASE("house lists add names, their parts and possessives", "[spell]") {
    auto house = std::make_shared<WordList>();
    house->add_entry("Volodymyr Zelenskyy");
    house->add_entry("Xi Jinping");
    house->add_entry("Lai Ching-te");
    auto sc = checker(house);
    CHECK(sc.known("Zelenskyy"));
    CHECK(sc.known("Zelenskyy’s"));
    CHECK(sc.known("Volodymyr"));
    CHECK(sc.known("Xi"));
    CHECK(sc.known("Ching-te"));
    CHECK(sc.known("Ching"));
    CHECK_FALSE(sc.known("te"));  // a short part is known only inside its compound
    CHECK_FALSE(sc.known("Zelenskyyy"));
    CHECK(house->contains("Zelenskyy"));
    CHECK_FALSE(house->contains("zelenskyy"));  // a capitalized entry stays capitalized
}

TEST_CASE("the plural and the adverb of a known -ing form are words", "[spell]") {
    auto sc = lexicon_checker(Dialect::US);
    CHECK(sc.known("ponderings"));
    CHECK(sc.known("Ponderings"));
    CHECK(sc.known("PONDERINGS"));
    CHECK(sc.known("ponderings’"));
    CHECK(sc.known("invokingly"));
    CHECK_FALSE(sc.known("ponderrings"));  // a slip in the -ing form is still one
    CHECK_FALSE(sc.known("invokinly"));
    CHECK_FALSE(sc.known("seemless"));  // no other ending: "seamless" mistyped
    CHECK_FALSE(sc.known("seemings"));  // "seeming" is not listed
}

TEST_CASE("un- before a known participle or -able adjective makes a word", "[spell]") {
    auto sc = lexicon_checker(Dialect::US);
    for (const std::string_view word : {"unvetted", "Unredacted", "UNVETTED", "unvetted’s"}) {
        INFO(word);
        CHECK(sc.known(word));
    }
    CHECK_FALSE(sc.known("unvettted"));     // a slip in the participle is still one
    CHECK_FALSE(sc.known("ungovernment"));  // not a participle
    CHECK_FALSE(sc.known("unsucceed"));     // -eed ends a verb ("succeed"), not a participle
    // A stem under five letters vouches for nothing: "unsed" is "unused" mistyped.
    CHECK(sc.known("bed"));
    CHECK_FALSE(sc.known("unbed"));
    CHECK_FALSE(sc.known("revetted"));  // "un" only
    // The misspellings table knows "unsinged" for "unsigned": a typo, though "singed" is known.
    CHECK_FALSE(sc.known("unsinged"));
    auto no_table = lexicon_checker(Dialect::US, false);
    CHECK(no_table.known("unsinged"));
}

TEST_CASE("word list files skip comments and blank lines", "[spell]") {
    WordList list;
    std::string error;
    REQUIRE(list.load_file(COPYDESK_TEST_DATA "/house.txt", error));
    CHECK(list.contains("Kharkiv"));
    CHECK(list.contains("Lukashenko"));
    CHECK_FALSE(list.contains("#"));
    CHECK_FALSE(list.load_file(COPYDESK_TEST_DATA "/missing.txt", error));
    CHECK(error.find("missing.txt") != std::string::npos);
}

TEST_CASE("a word list keeps thousands of words, each once, through its table's growth",
          "[spell]") {
    WordList list;
    for (int i = 0; i < 5000; ++i) list.add_entry("word" + std::to_string(i));
    list.add_entry("word17 word17 Odesa-Kharkiv-road");  // repeats, and a hyphenated entry
    CHECK(list.size() == 5000 + 4);                      // Odesa, Kharkiv, road and the whole
    for (int i = 0; i < 5000; i += 7) {
        const std::string w = "word" + std::to_string(i);
        INFO(w);
        CHECK(list.contains(w));
        CHECK(list.contains("W" + w.substr(1)));  // capitalized: the listed lower-case word
        CHECK_FALSE(list.contains(w + "x"));
        CHECK_FALSE(list.contains(w.substr(0, w.size() - 1) + "x"));
        list.prefetch(w);  // a hint only: nothing to see
    }
    CHECK(list.contains("Odesa-Kharkiv-road"));
    CHECK(list.contains("Kharkiv"));
    CHECK_FALSE(list.contains("odesa"));  // a capitalized entry stays capitalized
    CHECK_FALSE(list.contains(""));
    CHECK_FALSE(list.contains("WORD17"));  // only the first letter is lowered
}

TEST_CASE("suggestions are ordered, bounded and cached", "[spell]") {
    auto sc = checker();
    const auto first = sc.suggestions("goverment", 3);
    REQUIRE_FALSE(first.empty());
    CHECK(first.front() == "government");
    CHECK(first.size() <= 3);
    const auto& a = sc.corrections("goverment");
    const auto& b = sc.corrections("goverment");
    CHECK(&a == &b);
    CHECK_FALSE(a.safe);  // no table: Hunspell's guesses are never safe
}

TEST_CASE("the checkers of one run share the corrections they work out", "[spell]") {
    SpellData data;
    data.house = std::make_shared<WordList>();
    data.lexicon = tiny_lexicon();
    data.corrections = std::make_shared<CorrectionCache>();
    auto make = [&] {
        return SpellChecker(make_lexicon_speller(data.lexicon, Dialect::US), data, Dialect::US);
    };
    auto first = make();
    auto second = make();
    const Corrections& a = first.corrections("goverment");
    REQUIRE_FALSE(a.words.empty());
    CHECK(a.words.front() == "government");
    CHECK(&second.corrections("goverment") == &a);  // worked out once
    // Without a shared cache each checker has its own, with the same answers.
    auto alone = lexicon_checker(Dialect::US, false);
    CHECK(&alone.corrections("goverment") != &a);
    CHECK(alone.corrections("goverment").words == a.words);

    // Threads asking at once all get the answer one thread alone gets.
    const std::vector<std::string> words{"goverment", "toi", "recieve", "adress", "Febuary"};
    std::vector<std::vector<std::string>> expected;
    for (const auto& w : words) expected.push_back(alone.corrections(w).words);
    data.corrections = std::make_shared<CorrectionCache>();
    std::vector<std::vector<std::vector<std::string>>> got(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < got.size(); ++t) {
        threads.emplace_back([&, t] {
            auto checker = make();
            for (std::size_t i = 0; i < words.size(); ++i) {
                const auto& w = words[(i + t) % words.size()];
                got[t].push_back(checker.corrections(w).words);
            }
        });
    }
    for (auto& th : threads) th.join();
    for (std::size_t t = 0; t < got.size(); ++t) {
        for (std::size_t i = 0; i < words.size(); ++i) {
            CHECK(got[t][i] == expected[(i + t) % words.size()]);
        }
    }
}

TEST_CASE("a missing dictionary names the folders tried", "[spell]") {
    auto r = find_dictionary("xx_NOPE");
    REQUIRE(std::holds_alternative<std::string>(r));
    const std::string& why = std::get<std::string>(r);
    CHECK(why.find("/usr/share/hunspell") != std::string::npos);
    CHECK(why.find("xx_NOPE") != std::string::npos);
}

TEST_CASE("DICPATH is searched first", "[spell]") {
    ::setenv("DICPATH", COPYDESK_TEST_DATA, 1);
    auto r = find_dictionary("tiny");
    ::unsetenv("DICPATH");
    REQUIRE(std::holds_alternative<DictionaryFiles>(r));
    CHECK(std::get<DictionaryFiles>(r).aff.ends_with("tiny.aff"));
}

TEST_CASE("lexicon files are checked line by line", "[spell]") {
    auto bad = [](std::string text) {
        auto r = Lexicon::parse(std::move(text), "w.tsv");
        REQUIRE(std::holds_alternative<std::string>(r));
        return std::get<std::string>(r);
    };
    CHECK(bad("the\t10\t00\na\t10\t08\n") ==
          "w.tsv:2: entries must be sorted by their "
          "ASCII-lower-cased spelling, once each");
    CHECK(bad("# c\nthe 10 00\n").starts_with("w.tsv:2: expected 'word<TAB>level"));
    CHECK(bad("the\t10x\t00\n") == "w.tsv:1: dialect must be 'u' or 'g'");
    CHECK(std::holds_alternative<std::string>(Lexicon::load(COPYDESK_TEST_DATA "/none.tsv")));
    auto ok = Lexicon::parse("a\t10\t08\nMay\t20\t30\nmay\t10\t20\n", "w.tsv");
    REQUIRE(std::holds_alternative<std::shared_ptr<const Lexicon>>(ok));
    CHECK(std::get<std::shared_ptr<const Lexicon>>(ok)->same_letters("MAY").size() == 2);
}

namespace {

std::span<const std::byte> bytes_of(const std::string& s) {
    return std::as_bytes(std::span(s.data(), s.size()));
}

std::shared_ptr<const Lexicon> parsed(std::string text, std::span<const std::byte> index = {}) {
    auto r = Lexicon::parse(std::move(text), "w.tsv", index);
    REQUIRE(std::holds_alternative<std::shared_ptr<const Lexicon>>(r));
    return std::get<std::shared_ptr<const Lexicon>>(r);
}

bool same_entries_span(std::span<const Lexicon::Entry> a, std::span<const Lexicon::Entry> b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const Lexicon::Entry& x, const Lexicon::Entry& y) {
                          return std::memcmp(&x, &y, sizeof x) == 0;
                      });
}

bool same_entries(const Lexicon& a, const Lexicon& b) {
    return same_entries_span(a.entries(), b.entries());
}

}  // namespace

TEST_CASE("a lexicon index stands in for parsing only the text it was made from", "[spell]") {
    const std::string text = *read_whole_file(COPYDESK_TEST_DATA "/tiny-words.tsv");
    const auto plain = parsed(text);
    const std::string index = plain->index();
    CHECK(same_entries(*parsed(text, bytes_of(index)), *plain));

    // The entries come from the index: one altered there shows through.
    std::string altered = index;
    Lexicon::Entry first;
    const std::size_t at = index.find(std::string_view(
        reinterpret_cast<const char*>(plain->entries().data()), sizeof(Lexicon::Entry)));
    REQUIRE(at != std::string::npos);
    std::memcpy(&first, altered.data() + at, sizeof first);
    first.level = 77;
    std::memcpy(altered.data() + at, &first, sizeof first);
    CHECK(parsed(text, bytes_of(altered))->entries().front().level == 77);

    // An index of other bytes, or bytes that are no index, are ignored.
    std::string edited = text;
    edited[edited.find("\t10\t")] = ' ';  // "a 10" is now one malformed word
    CHECK(std::holds_alternative<std::string>(Lexicon::parse(edited, "w.tsv", bytes_of(index))));
    std::string reordered = text;
    reordered.replace(reordered.find("about\t10"), 8, "about\t20");
    CHECK(parsed(reordered, bytes_of(index))->entries()[1].level == 20);
    CHECK(same_entries(*parsed(text, bytes_of(std::string(200, 'x'))), *plain));
    CHECK(same_entries(*parsed(text, bytes_of(index.substr(0, index.size() - 1))), *plain));

    // An index at an odd address is copied rather than used in place.
    const std::string shifted = " " + index;
    CHECK(same_entries(*parsed(text, bytes_of(shifted).subspan(1)), *plain));

    // Search tables that point past the entries, or that lose their padding, are not trusted:
    // the searches and sound-alikes are those of the text. The reversed order's entries
    // follow the entries, both orders' prefixes and tails, and the sound keys (the header's
    // last field counts them).
    auto finds = [](const Lexicon& lex) {
        std::vector<std::string> out;
        auto keep = [&](const Lexicon::Entry& e, int n) {
            out.push_back(std::string(lex.word(e)) + std::to_string(n));
        };
        lex.search("g", "overnmnet", 3, keep);
        lex.search("y", "uong", 3, keep);  // the last words in either order
        lex.search("a", "bout", 1, keep);
        // The common words alone: the index's walks leave out the branches without any.
        lex.search("g", "overnmnet", 3, keep, Lexicon::SearchMethod::Fastest,
                   Lexicon::kCommonLevel);
        lex.search("a", "bot", 1, keep, Lexicon::SearchMethod::Fastest, Lexicon::kCommonLevel);
        lex.sounding_like(sound_key("guvernment"),
                          [&](const Lexicon::Entry& e) { out.emplace_back(lex.word(e)); });
        std::sort(out.begin(), out.end());
        return out;
    };
    REQUIRE_FALSE(finds(*plain).empty());
    CHECK(finds(*parsed(text, bytes_of(index))) == finds(*plain));
    std::uint64_t sounds = 0;
    std::memcpy(&sounds, index.data() + 32, sizeof sounds);
    const std::size_t count = plain->entries().size();
    std::string pointing_out = index;
    const std::size_t reversed_at = at + count * (sizeof(Lexicon::Entry) + 32) + sounds * 8;
    std::memset(pointing_out.data() + reversed_at, 0xFF, 4 * count);
    CHECK(finds(*parsed(text, bytes_of(pointing_out))) == finds(*plain));
    std::string unpadded = index;
    std::memset(unpadded.data() + unpadded.size() - 16, 'x', 16);
    CHECK(finds(*parsed(text, bytes_of(unpadded))) == finds(*plain));

    // Tries whose nodes lead anywhere: every search still ends and reads nothing outside
    // the index (the sanitizer build runs this test), since a walk reads no more nodes than
    // a trie holds, each within it. What such a search finds is not specified. The tries end the
    // index, nodes before places; the header's last two fields count their nodes.
    std::uint64_t forward_nodes = 0;
    std::uint64_t reversed_nodes = 0;
    std::memcpy(&forward_nodes, index.data() + 48, sizeof forward_nodes);
    std::memcpy(&reversed_nodes, index.data() + 56, sizeof reversed_nodes);
    REQUIRE(forward_nodes > 0);
    REQUIRE(reversed_nodes > 0);
    const std::size_t tries_at = index.size() - 8 * (forward_nodes + reversed_nodes);
    std::uint64_t state = 7;
    auto noise = [&state] {  // xorshift64
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    for (int pattern = 0; pattern < 4; ++pattern) {  // zeros, ones, two kinds of noise
        std::string bad_trie = index;
        for (std::size_t k = tries_at; k < index.size(); ++k) {
            const auto byte = static_cast<char>(pattern == 2 ? noise() % 256 : noise() % 4 * 85);
            bad_trie[k] = pattern == 0 ? '\0' : pattern == 1 ? '\xFF' : byte;
        }
        const auto from_bad_trie = parsed(text, bytes_of(bad_trie));
        CHECK(from_bad_trie->walks_tries());
        CHECK_NOTHROW(finds(*from_bad_trie));
    }
    CHECK(parsed(text, bytes_of(index))->walks_tries());
    CHECK_FALSE(parsed(text)->walks_tries());  // one that never made an index

    // Lookup slots past the entries send lookups to the bisection. The slots come after the
    // reversed order's entries and the sounds' entries; the header's field after the sounds
    // counts them.
    std::uint64_t slots = 0;
    std::memcpy(&slots, index.data() + 40, sizeof slots);
    REQUIRE(std::has_single_bit(slots));
    std::string bad_slots = index;
    const std::size_t slots_at = reversed_at + 4 * count + 4 * sounds;
    std::memset(bad_slots.data() + slots_at, 0xFF, 4 * slots);
    const auto from_bad = parsed(text, bytes_of(bad_slots));
    const auto from_index = parsed(text, bytes_of(index));
    // Prefetching reads the same slots and entries, so it must refuse the same bad slots.
    std::vector<std::string> words{"", "ZZZZQ", std::string(300, 'a')};
    for (const Lexicon::Entry& e : plain->entries()) words.emplace_back(plain->word(e));
    const std::vector<std::string_view> views(words.begin(), words.end());
    for (const auto* lex : {plain.get(), from_index.get(), from_bad.get()}) {
        lex->prefetch_same_letters(views);
    }
    for (const Lexicon::Entry& e : plain->entries()) {
        const std::string w(plain->word(e));
        INFO(w);
        CHECK(same_entries_span(from_index->same_letters(w), plain->same_letters(w)));
        CHECK(same_entries_span(from_bad->same_letters(w), plain->same_letters(w)));
    }
    CHECK(from_index->same_letters("zzzzq").empty());
    CHECK(from_bad->same_letters("zzzzq").empty());

    // The tails' tables follow the slots (the header's last two fields count them). Entry
    // numbers past the entries, or slots leading anywhere, find no entry a tail does not
    // name, and read nothing outside the index.
    std::uint64_t tail_entries = 0;
    std::uint64_t tail_slots = 0;
    std::memcpy(&tail_entries, index.data() + 64, sizeof tail_entries);
    std::memcpy(&tail_slots, index.data() + 72, sizeof tail_slots);
    REQUIRE(tail_entries > 0);
    REQUIRE(std::has_single_bit(tail_slots));
    const std::size_t tails_at = slots_at + 4 * slots;
    for (const char fill : {'\xFF', '\x01', '\0'}) {
        std::string bad_tails = index;
        std::memset(bad_tails.data() + tails_at, fill, 4 * (tail_entries + tail_slots));
        const auto from_bad_tails = parsed(text, bytes_of(bad_tails));
        for (const Lexicon::Entry& e : plain->entries()) {
            const std::string tail(plain->folded(e).substr(1));
            INFO(tail);
            const auto want = plain->after_a_letter(tail);
            CHECK(std::vector<std::uint32_t>(from_index->after_a_letter(tail).begin(),
                                             from_index->after_a_letter(tail).end()) ==
                  std::vector<std::uint32_t>(want.begin(), want.end()));
            for (const std::uint32_t found : from_bad_tails->after_a_letter(tail)) {
                CHECK(std::find(want.begin(), want.end(), found) != want.end());
            }
        }
    }
}

TEST_CASE("a lexicon file is loaded from its index only if the file holds its very text",
          "[spell]") {
    namespace fs = std::filesystem;
    const std::string text = *read_whole_file(COPYDESK_TEST_DATA "/tiny-words.tsv");
    const std::string index = parsed(text)->index();
    const auto in_index = [&](const Lexicon& lex) {
        const auto* p = reinterpret_cast<const char*>(lex.entries().data());
        return p >= index.data() && p < index.data() + index.size();
    };
    const fs::path dir = fs::temp_directory_path() / "copydesk-lexicon-index-test";
    fs::create_directories(dir);
    const std::string path = (dir / "words.tsv").string();
    auto load_file = [&](const std::string& contents) {
        std::ofstream(path, std::ios::binary | std::ios::trunc) << contents;
        auto r = Lexicon::load(path, bytes_of(index));
        REQUIRE(std::holds_alternative<std::shared_ptr<const Lexicon>>(r));
        return std::get<std::shared_ptr<const Lexicon>>(r);
    };
    const auto same = load_file(text);
    CHECK(in_index(*same));
    CHECK(same->find("colour") != nullptr);
    CHECK(same->counterpart(*same->find("colour")) == "color");
    // Longer, shorter or changed text: parsed, and the change is seen.
    const auto longer = load_file(text + "zebra\t40\t50\n");
    CHECK_FALSE(in_index(*longer));
    CHECK(longer->find("zebra") != nullptr);
    CHECK_FALSE(in_index(*load_file(text.substr(0, text.size() - 1))));
    std::string changed = text;
    changed.replace(changed.find("about\t10"), 8, "about\t20");
    const auto edited = load_file(changed);
    CHECK_FALSE(in_index(*edited));
    CHECK(edited->entries()[1].level == 20);
    fs::remove_all(dir);
}

TEST_CASE("the program's built-in index is the shipped lexicon's", "[spell]") {
    const std::string path = COPYDESK_SOURCE_DIR "/dictionaries/spelling/words.tsv";
    const auto index = embedded_lexicon_index();
    REQUIRE(!index.empty());
    auto with_index = Lexicon::load(path);
    auto without = Lexicon::load(path, {});
    REQUIRE(std::holds_alternative<std::shared_ptr<const Lexicon>>(with_index));
    REQUIRE(std::holds_alternative<std::shared_ptr<const Lexicon>>(without));
    const auto& fast = *std::get<std::shared_ptr<const Lexicon>>(with_index);
    const auto& slow = *std::get<std::shared_ptr<const Lexicon>>(without);
    const auto* entries = reinterpret_cast<const std::byte*>(fast.entries().data());
    CHECK(entries >= index.data());
    CHECK(entries < index.data() + index.size());
    CHECK(same_entries(fast, slow));
    CHECK(fast.find("government") != nullptr);

    // The index's sound table and search tables answer as those made from the text: the
    // sound-alikes of every 50th word's key, and searches around every 500th word.
    auto sounds = [](const Lexicon& lex, const std::string& key) {
        std::vector<const Lexicon::Entry*> found;
        lex.sounding_like(key, [&](const Lexicon::Entry& e) { found.push_back(&e); });
        return found;
    };
    auto near = [](const Lexicon& lex, std::string_view word) {
        std::vector<std::pair<std::size_t, int>> found;
        lex.search(word.substr(0, 1), word.substr(1), 3, [&](const Lexicon::Entry& e, int n) {
            found.emplace_back(static_cast<std::size_t>(&e - lex.entries().data()), n);
        });
        std::sort(found.begin(), found.end());
        return found;
    };
    std::size_t sound_alikes = 0;
    for (std::size_t i = 0; i < slow.entries().size(); i += 50) {
        const std::string key = sound_key(slow.word(slow.entries()[i]));
        const auto in_index = sounds(fast, key);
        const auto made = sounds(slow, key);
        INFO(slow.word(slow.entries()[i]) << " sounds " << key);
        REQUIRE(in_index.size() == made.size());
        for (std::size_t k = 0; k < made.size(); ++k) {
            CHECK(in_index[k] - fast.entries().data() == made[k] - slow.entries().data());
        }
        sound_alikes += made.size();
    }
    CHECK(sound_alikes > 3000);
    for (std::size_t i = 0; i < slow.entries().size(); i += 500) {
        const std::string word(slow.folded(slow.entries()[i]));
        if (word.size() < 2) continue;
        INFO(word);
        CHECK(near(fast, word) == near(slow, word));
    }
}

TEST_CASE("lexicon lookups follow Hunspell's case rules", "[spell]") {
    const auto lex = tiny_lexicon();
    CHECK(lex->find("government") != nullptr);
    CHECK(lex->find("Government") != nullptr);
    CHECK(lex->find("GOVERNMENT") != nullptr);
    CHECK(lex->find("February") != nullptr);
    CHECK(lex->find("FEBRUARY") != nullptr);
    CHECK(lex->find("february") == nullptr);  // a name keeps its capital
    CHECK(lex->find("GoVernment") == nullptr);
    const auto* colour = lex->find("colour");
    REQUIRE(colour != nullptr);
    CHECK(colour->dialect == Dialect::GB);
    CHECK(lex->counterpart(*colour) == "color");
    CHECK(lex->find("colour", Dialect::US) != nullptr);  // the other dialect's spelling
}

TEST_CASE("lexicon search finds words within the edit bound", "[spell]") {
    const auto lex = tiny_lexicon();
    std::vector<std::pair<std::string, int>> found;
    auto collect = [&](const Lexicon::Entry& e, int edits) {
        found.emplace_back(std::string(lex->word(e)), edits);
    };
    lex->search("", "toi", 1, collect);
    std::sort(found.begin(), found.end());
    CHECK(found == std::vector<std::pair<std::string, int>>{{"to", 1}, {"toe", 1}, {"too", 1}});
    found.clear();
    lex->search("g", "ovrenment", 2, collect);  // first letter kept: a swap and a slip
    std::sort(found.begin(), found.end());
    CHECK(found == std::vector<std::pair<std::string, int>>{{"government", 1}, {"governments", 2}});
}

TEST_CASE("the shipped lexicon spells accented words in UTF-8, without mojibake", "[spell]") {
    auto loaded = Lexicon::load(COPYDESK_SOURCE_DIR "/dictionaries/spelling/words.tsv");
    REQUIRE(std::holds_alternative<std::shared_ptr<const Lexicon>>(loaded));
    const auto lex = std::get<std::shared_ptr<const Lexicon>>(loaded);
    std::vector<std::string> garbled;
    for (const Lexicon::Entry& e : lex->entries()) {
        if (!copydesk::text::find_mojibake(lex->word(e)).empty()) {
            garbled.emplace_back(lex->word(e));
        }
    }
    CHECK(garbled.empty());
    // Accented words from SCOWL, valid under either dialect.
    for (const char* word : {"café", "attaché", "cliché", "fiancée", "Atatürk"}) {
        INFO(word);
        const Lexicon::Entry* e = lex->find(word);
        REQUIRE(e != nullptr);
        CHECK(Lexicon::valid_in(Dialect::US, *e));
        CHECK(Lexicon::valid_in(Dialect::GB, *e));
    }
}

TEST_CASE("a search with a prefix walks exactly the words that start with it", "[spell]") {
    // Prefixes of one to ten letters, read from the prefix table up to eight and from the text
    // beyond: every word is found from each split of its own letters with no edit, and nothing
    // spelled otherwise.
    auto loaded = Lexicon::load(COPYDESK_SOURCE_DIR "/dictionaries/spelling/words.tsv");
    REQUIRE(std::holds_alternative<std::shared_ptr<const Lexicon>>(loaded));
    const auto lex = std::get<std::shared_ptr<const Lexicon>>(loaded);
    const auto entries = lex->entries();
    std::size_t searched = 0;
    for (std::size_t i = 0; i < entries.size(); i += 97) {
        const std::string w(lex->folded(entries[i]));
        for (const std::size_t split : {1, 2, 3, 7, 8, 9, 10}) {
            if (split > w.size()) continue;
            bool self = false;
            bool other = false;
            lex->search(w.substr(0, split), w.substr(split), 0, [&](const Lexicon::Entry& e, int) {
                self |= &e == &entries[i];
                other |= lex->folded(e) != w;
            });
            INFO(w << " split " << split);
            CHECK(self);
            CHECK_FALSE(other);
            ++searched;
        }
    }
    CHECK(searched > 5000);
    int found = 0;
    lex->search(std::string("a\0", 2), "", 2, [&](const Lexicon::Entry&, int) { ++found; });
    CHECK(found == 0);  // no folded word holds a NUL
}

namespace {

// Numbers below `n` drawn from a seed: the same on every machine.
class Draw {
  public:
    explicit Draw(std::uint64_t seed) : state_(seed) {}
    std::uint64_t operator()(std::uint64_t n) {
        state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
        return (state_ >> 33) % n;
    }

  private:
    std::uint64_t state_;
};

// Up to `most` slips in `q`: a letter added, left out or changed, or two letters swapped.
void add_slips(std::string& q, std::uint64_t most, Draw& next) {
    for (auto slips = next(most + 1); slips > 0; --slips) {
        const auto at = q.empty() ? 0 : next(q.size());
        const auto letter = static_cast<char>('a' + next(26));
        switch (next(4)) {
            case 0:
                q.insert(q.begin() + static_cast<std::ptrdiff_t>(at), letter);
                break;
            case 1:
                if (!q.empty()) q.erase(at, 1);
                break;
            case 2:
                if (!q.empty()) q[at] = letter;
                break;
            default:
                if (at + 1 < q.size()) std::swap(q[at], q[at + 1]);
        }
    }
}

}  // namespace

TEST_CASE("the fastest lexicon search finds what the reference search finds", "[spell]") {
    // The shipped lexicon, and queries made from its words by up to four random slips: of
    // every length either side of the packed rows' limit, with and without a fixed first
    // letter, and with every edit bound the suggester asks for and some beyond. Loaded with
    // its index, as the program loads it, the fastest search walks the index's tries; loaded
    // without, the sorted places (both are checked).
    const std::string path = COPYDESK_SOURCE_DIR "/dictionaries/spelling/words.tsv";
    auto loaded = Lexicon::load(path, {});
    REQUIRE(std::holds_alternative<std::shared_ptr<const Lexicon>>(loaded));
    const auto plain = std::get<std::shared_ptr<const Lexicon>>(loaded);
    // Made by another, since making an index makes the tries of the lexicon that makes it.
    const std::string index =
        std::get<std::shared_ptr<const Lexicon>>(Lexicon::load(path, {}))->index();
    auto indexed = Lexicon::load(path, bytes_of(index));
    REQUIRE(std::holds_alternative<std::shared_ptr<const Lexicon>>(indexed));
    const bool with_index = GENERATE(true, false);
    const auto lex = with_index ? std::get<std::shared_ptr<const Lexicon>>(indexed) : plain;
    INFO("with index: " << with_index);
    CHECK(lex->walks_tries() == with_index);
    const auto entries = lex->entries();
    Draw next(0x9E3779B97F4A7C15ULL);
    using Found = std::vector<std::pair<const Lexicon::Entry*, int>>;
    auto run = [&](std::string_view prefix, std::string_view query, int edits,
                   Lexicon::SearchMethod how) {
        Found found;
        lex->search(
            prefix, query, edits,
            [&](const Lexicon::Entry& e, int n) { found.emplace_back(&e, n); }, how);
        std::sort(found.begin(), found.end());
        return found;
    };
    std::size_t compared = 0;
    std::size_t hits = 0;
#ifdef COPYDESK_SANITIZED
    constexpr int kRounds = 400;
#else
    constexpr int kRounds = 1500;
#endif
    for (int round = 0; round < kRounds; ++round) {
        std::string q(lex->folded(entries[next(entries.size())]));
        add_slips(q, 4, next);
        if (q.empty()) continue;
        const std::size_t fixed = std::min<std::size_t>(next(3), q.size() - 1);
        // Bounds past those suggestions use, now and then: the packed rows take a longer way.
        const int edits = static_cast<int>(round % 10 == 0 ? 4 + next(2) : next(4));
        INFO(q << " fixed " << fixed << " edits " << edits);
        const Found packed =
            run(q.substr(0, fixed), q.substr(fixed), edits, Lexicon::SearchMethod::Fastest);
        CHECK(packed ==
              run(q.substr(0, fixed), q.substr(fixed), edits, Lexicon::SearchMethod::Reference));
        ++compared;
        hits += packed.size();
    }
    CHECK(compared > kRounds * 9 / 10);
    CHECK(hits > kRounds);  // the searches found words, not only nothing
}

TEST_CASE("the fastest lexicon search sees letters beyond a-z and letters a query repeats",
          "[spell]") {
    // The packed rows read where the query has each letter from a table made once a search,
    // with one slot for every byte it lacks and one for byte 0: queries holding apostrophes,
    // hyphens, digits and UTF-8 bytes, or one letter many times, and words slipped with such
    // bytes, must still find what the reference search finds.
    const std::string path = COPYDESK_SOURCE_DIR "/dictionaries/spelling/words.tsv";
    const std::string index =
        std::get<std::shared_ptr<const Lexicon>>(Lexicon::load(path, {}))->index();
    const auto lex = std::get<std::shared_ptr<const Lexicon>>(Lexicon::load(path, bytes_of(index)));
    REQUIRE(lex->walks_tries());
    const std::array<std::string_view, 12> queries{{
        "o'clock",
        "rock'n'roll",
        "t-shirt",
        "caf\xc3\xa9",
        "na\xc3\xafve",
        "mississippi",
        "aaaaaaa",
        "bookkeeper",
        "2nd",
        "e-mail",
        "o'clokc",
        "se\xc3\xb1ora",
    }};
    const std::array<char, 6> odd{{'\'', '-', '7', '\xc3', '\xa9', 'e'}};
    Draw next(0x5DEECE66DULL);
    std::size_t hits = 0;
    for (std::string_view query : queries) {
        for (int round = 0; round < 12; ++round) {
            std::string q(query);
            if (round > 0)
                q.insert(q.begin() + static_cast<std::ptrdiff_t>(next(q.size() + 1)),
                         odd[next(odd.size())]);
            if (round > 6) add_slips(q, 2, next);
            if (q.size() < 2) continue;
            for (int edits = 0; edits <= 3; ++edits) {
                INFO(q << " edits " << edits);
                std::vector<std::pair<const Lexicon::Entry*, int>> fastest;
                std::vector<std::pair<const Lexicon::Entry*, int>> reference;
                lex->search(q.substr(0, 1), q.substr(1), edits,
                            [&](const Lexicon::Entry& e, int n) { fastest.emplace_back(&e, n); });
                lex->search(
                    q.substr(0, 1), q.substr(1), edits,
                    [&](const Lexicon::Entry& e, int n) { reference.emplace_back(&e, n); },
                    Lexicon::SearchMethod::Reference);
                std::sort(fastest.begin(), fastest.end());
                std::sort(reference.begin(), reference.end());
                CHECK(fastest == reference);
                hits += fastest.size();
            }
        }
    }
    CHECK(hits > 500);  // the searches found words, not only nothing
}

namespace {

// Queries made from the shipped lexicon's words by up to three random slips, capitalized or not.
std::vector<std::string> slipped_words(const Lexicon& lex, std::size_t count, std::uint64_t seed) {
    Draw next(seed);
    std::vector<std::string> out;
    while (out.size() < count) {
        std::string q(lex.folded(lex.entries()[next(lex.entries().size())]));
        add_slips(q, 3, next);
        if (q.size() < 2) continue;
        if (next(2) == 0 && q[0] >= 'a' && q[0] <= 'z') q[0] = static_cast<char>(q[0] - 'a' + 'A');
        out.push_back(q);
    }
    return out;
}

// The shipped lexicon, from the program's index or parsed from its text.
std::shared_ptr<const Lexicon> shipped_lexicon(bool from_index) {
    const std::string path = COPYDESK_SOURCE_DIR "/dictionaries/spelling/words.tsv";
    auto loaded = from_index ? Lexicon::load(path) : Lexicon::load(path, {});
    REQUIRE(std::holds_alternative<std::shared_ptr<const Lexicon>>(loaded));
    return std::get<std::shared_ptr<const Lexicon>>(loaded);
}

}  // namespace

TEST_CASE("a search of the common words finds what the whole search finds among them", "[spell]") {
    // From the program's index (its tries, which mark the branches that lead to a common word)
    // and from the text (sorted places, each word's level read as it is found).
    for (const bool from_index : {true, false}) {
        CAPTURE(from_index);
        const auto lexicon = shipped_lexicon(from_index);
        const Lexicon& all = *lexicon;
        CHECK(all.walks_tries() == from_index);
        const auto common =
            std::count_if(all.entries().begin(), all.entries().end(),
                          [](const Lexicon::Entry& e) { return e.level <= Lexicon::kCommonLevel; });
        CHECK(common > 30'000);
        CHECK(static_cast<std::size_t>(common) < all.entries().size() / 2);

        // Words (with their edits) that a search of `max_level` or lower finds, or that the
        // whole search finds of `keep_level` or lower.
        using Found = std::vector<std::pair<std::string, int>>;
        auto search = [&](std::string_view prefix, std::string_view q, int edits, int max_level,
                          int keep_level) {
            Found found;
            all.search(
                prefix, q, edits,
                [&](const Lexicon::Entry& e, int n) {
                    if (e.level <= keep_level) found.emplace_back(all.word(e), n);
                },
                Lexicon::SearchMethod::Fastest, max_level);
            std::sort(found.begin(), found.end());
            return found;
        };
        constexpr int kAny = Lexicon::kAnyLevel;
        std::size_t hits = 0;
        for (const std::string& w : slipped_words(all, 300, 0xC0FFEE)) {
            const std::string q = ascii_fold(w);
            CAPTURE(q);
            for (const int level : {Lexicon::kCommonLevel, 20, 60}) {
                CAPTURE(level);
                for (const int edits : {1, 2, 3}) {
                    const Found found = search(q.substr(0, 1), q.substr(1), edits, level, kAny);
                    CHECK(found == search(q.substr(0, 1), q.substr(1), edits, kAny, level));
                    hits += level == Lexicon::kCommonLevel ? found.size() : 0;
                }
                CHECK(search("", q, 1, level, kAny) == search("", q, 1, kAny, level));
                CHECK(search(q.substr(0, 2), q.substr(2), 2, level, kAny) ==
                      search(q.substr(0, 2), q.substr(2), 2, kAny, level));
            }
        }
        CHECK(hits > 1000);
    }
}

TEST_CASE("a lexicon's tail lookups find what trying each letter finds", "[spell]") {
    for (const bool from_index : {true, false}) {
        CAPTURE(from_index);
        const auto lexicon = shipped_lexicon(from_index);
        const Lexicon& all = *lexicon;
        std::size_t letter_before = 0;
        for (const std::string& w : slipped_words(all, 300, 0xC0FFEE)) {
            const std::string q = ascii_fold(w);
            CAPTURE(q);
            // The words a letter before the word, or in place of its first, makes.
            for (const std::string_view tail :
                 {std::string_view(q), std::string_view(q).substr(1)}) {
                std::vector<std::uint32_t> tried;
                for (char c = 'a'; c <= 'z'; ++c) {
                    for (const Lexicon::Entry& e : all.same_letters(c + std::string(tail))) {
                        tried.push_back(static_cast<std::uint32_t>(&e - all.entries().data()));
                    }
                }
                std::sort(tried.begin(), tried.end());
                const auto looked_up = all.after_a_letter(tail);
                CHECK(std::vector<std::uint32_t>(looked_up.begin(), looked_up.end()) == tried);
                letter_before += tried.size();
            }
        }
        CHECK(letter_before > 100);
    }
}

TEST_CASE("names far from every common word are judged without ranking the same", "[spell]") {
    // One checker has ranked each word's corrections before it is judged (so judges from the
    // ranking), the other has not (so may judge from the common words alone): they agree.
    SpellData data;
    REQUIRE_FALSE(
        load_spelling_data(COPYDESK_SOURCE_DIR "/dictionaries/spelling", true, data).has_value());
    auto checker_of = [&] {
        SpellData own = data;
        own.house = std::make_shared<WordList>();
        return SpellChecker(make_lexicon_speller(own.lexicon, Dialect::US), own, Dialect::US);
    };
    SpellChecker ranked_first = checker_of();
    SpellChecker judged_first = checker_of();
    using Evidence = SpellChecker::NameEvidence;
    std::vector<std::string> words = slipped_words(*data.lexicon, 600, 0x5EED);
    for (const char* name : {"Zelenskyy", "Kuleba", "Yermak", "Goverment", "Febuary", "Wendsday",
                             "Untill", "Recieved", "Shmyhal", "Podolyak"}) {
        words.emplace_back(name);
    }
    int slips = 0;
    int names = 0;
    for (const std::string& w : words) {
        if (w.size() < 5 || ranked_first.known(w)) continue;
        CAPTURE(w);
        (void)ranked_first.corrections(w);
        const bool slip = judged_first.misspells_common_word(w, Evidence::Capital);
        CHECK(ranked_first.misspells_common_word(w, Evidence::Capital) == slip);
        (slip ? slips : names) += 1;
    }
    CHECK(slips > 12);
    CHECK(names > 100);
}

TEST_CASE("the checkers of one run share which names lie near a common word", "[spell]") {
    SpellData data;
    REQUIRE_FALSE(
        load_spelling_data(COPYDESK_SOURCE_DIR "/dictionaries/spelling", true, data).has_value());
    data.house = std::make_shared<WordList>();
    auto run_cache = std::make_shared<CorrectionCache>();
    auto checker_with = [&](std::shared_ptr<CorrectionCache> cache) {
        SpellData own = data;
        own.corrections = std::move(cache);
        return SpellChecker(make_lexicon_speller(own.lexicon, Dialect::US), own, Dialect::US);
    };
    using Evidence = SpellChecker::NameEvidence;
    const std::vector<std::string> words{"Zelenskyy", "Kuleba",  "Shmyhal", "Podolyak",
                                         "Goverment", "Febuary", "Wendsday"};
    SpellChecker first = checker_with(run_cache);
    SpellChecker alone = checker_with(std::make_shared<CorrectionCache>());
    for (const std::string& w : words) {
        CAPTURE(w);
        CHECK_FALSE(run_cache->near_common(w).has_value());
        const bool slip = first.misspells_common_word(w, Evidence::Capital);
        CHECK(run_cache->near_common(w).has_value());  // kept for the other threads
        CHECK(alone.misspells_common_word(w, Evidence::Capital) == slip);
    }
    // A second checker of the run answers from the verdicts the first one kept.
    SpellChecker second = checker_with(run_cache);
    for (const std::string& w : words) {
        CAPTURE(w);
        CHECK(second.misspells_common_word(w, Evidence::Capital) ==
              alone.misspells_common_word(w, Evidence::Capital));
    }
    // It reads the kept verdict rather than searching again: one said to be far from every
    // common word is not judged a slip, though searching finds "government" near it.
    auto planted = std::make_shared<CorrectionCache>();
    planted->keep_near_common("Goverment", false);
    CHECK(alone.misspells_common_word("Goverment", Evidence::Capital));
    CHECK_FALSE(checker_with(planted).misspells_common_word("Goverment", Evidence::Capital));
    planted->keep_near_common("Goverment", true);  // the first verdict kept stands
    CHECK(planted->near_common("Goverment") == std::optional<bool>(false));
}

TEST_CASE("the typo model prices likely slips below unlikely ones", "[spell]") {
    CHECK(keys_adjacent('a', 's'));
    CHECK(keys_adjacent('r', 'd'));
    CHECK_FALSE(keys_adjacent('a', 'p'));
    CHECK(keys_adjacent('m', 'k'));
    CHECK(keys_adjacent('z', 'a'));
    CHECK_FALSE(keys_adjacent('q', 's'));
    CHECK_FALSE(keys_adjacent('a', 'a'));
    CHECK_FALSE(keys_adjacent('A', 's'));
    // QWERTY: 23 pairs along the rows, 18 + 14 between them; the relation is symmetric.
    int pairs = 0;
    for (char a = 'a'; a <= 'z'; ++a) {
        for (char b = 'a'; b <= 'z'; ++b) {
            CHECK(keys_adjacent(a, b) == keys_adjacent(b, a));
            pairs += keys_adjacent(a, b) ? 1 : 0;
        }
    }
    CHECK(pairs == 2 * 55);
    // One of a double letter left out is the cheapest slip.
    CHECK(typo_cost("ocurred", "occurred") < typo_cost("ocurred", "scurred"));
    CHECK(typo_cost("adress", "address") < typo_cost("adress", "dress"));
    // A swap beats two substitutions; a wrong vowel beats an unrelated letter.
    CHECK(typo_cost("recieve", "receive") < 1.0);
    CHECK(typo_cost("seperate", "separate") < typo_cost("sexerate", "separate"));
    // A slip in the first letter costs more than the same slip later.
    CHECK(typo_cost("xovernment", "government") > typo_cost("goxernment", "government"));
    CHECK(typo_cost("fotograph", "photograph") < typo_cost("fotograph", "autograph"));
    CHECK(typo_cost("government", "government") == 0.0);
    // A letter typed again two places on is a likelier slip than an unrelated one.
    CHECK(typo_cost("janurary", "january") < typo_cost("janutary", "january"));
    CHECK(rarity_cost(0) < rarity_cost(30));
}

namespace {

// The typo model as its recurrence reads, one cell at a time with nothing worked out ahead:
// what TypoCost, which keeps columns from call to call and takes the common cell apart from
// the rare ones, must match to the last bit.
double reference_typo_cost(std::string_view t, std::string_view w) {
    constexpr double kTranspose = 0.55, kVowel = 1.1, kNeighbour = 1.8, kSoundAlike = 1.0,
                     kOtherLetter = 2.25, kOmitDoubled = 0.25, kOmitVowel = 0.75, kOmit = 1.1,
                     kExtraDoubled = 0.6, kExtraNeighbour = 1.7, kExtraVowel = 1.5,
                     kExtraEcho = 1.3, kExtra = 2.0, kDigraph = 0.8, kFirstLetter = 0.7;
    const auto letter = [](char c) { return c >= 'a' && c <= 'z'; };
    const auto vowel = [](char c) {
        return std::string_view("aeiouy").find(c) != std::string_view::npos;
    };
    const auto sound_alike = [](char a, char b) {
        for (std::string_view p : {"ck", "cs", "sz", "gj", "fv", "dt", "mn", "bp", "kq", "xz"}) {
            if ((p[0] == a && p[1] == b) || (p[0] == b && p[1] == a)) return true;
        }
        return false;
    };
    const auto substitute = [&](char a, char b) {
        if (!letter(a) || !letter(b)) return kOtherLetter;
        if (vowel(a) && vowel(b)) return kVowel;
        if (keys_adjacent(a, b)) return kNeighbour;
        return sound_alike(a, b) ? kSoundAlike : kOtherLetter;
    };
    const auto omit = [&](std::size_t j) {
        const char c = w[j];
        if ((j > 0 && w[j - 1] == c) || (j + 1 < w.size() && w[j + 1] == c)) return kOmitDoubled;
        return vowel(c) ? kOmitVowel : kOmit;
    };
    const auto extra = [&](std::size_t i) {
        const char c = t[i];
        if ((i > 0 && t[i - 1] == c) || (i + 1 < t.size() && t[i + 1] == c)) return kExtraDoubled;
        if ((i > 0 && keys_adjacent(t[i - 1], c)) ||
            (i + 1 < t.size() && keys_adjacent(t[i + 1], c))) {
            return kExtraNeighbour;
        }
        if ((i >= 2 && t[i - 2] == c) || (i + 2 < t.size() && t[i + 2] == c)) {
            return vowel(c) ? std::min(kExtraVowel, kExtraEcho) : kExtraEcho;
        }
        return vowel(c) ? kExtraVowel : kExtra;
    };
    const std::size_t n = t.size();
    std::vector<std::vector<double>> d(w.size() + 1, std::vector<double>(n + 1));
    for (std::size_t i = 1; i <= n; ++i) d[0][i] = d[0][i - 1] + extra(i - 1) + kFirstLetter;
    for (std::size_t j = 1; j <= w.size(); ++j) {
        const char b = w[j - 1];
        const bool edge_j = j == 1;
        d[j][0] = d[j - 1][0] + omit(j - 1) + kFirstLetter;
        for (std::size_t i = 1; i <= n; ++i) {
            const char a = t[i - 1];
            const bool edge = i == 1 || edge_j;
            double v = d[j - 1][i - 1];
            if (a != b) v += substitute(a, b) + (edge ? kFirstLetter : 0.0);
            v = std::min(
                v, edge_j ? d[j - 1][i] + omit(j - 1) + kFirstLetter : d[j - 1][i] + omit(j - 1));
            v = std::min(
                v, i == 1 ? d[j][i - 1] + extra(i - 1) + kFirstLetter : d[j][i - 1] + extra(i - 1));
            if (j >= 2 && i >= 2 && a == w[j - 2] && t[i - 2] == b && a != b) {
                v = std::min(v, i == 2 || j == 2 ? d[j - 2][i - 2] + kTranspose + kFirstLetter
                                                 : d[j - 2][i - 2] + kTranspose);
            }
            if (j >= 2 && w[j - 2] == 'p' && b == 'h' && a == 'f') {
                v = std::min(v, i == 1 || j == 2 ? d[j - 2][i - 1] + kDigraph + kFirstLetter
                                                 : d[j - 2][i - 1] + kDigraph);
            }
            if (b == 'f' && i >= 2 && t[i - 2] == 'p' && a == 'h') {
                v = std::min(v, i == 2 || edge_j ? d[j - 1][i - 2] + kDigraph + kFirstLetter
                                                 : d[j - 1][i - 2] + kDigraph);
            }
            d[j][i] = v;
        }
    }
    return d[w.size()][n];
}

}  // namespace

TEST_CASE("the typo table gives the reference recurrence's cost to the last bit", "[spell]") {
    // Words of the shipped lexicon with random slips against runs of its sorted words (whose
    // columns are kept from one to the next) and against slipped copies of themselves, with
    // digraphs, doubled and swapped letters, and characters other than letters mixed in.
    const auto lexicon = shipped_lexicon(true);
    const auto entries = lexicon->entries();
    Draw next(0x5DEECE66DULL);
    constexpr std::string_view kMixed = "abcdefghijklmnopqrstuvwxyzphfph'- -aeiouss";
    const auto mix_in = [&](std::string& q) {
        for (auto k = next(3); k > 0 && !q.empty(); --k)
            q[next(q.size())] = kMixed[next(kMixed.size())];
    };
    std::size_t compared = 0;
    std::size_t nonzero = 0;
    for (int round = 0; round < 600; ++round) {
        std::string typed(lexicon->folded(entries[next(entries.size())]));
        add_slips(typed, 3, next);
        if (round % 3 == 0) mix_in(typed);
        if (round % 50 == 0) typed.resize(next(3));  // empty, one or two letters
        const TypoCost typo(typed);
        const std::size_t from = next(entries.size());
        for (std::size_t k = 0; k < 80; ++k) {
            std::string intended;
            switch (next(4)) {
                case 0:
                    intended = lexicon->folded(entries[(from + k) % entries.size()]);
                    break;
                case 1:
                    intended = typed;
                    add_slips(intended, 2, next);
                    mix_in(intended);
                    break;
                case 2:
                    intended = typed.substr(0, next(typed.size() + 1));
                    break;
                default:
                    intended = lexicon->folded(entries[next(entries.size())]);
            }
            INFO(typed << " for " << intended);
            const double got = typo.to(intended);
            const double want = reference_typo_cost(typed, intended);
            CHECK(std::bit_cast<std::uint64_t>(got) == std::bit_cast<std::uint64_t>(want));
            CHECK(typo_cost(typed, intended) == got);
            ++compared;
            nonzero += got > 0 ? 1 : 0;
        }
    }
    CHECK(compared == 600 * 80);
    CHECK(nonzero > compared / 2);
}

TEST_CASE("corrections are ranked by typo cost and frequency", "[spell]") {
    const auto lex = tiny_lexicon();
    auto rank = [&](std::string_view w) {
        return words_of(rank_corrections(*lex, w, Dialect::US));
    };
    CHECK(rank("toi").front() == "to");  // "to" is far more frequent than "too"
    CHECK(rank("adress").front() == "address");
    CHECK(rank("aboutthe").front() == "about the");
    CHECK(rank("fotograph").front() == "photograph");
    CHECK(rank("Goverment").front() == "Government");  // case carried over
    CHECK(rank("GOVERMENT").front() == "GOVERNMENT");
    CHECK(rank("febuary").front() == "February");  // a name keeps its own case
    CHECK(rank("theatr").front() == "theater");
    CHECK(words_of(rank_corrections(*lex, "theatr", Dialect::GB)).front() == "theatre");
    CHECK(rank_corrections(*lex, "toi", Dialect::US, 2).size() == 2);
    CHECK(rank("xqzvw").empty());
    // Spelled by ear: too many edits away, but it sounds the same.
    CHECK(rank("bisnes").front() == "business");
    // A slip in the first letter and one more further on.
    CHECK(rank("egovernmnt").front() == "government");
    // Only en_GB's dictionary has "checkboxes": not accepted in American text, still offered.
    CHECK_FALSE(lex->find("checkboxes", Dialect::US));
    CHECK(rank("checboxes").front() == "checkboxes");
    // "young" and "Young" are one suggestion for a lower-case slip, in the better-ranked case.
    const auto yung = rank("yung");
    REQUIRE_FALSE(yung.empty());
    CHECK(yung.front() == "young");
    CHECK(std::find(yung.begin(), yung.end(), "Young") == yung.end());
}

TEST_CASE("a long word's third slip is searched for when no likely correction is nearer",
          "[spell]") {
    const auto lex = tiny_lexicon();
    auto rank = [&](std::string_view w) {
        return words_of(rank_corrections(*lex, w, Dialect::US));
    };
    // One wrong vowel from "temporary": "temporarily", three slips away, is not searched for.
    const auto one_slip = rank("temporery");
    REQUIRE_FALSE(one_slip.empty());
    CHECK(one_slip.front() == "temporary");
    CHECK(std::find(one_slip.begin(), one_slip.end(), "temporarily") == one_slip.end());
    // Three slips from both: nothing likely is nearer, so both are found.
    const auto three_slips = rank("temprerly");
    CHECK(std::find(three_slips.begin(), three_slips.end(), "temporarily") != three_slips.end());
    CHECK(std::find(three_slips.begin(), three_slips.end(), "temporary") != three_slips.end());
    // Two slips from "temporary" and none nearer: found by the wider search.
    CHECK(rank("tempraty").front() == "temporary");
    // A letter added before the word and two more swapped, with nothing likely nearer.
    CHECK(rank("xgovernmnet").front() == "government");
}

TEST_CASE("a prefixed word the lexicon lacks is offered with its stem corrected", "[spell]") {
    const auto lex = tiny_lexicon();
    CHECK_FALSE(lex->find("unofficial"));
    const auto ranked = rank_corrections(*lex, "Unoficial", Dialect::US);
    REQUIRE_FALSE(ranked.empty());
    CHECK(ranked.front().word == "Unofficial");
    // Not a listed word, so no evidence that a common word was meant.
    CHECK(ranked.front().level == 99);
    CHECK(words_of(rank_corrections(*lex, "subgoverments", Dialect::US)).front() ==
          "subgovernments");
    // A correct stem makes the word a derived word, not a typo: nothing is made up for it.
    for (const auto& c : rank_corrections(*lex, "unofficial", Dialect::US, 10)) {
        CHECK_FALSE(c.word.starts_with("un"));
    }
    // Too short a stem to say which word it is.
    for (const auto& c : rank_corrections(*lex, "unmade", Dialect::US, 10)) {
        CHECK_FALSE(c.word.starts_with("un"));
    }
}

TEST_CASE("sound keys match spellings that sound alike", "[spell]") {
    CHECK(sound_key("fotografy") == sound_key("photography"));
    CHECK(sound_key("bisnes") == sound_key("business"));
    CHECK(sound_key("porshan") == sound_key("portion"));
    CHECK(sound_key("Knowledge") == sound_key("nowledge"));
    CHECK(sound_key("business") != sound_key("bishop"));
    CHECK(sound_key("").empty());
    CHECK(sound_key("photography") == "FTKRF");
}

TEST_CASE("a sound key's hash is the same built with or without the key", "[spell]") {
    for (const char* word : {"photography", "Knowledge", "mission", "x", "", "ABC-def's",
                             "Pneumatic", "watch", "science"}) {
        std::size_t length = 99;
        const std::string key = sound_key(word);
        CHECK(copydesk::spell::sound_key_hash(word, length) == copydesk::spell::sound_hash(key));
        CHECK(length == key.size());
    }
    const std::string long_word(1000, 'b');
    std::size_t length = 0;
    CHECK(copydesk::spell::sound_key_hash(long_word, length) ==
          copydesk::spell::sound_hash(sound_key(long_word)));
    CHECK(sound_key(long_word) == "B");
}

TEST_CASE("a sound key's first code is found without the rest", "[spell]") {
    for (const char* word :
         {"photography", "Knowledge", "mission", "x",      "",      "ABC-def's", "hmm",
          "Pneumatic",   "watch",     "science", "what",   "wrong", "ghost",     "42",
          "aeon",        "yearly",    "ypsilon", "church", "edge",  "tion",      "Zebra",
          "quick",       "vote",      "rhyme",   "bomb",   "Jolly", "naive",     "olive",
          "umbra",       "'tis",      "Xerox",   "lemon",  "Mmm",   "Idea",      "fifth"}) {
        const std::string key = sound_key(word);
        CHECK(copydesk::spell::sound_key_first(word) == (key.empty() ? '\0' : key.front()));
    }
}

TEST_CASE("every lexicon entry is found by its own sound key", "[spell]") {
    const auto lex = tiny_lexicon();
    for (const Lexicon::Entry& e : lex->entries()) {
        const std::string key = sound_key(lex->word(e));
        if (key.empty()) continue;
        int found = 0;
        lex->sounding_like(key, [&](const Lexicon::Entry& f) {
            found += &f == &e ? 1 : 0;
            CHECK(sound_key(lex->word(f)) == key);
        });
        CHECK(found == 1);
    }
    int none = 0;
    lex->sounding_like("", [&](const Lexicon::Entry&) { ++none; });
    lex->sounding_like("QQQQ", [&](const Lexicon::Entry&) { ++none; });
    CHECK(none == 0);
}

TEST_CASE("the misspellings table gives safe corrections", "[spell]") {
    auto sc = lexicon_checker(Dialect::US);
    const auto& found = sc.corrections("Goverment");
    CHECK(found.safe);
    CHECK(found.words.front() == "Government");
    CHECK(found.ranked.front().from_table);
    // Possessives keep their ending.
    CHECK(sc.corrections("goverment's").words.front() == "government's");
    // A British document gets the British form of an American correction.
    auto gb = lexicon_checker(Dialect::GB);
    CHECK(gb.corrections("theatr").words.front() == "theatre");
    // Off: only the ranker's (unsafe) suggestion.
    auto off = lexicon_checker(Dialect::US, false);
    CHECK_FALSE(off.corrections("Goverment").safe);
    CHECK(off.corrections("Goverment").words.front() == "Government");
    auto table = MisspellingTable::parse("b\tc\na\tb\n", "m.tsv");
    REQUIRE(std::holds_alternative<std::string>(table));
    CHECK(std::get<std::string>(table) == "m.tsv:2: misspellings must be sorted, once each");
    auto upper = MisspellingTable::parse("# note\nab\tc\nBc\td\n", "m.tsv");
    REQUIRE(std::holds_alternative<std::string>(upper));
    CHECK(std::get<std::string>(upper) == "m.tsv:3: the misspelling must be lower case");
    auto no_tab = MisspellingTable::parse("ab c\n", "m.tsv");
    REQUIRE(std::holds_alternative<std::string>(no_tab));
    CHECK(std::get<std::string>(no_tab) == "m.tsv:1: expected 'misspelling<TAB>correction'");
    auto ok = MisspellingTable::parse("ab\tc\r\nbc\td\n", "m.tsv");
    REQUIRE(std::holds_alternative<std::shared_ptr<const MisspellingTable>>(ok));
    CHECK(std::get<std::shared_ptr<const MisspellingTable>>(ok)->size() == 2);
    CHECK(std::get<std::shared_ptr<const MisspellingTable>>(ok)->correction("Bc") == "d");
}

TEST_CASE("the other dialect's spelling is known and labelled", "[spell]") {
    auto sc = lexicon_checker(Dialect::US);
    CHECK(sc.known("colour"));
    CHECK(sc.known("color"));
    const auto gb = sc.dialect_spelling("colour");
    REQUIRE(gb);
    CHECK(gb->dialect == Dialect::GB);
    CHECK(gb->counterpart == "color");
    CHECK_FALSE(sc.dialect_spelling("organize"));  // Oxford spelling: both dialects
    CHECK(sc.dialect_spelling("organise"));
}

TEST_CASE("uncached lookups answer as the cached ones, before and after them", "[spell]") {
    const std::vector<std::string> words = {"colour", "color",     "organise", "organize",
                                            "Colour", "goverment", "China's",  "China’s",
                                            "zzzq",   ""};
    for (const bool cached_first : {false, true}) {
        auto sc = lexicon_checker(Dialect::US);
        auto fresh = lexicon_checker(Dialect::US);
        for (const std::string& w : words) {
            CAPTURE(w, cached_first);
            if (cached_first) {
                (void)sc.known(w);
                (void)sc.dialect_spelling(w);
            }
            CHECK(sc.look_up_known(w) == fresh.known(w));
            const auto uncached = sc.look_up_dialect_spelling(w);
            const auto cached = fresh.dialect_spelling(w);
            REQUIRE(uncached.has_value() == cached.has_value());
            if (cached) {
                CHECK(uncached->dialect == cached->dialect);
                CHECK(uncached->counterpart == cached->counterpart);
            }
            CHECK(sc.known(w) == fresh.known(w));
        }
    }
    auto sc = lexicon_checker(Dialect::US);
    CHECK(sc.look_up_known("colour"));
    CHECK_FALSE(sc.look_up_known("goverment"));
    CHECK(sc.look_up_dialect_spelling("colour")->counterpart == "color");
}

TEST_CASE("a capitalized slip on a common word is told from a name", "[spell]") {
    using Evidence = SpellChecker::NameEvidence;
    auto sc = lexicon_checker(Dialect::US, false);
    CHECK(sc.misspells_common_word("Goverment", Evidence::Capital));
    CHECK(sc.misspells_common_word("Goverment's", Evidence::Capital));
    CHECK(sc.misspells_common_word("Febuary", Evidence::Capital));
    CHECK_FALSE(sc.misspells_common_word("Goverment", Evidence::Strong));
    CHECK_FALSE(sc.misspells_common_word("Zelenskyy", Evidence::None));
    CHECK_FALSE(sc.misspells_common_word("Zelenskyy", Evidence::Capital));
    CHECK_FALSE(sc.misspells_common_word("Yeung", Evidence::Strong));
    auto with_table = lexicon_checker(Dialect::US, true);
    CHECK(with_table.misspells_common_word("Goverment", Evidence::Strong));
}

TEST_CASE("exact lookups find the same entries before and after the first search", "[spell]") {
    // The first search makes the lookup table; lookups before it bisect the text. Words of
    // under, exactly and over eight letters, and words sharing their first eight.
    std::string text;
    for (const char* w :
         {"ab", "abc", "abc'd", "abcdefgh", "abcdefghi", "Abcdefghij", "abcdefghij", "abcdefgz",
          "international", "internationalise", "internationalism", "zz", "zzz"}) {
        text += std::string(w) + "\t10\t20\n";
    }
    auto parsed = Lexicon::parse(text, "w.tsv");
    INFO((std::holds_alternative<std::string>(parsed) ? std::get<std::string>(parsed) : ""));
    REQUIRE(std::holds_alternative<std::shared_ptr<const Lexicon>>(parsed));
    const auto lex = std::get<std::shared_ptr<const Lexicon>>(parsed);
    const std::vector<std::string> asked = {"ab",       "abc",           "abc'd",
                                            "abcdefgh", "abcdefghi",     "ABCDEFGHIJ",
                                            "abcdefg",  "international", "internationalism",
                                            "a",        "zzzz",          "0"};
    std::vector<std::span<const Lexicon::Entry>> before;
    for (const std::string& w : asked) before.push_back(lex->same_letters(w));
    int found = 0;
    lex->search("a", "bcdefgh", 1, [&](const Lexicon::Entry&, int) { ++found; });
    CHECK(found > 0);
    for (std::size_t i = 0; i < asked.size(); ++i) {
        INFO(asked[i]);
        const auto after = lex->same_letters(asked[i]);
        CHECK(after.size() == before[i].size());
        if (!after.empty()) CHECK(after.data() == before[i].data());
    }
    CHECK(lex->same_letters("abcdefghij").size() == 2);  // both cases
    CHECK(lex->same_letters("abcdefg").empty());
}

TEST_CASE("lookups of long words and cased words find what a bisection finds", "[spell]") {
    // Words of up to 64 bytes are folded on the stack, longer ones in a string.
    const std::string w63(63, 'q');
    const std::string w64 = std::string(63, 'q') + "r";
    const std::string w65 = std::string(64, 'q') + "s";
    const std::string w90 = std::string(89, 'q') + "t";
    std::vector<std::string> listed = {"May", "may", "NASA", "caf\xC3\xA9", w63, w64, w65, w90};
    std::sort(listed.begin(), listed.end(), [](const std::string& a, const std::string& b) {
        return ascii_fold(a) < ascii_fold(b) || (ascii_fold(a) == ascii_fold(b) && a < b);
    });
    std::string text;
    for (const std::string& w : listed) text += w + "\t10\t20\n";
    auto parsed = Lexicon::parse(text, "w.tsv");
    INFO((std::holds_alternative<std::string>(parsed) ? std::get<std::string>(parsed) : ""));
    REQUIRE(std::holds_alternative<std::shared_ptr<const Lexicon>>(parsed));
    const auto lex = std::get<std::shared_ptr<const Lexicon>>(parsed);
    std::string upper64 = w64;
    std::transform(upper64.begin(), upper64.end(), upper64.begin(),
                   [](char c) { return static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c); });
    const std::vector<std::string> asked = {"May",
                                            "may",
                                            "MAY",
                                            "mAy",
                                            "NASA",
                                            "Nasa",
                                            "nasa",
                                            "caf\xC3\xA9",
                                            "CAF\xC3\xA9",
                                            "Caf\xC3\xA9",
                                            w63,
                                            w64,
                                            upper64,
                                            "Q" + w64.substr(1),
                                            w65,
                                            w90,
                                            w90.substr(1),
                                            std::string(65, 'q'),
                                            "",
                                            "Z"};
    // Before the first search lookups bisect; after it they probe the lookup table.
    std::vector<std::span<const Lexicon::Entry>> before;
    std::vector<const Lexicon::Entry*> found_before;
    for (const std::string& w : asked) {
        before.push_back(lex->same_letters(w));
        found_before.push_back(lex->find(w));
    }
    lex->search("q", "q", 1, [](const Lexicon::Entry&, int) {});
    for (std::size_t i = 0; i < asked.size(); ++i) {
        INFO(asked[i]);
        const auto after = lex->same_letters(asked[i]);
        CHECK(after.size() == before[i].size());
        if (!after.empty()) CHECK(after.data() == before[i].data());
        CHECK(lex->find(asked[i]) == found_before[i]);
    }
    CHECK(lex->find(w65) != nullptr);
    CHECK(lex->find(w90) != nullptr);
    CHECK(lex->find(upper64) != nullptr);
    CHECK(lex->find("Q" + w64.substr(1)) != nullptr);
    CHECK(lex->find(std::string(65, 'q')) == nullptr);
    CHECK(lex->find("mAy") == nullptr);
    CHECK(lex->find("nasa") == nullptr);
    CHECK(lex->word(*lex->find("May")) == "May");
    CHECK(lex->word(*lex->find("may")) == "may");
}

TEST_CASE("a checker on a lexicon speller knows what one on any other engine knows", "[spell]") {
    // An engine that answers as the lexicon speller but is not one: the checker asks it, and
    // then the lexicon for the other dialect's spelling, as for a Hunspell engine.
    class Wrapped final : public Speller {
      public:
        Wrapped(std::shared_ptr<const Lexicon> lexicon, Dialect dialect)
            : inner_(make_lexicon_speller(std::move(lexicon), dialect)) {}
        bool spell(const std::string& word) override { return inner_->spell(word); }
        std::vector<std::string> suggest(const std::string& word) override {
            return inner_->suggest(word);
        }

      private:
        std::unique_ptr<Speller> inner_;
    };
    auto house = std::make_shared<WordList>();
    house->add_entry("Zelenskyy Ching-te");
    const std::vector<std::string> words = {"colour",
                                            "color",
                                            "Colour",
                                            "COLOUR",
                                            "cOlour",
                                            "organise",
                                            "organize",
                                            "Organise",
                                            "theatre",
                                            "Theatre",
                                            "checkboxes",
                                            "Checkboxes",
                                            "checkbox",
                                            "government",
                                            "Government",
                                            "GOVERNMENT",
                                            "GoVernment",
                                            "February",
                                            "february",
                                            "FEBRUARY",
                                            "China's",
                                            "China\xE2\x80\x99s",
                                            "China\xCA\xBCs",
                                            "colour's",
                                            "Colour\xE2\x80\x99",
                                            "Zelenskyy's",
                                            "Zelenskyy",
                                            "zelenskyy",
                                            "Ching",
                                            "te",
                                            "goverment",
                                            "zzzq",
                                            "'s",
                                            "",
                                            "a",
                                            "A",
                                            "caf\xC3\xA9"};
    for (const Dialect dialect : {Dialect::US, Dialect::GB, Dialect::Any}) {
        SpellData data;
        data.house = house;
        data.lexicon = tiny_lexicon();
        SpellChecker direct(make_lexicon_speller(data.lexicon, dialect), data, dialect);
        SpellChecker general(std::make_unique<Wrapped>(data.lexicon, dialect), data, dialect);
        for (const std::string& w : words) {
            CAPTURE(w, static_cast<int>(dialect));
            CHECK(direct.look_up_known(w) == general.look_up_known(w));
            CHECK(direct.known(w) == general.known(w));
        }
    }
}

TEST_CASE("the built-in misspellings index stands in for the table it was made from", "[spell]") {
    const std::string path = COPYDESK_SOURCE_DIR "/dictionaries/spelling/misspellings.tsv";
    using Table = std::shared_ptr<const MisspellingTable>;
    auto parsed = MisspellingTable::load(path, {});
    REQUIRE(std::holds_alternative<Table>(parsed));
    const MisspellingTable& table = *std::get<Table>(parsed);
    REQUIRE_FALSE(embedded_misspellings_index().empty());
    auto indexed = MisspellingTable::load(path);  // the built-in index
    REQUIRE(std::holds_alternative<Table>(indexed));
    const MisspellingTable& from_index = *std::get<Table>(indexed);
    CHECK(from_index.index() == table.index());
    CHECK(from_index.size() == table.size());
    CHECK(table.size() > 30000);
    // Every misspelling of the file, and a few words it lacks, answered alike.
    std::ifstream in(path, std::ios::binary);
    std::string line;
    std::size_t checked = 0;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        const std::string wrong = line.substr(0, line.find('\t'));
        REQUIRE(from_index.correction(wrong) == table.correction(wrong));
        REQUIRE(from_index.correction(wrong + "q") == table.correction(wrong + "q"));
        ++checked;
    }
    CHECK(checked == table.size());
    CHECK(from_index.correction("Goverment") == "government");
    CHECK_FALSE(from_index.correction("zzzz"));

    // An index of other bytes is not used: the file is parsed.
    const std::string tiny_path = COPYDESK_TEST_DATA "/tiny-misspellings.tsv";
    auto tiny = MisspellingTable::load(tiny_path, embedded_misspellings_index());
    REQUIRE(std::holds_alternative<Table>(tiny));
    CHECK(std::get<Table>(tiny)->size() == 5);
    CHECK(std::get<Table>(tiny)->correction("teh") == "the");
    // Nor a damaged one: cut short, or with its rows out of order.
    const std::string bytes = table.index();
    const auto as_span = [](const std::string& s) {
        return std::span<const std::byte>(reinterpret_cast<const std::byte*>(s.data()), s.size());
    };
    // (std::string's buffer is aligned for the rows.)
    for (const std::size_t cut :
         {std::size_t{0}, std::size_t{10}, bytes.size() / 2, bytes.size() - 4}) {
        auto loaded = MisspellingTable::load(path, as_span(bytes.substr(0, cut)));
        REQUIRE(std::holds_alternative<Table>(loaded));
        CHECK(std::get<Table>(loaded)->size() == table.size());
    }
    std::string swapped = bytes;
    std::swap_ranges(swapped.end() - 8, swapped.end() - 4, swapped.end() - 4);
    CHECK(swapped != bytes);
    auto reparsed = MisspellingTable::load(path, as_span(swapped));
    REQUIRE(std::holds_alternative<Table>(reparsed));
    CHECK(std::get<Table>(reparsed)->index() == bytes);  // the file's own rows
    CHECK(std::get<Table>(reparsed)->correction("goverment") == "government");
}
