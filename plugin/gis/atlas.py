"""Thematic maps of any region and level: data, layers, layouts and atlas export.

The work is split for the dock: ``prepare_map_data`` counts and classifies
without touching layouts or layers, so it may run in a QgsTask, and
``build_thematic_layout`` and ``export_thematic_map`` then run on the main
thread, as QGIS print layouts require.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass, field

from qgis.core import (
    QgsCoordinateReferenceSystem, QgsDistanceArea, QgsFeature, QgsFeedback, QgsFillSymbol,
    QgsGeometry, QgsLayoutExporter, QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutItemMap,
    QgsLayoutItemScaleBar, QgsLayoutObject, QgsProject, QgsProperty,
    QgsRuleBasedRenderer, QgsSingleSymbolRenderer, QgsVectorLayer,
)

from ..core import indicators
from ..core.regions import LEVEL_NAMES
from ..i18n import tr
from . import layout as layouts
from . import storage
from .thematic import apply_plan_renderer, apply_value_labels

FORMATS = ("pdf", "png", "svg")
LABEL_MODES = ("none", "value", "name_value")
# Round scales an atlas page may take (QGIS picks the smallest that fits).
ATLAS_SCALES = (5000, 10000, 15000, 20000, 25000, 50000, 75000, 100000, 150000, 200000,
                250000, 300000, 400000, 500000, 750000, 1000000, 1500000, 2000000, 2500000,
                5000000)
ATLAS_MARGIN = 0.10
# The locator's polygons are simplified with a tolerance of this fraction of
# the locator's extent: about 0.2 mm on the 66 mm wide A4 locator map, below
# what is visible there, and it cuts the PDF size of every page.
LOCATOR_SIMPLIFY_FRACTION = 1 / 300
LOCATOR_DOT_MM = 1.8
IMAGE_DPI = 150


class MapError(Exception):
    """A map request that cannot be carried out; the message is for the user."""


@dataclass
class MapRequest:
    """Request for a map: the region, the level inside it, the indicator, the classes and the page."""

    region: str
    level: int = 4
    indicator: str = indicators.RECIPIENTS
    method: str = indicators.METHOD_JENKS
    classes: int = 5
    manual_breaks: list = None
    threshold: int = indicators.DEFAULT_THRESHOLD
    ramp: str = "YlOrRd"
    paper: str = "A4"
    orientation: str = "lanskap"
    labels: str = "value"
    atlas: bool = False
    output_format: str = "pdf"
    summary_table: bool = True
    population: dict = None
    logos: tuple = ()
    title: str = ""  # empty: layouts.map_title()
    # A recipient point layer for an individual-level map. Only the points are
    # copied onto the map, never an attribute, and the map then carries a
    # confidentiality notice.
    individual_layer: object = None


@dataclass
class RegionRow:
    """One mapped region with its numbers and its polygon in EPSG:4326."""

    code: str
    name: str
    tally: object
    value: object
    base: int
    area_km2: float
    geometry: object = None


@dataclass
class MapData:
    """Counts, classes and polygons of a map, ready for layers and layouts."""

    request: MapRequest
    region_name: str
    rows: list = field(default_factory=list)
    plan: object = None
    indicator: object = None
    context_rows: list = field(default_factory=list)  # (code, geometry) of the parent's children
    off_map: int = 0
    parent_total: object = None
    groups: dict = None   # code → parent code whose total other maps print, or None


def parent_groups(codes, region: str, level: int):
    """Return {code: parent code} when the mapped regions' parents lie below ``region``.

    A village map of a regency groups the villages by district, because a
    district map prints each district's total. When the parent is the
    region itself, the map's own total is the only one, and None is returned.
    """
    if level - 1 <= indicators.level_of(region):
        return None
    return {code: indicators.code_at_level(code, level - 1) for code in codes}


def check_request(request: MapRequest) -> None:
    """Raise MapError with a message for the user when a request cannot be mapped."""
    level = indicators.level_of(request.region)
    if request.region and level == 4:
        raise MapError(tr(
            "Region {region} is a village, which has no smaller regions to map. Choose its "
            "district or regency as the region and villages as the regions to map.").format(
            region=request.region))
    if not request.region or not 1 <= request.level <= 4 or request.level <= level:
        raise MapError(tr(
            "Cannot map each {unit} inside region {region}: the regions to map must be below "
            "the region's own level (province, regency/city, district, village).").format(
            unit=level_unit(request.level) if 1 <= request.level <= 4 else request.level,
            region=request.region or "-"))
    if request.output_format not in FORMATS:
        raise MapError(tr("Unknown output format '{name}'. Use pdf, png or svg.").format(
            name=request.output_format))
    if request.labels not in LABEL_MODES:
        raise MapError(tr("Unknown label mode '{name}'. Use none, value or name_value.").format(
            name=request.labels))
    try:
        indicators.indicator(request.indicator)
        layouts.template_path(request.paper, request.orientation)
    except ValueError as error:
        raise MapError(str(error)) from error
    if request.classes < 1:
        raise MapError(tr("The number of classes must be at least 1, not {n}.").format(
            n=request.classes))


def region_names(villages) -> dict:
    """Return {code: display name} of every region of a VillageLayer."""
    pairs = ((code, {**names, "nama": villages.villages[code].name})
             for code, names in villages.parents.items())
    return indicators.region_index(pairs)


def dissolve(villages, codes, level: int) -> dict:
    """Return {code at level: geometry} as the union of the villages inside each code."""
    if level == 4:
        return {code: villages.geometries[code] for code in codes if code in villages.geometries}
    parts = {code: [] for code in codes}
    for village, geometry in villages.geometries.items():
        region = indicators.code_at_level(village, level)
        if region in parts:
            parts[region].append(geometry)
    return {code: QgsGeometry.unaryUnion(geometries) for code, geometries in parts.items()
            if geometries}


def ellipsoid_areas(geometries: dict) -> dict:
    """Return {code: area in km²} measured on the WGS 84 ellipsoid."""
    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:4326"),
                         QgsProject.instance().transformContext())
    measure.setEllipsoid("EPSG:7030")
    return {code: measure.measureArea(geometry) / 1e6 for code, geometry in geometries.items()}


def prepare_map_data(recipients, mapping: dict, villages, request: MapRequest,
                     feedback: QgsFeedback | None = None) -> MapData:
    """Count, measure and classify the regions of a request. Safe to run in a QgsTask.

    ``mapping`` ({canonical field: source column}) finds the programme and
    decile columns. Raises MapError for a request that cannot be mapped.
    """
    check_request(request)
    names = region_names(villages)
    if request.region not in names:
        raise MapError(tr(
            "Region code {code} has no village in the boundary layer. Check the code or the "
            "boundary layer.").format(code=request.region))
    spec = indicators.indicator(request.indicator)
    if spec.needs_population and not request.population:
        raise MapError(tr(
            "The rate per 1,000 residents needs a population table or field. Choose one, or "
            "choose another indicator."))

    codes = indicators.children_of(names, request.region, request.level)
    tallies = indicators.tally_villages(recipients, mapping)
    if feedback is not None and feedback.isCanceled():
        return None
    per_region = indicators.aggregate(tallies, codes, request.level)
    geometries = dissolve(villages, codes, request.level)
    areas = ellipsoid_areas(geometries)
    population = (indicators.population_at_level(request.population, codes, request.level)
                  if request.population else {})

    data = MapData(request=request, region_name=names[request.region], indicator=spec,
                   off_map=tallies.off_map)
    values, bases = {}, {}
    for code in codes:
        if code not in geometries:
            continue
        value, base = indicators.indicator_value(request.indicator, per_region[code],
                                                 areas.get(code), population.get(code))
        values[code], bases[code] = value, base
        data.rows.append(RegionRow(code, names[code], per_region[code], value, base,
                                   areas.get(code, 0.0), geometries[code]))
    data.groups = parent_groups(codes, request.region, request.level)
    try:
        data.plan = indicators.plan_classes(
            values, bases, request.method, request.classes, request.manual_breaks,
            request.threshold, spec.decimals, data.groups, additive=spec.is_count)
    except ValueError as error:
        raise MapError(str(error)) from error
    total = indicators.Tally()
    for row in data.rows:
        total.add(row.tally)
    data.parent_total = total

    # The locator shows the region among its parent's children, or the
    # province's regencies for a province.
    region_level = indicators.level_of(request.region)
    parent = indicators.code_at_level(request.region, region_level - 1) if region_level > 1 else ""
    context_level = region_level if region_level > 1 else 1
    siblings = indicators.children_of(names, parent, context_level)
    data.context_rows = sorted(dissolve(villages, siblings, context_level).items())
    return data


# --- layers --------------------------------------------------------------------

def region_layer(data: MapData, name: str = "peta_tematik") -> QgsVectorLayer:
    """Return a polygon memory layer of the mapped regions: codes, names, counts and classes.

    ``teks`` is the value as printed, "< 4" for a suppressed count. The layer
    carries aggregate numbers only, never a recipient's data.
    """
    from qgis.core import QgsFields

    fields = QgsFields()
    for field_name, kind in (("kode", "text"), ("nama", "text"), ("teks", "text"),
                             ("kelas", "int"), ("penerima", "int"), ("kk", "int"),
                             ("luas_km2", "double"), ("judul", "text")):
        fields.append(storage.make_field(field_name, kind))
    features = []
    plan = data.plan
    for row in data.rows:
        feature = QgsFeature(fields)
        recipients = _printable_count(row.tally.recipients, data.request.threshold)
        households = _printable_count(row.tally.households, data.request.threshold)
        feature.setAttributes([
            row.code, row.name, plan.region_text.get(row.code, ""),
            plan.region_class.get(row.code), recipients, households, round(row.area_km2, 3),
            f"{data.indicator.legend_title}: {plan.region_text.get(row.code) or '-'}",
        ])
        feature.setGeometry(row.geometry)
        features.append(feature)
    layer = storage.memory_layer(name, "MultiPolygon", fields, features)
    apply_plan_renderer(layer, "kelas", plan, data.request.ramp)
    if data.request.labels == "value":
        apply_value_labels(layer, '"teks"')
    elif data.request.labels == "name_value":
        apply_value_labels(layer, """"nama" || '\\n' || "teks\"""")
    return layer


