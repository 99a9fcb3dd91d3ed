"""Snapping recipients to a fixture of villages: codes, names, coordinates, statuses.

The villages are small squares near Kaur, in BIG's field layout:

    A Sukamaju (Kaur Selatan)     B Sukamaju II (Kaur Selatan)   C Tanjung Agung, part 1
    E Sungai Liat (Kaur Tengah)   F Sukamaju (Kaur Tengah)       D Padang Jaya (L-shaped)
    C Tanjung Agung has a second part further south-east. G Pasar Lama (Kaur Utara) lies apart.

A and B share the border x = 102.01.
"""

import pytest
from qgis.core import (
    QgsCoordinateTransformContext, QgsDistanceArea, QgsFeature, QgsGeometry, QgsPointXY,
    QgsVectorLayer,
)

from dtks_spasial.plugin.core import records
from dtks_spasial.plugin.core.matching import parse_candidates
from dtks_spasial.plugin.core.recipients import Recipient
from dtks_spasial.plugin.gis.boundaries import WGS84, load_villages
from dtks_spasial.plugin.gis.snapping import snap_recipients

A, B, C, D = "17.04.01.2001", "17.04.01.2002", "17.04.01.2003", "17.04.01.2004"
E, F, G = "17.04.02.2001", "17.04.02.2002", "17.04.03.2001"


def _box(x0, y0, x1, y1):
    return f"(({x0} {y0}, {x1} {y0}, {x1} {y1}, {x0} {y1}, {x0} {y0}))"


VILLAGES = [
    (A, "Sukamaju", "Kaur Selatan", "1704010001", f"MULTIPOLYGON({_box(102.00, -4.01, 102.01, -4.00)})"),
    (B, "Sukamaju II", "Kaur Selatan", "1704010002", f"MULTIPOLYGON({_box(102.01, -4.01, 102.02, -4.00)})"),
    (C, "Tanjung Agung", "Kaur Selatan", "1704010003",
     f"MULTIPOLYGON({_box(102.02, -4.01, 102.03, -4.00)}, {_box(102.05, -4.03, 102.06, -4.02)})"),
    # An L: the square 102.03-102.05 x -4.01..-4.00 without its north-east quarter.
    (D, "Padang Jaya", "Kaur Selatan", "1704010004",
     "MULTIPOLYGON(((102.03 -4.01, 102.05 -4.01, 102.05 -4.005, 102.04 -4.005, 102.04 -4.00, "
     "102.03 -4.00, 102.03 -4.01)))"),
    (E, "Sungai Liat", "Kaur Tengah", "1704020001", f"MULTIPOLYGON({_box(102.00, -4.02, 102.01, -4.01)})"),
    (F, "Sukamaju", "Kaur Tengah", "1704020002", f"MULTIPOLYGON({_box(102.01, -4.02, 102.02, -4.01)})"),
    (G, "Pasar Lama", "Kaur Utara", "1704030001", f"MULTIPOLYGON({_box(102.10, -3.91, 102.11, -3.90)})"),
]


@pytest.fixture(scope="module")
def villages(qgis_app):
    layer = QgsVectorLayer(
        "MultiPolygon?crs=EPSG:4326&field=KDEPUM:string&field=NAMOBJ:string&field=WADMKC:string"
        "&field=WADMKK:string&field=KDEBPS:string", "desa", "memory")
    features = []
    for code, name, district, bps, wkt in VILLAGES:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([code, name, district, "Kabupaten Kaur", bps])
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return load_villages(layer)


def _recipient(baris, kode="", desa="", kecamatan="", kabupaten="", point=None, swapped=False,
               manual=None):
    item = Recipient(baris, [])
    item.kode_wilayah, item.desa, item.kecamatan, item.kabupaten = kode, desa, kecamatan, kabupaten
    if point is not None:
        item.lon, item.lat = point
    item.swapped = swapped
    item.kode_desa_manual = manual
    return item


def _snap(villages, *items, **options):
    items = list(items)
    snap_recipients(items, villages, **options)
    return items


