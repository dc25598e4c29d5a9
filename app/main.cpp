// gatehouse: the desktop workbench.
#include <QApplication>
#include <QMainWindow>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Gatehouse"));
    QApplication::setOrganizationName(QStringLiteral("Gatehouse"));
    QApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION));
    QMainWindow window;
    window.setWindowTitle(QStringLiteral("Gatehouse"));
    window.show();
    return app.exec();
}
