// The map: London's borough outlines (data/sources/london-boroughs.geojson),
// every hotspot as a dot sized and coloured by its value, and the plan's
// deployments ringed, coloured by day. Drawn with QPainter in an
// equirectangular projection scaled for London's latitude. The wheel or
// +/- zoom about the mouse (or the centre), a drag or the arrow keys pan,
// 0 or a double-click shows all of London again (issue 17, finding 15:
// central London's hotspots crowded together); zoomed in, hotspots are
// named, and a hotspot's tooltip names it and its value.
#pragma once

#include <QPainterPath>
#include <QWidget>

#include <vector>

namespace lfr::ui {

class PlanDocument;

// Borough outlines in degrees (x = lon, y = lat); throws lfr::InputError
// naming the file and fault when the GeoJSON cannot be read.
struct Borough {
    QString name;
    std::vector<QPolygonF> rings;
};
std::vector<Borough> readBoroughs(const QString &geojsonFile);

class MapView : public QWidget {
    Q_OBJECT
public:
    enum class Colouring { ByValue, ByDay };
    MapView(PlanDocument *document, std::vector<Borough> boroughs, QWidget *parent = nullptr);
    void setColouring(Colouring colouring);
    QSize sizeHint() const override { return {520, 420}; }

    double zoom() const { return zoom_; }
    // Zooms by `factor` keeping the point `at` (widget coordinates; the
    // centre when null) where it is.
    void zoomBy(double factor, QPointF at = {});
    void zoomIn() { zoomBy(1.5); }
    void zoomOut() { zoomBy(1.0 / 1.5); }
    void resetZoom();
    // Where a hotspot is drawn now (widget coordinates).
    QPointF hotspotAt(std::size_t hotspot) const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    QPointF project(double lat, double lon) const;
    // The projection's scale and offset for the widget's size, zoom and pan.
    double scale() const;
    QPointF offset() const;
    QPointF toScreen(double lat, double lon) const { return project(lat, lon) * scale() + offset(); }

    double zoom_ = 1.0;
    QPointF pan_;     // widget pixels, added to the centred offset
    QPoint dragFrom_; // where a pan by mouse started
    bool dragging_ = false;

    PlanDocument *document_;
    std::vector<Borough> boroughs_;
    Colouring colouring_ = Colouring::ByDay;
    QRectF bounds_; // projected extent of the boroughs and hotspots
};

} // namespace lfr::ui
