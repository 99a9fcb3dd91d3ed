"""Time the atlas of every village of Kabupaten Kaur against QGIS's own atlas export.

Runs the pipeline on the Kaur sample, then in the same process exports
(1) the plugin's atlas (template with grid, locator map, legend, scale bar,
labels) and (2) a plain QGIS layout with the same map content (the same
choropleth layer with labels, a legend and a scale bar) through QGIS's atlas,
both to a PDF at 300 dpi. Prints seconds per page, the ratio and KB per page.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/bench_maps.py --data ../shared/data
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from plugin_path import add_plugin_to_path  # noqa: E402

TIME_TARGET = 1.3
SIZE_TARGET_KB = 150


def plain_atlas_seconds(data, pdf_path, project) -> tuple:
    """Export a plain QGIS atlas of the same choropleth layer; return (seconds, pages)."""
    from qgis.core import (
        QgsLayoutExporter, QgsLayoutItemLegend, QgsLayoutItemMap, QgsLayoutItemScaleBar,
        QgsLayoutPoint, QgsLayoutSize, QgsPrintLayout, QgsUnitTypes,
    )

    from dtks_spasial.plugin.gis import atlas, layout as layouts

    areas = atlas.region_layer(data, "plain")
    print_layout = QgsPrintLayout(project)
    print_layout.initializeDefaults()
    mm = QgsUnitTypes.LayoutUnit.LayoutMillimeters
    map_item = QgsLayoutItemMap(print_layout)
    print_layout.addLayoutItem(map_item)
    map_item.attemptMove(QgsLayoutPoint(10, 10, mm))
    map_item.attemptResize(QgsLayoutSize(200, 190, mm))
    map_item.setCrs(layouts.map_crs_for(areas.crs(), areas.extent(), project))
    map_item.setLayers([areas])
    map_item.setKeepLayerSet(True)
    map_item.zoomToExtent(areas.extent())
    legend = QgsLayoutItemLegend(print_layout)
    print_layout.addLayoutItem(legend)
    legend.setLinkedMap(map_item)
    legend.setAutoUpdateModel(False)
    legend.model().rootGroup().removeAllChildren()
    legend.model().rootGroup().addLayer(areas)
    legend.attemptMove(QgsLayoutPoint(220, 20, mm))
    scale_bar = QgsLayoutItemScaleBar(print_layout)
    scale_bar.setStyle("Single Box")
    print_layout.addLayoutItem(scale_bar)
    scale_bar.setLinkedMap(map_item)
    scale_bar.applyDefaultSize()
    scale_bar.attemptMove(QgsLayoutPoint(220, 170, mm))

    plain = print_layout.atlas()
    plain.setCoverageLayer(areas)
    plain.setEnabled(True)
    map_item.setAtlasDriven(True)
    map_item.setAtlasMargin(atlas.ATLAS_MARGIN)
    plain.updateFeatures()
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = layouts.PDF_DPI
    started = time.perf_counter()
    result, error = QgsLayoutExporter.exportToPdf(plain, str(pdf_path), settings)
    elapsed = time.perf_counter() - started
    if result != QgsLayoutExporter.ExportResult.Success:
        raise RuntimeError(f"plain atlas export failed: {error}")
    return elapsed, plain.count()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="../shared/data", help="shared data folder")
    parser.add_argument("--work", default="build/bench", help="folder for the PDFs")
    parser.add_argument("--report", default="", help="write the table to this file too")
    arguments = parser.parse_args()

    add_plugin_to_path()
    from qgis.core import QgsApplication, QgsProject

    QgsApplication.setPrefixPath(os.environ.get("QGIS_PREFIX_PATH", "/usr"), True)
    app = QgsApplication([], False)
    app.initQgis()
    from dtks_spasial.plugin.gis import atlas
    from dtks_spasial.plugin.gis.pipeline import run_pipeline

    data_dir = Path(arguments.data)
    work = Path(arguments.work)
    work.mkdir(parents=True, exist_ok=True)
    result = run_pipeline(str(data_dir / "dtks_sample" / "dtks_kaur.csv"),
                          f"{data_dir / 'batas_bengkulu.gpkg'}|layername=desa", "17.04")
    request = atlas.MapRequest(region="17.04", level=4, atlas=True, summary_table=False)
    started = time.perf_counter()
    data = atlas.prepare_map_data(result.recipients, result.table.mapping, result.villages,
                                  request)
    prepare_seconds = time.perf_counter() - started

    project = QgsProject()
    project.setEllipsoid("EPSG:7030")
    plain_pdf = work / "bench_maps_qgis.pdf"
    plain_seconds, plain_pages = plain_atlas_seconds(data, plain_pdf, project)

    ours_pdf = work / "bench_maps_atlas.pdf"
    started = time.perf_counter()
    output = atlas.export_thematic_map(data, str(ours_pdf))
    ours_seconds = time.perf_counter() - started
    pages = output["pages"]

    ours_page = ours_seconds / pages
    plain_page = plain_seconds / plain_pages
    ours_kb = ours_pdf.stat().st_size / 1024 / pages
    plain_kb = plain_pdf.stat().st_size / 1024 / plain_pages
    ratio = ours_page / plain_page
    lines = [
        "bench-maps: atlas of the villages of Kabupaten Kaur (17.04), PDF at 300 dpi",
        f"  counting and classifying: {prepare_seconds:.2f} s",
        f"  {'export':<28}{'pages':>6}{'s/page':>9}{'KB/page':>9}",
        f"  {'QGIS atlas, plain layout':<28}{plain_pages:>6}{plain_page:>9.3f}{plain_kb:>9.1f}",
        f"  {'DTKS Spasial atlas':<28}{pages:>6}{ours_page:>9.3f}{ours_kb:>9.1f}",
        f"  time ratio {ratio:.2f} (target <= {TIME_TARGET}), "
        f"size {ours_kb:.0f} KB/page (target <= {SIZE_TARGET_KB})",
    ]
    text = "\n".join(lines)
    print(text)
    if arguments.report:
        Path(arguments.report).parent.mkdir(parents=True, exist_ok=True)
        Path(arguments.report).write_text(text + "\n", encoding="utf-8")
    del data
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
