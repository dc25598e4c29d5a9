#include "dialogs/settingsdialog.h"

#include "document/document.h"
#include "settings/connectionprobe.h"
#include "settings/translations.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace Gatehouse {

namespace {

// Names the field that carries a password, or "" when none does.
QString passwordInRunSettings(const RunSettings &r)
{
    static const QRegularExpression dsnPassword(QStringLiteral("(^|\\s)password\\s*="));
    const QUrl pgUrl(r.postgresDsn);
    if (r.postgresDsn.contains(dsnPassword)
        || (r.postgresDsn.contains(QLatin1String("://")) && !pgUrl.password().isEmpty()))
        return SettingsDialog::tr("The PostgreSQL connection contains a password. Remove it and type the password "
                                  "into its own field: it is kept in the OS keychain, not in the project file.");
    if (!QUrl(r.redisUrl).password().isEmpty())
        return SettingsDialog::tr("The Redis URL contains a password. Remove it and type the password into its own "
                                  "field: it is kept in the OS keychain, not in the project file.");
    return {};
}

QSpinBox *portBox(QWidget *parent, const QString &objectName)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(objectName);
    box->setRange(0, 65535);
    box->setSpecialValueText(SettingsDialog::tr("automatic"));
    return box;
}

QLineEdit *passwordEdit(QWidget *parent, const QString &objectName)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setEchoMode(QLineEdit::Password);
    return edit;
}

QLabel *resultLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

SettingsDialog::SettingsDialog(
    Document *document, QSettings &settings, const CredentialStore &credentials, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_settings(settings)
    , m_credentials(credentials)
{
    setWindowTitle(tr("Settings"));
    auto *tabs = new QTabWidget(this);
    tabs->addTab(createGeneralPage(), tr("General"));
    if (m_document)
        tabs->addTab(createProjectPage(), tr("Project Infrastructure"));
    tabs->addTab(createCredentialsPage(), tr("Credentials"));

    m_message = resultLabel(this, QStringLiteral("settingsMessage"));
    m_message->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    // Our own catalogue names the buttons, so they are translated even without Qt's.
    buttons->button(QDialogButtonBox::Ok)->setText(tr("OK"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    load();
    refreshCredentialState();
}

SettingsDialog::~SettingsDialog() = default;

QWidget *SettingsDialog::createGeneralPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);

    m_language = new QComboBox(page);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("System language"), QString());
    for (const QString &name : availableLanguages()) {
        const QLocale locale(name);
        m_language->addItem(QStringLiteral("%1 (%2)").arg(locale.nativeLanguageName(), name), name);
    }
    form->addRow(tr("&Language:"), m_language);

    m_appearance = new QComboBox(page);
    m_appearance->setObjectName(QStringLiteral("appearance"));
    m_appearance->addItem(tr("Follow the system (light or dark)"));
    m_appearance->addItem(tr("Light"));
    m_appearance->addItem(tr("Dark"));
    form->addRow(tr("&Appearance:"), m_appearance);
    auto *restart = new QLabel(tr("Language and appearance changes take effect when Gatehouse restarts."), page);
    restart->setWordWrap(true);
    form->addRow(restart);

    auto *folderRow = new QHBoxLayout;
    m_dataFolder = new QLineEdit(page);
    m_dataFolder->setObjectName(QStringLiteral("dataFolder"));
    m_dataFolder->setPlaceholderText(AppSettings::defaultDataFolder());
    auto *browse = new QPushButton(tr("&Browse…"), page);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Data Folder"), m_dataFolder->text());
        if (!dir.isEmpty())
            m_dataFolder->setText(dir);
    });
    folderRow->addWidget(m_dataFolder);
    folderRow->addWidget(browse);
    form->addRow(tr("&Data folder:"), folderRow);

    m_postgresPort = portBox(page, QStringLiteral("postgresPort"));
    m_redisPort = portBox(page, QStringLiteral("redisPort"));
    m_kafkaPort = portBox(page, QStringLiteral("kafkaPort"));
    m_gatewayPort = portBox(page, QStringLiteral("gatewayPort"));
    form->addRow(tr("Default &PostgreSQL port:"), m_postgresPort);
    form->addRow(tr("Default &Redis port:"), m_redisPort);
    form->addRow(tr("Default &Kafka port:"), m_kafkaPort);
    form->addRow(tr("Default &gateway port:"), m_gatewayPort);

    m_sampling = new QSpinBox(page);
    m_sampling->setObjectName(QStringLiteral("telemetrySampling"));
    m_sampling->setRange(1, 100);
    m_sampling->setSuffix(QStringLiteral(" %"));
    m_sampling->setToolTip(tr("The share of requests whose whole trace is shown on the canvas and in the docks while a "
                              "stack runs. The traffic figures always count every request."));
    form->addRow(tr("&Telemetry sampling:"), m_sampling);
    auto *when = new QLabel(tr("Ports and the data folder take effect the next time you run a stack; a port set on a node "
                               "in the diagram wins over these defaults. Telemetry sampling also applies at once to a "
                               "running stack."),
        page);
    when->setObjectName(QStringLiteral("runSettingsNote"));
    when->setWordWrap(true);
    form->addRow(when);
    return page;
}

