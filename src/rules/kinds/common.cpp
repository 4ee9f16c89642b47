#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <limits>
#include <tuple>

#include "core/utf8.hpp"
#include "kinds.hpp"
#include "text/casing.hpp"

namespace copydesk::rules::kinds {

std::string fold(std::string_view text) {
    std::string out = text::to_lower(text);
    for (std::size_t at = out.find("\xE2\x80\x99"); at != std::string::npos;
         at = out.find("\xE2\x80\x99", at)) {
        out.replace(at, 3, "'");
    }
    return out;
}

// ---- phrases ----

namespace {

bool is_special(text::TokenKind k) {
    return k == text::TokenKind::Url || k == text::TokenKind::Email ||
           k == text::TokenKind::Handle || k == text::TokenKind::Hashtag;
}

// "in order" -> "in\x1F order"; "e-mail" -> "e\x1F-". Written into `key`, which a scan reuses
// for every pair of tokens.
const std::string& pair_key(std::string& key, std::string_view first, bool space,
                            std::string_view second) {
    key.assign(first);
    key += '\x1F';
    if (space) key += ' ';
    key += second;
    return key;
}

// Plain words and spaces tokenize the same with or without ICU; skipping it keeps thousands of
// phrases cheap to load.
bool simple_phrase(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == ' ';
    });
}

}  // namespace

bool PhraseIndex::add(text::Segmenter& segmenter, std::uint32_t owner, std::uint32_t phrase_id,
                      std::string_view text, bool ignorecase) {
    Phrase phrase;
    phrase.text = std::string(text);
    phrase.ignorecase = ignorecase;
    auto push = [&](std::string_view piece, bool space) {
        phrase.tokens.push_back({ignorecase ? fold(piece) : std::string(piece), space});
    };
    bool first_is_number = false;  // a token holding a digit, as documents' numbers do
    if (simple_phrase(text)) {
        std::size_t i = 0;
        bool space = false;
        while (i < text.size()) {
            if (text[i] == ' ') {
                space = !phrase.tokens.empty();
                ++i;
                continue;
            }
            const std::size_t end = std::min(text.find(' ', i), text.size());
            const std::string_view piece = text.substr(i, end - i);
            if (phrase.tokens.empty()) {
                first_is_number = std::any_of(piece.begin(), piece.end(),
                                              [](char c) { return c >= '0' && c <= '9'; });
            }
            push(piece, space);
            space = false;
            i = end;
        }
    } else {
        const text::Analysis a = segmenter.analyze(text);
        bool space = false;
        for (const text::Token& t : a.tokens) {
            if (t.kind == text::TokenKind::Space) {
                space = !phrase.tokens.empty();
                continue;
            }
            if (phrase.tokens.empty() && t.kind != text::TokenKind::Word &&
                t.kind != text::TokenKind::Number)
                return false;
            if (phrase.tokens.empty()) first_is_number = t.kind == text::TokenKind::Number;
            push(text.substr(t.span.begin, t.span.size()), space);
            space = false;
        }
    }
    if (phrase.tokens.empty()) return false;
    const auto index = static_cast<std::uint32_t>(entries_.size());
    const auto& tokens = phrase.tokens;
    const std::string first = ignorecase ? tokens[0].text : fold(tokens[0].text);
    starts_.add(first);
    number_starts_ = number_starts_ || first_is_number;
    if (tokens.size() == 1) {
        singles_.add(first);
        single_[first].push_back(index);
    } else {
        const std::string second = ignorecase ? tokens[1].text : fold(tokens[1].text);
        seconds_.add(second);
        std::string key;
        pairs_[pair_key(key, first, tokens[1].space_before, second)].push_back(index);
    }
    entries_.push_back({owner, phrase_id, std::move(phrase)});
    return true;
}

