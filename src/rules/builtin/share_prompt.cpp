#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <string_view>

#include "core/utf8.hpp"
#include "rules/lazy_regex.hpp"
#include "rules/rule.hpp"
#include "rules/scan.hpp"
#include "text/unicode.hpp"

namespace copydesk::rules::builtin {

namespace {

// A whole line that is a page's button or teaser, never copy.
constexpr const char* kWholeLine =
    R"((?i)(?:click to (?:share|email|print|tweet)(?: (?:this|it))?)"
    R"((?: (?:on|via|to|with) [a-z+ ]{1,20})?(?: \(opens in (?:a )?new window\))?)"
    R"(|share(?: this)?(?: (?:article|story|page|post))?(?: (?:on|via) [a-z ]{1,20})?:?)"
    R"(|tweet(?: this)?|like this:|advertisement|sponsored content)"
    R"(|continue reading(?: below| the main story)?|story continues below(?: advertisement)?)"
    R"(|follow us on [a-z, ]{1,40}|sign up for (?:our|the) [a-z ]{0,30}newsletters?.{0,60})"
    R"(|subscribe(?: now| today)?[.!]?|skip to (?:main )?content|loading\.\.\.|read more:?)"
    R"(|print(?: this (?:article|page|story))?|email(?: this (?:article|page|story))?)"
    R"(|related(?: articles| stories| coverage)?:)\s*)";
// A teaser line: "Read more: Ankara and Athens agree ...", "RELATED: ...".
constexpr const char* kTeaser =
    R"((?i)(?:read more|related|also read|read also|recommended|more|watch)\s*:\s*\S.*)";

// The first word of each of kWholeLine's alternatives, and of kTeaser's, in lower case. A line
// that starts with none of them is passed over without the regexes: compiling them costs more
// than linting a short article, and a document rarely holds a line that starts so.
constexpr std::array<std::string_view, 17> kPromptWords{
    "advertisement", "click",     "continue", "email",     "follow", "like",
    "loading",       "print",     "read",     "related",   "share",  "sign",
    "skip",          "sponsored", "story",    "subscribe", "tweet"};
constexpr std::array<std::string_view, 6> kTeaserWords{"also",        "more",    "read",
                                                       "recommended", "related", "watch"};

// What the regexes' first words say of a line: whether it may be a prompt, and whether it may
// be a teaser. A word with a letter outside ASCII may be either, since the regexes ignore case
// as Unicode does (the Kelvin sign for "k", the long s for "s"); a line that opens with any
// other character outside ASCII (a curly quote, a dash, a bullet) is neither, as every
// alternative opens with a letter.
struct FirstWord {
    bool prompt = false;
    bool teaser = false;
};
FirstWord first_word(std::string_view line) {
    constexpr std::size_t kLongest = 13;  // "advertisement"
    std::array<char, kLongest> lower{};
    std::size_t n = 0;
    for (; n < line.size(); ++n) {
        const auto c = static_cast<unsigned char>(line[n] | 0x20);
        if (c < 'a' || c > 'z' || (line[n] & 0x80) != 0) break;
        if (n == kLongest) return {};
        lower[n] = static_cast<char>(c);
    }
    if (n < line.size() && (static_cast<unsigned char>(line[n]) & 0x80) != 0) {
        std::size_t at = n;
        const bool letter = text::is_letter(utf8::decode(line, at));
        return {letter, letter};
    }
    const std::string_view word(lower.data(), n);
    auto listed = [&](const auto& words) {
        return std::find(words.begin(), words.end(), word) != words.end();
    };
    return {listed(kPromptWords), listed(kTeaserWords)};
}

// No line kWholeLine matches is longer: its longest alternative, "sign up for the" with 30
// letters, "newsletters" and 60 code points of up to 4 bytes, is under 360 bytes.
constexpr std::size_t kLongestPrompt = 400;

class SharePrompt final : public Rule {
  public:
    SharePrompt() : whole_(kWholeLine), teaser_(kTeaser) {}

    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        for (const RegionText& where : ctx.regions()) {
            const std::string_view text = where.text();
            for (const Span line : line_spans(text)) {
                const Span s = trim(text, line);
                if (s.empty()) continue;
                const re2::StringPiece piece(text.data() + s.begin, s.size());
                if (s.size() > kLongestPrompt) continue;
                const FirstWord first = first_word(where.slice(s));
                if (first.prompt && re2::RE2::FullMatch(piece, whole_.get())) {
                    out.report(where, s,
                               "Delete the leftover web prompt '" + std::string(piece) + "'.");
                } else if (first.teaser && piece.find(':') != re2::StringPiece::npos &&
                           re2::RE2::FullMatch(piece, teaser_.get())) {
                    const std::string_view p(piece.data(), piece.size());
                    const std::size_t colon = p.find(':');
                    const Span label{s.begin, static_cast<std::uint32_t>(s.begin + colon + 1)};
                    out.report(where, label,
                               "Delete the leftover link teaser '" +
                                   std::string(p.substr(0, colon + 1)) +
                                   "' and the line it opens.");
                }
            }
        }
    }

  private:
    LazyRegex whole_;
    LazyRegex teaser_;

    RuleInfo info_{
        .id = "share-prompt",
        .category = Category::WebResidue,
        .severity = Severity::Warning,
        .enabled_by_default = true,
        .summary =
            "Share buttons and teasers on their own line: \"Click to share\", \"Read "
            "more:\", \"Advertisement\".",
        .description =
            "Text copied from a web page brings its buttons and link teasers along. A line that "
            "is only a share or follow prompt, an advertising label, or a teaser such as \"Read "
            "more: ...\" or \"RELATED: ...\" is reported; the same words inside a sentence are "
            "not.",
        .link = {},
    };
};

}  // namespace

std::unique_ptr<Rule> make_share_prompt() {
    return std::make_unique<SharePrompt>();
}

}  // namespace copydesk::rules::builtin
