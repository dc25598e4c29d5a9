// gatehouse: the desktop workbench.
#include <QApplication>
#include <QMainWindow>
#include <cstdio>
#include <cstring>

int main(int argc, char *argv[])
{
    // Answer --version without a display (packaging checks, scripts).
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0) {
            std::printf("Gatehouse %s\n", GATEHOUSE_VERSION);
            return 0;
        }
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Gatehouse"));
    QApplication::setOrganizationName(QStringLiteral("Gatehouse"));
    QApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION));
    QMainWindow window;
    window.setWindowTitle(QStringLiteral("Gatehouse"));
    window.show();
    return app.exec();
}