QWidget *SettingsDialog::createProjectPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    auto *intro = new QLabel(tr("Leave a field empty and Gatehouse starts that part of the stack itself. "
                                "Passwords go to the OS keychain, never into the project file."),
        page);
    intro->setWordWrap(true);
    form->addRow(intro);

    auto testButton = [this, page](Service service, const QString &objectName) {
        auto *button = new QPushButton(tr("&Test Connection"), page);
        button->setObjectName(objectName);
        connect(button, &QPushButton::clicked, this, [this, service] { testConnection(service); });
        return button;
    };

    m_postgresDsn = new QLineEdit(page);
    m_postgresDsn->setObjectName(QStringLiteral("postgresDsn"));
    m_postgresDsn->setPlaceholderText(tr("host=db.example port=5432 user=gatehouse (no password)"));
    m_postgresPassword = passwordEdit(page, QStringLiteral("postgresPassword"));
    m_postgresResult = resultLabel(page, QStringLiteral("postgresResult"));
    form->addRow(tr("PostgreSQL &connection:"), m_postgresDsn);
    form->addRow(tr("PostgreSQL pass&word:"), m_postgresPassword);
    form->addRow(testButton(Service::Postgres, QStringLiteral("testPostgres")), m_postgresResult);

    m_redisUrl = new QLineEdit(page);
    m_redisUrl->setObjectName(QStringLiteral("redisUrl"));
    m_redisUrl->setPlaceholderText(tr("redis://cache.example:6379/0 (no password)"));
    m_redisPassword = passwordEdit(page, QStringLiteral("redisPassword"));
    m_redisResult = resultLabel(page, QStringLiteral("redisResult"));
    form->addRow(tr("Redis &URL:"), m_redisUrl);
    form->addRow(tr("Redis pa&ssword:"), m_redisPassword);
    form->addRow(testButton(Service::Redis, QStringLiteral("testRedis")), m_redisResult);

    m_kafkaBootstrap = new QLineEdit(page);
    m_kafkaBootstrap->setObjectName(QStringLiteral("kafkaBootstrap"));
    m_kafkaBootstrap->setPlaceholderText(QStringLiteral("broker1:9092,broker2:9092"));
    m_kafkaMechanism = new QComboBox(page);
    m_kafkaMechanism->setObjectName(QStringLiteral("kafkaMechanism"));
    m_kafkaMechanism->addItem(tr("No authentication"), QString());
    for (const char *mechanism : { "PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512" })
        m_kafkaMechanism->addItem(QStringLiteral("SASL %1").arg(QLatin1String(mechanism)), QLatin1String(mechanism));
    m_kafkaUser = new QLineEdit(page);
    m_kafkaUser->setObjectName(QStringLiteral("kafkaUser"));
    m_kafkaPassword = passwordEdit(page, QStringLiteral("kafkaPassword"));
    m_kafkaResult = resultLabel(page, QStringLiteral("kafkaResult"));
    form->addRow(tr("Kafka &bootstrap servers:"), m_kafkaBootstrap);
    form->addRow(tr("Kafka authenticatio&n:"), m_kafkaMechanism);
    form->addRow(tr("Kafka user na&me:"), m_kafkaUser);
    form->addRow(tr("Kafka passw&ord:"), m_kafkaPassword);
    form->addRow(testButton(Service::Kafka, QStringLiteral("testKafka")), m_kafkaResult);

    m_postgresProbe = new ConnectionProbe(5000, this);
    m_redisProbe = new ConnectionProbe(5000, this);
    m_kafkaProbe = new ConnectionProbe(5000, this);
    connect(m_postgresProbe, &ConnectionProbe::finished, this,
        [this](bool ok, const QString &message) { showResult(m_postgresResult, ok, message); });
    connect(m_redisProbe, &ConnectionProbe::finished, this,
        [this](bool ok, const QString &message) { showResult(m_redisResult, ok, message); });
    connect(m_kafkaProbe, &ConnectionProbe::finished, this,
        [this](bool ok, const QString &message) { showResult(m_kafkaResult, ok, message); });
    return page;
}

