#include "http/headers.h"

namespace Gatehouse::Runtime::Http {

std::string_view Headers::value(std::string_view name) const
{
    for (const auto &field : m_fields) {
        if (equalsIgnoreCase(field.first, name))
            return field.second;
    }
    return {};
}

bool Headers::contains(std::string_view name) const
{
    for (const auto &field : m_fields) {
        if (equalsIgnoreCase(field.first, name))
            return true;
    }
    return false;
}

std::size_t Headers::count(std::string_view name) const
{
    std::size_t n = 0;
    for (const auto &field : m_fields) {
        if (equalsIgnoreCase(field.first, name))
            ++n;
    }
    return n;
}

std::vector<std::string_view> Headers::values(std::string_view name) const
{
    std::vector<std::string_view> result;
    for (const auto &field : m_fields) {
        if (equalsIgnoreCase(field.first, name))
            result.emplace_back(field.second);
    }
    return result;
}

void Headers::set(std::string_view name, std::string value)
{
    remove(name);
    m_fields.emplace_back(std::string(name), std::move(value));
}

std::size_t Headers::remove(std::string_view name)
{
    return removeIf([name](std::string_view fieldName, std::string_view) { return equalsIgnoreCase(fieldName, name); });
}

} // namespace Gatehouse::Runtime::Http
