#pragma once

#include "model/topology.h"
#include "settings/appsettings.h"
#include "settings/credentialstore.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QSpinBox;

namespace Gatehouse {

class ConnectionProbe;
class Document;

// Settings…: app-wide preferences (QSettings: language, appearance, data folder, default
// ports, telemetry sampling) and the open project's external PostgreSQL / Redis / Kafka
// (the Document's RunSettings, changed as one undoable command) with their credentials (OS
// keychain only, through CredentialStore). "Test Connection" really connects, off the UI
// thread, and shows the result inline. Nothing is written until apply() (OK).
// `document` may be null (no project tab then); `settings` must outlive the dialog.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(
        Document *document, QSettings &settings, const CredentialStore &credentials, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // What the controls hold now.
    AppSettings appSettings() const;
    RunSettings runSettings() const;

    // Writes everything: QSettings, one setRunSettings() on the document when the run settings
    // changed, typed passwords into the keychain. False with a message shown (and `error` set)
    // when a credential could not be stored; the rest is written anyway.
    bool apply(QString *error = nullptr);
    // Deletes this project's stored credentials; false (message shown) when the keychain fails.
    bool deleteCredentials();

    void accept() override;

private:
    enum class Service { Postgres, Redis, Kafka };
    QWidget *createGeneralPage();
    QWidget *createProjectPage();
    QWidget *createCredentialsPage();
    void load();
    void refreshCredentialState();
    void testConnection(Service service);
    void showResult(QLabel *label, bool ok, const QString &message);
    QString passwordFor(QLineEdit *edit, CredentialStore::Credential credential) const;

    QPointer<Document> m_document;
    QSettings &m_settings;
    CredentialStore m_credentials;
    bool m_keychainAvailable = false;

    QComboBox *m_language = nullptr;
    QComboBox *m_appearance = nullptr;
    QLineEdit *m_dataFolder = nullptr;
    QSpinBox *m_postgresPort = nullptr;
    QSpinBox *m_redisPort = nullptr;
    QSpinBox *m_kafkaPort = nullptr;
    QSpinBox *m_gatewayPort = nullptr;
    QSpinBox *m_sampling = nullptr;

    QLineEdit *m_postgresDsn = nullptr;
    QLineEdit *m_postgresPassword = nullptr;
    QLineEdit *m_redisUrl = nullptr;
    QLineEdit *m_redisPassword = nullptr;
    QLineEdit *m_kafkaBootstrap = nullptr;
    QComboBox *m_kafkaMechanism = nullptr;
    QLineEdit *m_kafkaUser = nullptr;
    QLineEdit *m_kafkaPassword = nullptr;
    QLabel *m_postgresResult = nullptr;
    QLabel *m_redisResult = nullptr;
    QLabel *m_kafkaResult = nullptr;
    ConnectionProbe *m_postgresProbe = nullptr;
    ConnectionProbe *m_redisProbe = nullptr;
    ConnectionProbe *m_kafkaProbe = nullptr;

    QLabel *m_keychainState = nullptr;
    QPushButton *m_deleteCredentials = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace Gatehouse
