#include "permissions_gate.h"

#include <QAction>
#include <QStringList>

namespace lfr::ui {

QString PermissionsGate::deniedReason(const QString &what) const
{
    return tr("Your database role (%1) may not %2.").arg(QString::fromStdString(permissions_.role), what);
}

void PermissionsGate::narrow(QAction *action, Rule allowed, const QString &what)
{
    rules_.push_back({action, std::move(allowed), what, false});
}

void PermissionsGate::decide(QAction *action, Rule allowed, const QString &what)
{
    rules_.push_back({action, std::move(allowed), what, true});
}

void PermissionsGate::apply() const
{
    for (const Gated &rule : rules_) {
        const bool allowed = rule.allowed(permissions_);
        if (rule.decides)
            rule.action->setEnabled(allowed);
        else if (!allowed)
            rule.action->setEnabled(false);
        const QString reason = allowed ? QString() : deniedReason(rule.what);
        rule.action->setToolTip(reason); // empty: the action's text
        rule.action->setStatusTip(reason);
    }
}

QString PermissionsGate::summary() const
{
    const lfr::Permissions &p = permissions_;
    QStringList may;
    const auto add = [&may](bool allowed, const QString &what) {
        if (allowed)
            may << what;
    };
    add(p.editData, tr("edit data and scenarios"));
    add(p.editPlans, tr("save plans"));
    add(p.draftAuthorisations, tr("draft authorisations"));
    add(p.authorise, tr("authorise"));
    add(p.changeSettings, tr("change the safeguard settings"));
    add(p.readAuditTrail, tr("read the audit trail"));
    return tr("Your role may: %1").arg(may.isEmpty() ? tr("read only") : may.join(QStringLiteral(", ")));
}

} // namespace lfr::ui
