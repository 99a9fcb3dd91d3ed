"""Tests of thematic maps of any region and level, and of the atlas export."""

import datetime
import re
from collections import Counter

import pytest
from qgis.core import QgsPrintLayout, QgsProject, QgsReadWriteContext
from qgis.PyQt.QtXml import QDomDocument

from dtks_spasial.plugin.gis import atlas, layout
from test_layout import pdf_page_count, pdf_words, run_poppler

PRINTED_ON = datetime.date(2026, 12, 4)


def kaur_data(kaur_run, **options):
    result, _gpkg, _pdf = kaur_run
    request = atlas.MapRequest(region=options.pop("region", "17.04"), **options)
    return atlas.prepare_map_data(result.recipients, result.table.mapping, result.villages,
                                  request)


def test_district_counts_match_kode_desa(kaur_run):
    result, _gpkg, _pdf = kaur_run
    data = kaur_data(kaur_run, level=3)
    expected = Counter(item.kode_desa[:8] for item in result.recipients if item.kode_desa)
    assert len(data.rows) == 15
    assert {row.code: row.tally.recipients for row in data.rows} == {
        code: expected.get(code, 0) for code in (row.code for row in data.rows)}
    assert data.parent_total.recipients == sum(1 for item in result.recipients if item.kode_desa)


def test_village_counts_sum_to_districts(kaur_run):
    villages = kaur_data(kaur_run, level=4)
    districts = kaur_data(kaur_run, level=3)
    assert len(villages.rows) == 195
    per_district = Counter()
    households = Counter()
    for row in villages.rows:
        per_district[row.code[:8]] += row.tally.recipients
        households[row.code[:8]] += row.tally.households
    for row in districts.rows:
        assert row.tally.recipients == per_district[row.code], row.code
        assert row.tally.households == households[row.code], row.code


def test_district_areas_on_ellipsoid(kaur_run):
    data = kaur_data(kaur_run, level=3, indicator="kepadatan")
    total_area = sum(row.area_km2 for row in data.rows)
    # Kabupaten Kaur covers about 2,370 km² (BIG's LUASWH of its villages sums to that order).
    assert 2000 < total_area < 2800
    for row in data.rows:
        assert row.value == pytest.approx(row.tally.recipients / row.area_km2)


def test_single_map_pdf_text(kaur_run, tmp_path):
    data = kaur_data(kaur_run, level=3, labels="name_value")
    pdf = tmp_path / "peta.pdf"
    output = atlas.export_thematic_map(data, str(pdf), printed_on=PRINTED_ON)
    assert output["pages"] == 1
    assert pdf_page_count(pdf) == 1
    text = pdf_words(pdf)
    assert "Kabupaten Kaur" in text
    assert "Number of recipients per district" in text
    assert "Kecamatan Kinal" in text
    assert f"DTKS Spasial {layout.plugin_version()}" in text
    assert "Printed: 4 December 2026" in text
    for low, high in output["classes"]:
        assert isinstance(low, int) and isinstance(high, int)


def test_aggregate_pdf_has_no_personal_data(kaur_run, tmp_path):
    result, _gpkg, _pdf = kaur_run
    data = kaur_data(kaur_run, level=4, labels="name_value", atlas=True)
    pdf = tmp_path / "atlas.pdf"
    atlas.export_thematic_map(data, str(pdf), printed_on=PRINTED_ON)
    text = pdf_words(pdf) + " " + pdf_words(tmp_path / "atlas_tabel.pdf")
    digits = set(re.findall(r"\d{16}", text))
    assert not digits & {item.nik for item in result.recipients}
    assert not digits & {item.no_kk for item in result.recipients}
    names = {item.nama for item in result.recipients if len(item.nama) > 12}
    assert not [name for name in names if name in text]


