"""The boundary field dialog: detected fields, the level shown, and the saved choice."""

from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

from dtks_spasial.plugin.gis.boundaries import (
    detect_fields, load_villages, save_field_mapping, saved_field_mapping,
)
from dtks_spasial.plugin.gui.boundary_fields import BoundaryFieldsDialog


def _layer(codes):
    layer = QgsVectorLayer(
        "MultiPolygon?crs=EPSG:4326&field=ID_WIL:string&field=NAMA_DESA:string"
        "&field=KECAMATAN:string", "batas_kantor", "memory")
    features = []
    for number, code in enumerate(codes):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([code, f"Desa {number}", "Kinal"])
        x = 102 + number * 0.01
        feature.setGeometry(QgsGeometry.fromWkt(
            f"MULTIPOLYGON((({x} -4, {x + 0.01} -4, {x + 0.01} -4.01, {x} -4.01, {x} -4)))"))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def test_dialog_saves_the_chosen_code_field(qgis_app):
    layer = _layer(["1704012001", "1704012002"])
    dialog = BoundaryFieldsDialog(layer)
    try:
        assert dialog.combos["kode"].currentField() == ""
        assert dialog.combos["nama"].currentField() == "NAMA_DESA"
        assert dialog.combos["kecamatan"].currentField() == "KECAMATAN"
        assert dialog.level_label.text() == "Choose the field with the Kemendagri region code."

        dialog.combos["kode"].setField("ID_WIL")
        assert dialog.level_label.text() == "Level found from the codes: desa/kelurahan."
        dialog.accept()
        assert saved_field_mapping(layer)["kode"] == "ID_WIL"
        assert detect_fields(layer)["kode"] == "ID_WIL"
        villages = load_villages(layer)
        assert sorted(villages.villages) == ["17.04.01.2001", "17.04.01.2002"]
        assert villages.villages["17.04.01.2002"].kecamatan == "Kinal"

        dialog.restore_detected()
        assert saved_field_mapping(layer) == {}
        assert dialog.combos["kode"].currentField() == ""
    finally:
        save_field_mapping(layer, {})


def test_dialog_names_a_level_other_than_village(qgis_app):
    layer = _layer(["17.04.01", "17.04.02"])
    dialog = BoundaryFieldsDialog(layer)
    dialog.combos["kode"].setField("ID_WIL")
    assert dialog.level_label.text() == (
        "Level found from the codes: kecamatan. Recipients are matched to villages, so "
        "choose a village (desa) layer.")
    dialog.combos["kode"].setField("NAMA_DESA")
    assert dialog.level_label.text() == (
        "The chosen code field does not hold Kemendagri codes such as 17.04.01.2001.")
    dialog.reject()
    assert saved_field_mapping(layer) == {}
