"""Multi-page PDF export of an atlas that updates only the items that change per page.

QgsLayoutExporter.exportToPdf(atlas, ...) seeks the atlas for each page,
and each seek refreshes every item of the layout, which builds expression
contexts that read the QGIS settings. Here the pages are printed onto one
QPrinter in the way the exporter prints them (QGIS 3.22
QgsLayoutExporter::exportToPdf with an iterator). For each page only the
map extent, the labels with expressions, the numeric scale and the items
of ``AtlasPages`` change.

The map extent of each page is the one QGIS's atlas gives it, worked out
from the features' bounding boxes and the predefined scales as QGIS does,
which costs no item refresh at all. Items that look the same on every page
are painted once and replayed (``FixedItems``).
"""

from __future__ import annotations

import re

from qgis.core import (
    QgsCoordinateTransform, QgsExpression, QgsExpressionContext, QgsExpressionContextScope,
    QgsExpressionContextUtils, QgsFillSymbol, QgsGeometry, QgsLayoutExporter, QgsLayoutItem,
    QgsLayoutItemLabel, QgsLayoutItemMap, QgsLayoutItemPicture, QgsLayoutItemRegistry,
    QgsLayoutRenderContext, QgsRectangle, QgsScaleCalculator, QgsVectorSimplifyMethod,
)
from qgis.PyQt.QtCore import QMarginsF, QRect, QSizeF
from qgis.PyQt.QtGui import QPageLayout, QPageSize, QPainter, QPicture
from qgis.PyQt.QtPrintSupport import QPrinter
from qgis.PyQt.QtWidgets import QGraphicsItem

from ..compat import PICTURE_SVG, RENDER_MILLIMETERS
from . import layout as layouts

# Labels whose expressions read the page's feature. The numeric scale label is set from the map scale.
PAGE_LABELS = ("wilayah", "subjudul", "judul")
SCALE_LABEL = "skala_angka"
EXPRESSION_PATTERN = re.compile(r"\[%.*?%\]", re.DOTALL)


def page_extents(layout, map_item: QgsLayoutItemMap, scales) -> list:
    """Return (feature, extent) for each atlas page, as QGIS's atlas zooms the map item.

    The features come in the atlas's order (its sort and filter), found by
    their page names, which must be unique. Each extent is worked out as
    QgsLayoutItemMap::updateAtlasFeature does in the Predefined atlas
    scaling mode. It is centred on the bounding box of the feature in the
    map's CRS, at the first of ``scales`` whose extent contains that box.
    Each page starts from the previous page's extent. The tests compare the
    result with the extents of QGIS's own atlas.
    """
    atlas = layout.atlas()
    if not atlas.updateFeatures():
        return []
    layer = atlas.coverageLayer()
    context = QgsExpressionContext()
    context.appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    name_expression = QgsExpression(atlas.pageNameExpression() or "$id")
    name_expression.prepare(context)
    features = {}
    for feature in layer.getFeatures():
        context.setFeature(feature)
        features[str(name_expression.evaluate(context))] = feature
    names = [atlas.nameForPage(page) for page in range(atlas.count())]
    if len(set(names)) != len(names):
        raise ValueError("Atlas page names are not unique, so pages cannot be matched to "
                         "features. Give the atlas a unique page name expression.")

    to_map = QgsCoordinateTransform(layer.crs(), map_item.crs(), layout.project())
    calculator = QgsScaleCalculator()
    calculator.setMapUnits(map_item.crs().mapUnits())
    calculator.setDpi(25.4)
    width = map_item.rect().width()
    extent = QgsRectangle(map_item.extent())
    pages = []
    for name in names:
        feature = features[name]
        geometry = QgsGeometry(feature.geometry())
        geometry.transform(to_map)
        bounds = geometry.boundingBox()
        centre_x, centre_y = bounds.center().x(), bounds.center().y()
        current_scale = calculator.calculate(extent, width)
        page_extent = QgsRectangle(extent)
        for scale in scales:
            ratio = scale / current_scale
            page_width, page_height = extent.width() * ratio, extent.height() * ratio
            x_min, y_min = centre_x - page_width / 2.0, centre_y - page_height / 2.0
            page_extent = QgsRectangle(x_min, y_min, x_min + page_width, y_min + page_height)
            page_extent.scale(scale / calculator.calculate(page_extent, width))
            if page_extent.width() >= bounds.width() and page_extent.height() >= bounds.height():
                break
        pages.append((feature, page_extent))
        extent = page_extent
    return pages


