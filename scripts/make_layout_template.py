"""Generate resources/layouts/peta_a4_lanskap.qpt, the A4 landscape map template.

Run from the repository root with QGIS's Python:

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_layout_template.py

plugin/gis/layout.py loads the template and fills the items by their ids, so
keep the ids below in step with that module. Positions are in millimetres on
a 297 x 210 mm page. The map on the left leaves about 5 mm on each side for
the zebra frame and the coordinate annotations. The panel on the right holds,
from top to bottom: title, legend, north arrow and scale, sources and date.
"""

import os
import sys
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsBasicNumericFormat,
    QgsCoordinateReferenceSystem,
    QgsFillSymbol,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemMapGrid,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLegendStyle,
    QgsLineSymbol,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsScaleBarSettings,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

TEMPLATE_PATH = Path(__file__).resolve().parents[1] / "resources" / "layouts" / "peta_a4_lanskap.qpt"

FONT_FAMILY = "DejaVu Sans"
TEXT_COLOR = QColor("#1a1a1a")
MM = QgsUnitTypes.LayoutUnit.LayoutMillimeters

TITLE = "Peta Sebaran Penerima Bantuan Sosial"
LEGEND_TITLE = "Jumlah penerima per desa"
SOURCE_TEXT = "Sumber: DTKS Kemensos; batas wilayah BIG / kode wilayah Kemendagri"

# Page frame and the two main blocks (x, y, width, height in mm).
FRAME = (5.0, 5.0, 287.0, 200.0)
MAP = (13.0, 12.0, 195.0, 186.0)
PANEL_X = 216.0
PANEL_WIDTH = 70.0
PANEL_TOP = 12.0
PANEL_BOTTOM = MAP[1] + MAP[3]
# Heights of the panel sections. The info section takes the rest.
TITLE_HEIGHT = 42.0
LEGEND_HEIGHT = 62.0
SCALE_HEIGHT = 58.0
PADDING = 3.5

# Numeric scale, formatted with "." between thousands whatever the locale,
# e.g. "Skala 1 : 250.000". It follows the map item "peta" when the map is
# edited in the layout designer.
SCALE_TEXT = (
    "Skala 1 : [% regexp_replace(to_string(round(map_get(item_variables('peta'), 'map_scale'))), "
    "'(\\\\d)(?=(\\\\d{3})+$)', '\\\\1.') %]"
)

# Names of the map grids; layout.py finds them by these names.
GRATICULE_NAME = "Garis koordinat"
ZEBRA_NAME = "Bingkai zebra"
ZEBRA_WIDTH = 1.2

# Grid annotation in degrees and minutes with Indonesian hemisphere letters:
# BT/BB (bujur timur/barat) and LU/LS (lintang utara/selatan).
DEGREES_MINUTES_TEXT = (
    "with_variable('total_minutes', round(abs(@grid_number) * 60), "
    "to_string(floor(@total_minutes / 60)) || '°' || lpad(to_string(@total_minutes % 60), 2, '0') || '′' || "
    "CASE WHEN @total_minutes = 0 THEN '' "
    "WHEN @grid_axis = 'x' THEN CASE WHEN @grid_number < 0 THEN ' BB' ELSE ' BT' END "
    "ELSE CASE WHEN @grid_number < 0 THEN ' LS' ELSE ' LU' END END)"
)
# An annotation centred on a line this close to a map corner, as a fraction
# of the map's width or height, would stick out past the corner, so it is
# left out. 3.5 % of the 186 mm map height is 6.5 mm, a little more than half
# the length of "103°45′ BT" in 6 pt (about 11 mm on the rendered PDF).
CORNER_GAP = 0.035
NEAR_CORNER_TEST = (
    "with_variable('bounds', bounds(transform(@map_extent, @map_crs, 'EPSG:4326')), "
    "CASE WHEN @grid_axis = 'x' THEN "
    f"min(abs(@grid_number - x_min(@bounds)), abs(x_max(@bounds) - @grid_number)) "
    f"< {CORNER_GAP} * (x_max(@bounds) - x_min(@bounds)) "
    "ELSE "
    f"min(abs(@grid_number - y_min(@bounds)), abs(y_max(@bounds) - @grid_number)) "
    f"< {CORNER_GAP} * (y_max(@bounds) - y_min(@bounds)) END)"
)
GRID_ANNOTATION_EXPRESSION = f"CASE WHEN {NEAR_CORNER_TEST} THEN '' ELSE {DEGREES_MINUTES_TEXT} END"


def make_font(size_pt: float, bold: bool = False) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(size_pt)
    font.setBold(bold)
    return font


