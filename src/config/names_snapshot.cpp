#include "config/names_snapshot.hpp"

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <string_view>

namespace copydesk::config {

namespace {

// Bumped whenever the layout below or names::Data changes.
constexpr std::string_view kMagic = "copydesk names snapshot 1\n";

std::string folder_prefix(const std::string& dir) {
    return (std::filesystem::path(dir) / "").string();
}

class Writer {
  public:
    explicit Writer(std::string prefix) : prefix_(std::move(prefix)) {}

    void u32(std::uint32_t v) {
        char bytes[4];
        std::memcpy(bytes, &v, sizeof v);
        out_.append(bytes, sizeof bytes);
    }
    void u8(std::uint8_t v) { out_ += static_cast<char>(v); }
    void str(std::string_view s) {
        u32(static_cast<std::uint32_t>(s.size()));
        out_.append(s);
    }
    // A file path: relative to the names folder when it is in it, so that a copy of the same
    // files elsewhere gets its own paths back.
    void path(std::string_view file) {
        const bool inside = file.starts_with(prefix_);
        u8(inside ? 1 : 0);
        str(inside ? file.substr(prefix_.size()) : file);
    }
    void strings(const std::vector<std::string>& v) {
        u32(static_cast<std::uint32_t>(v.size()));
        for (const std::string& s : v) str(s);
    }
    void pairs(const std::vector<std::pair<std::string, std::string>>& v) {
        u32(static_cast<std::uint32_t>(v.size()));
        for (const auto& [a, b] : v) {
            str(a);
            str(b);
        }
    }
    void styled(const names::Styled& s) {
        str(s.fallback);
        u32(static_cast<std::uint32_t>(s.by_profile.size()));
        for (const auto& [profile, form] : s.by_profile) {
            str(profile);
            str(form);
        }
    }
    void entry(const names::Entry& e) {
        str(e.id);
        u8(static_cast<std::uint8_t>(e.kind));
        pairs(e.native);
        styled(e.name);
        styled(e.given);
        styled(e.surname);
        u32(static_cast<std::uint32_t>(e.variants.size()));
        for (const names::Variant& v : e.variants) {
            u8(static_cast<std::uint8_t>(v.part));
            str(v.form);
            u8(static_cast<std::uint8_t>(v.status));
            u8(v.retired ? 1 : 0);
            u8(v.unsafe ? 1 : 0);
            str(v.note);
            u32(v.line);
        }
        strings(e.exceptions);
        strings(e.uncertain);
        str(e.source);
        path(e.file);
        u32(e.line);
    }
    std::string take() { return std::move(out_); }

  private:
    std::string prefix_;
    std::string out_;
};

// Reads what Writer wrote; any read past the end or out-of-range value marks it failed, and
// every later read returns nothing.
class Reader {
  public:
    Reader(std::string_view bytes, std::string prefix)
        : bytes_(bytes), prefix_(std::move(prefix)) {}

    [[nodiscard]] bool ok() const { return ok_; }
    [[nodiscard]] bool at_end() const { return pos_ == bytes_.size(); }

    std::uint32_t u32() {
        if (!take(4)) return 0;
        std::uint32_t v;
        std::memcpy(&v, bytes_.data() + pos_ - 4, sizeof v);
        return v;
    }
    std::uint8_t u8() { return take(1) ? static_cast<std::uint8_t>(bytes_[pos_ - 1]) : 0; }
    // A byte that must be below `limit` (an enumerator's value).
    std::uint8_t u8_below(std::uint8_t limit) {
        const std::uint8_t v = u8();
        if (v >= limit) ok_ = false;
        return v;
    }
    std::string_view view() {
        const std::uint32_t n = u32();
        if (!take(n)) return {};
        return bytes_.substr(pos_ - n, n);
    }
    std::string str() { return std::string(view()); }
    std::string path() {
        const bool inside = u8_below(2) == 1;
        return inside ? prefix_ + str() : str();
    }
    // A count of items, each at least `min_bytes` long: more than the bytes left is an error
    // (a corrupt count must not make a huge allocation).
    std::uint32_t count(std::size_t min_bytes) {
        const std::uint32_t n = u32();
        if (static_cast<std::uint64_t>(n) * min_bytes > bytes_.size() - pos_) {
            ok_ = false;
            return 0;
        }
        return n;
    }
    std::vector<std::string> strings() {
        std::vector<std::string> v(count(4));
        for (std::string& s : v) s = str();
        return v;
    }
    std::vector<std::pair<std::string, std::string>> pairs() {
        std::vector<std::pair<std::string, std::string>> v(count(8));
        for (auto& [a, b] : v) {
            a = str();
            b = str();
        }
        return v;
    }
    names::Styled styled() {
        names::Styled s;
        s.fallback = str();
        const std::uint32_t n = count(8);
        for (std::uint32_t i = 0; i < n; ++i) {
            std::string profile = str();
            s.by_profile[std::move(profile)] = str();
        }
        return s;
    }
    names::Entry entry() {
        names::Entry e;
        e.id = str();
        e.kind = static_cast<names::Kind>(u8_below(5));
        e.native = pairs();
        e.name = styled();
        e.given = styled();
        e.surname = styled();
        e.variants.resize(count(16));
        for (names::Variant& v : e.variants) {
            v.part = static_cast<names::Part>(u8_below(3));
            v.form = str();
            v.status = static_cast<names::Status>(u8_below(4));
            v.retired = u8_below(2) == 1;
            v.unsafe = u8_below(2) == 1;
            v.note = str();
            v.line = u32();
        }
        e.exceptions = strings();
        e.uncertain = strings();
        e.source = str();
        e.file = path();
        e.line = u32();
        return e;
    }

