#include "fix/edits.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <tuple>

#include "core/utf8.hpp"

namespace copydesk::fix {

namespace {

bool on_boundary(std::string_view s, std::uint32_t pos) {
    return pos == s.size() ||
           (pos < s.size() && !utf8::is_continuation(static_cast<unsigned char>(s[pos])));
}

bool span_order(const Edit& a, const Edit& b) {
    return std::tie(a.span, a.replacement) < std::tie(b.span, b.replacement);
}

// Closed-interval test: overlapping spans and spans that merely touch both count.
bool touches(Span a, Span b) {
    return a.begin <= b.end && b.begin <= a.end;
}

}  // namespace

bool Filter::accepts(const Diagnostic& d) const {
    return d.fix && d.fix->safe && !d.fix->edits.empty() &&
           (rules.empty() || rules.count(d.rule) != 0);
}

bool valid_fix(const Document& doc, const Fix& fix) {
    if (fix.edits.empty()) return false;
    const std::string_view src = doc.source;
    std::vector<Edit> edits = fix.edits;
    std::sort(edits.begin(), edits.end(), span_order);
    for (std::size_t i = 0; i < edits.size(); ++i) {
        const Edit& e = edits[i];
        if (e.span.begin > e.span.end || e.span.end > src.size()) return false;
        if (!on_boundary(src, e.span.begin) || !on_boundary(src, e.span.end)) return false;
        if (e.replacement.find('\0') != std::string::npos) return false;
        if (utf8::find_invalid(e.replacement)) return false;
        const bool in_prose =
            std::any_of(doc.regions.begin(), doc.regions.end(),
                        [&](const Region& r) { return r.source_span().contains(e.span); });
        if (!in_prose) return false;
        if (i > 0) {
            const Edit& prev = edits[i - 1];
            if (prev.span.end > e.span.begin) return false;
            // Two insertions at one point have no meaningful order.
            if (prev.span.empty() && e.span.empty() && prev.span.begin == e.span.begin) {
                return false;
            }
        }
    }
    // A fix that changes nothing would be reported as applied forever.
    const std::uint32_t window_begin = edits.front().span.begin;
    std::uint32_t window_end = 0;
    for (const Edit& e : edits) window_end = std::max(window_end, e.span.end);
    const std::string_view window = src.substr(window_begin, window_end - window_begin);
    std::vector<Edit> shifted = edits;
    for (Edit& e : shifted) e.span = {e.span.begin - window_begin, e.span.end - window_begin};
    return apply_sorted(window, shifted) != window;
}

Plan plan_fixes(const Document& doc, std::span<const Diagnostic> diagnostics,
                const Filter& filter) {
    struct Candidate {
        std::size_t index;
        std::vector<Edit> edits;  // sorted
    };
    Plan plan;
    std::vector<Candidate> candidates;
    for (std::size_t i = 0; i < diagnostics.size(); ++i) {
        const Diagnostic& d = diagnostics[i];
        if (!filter.accepts(d)) continue;
        if (!valid_fix(doc, *d.fix)) {
            plan.invalid.push_back(i);
            continue;
        }
        Candidate c{i, d.fix->edits};
        std::sort(c.edits.begin(), c.edits.end(), span_order);
        candidates.push_back(std::move(c));
    }
    std::sort(candidates.begin(), candidates.end(), [&](const Candidate& a, const Candidate& b) {
        const std::string& ra = diagnostics[a.index].rule;
        const std::string& rb = diagnostics[b.index].rule;
        if (a.edits.front().span != b.edits.front().span) {
            return a.edits.front().span < b.edits.front().span;
        }
        if (ra != rb) return ra < rb;
        if (std::lexicographical_compare(a.edits.begin(), a.edits.end(), b.edits.begin(),
                                         b.edits.end(), span_order)) {
            return true;
        }
        if (std::lexicographical_compare(b.edits.begin(), b.edits.end(), a.edits.begin(),
                                         a.edits.end(), span_order)) {
            return false;
        }
        return a.index < b.index;
    });

    // Chosen spans, sorted; a later one never ends before an earlier one, so only the last
    // span starting at or before a candidate's end can touch it.
    std::set<Span> chosen;
    auto conflicts = [&](Span s) {
        auto it = chosen.upper_bound(Span{s.end, std::numeric_limits<std::uint32_t>::max()});
        if (it == chosen.begin()) return false;
        return touches(*std::prev(it), s);
    };
    for (Candidate& c : candidates) {
        const bool blocked = std::any_of(c.edits.begin(), c.edits.end(),
                                         [&](const Edit& e) { return conflicts(e.span); });
        if (blocked) {
            plan.deferred.push_back(c.index);
            continue;
        }
        for (Edit& e : c.edits) {
            chosen.insert(e.span);
            plan.edits.push_back(std::move(e));
        }
        plan.applied.push_back(c.index);
    }
    std::sort(plan.edits.begin(), plan.edits.end(), span_order);
    std::sort(plan.deferred.begin(), plan.deferred.end());
    return plan;
}

std::string apply_sorted(std::string_view source, std::span<const Edit> edits) {
    std::string out;
    std::size_t grow = 0;
    for (const Edit& e : edits) grow += e.replacement.size();
    out.reserve(source.size() + grow);
    std::size_t at = 0;
    for (const Edit& e : edits) {
        out.append(source.substr(at, e.span.begin - at));
        out.append(e.replacement);
        at = e.span.end;
    }
    out.append(source.substr(at));
    return out;
}

namespace {

// Shrinks an edit to the bytes that change, keeping its ends on character boundaries.
std::optional<Edit> trimmed(std::string_view original, Span span, std::string replacement) {
    const std::string_view old = original.substr(span.begin, span.size());
    const std::string_view rep = replacement;
    auto boundary = [](std::string_view s, std::size_t i) {
        return i >= s.size() || !utf8::is_continuation(static_cast<unsigned char>(s[i]));
    };
    std::size_t prefix = 0;
    while (prefix < old.size() && prefix < rep.size() && old[prefix] == rep[prefix]) ++prefix;
    while (prefix > 0 && (!boundary(old, prefix) || !boundary(rep, prefix))) --prefix;
    std::size_t suffix = 0;
    while (suffix < old.size() - prefix && suffix < rep.size() - prefix &&
           old[old.size() - 1 - suffix] == rep[rep.size() - 1 - suffix]) {
        ++suffix;
    }
    while (suffix > 0 &&
           (!boundary(old, old.size() - suffix) || !boundary(rep, rep.size() - suffix))) {
        --suffix;
    }
    if (prefix + suffix == old.size() && prefix + suffix == rep.size()) return std::nullopt;
    const auto b = static_cast<std::uint32_t>(span.begin + prefix);
    const auto e = static_cast<std::uint32_t>(span.end - suffix);
    return Edit{{b, e}, replacement.substr(prefix, rep.size() - prefix - suffix)};
}

}  // namespace

std::vector<Edit> compose(std::string_view original, std::span<const Edit> first,
                          std::string_view middle, std::span<const Edit> second) {
    // Every edit as a range of `middle`: where the first edits' replacements ended up, and
    // the ranges the second edits replace.
    struct Piece {
        std::int64_t begin;
        std::int64_t end;
        bool from_first;
        std::size_t index;
    };
    std::vector<Piece> pieces;
    pieces.reserve(first.size() + second.size());
    std::int64_t delta = 0;
    for (std::size_t i = 0; i < first.size(); ++i) {
        const Edit& e = first[i];
        const std::int64_t b = e.span.begin + delta;
        pieces.push_back({b, b + static_cast<std::int64_t>(e.replacement.size()), true, i});
        delta += static_cast<std::int64_t>(e.replacement.size()) - e.span.size();
    }
    for (std::size_t i = 0; i < second.size(); ++i) {
        pieces.push_back({second[i].span.begin, second[i].span.end, false, i});
    }
    std::sort(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& b) {
        return std::tie(a.begin, a.end, a.from_first, a.index) <
               std::tie(b.begin, b.end, b.from_first, b.index);
    });

