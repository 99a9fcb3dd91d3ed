"""Base-map service list and layers, against a tile server on 127.0.0.1."""

import json

import pytest
from qgis.core import QgsMapRendererSequentialJob, QgsMapSettings, QgsRectangle
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

from dtks_spasial.plugin.gis import basemaps
from dtks_spasial.plugin.gis.basemaps import BaseMapService, ServiceError
from tile_server import TileServer

BIG_ATTRIBUTION = "© Badan Informasi Geospasial (BIG)"
RBI_ROOT = "https://geoservices.big.go.id/rbi/rest/services"


@pytest.fixture()
def tile_server():
    server = TileServer(rgb=(30, 144, 200)).start()
    yield server
    server.stop()


@pytest.fixture()
def user_list(tmp_path):
    return str(tmp_path / "profile" / "basemaps.json")


def _office_service(**changes) -> BaseMapService:
    values = dict(id="kantor_xyz", title="Office tiles", kind="xyz",
                  url="https://peta.kantor.example/tiles/{z}/{x}/{y}.png",
                  attribution="© Dinas Sosial", min_zoom=5, max_zoom=17)
    values.update(changes)
    return BaseMapService(**values)


def test_defaults_list_big_services():
    services = {service.id: service for service in basemaps.default_services()}

    assert list(services) == ["big_rbi_tile", "big_rbi_wmts", "big_rbi_mapserver",
                              "big_batas_provinsi", "big_batas_kabupaten",
                              "big_batas_kecamatan", "big_batas_desa"]
    assert services["big_rbi_tile"].kind == "xyz"
    assert services["big_rbi_tile"].url == (
        f"{RBI_ROOT}/BASEMAP/Rupabumi_Indonesia/MapServer/tile/{{z}}/{{y}}/{{x}}")
    assert services["big_rbi_mapserver"].url == f"{RBI_ROOT}/BASEMAP/Rupabumi_Indonesia/MapServer"
    assert {service.level for service in services.values()
            if service.kind == "arcgis_featureserver"} == {"provinsi", "kabupaten",
                                                            "kecamatan", "desa"}
    assert all(service.url.startswith(f"{RBI_ROOT}/BATASWILAYAH/")
               for service in services.values() if service.kind == "arcgis_featureserver")
    assert {service.attribution for service in services.values()} == {BIG_ATTRIBUTION}


def test_list_without_user_file_is_defaults(user_list):
    assert basemaps.load_services(user_list) == basemaps.default_services()


def test_added_service_persists_and_merges(user_list):
    basemaps.add_service(_office_service(), user_list)

    services = basemaps.load_services(user_list)
    assert [service.id for service in services[:-1]] == [
        service.id for service in basemaps.default_services()]
    assert services[-1] == _office_service()
    with open(user_list, encoding="utf-8") as handle:
        stored = json.load(handle)
    assert stored["services"] == [_office_service().to_dict()]
    assert stored["removed"] == []


def test_edited_default_replaces_it_in_place(user_list):
    moved = basemaps.find_service("big_batas_desa", user_list)
    moved.url = f"{RBI_ROOT}/BATASWILAYAH/BATAS_DESAKEL_AR_2027/MapServer/0"
    basemaps.update_service(moved, user_list)

    ids = [service.id for service in basemaps.load_services(user_list)]
    assert ids == [service.id for service in basemaps.default_services()]
    assert basemaps.find_service("big_batas_desa", user_list).url == moved.url


def test_removed_default_stays_hidden_until_reset(user_list):
    basemaps.remove_service("big_rbi_wmts", user_list)
    assert "big_rbi_wmts" not in [service.id for service in basemaps.load_services(user_list)]

    basemaps.reset_services(user_list)
    assert basemaps.load_services(user_list) == basemaps.default_services()


def test_duplicate_id_rejected(user_list):
    with pytest.raises(ServiceError, match="A service with the id 'big_rbi_tile' exists"):
        basemaps.add_service(_office_service(id="big_rbi_tile"), user_list)


@pytest.mark.parametrize("entry, message", [
    ({"id": "a", "title": "A", "kind": "xyz"}, "lacks the fields url"),
    ({"id": "a", "title": "A", "kind": "tms", "url": "https://x/{z}/{x}/{y}"},
     "Unknown service kind 'tms'"),
    ({"id": "a", "title": "A", "kind": "xyz", "url": "ftp://x/{z}/{x}/{y}"},
     "Invalid URL 'ftp://x/{z}/{x}/{y}'"),
    ({"id": "a", "title": "A", "kind": "xyz", "url": "https://x/tile/{x}/{y}"},
     "lacks the placeholders {z}"),
    ({"id": "a", "title": "A", "kind": "wms", "url": "https://x/wms"},
     "give its layer name"),
    ({"id": "a", "title": "A", "kind": "wmts", "url": "https://x/wmts", "layers": "L"},
     "give its tile matrix set"),
    ({"id": "a", "title": "A", "kind": "xyz", "url": "https://x/{z}/{x}/{y}",
      "min_zoom": 12, "max_zoom": 8}, "The minimum zoom (12) of 'A' is above"),
    ({"id": "a", "title": "A", "kind": "xyz", "url": "https://x/{z}/{x}/{y}",
      "max_zoom": 30}, "max_zoom of 'A' must be between 0 and 25"),
    ({"id": "a", "title": "A", "kind": "xyz", "url": "https://x/{z}/{x}/{y}",
      "max_zoom": "high"}, "max_zoom must be a whole number"),
    ({"id": "a b", "title": "A", "kind": "xyz", "url": "https://x/{z}/{x}/{y}"},
     "Invalid service id 'a b'"),
    ({"id": "a", "title": "A", "kind": "arcgis_featureserver", "url": "https://x/0",
      "level": "dusun"}, "Unknown boundary level 'dusun'"),
])
def test_bad_entry_rejected_with_message(entry, message):
    with pytest.raises(ServiceError) as raised:
        BaseMapService.from_dict(entry)
    assert message in str(raised.value)