def _outcome(item):
    return item.kode_desa, item.metode_lokasi, item.skor_lokasi, item.status_koordinat


def test_codes(villages):
    by_code, by_bps, unknown = _snap(
        villages,
        _recipient(1, kode=A),
        _recipient(2, kode="17.04.03.0001"),   # "1704030001" typed as a Kemendagri code: the BPS code of G
        _recipient(3, kode="17.04.01.2999"))
    assert _outcome(by_code) == (A, "kode", 100.0, "tanpa_koordinat")
    assert by_code.nama_desa == "Sukamaju"
    assert _outcome(by_bps) == (G, "kode", 100.0, "tanpa_koordinat")
    assert _outcome(unknown) == (None, "tidak_cocok", None, "tanpa_koordinat")
    assert unknown.kandidat_desa is None


@pytest.mark.parametrize("desa, kecamatan, expected", [
    ("DS. SUKAMAJU 2", "KAUR SELATAN", B),           # prefix and arabic numeral
    ("Desa Sukamaju II", "Kec. Kaur Selatan", B),     # roman numeral
    ("Sukamaju Dua", "Kaur Selatan", B),              # number as a word
    ("Soekamadjoe", "Kaur Selatan", A),               # spelling from before 1972
    ("Suka Maju", "Kaur Selatan", A),                 # spacing
    ("Sukamaju", "Kaur Tengah", F),                   # the same name in another district
    ("SEI. LIAT", "KAUR TENGAH", E),                  # abbreviation
    ("Kelurahan Padang Jaja", "Kaur Selatan", D),     # old J for Y
    ("Tanjung Agung", "", C),                         # no district: the whole regency
])
def test_names(villages, desa, kecamatan, expected):
    item, = _snap(villages, _recipient(1, desa=desa, kecamatan=kecamatan,
                                       kabupaten="Kabupaten Kaur"))
    assert (item.kode_desa, item.metode_lokasi) == (expected, "nama")


def test_name_scores_and_threshold(villages):
    typo, = _snap(villages, _recipient(1, desa="Sukamjau", kecamatan="Kaur Selatan"))
    assert (typo.kode_desa, typo.metode_lokasi, typo.skor_lokasi) == (A, "nama", 87.5)
    strict, = _snap(villages, _recipient(1, desa="Sukamjau", kecamatan="Kaur Selatan"),
                    min_score=90)
    assert (strict.kode_desa, strict.metode_lokasi) == (None, "tidak_cocok")
    assert parse_candidates(strict.kandidat_desa) == [(A, "Sukamaju", 88.0), (F, "Sukamaju", 88.0)]


def test_numbers_must_agree(villages):
    # Sukamaju III does not exist: neither Sukamaju nor Sukamaju II is it.
    item, = _snap(villages, _recipient(1, desa="Sukamaju III", kecamatan="Kaur Selatan"))
    assert (item.kode_desa, item.metode_lokasi) == (None, "tidak_cocok")


def test_ambiguous_name_lists_candidates(villages):
    item, = _snap(villages, _recipient(1, desa="Sukamaju", kabupaten="Kaur"))
    assert (item.kode_desa, item.metode_lokasi) == (None, "tidak_cocok")
    assert item.kandidat_desa == f"{A} Sukamaju (100); {F} Sukamaju (100)"
    # The point decides when the name cannot.
    located, = _snap(villages, _recipient(1, desa="Sukamaju", kabupaten="Kaur",
                                          point=(102.015, -4.015)))
    assert _outcome(located) == (F, "koordinat", None, "sesuai")
    assert located.kandidat_desa is None


def test_split_region_code_falls_back_to_name(villages):
    # An old code from before the district was split, with the old district name.
    item, = _snap(villages, _recipient(1, kode="17.04.99.2001", desa="Pasar Lama",
                                       kecamatan="Kaur Lama"))
    assert (item.kode_desa, item.metode_lokasi, item.skor_lokasi) == (G, "nama", 100.0)


