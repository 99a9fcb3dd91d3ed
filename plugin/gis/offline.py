"""The offline field package: base-map tiles, boundaries, recipients and a project.

``build_offline_package`` writes into one folder:

* ``peta_dasar.mbtiles``: the base map rendered into XYZ tiles for the
  region's whole bounding box at the chosen zoom levels, by QGIS's own
  "Generate XYZ tiles (MBTiles)" algorithm;
* ``paket.gpkg``: every boundary level the source has (provinsi, kabupaten,
  kecamatan, desa), cut to the region, and the region's recipients;
* ``paket_luring.qgz``: a project with relative paths that opens them all
  without a network.
"""

from __future__ import annotations

import math
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import (
    Qgis, QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform,
    QgsCoordinateTransformContext, QgsExpression, QgsFeatureRequest,
    QgsFillSymbol, QgsProcessingContext, QgsProcessingException,
    QgsProcessingFeedback, QgsProcessingMultiStepFeedback, QgsProject, QgsRasterLayer,
    QgsRectangle, QgsReferencedRectangle, QgsSingleSymbolRenderer, QgsVectorFileWriter,
    QgsVectorLayer,
)

from ..compat import NO_GEOMETRY_FLAG, POLYGON_GEOMETRY
from ..core import records
from ..core.regions import normalize_code
from ..i18n import tr
from .basemaps import RASTER_KINDS, BaseMapService, make_layer, set_attribution
from .boundaries import WGS84, _sample_level, _sublayer_uris

TILES_FILE_NAME = "peta_dasar.mbtiles"
GPKG_FILE_NAME = "paket.gpkg"
PROJECT_FILE_NAME = "paket_luring.qgz"
RECIPIENT_LAYER_NAME = "penerima"
BASEMAP_LAYER_NAME = "Peta dasar"
STYLES_DIR = Path(__file__).resolve().parents[2] / "resources" / "styles"

# NOTE: an estimate of what a field office can fetch and carry: 20,000 tiles are
# roughly 200-600 MB of map tiles and hours of requests to the tile service.
# Callers can pass another max_tiles.
MAX_TILES = 20000
# The web-mercator tile grid ends at this latitude.
MAX_MERCATOR_LATITUDE = 85.0511287798

LEVEL_NAMES = ("provinsi", "kabupaten", "kecamatan", "desa")
# Code fields of each boundary level, in order of preference (compared without case):
# BIG's layout first, then plain names.
LEVEL_CODE_FIELDS = {
    "provinsi": ("KDPPUM", "kode_prov", "kode_provinsi", "kd_prov"),
    "kabupaten": ("KDPKAB", "kode_kab", "kode_kabupaten", "kd_kab"),
    "kecamatan": ("KDCPUM", "kode_kec", "kode_kecamatan", "kd_kec"),
    "desa": ("KDEPUM", "kode_desa", "kd_desa", "kode"),
}
# Outline colour and width (mm) of each level in the package's project.
LEVEL_OUTLINES = {
    "provinsi": ("#000000", 0.8),
    "kabupaten": ("#5a2d82", 0.6),
    "kecamatan": ("#c0392b", 0.4),
    "desa": ("#7f7f7f", 0.2),
}

WEB_MERCATOR = QgsCoordinateReferenceSystem("EPSG:3857")
TILE_ALGORITHMS = ("native:tilesxyzmbtiles", "qgis:tilesxyzmbtiles")


class OfflinePackageError(Exception):
    """A package that cannot be built from these inputs; the message is for the user."""


@dataclass
class BoundaryLevel:
    """One boundary level of the source: its layer and the field of its own code."""

    name: str
    layer: QgsVectorLayer
    code_field: str


@dataclass
class OfflinePackage:
    """Files and counts that build_offline_package wrote."""

    folder: str
    project_path: str
    tiles_path: str
    gpkg_path: str
    # EPSG:4326 bounding box of the region; the tiles cover it whole.
    extent: QgsRectangle = None
    region_code: str = ""
    tile_count: int = 0
    # Layer name in paket.gpkg → number of features written.
    feature_counts: dict = field(default_factory=dict)


# ---------------------------------------------------------------- tiles


def _tile_x(longitude: float, zoom: int) -> int:
    return int(math.floor((longitude + 180.0) / 360.0 * (1 << zoom)))


