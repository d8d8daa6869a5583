#include "document_view.h"

#include "authorisation_panel.h"
#include "checks_panel.h"
#include "crew_panel.h"
#include "data_editors.h"
#include "data_files.h"
#include "map_view.h"
#include "permissions_gate.h"
#include "publish_panel.h"
#include "staffing_model.h"

#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLineEdit>
#include <QMainWindow>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <exception>

namespace lfr::ui {

namespace {

QDockWidget *dock(QMainWindow *window, const QString &title, const char *name)
{
    auto *d = new QDockWidget(title, window);
    d->setObjectName(QLatin1String(name));
    return d;
}

} // namespace

DocumentView::DocumentView(QMainWindow *window, PlanDocument *document, StaffingModel *staffing)
    : QObject(window), window_(window), document_(document)
{
    createChecksCrewAuthorisation();
    createMap();
    publishDock_ = dock(window_, tr("Changes"), "publishDock"); // since the published version: the panel says which
    publish_ = new PublishPanel(document_, publishDock_);
    publishDock_->setWidget(publish_);
    window_->addDockWidget(Qt::RightDockWidgetArea, publishDock_);
    window_->tabifyDockWidget(checksDock_, publishDock_);
    connect(publish_, &PublishPanel::deploymentActivated, this, &DocumentView::deploymentActivated);
    checksDock_->raise();
    createStaffingAndData(staffing);
    window_->resizeDocks({checksDock_}, {380}, Qt::Horizontal);
    window_->resizeDocks({staffingDock_}, {200}, Qt::Vertical);
    window_->restoreState(QSettings().value(QStringLiteral("window/state")).toByteArray());
}

DocumentView::~DocumentView()
{
    delete checksDock_;
    delete staffingDock_;
    delete crewDock_;
    delete authorisationDock_;
    delete dataDock_;
    delete mapDock_;
    delete publishDock_;
}

void DocumentView::createChecksCrewAuthorisation()
{
    checksDock_ = dock(window_, tr("Checks"), "checksDock");
    checks_ = new ChecksPanel(document_, checksDock_);
    checksDock_->setWidget(checks_);
    window_->addDockWidget(Qt::RightDockWidgetArea, checksDock_);
    connect(checks_, &ChecksPanel::deploymentActivated, this, &DocumentView::deploymentActivated);

    crewDock_ = dock(window_, tr("Crew"), "crewDock");
    crew_ = new CrewPanel(document_, crewDock_);
    crewDock_->setWidget(crew_);
    window_->addDockWidget(Qt::RightDockWidgetArea, crewDock_);
    window_->tabifyDockWidget(checksDock_, crewDock_);

    authorisationDock_ = dock(window_, tr("Authorisation"), "authorisationDock");
    authorisation_ = new AuthorisationPanel(document_, authorisationDock_);
    authorisationDock_->setWidget(authorisation_);
    window_->addDockWidget(Qt::RightDockWidgetArea, authorisationDock_);
    window_->tabifyDockWidget(checksDock_, authorisationDock_);
}

void DocumentView::createMap()
{
    mapDock_ = dock(window_, tr("Map"), "mapDock");
    auto *mapPane = new QWidget(mapDock_);
    auto *mapLayout = new QVBoxLayout(mapPane);
    mapLayout->setContentsMargins(2, 2, 2, 2);
    auto *colouring = new QComboBox(mapPane);
    colouring->addItems({tr("Deployments by day"), tr("Hotspots by value")});
    mapLayout->addWidget(colouring);
    std::vector<Borough> boroughs;
    const QString geojson = bundledDataFile(QStringLiteral("london-boroughs.geojson"));
    try {
        if (!geojson.isEmpty())
            boroughs = readBoroughs(geojson);
    } catch (const std::exception &e) {
        mapProblem_ = tr("Map without borough outlines: %1").arg(QString::fromStdString(e.what()));
    }
    map_ = new MapView(document_, std::move(boroughs), mapPane);
    mapLayout->addWidget(map_, 1);
    connect(colouring, &QComboBox::currentIndexChanged, map_,
            [this](int i) { map_->setColouring(i == 0 ? MapView::Colouring::ByDay : MapView::Colouring::ByValue); });
    mapDock_->setWidget(mapPane);
    window_->addDockWidget(Qt::RightDockWidgetArea, mapDock_);
    window_->tabifyDockWidget(checksDock_, mapDock_);
}

void DocumentView::createStaffingAndData(StaffingModel *staffing)
{
    staffingDock_ = dock(window_, tr("Staffing"), "staffingDock");
    staffingView_ = new QTableView(staffingDock_);
    staffingView_->setAccessibleName(tr("Staffing: officers each team gives to crews, by date, against what it may "
                                        "release"));
    staffingView_->setObjectName(QStringLiteral("staffing"));
    staffingView_->setModel(staffing);
    staffingView_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    // A 28-day horizon scrolls rather than cut its cells to "0 o…" (issue 17, finding 11).
    staffingView_->horizontalHeader()->setMinimumSectionSize(
        staffingView_->fontMetrics().horizontalAdvance(QStringLiteral("Mon 2026-12-07")) + 16);
    staffingView_->verticalHeader()->setDefaultSectionSize(staffingView_->fontMetrics().height() + 6);
    staffingDock_->setWidget(staffingView_);
    window_->addDockWidget(Qt::BottomDockWidgetArea, staffingDock_);

    dataDock_ = dock(window_, tr("Force data"), "dataDock");
    auto *tabs = new QTabWidget(dataDock_);
    officersEditor_ =
        new DataEditor(makeOfficersModel(document_, tabs), tr("Filter officers: name, id, rank, team, skill…"), tabs);
    teamsEditor_ = new DataEditor(makeTeamsModel(document_, tabs), tr("Filter teams…"), tabs);
    hotspotsEditor_ = new DataEditor(makeHotspotsModel(document_, tabs), tr("Filter hotspots…"), tabs);
    vansEditor_ = new DataEditor(makeVansModel(document_, tabs), tr("Filter vans…"), tabs);
    rostersEditor_ =
        new DataEditor(makeRostersModel(document_, tabs), tr("Filter rosters: officer, team, shift…"), tabs);
    const std::pair<DataEditor *, QString> named[] = {{officersEditor_, tr("Officers")},
                                                      {teamsEditor_, tr("Teams")},
                                                      {hotspotsEditor_, tr("Hotspots")},
                                                      {vansEditor_, tr("Vans")},
                                                      {rostersEditor_, tr("Rosters")}};
    for (const auto &[editor, title] : named) {
        editor->view()->setAccessibleName(title);
        editor->filter()->setAccessibleName(tr("Filter %1").arg(title.toLower()));
    }
    PlanDocument *doc = document_;
    officersEditor_->offerAddAndDelete(
        tr("Add officer…"), tr("Delete officer"), [doc, this] { return addOfficer(doc, window_); },
        [doc](int row) { return deleteOfficer(doc, row); });
    vansEditor_->offerAddAndDelete(
        tr("Add van…"), tr("Delete van"), [doc, this] { return addVan(doc, window_); },
        [doc](int row) { return deleteVan(doc, row); });
    tabs->addTab(officersEditor_, tr("Officers"));
    tabs->addTab(teamsEditor_, tr("Teams"));
    tabs->addTab(hotspotsEditor_, tr("Hotspots"));
    tabs->addTab(vansEditor_, tr("Vans"));
    tabs->addTab(rostersEditor_, tr("Rosters"));
    dataDock_->setWidget(tabs);
    window_->addDockWidget(Qt::BottomDockWidgetArea, dataDock_);
    window_->tabifyDockWidget(staffingDock_, dataDock_);
    staffingDock_->raise();
}

void DocumentView::applyPermissions(const PermissionsGate &gate, const QString &busy)
{
    const Permissions &p = gate.permissions();
    const bool free = busy.isEmpty();
    const QString dataReason = !p.editData ? gate.deniedReason(tr("change the force data")) : busy;
    for (DataEditor *editor : {officersEditor_, teamsEditor_, hotspotsEditor_, vansEditor_, rostersEditor_})
        editor->setEditable(p.editData && free, dataReason);
    authorisation_->setPermissions(p.draftAuthorisations, p.authorise,
                                   gate.deniedReason(tr("draft or change authorisation records")),
                                   gate.deniedReason(tr("authorise, mark deployed, close or cancel deployments")));
    crew_->setEditable(p.editPlans && free, !p.editPlans ? gate.deniedReason(tr("change crews")) : busy);
}

void DocumentView::raise(const QString &name)
{
    if (name == QLatin1String("crew")) {
        crewDock_->raise();
    } else if (name == QLatin1String("authorisation")) {
        authorisationDock_->raise();
    } else if (name == QLatin1String("map")) {
        mapDock_->raise();
    } else if (name == QLatin1String("data")) {
        dataDock_->raise();
        window_->resizeDocks({dataDock_}, {window_->height() / 2}, Qt::Vertical);
    } else if (name == QLatin1String("changes")) {
        publishDock_->raise();
    } else if (name == QLatin1String("staffing")) {
        staffingDock_->raise();
    } else {
        checksDock_->raise();
    }
}

} // namespace lfr::ui
