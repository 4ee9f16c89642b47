#include "markup/directive.hpp"

namespace copydesk::markup {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

}  // namespace

std::optional<Directive> parse_directive(std::string_view body, std::uint32_t body_offset,
                                         Span whole) {
    constexpr std::string_view kPrefix = "copydesk-";
    std::size_t i = 0;
    while (i < body.size() && is_space(body[i])) ++i;
    if (body.substr(i, kPrefix.size()) != kPrefix) return std::nullopt;
    const std::size_t verb_begin = i;
    i += kPrefix.size();
    while (i < body.size() && ((body[i] >= 'a' && body[i] <= 'z') || body[i] == '-')) ++i;
    const std::string_view verb = body.substr(verb_begin, i - verb_begin);

    Directive d;
    d.span = whole;
    d.verb_span = {body_offset + static_cast<std::uint32_t>(verb_begin),
                   body_offset + static_cast<std::uint32_t>(i)};
    if (verb == "copydesk-disable") {
        d.kind = Directive::Kind::Disable;
    } else if (verb == "copydesk-enable") {
        d.kind = Directive::Kind::Enable;
    } else if (verb == "copydesk-disable-next-line") {
        d.kind = Directive::Kind::DisableNextLine;
    } else {
        d.kind = Directive::Kind::Unknown;
        return d;
    }
    if (i < body.size() && !is_space(body[i]) && body[i] != ',') {
        d.kind = Directive::Kind::Unknown;  // "copydesk-disable:spelling"
        return d;
    }
    while (i < body.size()) {
        while (i < body.size() && (is_space(body[i]) || body[i] == ',')) ++i;
        if (i >= body.size()) break;
        std::size_t end = i;
        while (end < body.size() && !is_space(body[end]) && body[end] != ',') ++end;
        const std::string_view id = body.substr(i, end - i);
        if (id == "--") break;  // the rest is a reason
        d.rules.push_back({std::string(id),
                           {body_offset + static_cast<std::uint32_t>(i),
                            body_offset + static_cast<std::uint32_t>(end)}});
        i = end;
    }
    return d;
}

}  // namespace copydesk::markup
