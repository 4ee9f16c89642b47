#include <gumbo.h>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <vector>

#include "markup/directive.hpp"
#include "markup/entities.hpp"
#include "markup/html_walker.hpp"
#include "markup/reader.hpp"

namespace copydesk::markup {

namespace {

// Elements whose content is not prose: skipped whole. Code-like ones inside running text
// leave an object mark so the words around them stay apart.
bool is_skipped(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_CODE:
        case GUMBO_TAG_KBD:
        case GUMBO_TAG_SAMP:
        case GUMBO_TAG_VAR:
        case GUMBO_TAG_TT:
        case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_TEXTAREA:
        case GUMBO_TAG_SELECT:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_OBJECT:
        case GUMBO_TAG_EMBED:
        case GUMBO_TAG_SVG:
        case GUMBO_TAG_MATH:
        case GUMBO_TAG_VIDEO:
        case GUMBO_TAG_AUDIO:
        case GUMBO_TAG_CANVAS:
        case GUMBO_TAG_META:
        case GUMBO_TAG_LINK:
        case GUMBO_TAG_BASE:
            return true;
        default:
            return false;
    }
}

// Phrasing elements continue the surrounding block's text; every other element starts and
// ends a block of its own.
bool is_inline(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_A:
        case GUMBO_TAG_ABBR:
        case GUMBO_TAG_ACRONYM:
        case GUMBO_TAG_B:
        case GUMBO_TAG_BDI:
        case GUMBO_TAG_BDO:
        case GUMBO_TAG_BIG:
        case GUMBO_TAG_CITE:
        case GUMBO_TAG_DATA:
        case GUMBO_TAG_DEL:
        case GUMBO_TAG_DFN:
        case GUMBO_TAG_EM:
        case GUMBO_TAG_FONT:
        case GUMBO_TAG_I:
        case GUMBO_TAG_INS:
        case GUMBO_TAG_LABEL:
        case GUMBO_TAG_MARK:
        case GUMBO_TAG_NOBR:
        case GUMBO_TAG_Q:
        case GUMBO_TAG_S:
        case GUMBO_TAG_SMALL:
        case GUMBO_TAG_SPAN:
        case GUMBO_TAG_STRIKE:
        case GUMBO_TAG_STRONG:
        case GUMBO_TAG_SUB:
        case GUMBO_TAG_SUP:
        case GUMBO_TAG_TIME:
        case GUMBO_TAG_U:
        case GUMBO_TAG_WBR:
        case GUMBO_TAG_UNKNOWN:
            return true;
        default:
            return false;
    }
}

// Social-media embeds copy someone else's post verbatim: not ours to correct.
bool is_embed(const GumboElement& e) {
    static constexpr std::array<std::string_view, 11> kEmbedClasses{
        "twitter-tweet", "twitter-video",   "instagram-media", "tiktok-embed",
        "reddit-card",   "reddit-embed-bq", "fb-post",         "fb-video",
        "bluesky-embed", "mastodon-embed",  "text-post-media"};
    const GumboAttribute* cls = gumbo_get_attribute(&e.attributes, "class");
    if (cls == nullptr) return false;
    const std::string_view value = cls->value;
    std::size_t i = 0;
    while (i < value.size()) {
        while (i < value.size() && value[i] == ' ') ++i;
        std::size_t end = value.find(' ', i);
        if (end == std::string_view::npos) end = value.size();
        const std::string_view name = value.substr(i, end - i);
        if (std::find(kEmbedClasses.begin(), kEmbedClasses.end(), name) != kEmbedClasses.end()) {
            return true;
        }
        i = end;
    }
    return false;
}

std::optional<Scope> strong_scope(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_TITLE:
            return Scope::Heading;
        case GUMBO_TAG_TD:
        case GUMBO_TAG_TH:
            return Scope::TableCell;
        case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_CAPTION:
            return Scope::Caption;
        default:
            return std::nullopt;
    }
}

// Replaces CR LF and lone CR with LF, as the HTML parser does in text.
std::string normalize_newlines(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r') {
            out += '\n';
            if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        } else {
            out += s[i];
        }
    }
    return out;
}

struct GumboDeleter {
    void operator()(GumboOutput* out) const { gumbo_destroy_output(&kGumboDefaultOptions, out); }
};

class Walker {
  public:
    Walker(Document& doc, std::string_view buffer, const OffsetMap& map, Scope outer)
        : doc_(doc), buffer_(buffer), map_(map), outer_(outer) {}