PhraseIndex::Hits PhraseIndex::scan(const Context& ctx) const {
    Hits out;
    if (entries_.empty()) return out;
    const auto regions = ctx.regions();
    std::string key;
    std::string folded_text;
    const Context::Words& words = ctx.words();
    // What the filters say of a word: it may start a phrase, be a one-word phrase, or be the
    // second word of a longer one. Kept per distinct word, with kTested once worked out, for
    // this index's filters.
    constexpr std::uint8_t kStart = 1;
    constexpr std::uint8_t kSingle = 2;
    constexpr std::uint8_t kSecond = 4;
    constexpr std::uint8_t kTested = 8;
    const WordAnswers word_flags = ctx.word_answers(this);
    for (std::uint32_t r = 0; r < regions.size(); ++r) {
        const RegionText& where = regions[r];
        const auto& tokens = where.analysis.tokens;
        const auto& ids = words.ids[r];
        // Folded text of a token, made into one buffer when asked for: most words are only
        // hashed, to be turned away by starts_. A view lasts until the next is made. The
        // tokens folded lately are remembered, in a table of a few slots rather than one the
        // size of the text: a token is asked for by the phrases that start at it or just
        // before it, one after another.
        struct Folded {
            std::uint32_t token = std::numeric_limits<std::uint32_t>::max();
            Span at;
        };
        std::array<Folded, 64> recent{};
        folded_text.clear();
        const bool ascii_text = where.analysis.non_ascii.empty();  // then no test per token
        auto ascii_word = [&](std::size_t i) {
            return ascii_text || utf8::is_ascii(where.slice(tokens[i].span));
        };
        auto folded = [&](std::size_t i) {
            Folded& slot = recent[i % recent.size()];
            Span& at = slot.at;
            if (slot.token != i) {
                slot.token = static_cast<std::uint32_t>(i);
                at = {};
                if (tokens[i].kind != text::TokenKind::Space && !is_special(tokens[i].kind)) {
                    const std::string_view word = where.slice(tokens[i].span);
                    const auto begin = static_cast<std::uint32_t>(folded_text.size());
                    if (ascii_word(i)) {
                        text::append_ascii_lower(folded_text, word);
                    } else {
                        folded_text += fold(word);
                    }
                    at = {begin, static_cast<std::uint32_t>(folded_text.size())};
                }
            }
            return std::string_view(folded_text).substr(at.begin, at.size());
        };
        // The filters' flags for token `i`, a word, number or punctuation mark.
        auto flags_of = [&](std::size_t i) {
            const std::uint64_t h = ascii_word(i)
                                        ? word_hash_ascii_lower(where.slice(tokens[i].span))
                                        : word_hash(folded(i));
            return static_cast<std::uint8_t>(kTested | (starts_.may_contain_hash(h) ? kStart : 0) |
                                             (singles_.may_contain_hash(h) ? kSingle : 0) |
                                             (seconds_.may_contain_hash(h) ? kSecond : 0));
        };
        auto flags = [&](std::size_t i) {
            const std::uint32_t id = ids[i];
            if (id == WordTally::kNoWord) return flags_of(i);
            std::uint8_t& answer = word_flags[id];
            if (answer == 0) answer = flags_of(i);
            return answer;
        };
        // Matches phrase `e` at token `i`; on success adds the hit.
        auto match = [&](std::uint32_t e, std::size_t i) {
            const Phrase& p = entries_[e].phrase;
            std::size_t j = i;
            for (std::size_t k = 0; k < p.tokens.size(); ++k) {
                if (k > 0) {
                    ++j;
                    const bool spaced =
                        j < tokens.size() && tokens[j].kind == text::TokenKind::Space;
                    if (spaced) ++j;
                    if (spaced != p.tokens[k].space_before || j >= tokens.size()) return;
                }
                if (is_special(tokens[j].kind) || tokens[j].kind == text::TokenKind::Space) return;
                const bool same = p.ignorecase ? folded(j) == p.tokens[k].text
                                               : where.slice(tokens[j].span) == p.tokens[k].text;
                if (!same) return;
            }
            out.hits.push_back({entries_[e].owner,
                                entries_[e].id,
                                r,
                                {tokens[i].span.begin, tokens[j].span.end},
                                static_cast<std::uint32_t>(i),
                                static_cast<std::uint32_t>(j)});
        };
        // The phrases that may start at token `i`, a word or number.
        auto starting_at = [&](std::size_t i) {
            const std::uint8_t at_i = flags(i);
            if ((at_i & kStart) == 0) return;
            if ((at_i & kSingle) != 0) {
                if (auto it = single_.find(folded(i)); it != single_.end()) {
                    for (std::uint32_t e : it->second) match(e, i);
                }
            }
            if (pairs_.empty() || i + 1 >= tokens.size()) return;
            std::size_t j = i + 1;
            const bool spaced = tokens[j].kind == text::TokenKind::Space;
            if (spaced) ++j;
            if (j >= tokens.size() || tokens[j].kind == text::TokenKind::Space ||
                is_special(tokens[j].kind) || (flags(j) & kSecond) == 0) {
                return;
            }
            // Both folded texts are made before the views below are taken (making one may move
            // the buffer).
            folded(i);
            folded(j);
            if (auto it = pairs_.find(pair_key(key, folded(i), spaced, folded(j)));
                it != pairs_.end()) {
                for (std::uint32_t e : it->second) match(e, i);
            }
        };
        if (!number_starts_) {
            // A number holds a digit: it cannot start a phrase whose first word holds none.
            for (const std::uint32_t i : where.analysis.words) starting_at(i);
            continue;
        }
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (tokens[i].kind == text::TokenKind::Word ||
                tokens[i].kind == text::TokenKind::Number) {
                starting_at(i);
            }
        }
    }
    std::sort(out.hits.begin(), out.hits.end(), [](const PhraseHit& a, const PhraseHit& b) {
        return std::tie(a.owner, a.region, a.span.begin, a.span.end, a.phrase) <
               std::tie(b.owner, b.region, b.span.begin, b.span.end, b.phrase);
    });
    return out;
}

