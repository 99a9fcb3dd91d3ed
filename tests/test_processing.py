"""The Processing algorithms, run one by one and chained, as a script would."""

import re

import pytest
from qgis.core import QgsApplication, QgsProcessingException, QgsVectorLayer

from test_layout import run_poppler

SMALL_CSV = (
    "NIK;NO_KK;NAMA;JENIS_KELAMIN;TGL_LAHIR;KODE_WILAYAH;KECAMATAN;DESA;LATITUDE;LONGITUDE\n"
    "1704075207560001;1704071803060001;Suryani;P;12-07-1956;17.04.07.2015;NASAL;Pasar Baru;-4,918172;103,556346\n"
    "1704075207560001;1704071803060001;SURYANI;P;12-07-1956;;NASAL;DESA PASAR BARU;;\n"
    "1704066806910001;1704060506130002;Yuli;P;28-06-1991;;MAJE;Tanjung Agung;103.470918;-4.850318\n"
    ";;;;;;;;;\n"
    "JUMLAH;;;;;;;;;3\n"
)


@pytest.fixture(scope="module")
def processing_module(processing_ready):
    """Return QGIS's processing module once the framework is initialised."""
    import processing

    return processing


@pytest.fixture()
def small_csv(tmp_path):
    path = tmp_path / "kecil.csv"
    path.write_text(SMALL_CSV, encoding="utf-8")
    return path


def test_provider_algorithms(processing_ready):
    names = sorted(algorithm.id() for algorithm in processing_ready.algorithms())
    assert names == ["dtks:export_thematic_map", "dtks:find_duplicates", "dtks:import_table",
                     "dtks:package_offline", "dtks:run_pipeline", "dtks:snap_to_boundaries"]
    assert QgsApplication.processingRegistry().providerById("dtks").name() == "DTKS Spasial"


def test_steps_chained(processing_module, small_csv, data_dir, tmp_path):
    boundaries = f"{data_dir / 'batas_bengkulu.gpkg'}|layername=desa"
    imported = processing_module.run("dtks:import_table", {
        "INPUT": str(small_csv), "OUTPUT": "memory:", "REJECTED": "memory:"})
    assert (imported["ROWS_READ"], imported["LOADED"], imported["REJECTED_COUNT"]) == (5, 3, 2)
    rejected = imported["REJECTED"]
    assert [(f["baris"], f["alasan"]) for f in rejected.getFeatures()] == [
        (5, "baris_kosong"), (6, "baris_jumlah")]

    snapped = processing_module.run("dtks:snap_to_boundaries", {
        "INPUT": imported["OUTPUT"], "BOUNDARIES": boundaries, "OUTPUT": "memory:"})["OUTPUT"]
    rows = {f["baris"]: f for f in snapped.getFeatures()}
    assert [(rows[b]["kode_desa"], rows[b]["metode_lokasi"], rows[b]["status_koordinat"])
            for b in (2, 3, 4)] == [
        ("17.04.07.2015", "kode", "sesuai"),
        ("17.04.07.2015", "nama", "tanpa_koordinat"),
        ("17.04.06.2015", "nama", "tertukar")]
    assert rows[3]["lokasi_perkiraan"] is True or rows[3]["lokasi_perkiraan"] == 1
    assert not rows[3].geometry().isEmpty()

    found = processing_module.run("dtks:find_duplicates", {
        "INPUT": snapped, "OUTPUT": "memory:", "GROUPS": "memory:"})
    assert found["GROUP_COUNT"] == 1
    groups = {f["baris"]: f["kelompok_duplikat"] for f in found["OUTPUT"].getFeatures()}
    assert groups[2] == groups[3] == "D00001"
    assert not groups[4]

    pdf = tmp_path / "peta.pdf"
    processing_module.run("dtks:export_thematic_map", {
        "INPUT": found["OUTPUT"], "BOUNDARIES": boundaries, "REGION": "17.04.07",
        "MAP_PDF": str(pdf)})
    assert pdf.stat().st_size > 10000


def test_run_pipeline_picks_village_level(processing_module, small_csv, data_dir, tmp_path):
    gpkg = tmp_path / "hasil.gpkg"
    results = processing_module.run("dtks:run_pipeline", {
        "INPUT": str(small_csv), "BOUNDARIES": str(data_dir / "batas_bengkulu.gpkg"),
        "REGION": "1704", "OUTPUT": str(gpkg), "MAP_PDF": str(tmp_path / "peta.pdf")})
    assert (results["ROWS_READ"], results["LOADED"], results["REJECTED_COUNT"],
            results["GROUP_COUNT"]) == (5, 3, 2, 1)
    layer = QgsVectorLayer(f"{gpkg}|layername=penerima", "penerima", "ogr")
    assert layer.featureCount() == 3
    # Villages with 1 or 2 recipients print as "< 4", never with their exact count.
    text = " ".join(run_poppler("pdftotext", str(tmp_path / "peta.pdf"), "-").split())
    assert "< 4" in text
    assert not re.search(r"\b1\s*[-–]\s*2\b", text)


def test_bad_input_messages(processing_module, small_csv, data_dir, tmp_path):
    with pytest.raises(QgsProcessingException, match="Region code 18.01"):
        processing_module.run("dtks:run_pipeline", {
            "INPUT": str(small_csv), "BOUNDARIES": str(data_dir / "batas_bengkulu.gpkg"),
            "REGION": "18.01", "OUTPUT": str(tmp_path / "a.gpkg"),
            "MAP_PDF": str(tmp_path / "a.pdf")})
    with pytest.raises(QgsProcessingException, match="Boundary file not found"):
        processing_module.run("dtks:run_pipeline", {
            "INPUT": str(small_csv), "BOUNDARIES": str(tmp_path / "tidak_ada.gpkg"),
            "OUTPUT": str(tmp_path / "c.gpkg")})
    picture = tmp_path / "peta.png"
    picture.write_bytes(b"\x89PNG\r\n")
    with pytest.raises(QgsProcessingException,
                       match="peta.png is not a table file that DTKS Spasial reads"):
        processing_module.run("dtks:import_table", {
            "INPUT": str(picture), "OUTPUT": "memory:", "REJECTED": "memory:"})
    not_a_table = tmp_path / "catatan.csv"
    not_a_table.write_text("tanggal,jumlah\n2026-01-01,3\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="No NIK or NAMA column"):
        processing_module.run("dtks:run_pipeline", {
            "INPUT": str(not_a_table), "BOUNDARIES": str(data_dir / "batas_bengkulu.gpkg"),
            "OUTPUT": str(tmp_path / "b.gpkg")})