    // Depth first, with a stack of its own: a page nests elements as deep as it likes
    // (100,000 <div>s), far deeper than the call stack would allow.
    void walk(const GumboNode* root) {
        std::vector<Step> steps{Step{root, {}}};
        while (!steps.empty()) {
            const Step step = steps.back();
            steps.pop_back();
            if (step.node == nullptr) {
                leave(step.exit);
                continue;
            }
            const GumboNode* node = step.node;
            switch (node->type) {
                case GUMBO_NODE_DOCUMENT:
                    push_children(node->v.document.children, steps);
                    break;
                case GUMBO_NODE_ELEMENT:
                case GUMBO_NODE_TEMPLATE:
                    enter(node, steps);
                    break;
                case GUMBO_NODE_TEXT:
                    text(node->v.text);
                    break;
                case GUMBO_NODE_WHITESPACE:
                    if (current_) text(node->v.text);
                    break;
                case GUMBO_NODE_COMMENT:
                    comment(node->v.text);
                    break;
                case GUMBO_NODE_CDATA:
                    break;
            }
        }
    }

    void finish() { flush(); }

  private:
    [[nodiscard]] std::uint32_t offset_of(const char* p) const {
        return static_cast<std::uint32_t>(p - buffer_.data());
    }
    [[nodiscard]] Span to_source(std::uint32_t begin, std::uint32_t end) const {
        const std::uint32_t b = map_.to_source(begin, false);
        return {b, std::max(b, map_.to_source(end, true))};
    }
    // The element's extent in the buffer, start tag to end tag (as far as written).
    [[nodiscard]] std::pair<std::uint32_t, std::uint32_t> extent(const GumboElement& e) const {
        const std::uint32_t begin =
            e.original_tag.length > 0 ? offset_of(e.original_tag.data) : e.start_pos.offset;
        const std::uint32_t end =
            e.original_end_tag.length > 0
                ? offset_of(e.original_end_tag.data) +
                      static_cast<std::uint32_t>(e.original_end_tag.length)
                : std::max(begin + static_cast<std::uint32_t>(e.original_tag.length),
                           e.end_pos.offset);
        return {begin, end};
    }

    // What to do when an element's children are done.
    struct Exit {
        bool block = false;
        bool strong = false;
        bool quote = false;
        bool list = false;
        bool quotation = false;  // <q>: its extent is a quotation
        Span extent;
    };
    // A node to visit, or (node == nullptr) an element to leave.
    struct Step {
        const GumboNode* node;
        Exit exit;
    };

    static void push_children(const GumboVector& v, std::vector<Step>& steps) {
        for (unsigned i = v.length; i-- > 0;) {
            steps.push_back(Step{static_cast<const GumboNode*>(v.data[i]), {}});
        }
    }

    [[nodiscard]] Scope scope_here() const {
        if (!strong_.empty()) return strong_.back();
        if (quote_depth_ > 0 || outer_ == Scope::Quote) return Scope::Quote;
        if (list_depth_ > 0 || outer_ == Scope::ListItem) return Scope::ListItem;
        return outer_;
    }

    RegionBuilder& current() {
        if (!current_) current_.emplace(scope_here());
        return *current_;
    }

    void flush() {
        if (current_ && !current_->blank()) doc_.regions.push_back(current_->build());
        current_.reset();
    }

    void enter(const GumboNode* node, std::vector<Step>& steps) {
        const GumboElement& e = node->v.element;
        const GumboTag tag = e.tag;
        const auto [begin, end] = extent(e);
        if (is_skipped(tag) || is_embed(e)) {
            if (current_ && is_inline_object(tag)) current_->object(to_source(begin, end));
            if (!is_inline(tag) && !is_inline_object(tag)) flush();
            return;
        }
        attributes(e);
        if (tag == GUMBO_TAG_IMG) {
            if (current_) current_->object(to_source(begin, end));
            return;
        }
        if (tag == GUMBO_TAG_BR) {
            if (current_) current_->decoded("\n", to_source(begin, end));
            return;
        }
        Exit exit;
        exit.block = !is_inline(tag);
        const auto strong = strong_scope(tag);
        exit.strong = strong.has_value();
        exit.quote = tag == GUMBO_TAG_BLOCKQUOTE;
        exit.list = tag == GUMBO_TAG_LI || tag == GUMBO_TAG_DD || tag == GUMBO_TAG_DT;
        if (tag == GUMBO_TAG_Q && end > begin) {
            exit.quotation = true;
            exit.extent = to_source(begin, end);
        }
        if (exit.block) flush();
        if (strong) strong_.push_back(*strong);
        quote_depth_ += exit.quote ? 1 : 0;
        list_depth_ += exit.list ? 1 : 0;
        steps.push_back(Step{nullptr, exit});
        // Template contents are inert markup, not page text.
        if (tag != GUMBO_TAG_TEMPLATE && node->type != GUMBO_NODE_TEMPLATE) {
            push_children(e.children, steps);
        }
    }

