// The docks that show one open document: checks, crew, authorisation, map
// and the changes since the published version on the right, staffing and the force data editors below. Made for a
// document and deleted with it (or when the document replaces its lists),
// so no view outlives what it shows. The window only places the view and
// chooses what is in front.
#pragma once

#include <QObject>
#include <QString>

class QDockWidget;
class QMainWindow;
class QTableView;

namespace lfr::ui {

class AuthorisationPanel;
class ChecksPanel;
class CrewPanel;
class DataEditor;
class MapView;
class PermissionsGate;
class PlanDocument;
class PublishPanel;
class StaffingModel;

class DocumentView : public QObject {
    Q_OBJECT
public:
    DocumentView(QMainWindow *window, PlanDocument *document, StaffingModel *staffing);
    ~DocumentView() override; // removes the docks from the window

    // Editors, panels and their actions as the role allows, and not while
    // `busy` says why (a solve runs: issue 17, finding 4, an edit made
    // meanwhile had the solve's plan applied on top of changed data).
    void applyPermissions(const PermissionsGate &gate, const QString &busy = {});
    // Brings a dock to the front: "checks", "crew", "authorisation", "map",
    // "staffing", "data", "changes" (anything else: checks).
    void raise(const QString &name);

    ChecksPanel *checks() const { return checks_; }
    CrewPanel *crew() const { return crew_; }
    AuthorisationPanel *authorisation() const { return authorisation_; }
    MapView *map() const { return map_; }
    PublishPanel *changes() const { return publish_; }
    QTableView *staffingView() const { return staffingView_; }
    DataEditor *officersEditor() const { return officersEditor_; }
    DataEditor *hotspotsEditor() const { return hotspotsEditor_; }
    DataEditor *rostersEditor() const { return rostersEditor_; }
    DataEditor *vansEditor() const { return vansEditor_; }
    // Why the map has no borough outlines, or empty.
    const QString &mapProblem() const { return mapProblem_; }

signals:
    // A deployment chosen in the checks or the changes (its number in the document).
    void deploymentActivated(int deployment);

private:
    void createChecksCrewAuthorisation();
    void createMap();
    void createStaffingAndData(StaffingModel *staffing);

    QMainWindow *window_;
    PlanDocument *document_;
    QDockWidget *checksDock_ = nullptr, *crewDock_ = nullptr, *authorisationDock_ = nullptr, *mapDock_ = nullptr,
                *staffingDock_ = nullptr, *dataDock_ = nullptr, *publishDock_ = nullptr;
    PublishPanel *publish_ = nullptr;
    ChecksPanel *checks_ = nullptr;
    CrewPanel *crew_ = nullptr;
    AuthorisationPanel *authorisation_ = nullptr;
    MapView *map_ = nullptr;
    QTableView *staffingView_ = nullptr;
    QString mapProblem_;
    DataEditor *officersEditor_ = nullptr, *teamsEditor_ = nullptr, *hotspotsEditor_ = nullptr, *vansEditor_ = nullptr,
               *rostersEditor_ = nullptr;
};

} // namespace lfr::ui
