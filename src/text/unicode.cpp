#include "text/unicode.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>

#include <algorithm>
#include <map>
#include <stdexcept>

#include "core/utf8.hpp"

namespace copydesk::text {

void prepare_normalization() {
    UErrorCode status = U_ZERO_ERROR;
    (void)icu::Normalizer2::getNFDInstance(status);
    status = U_ZERO_ERROR;
    (void)icu::Normalizer2::getNFCInstance(status);
}

namespace {

UScriptCode script_of(char32_t cp) {
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode s = uscript_getScript(static_cast<UChar32>(cp), &status);
    return U_SUCCESS(status) ? s : USCRIPT_UNKNOWN;
}

// Backs `pos` up to the first byte of the code point holding it.
std::size_t code_point_start(std::string_view s, std::size_t pos) {
    while (pos > 0 && pos < s.size() && utf8::is_continuation(static_cast<unsigned char>(s[pos])))
        --pos;
    return pos;
}

}  // namespace

bool uses_joiners(char32_t cp) {
    switch (script_of(cp)) {
        case USCRIPT_ARABIC:
        case USCRIPT_SYRIAC:
        case USCRIPT_THAANA:
        case USCRIPT_NKO:
        case USCRIPT_MONGOLIAN:
        case USCRIPT_DEVANAGARI:
        case USCRIPT_BENGALI:
        case USCRIPT_GURMUKHI:
        case USCRIPT_GUJARATI:
        case USCRIPT_ORIYA:
        case USCRIPT_TAMIL:
        case USCRIPT_TELUGU:
        case USCRIPT_KANNADA:
        case USCRIPT_MALAYALAM:
        case USCRIPT_SINHALA:
        case USCRIPT_MYANMAR:
        case USCRIPT_KHMER:
        case USCRIPT_TIBETAN:
        case USCRIPT_HEBREW:
            return true;
        default:
            return false;
    }
}

bool is_emoji_part(char32_t cp) {
    const auto c = static_cast<UChar32>(cp);
    return u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) ||
           u_hasBinaryProperty(c, UCHAR_EMOJI_MODIFIER) ||
           u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR) || cp == 0xFE0F || cp == 0x20E3;
}

bool is_right_to_left(char32_t cp) {
    const UCharDirection d = u_charDirection(static_cast<UChar32>(cp));
    return d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC;
}

bool is_letter(char32_t cp) {
    return u_isalpha(static_cast<UChar32>(cp)) != 0;
}

bool surely_nfc(std::string_view text, std::span<const std::uint32_t> non_ascii) {
    // NFC's quick check (UAX #15) answers "yes" for a text whose every character has
    // NFC_Quick_Check=Yes and canonical combining class 0, as every ASCII character has.
    for (const std::uint32_t at : non_ascii) {
        std::size_t pos = at;
        const auto cp = static_cast<UChar32>(utf8::decode(text, pos));
        if (u_getCombiningClass(cp) != 0 ||
            u_getIntPropertyValue(cp, UCHAR_NFC_QUICK_CHECK) != UNORM_YES) {
            return false;
        }
    }
    return true;
}

