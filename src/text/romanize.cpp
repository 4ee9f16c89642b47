#include "text/romanize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <numeric>

#include "core/utf8.hpp"

namespace copydesk::text {

namespace {

// Letters that NFD does not decompose into a base letter and marks.
std::string_view special_fold(char32_t cp) {
    switch (cp) {
        case U'ß':
            return "ss";
        case U'æ':
            return "ae";
        case U'Æ':
            return "AE";
        case U'œ':
            return "oe";
        case U'Œ':
            return "OE";
        case U'ø':
            return "o";
        case U'Ø':
            return "O";
        case U'ł':
            return "l";
        case U'Ł':
            return "L";
        case U'đ':
            return "d";
        case U'Đ':
            return "D";
        case U'ð':
            return "d";
        case U'Ð':
            return "D";
        case U'þ':
            return "th";
        case U'Þ':
            return "Th";
        case U'ı':
            return "i";
        case U'ə':
            return "a";
        case U'Ə':
            return "A";
        case U'ħ':
            return "h";
        case U'Ħ':
            return "H";
        case U'\u2018':  // ‘
        case U'\u2019':  // ’
        case U'\u02BB':  // ʻ (Uzbek o‘)
        case U'\u02BC':  // ʼ
        case U'\u02B9':  // ʹ (prime for the soft sign in BGN)
            return "'";
        case U'\u02BA':  // ʺ (double prime for the hard sign)
            return "";
        default:
            return {};
    }
}

bool is_vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

}  // namespace

std::string fold_to_ascii(std::string_view word) {
    if (utf8::is_ascii(word)) return std::string(word);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    std::string out;
    out.reserve(word.size());
    std::size_t pos = 0;
    while (pos < word.size()) {
        const char32_t cp = utf8::decode(word, pos);
        if (cp < 0x80) {
            out += static_cast<char>(cp);
            continue;
        }
        // A combining mark on a Latin letter (transliterators emit decomposed text).
        const bool after_latin = !out.empty() && ((out.back() >= 'a' && out.back() <= 'z') ||
                                                  (out.back() >= 'A' && out.back() <= 'Z'));
        if (cp >= 0x300 && cp <= 0x36F && after_latin) continue;
        if (const std::string_view folded = special_fold(cp); !folded.empty() || cp == U'\u02BA') {
            out += folded;
            continue;
        }
        // Only Latin letters lose their marks: "ї" stays a Ukrainian letter.
        const bool latin = (cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x1E00 && cp <= 0x1EFF);
        icu::UnicodeString decomposed;
        if (!latin || U_FAILURE(status) ||
            !nfd->getDecomposition(static_cast<UChar32>(cp), decomposed)) {
            utf8::append(out, cp);
            continue;
        }
        for (int32_t i = 0; i < decomposed.length();) {
            const UChar32 part = decomposed.char32At(i);
            i += U16_LENGTH(part);
            if (u_charType(part) == U_NON_SPACING_MARK) continue;
            utf8::append(out, static_cast<char32_t>(part));
        }
    }
    return out;
}

std::string romanization_key(std::string_view word) {
    // Names are looked up and clustered by key many times a document: the steps below work
    // in one buffer, on the stack for any name, rather than in a string each.
    std::string folded;
    if (!utf8::is_ascii(word)) {
        folded = fold_to_ascii(word);
        word = folded;
    }
    // The letters (n at most), then the digraphs mapped (two bytes a letter at most).
    constexpr std::size_t kOnStack = 64;
    std::array<char, 3 * kOnStack> stack;
    std::unique_ptr<char[]> heap;
    char* const s = word.size() <= kOnStack
                        ? stack.data()
                        : (heap = std::make_unique_for_overwrite<char[]>(3 * word.size())).get();
    std::size_t n = 0;
    for (const char c : word) {
        if (c >= 'A' && c <= 'Z') {
            s[n++] = static_cast<char>(c - 'A' + 'a');
        } else if ((c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80) {
            s[n++] = c;  // other scripts keep their bytes, so they never collide with Latin keys
        }
    }
    std::size_t from = n >= 2 && s[0] == 'y' && s[1] == 'e' ? 1 : 0;  // Yerevan/Erevan

    // Digraphs and letters that romanization systems write differently. 'J' stands for the
    // dzh/zh/j sound until the end, so that it is not confused with j for y.
    char* const t = s + word.size();
    std::size_t m = 0;
    const auto at = [&](std::size_t i) { return i < n ? s[i] : '\0'; };
    for (std::size_t i = from; i < n;) {
        const char c = s[i];
        const char next = at(i + 1);
        const auto emit = [&](char to, std::size_t consumed) {
            t[m++] = to;
            i += consumed;
        };
        switch (c) {
            case 's':
                if (next == 'h' && at(i + 2) == 'c' && at(i + 3) == 'h') {
                    t[m++] = 's';
                    emit('h', 4);
                } else if (next == 'c' && at(i + 2) == 'h') {
                    t[m++] = 's';
                    emit('h', 3);
                } else {
                    emit('s', 1);
                }
                continue;
            case 'd':
                if (next == 'z' && at(i + 2) == 'h') {
                    emit('J', 3);
                } else if (next == 'j') {
                    emit('J', 2);
                } else if (next == 'h') {
                    emit('d', 2);
                } else {
                    emit('d', 1);
                }
                continue;
            case 'z':
                emit(next == 'h' ? 'J' : 'z', next == 'h' ? 2 : 1);
                continue;
            case 'k':
                emit(next == 'h' ? 'h' : 'k', next == 'h' ? 2 : 1);
                continue;
            case 't':
                emit(next == 's' || next == 'z' ? 'c' : 't', next == 's' || next == 'z' ? 2 : 1);
                continue;
            case 'p':
                emit(next == 'h' ? 'f' : 'p', next == 'h' ? 2 : 1);
                continue;
            case 'c':
                emit(next == 'k' ? 'k' : 'c', next == 'k' ? 2 : 1);
                continue;
            case 'o':
                if (next == 'u' || next == 'o') {
                    emit('u', 2);
                } else if (next == 'e') {
                    emit('o', 2);
                } else {
                    emit('o', 1);
                }
                continue;
            case 'e':
                emit(next == 'e' ? 'i' : 'e', next == 'e' ? 2 : 1);
                continue;
            case 'u':
                emit('u', next == 'e' ? 2 : 1);
                continue;
            case 'a':
                emit('a', next == 'e' ? 2 : 1);
                continue;
            case 'q':
                emit('k', 1);
                continue;
            case 'w':
                emit('v', 1);
                continue;
            case 'x':
                t[m++] = 'k';
                emit('s', 1);
                continue;
            case 'y':
                emit('i', 1);
                continue;
            case 'j': {
                const bool like_y = (m != 0 && is_vowel(t[m - 1])) || i + 1 == n;
                emit(like_y ? 'i' : 'J', 1);
                continue;
            }
            default:
                emit(c, 1);
        }
    }
    // Belarusian "ou"/"ow" and Russian "ov" before a consonant: Tsikhanouskaya, Tsikhanovskaya.
    // In place: what is written is never ahead of what is read.
    std::size_t k = 0;
    for (std::size_t i = 0; i < m; ++i) {
        if (t[i] == 'o' && i + 2 < m && t[i + 1] == 'v' && !is_vowel(t[i + 2])) {
            t[k++] = 'u';
            ++i;
            continue;
        }
        t[k++] = t[i];
    }
    // Doubled letters (Gaddafi/Gadafi, Zelenskii/Zelenski) count once.
    k = static_cast<std::size_t>(std::unique(t, t + k) - t);
    // A final h after a vowel is often dropped (Abdullah/Abdulla).
    if (k > 2 && t[k - 1] == 'h' && is_vowel(t[k - 2])) --k;
    std::replace(t, t + k, 'J', 'j');
    return std::string(t, k);
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    if (a.size() > b.size()) std::swap(a, b);
    if (b.size() - a.size() > limit) return limit + 1;
    // Three rows of the optimal string alignment table.
    std::vector<std::size_t> before(a.size() + 1), prev(a.size() + 1), cur(a.size() + 1);
    std::iota(prev.begin(), prev.end(), std::size_t{0});
    for (std::size_t j = 1; j <= b.size(); ++j) {
        cur[0] = j;
        std::size_t row_min = cur[0];
        for (std::size_t i = 1; i <= a.size(); ++i) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[i] = std::min({prev[i] + 1, cur[i - 1] + 1, prev[i - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                cur[i] = std::min(cur[i], before[i - 2] + 1);
            }
            row_min = std::min(row_min, cur[i]);
        }
        if (row_min > limit) return limit + 1;
        std::swap(before, prev);
        std::swap(prev, cur);
    }
    return std::min(prev[a.size()], limit + 1);
}

std::vector<std::string> romanization_systems(std::string_view lang) {
    static const std::map<std::string_view, std::vector<std::string>> kSystems{
        {"uk", {"Ukrainian-Latin/BGN", "Any-Latin"}},
        {"ru", {"Russian-Latin/BGN", "Any-Latin"}},
        {"be", {"Belarusian-Latin/BGN", "Any-Latin"}},
        {"bg", {"Bulgarian-Latin/BGN"}},
        {"mk", {"Macedonian-Latin/BGN"}},
        {"sr", {"Serbian-Latin/BGN"}},
        {"ka", {"Georgian-Latin/BGN"}},
        {"hy", {"Armenian-Latin/BGN"}},
        {"az", {"Azerbaijani-Latin/BGN"}},
        {"kk", {"Kazakh-Latin/BGN"}},
        {"ky", {"Kirghiz-Latin/BGN"}},
        {"uz", {"Uzbek-Latin/BGN"}},
        {"tk", {"Turkmen-Latin/BGN"}},
        {"mn", {"Mongolian-Latin/BGN"}},
        {"el", {"Greek-Latin/BGN"}},
    };
    const auto it = kSystems.find(lang);
    return it == kSystems.end() ? std::vector<std::string>{} : it->second;
}

struct Romanizer::Impl {
    std::map<std::string, std::unique_ptr<icu::Transliterator>, std::less<>> transforms;

    icu::Transliterator* get(const std::string& id, std::string& error) {
        if (auto it = transforms.find(id); it != transforms.end()) return it->second.get();
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
            icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, status));
        if (U_FAILURE(status) || !t) {
            error = "ICU has no transliterator '" + id + "' (" + u_errorName(status) + ")";
            return nullptr;
        }
        return transforms.emplace(id, std::move(t)).first->second.get();
    }
};

Romanizer::Romanizer() : impl_(std::make_unique<Impl>()) {}
Romanizer::~Romanizer() = default;

namespace {
// Drops primes and apostrophes, folds diacritics and collapses white space.
std::string clean_romanization(std::string_view latin) {
    std::string out;
    bool space = false;
    for (char c : fold_to_ascii(latin)) {
        if (c == '\'') continue;
        if (c == ' ' || c == '\t' || c == '\n') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}
}  // namespace

std::vector<Romanization> Romanizer::romanize(std::string_view native, std::string_view lang,
                                              std::string& error) {
    std::vector<Romanization> out;
    for (const std::string& system : romanization_systems(lang)) {
        icu::Transliterator* t = impl_->get(system, error);
        if (t == nullptr) return {};
        icu::UnicodeString text = icu::UnicodeString::fromUTF8(
            icu::StringPiece(native.data(), static_cast<int32_t>(native.size())));
        t->transliterate(text);
        std::string latin;
        text.toUTF8String(latin);
        latin = clean_romanization(latin);
        const bool seen = std::any_of(out.begin(), out.end(),
                                      [&](const Romanization& r) { return r.latin == latin; });
        if (!latin.empty() && !seen) out.push_back({system, std::move(latin)});
    }
    return out;
}

}  // namespace copydesk::text
