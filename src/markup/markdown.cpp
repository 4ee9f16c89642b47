#include <md4c.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "markup/builder.hpp"
#include "markup/directive.hpp"
#include "markup/entities.hpp"
#include "markup/front_matter.hpp"
#include "markup/html_walker.hpp"
#include "markup/reader.hpp"

namespace copydesk::markup {

namespace {

bool starts_with_tag(std::string_view html, std::string_view name, bool closing) {
    std::size_t i = closing ? 2 : 1;
    if (html.size() < i + name.size() || html[0] != '<' || (closing && html[1] != '/')) {
        return false;
    }
    for (std::size_t k = 0; k < name.size(); ++k) {
        const char c = html[i + k];
        if ((c | 0x20) != name[k]) return false;
    }
    const std::size_t after = i + name.size();
    return after >= html.size() || html[after] == '>' || html[after] == ' ' || html[after] == '/' ||
           html[after] == '\t' || html[after] == '\n' || html[after] == '\r';
}

// Inline raw HTML whose content is code, not prose.
std::optional<std::string_view> code_tag(std::string_view html, bool closing) {
    for (std::string_view name : {"code", "kbd", "samp", "var", "tt", "script", "style"}) {
        if (starts_with_tag(html, name, closing)) return name;
    }
    return std::nullopt;
}

std::string attribute_text(const MD_ATTRIBUTE& a) {
    return a.text == nullptr ? std::string() : std::string(a.text, a.size);
}

class MarkdownWalker {
  public:
    explicit MarkdownWalker(Document& doc) : doc_(doc), base_(doc.source.data()) {}

    void parse(std::uint32_t begin) {
        MD_PARSER parser{};
        parser.abi_version = 0;
        parser.flags = MD_DIALECT_GITHUB;
        parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) {
            return static_cast<MarkdownWalker*>(u)->enter_block(t, d);
        };
        parser.leave_block = [](MD_BLOCKTYPE t, void* d, void* u) {
            return static_cast<MarkdownWalker*>(u)->leave_block(t, d);
        };
        parser.enter_span = [](MD_SPANTYPE t, void* d, void* u) {
            return static_cast<MarkdownWalker*>(u)->enter_span(t, d);
        };
        parser.leave_span = [](MD_SPANTYPE t, void* d, void* u) {
            return static_cast<MarkdownWalker*>(u)->leave_span(t, d);
        };
        parser.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) {
            return static_cast<MarkdownWalker*>(u)->text(t, s, n);
        };
        cursor_ = begin;
        md_parse(base_ + begin, static_cast<MD_SIZE>(doc_.source.size() - begin), &parser, this);
        flush();
    }

  private:
    // md4c hands out pointers into the buffer it parses, which is doc.source itself.
    [[nodiscard]] bool in_source(const char* p, std::size_t n) const {
        return p >= base_ && p + n <= base_ + doc_.source.size();
    }
    [[nodiscard]] std::uint32_t offset_of(const char* p) const {
        return static_cast<std::uint32_t>(p - base_);
    }

    [[nodiscard]] Scope scope_here() const {
        bool quote = false;
        bool list = false;
        for (auto it = blocks_.rbegin(); it != blocks_.rend(); ++it) {
            if (*it == MD_BLOCK_TH || *it == MD_BLOCK_TD) return Scope::TableCell;
            if (*it == MD_BLOCK_H) return Scope::Heading;
            quote |= *it == MD_BLOCK_QUOTE;
            list |= *it == MD_BLOCK_LI;
        }
        if (quote) return Scope::Quote;
        return list ? Scope::ListItem : Scope::Paragraph;
    }

    RegionBuilder& current() {
        if (!current_) current_.emplace(images_.empty() ? scope_here() : Scope::Caption);
        return *current_;
    }

    void flush() {
        if (current_ && !current_->blank()) doc_.regions.push_back(current_->build());
        current_.reset();
    }

    [[nodiscard]] bool in_block(MD_BLOCKTYPE type) const {
        return std::find(blocks_.begin(), blocks_.end(), type) != blocks_.end();
    }

    int enter_block(MD_BLOCKTYPE type, void* detail) {
        (void)detail;
        flush();
        blocks_.push_back(type);
        if (type == MD_BLOCK_HTML) {
            html_buffer_.clear();
            html_map_ = OffsetMap();
        }
        return 0;
    }

