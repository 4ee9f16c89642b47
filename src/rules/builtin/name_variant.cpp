#include <algorithm>

#include "rules/names_support.hpp"
#include "rules/rule.hpp"

namespace copydesk::rules::builtin {

namespace {

std::string quoted(std::string_view s) {
    return "'" + std::string(s) + "'";
}

class NameVariant final : public Rule {
  public:
    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        const names::Database* db = ctx.names();
        if (db == nullptr) return;
        const auto profile = ctx.style_profile();
        for (std::size_t r = 0; r < ctx.regions().size(); ++r) {
            const RegionText& where = ctx.regions()[r];
            for (const names::Mention& m : name_mentions(ctx, r)) {
                if (m.exception) continue;
                check_mention(*db, profile, where, m, out);
            }
        }
    }

  private:
    void check_mention(const names::Database& db, std::optional<std::size_t> profile,
                       const RegionText& where, const names::Mention& m, Reporter& out) const {
        struct Flag {
            const names::Mention::Use* use;
            names::Judgement judgement;
        };
        std::vector<Flag> flags;
        for (const names::Mention::Use& use : m.uses) {
            names::Judgement j = db.judge(use.form, profile);
            if (j.flagged) flags.push_back({&use, std::move(j)});
        }
        if (flags.empty() || left_as_written(where, m.span)) return;

        // A given name is wrong only beside the surname ("Vladimir Zelensky"), so the finding
        // covers the whole name; otherwise just the parts at fault.
        const bool whole = std::any_of(flags.begin(), flags.end(), [](const Flag& f) {
            return f.use->part == names::Part::Given;
        });
        const Span span =
            whole ? m.span : Span{flags.front().use->span.begin, flags.back().use->span.end};

        // The corrected text of the span, each flagged part replaced with its case copied.
        std::string corrected;
        std::string display;  // the same with the data's case, for the message
        bool replaceable = true;
        bool safe = true;
        bool historic = true;
        bool uncertain = false;
        std::uint32_t at = span.begin;
        for (const Flag& f : flags) {
            const std::string_view used = where.slice(f.use->span);
            const std::string between(where.slice({at, f.use->span.begin}));
            corrected += between;
            display += between;
            if (f.judgement.replacement.empty()) {
                replaceable = false;
            } else {
                const std::string repl = names::fit_particle(used, f.judgement.replacement);
                corrected += copy_case(used, repl);
                display += repl;
            }
            safe = safe && f.judgement.safe;
            historic = historic && f.judgement.status == names::Status::Historic;
            uncertain = uncertain || f.judgement.uncertain;
            at = f.use->span.end;
        }
        const std::string tail(where.slice({at, span.end}));
        corrected += tail;
        display += tail;

        // Why the text's spelling is not the one to use: one reason for the whole name when
        // its parts share it ("Abdel Fattah al-Sisi" is the Reuters, BBC and Guardian spelling).
        const bool one_reason =
            flags.size() > 1 && std::all_of(flags.begin(), flags.end(), [&](const Flag& f) {
                return f.judgement.why == flags.front().judgement.why;
            });
        std::string why;
        if (one_reason) {
            why = quoted(where.slice(span)) + " is " + flags.front().judgement.why;
        } else {
            for (std::size_t i = 0; i < flags.size(); ++i) {
                if (i > 0) why += " and ";
                why += quoted(where.slice(flags[i].use->span)) + " is " + flags[i].judgement.why;
            }
        }
        std::string message;
        if (replaceable) {
            // A profile's choice the data has not confirmed is said so, and only suggested.
            const std::string who = profile ? "the " + db.profiles()[*profile].label + " spelling" +
                                                  (uncertain ? " (not confirmed)" : "")
                                            : "the spelling in current use";
            message = quoted(display) + " is " + who + "; " + why + ".";
        } else {
            std::string choices;
            const auto& alts = flags.front().judgement.alternatives;
            for (std::size_t i = 0; i < alts.size(); ++i) {
                if (i > 0) choices += i + 1 == alts.size() ? " or " : ", ";
                choices += quoted(alts[i]);
            }
            message = "Use " + choices + ", the spellings style guides use; " + why + ".";
        }

        Diagnostic& d = out.report(where, span, std::move(message));
        if (historic || uncertain) d.severity = Severity::Suggestion;
        if (replaceable) {
            d.suggestions.push_back(corrected);
            out.set_fix(d, where, span, corrected, "Use '" + corrected + "'", safe);
        } else {
            d.suggestions = flags.front().judgement.alternatives;
        }
    }

    RuleInfo info_{
        .id = "name-variant",
        .category = Category::Names,
        .severity = Severity::Warning,
        .enabled_by_default = true,
        .summary =
            "A known variant of a name (Kiev, Volodimir, Qadhafi) instead of the style "
            "profile's form (--style ap|reuters|bbc|guardian).",
        .description =
            "Checks names against the names database in dictionaries/names/: people, places and "
            "organisations spelled several ways, with the form each style profile uses and the "
            "known variants. With --style (ap, reuters, bbc, guardian, or a newsroom's own "
            "profile) every listed spelling other than the profile's is reported: 'Zelenskiy' "
            "under --style ap gives 'Zelenskyy'. With no profile only spellings that no major "
            "style guide uses any more are reported (Kiev for the city, Volodimir, Belarussian).\n"
            "The fix is safe where the mapping is unambiguous. Historic names (Bombay, Peking) "
            "are suggestions and are never fixed automatically; exception phrases (Chicken Kiev, "
            "Kievan Rus), quoted titles and words marked [sic] are left alone.\n"
            "\n"
            "Adding your own names: put a YAML file of your own in dictionaries/names/, for "
            "example local.yaml:\n"
            "\n"
            "  entries:\n"
            "    - id: joe-quimby\n"
            "      kind: person\n"
            "      given: Joe\n"
            "      surname: Quimby\n"
            "      variants:\n"
            "        - {surname: Quimbee, status: wrong, note: \"a misspelling of the mayor's "
            "name\"}\n"
            "      source: \"Springfield Gazette style sheet, 2025\"\n"
            "    - extend: kyiv                 # add to a shipped entry\n"
            "      except: [\"Kiev Ballet\"]\n"
            "      source: \"Gazette house decision, 2025\"\n"
            "\n"
            "A house profile starts from a published one and overrides it where you differ:\n"
            "\n"
            "  profiles:\n"
            "    - {id: gazette, label: Gazette, based_on: bbc, guide: \"Gazette style sheet\", "
            "checked: \"2025-01\"}\n"
            "  entries:\n"
            "    - extend: volodymyr-zelensky\n"
            "      surname: {gazette: Zelenskyy}\n"
            "      source: \"Gazette style sheet\"\n"
            "\n"
            "Then run copydesk --style gazette. Each field is described in "
            "dictionaries/README.md.",
        .link = {},
        .needs_dictionary = false,
        .needs_names = true,
    };
};

}  // namespace

std::unique_ptr<Rule> make_name_variant() {
    return std::make_unique<NameVariant>();
}

}  // namespace copydesk::rules::builtin