def test_bad_user_file_names_entry(user_list):
    basemaps.add_service(_office_service(), user_list)
    with open(user_list, encoding="utf-8") as handle:
        stored = json.load(handle)
    stored["services"][0]["kind"] = "tms"
    with open(user_list, "w", encoding="utf-8") as handle:
        json.dump(stored, handle)

    with pytest.raises(ServiceError) as raised:
        basemaps.load_services(user_list)
    assert str(raised.value).startswith(f"Entry 1 of {user_list}: Unknown service kind 'tms'")


def test_broken_json_named(user_list):
    basemaps.add_service(_office_service(), user_list)
    with open(user_list, "w", encoding="utf-8") as handle:
        handle.write("{\"services\": [")

    with pytest.raises(ServiceError, match="is not valid JSON"):
        basemaps.load_services(user_list)


def test_layer_sources_of_each_kind():
    services = {service.id: service for service in basemaps.default_services()}

    source, provider = basemaps.layer_source(services["big_rbi_tile"])
    assert provider == "wms"
    assert sorted(source.split("&")) == [
        "type=xyz",
        "url=https://geoservices.big.go.id/rbi/rest/services/BASEMAP/"
        "Rupabumi_Indonesia/MapServer/tile/%7Bz%7D/%7By%7D/%7Bx%7D",
        "zmax=18", "zmin=0"]

    source, provider = basemaps.layer_source(services["big_rbi_wmts"])
    assert provider == "wms"
    assert "layers=BASEMAP_Rupabumi_Indonesia" in source.split("&")
    assert "tileMatrixSet=GoogleMapsCompatible" in source.split("&")
    assert "crs=EPSG:3857" in source.split("&")

    source, provider = basemaps.layer_source(services["big_rbi_mapserver"])
    assert provider == "arcgismapserver"
    assert f"url='{RBI_ROOT}/BASEMAP/Rupabumi_Indonesia/MapServer'" in source

    source, provider = basemaps.layer_source(services["big_batas_desa"])
    assert provider == "arcgisfeatureserver"
    assert source == (f"crs='EPSG:4326' url='{RBI_ROOT}/BATASWILAYAH/BATAS_DESAKEL_AR/"
                      "MapServer/0'")


def test_display_title_follows_language():
    service = basemaps.find_service("big_batas_desa", "/nonexistent/basemaps.json")
    assert service.display_title("id_ID") == "Batas desa/kelurahan (BIG)"
    assert service.display_title("en") == "Village boundaries (BIG)"


def test_xyz_layer_draws_local_tiles(tile_server):
    service = _office_service(url=tile_server.url, min_zoom=0, max_zoom=19)
    layer = basemaps.make_layer(service)

    assert layer.isValid()
    assert layer.providerType() == "wms"
    assert layer.metadata().rights() == ["© Dinas Sosial"]
    assert layer.attribution() == "© Dinas Sosial"

    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    # About 3 km around Bintuhan (Kaur), in EPSG:3857 metres.
    settings.setExtent(QgsRectangle(11504000, -542000, 11507000, -539000))
    settings.setOutputSize(QSize(64, 64))
    settings.setBackgroundColor(QColor(255, 255, 255))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()

    colours = {image.pixel(x, y) for x in range(64) for y in range(64)}
    assert colours == {QColor(30, 144, 200).rgb()}
    requested = tile_server.tile_requests()
    assert requested
    assert {zoom for zoom, _, _ in requested} <= set(range(0, 20))


def test_service_dialog_saves_added_row(qgis_app, user_list):
    from dtks_spasial.plugin.gui.basemap_menu import COLUMNS, ServiceListDialog

    dialog = ServiceListDialog(path=user_list)
    defaults = len(basemaps.default_services())
    assert dialog.table.rowCount() == defaults
    dialog.add_row()
    row = dialog.table.rowCount() - 1
    dialog.table.item(row, COLUMNS.index("title")).setText("Office tiles")
    dialog.table.item(row, COLUMNS.index("url")).setText(
        "https://peta.kantor.example/tiles/{z}/{x}/{y}.png")
    dialog.accept()

    services = basemaps.load_services(user_list)
    assert len(services) == defaults + 1
    assert (services[-1].id, services[-1].title, services[-1].kind) == (
        "layanan_1", "Office tiles", "xyz")


def test_service_dialog_names_bad_row(qgis_app, user_list):
    from dtks_spasial.plugin.gui.basemap_menu import COLUMNS, ServiceListDialog

    dialog = ServiceListDialog(path=user_list)
    dialog.table.item(0, COLUMNS.index("url")).setText("https://x/tile/{x}/{y}")

    with pytest.raises(ServiceError) as raised:
        dialog.services()
    message = str(raised.value)
    del raised
    assert message.startswith("Row 1: The tile URL of 'Rupabumi Indonesia (tile cache)' lacks")
