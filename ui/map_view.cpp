#include "map_view.h"

#include "plan_document.h"

#include "lfrplan/errors.h"
#include "lfrplan/scenario_io.h"

#include <nlohmann/json.hpp>

#include <QHelpEvent>
#include <QKeyEvent>
#include <QLineF>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace lfr::ui {

namespace {

constexpr double kLondonLatitude = 51.5;

QPolygonF ring(const nlohmann::json &points)
{
    QPolygonF out;
    if (!points.is_array())
        return out;
    for (const nlohmann::json &p : points)
        if (p.is_array() && p.size() >= 2 && p.front().is_number() && p.at(1).is_number())
            out << QPointF(p.front().get<double>(), p.at(1).get<double>());
    return out;
}

// Seven distinguishable colours for the days of a week.
QColor dayColour(std::size_t day)
{
    static const QColor kColours[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x2c, 0xa0, 0x2c),
                                      QColor(0xd6, 0x27, 0x28), QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                                      QColor(0xe3, 0x77, 0xc2)};
    return kColours[day % 7];
}

} // namespace

std::vector<Borough> readBoroughs(const QString &geojsonFile)
{
    const std::string where = geojsonFile.toStdString();
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(readTextFile(where));
    } catch (const nlohmann::json::exception &e) {
        throw InputError(where, std::string("not GeoJSON: ") + e.what());
    }
    const auto features = doc.is_object() ? doc.find("features") : doc.end();
    if (features == doc.end() || !features->is_array())
        throw InputError(where, "no \"features\" array");
    std::vector<Borough> out;
    for (const nlohmann::json &feature : *features) {
        if (!feature.is_object())
            continue;
        Borough b;
        const auto properties = feature.find("properties");
        if (properties != feature.end() && properties->is_object()) {
            const auto name = properties->find("name");
            if (name != properties->end() && name->is_string())
                b.name = QString::fromStdString(name->get<std::string>());
        }
        const auto geometry = feature.find("geometry");
        if (geometry == feature.end() || !geometry->is_object())
            continue;
        const auto type = geometry->find("type");
        const auto coordinates = geometry->find("coordinates");
        if (type == geometry->end() || !type->is_string() || coordinates == geometry->end() || !coordinates->is_array())
            continue;
        const std::string kind = type->get<std::string>();
        if (kind == "Polygon") {
            for (const nlohmann::json &r : *coordinates)
                b.rings.push_back(ring(r));
        } else if (kind == "MultiPolygon") {
            for (const nlohmann::json &polygon : *coordinates)
                if (polygon.is_array())
                    for (const nlohmann::json &r : polygon)
                        b.rings.push_back(ring(r));
        }
        out.push_back(std::move(b));
    }
    return out;
}

MapView::MapView(PlanDocument *document, std::vector<Borough> boroughs, QWidget *parent)
    : QWidget(parent), document_(document), boroughs_(std::move(boroughs))
{
    setObjectName(QStringLiteral("map"));
    setMinimumSize(200, 160);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Map of hotspots and deployments"));
    setToolTip(tr("Wheel or +/- zoom, drag or arrow keys pan, 0 or a double-click shows all"));
    QRectF bounds;
    auto grow = [&bounds](const QPointF &p) {
        bounds = bounds.isNull() ? QRectF(p, QSizeF(1e-9, 1e-9)) : bounds.united(QRectF(p, QSizeF(1e-9, 1e-9)));
    };
    for (const Borough &b : boroughs_)
        for (const QPolygonF &r : b.rings)
            for (const QPointF &p : r)
                grow(project(p.y(), p.x()));
    for (const Hotspot &h : document_->scenario().hotspots)
        grow(project(h.location.lat, h.location.lon));
    bounds_ = bounds;
    connect(document_, &PlanDocument::changed, this, qOverload<>(&QWidget::update));
}

void MapView::setColouring(Colouring colouring)
{
    colouring_ = colouring;
    update();
}

QPointF MapView::project(double lat, double lon) const
{
    return {lon * std::cos(kLondonLatitude * std::numbers::pi / 180.0), -lat};
}

double MapView::scale() const
{
    const QRectF area = QRectF(rect()).adjusted(10, 10, -10, -30);
    if (bounds_.isEmpty() || area.isEmpty())
        return 1.0;
    return std::min(area.width() / bounds_.width(), area.height() / bounds_.height()) * zoom_;
}

QPointF MapView::offset() const
{
    const QRectF area = QRectF(rect()).adjusted(10, 10, -10, -30);
    return area.center() - bounds_.center() * scale() + pan_;
}

void MapView::zoomBy(double factor, QPointF at)
{
    const double next = std::clamp(zoom_ * factor, 1.0, 64.0);
    if (at.isNull())
        at = QRectF(rect()).center();
    // The point under `at` stays there: offset' = at - (at - offset) * next / zoom.
    const QPointF world = (at - offset()) / scale();
    zoom_ = next;
    pan_ += at - (world * scale() + offset());
    if (zoom_ == 1.0)
        pan_ = {};
    update();
}

void MapView::resetZoom()
{
    zoom_ = 1.0;
    pan_ = {};
    update();
}

QPointF MapView::hotspotAt(std::size_t hotspot) const
{
    const Hotspot &h = document_->scenario().hotspots.at(hotspot);
    return toScreen(h.location.lat, h.location.lon);
}

void MapView::wheelEvent(QWheelEvent *event)
{
    const int steps = event->angleDelta().y() / 120;
    if (steps == 0) {
        event->ignore();
        return;
    }
    zoomBy(std::pow(1.25, steps), event->position());
    event->accept();
}