std::span<const PhraseHit> PhraseIndex::Hits::of(std::uint32_t owner) const {
    auto lo = std::lower_bound(hits.begin(), hits.end(), owner,
                               [](const PhraseHit& h, std::uint32_t o) { return h.owner < o; });
    auto hi = std::upper_bound(lo, hits.end(), owner,
                               [](std::uint32_t o, const PhraseHit& h) { return o < h.owner; });
    return {lo, hi};
}

std::span<const PhraseHit> PhraseIndex::hits(const Context& ctx, std::uint32_t owner) const {
    return ctx.shared<Hits>(this, [&] { return scan(ctx); }).of(owner);
}

// ---- patterns ----

std::vector<PatternHit> find_patterns(const Context& ctx, const std::vector<Pattern>& patterns,
                                      const std::set<Scope>& scopes) {
    std::vector<PatternHit> out;
    const auto regions = ctx.regions();
    for (std::uint32_t r = 0; r < regions.size(); ++r) {
        const RegionText& where = regions[r];
        if (!scopes.empty() && scopes.count(where.region->scope()) == 0) continue;
        // URLs, emails, handles and hashtags, listed at the first match (most texts have none).
        std::vector<Span> special;
        bool listed = where.analysis.web_free;
        auto hidden = [&](Span span) {
            if (!listed) {
                for (const text::Token& t : where.analysis.tokens) {
                    if (is_special(t.kind)) special.push_back(t.span);
                }
                listed = true;
            }
            return std::any_of(special.begin(), special.end(),
                               [&](Span s) { return s.overlaps(span); });
        };
        const std::string_view text = where.text();
        for (std::size_t p = 0; p < patterns.size(); ++p) {
            const re2::RE2& re = *patterns[p].re;
            const int groups = std::min(re.NumberOfCapturingGroups(), 1);
            re2::StringPiece match[2];
            std::size_t pos = 0;
            const std::string& prefix = patterns[p].prefix;
            while (pos <= text.size() &&
                   (prefix.empty() || (pos = text.find(prefix, pos)) != std::string_view::npos) &&
                   re.Match(re2::StringPiece(text.data(), text.size()), pos, text.size(),
                            re2::RE2::UNANCHORED, match, 1 + groups)) {
                const auto b = static_cast<std::uint32_t>(match[0].data() - text.data());
                const auto e = static_cast<std::uint32_t>(b + match[0].size());
                pos = e > b ? e : e + 1;
                if (e == b) continue;  // empty matches find nothing to show
                const Span span{b, e};
                if (hidden(span)) continue;
                PatternHit hit{r, span, {}, p};
                if (groups == 1 && match[1].data() != nullptr) hit.group = std::string(match[1]);
                out.push_back(std::move(hit));
            }
        }
    }
    std::sort(out.begin(), out.end(), [](const PatternHit& a, const PatternHit& b) {
        return std::tie(a.region, a.span.begin, a.span.end, a.pattern) <
               std::tie(b.region, b.span.begin, b.span.end, b.pattern);
    });
    return out;
}