def individual_points_layer(source, region: str = "") -> QgsVectorLayer:
    """Return the recipients' points in ``region`` as a memory layer without any attribute.

    ``region`` is matched against the start of the kode_desa field; without
    that field or region every point is copied.

    Copying geometries only keeps NIK, KK numbers and names off the map
    whatever labels or styles the source layer has.
    """
    from qgis.core import QgsCoordinateTransform, QgsFeatureRequest, QgsFields, QgsMarkerSymbol

    transform = QgsCoordinateTransform(source.crs(), QgsCoordinateReferenceSystem("EPSG:4326"),
                                       QgsProject.instance().transformContext())
    request = QgsFeatureRequest().setNoAttributes()
    if region and source.fields().indexOf("kode_desa") >= 0:
        request.setFilterExpression(f"left(\"kode_desa\", {len(region)}) = '{_quote(region)}'")
    features = []
    for source_feature in source.getFeatures(request):
        geometry = source_feature.geometry()
        if geometry is None or geometry.isEmpty():
            continue
        geometry.transform(transform)
        feature = QgsFeature(QgsFields())
        feature.setGeometry(geometry)
        features.append(feature)
    layer = storage.memory_layer("titik_penerima", "Point", QgsFields(), features)
    layer.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple({
        "name": "circle", "color": "#1a1a1a", "outline_color": "#ffffff",
        "outline_width": "0.1", "outline_width_unit": "MM", "size": "0.9",
        "size_unit": "MM"})))
    return layer