def test_code_and_name_disagree(villages):
    item, = _snap(villages, _recipient(1, kode=A, desa="Pasar Lama", kecamatan="Kaur Selatan"))
    assert (item.kode_desa, item.metode_lokasi) == (A, "kode")
    assert item.problems == [records.PROBLEM_NAMA_DESA_BEDA_KODE]
    # A second snap does not list the problem twice.
    snap_recipients([item], villages)
    assert item.problems == [records.PROBLEM_NAMA_DESA_BEDA_KODE]


def test_coordinate_statuses(villages):
    inside, neighbour, swapped, outside, notch, second_part = _snap(
        villages,
        _recipient(1, kode=A, point=(102.005, -4.005)),
        _recipient(2, kode=A, point=(102.015, -4.005)),
        _recipient(3, kode=A, point=(102.005, -4.005), swapped=True),
        _recipient(4, kode=A, point=(102.5, -4.5)),
        _recipient(5, kode=D, point=(102.045, -4.0025)),
        _recipient(6, desa="Tanjung Agung", kecamatan="Kaur Selatan", point=(102.055, -4.025)))
    assert _outcome(inside) == (A, "kode", 100.0, "sesuai")
    assert inside.kode_desa_koordinat == A
    assert inside.jarak_desa_m is None
    assert _outcome(neighbour) == (A, "kode", 100.0, "beda_desa")
    assert neighbour.kode_desa_koordinat == B
    distance = QgsDistanceArea()
    distance.setSourceCrs(WGS84, QgsCoordinateTransformContext())
    distance.setEllipsoid("WGS84")
    expected = round(distance.measureLine(QgsPointXY(102.015, -4.005), QgsPointXY(102.01, -4.005)), 1)
    assert neighbour.jarak_desa_m == expected
    assert 550 < expected < 560
    assert _outcome(swapped) == (A, "kode", 100.0, "tertukar")
    assert _outcome(outside) == (A, "kode", 100.0, "di_luar_wilayah")
    assert outside.kode_desa_koordinat is None
    assert _outcome(notch) == (D, "kode", 100.0, "di_luar_wilayah")
    assert _outcome(second_part) == (C, "nama", 100.0, "sesuai")
    assert (second_part.x, second_part.y, second_part.lokasi_perkiraan) == (102.055, -4.025, False)


def test_shared_border_is_deterministic(villages):
    on_border = (102.01, -4.005)
    for _ in range(3):
        unnamed, registered_b = _snap(villages, _recipient(1, point=on_border),
                                      _recipient(2, kode=B, point=on_border))
        assert _outcome(unnamed) == (A, "koordinat", None, "sesuai")
        assert _outcome(registered_b) == (B, "kode", 100.0, "sesuai")
        assert registered_b.kode_desa_koordinat == B


@pytest.mark.parametrize("code", [C, D])
def test_placed_points_inside_multipart_and_concave(villages, code):
    items = _snap(villages, *[_recipient(number, kode=code) for number in range(60)])
    geometry = villages.geometries[code]
    points = [(item.x, item.y) for item in items]
    assert all(item.lokasi_perkiraan for item in items)
    assert all(geometry.contains(QgsGeometry.fromPointXY(QgsPointXY(*point))) for point in points)
    assert len(set(points)) == 60
    # Deterministic: a second run puts every ordinal at the same place.
    again = _snap(villages, *[_recipient(number, kode=code) for number in range(60)])
    assert [(item.x, item.y) for item in again] == points
    if code == C:
        parts = {item.x > 102.04 for item in items}
        assert parts == {True, False}


def test_manual_assignment_wins_and_survives(villages):
    manual, unknown_manual = _snap(
        villages,
        _recipient(1, kode=A, point=(102.005, -4.015), manual=E),
        _recipient(2, kode=A, manual="99.99.99.9999"))
    assert _outcome(manual) == (E, "manual", None, "sesuai")
    assert manual.nama_desa == "Sungai Liat"
    assert _outcome(unknown_manual) == (A, "kode", 100.0, "tanpa_koordinat")
    snap_recipients([manual], villages)
    assert _outcome(manual) == (E, "manual", None, "sesuai")
