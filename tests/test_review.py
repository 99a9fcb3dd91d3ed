"""The location review: problem filters, villages assigned by hand, and their survival of re-runs."""

import csv
import shutil

import pytest
from qgis.core import QgsGeometry, QgsPointXY, QgsProject, QgsVectorLayer

from dtks_spasial.plugin.core import privacy
from dtks_spasial.plugin.gis import review
from dtks_spasial.plugin.gis.boundaries import load_villages
from dtks_spasial.plugin.gis.pipeline import run_pipeline

HEADER = ["NIK", "NO_KK", "NAMA", "JENIS_KELAMIN", "TGL_LAHIR", "KODE_WILAYAH", "KECAMATAN",
          "DESA", "LATITUDE", "LONGITUDE"]
# Invented people in Kecamatan Tanjung Kemuning, Kabupaten Kaur (17.04.02).
# Each comment gives the snapping result; baris counts the header as row 1.
ROWS = [
    # 2: code and point agree (sesuai).
    ["1704021111650001", "1704020202100001", "JOKO SUSILO", "L", "11-11-1965",
     "17.04.02.2009", "TANJUNG KEMUNING", "Tanjung Kemuning", "-4.611916", "103.179825"],
    # 3: code of Selika, point in Aur Ringit (beda_desa).
    ["1704020707700002", "1704020202100002", "AHMAD YANI", "L", "07-07-1970",
     "17.04.02.2010", "TANJUNG KEMUNING", "Selika", "-4.610801", "103.17012"],
    # 4: latitude and longitude swapped (tertukar).
    ["1704025212900003", "1704020202100003", "RINA WATI", "P", "12-12-1990",
     "17.04.02.2003", "TANJUNG KEMUNING", "Tanjung Aur", "103.180612", "-4.584897"],
    # 5: a point in the sea, outside every village (di_luar_wilayah).
    ["1704024404880004", "1704020202100004", "DEWI LESTARI", "P", "04-04-1988",
     "17.04.02.2002", "TANJUNG KEMUNING", "Tinggi Ari", "-5.5", "102.5"],
    # 6: a name of two villages in other districts, no point (tidak_cocok, 2 candidates).
    ["1704021503750005", "1704020202100005", "SRI MULYANI", "P", "15-03-1975",
     "", "TANJUNG KEMUNING", "Sumber Harapan", "", ""],
    # 7: an unknown name, no point (tidak_cocok, 3 candidates).
    ["1704020101800006", "1704020202100006", "BAMBANG WIJAYA", "L", "01-01-1980",
     "", "TANJUNG KEMUNING", "Entah Berantah", "", ""],
    # 8: the code of Padang Leban with another village's name (nama_desa_beda_kode).
    ["1704021002820007", "1704020202100007", "HENDRA GUNAWAN", "L", "10-02-1982",
     "17.04.02.2012", "TANJUNG KEMUNING", "Sulauwangi", "", ""],
    # 9: a name close to Tanjung Bulan, score 83.3 (nama, low score).
    ["1704025506870008", "1704020202100008", "YULI ANDRIANI", "P", "15-06-1987",
     "", "TANJUNG KEMUNING", "Tanjung Bunga", "", ""],
    # 10: an exact name, no point (nama, score 100).
    ["1704022009920009", "1704020202100009", "AGUS SALIM", "L", "20-09-1992",
     "", "TANJUNG KEMUNING", "Selika", "", ""],
]
EXPECTED_COUNTS = {
    review.FILTER_CONFLICTS: 7, review.FILTER_TIDAK_COCOK: 2, review.FILTER_BEDA_DESA: 1,
    review.FILTER_DI_LUAR: 1, review.FILTER_TERTUKAR: 1, review.FILTER_NAMA_BEDA_KODE: 1,
    review.FILTER_LOW_SCORE: 1, review.FILTER_MANUAL: 0,
}
EXPECTED_ROWS = {
    review.FILTER_CONFLICTS: [3, 4, 5, 6, 7, 8, 9], review.FILTER_TIDAK_COCOK: [6, 7],
    review.FILTER_BEDA_DESA: [3], review.FILTER_DI_LUAR: [5], review.FILTER_TERTUKAR: [4],
    review.FILTER_NAMA_BEDA_KODE: [8], review.FILTER_LOW_SCORE: [9], review.FILTER_MANUAL: [],
}
SUMBER_HARAPAN = "17.04.06.2019"
AUR_RINGIT = "17.04.02.2004"


