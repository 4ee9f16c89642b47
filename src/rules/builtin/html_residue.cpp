#include <re2/re2.h>

#include <array>
#include <cctype>
#include <charconv>

#include "core/utf8.hpp"
#include "rules/lazy_regex.hpp"
#include "rules/rule.hpp"
#include "rules/scan.hpp"

namespace copydesk::rules::builtin {

namespace {

// Named entities seen in pasted copy, with what they stand for. "&nbsp;" becomes a plain
// space: a no-break space in running text is itself a finding.
constexpr std::array<std::pair<std::string_view, std::string_view>, 84> kEntities{{
    {"amp", "&"},    {"lt", "<"},     {"gt", ">"},     {"quot", "\""},  {"apos", "'"},
    {"nbsp", " "},   {"ensp", " "},   {"emsp", " "},   {"thinsp", " "}, {"shy", ""},
    {"ndash", "–"},  {"mdash", "—"},  {"hellip", "…"}, {"lsquo", "‘"},  {"rsquo", "’"},
    {"ldquo", "“"},  {"rdquo", "”"},  {"sbquo", "‚"},  {"bdquo", "„"},  {"laquo", "«"},
    {"raquo", "»"},  {"lsaquo", "‹"}, {"rsaquo", "›"}, {"prime", "′"},  {"Prime", "″"},
    {"copy", "©"},   {"reg", "®"},    {"trade", "™"},  {"deg", "°"},    {"euro", "€"},
    {"pound", "£"},  {"yen", "¥"},    {"cent", "¢"},   {"sect", "§"},   {"para", "¶"},
    {"middot", "·"}, {"bull", "•"},   {"times", "×"},  {"divide", "÷"}, {"plusmn", "±"},
    {"minus", "−"},  {"frac12", "½"}, {"frac14", "¼"}, {"frac34", "¾"}, {"dagger", "†"},
    {"rarr", "→"},   {"larr", "←"},   {"aacute", "á"}, {"agrave", "à"}, {"acirc", "â"},
    {"auml", "ä"},   {"atilde", "ã"}, {"aring", "å"},  {"ccedil", "ç"}, {"eacute", "é"},
    {"egrave", "è"}, {"ecirc", "ê"},  {"euml", "ë"},   {"iacute", "í"}, {"igrave", "ì"},
    {"icirc", "î"},  {"iuml", "ï"},   {"ntilde", "ñ"}, {"oacute", "ó"}, {"ograve", "ò"},
    {"ocirc", "ô"},  {"ouml", "ö"},   {"otilde", "õ"}, {"oslash", "ø"}, {"uacute", "ú"},
    {"ugrave", "ù"}, {"ucirc", "û"},  {"uuml", "ü"},   {"yacute", "ý"}, {"szlig", "ß"},
    {"Aacute", "Á"}, {"Auml", "Ä"},   {"Ccedil", "Ç"}, {"Eacute", "É"}, {"Ntilde", "Ñ"},
    {"Oacute", "Ó"}, {"Ouml", "Ö"},   {"Uacute", "Ú"}, {"Uuml", "Ü"},
}};

// What an entity stands for; `known` is false for names outside the table.
std::string decode_entity(std::string_view body, bool& known) {
    known = true;
    if (body.starts_with('#')) {
        const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
        const std::string_view digits = body.substr(hex ? 2 : 1);
        std::uint32_t cp = 0;
        const auto [ptr, ec] =
            std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
        if (ec != std::errc() || ptr != digits.data() + digits.size() || cp < 0x20 ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0x7F && cp < 0xA0))
            return {};
        if (cp == 0xA0) return " ";
        if (cp == 0xAD) return "";
        std::string out;
        utf8::append(out, cp);
        return out;
    }
    for (const auto& [name, value] : kEntities) {
        if (name == body) return std::string(value);
    }
    known = false;
    return {};
}

// Group 1: the whole entity, "&amp;amp;" included; group 2: its name or number.
constexpr const char* kEntity =
    R"((&(?:amp;)*(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});))";
// Group 1: the whole tag or comment; group 2: what a tag holds after its name, group 3: what a
// comment holds. A tag holds at most kMostInTag characters and a comment kMostInComment, which
// the caller checks: counted in the expression ({0,300}), they made it cost 7 ms to compile,
// a third of linting an article, against 0.3 ms.
constexpr const char* kTag =
    R"((?i)(</?(?:a|abbr|article|b|blockquote|br|button|center|cite|code|div|em|figcaption|)"
    R"(figure|font|footer|form|h[1-6]|header|hr|i|iframe|img|input|label|li|link|meta|nav|)"
    R"(noscript|ol|p|picture|script|section|small|source|span|strong|style|sub|sup|table|td|)"
    R"(th|time|tr|u|ul|video)\b([^<>]*?)/?>|<!--([^\n]*?)-->))";
constexpr std::size_t kMostInTag = 300;
constexpr std::size_t kMostInComment = 500;

// True when the text after a tag calls it a tag ("a <script> tag", "<br> elements"): copy
// about web pages mentions markup on purpose.
bool names_itself(std::string_view after) {
    const std::size_t word = after.find_first_not_of(' ');
    if (word == 0 || word == std::string_view::npos) return false;
    after.remove_prefix(word);
    for (const std::string_view noun : {"tags", "tag", "elements", "element"}) {
        if (!after.starts_with(noun)) continue;
        const std::string_view rest = after.substr(noun.size());
        if (rest.empty() || !std::isalnum(static_cast<unsigned char>(rest.front()))) return true;
    }
    return false;
}

// Whether some '<' in `text` could open what kTag matches: a letter after "<" or "</", or
// "<!--". A '<' before a space or a digit ("3 < 4", "<30 ms") opens nothing, and kTag is the
// costliest expression to compile of any rule. A byte outside ASCII may be a letter that
// reads as one of the tag names' letters when case is ignored (the long s for "s").
bool may_hold_tag(std::string_view text) {
    for (std::size_t at = text.find('<'); at != std::string_view::npos;
         at = text.find('<', at + 1)) {
        std::size_t next = at + 1;
        if (next < text.size() && text[next] == '/') ++next;
        if (next >= text.size()) continue;
        const auto c = static_cast<unsigned char>(text[next]);
        if (std::isalpha(c) != 0 || c >= 0x80 || text.substr(at + 1, 3) == "!--") return true;
    }
    return false;
}

class HtmlResidue final : public Rule {
  public:
    HtmlResidue() : entity_(kEntity), tag_(kTag) {}

    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        for (const RegionText& where : ctx.regions()) {
            const std::string_view text = where.text();
            re2::StringPiece input(text.data(), text.size());
            re2::StringPiece whole;
            re2::StringPiece body;
            const bool ampersand = text.find('&') != std::string_view::npos;
            while (ampersand && re2::RE2::FindAndConsume(&input, entity_.get(), &whole, &body)) {
                const auto begin = static_cast<std::uint32_t>(whole.data() - text.data());
                const auto end = static_cast<std::uint32_t>(begin + whole.size());
                bool known = false;
                const std::string decoded = decode_entity(std::string_view(body), known);
                if (!known) continue;
                const std::string entity(text.substr(begin, end - begin));
                const Span span{begin, end};
                if (decoded.empty() && body != "shy" && body != "#173") {
                    out.report(where, span,
                               "Delete the HTML entity '" + entity + "' left in the text.");
                    continue;
                }
                const std::string shown = decoded.empty() ? "nothing" : "'" + decoded + "'";
                Diagnostic& d = out.report(
                    where, span, "Replace the HTML entity '" + entity + "' with " + shown + ".");
                out.set_fix(d, where, span, decoded, "Decode '" + entity + "'", true);
            }
            input = re2::StringPiece(text.data(), text.size());
            re2::StringPiece tag;
            re2::StringPiece in_tag;
            re2::StringPiece in_comment;
            const bool bracket = may_hold_tag(text);
            while (bracket &&
                   re2::RE2::FindAndConsume(&input, tag_.get(), &tag, &in_tag, &in_comment)) {
                const auto begin = static_cast<std::uint32_t>(tag.data() - text.data());
                // Too long to be a tag or a comment: none starts here, so the search goes on
                // from the next character, as it would with the limits in the expression.
                const bool comment = tag.starts_with("<!--");
                const re2::StringPiece inside = comment ? in_comment : in_tag;
                if (utf8::count_code_points({inside.data(), inside.size()}) >
                    (comment ? kMostInComment : kMostInTag)) {
                    input = re2::StringPiece(tag.data() + 1, text.size() - begin - 1);
                    continue;
                }
                const Span span{begin, static_cast<std::uint32_t>(begin + tag.size())};
                if (names_itself(text.substr(span.end))) continue;
                out.report(where, span,
                           "Delete the HTML markup '" + std::string(tag) + "' left in the text.");
            }
        }
    }

  private:
    LazyRegex entity_;
    LazyRegex tag_;

    RuleInfo info_{
        .id = "html-residue",
        .category = Category::WebResidue,
        .severity = Severity::Warning,
        .enabled_by_default = true,
        .summary = "HTML entities (&amp; &#8217; &nbsp;) and tags (<br>, </p>) left in the text.",
        .description =
            "Copy taken from a CMS or a web page's source keeps HTML that no reader should see. "
            "Known entities get a safe fix that decodes them (\"&nbsp;\" becomes a plain space); "
            "tags and comments are reported for an editor to remove. Entities inside HTML files "
            "are decoded by the reader, so only double-encoded ones (\"&amp;amp;\") remain there.",
        .link = {},
    };
};

}  // namespace

std::unique_ptr<Rule> make_html_residue() {
    return std::make_unique<HtmlResidue>();
}

}  // namespace copydesk::rules::builtin