def _tile_y(latitude: float, zoom: int) -> int:
    latitude = max(-MAX_MERCATOR_LATITUDE, min(MAX_MERCATOR_LATITUDE, latitude))
    radians = math.radians(latitude)
    return int(math.floor((1.0 - math.asinh(math.tan(radians)) / math.pi) / 2.0 * (1 << zoom)))


def tile_range(extent: QgsRectangle, zoom: int) -> tuple:
    """Return (first x, last x, first y, last y) of the XYZ tiles over an EPSG:4326 extent."""
    last = (1 << zoom) - 1
    first_x = min(max(_tile_x(extent.xMinimum(), zoom), 0), last)
    last_x = min(max(_tile_x(extent.xMaximum(), zoom), 0), last)
    first_y = min(max(_tile_y(extent.yMaximum(), zoom), 0), last)
    last_y = min(max(_tile_y(extent.yMinimum(), zoom), 0), last)
    return first_x, last_x, first_y, last_y


def tile_count(extent: QgsRectangle, zoom_min: int, zoom_max: int) -> int:
    """Return how many tiles cover an EPSG:4326 extent at zoom levels zoom_min..zoom_max.

    The count follows the grid of QGIS's XYZ tile algorithms: every tile that
    the extent touches, at each level.
    """
    total = 0
    for zoom in range(zoom_min, zoom_max + 1):
        first_x, last_x, first_y, last_y = tile_range(extent, zoom)
        total += (last_x - first_x + 1) * (last_y - first_y + 1)
    return total


def _tile_algorithm_id() -> str:
    registry = QgsApplication.processingRegistry()
    for algorithm_id in TILE_ALGORITHMS:
        if registry.algorithmById(algorithm_id) is not None:
            return algorithm_id
    raise OfflinePackageError(tr(
        "The QGIS algorithm 'Generate XYZ tiles (MBTiles)' is not available. Enable the "
        "Processing plugin in QGIS and try again."))


def render_tiles(service: BaseMapService, extent: QgsRectangle, zoom_min: int, zoom_max: int,
                 path: str, feedback: QgsProcessingFeedback, dpi: int = 96) -> None:
    """Render a base-map service into an MBTiles file over an EPSG:4326 extent.

    The algorithm renders the visible layers of its context's project, so it
    gets a project of its own that holds only the base-map layer, in
    EPSG:4326 like the extent.
    """
    import processing  # QGIS's Processing plugin; imported late so this module loads without it

    layer = make_layer(service)
    if not layer.isValid():
        raise OfflinePackageError(tr(
            "The base map '{title}' could not be opened: {error}").format(
            title=service.title, error=layer.error().summary() or service.url))
    project = QgsProject()
    project.setCrs(WGS84)
    project.addMapLayer(layer)
    context = QgsProcessingContext()
    context.setProject(project)
    context.setTransformContext(project.transformContext())
    context.setFeedback(feedback)
    parameters = {
        "EXTENT": f"{extent.xMinimum():.10f},{extent.xMaximum():.10f},"
                  f"{extent.yMinimum():.10f},{extent.yMaximum():.10f} [EPSG:4326]",
        "ZOOM_MIN": zoom_min,
        "ZOOM_MAX": zoom_max,
        "DPI": dpi,
        "TILE_FORMAT": 0,  # PNG
        "METATILESIZE": 4,
        "OUTPUT_FILE": path,
    }
    try:
        processing.run(_tile_algorithm_id(), parameters, context=context, feedback=feedback,
                       is_child_algorithm=True)
    except QgsProcessingException as error:
        raise OfflinePackageError(tr("Making the base-map tiles failed: {error}").format(
            error=error)) from error
    finally:
        project.removeAllMapLayers()
    if not feedback.isCanceled():
        _set_mbtiles_metadata(path, service)


def _set_mbtiles_metadata(path: str, service: BaseMapService) -> None:
    """Write the service's name and attribution into the MBTiles metadata table."""
    with sqlite3.connect(path) as connection:
        for name, value in (("name", service.title), ("attribution", service.attribution),
                            ("description", service.url)):
            connection.execute("DELETE FROM metadata WHERE name = ?", (name,))
            connection.execute("INSERT INTO metadata (name, value) VALUES (?, ?)",
                               (name, value))
    connection.close()


def count_mbtiles(path: str) -> int:
    """Return the number of tiles stored in an MBTiles file."""
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT COUNT(*) FROM tiles").fetchone()[0]
    finally:
        connection.close()