def _printable_count(count: int, threshold: int):
    """Return a count for the layer's table, or NULL when it is too small to print."""
    return None if indicators.is_suppressed(count, threshold) else count


def context_layer(data: MapData, highlight_code: str = "", atlas: bool = False) -> QgsVectorLayer:
    """Return the locator's grey regions, simplified for the small locator map."""
    layer = _locator_regions(data, "lokasi", atlas)
    layer.setRenderer(QgsSingleSymbolRenderer(_locator_symbol(layouts.LOCATOR_FILL)))
    return layer


def highlight_layer(data: MapData, highlight_code: str = "", atlas: bool = False) -> QgsVectorLayer:
    """Return the locator overlay that draws the mapped region (or atlas page) in red."""
    layer = _locator_regions(data, "lokasi_wilayah", atlas)
    rule = CURRENT_PAGE_RULE if atlas else f"\"kode\" = '{_quote(highlight_code)}'"
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(_highlight_symbol(), filterExp=rule))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    return layer


def _locator_regions(data: MapData, name: str, atlas: bool) -> QgsVectorLayer:
    """Return the atlas regions, or the parent's children on a single map, simplified."""
    from qgis.core import QgsFields

    fields = QgsFields()
    fields.append(storage.make_field("kode", "text"))
    rows = ([(row.code, row.geometry) for row in data.rows] if atlas else data.context_rows)
    tolerance = _locator_tolerance([geometry for _code, geometry in rows])
    features = []
    for code, geometry in rows:
        feature = QgsFeature(fields)
        feature.setAttributes([code])
        feature.setGeometry(_simplified(geometry, tolerance))
        features.append(feature)
    return storage.memory_layer(name, "MultiPolygon", fields, features)


def _locator_symbol(color: str) -> QgsFillSymbol:
    return QgsFillSymbol.createSimple({"color": color, "outline_color": "#ffffff",
                                       "outline_width": "0.05", "outline_width_unit": "MM"})


