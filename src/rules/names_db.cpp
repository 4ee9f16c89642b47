#include "rules/names_db.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <set>

#include "core/utf8.hpp"
#include "text/casing.hpp"
#include "text/romanize.hpp"

namespace copydesk::names {

namespace {

constexpr std::array<std::string_view, 5> kKindNames{"person", "place", "organisation", "demonym",
                                                     "other"};
constexpr std::array<std::string_view, 4> kStatusNames{"wrong", "dated", "other-system",
                                                       "historic"};
constexpr std::uint8_t kNoUse = 0xFF;
// Leading Arabic articles that second references drop ("al-Sisi", then "Sisi").
constexpr std::array<std::string_view, 4> kParticles{"al-", "el-", "al ", "el "};

// Apostrophes and hyphens as plain ASCII, so that "Xi’an" and "Xi'an" compare equal.
std::string normalize_marks(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t pos = 0;
    while (pos < s.size()) {
        const std::size_t at = pos;
        const char32_t cp = utf8::decode(s, pos);
        if (cp == U'\u2019' || cp == U'\u02BC' || cp == U'\u2018') {
            out += '\'';
        } else if (cp == U'\u2010' || cp == U'\u2011') {
            out += '-';
        } else {
            out.append(s.substr(at, pos - at));
        }
    }
    return out;
}

// Lower case, with apostrophes and hyphens as plain ASCII, so that "Xi’an" and "xi'an"
// compare equal.
std::string lower_key(std::string_view s) {
    // Plain ASCII has no marks to normalize (and to_lower lowers it without ICU).
    if (utf8::is_ascii(s)) return text::to_lower(s);
    return text::to_lower(normalize_marks(s));
}

bool is_separator_space(char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x202F;
}

// Characters that end a word piece in a pattern. Non-ASCII letters are word characters.
bool is_pattern_punct(char32_t cp) {
    if (cp < 0x80) {
        return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'));
    }
    return cp == U'\u2010' || cp == U'\u2011' || cp == U'\u2013' || cp == U'\u2014' ||
           cp == U'\u2019' || cp == U'\u2018' || cp == U'\u02BC';
}

bool is_apostrophe(char32_t cp) {
    return cp == '\'' || cp == U'\u2019' || cp == U'\u02BC';
}

using detail::PatternPiece;

// Splits a spelling the way the segmenter splits text: words (with inner apostrophes), single
// punctuation marks, and white space.
std::vector<PatternPiece> split_pattern(std::string_view s) {
    std::vector<PatternPiece> pieces;
    std::size_t pos = 0;
    std::string word;
    auto flush = [&] {
        if (word.empty()) return;
        pieces.push_back({lower_key(word), true, text::starts_upper(word)});
        word.clear();
    };
    while (pos < s.size()) {
        const std::size_t at = pos;
        const char32_t cp = utf8::decode(s, pos);
        const std::string_view bytes = s.substr(at, pos - at);
        if (is_separator_space(cp)) {
            flush();
            if (!pieces.empty() && pieces.back().key != " ") pieces.push_back({" ", false, false});
            continue;
        }
        if (is_apostrophe(cp) && !word.empty() && pos < s.size()) {
            // Inside a word ("Xi'an", "Sana'a"), as in the segmenter; at its end, punctuation.
            std::size_t next = pos;
            const char32_t after = utf8::decode(s, next);
            if (!is_pattern_punct(after) && !is_separator_space(after)) {
                word += bytes;
                continue;
            }
        }
        if (is_pattern_punct(cp)) {
            flush();
            pieces.push_back({normalize_marks(bytes), false, false});
            continue;
        }
        word += bytes;
    }
    flush();
    if (!pieces.empty() && pieces.back().key == " ") pieces.pop_back();
    return pieces;
}

std::string strip_particle(std::string_view lower) {
    for (std::string_view p : kParticles) {
        if (lower.size() > p.size() + 1 && lower.starts_with(p)) {
            return std::string(lower.substr(p.size()));
        }
    }
    return std::string(lower);
}

// Length of a leading article in a spelling as written ("al-Sisi" -> 3), or 0.
std::size_t particle_length(std::string_view spelling) {
    for (std::string_view p : kParticles) {
        if (spelling.size() <= p.size() + 1) continue;
        bool same = true;
        for (std::size_t i = 0; i < p.size(); ++i) {
            const char c = spelling[i];
            same = same && (c == p[i] || (c >= 'A' && c <= 'Z' && c - 'A' + 'a' == p[i]));
        }
        if (same) return p.size();
    }
    return 0;
}

std::string where(const Entry& e) {
    return e.file + ":" + std::to_string(e.line) + ": entry '" + e.id + "'";
}

std::string_view part_name(Part p) {
    switch (p) {
        case Part::Given:
            return "given name";
        case Part::Surname:
            return "surname";
        case Part::Name:
            break;
    }
    return "name";
}

// One piece of a region's text, as the matcher walks it. Its key (lower case, marks
// normalised; " " for white space) is kept in the shared buffer of a PieceReader.
struct DocPiece {
    std::uint32_t key_begin = 0;
    std::uint32_t key_size = 0;
    bool possessive = false;  // the key ends in 's, which the matcher may also leave off
    Span span;
    Span stripped_span;
    std::uint32_t token = 0;
    bool word = false;
    bool upper = false;
};

// The pieces of a region's text from one word on, made only as far as the matcher walks:
// most words start no name, and making a key for every token was the matcher's main cost.
// The keys go into one buffer, not a string each; both are reused from one start to the next.
class PieceReader {
  public:
    PieceReader(std::string_view text, std::span<const text::Token> tokens)
        : text_(text), tokens_(tokens) {}