def make_text_format(size_pt: float, bold: bool = False) -> QgsTextFormat:
    text_format = QgsTextFormat()
    text_format.setFont(make_font(size_pt, bold))
    text_format.setSize(size_pt)
    text_format.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
    text_format.setColor(TEXT_COLOR)
    return text_format


def place(item, x: float, y: float, width: float, height: float) -> None:
    item.attemptMove(QgsLayoutPoint(x, y, MM))
    item.attemptResize(QgsLayoutSize(width, height, MM))


def add_rectangle(layout, item_id: str, rect: tuple, stroke_mm: float) -> QgsLayoutItemShape:
    shape = QgsLayoutItemShape(layout)
    shape.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
    shape.setSymbol(QgsFillSymbol.createSimple({
        "style": "no",
        "outline_color": "#000000",
        "outline_width": str(stroke_mm),
        "outline_width_unit": "MM",
        "joinstyle": "miter",
    }))
    layout.addLayoutItem(shape)
    shape.setId(item_id)
    place(shape, *rect)
    return shape


def add_label(layout, item_id: str, text: str, rect: tuple, size_pt: float,
              bold: bool = False, align=Qt.AlignmentFlag.AlignLeft,
              valign=Qt.AlignmentFlag.AlignTop) -> QgsLayoutItemLabel:
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    if hasattr(label, "setTextFormat"):  # QGIS 3.24 and later
        label.setTextFormat(make_text_format(size_pt, bold))
    else:
        label.setFont(make_font(size_pt, bold))
        label.setFontColor(TEXT_COLOR)
    label.setHAlign(align)
    label.setVAlign(valign)
    label.setMarginX(0.0)
    label.setMarginY(0.0)
    layout.addLayoutItem(label)
    label.setId(item_id)
    place(label, *rect)
    return label


def add_map(layout) -> QgsLayoutItemMap:
    map_item = QgsLayoutItemMap(layout)
    map_item.setFrameEnabled(True)
    map_item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3, MM))
    map_item.setBackgroundColor(QColor("#ffffff"))
    layout.addLayoutItem(map_item)
    map_item.setId("peta")
    place(map_item, *MAP)
    map_item.setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    # A placeholder over Indonesia with the item's aspect ratio; layout.py
    # replaces it with the mapped region.
    # setExtent keeps the item's size only for an extent of the same ratio.
    half_width = 17.0 * MAP[2] / MAP[3] / 2.0
    map_item.setExtent(QgsRectangle(118.0 - half_width, -11.0, 118.0 + half_width, 6.0))
    map_item.grids().addGrid(make_zebra_frame(map_item))
    map_item.grids().addGrid(make_graticule(map_item))
    return map_item


def make_graticule(map_item: QgsLayoutItemMap) -> QgsLayoutItemMapGrid:
    """Build the dashed latitude/longitude lines and their annotations.

    layout.py sets the interval per map. The annotations sit outside the zebra
    frame of the other grid, so their distance includes that frame's width.
    """
    grid = QgsLayoutItemMapGrid(GRATICULE_NAME, map_item)
    grid.setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    grid.setUnits(QgsLayoutItemMapGrid.GridUnit.MapUnit)
    grid.setIntervalX(0.25)
    grid.setIntervalY(0.25)
    grid.setStyle(QgsLayoutItemMapGrid.GridStyle.Solid)
    grid.setLineSymbol(QgsLineSymbol.createSimple({
        "color": "#8c8c8c", "width": "0.08", "width_unit": "MM",
        "use_custom_dash": "1", "customdash": "1;1", "customdash_unit": "MM",
    }))
    grid.setFrameStyle(QgsLayoutItemMapGrid.FrameStyle.NoFrame)

    grid.setAnnotationEnabled(True)
    grid.setAnnotationFormat(QgsLayoutItemMapGrid.AnnotationFormat.CustomFormat)
    grid.setAnnotationExpression(GRID_ANNOTATION_EXPRESSION)
    grid.setAnnotationTextFormat(make_text_format(6.0))
    grid.setAnnotationFrameDistance(ZEBRA_WIDTH + 0.8)
    border = QgsLayoutItemMapGrid.BorderSide
    position = QgsLayoutItemMapGrid.AnnotationPosition.OutsideMapFrame
    display = QgsLayoutItemMapGrid.DisplayMode
    direction = QgsLayoutItemMapGrid.AnnotationDirection
    for side in (border.Left, border.Right, border.Top, border.Bottom):
        grid.setAnnotationPosition(position, side)
    grid.setAnnotationDisplay(display.LatitudeOnly, border.Left)
    grid.setAnnotationDisplay(display.LatitudeOnly, border.Right)
    grid.setAnnotationDisplay(display.LongitudeOnly, border.Top)
    grid.setAnnotationDisplay(display.LongitudeOnly, border.Bottom)
    grid.setAnnotationDirection(direction.Vertical, border.Left)
    grid.setAnnotationDirection(direction.VerticalDescending, border.Right)
    grid.setAnnotationDirection(direction.Horizontal, border.Top)
    grid.setAnnotationDirection(direction.Horizontal, border.Bottom)
    return grid


