"""Offline package of Kecamatan Kinal (17.04.01), tiles from a server on 127.0.0.1."""

import math
import os
import shutil
import sqlite3
import sys
from collections import Counter

import pytest
from qgis.core import (
    QgsApplication, QgsMapRendererSequentialJob, QgsMapSettings, QgsProcessingFeedback, QgsProject,
    QgsRectangle, QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

from dtks_spasial.plugin.gis import offline
from dtks_spasial.plugin.gis.basemaps import BaseMapService
from tile_server import TileServer

REGION = "17.04.01"
ZOOM_MIN, ZOOM_MAX = 10, 12
TILE_RGB = (30, 144, 200)


@pytest.fixture(scope="module")
def processing_algorithms(qgis_app):
    """Initialise QGIS's Processing (its XYZ tile algorithms) without the DTKS provider.

    The session-wide processing_ready fixture would keep the DTKS provider
    registered, so the plugin tests that run later could not register theirs.
    """
    python_plugins = os.path.join(QgsApplication.pkgDataPath(), "python", "plugins")
    if python_plugins not in sys.path:
        sys.path.append(python_plugins)
    from processing.core.Processing import Processing

    Processing.initialize()


@pytest.fixture()
def dtks_provider(processing_algorithms):
    """Register the DTKS provider for one test, unless it is registered already."""
    from dtks_spasial.plugin.processing.provider import DtksProvider

    registry = QgsApplication.processingRegistry()
    if registry.providerById("dtks") is not None:
        yield registry.providerById("dtks")
        return
    provider = DtksProvider()
    registry.addProvider(provider)
    yield provider
    registry.removeProvider(provider)


def _expected_tiles(extent: QgsRectangle) -> set:
    """Return {(z, x, y)} over an EPSG:4326 box, from the slippy-map tile formulas."""
    tiles = set()
    for zoom in range(ZOOM_MIN, ZOOM_MAX + 1):
        scale = 2 ** zoom

        def column(lon):
            return int((lon + 180.0) / 360.0 * scale)

        def row(lat):
            radians = math.radians(lat)
            return int((1.0 - math.log(math.tan(radians) + 1.0 / math.cos(radians)) / math.pi)
                       / 2.0 * scale)

        for x in range(column(extent.xMinimum()), column(extent.xMaximum()) + 1):
            for y in range(row(extent.yMaximum()), row(extent.yMinimum()) + 1):
                tiles.add((zoom, x, y))
    return tiles


def _region_box(gpkg) -> QgsRectangle:
    """Return the bounding box of the region's villages, read straight from the source."""
    layer = QgsVectorLayer(f"{gpkg}|layername=desa", "desa", "ogr")
    box = QgsRectangle()
    box.setMinimal()
    for feature in layer.getFeatures(f"\"KDEPUM\" LIKE '{REGION}.%'"):
        box.combineExtentWith(feature.geometry().boundingBox())
    return box


def _source_count(gpkg, table, field, where):
    connection = sqlite3.connect(str(gpkg))
    try:
        return connection.execute(f"SELECT COUNT(*) FROM {table} WHERE {field} {where}",
                                  ).fetchone()[0]
    finally:
        connection.close()


def _render(layers, crs, extent, width=200):
    """Render layers to an image of the extent's own shape, on white."""
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(crs)
    settings.setExtent(extent)
    settings.setOutputSize(QSize(width, round(width * extent.height() / extent.width())))
    settings.setBackgroundColor(QColor(255, 255, 255))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    return job.renderedImage()


@pytest.fixture(scope="module")
def package(data_dir, kaur_run, processing_algorithms, tmp_path_factory):
    """Build the Kinal package once; return (package, server, recipient gpkg)."""
    _, recipients_gpkg, _ = kaur_run
    server = TileServer(rgb=TILE_RGB).start()
    service = BaseMapService(id="lokal", title="Local tiles", kind="xyz", url=server.url,
                             attribution="© Local test tiles", min_zoom=0, max_zoom=19)
    output = tmp_path_factory.mktemp("paket")
    try:
        result = offline.build_offline_package(
            str(output), service, ZOOM_MIN, ZOOM_MAX, region_code=REGION,
            boundaries=str(data_dir / "batas_bengkulu.gpkg"),
            recipients=str(recipients_gpkg), feedback=QgsProcessingFeedback())
    finally:
        server.stop()
    return result, server, recipients_gpkg


def test_package_files_written(package):
    result, _, _ = package
    assert sorted(os.listdir(result.folder)) == [
        "paket.gpkg", "paket_luring.qgz", "peta_dasar.mbtiles"]


def test_tiles_cover_region_box(package, data_dir):
    result, _, _ = package
    expected = _expected_tiles(_region_box(data_dir / "batas_bengkulu.gpkg"))

    connection = sqlite3.connect(result.tiles_path)
    try:
        rows = connection.execute(
            "SELECT zoom_level, tile_column, tile_row FROM tiles").fetchall()
        attribution = connection.execute(
            "SELECT value FROM metadata WHERE name = 'attribution'").fetchone()
    finally:
        connection.close()
    # MBTiles numbers rows from the south (TMS).
    stored = {(zoom, x, (2 ** zoom) - 1 - row) for zoom, x, row in rows}
    assert len(rows) == len(expected)
    assert stored == expected
    assert result.tile_count == len(expected)
    assert offline.count_mbtiles(result.tiles_path) == len(expected)
    assert attribution == ("© Local test tiles",)


def test_tiles_came_from_local_server(package):
    _, server, _ = package
    zooms = {zoom for zoom, _, _ in server.tile_requests()}
    assert zooms == set(range(ZOOM_MIN, ZOOM_MAX + 1))


def test_boundaries_cut_to_region(package, data_dir):
    result, _, _ = package
    source = data_dir / "batas_bengkulu.gpkg"
    villages = _source_count(source, "desa", "KDEPUM", f"LIKE '{REGION}.%'")

    assert result.feature_counts["desa"] == villages
    assert villages == 14
    assert result.feature_counts["kecamatan"] == 1
    assert result.feature_counts["kabupaten"] == 1
    assert result.feature_counts["provinsi"] == 1
    for level, field in (("desa", "KDEPUM"), ("kecamatan", "KDCPUM"),
                         ("kabupaten", "KDPKAB"), ("provinsi", "KDPPUM")):
        layer = QgsVectorLayer(f"{result.gpkg_path}|layername={level}", level, "ogr")
        codes = sorted(feature[field] for feature in layer.getFeatures())
        assert layer.featureCount() == result.feature_counts[level]
        assert all(REGION.startswith(code) or code.startswith(REGION + ".")
                   for code in codes)
    regency = QgsVectorLayer(f"{result.gpkg_path}|layername=kabupaten", "kab", "ogr")
    box = next(regency.getFeatures()).geometry().boundingBox()
    assert result.extent.contains(box)


def test_recipients_of_region_copied(package):
    result, _, recipients_gpkg = package
    expected = _source_count(recipients_gpkg, "penerima", "kode_desa",
                             f"= '{REGION}' OR kode_desa LIKE '{REGION}.%'")
    layer = QgsVectorLayer(f"{result.gpkg_path}|layername=penerima", "penerima", "ogr")

    assert expected > 0
    assert result.feature_counts["penerima"] == expected
    assert layer.featureCount() == expected
    assert {feature["kode_desa"][:len(REGION)] for feature in layer.getFeatures()} == {REGION}


def test_project_opens_offline_and_shows_tiles(package, tmp_path):
    result, server, _ = package
    requests_before = len(server.requests)
    # A copy elsewhere proves the project's paths are relative.
    moved = tmp_path / "dibawa"
    shutil.copytree(result.folder, moved)

    project = QgsProject()
    assert project.read(str(moved / "paket_luring.qgz"))
    layers = project.layerTreeRoot().layerOrder()
    assert [layer.name() for layer in layers] == [
        "Recipients", "desa", "kecamatan", "kabupaten", "provinsi", "Peta dasar"]
    for layer in layers:
        assert layer.isValid(), layer.name()
        assert layer.providerType() in ("ogr", "gdal")
        assert layer.source().startswith(str(moved))
    basemap = layers[-1]
    assert basemap.metadata().rights() == ["© Local test tiles"]

    # The base map alone, inside the region: every pixel is the tile colour.
    view = project.viewSettings().defaultViewExtent()
    inner = QgsRectangle(view)
    inner.scale(0.5)
    image = _render([basemap], project.crs(), inner)
    colours = {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}
    assert colours == {QColor(*TILE_RGB).rgb()}

    # The whole project: the tile colour fills most of the map.
    image = _render(layers, project.crs(), view)
    counts = Counter(image.pixel(x, y) for x in range(image.width())
                     for y in range(image.height()))
    assert counts.most_common(1)[0][0] == QColor(*TILE_RGB).rgb()
    assert len(server.requests) == requests_before
    project.removeAllMapLayers()


def test_too_many_tiles_rejected(data_dir, tmp_path):
    service = BaseMapService(id="lokal", title="Local tiles", kind="xyz",
                             url="http://127.0.0.1:9/{z}/{x}/{y}.png", max_zoom=19)
    with pytest.raises(offline.OfflinePackageError) as raised:
        offline.build_offline_package(
            str(tmp_path), service, 10, 16, region_code="17",
            boundaries=str(data_dir / "batas_bengkulu.gpkg"), max_tiles=5000)
    message = str(raised.value)
    del raised
    box = _region_box_code(data_dir / "batas_bengkulu.gpkg", "provinsi", "KDPPUM", "17")
    count = offline.tile_count(box, 10, 16)
    assert message == (
        f"The package would need {count} tiles, more than the limit of 5000. Choose a lower "
        "maximum zoom or a smaller region.")
    assert os.listdir(tmp_path) == []


def _region_box_code(gpkg, layer_name, field, code) -> QgsRectangle:
    layer = QgsVectorLayer(f"{gpkg}|layername={layer_name}", layer_name, "ogr")
    box = QgsRectangle()
    box.setMinimal()
    for feature in layer.getFeatures(f"\"{field}\" = '{code}'"):
        box.combineExtentWith(feature.geometry().boundingBox())
    return box


def test_unknown_region_rejected(data_dir, tmp_path):
    service = BaseMapService(id="lokal", title="Local tiles", kind="xyz",
                             url="http://127.0.0.1:9/{z}/{x}/{y}.png")
    with pytest.raises(offline.OfflinePackageError,
                       match="The region 17.99 is not in the boundary layers"):
        offline.build_offline_package(str(tmp_path), service, 10, 11, region_code="17.99",
                                      boundaries=str(data_dir / "batas_bengkulu.gpkg"))


def test_feature_service_rejected_as_base_map(tmp_path):
    service = BaseMapService(id="batas", title="Batas", kind="arcgis_featureserver",
                             url="http://127.0.0.1:9/MapServer/0")
    with pytest.raises(offline.OfflinePackageError, match="is a feature service"):
        offline.build_offline_package(str(tmp_path), service, 10, 11,
                                      extent=QgsRectangle(103.2, -4.6, 103.3, -4.5))


def test_unreachable_service_rejected(data_dir, processing_algorithms, tmp_path):
    server = TileServer(rgb=TILE_RGB).start()
    url = server.url
    server.stop()
    service = BaseMapService(id="lokal", title="Local tiles", kind="xyz", url=url, max_zoom=19)
    output = tmp_path / "paket"
    with pytest.raises(offline.OfflinePackageError,
                       match="No base-map tile could be made: the service 'Local tiles'"):
        offline.build_offline_package(
            str(output), service, ZOOM_MIN, ZOOM_MAX, region_code=REGION,
            boundaries=str(data_dir / "batas_bengkulu.gpkg"), feedback=QgsProcessingFeedback())
    assert os.listdir(output) == []


class _CancelWhenRendering(QgsProcessingFeedback):
    def pushInfo(self, info):  # noqa: N802 (Qt API name)
        super().pushInfo(info)
        if info.startswith("Rendering"):
            self.cancel()


def test_canceled_build_leaves_nothing(data_dir, processing_algorithms, tmp_path):
    server = TileServer(rgb=TILE_RGB).start()
    try:
        service = BaseMapService(id="lokal", title="Local tiles", kind="xyz", url=server.url,
                                 max_zoom=19)
        result = offline.build_offline_package(
            str(tmp_path), service, ZOOM_MIN, ZOOM_MAX, region_code=REGION,
            boundaries=str(data_dir / "batas_bengkulu.gpkg"),
            feedback=_CancelWhenRendering())
    finally:
        server.stop()
    assert result is None
    assert os.listdir(tmp_path) == []


def test_processing_algorithm_packages(data_dir, dtks_provider, tmp_path):
    import processing

    server = TileServer(rgb=TILE_RGB).start()
    try:
        result = processing.run("dtks:package_offline", {
            "REGION": REGION,
            "BOUNDARIES": str(data_dir / "batas_bengkulu.gpkg"),
            "SERVICE": 0,
            "ZOOM_MIN": ZOOM_MIN,
            "ZOOM_MAX": ZOOM_MIN,
            "XYZ_URL": server.url,
            "ATTRIBUTION": "© Local test tiles",
            "OUTPUT_FOLDER": str(tmp_path / "paket"),
        })
    finally:
        server.stop()
    expected = len([tile for tile in _expected_tiles(_region_box(data_dir / "batas_bengkulu.gpkg"))
                    if tile[0] == ZOOM_MIN])
    assert result["TILE_COUNT"] == expected
    assert offline.count_mbtiles(result["TILES"]) == expected
    assert result["PROJECT"] == str(tmp_path / "paket" / "paket_luring.qgz")
    assert os.path.isfile(result["PROJECT"])
