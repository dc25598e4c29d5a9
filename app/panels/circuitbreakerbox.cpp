#include "circuitbreakerbox.h"

#include "document/document.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QVBoxLayout>
#include <cmath>

namespace Gatehouse {

namespace {

using S = CircuitBreakerSettings;

std::optional<int> wholeNumber(const QString &text, int minimum, int maximum)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok || value < minimum || value > maximum)
        return std::nullopt;
    return value;
}

} // namespace

CircuitBreakerBox::CircuitBreakerBox(Document *document, QWidget *parent)
    : QGroupBox(tr("Circuit breaker"), parent)
    , m_document(document)
    , m_enabled(new QCheckBox(tr("Use a circuit breaker for this service"), this))
    , m_failureThreshold(new QLineEdit(this))
    , m_open(new QLineEdit(this))
    , m_probes(new QLineEdit(this))
    , m_defaults(new QPushButton(tr("Reset to Defaults"), this))
{
    setObjectName(QStringLiteral("circuitBreaker"));
    m_enabled->setObjectName(QStringLiteral("circuitBreakerEnabled"));
    m_failureThreshold->setObjectName(QStringLiteral("circuitBreakerFailureThreshold"));
    m_open->setObjectName(QStringLiteral("circuitBreakerOpenMs"));
    m_probes->setObjectName(QStringLiteral("circuitBreakerProbes"));
    m_failureThreshold->setPlaceholderText(QString::number(S::DefaultFailureThreshold));
    m_open->setPlaceholderText(QString::number(S::DefaultOpenMs));
    m_probes->setPlaceholderText(QString::number(S::DefaultHalfOpenProbes));
    m_failureThreshold->setToolTip(tr("Failed calls in a row (connection error, timeout or 5xx) that open the circuit."));
    m_open->setToolTip(tr("How long the gateway answers at once with the route's fallback or 503 before it tries "
                          "the service again. Milliseconds, or seconds with \"s\"."));
    m_probes->setToolTip(tr("Trial calls let through after the open time. That many successes close the circuit; "
                            "a failure opens it again."));

    auto *hint = new QLabel(tr("While the circuit is open, requests get the route's fallback or 503 at once."), this);
    hint->setWordWrap(true);

    // The word-wrapping line stays outside the form (Qt 6.4 QFormLayout::heightForWidth bug).
    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Failure &threshold:"), m_failureThreshold);
    form->addRow(tr("&Open time (ms):"), m_open);
    form->addRow(tr("Half-open &probes:"), m_probes);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_defaults);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_enabled);
    layout->addWidget(hint);
    layout->addLayout(form);
    layout->addLayout(buttons);

    connect(m_enabled, &QCheckBox::clicked, this, &CircuitBreakerBox::commitEnabled);
    for (QLineEdit *edit : { m_failureThreshold, m_open, m_probes })
        connect(edit, &QLineEdit::editingFinished, this, [this, edit] { commitField(edit); });
    connect(m_defaults, &QPushButton::clicked, this, &CircuitBreakerBox::commitDefaults);
}

std::optional<int> CircuitBreakerBox::parseFailureThreshold(const QString &text, QString *error)
{
    if (const auto value = wholeNumber(text, S::MinFailureThreshold, S::MaxFailureThreshold))
        return value;
    if (error) {
        *error = tr("The failure threshold is the number of failed calls in a row that open the circuit: a whole "
                    "number from %1 to %2.")
                     .arg(S::MinFailureThreshold)
                     .arg(S::MaxFailureThreshold);
    }
    return std::nullopt;
}

std::optional<int> CircuitBreakerBox::parseOpenMs(const QString &text, QString *error)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d+(?:\\.\\d+)?)\\s*(ms|s)?$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (match.hasMatch()) {
        const bool seconds = match.captured(2).compare(QLatin1String("s"), Qt::CaseInsensitive) == 0;
        const double ms = match.captured(1).toDouble() * (seconds ? 1000.0 : 1.0);
        if (ms == std::floor(ms) && ms >= S::MinOpenMs && ms <= S::MaxOpenMs)
            return static_cast<int>(ms);
    }
    if (error) {
        *error = tr("The open time is how long calls are refused before a trial call: %1 to %2 milliseconds "
                    "(or seconds with \"s\", e.g. 30s).")
                     .arg(S::MinOpenMs)
                     .arg(S::MaxOpenMs);
    }
    return std::nullopt;
}

