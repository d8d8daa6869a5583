#include "data_files.h"

#include "lfrplan/demo_database.h"
#include "lfrplan/errors.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace lfr::ui {

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
