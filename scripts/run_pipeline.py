"""Run dtks:run_pipeline headless and print its summary (used by ``make run``).

Usage: python scripts/run_pipeline.py INPUT BOUNDARIES REGION OUTDIR
           [--sheet NAME] [--codes CODE_LIST.csv] [--crs EPSG:32748]
           [--header-row N] [--encoding NAME] [--delimiter ";"]
           [--mapping "nik=NO INDUK;nama=NAMA ART"]
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

# The choices of the Processing parameters, in their order (index 0: detect).
# The encodings repeat table_reader.ENCODING_CHOICES, which needs QGIS's
# Python path, so that --help works before QGIS starts.
ENCODINGS = ("utf-8", "utf-16", "cp1252", "latin-1")
DELIMITERS = ("", ",", ";", "|", "tab")


def _arguments(argv):
    parser = argparse.ArgumentParser(
        prog="run_pipeline.py",
        description="Import a DTKS table, find each recipient's village, look for suspected "
                    "duplicates and print the map of a region (dtks:run_pipeline).",
        epilog="Writes OUTDIR/hasil.gpkg, and OUTDIR/peta.pdf when a REGION is given. The "
               "summary follows DTKS_LANG (default id).")
    parser.add_argument("input", help="DTKS table: CSV, TXT, TSV, XLSX, XLSM, XLS or ODS")
    parser.add_argument("boundaries", help="village boundaries: a GeoPackage, shapefile or "
                                           ".gdb folder, or path|layername=NAME")
    parser.add_argument("region", nargs="?", default="",
                        help="Kemendagri code of the region to map, e.g. 17.04 (optional)")
    parser.add_argument("out_dir", nargs="?", default="build/hasil",
                        help="output folder (default build/hasil)")
    parser.add_argument("--sheet", default="", help="sheet of a workbook (default: the first "
                                                    "that looks like a table)")
    parser.add_argument("--codes", default="", help="national Kemendagri code list "
                                                    "(CSV kode,nama,tingkat)")
    parser.add_argument("--crs", default="EPSG:4326", help="CRS of the coordinate columns, "
                                                           "e.g. EPSG:32748 for UTM 48S")
    parser.add_argument("--header-row", type=int, default=0,
                        help="row number of the column headers (default: detect)")
    parser.add_argument("--encoding", default="", choices=("",) + ENCODINGS,
                        help="text encoding (default: detect)")
    parser.add_argument("--delimiter", default="", choices=("", ",", ";", "|", "tab"),
                        help="column delimiter of a text file (default: detect)")
    parser.add_argument("--mapping", default="",
                        help='columns named by hand, e.g. "nik=NO INDUK;nama=NAMA ART"')
    parser.add_argument("--boundary-fields", default="",
                        help='fields of the boundary layer, e.g. "kode=KODE_DESA;nama=NAMA"')
    parser.add_argument("--min-name-score", type=float, default=None,
                        help="lowest village name score accepted, 0-100 (default 80)")
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
            "DELIMITER": DELIMITERS.index(arguments.delimiter),
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
