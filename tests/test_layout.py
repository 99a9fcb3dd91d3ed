"""Tests of the choropleth classes and the A4 map PDF export."""

import datetime
import gc
import itertools
import random
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

REPO_DIR = Path(__file__).resolve().parents[1]

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsGraduatedSymbolRenderer,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsVectorLayer,
)
from qgis.PyQt.QtXml import QDomDocument

from dtks_spasial.plugin.gis import layout, thematic

BOUNDARIES_GPKG = REPO_DIR.parent / "shared" / "data" / "batas_bengkulu.gpkg"
PRINTED_ON = datetime.date(2026, 12, 4)

SQUARE_VILLAGES = [
    # (kode, nama, jumlah)
    ("17.04.01.2001", "Desa Kenanga Rahasia", 0),
    ("17.04.01.2002", "Desa Melati Rahasia", 2),
    ("17.04.01.2003", "Desa Mawar Rahasia", 9),
    ("17.04.02.2001", "Desa Cempaka Rahasia", 30),
    ("17.04.02.2002", "Desa Anggrek Rahasia", 33),
    ("17.04.02.2003", "Desa Dahlia Rahasia", 90),
]
# Five classes from six distinct counts merge only the closest pair, 0 and 2.
SQUARE_CLASSES = [(0, 2), (3, 9), (10, 30), (31, 33), (34, 90)]


