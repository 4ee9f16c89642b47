#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "core/span.hpp"

namespace copydesk::text {

enum class TokenKind : std::uint8_t {
    Word,
    Number,  // any token holding a digit: 1990s, 22nd, 3.5, 2,000
    Url,     // with or without a scheme: https://t.co/x, www.x.org, example.com/path
    Email,
    Handle,   // @agency
    Hashtag,  // #news
    Punct,
    Space,
    Symbol,
};

std::string_view to_string(TokenKind kind);

// Spans are byte offsets into the analysed text (a region's text).
struct Token {
    Span span;
    TokenKind kind = TokenKind::Word;
    bool sentence_start = false;  // first word or number of its sentence
    std::uint32_t sentence = 0;   // index into Analysis::sentences
};

struct Analysis {
    std::vector<Token> tokens;
    std::vector<Span> sentences;
    // Indexes into `tokens` of its words and of its punctuation marks, in order: most rules
    // look at one kind of token, and a text is about half spaces.
    std::vector<std::uint32_t> words;
    std::vector<std::uint32_t> marks;
    // Indexes of the tokens that start a sentence (Token::sentence_start), in order.
    std::vector<std::uint32_t> sentence_starts;
    // Where each character outside ASCII starts, in order: rules that look for such characters
    // (no-break spaces, ligatures, invisible and bidi controls) visit these only. Empty: the
    // text is ASCII.
    std::vector<std::uint32_t> non_ascii;
    // True when the segmenter found no URL, email, handle or hashtag: rules that step around
    // them need not look (false, "perhaps", for an Analysis made by hand).
    bool web_free = false;
};

// ICU word and sentence segmentation over UTF-8, plus recognition of URLs, emails, handles
// and hashtags. Holds ICU iterators, so one Segmenter per thread.
class Segmenter {
  public:
    Segmenter();
    ~Segmenter();
    Segmenter(const Segmenter&) = delete;
    Segmenter& operator=(const Segmenter&) = delete;

    [[nodiscard]] Analysis analyze(std::string_view text);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

namespace detail {
// One word-break segment: where it ends, and whether it holds a letter or digit (ICU's
// UBRK_WORD_LETTER/NUMBER statuses) or not (UBRK_WORD_NONE: spaces, punctuation).
struct WordBreak {
    std::uint32_t end;
    bool word;
    bool number = false;  // ICU's UBRK_WORD_NUMBER (digits of any script)
};
// The segments ICU's word break iterator finds in `text`, computed without ICU when the text
// holds only characters whose Unicode word-break rules are simple (ASCII letters, digits,
// spaces and punctuation, Latin letters U+00C0-U+024F, curly apostrophes and quotes, dashes);
// nullopt for any other text, which goes to ICU.
std::optional<std::vector<WordBreak>> simple_word_breaks(std::string_view text);
// The segments of `text`: lines in the simple set without ICU, the other lines with it.
std::vector<WordBreak> word_breaks(std::string_view text);
// The same from ICU alone (for tests).
std::vector<WordBreak> icu_word_breaks(std::string_view text);
// The tokens of text without URLs, emails, handles or hashtags, read in one pass without ICU
// (what Segmenter::analyze does with such text), or nullopt for text outside the simple set.
std::optional<std::vector<Token>> simple_tokens(std::string_view text);
// The tokens Segmenter::analyze makes of `breaks` in text without URLs, emails, handles or
// hashtags (for tests).
std::vector<Token> tokens_from_breaks(std::string_view text, const std::vector<WordBreak>& breaks);

// The end of each sentence ICU's en_US@ss=standard sentence iterator finds in `text` read
// with its line breaks as spaces (a hard-wrapped paragraph is one run of prose), computed
// without ICU when every character is in the simple set (Latin letters up to U+024F, ASCII
// and Latin-1 punctuation, spaces and tabs, General Punctuation such as dashes, curly quotes
// and the ellipsis; no controls, combining or format characters); nullopt for any other text,
// which goes to ICU. The abbreviations after which ICU keeps a sentence going ("Mr.", "U.S.")
// come from ICU's own data.
std::optional<std::vector<std::uint32_t>> simple_sentence_breaks(std::string_view text);
// The same from ICU alone (for tests).
std::vector<std::uint32_t> icu_sentence_breaks(std::string_view text);
}  // namespace detail

// Spans of URLs, emails, handles and hashtags, found before word segmentation so that
// ICU's word breaks never split them.
struct SpecialSpan {
    Span span;
    TokenKind kind;
};
std::vector<SpecialSpan> find_special_spans(std::string_view text);

}  // namespace copydesk::text