def _highlight_symbol() -> QgsFillSymbol:
    """Return the red fill of the located region, with a red dot on it.

    Many villages are under 1 km² and so less than a millimetre wide on the
    locator map; the dot keeps them visible.
    """
    from qgis.core import QgsCentroidFillSymbolLayer, QgsMarkerSymbol

    symbol = _locator_symbol(layouts.LOCATOR_HIGHLIGHT)
    dot = QgsCentroidFillSymbolLayer()
    dot.setPointOnSurface(True)
    dot.setPointOnAllParts(False)
    dot.setSubSymbol(QgsMarkerSymbol.createSimple({
        "name": "circle", "color": layouts.LOCATOR_HIGHLIGHT, "outline_color": "#ffffff",
        "outline_width": "0.2", "outline_width_unit": "MM", "size": str(LOCATOR_DOT_MM),
        "size_unit": "MM"}))
    symbol.appendSymbolLayer(dot)
    return symbol


def _locator_tolerance(geometries) -> float:
    """Return the simplification tolerance of the locator's polygons, in degrees."""
    extent = None
    for geometry in geometries:
        box = geometry.boundingBox()
        if extent is None:
            extent = box
        else:
            extent.combineExtentWith(box)
    if extent is None:
        return 0.0
    return max(extent.width(), extent.height()) * LOCATOR_SIMPLIFY_FRACTION


def _simplified(geometry: QgsGeometry, tolerance: float) -> QgsGeometry:
    """Return a Douglas-Peucker simplification, or the geometry itself when that collapses it."""
    if tolerance <= 0:
        return geometry
    simple = geometry.simplify(tolerance)
    if simple.isNull() or simple.isEmpty() or simple.area() <= 0:
        return geometry
    return simple


# The atlas page name is the region code (see _set_up_atlas). Comparing with
# it is cheap, unlike attribute(@atlas_feature, 'kode'), which copies the
# page's feature with its whole geometry for every region tested.
CURRENT_PAGE_RULE = "\"kode\" = @atlas_pagename"


def focus_layer(data: MapData) -> QgsVectorLayer:
    """Return the atlas overlay, which outlines the page's region in black.

    A white veil over the other regions was tried and dropped: its
    transparency added about 120 KB to each PDF page.
    """
    from qgis.core import QgsFields

    fields = QgsFields()
    fields.append(storage.make_field("kode", "text"))
    features = []
    for row in data.rows:
        feature = QgsFeature(fields)
        feature.setAttributes([row.code])
        feature.setGeometry(row.geometry)
        features.append(feature)
    layer = storage.memory_layer("fokus", "MultiPolygon", fields, features)
    root = QgsRuleBasedRenderer.Rule(None)
    outline = QgsFillSymbol.createSimple({"style": "no", "outline_color": "#000000",
                                          "outline_width": "0.5", "outline_width_unit": "MM"})
    root.appendChild(QgsRuleBasedRenderer.Rule(outline, filterExp=CURRENT_PAGE_RULE))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    return layer


# --- layouts ----------------------------------------------------------------------

def confidential_notice() -> str:
    """Return the notice printed on maps that show individual recipients."""
    return tr("CONFIDENTIAL \u2014 contains individual-level data; for official use only")


def level_unit(level: int) -> str:
    """Return the region name used after "per" in the subtitle, e.g. "village"."""
    return {1: tr("province"), 2: tr("regency/city"), 3: tr("district"),
            4: tr("village")}[level]


def subtitle_text(data: MapData) -> str:
    """Return the subtitle: the indicator, the level and the total, e.g. "Number of recipients per village · total 1.234"."""
    spec = data.indicator
    text = tr("{indicator} per {level}").format(indicator=spec.legend_title,
                                              level=level_unit(data.request.level))
    if spec.is_count:
        total, _ = indicators.indicator_value(data.request.indicator, data.parent_total)
        if indicators.is_suppressed(total, data.request.threshold):
            printed = indicators.suppressed_text(data.request.threshold)
        else:
            printed = indicators.format_number(total)
        text += " \u00b7 " + tr("total {n}").format(n=printed)
    return text


def note_text(data: MapData) -> str:
    """Return the map note on suppression, off-map rows and individual points."""
    parts = []
    if data.request.threshold > 0:
        parts.append(tr("Counts from 1 to {n} are printed as \u201c{text}\u201d to protect "
                        "personal data.").format(
            n=data.request.threshold, text=indicators.suppressed_text(data.request.threshold)))
    if data.off_map:
        parts.append(tr("{n} rows without a village code are left off the map.").format(
            n=indicators.format_number(data.off_map)))
    return " ".join(parts)


@dataclass
class ThematicLayout:
    """A filled print layout and the layers it draws, which must outlive it."""

    layout: object
    layers: list
    atlas: bool


