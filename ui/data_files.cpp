#include "data_files.h"

#include "lfrplan/errors.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/storage.h"

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

std::string baselineName(const std::string &week) { return week + " (old baseline: 4 on 2 days)"; }

void createDemoDatabase(const QString &file)
{
    if (QFileInfo::exists(file))
        throw StorageError(file.toStdString() + " already exists");
    const QString week = bundledDataFile(QStringLiteral("demo-week.json"));
    const QString carnival = bundledDataFile(QStringLiteral("demo-carnival.json"));
    if (week.isEmpty() || carnival.isEmpty())
        throw InputError("demo data", "the bundled demo-week.json or demo-carnival.json is missing");
    const Scenario newPolicy = readScenarioFile(week.toStdString());
    Scenario baseline = newPolicy;
    baseline.name = baselineName(newPolicy.name);
    baseline.policy.maxDeployments = 4;
    baseline.policy.maxDays = 2;
    auto store = openStorage(file.toStdString(), OpenMode::CreateIfMissing);
    store->importScenario(newPolicy, ImportMode::FailIfExists);
    store->importScenario(baseline, ImportMode::FailIfExists);
    store->importScenario(readScenarioFile(carnival.toStdString()), ImportMode::FailIfExists);
}

} // namespace lfr::ui