def make_square_layer(crs: str = "EPSG:4326") -> QgsVectorLayer:
    """Build six 0.05-degree squares in two rows near Kaur, optionally reprojected to ``crs``."""
    layer = QgsVectorLayer(
        f"Polygon?crs={crs}&field=kode:string(13)&field=nama:string(100)&field=jumlah:integer",
        "desa_uji",
        "memory",
    )
    to_layer_crs = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"), layer.crs(), QgsProject()
    )
    features = []
    for index, (code, name, count) in enumerate(SQUARE_VILLAGES):
        x = 103.30 + 0.05 * (index % 3)
        y = -4.60 + 0.05 * (index // 3)
        geometry = QgsGeometry.fromWkt(
            f"POLYGON(({x} {y}, {x + 0.05} {y}, {x + 0.05} {y + 0.05}, {x} {y + 0.05}, {x} {y}))"
        )
        geometry.transform(to_layer_crs)
        feature = QgsFeature(layer.fields())
        feature.setGeometry(geometry)
        feature.setAttributes([code, name, count])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def make_kaur_layer() -> QgsVectorLayer:
    """Copy the 195 villages of Kabupaten Kaur with made-up but fixed counts."""
    source = QgsVectorLayer(f"{BOUNDARIES_GPKG}|layername=desa", "desa", "ogr")
    assert source.isValid(), f"cannot open {BOUNDARIES_GPKG}"
    layer = QgsVectorLayer(
        "MultiPolygon?crs=EPSG:4326&field=kode:string(13)&field=nama:string(100)&field=jumlah:integer",
        "desa_kaur",
        "memory",
    )
    request = QgsFeatureRequest().setFilterExpression("\"KDEPUM\" LIKE '17.04.%'")
    features = []
    for source_feature in source.getFeatures(request):
        code = source_feature["KDEPUM"]
        feature = QgsFeature(layer.fields())
        feature.setGeometry(source_feature.geometry())
        feature.setAttributes([code, source_feature["NAMOBJ"], int(re.sub(r"\D", "", code)) % 97])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def run_poppler(tool: str, *arguments: str) -> str:
    executable = shutil.which(tool)
    assert executable, f"{tool} (poppler-utils) is required by these tests"
    completed = subprocess.run([executable, *arguments], capture_output=True, text=True, check=True)
    return completed.stdout


def pdf_page_count(pdf_path: Path) -> int:
    match = re.search(r"^Pages:\s+(\d+)$", run_poppler("pdfinfo", str(pdf_path)), re.MULTILINE)
    assert match, f"pdfinfo printed no page count for {pdf_path}"
    return int(match.group(1))


def pdf_words(pdf_path: Path) -> str:
    """Return the PDF's text with all whitespace, including line wraps, as single spaces."""
    return " ".join(run_poppler("pdftotext", str(pdf_path), "-").split())


def renderer_classes(layer: QgsVectorLayer) -> list[tuple[float, float]]:
    return [(r.lowerValue(), r.upperValue()) for r in layer.renderer().ranges()]


def squared_deviation_sum(values: list[int], ranges: list[tuple[int, int]]) -> float:
    total = 0.0
    for low, high in ranges:
        members = [v for v in values if low <= v <= high]
        mean = sum(members) / len(members)
        total += sum((v - mean) ** 2 for v in members)
    return total


def brute_force_minimum(values: list[int], classes: int) -> float:
    distinct = sorted(set(values))
    best = float("inf")
    for cuts in itertools.combinations(range(1, len(distinct)), classes - 1):
        bounds = [0, *cuts, len(distinct)]
        ranges = [(distinct[a], distinct[b - 1]) for a, b in zip(bounds, bounds[1:])]
        best = min(best, squared_deviation_sum(values, ranges))
    return best


# --- integer_breaks ---------------------------------------------------------

def test_integer_breaks_clear_clusters():
    values = [0, 1, 2, 3, 10, 11, 12, 40, 41, 45, 95, 100]
    assert thematic.integer_breaks(values, 4) == [(0, 3), (4, 12), (13, 45), (46, 100)]
    assert thematic.integer_breaks(values, 3) == [(0, 12), (13, 45), (46, 100)]
    assert thematic.integer_breaks(values, 1) == [(0, 100)]


def test_integer_breaks_ignores_input_order():
    values = [95, 3, 41, 0, 12, 100, 2, 45, 10, 1, 40, 11]
    assert thematic.integer_breaks(values, 4) == [(0, 3), (4, 12), (13, 45), (46, 100)]


def test_integer_breaks_default_five_classes():
    assert thematic.integer_breaks([0, 2, 9, 30, 33, 90]) == SQUARE_CLASSES


def test_integer_breaks_degenerate_inputs():
    assert thematic.integer_breaks([]) == []
    assert thematic.integer_breaks([7]) == [(7, 7)]
    assert thematic.integer_breaks([5, 5, 5, 5]) == [(5, 5)]
    assert thematic.integer_breaks([3, 3, 7], 5) == [(3, 3), (4, 7)]
    assert thematic.integer_breaks([0, 10, 20], 5) == [(0, 0), (1, 10), (11, 20)]
    assert thematic.integer_breaks([-4, 0, 6], 2) == [(-4, 0), (1, 6)]


def test_integer_breaks_accepts_integral_floats():
    assert thematic.integer_breaks([1.0, 2.0, 50.0], 2) == [(1, 2), (3, 50)]


@pytest.mark.parametrize("bad_values", [[1, 2.5], [1, "3"], [True, 2]])
def test_integer_breaks_rejects_non_integers(bad_values):
    with pytest.raises(ValueError):
        thematic.integer_breaks(bad_values, 2)


def test_integer_breaks_rejects_zero_classes():
    with pytest.raises(ValueError):
        thematic.integer_breaks([1, 2, 3], 0)


def test_integer_breaks_contiguous_whole_numbers():
    rng = random.Random(20261204)
    values = [rng.randint(0, 500) for _ in range(300)]
    ranges = thematic.integer_breaks(values, 5)

    assert len(ranges) == 5
    assert ranges[0][0] == min(values)
    assert ranges[-1][1] == max(values)
    for low, high in ranges:
        assert isinstance(low, int) and isinstance(high, int)
        assert low <= high
    for (_, high), (next_low, _) in zip(ranges, ranges[1:]):
        assert next_low == high + 1
    for _, high in ranges:
        assert high in values


def test_integer_breaks_optimal_like_brute_force():
    rng = random.Random(7)
    for _ in range(60):
        values = [rng.randint(0, 80) for _ in range(rng.randint(2, 12))]
        classes = rng.randint(2, 5)
        if len(set(values)) <= classes:
            continue
        ranges = thematic.integer_breaks(values, classes)
        assert len(ranges) == classes
        assert squared_deviation_sum(values, ranges) == pytest.approx(
            brute_force_minimum(values, classes)
        ), (values, classes, ranges)


# --- apply_count_renderer ---------------------------------------------------

def test_apply_count_renderer_ranges_and_labels():
    layer = make_square_layer()
    thematic.apply_count_renderer(layer, "jumlah")

    renderer = layer.renderer()
    assert isinstance(renderer, QgsGraduatedSymbolRenderer)
    assert renderer.classAttribute() == "jumlah"
    assert renderer_classes(layer) == SQUARE_CLASSES
    labels = [r.label() for r in renderer.ranges()]
    assert labels == ["0 \u2013 2", "3 \u2013 9", "10 \u2013 30", "31 \u2013 33", "34 \u2013 90"]


def test_apply_count_renderer_colours_light_to_dark():
    layer = make_square_layer()
    thematic.apply_count_renderer(layer, "jumlah")

    colours = [r.symbol().color() for r in layer.renderer().ranges()]
    lightness = [colour.lightness() for colour in colours]
    assert lightness == sorted(lightness, reverse=True)
    assert colours[0].name() == "#ffffb2"
    assert colours[-1].name() == "#bd0026"


def test_class_label_thousands_separator():
    assert thematic.class_label(1000, 12500) == "1.000 \u2013 12.500"
    assert thematic.class_label(7, 7) == "7"


def test_apply_count_renderer_missing_field():
    layer = make_square_layer()
    with pytest.raises(ValueError, match="not found"):
        thematic.apply_count_renderer(layer, "penerima")


def test_apply_count_renderer_skips_null_counts():
    layer = make_square_layer()
    # Memory-layer feature ids start at 1, so ids 2 and 3 are the counts 2 and 9.
    layer.dataProvider().changeAttributeValues({2: {2: None}, 3: {2: None}})
    thematic.apply_count_renderer(layer, "jumlah")

    assert renderer_classes(layer) == [(0, 0), (1, 30), (31, 33), (34, 90)]


def test_apply_count_renderer_all_null_raises():
    layer = make_square_layer()
    layer.dataProvider().changeAttributeValues({fid: {2: None} for fid in range(1, 7)})
    with pytest.raises(ValueError, match="is empty in every feature"):
        thematic.apply_count_renderer(layer, "jumlah")


def test_apply_count_renderer_rejects_points():
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=jumlah:integer", "titik", "memory")
    with pytest.raises(ValueError, match="must be a polygon layer"):
        thematic.apply_count_renderer(layer, "jumlah")


# --- layout and PDF ---------------------------------------------------------

def test_format_date_indonesian():
    assert layout.format_date_id(datetime.date(2026, 12, 4)) == "4 Desember 2026"
    assert layout.format_date_id(datetime.date(2025, 2, 28)) == "28 Februari 2025"


def test_round_scale_two_significant_digits():
    assert layout.round_scale(287345.2) == 290000.0
    assert layout.round_scale(123456.0) == 125000.0
    assert layout.round_scale(445000.0) == 445000.0
    assert layout.round_scale(812.0) == 815.0


def test_scale_bar_segment_round_km():
    assert layout.scale_bar_segment_km(445000.0) == 5.0
    assert layout.scale_bar_segment_km(2100000.0) == 25.0
    assert layout.scale_bar_segment_km(92500.0) == 1.0
    assert layout.scale_bar_segment_km(10000.0) == 0.1


def test_scale_bar_units_avoid_two_decimals():
    assert layout.scale_bar_in_metres(0.1)          # 400 m in all
    assert layout.scale_bar_in_metres(0.25)         # 0.25 km would print as 0,2
    assert not layout.scale_bar_in_metres(0.5)
    assert not layout.scale_bar_in_metres(2.5)
    assert not layout.scale_bar_in_metres(1.0)


def test_export_square_villages(tmp_path):
    layer = make_square_layer()
    pdf_path = tmp_path / "peta.pdf"

    result = layout.export_map_pdf(layer, "jumlah", "Kabupaten Uji Coba", str(pdf_path), PRINTED_ON)

    assert result == {"pages": 1, "classes": SQUARE_CLASSES, "path": str(pdf_path)}
    assert pdf_page_count(pdf_path) == 1
    text = pdf_words(pdf_path)
    assert "Distribution of Social Assistance Recipients" in text
    assert "Kabupaten Uji Coba" in text
    assert "Recipients per village" in text
    assert ("Source: DTKS Kemensos; administrative boundaries BIG / region codes Kemendagri"
            in text)
    assert "Printed: 4 December 2026" in text
    # pdftotext may drop the spaces around the dash, so the check allows that.
    assert re.search(r"\b0 ?\u2013 ?2\b", text)
    assert re.search(r"\b34 ?\u2013 ?90\b", text)
    assert renderer_classes(layer) == SQUARE_CLASSES


def test_export_prints_no_village_names_or_codes(tmp_path):
    layer = make_square_layer()
    pdf_path = tmp_path / "peta.pdf"
    layout.export_map_pdf(layer, "jumlah", "Kabupaten Uji Coba", str(pdf_path), PRINTED_ON)

    text = pdf_words(pdf_path)
    assert "Rahasia" not in text
    for code, _name, _count in SQUARE_VILLAGES:
        assert code not in text


def test_export_keeps_caller_layer_alive(tmp_path):
    layer = make_square_layer()
    layout.export_map_pdf(layer, "jumlah", "Kabupaten Uji Coba", str(tmp_path / "peta.pdf"), PRINTED_ON)
    # Collect the private project and layout of export_map_pdf now, so that
    # a layer deleted with them would show here.
    gc.collect()

    assert layer.isValid()
    assert layer.featureCount() == len(SQUARE_VILLAGES)


def test_export_projected_layer(tmp_path):
    layer = make_square_layer("EPSG:3857")
    pdf_path = tmp_path / "peta.pdf"

    result = layout.export_map_pdf(layer, "jumlah", "Kabupaten Uji Coba", str(pdf_path), PRINTED_ON)

    assert result["classes"] == SQUARE_CLASSES
    assert pdf_page_count(pdf_path) == 1
    assert "Coordinate system:" in pdf_words(pdf_path)


def test_export_unwritable_path_raises(tmp_path):
    layer = make_square_layer()
    # A directory cannot be opened as the PDF file (QgsLayoutExporter.FileError = 3).
    with pytest.raises(RuntimeError, match=r"result code 3\)"):
        layout.export_map_pdf(layer, "jumlah", "Kabupaten Uji Coba", str(tmp_path), PRINTED_ON)


def test_build_layout_fills_template_items():
    project = QgsProject()
    layer = make_square_layer()
    print_layout = layout.build_layout(project, layer, "jumlah", "Kabupaten Uji Coba", PRINTED_ON)

    assert print_layout.pageCollection().pageCount() == 1
    page_size = print_layout.pageCollection().page(0).pageSize()
    assert (page_size.width(), page_size.height()) == (297.0, 210.0)
    assert print_layout.itemById("wilayah").text() == "Kabupaten Uji Coba"
    assert print_layout.itemById("tanggal").text() == "Printed: 4 December 2026"
    assert print_layout.itemById("legenda").title() == "Recipients per village"
    assert print_layout.itemById("peta").layers() == [layer]
    assert print_layout.itemById("proyeksi").text() == "UTM projection zone 48S, WGS 84 datum"
    assert print_layout.itemById("arah_utara").picturePath() == str(
        layout.NORTH_ARROW_PATH.with_name("utara_n.svg"))


def test_build_layout_saved_in_project(tmp_path):
    project = QgsProject()
    layer = make_square_layer()
    project.addMapLayer(layer)
    print_layout = layout.build_layout(project, layer, "jumlah", "Kabupaten Uji Coba", PRINTED_ON)
    assert project.layoutManager().addLayout(print_layout)
    project_path = tmp_path / "proyek.qgs"
    assert project.write(str(project_path))

    reopened = QgsProject()
    assert reopened.read(str(project_path))
    restored = reopened.layoutManager().layoutByName(print_layout.name())
    assert isinstance(restored, QgsPrintLayout)
    restored_layers = restored.itemById("peta").layers()
    assert [restored_layer.name() for restored_layer in restored_layers] == ["desa_uji"]
    assert restored.itemById("wilayah").text() == "Kabupaten Uji Coba"
    legend_layers = restored.itemById("legenda").model().rootGroup().findLayerIds()
    assert legend_layers == [restored_layers[0].id()]


def test_template_loads_with_expected_items():
    project = QgsProject()
    document_layout = QgsPrintLayout(project)
    document = QDomDocument()
    document.setContent(layout.TEMPLATE_PATH.read_text(encoding="utf-8"))
    _items, loaded = document_layout.loadFromTemplate(document, QgsReadWriteContext())
    assert loaded
    for item_id in ("peta", "judul", "wilayah", "legenda", "skala_batang", "skala_angka",
                    "arah_utara", "sumber", "tanggal", "proyeksi", "bingkai"):
        assert document_layout.itemById(item_id) is not None, item_id


@pytest.mark.skipif(not BOUNDARIES_GPKG.exists(), reason=f"boundary data not found at {BOUNDARIES_GPKG}")
def test_export_kaur_real_boundaries(tmp_path):
    layer = make_kaur_layer()
    assert layer.featureCount() == 195
    pdf_path = tmp_path / "peta_kaur.pdf"

    started = time.perf_counter()
    result = layout.export_map_pdf(layer, "jumlah", "Kabupaten Kaur", str(pdf_path), PRINTED_ON)
    elapsed = time.perf_counter() - started

    assert result["pages"] == 1
    assert pdf_page_count(pdf_path) == 1
    assert result["classes"] == [(0, 19), (20, 40), (41, 60), (61, 78), (79, 96)]
    text = pdf_words(pdf_path)
    assert "Kabupaten Kaur" in text
    assert "Scale 1 : 445.000" in text
    # Grid annotations at the height of the scale bar may fall between its
    # labels in pdftotext's reading order, so they are removed first.
    assert "0 5 10 15 20 km" in re.sub(r"\d+°\d+′ (E|W|S|N) ", "", text)
    # English maps name the hemispheres in English.
    assert "103°30′ E" in text
    assert "103°30′ BT" not in text
    assert pdf_path.stat().st_size < 1_000_000
    # The export took about 0.1 s on a 2-core test machine. The bound leaves
    # room for slower CI runs.
    assert elapsed < 10.0
