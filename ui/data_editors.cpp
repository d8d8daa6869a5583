#include "data_editors.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

namespace lfr::ui {

namespace {

QString text(const std::string &s) { return QString::fromStdString(s); }
QString text(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

// A whole number >= 0, or an error.
std::optional<QString> count(const QVariant &value, int &out)
{
    bool ok = false;
    const int n = value.toString().trimmed().toInt(&ok);
    if (!ok || n < 0)
        return QObject::tr("\"%1\" is not a whole number of 0 or more").arg(value.toString());
    out = n;
    return std::nullopt;
}

// Empty (none), or a whole number >= 0.
std::optional<QString> optionalCount(const QVariant &value, std::optional<int> &out)
{
    if (value.toString().trimmed().isEmpty()) {
        out.reset();
        return std::nullopt;
    }
    int n = 0;
    if (auto error = count(value, n))
        return QObject::tr("%1 (leave it empty for none)").arg(*error);
    out = n;
    return std::nullopt;
}

std::optional<QString> name(const QVariant &value, std::string &out)
{
    const QString s = value.toString().trimmed();
    if (s.isEmpty())
        return QObject::tr("a name cannot be empty");
    out = s.toStdString();
    return std::nullopt;
}

template <class Record> QVariant id(const Record &r) { return text(r.id); }

} // namespace

RecordTableModel<Officer> *makeOfficersModel(PlanDocument *document, QObject *parent)
{
    std::vector<RecordColumn<Officer>> c;
    c.push_back({QObject::tr("Id"), id<Officer>, nullptr});
    c.push_back({QObject::tr("Name"), [](const Officer &o) { return QVariant(text(o.name)); },
                 [](Officer &o, const QVariant &v, const Scenario &) { return name(v, o.name); }});
    c.push_back(
        {QObject::tr("Rank"), [](const Officer &o) { return QVariant(text(rankName(o.rank))); },
         [](Officer &o, const QVariant &v, const Scenario &) -> std::optional<QString> {
             const auto rank = parseRank(v.toString().trimmed().toStdString());
             if (!rank)
                 return QObject::tr("\"%1\" is not a rank (PC, PS, Insp, CI, Supt, CS, Cmdr)").arg(v.toString());
             o.rank = *rank;
             return std::nullopt;
         },
         [](const Scenario &) {
             std::vector<std::pair<QString, QString>> ranks;
             for (const std::string_view r : kRankNames)
                 ranks.emplace_back(text(std::string(r)), text(std::string(r)));
             return ranks;
         }});
    c.push_back({QObject::tr("Team"), [](const Officer &o) { return QVariant(text(o.team)); },
                 [](Officer &o, const QVariant &v, const Scenario &s) -> std::optional<QString> {
                     const std::string team = v.toString().trimmed().toStdString();
                     for (const Team &t : s.teams)
                         if (t.id == team) {
                             o.team = team;
                             return std::nullopt;
                         }
                     return QObject::tr("there is no team \"%1\"").arg(v.toString());
                 },
                 [](const Scenario &s) {
                     std::vector<std::pair<QString, QString>> teams;
                     for (const Team &t : s.teams)
                         teams.emplace_back(text(t.id), t.name.empty()
                                                            ? text(t.id)
                                                            : QStringLiteral("%1 (%2)").arg(text(t.name), text(t.id)));
                     return teams;
                 }});
    c.push_back({QObject::tr("Skills"),
                 [](const Officer &o) {
                     QStringList skills;
                     for (const std::string &s : o.skills)
                         skills << text(s);
                     return QVariant(skills.join(QStringLiteral(", ")));
                 },
                 [](Officer &o, const QVariant &v, const Scenario &) -> std::optional<QString> {
                     std::vector<std::string> skills;
                     for (const QString &s : v.toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
                         if (!s.trimmed().isEmpty())
                             skills.push_back(s.trimmed().toStdString());
                     o.skills = skills;
                     return std::nullopt;
                 }});
    c.push_back({QObject::tr("Max duties"),
                 [](const Officer &o) { return o.maxDuties ? QVariant(*o.maxDuties) : QVariant(QString()); },
                 [](Officer &o, const QVariant &v, const Scenario &) { return optionalCount(v, o.maxDuties); }});
    c.push_back({QObject::tr("Days on duty"),
                 [](const Officer &o) { return QVariant(static_cast<int>(o.roster.size())); }, nullptr});
    return new RecordTableModel<Officer>(document, std::move(c), QObject::tr("officer"), parent);
}

RecordTableModel<Team> *makeTeamsModel(PlanDocument *document, QObject *parent)
{
    std::vector<RecordColumn<Team>> c;
    c.push_back({QObject::tr("Id"), id<Team>, nullptr});
    c.push_back({QObject::tr("Name"), [](const Team &t) { return QVariant(text(t.name)); },
                 [](Team &t, const QVariant &v, const Scenario &) { return name(v, t.name); }});
    c.push_back({QObject::tr("Min on duty"), [](const Team &t) { return QVariant(t.minOnDuty); },
                 [](Team &t, const QVariant &v, const Scenario &) { return count(v, t.minOnDuty); }});
    c.push_back({QObject::tr("Max abstracted"),
                 [](const Team &t) { return t.maxAbstracted ? QVariant(*t.maxAbstracted) : QVariant(QString()); },
                 [](Team &t, const QVariant &v, const Scenario &) { return optionalCount(v, t.maxAbstracted); }});
    c.push_back({QObject::tr("Base"),
                 [](const Team &t) {
                     return QVariant(QStringLiteral("%1, %2").arg(t.base.lat, 0, 'f', 5).arg(t.base.lon, 0, 'f', 5));
                 },
                 nullptr});
    return new RecordTableModel<Team>(document, std::move(c), QObject::tr("team"), parent);
}

RecordTableModel<Hotspot> *makeHotspotsModel(PlanDocument *document, QObject *parent)
{
    std::vector<RecordColumn<Hotspot>> c;
    c.push_back({QObject::tr("Id"), id<Hotspot>, nullptr});
    c.push_back({QObject::tr("Name"), [](const Hotspot &h) { return QVariant(text(h.name)); },
                 [](Hotspot &h, const QVariant &v, const Scenario &) { return name(v, h.name); }});
    c.push_back({QObject::tr("Borough"), [](const Hotspot &h) { return QVariant(text(h.borough)); }, nullptr});
    c.push_back({QObject::tr("Value"), [](const Hotspot &h) { return QVariant(h.value); },
                 [](Hotspot &h, const QVariant &v, const Scenario &) -> std::optional<QString> {
                     bool ok = false;
                     const double value = v.toString().trimmed().toDouble(&ok);
                     if (!ok || !std::isfinite(value) || value <= 0)
                         return QObject::tr("\"%1\" is not a number above 0").arg(v.toString());
                     h.value = value;
                     return std::nullopt;
                 }});
    c.push_back({QObject::tr("Suggested by history"),
                 [document](const Hotspot &h) {
                     const auto &history = document->history();
                     const auto it = history.find(h.id);
                     if (it == history.end())
                         return QVariant(QObject::tr("no past deployment with a duration"));
                     const HistoryValue &v = it->second;
                     return QVariant(
                         QObject::tr("%1 (%2: %3 deployments, %4 h, %5 arrests/h)")
                             .arg(v.suggestedValue, 0, 'f', 1)
                             .arg(v.basis == "site" ? QObject::tr("at the site") : QObject::tr("in the borough"))
                             .arg(v.deployments)
                             .arg(v.hours, 0, 'f', 1)
                             .arg(v.arrestsPerHour, 0, 'f', 2));
                 },
                 nullptr});
    c.push_back({QObject::tr("Max per horizon"), [](const Hotspot &h) { return QVariant(h.maxPerHorizon); },
                 [](Hotspot &h, const QVariant &v, const Scenario &) { return count(v, h.maxPerHorizon); }});
    c.push_back({QObject::tr("Min gap (days)"), [](const Hotspot &h) { return QVariant(h.minGapDays); },
                 [](Hotspot &h, const QVariant &v, const Scenario &) { return count(v, h.minGapDays); }});
    c.push_back({QObject::tr("Repeat decay"), [](const Hotspot &h) { return QVariant(h.repeatDecay); },
                 [](Hotspot &h, const QVariant &v, const Scenario &) -> std::optional<QString> {
                     bool ok = false;
                     const double decay = v.toString().trimmed().toDouble(&ok);
                     if (!ok || !(decay >= 0.0 && decay <= 1.0))
                         return QObject::tr("\"%1\" is not a number from 0 to 1").arg(v.toString());
                     h.repeatDecay = decay;
                     return std::nullopt;
                 }});
    return new RecordTableModel<Hotspot>(document, std::move(c), QObject::tr("hotspot"), parent);
}

RecordTableModel<Van> *makeVansModel(PlanDocument *document, QObject *parent)
{
    std::vector<RecordColumn<Van>> c;
    c.push_back({QObject::tr("Id"), id<Van>, nullptr});
    c.push_back({QObject::tr("Name"), [](const Van &v) { return QVariant(text(v.name.value_or(std::string()))); },
                 [](Van &van, const QVariant &v, const Scenario &) -> std::optional<QString> {
                     const QString s = v.toString().trimmed();
                     van.name = s.isEmpty() ? std::nullopt : std::optional<std::string>(s.toStdString());
                     return std::nullopt;
                 }});
    c.push_back({QObject::tr("Max per date"), [](const Van &v) { return QVariant(v.maxPerDate); },
                 [](Van &van, const QVariant &v, const Scenario &) { return count(v, van.maxPerDate); }});
    c.push_back({QObject::tr("Unavailable"),
                 [](const Van &v) {
                     QStringList dates;
                     for (const Date d : v.unavailable)
                         dates << text(formatDate(d));
                     return QVariant(dates.join(QStringLiteral(", ")));
                 },
                 nullptr});
    return new RecordTableModel<Van>(document, std::move(c), QObject::tr("van"), parent);
}

RecordTableModel<Officer> *makeRostersModel(PlanDocument *document, QObject *parent)
{
    std::vector<RecordColumn<Officer>> c;
    c.push_back({QObject::tr("Id"), id<Officer>, nullptr});
    c.push_back({QObject::tr("Name"), [](const Officer &o) { return QVariant(text(o.name)); }, nullptr});
    c.push_back({QObject::tr("Team"), [](const Officer &o) { return QVariant(text(o.team)); }, nullptr});
    for (const Date date : document->scenario().dates) {
        c.push_back({text(formatDay(date)),
                     [date](const Officer &o) {
                         const auto it = o.roster.find(date);
                         return QVariant(it == o.roster.end() ? QString() : text(it->second));
                     },
                     [date](Officer &o, const QVariant &v, const Scenario &s) -> std::optional<QString> {
                         const std::string shift = v.toString().trimmed().toStdString();
                         if (shift.empty()) {
                             o.roster.erase(date);
                             return std::nullopt;
                         }
                         QStringList known;
                         for (const Shift &sh : s.shifts) {
                             if (sh.id == shift) {
                                 o.roster[date] = shift;
                                 return std::nullopt;
                             }
                             known << text(sh.id);
                         }
                         return QObject::tr("there is no shift \"%1\" (shifts: %2; empty: off duty)")
                             .arg(v.toString(), known.join(QStringLiteral(", ")));
                     }});
    }
    return new RecordTableModel<Officer>(document, std::move(c), QObject::tr("officer"), parent);
}

namespace {

// A cell whose column offers choices is edited with a combo box of them.
class ChoiceDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QVariantList choices = index.data(RecordTableBase::ChoicesRole).toList();
        if (choices.isEmpty())
            return QStyledItemDelegate::createEditor(parent, option, index);
        auto *box = new QComboBox(parent);
        box->setObjectName(QStringLiteral("choiceEditor"));
        for (const QVariant &choice : choices) {
            const QStringList pair = choice.toStringList();
            box->addItem(pair.value(1), pair.value(0));
        }
        return box;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        if (auto *box = qobject_cast<QComboBox *>(editor)) {
            box->setCurrentIndex(std::max(0, box->findData(index.data(Qt::EditRole).toString())));
            return;
        }
        QStyledItemDelegate::setEditorData(editor, index);
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        if (auto *box = qobject_cast<QComboBox *>(editor)) {
            model->setData(index, box->currentData(), Qt::EditRole);
            return;
        }
        QStyledItemDelegate::setModelData(editor, model, index);
    }
};

} // namespace

DataEditor::DataEditor(RecordTableBase *model, const QString &filterHint, QWidget *parent)
    : QWidget(parent), model_(model), proxy_(new QSortFilterProxyModel(this)), filter_(new QLineEdit(this)),
      view_(new QTableView(this)), message_(new QLabel(this))
{
    proxy_->setSourceModel(model_);
    proxy_->setFilterKeyColumn(-1);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    filter_->setPlaceholderText(filterHint);
    filter_->setClearButtonEnabled(true);
    connect(filter_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);
    view_->setModel(proxy_);
    view_->setItemDelegate(new ChoiceDelegate(view_));
    triggers_ = view_->editTriggers();
    view_->setSortingEnabled(true);
    view_->sortByColumn(0, Qt::AscendingOrder);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->verticalHeader()->setVisible(false);
    view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 6);
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->horizontalHeader()->setResizeContentsPrecision(200); // sample rows: 33,000 officers stay quick
    view_->resizeColumnsToContents();
    message_->setStyleSheet(QStringLiteral("color: #b71c1c"));
    message_->setWordWrap(true);
    connect(model_, &RecordTableBase::editRefused, message_, &QLabel::setText);
    connect(model_, &QAbstractItemModel::dataChanged, message_, &QLabel::clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(filter_);
    layout->addWidget(view_, 1);
    layout->addWidget(message_);
}

void DataEditor::setEditable(bool editable, const QString &reason)
{
    if (editable_ && !editable)
        triggers_ = view_->editTriggers();
    editable_ = editable;
    view_->setEditTriggers(editable ? triggers_ : QAbstractItemView::NoEditTriggers);
    view_->setToolTip(editable ? QString() : reason);
    for (QPushButton *button : {add_, delete_})
        if (button) {
            button->setEnabled(editable);
            button->setToolTip(editable ? QString() : reason);
        }
}

void DataEditor::offerAddAndDelete(const QString &addText, const QString &deleteText, std::function<RecordChange()> add,
                                   std::function<RecordChange(int)> remove)
{
    add_ = new QPushButton(addText, this);
    delete_ = new QPushButton(deleteText, this);
    add_->setObjectName(QStringLiteral("addRecord"));
    delete_->setObjectName(QStringLiteral("deleteRecord"));
    auto *row = new QHBoxLayout;
    row->addWidget(add_);
    row->addWidget(delete_);
    row->addStretch(1);
    static_cast<QVBoxLayout *>(layout())->insertLayout(2, row);
    connect(add_, &QPushButton::clicked, this, [this, add = std::move(add)] {
        const RecordChange change = add();
        message_->setText(change.error.value_or(QString()));
        if (change.row >= 0) { // the new record picked, ready to fill in
            const QModelIndex at = proxy_->mapFromSource(model_->index(change.row, 1));
            view_->setCurrentIndex(at);
            view_->scrollTo(at);
            view_->setFocus();
        }
    });
    connect(delete_, &QPushButton::clicked, this, [this, remove = std::move(remove)] {
        const QModelIndex current = proxy_->mapToSource(view_->currentIndex());
        message_->setText(remove(current.isValid() ? current.row() : -1).error.value_or(QString()));
    });
}

int DataEditor::currentRow() const
{
    const QModelIndex current = proxy_->mapToSource(view_->currentIndex());
    return current.isValid() ? current.row() : -1;
}

void DataEditor::setRowActions(QList<QAction *> actions)
{
    rowActions_ = std::move(actions);
    view_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view_, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        // From the mouse, the row under it; from the menu key, the current
        // one (a scroll area gives `pos` in its viewport's coordinates).
        QModelIndex at = view_->indexAt(pos);
        const QPoint where = at.isValid() ? pos : view_->visualRect(view_->currentIndex()).center();
        if (!at.isValid())
            at = view_->currentIndex();
        if (!at.isValid())
            return;
        view_->setCurrentIndex(at);
        auto *menu = new QMenu(this);
        menu->setObjectName(QStringLiteral("rowMenu"));
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->setToolTipsVisible(true);
        for (QAction *action : rowActions_) {
            if (action)
                menu->addAction(action);
            else
                menu->addSeparator();
        }
        menu->popup(view_->viewport()->mapToGlobal(where));
    });
}

} // namespace lfr::ui