    void leave(const Exit& exit) {
        if (exit.quotation) doc_.quotations.push_back(exit.extent);
        if (exit.block) flush();
        if (exit.strong) strong_.pop_back();
        quote_depth_ -= exit.quote ? 1 : 0;
        list_depth_ -= exit.list ? 1 : 0;
    }

    static bool is_inline_object(GumboTag tag) {
        switch (tag) {
            case GUMBO_TAG_CODE:
            case GUMBO_TAG_KBD:
            case GUMBO_TAG_SAMP:
            case GUMBO_TAG_VAR:
            case GUMBO_TAG_TT:
            case GUMBO_TAG_SVG:
            case GUMBO_TAG_MATH:
            case GUMBO_TAG_OBJECT:
            case GUMBO_TAG_EMBED:
            case GUMBO_TAG_IFRAME:
            case GUMBO_TAG_VIDEO:
            case GUMBO_TAG_AUDIO:
            case GUMBO_TAG_CANVAS:
            case GUMBO_TAG_SCRIPT:
                return true;
            default:
                return false;
        }
    }

    // alt and title are prose shown to readers: each becomes a caption region of its own.
    void attributes(const GumboElement& e) {
        for (unsigned i = 0; i < e.attributes.length; ++i) {
            const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
            const std::string_view name = a->name;
            const bool alt = name == "alt" && (e.tag == GUMBO_TAG_IMG || e.tag == GUMBO_TAG_AREA ||
                                               e.tag == GUMBO_TAG_INPUT);
            if (!alt && name != "title") continue;
            std::string_view raw(a->original_value.data, a->original_value.length);
            if (raw.empty() || a->original_value.data == nullptr) continue;
            std::uint32_t at = offset_of(raw.data());
            if (raw.size() >= 2 && (raw.front() == '"' || raw.front() == '\'') &&
                raw.back() == raw.front()) {
                raw = raw.substr(1, raw.size() - 2);
                ++at;
            }
            RegionBuilder caption(Scope::Caption);
            decode_into(caption, raw, at, true, a->value);
            if (!caption.blank()) doc_.regions.push_back(caption.build());
        }
    }

    void text(const GumboText& t) {
        if (t.original_text.data == nullptr || t.original_text.length == 0) return;
        const std::string_view raw(t.original_text.data, t.original_text.length);
        decode_into(current(), raw, offset_of(raw.data()), false, t.text);
    }

    // Appends `raw` (at buffer offset `at`) with its character references decoded, each
    // mapped to its exact bytes. If the result is not what the parser decoded, the whole
    // run is appended as one decoded unit instead, so positions are never wrong.
    void decode_into(RegionBuilder& out, std::string_view raw, std::uint32_t at, bool attribute,
                     const char* parsed) {
        struct Piece {
            std::uint32_t begin;
            std::uint32_t end;
            std::string decoded;  // empty: verbatim
        };
        std::vector<Piece> pieces;
        std::string mine;
        std::size_t run = 0;
        for (std::size_t i = 0; i < raw.size();) {
            if (raw[i] != '&') {
                ++i;
                continue;
            }
            const auto ref = decode_char_ref(raw.substr(i), attribute);
            if (!ref) {
                ++i;
                continue;
            }
            if (i > run) {
                pieces.push_back(
                    {static_cast<std::uint32_t>(run), static_cast<std::uint32_t>(i), {}});
                mine.append(raw.substr(run, i - run));
            }
            pieces.push_back({static_cast<std::uint32_t>(i),
                              static_cast<std::uint32_t>(i + ref->length), ref->text});
            mine += ref->text;
            i += ref->length;
            run = i;
        }
        if (run < raw.size()) {
            pieces.push_back(
                {static_cast<std::uint32_t>(run), static_cast<std::uint32_t>(raw.size()), {}});
            mine.append(raw.substr(run));
        }
        const auto len = static_cast<std::uint32_t>(raw.size());
        if (parsed != nullptr && normalize_newlines(mine) != normalize_newlines(parsed)) {
            out.decoded(parsed, to_source(at, at + len));
            return;
        }
        for (const Piece& p : pieces) {
            if (p.decoded.empty()) {
                map_.for_each_run(at + p.begin, at + p.end,
                                  [&](Span s) { out.verbatim(doc_.source, s); });
            } else {
                out.decoded(p.decoded, to_source(at + p.begin, at + p.end));
            }
        }
    }