def test_atlas_pages_named_after_regions(kaur_run, tmp_path):
    data = kaur_data(kaur_run, level=3, atlas=True)
    pdf = tmp_path / "atlas.pdf"
    output = atlas.export_thematic_map(data, str(pdf), printed_on=PRINTED_ON)
    assert output["pages"] == 15
    assert pdf_page_count(pdf) == 15
    for number, row in enumerate(sorted(data.rows, key=lambda row: row.code), start=1):
        page = " ".join(run_poppler("pdftotext", "-f", str(number), "-l", str(number),
                                    str(pdf), "-").split())
        assert row.name in page, (number, row.name)
        assert f"Number of recipients: {data.plan.region_text[row.code]}" in page


def test_atlas_png_one_file_per_page(kaur_run, tmp_path):
    data = kaur_data(kaur_run, region="17.04.01", level=4, atlas=True, output_format="png",
                     summary_table=False)
    output = atlas.export_thematic_map(data, str(tmp_path / "kinal.png"), printed_on=PRINTED_ON)
    assert output["pages"] == len(data.rows) == 14
    assert [path.rsplit("/", 1)[1] for path in output["files"]] == [
        f"kinal_{row.code.replace('.', '_')}.png" for row in sorted(data.rows,
                                                                    key=lambda row: row.code)]


def test_suppressed_counts_never_printed(kaur_run, tmp_path):
    data = kaur_data(kaur_run, region="17.04.01", level=4, indicator="desil_4", threshold=40,
                     summary_table=True)
    hidden = [row for row in data.rows if 1 <= row.tally.deciles.get(4, 0) <= 40]
    assert hidden, "the fixture needs villages with 1 to 40 recipients in decile 4"
    pdf = tmp_path / "desil.pdf"
    atlas.export_thematic_map(data, str(pdf), printed_on=PRINTED_ON)
    text = pdf_words(pdf)
    assert "< 41" in text
    assert data.plan.suppressed == len(hidden)
    for row in hidden:
        assert data.plan.region_text[row.code] == "< 41"
    table = pdf_words(tmp_path / "desil_tabel.pdf")
    assert table.count("< 41") >= len(hidden)


@pytest.mark.parametrize("paper,orientation", [("A4", "lanskap"), ("A4", "potret"),
                                               ("A3", "lanskap"), ("A3", "potret")])
def test_templates_load_in_layout_manager(paper, orientation):
    project = QgsProject()
    print_layout = QgsPrintLayout(project)
    document = QDomDocument()
    document.setContent(layout.template_path(paper, orientation).read_text(encoding="utf-8"))
    _items, loaded = print_layout.loadFromTemplate(document, QgsReadWriteContext())
    assert loaded
    for item_id in ("peta", "peta_lokasi", "judul", "wilayah", "subjudul", "legenda",
                    "skala_batang", "skala_angka", "arah_utara", "sumber", "catatan", "versi",
                    "tanggal", "proyeksi", "logo_kiri", "logo_kanan"):
        assert print_layout.itemById(item_id) is not None, item_id
    print_layout.setName(f"uji {paper} {orientation}")
    assert project.layoutManager().addLayout(print_layout)
    assert project.layoutManager().layoutByName(f"uji {paper} {orientation}") is print_layout


def test_bad_level_raises(kaur_run):
    with pytest.raises(atlas.MapError, match="Cannot map each regency/city inside region 17.04"):
        kaur_data(kaur_run, level=2)


def test_village_region_raises(kaur_run):
    with pytest.raises(atlas.MapError, match="Region 17.04.01.2001 is a village"):
        kaur_data(kaur_run, region="17.04.01.2001", level=4)


def test_rate_needs_population(kaur_run):
    with pytest.raises(atlas.MapError, match="needs a population"):
        kaur_data(kaur_run, level=3, indicator="per_1000_penduduk")
    population = {row: 10000.0 for row in ("17.04.01", "17.04.02")}
    data = kaur_data(kaur_run, level=3, indicator="per_1000_penduduk", population=population)
    values = {row.code: row.value for row in data.rows}
    assert values["17.04.01"] == pytest.approx(data.rows[0].tally.recipients / 10.0)
    assert values["17.04.03"] is None


