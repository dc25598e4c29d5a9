#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace Gatehouse::Runtime::Http {

// An ordered list of header fields with case-insensitive name lookup. Field order and
// duplicates are kept as received (the gateway forwards them in order). Names and values are
// stored without surrounding whitespace. Plain value type; not thread-safe for writes.
//
// The list knows how many of its first fields came through one of the engine's parsers, which
// refuse every field a writer would have to leave out (a name that is not a token, a control
// byte in a value): the writers check only the fields after those. Removing fields keeps the
// count right; adding appends after it; anything else (take, clear, moving out) resets it.
class Headers
{
public:
    using Field = std::pair<std::string, std::string>;

    Headers() = default;
    Headers(const Headers &) = default;
    Headers &operator=(const Headers &) = default;
    Headers(Headers &&other) noexcept
        : m_fields(std::move(other.m_fields))
        , m_parsedCount(std::exchange(other.m_parsedCount, 0))
    {
        other.m_fields.clear();
    }
    Headers &operator=(Headers &&other) noexcept
    {
        if (this == &other)
            return *this;
        m_fields = std::move(other.m_fields);
        other.m_fields.clear();
        m_parsedCount = std::exchange(other.m_parsedCount, 0);
        return *this;
    }

    // First value of the field named `name` (case-insensitive), or an empty view.
    std::string_view value(std::string_view name) const;
    bool contains(std::string_view name) const;
    // Number of fields named `name`.
    std::size_t count(std::string_view name) const;
    // All values of `name`, in order.
    std::vector<std::string_view> values(std::string_view name) const;

    // Appends a field (keeps existing ones with the same name). Name and value are anything a
    // std::string can be made of (strings are moved, views and literals copied once, straight
    // into the list: parsers add every field of every message through here).
    template <class Name, class Value>
    void add(Name &&name, Value &&value)
    {
        m_fields.emplace_back(std::forward<Name>(name), std::forward<Value>(value));
    }
    // Replaces every field named `name` with one field (appended at the end if absent).
    void set(std::string_view name, std::string value);
    // Removes every field named `name`; returns how many were removed.
    std::size_t remove(std::string_view name);
    // Removes every field for which pred(name, value) is true, keeping the others in order (a
    // proxy drops hop-by-hop fields in place instead of copying the rest); returns the count.
    // pred sees the fields in order, once each.
    template <class Predicate>
    std::size_t removeIf(Predicate pred)
    {
        std::size_t kept = 0;
        std::size_t parsedKept = 0;
        for (std::size_t i = 0; i < m_fields.size(); ++i) {
            const Field &field = m_fields[i];
            if (pred(field.first, field.second))
                continue;
            if (i < m_parsedCount)
                ++parsedKept;
            if (kept != i)
                m_fields[kept] = std::move(m_fields[i]);
            ++kept;
        }
        const std::size_t removed = m_fields.size() - kept;
        m_fields.erase(m_fields.begin() + static_cast<std::ptrdiff_t>(kept), m_fields.end());
        m_parsedCount = parsedKept;
        return removed;
    }
    void clear()
    {
        m_fields.clear();
        m_parsedCount = 0;
    }
    // Room for `n` fields without reallocating (the engine knows the count when it parses).
    void reserve(std::size_t n) { m_fields.reserve(n); }

    const std::vector<Field> &fields() const { return m_fields; }
    // Moves the fields out (forwarding without copying); leaves this empty.
    std::vector<Field> takeFields()
    {
        std::vector<Field> fields;
        fields.swap(m_fields);
        m_parsedCount = 0;
        return fields;
    }

    // For the engine's parsers: every field so far came through the parser's checks.
    void markParsed() { m_parsedCount = m_fields.size(); }
    // The first parsedCount() fields came through a parser; a writer checks the others only.
    std::size_t parsedCount() const { return m_parsedCount; }
    std::size_t size() const { return m_fields.size(); }
    bool empty() const { return m_fields.empty(); }

    // ASCII case-insensitive comparison used for names and tokens. Inline: every field of every
    // message is compared with a few names on its way through, nearly all differing in length.
    static bool equalsIgnoreCase(std::string_view a, std::string_view b)
    {
        if (a.size() != b.size())
            return false;
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (lowerAscii(a[i]) != lowerAscii(b[i]))
                return false;
        }
        return true;
    }

private:
    static char lowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

    std::vector<Field> m_fields;
    std::size_t m_parsedCount = 0;
};

} // namespace Gatehouse::Runtime::Http