class PagePrinter:
    """Prints the pages of an atlas layout into one PDF file, updating the page items by hand."""

    def __init__(self, layout, settings: QgsLayoutExporter.PdfExportSettings, on_page=None,
                 fixed_items=()):
        """``on_page`` is called after each page's feature and extent are set.

        ``fixed_items`` are items that the caller does not change from page to
        page. Those that look the same on every page are painted once (see
        ``FixedItems``).
        """
        self.layout = layout
        self.settings = settings
        self.on_page = on_page
        self.fixed_items = list(fixed_items)
        self.map_item = layouts._item(layout, "peta", QgsLayoutItemMap)
        self.labels = {}
        for item_id in PAGE_LABELS:
            label = layout.itemById(item_id)
            if isinstance(label, QgsLayoutItemLabel) and EXPRESSION_PATTERN.search(label.text()):
                self.labels[item_id] = (label, label.text())
        scale_label = layout.itemById(SCALE_LABEL)
        self.scale_label = None
        if isinstance(scale_label, QgsLayoutItemLabel) and " 1 :" in scale_label.text():
            prefix = scale_label.text().split(" 1 :", 1)[0]
            self.scale_label = (scale_label, prefix + " 1 : {scale}", scale_label.text())

    def export(self, path: str, feedback=None) -> tuple:
        """Write every atlas page to ``path``; return (QgsLayoutExporter.ExportResult, error, pages)."""
        Result = QgsLayoutExporter.ExportResult
        pages = page_extents(self.layout, self.map_item, self.settings.predefinedMapScales)
        if not pages:
            return Result.IteratorError, "", 0
        context = self.layout.renderContext()
        saved = (context.dpi(), context.flags(), context.textRenderFormat(),
                 context.simplifyMethod(), context.predefinedScales())
        was_driven = self.map_item.atlasDriven()
        fixed = None
        # The map item must not follow the layout's own atlas while the pages are set by hand.
        self.map_item.setAtlasDriven(False)
        try:
            self._prepare_context()
            printer = self._printer(path)
            painter = QPainter()
            if not painter.begin(printer):
                return Result.FileError, "", 0
            exporter = QgsLayoutExporter(self.layout)
            # The first page's items, such as the scale bar of its scale, exist from here
            # on, so FixedItems sees them among the live items. The map's bounding box
            # must include its grid labels, which _set_page leaves out.
            self._set_page(*pages[0])
            self.map_item.updateBoundingRect()
            changed = {self.map_item.uuid()}
            changed.update(label.uuid() for label, _template in self.labels.values())
            if self.scale_label is not None:
                changed.add(self.scale_label[0].uuid())
            fixed = FixedItems(self.layout, [item for item in self.fixed_items
                                             if item.uuid() not in changed])
            fixed.record(exporter, printer)
            count = len(pages)
            for number, (feature, extent) in enumerate(pages):
                if feedback is not None:
                    if feedback.isCanceled():
                        painter.end()
                        return Result.Canceled, "", number
                    feedback.setProgress(100.0 * number / count)
                self._set_page(feature, extent)
                if number > 0:
                    printer.newPage()
                fixed.replay_below(painter)
                exporter.renderPage(painter, 0)
                fixed.replay_above(painter)
            painter.end()
            if feedback is not None:
                feedback.setProgress(100.0)
            return Result.Success, "", count
        finally:
            if fixed is not None:
                fixed.restore()
            for label, template in self.labels.values():
                label.setText(template)
            if self.scale_label is not None:
                self.scale_label[0].setText(self.scale_label[2])
            self.map_item.setAtlasDriven(was_driven)
            context.setDpi(saved[0])
            context.setFlags(saved[1])
            context.setTextRenderFormat(saved[2])
            context.setSimplifyMethod(saved[3])
            context.setPredefinedScales(saved[4])

    def _prepare_context(self) -> None:
        """Set the layout's render context as QgsLayoutExporter.exportToPdf does (QGIS 3.22)."""
        settings = self.settings
        context = self.layout.renderContext()
        context.setDpi(settings.dpi)
        context.setFlags(settings.flags)
        context.setPredefinedScales(list(settings.predefinedMapScales))
        if settings.simplifyGeometries:
            # The exporter's createExportSimplifyMethod: simplify below 0.1 device pixel.
            method = QgsVectorSimplifyMethod()
            method.setSimplifyHints(QgsVectorSimplifyMethod.SimplifyHint.GeometrySimplification)
            method.setForceLocalOptimization(True)
            # Snapping to a global grid leaves no gaps between neighbouring polygons.
            method.setSimplifyAlgorithm(QgsVectorSimplifyMethod.SimplifyAlgorithm.SnappedToGridGlobal)
            method.setThreshold(0.1)
            context.setSimplifyMethod(method)
        context.setFlag(QgsLayoutRenderContext.Flag.FlagUseAdvancedEffects,
                        not settings.forceVectorOutput)
        context.setFlag(QgsLayoutRenderContext.Flag.FlagForceVectorOutput,
                        settings.forceVectorOutput)
        context.setTextRenderFormat(settings.textRenderFormat)

    def _printer(self, path: str) -> QPrinter:
        """Return a PDF printer set up as QgsLayoutExporter's preparePrintAsPdf and preparePrint do."""
        printer = QPrinter()
        printer.setOutputFileName(path)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setFullPage(True)
        printer.setColorMode(QPrinter.ColorMode.Color)
        printer.setResolution(int(self.settings.dpi))
        size = self.layout.pageCollection().page(0).pageSize()
        printer.setPageLayout(QPageLayout(
            QPageSize(QSizeF(size.width(), size.height()), QPageSize.Unit.Millimeter),
            QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
        return printer

    def _set_page(self, feature, extent: QgsRectangle) -> None:
        """Show ``feature``'s page: its report context, map extent, labels and scale."""
        report = self.layout.reportContext()
        # Without signals the report context does not refresh every item;
        # AtlasPages reads the feature when the map extent changes below.
        report.blockSignals(True)
        report.setFeature(feature)
        report.blockSignals(False)
        scope = QgsExpressionContextScope()
        scope.setFeature(feature)
        scope.setFields(feature.fields())
        expression_context = QgsExpressionContext()
        expression_context.appendScope(scope)
        for label, template in self.labels.values():
            label.setText(QgsExpression.replaceExpressionText(template, expression_context))
        # With grids enabled, a new extent measures every grid label again
        # for the map's bounding box, which took about 0.6 ms per page on
        # QGIS 3.22. The export draws the labels without it.
        grids = [grid for grid in self.map_item.grids().asList() if grid.enabled()]
        for grid in grids:
            grid.setEnabled(False)
        self.map_item.setExtent(extent)
        for grid in grids:
            grid.setEnabled(True)
        if self.scale_label is not None:
            label, template, _original = self.scale_label
            scale = f"{round(self.map_item.scale()):,}".replace(",", ".")
            label.setText(template.format(scale=scale))
        if self.on_page is not None:
            # A page with the previous page's extent emits no extentChanged.
            self.on_page()


class FixedItems:
    """Pictures of the layout items that look the same on every page, painted once and replayed.

    Rendering an item took 0.1 to 0.5 ms per page on QGIS 3.22 even when
    nothing about it changed. The fixed items are painted once into two
    QPictures: one with the page and the items below every item that
    changes, one with the items above them. Each page replays the first,
    renders the changing items over a transparent page, then replays the
    second. A fixed item that cannot keep its stacking order this way stays
    live. Raster pictures stay live too, so the PDF stores each image once.
    """

    def __init__(self, layout, candidates):
        self.layout = layout
        self.page = layout.pageCollection().page(0)
        visible = [item for item in layout.items()
                   if isinstance(item, QgsLayoutItem) and item.isVisible()
                   and item.type() != QgsLayoutItemRegistry.ItemType.LayoutPage]
        visible_ids = {item.uuid() for item in visible}
        fixed = [item for item in candidates if item.uuid() in visible_ids and _looks_fixed(item)]
        fixed_ids = {item.uuid() for item in fixed}
        live = [item for item in visible if item.uuid() not in fixed_ids]
        self.below, self.above = split_fixed_items(fixed, live, is_hollow_frame)
        self.pictures = None
        self.page_symbol = None

    def record(self, exporter: QgsLayoutExporter, device) -> None:
        """Paint the fixed items for ``device`` and hide them, and the page's fill, from the live render."""
        if not self.below and not self.above:
            return
        items = [item for item in self.layout.items() if isinstance(item, QgsLayoutItem)]
        visibility = {item: item.isVisible() for item in items}
        try:
            self.pictures = (self._picture(exporter, device, items, self.below, True),
                             self._picture(exporter, device, items, self.above, False))
        finally:
            for item, visible in visibility.items():
                QGraphicsItem.setVisible(item, visible)
        for item in self.below + self.above:
            QGraphicsItem.setVisible(item, False)
        self.page_symbol = self.page.pageStyleSymbol().clone()
        self.page.setPageStyleSymbol(QgsFillSymbol.createSimple(
            {"style": "no", "outline_style": "no"}))

    def replay_below(self, painter: QPainter) -> None:
        if self.pictures is not None:
            self._replay(painter, self.pictures[0])

    def replay_above(self, painter: QPainter) -> None:
        if self.pictures is not None:
            self._replay(painter, self.pictures[1])

    def restore(self) -> None:
        """Show the fixed items and the page's fill again."""
        if self.pictures is None:
            return
        for item in self.below + self.above:
            QGraphicsItem.setVisible(item, True)
        self.page.setPageStyleSymbol(self.page_symbol)
        self.pictures = None

    def _picture(self, exporter, device, items, group, with_page: bool) -> QPicture:
        members = {item.uuid() for item in group}
        for item in items:
            if item.type() == QgsLayoutItemRegistry.ItemType.LayoutPage:
                QGraphicsItem.setVisible(item, with_page)
            else:
                QGraphicsItem.setVisible(item, item.uuid() in members)
        picture = QPicture()
        picture.setBoundingRect(QRect(0, 0, device.width(), device.height()))
        painter = QPainter(picture)
        exporter.renderPage(painter, 0)
        painter.end()
        return picture

    @staticmethod
    def _replay(painter: QPainter, picture: QPicture) -> None:
        # QPicture.play scales by the device's resolution over its own, which
        # the page's coordinates already include.
        device = painter.device()
        painter.save()
        painter.scale(picture.logicalDpiX() / device.logicalDpiX(),
                      picture.logicalDpiY() / device.logicalDpiY())
        painter.drawPicture(0, 0, picture)
        painter.restore()


def _looks_fixed(item) -> bool:
    """Tell whether ``item`` paints the same on every page unless something changes it."""
    if isinstance(item, QgsLayoutItemMap) or item.dataDefinedProperties().hasActiveProperties():
        return False
    if isinstance(item, QgsLayoutItemPicture):
        return item.mode() == PICTURE_SVG
    if isinstance(item, QgsLayoutItemLabel):
        return "[%" not in item.text() and "$CURRENT_DATE" not in item.text()
    return True


def split_fixed_items(fixed, live, is_frame=lambda item: False) -> tuple:
    """Split ``fixed`` items into those painted before and after the ``live`` items.

    An item goes before when every live item it may paint over or under is
    above it, and after when every such item is below it. An item that
    meets no live item joins the group of the highest fixed item it meets,
    or else goes before. Items in one group keep their stacking order. An
    item that fits neither group, or that comes before a fixed item it
    meets from above, is moved to ``live``, which is changed in place.
    ``is_frame(item)`` is true for items that paint only a thin rectangle
    outline, which items well inside them never meet. Returns (before, after).
    """
    fixed = sorted(fixed, key=lambda item: item.zValue())
    while True:
        before, after, moved = [], [], None
        for item in fixed:
            levels = [other.zValue() for other in live if _meet(item, other, is_frame)]
            if not levels:
                # Free of live items, it joins the group of the highest fixed item it meets.
                lower = [(other.zValue(), group is after) for group in (before, after)
                         for other in group if _meet(item, other, is_frame)]
                if lower and max(lower)[1]:
                    after.append(item)
                else:
                    before.append(item)
            elif all(level > item.zValue() for level in levels):
                before.append(item)
            elif all(level < item.zValue() for level in levels):
                after.append(item)
            else:
                moved = item
                break
        if moved is None:
            moved = next((first for first in before for second in after
                          if first.zValue() > second.zValue()
                          and _meet(first, second, is_frame)), None)
        if moved is None:
            return before, after
        fixed.remove(moved)
        live.append(moved)


# An item this far inside a frame's bounding box stays clear of its outline,
# which is_hollow_frame allows up to FRAME_MAX_STROKE_MM wide.
FRAME_CLEARANCE_MM = 1.5
FRAME_MAX_STROKE_MM = 1.0


def _meet(first, second, is_frame) -> bool:
    """Tell whether two items may paint the same spot of the page."""
    if not first.sceneBoundingRect().intersects(second.sceneBoundingRect()):
        return False
    for frame, inner in ((first, second), (second, first)):
        if is_frame(frame):
            margin = FRAME_CLEARANCE_MM
            clear = frame.sceneBoundingRect().adjusted(margin, margin, -margin, -margin)
            if clear.contains(inner.sceneBoundingRect()):
                return False
    return True


def is_hollow_frame(item) -> bool:
    """Tell whether ``item`` is a rectangle shape that paints only a thin outline in mm."""
    from qgis.core import QgsLayoutItemShape, QgsSimpleFillSymbolLayer
    from qgis.PyQt.QtCore import Qt

    if not isinstance(item, QgsLayoutItemShape) or item.hasBackground() \
            or item.shapeType() != QgsLayoutItemShape.Shape.Rectangle:
        return False
    if item.cornerRadius().length() != 0:
        return False
    layers = item.symbol().symbolLayers()
    return bool(layers) and all(
        isinstance(layer, QgsSimpleFillSymbolLayer)
        and layer.brushStyle() == Qt.BrushStyle.NoBrush
        and layer.strokeWidthUnit() == RENDER_MILLIMETERS
        and layer.strokeWidth() <= FRAME_MAX_STROKE_MM
        for layer in layers)