// ---- keys ----

Keys::Keys(std::string file, YAML::Node map) : file_(std::move(file)), map_(std::move(map)) {}

bool Keys::has(const std::string& key) const {
    return static_cast<bool>(map_[key]);
}

YAML::Node Keys::node(const std::string& key) {
    used_.insert(key);
    return map_[key];
}

void Keys::fail(const YAML::Node& at, const std::string& key, const std::string& message) const {
    const YAML::Mark m = at.Mark();
    PackError e{file_, m.line >= 0 ? m.line + 1 : 0, m.column >= 0 ? m.column + 1 : 0,
                "key '" + key + "': " + message};
    throw LoadFailure{std::move(e)};
}

void Keys::fail(const std::string& key, const std::string& message) const {
    fail(map_[key] ? map_[key] : map_, key, message);
}

std::string Keys::string(const std::string& key) {
    const YAML::Node n = node(key);
    if (!n) fail(map_, key, "missing (required)");
    if (!n.IsScalar()) fail(n, key, "must be a string");
    const auto value = n.as<std::string>();
    if (value.empty()) fail(n, key, "must not be empty");
    return value;
}

std::string Keys::string_or(const std::string& key, std::string fallback) {
    if (!has(key)) return fallback;
    return string(key);
}

bool Keys::boolean_or(const std::string& key, bool fallback) {
    const YAML::Node n = node(key);
    if (!n) return fallback;
    bool value = false;
    if (!n.IsScalar() || !YAML::convert<bool>::decode(n, value))
        fail(n, key, "must be true or false");
    return value;
}

