#include "data_files.h"

#include "lfrplan/demo_database.h"
#include "lfrplan/errors.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace lfr::ui {

QString suggestedFileName(const QString &scenario, const QString &suffix)
{
    QString stem;
    bool gap = false;
    for (const QChar c : scenario) {
        const bool bad =
            c.isSpace() || c.category() == QChar::Other_Control || QStringLiteral("/\\:*?\"<>|").contains(c);
        if (bad) {
            gap = !stem.isEmpty();
            continue;
        }
        if (gap)
            stem += QLatin1Char('-');
        gap = false;
        stem += c;
    }
    while (stem.startsWith(QLatin1Char('.')) || stem.startsWith(QLatin1Char('-'))) // no hidden file, no option
        stem.remove(0, 1);
    return (stem.isEmpty() ? QStringLiteral("lfrplan") : stem) + suffix;
}

QString bundledDataFile(const QString &name)
{
    const QStringList places = {
        QCoreApplication::applicationDirPath() + QStringLiteral("/../share/lfrplan/") + name,
        QStringLiteral(LFRPLAN_SOURCE_DATA_DIR "/") + name,
        QStringLiteral(LFRPLAN_SOURCE_DATA_DIR "/sources/") + name,
    };
    for (const QString &place : places)
        if (QFileInfo::exists(place))
            return QFileInfo(place).canonicalFilePath();
    return {};
}

void createDemoDatabase(const QString &file)
{
    const QString week = bundledDataFile(QStringLiteral("demo-week.json"));
    if (week.isEmpty())
        throw InputError("demo data", "the bundled demo-week.json is missing");
    lfr::createDemoDatabase(file.toStdString(), QFileInfo(week).absolutePath().toStdString());
}

} // namespace lfr::ui
