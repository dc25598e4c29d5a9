#pragma once

#include <QPointer>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace Gatehouse {

class Document;

// Edits one node: name, role (services), port, description; for databases the database name
// and the owning service (its `owns` edge). Each committed field is one Document edit, so one
// undo step; the form re-reads the node when the Document reports a change to it.
class NodeForm : public QWidget
{
    Q_OBJECT

public:
    explicit NodeForm(Document *document, QWidget *parent = nullptr);

    void setNode(const QString &nodeId);
    QString nodeId() const { return m_nodeId; }
    void reload();

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *roleCombo() const { return m_role; }
    QSpinBox *portSpin() const { return m_port; }
    QPlainTextEdit *descriptionEdit() const { return m_description; }
    QLineEdit *databaseEdit() const { return m_database; }
    QComboBox *ownerCombo() const { return m_owner; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void commitName();
    void commitRole();
    void commitPort();
    void commitDescription();
    void commitDatabase();
    void commitOwner();
    QStringList ownsEdgeIds() const;

    QPointer<Document> m_document;
    QString m_nodeId;
    QFormLayout *m_layout = nullptr;
    QLabel *m_kind = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_role = nullptr;
    QSpinBox *m_port = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QLineEdit *m_database = nullptr;
    QComboBox *m_owner = nullptr;
};

} // namespace Gatehouse