std::vector<TextEdit> find_non_nfc(std::string_view text) {
    std::vector<TextEdit> out;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU: no NFC normalizer");
    // Nearly every text is already in NFC: one check of the whole, then chunks if not.
    if (utf8::is_ascii(text) ||
        (nfc->isNormalizedUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())),
                               status) &&
         U_SUCCESS(status))) {
        return out;
    }
    std::size_t i = 0;
    while (i < text.size()) {
        // Chunks between ASCII spaces: normalization never crosses one.
        const std::size_t begin = text.find_first_not_of(" \t\r\n", i);
        if (begin == std::string_view::npos) break;
        std::size_t end = text.find_first_of(" \t\r\n", begin);
        if (end == std::string_view::npos) end = text.size();
        i = end;
        const std::string_view chunk = text.substr(begin, end - begin);
        if (utf8::is_ascii(chunk)) continue;
        status = U_ZERO_ERROR;
        if (nfc->isNormalizedUTF8(
                icu::StringPiece(chunk.data(), static_cast<int32_t>(chunk.size())), status) ||
            U_FAILURE(status))
            continue;
        std::string normalized;
        icu::StringByteSink<std::string> sink(&normalized);
        status = U_ZERO_ERROR;
        nfc->normalizeUTF8(0, icu::StringPiece(chunk.data(), static_cast<int32_t>(chunk.size())),
                           sink, nullptr, status);
        if (U_FAILURE(status) || normalized == chunk) continue;
        // Trim the common prefix and suffix, on code point boundaries.
        std::size_t prefix = 0;
        while (prefix < chunk.size() && prefix < normalized.size() &&
               chunk[prefix] == normalized[prefix])
            ++prefix;
        prefix = code_point_start(chunk, prefix);
        // A combining mark changes the letter before it, so the run starts at that letter.
        if (prefix > 0 && prefix < chunk.size()) {
            std::size_t pos = prefix;
            const char32_t first_changed = utf8::decode(chunk, pos);
            if (u_getCombiningClass(static_cast<UChar32>(first_changed)) != 0 ||
                u_getIntPropertyValue(static_cast<UChar32>(first_changed),
                                      UCHAR_GENERAL_CATEGORY) == U_NON_SPACING_MARK) {
                prefix = code_point_start(chunk, prefix - 1);
            }
        }
        std::size_t suffix = 0;
        while (suffix < chunk.size() - prefix && suffix < normalized.size() - prefix &&
               chunk[chunk.size() - 1 - suffix] == normalized[normalized.size() - 1 - suffix])
            ++suffix;
        // Keep the suffix starting on a code point boundary of both strings.
        while (suffix > 0 &&
               (utf8::is_continuation(static_cast<unsigned char>(chunk[chunk.size() - suffix])) ||
                utf8::is_continuation(
                    static_cast<unsigned char>(normalized[normalized.size() - suffix]))))
            --suffix;
        const auto b = static_cast<std::uint32_t>(begin + prefix);
        const auto e = static_cast<std::uint32_t>(begin + chunk.size() - suffix);
        out.push_back({{b, e}, normalized.substr(prefix, normalized.size() - suffix - prefix)});
    }
    return out;
}

// ---- confusables ----

struct ConfusableChecker::Impl {
    USpoofChecker* checker = nullptr;
    // (script, Latin letter) -> a letter of that script that looks like it: (Cyrillic, 'a') ->
    // U+0430. Lets a Latin letter inside a Cyrillic or Greek word be put back.
    std::map<std::pair<UScriptCode, char32_t>, char32_t> native_look_alike;

    ~Impl() {
        if (checker != nullptr) uspoof_close(checker);
    }

    // The single code point a letter's skeleton is made of, or 0.
    [[nodiscard]] char32_t skeleton(std::string_view letter) const {
        char buf[32];
        UErrorCode status = U_ZERO_ERROR;
        const int32_t n =
            uspoof_getSkeletonUTF8(checker, 0, letter.data(), static_cast<int32_t>(letter.size()),
                                   buf, sizeof buf, &status);
        if (U_FAILURE(status) || n <= 0) return 0;
        const std::string_view sk(buf, static_cast<std::size_t>(n));
        std::size_t pos = 0;
        const char32_t cp = utf8::decode(sk, pos);
        return pos == sk.size() ? cp : 0;
    }
};

ConfusableChecker::ConfusableChecker() = default;

