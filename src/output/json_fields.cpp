#include "output/json_fields.hpp"

namespace copydesk::output {

namespace {

Json fix_json(const std::optional<Fix>& fix) {
    if (!fix) return nullptr;
    Json edits = Json::array();
    for (const Edit& e : fix->edits) {
        edits.push_back(
            {{"offset", e.span.begin}, {"length", e.span.size()}, {"replacement", e.replacement}});
    }
    return Json{{"safe", fix->safe}, {"edits", std::move(edits)}};
}

}  // namespace

Json diagnostic_fields(const Document& doc, const Diagnostic& d) {
    const auto [b, e] = doc.lines.positions(d.span.begin, d.span.end);
    return {{"rule", d.rule},
            {"severity", to_string(d.severity)},
            {"category", to_string(d.category)},
            {"line", b.line},
            {"column", b.column},
            {"end_line", e.line},
            {"end_column", e.column},
            {"offset", d.span.begin},
            {"length", d.span.size()},
            {"message", d.message},
            {"suggestions", d.suggestions},
            {"fix", fix_json(d.fix)}};
}

std::string dump(const Json& j) {
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace copydesk::output