long Keys::integer_or(const std::string& key, long fallback, long min, long max) {
    const YAML::Node n = node(key);
    if (!n) return fallback;
    long value = 0;
    if (!n.IsScalar() || !YAML::convert<long>::decode(n, value) || value < min || value > max) {
        fail(n, key,
             "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
    }
    return value;
}

std::vector<std::string> Keys::strings(const std::string& key) {
    const YAML::Node n = node(key);
    if (!n) fail(map_, key, "missing (required)");
    if (!n.IsSequence() || n.size() == 0) fail(n, key, "must be a non-empty list of strings");
    std::vector<std::string> out;
    for (const YAML::Node& item : n) {
        if (!item.IsScalar() || item.as<std::string>().empty())
            fail(item, key, "every item must be a non-empty string");
        out.push_back(item.as<std::string>());
    }
    return out;
}

std::vector<YAML::Node> Keys::list(const std::string& key) {
    std::vector<YAML::Node> out;
    for (const YAML::Node& item : node(key)) out.push_back(item);
    return out;
}

std::vector<std::pair<std::string, YAML::Node>> Keys::items(const std::string& key) {
    const YAML::Node n = node(key);
    if (!n) fail(map_, key, "missing (required)");
    if (!n.IsMap() || n.size() == 0) fail(n, key, "must be a non-empty mapping");
    std::vector<std::pair<std::string, YAML::Node>> out;
    for (const auto& kv : n) {
        if (!kv.first.IsScalar() || kv.first.as<std::string>().empty())
            fail(kv.first, key, "every key must be a non-empty string");
        out.emplace_back(kv.first.as<std::string>(), kv.second);
    }
    return out;
}

void Keys::check_all_used() const {
    for (const auto& kv : map_) {
        const auto key = kv.first.as<std::string>();
        if (used_.count(key) == 0) fail(kv.first, key, "unknown key for this kind of rule");
    }
}

// ---- messages ----

std::string format_message(const std::string& templ,
                           const std::vector<std::pair<std::string, std::string>>& values) {
    std::string out;
    std::size_t i = 0;
    while (i < templ.size()) {
        if (templ[i] == '{') {
            const std::size_t close = templ.find('}', i);
            if (close != std::string::npos) {
                const std::string_view name(templ.data() + i + 1, close - i - 1);
                auto it = std::find_if(values.begin(), values.end(),
                                       [&](const auto& v) { return v.first == name; });
                if (it != values.end()) {
                    out += it->second;
                    i = close + 1;
                    continue;
                }
            }
        }
        out += templ[i++];
    }
    return out;
}

void Build::check_message(const std::vector<std::string>& allowed) const {
    const std::string& m = common.message;
    for (std::size_t i = m.find('{'); i != std::string::npos; i = m.find('{', i + 1)) {
        const std::size_t close = m.find('}', i);
        if (close == std::string::npos) break;
        const std::string name = m.substr(i + 1, close - i - 1);
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
            std::string list;
            for (const auto& a : allowed) list += (list.empty() ? "{" : ", {") + a + "}";
            keys.fail("message",
                      "unknown placeholder '{" + name + "}' (this kind has " + list + ")");
        }
    }
}

namespace {
// What every match of `re` starts with: the common start of the least and greatest strings it
// can match. Empty when a match may start with anything (a case-insensitive letter, say).
std::string required_prefix(const re2::RE2& re) {
    constexpr int kLongest = 16;
    std::string least;
    std::string greatest;
    if (!re.ok() || !re.PossibleMatchRange(&least, &greatest, kLongest)) return {};
    std::size_t n = 0;
    while (n < least.size() && n < greatest.size() && least[n] == greatest[n]) ++n;
    return least.substr(0, n);
}
}  // namespace

Pattern Build::pattern(const YAML::Node& at, const std::string& key, const std::string& text,
                       bool ignorecase, int max_groups) const {
    re2::RE2::Options options;
    options.set_log_errors(false);
    options.set_case_sensitive(!ignorecase);
    options.set_encoding(re2::RE2::Options::EncodingUTF8);
    auto re = std::make_shared<const re2::RE2>(text, options);
    if (!re->ok()) keys.fail(at, key, "invalid regular expression '" + text + "': " + re->error());
    if (re->NumberOfCapturingGroups() > max_groups) {
        keys.fail(at, key,
                  "regular expression '" + text + "' has more than " + std::to_string(max_groups) +
                      " capture group(s); use (?:...) to group without capturing");
    }
    return {text, re, required_prefix(*re)};
}

std::uint32_t Build::add_phrases(const std::string& key, const std::vector<YAML::Node>& nodes,
                                 const std::vector<std::string>& texts, bool ignorecase) const {
    const std::uint32_t owner = phrases->add_owner();
    for (std::uint32_t i = 0; i < texts.size(); ++i) {
        if (!phrases->add(segmenter, owner, i, texts[i], ignorecase)) {
            keys.fail(nodes[i], key, "'" + texts[i] + "' must start with a word or a number");
        }
    }
    return owner;
}

