"""Run dtks:run_pipeline headless and print its summary (used by ``make run``).

Usage: python scripts/run_pipeline.py INPUT BOUNDARIES REGION OUTDIR
           [--sheet NAME] [--codes CODE_LIST.csv] [--crs EPSG:32748]
           [--header-row N] [--encoding NAME] [--mapping "nik=NO INDUK;nama=NAMA ART"]
           [--boundary-fields "kode=KODE_DESA;nama=NAMA"] [--min-name-score 80]
Writes OUTDIR/hasil.gpkg and OUTDIR/peta.pdf (the map only with a REGION).
The language of the summary follows DTKS_LANG (default ``id``).
"""

import argparse

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from plugin_path import add_plugin_to_path  # noqa: E402  (scripts/ is not a package)


def _arguments(argv):
    parser = argparse.ArgumentParser(usage=__doc__)
    parser.add_argument("input")
    parser.add_argument("boundaries")
    parser.add_argument("region", nargs="?", default="")
    parser.add_argument("out_dir", nargs="?", default="build/hasil")
    parser.add_argument("--sheet", default="")
    parser.add_argument("--codes", default="")
    parser.add_argument("--crs", default="EPSG:4326")
    parser.add_argument("--header-row", type=int, default=0)
    parser.add_argument("--encoding", default="")
    parser.add_argument("--mapping", default="")
    parser.add_argument("--boundary-fields", default="")
    parser.add_argument("--min-name-score", type=float, default=None)
    return parser.parse_args(argv[1:])


def main(argv) -> int:
    arguments = _arguments(argv)
    input_path, boundaries = arguments.input, arguments.boundaries
    region, out_dir = arguments.region, arguments.out_dir
    add_plugin_to_path()

    from qgis.core import QgsApplication, QgsProcessingFeedback
    application = QgsApplication([], False)
    application.initQgis()
    sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
    from processing.core.Processing import Processing
    import processing
    from qgis.core import QgsProcessingException

    from dtks_spasial.plugin.i18n import install_translator, tr
    install_translator(os.environ.get("DTKS_LANG", "id"))
    from dtks_spasial.plugin.core.table_reader import ENCODING_CHOICES
    from dtks_spasial.plugin.processing.provider import DtksProvider

    Processing.initialize()
    provider = DtksProvider()
    QgsApplication.processingRegistry().addProvider(provider)

    gpkg = os.path.join(out_dir, "hasil.gpkg")
    pdf = os.path.join(out_dir, "peta.pdf")
    started = time.monotonic()
    try:
        results = processing.run("dtks:run_pipeline", {
            "INPUT": input_path, "SHEET": arguments.sheet, "BOUNDARIES": boundaries,
            "REGION": region, "OUTPUT": gpkg, "MAP_PDF": pdf if region else None,
            "CODE_LIST": arguments.codes, "COORD_CRS": arguments.crs,
            "HEADER_ROW": arguments.header_row, "MAPPING": arguments.mapping,
            "BOUNDARY_FIELDS": arguments.boundary_fields,
            **({"MIN_NAME_SCORE": arguments.min_name_score}
               if arguments.min_name_score is not None else {}),
            "ENCODING": (ENCODING_CHOICES.index(arguments.encoding) + 1
                         if arguments.encoding in ENCODING_CHOICES else 0),
        }, feedback=QgsProcessingFeedback())
    except QgsProcessingException as error:
        # processing.run puts an untranslated "Unable to execute algorithm" line first.
        lines = str(error).splitlines()
        if len(lines) > 1 and lines[0].startswith("Unable to execute"):
            lines = lines[1:]
        print(tr("Failed: {error}").format(error="\n".join(lines)), file=sys.stderr)
        return 1
    finally:
        QgsApplication.processingRegistry().removeProvider(provider)

    from dtks_spasial.plugin.gis.pipeline import summary_lines
    print("\n".join(summary_lines(results["SUMMARY"])))
    print(tr("Results: {path}").format(path=gpkg))
    if region:
        print(tr("Map: {path}").format(path=pdf))
    print(tr("Time: {seconds:.1f} s").format(seconds=time.monotonic() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
