"""The dtks:find_duplicates algorithm: threshold, group table, lines and log summary."""

import re

import pytest
from qgis.core import QgsProcessingFeedback

from dtks_spasial.plugin.core.duplicates import DEFAULT_THRESHOLD

# Four people entered twice and one row alone, in villages of Kabupaten Kaur.
# Rows 2-3 have the same NIK in two districts (moved), and rows 4-5 the same
# NIK in one village. Rows 6-7 have one name (with title and abbreviation)
# and birth date in one village under unrelated NIKs. Rows 8-9 have one name
# and birth date in two districts under unrelated NIKs, a weak pair below
# the default threshold.
DUPLICATES_CSV = (
    "NIK;NO_KK;NAMA;JENIS_KELAMIN;TGL_LAHIR;KODE_WILAYAH;KECAMATAN;DESA;LATITUDE;LONGITUDE\n"
    "1704011203800001;1704010101100001;Asep Hidayat;L;12-03-1980;17.04.01.2002;KINAL;Penandingan;-4,635942;103,307755\n"
    "1704011203800001;1704070202200001;ASEP HIDAYAT;L;12-03-1980;17.04.07.2015;NASAL;Pasar Baru;-4,918172;103,556346\n"
    "1704064505750001;1704060303300001;Siti Rahayu;P;05-05-1975;17.04.06.2015;MAJE;Tanjung Agung;-4,850318;103,470918\n"
    "1704064505750001;1704060303300001;SITI RAHAYU;P;05-05-1975;17.04.06.2015;MAJE;Tanjung Agung;;\n"
    "1704031506550001;1704030404400001;H. Moh. Rasyid;L;15-06-1955;17.04.03.2001;KAUR UTARA;TANJUNG BETUNG;-4,506051;103,236456\n"
    "1771010101010007;1704030505500001;MUHAMMAD RASYID;L;15-06-1955;17.04.03.2001;KAUR UTARA;TANJUNG BETUNG;;\n"
    "1704022206880001;1704020606600001;Ujang Permana;L;22-06-1988;17.04.02.2011;TANJUNG KEMUNING;Tanjung Iman;-4,628526;103,211668\n"
    "1771052206880001;1704040707700001;UJANG PERMANA;L;22-06-1988;17.04.04.2002;KAUR TENGAH;Pajar Bulan;-4,728484;103,299985\n"
    "1704055507900001;1704050808800001;Dewi Lestari;P;15-07-1990;17.04.05.2030;KAUR SELATAN;DESA SINAR PAGI;-4,763836;103,346768\n"
)


class _Log(QgsProcessingFeedback):
    """Feedback that keeps the info lines an algorithm pushes."""

    def __init__(self):
        super().__init__()
        self.infos = []

    def pushInfo(self, info):
        self.infos.append(info)
        super().pushInfo(info)


@pytest.fixture(scope="module")
def processing_module(processing_ready):
    import processing

    return processing


@pytest.fixture()
def snapped(processing_module, data_dir, tmp_path):
    """Return the fixture rows imported and snapped to the Bengkulu villages."""
    path = tmp_path / "ganda.csv"
    path.write_text(DUPLICATES_CSV, encoding="utf-8")
    imported = processing_module.run("dtks:import_table", {
        "INPUT": str(path), "OUTPUT": "memory:", "REJECTED": "memory:"})
    return processing_module.run("dtks:snap_to_boundaries", {
        "INPUT": imported["OUTPUT"], "BOUNDARIES": f"{data_dir / 'batas_bengkulu.gpkg'}|layername=desa",
        "OUTPUT": "memory:"})["OUTPUT"]


def _find(processing_module, snapped, **parameters):
    log = _Log()
    results = processing_module.run("dtks:find_duplicates", {
        "INPUT": snapped, "OUTPUT": "memory:", "GROUPS": "memory:", "LINES": "memory:",
        **parameters}, feedback=log)
    # The summary runs from the group count to the line count. Processing
    # adds lines of its own (such as "Results: ...") around it.
    first = next(number for number, line in enumerate(log.infos)
                 if line.startswith("Suspected duplicate groups: "))
    last = next(number for number, line in enumerate(log.infos)
                if line.startswith("Lines between villages (garis_duplikat): "))
    return results, log.infos[first:last + 1]


def _members(layer) -> dict:
    groups = {}
    for feature in layer.getFeatures():
        if feature["kelompok_duplikat"]:
            groups.setdefault(feature["kelompok_duplikat"], []).append(feature["baris"])
    return {group_id: sorted(rows) for group_id, rows in groups.items()}


def test_threshold_parameter_default(processing_ready):
    algorithm = processing_ready.algorithm("find_duplicates")
    parameter = algorithm.parameterDefinition("THRESHOLD")
    assert parameter.defaultValue() == DEFAULT_THRESHOLD
    assert (parameter.minimum(), parameter.maximum()) == (0, 100)
    assert "garis_duplikat" in algorithm.shortHelpString()


