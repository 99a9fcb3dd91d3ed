"""Generate the map templates resources/layouts/peta_{a4,a3}_{lanskap,potret}.qpt.

Run from the repository root with QGIS's Python:

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_layout_template.py

plugin/gis/layout.py loads a template and fills the items by their ids, so
keep the ids below in step with that module. Positions are in millimetres.
The map leaves about 5 mm on each side for the zebra frame and the
coordinate annotations. A landscape page has a panel on the right with, from
top to bottom: title, legend, north arrow and scale, locator map, sources
and date. A portrait page has the title above the map and a band below it
with the legend, the locator map, the north arrow and scale, and the sources.
A3 pages are the A4 design scaled by the square root of 2.
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

LAYOUTS_DIR = Path(__file__).resolve().parents[1] / "resources" / "layouts"
PAPERS = {"A4": (297.0, 210.0), "A3": (420.0, 297.0)}
ORIENTATIONS = ("lanskap", "potret")

FONT_FAMILY = "DejaVu Sans"
TEXT_COLOR = QColor("#1a1a1a")
MM = QgsUnitTypes.LayoutUnit.LayoutMillimeters

TITLE = "Peta Sebaran Penerima Bantuan Sosial"
LEGEND_TITLE = "Jumlah penerima per desa"
SOURCE_TEXT = "Sumber: DTKS Kemensos; batas wilayah BIG / kode wilayah Kemendagri"

# Padding inside the panel boxes, in mm on an A4 page.
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


def add_map(layout, item_id: str, rect: tuple, stroke_mm: float = 0.3) -> QgsLayoutItemMap:
    map_item = QgsLayoutItemMap(layout)
    map_item.setFrameEnabled(True)
    map_item.setFrameStrokeWidth(QgsLayoutMeasurement(stroke_mm, MM))
    map_item.setBackgroundColor(QColor("#ffffff"))
    layout.addLayoutItem(map_item)
    map_item.setId(item_id)
    place(map_item, *rect)
    map_item.setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    # A placeholder over Indonesia with the item's aspect ratio; layout.py
    # replaces it with the mapped region.
    # setExtent keeps the item's size only for an extent of the same ratio.
    half_width = 17.0 * rect[2] / rect[3] / 2.0
    map_item.setExtent(QgsRectangle(118.0 - half_width, -11.0, 118.0 + half_width, 6.0))
    return map_item


def make_graticule(map_item: QgsLayoutItemMap, k: float) -> QgsLayoutItemMapGrid:
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
    grid.setAnnotationTextFormat(make_text_format(6.0 * k))
    grid.setAnnotationFrameDistance(ZEBRA_WIDTH * k + 0.8)
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


def make_zebra_frame(map_item: QgsLayoutItemMap, k: float) -> QgsLayoutItemMapGrid:
    """Build the black-and-white frame, on a finer interval than the graticule lines."""
    grid = QgsLayoutItemMapGrid(ZEBRA_NAME, map_item)
    grid.setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    grid.setUnits(QgsLayoutItemMapGrid.GridUnit.MapUnit)
    grid.setIntervalX(0.05)
    grid.setIntervalY(0.05)
    grid.setStyle(QgsLayoutItemMapGrid.GridStyle.FrameAnnotationsOnly)
    grid.setAnnotationEnabled(False)
    grid.setFrameStyle(QgsLayoutItemMapGrid.FrameStyle.Zebra)
    grid.setFrameWidth(ZEBRA_WIDTH * k)
    grid.setFramePenSize(0.15)
    grid.setFramePenColor(QColor("#000000"))
    grid.setFrameFillColor1(QColor("#ffffff"))
    grid.setFrameFillColor2(QColor("#000000"))
    return grid


def add_legend(layout, map_item, rect: tuple, k: float) -> QgsLayoutItemLegend:
    legend = QgsLayoutItemLegend(layout)
    legend.setTitle(LEGEND_TITLE)
    legend.setLinkedMap(map_item)
    legend.setAutoUpdateModel(False)
    legend.model().rootGroup().removeAllChildren()
    legend.setBackgroundEnabled(False)
    legend.setFrameEnabled(False)
    legend.setResizeToContents(True)
    # Up to nine entries (no data, 0, the suppressed class and six ranges)
    # fit the A4 legend box at this size.
    legend.setSymbolWidth(9.0 * k)
    legend.setSymbolHeight(4.2 * k)
    legend.setBoxSpace(0.0)
    legend.setFontColor(TEXT_COLOR)
    legend.setWrapString("\n")

    styles = {
        QgsLegendStyle.Style.Title: make_font(8.5 * k, bold=True),
        QgsLegendStyle.Style.Group: make_font(8.0 * k),
        QgsLegendStyle.Style.Subgroup: make_font(8.0 * k),
        QgsLegendStyle.Style.SymbolLabel: make_font(8.0 * k),
    }
    for style, font in styles.items():
        if hasattr(legend.rstyle(style), "setTextFormat"):  # QGIS 3.30 and later
            text_format = QgsTextFormat.fromQFont(font)
            text_format.setColor(TEXT_COLOR)
            legend.rstyle(style).setTextFormat(text_format)
        else:
            legend.rstyle(style).setFont(font)
    legend.rstyle(QgsLegendStyle.Style.Title).setMargin(QgsLegendStyle.Side.Bottom, 3.0 * k)
    legend.rstyle(QgsLegendStyle.Style.Symbol).setMargin(QgsLegendStyle.Side.Top, 1.2 * k)
    legend.rstyle(QgsLegendStyle.Style.SymbolLabel).setMargin(QgsLegendStyle.Side.Left, 2.5 * k)

    layout.addLayoutItem(legend)
    legend.setId("legenda")
    place(legend, *rect)
    return legend


def add_scale_bar(layout, map_item, x: float, y: float, max_width: float,
                  k: float) -> QgsLayoutItemScaleBar:
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
    scale_bar.setMinimumBarWidth(max_width * 0.7)
    scale_bar.setMaximumBarWidth(max_width)
    scale_bar.setHeight(1.8 * k)
    scale_bar.setLineSymbol(QgsLineSymbol.createSimple({
        "color": "#000000", "width": "0.2", "width_unit": "MM", "joinstyle": "miter", "capstyle": "square",
    }))
    scale_bar.setLabelBarSpace(1.2 * k)
    scale_bar.setBoxContentSpace(0.0)
    scale_bar.setTextFormat(make_text_format(6.5 * k))
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
    # layout.py reads the widest bar this box allows from the item's custom property.
    scale_bar.setCustomProperty("dtks_max_width_mm", max_width)
    return scale_bar


def add_picture(layout, item_id: str, rect: tuple) -> QgsLayoutItemPicture:
    picture = QgsLayoutItemPicture(layout)
    picture.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    picture.setPictureAnchor(QgsLayoutItemPicture.ReferencePoint.Middle)
    layout.addLayoutItem(picture)
    picture.setId(item_id)
    place(picture, *rect)
    return picture


def add_title_block(layout, rect: tuple, k: float) -> None:
    """Add the box with the optional logos, the title, the region name and the subtitle."""
    x, y, width, height = rect
    add_rectangle(layout, "kotak_judul", rect, 0.3)
    logo = 10.0 * k
    add_picture(layout, "logo_kiri", (x + 2.0 * k, y + 2.0 * k, logo, logo))
    add_picture(layout, "logo_kanan", (x + width - 2.0 * k - logo, y + 2.0 * k, logo, logo))
    inner_x = x + PADDING * k + logo
    inner_width = width - 2 * (PADDING * k + logo)
    centre = Qt.AlignmentFlag.AlignHCenter
    if height >= 30.0 * k:
        # Tall box of the landscape panel: the title may take two lines.
        add_label(layout, "judul", TITLE, (inner_x, y + 4.0 * k, inner_width, 11.0 * k), 11.5 * k,
                  bold=True, align=centre)
        add_label(layout, "wilayah", "Nama wilayah", (x + 2.0, y + 17.0 * k, width - 4.0, 6.0 * k),
                  10.5 * k, align=centre)
        add_label(layout, "subjudul", "Subjudul", (x + 2.0, y + 24.5 * k, width - 4.0, 8.0 * k),
                  7.5 * k, align=centre)
    else:
        add_label(layout, "judul", TITLE, (inner_x, y + 2.5 * k, inner_width, 6.5 * k), 12.0 * k,
                  bold=True, align=centre)
        add_label(layout, "wilayah", "Nama wilayah", (inner_x, y + 9.5 * k, inner_width, 5.5 * k),
                  10.0 * k, align=centre)
        add_label(layout, "subjudul", "Subjudul", (inner_x, y + 15.5 * k, inner_width, 4.5 * k),
                  7.5 * k, align=centre)


def add_scale_block(layout, map_item, rect: tuple, k: float, arrow_left: bool) -> None:
    """Add the box with the north arrow, the numeric scale, the scale bar and the projection.

    With ``arrow_left`` the arrow stands left of the scale lines (a wide, low
    box); otherwise it stands above them.
    """
    x, y, width, height = rect
    add_rectangle(layout, "kotak_skala", rect, 0.3)
    centre = Qt.AlignmentFlag.AlignHCenter
    if arrow_left:
        arrow = (x + PADDING * k, y + 3.0 * k, 10.0 * k, height - 6.0 * k)
        text_x = arrow[0] + arrow[2] + 2.0 * k
    else:
        arrow = (x + width / 2.0 - 5.0 * k, y + 2.5 * k, 10.0 * k, 14.0 * k)
        text_x = x + PADDING * k
    text_width = x + width - PADDING * k - text_x
    top = y + (4.0 * k if arrow_left else 18.0 * k)
    add_picture(layout, "arah_utara", arrow)
    add_label(layout, "skala_angka", SCALE_TEXT, (text_x, top, text_width, 4.0 * k), 7.5 * k,
              align=centre)
    # The "km" label takes about 7 mm beside the bar.
    add_scale_bar(layout, map_item, text_x + 2.0, top + 6.0 * k, text_width - 9.0 * k, k)
    add_label(layout, "proyeksi", "Proyeksi", (text_x, top + 14.5 * k, text_width, 3.5 * k),
              6.0 * k, align=centre)


def add_locator(layout, rect: tuple, k: float) -> None:
    """Add the box with the locator map, which shows the region inside its parent."""
    x, y, width, height = rect
    add_rectangle(layout, "kotak_lokasi", rect, 0.3)
    add_label(layout, "judul_lokasi", "Lokasi", (x + 2.0 * k, y + 1.5 * k, width - 4.0 * k,
                                                 3.5 * k), 6.5 * k, bold=True)
    add_map(layout, "peta_lokasi", (x + 2.0 * k, y + 6.0 * k, width - 4.0 * k,
                                    height - 8.0 * k), stroke_mm=0.15)


def add_info_block(layout, rect: tuple, k: float) -> None:
    """Add the box with the sources, notes, plugin version and print date."""
    x, y, width, height = rect
    add_rectangle(layout, "kotak_keterangan", rect, 0.3)
    inner_x = x + PADDING * k * 0.7
    inner_width = width - 2 * PADDING * k * 0.7
    line = 2.6 * k
    add_label(layout, "sumber", SOURCE_TEXT, (inner_x, y + 1.8 * k, inner_width, 2 * line), 6.0 * k)
    add_label(layout, "catatan", "", (inner_x, y + 1.8 * k + 2 * line, inner_width,
                                      height - 3.6 * k - 4 * line), 6.0 * k)
    add_label(layout, "versi", "DTKS Spasial", (inner_x, y + height - 1.8 * k - 2 * line,
                                                  inner_width, line), 6.0 * k)
    add_label(layout, "tanggal", "Dicetak:", (inner_x, y + height - 1.8 * k - line, inner_width,
                                               line), 6.0 * k)


def build_template(project: QgsProject, paper: str = "A4",
                   orientation: str = "lanskap") -> QgsPrintLayout:
    """Build the layout of one paper size ("A4", "A3") and orientation ("lanskap", "potret")."""
    long_side, short_side = PAPERS[paper]
    k = long_side / PAPERS["A4"][0]
    landscape = orientation == "lanskap"
    width, height = (long_side, short_side) if landscape else (short_side, long_side)

    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(TITLE)
    page_orientation = (QgsLayoutItemPage.Orientation.Landscape if landscape
                        else QgsLayoutItemPage.Orientation.Portrait)
    layout.pageCollection().page(0).setPageSize(paper, page_orientation)

    margin = 5.0 * k
    add_rectangle(layout, "bingkai", (margin, margin, width - 2 * margin, height - 2 * margin), 0.6)
    # Room for the zebra frame and the coordinate annotations around the map.
    edge = 8.0 * k
    top = 12.0 * k
    gap = 8.0 * k

    if landscape:
        panel_width = 70.0 * k
        panel_x = width - margin - 6.0 * k - panel_width
        map_rect = (edge + margin, top, panel_x - gap - edge - margin, height - 2 * top)
        map_item = add_map(layout, "peta", map_rect)
        bottom = map_rect[1] + map_rect[3]
        heights = [36.0 * k, 60.0 * k, 38.0 * k, 34.0 * k]
        info_height = bottom - top - sum(heights)
        tops = [top]
        for section in heights:
            tops.append(tops[-1] + section)
        add_title_block(layout, (panel_x, tops[0], panel_width, heights[0]), k)
        legend_rect = (panel_x, tops[1], panel_width, heights[1])
        add_scale_block(layout, map_item, (panel_x, tops[2], panel_width, heights[2]), k,
                        arrow_left=False)
        add_locator(layout, (panel_x, tops[3], panel_width, heights[3]), k)
        add_info_block(layout, (panel_x, tops[4], panel_width, info_height), k)
    else:
        inner_left = margin + 6.0 * k
        inner_width = width - 2 * inner_left
        title_height = 22.0 * k
        band_height = 62.0 * k
        add_title_block(layout, (inner_left, top, inner_width, title_height), k)
        band_top = height - top - band_height
        map_top = top + title_height + gap
        map_rect = (edge + margin, map_top, width - 2 * (edge + margin), band_top - gap - map_top)
        map_item = add_map(layout, "peta", map_rect)
        legend_width = 62.0 * k
        locator_width = 52.0 * k
        right_width = inner_width - legend_width - locator_width
        legend_rect = (inner_left, band_top, legend_width, band_height)
        add_locator(layout, (inner_left + legend_width, band_top, locator_width, band_height), k)
        right_x = inner_left + legend_width + locator_width
        scale_height = 30.0 * k
        add_scale_block(layout, map_item, (right_x, band_top, right_width, scale_height), k,
                        arrow_left=True)
        add_info_block(layout, (right_x, band_top + scale_height, right_width,
                                band_height - scale_height), k)

    map_item.grids().addGrid(make_zebra_frame(map_item, k))
    map_item.grids().addGrid(make_graticule(map_item, k))
    x, y, legend_width, legend_height = legend_rect
    add_rectangle(layout, "kotak_legenda", legend_rect, 0.3)
    add_legend(layout, map_item, (x + PADDING * k, y + PADDING * k, legend_width - 2 * PADDING * k,
                                  legend_height - 2 * PADDING * k), k)
    return layout


def template_path(paper: str, orientation: str) -> Path:
    return LAYOUTS_DIR / f"peta_{paper.lower()}_{orientation}.qpt"


def main() -> int:
    # Debian and Ubuntu install QGIS under /usr. QGIS_PREFIX_PATH overrides that.
    QgsApplication.setPrefixPath(os.environ.get("QGIS_PREFIX_PATH", "/usr"), True)
    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject()
    LAYOUTS_DIR.mkdir(parents=True, exist_ok=True)
    failed = []
    for paper in PAPERS:
        for orientation in ORIENTATIONS:
            path = template_path(paper, orientation)
            layout = build_template(project, paper, orientation)
            if layout.saveAsTemplate(str(path), QgsReadWriteContext()):
                print(f"Wrote {path}")
            else:
                failed.append(path)
    app.exitQgis()
    for path in failed:
        print(f"Failed to write {path}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
