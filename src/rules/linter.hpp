#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "rules/rule.hpp"

namespace copydesk::rules {

// Changes that hold only inside one scope of the text.
struct ScopedSelection {
    std::set<std::string> disable;
    std::map<std::string, Severity> severity;
    friend bool operator==(const ScopedSelection&, const ScopedSelection&) = default;
};

struct Selection {
    std::set<std::string> enable;              // rules switched on beyond the defaults
    std::set<std::string> disable;             // rules switched off
    std::map<std::string, Severity> severity;  // per-rule severity overrides
    // Keyed by a region scope name ("heading", "quote", "table-cell", ... see to_string(Scope))
    // or "quotation": words between quotation marks, and block quotes.
    std::map<std::string, ScopedSelection> scopes;
    Severity report_level = Severity::Suggestion;  // findings below it are not reported
};

// The names `Selection::scopes` accepts.
const std::vector<std::string>& scope_names();

// Runs the selected rules over one document, in a fixed order, and resolves overlaps.
// Holds a Segmenter and uses one SpellChecker, so one Linter per thread.
class Linter {
  public:
    Linter(std::vector<std::unique_ptr<Rule>> rules, const Selection& selection,
           spell::SpellChecker* speller, Resources resources = {});

    [[nodiscard]] std::vector<Diagnostic> lint(const Document& doc);
    [[nodiscard]] const std::vector<const Rule*>& active_rules() const { return active_; }
    // At most about this long working out spelling suggestions per document (nullopt: no
    // bound): a word left without them is still reported. A language server lints on each
    // keystroke; a pasted page of foreign words would otherwise hold it up.
    void set_suggestion_budget(std::optional<std::chrono::nanoseconds> budget) {
        suggestion_budget_ = budget;
    }
    // False when the last document's suggestions were cut short by the budget: its findings
    // are not what an unbounded run gives (and are not worth caching).
    [[nodiscard]] bool suggestions_complete() const;

  private:
    std::vector<std::unique_ptr<Rule>> rules_;
    std::vector<const Rule*> active_;
    std::map<std::string, Severity> severity_;
    Selection selection_;
    std::set<std::string, std::less<>> rule_ids_;
    spell::SpellChecker* speller_;
    std::optional<std::chrono::nanoseconds> suggestion_budget_;
    Resources resources_;
    text::Segmenter segmenter_;
    WordFacts facts_;  // answers about words, kept from one document to the next
};

// Two rules reporting one span with one correction ("Kiev": a retired name spelling and a
// form the project rejects) are one finding to an editor: the more severe one stays.
// Expects the findings sorted.
void drop_duplicates(std::vector<Diagnostic>& diags);

// Drops generic spelling and unknown-name findings that a more specific rule reports on the
// same span, then sorts by position and rule.
void resolve_overlaps(std::vector<Diagnostic>& diagnostics);

// Applies inline directives (copydesk-disable/-enable/-disable-next-line), the per-scope
// changes of `selection` and its report level to sorted findings of `doc`.
void apply_suppressions(const Document& doc, const Selection& selection,
                        std::vector<Diagnostic>& diagnostics);

// Ids in `ids` that no rule has; empty when all are known.
std::vector<std::string> unknown_rule_ids(const std::vector<std::unique_ptr<Rule>>& rules,
                                          const std::set<std::string>& ids);

}  // namespace copydesk::rules