def write_table(path, rows) -> str:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return str(path)


@pytest.fixture(scope="module")
def boundaries(data_dir) -> str:
    return f"{data_dir / 'batas_bengkulu.gpkg'}|layername=desa"


@pytest.fixture(scope="module")
def villages(boundaries):
    return load_villages(boundaries)


@pytest.fixture(scope="module")
def first_run(tmp_path_factory, boundaries):
    """Run the pipeline once on ROWS; return the folder with the table and hasil.gpkg."""
    folder = tmp_path_factory.mktemp("review")
    table = write_table(folder / "dtks.csv", ROWS)
    run_pipeline(table, boundaries, output_gpkg=str(folder / "hasil.gpkg"))
    return folder


@pytest.fixture()
def result_dir(first_run, tmp_path):
    """Return a private copy of the first run's folder."""
    for name in ("dtks.csv", "hasil.gpkg"):
        shutil.copy(first_run / name, tmp_path / name)
    return tmp_path


def open_recipients(folder) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{folder / 'hasil.gpkg'}|layername=penerima", "penerima", "ogr")
    assert layer.isValid()
    return layer


def by_baris(layer) -> dict:
    return {feature["baris"]: feature for feature in layer.getFeatures()}


def fid_of(layer, baris: int) -> int:
    return by_baris(layer)[baris].id()


def value(feature, name):
    raw = feature[name]
    return None if raw is None or (hasattr(raw, "isNull") and raw.isNull()) else raw


def test_mask_number_keeps_district_code():
    assert privacy.mask_number("1704021111650001") == "170402**********"
    assert privacy.mask_number(" 1704021111650001 ") == "170402**********"
    assert privacy.mask_number("17040211") == "170402**"
    assert privacy.mask_number("170402") == "******"
    assert privacy.mask_number("") == ""
    assert privacy.mask_number(None) == ""


def test_filter_counts_exact(result_dir):
    layer = open_recipients(result_dir)
    assert review.is_recipient_layer(layer)
    assert review.count_filters(layer) == EXPECTED_COUNTS


def test_filter_rows_exact(result_dir):
    layer = open_recipients(result_dir)
    baris = {feature.id(): feature["baris"] for feature in layer.getFeatures()}
    for key, expected in EXPECTED_ROWS.items():
        assert [baris[fid] for fid in review.matching_ids(layer, key)] == expected, key


def test_filters_without_sql(result_dir):
    """A memory copy is filtered by QGIS expressions instead of SQL on the GeoPackage."""
    from qgis.core import QgsFeatureRequest

    copy = open_recipients(result_dir).materialize(QgsFeatureRequest())
    assert review.geopackage_table(copy) is None
    assert review.count_filters(copy) == EXPECTED_COUNTS
    baris = {feature.id(): feature["baris"] for feature in copy.getFeatures()}
    for key, expected in EXPECTED_ROWS.items():
        assert [baris[fid] for fid in review.matching_ids(copy, key)] == expected, key


def test_sql_only_for_saved_geopackage(result_dir):
    layer = open_recipients(result_dir)
    assert review.geopackage_table(layer) == (str(result_dir / "hasil.gpkg"), "penerima")
    layer.setSubsetString('"baris" > 5')
    assert review.geopackage_table(layer) is None
    assert review.count_filters(layer)[review.FILTER_CONFLICTS] == 4


def test_low_score_threshold(result_dir):
    layer = open_recipients(result_dir)
    assert review.count_filters(layer, low_score=80.0)[review.FILTER_LOW_SCORE] == 0
    assert len(review.matching_ids(layer, review.FILTER_LOW_SCORE, 80.0)) == 0
    assert review.count_filters(layer, low_score=100.5)[review.FILTER_LOW_SCORE] == 2
    assert len(review.matching_ids(layer, review.FILTER_LOW_SCORE, 100.5)) == 2


