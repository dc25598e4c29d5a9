#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace Gatehouse::Runtime::Http {

// An ordered list of header fields with case-insensitive name lookup. Field order and
// duplicates are kept as received (the gateway forwards them in order). Names and values are
// stored without surrounding whitespace. Plain value type; not thread-safe for writes.
class Headers
{
public:
    using Field = std::pair<std::string, std::string>;

    // First value of the field named `name` (case-insensitive), or an empty view.
    std::string_view value(std::string_view name) const;
    bool contains(std::string_view name) const;
    // Number of fields named `name`.
    std::size_t count(std::string_view name) const;
    // All values of `name`, in order.
    std::vector<std::string_view> values(std::string_view name) const;

    // Appends a field (keeps existing ones with the same name).
    void add(std::string name, std::string value);
    // Replaces every field named `name` with one field (appended at the end if absent).
    void set(std::string_view name, std::string value);
    // Removes every field named `name`; returns how many were removed.
    std::size_t remove(std::string_view name);
    // Removes every field for which pred(name, value) is true, keeping the others in order (a
    // proxy drops hop-by-hop fields in place instead of copying the rest); returns the count.
    template <class Predicate>
    std::size_t removeIf(Predicate pred)
    {
        return std::erase_if(m_fields, [&pred](const Field &field) { return pred(field.first, field.second); });
    }
    void clear() { m_fields.clear(); }
    // Room for `n` fields without reallocating (the engine knows the count when it parses).
    void reserve(std::size_t n) { m_fields.reserve(n); }

    const std::vector<Field> &fields() const { return m_fields; }
    // Moves the fields out (forwarding without copying); leaves this empty.
    std::vector<Field> takeFields()
    {
        std::vector<Field> fields;
        fields.swap(m_fields);
        return fields;
    }
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
};

} // namespace Gatehouse::Runtime::Http