# ---------------------------------------------------------------- boundaries


def _detect_level(layer: QgsVectorLayer):
    """Return the BoundaryLevel of a polygon layer, or None when it has no region code."""
    names = {name.lower(): name for name in layer.fields().names()}
    best = None
    for candidates in LEVEL_CODE_FIELDS.values():
        for candidate in candidates:
            field_name = names.get(candidate.lower())
            if field_name is None:
                continue
            level = _sample_level(layer, field_name)
            if level and (best is None or level > best[0]):
                best = (level, field_name)
    if best is None:
        return None
    return BoundaryLevel(LEVEL_NAMES[best[0] - 1], layer, best[1])


def boundary_levels(source) -> dict:
    """Return {level name: BoundaryLevel} of a boundary source.

    ``source`` is a layer, a file path (every polygon layer of the file is
    examined), ``path|layername=...``, or a list of these.
    """
    sources = source if isinstance(source, (list, tuple)) else [source]
    layers = []
    for item in sources:
        if isinstance(item, QgsVectorLayer):
            layers.append(item)
        elif "|layername=" in str(item):
            layers.append(QgsVectorLayer(str(item), str(item).rsplit("=", 1)[-1], "ogr"))
        else:
            if not os.path.exists(str(item)):
                raise OfflinePackageError(tr("Boundary file not found: {path}").format(path=item))
            layers.extend(QgsVectorLayer(uri, uri.rsplit("=", 1)[-1], "ogr")
                          for uri in _sublayer_uris(str(item)))
    levels = {}
    for layer in layers:
        if not layer.isValid() or layer.geometryType() != POLYGON_GEOMETRY:
            continue
        level = _detect_level(layer)
        if level is not None and level.name not in levels:
            levels[level.name] = level
    if not levels:
        raise OfflinePackageError(tr(
            "No boundary layer found: a polygon layer with a region code field (KDEPUM, "
            "KDCPUM, KDPKAB, KDPPUM or kode) is required."))
    return levels


def _code_matches(code, region: str) -> bool:
    return bool(code) and (code == region or code.startswith(region + "."))


def _matching_ids(level: BoundaryLevel, predicate) -> list:
    request = QgsFeatureRequest().setFlags(NO_GEOMETRY_FLAG)
    request.setSubsetOfAttributes([level.code_field], level.layer.fields())
    return [feature.id() for feature in level.layer.getFeatures(request)
            if predicate(normalize_code(str(feature[level.code_field] or "")))]


def _to_wgs84(layer: QgsVectorLayer):
    if not layer.crs().isValid() or layer.crs() == WGS84:
        return None
    return QgsCoordinateTransform(layer.crs(), WGS84, QgsCoordinateTransformContext())


def region_extent(levels: dict, region_code: str) -> QgsRectangle:
    """Return the EPSG:4326 bounding box of a region from its own or finer boundaries."""
    region = normalize_code(region_code)
    if region is None:
        raise OfflinePackageError(tr(
            "Invalid region code '{code}': use a Kemendagri code such as 17, 17.04, 17.04.01 "
            "or 17.04.01.2001.").format(code=region_code))
    depth = len(region.split("."))
    extent = QgsRectangle()
    extent.setMinimal()
    for name in LEVEL_NAMES[depth - 1:]:
        level = levels.get(name)
        if level is None:
            continue
        ids = _matching_ids(level, lambda code: _code_matches(code, region))
        if not ids:
            continue
        transform = _to_wgs84(level.layer)
        for feature in level.layer.getFeatures(QgsFeatureRequest().setFilterFids(ids)):
            geometry = feature.geometry()
            if geometry is None or geometry.isEmpty():
                continue
            if transform is not None:
                geometry.transform(transform)
            extent.combineExtentWith(geometry.boundingBox())
        if not extent.isEmpty():
            return extent
    raise OfflinePackageError(tr(
        "The region {code} is not in the boundary layers. Check the code, or choose "
        "boundaries that cover it.").format(code=region))