def build_thematic_layout(project: QgsProject, data: MapData,
                          printed_on: datetime.date | None = None) -> ThematicLayout:
    """Fill the request's template with the map of ``data``. Main thread only.

    With ``request.atlas`` the layout's atlas covers the mapped regions, one
    page each, zoomed to the region with its own title and numbers. The
    layers are returned with the layout; add them to ``project`` before
    saving it, because a reopened project finds layers by id.
    """
    request = data.request
    printed_on = printed_on or datetime.date.today()
    areas = region_layer(data)
    if areas.featureCount() == 0:
        raise MapError(tr("Region {code} has no area at level {level} to map.").format(
            code=request.region, level=request.level))
    layer_list = [areas]
    main_layers = [areas]
    if request.individual_layer is not None:
        points = individual_points_layer(request.individual_layer, request.region)
        main_layers.insert(0, points)
        layer_list.append(points)

    template = layouts.template_path(request.paper, request.orientation)
    layout = layouts._load_template(project, template)
    title = request.title or layouts.map_title()
    layout.setName(f"{title} \u2013 {data.region_name}")
    map_item = layouts._item(layout, "peta", QgsLayoutItemMap)
    map_crs = layouts.map_crs_for(areas.crs(), areas.extent(), project)
    map_item.setCrs(map_crs)

    if request.atlas:
        focus = focus_layer(data)
        layer_list.append(focus)
        main_layers.insert(0, focus)
    map_item.setLayers(main_layers)
    map_item.setKeepLayerSet(True)
    layouts._zoom_to_layer(map_item, areas, project)
    layouts._set_graticule_interval(map_item, project)

    layouts._item(layout, "judul", QgsLayoutItemLabel).setText(title)
    wilayah = layouts._item(layout, "wilayah", QgsLayoutItemLabel)
    layouts._item(layout, "sumber", QgsLayoutItemLabel).setText(layouts.source_text())
    layouts._item(layout, "tanggal", QgsLayoutItemLabel).setText(
        layouts.printed_text(printed_on))
    layouts.translate_scale_text(layout)
    layouts._item(layout, "proyeksi", QgsLayoutItemLabel).setText(layouts.describe_crs(map_crs))
    layouts.translate_map_letters(layout)

    subtitle = subtitle_text(data)
    if request.atlas:
        wilayah.setText('[% "nama" %]')
        subtitle = f'[% "judul" %] \u00b7 {data.region_name}'
    else:
        wilayah.setText(data.region_name)
    layouts.fill_extras(layout, subtitle, note_text(data), request.logos)
    layouts.merge_note_labels(layout)
    if request.individual_layer is not None:
        _add_confidential_banner(layout, map_item)

    if request.atlas:
        locator = context_layer(data, atlas=True)
        highlight = highlight_layer(data, atlas=True)
        locator_title = tr("Location in {region}").format(region=data.region_name)
    else:
        locator = context_layer(data)
        highlight = highlight_layer(data, highlight_code=request.region)
        locator_title = tr("Location")
    layouts.set_locator(layout, map_item, [highlight, locator], locator, project,
                        show_main_extent=False, title=locator_title)
    layer_list += [locator, highlight]

    legend = layouts._item(layout, "legenda", QgsLayoutItemLegend)
    layouts._fill_legend(legend, map_item, areas)
    legend.setTitle(data.indicator.legend_title)
    legend.adjustBoxSize()

    scale_bar = layouts._item(layout, "skala_batang", QgsLayoutItemScaleBar)
    scale_bar.setLinkedMap(map_item)
    scale_bar.setNumberOfSegmentsLeft(0)
    scale_bar.setNumberOfSegments(layouts.SCALE_BAR_SEGMENTS)
    if request.atlas:
        _set_up_atlas(layout, project, map_item, areas, scale_bar)
    else:
        layouts.fit_scale_bar(scale_bar, map_item.scale(), layout)
    layout.refresh()
    return ThematicLayout(layout, layer_list, request.atlas)


def _add_confidential_banner(layout, map_item: QgsLayoutItemMap) -> None:
    """Print the confidentiality notice in bold red on a white band across the top of the map."""
    from qgis.core import QgsLayoutPoint, QgsLayoutSize
    from qgis.PyQt.QtGui import QColor, QFont

    # The A3 templates are the A4 design scaled by the long side's ratio.
    page = layout.pageCollection().page(0).pageSize()
    scale = max(page.width(), page.height()) / 297.0
    position = map_item.positionWithUnits()
    size = map_item.sizeWithUnits()
    banner = QgsLayoutItemLabel(layout)
    banner.setId("rahasia")
    banner.setText(confidential_notice())
    font = QFont(layouts.FONT_FAMILY)
    font.setPointSizeF(8.0 * scale)
    font.setBold(True)
    banner.setFont(font)
    banner.setFontColor(QColor(layouts.LOCATOR_HIGHLIGHT))
    banner.setBackgroundEnabled(True)
    banner.setBackgroundColor(QColor("#ffffff"))
    banner.setMarginX(1.5)
    banner.setMarginY(0.8)
    layout.addLayoutItem(banner)
    banner.attemptMove(QgsLayoutPoint(position.x() + 2.0, position.y() + 2.0, layouts.MILLIMETERS))
    banner.attemptResize(QgsLayoutSize(size.width() - 4.0, 6.0, layouts.MILLIMETERS))
    banner.adjustSizeToText()
    banner.setZValue(map_item.zValue() + 1)


