"""Print layouts of the thematic maps and the PDF export of the recipient-count map.

The layouts come from resources/layouts/peta_{a4,a3}_{lanskap,potret}.qpt,
which scripts/make_layout_template.py generates. This module finds the
template's items by id and fills them. Map text contains only region names,
counts and fixed wording, never a recipient's name or NIK. The fixed wording
goes through tr(): QGIS in Bahasa Indonesia prints Indonesian maps, and
English stays available.
"""

from __future__ import annotations

import datetime
import math
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLegendRenderer,
    QgsLayoutPoint,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtXml import QDomDocument

from ..compat import LEGEND_HIDDEN, MILLIMETERS, SEGMENT_SIZE_FIXED
from ..i18n import tr
from .thematic import apply_count_renderer

RESOURCES_DIR = Path(__file__).resolve().parents[2] / "resources"
LAYOUTS_DIR = RESOURCES_DIR / "layouts"
TEMPLATE_PATH = LAYOUTS_DIR / "peta_a4_lanskap.qpt"
PAPERS = ("A4", "A3")
ORIENTATIONS = ("lanskap", "potret")
METADATA_PATH = Path(__file__).resolve().parents[2] / "metadata.txt"
NORTH_ARROW_PATH = RESOURCES_DIR / "icons" / "utara.svg"

LOCATOR_FILL = "#d9d9d9"
LOCATOR_HIGHLIGHT = "#d7301f"

MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)

# Extra space around the layer extent, as a fraction of its width and height.
MAP_MARGIN = 0.04
# Map grids of the template, by name.
GRATICULE_NAME = "Garis koordinat"
ZEBRA_NAME = "Bingkai zebra"
# Spacings in arc minutes of the graticule lines and of the zebra frame's
# blocks, tried from fine to coarse.
GRID_INTERVALS_MINUTES = (
    (1, 0.5), (2, 1), (5, 1), (10, 2), (15, 5), (20, 5), (30, 10),
    (60, 15), (120, 30), (300, 60), (600, 120), (1200, 300),
)
# The coarsest spacing that still draws at least this many lines across the
# shorter side of the map is used.
GRID_MIN_LINES = 3
# The scale bar has this many segments of a round length in km, and at most
# this width in mm, which fits the 63 mm inner width of the panel with the
# "km" label beside it.
SCALE_BAR_SEGMENTS = 4
SCALE_BAR_MAX_WIDTH_MM = 56.0
PDF_DPI = 300
FONT_FAMILY = "DejaVu Sans"

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


def format_date_id(date: datetime.date) -> str:
    """Format a date the Indonesian way, e.g. "4 Desember 2026"."""
    return f"{date.day} {MONTHS_ID[date.month - 1]} {date.year}"


def month_names() -> tuple:
    """Return the month names in the interface language (literals, so the .ts collects them)."""
    return (tr("January"), tr("February"), tr("March"), tr("April"), tr("May"), tr("June"),
            tr("July"), tr("August"), tr("September"), tr("October"), tr("November"),
            tr("December"))


def format_date(date: datetime.date) -> str:
    """Format a date as "4 December 2026", with the month name in the interface language."""
    return f"{date.day} {month_names()[date.month - 1]} {date.year}"


def map_title() -> str:
    """Return the default map title."""
    return tr("Distribution of Social Assistance Recipients")


def printed_text(date: datetime.date) -> str:
    """Return the print date line of a map, e.g. "Printed: 4 December 2026"."""
    return tr("Printed: {date}").format(date=format_date(date))


def source_text() -> str:
    """Return the credits line of the thematic maps."""
    return tr("Source: DTKS/DTSEN Kemensos; administrative boundaries BIG / region codes "
              "Kemendagri")


def translate_scale_text(layout: QgsPrintLayout) -> None:
    """Translate the word "Skala" of the template's numeric scale, keeping its expression."""
    label = layout.itemById("skala_angka")
    if isinstance(label, QgsLayoutItemLabel) and label.text().startswith("Skala "):
        label.setText(tr("Scale") + label.text()[len("Skala"):])


# The templates' graticule labels end in the Indonesian hemisphere letters
# (bujur barat/timur, lintang selatan/utara), in this order.
TEMPLATE_HEMISPHERES = ("BB", "BT", "LS", "LU")