def _write_layer(layer: QgsVectorLayer, request: QgsFeatureRequest, path: str, name: str,
                 first: bool, clip_rectangle=None) -> int:
    """Write the requested features into a GeoPackage layer in EPSG:4326; return the count.

    ``clip_rectangle`` (in the layer's CRS) cuts each geometry to it.
    """
    copy = layer.materialize(request)
    if clip_rectangle is not None:
        geometries = {}
        for feature in copy.getFeatures():
            geometry = feature.geometry()
            if geometry is not None and not geometry.isEmpty():
                clipped = geometry.clipped(clip_rectangle)
                clipped.convertToMultiType()
                geometries[feature.id()] = clipped
        copy.dataProvider().changeGeometryValues(geometries)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name
    options.fileEncoding = "UTF-8"
    options.actionOnExistingFile = (
        QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile if first
        else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer)
    if layer.crs().isValid() and layer.crs() != WGS84:
        options.ct = QgsCoordinateTransform(layer.crs(), WGS84, QgsCoordinateTransformContext())
    result = QgsVectorFileWriter.writeAsVectorFormatV3(
        copy, path, QgsCoordinateTransformContext(), options)
    if result[0] != QgsVectorFileWriter.WriterError.NoError:
        raise OfflinePackageError(tr("Writing the layer {name} into {path} failed: "
                                     "{error}").format(name=name, path=path, error=result[1]))
    return copy.featureCount()


def write_boundaries(levels: dict, region_code: str, extent: QgsRectangle, path: str,
                     feedback=None) -> dict:
    """Write each boundary level cut to the region into a new GeoPackage.

    Levels at or below the region's keep the features whose code is in the
    region, whole. Levels above it keep the region's parents, cut to the
    region's bounding box (``extent``, EPSG:4326). Without a region code every
    level keeps the features that touch ``extent``, cut to it.
    Returns {level name: feature count}.
    """
    region = normalize_code(region_code) if region_code else None
    depth = len(region.split(".")) if region else 0
    counts = {}
    for index, name in enumerate(name for name in LEVEL_NAMES if name in levels):
        if feedback is not None and feedback.isCanceled():
            break
        level = levels[name]
        rectangle = extent
        if level.layer.crs().isValid() and level.layer.crs() != WGS84:
            to_layer = QgsCoordinateTransform(WGS84, level.layer.crs(),
                                              QgsCoordinateTransformContext())
            rectangle = to_layer.transformBoundingBox(extent)
        level_depth = LEVEL_NAMES.index(name) + 1
        if region and level_depth >= depth:
            ids = _matching_ids(level, lambda code: _code_matches(code, region))
            request, clip = QgsFeatureRequest().setFilterFids(ids), None
        elif region:
            ids = _matching_ids(level, lambda code: bool(code) and _code_matches(region, code))
            request, clip = QgsFeatureRequest().setFilterFids(ids), rectangle
        else:
            request, clip = QgsFeatureRequest().setFilterRect(rectangle), rectangle
        counts[name] = _write_layer(level.layer, request, path, name, index == 0, clip)
    return counts


# ---------------------------------------------------------------- recipients


def open_recipient_layer(source) -> QgsVectorLayer:
    """Return the recipient layer from a layer, a GeoPackage path or ``path|layername=``."""
    if isinstance(source, QgsVectorLayer):
        layer = source
    else:
        uri = str(source)
        if "|" not in uri:
            if not os.path.exists(uri):
                raise OfflinePackageError(tr("Recipient file not found: {path}").format(
                    path=uri))
            uris = _sublayer_uris(uri)
            named = [item for item in uris
                     if item.endswith(f"|layername={RECIPIENT_LAYER_NAME}")]
            uri = (named or uris or [uri])[0]
        layer = QgsVectorLayer(uri, RECIPIENT_LAYER_NAME, "ogr")
    if not layer.isValid():
        raise OfflinePackageError(tr("The recipient layer could not be opened."))
    if layer.fields().indexOf(records.KODE_DESA) < 0:
        raise OfflinePackageError(tr(
            "The layer is not a recipient layer of DTKS Spasial: it has no {field} field. "
            "Run 'Import DTKS table' and 'Snap recipients to village boundaries' "
            "first.").format(field=records.KODE_DESA))
    return layer