def _set_up_atlas(layout, project, map_item, areas, scale_bar) -> None:
    from qgis.core import QgsLayoutItemMap as MapItem, QgsScaleBarSettings

    atlas = layout.atlas()
    atlas.setCoverageLayer(areas)
    atlas.setEnabled(True)
    atlas.setHideCoverage(False)
    atlas.setSortFeatures(True)
    atlas.setSortExpression('"kode"')
    atlas.setFilenameExpression("'peta_' || replace(\"kode\", '.', '_')")
    atlas.setPageNameExpression('"kode"')
    map_item.setAtlasDriven(True)
    map_item.setAtlasScalingMode(MapItem.AtlasScalingMode.Predefined)
    map_item.setAtlasMargin(ATLAS_MARGIN)
    project.viewSettings().setMapScales([float(scale) for scale in reversed(ATLAS_SCALES)])
    project.viewSettings().setUseProjectScales(True)
    # The layout designer's atlas preview reads the scales from here.
    layout.renderContext().setPredefinedScales([float(scale) for scale in ATLAS_SCALES])
    scale_bar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFitWidth)
    # The graticule spacing follows each page's extent.
    for grid in map_item.grids().asList():
        if grid.name() == layouts.GRATICULE_NAME:
            expression = _grid_interval_expression(0)
        elif grid.name() == layouts.ZEBRA_NAME:
            expression = _grid_interval_expression(1)
        else:
            continue
        for key in (QgsLayoutObject.DataDefinedProperty.MapGridIntervalX,
                    QgsLayoutObject.DataDefinedProperty.MapGridIntervalY):
            grid.dataDefinedProperties().setProperty(key, QgsProperty.fromExpression(expression))


def _grid_interval_expression(column: int) -> str:
    """Return an expression giving the grid spacing in degrees for the current map extent."""
    side = ("min(x_max(@bounds) - x_min(@bounds), y_max(@bounds) - y_min(@bounds)) * 60")
    cases = []
    for lines, zebra in reversed(layouts.GRID_INTERVALS_MINUTES):
        minutes = (lines, zebra)[column]
        cases.append(f"WHEN @side / {lines} >= {layouts.GRID_MIN_LINES} THEN {minutes / 60.0}")
    first = layouts.GRID_INTERVALS_MINUTES[0][column] / 60.0
    return ("with_variable('bounds', bounds(transform(@map_extent, @map_crs, 'EPSG:4326')), "
            f"with_variable('side', {side}, CASE {' '.join(cases)} ELSE {first} END))")


# --- export -------------------------------------------------------------------------

def export_thematic_map(data: MapData, output_path: str, feedback: QgsFeedback | None = None,
                        printed_on: datetime.date | None = None,
                        project: QgsProject | None = None) -> dict:
    """Write the map (one page) or the atlas (one page per region) to PDF, PNG or SVG.

    A PDF atlas is one multi-page file; PNG and SVG give one file per page,
    named after ``output_path`` with the region code. With
    ``request.summary_table`` a table of the numbers per region is written
    beside it as ``<name>_tabel.pdf``. ``feedback`` can cancel between
    atlas pages. Returns {"pages", "files", "classes", "table"}. Raises
    MapError when the export fails.
    """
    request = data.request
    private = project is None
    if private:
        project = QgsProject()
        project.setEllipsoid("EPSG:7030")
    directory = os.path.dirname(os.path.abspath(output_path))
    if not os.path.isdir(directory):
        raise MapError(tr("The output folder {path} does not exist.").format(path=directory))
    thematic = build_thematic_layout(project, data, printed_on)
    try:
        files, pages = _export(thematic, output_path, request.output_format, feedback)
        table = None
        if request.summary_table and not (feedback is not None and feedback.isCanceled()):
            table = os.path.splitext(output_path)[0] + "_tabel.pdf"
            export_summary_table(data, table, project, printed_on)
    finally:
        del thematic
    return {"pages": pages, "files": files, "classes": data.plan.range_classes(),
            "table": table, "suppressed": data.plan.suppressed}