def hemisphere_letters() -> tuple:
    """Return the letters for west, east, south and north in the map language."""
    text = tr("Map letters for west, east, south and north: W E S N")
    letters = tuple(text.split(":")[-1].split())
    return letters if len(letters) == 4 else TEMPLATE_HEMISPHERES


def north_arrow_path() -> Path:
    """Return the north arrow SVG with the map language's letter for north (U or N)."""
    if hemisphere_letters() == TEMPLATE_HEMISPHERES:
        return NORTH_ARROW_PATH
    return NORTH_ARROW_PATH.with_name("utara_n.svg")


def translate_map_letters(layout: QgsPrintLayout) -> None:
    """Give the graticule labels and the north arrow the map language's hemisphere letters."""
    letters = hemisphere_letters()
    map_item = layout.itemById("peta")
    if isinstance(map_item, QgsLayoutItemMap) and letters != TEMPLATE_HEMISPHERES:
        for grid in map_item.grids().asList():
            expression = grid.annotationExpression()
            for template_letter, letter in zip(TEMPLATE_HEMISPHERES, letters):
                expression = expression.replace(f"' {template_letter}'", f"' {letter}'")
            grid.setAnnotationExpression(expression)
    arrow = layout.itemById("arah_utara")
    if isinstance(arrow, QgsLayoutItemPicture):
        arrow.setPicturePath(str(north_arrow_path()))


def build_layout(project: QgsProject, area_layer: QgsVectorLayer, count_field: str,
                 region_name: str, printed_on: datetime.date | None = None) -> QgsPrintLayout:
    """Style ``area_layer`` as a count choropleth and build the A4 landscape layout for it.

    The layout belongs to ``project`` but is not added to its layout manager.
    The map item and legend refer to the layer directly, so the layout renders
    even when the layer is not in ``project``. A layout that is kept in
    ``project.layoutManager()`` and saved should use a layer of ``project``,
    because a reopened project finds layers by id.

    Raises ValueError (message in Indonesian) when the layer cannot be styled
    or is empty, and RuntimeError when the template cannot be read.
    """
    if printed_on is None:
        printed_on = datetime.date.today()
    layer_extent = area_layer.extent()
    if area_layer.featureCount() == 0 or layer_extent.isEmpty():
        raise ValueError(tr("Layer '{name}' has no area to map. Choose a village boundary layer.").format(
            name=area_layer.name()))
    apply_count_renderer(area_layer, count_field)

    layout = _load_template(project)
    layout.setName(f"{map_title()} \u2013 {region_name}")

    map_item = _item(layout, "peta", QgsLayoutItemMap)
    map_crs = map_crs_for(area_layer.crs(), layer_extent, project)
    map_item.setCrs(map_crs)
    map_item.setLayers([area_layer])
    map_item.setKeepLayerSet(True)
    _zoom_to_layer(map_item, area_layer, project)
    _set_graticule_interval(map_item, project)

    _item(layout, "judul", QgsLayoutItemLabel).setText(map_title())
    _item(layout, "wilayah", QgsLayoutItemLabel).setText(region_name)
    _item(layout, "sumber", QgsLayoutItemLabel).setText(
        tr("Source: DTKS Kemensos; administrative boundaries BIG / region codes Kemendagri"))
    _item(layout, "tanggal", QgsLayoutItemLabel).setText(printed_text(printed_on))
    translate_scale_text(layout)
    _item(layout, "proyeksi", QgsLayoutItemLabel).setText(describe_crs(map_crs))
    translate_map_letters(layout)
    fill_extras(layout)
    set_locator(layout, map_item, [area_layer], area_layer, project)

    _fill_legend(_item(layout, "legenda", QgsLayoutItemLegend), map_item, area_layer)

    scale_bar = _item(layout, "skala_batang", QgsLayoutItemScaleBar)
    scale_bar.setLinkedMap(map_item)
    scale_bar.setSegmentSizeMode(SEGMENT_SIZE_FIXED)
    scale_bar.setNumberOfSegmentsLeft(0)
    scale_bar.setNumberOfSegments(SCALE_BAR_SEGMENTS)
    scale_bar.setUnitsPerSegment(scale_bar_segment_km(map_item.scale(), _scale_bar_width(scale_bar)))
    scale_bar.update()
    _centre_horizontally(scale_bar, layout)

    layout.refresh()
    return layout


