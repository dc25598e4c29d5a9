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

void Headers::add(std::string name, std::string value)
{
    m_fields.emplace_back(std::move(name), std::move(value));
}

void Headers::set(std::string_view name, std::string value)
{
    remove(name);
    m_fields.emplace_back(std::string(name), std::move(value));
}

std::size_t Headers::remove(std::string_view name)
{
    const auto before = m_fields.size();
    std::erase_if(m_fields, [name](const Field &field) { return equalsIgnoreCase(field.first, name); });
    return before - m_fields.size();
}

} // namespace Gatehouse::Runtime::Http