  private:
    bool take(std::size_t n) {
        if (!ok_ || n > bytes_.size() - pos_) {
            ok_ = false;
            return false;
        }
        pos_ += n;
        return true;
    }

    std::string_view bytes_;
    std::string prefix_;
    std::size_t pos_ = 0;
    bool ok_ = true;
};

}  // namespace

std::string write_names_snapshot(const std::vector<NamesSource>& sources, const names::Data& data,
                                 const std::string& dir) {
    Writer w(folder_prefix(dir));
    w.str(kMagic);
    w.u32(static_cast<std::uint32_t>(sources.size()));
    for (const NamesSource& s : sources) {
        w.str(s.name);
        w.str(s.text);
    }
    w.u32(static_cast<std::uint32_t>(data.profiles.size()));
    for (const names::Profile& p : data.profiles) {
        w.str(p.id);
        w.str(p.label);
        w.str(p.organisation);
        w.str(p.guide);
        w.str(p.checked);
        w.str(p.based_on);
        w.path(p.file);
        w.u32(p.line);
    }
    for (const auto* entries : {&data.entries, &data.extensions}) {
        w.u32(static_cast<std::uint32_t>(entries->size()));
        for (const names::Entry& e : *entries) w.entry(e);
    }
    w.u32(static_cast<std::uint32_t>(data.generated.size()));
    for (const names::Generated& g : data.generated) {
        w.str(g.entry);
        w.str(g.system);
        w.str(g.native);
        w.str(g.latin);
    }
    return w.take();
}

std::optional<names::Data> read_names_snapshot(std::span<const std::byte> snapshot,
                                               const std::vector<NamesSource>& sources,
                                               const std::string& dir) {
    Reader r(std::string_view(reinterpret_cast<const char*>(snapshot.data()), snapshot.size()),
             folder_prefix(dir));
    if (r.view() != kMagic || !r.ok()) return std::nullopt;
    // Compared before anything is built: most programs read the files they were built with.
    if (r.u32() != sources.size()) return std::nullopt;
    for (const NamesSource& s : sources) {
        if (r.view() != s.name || r.view() != s.text || !r.ok()) return std::nullopt;
    }
    names::Data data;
    data.profiles.resize(r.count(33));
    for (names::Profile& p : data.profiles) {
        p.id = r.str();
        p.label = r.str();
        p.organisation = r.str();
        p.guide = r.str();
        p.checked = r.str();
        p.based_on = r.str();
        p.file = r.path();
        p.line = r.u32();
    }
    for (auto* entries : {&data.entries, &data.extensions}) {
        entries->resize(r.count(58));
        for (names::Entry& e : *entries) e = r.entry();
    }
    data.generated.resize(r.count(16));
    for (names::Generated& g : data.generated) {
        g.entry = r.str();
        g.system = r.str();
        g.native = r.str();
        g.latin = r.str();
    }
    if (!r.ok() || !r.at_end()) return std::nullopt;
    return data;
}

__attribute__((weak)) std::span<const std::byte> embedded_names_snapshot() {
    return {};
}

}  // namespace copydesk::config