def _export(thematic: ThematicLayout, output_path: str, output_format: str, feedback):
    if thematic.atlas:
        files, pages, result, error = _export_atlas(thematic, output_path, output_format,
                                                    feedback)
    else:
        files, pages, error = [output_path], 1, ""
        exporter = QgsLayoutExporter(thematic.layout)
        if output_format == "pdf":
            result = exporter.exportToPdf(output_path, layouts._pdf_settings())
        elif output_format == "png":
            result = exporter.exportToImage(output_path, _image_settings())
        else:
            result = exporter.exportToSvg(output_path, _svg_settings())
    if feedback is not None and feedback.isCanceled():
        return [], 0
    if result != QgsLayoutExporter.ExportResult.Success:
        code = getattr(result, "value", result)
        raise MapError(tr(
            "Exporting the map failed (QgsLayoutExporter result code {code}{detail}). Check that "
            "the target folder exists and is writable, and that the file is not open in another "
            "program.").format(code=int(code), detail=f": {error}" if error else ""))
    return files, pages


def _export_atlas(thematic: ThematicLayout, output_path: str, output_format: str, feedback):
    """Export every atlas page; return (files, pages, result, error)."""
    layout = thematic.layout
    base, _extension = os.path.splitext(output_path)
    folder = os.path.dirname(output_path)
    atlas = layout.atlas()
    atlas.updateFeatures()
    pages = atlas.count()
    if output_format != "pdf":
        atlas.setFilenameExpression(
            f"'{_quote(os.path.basename(base))}_' || replace(\"kode\", '.', '_')")
    from .atlas_pages import AtlasPages

    with AtlasPages(layout, thematic.layers, LOCATOR_DOT_MM) as page_items:
        if output_format == "pdf":
            from .atlas_pdf import PagePrinter

            printer = PagePrinter(layout, _with_atlas_scales(layouts._pdf_settings()),
                                  on_page=page_items.update,
                                  fixed_items=page_items.fixed_items())
            result, error, pages = printer.export(output_path, feedback)
            return [output_path], pages, result, error
        if output_format == "png":
            result, error = QgsLayoutExporter.exportToImage(
                atlas, os.path.join(folder, "peta"), "png",
                _with_atlas_scales(_image_settings()), feedback)
        else:
            result, error = QgsLayoutExporter.exportToSvg(
                atlas, os.path.join(folder, "peta"), _with_atlas_scales(_svg_settings()),
                feedback)
        return _atlas_files(layout, base, output_format), pages, result, error


def _with_atlas_scales(settings):
    """Give export settings the atlas scales.

    QgsLayoutExporter hands ``predefinedMapScales`` to the layout before each
    export. Left empty, a map in the Predefined scaling mode keeps one extent
    on every page (seen on QGIS 3.22) instead of zooming to each region.
    """
    settings.predefinedMapScales = [float(scale) for scale in ATLAS_SCALES]
    return settings


def _quote(text: str) -> str:
    return text.replace("'", "''")


def _atlas_files(layout, base: str, extension: str) -> list:
    directory = os.path.dirname(base) or "."
    prefix = os.path.basename(base) + "_"
    return sorted(os.path.join(directory, name) for name in os.listdir(directory)
                  if name.startswith(prefix) and name.endswith("." + extension))


def _image_settings() -> QgsLayoutExporter.ImageExportSettings:
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = IMAGE_DPI
    settings.exportMetadata = False
    return settings


def _svg_settings() -> QgsLayoutExporter.SvgExportSettings:
    from qgis.core import Qgis

    settings = QgsLayoutExporter.SvgExportSettings()
    settings.dpi = layouts.PDF_DPI
    settings.exportMetadata = False
    settings.forceVectorOutput = True
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    return settings


def summary_rows(data: MapData) -> list:
    """Return the summary table rows: code, name, recipients, households, value as printed.

    Counts from 1 to the threshold are printed as "< threshold + 1", as on the
    map, and each column hides a second count beside a lone small one ("*").
    """
    threshold = data.request.threshold
    columns = [_printed_column({row.code: row.tally.recipients for row in data.rows},
                               threshold, data.groups),
               _printed_column({row.code: row.tally.households for row in data.rows},
                               threshold, data.groups)]

    def printed(count):
        if indicators.is_suppressed(count, threshold):
            return indicators.suppressed_text(threshold)
        return indicators.format_number(count)

    rows = []
    for row in data.rows:
        rows.append([row.code, row.name, columns[0][row.code], columns[1][row.code],
                     data.plan.region_text.get(row.code, "") or "-"])
    total = data.parent_total
    rows.append(["", tr("Total {region}").format(region=data.region_name), printed(total.recipients),
                 printed(total.households), ""])
    return rows


def _printed_column(counts: dict, threshold: int, groups) -> dict:
    """Return {code: text} of a column of counts, with small and second hidden counts replaced."""
    small, extra = indicators.hidden_counts(counts, threshold, groups)
    texts = {}
    for code, count in counts.items():
        if code in small:
            texts[code] = indicators.suppressed_text(threshold)
        elif code in extra:
            texts[code] = indicators.SECONDARY_TEXT
        else:
            texts[code] = indicators.format_number(count)
    return texts


