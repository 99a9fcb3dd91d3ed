"""Individual-level thematic maps: points only, with the confidentiality notice."""

import datetime
import re
import unicodedata

import pytest

from qgis.core import QgsVectorLayer

from dtks_spasial.plugin.gis import atlas
from test_layout import pdf_words as raw_pdf_words

PRINTED_ON = datetime.date(2026, 12, 4)
NOTICE = "CONFIDENTIAL \u2014 contains individual-level data; for official use only"


def pdf_words(path) -> str:
    """Return the PDF's words with ligatures such as "ﬃ" spelled out."""
    return unicodedata.normalize("NFKC", raw_pdf_words(path))


def recipient_layer(kaur_run) -> QgsVectorLayer:
    _result, gpkg, _pdf = kaur_run
    layer = QgsVectorLayer(f"{gpkg}|layername=penerima", "penerima", "ogr")
    assert layer.isValid()
    return layer


def assert_no_personal_data(text: str, recipients) -> None:
    digits = set(re.findall(r"\d{16}", text))
    assert not digits & {item.nik for item in recipients}
    assert not digits & {item.no_kk for item in recipients}
    long_names = {item.nama for item in recipients if len(item.nama) > 12}
    assert not [name for name in long_names if name in text]


def test_points_layer_has_no_attributes(kaur_run):
    source = recipient_layer(kaur_run)
    points = atlas.individual_points_layer(source, "17.04.01")
    with_geometry = sum(1 for feature in source.getFeatures()
                        if (feature["kode_desa"] or "").startswith("17.04.01")
                        and feature.hasGeometry() and not feature.geometry().isEmpty())
    assert with_geometry > 0
    assert points.fields().count() == 0
    assert points.featureCount() == with_geometry
    assert points.crs().authid() == "EPSG:4326"


def test_individual_map_prints_notice(kaur_run, tmp_path):
    result, _gpkg, _pdf = kaur_run
    request = atlas.MapRequest(region="17.04.01", level=4, labels="name_value",
                               individual_layer=recipient_layer(kaur_run))
    data = atlas.prepare_map_data(result.recipients, result.table.mapping, result.villages,
                                  request)
    pdf = tmp_path / "perorangan.pdf"
    atlas.export_thematic_map(data, str(pdf), printed_on=PRINTED_ON)
    text = pdf_words(pdf)
    assert NOTICE in text
    assert_no_personal_data(text, result.recipients)


def test_aggregate_map_has_no_notice(kaur_run, tmp_path):
    result, _gpkg, _pdf = kaur_run
    request = atlas.MapRequest(region="17.04.01", level=4)
    data = atlas.prepare_map_data(result.recipients, result.table.mapping, result.villages,
                                  request)
    pdf = tmp_path / "agregat.pdf"
    atlas.export_thematic_map(data, str(pdf), printed_on=PRINTED_ON)
    assert "CONFIDENTIAL" not in pdf_words(pdf)
    assert "CONFIDENTIAL" not in pdf_words(tmp_path / "agregat_tabel.pdf")


def test_processing_individual_switch(processing_ready, kaur_run, data_dir, tmp_path):
    import processing

    result, gpkg, _pdf = kaur_run
    boundaries = f"{data_dir / 'batas_bengkulu.gpkg'}|layername=desa"
    parameters = {"INPUT": f"{gpkg}|layername=penerima", "BOUNDARIES": boundaries,
                  "REGION": "17.04.01", "SUMMARY_TABLE": False}
    aggregate = tmp_path / "agregat.pdf"
    processing.run("dtks:export_thematic_map", {**parameters, "MAP_PDF": str(aggregate)})
    individual = tmp_path / "perorangan.pdf"
    processing.run("dtks:export_thematic_map", {**parameters, "INDIVIDUAL": True,
                                                "MAP_PDF": str(individual)})
    assert "CONFIDENTIAL" not in pdf_words(aggregate)
    text = pdf_words(individual)
    assert NOTICE in text
    assert_no_personal_data(text, result.recipients)


def test_panel_individual_off_by_default(qgis_app, kaur_run):
    from qgis.core import QgsProject

    from dtks_spasial.plugin.gui.map_panel import MapPanel

    result, _gpkg, _pdf = kaur_run
    panel = MapPanel()
    panel.set_sources(result.recipients, result.table.mapping, result.villages)
    panel.region_edit.setText("17.04.01")
    assert not panel.individual_check.isChecked()
    assert panel.request().individual_layer is None

    panel.individual_check.setChecked(True)
    with pytest.raises(ValueError, match="Choose the recipient point layer"):
        panel.request()
    layer = recipient_layer(kaur_run)
    QgsProject.instance().addMapLayer(layer)
    try:
        panel.points_combo.setLayer(layer)
        assert panel.request().individual_layer is layer
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
