#pragma once

#include "http/detail/smallcopy.h"

#include <cstddef>
#include <cstdint>
#include <algorithm>
#include <cstring>
#include <memory>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace Gatehouse::Runtime::Http {

// An ordered list of header fields with case-insensitive name lookup. Field order and
// duplicates are kept as received (the gateway forwards them in order). Names and values are
// stored without surrounding whitespace. Plain value type; not thread-safe for writes.
//
// Storage: one allocation holds the index (where each field's name and value are) followed by
// every name and value back to back. A message's fields are then one allocation however many
// there are and however long their values (a proxied request or answer passes through
// this list twice per hop: as a list of std::string pairs it was five to eight allocations, and
// a string moved for every field on each copy or removal). Views returned by value(), values()
// and fields() point into the buffer: they stay valid until the list is changed (add, set,
// remove, clear) or destroyed, like iterators into a std::vector.
//
// The list knows how many of its first fields came through one of the engine's parsers, which
// refuse every field a writer would have to leave out (a name that is not a token, a control
// byte in a value): the writers check only the fields after those. Removing fields keeps the
// count right; adding appends after it; clearing or moving out resets it.
class Headers
{
    struct Entry
    {
        std::size_t offset; // of the name among the bytes; the value follows it directly
        std::size_t nameSize;
        std::size_t valueSize;
    };

public:
    using Field = std::pair<std::string, std::string>; // an owned copy of one field
    using FieldView = std::pair<std::string_view, std::string_view>; // name, value

    // The fields in order, as views (see the class comment for how long they stay valid).
    class FieldList
    {
    public:
        class const_iterator
        {
        public:
            using iterator_category = std::forward_iterator_tag;
            using value_type = FieldView;
            using difference_type = std::ptrdiff_t;
            using pointer = void;
            using reference = FieldView;

            const_iterator(const Headers *headers, std::size_t index)
                : m_headers(headers)
                , m_index(index)
            {
            }
            FieldView operator*() const { return m_headers->fieldAt(m_index); }
            const_iterator &operator++()
            {
                ++m_index;
                return *this;
            }
            bool operator==(const const_iterator &other) const { return m_index == other.m_index; }
            bool operator!=(const const_iterator &other) const { return m_index != other.m_index; }

        private:
            const Headers *m_headers;
            std::size_t m_index;
        };

        explicit FieldList(const Headers &headers)
            : m_headers(&headers)
        {
        }
        std::size_t size() const { return m_headers->size(); }
        bool empty() const { return m_headers->empty(); }
        FieldView operator[](std::size_t index) const { return m_headers->fieldAt(index); }
        FieldView back() const { return m_headers->fieldAt(size() - 1); }
        const_iterator begin() const { return { m_headers, 0 }; }
        const_iterator end() const { return { m_headers, size() }; }

    private:
        const Headers *m_headers;
    };

    Headers() = default;
    Headers(const Headers &other) { copyFrom(other); }
    Headers &operator=(const Headers &other)
    {
        if (this != &other)
            copyFrom(other);
        return *this;
    }
    Headers(Headers &&other) noexcept { takeFrom(other); }
    Headers &operator=(Headers &&other) noexcept
    {
        if (this != &other)
            takeFrom(other);
        return *this;
    }
    ~Headers() = default;

    // First value of the field named `name` (case-insensitive), or an empty view.
    std::string_view value(std::string_view name) const;
    bool contains(std::string_view name) const;
    // Number of fields named `name`.
    std::size_t count(std::string_view name) const;
    // All values of `name`, in order.
    std::vector<std::string_view> values(std::string_view name) const;

    // Appends a field (keeps existing ones with the same name). Both are copied into the list;
    // they may be views into this very list (the copy is made before the old buffer goes).
    void add(std::string_view name, std::string_view value)
    {
        const std::size_t room = m_byteCapacity - m_byteCount; // (m_byteCount <= m_byteCapacity)
        if (m_count == m_entryCapacity || name.size() > room || value.size() > room - name.size())
            return growAndAdd(name, value);
        char *to = bytes() + m_byteCount;
        detail::copySmall(to, name.data(), name.size());
        detail::copySmall(to + name.size(), value.data(), value.size());
        entries()[m_count++] = { m_byteCount, name.size(), value.size() };
        m_byteCount += name.size() + value.size();
    }
    // Replaces every field named `name` with one field (appended at the end if absent).
    void set(std::string_view name, std::string_view value);
    // Removes every field named `name`; returns how many were removed.
    std::size_t remove(std::string_view name);
    // Removes every field for which pred(name, value) is true, keeping the others in order (a
    // proxy drops hop-by-hop fields in place instead of copying the rest); returns the count.
    // pred sees the fields in order, once each. The removed fields' bytes stay in the buffer
    // until the list is cleared: a message's list lives as long as the message.
    template <class Predicate>
    std::size_t removeIf(Predicate pred)
    {
        std::size_t kept = 0;
        std::size_t parsedKept = 0;
        Entry *list = entries();
        for (std::size_t i = 0; i < m_count; ++i) {
            const FieldView field = fieldAt(i);
            if (pred(field.first, field.second))
                continue;
            if (i < m_parsedCount)
                ++parsedKept;
            list[kept++] = list[i];
        }
        const std::size_t removed = m_count - kept;
        m_count = kept;
        m_parsedCount = parsedKept;
        return removed;
    }
    void clear()
    {
        m_count = 0; // the block is kept for the next fields
        m_byteCount = 0;
        m_parsedCount = 0;
    }
    // Room for `fields` fields whose names and values total `bytes` bytes, without
    // reallocating (the engine knows about how many when it parses).
    void reserve(std::size_t fields, std::size_t bytes)
    {
        if (fields > m_entryCapacity || bytes > m_byteCapacity)
            reallocate(std::max(fields, m_entryCapacity), std::max(bytes, m_byteCapacity));
    }