def test_source_fields_found(result_dir):
    layer = open_recipients(result_dir)
    assert review.source_fields(layer) == {
        "kode_wilayah": "KODE_WILAYAH", "desa": "DESA", "kecamatan": "KECAMATAN"}


def test_candidates_of_unmatched_row(result_dir, villages):
    feature = by_baris(open_recipients(result_dir))[6]
    candidates = review.candidate_villages(
        value(feature, "kandidat_desa"), value(feature, "kode_desa"),
        value(feature, "kode_desa_koordinat"), villages)
    assert candidates == [(SUMBER_HARAPAN, "Sumber Harapan", 100.0),
                          ("17.04.07.2011", "Sumber Harapan", 100.0),
                          ("17.05.01.2037", "Sumber Arung", 75.0)]


def test_candidates_add_point_village(result_dir, villages):
    feature = by_baris(open_recipients(result_dir))[3]
    candidates = review.candidate_villages(
        value(feature, "kandidat_desa"), value(feature, "kode_desa"),
        value(feature, "kode_desa_koordinat"), villages)
    assert candidates == [(AUR_RINGIT, "Aur Ringit", None)]


def test_village_for_code(villages):
    assert review.village_for_code(villages, "1704062019").name == "Sumber Harapan"
    assert review.village_for_code(villages, " 17.04.06.2019 ").code == SUMBER_HARAPAN
    with pytest.raises(review.ReviewError, match="99.99.99.9999"):
        review.village_for_code(villages, "99.99.99.9999")
    with pytest.raises(review.ReviewError):
        review.village_for_code(villages, "")


def test_assignment_writes_expected_fields(result_dir, villages):
    layer = open_recipients(result_dir)
    before = by_baris(layer)[6]
    assert review.assign_village(layer, [before.id()], SUMBER_HARAPAN, villages) is True

    after = by_baris(open_recipients(result_dir))[6]
    assert value(after, "kode_desa_manual") == SUMBER_HARAPAN
    assert value(after, "kode_desa") == SUMBER_HARAPAN
    assert value(after, "nama_desa") == "Sumber Harapan"
    assert value(after, "metode_lokasi") == "manual"
    assert value(after, "skor_lokasi") is None
    assert value(after, "kandidat_desa") is None
    assert value(after, "status_koordinat") == "tanpa_koordinat"
    assert value(after, "lokasi_perkiraan") in (True, 1)
    point = after.geometry()
    assert not point.isEmpty()
    assert villages.geometries[SUMBER_HARAPAN].contains(point)
    changed = {"kode_desa_manual", "kode_desa", "nama_desa", "metode_lokasi", "skor_lokasi",
               "kandidat_desa", "lokasi_perkiraan"}
    for name in before.fields().names():
        if name not in changed:
            assert value(after, name) == value(before, name), name


def test_assignment_moves_row_between_filters(result_dir, villages):
    layer = open_recipients(result_dir)
    review.assign_village(layer, [fid_of(layer, 6)], SUMBER_HARAPAN, villages)
    counts = review.count_filters(layer)
    assert counts[review.FILTER_TIDAK_COCOK] == 1
    assert counts[review.FILTER_CONFLICTS] == 6
    assert counts[review.FILTER_MANUAL] == 1


def test_assigning_point_village_resolves_conflict(result_dir, villages):
    layer = open_recipients(result_dir)
    review.assign_village(layer, [fid_of(layer, 3)], AUR_RINGIT, villages)
    feature = by_baris(open_recipients(result_dir))[3]
    assert value(feature, "metode_lokasi") == "manual"
    assert value(feature, "kode_desa") == AUR_RINGIT
    assert value(feature, "status_koordinat") == "sesuai"
    assert value(feature, "jarak_desa_m") is None
    assert feature.geometry().asPoint() == QgsPointXY(103.17012, -4.610801)


def test_bulk_assignment(result_dir, villages):
    layer = open_recipients(result_dir)
    fids = [fid_of(layer, 6), fid_of(layer, 7)]
    review.assign_village(layer, fids, SUMBER_HARAPAN, villages)
    rows = by_baris(open_recipients(result_dir))
    assert [value(rows[b], "kode_desa_manual") for b in (6, 7)] == [SUMBER_HARAPAN] * 2
    assert value(rows[8], "kode_desa_manual") is None