def write_recipients(source, region_code: str, extent: QgsRectangle, path: str) -> int:
    """Copy the region's recipients into the package's GeoPackage; return the count.

    With a region code, a recipient is in the region when its kode_desa is
    in it (recipients without a point too). Without one, when its point is
    inside ``extent`` (EPSG:4326).
    """
    layer = open_recipient_layer(source)
    region = normalize_code(region_code) if region_code else None
    if region:
        field_name = QgsExpression.quotedColumnRef(records.KODE_DESA)
        expression = (f"{field_name} = {QgsExpression.quotedValue(region)} OR "
                      f"left({field_name}, {len(region) + 1}) = "
                      f"{QgsExpression.quotedValue(region + '.')}")
        request = QgsFeatureRequest().setFilterExpression(expression)
    else:
        rectangle = extent
        if layer.crs().isValid() and layer.crs() != WGS84:
            rectangle = QgsCoordinateTransform(
                WGS84, layer.crs(), QgsCoordinateTransformContext()).transformBoundingBox(extent)
        request = QgsFeatureRequest().setFilterRect(rectangle)
    return _write_layer(layer, request, path, RECIPIENT_LAYER_NAME, not os.path.exists(path))


# ---------------------------------------------------------------- project


def _boundary_symbol(level: str) -> QgsFillSymbol:
    colour, width = LEVEL_OUTLINES[level]
    return QgsFillSymbol.createSimple({
        "color": "0,0,0,0", "style": "no", "outline_color": colour,
        "outline_width": str(width), "outline_width_unit": "MM",
    })


def _open_tiles_layer(path: str) -> QgsRasterLayer:
    """Open the MBTiles as a GDAL raster layer without writing GDAL's .aux.xml files.

    QGIS reads statistics of a new layer's lowest zoom level, and GDAL (3.6)
    stores those of a zoom level in "<current directory>/ - zoom_level=N.aux.xml".
    A project reads its renderer from the file instead, so only this first
    opening does it.
    """
    from osgeo import gdal

    previous = gdal.GetThreadLocalConfigOption("GDAL_PAM_ENABLED", None)
    gdal.SetThreadLocalConfigOption("GDAL_PAM_ENABLED", "NO")
    try:
        return QgsRasterLayer(path, BASEMAP_LAYER_NAME, "gdal")
    finally:
        gdal.SetThreadLocalConfigOption("GDAL_PAM_ENABLED", previous)


def write_project(package: OfflinePackage, service: BaseMapService, title: str) -> None:
    """Write the package's project: recipients on top, boundaries, the base map last."""
    project = QgsProject()
    project.setTitle(title)
    project.setCrs(WEB_MERCATOR)
    project.setFilePathStorage(Qgis.FilePathType.Relative)
    root = project.layerTreeRoot()

    if RECIPIENT_LAYER_NAME in package.feature_counts:
        recipients = QgsVectorLayer(f"{package.gpkg_path}|layername={RECIPIENT_LAYER_NAME}",
                                    tr("Recipients"), "ogr")
        style = STYLES_DIR / "penerima.qml"
        if style.is_file():
            recipients.loadNamedStyle(str(style))
        project.addMapLayer(recipients, False)
        root.addLayer(recipients)
    for level in reversed(LEVEL_NAMES):
        if level not in package.feature_counts:
            continue
        layer = QgsVectorLayer(f"{package.gpkg_path}|layername={level}", level, "ogr")
        layer.setRenderer(QgsSingleSymbolRenderer(_boundary_symbol(level)))
        project.addMapLayer(layer, False)
        root.addLayer(layer)

    basemap = _open_tiles_layer(package.tiles_path)
    set_attribution(basemap, service.attribution)
    project.addMapLayer(basemap, False)
    root.addLayer(basemap)

    to_mercator = QgsCoordinateTransform(WGS84, WEB_MERCATOR, project.transformContext())
    view = to_mercator.transformBoundingBox(package.extent)
    project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(view, WEB_MERCATOR))
    if not project.write(package.project_path):
        raise OfflinePackageError(tr("Writing the project {path} failed: {error}").format(
            path=package.project_path, error=project.error()))
    project.removeAllMapLayers()


# ---------------------------------------------------------------- the package


def _check_request(service: BaseMapService, zoom_min: int, zoom_max: int) -> None:
    if service.kind not in RASTER_KINDS:
        raise OfflinePackageError(tr(
            "'{title}' is a feature service, not a base map: choose a tile, WMS, WMTS or "
            "ArcGIS MapServer service.").format(title=service.title))
    if not 0 <= zoom_min <= zoom_max <= 25:
        raise OfflinePackageError(tr(
            "Invalid zoom levels {min}-{max}: they must be between 0 and 25, the minimum not "
            "above the maximum.").format(min=zoom_min, max=zoom_max))