    FieldList fields() const { return FieldList(*this); }
    FieldView fieldAt(std::size_t index) const
    {
        const Entry &entry = entries()[index];
        const char *name = bytes() + entry.offset;
        return { std::string_view(name, entry.nameSize), std::string_view(name + entry.nameSize, entry.valueSize) };
    }
    // The fields as owned strings (for tests and for code that keeps them past the list).
    std::vector<Field> toVector() const;

    // For the engine's parsers: every field so far came through the parser's checks.
    void markParsed() { m_parsedCount = m_count; }
    // The first parsedCount() fields came through a parser; a writer checks the others only.
    std::size_t parsedCount() const { return m_parsedCount; }
    std::size_t size() const { return m_count; }
    bool empty() const { return m_count == 0; }

    // ASCII case-insensitive comparison used for names and tokens. Inline: every field of every
    // message is compared with a few names on its way through (hop-by-hop, framing, Host…):
    // nearly all differ in length; those that do not are compared eight bytes at a time.
    static bool equalsIgnoreCase(std::string_view a, std::string_view b)
    {
        // Then the first bytes: names of one length mostly differ there. Bytes equal but for
        // case differ at most in the case bit 0x20, so this never turns away equal names.
        return a.size() == b.size() && (a.empty() || ((a[0] ^ b[0]) & ~0x20) == 0)
            && equalBytesIgnoreCase(a.data(), b.data(), a.size());
    }

private:
    // equalsIgnoreCase once the sizes are known to match: out of line (its word loop is too big
    // to inline everywhere), so that the size test, which settles nearly every call, is inlined.
    [[gnu::noinline]] static bool equalBytesIgnoreCase(const char *a, const char *b, std::size_t size)
    {
        if (size < 8) {
            for (std::size_t i = 0; i < size; ++i) {
                if (lowerAscii(a[i]) != lowerAscii(b[i]))
                    return false;
            }
            return true;
        }
        // Whole words, then the last eight bytes (overlapping the previous word when the size
        // is not a multiple of eight).
        for (std::size_t i = 0; i + 8 < size; i += 8) {
            if (lowerAscii8(a + i) != lowerAscii8(b + i))
                return false;
        }
        return lowerAscii8(a + size - 8) == lowerAscii8(b + size - 8);
    }
    static char lowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
    // The eight bytes at `bytes` with 'A'..'Z' lower-cased and every other byte as it is.
    static std::uint64_t lowerAscii8(const char *bytes)
    {
        constexpr std::uint64_t ones = 0x0101010101010101ULL;
        std::uint64_t word;
        std::memcpy(&word, bytes, sizeof word);
        // Per byte, without carries between bytes (each sum stays below 0x100): the high bit of
        // atLeastA is set when the byte's low seven bits are >= 'A', that of aboveZ when > 'Z'.
        const std::uint64_t low7 = word & (ones * 0x7f);
        const std::uint64_t atLeastA = low7 + ones * (0x80 - 'A');
        const std::uint64_t aboveZ = low7 + ones * (0x80 - 'Z' - 1);
        const std::uint64_t upper = atLeastA & ~aboveZ & ~word & (ones * 0x80); // and the byte < 0x80
        return word | (upper >> 2); // 0x80 >> 2 == 0x20, the case bit
    }
    // add() when the buffer must grow: the new buffer is filled while the old one (which the
    // arguments may point into) is still alive.
    void growAndAdd(std::string_view name, std::string_view value);
    // A new block with room for `entryCapacity` fields and `byteCapacity` bytes, holding what
    // the old one held; returns the old block (freed when the caller lets go of it).
    std::unique_ptr<Entry[]> reallocate(std::size_t entryCapacity, std::size_t byteCapacity);
    void copyFrom(const Headers &other);
    void takeFrom(Headers &other) noexcept;

    Entry *entries() const { return m_block.get(); }
    char *bytes() const { return reinterpret_cast<char *>(m_block.get() + m_entryCapacity); }

    // One block: m_entryCapacity entries (m_count used), then m_byteCapacity bytes of names and
    // values (m_byteCount used). Allocated as Entry slots so that the entries are aligned.
    std::unique_ptr<Entry[]> m_block;
    std::size_t m_entryCapacity = 0;
    std::size_t m_count = 0;
    std::size_t m_byteCapacity = 0;
    std::size_t m_byteCount = 0;
    std::size_t m_parsedCount = 0;
};

} // namespace Gatehouse::Runtime::Http