def make_zebra_frame(map_item: QgsLayoutItemMap) -> QgsLayoutItemMapGrid:
    """Build the black-and-white frame, on a finer interval than the graticule lines."""
    grid = QgsLayoutItemMapGrid(ZEBRA_NAME, map_item)
    grid.setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    grid.setUnits(QgsLayoutItemMapGrid.GridUnit.MapUnit)
    grid.setIntervalX(0.05)
    grid.setIntervalY(0.05)
    grid.setStyle(QgsLayoutItemMapGrid.GridStyle.FrameAnnotationsOnly)
    grid.setAnnotationEnabled(False)
    grid.setFrameStyle(QgsLayoutItemMapGrid.FrameStyle.Zebra)
    grid.setFrameWidth(ZEBRA_WIDTH)
    grid.setFramePenSize(0.15)
    grid.setFramePenColor(QColor("#000000"))
    grid.setFrameFillColor1(QColor("#ffffff"))
    grid.setFrameFillColor2(QColor("#000000"))
    return grid


def add_legend(layout, map_item, rect: tuple) -> QgsLayoutItemLegend:
    legend = QgsLayoutItemLegend(layout)
    legend.setTitle(LEGEND_TITLE)
    legend.setLinkedMap(map_item)
    legend.setAutoUpdateModel(False)
    legend.model().rootGroup().removeAllChildren()
    legend.setBackgroundEnabled(False)
    legend.setFrameEnabled(False)
    legend.setResizeToContents(True)
    legend.setSymbolWidth(11.0)
    legend.setSymbolHeight(6.0)
    legend.setBoxSpace(0.0)
    legend.setFontColor(TEXT_COLOR)

    styles = {
        QgsLegendStyle.Style.Title: make_font(9.0, bold=True),
        QgsLegendStyle.Style.Group: make_font(8.5),
        QgsLegendStyle.Style.Subgroup: make_font(8.5),
        QgsLegendStyle.Style.SymbolLabel: make_font(8.5),
    }
    for style, font in styles.items():
        if hasattr(legend.rstyle(style), "setTextFormat"):  # QGIS 3.30 and later
            text_format = QgsTextFormat.fromQFont(font)
            text_format.setColor(TEXT_COLOR)
            legend.rstyle(style).setTextFormat(text_format)
        else:
            legend.rstyle(style).setFont(font)
    legend.rstyle(QgsLegendStyle.Style.Title).setMargin(QgsLegendStyle.Side.Bottom, 4.0)
    legend.rstyle(QgsLegendStyle.Style.Symbol).setMargin(QgsLegendStyle.Side.Top, 1.6)
    legend.rstyle(QgsLegendStyle.Style.SymbolLabel).setMargin(QgsLegendStyle.Side.Left, 2.5)

    layout.addLayoutItem(legend)
    legend.setId("legenda")
    place(legend, *rect)
    return legend


def add_scale_bar(layout, map_item, x: float, y: float) -> QgsLayoutItemScaleBar:
    scale_bar = QgsLayoutItemScaleBar(layout)
    scale_bar.setStyle("Single Box")
    scale_bar.setLinkedMap(map_item)
    scale_bar.applyDefaultSize(QgsUnitTypes.DistanceUnit.DistanceKilometers)
    scale_bar.setUnits(QgsUnitTypes.DistanceUnit.DistanceKilometers)
    scale_bar.setUnitLabel("km")
    scale_bar.setMapUnitsPerScaleBarUnit(1.0)
    scale_bar.setNumberOfSegmentsLeft(0)
    scale_bar.setNumberOfSegments(4)
    scale_bar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFitWidth)
    scale_bar.setMinimumBarWidth(40.0)
    scale_bar.setMaximumBarWidth(56.0)
    scale_bar.setHeight(1.8)
    scale_bar.setLineSymbol(QgsLineSymbol.createSimple({
        "color": "#000000", "width": "0.2", "width_unit": "MM", "joinstyle": "miter", "capstyle": "square",
    }))
    scale_bar.setLabelBarSpace(1.2)
    scale_bar.setBoxContentSpace(0.0)
    scale_bar.setTextFormat(make_text_format(6.5))
    scale_bar.setFillSymbol(QgsFillSymbol.createSimple({"color": "#000000", "outline_style": "no"}))
    scale_bar.setAlternateFillSymbol(QgsFillSymbol.createSimple({"color": "#ffffff", "outline_style": "no"}))

    number_format = QgsBasicNumericFormat()
    number_format.setThousandsSeparator(".")
    number_format.setDecimalSeparator(",")
    number_format.setShowThousandsSeparator(True)
    number_format.setNumberDecimalPlaces(1)
    number_format.setShowTrailingZeros(False)
    scale_bar.setNumericFormat(number_format)

    layout.addLayoutItem(scale_bar)
    scale_bar.setId("skala_batang")
    scale_bar.attemptMove(QgsLayoutPoint(x, y, MM))
    return scale_bar