def export_map_pdf(area_layer: QgsVectorLayer, count_field: str, region_name: str, pdf_path: str,
                   printed_on: datetime.date | None = None, project: QgsProject | None = None) -> dict:
    """Style ``area_layer``, lay out the A4 landscape map and write it as a one-page vector PDF.

    Without ``project`` the layout uses a private QgsProject, so the user's
    project stays untouched. The layer is never added to that private project,
    because PyQGIS's addMapLayer always transfers ownership and clearing the
    project would then delete the caller's layer.

    Returns {"pages": 1, "classes": [(low, high), ...], "path": pdf_path}.
    Raises ValueError as build_layout does, and RuntimeError with the
    QgsLayoutExporter result code when the export fails.
    """
    if project is None:
        project = QgsProject()
        # The scale bar measures distances on the WGS 84 ellipsoid.
        project.setEllipsoid("EPSG:7030")

    layout = build_layout(project, area_layer, count_field, region_name, printed_on)
    try:
        page_count = layout.pageCollection().pageCount()
        result = QgsLayoutExporter(layout).exportToPdf(str(pdf_path), _pdf_settings())
    finally:
        # The layout refers to the project, so it is deleted first. Python
        # would otherwise free the private project (a parameter) before it.
        del layout
    if result != QgsLayoutExporter.ExportResult.Success:
        code = getattr(result, "value", result)
        raise RuntimeError(tr(
            "Exporting the map to PDF failed (QgsLayoutExporter result code {code}). Check that "
            "the target folder exists and is writable, and that the PDF is not open in another "
            "program.").format(code=int(code)))

    ranges = area_layer.renderer().ranges()
    classes = [(int(r.lowerValue()), int(r.upperValue())) for r in ranges]
    return {"pages": page_count, "classes": classes, "path": pdf_path}


def _pdf_settings() -> QgsLayoutExporter.PdfExportSettings:
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = PDF_DPI
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = True
    settings.simplifyGeometries = True
    # Project metadata can name its author, so none goes into the PDF.
    settings.exportMetadata = False
    # Real text keeps the file small and lets readers search and copy it.
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    return settings


def map_crs_for(layer_crs: QgsCoordinateReferenceSystem, layer_extent: QgsRectangle,
                project: QgsProject) -> QgsCoordinateReferenceSystem:
    """Return the CRS to draw the map in.

    A projected layer CRS is kept. For a geographic CRS the map uses the WGS 84
    UTM zone of the extent's centre, so shapes keep their proportions and the
    scale bar measures kilometres.
    """
    if not layer_crs.isGeographic():
        return layer_crs
    to_wgs84 = QgsCoordinateTransform(layer_crs, WGS84, project)
    centre = to_wgs84.transform(layer_extent.center())
    zone = min(int(math.floor((centre.x() + 180.0) / 6.0)) + 1, 60)
    epsg = (32600 if centre.y() >= 0 else 32700) + zone
    return QgsCoordinateReferenceSystem(f"EPSG:{epsg}")


def describe_crs(crs: QgsCoordinateReferenceSystem) -> str:
    """Return the projection line of the map, e.g. "UTM projection zone 48S, WGS 84 datum"."""
    authid = crs.authid()
    if authid.startswith("EPSG:326") or authid.startswith("EPSG:327"):
        code = int(authid.split(":")[1])
        if code < 32700:
            return tr("UTM projection zone {zone}N, WGS 84 datum").format(zone=code % 100)
        return tr("UTM projection zone {zone}S, WGS 84 datum").format(zone=code % 100)
    return tr("Coordinate system: {name}").format(name=crs.description() or authid)


def template_path(paper: str = "A4", orientation: str = "lanskap") -> Path:
    """Return the template of a paper size (A4, A3) and orientation (lanskap, potret)."""
    if paper not in PAPERS or orientation not in ORIENTATIONS:
        raise ValueError(tr(
            "Unknown paper '{paper}' or orientation '{orientation}'. Use A4 or A3, and lanskap "
            "(landscape) or potret (portrait).").format(paper=paper, orientation=orientation))
    return LAYOUTS_DIR / f"peta_{paper.lower()}_{orientation}.qpt"


def plugin_version() -> str:
    """Return the plugin version from metadata.txt, or "" when it cannot be read."""
    try:
        for line in METADATA_PATH.read_text(encoding="utf-8").splitlines():
            if line.startswith("version="):
                return line.split("=", 1)[1].strip()
    except OSError:
        pass
    return ""


