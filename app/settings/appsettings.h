#pragma once

#include <QString>

class QSettings;

namespace Gatehouse {

struct LiveRunOptions;

// App-wide preferences, kept in QSettings under the "app/" group (per user, not per project).
// A plain value: load() reads a QSettings, save() writes every field back. Nothing secret here:
// passwords live only in the OS keychain (CredentialStore).
struct AppSettings
{
    enum class Appearance { System, Light, Dark };

    QString language; // "" = follow the system locale, else a locale name like "de"
    QString dataFolder; // where running stacks keep their data; "" = the platform default
    int postgresPort = 0; // default ports for the embedded infrastructure; 0 = pick a free one
    int redisPort = 0;
    int kafkaPort = 0;
    int gatewayPort = 8080;
    int telemetrySamplingPercent = 100; // share of requests traced on the canvas, 1..100
    Appearance appearance = Appearance::System;

    static AppSettings load(const QSettings &settings);
    void save(QSettings &settings) const;
    // The folder used when dataFolder is empty.
    static QString defaultDataFolder();
    // The ports and sampling a Run passes to `gatehouse-runtime up` (live/livesession.h).
    LiveRunOptions runOptions() const;

    bool operator==(const AppSettings &) const = default;
};

} // namespace Gatehouse