def test_unknown_code_rejected(result_dir, villages):
    layer = open_recipients(result_dir)
    with pytest.raises(review.ReviewError, match="99.99.99.9999"):
        review.assign_village(layer, [fid_of(layer, 6)], "99.99.99.9999", villages)
    assert not layer.isEditable()
    assert value(by_baris(open_recipients(result_dir))[6], "kode_desa_manual") is None


def test_assignment_in_edit_mode_stays_in_buffer(result_dir, villages):
    layer = open_recipients(result_dir)
    layer.startEditing()
    assert review.assign_village(layer, [fid_of(layer, 6)], SUMBER_HARAPAN, villages) is False
    assert layer.isEditable()
    assert value(by_baris(layer)[6], "kode_desa_manual") == SUMBER_HARAPAN
    assert value(by_baris(open_recipients(result_dir))[6], "kode_desa_manual") is None
    layer.rollBack()


def test_clearing_restores_snapped_village(result_dir, villages):
    layer = open_recipients(result_dir)
    original = by_baris(layer)[6]
    review.assign_village(layer, [original.id()], SUMBER_HARAPAN, villages)
    assert review.clear_assignment(layer, [original.id()], villages) is True

    cleared = by_baris(open_recipients(result_dir))[6]
    assert value(cleared, "kode_desa_manual") is None
    assert value(cleared, "metode_lokasi") == "tidak_cocok"
    assert value(cleared, "kode_desa") is None
    assert value(cleared, "kandidat_desa") == value(original, "kandidat_desa")
    assert cleared.geometry().isEmpty()


def test_clearing_code_row_restores_problem(result_dir, villages):
    layer = open_recipients(result_dir)
    fid = fid_of(layer, 8)
    review.assign_village(layer, [fid], "17.04.02.2017", villages)
    assigned = by_baris(open_recipients(result_dir))[8]
    assert value(assigned, "masalah") is None
    review.clear_assignment(layer, [fid], villages)
    cleared = by_baris(open_recipients(result_dir))[8]
    assert value(cleared, "kode_desa") == "17.04.02.2012"
    assert value(cleared, "metode_lokasi") == "kode"
    assert value(cleared, "masalah") == "nama_desa_beda_kode"


def test_manual_field_added_to_old_layer(result_dir, villages):
    path = str(result_dir / "lama.gpkg")
    old = QgsVectorLayer(f"{result_dir / 'hasil.gpkg'}|layername=penerima", "p", "ogr")
    from qgis.core import QgsVectorFileWriter, QgsCoordinateTransformContext

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "penerima"
    options.attributes = [index for index, field in enumerate(old.fields())
                          if field.name() not in ("fid", "kode_desa_manual")]
    QgsVectorFileWriter.writeAsVectorFormatV3(old, path, QgsCoordinateTransformContext(), options)
    layer = QgsVectorLayer(f"{path}|layername=penerima", "penerima", "ogr")
    assert layer.fields().indexOf("kode_desa_manual") < 0
    assert review.is_recipient_layer(layer)
    review.assign_village(layer, [fid_of(layer, 6)], SUMBER_HARAPAN, villages)
    reopened = QgsVectorLayer(f"{path}|layername=penerima", "penerima", "ogr")
    assert value(by_baris(reopened)[6], "kode_desa_manual") == SUMBER_HARAPAN


def test_manual_village_survives_snap_rerun(result_dir, villages, boundaries, processing_ready):
    import processing

    layer = open_recipients(result_dir)
    review.assign_village(layer, [fid_of(layer, 6)], SUMBER_HARAPAN, villages)
    review.assign_village(layer, [fid_of(layer, 3)], AUR_RINGIT, villages)
    output = str(result_dir / "ulang.gpkg")
    processing.run("dtks:snap_to_boundaries", {
        "INPUT": f"{result_dir / 'hasil.gpkg'}|layername=penerima", "BOUNDARIES": boundaries,
        "OUTPUT": output})
    rows = by_baris(QgsVectorLayer(output, "ulang", "ogr"))
    assert [(value(rows[b], "kode_desa"), value(rows[b], "metode_lokasi"),
             value(rows[b], "kode_desa_manual")) for b in (3, 6, 7)] == [
        (AUR_RINGIT, "manual", AUR_RINGIT),
        (SUMBER_HARAPAN, "manual", SUMBER_HARAPAN),
        (None, "tidak_cocok", None)]
    assert value(rows[3], "status_koordinat") == "sesuai"