def _load_template(project: QgsProject, path: Path = TEMPLATE_PATH) -> QgsPrintLayout:
    try:
        template_text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise RuntimeError(tr(
            "The map layout template {name} cannot be read ({error}). Reinstall the DTKS Spasial "
            "plugin.").format(name=path.name, error=error.strerror)) from error

    document = QDomDocument()
    parsed = document.setContent(template_text)
    # PyQt5 returns a tuple (ok, message, line, column), and PyQt6 with Qt 6.5+ a result object.
    parsed_ok = parsed[0] if isinstance(parsed, tuple) else bool(parsed)
    layout = QgsPrintLayout(project)
    if parsed_ok:
        _items, loaded_ok = layout.loadFromTemplate(document, QgsReadWriteContext())
    if not parsed_ok or not loaded_ok:
        raise RuntimeError(tr(
            "The map layout template {name} is damaged or invalid. Reinstall the DTKS Spasial "
            "plugin.").format(name=path.name))
    return layout


def _item(layout: QgsPrintLayout, item_id: str, item_type: type):
    item = layout.itemById(item_id)
    if not isinstance(item, item_type):
        raise RuntimeError(tr(
            "The map layout template {name} has no item '{item}' ({kind}). Reinstall the DTKS "
            "Spasial plugin.").format(name=layout.name() or TEMPLATE_PATH.name, item=item_id,
                                      kind=item_type.__name__))
    return item


def _zoom_to_layer(map_item: QgsLayoutItemMap, layer: QgsVectorLayer, project: QgsProject) -> None:
    """Fit the layer with a margin, then round the scale up to a value that reads well."""
    transform = QgsCoordinateTransform(layer.crs(), map_item.crs(), project)
    extent = transform.transformBoundingBox(layer.extent())
    extent.grow(MAP_MARGIN * max(extent.width(), extent.height()))

    # Widen the extent to the item's aspect ratio before setting it, because
    # setExtent resizes the item to any other ratio. zoomToExtent is no help
    # here: it keeps the ratio of the previous extent, which a template may
    # leave empty.
    frame = map_item.rect()
    frame_ratio = frame.width() / frame.height()
    if extent.width() / extent.height() < frame_ratio:
        centre_x = extent.center().x()
        half_width = extent.height() * frame_ratio / 2.0
        extent.setXMinimum(centre_x - half_width)
        extent.setXMaximum(centre_x + half_width)
    else:
        centre_y = extent.center().y()
        half_height = extent.width() / frame_ratio / 2.0
        extent.setYMinimum(centre_y - half_height)
        extent.setYMaximum(centre_y + half_height)
    map_item.setExtent(extent)
    map_item.setScale(round_scale(map_item.scale()))


def round_scale(scale: float) -> float:
    """Round a map scale denominator up to two significant digits ending in 0 or 5.

    For example 287345 gives 290000 and 123456 gives 125000.
    """
    if scale <= 0:
        return scale
    step = 5 * 10 ** max(math.floor(math.log10(scale)) - 2, 0)
    return float(math.ceil(scale / step) * step)


def scale_bar_segment_km(scale: float, max_width_mm: float = SCALE_BAR_MAX_WIDTH_MM) -> float:
    """Return the longest segment of 1, 2, 2.5 or 5 × 10^n km that keeps the bar within its maximum width.

    ``scale`` is the map scale denominator, e.g. 445000 gives 5 km.
    """
    millimetres_per_km = 1_000_000.0 / scale
    segment_km = 0.001
    for exponent in range(-3, 7):
        for mantissa in (1.0, 2.0, 2.5, 5.0):
            candidate = mantissa * 10.0 ** exponent
            if candidate * millimetres_per_km * SCALE_BAR_SEGMENTS <= max_width_mm:
                segment_km = candidate
    return segment_km


def scale_bar_in_metres(segment_km: float) -> bool:
    """Tell whether a scale bar with ``segment_km`` segments is labelled in metres.

    Below 1 km in all, and wherever a label in km would need a second
    decimal (0.25 km segments), because the scale bar prints its labels
    with one decimal, so 0.25 would read "0,2".
    """
    tenths = segment_km * 10.0
    return segment_km * SCALE_BAR_SEGMENTS < 1.0 or abs(tenths - round(tenths)) > 1e-9