    // Starts over at `token`, a word.
    void restart(std::uint32_t token) {
        next_token_ = token;
        keys_.clear();
        pieces_.clear();
    }
    // The k-th piece from the start, or null past the region's end.
    const DocPiece* at(std::size_t k) {
        while (pieces_.size() <= k) {
            if (!read_one()) return nullptr;
        }
        return &pieces_[k];
    }
    [[nodiscard]] std::string_view key(const DocPiece& p) const {
        return std::string_view(keys_).substr(p.key_begin, p.key_size);
    }
    [[nodiscard]] std::string_view stripped(const DocPiece& p) const {
        return p.possessive ? key(p).substr(0, p.key_size - 2) : std::string_view();
    }

  private:
    void add_key(DocPiece& p, std::string_view key) {
        p.key_begin = static_cast<std::uint32_t>(keys_.size());
        p.key_size = static_cast<std::uint32_t>(key.size());
        keys_ += key;
    }
    bool read_one() {
        for (; next_token_ < tokens_.size(); ++next_token_) {
            const std::uint32_t i = next_token_;
            const text::Token& t = tokens_[i];
            const std::string_view s = text_.substr(t.span.begin, t.span.size());
            DocPiece p;
            p.span = t.span;
            p.token = i;
            switch (t.kind) {
                case text::TokenKind::Word: {
                    p.word = true;
                    if (utf8::is_ascii(s)) {
                        // lower_key of plain ASCII, written in place.
                        p.key_begin = static_cast<std::uint32_t>(keys_.size());
                        p.key_size = static_cast<std::uint32_t>(s.size());
                        text::append_ascii_lower(keys_, s);
                    } else {
                        add_key(p, lower_key(s));
                    }
                    p.upper = text::starts_upper(s);
                    if (p.key_size > 3 && key(p).ends_with("'s")) {
                        p.possessive = true;
                        const std::size_t suffix = s.ends_with("\xE2\x80\x99s") ? 4
                                                   : s.ends_with("\xCA\xBCs")   ? 3
                                                                                : 2;
                        p.stripped_span = {t.span.begin,
                                           t.span.end - static_cast<std::uint32_t>(suffix)};
                    }
                    break;
                }
                case text::TokenKind::Space:
                    if (!pieces_.empty() && key(pieces_.back()) == " ") {
                        pieces_.back().span.end = t.span.end;
                        continue;
                    }
                    add_key(p, " ");
                    break;
                case text::TokenKind::Punct:
                    if (utf8::is_ascii(s)) {
                        add_key(p, s);
                    } else {
                        add_key(p, normalize_marks(s));
                    }
                    break;
                default:
                    add_key(p, "\x01");  // never part of a name
            }
            pieces_.push_back(p);
            ++next_token_;
            return true;
        }
        return false;
    }

