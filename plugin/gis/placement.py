"""Point-in-polygon tests against villages and points placed inside villages."""

from qgis.core import (
    QgsCoordinateTransformContext, QgsDistanceArea, QgsFeature, QgsGeometry, QgsPointXY,
    QgsRectangle,
    QgsSpatialIndex,
)

from .boundaries import WGS84


def _halton(index: int, base: int) -> float:
    result, fraction = 0.0, 1.0
    while index > 0:
        fraction /= base
        result += fraction * (index % base)
        index //= base
    return result


# Halton pairs (base 2, base 3) by index, shared by all villages.
_HALTON_PAIRS = []


class VillageLocator:
    """Spatial lookups on a VillageLayer: which villages contain a point."""

    # Halton points tried per placed point before falling back to pointOnSurface.
    MAX_TRIES = 400

    def __init__(self, village_layer):
        self.geometries = village_layer.geometries
        self.codes = list(self.geometries)
        # Village numbers of the grid: 1-based positions in codes.
        self._numbers = {code: number for number, code in enumerate(self.codes, start=1)}
        self.index = QgsSpatialIndex()
        for number, code in enumerate(self.codes):
            feature = QgsFeature(number)
            feature.setGeometry(self.geometries[code])
            self.index.addFeature(feature)
        self._engines = {}
        # None until built, False when numpy is missing.
        self._grid = None
        self._placed = {}
        self._next_halton = {}
        self._distance = QgsDistanceArea()
        self._distance.setSourceCrs(WGS84, QgsCoordinateTransformContext())
        self._distance.setEllipsoid("WGS84")

    def _engine(self, code):
        engine = self._engines.get(code)
        if engine is None:
            engine = QgsGeometry.createGeometryEngine(self.geometries[code].constGet())
            engine.prepareGeometry()
            self._engines[code] = engine
        return engine

    def containing(self, lon: float, lat: float) -> list:
        """Return the codes of every village containing the point."""
        point = QgsGeometry.fromPointXY(QgsPointXY(lon, lat))
        rectangle = QgsRectangle(lon, lat, lon, lat)
        found = []
        for number in self.index.intersects(rectangle):
            code = self.codes[number]
            if self._engine(code).intersects(point.constGet()):
                found.append(code)
        return sorted(found)

    def containing_all(self, points, feedback=None) -> list:
        """Return, for each (lon, lat) or None in ``points``, the sorted codes containing it.

        A point on the border shared by two villages is in both. Callers
        take the first code, so the choice is the same on every run.
        ``feedback`` may cancel, and the list is then shorter than ``points``.
        Points share their result lists, so callers must not modify them.
        The results equal those of ``containing()``: a VillageGrid looks up
        the points in cells that no border crosses, and GEOS tests the others.
        """
        grid = self._village_grid(len(points))
        if grid is None:
            return self._containing_each(points, feedback)
        result = []
        total = max(len(points), 1)
        empty = []
        singles = [[code] for code in self.codes]
        for start in range(0, len(points), self.BATCH):
            if feedback is not None:
                if feedback.isCanceled():
                    break
                feedback.setProgress(100.0 * start / total)
            batch = points[start:start + self.BATCH]
            for point, cell in zip(batch, grid.lookup(batch)):
                if cell > 0:
                    result.append(singles[cell - 1])
                elif cell == 0:
                    result.append(empty)
                else:
                    result.append(self.containing(*point))
        return result

    # Points looked up in the grid at a time, between feedback checks.
    BATCH = 50000

    def _village_grid(self, point_count: int = 0):
        """Return the VillageGrid of the villages, built on first use; None without numpy.

        The grid gets about CELLS_PER_POINT cells per point to look up, within
        the bounds below: building a finer grid costs more than the GEOS
        tests it saves on few points.
        """
        if self._grid is None:
            try:
                from .village_grid import VillageGrid
            except ImportError:
                self._grid = False
            else:
                cells = min(max(point_count * self.CELLS_PER_POINT, self.MIN_GRID_CELLS),
                            VillageGrid.MAX_CELLS)
                self._grid = VillageGrid([self.geometries[code] for code in self.codes], cells)
        return self._grid or None

    CELLS_PER_POINT = 16
    MIN_GRID_CELLS = 250_000

    def _containing_each(self, points, feedback=None) -> list:
        """Return containing() of each point, one GEOS query per point."""
        result = []
        total = max(len(points), 1)
        for number, point in enumerate(points):
            if feedback is not None and number % 5000 == 0:
                if feedback.isCanceled():
                    break
                feedback.setProgress(100.0 * number / total)
            result.append(self.containing(*point) if point is not None else [])
        return result

    def distance_m(self, code: str, lon: float, lat: float) -> float:
        """Return the ellipsoidal distance in metres from a point to a village."""
        point = QgsGeometry.fromPointXY(QgsPointXY(lon, lat))
        line = self.geometries[code].shortestLine(point)
        return round(self._distance.measureLength(line), 1)

    def place(self, code: str, ordinal: int):
        """Return (lon, lat) of the ordinal-th spread point inside a village.

        Points come from a Halton sequence over the village's bounding box,
        kept only when inside the polygon, so recipients of one village are
        spread out and a re-run puts each ordinal at the same place.
        """
        points = self._placed.setdefault(code, [])
        if len(points) > ordinal:
            return points[ordinal]
        geometry = self.geometries[code]
        box = geometry.boundingBox()
        engine = self._engine(code)
        # A grid built for containing_all() settles most candidates without
        # GEOS: a cell that no border crosses is wholly inside or outside.
        grid = self._grid or None
        number = self._numbers.get(code)
        tries = 0
        while len(points) <= ordinal and tries < self.MAX_TRIES:
            halton = self._next_halton.get(code, 1)
            self._next_halton[code] = halton + 1
            while len(_HALTON_PAIRS) <= halton:
                _HALTON_PAIRS.append((_halton(len(_HALTON_PAIRS), 2),
                                      _halton(len(_HALTON_PAIRS), 3)))
            x = box.xMinimum() + _HALTON_PAIRS[halton][0] * box.width()
            y = box.yMinimum() + _HALTON_PAIRS[halton][1] * box.height()
            cell = grid.cell_at(x, y) if grid is not None else None
            if cell is None or cell < 0:
                # Keep the QgsGeometry alive while the engine reads its constGet().
                candidate = QgsGeometry.fromPointXY(QgsPointXY(x, y))
                inside = engine.contains(candidate.constGet())
            else:
                inside = cell == number
            if inside:
                points.append((x, y))
                tries = 0
            else:
                tries += 1
        if len(points) > ordinal:
            return points[ordinal]
        surface = geometry.pointOnSurface().asPoint()
        return surface.x(), surface.y()

