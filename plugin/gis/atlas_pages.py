"""Per-page work of an atlas export, done with cheap layout items instead of map layers.

QGIS refreshes and renders every item of the layout on each atlas page, and
each refresh builds expression contexts, which read the QGIS settings. For
the export only, ``AtlasPages`` makes the layout cheaper to repeat:

- The locator's grey regions are the same on every page. They are rendered
  once to a PNG shown by a picture item, which the PDF stores once. The
  page's region is a red polygon item with a red dot, moved on each page.
- The black outline of the page's region on the main map is drawn by
  polyline items in page coordinates instead of a filtered map layer.
- The grid spacing is set from Python, and only when the page's scale
  changes, instead of by data-defined expressions.
- Each map scale gets its own copy of the scale bar, fitted once and
  unlinked from the map. A page shows the copy of its scale.
- The graticule labels read the page's bounds in degrees from a variable
  set once per page, instead of transforming the extent for every label.
- Hidden items are removed. Undo commands are blocked, so showing and
  hiding items stores no XML.
- The legend is unlinked from the main map, so a new extent does not make
  it rebuild its model and size. Its symbols have no size in map units.

The layout opened in the designer keeps the live map layers and
expressions, so it still follows the atlas preview.
"""

from __future__ import annotations

import os
import shutil
import tempfile

from qgis.core import (
    QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsExpressionContextUtils,
    QgsFeatureRequest, QgsFillSymbol,
    QgsLayoutItemMap, QgsLayoutItemPicture, QgsLayoutItemPolygon, QgsLayoutItemPolyline,
    QgsLayoutItemScaleBar, QgsLayoutItemShape, QgsLayoutObject, QgsLayoutPoint, QgsLayoutSize,
    QgsLineSymbol, QgsMapRendererCustomPainterJob, QgsProject, QgsProperty, QgsReadWriteContext,
    QgsRectangle, QgsWkbTypes,
)
from qgis.PyQt.QtCore import QPointF, Qt, QUuid
from qgis.PyQt.QtGui import QColor, QImage, QPainter, QPolygonF
from qgis.PyQt.QtWidgets import QGraphicsItem
from qgis.PyQt.QtXml import QDomDocument

from . import layout as layouts

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
# The locator's grey regions are rendered once at this resolution.
LOCATOR_IMAGE_DPI = 300
FOCUS_OUTLINE_MM = 0.5
# Layer names set by atlas.context_layer, highlight_layer, focus_layer and region_layer.
CONTEXT_LAYER = "lokasi"
HIGHLIGHT_LAYER = "lokasi_wilayah"
FOCUS_LAYER = "fokus"
# The graticule's label expression works out the map's bounds in degrees
# again for every label. During the export it reads them from a variable of
# the map item, set once per page as WKT because item variables keep no geometry.
PAGE_BOUNDS_EXPRESSION = "bounds(transform(@map_extent, @map_crs, 'EPSG:4326'))"
PAGE_BOUNDS_VARIABLE = "dtks_page_bounds"


