#include "rules/pack_snapshot.hpp"

#include <cstdint>
#include <cstring>

namespace copydesk::rules {

namespace {

// Bumped whenever the layout below changes.
constexpr std::string_view kMagic = "copydesk rule snapshot 1\n";

enum class NodeKind : std::uint8_t { Null, Scalar, Sequence, Map };
constexpr int kMaxDepth = 64;  // rule files nest a few levels

class Writer {
  public:
    void u8(std::uint8_t v) { out_ += static_cast<char>(v); }
    void u32(std::uint32_t v) {
        char bytes[4];
        std::memcpy(bytes, &v, sizeof v);
        out_.append(bytes, sizeof bytes);
    }
    void str(std::string_view s) {
        u32(static_cast<std::uint32_t>(s.size()));
        out_.append(s);
    }
    void node(const YAML::Node& n) {
        switch (n.Type()) {
            case YAML::NodeType::Scalar:
                u8(static_cast<std::uint8_t>(NodeKind::Scalar));
                str(n.Scalar());
                break;
            case YAML::NodeType::Sequence:
                u8(static_cast<std::uint8_t>(NodeKind::Sequence));
                u32(static_cast<std::uint32_t>(n.size()));
                for (const YAML::Node& item : n) node(item);
                break;
            case YAML::NodeType::Map:
                u8(static_cast<std::uint8_t>(NodeKind::Map));
                u32(static_cast<std::uint32_t>(n.size()));
                for (const auto& pair : n) {
                    node(pair.first);
                    node(pair.second);
                }
                break;
            default:  // a parsed tree has no undefined nodes
                u8(static_cast<std::uint8_t>(NodeKind::Null));
        }
    }
    std::string take() { return std::move(out_); }

  private:
    std::string out_;
};

// Reads what Writer wrote; a read past the end or an unknown kind marks it failed, and every
// later read returns nothing.
class Reader {
  public:
    explicit Reader(std::string_view bytes) : bytes_(bytes) {}

    [[nodiscard]] bool ok() const { return ok_; }
    std::uint8_t u8() { return take(1) ? static_cast<std::uint8_t>(bytes_[pos_ - 1]) : 0; }
    std::uint32_t u32() {
        if (!take(4)) return 0;
        std::uint32_t v;
        std::memcpy(&v, bytes_.data() + pos_ - 4, sizeof v);
        return v;
    }
    std::string_view str() {
        const std::uint32_t size = u32();
        return take(size) ? bytes_.substr(pos_ - size, size) : std::string_view();
    }
    // Passes over `size` bytes.
    void skip(std::size_t size) { (void)take(size); }
    YAML::Node node(int depth = 0) {
        const auto kind = static_cast<NodeKind>(u8());
        if (!ok_ || depth > kMaxDepth) return fail();
        switch (kind) {
            case NodeKind::Null:
                return YAML::Node(YAML::NodeType::Null);
            case NodeKind::Scalar:
                return YAML::Node(std::string(str()));
            case NodeKind::Sequence: {
                YAML::Node n(YAML::NodeType::Sequence);
                for (std::uint32_t i = u32(); ok_ && i > 0; --i) n.push_back(node(depth + 1));
                return n;
            }
            case NodeKind::Map: {
                YAML::Node n(YAML::NodeType::Map);
                for (std::uint32_t i = u32(); ok_ && i > 0; --i) {
                    const YAML::Node key = node(depth + 1);
                    n.force_insert(key, node(depth + 1));
                }
                return n;
            }
        }
        return fail();
    }

  private:
    bool take(std::size_t n) {
        if (!ok_ || bytes_.size() - pos_ < n) {
            ok_ = false;
            return false;
        }
        pos_ += n;
        return true;
    }
    YAML::Node fail() {
        ok_ = false;
        return {};
    }

    std::string_view bytes_;
    std::size_t pos_ = 0;
    bool ok_ = true;
};

}  // namespace

// Layout: the magic, the number of files, then each file: its text, the size of its tree's
// bytes and the tree (so that a reader passes over the trees of the other files), and the
// lines of its tests.
std::string write_rule_snapshot(const std::vector<std::string>& texts) {
    Writer out;
    for (const char c : kMagic) out.u8(static_cast<std::uint8_t>(c));
    out.u32(static_cast<std::uint32_t>(texts.size()));
    for (const std::string& text : texts) {
        const YAML::Node root = YAML::Load(text);
        out.str(text);
        Writer tree;
        tree.node(root);
        out.str(tree.take());
        std::vector<int> lines;
        if (root.IsMap()) {
            if (const YAML::Node tests = root["tests"]; tests && tests.IsSequence()) {
                for (const YAML::Node& t : tests) lines.push_back(t.Mark().line);
            }
        }
        out.u32(static_cast<std::uint32_t>(lines.size()));
        for (const int line : lines) out.u32(static_cast<std::uint32_t>(line));
    }
    return out.take();
}

std::optional<SnapshotFile> read_rule_snapshot(std::span<const std::byte> snapshot,
                                               std::string_view text) {
    const std::string_view bytes(reinterpret_cast<const char*>(snapshot.data()), snapshot.size());
    if (!bytes.starts_with(kMagic)) return std::nullopt;
    Reader in(bytes.substr(kMagic.size()));
    for (std::uint32_t files = in.u32(); in.ok() && files > 0; --files) {
        const std::string_view file_text = in.str();
        const std::string_view tree = in.str();
        const std::uint32_t tests = in.u32();
        if (!in.ok() || file_text != text) {
            in.skip(std::size_t{tests} * 4);
            continue;
        }
        SnapshotFile file;
        Reader tree_in(tree);
        file.root = tree_in.node();
        for (std::uint32_t i = 0; i < tests; ++i) {
            file.test_lines.push_back(static_cast<int>(in.u32()));
        }
        if (!tree_in.ok() || !in.ok()) return std::nullopt;
        return file;
    }
    return std::nullopt;
}

// The program's own (src/cli/rule_snapshot.cpp) takes the place of this one.
__attribute__((weak)) std::span<const std::byte> embedded_rule_snapshot() {
    return {};
}

}  // namespace copydesk::rules