def test_bridged_polygon_fills_parts_not_holes():
    from qgis.PyQt.QtCore import QPointF, Qt
    from qgis.PyQt.QtGui import QPainterPath

    from dtks_spasial.plugin.gis.atlas_pages import _bridged_polygon

    def ring(x0, y0, x1, y1):
        return [QPointF(x0, y0), QPointF(x1, y0), QPointF(x1, y1), QPointF(x0, y1)]

    # Two squares, the first with a square hole.
    polygon = _bridged_polygon([ring(0, 0, 10, 10), ring(4, 4, 6, 6), ring(20, 0, 30, 10)])
    path = QPainterPath()
    path.addPolygon(polygon)
    path.setFillRule(Qt.FillRule.OddEvenFill)
    assert path.contains(QPointF(2, 2))
    assert path.contains(QPointF(25, 5))
    assert not path.contains(QPointF(5, 5))
    assert not path.contains(QPointF(15, 5))
    assert not path.contains(QPointF(15, 2))


def test_atlas_locator_image_stored_once(kaur_run, tmp_path):
    data = kaur_data(kaur_run, region="17.04.01", level=4, atlas=True, summary_table=False)
    pdf = tmp_path / "kinal.pdf"
    output = atlas.export_thematic_map(data, str(pdf), printed_on=PRINTED_ON)
    assert output["pages"] == 14
    rows = run_poppler("pdfimages", "-list", str(pdf)).splitlines()[2:]
    # One image per page, the locator's grey regions, stored as one PDF object.
    assert len(rows) == 14
    assert len({row.split()[10] for row in rows}) == 1
    for number in (1, 14):
        page = " ".join(run_poppler("pdftotext", "-f", str(number), "-l", str(number),
                                    str(pdf), "-").split())
        assert "Source: DTKS/DTSEN Kemensos" in page
        assert f"Made with DTKS Spasial {layout.plugin_version()}" in page
        assert "Printed: 4 December 2026" in page
        assert "Location in Kecamatan Kinal" in page


def _page_texts(pdf, pages):
    return [" ".join(run_poppler("pdftotext", "-f", str(number), "-l", str(number),
                                 str(pdf), "-").split())
            for number in pages]


def test_village_atlas_pdf_titles_and_credits(kaur_run, tmp_path):
    data = kaur_data(kaur_run, level=4, atlas=True, summary_table=False)
    pdf = tmp_path / "kaur.pdf"
    output = atlas.export_thematic_map(data, str(pdf), printed_on=PRINTED_ON)
    rows = sorted(data.rows, key=lambda row: row.code)
    assert output["pages"] == len(rows) == 195
    assert pdf_page_count(pdf) == 195
    titles = run_poppler("pdftotext", str(pdf), "-").split("\f")
    for number, row in enumerate(rows):
        page = " ".join(titles[number].split())
        assert row.name in page, (number + 1, row.name)
        assert f"Number of recipients: {data.plan.region_text[row.code]}" in page, row.code
        assert "Scale 1 : " in page, row.code
    for page in _page_texts(pdf, (1, 195)):
        assert "Distribution of Social Assistance Recipients" in page
        assert "Source: DTKS/DTSEN Kemensos" in page
        assert "BIG" in page
        assert f"Made with DTKS Spasial {layout.plugin_version()}" in page
        assert "Printed: 4 December 2026" in page
        assert "Location in Kabupaten Kaur" in page


# Paper size in PostScript points (1/72 inch) as pdfinfo prints it: width, height.
TEMPLATE_PAGE_POINTS = {
    ("A4", "lanskap"): (842, 595),
    ("A4", "potret"): (595, 842),
    ("A3", "lanskap"): (1191, 842),
    ("A3", "potret"): (842, 1191),
}


def _page_sizes(pdf) -> list:
    """Return (width, height) in points of every page, from ``pdfinfo -l``."""
    info = run_poppler("pdfinfo", "-f", "1", "-l", "9999", str(pdf))
    return [(float(width), float(height)) for width, height in
            re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info, re.MULTILINE)]