def test_default_threshold_groups(processing_module, snapped):
    results, _ = _find(processing_module, snapped)
    assert results["GROUP_COUNT"] == 3
    assert _members(results["OUTPUT"]) == {"D00001": [2, 3], "D00002": [4, 5], "D00003": [6, 7]}
    table = {feature["kelompok_duplikat"]: feature for feature in results["GROUPS"].getFeatures()}
    assert sorted(table) == ["D00001", "D00002", "D00003"]
    assert table["D00001"]["jumlah_baris"] == 2
    assert table["D00001"]["kode_desa"] == "17.04.01.2002, 17.04.07.2015"
    assert table["D00002"]["kode_desa"] == "17.04.06.2015"


def test_default_threshold_lines(processing_module, snapped):
    results, _ = _find(processing_module, snapped)
    assert results["LINE_COUNT"] == 1
    lines = list(results["LINES"].getFeatures())
    assert [(f["kelompok_duplikat"], f["baris_a"], f["baris_b"], f["kode_desa_a"],
             f["kode_desa_b"]) for f in lines] == [
        ("D00001", 2, 3, "17.04.01.2002", "17.04.07.2015")]
    points = lines[0].geometry().asPolyline()
    assert (round(points[0].x(), 6), round(points[0].y(), 6)) == (103.307755, -4.635942)
    assert (round(points[1].x(), 6), round(points[1].y(), 6)) == (103.556346, -4.918172)


def test_default_threshold_summary(processing_module, snapped):
    _, infos = _find(processing_module, snapped)
    summary = [line for line in infos if not line.startswith("Candidate pairs scored: ")]
    assert summary == [
        "Suspected duplicate groups: 3 (6 rows) at threshold 50",
        "Groups with reason nik_sama (NIK sama pada beberapa baris): 1",
        "Groups with reason nik_sama_beda_desa (NIK sama di desa berbeda (pindah domisili?)): 1",
        "Groups with reason nama_tgl_lahir_sama (Nama mirip, tanggal lahir dan jenis kelamin "
        "sama, kecamatan sama): 1",
        "Groups with reason satu_orang_dua_kk (Satu orang tercatat di dua KK): 2",
        "Lines between villages (garis_duplikat): 1",
    ]
    pairs = [line for line in infos if line.startswith("Candidate pairs scored: ")]
    assert len(pairs) == 1
    assert re.fullmatch(r"Candidate pairs scored: \d+", pairs[0])
    assert int(pairs[0].split(": ")[1]) >= 4


def test_lower_threshold_adds_weak_pair(processing_module, snapped):
    results, infos = _find(processing_module, snapped, THRESHOLD=1.0)
    assert results["GROUP_COUNT"] == 4
    assert _members(results["OUTPUT"])["D00004"] == [8, 9]
    assert results["LINE_COUNT"] == 2
    assert infos[0] == "Suspected duplicate groups: 4 (8 rows) at threshold 1"
    assert ("Groups with reason nama_tgl_lahir_sama_beda_kecamatan (Nama mirip dan tanggal "
            "lahir sama, di kecamatan lain): 1") in infos
    assert "Groups with reason satu_orang_dua_kk (Satu orang tercatat di dua KK): 3" in infos


def test_strict_threshold_keeps_same_nik(processing_module, snapped):
    # Rows 6-7 score 99.93 (10.4 bits), the same NIK pairs over 29 bits.
    results, infos = _find(processing_module, snapped, THRESHOLD=99.99)
    assert _members(results["OUTPUT"]) == {"D00001": [2, 3], "D00002": [4, 5]}
    assert infos[0] == "Suspected duplicate groups: 2 (4 rows) at threshold 99.99"


def test_lines_output_optional(processing_module, snapped):
    results = processing_module.run("dtks:find_duplicates", {
        "INPUT": snapped, "OUTPUT": "memory:", "GROUPS": "memory:", "LINES": None})
    assert results["GROUP_COUNT"] == 3
    assert results["LINE_COUNT"] == 1
    assert "LINES" not in results or not results["LINES"]


def test_decisions_in_input_geopackage_respected(processing_module, snapped, tmp_path):
    from qgis.core import QgsVectorLayer

    from dtks_spasial.plugin.core.duplicates import (
        KEPUTUSAN_BUKAN_DUPLIKAT, decide_group, member_key,
    )
    from dtks_spasial.plugin.gis.duplicates_store import write_decisions

    gpkg = str(tmp_path / "hasil.gpkg")
    processing_module.run("native:savefeatures", {"INPUT": snapped, "OUTPUT": gpkg,
                                                   "LAYER_NAME": "penerima"})
    layer = QgsVectorLayer(f"{gpkg}|layername=penerima", "penerima", "ogr")
    keys = [member_key(feature["baris"], feature["nik"]) for feature in layer.getFeatures()
            if feature["baris"] in (4, 5)]
    write_decisions(gpkg, decide_group("D00002", keys, KEPUTUSAN_BUKAN_DUPLIKAT,
                                       timestamp="2026-12-01T08:00:00"))

    results, _ = _find(processing_module, f"{gpkg}|layername=penerima")
    assert _members(results["OUTPUT"]) == {"D00001": [2, 3], "D00002": [6, 7]}
    decided = {feature["baris"]: feature["keputusan_duplikat"]
               for feature in results["OUTPUT"].getFeatures() if feature["baris"] in (4, 5)}
    assert decided == {4: KEPUTUSAN_BUKAN_DUPLIKAT, 5: KEPUTUSAN_BUKAN_DUPLIKAT}
