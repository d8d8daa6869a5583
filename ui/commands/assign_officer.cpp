#include "assign_officer.h"

#include "plan_document.h"

#include <QCoreApplication>

namespace lfr::ui {

namespace {
QString name(PlanDocument *document, const std::string &officer)
{
    return QString::fromStdString(document->index().officerName(officer));
}
QString where(PlanDocument *document, std::size_t deployment)
{
    return QString::fromStdString(document->index().hotspotName(document->deployments().at(deployment).hotspot));
}
} // namespace

AssignOfficer::AssignOfficer(PlanDocument *document, std::size_t deployment, std::vector<CrewAssignment> after,
                             const QString &text)
    : document_(document), deployment_(deployment), before_(document->deployments().at(deployment).crew),
      after_(std::move(after))
{
    setText(text);
}

AssignOfficer *AssignOfficer::add(PlanDocument *document, std::size_t deployment, const std::string &officer,
                                  const std::string &role)
{
    std::vector<CrewAssignment> crew = document->deployments().at(deployment).crew;
    crew.push_back({officer, role});
    return new AssignOfficer(
        document, deployment, std::move(crew),
        QCoreApplication::translate("AssignOfficer", "Add %1 as %2 at %3")
            .arg(name(document, officer), QString::fromStdString(role), where(document, deployment)));
}

AssignOfficer *AssignOfficer::swap(PlanDocument *document, std::size_t deployment, std::size_t member,
                                   const std::string &officer)
{
    std::vector<CrewAssignment> crew = document->deployments().at(deployment).crew;
    const std::string old = crew.at(member).officer;
    crew[member].officer = officer;
    return new AssignOfficer(document, deployment, std::move(crew),
                             QCoreApplication::translate("AssignOfficer", "Swap %1 for %2 at %3")
                                 .arg(name(document, old), name(document, officer), where(document, deployment)));
}

AssignOfficer *AssignOfficer::remove(PlanDocument *document, std::size_t deployment, std::size_t member)
{
    std::vector<CrewAssignment> crew = document->deployments().at(deployment).crew;
    const std::string old = crew.at(member).officer;
    crew.erase(crew.begin() + static_cast<std::ptrdiff_t>(member));
    return new AssignOfficer(document, deployment, std::move(crew),
                             QCoreApplication::translate("AssignOfficer", "Take %1 off the crew at %2")
                                 .arg(name(document, old), where(document, deployment)));
}

void AssignOfficer::redo()
{
    Deployment changed = document_->deployments().at(deployment_);
    changed.crew = after_;
    document_->replaceDeployment(deployment_, changed);
}

void AssignOfficer::undo()
{
    Deployment changed = document_->deployments().at(deployment_);
    changed.crew = before_;
    document_->replaceDeployment(deployment_, changed);
}

} // namespace lfr::ui