    void comment(const GumboText& t) {
        std::string_view raw(t.original_text.data, t.original_text.length);
        if (raw.data() == nullptr || !raw.starts_with("<!--")) return;
        const std::uint32_t begin = offset_of(raw.data());
        const auto whole = to_source(begin, begin + static_cast<std::uint32_t>(raw.size()));
        std::string_view body = raw.substr(4);
        if (body.ends_with("-->")) body.remove_suffix(3);
        auto d = parse_directive(body, 0, whole);
        if (!d) return;
        // Spans came back relative to the body: map them into the source.
        const std::uint32_t body_at = begin + 4;
        auto map_span = [&](Span s) { return to_source(body_at + s.begin, body_at + s.end); };
        d->verb_span = map_span(d->verb_span);
        for (auto& r : d->rules) r.span = map_span(r.span);
        doc_.directives.push_back(std::move(*d));
    }

    Document& doc_;
    std::string_view buffer_;
    const OffsetMap& map_;
    Scope outer_;
    std::optional<RegionBuilder> current_;
    std::vector<Scope> strong_;
    int quote_depth_ = 0;
    int list_depth_ = 0;
};

}  // namespace

namespace {

char lower_ascii(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Elements that never nest: void elements, and those whose end tag may be left out (a page
// of 20,000 <p>s without </p> is flat).
bool never_nests(std::string_view name) {
    static constexpr std::array<std::string_view, 31> kNames{
        "area",  "base",  "br",     "col",      "embed",    "hr",      "img", "input",
        "link",  "meta",  "param",  "source",   "track",    "wbr",     "p",   "li",
        "dt",    "dd",    "option", "optgroup", "tr",       "td",      "th",  "thead",
        "tbody", "tfoot", "rp",     "rt",       "colgroup", "caption", "html"};
    return std::find(kNames.begin(), kNames.end(), name) != kNames.end();
}

// Where the case-insensitive `needle` (lower case) next occurs in `text` from `from`.
std::size_t find_lower(std::string_view text, std::string_view needle, std::size_t from) {
    for (std::size_t i = text.find('<', from); i != std::string_view::npos;
         i = text.find('<', i + 1)) {
        if (text.size() - i < needle.size()) break;
        bool same = true;
        for (std::size_t k = 0; k < needle.size() && same; ++k) {
            same = lower_ascii(text[i + k]) == needle[k];
        }
        if (same) return i;
    }
    return std::string_view::npos;
}

}  // namespace

std::optional<std::uint32_t> nesting_beyond(std::string_view html, int limit) {
    constexpr std::size_t npos = std::string_view::npos;
    int depth = 0;
    for (std::size_t i = html.find('<'); i != npos; i = html.find('<', i + 1)) {
        if (html.substr(i, 4) == "<!--") {
            i = html.find("-->", i + 4);
            if (i == npos) break;
            continue;
        }
        const bool end_tag = i + 1 < html.size() && html[i + 1] == '/';
        const std::size_t name_begin = i + (end_tag ? 2 : 1);
        std::size_t name_end = name_begin;
        std::string name;
        while (name_end < html.size() && is_ascii_alnum(html[name_end]) && name.size() < 16) {
            name += lower_ascii(html[name_end++]);
        }
        if (name.empty() || !(name[0] >= 'a' && name[0] <= 'z') || never_nests(name)) continue;
        if (end_tag) {
            depth = std::max(0, depth - 1);
            continue;
        }
        // Look for the tag's end nearby only, so that a run of "<a" stays linear.
        const std::size_t gt = html.substr(name_end, 4096).find('>');
        if (gt != npos && gt > 0 && html[name_end + gt - 1] == '/') continue;
        if (name == "script" || name == "style") {
            const std::size_t close = find_lower(html, "</" + name, name_end);
            if (close == npos) break;
            i = close;
            continue;
        }
        if (++depth > limit) return static_cast<std::uint32_t>(i);
    }
    return std::nullopt;
}

void read_html_buffer(Document& doc, std::string_view buffer, const OffsetMap& map, Scope outer) {
    std::unique_ptr<GumboOutput, GumboDeleter> out(
        gumbo_parse_with_options(&kGumboDefaultOptions, buffer.data(), buffer.size()));
    if (!out) return;
    Walker walker(doc, buffer, map, outer);
    walker.walk(out->document);
    walker.finish();
}

void HtmlReader::read(Document& doc, const ReadOptions& options) const {
    (void)options;
    // A byte order mark is not text.
    const std::uint32_t bom = doc.source.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    OffsetMap map;
    map.add(0, bom, static_cast<std::uint32_t>(doc.source.size()) - bom);
    read_html_buffer(doc, std::string_view(doc.source).substr(bom), map, Scope::Paragraph);
}

}  // namespace copydesk::markup