const ConfusableChecker::Impl& ConfusableChecker::impl() const {
    std::call_once(made_, [this] {
        auto made = std::make_unique<Impl>();
        UErrorCode status = U_ZERO_ERROR;
        made->checker = uspoof_open(&status);
        if (U_FAILURE(status)) throw std::runtime_error("ICU: cannot open the spoof checker");
        uspoof_setChecks(made->checker, USPOOF_RESTRICTION_LEVEL, &status);
        uspoof_setRestrictionLevel(made->checker, USPOOF_MODERATELY_RESTRICTIVE);
        if (U_FAILURE(status)) throw std::runtime_error("ICU: cannot set up the spoof checker");
        for (const auto& [first, last] : {std::pair<char32_t, char32_t>{0x0370, 0x03FF},
                                          std::pair<char32_t, char32_t>{0x0400, 0x04FF}}) {
            for (char32_t cp = first; cp <= last; ++cp) {
                if (!u_isalpha(static_cast<UChar32>(cp))) continue;
                std::string letter;
                utf8::append(letter, cp);
                const char32_t sk = made->skeleton(letter);
                if (sk != 0 && sk < 0x80 && u_isalpha(static_cast<UChar32>(sk))) {
                    made->native_look_alike.emplace(std::pair{script_of(cp), sk}, cp);
                }
            }
        }
        impl_ = std::move(made);
    });
    return *impl_;
}

ConfusableChecker::~ConfusableChecker() = default;

std::optional<MixedScript> ConfusableChecker::check(std::string_view word) const {
    if (utf8::is_ascii(word)) return std::nullopt;
    // Letters per script; Common and Inherited (digits, marks, punctuation) take no side.
    std::map<UScriptCode, int> letters;
    std::size_t pos = 0;
    while (pos < word.size()) {
        const char32_t cp = utf8::decode(word, pos);
        if (!u_isalpha(static_cast<UChar32>(cp))) continue;
        const UScriptCode s = script_of(cp);
        if (s != USCRIPT_COMMON && s != USCRIPT_INHERITED) ++letters[s];
    }
    if (letters.size() < 2) return std::nullopt;
    UErrorCode status = U_ZERO_ERROR;
    const Impl& spoof = impl();
    const int32_t result = uspoof_check2UTF8(spoof.checker, word.data(),
                                             static_cast<int32_t>(word.size()), nullptr, &status);
    if (U_FAILURE(status) || (result & USPOOF_RESTRICTION_LEVEL) == 0) return std::nullopt;

    UScriptCode dominant = USCRIPT_LATIN;
    int most = letters.count(USCRIPT_LATIN) != 0 ? letters[USCRIPT_LATIN] : 0;
    for (const auto& [script, n] : letters) {
        if (n > most) {
            dominant = script;
            most = n;
        }
    }
    MixedScript out;
    out.dominant = uscript_getName(dominant);
    out.scripts = out.dominant;
    for (const auto& [script, n] : letters) {
        if (script != dominant) out.scripts += std::string(" and ") + uscript_getName(script);
    }

    // Each letter outside the main script, replaced by its UTS #39 skeleton when that is a
    // single letter of the main script: "і" (Cyrillic) -> "i".
    bool look_alike = false;
    bool all_replaced = true;
    std::string repaired;
    pos = 0;
    while (pos < word.size()) {
        const std::size_t at = pos;
        const char32_t cp = utf8::decode(word, pos);
        const std::string_view original = word.substr(at, pos - at);
        const UScriptCode s = script_of(cp);
        if (!u_isalpha(static_cast<UChar32>(cp)) || s == dominant || s == USCRIPT_COMMON ||
            s == USCRIPT_INHERITED) {
            repaired += original;
            continue;
        }
        // The look-alike in the main script: "і" (Cyrillic) -> "i" in a Latin word, "o" (Latin)
        // -> "о" in a Cyrillic word. Skeletons of single letters keep their case.
        const char32_t sk = spoof.skeleton(original);
        char32_t fixed = 0;
        if (sk != 0 && script_of(sk) == dominant && u_isalpha(static_cast<UChar32>(sk))) {
            fixed = sk;
        } else if (sk != 0 && s == USCRIPT_LATIN) {
            auto it = spoof.native_look_alike.find({dominant, sk});
            if (it != spoof.native_look_alike.end()) fixed = it->second;
        }
        if (fixed != 0) {
            look_alike = true;
            utf8::append(repaired, fixed);
        } else {
            all_replaced = false;
            repaired += original;
        }
    }
    if (!look_alike) return std::nullopt;
    if (all_replaced) out.repaired = std::move(repaired);
    return out;
}

}  // namespace copydesk::text