std::optional<int> CircuitBreakerBox::parseProbes(const QString &text, QString *error)
{
    if (const auto value = wholeNumber(text, S::MinHalfOpenProbes, S::MaxHalfOpenProbes))
        return value;
    if (error) {
        *error = tr("The half-open probes are the trial calls after the open time: a whole number from %1 to %2.")
                     .arg(S::MinHalfOpenProbes)
                     .arg(S::MaxHalfOpenProbes);
    }
    return std::nullopt;
}

void CircuitBreakerBox::setEdge(const QString &edgeId)
{
    m_edgeId = edgeId;
    reload();
}

void CircuitBreakerBox::reload()
{
    const Edge *edge = m_document ? m_document->edge(m_edgeId) : nullptr;
    if (!edge)
        return;
    const CircuitBreakerSettings &s = edge->circuitBreaker;
    const QSignalBlocker b1(m_enabled), b2(m_failureThreshold), b3(m_open), b4(m_probes);
    m_enabled->setChecked(s.enabled);
    m_failureThreshold->setText(QString::number(s.failureThreshold));
    m_open->setText(QString::number(s.openMs));
    m_probes->setText(QString::number(s.halfOpenProbes));
    for (QLineEdit *edit : { m_failureThreshold, m_open, m_probes })
        edit->setEnabled(s.enabled);
    m_defaults->setEnabled(!s.isDefault());
}

QString CircuitBreakerBox::edgeText() const
{
    const Edge *edge = m_document ? m_document->edge(m_edgeId) : nullptr;
    if (!edge)
        return m_edgeId;
    const Node *from = m_document->node(edge->source);
    const Node *to = m_document->node(edge->target);
    return QStringLiteral("%1 → %2").arg(from ? from->name : edge->source, to ? to->name : edge->target);
}

void CircuitBreakerBox::apply(const CircuitBreakerSettings &settings, const QString &undoText)
{
    const Edge *edge = m_document ? m_document->edge(m_edgeId) : nullptr;
    if (!edge || edge->circuitBreaker == settings)
        return;
    Q_EMIT rejected(QString()); // a valid edit clears an earlier explanation
    m_document->editEdges({ m_edgeId }, [&](Edge &e) { e.circuitBreaker = settings; }, undoText);
}

void CircuitBreakerBox::commitEnabled()
{
    const Edge *edge = m_document ? m_document->edge(m_edgeId) : nullptr;
    if (!edge)
        return;
    CircuitBreakerSettings settings = edge->circuitBreaker;
    settings.enabled = m_enabled->isChecked();
    apply(settings,
        settings.enabled ? tr("Turn on circuit breaker of %1").arg(edgeText())
                         : tr("Turn off circuit breaker of %1").arg(edgeText()));
}

void CircuitBreakerBox::commitField(QLineEdit *edit)
{
    const Edge *edge = m_document ? m_document->edge(m_edgeId) : nullptr;
    if (!edge)
        return;
    CircuitBreakerSettings settings = edge->circuitBreaker;
    QString error;
    QString undoText;
    std::optional<int> value;
    if (edit == m_failureThreshold) {
        value = parseFailureThreshold(edit->text(), &error);
        if (value) {
            settings.failureThreshold = *value;
            undoText = tr("Circuit breaker of %1: failure threshold %2").arg(edgeText()).arg(*value);
        }
    } else if (edit == m_open) {
        value = parseOpenMs(edit->text(), &error);
        if (value) {
            settings.openMs = *value;
            undoText = tr("Circuit breaker of %1: open time %2 ms").arg(edgeText()).arg(*value);
        }
    } else {
        value = parseProbes(edit->text(), &error);
        if (value) {
            settings.halfOpenProbes = *value;
            undoText = tr("Circuit breaker of %1: half-open probes %2").arg(edgeText()).arg(*value);
        }
    }
    if (!value) {
        Q_EMIT rejected(error);
        reload(); // the field shows what the edge holds
        return;
    }
    apply(settings, undoText);
    reload(); // "2s" shows as 2000
}

void CircuitBreakerBox::commitDefaults()
{
    apply(CircuitBreakerSettings {}, tr("Reset circuit breaker of %1").arg(edgeText()));
}

} // namespace Gatehouse