@pytest.mark.parametrize("paper,orientation", sorted(TEMPLATE_PAGE_POINTS))
def test_atlas_pdf_pages_match_qgis_atlas(kaur_run, tmp_path, paper, orientation):
    """The hand-driven PDF atlas has QGIS's paper size, extent, grid, scale and text on each page."""
    from qgis.core import QgsLayoutExporter

    from dtks_spasial.plugin.gis.atlas_pages import AtlasPages

    data = kaur_data(kaur_run, region="17.04.01", level=4, atlas=True, summary_table=False,
                     paper=paper, orientation=orientation)
    ours = tmp_path / "ours.pdf"
    output = atlas.export_thematic_map(data, str(ours), printed_on=PRINTED_ON)

    project = QgsProject()
    project.setEllipsoid("EPSG:7030")
    thematic = atlas.build_thematic_layout(project, data, PRINTED_ON)
    qgis_pdf = tmp_path / "qgis.pdf"
    qgis_atlas = thematic.layout.atlas()
    qgis_atlas.updateFeatures()
    with AtlasPages(thematic.layout, thematic.layers, atlas.LOCATOR_DOT_MM):
        result, _error = QgsLayoutExporter.exportToPdf(
            qgis_atlas, str(qgis_pdf), atlas._with_atlas_scales(layout._pdf_settings()))
    assert result == QgsLayoutExporter.ExportResult.Success

    assert output["pages"] == 14
    sizes = _page_sizes(ours)
    assert len(sizes) == 14
    width, height = TEMPLATE_PAGE_POINTS[(paper, orientation)]
    for number, (page_width, page_height) in enumerate(sizes, start=1):
        assert page_width == pytest.approx(width, abs=1), (number, page_width)
        assert page_height == pytest.approx(height, abs=1), (number, page_height)
    assert _page_sizes(qgis_pdf) == sizes
    # Grid coordinates, scale bar figures and the numeric scale follow the extent.
    assert _page_texts(ours, range(1, 15)) == _page_texts(qgis_pdf, range(1, 15))
    # Every page looks the same, including the items painted once for all pages.
    ours_pixels = _page_pixels(ours, tmp_path / "ours")
    qgis_pixels = _page_pixels(qgis_pdf, tmp_path / "qgis")
    assert len(ours_pixels) == len(qgis_pixels) == 14
    for number, (ours_page, qgis_page) in enumerate(zip(ours_pixels, qgis_pixels), start=1):
        assert ours_page.shape == qgis_page.shape, number
        differing = int((abs(ours_page.astype(int) - qgis_page.astype(int)) > 8).sum())
        assert differing == 0, (number, differing)


def _page_pixels(pdf, prefix) -> list:
    """Return each page of ``pdf`` as a grey image array at 50 dpi."""
    import numpy

    run_poppler("pdftoppm", "-r", "50", "-gray", str(pdf), str(prefix))
    pages = []
    for path in sorted(prefix.parent.glob(prefix.name + "-*.pgm")):
        header, size, _maximum, pixels = path.read_bytes().split(b"\n", 3)
        assert header == b"P5"
        width, height = map(int, size.split())
        pages.append(numpy.frombuffer(pixels, dtype=numpy.uint8).reshape(height, width))
    return pages