def add_north_arrow(layout, rect: tuple) -> QgsLayoutItemPicture:
    picture = QgsLayoutItemPicture(layout)
    picture.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    picture.setPictureAnchor(QgsLayoutItemPicture.ReferencePoint.Middle)
    layout.addLayoutItem(picture)
    picture.setId("arah_utara")
    place(picture, *rect)
    return picture


def build_template(project: QgsProject) -> QgsPrintLayout:
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(TITLE)
    layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Orientation.Landscape)

    add_rectangle(layout, "bingkai", FRAME, 0.6)
    map_item = add_map(layout)

    inner_x = PANEL_X + PADDING
    inner_width = PANEL_WIDTH - 2 * PADDING
    centre_x = PANEL_X + PANEL_WIDTH / 2

    title_top = PANEL_TOP
    legend_top = title_top + TITLE_HEIGHT
    scale_top = legend_top + LEGEND_HEIGHT
    info_top = scale_top + SCALE_HEIGHT
    info_height = PANEL_BOTTOM - info_top

    add_rectangle(layout, "kotak_judul", (PANEL_X, title_top, PANEL_WIDTH, TITLE_HEIGHT), 0.3)
    add_rectangle(layout, "kotak_legenda", (PANEL_X, legend_top, PANEL_WIDTH, LEGEND_HEIGHT), 0.3)
    add_rectangle(layout, "kotak_skala", (PANEL_X, scale_top, PANEL_WIDTH, SCALE_HEIGHT), 0.3)
    add_rectangle(layout, "kotak_keterangan", (PANEL_X, info_top, PANEL_WIDTH, info_height), 0.3)

    add_label(layout, "judul", TITLE, (inner_x, title_top + 7.0, inner_width, 16.0), 13.0,
              bold=True, align=Qt.AlignmentFlag.AlignHCenter)
    add_label(layout, "wilayah", "Nama wilayah", (inner_x, title_top + 28.0, inner_width, 10.0), 11.5,
              align=Qt.AlignmentFlag.AlignHCenter)

    add_legend(layout, map_item, (inner_x, legend_top + PADDING, inner_width, LEGEND_HEIGHT - 2 * PADDING))

    add_north_arrow(layout, (centre_x - 7.0, scale_top + 4.0, 14.0, 21.0))
    add_label(layout, "skala_angka", SCALE_TEXT, (inner_x, scale_top + 29.0, inner_width, 5.0), 8.0,
              align=Qt.AlignmentFlag.AlignHCenter)
    add_scale_bar(layout, map_item, inner_x + 4.0, scale_top + 36.0)
    add_label(layout, "proyeksi", "Proyeksi", (inner_x, scale_top + 50.0, inner_width, 5.0), 6.5,
              align=Qt.AlignmentFlag.AlignHCenter)

    add_label(layout, "sumber", SOURCE_TEXT, (inner_x, info_top + PADDING, inner_width, 12.0), 7.0)
    add_label(layout, "tanggal", "Dicetak:", (inner_x, info_top + info_height - PADDING - 4.0,
                                               inner_width, 4.0), 7.0)
    return layout


def main() -> int:
    # Debian and Ubuntu install QGIS under /usr. QGIS_PREFIX_PATH overrides that.
    QgsApplication.setPrefixPath(os.environ.get("QGIS_PREFIX_PATH", "/usr"), True)
    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject()
    layout = build_template(project)
    TEMPLATE_PATH.parent.mkdir(parents=True, exist_ok=True)
    saved = layout.saveAsTemplate(str(TEMPLATE_PATH), QgsReadWriteContext())
    app.exitQgis()
    if not saved:
        print(f"Failed to write {TEMPLATE_PATH}", file=sys.stderr)
        return 1
    print(f"Wrote {TEMPLATE_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