def test_manual_village_survives_pipeline_rerun(result_dir, villages, boundaries):
    layer = open_recipients(result_dir)
    review.assign_village(layer, [fid_of(layer, 6)], SUMBER_HARAPAN, villages)
    del layer
    gpkg = str(result_dir / "hasil.gpkg")
    result = run_pipeline(str(result_dir / "dtks.csv"), boundaries, output_gpkg=gpkg)
    assert [item.kode_desa_manual for item in result.recipients if item.baris == 6] == [
        SUMBER_HARAPAN]
    rows = by_baris(open_recipients(result_dir))
    assert (value(rows[6], "kode_desa"), value(rows[6], "metode_lokasi"),
            value(rows[6], "kode_desa_manual")) == (SUMBER_HARAPAN, "manual", SUMBER_HARAPAN)
    assert review.count_filters(open_recipients(result_dir))[review.FILTER_MANUAL] == 1


def test_rerun_into_other_file_reads_previous(result_dir, villages, boundaries):
    layer = open_recipients(result_dir)
    review.assign_village(layer, [fid_of(layer, 6)], SUMBER_HARAPAN, villages)
    del layer
    partial = str(result_dir / "hasil.tmp.gpkg")
    run_pipeline(str(result_dir / "dtks.csv"), boundaries, output_gpkg=partial,
                 previous_gpkg=str(result_dir / "hasil.gpkg"))
    rows = by_baris(QgsVectorLayer(f"{partial}|layername=penerima", "p", "ogr"))
    assert value(rows[6], "kode_desa_manual") == SUMBER_HARAPAN


def test_changed_table_drops_assignment(result_dir, villages, boundaries):
    layer = open_recipients(result_dir)
    review.assign_village(layer, [fid_of(layer, 6), fid_of(layer, 7)], SUMBER_HARAPAN, villages)
    del layer
    changed = [list(row) for row in ROWS]
    # Row 6 now contains another person; row 7 is unchanged.
    changed[4][0] = "1704021503750099"
    write_table(result_dir / "dtks.csv", changed)
    run_pipeline(str(result_dir / "dtks.csv"), boundaries,
                 output_gpkg=str(result_dir / "hasil.gpkg"))
    rows = by_baris(open_recipients(result_dir))
    assert value(rows[6], "kode_desa_manual") is None
    assert value(rows[6], "metode_lokasi") == "tidak_cocok"
    assert value(rows[7], "kode_desa_manual") == SUMBER_HARAPAN


def test_carry_over_without_previous_file(tmp_path):
    assert review.carry_over_assignments(str(tmp_path / "tidak_ada.gpkg"), []) == 0
    assert review.carry_over_assignments("", []) == 0


# The review tab of the dock.


@pytest.fixture()
def panel(result_dir, boundaries, qgis_iface, english_locale):
    """Return (panel, layer): the review panel showing a copy of the first run's layer."""
    from dtks_spasial.plugin.gui.review_panel import ReviewPanel

    layer = open_recipients(result_dir)
    QgsProject.instance().addMapLayer(layer)
    panel = ReviewPanel(qgis_iface)
    panel.show_layer(layer, boundary_file=boundaries)
    layer_id = layer.id()
    yield panel, layer
    if QgsProject.instance().mapLayer(layer_id) is not None:
        QgsProject.instance().removeMapLayer(layer_id)
    panel.deleteLater()


@pytest.fixture()
def english_locale():
    """Remove the translators, so the panel shows the English source texts."""
    from dtks_spasial.plugin.i18n import remove_translators

    remove_translators()
    yield


def choose_filter(panel, key) -> None:
    index = panel.filter_combo.findData(key)
    assert index >= 0
    panel.filter_combo.setCurrentIndex(index)