def _extents_stepped_by_qgis(print_layout, map_item) -> list:
    """Return (page name, extent) per page from QGIS's own atlas, stepping a copy of the map item."""
    from qgis.core import QgsLayoutItemMap, QgsRectangle

    helper = QgsPrintLayout(print_layout.project())
    helper.initializeDefaults()
    helper.pageCollection().page(0).setPageSize(
        print_layout.pageCollection().page(0).sizeWithUnits())
    probe = QgsLayoutItemMap(helper)
    helper.addLayoutItem(probe)
    probe.attemptMove(map_item.positionWithUnits())
    probe.attemptResize(map_item.sizeWithUnits())
    probe.setCrs(map_item.crs())
    probe.setExtent(map_item.extent())
    probe.setLayers([])
    probe.setKeepLayerSet(True)
    probe.setAtlasDriven(True)
    probe.setAtlasScalingMode(map_item.atlasScalingMode())
    probe.setAtlasMargin(map_item.atlasMargin())
    helper.renderContext().setPredefinedScales([float(scale) for scale in atlas.ATLAS_SCALES])
    source = print_layout.atlas()
    stepped = helper.atlas()
    stepped.setCoverageLayer(source.coverageLayer())
    stepped.setSortFeatures(source.sortFeatures())
    stepped.setSortExpression(source.sortExpression())
    stepped.setPageNameExpression(source.pageNameExpression())
    stepped.setEnabled(True)
    pages = []
    assert stepped.updateFeatures()
    assert stepped.beginRender()
    while stepped.next():
        pages.append((stepped.nameForPage(stepped.currentFeatureNumber()),
                      QgsRectangle(probe.extent())))
    stepped.endRender()
    return pages


def test_page_extents_equal_qgis_atlas_steps(kaur_run):
    """The extents worked out for the PDF atlas are the ones QGIS's atlas gives, page by page."""
    from qgis.core import QgsLayoutItemMap

    from dtks_spasial.plugin.gis.atlas_pdf import page_extents

    data = kaur_data(kaur_run, level=4, atlas=True, summary_table=False)
    project = QgsProject()
    thematic = atlas.build_thematic_layout(project, data, PRINTED_ON)
    map_item = thematic.layout.itemById("peta")
    assert isinstance(map_item, QgsLayoutItemMap)
    ours = page_extents(thematic.layout, map_item, atlas.ATLAS_SCALES)
    expected = _extents_stepped_by_qgis(thematic.layout, map_item)
    assert len(ours) == len(expected) == 195
    assert [feature["kode"] for feature, _extent in ours] == sorted(row.code for row in data.rows)
    assert [name for name, _extent in expected] == [feature["kode"] for feature, _extent in ours]
    scales = set()
    for (feature, extent), (_name, qgis_extent) in zip(ours, expected):
        for ours_value, qgis_value in zip(extent.toRectF().getCoords(),
                                          qgis_extent.toRectF().getCoords()):
            assert ours_value == pytest.approx(qgis_value, abs=1e-6), feature["kode"]
        map_item.setExtent(extent)
        scales.add(round(map_item.scale()))
    # The villages need several of the predefined scales, so the choice is exercised.
    assert len(scales) >= 3
    assert scales <= set(atlas.ATLAS_SCALES)


def test_export_graticule_labels_match_template(kaur_run):
    """During the export the graticule labels read the page's bounds from a variable, with the template's result."""
    from qgis.core import QgsExpression, QgsExpressionContextScope, QgsLayoutItemMap

    from dtks_spasial.plugin.gis.atlas_pages import AtlasPages
    from dtks_spasial.plugin.gis.atlas_pdf import page_extents

    data = kaur_data(kaur_run, region="17.04.01", level=4, atlas=True, summary_table=False)
    project = QgsProject()
    thematic = atlas.build_thematic_layout(project, data, PRINTED_ON)
    map_item = thematic.layout.itemById("peta")
    assert isinstance(map_item, QgsLayoutItemMap)
    graticule = [grid for grid in map_item.grids().asList()
                 if grid.name() == layout.GRATICULE_NAME][0]
    template = QgsExpression(graticule.annotationExpression())
    texts = Counter()
    with AtlasPages(thematic.layout, thematic.layers, atlas.LOCATOR_DOT_MM):
        exported = QgsExpression(graticule.annotationExpression())
        assert "transform(" not in exported.expression()
        for feature, extent in page_extents(thematic.layout, map_item, atlas.ATLAS_SCALES):
            thematic.layout.reportContext().setFeature(feature)
            map_item.setExtent(extent)
            context = map_item.createExpressionContext()
            grid_scope = QgsExpressionContextScope()
            context.appendScope(grid_scope)
            bounds = _bounds_in_degrees(map_item)
            for axis, low, high in (("x", bounds.xMinimum(), bounds.xMaximum()),
                                    ("y", bounds.yMinimum(), bounds.yMaximum())):
                for step in range(21):
                    number = low + (high - low) * step / 20.0
                    grid_scope.setVariable("grid_number", number)
                    grid_scope.setVariable("grid_axis", axis)
                    expected = template.evaluate(context)
                    assert exported.evaluate(context) == expected, (feature["kode"], axis, step)
                    texts["empty" if expected == "" else "label"] += 1
    # Both branches of the near-corner test are exercised.
    assert texts["empty"] > 0
    assert texts["label"] > 0


