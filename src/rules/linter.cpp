#include "rules/linter.hpp"

#include <algorithm>
#include <iterator>
#include <optional>
#include <set>
#include <string_view>

namespace copydesk::rules {

Linter::Linter(std::vector<std::unique_ptr<Rule>> rules, const Selection& selection,
               spell::SpellChecker* speller, Resources resources)
    : rules_(std::move(rules)),
      severity_(selection.severity),
      selection_(selection),
      speller_(speller),
      resources_(std::move(resources)) {
    std::sort(rules_.begin(), rules_.end(),
              [](const auto& a, const auto& b) { return a->info().id < b->info().id; });
    for (const auto& rule : rules_) {
        const std::string& id = rule->info().id;
        rule_ids_.insert(id);
        const bool on = rule->info().always_on ||
                        ((rule->info().enabled_by_default || selection.enable.count(id) != 0) &&
                         selection.disable.count(id) == 0);
        if (on) active_.push_back(rule.get());
    }
}

bool Linter::suggestions_complete() const {
    return speller_ == nullptr || !speller_->suggestions_cut();
}

std::vector<Diagnostic> Linter::lint(const Document& doc) {
    std::vector<RegionText> regions;
    regions.reserve(doc.regions.size());
    for (const Region& region : doc.regions) {
        regions.push_back({&region, segmenter_.analyze(region.text())});
    }
    facts_.start_document();
    if (speller_ != nullptr) speller_->start_suggestion_budget(suggestion_budget_);
    const Context ctx(doc, std::move(regions), speller_, &rule_ids_, resources_, &facts_);
    std::vector<Diagnostic> out;
    std::set<std::string, std::less<>> always_on;  // ids of always-on rules that reported
    for (const Rule* rule : active_) {
        const auto first = out.size();
        Reporter reporter(rule->info(), out);
        rule->check(ctx, reporter);
        if (rule->info().always_on) {
            for (auto i = first; i < out.size(); ++i) always_on.insert(out[i].rule);
        } else if (auto it = severity_.find(rule->info().id); it != severity_.end()) {
            for (auto i = first; i < out.size(); ++i) out[i].severity = it->second;
        }
    }
    resolve_overlaps(out);
    // Directives and scopes do not apply to always-on rules: set their findings aside meanwhile.
    std::vector<Diagnostic> kept;
    if (!always_on.empty()) {
        auto moved = std::stable_partition(out.begin(), out.end(), [&](const Diagnostic& d) {
            return always_on.count(d.rule) == 0;
        });
        kept.assign(std::make_move_iterator(moved), std::make_move_iterator(out.end()));
        out.erase(moved, out.end());
    }
    apply_suppressions(doc, selection_, out);
    if (!kept.empty()) {
        out.insert(out.end(), std::make_move_iterator(kept.begin()),
                   std::make_move_iterator(kept.end()));
        std::stable_sort(out.begin(), out.end(), diagnostic_order);
    }
    drop_duplicates(out);
    return out;
}

namespace {

// The correction a finding offers first, if any.
std::optional<std::string_view> first_correction(const Diagnostic& d) {
    if (d.fix && d.fix->edits.size() == 1 && d.fix->edits.front().span == d.span) {
        return d.fix->edits.front().replacement;
    }
    if (!d.suggestions.empty()) return d.suggestions.front();
    return std::nullopt;
}

}  // namespace

void drop_duplicates(std::vector<Diagnostic>& diags) {
    std::vector<bool> drop(diags.size(), false);
    for (std::size_t i = 0; i < diags.size(); ++i) {
        if (drop[i]) continue;
        const auto mine = first_correction(diags[i]);
        if (!mine) continue;
        for (std::size_t j = i + 1; j < diags.size() && diags[j].span.begin == diags[i].span.begin;
             ++j) {
            if (drop[j] || diags[j].span != diags[i].span || first_correction(diags[j]) != mine) {
                continue;
            }
            if (diags[j].severity > diags[i].severity) {
                drop[i] = true;
                break;
            }
            drop[j] = true;
        }
    }
    std::size_t k = 0;
    std::erase_if(diags, [&](const Diagnostic&) { return drop[k++]; });
}

void resolve_overlaps(std::vector<Diagnostic>& diags) {
    // "Unknown word" and "unknown name" say less than any other rule about the same text.
    auto generic = [](const Diagnostic& d) {
        return d.category == Category::Spelling || d.rule == "unknown-name";
    };
    std::vector<Span> specific;
    for (const Diagnostic& d : diags) {
        if (!generic(d)) specific.push_back(d.span);
    }
    std::sort(specific.begin(), specific.end());
    std::erase_if(diags, [&](const Diagnostic& d) {
        if (!generic(d)) return false;
        auto it =
            std::lower_bound(specific.begin(), specific.end(), Span{d.span.begin, d.span.begin});
        if (it != specific.begin() && std::prev(it)->overlaps(d.span)) return true;
        for (; it != specific.end() && it->begin < d.span.end; ++it) {
            if (it->overlaps(d.span) || *it == d.span) return true;
        }
        return false;
    });
    std::stable_sort(diags.begin(), diags.end(), diagnostic_order);
}

std::vector<std::string> unknown_rule_ids(const std::vector<std::unique_ptr<Rule>>& rules,
                                          const std::set<std::string>& ids) {
    std::vector<std::string> unknown;
    for (const std::string& id : ids) {
        const bool found = std::any_of(rules.begin(), rules.end(),
                                       [&](const auto& r) { return r->info().id == id; });
        if (!found) unknown.push_back(id);
    }
    return unknown;
}

}  // namespace copydesk::rules