def _remove_outputs(package: OfflinePackage) -> None:
    for path in (package.tiles_path, package.gpkg_path, package.project_path):
        for candidate in (path, f"{path}-wal", f"{path}-shm", f"{path}-journal",
                          f"{path}.aux.xml"):
            if os.path.exists(candidate):
                os.remove(candidate)


def build_offline_package(output_dir: str, service: BaseMapService, zoom_min: int,
                          zoom_max: int, region_code: str = "", boundaries=None,
                          extent: QgsRectangle = None, recipients=None, feedback=None,
                          max_tiles: int = MAX_TILES, dpi: int = 96):
    """Build the offline package of a region; return an OfflinePackage, or None if canceled.

    The region is ``region_code`` looked up in ``boundaries`` or, without a
    code, ``extent`` (EPSG:4326). ``boundaries`` and ``recipients`` are
    layers or file paths, and both may be None. Files of an earlier package
    in ``output_dir`` are replaced. A canceled build removes what it wrote.
    Raises OfflinePackageError with a message for the user.
    """
    feedback = feedback or QgsProcessingFeedback()
    _check_request(service, zoom_min, zoom_max)
    levels = boundary_levels(boundaries) if boundaries is not None else {}
    if region_code:
        if not levels:
            raise OfflinePackageError(tr(
                "A region code needs boundary layers to find the region in."))
        extent = region_extent(levels, region_code)
        region_code = normalize_code(region_code)
    elif extent is None or extent.isEmpty():
        raise OfflinePackageError(tr("Give a region code or an extent for the package."))

    count = tile_count(extent, zoom_min, zoom_max)
    feedback.pushInfo(tr("The base map needs {count} tiles at zoom levels {min}-{max}.").format(
        count=count, min=zoom_min, max=zoom_max))
    if count > max_tiles:
        raise OfflinePackageError(tr(
            "The package would need {count} tiles, more than the limit of {limit}. Choose a "
            "lower maximum zoom or a smaller region.").format(count=count, limit=max_tiles))

    os.makedirs(output_dir, exist_ok=True)
    package = OfflinePackage(
        folder=output_dir, project_path=os.path.join(output_dir, PROJECT_FILE_NAME),
        tiles_path=os.path.join(output_dir, TILES_FILE_NAME),
        gpkg_path=os.path.join(output_dir, GPKG_FILE_NAME), extent=QgsRectangle(extent),
        region_code=region_code or "", tile_count=count)
    _remove_outputs(package)

    steps = QgsProcessingMultiStepFeedback(4, feedback)
    feedback.pushInfo(tr("Rendering the base-map tiles…"))
    render_tiles(service, extent, zoom_min, zoom_max, package.tiles_path, steps, dpi)
    if feedback.isCanceled():
        _remove_outputs(package)
        return None
    stored = count_mbtiles(package.tiles_path)
    if stored == 0:
        # QGIS stores no tile for an area it drew nothing on, which is what an
        # unreachable service gives: a package with a blank base map.
        _remove_outputs(package)
        raise OfflinePackageError(tr(
            "No base-map tile could be made: the service '{title}' sent nothing for this "
            "region. Check the network connection and the service address ({url}), then try "
            "again.").format(title=service.title, url=service.url))
    if stored < count:
        feedback.pushWarning(tr(
            "Only {stored} of {count} base-map tiles have map content; the rest of the "
            "region stays blank offline.").format(stored=stored, count=count))

    steps.setCurrentStep(1)
    if levels:
        feedback.pushInfo(tr("Writing the boundaries…"))
        package.feature_counts.update(write_boundaries(levels, region_code, extent,
                                                       package.gpkg_path, steps))
    steps.setCurrentStep(2)
    if recipients is not None and not feedback.isCanceled():
        feedback.pushInfo(tr("Copying the recipients…"))
        package.feature_counts[RECIPIENT_LAYER_NAME] = write_recipients(
            recipients, region_code, extent, package.gpkg_path)
    if feedback.isCanceled():
        _remove_outputs(package)
        return None

    steps.setCurrentStep(3)
    feedback.pushInfo(tr("Writing the project…"))
    title = tr("Offline package {region}").format(region=region_code or service.title)
    write_project(package, service, title)
    steps.setProgress(100)
    return package
