#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.hpp"

namespace copydesk::text {

// Facts about code points from the Unicode database, for rules that must not include ICU.

// A letter or mark of a script that spells words with zero-width joiners and non-joiners
// (Arabic, Syriac, the Indic scripts, Sinhala, Myanmar, Khmer, Mongolian, ...).
bool uses_joiners(char32_t cp);
// Part of an emoji sequence: a pictograph, a skin-tone modifier, U+FE0F, a regional indicator.
bool is_emoji_part(char32_t cp);
// A strong right-to-left character (Hebrew, Arabic, ...).
bool is_right_to_left(char32_t cp);
// A letter of any script.
bool is_letter(char32_t cp);

// ICU makes its normalization data on first use, behind a flag that ThreadSanitizer cannot
// see; threads that start later find it made. Called before a session's loaders start, since
// the names database and the rules' spoof checker both use it.
void prepare_normalization();

// A replacement for a run of text.
struct TextEdit {
    Span span;
    std::string replacement;
};

// Runs of `text` that are not in Normalization Form C, each with its NFC form. The runs are
// as short as possible ("e" + U+0301 -> "é"), so a fix touches only what changes.
std::vector<TextEdit> find_non_nfc(std::string_view text);
// True when `text` is certainly in NFC: every character at `non_ascii` (where each character
// outside ASCII starts) passes NFC's quick check and combines with nothing before it. False
// says "perhaps not": ask find_non_nfc.
bool surely_nfc(std::string_view text, std::span<const std::uint32_t> non_ascii);

// A word mixing scripts the way look-alike letters do ("Kyіv" with a Cyrillic "і").
struct MixedScript {
    std::string scripts;  // "Latin and Cyrillic"
    std::string dominant;
    std::string repaired;  // the word in its dominant script only; empty when unknown
};

// UTS #39 checks through ICU's spoof checker. Holds ICU state: one per thread.
class ConfusableChecker {
  public:
    ConfusableChecker();
    ~ConfusableChecker();
    ConfusableChecker(const ConfusableChecker&) = delete;
    ConfusableChecker& operator=(const ConfusableChecker&) = delete;

    // Set when `word` fails the "moderately restrictive" mixed-script level of UTS #39 and
    // holds at least one letter that looks like a letter of the word's main script.
    [[nodiscard]] std::optional<MixedScript> check(std::string_view word) const;

  private:
    struct Impl;
    // Made when a word first needs it (one with letters of two scripts): opening ICU's spoof
    // checker and finding the look-alike letters cost more than linting an article, and most
    // texts have no such word. Every Linter has its own checker.
    const Impl& impl() const;
    mutable std::once_flag made_;
    mutable std::unique_ptr<Impl> impl_;
};

}  // namespace copydesk::text