def _bounds_in_degrees(map_item):
    """Return the map item's extent in WGS 84 degrees."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform

    transform = QgsCoordinateTransform(map_item.crs(), QgsCoordinateReferenceSystem("EPSG:4326"),
                                       QgsProject.instance())
    return transform.transformBoundingBox(map_item.extent())


class _Box:
    """A stand-in for a layout item: a name, a stacking level and a bounding box in mm."""

    def __init__(self, name, level, left, top, width, height):
        from qgis.PyQt.QtCore import QRectF

        self.name = name
        self.level = level
        self.rect = QRectF(left, top, width, height)

    def zValue(self):
        return self.level

    def sceneBoundingRect(self):
        return self.rect


def _names(items):
    return [item.name for item in items]


def test_split_fixed_keeps_stacking_order():
    from dtks_spasial.plugin.gis.atlas_pdf import split_fixed_items

    map_box = _Box("map", 2, 0, 0, 200, 200)
    title = _Box("title", 6, 210, 10, 60, 10)
    live = [map_box, title]
    frame = _Box("frame", 1, -5, -5, 210, 210)            # under the map
    panel = _Box("panel", 5, 195, 0, 80, 100)             # over the map's edge, under the title
    notes = _Box("notes", 7, 195, 150, 60, 20)            # over the map's edge
    legend = _Box("legend", 8, 210, 155, 50, 10)          # inside the notes, away from live items
    logo = _Box("logo", 9, 280, 190, 10, 10)              # alone
    before, after = split_fixed_items([logo, legend, notes, panel, frame], live)
    assert _names(before) == ["frame", "logo"]
    assert _names(after) == ["notes", "legend"]
    assert _names(live) == ["map", "title", "panel"]


def test_split_fixed_crossed_pairs_live():
    from dtks_spasial.plugin.gis.atlas_pdf import split_fixed_items

    low = _Box("low", 2, 0, 0, 10, 10)
    high = _Box("high", 9, 20, 0, 10, 10)
    lower_fixed = _Box("lower_fixed", 4, 5, 0, 10, 10)     # over "low"
    upper_fixed = _Box("upper_fixed", 8, 12, 0, 10, 10)    # under "high", over "lower_fixed"
    live = [low, high]
    before, after = split_fixed_items([upper_fixed, lower_fixed], live)
    # Drawn before the live items, "upper_fixed" would end under "lower_fixed".
    assert before == []
    assert after == []
    assert _names(live) == ["low", "high", "upper_fixed", "lower_fixed"]


def test_split_fixed_frames_ignore_inner():
    from dtks_spasial.plugin.gis.atlas_pdf import split_fixed_items

    map_box = _Box("map", 2, 0, 0, 200, 200)
    title = _Box("title", 6, 210, 10, 60, 10)
    edge_label = _Box("edge_label", 7, 196, 30, 20, 5)   # on the frame's outline
    frame = _Box("frame", 3, 195, 5, 80, 40)             # over the map's edge, around the title
    live = [map_box, title]
    before, after = split_fixed_items([frame], live, lambda item: item is frame)
    assert _names(before) == []
    assert _names(after) == ["frame"]
    # A live item across the outline keeps the frame live.
    live = [map_box, title, edge_label]
    before, after = split_fixed_items([frame], live, lambda item: item is frame)
    assert _names(after) == []
    assert _names(live) == ["map", "title", "edge_label", "frame"]
    # Without the frame test, the title inside counts as overlapping.
    live = [map_box, title]
    before, after = split_fixed_items([frame], live)
    assert _names(after) == []
    assert _names(live) == ["map", "title", "frame"]


def test_template_boxes_are_hollow_frames():
    from dtks_spasial.plugin.gis.atlas_pdf import is_hollow_frame

    print_layout = layout._load_template(QgsProject.instance(), layout.template_path("A4", "lanskap"))
    frames = sorted(item.id() for item in print_layout.items()
                    if hasattr(item, "id") and is_hollow_frame(item))
    assert frames == ["bingkai", "kotak_judul", "kotak_keterangan", "kotak_legenda",
                      "kotak_lokasi", "kotak_skala"]


@pytest.mark.parametrize("paper,orientation", sorted(TEMPLATE_PAGE_POINTS))
def test_notes_box_one_fitting_label(kaur_run, paper, orientation):
    """Sources, note, version and date wrap in one label instead of running into each other."""
    data = kaur_data(kaur_run, level=3, paper=paper, orientation=orientation)
    project = QgsProject()
    thematic = atlas.build_thematic_layout(project, data, PRINTED_ON)
    notes = thematic.layout.itemById("sumber")
    for item_id in ("catatan", "versi", "tanggal"):
        assert thematic.layout.itemById(item_id) is None, item_id
    lines = notes.text().split("\n")
    assert lines[0] == layout.source_text()
    assert lines[-2] == f"Made with DTKS Spasial {layout.plugin_version()}"
    assert lines[-1] == "Printed: 4 December 2026"
    assert len(lines) == 4
    assert notes.sizeForText().height() <= notes.rect().height()


def _hidden_per_group(data):
    """Return {parent: number of hidden regions} for the map's parents and the map itself."""
    hidden = {code for code, text in data.plan.region_text.items() if text in ("< 4", "*")}
    counts = Counter()
    for row in data.rows:
        if row.code in hidden:
            counts[(data.groups or {}).get(row.code, "")] += 1
            counts["map"] += 1
    return counts


