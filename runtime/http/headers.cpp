#include "http/headers.h"

#include <algorithm>

namespace Gatehouse::Runtime::Http {

std::string_view Headers::value(std::string_view name) const
{
    for (const auto &[fieldName, fieldValue] : fields()) {
        if (equalsIgnoreCase(fieldName, name))
            return fieldValue;
    }
    return {};
}

bool Headers::contains(std::string_view name) const
{
    for (const auto &[fieldName, fieldValue] : fields()) {
        if (equalsIgnoreCase(fieldName, name))
            return true;
    }
    return false;
}

std::size_t Headers::count(std::string_view name) const
{
    std::size_t n = 0;
    for (const auto &[fieldName, fieldValue] : fields()) {
        if (equalsIgnoreCase(fieldName, name))
            ++n;
    }
    return n;
}

std::vector<std::string_view> Headers::values(std::string_view name) const
{
    std::vector<std::string_view> result;
    for (const auto &[fieldName, fieldValue] : fields()) {
        if (equalsIgnoreCase(fieldName, name))
            result.emplace_back(fieldValue);
    }
    return result;
}

void Headers::set(std::string_view name, std::string_view value)
{
    // Removing leaves the buffer as it is, so `name` and `value` may point into this list.
    remove(name);
    add(name, value);
}

std::size_t Headers::remove(std::string_view name)
{
    return removeIf([name](std::string_view fieldName, std::string_view) { return equalsIgnoreCase(fieldName, name); });
}

std::vector<Headers::Field> Headers::toVector() const
{
    std::vector<Field> copy;
    copy.reserve(size());
    for (const auto &[name, value] : fields())
        copy.emplace_back(name, value);
    return copy;
}

void Headers::growAndAdd(std::string_view name, std::string_view value)
{
    const std::size_t entryCapacity = m_count < m_entryCapacity ? m_entryCapacity : std::max<std::size_t>(8, m_entryCapacity * 2);
    const std::size_t needed = m_byteCount + name.size() + value.size();
    const std::size_t byteCapacity = needed <= m_byteCapacity ? m_byteCapacity : std::max(m_byteCapacity * 2, needed + 64);
    // The old block, which name or value may point into, lives until the field is copied.
    const std::unique_ptr<Entry[]> old = reallocate(entryCapacity, byteCapacity);
    add(name, value);
}

std::unique_ptr<Headers::Entry[]> Headers::reallocate(std::size_t entryCapacity, std::size_t byteCapacity)
{
    std::unique_ptr<Entry[]> old = std::move(m_block);
    const char *oldBytes = reinterpret_cast<const char *>(old.get() + m_entryCapacity);
    m_block = std::make_unique_for_overwrite<Entry[]>(entryCapacity + (byteCapacity + sizeof(Entry) - 1) / sizeof(Entry));
    if (m_count > 0)
        std::memcpy(m_block.get(), old.get(), m_count * sizeof(Entry));
    m_entryCapacity = entryCapacity;
    m_byteCapacity = byteCapacity;
    if (m_byteCount > 0)
        std::memcpy(bytes(), oldBytes, m_byteCount);
    return old;
}

void Headers::copyFrom(const Headers &other)
{
    // Only what is in use; room for more comes with the next add.
    m_block.reset();
    m_entryCapacity = m_byteCapacity = m_count = m_byteCount = 0;
    m_parsedCount = other.m_parsedCount;
    if (other.m_count == 0)
        return;
    reallocate(other.m_count, other.m_byteCount);
    std::memcpy(entries(), other.entries(), other.m_count * sizeof(Entry));
    if (other.m_byteCount > 0)
        std::memcpy(bytes(), other.bytes(), other.m_byteCount);
    m_count = other.m_count;
    m_byteCount = other.m_byteCount;
}

void Headers::takeFrom(Headers &other) noexcept
{
    m_block = std::move(other.m_block);
    m_entryCapacity = std::exchange(other.m_entryCapacity, 0);
    m_count = std::exchange(other.m_count, 0);
    m_byteCapacity = std::exchange(other.m_byteCapacity, 0);
    m_byteCount = std::exchange(other.m_byteCount, 0);
    m_parsedCount = std::exchange(other.m_parsedCount, 0);
}

} // namespace Gatehouse::Runtime::Http
