#pragma once

#include "model/circuitbreakersettings.h"

#include <QGroupBox>
#include <QPointer>
#include <optional>

class QCheckBox;
class QLineEdit;
class QPushButton;

namespace Gatehouse {

class Document;

// The "Circuit breaker" group of a gateway → service edge: on/off, failures in a row that open
// it, how long it stays open, and how many trial calls decide in half-open
// (CircuitBreakerSettings; docs/gateway.md "Circuit breaker"). Each committed field is one
// Document edit (one undo step with a readable text). A value out of range is refused: the field
// shows the edge's value again and `rejected` carries the explanation.
class CircuitBreakerBox : public QGroupBox
{
    Q_OBJECT

public:
    explicit CircuitBreakerBox(Document *document, QWidget *parent = nullptr);

    void setEdge(const QString &edgeId);
    // Re-reads the edge (after a document change).
    void reload();

    QCheckBox *enabledCheck() const { return m_enabled; }
    QLineEdit *failureThresholdEdit() const { return m_failureThreshold; }
    QLineEdit *openEdit() const { return m_open; }
    QLineEdit *probesEdit() const { return m_probes; }
    QPushButton *defaultsButton() const { return m_defaults; }

    // Parsers shared by the fields; nullopt and `error` (translated) when the text is refused.
    // The open time takes milliseconds, or seconds with an "s" ("2s", "1.5 s").
    static std::optional<int> parseFailureThreshold(const QString &text, QString *error);
    static std::optional<int> parseOpenMs(const QString &text, QString *error);
    static std::optional<int> parseProbes(const QString &text, QString *error);

Q_SIGNALS:
    void rejected(const QString &message);

private:
    void commitEnabled();
    void commitField(QLineEdit *edit);
    void commitDefaults();
    void apply(const CircuitBreakerSettings &settings, const QString &undoText);
    QString edgeText() const;

    QPointer<Document> m_document;
    QString m_edgeId;
    QCheckBox *m_enabled;
    QLineEdit *m_failureThreshold;
    QLineEdit *m_open;
    QLineEdit *m_probes;
    QPushButton *m_defaults;
};

} // namespace Gatehouse
