// The map: London's borough outlines (data/sources/london-boroughs.geojson),
// every hotspot as a dot sized and coloured by its value, and the plan's
// deployments ringed, coloured by day. Drawn with QPainter in an
// equirectangular projection scaled for London's latitude.
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

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QPointF project(double lat, double lon) const;

    PlanDocument *document_;
    std::vector<Borough> boroughs_;
    Colouring colouring_ = Colouring::ByDay;
    QRectF bounds_; // projected extent of the boroughs and hotspots
};

} // namespace lfr::ui