    std::string_view text_;
    std::span<const text::Token> tokens_;
    std::uint32_t next_token_ = 0;
    std::string keys_;
    std::vector<DocPiece> pieces_;
};

// Whether the word `s` (a token's text; `ascii` if it is plain ASCII) may start a name in
// `starts`, by the key the matcher would make for it, or by that key less a possessive 's.
bool may_start_in(const WordFilter& starts, std::string_view s, bool ascii) {
    if (ascii) {
        if (starts.may_contain_ascii_lower(s)) return true;
        return s.size() > 3 && s[s.size() - 2] == '\'' && (s.back() == 's' || s.back() == 'S') &&
               starts.may_contain_ascii_lower(s.substr(0, s.size() - 2));
    }
    const std::string key = lower_key(s);
    if (starts.may_contain(key)) return true;
    return key.size() > 3 && key.ends_with("'s") &&
           starts.may_contain(std::string_view(key).substr(0, key.size() - 2));
}

}  // namespace

std::string_view to_string(Kind kind) {
    return kKindNames[static_cast<std::size_t>(kind)];
}
std::string_view to_string(Status status) {
    return kStatusNames[static_cast<std::size_t>(status)];
}
std::optional<Kind> parse_kind(std::string_view text) {
    for (std::size_t i = 0; i < kKindNames.size(); ++i) {
        if (kKindNames[i] == text) return static_cast<Kind>(i);
    }
    return std::nullopt;
}
std::optional<Status> parse_status(std::string_view text) {
    for (std::size_t i = 0; i < kStatusNames.size(); ++i) {
        if (kStatusNames[i] == text) return static_cast<Status>(i);
    }
    return std::nullopt;
}

std::string compare_key(std::string_view spelling, Part part) {
    std::string key = lower_key(spelling);
    if (part == Part::Surname) key = strip_particle(key);
    return key;
}

std::string fit_particle(std::string_view used, std::string_view replacement) {
    if (particle_length(used) == 0) {
        if (const std::size_t n = particle_length(replacement); n > 0) {
            return std::string(replacement.substr(n));
        }
    }
    return std::string(replacement);
}

std::optional<std::size_t> Database::profile_index(std::string_view id) const {
    for (std::size_t i = 0; i < data_.profiles.size(); ++i) {
        if (data_.profiles[i].id == id) return i;
    }
    return std::nullopt;
}

namespace {
void merge_styled(Styled& into, const Styled& from) {
    if (!from.fallback.empty()) into.fallback = from.fallback;
    for (const auto& [profile, form] : from.by_profile) into.by_profile[profile] = form;
}
}  // namespace

bool apply_extensions(Data& data, std::string& error) {
    for (Entry& ext : data.extensions) {
        auto it = std::find_if(data.entries.begin(), data.entries.end(),
                               [&](const Entry& e) { return e.id == ext.id; });
        if (it == data.entries.end()) {
            error = ext.file + ":" + std::to_string(ext.line) + ": extend names no entry '" +
                    ext.id + "'";
            return false;
        }
        merge_styled(it->name, ext.name);
        merge_styled(it->given, ext.given);
        merge_styled(it->surname, ext.surname);
        it->native.insert(it->native.end(), ext.native.begin(), ext.native.end());
        it->variants.insert(it->variants.end(), ext.variants.begin(), ext.variants.end());
        it->exceptions.insert(it->exceptions.end(), ext.exceptions.begin(), ext.exceptions.end());
        it->uncertain.insert(it->uncertain.end(), ext.uncertain.begin(), ext.uncertain.end());
        if (!ext.source.empty()) it->source += "; " + ext.source;
    }
    data.extensions.clear();
    return true;
}

std::variant<std::shared_ptr<const Database>, std::string> Database::build(Data data) {
    std::string error;
    if (!apply_extensions(data, error)) return error;
    std::shared_ptr<Database> db(new Database());
    db->data_ = std::move(data);
    if (auto why = db->index()) return *why;
    return std::shared_ptr<const Database>(std::move(db));
}

std::uint32_t Database::child(std::uint32_t node, std::string_view piece) {
    if (node == 0) starts_.add(piece);
    std::string edge(reinterpret_cast<const char*>(&node), sizeof node);
    edge += piece;
    auto [it, added] =
        edges_.try_emplace(std::move(edge), static_cast<std::uint32_t>(nodes_.size()));
    if (added) nodes_.emplace_back();
    return it->second;
}

std::optional<std::uint32_t> Database::find_child(std::uint32_t node,
                                                  std::string_view piece) const {
    // Every word of a text is looked up here: build the key on the stack.
    std::array<char, 64> buffer;
    std::string long_edge;
    std::string_view edge;
    if (piece.size() <= buffer.size() - sizeof node) {
        std::memcpy(buffer.data(), &node, sizeof node);
        std::memcpy(buffer.data() + sizeof node, piece.data(), piece.size());
        edge = std::string_view(buffer.data(), sizeof node + piece.size());
    } else {
        long_edge.assign(reinterpret_cast<const char*>(&node), sizeof node);
        long_edge += piece;
        edge = long_edge;
    }
    const auto it = edges_.find(edge);
    if (it == edges_.end()) return std::nullopt;
    return it->second;
}

std::optional<std::string> Database::add_pattern(std::string_view text,
                                                 const std::vector<PatternPiece>& pieces,
                                                 Reading reading, std::uint32_t entry) {
    if (pieces.empty() || !pieces.front().word) {
        return where(data_.entries[entry]) + ": '" + std::string(text) +
               "' does not start with a letter";
    }
    std::uint32_t node = 0;
    for (const PatternPiece& p : pieces) node = child(node, p.key);
    reading.upper.clear();
    for (const PatternPiece& p : pieces) reading.upper.push_back(p.upper);
    // A reading without uses (an exception) has no pieces assigned.
    if (reading.piece_use.empty()) reading.piece_use.assign(pieces.size(), kNoUse);
    if (reading.piece_use.size() != pieces.size()) {
        return where(data_.entries[entry]) + ": cannot split '" + std::string(text) + "'";
    }
    for (Reading& existing : nodes_[node].readings) {
        if (existing.exception != reading.exception) continue;
        if (existing.entry != reading.entry && !reading.exception) {
            const Entry& other = data_.entries[existing.entry];
            return where(data_.entries[entry]) + ": '" + std::string(text) +
                   "' is also a spelling of entry '" + other.id + "' (" + other.file + ":" +
                   std::to_string(other.line) + ")";
        }
        if (existing.entry == reading.entry && existing.uses == reading.uses) {
            // The same spelling in another case ("bin Laden", "Bin Laden"): a capital is
            // required only where every listed form has one.
            for (std::size_t i = 0; i < existing.upper.size(); ++i) {
                existing.upper[i] = existing.upper[i] && reading.upper[i];
            }
            return std::nullopt;
        }
    }
    nodes_[node].readings.push_back(std::move(reading));
    // Names before exceptions: "Dynamo Kiev" is a spelling of the club, not only an exception.
    std::stable_sort(
        nodes_[node].readings.begin(), nodes_[node].readings.end(),
        [](const Reading& a, const Reading& b) { return !a.exception && b.exception; });
    return std::nullopt;
}

std::optional<std::string> Database::index() {
    // Profiles: unique ids, and `based_on` naming a known profile without cycles.
    for (std::size_t i = 0; i < data_.profiles.size(); ++i) {
        const Profile& p = data_.profiles[i];
        const std::string at = p.file + ":" + std::to_string(p.line) + ": profile '" + p.id + "'";
        for (std::size_t j = 0; j < i; ++j) {
            if (data_.profiles[j].id == p.id) return at + " is defined twice";
        }
        std::set<std::string> seen{p.id};
        for (std::string base = p.based_on; !base.empty();) {
            const auto b = profile_index(base);
            if (!b) return at + ": based_on names an unknown profile '" + base + "'";
            if (!seen.insert(base).second) return at + ": based_on forms a cycle";
            base = data_.profiles[*b].based_on;
        }
    }

    std::map<std::string, std::uint32_t, std::less<>> ids;
    for (std::uint32_t e = 0; e < data_.entries.size(); ++e) {
        const Entry& entry = data_.entries[e];
        if (auto [it, added] = ids.emplace(entry.id, e); !added) {
            const Entry& first = data_.entries[it->second];
            return where(entry) + " is already defined at " + first.file + ":" +
                   std::to_string(first.line);
        }
    }

    const std::size_t n_profiles = data_.profiles.size();
    canon_.resize(data_.entries.size());
    for (std::uint32_t e = 0; e < data_.entries.size(); ++e) {
        const Entry& entry = data_.entries[e];
        const bool person_parts = !entry.surname.empty();
        if (entry.kind != Kind::Person && person_parts) {
            return where(entry) + ": only a person has a given name and surname";
        }
        if (person_parts == !entry.name.empty()) {
            return where(entry) + (person_parts ? ": has both a name and a surname"
                                                : ": has no name (or surname)");
        }
        if (!entry.given.empty() && !person_parts)
            return where(entry) + ": given name without a surname";
        for (const std::string& p : entry.uncertain) {
            if (!profile_index(p))
                return where(entry) + ": uncertain names unknown profile '" + p + "'";
        }

        // Resolve each part's form per profile, following based_on.
        for (Part part : {Part::Name, Part::Given, Part::Surname}) {
            const Styled& styled = part == Part::Name    ? entry.name
                                   : part == Part::Given ? entry.given
                                                         : entry.surname;
            if (styled.empty()) continue;
            for (const auto& [profile, form] : styled.by_profile) {
                if (!profile_index(profile)) {
                    return where(entry) + ": unknown profile '" + profile + "' in its " +
                           std::string(part_name(part));
                }
                (void)form;
            }
            Canon& c = canon_[e][static_cast<std::size_t>(part)];
            c.by_profile.resize(n_profiles);
            for (std::size_t p = 0; p < n_profiles; ++p) {
                std::optional<std::size_t> at = p;
                while (at) {
                    const Profile& prof = data_.profiles[*at];
                    if (auto it = styled.by_profile.find(prof.id); it != styled.by_profile.end()) {
                        c.by_profile[p] = it->second;
                        break;
                    }
                    at = prof.based_on.empty() ? std::nullopt : profile_index(prof.based_on);
                }
                if (c.by_profile[p].empty()) c.by_profile[p] = styled.fallback;
                if (c.by_profile[p].empty()) {
                    return where(entry) + ": no " + std::string(part_name(part)) +
                           " for profile '" + data_.profiles[p].id + "' and no default";
                }
            }
            c.none = styled.fallback;
            if (c.none.empty() && !c.by_profile.empty()) {
                const std::string first = compare_key(c.by_profile.front(), part);
                const bool agree = std::all_of(
                    c.by_profile.begin(), c.by_profile.end(),
                    [&](const std::string& f) { return compare_key(f, part) == first; });
                if (agree) c.none = c.by_profile.front();
            }
        }

        // The listed forms of each part: every profile's form, the default, the variants.
        // This entry's forms are the ones added from here on.
        const auto first_form = static_cast<std::uint32_t>(forms_.size());
        auto add_form = [&](Part part, const std::string& text,
                            std::int32_t variant) -> std::variant<std::uint32_t, std::string> {
            const std::string key = compare_key(text, part);
            for (std::uint32_t f = first_form; f < forms_.size(); ++f) {
                const Form& form = forms_[f];
                if (form.entry != e || form.part != part || form.key != key) continue;
                if (variant >= 0 || form.variant >= 0) {
                    return where(entry) + ": variant '" + text + "' is also one of its " +
                           std::string(part_name(part)) + " forms";
                }
                return f;
            }
            forms_.push_back({e, part, text, key, variant});
            return static_cast<std::uint32_t>(forms_.size() - 1);
        };
        std::array<std::vector<std::uint32_t>, 3> part_forms;
        for (Part part : {Part::Name, Part::Given, Part::Surname}) {
            const Canon& c = canon_[e][static_cast<std::size_t>(part)];
            std::vector<std::string> texts = c.by_profile;
            const Styled& styled = part == Part::Name    ? entry.name
                                   : part == Part::Given ? entry.given
                                                         : entry.surname;
            if (!styled.fallback.empty()) texts.push_back(styled.fallback);
            for (const std::string& t : texts) {
                auto added = add_form(part, t, -1);
                if (auto* err = std::get_if<std::string>(&added)) return *err;
                const auto f = std::get<std::uint32_t>(added);
                auto& list = part_forms[static_cast<std::size_t>(part)];
                if (std::find(list.begin(), list.end(), f) == list.end()) list.push_back(f);
            }
        }
        for (std::size_t v = 0; v < entry.variants.size(); ++v) {
            const Variant& var = entry.variants[v];
            const bool fits = person_parts ? var.part != Part::Name : var.part == Part::Name;
            if (!fits || (var.part == Part::Given && entry.given.empty())) {
                return entry.file + ":" + std::to_string(var.line) + ": entry '" + entry.id +
                       "': a variant of this entry needs '" +
                       (person_parts ? "given' or 'surname" : "form") + "'";
            }
            auto added = add_form(var.part, var.form, static_cast<std::int32_t>(v));
            if (auto* err = std::get_if<std::string>(&added)) return *err;
            part_forms[static_cast<std::size_t>(var.part)].push_back(
                std::get<std::uint32_t>(added));
        }

        // Patterns: whole names; a person's "given surname" and surname alone. Each form is
        // split once; a full name joins the pieces of its parts.
        std::vector<std::vector<PatternPiece>> pieces(forms_.size() - first_form);
        auto pieces_of = [&](std::uint32_t f) -> const std::vector<PatternPiece>& {
            auto& p = pieces[f - first_form];
            if (p.empty()) p = split_pattern(forms_[f].text);
            return p;
        };
        auto add = [&](std::string_view text, const std::vector<PatternPiece>& pattern,
                       std::vector<std::pair<Part, std::uint32_t>> uses,
                       std::vector<std::uint8_t> piece_use) {
            Reading r;
            r.entry = e;
            r.uses = std::move(uses);
            r.piece_use = std::move(piece_use);
            return add_pattern(text, pattern, std::move(r), e);
        };
        for (std::uint32_t f : part_forms[static_cast<std::size_t>(Part::Name)]) {
            const auto& p = pieces_of(f);
            if (auto err = add(forms_[f].text, p, {{Part::Name, f}},
                               std::vector<std::uint8_t>(p.size(), 0))) {
                return err;
            }
        }
        for (std::uint32_t s : part_forms[static_cast<std::size_t>(Part::Surname)]) {
            const std::string& surname = forms_[s].text;
            const auto& sp = pieces_of(s);
            if (auto err = add(surname, sp, {{Part::Surname, s}},
                               std::vector<std::uint8_t>(sp.size(), 0))) {
                return err;
            }
            if (particle_length(surname) > 0 && sp.size() > 2) {
                // Second references drop the article: "al-Sisi", then "Sisi".
                const std::vector<PatternPiece> bare(sp.begin() + 2, sp.end());
                if (auto err = add(surname, bare, {{Part::Surname, s}},
                                   std::vector<std::uint8_t>(bare.size(), 0))) {
                    return err;
                }
            }
            for (std::uint32_t g : part_forms[static_cast<std::size_t>(Part::Given)]) {
                const auto& gp = pieces_of(g);
                std::vector<PatternPiece> full = gp;
                full.push_back({" ", false, false});
                full.insert(full.end(), sp.begin(), sp.end());
                std::vector<std::uint8_t> uses(gp.size(), 0);
                uses.push_back(kNoUse);  // the space between
                uses.insert(uses.end(), sp.size(), 1);
                if (auto err = add(forms_[g].text + " " + surname, full,
                                   {{Part::Given, g}, {Part::Surname, s}}, std::move(uses))) {
                    return err;
                }
            }
        }
        for (const std::string& phrase : entry.exceptions) {
            Reading r;
            r.entry = e;
            r.exception = true;
            if (auto err = add_pattern(phrase, split_pattern(phrase), std::move(r), e)) return err;
        }
    }

    // Romanization keys of one-word spellings, to recognise spellings the data does not list.
    auto add_key = [&](std::string_view word, std::uint32_t entry, Part part) {
        const std::string key = text::romanization_key(word);
        if (key.size() < 4) return;
        auto [it, added] = keys_.try_emplace(key, KeyMatch{entry, part});
        if (!added && it->second && (it->second->entry != entry || it->second->part != part)) {
            it->second.reset();  // shared by two entries: ambiguous
        }
    };
    for (const Form& f : forms_) {
        if (f.part == Part::Given) continue;
        const auto pieces = split_pattern(f.text);
        if (f.part == Part::Surname && particle_length(f.text) > 0) {
            add_key(f.text.substr(particle_length(f.text)), f.entry, f.part);
        } else if (pieces.size() == 1) {
            add_key(f.text, f.entry, f.part);
        }
    }
    for (const Generated& g : data_.generated) {
        const auto it = ids.find(g.entry);
        if (it == ids.end()) continue;  // a stale row; the loader recomputes what is missing
        const Entry& entry = data_.entries[it->second];
        const std::size_t space = g.latin.rfind(' ');
        if (!entry.surname.empty()) {
            add_key(space == std::string::npos ? g.latin : g.latin.substr(space + 1), it->second,
                    Part::Surname);
        } else if (space == std::string::npos && split_pattern(g.latin).size() == 1 &&
                   entry.kind != Kind::Person) {
            add_key(g.latin, it->second, Part::Name);
        }
    }
    return std::nullopt;
}

const std::string& Database::canonical(std::uint32_t entry, Part part,
                                       std::optional<std::size_t> profile) const {
    const Canon& c = canon_[entry][static_cast<std::size_t>(part)];
    if (profile && *profile < c.by_profile.size()) return c.by_profile[*profile];
    return c.none;
}

std::string Database::profile_labels_using(std::uint32_t entry, Part part,
                                           std::string_view key) const {
    const Canon& c = canon_[entry][static_cast<std::size_t>(part)];
    std::vector<std::string> labels;
    for (std::size_t p = 0; p < c.by_profile.size(); ++p) {
        if (compare_key(c.by_profile[p], part) == key) labels.push_back(data_.profiles[p].label);
    }
    std::string out;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (i > 0) out += i + 1 == labels.size() ? " and " : ", ";
        out += labels[i];
    }
    return out;
}