    int leave_block(MD_BLOCKTYPE type, void* detail) {
        (void)detail;
        flush();
        if (type == MD_BLOCK_HTML && !html_buffer_.empty()) {
            blocks_.pop_back();
            read_html_buffer(doc_, html_buffer_, html_map_, scope_here());
            return 0;
        }
        blocks_.pop_back();
        return 0;
    }

    // A link or image title is a tooltip readers see: a caption region of its own. md4c
    // points into the source only when the title has no escapes or entities.
    void title(const MD_ATTRIBUTE& a) {
        if (a.text == nullptr || a.size == 0 || !in_source(a.text, a.size)) return;
        RegionBuilder caption(Scope::Caption);
        const std::uint32_t at = offset_of(a.text);
        caption.verbatim(doc_.source, {at, at + a.size});
        if (!caption.blank()) doc_.regions.push_back(caption.build());
    }

    int enter_span(MD_SPANTYPE type, void* detail) {
        switch (type) {
            case MD_SPAN_IMG: {
                const auto* d = static_cast<const MD_SPAN_IMG_DETAIL*>(detail);
                title(d->title);
                // The alt text is a caption of its own; the image stands in the text as an object.
                images_.push_back({std::move(current_), cursor_});
                current_.reset();
                break;
            }
            case MD_SPAN_A: {
                const auto* d = static_cast<const MD_SPAN_A_DETAIL*>(detail);
                title(d->title);
                links_.push_back({current().mark(), attribute_text(d->href), {}});
                break;
            }
            case MD_SPAN_CODE:
                code_.push_back({cursor_, cursor_});
                break;
            default:
                break;
        }
        return 0;
    }

    int leave_span(MD_SPANTYPE type, void* detail) {
        (void)detail;
        switch (type) {
            case MD_SPAN_IMG: {
                Image image = std::move(images_.back());
                images_.pop_back();
                const Span alt = current_ ? current_->span_since(0, image.start)
                                          : Span{image.start, image.start};
                flush();
                current_ = std::move(image.parent);
                current().object(alt);
                break;
            }
            case MD_SPAN_A: {
                Link link = std::move(links_.back());
                links_.pop_back();
                // An autolink's text is its address: not prose.
                const bool autolink = !link.text.empty() && (link.href == link.text ||
                                                             link.href == "http://" + link.text ||
                                                             link.href == "mailto:" + link.text);
                if (autolink) {
                    const Span where = current().span_since(link.mark, cursor_);
                    current().rollback(link.mark);
                    current().object(where);
                }
                if (!links_.empty()) links_.back().text += link.text;
                break;
            }
            case MD_SPAN_CODE: {
                const Span code = code_.back();
                code_.pop_back();
                current().object(code);
                break;
            }
            default:
                break;
        }
        return 0;
    }

    // md4c drops the backslash of an escape and hands out the character after it.
    [[nodiscard]] bool is_escape(std::uint32_t at, std::uint32_t seen) const {
        if (at == 0 || seen >= at || doc_.source[at - 1] != '\\') return false;
        const char c = doc_.source[at];
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
               (c >= '{' && c <= '~');
    }

    // The line break that follows the last text: trailing spaces or a backslash, then the
    // line ending.
    Span line_break_span() {
        const std::string_view src = doc_.source;
        std::uint32_t e = cursor_;
        while (e < src.size() && (src[e] == ' ' || src[e] == '\t' || src[e] == '\\')) ++e;
        if (e < src.size() && src[e] == '\r') ++e;
        if (e < src.size() && src[e] == '\n') ++e;
        return {cursor_, e};
    }