def secondary_note(threshold: int) -> str:
    """Return the summary table's footnote on the counts hidden beside small ones."""
    return tr("{mark} hidden so that counts {text} cannot be worked out").format(
        mark=indicators.SECONDARY_TEXT, text=indicators.suppressed_text(threshold))


def export_summary_table(data: MapData, pdf_path: str, project: QgsProject,
                         printed_on: datetime.date | None = None) -> int:
    """Write the numbers per region as a table on A4 portrait pages; return the page count."""
    from qgis.core import (
        QgsLayoutFrame, QgsLayoutItemManualTable, QgsLayoutMultiFrame, QgsLayoutPoint,
        QgsLayoutItemPage, QgsLayoutSize, QgsLayoutTableColumn, QgsPrintLayout, QgsTableCell,
        QgsTextFormat,
    )
    from qgis.PyQt.QtGui import QFont

    printed_on = printed_on or datetime.date.today()
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Orientation.Portrait)
    layout.setName(tr("Table \u2013 {region}").format(region=data.region_name))
    title = QgsLayoutItemLabel(layout)
    title.setText(f"{data.request.title or layouts.map_title()}\n{data.region_name}: "
                  f"{subtitle_text(data)}")
    title.setFont(QFont("DejaVu Sans", 11))
    layout.addLayoutItem(title)
    title.attemptMove(QgsLayoutPoint(15, 12, layouts.MILLIMETERS))
    title.attemptResize(QgsLayoutSize(180, 14, layouts.MILLIMETERS))
    rows = summary_rows(data)
    footer = QgsLayoutItemLabel(layout)
    hidden = ""
    if any(cell == indicators.SECONDARY_TEXT for row in rows for cell in row[2:]):
        hidden = secondary_note(data.request.threshold) + ". "
    footer.setText(f"{layouts.source_text()}. {note_text(data)} {hidden}"
                   f"{layouts.printed_text(printed_on)}")
    footer.setFont(QFont("DejaVu Sans", 7))
    layout.addLayoutItem(footer)
    footer.attemptMove(QgsLayoutPoint(15, 275, layouts.MILLIMETERS))
    footer.attemptResize(QgsLayoutSize(180, 10, layouts.MILLIMETERS))

    table = QgsLayoutItemManualTable.create(layout)
    layout.addMultiFrame(table)
    headers = [tr("Code"), tr("Region"), tr("Recipients"), tr("Households"),
               data.indicator.legend_title]
    widths = (24, 60, 22, 18, 50)
    table.setIncludeTableHeader(True)
    table.setHeaders([QgsLayoutTableColumn(header) for header in headers])
    table.setColumnWidths(list(widths))
    table.setTableContents([[QgsTableCell(value) for value in row] for row in rows])
    text_format = QgsTextFormat()
    text_format.setFont(QFont("DejaVu Sans"))
    text_format.setSize(7.5)
    if hasattr(table, "setContentTextFormat"):
        table.setContentTextFormat(text_format)
        header_format = QgsTextFormat(text_format)
        header_format.setFont(QFont("DejaVu Sans", 7, QFont.Weight.Bold))
        table.setHeaderTextFormat(header_format)
    table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.RepeatUntilFinished)
    frame = QgsLayoutFrame(layout, table)
    frame.attemptMove(QgsLayoutPoint(15, 30, layouts.MILLIMETERS))
    frame.attemptResize(QgsLayoutSize(180, 240, layouts.MILLIMETERS))
    table.addFrame(frame)
    table.recalculateFrameSizes()
    result = QgsLayoutExporter(layout).exportToPdf(pdf_path, layouts._pdf_settings())
    pages = layout.pageCollection().pageCount()
    del layout
    if result != QgsLayoutExporter.ExportResult.Success:
        code = getattr(result, "value", result)
        raise MapError(tr(
            "Exporting the summary table failed (QgsLayoutExporter result code {code}).").format(
            code=int(code)))
    return pages


def open_in_designer(iface, data: MapData, printed_on: datetime.date | None = None):
    """Add the map's layers and layout to the current project and open the layout designer."""
    project = QgsProject.instance()
    thematic = build_thematic_layout(project, data, printed_on)
    for layer in thematic.layers:
        project.addMapLayer(layer, False)
    manager = project.layoutManager()
    name = thematic.layout.name()
    existing = manager.layoutByName(name)
    if existing is not None:
        manager.removeLayout(existing)
    manager.addLayout(thematic.layout)
    if iface is not None:
        iface.openLayoutDesigner(thematic.layout)
    return thematic.layout


def level_name(level: int) -> str:
    """Return the Indonesian name of a level."""
    return LEVEL_NAMES[level]