Judgement Database::judge(std::uint32_t form_index, std::optional<std::size_t> profile) const {
    const Form& f = forms_[form_index];
    const Entry& entry = data_.entries[f.entry];
    const Variant* variant =
        f.variant >= 0 ? &entry.variants[static_cast<std::size_t>(f.variant)] : nullptr;
    Judgement j;
    const std::string& canon = canonical(f.entry, f.part, profile);
    if (profile) {
        j.flagged = compare_key(canon, f.part) != f.key;
    } else {
        j.flagged = variant != nullptr && variant->retired;
    }
    if (!j.flagged) return j;
    j.replacement = canon;
    if (canon.empty()) {
        for (const std::string& form :
             canon_[f.entry][static_cast<std::size_t>(f.part)].by_profile) {
            if (std::find(j.alternatives.begin(), j.alternatives.end(), form) ==
                j.alternatives.end()) {
                j.alternatives.push_back(form);
            }
        }
    }
    if (variant != nullptr) {
        j.why = variant->note;
        j.status = variant->status;
    } else {
        const std::string labels = profile_labels_using(f.entry, f.part, f.key);
        j.why = labels.empty() ? "another spelling" : "the " + labels + " spelling";
        j.status = Status::OtherSystem;
    }
    j.uncertain = profile && std::find(entry.uncertain.begin(), entry.uncertain.end(),
                                       data_.profiles[*profile].id) != entry.uncertain.end();
    j.safe = !j.replacement.empty() && !j.uncertain &&
             (variant == nullptr || (!variant->unsafe && variant->status != Status::Historic));
    return j;
}

