#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

// Helpers for names written in several romanizations ("Zelenskyy", "Zelenskiy", "Zelensky").
// Plain C++ interfaces; ICU stays inside the implementation.
namespace copydesk::text {

// Latin letters without their diacritics: "Erdoğan" -> "Erdogan", "Wałęsa" -> "Walesa",
// "Əliyev" -> "Aliyev". Letters of other scripts are kept as they are.
std::string fold_to_ascii(std::string_view word);

// A key under which spellings that differ only by common romanization alternations are equal:
// y/i/iy/yy/ij endings, kh/h, ts/c, zh/dzh/j, ou/u, ow/ov/u before a consonant, w/v, ph/f,
// q/k, x/ks, doubled letters, diacritics, apostrophes. "Zelenskyy", "Zelenskiy", "Zelensky"
// and "Zelenskij" share one key; so do "Tsikhanouskaya" and "Tsikhanovskaya". Keys are only
// compared with each other, never shown.
std::string romanization_key(std::string_view word);

// Optimal string alignment distance (insertions, deletions, substitutions, transpositions of
// adjacent letters), in bytes. Returns `limit + 1` as soon as the distance exceeds `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

// One Latin spelling of a name, and the transliteration system that produced it.
struct Romanization {
    std::string system;  // ICU transform id, such as "Ukrainian-Latin/BGN"
    std::string latin;   // cleaned: no primes or apostrophes, ASCII letters ("Zelenskyy")
};

// The ICU transforms used for names in language `lang` (ISO 639-1: "uk", "ru", "be", "ka",
// ...): the BGN/PCGN system of the language, plus ICU's scholarly Any-Latin for Cyrillic.
// Empty for languages without a fitting system (Chinese, Arabic, ...).
std::vector<std::string> romanization_systems(std::string_view lang);

// Transliterates names from other scripts into Latin. The first use of ICU's transforms in a
// process costs tens of milliseconds, so callers do this once, not per document. Not
// thread-safe; use one instance per thread.
class Romanizer {
  public:
    Romanizer();
    ~Romanizer();
    Romanizer(const Romanizer&) = delete;
    Romanizer& operator=(const Romanizer&) = delete;

    // Every distinct spelling of `native` under the systems of `lang`. On an ICU failure the
    // result is empty and `error` says why.
    std::vector<Romanization> romanize(std::string_view native, std::string_view lang,
                                       std::string& error);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace copydesk::text
