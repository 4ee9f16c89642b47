#include <algorithm>
#include <optional>

#include "rules/linter.hpp"

namespace copydesk::rules {

const std::vector<std::string>& scope_names() {
    static const std::vector<std::string> names{"paragraph", "heading",    "quote",    "caption",
                                                "list-item", "table-cell", "quotation"};
    return names;
}

namespace {

bool names_rule(const Directive& d, std::string_view rule) {
    return d.rules.empty() ||
           std::any_of(d.rules.begin(), d.rules.end(),
                       [&](const Directive::RuleRef& r) { return r.id == rule; });
}

// Finds the scope of the region a source offset belongs to.
class ScopeIndex {
  public:
    explicit ScopeIndex(const Document& doc) {
        for (const Region& region : doc.regions) {
            for (const Region::Segment& s : region.segments()) {
                // An object mark stands over another region (an image over its caption).
                const bool object = !s.verbatim && std::string_view(region.text())
                                                       .substr(s.text_begin)
                                                       .starts_with(kObjectReplacement);
                if (!object) entries_.push_back({s.source, region.scope()});
            }
        }
        std::sort(entries_.begin(), entries_.end(),
                  [](const Entry& a, const Entry& b) { return a.span.begin < b.span.begin; });
        // Quotations merged into disjoint spans (a <q> may sit inside a “…” quotation).
        for (const Span q : doc.quotations) {
            if (!quotations_.empty() && q.begin <= quotations_.back().end) {
                quotations_.back().end = std::max(quotations_.back().end, q.end);
            } else {
                quotations_.push_back(q);
            }
        }
    }

    // True when `offset` lies in a direct quotation.
    [[nodiscard]] bool quoted(std::uint32_t offset) const {
        auto it = std::upper_bound(quotations_.begin(), quotations_.end(), offset,
                                   [](std::uint32_t o, Span q) { return o < q.begin; });
        return it != quotations_.begin() && offset < std::prev(it)->end;
    }

    [[nodiscard]] std::optional<Scope> at(std::uint32_t offset) const {
        auto it =
            std::upper_bound(entries_.begin(), entries_.end(), offset,
                             [](std::uint32_t o, const Entry& e) { return o < e.span.begin; });
        while (it != entries_.begin()) {
            --it;
            if (offset < it->span.end || (it->span.empty() && it->span.begin == offset)) {
                return it->scope;
            }
            if (it->span.end <= offset && !it->span.empty()) break;
        }
        return std::nullopt;
    }

  private:
    struct Entry {
        Span span;
        Scope scope;
    };
    std::vector<Entry> entries_;
    std::vector<Span> quotations_;
};

// The source range of the line after the one where `d` ends.
Span next_line(const Document& doc, const Directive& d) {
    const std::uint32_t last_byte = d.span.end > d.span.begin ? d.span.end - 1 : d.span.begin;
    const std::uint32_t line = doc.lines.position(last_byte).line;
    const auto size = static_cast<std::uint32_t>(doc.source.size());
    if (line + 1 > doc.lines.line_count()) return {size, size};
    const std::uint32_t begin = doc.lines.line_start(line + 1);
    const std::uint32_t end =
        line + 2 <= doc.lines.line_count() ? doc.lines.line_start(line + 2) : size;
    return {begin, end};
}

}  // namespace

void apply_suppressions(const Document& doc, const Selection& selection,
                        std::vector<Diagnostic>& diagnostics) {
    std::vector<Span> next_lines;
    next_lines.reserve(doc.directives.size());
    for (const Directive& d : doc.directives) next_lines.push_back(next_line(doc, d));
    const ScopeIndex scopes(doc);

    auto directed_off = [&](const Diagnostic& diag) {
        bool off = false;
        for (std::size_t i = 0; i < doc.directives.size(); ++i) {
            const Directive& d = doc.directives[i];
            if (d.span.begin >= diag.span.begin) break;
            if (!names_rule(d, diag.rule)) continue;
            switch (d.kind) {
                case Directive::Kind::Disable:
                    if (d.span.end <= diag.span.begin) off = true;
                    break;
                case Directive::Kind::Enable:
                    if (d.span.end <= diag.span.begin) off = false;
                    break;
                case Directive::Kind::DisableNextLine:
                    if (next_lines[i].begin <= diag.span.begin &&
                        diag.span.begin < std::max(next_lines[i].end, next_lines[i].begin + 1)) {
                        return true;
                    }
                    break;
                case Directive::Kind::Unknown:
                    break;
            }
        }
        return off;
    };

    // Scoped changes: the region's scope first, then "quotation" (more specific).
    auto scoped_off = [&](Diagnostic& diag) {
        if (selection.scopes.empty()) return false;
        const std::optional<Scope> scope = scopes.at(diag.span.begin);
        std::vector<std::string_view> keys;
        if (scope) keys.push_back(to_string(*scope));
        const bool quoted = (scope && *scope == Scope::Quote) ||
                            std::any_of(doc.quotations.begin(), doc.quotations.end(), [&](Span q) {
                                return q.begin <= diag.span.begin && diag.span.begin < q.end;
                            });
        if (quoted) keys.push_back("quotation");
        for (const std::string_view key : keys) {
            const auto it = selection.scopes.find(std::string(key));
            if (it == selection.scopes.end()) continue;
            if (it->second.disable.count(diag.rule) != 0) return true;
            if (auto sev = it->second.severity.find(diag.rule); sev != it->second.severity.end()) {
                diag.severity = sev->second;
            }
        }
        return false;
    };

    std::erase_if(diagnostics, [&](Diagnostic& diag) {
        return directed_off(diag) || scoped_off(diag) || diag.severity < selection.report_level;
    });
}

}  // namespace copydesk::rules
