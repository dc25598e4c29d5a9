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
    const std::size_t size = m_size + name.size() + value.size();
    const std::size_t capacity = std::max(m_capacity * 2, size + 64);
    auto bigger = std::make_unique_for_overwrite<char[]>(capacity);
    if (m_size > 0)
        std::memcpy(bigger.get(), m_bytes.get(), m_size);
    std::memcpy(bigger.get() + m_size, name.data(), name.size());
    std::memcpy(bigger.get() + m_size + name.size(), value.data(), value.size());
    m_bytes = std::move(bigger); // only now is the old buffer, which name or value may be in, freed
    m_size = size;
    m_capacity = capacity;
}

void Headers::reallocate(std::size_t capacity)
{
    auto bigger = std::make_unique_for_overwrite<char[]>(capacity);
    if (m_size > 0)
        std::memcpy(bigger.get(), m_bytes.get(), m_size);
    m_bytes = std::move(bigger);
    m_capacity = capacity;
}

void Headers::copyBytesOf(const Headers &other)
{
    // Only the bytes in use; room for more comes with the next add.
    m_bytes = other.m_size > 0 ? std::make_unique_for_overwrite<char[]>(other.m_size) : nullptr;
    if (other.m_size > 0)
        std::memcpy(m_bytes.get(), other.m_bytes.get(), other.m_size);
    m_size = other.m_size;
    m_capacity = other.m_size;
}

} // namespace Gatehouse::Runtime::Http
