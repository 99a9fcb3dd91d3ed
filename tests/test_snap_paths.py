"""The fast GeoPackage paths of reading and snapping give the same layers as the QGIS paths."""

import sqlite3

import pytest
from qgis.core import QgsFeatureRequest, QgsVectorLayer

from dtks_spasial.plugin.core.recipients import Recipient
from dtks_spasial.plugin.gis import storage
from dtks_spasial.plugin.gis.pipeline import PipelineResult, import_recipients, write_geopackage

CSV = (
    "NIK;NO_KK;NAMA;JENIS_KELAMIN;TGL_LAHIR;KODE_WILAYAH;KECAMATAN;DESA;LATITUDE;LONGITUDE\n"
    "1704075207560001;1704071803060001;Suryani;P;12-07-1956;17.04.07.2015;NASAL;Pasar Baru;"
    "-4,918172;103,556346\n"
    "1704075207560001;1704071803060001;SURYANI;P;12-07-1956;;NASAL;DESA PASAR BARU;;\n"
    "1704066806910001;1704060506130002;Yuli;P;28-06-1991;;MAJE;Tanjung Agung;103.470918;-4.850318\n"
    "1704066806910002;1704060506130002;Rudi;X;31-02-1990;1704062015;MAJE;Tanjung Agungg;;\n"
    ";;Tanpa NIK;L;;17.04.06.2015;MAJE;Tanjung Agung;-4.85;103.47\n"
)


@pytest.fixture(scope="module")
def recipient_gpkg(qgis_app, tmp_path_factory):
    """Return a recipient GeoPackage imported from CSV, points at the parsed coordinates."""
    folder = tmp_path_factory.mktemp("paths")
    table_path = folder / "tabel.csv"
    table_path.write_text(CSV, encoding="utf-8")
    table, recipients = import_recipients(str(table_path))
    for item in recipients:
        if item.lat is not None:
            item.x, item.y = item.lon, item.lat
    gpkg = folder / "penerima.gpkg"
    write_geopackage(PipelineResult(table=table, recipients=recipients), str(gpkg))
    return gpkg


def _layer(gpkg):
    layer = QgsVectorLayer(f"{gpkg}|layername=penerima", "penerima", "ogr")
    assert layer.isValid()
    return layer


def _slots(item):
    return {slot: getattr(item, slot) for slot in Recipient.__slots__}


def test_sqlite_read_equals_qgis_read(recipient_gpkg):
    layer = _layer(recipient_gpkg)
    assert storage.gpkg_table(layer) == (str(recipient_gpkg), "penerima")
    headers, fast = storage.recipients_from_layer(layer)
    qgis_headers, slow = storage.recipients_from_layer(layer, QgsFeatureRequest())
    assert headers == qgis_headers
    assert len(fast) == 5
    for fast_item, slow_item in zip(fast, slow):
        assert _slots(fast_item) == _slots(slow_item)


def test_lean_read_keeps_recipient_fields(recipient_gpkg):
    layer = _layer(recipient_gpkg)
    row_ids = []
    _, lean = storage.recipients_from_layer(layer, row_ids=row_ids, source_values=False)
    _, full = storage.recipients_from_layer(layer)
    assert row_ids == [1, 2, 3, 4, 5]
    for lean_item, full_item in zip(lean, full):
        expected = _slots(full_item)
        found = _slots(lean_item)
        # Rows whose NIK, KK, name, sex or birth date is empty are parsed
        # again from their source values, which are then read in full.
        if lean_item.tgl_lahir is None or not lean_item.jenis_kelamin:
            assert found["values"] == expected["values"]
        else:
            assert set(found["values"]) == {""}
        del found["values"], expected["values"]
        assert found == expected


def _rows(gpkg):
    with sqlite3.connect(gpkg) as connection:
        table = connection.execute(
            "SELECT table_name FROM gpkg_contents WHERE data_type = 'features'").fetchone()[0]
        cursor = connection.execute(f'SELECT * FROM "{table}" ORDER BY fid')
        names = [column[0] for column in cursor.description]
        return names, cursor.fetchall(), table