void MapView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    dragging_ = true;
    dragFrom_ = event->position().toPoint();
    setCursor(Qt::ClosedHandCursor);
}

void MapView::mouseMoveEvent(QMouseEvent *event)
{
    if (!dragging_)
        return QWidget::mouseMoveEvent(event);
    pan_ += event->position().toPoint() - dragFrom_;
    dragFrom_ = event->position().toPoint();
    update();
}

void MapView::mouseReleaseEvent(QMouseEvent *event)
{
    if (!dragging_)
        return QWidget::mouseReleaseEvent(event);
    dragging_ = false;
    unsetCursor();
}

void MapView::mouseDoubleClickEvent(QMouseEvent *) { resetZoom(); }

void MapView::keyPressEvent(QKeyEvent *event)
{
    const double step = 40.0;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_0:
        resetZoom();
        break;
    case Qt::Key_Left:
        pan_.rx() += step;
        update();
        break;
    case Qt::Key_Right:
        pan_.rx() -= step;
        update();
        break;
    case Qt::Key_Up:
        pan_.ry() += step;
        update();
        break;
    case Qt::Key_Down:
        pan_.ry() -= step;
        update();
        break;
    default:
        QWidget::keyPressEvent(event);
    }
}

bool MapView::event(QEvent *event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    const QPointF at = static_cast<QHelpEvent *>(event)->pos();
    const Scenario &sc = document_->scenario();
    for (std::size_t h = 0; h < sc.hotspots.size(); ++h)
        if (QLineF(at, hotspotAt(h)).length() <= 9.0) {
            int deployments = 0;
            for (const Deployment &d : document_->deployments())
                deployments += d.hotspot == sc.hotspots[h].id ? 1 : 0;
            QToolTip::showText(
                static_cast<QHelpEvent *>(event)->globalPos(),
                tr("%1: value %2, %n deployment(s) this week", nullptr, deployments)
                    .arg(QString::fromStdString(sc.hotspots[h].name.empty() ? sc.hotspots[h].id : sc.hotspots[h].name))
                    .arg(sc.hotspots[h].value, 0, 'f', 1),
                this);
            return true;
        }
    return QWidget::event(event); // the widget's own tooltip: how to zoom and pan
}

void MapView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), QColor(0xf7, 0xf9, 0xfb));
    if (bounds_.isEmpty())
        return;

    p.setPen(QPen(QColor(0x9e, 0xa7, 0xb3), 1.0));
    p.setBrush(QColor(0xe6, 0xea, 0xef));
    for (const Borough &b : boroughs_)
        for (const QPolygonF &r : b.rings) {
            QPolygonF screen;
            for (const QPointF &pt : r)
                screen << toScreen(pt.y(), pt.x());
            p.drawPolygon(screen);
        }

    const Scenario &sc = document_->scenario();
    double maxValue = 0.0;
    for (const Hotspot &h : sc.hotspots)
        maxValue = std::max(maxValue, h.value);
    for (const Hotspot &h : sc.hotspots) {
        const double share = maxValue > 0 ? h.value / maxValue : 0.0;
        const QPointF at = toScreen(h.location.lat, h.location.lon);
        const double radius = 3.0 + 5.0 * std::sqrt(share);
        const QColor colour = colouring_ == Colouring::ByValue
                                  ? QColor::fromHsvF(0.02f, static_cast<float>(0.2 + 0.8 * share), 0.9f)
                                  : QColor(0x60, 0x6a, 0x75);
        p.setPen(Qt::NoPen);
        p.setBrush(colour);
        p.drawEllipse(at, radius, radius);
        if (zoom_ >= 3.0) { // room for names
            p.setPen(palette().text().color());
            p.drawText(at + QPointF(radius + 3, 4), QString::fromStdString(h.name.empty() ? h.id : h.name));
        }
    }
    // Deployments: a ring per deployment, coloured by its day.
    std::map<std::string, int> ringsAt; // hotspot -> rings drawn
    for (const Deployment &d : document_->deployments()) {
        const auto h = document_->index().hotspot(d.hotspot);
        const auto t = document_->index().date(d.date);
        if (!h || !t)
            continue;
        const Hotspot &hs = sc.hotspots[*h];
        const QPointF at = toScreen(hs.location.lat, hs.location.lon);
        const int n = ringsAt[d.hotspot]++;
        const double radius = 9.0 + 4.0 * n;
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(colouring_ == Colouring::ByDay ? dayColour(static_cast<std::size_t>(weekdayIndex(d.date)))
                                                     : QColor(0x1b, 0x3a, 0x5c),
                      2.5));
        p.drawEllipse(at, radius, radius);
    }
    // Legend, on a band of its own so the map does not run under it.
    p.fillRect(QRectF(0, height() - 26, width(), 26), QColor(0xf7, 0xf9, 0xfb));
    p.setPen(palette().text().color());
    const QFontMetrics fm(font());
    int x = 10;
    const int y = height() - 10;
    if (colouring_ == Colouring::ByDay) {
        static const char *kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
        for (std::size_t d = 0; d < 7; ++d) {
            p.setPen(QPen(dayColour(d), 2.5));
            p.drawEllipse(QPointF(x + 6, y - fm.ascent() / 2.0), 5, 5);
            p.setPen(palette().text().color());
            p.drawText(x + 14, y, QString::fromLatin1(kDays[d]));
            x += 14 + fm.horizontalAdvance(QString::fromLatin1(kDays[d])) + 10;
        }
    } else {
        p.drawText(x, y, tr("Dot size and colour: hotspot value (largest %1)").arg(maxValue, 0, 'f', 0));
    }
}

} // namespace lfr::ui
