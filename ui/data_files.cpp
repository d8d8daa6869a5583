#include "data_files.h"

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

} // namespace lfr::ui