std::optional<Database::KeyMatch> Database::by_romanization(std::string_view word) const {
    const auto it = keys_.find(text::romanization_key(word));
    if (it == keys_.end()) return std::nullopt;
    return it->second;
}

bool Database::may_start_name(std::string_view word) const {
    // The filter turns most words away with one bit test. The few it lets through are settled
    // by the root's edges, so that find() is handed only words it can start a walk with.
    if (!may_start_in(starts_, word, utf8::is_ascii(word))) return false;
    const std::string key = lower_key(word);
    if (find_child(0, key)) return true;
    return key.size() > 3 && key.ends_with("'s") &&
           find_child(0, std::string_view(key).substr(0, key.size() - 2));
}

std::vector<Mention> Database::find(std::string_view text,
                                    std::span<const text::Token> tokens) const {
    std::vector<std::uint32_t> starts;
    for (std::uint32_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind != text::TokenKind::Word) continue;
        if (may_start_name(text.substr(tokens[i].span.begin, tokens[i].span.size()))) {
            starts.push_back(i);
        }
    }
    return find(text, tokens, starts);
}

std::vector<Mention> Database::find(std::string_view text, std::span<const text::Token> tokens,
                                    std::span<const std::uint32_t> starts) const {
    std::vector<Mention> out;
    if (starts.empty()) return out;
    PieceReader reader(text, tokens);
    std::uint32_t next = 0;  // the first token a name may start at: none inside the last one
    for (const std::uint32_t token : starts) {
        if (token < next || tokens[token].kind != text::TokenKind::Word) continue;
        reader.restart(token);
        struct Best {
            std::uint32_t node;
            std::size_t last;
            bool stripped;
        };
        std::optional<Best> best;
        std::uint32_t node = 0;
        for (std::size_t k = 0;; ++k) {
            const DocPiece* p = reader.at(k);
            if (p == nullptr) break;
            if (p->possessive) {
                if (auto c = find_child(node, reader.stripped(*p));
                    c && !nodes_[*c].readings.empty()) {
                    best = Best{*c, k, true};
                }
            }
            const auto c = find_child(node, reader.key(*p));
            if (!c) break;
            node = *c;
            if (!nodes_[node].readings.empty()) best = Best{node, k, false};
        }
        if (!best) continue;
        // The walk read every piece up to the last one matched.
        auto piece = [&](std::size_t k) -> const DocPiece& { return *reader.at(k); };
        const Reading* chosen = nullptr;
        for (const Reading& r : nodes_[best->node].readings) {
            bool case_ok = true;
            for (std::size_t i = 0; i < r.upper.size(); ++i) {
                if (r.upper[i] && !piece(i).upper) case_ok = false;
            }
            if (case_ok) {
                chosen = &r;
                break;
            }
        }
        if (chosen == nullptr) continue;
        auto piece_span = [&](std::size_t k) {
            return k == best->last && best->stripped ? piece(k).stripped_span : piece(k).span;
        };
        Mention m;
        m.entry = chosen->entry;
        m.exception = chosen->exception;
        m.span = {piece(0).span.begin, piece_span(best->last).end};
        m.first_token = piece(0).token;
        m.last_token = piece(best->last).token;
        for (std::size_t u = 0; u < chosen->uses.size(); ++u) {
            Span span{};
            bool any = false;
            for (std::size_t i = 0; i < chosen->piece_use.size(); ++i) {
                if (chosen->piece_use[i] != u) continue;
                const Span s = piece_span(i);
                span = any ? Span{std::min(span.begin, s.begin), std::max(span.end, s.end)} : s;
                any = true;
            }
            m.uses.push_back({chosen->uses[u].first, span, chosen->uses[u].second});
        }
        next = m.last_token + 1;  // the next name starts after this one
        out.push_back(std::move(m));
    }
    return out;
}

}  // namespace copydesk::names