class AtlasPages:
    """Sets up the cheap page items of an atlas layout and updates them on each page.

    Use as a context manager around the export. ``dot_mm`` is the diameter
    of the locator's red dot.
    """

    def __init__(self, layout, layers, dot_mm: float):
        self.layout = layout
        self.layers = {layer.name(): layer for layer in layers}
        self.dot_mm = dot_mm
        self.map_item = layouts._item(layout, "peta", QgsLayoutItemMap)
        self.scale_bar = layouts._item(layout, "skala_batang", QgsLayoutItemScaleBar)
        self.grids = [grid for grid in self.map_item.grids().asList()
                      if grid.name() in (layouts.GRATICULE_NAME, layouts.ZEBRA_NAME)]
        self.folder = tempfile.mkdtemp(prefix="dtks_atlas_")
        self.locator = None
        # One fitted copy of the scale bar per map scale, unlinked from the map.
        self.scale_bars = {}
        self.shown_bar = None
        self.grid_interval = None
        self.outlines = []
        self.rings = {}
        # (feature id, extent) of the last update, which the printer and extentChanged both call.
        self.updated_page = None
        self.legend = layout.itemById("legenda")
        self.to_map = QgsCoordinateTransform(WGS84, self.map_item.crs(), QgsProject.instance())
        # (grid, template expression) of the grids whose labels read the page's bounds.
        self.label_expressions = []
        self.saved_variables = dict(zip(
            self.map_item.customProperty("variableNames") or [],
            self.map_item.customProperty("variableValues") or []))
        self.map_variables = dict(self.saved_variables)

    def __enter__(self):
        # Showing and hiding items would otherwise store each item's XML for undo on every page.
        self.undo_blocked = self.layout.undoStack().isBlocked()
        self.layout.undoStack().blockCommands(True)
        self._drop_hidden_items()
        self._set_up_locator()
        self._set_up_focus()
        for grid in self.grids:
            for key in (QgsLayoutObject.DataDefinedProperty.MapGridIntervalX,
                        QgsLayoutObject.DataDefinedProperty.MapGridIntervalY):
                grid.dataDefinedProperties().setProperty(key, QgsProperty())
            expression = grid.annotationExpression()
            if PAGE_BOUNDS_EXPRESSION in expression:
                self.label_expressions.append((grid, expression))
                grid.setAnnotationExpression(
                    expression.replace(PAGE_BOUNDS_EXPRESSION, f"geom_from_wkt(@{PAGE_BOUNDS_VARIABLE})"))
        if self.legend is not None:
            self.legend.setLinkedMap(None)
        # A scale bar linked to the map refits itself on every new extent.
        self.scale_bar.setLinkedMap(None)
        self.scale_bar.setVisibility(False)
        self.map_item.extentChanged.connect(self.update)
        self.layout.atlas().featureChanged.connect(self.update)
        return self

    def __exit__(self, *_exception):
        self.map_item.extentChanged.disconnect(self.update)
        self.layout.atlas().featureChanged.disconnect(self.update)
        if self.legend is not None:
            self.legend.setLinkedMap(self.map_item)
        for grid, expression in self.label_expressions:
            grid.setAnnotationExpression(expression)
        if self.label_expressions:
            QgsExpressionContextUtils.setLayoutItemVariables(self.map_item, self.saved_variables)
        for bar in self.scale_bars.values():
            self.layout.removeLayoutItem(bar)
        self.scale_bar.setLinkedMap(self.map_item)
        self.scale_bar.setVisibility(True)
        self.layout.undoStack().blockCommands(self.undo_blocked)
        shutil.rmtree(self.folder, ignore_errors=True)
        return False

    # --- static items --------------------------------------------------------------

    def _drop_hidden_items(self) -> None:
        """Remove hidden items, such as unused logos, which QGIS still refreshes on each page."""
        from qgis.core import QgsLayoutItem, QgsLayoutItemRegistry

        for item in list(self.layout.items()):
            if isinstance(item, QgsLayoutItem) and not item.isVisible() \
                    and item.type() != QgsLayoutItemRegistry.ItemType.LayoutPage:
                self.layout.removeLayoutItem(item)

    def fixed_items(self) -> list:
        """Return the layout items that the page updates leave alone."""
        from qgis.core import QgsLayoutItem

        moved = [self.scale_bar, *self.scale_bars.values(), *self.outlines]
        if self.locator is not None:
            moved += [self.locator_picture, self.locator[0], self.locator[1]]
        moved_ids = {item.uuid() for item in moved}
        return [item for item in self.layout.items()
                if isinstance(item, QgsLayoutItem) and item.uuid() not in moved_ids]

    # --- each page -------------------------------------------------------------------

    def update(self, *_args) -> None:
        """Move the page items to the current atlas feature and map extent."""
        feature = self.layout.reportContext().feature()
        code = feature.attribute("kode")
        if not isinstance(code, str):
            return
        page = (feature.id(), QgsRectangle(self.map_item.extent()))
        if page == self.updated_page:
            return
        self.updated_page = page
        self._update_grid()
        self._show_scale_bar(round(self.map_item.scale()))
        self._update_locator(code)
        self._update_focus(code)

    def _update_grid(self) -> None:
        bounds = layouts.degree_bounds(self.map_item, QgsProject.instance())
        if self.label_expressions:
            # setLayoutItemVariable would append the name again on every page.
            self.map_variables[PAGE_BOUNDS_VARIABLE] = bounds.asWktPolygon()
            QgsExpressionContextUtils.setLayoutItemVariables(self.map_item, self.map_variables)
        interval = layouts.intervals_for_bounds(bounds)
        if interval == self.grid_interval:
            return
        self.grid_interval = interval
        for grid in self.grids:
            minutes = interval[0] if grid.name() == layouts.GRATICULE_NAME else interval[1]
            grid.setIntervalX(minutes / 60.0)
            grid.setIntervalY(minutes / 60.0)

    def _show_scale_bar(self, scale: int) -> None:
        """Show the scale bar of ``scale``, fitting a copy of the template's bar the first time.

        Fitting a scale bar took about 1 ms per page on QGIS 3.22, and most
        pages share their scale with an earlier page. The copy is fitted to
        the current extent, then unlinked, so it keeps its segments.
        """
        bar = self.scale_bars.get(scale)
        if bar is None:
            bar = _copy_item(self.scale_bar, QgsLayoutItemScaleBar(self.layout))
            bar.setLinkedMap(self.map_item)
            layouts.fit_scale_bar(bar, scale, self.layout)
            bar.setLinkedMap(None)
            self.scale_bars[scale] = bar
        if bar is self.shown_bar:
            return
        if self.shown_bar is not None:
            _show(self.shown_bar, False)
        _show(bar, True)
        self.shown_bar = bar

    # --- locator ---------------------------------------------------------------------

    def _set_up_locator(self) -> None:
        locator = self.layout.itemById("peta_lokasi")
        context = self.layers.get(CONTEXT_LAYER)
        highlight = self.layers.get(HIGHLIGHT_LAYER)
        if not isinstance(locator, QgsLayoutItemMap) or context is None or highlight is None:
            return
        picture = QgsLayoutItemPicture(self.layout)
        self.layout.addLayoutItem(picture)
        picture.attemptMove(locator.positionWithUnits())
        picture.attemptResize(locator.sizeWithUnits())
        picture.setResizeMode(QgsLayoutItemPicture.ResizeMode.Stretch)
        picture.setPicturePath(self._render_locator(locator, context))
        picture.setFrameEnabled(locator.frameEnabled())
        picture.setFrameStrokeColor(locator.frameStrokeColor())
        picture.setFrameStrokeWidth(locator.frameStrokeWidth())
        picture.setZValue(locator.zValue())

        area = QgsLayoutItemPolygon(QPolygonF(), self.layout)
        area.setSymbol(QgsFillSymbol.createSimple({"color": layouts.LOCATOR_HIGHLIGHT,
                                                   "outline_style": "no"}))
        self.layout.addLayoutItem(area)
        area.setZValue(locator.zValue() + 1)
        dot = QgsLayoutItemShape(self.layout)
        dot.setShapeType(QgsLayoutItemShape.Shape.Ellipse)
        dot.setSymbol(QgsFillSymbol.createSimple({
            "color": layouts.LOCATOR_HIGHLIGHT, "outline_color": "#ffffff",
            "outline_width": "0.2", "outline_width_unit": "MM"}))
        self.layout.addLayoutItem(dot)
        dot.attemptResize(QgsLayoutSize(self.dot_mm, self.dot_mm, layouts.MILLIMETERS))
        dot.setZValue(locator.zValue() + 2)

        origin = locator.pos()
        places = {}
        for feature in highlight.getFeatures(QgsFeatureRequest()):
            geometry = feature.geometry()
            geometry.transform(QgsCoordinateTransform(highlight.crs(), locator.crs(),
                                                      QgsProject.instance()))
            centre = geometry.pointOnSurface().asPoint()
            places[feature["kode"]] = (
                _bridged_polygon([_to_page(locator, origin, ring)
                                  for ring in _rings(geometry)]),
                _to_page(locator, origin, [centre])[0])
        self.locator = (area, dot, places)
        self.locator_picture = picture
        self.layout.removeLayoutItem(locator)

    def _render_locator(self, locator: QgsLayoutItemMap, context) -> str:
        """Render the locator's grey regions once to a PNG; return its path."""
        size = locator.rect().size()
        width = round(size.width() / 25.4 * LOCATOR_IMAGE_DPI)
        height = round(size.height() / 25.4 * LOCATOR_IMAGE_DPI)
        settings = locator.mapSettings(locator.extent(), size * LOCATOR_IMAGE_DPI / 25.4,
                                       LOCATOR_IMAGE_DPI, True)
        settings.setLayers([context])
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDotsPerMeterX(round(LOCATOR_IMAGE_DPI / 0.0254))
        image.setDotsPerMeterY(round(LOCATOR_IMAGE_DPI / 0.0254))
        image.fill(locator.backgroundColor() if locator.hasBackground()
                   else QColor(Qt.GlobalColor.transparent))
        painter = QPainter(image)
        job = QgsMapRendererCustomPainterJob(settings, painter)
        job.renderSynchronously()
        painter.end()
        path = os.path.join(self.folder, "lokasi.png")
        image.save(path, "PNG")
        return path

    def _update_locator(self, code: str) -> None:
        if self.locator is None:
            return
        area, dot, places = self.locator
        nodes, centre = places.get(code, (QPolygonF(), None))
        _set_nodes(area, nodes)
        _show(dot, centre is not None)
        if centre is not None:
            dot.attemptMove(QgsLayoutPoint(centre.x() - self.dot_mm / 2.0,
                                           centre.y() - self.dot_mm / 2.0, layouts.MILLIMETERS))

    # --- outline of the page's region ----------------------------------------------

    def _set_up_focus(self) -> None:
        focus = self.layers.get(FOCUS_LAYER)
        if focus is None:
            return
        self.map_item.setLayers([layer for layer in self.map_item.layers()
                                 if layer.name() != FOCUS_LAYER])
        for feature in focus.getFeatures(QgsFeatureRequest()):
            geometry = feature.geometry()
            geometry.transform(self.to_map)
            self.rings[feature["kode"]] = _rings(geometry)

    def _update_focus(self, code: str) -> None:
        if not self.rings:
            return
        rings = self.rings.get(code, [])
        while len(self.outlines) < len(rings):
            self.outlines.append(self._outline_item())
        origin = self.map_item.pos()
        for number, outline in enumerate(self.outlines):
            if number < len(rings):
                _set_nodes(outline, QPolygonF(_to_page(self.map_item, origin, rings[number])))
                _show(outline, True)
            else:
                _show(outline, False)

    def _outline_item(self) -> QgsLayoutItemPolyline:
        outline = QgsLayoutItemPolyline(QPolygonF(), self.layout)
        outline.setSymbol(QgsLineSymbol.createSimple({
            "line_color": "#000000", "line_width": str(FOCUS_OUTLINE_MM),
            "line_width_unit": "MM", "joinstyle": "round"}))
        self.layout.addLayoutItem(outline)
        outline.setZValue(self.map_item.zValue() + 0.5)
        return outline


