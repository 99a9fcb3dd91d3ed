"""The whole job on the Kaur sample, checked against its truth file."""

import re
import subprocess
from collections import Counter
from itertools import combinations

from qgis.core import QgsVectorLayer

from dtks_spasial.plugin.core import records


def _pairs(groups):
    return {pair for members in groups.values() for pair in combinations(sorted(members), 2)}


def test_row_accounting(kaur_run, kaur_truth):
    result, _, _ = kaur_run
    summary = result.summary
    assert summary["rows_read"] == 22540
    assert summary["loaded"] == 22540
    assert summary["rejected"] == 0
    assert summary["loaded"] + summary["rejected"] == len(kaur_truth)
    assert sorted(item.baris for item in result.recipients) == sorted(kaur_truth)


def test_village_accuracy(kaur_run, kaur_truth):
    result, _, _ = kaur_run
    correct = sum(1 for item in result.recipients
                  if item.kode_desa == kaur_truth[item.baris]["kode_desa_benar"])
    assert correct == 22540
    assert result.summary["methods"] == {"kode": 21403, "nama": 1136, "koordinat": 1, "manual": 0,
                                         "tidak_cocok": 0}


def test_coordinate_statuses(kaur_run, kaur_truth):
    result, _, _ = kaur_run
    confusion = Counter((kaur_truth[item.baris]["status_koordinat_benar"], item.status_koordinat)
                        for item in result.recipients)
    assert confusion == Counter({("sesuai", "sesuai"): 13086,
                                 ("tanpa_koordinat", "tanpa_koordinat"): 8904,
                                 ("tertukar", "tertukar"): 287,
                                 ("beda_desa", "beda_desa"): 263})


def test_placed_points_inside_their_village(kaur_run):
    result, _, _ = kaur_run
    placed = [item for item in result.recipients if item.lokasi_perkiraan]
    assert len(placed) == 8904
    from qgis.core import QgsGeometry, QgsPointXY
    outside = [item.baris for item in placed
               if not result.villages.geometries[item.kode_desa].contains(
                   QgsGeometry.fromPointXY(QgsPointXY(item.x, item.y)))]
    assert outside == []
    assert len({(item.x, item.y) for item in placed}) == 8904


def test_duplicates_against_truth(kaur_run, kaur_truth):
    result, _, _ = kaur_run
    predicted, true = {}, {}
    for item in result.recipients:
        if item.kelompok_duplikat:
            predicted.setdefault(item.kelompok_duplikat, []).append(item.baris)
        true.setdefault(kaur_truth[item.baris]["id_orang"], []).append(item.baris)
    predicted_pairs, true_pairs = _pairs(predicted), _pairs(true)
    hits = len(predicted_pairs & true_pairs)
    assert len(true_pairs) == 656
    assert len(predicted_pairs) == 656
    # Precision and recall over pairs of rows: both 1.0 on this sample.
    assert hits / len(predicted_pairs) == 1.0
    assert hits / len(true_pairs) == 1.0
    assert result.summary["duplicate_groups"] == 656
    assert all(item.alasan_duplikat for item in result.recipients if item.kelompok_duplikat)


def test_geopackage_layers(kaur_run):
    _, gpkg, _ = kaur_run
    recipients = QgsVectorLayer(f"{gpkg}|layername=penerima", "penerima", "ogr")
    rejected = QgsVectorLayer(f"{gpkg}|layername=ditolak", "ditolak", "ogr")
    counts = QgsVectorLayer(f"{gpkg}|layername=jumlah_per_desa", "desa", "ogr")
    groups = QgsVectorLayer(f"{gpkg}|layername=kelompok_duplikat", "kelompok", "ogr")
    assert recipients.featureCount() == 22540
    assert rejected.featureCount() == 0
    assert counts.featureCount() == 195
    assert groups.featureCount() == 656
    names = recipients.fields().names()
    for name in records.RECIPIENT_FIELDS + ("NIK_asli", "KODE_WILAYAH", "DESIL", "PBI"):
        assert name in names
    feature = next(recipients.getFeatures("baris = 2"))
    assert feature["nik"] == "1704075207560001"
    assert feature["kode_desa"] == "17.04.07.2015"
    assert feature["metode_lokasi"] == "kode"
    assert feature["status_koordinat"] == "sesuai"
    assert feature["tgl_lahir"].toString("yyyy-MM-dd") == "1956-07-12"
    assert sum(feature["jumlah"] for feature in counts.getFeatures()) == 22540


def test_map_pdf_one_page_without_personal_data(kaur_run):
    result, _, pdf = kaur_run
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.MULTILINE)
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    text = " ".join(text.split())
    assert "Distribution of Social Assistance Recipients" in text
    assert "Kabupaten Kaur" in text
    leaked = [item.baris for item in result.recipients
              if item.nik in text or (len(item.nama) > 5 and item.nama in text)]
    assert leaked == []
