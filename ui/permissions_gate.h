// What the connected user's role may do, applied to the window's actions
// (issue 8). Rules are registered once, beside the actions; apply() runs
// them whenever the window has enabled its actions for the document's
// state, so an action the role may not use is disabled, with the reason as
// its tooltip. The server (or the file's permissions) still refuses what
// the role may not do: this is so the app never offers it.
#pragma once

#include "lfrplan/storage.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <vector>

class QAction;

namespace lfr::ui {

class PermissionsGate {
    Q_DECLARE_TR_FUNCTIONS(PermissionsGate)
public:
    using Rule = std::function<bool(const lfr::Permissions &)>;

    const lfr::Permissions &permissions() const { return permissions_; }
    void setPermissions(const lfr::Permissions &permissions) { permissions_ = permissions; }

    // "Your database role (planner) may not <what>."
    QString deniedReason(const QString &what) const;
    // The action stays as the window enabled it when allowed, and is
    // disabled when not.
    void narrow(QAction *action, Rule allowed, const QString &what);
    // The role alone decides the action.
    void decide(QAction *action, Rule allowed, const QString &what);
    void apply() const;
    // What the role may do, in a sentence (the user label's tooltip).
    QString summary() const;

private:
    struct Gated {
        QAction *action;
        Rule allowed;
        QString what;
        bool decides;
    };
    std::vector<Gated> rules_;
    lfr::Permissions permissions_{"file owner", true, true, true, true, true, true, true};
};

} // namespace lfr::ui
