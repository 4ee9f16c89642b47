#include "spell/phonetic.hpp"

#include <array>

namespace copydesk::spell {

namespace {

bool is_vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

bool front_vowel(char c) {
    return c == 'e' || c == 'i' || c == 'y';
}

// The word's ASCII letters, lower-cased, into `out` (which holds at least word.size()).
std::size_t letters_of(std::string_view word, char* out) {
    std::size_t n = 0;
    for (char c : word) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c >= 'a' && c <= 'z') out[n++] = c;
    }
    return n;
}

// Letters not sounded at the start of a word: "knowledge", "gnome", "pneumatic", "wrong",
// "psychology".
std::size_t silent_start(std::string_view w) {
    if (w.size() < 2) return 0;
    const char a = w[0];
    const char b = w[1];
    const bool silent = (b == 'n' && (a == 'k' || a == 'g' || a == 'p')) ||
                        (a == 'w' && b == 'r') || (a == 'p' && b == 's') || (a == 'a' && b == 'e');
    return silent ? 1 : 0;
}

// Calls `sound(code)` for each code of the word's key in turn, until it returns false. Without
// allocating: the lexicon works out the keys of its words when it builds its sound index.
template <typename Sound>
void sound_codes(std::string_view word, Sound sound) {
    std::array<char, 256> buffer;
    std::string long_word;
    char* letters = buffer.data();
    if (word.size() > buffer.size()) {
        long_word.resize(word.size());
        letters = long_word.data();
    }
    const std::size_t n = letters_of(word, letters);
    const std::string_view w(letters, n);
    auto at = [&](std::size_t i) { return i < n ? w[i] : '\0'; };
    char last = '\0';
    bool stopped = false;
    auto emit = [&](char code) {
        // A sound written twice is heard once: "masicer" and "massacre" share their S.
        if (code != last && !stopped) stopped = !sound(code);
        last = code;
    };
    const std::size_t start = silent_start(w);
    for (std::size_t i = start; i < n && !stopped; ++i) {
        const char c = w[i];
        const char prev = i > start ? w[i - 1] : '\0';
        const char next = at(i + 1);
        if (c == prev && c != 'c') continue;
        switch (c) {
            case 'a':
            case 'e':
            case 'i':
            case 'o':
            case 'u':
                if (i == start) emit('A');
                break;
            case 'b':
                if (!(i + 1 == n && prev == 'm')) emit('B');  // "climb"
                break;
            case 'c':
                if ((next == 'i' && at(i + 2) == 'a') || (next == 'h' && prev != 's')) {
                    emit('X');  // "special", "church"
                } else if (front_vowel(next)) {
                    if (prev != 's') emit('S');  // "city"; "science"
                } else {
                    emit('K');
                }
                break;
            case 'd':
                emit(next == 'g' && front_vowel(at(i + 2)) ? 'J' : 'T');  // "edge"
                break;
            case 'g':
                if (next == 'h' && !is_vowel(at(i + 2))) break;  // "night"
                if (next == 'n' && (i + 2 == n || (i + 4 == n && w.ends_with("ed")))) break;
                emit(front_vowel(next) && prev != 'g' ? 'J' : 'K');
                break;
            case 'h':
                if (prev != 'c' && prev != 's' && prev != 'p' && prev != 't' && prev != 'g' &&
                    is_vowel(next)) {
                    emit('H');
                }
                break;
            case 'k':
                if (prev != 'c') emit('K');
                break;
            case 'p':
                emit(next == 'h' ? 'F' : 'P');
                break;
            case 'q':
                emit('K');
                break;
            case 's':
                if (next == 'h' || (next == 'i' && (at(i + 2) == 'o' || at(i + 2) == 'a'))) {
                    emit('X');  // "ship", "mission"
                } else {
                    emit('S');
                }
                break;
            case 't':
                if (next == 'i' && (at(i + 2) == 'o' || at(i + 2) == 'a')) {
                    emit('X');  // "nation"
                } else if (next == 'h') {
                    emit('0');  // "thin"
                } else if (!(next == 'c' && at(i + 2) == 'h')) {
                    emit('T');  // but "watch"
                }
                break;
            case 'v':
                emit('F');
                break;
            case 'w':
            case 'y':
                if (is_vowel(next)) emit(c == 'w' ? 'W' : 'Y');
                break;
            case 'x':
                if (i != start) emit('K');
                emit('S');
                break;
            case 'z':
                emit('S');
                break;
            default:  // f, j, l, m, n, r
                emit(static_cast<char>(c - 'a' + 'A'));
                break;
        }
    }
}

}  // namespace

std::string sound_key(std::string_view word) {
    std::string key;
    sound_codes(word, [&](char code) {
        key.push_back(code);
        return true;
    });
    return key;
}

std::uint64_t sound_key_hash(std::string_view word, std::size_t& length) {
    std::uint64_t h = kFnvBasis;
    length = 0;
    sound_codes(word, [&](char code) {
        h = fnv1a_step(h, code);
        ++length;
        return true;
    });
    return h;
}

char sound_key_first(std::string_view word) {
    // Most words' first code is their first letter's own (see sound_codes): the lexicon asks
    // this of 200,000 words.
    const char letter = word.empty() ? '\0' : static_cast<char>(word[0] | 0x20);  // ASCII lower
    switch (letter) {
        case 'a':
        case 'e':
        case 'i':
        case 'o':
        case 'u':
            return 'A';
        case 'b':
            return 'B';
        case 'f':
        case 'v':
            return 'F';
        case 'j':
        case 'l':
        case 'm':
        case 'n':
        case 'r':
            return static_cast<char>(letter - 'a' + 'A');
        case 'q':
            return 'K';
        case 'x':
        case 'z':
            return 'S';
        default:
            break;
    }
    char first = '\0';
    sound_codes(word, [&](char code) {
        first = code;
        return false;
    });
    return first;
}

}  // namespace copydesk::spell