    std::vector<Edit> out;
    std::int64_t delta_before = 0;  // first edits' growth before the current cluster
    std::size_t i = 0;
    while (i < pieces.size()) {
        // A cluster: pieces that overlap or touch, so they become one edit of the original.
        std::int64_t cb = pieces[i].begin;
        std::int64_t ce = pieces[i].end;
        std::size_t j = i;
        std::int64_t delta_in = 0;
        std::string replacement;
        std::int64_t at = cb;  // next byte of `middle` still to copy into `replacement`
        for (; j < pieces.size() && pieces[j].begin <= ce; ++j) {
            const Piece& p = pieces[j];
            ce = std::max(ce, p.end);
            if (p.from_first) {
                const Edit& e = first[p.index];
                delta_in += static_cast<std::int64_t>(e.replacement.size()) - e.span.size();
                continue;
            }
            const Edit& e = second[p.index];
            replacement.append(middle.substr(static_cast<std::size_t>(at),
                                             static_cast<std::size_t>(p.begin - at)));
            replacement.append(e.replacement);
            at = p.end;
        }
        replacement.append(
            middle.substr(static_cast<std::size_t>(at), static_cast<std::size_t>(ce - at)));
        const auto ob = static_cast<std::uint32_t>(cb - delta_before);
        const auto oe = static_cast<std::uint32_t>(ce - delta_before - delta_in);
        if (auto e = trimmed(original, {ob, oe}, std::move(replacement))) out.push_back(*e);
        delta_before += delta_in;
        i = j;
    }
    return out;
}

Span to_original(std::span<const Edit> edits, Span edited) {
    auto map = [&](std::uint32_t pos, bool is_end) -> std::uint32_t {
        std::int64_t delta = 0;
        for (const Edit& e : edits) {
            const std::int64_t eb = e.span.begin + delta;
            const std::int64_t ee = eb + static_cast<std::int64_t>(e.replacement.size());
            if (pos <= eb) break;
            if (pos < ee) return is_end ? e.span.end : e.span.begin;
            delta += static_cast<std::int64_t>(e.replacement.size()) - e.span.size();
        }
        return static_cast<std::uint32_t>(pos - delta);
    };
    const std::uint32_t b = map(edited.begin, false);
    const std::uint32_t e = map(edited.end, true);
    return {b, std::max(b, e)};
}

}  // namespace copydesk::fix
