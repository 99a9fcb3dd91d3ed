"""Time the atlas of every village of Kabupaten Kaur against QGIS's own atlas export.

Runs the pipeline on the Kaur sample, then in the same process exports to
PDF at 300 dpi, in turn and ``--repeat`` times each:

1. a plain QGIS layout on the same A4 landscape page with the same map
   content: the plugin's choropleth layer with its value labels, a map item
   of the template's size, zoomed to each village with the same atlas scales
   and margin, a legend and a scale bar, exported through QGIS's atlas with
   the plugin's PDF settings (vector, text as text, no metadata);
2. the same plain layout with QGIS's default PDF settings (text as outlines);
3. the plugin's atlas from the A4 landscape template: the same map plus the
   outline of the page's village, graticule with labels and zebra frame,
   locator map, title, subtitle, north arrow, scale, sources and date.

Prints the fastest run of each as milliseconds per page and KB per page, and the
ratio of (3) to (1).

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


def plain_layout(project, areas):
    """Build a plain QGIS atlas layout of ``areas`` with the template's map, legend and scale bar places."""
    from qgis.core import (
        QgsLayoutItemLegend, QgsLayoutItemMap, QgsLayoutItemScaleBar, QgsPrintLayout,
    )

    from dtks_spasial.plugin.gis import atlas, layout as layouts

    template = layouts._load_template(project, layouts.template_path("A4", "lanskap"))
    places = {item_id: (template.itemById(item_id).positionWithUnits(),
                        template.itemById(item_id).sizeWithUnits())
              for item_id in ("peta", "legenda", "skala_batang")}
    del template

    print_layout = QgsPrintLayout(project)
    print_layout.initializeDefaults()
    map_item = QgsLayoutItemMap(print_layout)
    print_layout.addLayoutItem(map_item)
    map_item.attemptMove(places["peta"][0])
    map_item.attemptResize(places["peta"][1])
    map_item.setFrameEnabled(True)
    map_item.setCrs(layouts.map_crs_for(areas.crs(), areas.extent(), project))
    map_item.setLayers([areas])
    map_item.setKeepLayerSet(True)
    layouts._zoom_to_layer(map_item, areas, project)

    legend = QgsLayoutItemLegend(print_layout)
    print_layout.addLayoutItem(legend)
    legend.setLinkedMap(map_item)
    legend.setAutoUpdateModel(False)
    legend.model().rootGroup().removeAllChildren()
    legend.model().rootGroup().addLayer(areas)
    legend.attemptMove(places["legenda"][0])

    scale_bar = QgsLayoutItemScaleBar(print_layout)
    scale_bar.setStyle("Single Box")
    print_layout.addLayoutItem(scale_bar)
    scale_bar.setLinkedMap(map_item)
    scale_bar.applyDefaultSize()
    scale_bar.attemptMove(places["skala_batang"][0])

    plain = print_layout.atlas()
    plain.setCoverageLayer(areas)
    plain.setEnabled(True)
    map_item.setAtlasDriven(True)
    map_item.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Predefined)
    map_item.setAtlasMargin(atlas.ATLAS_MARGIN)
    plain.updateFeatures()
    return print_layout


def export_plain(print_layout, pdf_path, default_settings: bool) -> tuple:
    """Export the plain atlas; return (seconds, pages)."""
    from qgis.core import QgsLayoutExporter

    from dtks_spasial.plugin.gis import atlas, layout as layouts

    if default_settings:
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.dpi = layouts.PDF_DPI
    else:
        settings = layouts._pdf_settings()
    settings.predefinedMapScales = [float(scale) for scale in atlas.ATLAS_SCALES]
    started = time.perf_counter()
    result, error = QgsLayoutExporter.exportToPdf(print_layout.atlas(), str(pdf_path), settings)
    elapsed = time.perf_counter() - started
    if result != QgsLayoutExporter.ExportResult.Success:
        raise RuntimeError(f"plain atlas export failed: {error}")
    return elapsed, print_layout.atlas().count()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="../shared/data", help="shared data folder")
    parser.add_argument("--work", default="build/bench", help="folder for the PDFs")
    parser.add_argument("--report", default="", help="write the table to this file too")
    parser.add_argument("--repeat", type=int, default=5,
                        help="export each atlas this many times and keep the fastest run")
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
    areas = atlas.region_layer(data, "plain")
    plain = plain_layout(project, areas)
    runs = {"same": [], "default": [], "ours": []}
    pdfs = {"same": work / "bench_maps_qgis.pdf", "default": work / "bench_maps_qgis_default.pdf",
            "ours": work / "bench_maps_atlas.pdf"}
    pages = {}
    for _round in range(arguments.repeat):
        for key in ("same", "default"):
            seconds, pages[key] = export_plain(plain, pdfs[key], key == "default")
            runs[key].append(seconds)
        started = time.perf_counter()
        output = atlas.export_thematic_map(data, str(pdfs["ours"]))
        runs["ours"].append(time.perf_counter() - started)
        pages["ours"] = output["pages"]

    per_page = {key: min(runs[key]) / pages[key] for key in runs}
    kb_per_page = {key: pdfs[key].stat().st_size / 1024 / pages[key] for key in runs}
    ratio = per_page["ours"] / per_page["same"]
    names = {"same": "QGIS atlas, plain layout", "default": "  same, QGIS default PDF",
             "ours": "DTKS Spasial atlas"}
    lines = [
        "bench-maps: atlas of the villages of Kabupaten Kaur (17.04), PDF at 300 dpi, "
        f"fastest of {arguments.repeat}",
        f"  counting and classifying: {prepare_seconds:.2f} s",
        f"  {'export':<28}{'pages':>6}{'ms/page':>9}{'KB/page':>9}",
    ]
    for key in ("same", "default", "ours"):
        lines.append(f"  {names[key]:<28}{pages[key]:>6}{per_page[key] * 1000:>9.1f}"
                     f"{kb_per_page[key]:>9.1f}")
    lines.append(f"  time ratio {ratio:.2f} (target <= {TIME_TARGET}), "
                 f"size {kb_per_page['ours']:.0f} KB/page (target <= {SIZE_TARGET_KB})")
    text = "\n".join(lines)
    print(text)
    if arguments.report:
        Path(arguments.report).parent.mkdir(parents=True, exist_ok=True)
        Path(arguments.report).write_text(text + "\n", encoding="utf-8")
    del plain, areas, data
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