def cell(model, row: int, column_name: str) -> str:
    column = [name for name, _ in model.columns].index(column_name)
    return model.data(model.index(row, column))


def test_panel_lists_filter_rows(panel):
    panel, _layer = panel
    assert panel.layer_combo.currentLayer() is _layer
    assert panel.filter_combo.itemText(0) == "All problems (7)"
    assert panel.model.rowCount() == 7
    choose_filter(panel, review.FILTER_TIDAK_COCOK)
    assert panel.model.rowCount() == 2
    assert [cell(panel.model, row, "baris") for row in (0, 1)] == ["6", "7"]
    assert cell(panel.model, 0, "nik") == "170402**********"
    assert cell(panel.model, 0, "desa") == "Sumber Harapan"
    assert cell(panel.model, 0, "kecamatan") == "TANJUNG KEMUNING"
    assert cell(panel.model, 0, "metode_lokasi") == "tidak_cocok"
    assert cell(panel.model, 0, "kode_desa") == ""


def test_panel_never_shows_full_nik(panel):
    panel, _layer = panel
    identities = {row[0] for row in ROWS} | {row[1] for row in ROWS}
    for key in review.FILTER_KEYS:
        choose_filter(panel, key)
        for row in range(panel.model.rowCount()):
            for column in range(panel.model.columnCount()):
                text = panel.model.data(panel.model.index(row, column)) or ""
                assert not any(number in text for number in identities)


def test_panel_assigns_candidate(panel):
    panel, layer = panel
    choose_filter(panel, review.FILTER_TIDAK_COCOK)
    panel.table.selectRow(0)
    assert panel.candidate_list.count() == 3
    assert panel.candidate_list.item(0).data(256) == SUMBER_HARAPAN
    assert panel.candidate_list.item(0).text() == \
        "17.04.06.2019 Sumber Harapan (name score 100)"
    assert panel.assign_button.isEnabled()
    assert [feature["baris"] for feature in layer.selectedFeatures()] == [6]

    panel.assign_button.click()
    assert value(by_baris(layer)[6], "kode_desa_manual") == SUMBER_HARAPAN
    assert value(by_baris(open_recipients_of(layer))[6], "metode_lokasi") == "manual"
    assert panel.model.rowCount() == 1
    assert panel.filter_combo.currentText() == "No village found (tidak_cocok) (1)"
    assert panel.message_label.text() == "Village 17.04.06.2019 Sumber Harapan assigned to 1 rows."


def test_panel_bulk_assign_and_clear(panel):
    panel, layer = panel
    choose_filter(panel, review.FILTER_TIDAK_COCOK)
    panel.table.selectAll()
    panel.assign_code("1704062019")
    rows = by_baris(layer)
    assert [value(rows[b], "kode_desa_manual") for b in (6, 7)] == [SUMBER_HARAPAN] * 2
    assert panel.model.rowCount() == 0

    choose_filter(panel, review.FILTER_MANUAL)
    assert panel.model.rowCount() == 2
    panel.table.selectRow(1)
    panel.clear_button.click()
    rows = by_baris(layer)
    assert value(rows[6], "kode_desa_manual") == SUMBER_HARAPAN
    assert value(rows[7], "kode_desa_manual") is None
    assert value(rows[7], "metode_lokasi") == "tidak_cocok"
    assert panel.model.rowCount() == 1


def test_panel_rejects_unknown_code(panel):
    panel, layer = panel
    choose_filter(panel, review.FILTER_TIDAK_COCOK)
    panel.table.selectRow(0)
    panel.assign_code("99.99.99.9999")
    assert panel.message_label.text().startswith(
        "Village code 99.99.99.9999 is not in the village boundary layer.")
    assert value(by_baris(layer)[6], "kode_desa_manual") is None


