"""The duplicate review: group list, member comparison, decisions, re-runs and the dock tab."""

import csv
import shutil

import pytest
from qgis.core import (
    QgsCoordinateTransform, QgsCoordinateTransformContext, QgsFeatureRequest, QgsProject, QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt

from dtks_spasial.plugin.core.duplicates import Decision
from dtks_spasial.plugin.gis import duplicate_review
from dtks_spasial.plugin.gis.duplicates_store import read_decisions
from dtks_spasial.plugin.gis.pipeline import run_pipeline

HEADER = ["NIK", "NO_KK", "NAMA", "JENIS_KELAMIN", "TGL_LAHIR", "ALAMAT", "KODE_WILAYAH",
          "KECAMATAN", "DESA", "LATITUDE", "LONGITUDE", "DESIL"]
# Invented people in Kabupaten Kaur (17.04); baris counts the header as row 1.
ROWS = [
    # 2, 3: NIKs one digit apart, same KK, name and birth date (nik_mirip, score 99.7).
    ["1704025212900004", "1704020202100003", "RINA WATI", "P", "12-12-1990", "Dusun I",
     "17.04.02.2010", "TANJUNG KEMUNING", "Selika", "-4.618115", "103.188865", "3"],
    ["1704025212900007", "1704020202100003", "RINA WATI", "P", "12-12-1990", "Dusun I",
     "17.04.02.2010", "TANJUNG KEMUNING", "Selika", "-4.618115", "103.188865", "3"],
    # 4, 5: the same NIK in one village; the name differs only in case and spaces,
    # the second row has another address and no point.
    ["1704011203800001", "1704010101100001", "BUDI SANTOSO", "L", "12-03-1980", "Jl. Merdeka 1",
     "17.04.01.2001", "KINAL", "Gedung Wani", "-4.630929", "103.285574", "1"],
    ["1704011203800001", "1704010101100001", "Budi  Santoso", "L", "12-03-1980",
     "Jl. Merdeka No. 1", "17.04.01.2001", "KINAL", "Gedung Wani", "", "", "1"],
    # 6, 7: the same NIK in Tanjung Kemuning and Aur Ringit, two KK numbers.
    ["1704021111650005", "1704020202100004", "JOKO SUSILO", "L", "11-11-1965", "Dusun II",
     "17.04.02.2009", "TANJUNG KEMUNING", "Tanjung Kemuning", "-4.611916", "103.179825", "2"],
    ["1704021111650005", "1704020202100009", "JOKO SUSILO", "L", "11-11-1965", "Dusun III",
     "17.04.02.2004", "TANJUNG KEMUNING", "Aur Ringit", "-4.610801", "103.17012", "2"],
    # 8: a person alone.
    ["1704024404880006", "1704020202100005", "DEWI LESTARI", "P", "04-04-1988", "Dusun IV",
     "17.04.02.2010", "TANJUNG KEMUNING", "Selika", "", "", "1"],
]
TYPO, SAME_VILLAGE, MOVED = "D00001", "D00002", "D00003"
MEMBERS = {TYPO: [2, 3], SAME_VILLAGE: [4, 5], MOVED: [6, 7]}
NIK_OF = {baris: row[0] for baris, row in enumerate(ROWS, start=2)}
STAMP = "2026-01-05T10:00:00"


def write_table(path) -> str:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(ROWS)
    return str(path)


@pytest.fixture(scope="module")
def boundaries(data_dir) -> str:
    return f"{data_dir / 'batas_bengkulu.gpkg'}|layername=desa"


@pytest.fixture(scope="module")
def first_run(tmp_path_factory, boundaries):
    """Run the pipeline once on ROWS; return the folder with dtks.csv and hasil.gpkg."""
    folder = tmp_path_factory.mktemp("duplicate_review")
    run_pipeline(write_table(folder / "dtks.csv"), boundaries,
                 output_gpkg=str(folder / "hasil.gpkg"))
    return folder


@pytest.fixture()
def result_dir(first_run, tmp_path):
    """Return a private copy of the first run's folder."""
    for name in ("dtks.csv", "hasil.gpkg"):
        shutil.copy(first_run / name, tmp_path / name)
    return tmp_path


def open_layer(folder, name="penerima") -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{folder / 'hasil.gpkg'}|layername={name}", name, "ogr")
    assert layer.isValid()
    return layer


def plain(value):
    return None if value is None or (hasattr(value, "isNull") and value.isNull()) else value


def column(layer, name) -> dict:
    """Return {baris: value of field ``name``} of every feature."""
    return {feature["baris"]: plain(feature[name]) for feature in layer.getFeatures()}


def groups_by_id(layer) -> dict:
    return {group.group_id: group for group in duplicate_review.list_groups(layer)}


def stored(folder) -> list:
    return [(row.kelompok_duplikat, row.kunci_anggota, row.keputusan_duplikat, row.waktu)
            for row in read_decisions(str(folder / "hasil.gpkg"))]


def rerun(folder, boundaries):
    return run_pipeline(str(folder / "dtks.csv"), boundaries,
                        output_gpkg=str(folder / "hasil.gpkg"))


# The group list.


def test_groups_sorted_by_score(first_run):
    groups = duplicate_review.list_groups(open_layer(first_run))
    assert [group.group_id for group in groups] == [SAME_VILLAGE, MOVED, TYPO]
    assert [group.score for group in groups] == [100.0, 100.0, 99.7]
    assert [group.size for group in groups] == [2, 2, 2]
    assert [group.decision for group in groups] == ["", "", ""]
    assert groups[1].villages == ["17.04.02.2004 Aur Ringit", "17.04.02.2009 Tanjung Kemuning"]
    assert groups[1].reasons == ("NIK sama di desa berbeda (pindah domisili?); "
                                 "Satu orang tercatat di dua KK")


def test_group_fids_follow_rows(first_run):
    layer = open_layer(first_run)
    baris_of = {feature.id(): feature["baris"] for feature in layer.getFeatures()}
    for group in duplicate_review.list_groups(layer):
        assert [baris_of[fid] for fid in group.fids] == MEMBERS[group.group_id]


def test_groups_same_through_qgis(first_run):
    layer = open_layer(first_run)
    fast = duplicate_review.list_groups(layer)
    # A subset filter makes the layer unreadable by SQL, so QGIS reads it.
    layer.setSubsetString('"baris" > 0')
    assert duplicate_review.list_groups(layer) == fast


def test_kaur_group_list_matches_run(kaur_run):
    result, gpkg, _ = kaur_run
    layer = QgsVectorLayer(f"{gpkg}|layername=penerima", "penerima", "ogr")
    groups = duplicate_review.list_groups(layer)
    members, scores = {}, {}
    for item in result.recipients:
        if item.kelompok_duplikat:
            members.setdefault(item.kelompok_duplikat, []).append(item.baris)
            scores[item.kelompok_duplikat] = item.skor_duplikat
    expected = sorted(members, key=lambda group_id: (-scores[group_id], group_id))
    assert [group.group_id for group in groups] == expected
    assert len(groups) == result.summary["duplicate_groups"]
    assert sum(group.size for group in groups) == result.summary["duplicate_rows"]
    assert all(group.size == len(members[group.group_id]) for group in groups)
    scores_listed = [group.score for group in groups]
    assert scores_listed == sorted(scores_listed, reverse=True)


def test_kaur_group_table_matches_layer(kaur_run):
    _, gpkg, _ = kaur_run
    layer = QgsVectorLayer(f"{gpkg}|layername=penerima", "penerima", "ogr")
    from_layer = {group.group_id: group for group in duplicate_review.list_groups(layer)}
    from_table = duplicate_review.read_group_table(str(gpkg))
    assert [group.group_id for group in from_table] == list(from_layer)
    for group in from_table:
        assert group.size == from_layer[group.group_id].size
        assert group.score == from_layer[group.group_id].score
        assert group.villages == [text.split(" ")[0]
                                  for text in from_layer[group.group_id].villages]


# Comparing the members of a group.


def test_comparison_fields_of_layer(first_run):
    assert duplicate_review.comparison_fields(open_layer(first_run)) == [
        "nik", "no_kk", "nama", "tgl_lahir", "jenis_kelamin", "kode_desa", "nama_desa",
        "ALAMAT", "KODE_WILAYAH", "KECAMATAN", "DESA", "LATITUDE", "LONGITUDE", "DESIL"]


@pytest.mark.parametrize("group_id, expected", [
    (TYPO, ["nik"]),
    (SAME_VILLAGE, ["ALAMAT", "LATITUDE", "LONGITUDE"]),
    (MOVED, ["no_kk", "kode_desa", "nama_desa", "ALAMAT", "KODE_WILAYAH", "DESA", "LATITUDE",
             "LONGITUDE"]),
])
def test_differing_fields_of_group(first_run, group_id, expected):
    layer = open_layer(first_run)
    group = groups_by_id(layer)[group_id]
    members = duplicate_review.read_members(layer, group.fids)
    names = duplicate_review.comparison_fields(layer)
    assert duplicate_review.differing_fields(members, names) == expected


def test_members_read_in_row_order(first_run):
    layer = open_layer(first_run)
    group = groups_by_id(layer)[SAME_VILLAGE]
    members = duplicate_review.read_members(layer, reversed(group.fids))
    assert [member.baris for member in members] == [4, 5]
    assert [member.key for member in members] == ["4:1704011203800001", "5:1704011203800001"]
    assert members[1].values["nama"] == "Budi Santoso"
    assert members[1].values["LATITUDE"] is None or members[1].values["LATITUDE"] == ""
    assert members[0].values["tgl_lahir"].isoformat() == "1980-03-12"


def test_comparable_values():
    assert duplicate_review.comparable(None) == duplicate_review.comparable("  ")
    assert duplicate_review.comparable("Budi  Santoso ") == duplicate_review.comparable(
        "BUDI SANTOSO")
    assert duplicate_review.comparable(2.0) == duplicate_review.comparable("2")
    assert duplicate_review.comparable("Dusun II") != duplicate_review.comparable("Dusun III")


@pytest.mark.parametrize("name, masked", [
    ("nik", True), ("no_kk", True), ("NIK_asli", True), ("NO_KK", True), ("NIK_KRT", True),
    ("NOMOR KARTU KELUARGA", True), ("NO.KK", True), ("nama", False), ("DESIL", False),
    ("KECAMATAN", False), ("KODE_WILAYAH", False),
])
def test_identity_fields_masked(name, masked):
    assert duplicate_review.is_identity_field(name) is masked


# Decisions on the layer and in the decision table.


def test_not_duplicates_writes_layer_and_table(result_dir):
    layer = open_layer(result_dir)
    group = groups_by_id(layer)[TYPO]
    outcome = duplicate_review.decide(layer, group.fids, "bukan_duplikat", timestamp=STAMP)
    assert outcome.saved and outcome.stored
    decisions = column(open_layer(result_dir), "keputusan_duplikat")
    assert decisions == {2: "bukan_duplikat", 3: "bukan_duplikat", 4: None, 5: None, 6: None,
                         7: None, 8: None}
    assert stored(result_dir) == [(TYPO, f"2:{NIK_OF[2]}", "bukan_duplikat", STAMP),
                                  (TYPO, f"3:{NIK_OF[3]}", "bukan_duplikat", STAMP)]
    assert groups_by_id(layer)[TYPO].decision == duplicate_review.GROUP_NOT_DUPLICATES


def test_keep_row_writes_layer_and_table(result_dir):
    layer = open_layer(result_dir)
    group = groups_by_id(layer)[MOVED]
    duplicate_review.decide(layer, group.fids, "simpan", keep_fid=group.fids[1], timestamp=STAMP)
    decisions = column(open_layer(result_dir), "keputusan_duplikat")
    assert [decisions[baris] for baris in range(2, 9)] == [None, None, None, None, "hapus",
                                                           "simpan", None]
    assert stored(result_dir) == [(MOVED, f"6:{NIK_OF[6]}", "hapus", STAMP),
                                  (MOVED, f"7:{NIK_OF[7]}", "simpan", STAMP)]
    assert groups_by_id(layer)[MOVED].decision == duplicate_review.GROUP_KEPT


def test_new_decision_replaces_earlier(result_dir):
    layer = open_layer(result_dir)
    group = groups_by_id(layer)[SAME_VILLAGE]
    duplicate_review.decide(layer, group.fids, "bukan_duplikat", timestamp=STAMP)
    duplicate_review.decide(layer, group.fids, "simpan", keep_fid=group.fids[0],
                            timestamp="2026-01-06T08:00:00")
    assert stored(result_dir) == [
        (SAME_VILLAGE, f"4:{NIK_OF[4]}", "simpan", "2026-01-06T08:00:00"),
        (SAME_VILLAGE, f"5:{NIK_OF[5]}", "hapus", "2026-01-06T08:00:00")]
    assert [column(layer, "keputusan_duplikat")[baris] for baris in (4, 5)] == ["simpan", "hapus"]


def test_undo_clears_layer_and_table(result_dir):
    layer = open_layer(result_dir)
    groups = groups_by_id(layer)
    duplicate_review.decide(layer, groups[TYPO].fids, "bukan_duplikat", timestamp=STAMP)
    duplicate_review.decide(layer, groups[MOVED].fids, "simpan", keep_fid=groups[MOVED].fids[0],
                            timestamp=STAMP)
    outcome = duplicate_review.undo_decision(layer, groups[MOVED].fids)
    assert outcome.saved and outcome.stored
    assert set(outcome.values.values()) == {None}
    decisions = column(open_layer(result_dir), "keputusan_duplikat")
    assert [decisions[baris] for baris in range(2, 9)] == ["bukan_duplikat", "bukan_duplikat",
                                                           None, None, None, None, None]
    assert stored(result_dir) == [(TYPO, f"2:{NIK_OF[2]}", "bukan_duplikat", STAMP),
                                  (TYPO, f"3:{NIK_OF[3]}", "bukan_duplikat", STAMP)]
    assert groups_by_id(layer)[MOVED].decision == duplicate_review.GROUP_UNDECIDED


def test_keep_needs_member_row(result_dir):
    layer = open_layer(result_dir)
    groups = groups_by_id(layer)
    with pytest.raises(duplicate_review.DuplicateReviewError, match="row to keep"):
        duplicate_review.decide(layer, groups[MOVED].fids, "simpan",
                                keep_fid=groups[TYPO].fids[0])
    assert stored(result_dir) == []
    assert set(column(layer, "keputusan_duplikat").values()) == {None}


def test_decision_in_edit_buffer(result_dir):
    layer = open_layer(result_dir)
    group = groups_by_id(layer)[TYPO]
    layer.startEditing()
    outcome = duplicate_review.decide(layer, group.fids, "bukan_duplikat", timestamp=STAMP)
    assert not outcome.saved
    assert layer.isModified()
    assert column(layer, "keputusan_duplikat")[2] == "bukan_duplikat"
    assert column(open_layer(result_dir), "keputusan_duplikat")[2] is None
    layer.rollBack()


def test_decision_on_memory_layer(first_run):
    layer = open_layer(first_run).materialize(QgsFeatureRequest())
    group = groups_by_id(layer)[TYPO]
    outcome = duplicate_review.decide(layer, group.fids, "bukan_duplikat", timestamp=STAMP)
    assert outcome.saved
    assert not outcome.stored
    assert column(layer, "keputusan_duplikat")[3] == "bukan_duplikat"
    assert stored(first_run) == []


def test_decision_adds_missing_field(result_dir, tmp_path):
    old = open_layer(result_dir)
    path = str(tmp_path / "lama.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "penerima"
    options.attributes = [index for index, field in enumerate(old.fields())
                          if field.name() not in ("fid", "keputusan_duplikat")]
    QgsVectorFileWriter.writeAsVectorFormatV3(old, path, QgsCoordinateTransformContext(), options)
    layer = QgsVectorLayer(f"{path}|layername=penerima", "penerima", "ogr")
    assert layer.fields().indexOf("keputusan_duplikat") < 0
    assert duplicate_review.is_duplicate_layer(layer)
    group = groups_by_id(layer)[TYPO]
    duplicate_review.decide(layer, group.fids, "bukan_duplikat", timestamp=STAMP)
    reopened = QgsVectorLayer(f"{path}|layername=penerima", "penerima", "ogr")
    assert column(reopened, "keputusan_duplikat")[2] == "bukan_duplikat"
    assert [row.kunci_anggota for row in read_decisions(path)] == [f"2:{NIK_OF[2]}",
                                                                    f"3:{NIK_OF[3]}"]


def test_unique_decision_id():
    existing = [Decision("D00002", "4:1", "simpan"), Decision("D00002", "5:1", "hapus"),
                Decision("D00002-2", "9:1", "bukan_duplikat"),
                Decision("D00002-2", "10:1", "bukan_duplikat")]
    assert duplicate_review.unique_decision_id("D00001", existing, ["6:1", "7:1"]) == "D00001"
    assert duplicate_review.unique_decision_id("D00002", existing, ["6:1", "7:1"]) == "D00002-3"
    # Re-deciding the same members replaces their rows, so their id is free.
    assert duplicate_review.unique_decision_id("D00002", existing, ["4:1", "5:1"]) == "D00002"


# Re-runs into the same output GeoPackage.


def test_rerun_respects_decisions(result_dir, boundaries):
    layer = open_layer(result_dir)
    groups = groups_by_id(layer)
    duplicate_review.decide(layer, groups[TYPO].fids, "bukan_duplikat", timestamp=STAMP)
    duplicate_review.decide(layer, groups[MOVED].fids, "simpan", keep_fid=groups[MOVED].fids[1],
                            timestamp=STAMP)
    before = stored(result_dir)
    del layer

    result = rerun(result_dir, boundaries)
    layer = open_layer(result_dir)
    assert column(layer, "kelompok_duplikat") == {2: None, 3: None, 4: "D00001", 5: "D00001",
                                                  6: "D00002", 7: "D00002", 8: None}
    assert column(layer, "keputusan_duplikat") == {2: "bukan_duplikat", 3: "bukan_duplikat",
                                                   4: None, 5: None, 6: "hapus", 7: "simpan",
                                                   8: None}
    assert stored(result_dir) == before
    assert result.summary["duplicate_groups"] == 2
    listed = duplicate_review.list_groups(layer)
    assert [(group.group_id, group.decision) for group in listed] == [
        ("D00001", duplicate_review.GROUP_UNDECIDED), ("D00002", duplicate_review.GROUP_KEPT)]
    table = duplicate_review.read_group_table(str(result_dir / "hasil.gpkg"))
    assert [(group.group_id, group.size) for group in table] == [("D00001", 2), ("D00002", 2)]


def test_reused_group_id_keeps_decisions_apart(result_dir, boundaries):
    layer = open_layer(result_dir)
    groups = groups_by_id(layer)
    duplicate_review.decide(layer, groups[TYPO].fids, "bukan_duplikat", timestamp=STAMP)
    duplicate_review.decide(layer, groups[SAME_VILLAGE].fids, "simpan",
                            keep_fid=groups[SAME_VILLAGE].fids[0], timestamp=STAMP)
    del layer
    rerun(result_dir, boundaries)

    # The re-run numbered Joko Susilo's rows D00002, the id under which the
    # decision on Budi Santoso's rows is stored.
    layer = open_layer(result_dir)
    group = groups_by_id(layer)["D00002"]
    assert list(group.fids) == [feature.id() for feature in layer.getFeatures()
                                if feature["baris"] in (6, 7)]
    duplicate_review.decide(layer, group.fids, "simpan", keep_fid=group.fids[1], timestamp=STAMP)
    assert stored(result_dir)[-2:] == [("D00002-2", f"6:{NIK_OF[6]}", "hapus", STAMP),
                                       ("D00002-2", f"7:{NIK_OF[7]}", "simpan", STAMP)]
    del layer

    rerun(result_dir, boundaries)
    layer = open_layer(result_dir)
    assert column(layer, "kelompok_duplikat") == {2: None, 3: None, 4: "D00001", 5: "D00001",
                                                  6: "D00002", 7: "D00002", 8: None}
    assert column(layer, "keputusan_duplikat") == {2: "bukan_duplikat", 3: "bukan_duplikat",
                                                   4: "simpan", 5: "hapus", 6: "hapus",
                                                   7: "simpan", 8: None}


def test_rerun_after_undo_groups_again(result_dir, boundaries):
    layer = open_layer(result_dir)
    group = groups_by_id(layer)[TYPO]
    duplicate_review.decide(layer, group.fids, "bukan_duplikat", timestamp=STAMP)
    duplicate_review.undo_decision(layer, group.fids)
    del layer
    rerun(result_dir, boundaries)
    layer = open_layer(result_dir)
    assert column(layer, "kelompok_duplikat")[2] == TYPO
    assert set(column(layer, "keputusan_duplikat").values()) == {None}
    assert stored(result_dir) == []


# The dock tab.


@pytest.fixture()
def english_locale():
    """Remove the translators, so the panel shows the English source texts."""
    from dtks_spasial.plugin.i18n import remove_translators

    remove_translators()
    yield


@pytest.fixture()
def panel(result_dir, qgis_iface, english_locale):
    """Return (panel, layer): the duplicate panel showing a copy of the first run's layer."""
    from dtks_spasial.plugin.gui.duplicate_panel import DuplicatePanel

    layer = open_layer(result_dir)
    QgsProject.instance().addMapLayer(layer)
    panel = DuplicatePanel(qgis_iface)
    panel.show_layer(layer)
    layer_id = layer.id()
    yield panel, layer
    if QgsProject.instance().mapLayer(layer_id) is not None:
        QgsProject.instance().removeMapLayer(layer_id)
    panel.deleteLater()


def list_cells(model, row: int) -> list:
    return [model.data(model.index(row, column)) for column in range(model.columnCount())]


def comparison_line(model, name: str) -> list:
    row = model.names.index(name)
    return [model.data(model.index(row, column)) for column in range(model.columnCount())]


def test_panel_lists_groups(panel):
    panel, layer = panel
    assert panel.layer_combo.currentLayer() is layer
    model = panel.group_model
    assert model.rowCount() == 3
    assert list_cells(model, 0) == [SAME_VILLAGE, "2", "100.0", "NIK sama pada beberapa baris",
                                    "17.04.01.2001 Gedung Wani", ""]
    assert [list_cells(model, row)[0] for row in range(3)] == [SAME_VILLAGE, MOVED, TYPO]
    assert panel.count_label.text() == "3 groups (6 rows), 3 undecided"
    assert not panel.not_duplicates_button.isEnabled()


def test_panel_compares_group(panel):
    panel, layer = panel
    assert panel.select_group(MOVED)
    model = panel.comparison_model
    assert model.columnCount() == 2
    assert [model.headerData(column, Qt.Orientation.Horizontal) for column in (0, 1)] == [
        "Row 6", "Row 7"]
    assert model.headerData(0, Qt.Orientation.Vertical) == "Decision"
    assert model.headerData(1, Qt.Orientation.Vertical) == "NIK"
    assert comparison_line(model, "nik") == ["170402**********"] * 2
    assert comparison_line(model, "no_kk") == ["170402**********"] * 2
    assert comparison_line(model, "nama") == ["JOKO SUSILO"] * 2
    assert comparison_line(model, "tgl_lahir") == ["1965-11-11"] * 2
    assert comparison_line(model, "nama_desa") == ["Tanjung Kemuning", "Aur Ringit"]
    highlighted = [name for row, name in enumerate(model.names)
                   if model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole) is not None]
    assert highlighted == ["no_kk", "kode_desa", "nama_desa", "ALAMAT", "KODE_WILAYAH", "DESA",
                           "LATITUDE", "LONGITUDE"]
    assert sorted(feature["baris"] for feature in layer.selectedFeatures()) == [6, 7]
    assert panel.not_duplicates_button.isEnabled()
    assert not panel.keep_button.isEnabled()
    assert not panel.undo_button.isEnabled()


def test_panel_zooms_to_group(panel, qgis_iface):
    panel, layer = panel
    canvas = qgis_iface.mapCanvas()
    panel.select_group(MOVED)
    transform = QgsCoordinateTransform(layer.crs(), canvas.mapSettings().destinationCrs(),
                                       QgsProject.instance())
    points = [transform.transform(feature.geometry().asPoint())
              for feature in layer.getFeatures() if feature["baris"] in (6, 7)]
    extent = canvas.extent()
    assert all(extent.contains(point) for point in points)
    # Two points 1 km apart, framed with a margin, not the whole regency.
    assert extent.width() < 100 * abs(points[0].x() - points[1].x())


def test_panel_never_shows_full_numbers(panel):
    panel, _layer = panel
    numbers = {row[0] for row in ROWS} | {row[1] for row in ROWS}
    for row in range(panel.group_model.rowCount()):
        panel.group_view.selectRow(row)
        texts = list_cells(panel.group_model, row)
        model = panel.comparison_model
        texts += [model.data(model.index(line, column)) for line in range(model.rowCount())
                  for column in range(model.columnCount())]
        assert not any(number in (text or "") for number in numbers for text in texts)


def test_panel_marks_not_duplicates(panel, result_dir):
    panel, layer = panel
    panel.select_group(TYPO)
    panel.not_duplicates_button.click()
    assert column(open_layer(result_dir), "keputusan_duplikat")[2] == "bukan_duplikat"
    assert [row[2] for row in stored(result_dir)] == ["bukan_duplikat"] * 2
    row = panel.group_model.row_of(TYPO)
    assert list_cells(panel.group_model, row)[5] == "Not duplicates (bukan_duplikat)"
    assert panel.count_label.text() == "3 groups (6 rows), 2 undecided"
    assert panel.message_label.text() == (
        "Group D00001 marked as not duplicates. A new run that replaces this GeoPackage keeps "
        "the decision.")
    # The last group stays selected and shows its decision.
    assert panel.current_group().group_id == TYPO
    assert comparison_line(panel.comparison_model, "keputusan_duplikat") == [
        "Not a duplicate (bukan_duplikat)"] * 2
    assert panel.undo_button.isEnabled()


def test_panel_keeps_chosen_row(panel, result_dir):
    panel, layer = panel
    panel.select_group(MOVED)
    panel.comparison_view.selectColumn(1)
    assert panel.keep_button.isEnabled()
    panel.keep_button.click()
    decisions = column(open_layer(result_dir), "keputusan_duplikat")
    assert (decisions[6], decisions[7]) == ("hapus", "simpan")
    assert panel.message_label.text().startswith(
        "Row 7 of group D00003 kept; the other rows are marked for removal (hapus).")
    assert list_cells(panel.group_model, panel.group_model.row_of(MOVED))[5] == \
        "One row kept (simpan)"
    # The next group in the list is selected.
    assert panel.current_group().group_id == TYPO


def test_panel_undoes_decision(panel, result_dir):
    panel, layer = panel
    panel.select_group(SAME_VILLAGE)
    panel.not_duplicates_button.click()
    panel.select_group(SAME_VILLAGE)
    assert panel.undo_button.isEnabled()
    panel.undo_button.click()
    assert set(column(open_layer(result_dir), "keputusan_duplikat").values()) == {None}
    assert stored(result_dir) == []
    assert list_cells(panel.group_model, 0)[5] == ""
    assert panel.message_label.text().startswith("Decision on group D00002 removed.")
    assert not panel.undo_button.isEnabled()


def test_panel_shows_undecided_only(panel):
    panel, _layer = panel
    panel.select_group(TYPO)
    panel.not_duplicates_button.click()
    panel.refresh()
    panel.show_combo.setCurrentIndex(panel.show_combo.findData("undecided"))
    assert [list_cells(panel.group_model, row)[0]
            for row in range(panel.group_model.rowCount())] == [SAME_VILLAGE, MOVED]
    panel.show_combo.setCurrentIndex(panel.show_combo.findData("decided"))
    assert [list_cells(panel.group_model, row)[0]
            for row in range(panel.group_model.rowCount())] == [TYPO]


def test_panel_fetches_groups_in_batches(panel, monkeypatch):
    from dtks_spasial.plugin.gui import duplicate_panel

    panel, _layer = panel
    monkeypatch.setattr(duplicate_panel, "FETCH_SIZE", 2)
    panel.refresh()
    model = panel.group_model
    assert model.rowCount() == 2
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 3
    assert not model.canFetchMore()


def test_panel_locked_during_run(panel, result_dir):
    panel, _layer = panel
    panel.select_group(MOVED)
    panel.comparison_view.selectColumn(0)
    panel.set_decisions_locked(True)
    assert not panel.not_duplicates_button.isEnabled()
    assert not panel.keep_button.isEnabled()
    assert panel.zoom_button.isEnabled()
    panel.mark_not_duplicates()
    assert stored(result_dir) == []
    panel.set_decisions_locked(False)
    assert panel.not_duplicates_button.isEnabled()
    assert panel.keep_button.isEnabled()


def test_panel_forgets_removed_layer(panel):
    panel, layer = panel
    panel.select_group(MOVED)
    QgsProject.instance().removeMapLayer(layer.id())
    assert panel.group_model.rowCount() == 0
    assert panel.comparison_model.columnCount() == 0
    assert not panel.not_duplicates_button.isEnabled()


def test_dock_shows_lines_and_run_layer(result_dir, qgis_iface, english_locale):
    from dtks_spasial.plugin.gui import dock as dock_module

    project = QgsProject.instance()
    layers = dock_module.add_result_layers(project, str(result_dir / "hasil.gpkg"))
    dock = dock_module.DtksDock(qgis_iface)
    try:
        assert [layer.name() for layer in layers] == [
            "penerima", "garis_duplikat", "kelompok_duplikat", "ditolak"]
        lines = layers[1]
        assert lines.featureCount() == 1
        symbol_layers = lines.renderer().symbol().symbolLayers()
        assert symbol_layers[-1].color().name() == "#a50f15"
        assert symbol_layers[-1].penStyle() == Qt.PenStyle.DashLine
        assert symbol_layers[-1].useCustomDashPattern()
        assert symbol_layers[-1].customDashVector() == [3.0, 1.5]
        dock._review(layers)
        assert dock.duplicate_panel.layer_combo.currentLayer() is layers[0]
        assert dock.duplicate_panel.group_model.rowCount() == 3
        dock.duplicate_panel.select_group(TYPO)
        dock._set_running(True)
        assert not dock.duplicate_panel.not_duplicates_button.isEnabled()
        dock._set_running(False)
        assert dock.duplicate_panel.not_duplicates_button.isEnabled()
    finally:
        project.removeMapLayers([layer.id() for layer in layers])
        group = project.layerTreeRoot().findGroup(dock_module.RESULT_GROUP_NAME)
        if group is not None:
            project.layerTreeRoot().removeChildNode(group)
        dock.shutdown()
        dock.deleteLater()
