#include "settings/appsettings.h"

#include "live/livesession.h"

#include <QSettings>
#include <QStandardPaths>

namespace Gatehouse {

namespace {
const QString kAppearanceNames[] = { QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark") };

AppSettings::Appearance appearanceFromName(const QString &name)
{
    if (name == kAppearanceNames[1])
        return AppSettings::Appearance::Light;
    if (name == kAppearanceNames[2])
        return AppSettings::Appearance::Dark;
    return AppSettings::Appearance::System;
}

int port(const QSettings &s, const QString &key, int fallback)
{
    const int p = s.value(key, fallback).toInt();
    return p >= 0 && p <= 65535 ? p : fallback;
}
} // namespace

AppSettings AppSettings::load(const QSettings &s)
{
    AppSettings a;
    a.language = s.value(QStringLiteral("app/language")).toString();
    a.dataFolder = s.value(QStringLiteral("app/dataFolder")).toString();
    a.postgresPort = port(s, QStringLiteral("app/ports/postgres"), a.postgresPort);
    a.redisPort = port(s, QStringLiteral("app/ports/redis"), a.redisPort);
    a.kafkaPort = port(s, QStringLiteral("app/ports/kafka"), a.kafkaPort);
    a.gatewayPort = port(s, QStringLiteral("app/ports/gateway"), a.gatewayPort);
    a.telemetrySamplingPercent
        = qBound(1, s.value(QStringLiteral("app/telemetrySampling"), a.telemetrySamplingPercent).toInt(), 100);
    a.appearance = appearanceFromName(s.value(QStringLiteral("app/appearance")).toString());
    return a;
}

void AppSettings::save(QSettings &s) const
{
    s.setValue(QStringLiteral("app/language"), language);
    s.setValue(QStringLiteral("app/dataFolder"), dataFolder);
    s.setValue(QStringLiteral("app/ports/postgres"), postgresPort);
    s.setValue(QStringLiteral("app/ports/redis"), redisPort);
    s.setValue(QStringLiteral("app/ports/kafka"), kafkaPort);
    s.setValue(QStringLiteral("app/ports/gateway"), gatewayPort);
    s.setValue(QStringLiteral("app/telemetrySampling"), telemetrySamplingPercent);
    s.setValue(QStringLiteral("app/appearance"), kAppearanceNames[static_cast<int>(appearance)]);
}

LiveRunOptions AppSettings::runOptions() const
{
    LiveRunOptions options;
    options.postgresPort = postgresPort;
    options.redisPort = redisPort;
    options.kafkaPort = kafkaPort;
    options.gatewayPort = gatewayPort;
    options.samplingPercent = telemetrySamplingPercent;
    return options;
}

QString AppSettings::defaultDataFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
}

} // namespace Gatehouse