def test_panel_needs_boundaries(result_dir, qgis_iface, english_locale):
    from dtks_spasial.plugin.gui.review_panel import ReviewPanel

    layer = open_recipients(result_dir)
    QgsProject.instance().addMapLayer(layer)
    try:
        panel = ReviewPanel(qgis_iface)
        panel.show_layer(layer)
        choose_filter(panel, review.FILTER_TIDAK_COCOK)
        panel.table.selectRow(0)
        panel.assign_code("17.04.06.2019")
        assert panel.message_label.text() == "Choose the village boundary layer or file first."
        assert value(by_baris(layer)[6], "kode_desa_manual") is None
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_panel_offers_only_recipient_layers(panel):
    panel, layer = panel
    other = QgsVectorLayer("Point?crs=EPSG:4326&field=nama:string", "titik", "memory")
    QgsProject.instance().addMapLayer(other)
    try:
        offered = [panel.layer_combo.layer(index) for index in range(panel.layer_combo.count())]
        assert layer in offered
        assert other not in offered
    finally:
        QgsProject.instance().removeMapLayer(other.id())


def test_panel_zooms_to_row(panel, qgis_iface, villages):
    panel, layer = panel
    choose_filter(panel, review.FILTER_BEDA_DESA)
    panel.table.selectRow(0)
    extent = qgis_iface.mapCanvas().extent()
    assert extent.contains(QgsPointXY(103.17012, -4.610801))
    assert extent.contains(villages.geometries["17.04.02.2010"].boundingBox())


def test_panel_forgets_removed_layer(panel):
    panel, layer = panel
    QgsProject.instance().removeMapLayer(layer.id())
    assert panel.model.rowCount() == 0
    assert not panel.assign_code_button.isEnabled()


def open_recipients_of(layer) -> QgsVectorLayer:
    return QgsVectorLayer(layer.source(), "penerima", "ogr")


def test_dock_has_review_tab(qgis_iface, english_locale):
    from dtks_spasial.plugin.gui.dock import DtksDock

    dock = DtksDock(qgis_iface)
    try:
        assert [dock.tabs.tabText(index) for index in range(dock.tabs.count())] == [
            "Run", "Review locations", "Suspected duplicates", "Thematic map"]
        assert dock.tabs.widget(1) is dock.review_panel
        assert dock.tabs.widget(2) is dock.duplicate_panel
        assert dock.tabs.widget(3) is dock.map_panel
    finally:
        dock.shutdown()
        dock.deleteLater()


def _wait_for_listing(panel, seconds: float = 30.0) -> None:
    """Process events until the panel's background listing has finished."""
    import time

    from qgis.PyQt.QtCore import QCoreApplication

    deadline = time.monotonic() + seconds
    while panel._task is not None and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    assert panel._task is None, "the listing task did not finish"


@pytest.mark.parametrize("in_memory", [False, True])
def test_panel_large_layers_in_task(panel, monkeypatch, in_memory):
    """Layers over the size limit are counted and listed in a task, with the same result."""
    from qgis.core import QgsFeatureRequest

    from dtks_spasial.plugin.gui import review_panel

    panel, layer = panel
    if in_memory:
        layer = layer.materialize(QgsFeatureRequest())
        QgsProject.instance().addMapLayer(layer)
    monkeypatch.setattr(review_panel, "BACKGROUND_MIN_ROWS", 1)
    panel.show_layer(layer)
    panel.refresh()
    assert panel._task is not None
    assert panel.model.rowCount() == 0
    assert panel.message_label.text() == "Counting the rows to review..."
    _wait_for_listing(panel)
    assert panel.filter_combo.itemText(0) == "All problems (7)"
    assert panel.model.rowCount() == 7
    assert panel.message_label.text() == ""
    choose_filter(panel, review.FILTER_TIDAK_COCOK)
    _wait_for_listing(panel)
    assert [cell(panel.model, row, "baris") for row in (0, 1)] == ["6", "7"]
    if in_memory:
        QgsProject.instance().removeMapLayer(layer.id())


def test_panel_drops_superseded_listing(panel, monkeypatch):
    """A filter chosen while a listing runs replaces it, and only its rows are shown."""
    from dtks_spasial.plugin.gui import review_panel

    panel, layer = panel
    monkeypatch.setattr(review_panel, "BACKGROUND_MIN_ROWS", 1)
    panel.refresh()
    first = panel._task
    choose_filter(panel, review.FILTER_TIDAK_COCOK)
    assert panel._task is not first
    _wait_for_listing(panel)
    assert panel.model.rowCount() == 2