QWidget *SettingsDialog::createCredentialsPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *where = new QLabel(CredentialStore::locationText(), page);
    where->setWordWrap(true);
    layout->addWidget(where);
    auto *keys = new QLabel(page);
    keys->setObjectName(QStringLiteral("credentialKeys"));
    keys->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QStringList names;
    for (CredentialStore::Credential c : CredentialStore::all())
        names << m_credentials.key(c);
    keys->setText(tr("Keys for this project:\n%1").arg(names.join(QLatin1Char('\n'))));
    layout->addWidget(keys);
    m_keychainState = resultLabel(page, QStringLiteral("keychainState"));
    layout->addWidget(m_keychainState);
    m_deleteCredentials = new QPushButton(tr("&Delete Stored Credentials"), page);
    m_deleteCredentials->setObjectName(QStringLiteral("deleteCredentials"));
    connect(m_deleteCredentials, &QPushButton::clicked, this, &SettingsDialog::deleteCredentials);
    layout->addWidget(m_deleteCredentials, 0, Qt::AlignLeft);
    layout->addStretch();
    return page;
}

void SettingsDialog::load()
{
    const AppSettings a = AppSettings::load(m_settings);
    const int language = m_language->findData(a.language);
    m_language->setCurrentIndex(language < 0 ? 0 : language);
    m_appearance->setCurrentIndex(static_cast<int>(a.appearance));
    m_dataFolder->setText(a.dataFolder);
    m_postgresPort->setValue(a.postgresPort);
    m_redisPort->setValue(a.redisPort);
    m_kafkaPort->setValue(a.kafkaPort);
    m_gatewayPort->setValue(a.gatewayPort);
    m_sampling->setValue(a.telemetrySamplingPercent);
    if (m_document) {
        const RunSettings &r = m_document->topology().runSettings;
        m_postgresDsn->setText(r.postgresDsn);
        m_redisUrl->setText(r.redisUrl);
        m_kafkaBootstrap->setText(r.kafkaBootstrap);
        const int mechanism = m_kafkaMechanism->findData(r.kafkaSaslMechanism);
        m_kafkaMechanism->setCurrentIndex(mechanism < 0 ? 0 : mechanism);
    }
}

void SettingsDialog::refreshCredentialState()
{
    QString error;
    m_keychainAvailable = m_credentials.isAvailable(&error);
    const QList<QLineEdit *> secretEdits { m_postgresPassword, m_redisPassword, m_kafkaUser, m_kafkaPassword };
    if (!m_keychainAvailable) {
        showResult(m_keychainState, false, error);
        m_deleteCredentials->setEnabled(false);
        for (QLineEdit *edit : secretEdits) {
            if (edit) {
                edit->setEnabled(false);
                edit->setPlaceholderText(tr("no keychain available"));
            }
        }
        return;
    }
    int stored = 0;
    const QList<CredentialStore::Credential> all = CredentialStore::all();
    for (int i = 0; i < all.size(); ++i) {
        bool found = false;
        const QString value = m_credentials.read(all[i], &found);
        stored += found ? 1 : 0;
        if (QLineEdit *edit = secretEdits[i]) {
            edit->setPlaceholderText(found ? tr("stored in the keychain") : QString());
            // The user name is not secret; showing it lets the user check it.
            if (all[i] == CredentialStore::Credential::KafkaUser && found)
                edit->setText(value);
        }
    }
    showResult(m_keychainState, true,
        stored == 0 ? tr("The keychain is available; nothing is stored for this project.")
                    : tr("The keychain is available; %n credential(s) stored for this project.", nullptr, stored));
    m_deleteCredentials->setEnabled(stored > 0);
}

void SettingsDialog::showResult(QLabel *label, bool ok, const QString &message)
{
    label->setProperty("ok", ok);
    label->setStyleSheet(ok ? QStringLiteral("color: #1a7f37;") : QStringLiteral("color: #cf222e;"));
    label->setText((ok ? QStringLiteral("✔ ") : QStringLiteral("✘ ")) + message);
    label->show();
}