// ---- term sets ----

namespace {

std::uint32_t token_at(const RegionText& where, std::uint32_t offset) {
    const auto& tokens = where.analysis.tokens;
    if (tokens.empty()) return 0;
    auto it =
        std::upper_bound(tokens.begin(), tokens.end(), offset,
                         [](std::uint32_t o, const text::Token& t) { return o < t.span.end; });
    return static_cast<std::uint32_t>(
        std::min<std::size_t>(it - tokens.begin(), tokens.size() - 1));
}

}  // namespace

std::vector<TermSet::Hit> TermSet::find(const Context& ctx, const std::set<Scope>& scopes) const {
    std::vector<Hit> out;
    const auto regions = ctx.regions();
    if (phrase_count != 0) {
        for (const PhraseHit& h : index->hits(ctx, owner)) {
            const Region& region = *regions[h.region].region;
            if (!scopes.empty() && scopes.count(region.scope()) == 0) continue;
            out.push_back({h.region, h.span, h.phrase, {}, h.first_token});
        }
    }
    if (!patterns.empty()) {
        for (PatternHit& h : find_patterns(ctx, patterns, scopes)) {
            out.push_back({h.region, h.span, static_cast<std::uint32_t>(phrase_count + h.pattern),
                           std::move(h.group), token_at(regions[h.region], h.span.begin)});
        }
    }
    std::sort(out.begin(), out.end(), [](const Hit& a, const Hit& b) {
        return std::tie(a.region, a.span.begin, b.span.end, a.term) <
               std::tie(b.region, b.span.begin, a.span.end, b.term);
    });
    return out;
}

TermSet read_terms(Build& b, bool ignorecase, bool required, const std::string& tokens_key,
                   const std::string& patterns_key) {
    TermSet t;
    t.index = b.phrases;
    const bool has_tokens = b.keys.has(tokens_key);
    const bool has_patterns = !patterns_key.empty() && b.keys.has(patterns_key);
    if (required && !has_tokens && !has_patterns) {
        b.keys.fail(tokens_key, patterns_key.empty()
                                    ? std::string("missing (required)")
                                    : "missing: give '" + tokens_key + "' (words or phrases) or '" +
                                          patterns_key + "' (regular expressions)");
    }
    if (has_tokens) {
        t.texts = b.keys.strings(tokens_key);
        t.phrase_count = t.texts.size();
        t.owner = b.add_phrases(tokens_key, b.keys.list(tokens_key), t.texts, ignorecase);
    }
    if (has_patterns) {
        const auto texts = b.keys.strings(patterns_key);
        const auto nodes = b.keys.list(patterns_key);
        for (std::size_t i = 0; i < texts.size(); ++i) {
            t.patterns.push_back(b.pattern(nodes[i], patterns_key, texts[i], ignorecase));
            t.texts.push_back(texts[i]);
        }
    }
    return t;
}

void drop_exceptions(std::vector<TermSet::Hit>& hits, const TermSet& exceptions, const Context& ctx,
                     const std::set<Scope>& scopes) {
    if (exceptions.empty() || hits.empty()) return;
    const auto except = exceptions.find(ctx, scopes);
    std::erase_if(hits, [&](const TermSet::Hit& h) {
        return std::any_of(except.begin(), except.end(), [&](const TermSet::Hit& e) {
            return e.region == h.region && e.span.contains(h.span);
        });
    });
}

void drop_overlaps(std::vector<TermSet::Hit>& hits) {
    std::vector<TermSet::Hit> kept;
    for (TermSet::Hit& h : hits) {
        if (!kept.empty() && kept.back().region == h.region && kept.back().span.overlaps(h.span))
            continue;
        kept.push_back(std::move(h));
    }
    hits = std::move(kept);
}

}  // namespace copydesk::rules::kinds