def fit_scale_bar(scale_bar: QgsLayoutItemScaleBar, scale: float, layout: QgsPrintLayout) -> None:
    """Give the scale bar round segments for ``scale``, in metres where km need two decimals, and centre it."""
    from qgis.core import QgsUnitTypes

    segment_km = scale_bar_segment_km(scale, _scale_bar_width(scale_bar))
    scale_bar.setSegmentSizeMode(SEGMENT_SIZE_FIXED)
    # QGIS 3.30 moved the distance units to Qgis.DistanceUnit.
    units = getattr(Qgis, "DistanceUnit", None)
    if scale_bar_in_metres(segment_km):
        scale_bar.setUnits(units.Meters if units else QgsUnitTypes.DistanceUnit.DistanceMeters)
        scale_bar.setUnitLabel("m")
        scale_bar.setUnitsPerSegment(segment_km * 1000.0)
    else:
        scale_bar.setUnits(units.Kilometers if units
                           else QgsUnitTypes.DistanceUnit.DistanceKilometers)
        scale_bar.setUnitLabel("km")
        scale_bar.setUnitsPerSegment(segment_km)
    scale_bar.update()
    _centre_horizontally(scale_bar, layout)


def graticule_intervals(map_item: QgsLayoutItemMap, project: QgsProject) -> tuple:
    """Return the spacings in arc minutes of the graticule lines and zebra blocks for the map's extent."""
    return intervals_for_bounds(degree_bounds(map_item, project))


def degree_bounds(map_item: QgsLayoutItemMap, project: QgsProject) -> QgsRectangle:
    """Return the bounding box in WGS 84 degrees of the map extent's corners.

    This is what the templates' expressions compute, with
    bounds(transform(@map_extent, @map_crs, 'EPSG:4326')).
    """
    corners = QgsGeometry.fromRect(map_item.extent())
    corners.transform(QgsCoordinateTransform(map_item.crs(), WGS84, project))
    return corners.boundingBox()


def intervals_for_bounds(bounds: QgsRectangle) -> tuple:
    """Return the graticule line and zebra block spacings in arc minutes for ``bounds`` in degrees."""
    shorter_side_minutes = min(bounds.width(), bounds.height()) * 60.0
    intervals = GRID_INTERVALS_MINUTES[0]
    for candidate in GRID_INTERVALS_MINUTES:
        if shorter_side_minutes / candidate[0] >= GRID_MIN_LINES:
            intervals = candidate
    return intervals


def _set_graticule_interval(map_item: QgsLayoutItemMap, project: QgsProject) -> None:
    line_minutes, zebra_minutes = graticule_intervals(map_item, project)
    for grid in map_item.grids().asList():
        if grid.name() == GRATICULE_NAME:
            interval = line_minutes / 60.0
        elif grid.name() == ZEBRA_NAME:
            interval = zebra_minutes / 60.0
        else:
            continue
        grid.setIntervalX(interval)
        grid.setIntervalY(interval)


def _fill_legend(legend: QgsLayoutItemLegend, map_item: QgsLayoutItemMap, layer: QgsVectorLayer) -> None:
    """Show only the layer's classes under the legend title, without the layer name."""
    legend.setTitle(tr("Recipients per village"))
    legend.setLinkedMap(map_item)
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    layer_node = root.addLayer(layer)
    QgsLegendRenderer.setNodeLegendStyle(layer_node, LEGEND_HIDDEN)
    legend.updateLegend()
    legend.adjustBoxSize()


def _centre_horizontally(item, layout: QgsPrintLayout) -> None:
    """Centre ``item`` over the north arrow and scale box, keeping its top edge."""
    panel = layout.itemById("kotak_skala")
    if panel is None:
        return
    panel_rect = panel.sceneBoundingRect()
    item_rect = item.sceneBoundingRect()
    left = panel_rect.center().x() - item_rect.width() / 2.0
    item.attemptMove(QgsLayoutPoint(left, item_rect.top(), MILLIMETERS))


def _scale_bar_width(scale_bar: QgsLayoutItemScaleBar) -> float:
    """Return the widest bar the template's box allows, in mm."""
    value = scale_bar.customProperty("dtks_max_width_mm", SCALE_BAR_MAX_WIDTH_MM)
    try:
        return float(value)
    except (TypeError, ValueError):
        return SCALE_BAR_MAX_WIDTH_MM