QString SettingsDialog::passwordFor(QLineEdit *edit, CredentialStore::Credential credential) const
{
    if (!edit->text().isEmpty() || !m_keychainAvailable)
        return edit->text();
    return m_credentials.read(credential);
}

void SettingsDialog::testConnection(Service service)
{
    switch (service) {
    case Service::Postgres:
        m_postgresResult->setText(tr("Connecting…"));
        m_postgresProbe->probePostgres(
            m_postgresDsn->text(), passwordFor(m_postgresPassword, CredentialStore::Credential::PostgresPassword));
        break;
    case Service::Redis:
        m_redisResult->setText(tr("Connecting…"));
        m_redisProbe->probeRedis(
            m_redisUrl->text(), passwordFor(m_redisPassword, CredentialStore::Credential::RedisPassword));
        break;
    case Service::Kafka:
        m_kafkaResult->setText(tr("Connecting…"));
        m_kafkaProbe->probeKafka(m_kafkaBootstrap->text());
        break;
    }
}

AppSettings SettingsDialog::appSettings() const
{
    AppSettings a;
    a.language = m_language->currentData().toString();
    a.appearance = static_cast<AppSettings::Appearance>(m_appearance->currentIndex());
    a.dataFolder = m_dataFolder->text().trimmed();
    a.postgresPort = m_postgresPort->value();
    a.redisPort = m_redisPort->value();
    a.kafkaPort = m_kafkaPort->value();
    a.gatewayPort = m_gatewayPort->value();
    a.telemetrySamplingPercent = m_sampling->value();
    return a;
}

RunSettings SettingsDialog::runSettings() const
{
    if (!m_document)
        return {};
    RunSettings r;
    r.postgresDsn = m_postgresDsn->text().trimmed();
    r.redisUrl = m_redisUrl->text().trimmed();
    r.kafkaBootstrap = m_kafkaBootstrap->text().trimmed();
    r.kafkaSaslMechanism = m_kafkaMechanism->currentData().toString();
    return r;
}

bool SettingsDialog::apply(QString *error)
{
    // Run settings go into the project file, so a password typed into them is refused.
    if (m_document) {
        const QString leak = passwordInRunSettings(runSettings());
        if (!leak.isEmpty()) {
            showResult(m_message, false, leak);
            if (error)
                *error = leak;
            return false;
        }
    }
    appSettings().save(m_settings);
    m_settings.sync();
    if (m_document) {
        const RunSettings r = runSettings();
        if (!(r == m_document->topology().runSettings))
            m_document->setRunSettings(r);
    }
    QStringList failures;
    if (m_document && m_keychainAvailable) {
        const QList<QPair<QLineEdit *, CredentialStore::Credential>> secrets {
            { m_postgresPassword, CredentialStore::Credential::PostgresPassword },
            { m_redisPassword, CredentialStore::Credential::RedisPassword },
            { m_kafkaUser, CredentialStore::Credential::KafkaUser },
            { m_kafkaPassword, CredentialStore::Credential::KafkaPassword }
        };
        for (const auto &[edit, credential] : secrets) {
            QString failure;
            if (!edit->text().isEmpty() && !m_credentials.write(credential, edit->text(), &failure))
                failures << failure;
        }
    }
    if (!failures.isEmpty()) {
        failures.removeDuplicates();
        showResult(m_message, false, failures.join(QLatin1Char('\n')));
        if (error)
            *error = failures.join(QLatin1Char('\n'));
        return false;
    }
    return true;
}

bool SettingsDialog::deleteCredentials()
{
    QStringList failures;
    for (CredentialStore::Credential c : CredentialStore::all()) {
        QString failure;
        if (!m_credentials.remove(c, &failure))
            failures << failure;
    }
    for (QLineEdit *edit : { m_postgresPassword, m_redisPassword, m_kafkaUser, m_kafkaPassword }) {
        if (edit)
            edit->clear();
    }
    refreshCredentialState();
    if (!failures.isEmpty()) {
        failures.removeDuplicates();
        showResult(m_message, false, failures.join(QLatin1Char('\n')));
        return false;
    }
    showResult(m_keychainState, true, tr("Stored credentials of this project deleted."));
    return true;
}

void SettingsDialog::accept()
{
    if (apply())
        QDialog::accept();
}

} // namespace Gatehouse