def test_snap_to_geopackage_equals_memory_output(processing_ready, recipient_gpkg, data_dir,
                                                 tmp_path):
    import processing

    boundaries = f"{data_dir / 'batas_bengkulu.gpkg'}|layername=desa"
    source = f"{recipient_gpkg}|layername=penerima"
    fast = tmp_path / "cepat.gpkg"
    processing.run("dtks:snap_to_boundaries", {
        "INPUT": source, "BOUNDARIES": boundaries, "OUTPUT": str(fast)})
    slow = tmp_path / "lambat.gpkg"
    memory = processing.run("dtks:snap_to_boundaries", {
        "INPUT": source, "BOUNDARIES": boundaries, "OUTPUT": "memory:"})["OUTPUT"]
    storage.write_layer(str(slow), "lambat", memory.fields(), storage.POINT,
                        memory.getFeatures(), True)

    fast_names, fast_rows, fast_table = _rows(fast)
    slow_names, slow_rows, _ = _rows(slow)
    assert fast_table == "cepat"
    assert fast_names == slow_names
    assert len(fast_rows) == 5
    for fast_row, slow_row in zip(fast_rows, slow_rows):
        assert fast_row == slow_row
    statuses = [row[fast_names.index("status_koordinat")] for row in fast_rows]
    assert statuses == ["sesuai", "tanpa_koordinat", "tertukar", "tanpa_koordinat", "sesuai"]

    layer = QgsVectorLayer(f"{fast}|layername=cepat", "cepat", "ogr")
    assert layer.featureCount() == 5
    assert layer.hasSpatialIndex() == 2   # QgsFeatureSource.SpatialIndexPresent
    box = memory.extent()
    found = sorted(feature["baris"] for feature in layer.getFeatures(
        QgsFeatureRequest().setFilterRect(box)))
    assert found == sorted(feature["baris"] for feature in memory.getFeatures()
                           if not feature.geometry().isEmpty())


def test_snap_overwriting_its_input(processing_ready, recipient_gpkg, data_dir, tmp_path):
    import shutil

    import processing

    copy = tmp_path / "sama.gpkg"
    shutil.copy(recipient_gpkg, copy)
    processing.run("dtks:snap_to_boundaries", {
        "INPUT": f"{copy}|layername=penerima",
        "BOUNDARIES": f"{data_dir / 'batas_bengkulu.gpkg'}|layername=desa",
        "OUTPUT": str(copy)})
    names, rows, _ = _rows(copy)
    assert len(rows) == 5
    assert [row[names.index("NIK_asli")] for row in rows][:2] == [
        "1704075207560001", "1704075207560001"]


@pytest.mark.parametrize("count", [0, 1, 51, 52, 3000])
def test_packed_rtree_valid(qgis_app, tmp_path, count):
    import random

    from qgis.core import QgsFields, QgsRectangle

    fields = QgsFields()
    fields.append(storage.make_field("n", "int"))
    rng = random.Random(count)
    points = [(rng.uniform(100.0, 110.0), rng.uniform(-8.0, -6.0)) for _ in range(count)]
    rows = [(x, y, [number]) for number, (x, y) in enumerate(points)] + [(None, None, [-1])]
    path = tmp_path / "titik.gpkg"
    assert storage.write_rows_fast(str(path), "titik", fields, storage.POINT, rows, True) \
        == count + 1

    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT rtreecheck('rtree_titik_geom')").fetchone()[0] == "ok"
        assert connection.execute("SELECT count(*) FROM rtree_titik_geom").fetchone()[0] == count
    layer = QgsVectorLayer(f"{path}|layername=titik", "titik", "ogr")
    for _ in range(10):
        x, y = rng.uniform(100.0, 109.0), rng.uniform(-8.0, -6.5)
        box = QgsRectangle(x, y, x + 1.0, y + 0.5)
        found = sorted(feature["n"] for feature in layer.getFeatures(
            QgsFeatureRequest().setFilterRect(box)))
        expected = sorted(number for number, (px, py) in enumerate(points)
                          if x <= px <= x + 1.0 and y <= py <= y + 0.5)
        assert found == expected

    # The packed tree takes later edits like any other.
    with sqlite3.connect(path) as connection:
        connection.execute("DELETE FROM rtree_titik_geom WHERE id % 3 = 0")
        connection.executemany("INSERT INTO rtree_titik_geom VALUES (?, ?, ?, ?, ?)",
                               [(100000 + number, 105.0, 105.0, -7.0, -7.0)
                                for number in range(200)])
        assert connection.execute("SELECT rtreecheck('rtree_titik_geom')").fetchone()[0] == "ok"