def test_lone_small_count_second_hidden(kaur_run, tmp_path):
    """One hidden village would be its printed total minus the rest, so a second one is hidden."""
    data = kaur_data(kaur_run, region="17.04.13", level=4, indicator="duplikat",
                     summary_table=True)
    small = [row for row in data.rows if data.plan.region_text[row.code] == "< 4"]
    second = [row for row in data.rows if data.plan.region_text[row.code] == "*"]
    assert len(small) == 1
    assert len(second) == 1
    printed = [row for row in data.rows if row not in small + second]
    # The second is the smallest printed positive count.
    assert second[0].value == min(row.value for row in printed + second if row.value > 0)
    assert small[0].value + second[0].value == data.parent_total.duplicates - sum(
        row.value for row in printed)
    pdf = tmp_path / "kule.pdf"
    atlas.export_thematic_map(data, str(pdf), printed_on=PRINTED_ON)
    words = " ".join(run_poppler("pdftotext", str(pdf), "-").split())
    assert "* also hidden, to protect < 4" in words
    table = " ".join(run_poppler("pdftotext", str(tmp_path / "kule_tabel.pdf"), "-").split())
    assert "* hidden so that counts < 4 cannot be worked out." in table


def test_village_map_hides_two_per_district(kaur_run):
    """On a village map of the regency each district, whose total the district map prints, hides 0 or 2+."""
    data = kaur_data(kaur_run, level=4, indicator="duplikat")
    assert data.groups is not None
    per_group = _hidden_per_group(data)
    assert per_group["map"] >= 2
    assert all(count != 1 for count in per_group.values()), per_group
