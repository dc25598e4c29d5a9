#include "formatregistry.h"

#include "drawio/drawioformat.h"
#include "imageformat.h"
#include "nativeformat.h"

namespace Gatehouse {

void FormatRegistry::add(std::unique_ptr<FileFormat> format)
{
    for (auto &existing : m_formats) {
        if (existing->name() == format->name()) {
            existing = std::move(format);
            return;
        }
    }
    m_formats.push_back(std::move(format));
}

const FileFormat *FormatRegistry::byName(const QString &name) const
{
    for (const auto &format : m_formats) {
        if (format->name().compare(name, Qt::CaseInsensitive) == 0)
            return format.get();
    }
    return nullptr;
}

const FileFormat *FormatRegistry::forFileName(const QString &fileName, FormatCapability capability) const
{
    const QString lower = fileName.toLower();
    const FileFormat *best = nullptr;
    qsizetype bestLength = 0;
    for (const auto &format : m_formats) {
        const bool capable = capability == FormatCapability::Read ? format->canRead()
            : capability == FormatCapability::Write ? format->capabilities().testFlag(FormatCapability::Write)
                                                    : format->canWrite();
        if (!capable)
            continue;
        for (const QString &extension : format->extensions()) {
            if (lower.endsWith(QLatin1Char('.') + extension) && extension.size() > bestLength) {
                best = format.get();
                bestLength = extension.size();
            }
        }
    }
    return best;
}

QList<const FileFormat *> FormatRegistry::formats() const
{
    QList<const FileFormat *> list;
    for (const auto &format : m_formats)
        list.append(format.get());
    return list;
}

QList<const FileFormat *> FormatRegistry::formats(FormatCapability capability) const
{
    QList<const FileFormat *> list;
    for (const auto &format : m_formats) {
        if (format->capabilities().testFlag(capability))
            list.append(format.get());
    }
    return list;
}

QStringList FormatRegistry::names() const
{
    QStringList list;
    for (const auto &format : m_formats)
        list.append(format->name());
    return list;
}

std::unique_ptr<FormatRegistry> FormatRegistry::createDefault()
{
    auto registry = std::make_unique<FormatRegistry>();
    registry->add(std::make_unique<NativeFormat>());
    registry->add(std::make_unique<DrawioFormat>());
    registry->add(std::make_unique<SvgFormat>());
    registry->add(std::make_unique<PngFormat>());
    return registry;
}

} // namespace Gatehouse