def _show(item, visible: bool) -> None:
    """Show or hide a layout item for the next page.

    QgsLayoutItem.setVisibility also updates the layout's item model, which
    took about 0.3 ms per call on QGIS 3.22, so the export sets the graphics item's own
    flag, which is all that rendering reads.
    """
    QGraphicsItem.setVisible(item, visible)


def _copy_item(item, copy):
    """Give ``copy``, a new item of ``item``'s class, all of ``item``'s properties; add it to the layout."""
    document = QDomDocument()
    parent = document.createElement("copy")
    context = QgsReadWriteContext()
    item.writeXml(parent, document, context)
    element = parent.firstChildElement()
    # A copy needs an identity of its own.
    element.setAttribute("uuid", QUuid.createUuid().toString())
    element.setAttribute("id", "")
    copy.readXml(element, document, context)
    item.layout().addLayoutItem(copy)
    return copy


def _set_nodes(item, nodes: QPolygonF) -> None:
    """Give a polygon or polyline item nodes in layout coordinates.

    QgsLayoutNodesItem.setNodes reads the nodes relative to the item's
    current position (QGIS 3.22), so they are shifted by it first.
    """
    position = item.pos()
    item.setNodes(nodes.translated(-position.x(), -position.y()))


def _rings(geometry) -> list:
    """Return the rings of a (multi)polygon as lists of QgsPointXY."""
    rings = []
    polygons = (geometry.asMultiPolygon() if QgsWkbTypes.isMultiType(geometry.wkbType())
                else [geometry.asPolygon()])
    for polygon in polygons:
        rings.extend(polygon)
    return rings


def _to_page(map_item: QgsLayoutItemMap, origin, points) -> list:
    """Return map coordinates as layout points in mm, for an unrotated map item."""
    return [map_item.mapToItemCoords(QPointF(point.x(), point.y())) + origin
            for point in points]


def _bridged_polygon(rings) -> QPolygonF:
    """Join rings into one polygon whose odd-even fill is their union minus holes.

    Each ring is closed, and the line from one ring's start to the next is
    walked back at the end, so the joins enclose no area. The polygon item
    must be drawn without an outline, which would show the joins.
    """
    nodes = []
    for ring in rings:
        nodes.extend(ring)
        nodes.append(ring[0])
    for ring in reversed(rings[1:-1]):
        nodes.append(ring[0])
    return QPolygonF(nodes)