    int text(MD_TEXTTYPE type, const MD_CHAR* s, MD_SIZE n) {
        const bool here = in_source(s, n);
        const std::uint32_t at = here ? offset_of(s) : cursor_;
        if (in_block(MD_BLOCK_CODE)) return 0;
        if (in_block(MD_BLOCK_HTML) && type == MD_TEXT_HTML) {
            if (here) html_map_.add(static_cast<std::uint32_t>(html_buffer_.size()), at, n);
            html_buffer_.append(s, n);
            return 0;
        }
        const std::uint32_t seen = cursor_;
        if (here) cursor_ = std::max(cursor_, at + n);
        switch (type) {
            case MD_TEXT_NORMAL:
                if (!skip_.empty() || !here) break;
                if (is_escape(at, seen)) {
                    // "\*" reads as "*": the escaped character stands for both bytes.
                    current().decoded(std::string(1, doc_.source[at]), {at - 1, at + 1});
                    current().verbatim(doc_.source, {at + 1, at + n});
                } else {
                    current().verbatim(doc_.source, {at, at + n});
                }
                if (!links_.empty()) links_.back().text.append(s, n);
                break;
            case MD_TEXT_ENTITY: {
                if (!skip_.empty() || !here) break;
                const std::string_view raw(s, n);
                const auto ref = decode_char_ref(raw, false);
                if (ref && ref->length == raw.size()) {
                    current().decoded(ref->text, {at, at + n});
                } else {
                    current().verbatim(doc_.source, {at, at + n});  // not an entity HTML knows
                }
                if (!links_.empty()) links_.back().text.append(s, n);
                break;
            }
            case MD_TEXT_SOFTBR:
            case MD_TEXT_BR: {
                const Span br = line_break_span();
                cursor_ = br.end;
                if (skip_.empty() && current_) current_->decoded("\n", br);
                break;
            }
            case MD_TEXT_CODE:
                if (!code_.empty() && here) {
                    Span& c = code_.back();
                    if (c.begin == c.end) c.begin = at;
                    c.end = at + n;
                }
                break;
            case MD_TEXT_HTML:
                if (here) inline_html(at, n);
                break;
            case MD_TEXT_NULLCHAR:
                if (skip_.empty()) current().decoded("\xEF\xBF\xBD", {at, at});
                break;
            case MD_TEXT_LATEXMATH:
                break;
        }
        return 0;
    }

    void inline_html(std::uint32_t at, std::uint32_t n) {
        const std::string_view src = doc_.source;
        if (at < comment_end_) return;  // the rest of a comment already read
        const std::string_view html = src.substr(at, n);
        if (html.starts_with("<!--")) {
            auto close = src.find("-->", at + 4);
            if (close == std::string_view::npos) close = src.size();
            comment_end_ = std::min<std::uint32_t>(static_cast<std::uint32_t>(close + 3),
                                                   static_cast<std::uint32_t>(src.size()));
            const std::string_view body = src.substr(at + 4, close - (at + 4));
            if (auto d = parse_directive(body, at + 4, {at, comment_end_})) {
                doc_.directives.push_back(std::move(*d));
            }
            return;
        }
        if (auto name = code_tag(html, false)) {
            skip_.push_back({std::string(*name), at});
            return;
        }
        if (auto name = code_tag(html, true)) {
            if (!skip_.empty() && skip_.back().first == *name) {
                const std::uint32_t begin = skip_.back().second;
                skip_.pop_back();
                if (skip_.empty()) current().object({begin, at + n});
            }
            return;
        }
        if (!skip_.empty()) return;
        if (starts_with_tag(html, "br", false)) {
            if (current_) current_->decoded("\n", {at, at + n});
            return;
        }
        if (starts_with_tag(html, "img", false)) current().object({at, at + n});
        // alt and title attributes of inline tags are read by the HTML reader.
        if (html.find("alt=") != std::string_view::npos ||
            html.find("title=") != std::string_view::npos) {
            OffsetMap map;
            map.add(0, at, n);
            read_html_buffer(doc_, html, map, Scope::Caption);
        }
    }

    struct Image {
        std::optional<RegionBuilder> parent;
        std::uint32_t start;
    };
    struct Link {
        std::size_t mark;
        std::string href;
        std::string text;  // as written, to recognise autolinks
    };

    Document& doc_;
    const char* base_;
    std::vector<MD_BLOCKTYPE> blocks_;
    std::optional<RegionBuilder> current_;
    std::vector<Image> images_;
    std::vector<Link> links_;
    std::vector<Span> code_;
    std::vector<std::pair<std::string, std::uint32_t>> skip_;  // open inline code-like tags
    std::uint32_t comment_end_ = 0;
    std::uint32_t cursor_ = 0;  // end of the last source text seen
    std::string html_buffer_;
    OffsetMap html_map_;
};

}  // namespace

void MarkdownReader::read(Document& doc, const ReadOptions& options) const {
    const std::uint32_t bom = doc.source.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    const std::uint32_t body = read_front_matter(doc, bom, options.front_matter_keys);
    MarkdownWalker(doc).parse(body);
}

}  // namespace copydesk::markup