def fill_extras(layout: QgsPrintLayout, subtitle: str = "", note: str = "", logos=()) -> None:
    """Fill the subtitle, note, plugin version and logos, hiding the items left empty."""
    version = plugin_version()
    texts = {"subjudul": subtitle, "catatan": note,
             "versi": tr("Made with DTKS Spasial {version}").format(version=version).strip()}
    for item_id, text in texts.items():
        label = layout.itemById(item_id)
        if isinstance(label, QgsLayoutItemLabel):
            label.setText(text)
            label.setVisibility(bool(text))
    logos = [str(path) for path in (logos or ()) if path][:2]
    for item_id, path in zip(("logo_kiri", "logo_kanan"), logos + ["", ""]):
        picture = layout.itemById(item_id)
        if isinstance(picture, QgsLayoutItemPicture):
            if path:
                picture.setPicturePath(path)
            picture.setVisibility(bool(path))
    if not logos:
        _widen_title(layout)


# Template labels in the notes box, top to bottom, all in the same font.
NOTE_LABELS = ("sumber", "catatan", "versi", "tanggal")


def merge_note_labels(layout: QgsPrintLayout) -> None:
    """Print the sources, note, plugin version and date as one label.

    Each template label has room for the Indonesian text only, and the
    longer English text would run into the label below. One label wraps
    its lines instead. It starts where the sources start and ends where the date
    ends, with the same font. Hidden (empty) labels are left out.
    """
    from qgis.core import QgsLayoutSize

    labels = [layout.itemById(item_id) for item_id in NOTE_LABELS]
    labels = [label for label in labels if isinstance(label, QgsLayoutItemLabel)]
    if len(labels) < 2:
        return
    first, last = labels[0], labels[-1]
    top = first.pos().y()
    bottom = last.pos().y() + last.rect().height()
    first.setText("\n".join(label.text() for label in labels
                             if label.isVisible() and label.text()))
    first.setVisibility(True)
    first.attemptResize(QgsLayoutSize(first.rect().width(), bottom - top, MILLIMETERS))
    for label in labels[1:]:
        layout.removeLayoutItem(label)


def _widen_title(layout: QgsPrintLayout) -> None:
    """Let the title use the whole title box, because no logo is beside it."""
    from qgis.core import QgsLayoutSize

    box = layout.itemById("kotak_judul")
    title = layout.itemById("judul")
    if box is None or title is None:
        return
    box_rect = box.sceneBoundingRect()
    title_rect = title.sceneBoundingRect()
    title.attemptMove(QgsLayoutPoint(box_rect.left() + 2.0, title_rect.top(), MILLIMETERS))
    title.attemptResize(QgsLayoutSize(box_rect.width() - 4.0, title_rect.height(), MILLIMETERS))


def set_locator(layout: QgsPrintLayout, main_map: QgsLayoutItemMap, layers, extent_layer,
                project: QgsProject, show_main_extent: bool = True, title: str = "") -> None:
    """Show ``layers`` in the locator map, zoomed to ``extent_layer``.

    With ``show_main_extent`` the main map's extent is drawn on it as a red
    frame (a QGIS map overview), which follows the main map in the designer
    and on each atlas page.
    """
    from qgis.core import QgsFillSymbol, QgsLayoutItemMapOverview

    locator = layout.itemById("peta_lokasi")
    if not isinstance(locator, QgsLayoutItemMap):
        return
    locator.setCrs(main_map.crs())
    locator.setLayers(list(layers))
    locator.setKeepLayerSet(True)
    transform = QgsCoordinateTransform(extent_layer.crs(), locator.crs(), project)
    extent = transform.transformBoundingBox(extent_layer.extent())
    extent.grow(0.08 * max(extent.width(), extent.height()))
    locator.zoomToExtent(extent)
    label = layout.itemById("judul_lokasi")
    if isinstance(label, QgsLayoutItemLabel):
        label.setText(title or tr("Location"))
    if show_main_extent:
        overview = QgsLayoutItemMapOverview("Luas peta", locator)
        overview.setLinkedMap(main_map)
        overview.setFrameSymbol(QgsFillSymbol.createSimple({
            "style": "no", "outline_color": LOCATOR_HIGHLIGHT, "outline_width": "0.4",
            "outline_width_unit": "MM"}))
        locator.overviews().addOverview(overview)
