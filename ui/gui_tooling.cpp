#include "gui_tooling.h"

#include "accountability_dialogs.h"
#include "compare_dialog.h"
#include "main_window.h"
#include "plan_document.h"
#include "roster_pdf.h"
#include "solve_runner.h"

#include <QApplication>
#include <QDialog>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <memory>

namespace lfr::ui {

namespace {

// Runs `job` once the window is ready: after solving, or after `delayMs`
// (twice that without a solve) for the window to lay itself out.
int runAfter(MainWindow &window, bool solve, int delayMs, const std::function<void()> &job)
{
    if (solve) {
        QObject::connect(window.runner(), &SolveRunner::finished, &window,
                         [job, delayMs] { QTimer::singleShot(delayMs, job); });
        QTimer::singleShot(0, &window, [&window] { window.solve(); });
    } else {
        QTimer::singleShot(2 * delayMs, &window, job);
    }
    return QApplication::exec();
}

} // namespace

int runRosterPdf(MainWindow &window, const QString &pdf, bool solve)
{
    return runAfter(window, solve, 0, [&window, pdf] {
        const QString error = writeRosterPdf(*window.document(), pdf);
        std::fprintf(stderr, "%s %s%s%s\n", error.isEmpty() ? "wrote" : "could not write", qPrintable(pdf),
                     error.isEmpty() ? "" : ": ", qPrintable(error));
        QCoreApplication::exit(error.isEmpty() ? 0 : 1);
    });
}

int runScreenshot(MainWindow &window, const QString &png, const QString &view, bool solve)
{
    window.resize(1366, 768);
    window.show();
    auto grab = [&window, png, view] {
        bool ok = false;
        if (view == QLatin1String("compare")) { // the compare dialog on the open database
            auto *dialog = new CompareDialog(window.document()->location(), &window);
            if (!window.document()->deployments().empty())
                dialog->setOpenPlan(window.document()->scenario(), window.document()->deployments());
            dialog->resize(1366, 768);
            dialog->show();
            // Grabbed once compared (scenarios without a plan are solved first).
            QObject::connect(dialog, &CompareDialog::compared, dialog, [dialog, png] {
                QCoreApplication::processEvents();
                bool saved = dialog->grab().save(png);
                dialog->tabs()->setCurrentIndex(1); // and the charts, beside it
                QCoreApplication::processEvents();
                QString chart = png;
                chart.replace(QStringLiteral(".png"), QStringLiteral("-chart.png"));
                saved = saved && dialog->grab().save(chart);
                std::fprintf(stderr, "%s %s\n", saved ? "wrote" : "could not write", qPrintable(png));
                QCoreApplication::exit(saved ? 0 : 1);
            });
            if (!dialog->compareChecked())
                QCoreApplication::exit(1);
            return;
        }
        if (view == QLatin1String("transparency") || view == QLatin1String("audit")) {
            std::unique_ptr<QDialog> dialog;
            if (view == QLatin1String("transparency"))
                dialog = std::make_unique<TransparencyDialog>(window.document(), &window);
            else
                dialog = std::make_unique<AuditDialog>(window.document(), &window);
            dialog->resize(1366, 768);
            dialog->show();
            QCoreApplication::processEvents();
            ok = dialog->grab().save(png);
            std::fprintf(stderr, "%s %s\n", ok ? "wrote" : "could not write", qPrintable(png));
            QCoreApplication::exit(ok ? 0 : 1);
            return;
        }
        window.showView(view);
        QCoreApplication::processEvents();
        ok = window.grab().save(png);
        std::fprintf(stderr, "%s %s\n", ok ? "wrote" : "could not write", qPrintable(png));
        QCoreApplication::exit(ok ? 0 : 1);
    };
    return runAfter(window, solve, 100, grab);
}

} // namespace lfr::ui
