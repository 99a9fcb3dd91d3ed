"""The whole job: table → recipients → villages → duplicates → map.

Each step is a function with plain inputs and outputs, so Processing
algorithms, the dock's background task and ``make run`` drive the same code.
"""

import csv
import os
from collections import Counter
from dataclasses import dataclass, field

from qgis.core import QgsFeature, QgsFields

from ..core import records
from ..core.duplicates import (
    DEFAULT_THRESHOLD, KEPUTUSAN_BUKAN_DUPLIKAT, Person, find_duplicates, member_key,
)
from ..core.matching import DISTRICT_CUTOFF
from ..core.recipients import parse_rows
from ..core.regions import CodeList, normalize_code
from ..core.table_reader import read_table
from ..i18n import tr
from . import storage
from .boundaries import WGS84, load_villages, region_title

# Layer names inside the result GeoPackage.
LAYER_RECIPIENTS = "penerima"
LAYER_REJECTED = "ditolak"
LAYER_GROUPS = "kelompok_duplikat"
LAYER_VILLAGE_COUNTS = "jumlah_per_desa"
# Lines between members of one duplicate group registered in different villages.
LAYER_DUPLICATE_LINES = "garis_duplikat"


class PipelineError(Exception):
    """A problem with the user's input; the message is for the user."""


@dataclass
class PipelineResult:
    """Everything one run produced, for summaries, layers and tests."""

    table: object = None
    recipients: list = field(default_factory=list)
    villages: object = None
    region: str = ""
    region_name: str = ""
    summary: dict = field(default_factory=dict)
    # duplicates.DuplicateResult of the duplicate step, and the analyst's
    # decisions (duplicates.Decision rows) that it applied.
    duplicates: object = None
    duplicate_decisions: list = field(default_factory=list)


@dataclass
class ImportOptions:
    """Choices that override what the importer detects; empty means detect.

    ``boundary_fields`` ({role: field}) overrides the fields detected in the
    boundary layer; ``min_name_score`` is the lowest village name score
    the snapping step accepts.
    """

    sheet: str = ""
    header_row: int = 0
    encoding: str = ""
    delimiter: str = ""
    mapping_override: dict = None
    code_list_path: str = ""
    coordinate_crs: str = ""
    boundary_fields: dict = None
    min_name_score: float = DISTRICT_CUTOFF


def point_transform_for(crs_text: str):
    """Return a function (x, y) → (lon, lat) from a CRS such as EPSG:32748, or None for WGS 84."""
    if not crs_text:
        return None
    from qgis.core import (
        QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCoordinateTransformContext,
        QgsCsException, QgsPointXY,
    )
    crs = QgsCoordinateReferenceSystem(crs_text)
    if not crs.isValid():
        raise PipelineError(tr("Unknown coordinate reference system: {crs}").format(crs=crs_text))
    if crs.authid() == "EPSG:4326":
        return None
    transform = QgsCoordinateTransform(crs, WGS84, QgsCoordinateTransformContext())

    def to_lon_lat(x, y):
        try:
            point = transform.transform(QgsPointXY(x, y))
        except QgsCsException as error:
            raise ValueError(str(error)) from error
        return point.x(), point.y()

    return to_lon_lat


def load_code_list(path: str):
    """Return the national code list read from ``path``, or None when no path is given."""
    if not path:
        return None
    try:
        return CodeList.from_csv(path)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise PipelineError(tr(
            "The region code list {path} cannot be read ({error}). Choose the CSV with the "
            "columns kode,nama,tingkat.").format(path=path, error=type(error).__name__)) from error


def import_recipients(path: str, sheet: str = "", feedback=None, options: ImportOptions = None):
    """Read a table file and parse its records; return (table, recipients)."""
    options = options or ImportOptions()
    table = read_table(path, sheet=sheet or options.sheet, header_row=options.header_row,
                       encoding=options.encoding, delimiter=options.delimiter,
                       mapping_override=options.mapping_override)
    if "nik" not in table.mapping and "nama" not in table.mapping:
        raise PipelineError(tr(
            "No NIK or NAMA column found in the table. Check that the header row has the "
            "usual DTKS column names, or choose the header row and the columns yourself."))
    code_list = load_code_list(options.code_list_path)
    transform = point_transform_for(options.coordinate_crs)
    return table, parse_rows(table, feedback, code_list, transform)


def mark_duplicates(recipients, feedback=None, threshold: float = DEFAULT_THRESHOLD,
                    decisions=None):
    """Fill kelompok_duplikat, alasan_duplikat, skor_duplikat and keputusan_duplikat.

    ``decisions`` (duplicates.Decision rows) are matched to recipients by
    ``member_key(baris, nik)``. A member of a group gets its simpan or
    hapus decision. A row outside every group gets bukan_duplikat when the
    analyst cleared it, and a row in a new group keeps no earlier
    bukan_duplikat, because that decision was about another group.
    Returns the duplicates.DuplicateResult, whose pairs index ``recipients``.
    """
    people = [Person(index=number, nik=item.nik, no_kk=item.no_kk, nama=item.nama,
                     tgl_lahir=item.tgl_lahir, jenis_kelamin=item.jenis_kelamin,
                     kode_desa=item.kode_desa or "", key=member_key(item.baris, item.nik))
              for number, item in enumerate(recipients)]
    found = find_duplicates(people, threshold, decisions, feedback)
    cleared = {row.kunci_anggota for row in decisions or ()
               if row.keputusan_duplikat == KEPUTUSAN_BUKAN_DUPLIKAT}
    for number, item in enumerate(recipients):
        item.kelompok_duplikat, item.alasan_duplikat, item.skor_duplikat = found.rows.get(
            number, (None, None, None))
        if item.kelompok_duplikat:
            item.keputusan_duplikat = found.decisions.get(number)
        elif cleared and people[number].key in cleared:
            item.keputusan_duplikat = KEPUTUSAN_BUKAN_DUPLIKAT
        else:
            item.keputusan_duplikat = None
    return found


def count_per_village(recipients, villages, region: str) -> list:
    """Return [(code, name, recipients, rows in duplicate groups)] for the region's villages.

    Each recipient counts once, in its registered village, even where
    village polygons overlap.
    """
    counts, duplicates = Counter(), Counter()
    for item in recipients:
        if item.kode_desa:
            counts[item.kode_desa] += 1
            if item.kelompok_duplikat:
                duplicates[item.kode_desa] += 1
    prefix = region + "."
    return [(code, village.name, counts[code], duplicates[code])
            for code, village in sorted(villages.villages.items())
            if code == region or code.startswith(prefix)]


def summarize(table, recipients) -> dict:
    """Return the counts reported after a run."""
    groups = {item.kelompok_duplikat for item in recipients if item.kelompok_duplikat}
    problems = Counter(problem for item in recipients for problem in item.problems)
    return {
        "source": {
            "encoding": table.encoding, "delimiter": table.delimiter, "sheet": table.sheet,
            "header_row": table.header_row,
            "columns": [(field, table.headers[index])
                        for field, index in sorted(table.mapping.items(), key=lambda item: item[1])],
        },
        "rows_read": table.rows_read,
        "loaded": len(recipients),
        "rejected": len(table.rejected),
        "rejected_by_reason": dict(Counter(reason for _, reason, _ in table.rejected)),
        **snap_counts(recipients),
        "problems": dict(sorted(problems.items())),
        "duplicate_groups": len(groups),
        "duplicate_rows": sum(1 for item in recipients if item.kelompok_duplikat),
    }


def import_summary_lines(table, recipients) -> list:
    """Return the summary lines of an import alone (reading and problems)."""
    return summary_lines(summarize(table, recipients), snapped=False)


def summary_lines(summary: dict, snapped: bool = True) -> list:
    """Return the summary as translated lines of text."""
    source = summary.get("source", {})
    lines = []

    if source:
        if source["sheet"]:
            lines.append(tr("Sheet: {sheet}, header on row {row}").format(
                sheet=source["sheet"], row=source["header_row"]))
        else:
            lines.append(tr("Encoding: {encoding}, delimiter: {delimiter}, header on row {row}").format(
                encoding=source["encoding"], delimiter=_delimiter_name(source["delimiter"]),
                row=source["header_row"]))
        lines.append(tr("Columns recognised: {columns}").format(
            columns=", ".join(f"{field}={header}" for field, header in source["columns"])))

    lines += [
        tr("Rows read: {n}").format(n=summary["rows_read"]),
        tr("Loaded: {n}").format(n=summary["loaded"]),
        tr("Rejected: {n}").format(n=summary["rejected"]),
    ]
    for reason, count in sorted(summary["rejected_by_reason"].items()):
        lines.append(f"  {reason}: {count}")

    if not snapped:
        _append_problems(lines, summary)
        return lines

    lines += _snap_lines(summary)
    _append_problems(lines, summary)
    lines.append(tr("Suspected duplicate groups: {groups} ({rows} rows)").format(
        groups=summary["duplicate_groups"], rows=summary["duplicate_rows"]))
    return lines


def snap_counts(recipients) -> dict:
    """Return the counts of the snapping step: methods, statuses, placed points."""
    return {
        "methods": {method: sum(1 for item in recipients if item.metode_lokasi == method)
                    for method in records.METODE_VALUES},
        "statuses": {status: sum(1 for item in recipients if item.status_koordinat == status)
                     for status in records.STATUS_VALUES},
        "approximate": sum(1 for item in recipients if item.lokasi_perkiraan),
    }


def snap_summary_lines(recipients) -> list:
    """Return the summary lines of the snapping step alone."""
    return _snap_lines(snap_counts(recipients))


def _snap_lines(counts: dict) -> list:
    lines = [tr("Village found by method:")]
    for method in records.METODE_VALUES:
        lines.append(f"  {method}: {counts['methods'].get(method, 0)}")
    lines.append(tr("Coordinate status:"))
    for status in records.STATUS_VALUES:
        lines.append(f"  {status}: {counts['statuses'].get(status, 0)}")
    lines.append(tr("Points placed inside their village (approximate): {n}").format(
        n=counts["approximate"]))
    return lines


def _append_problems(lines, summary) -> None:
    if summary["problems"]:
        lines.append(tr("Problems found in loaded rows:"))
        for problem, count in summary["problems"].items():
            lines.append(f"  {problem}: {count}")


def _delimiter_name(delimiter: str) -> str:
    return {"\t": tr("tab"), "": "-"}.get(delimiter, f"'{delimiter}'")


def recipient_features(result, fields: QgsFields):
    """Yield the recipient features of a result."""
    for item in result.recipients:
        yield storage.recipient_feature(item, fields)


def group_rows(recipients) -> list:
    """Return [(group id, size, reasons, villages, score)] for the duplicate group table.

    Villages are the members' village codes, sorted and joined by ", ";
    the score is the group's skor_duplikat (that of its weakest link).
    """
    groups = {}
    for item in recipients:
        if item.kelompok_duplikat:
            entry = groups.setdefault(item.kelompok_duplikat,
                                      [0, item.alasan_duplikat, set(), item.skor_duplikat])
            entry[0] += 1
            if item.kode_desa:
                entry[2].add(item.kode_desa)
    return [(group_id, size, reasons, ", ".join(sorted(codes)), score)
            for group_id, (size, reasons, codes, score) in sorted(groups.items())]


def group_table_fields() -> QgsFields:
    """Return the fields of the duplicate group table."""
    fields = QgsFields()
    for name, kind in (("kelompok_duplikat", "text"), ("jumlah_baris", "int"),
                       ("alasan_duplikat", "text"), ("kode_desa", "text"),
                       ("skor_duplikat", "double")):
        fields.append(storage.make_field(name, kind))
    return fields


def duplicate_line_fields() -> QgsFields:
    """Return the fields of the line layer between duplicate members in different villages."""
    fields = QgsFields()
    for name, kind in (("kelompok_duplikat", "text"), ("baris_a", "int"), ("baris_b", "int"),
                       ("kode_desa_a", "text"), ("kode_desa_b", "text"),
                       ("skor_duplikat", "double"), ("alasan_duplikat", "text")):
        fields.append(storage.make_field(name, kind))
    return fields


def duplicate_lines(recipients, found) -> list:
    """Return [(attributes, (x1, y1), (x2, y2))] for linked pairs placed in different villages.

    ``found`` is the DuplicateResult whose pair indexes point into
    ``recipients``. Pairs without a point on either side are left out.
    """
    lines = []
    for first, second, score, reasons in (found.pairs if found is not None else ()):
        a, b = recipients[first], recipients[second]
        if not a.kode_desa or not b.kode_desa or a.kode_desa == b.kode_desa:
            continue
        if a.x is None or b.x is None:
            continue
        text = "; ".join(records.DUP_REASON_TEXT[code] for code in reasons)
        lines.append(([a.kelompok_duplikat, a.baris, b.baris, a.kode_desa, b.kode_desa, score,
                       text], (a.x, a.y), (b.x, b.y)))
    return lines


def village_count_layer(result):
    """Return a polygon memory layer of the region's villages with their counts."""
    fields = QgsFields()
    for name, kind in (("kode", "text"), ("nama", "text"), ("jumlah", "int"), ("duplikat", "int")):
        fields.append(storage.make_field(name, kind))
    features = []
    for code, name, count, duplicates in count_per_village(result.recipients, result.villages,
                                                            result.region):
        feature = QgsFeature(fields)
        feature.setAttributes([code, name, count, duplicates])
        feature.setGeometry(result.villages.geometries[code])
        features.append(feature)
    return storage.memory_layer(LAYER_VILLAGE_COUNTS, "MultiPolygon", fields, features)


def write_geopackage(result, path: str) -> None:
    """Write recipients, rejected rows, groups and village counts into one GeoPackage."""
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    headers = result.table.headers
    width = len(headers)
    storage.write_rows_fast(
        path, LAYER_RECIPIENTS, storage.recipient_fields(headers), storage.POINT,
        ((item.x, item.y, storage.recipient_values(item, width)) for item in result.recipients),
        first=True, date_columns=(records.RECIPIENT_FIELDS.index(records.TGL_LAHIR),))
    storage.write_rows_fast(
        path, LAYER_REJECTED, storage.rejected_fields(headers), storage.NO_GEOMETRY,
        ((None, None, [baris, reason, records.REJECT_MESSAGES[reason]]
          + values[:width] + [""] * (width - len(values)))
         for baris, reason, values in result.table.rejected),
        first=False)
    group_fields = group_table_fields()
    group_features = []
    for row in group_rows(result.recipients):
        feature = QgsFeature(group_fields)
        feature.setAttributes(list(row))
        group_features.append(feature)
    storage.write_layer(path, LAYER_GROUPS, group_fields, storage.NO_GEOMETRY, group_features,
                        first=False)
    _write_duplicate_lines(result, path)
    if result.duplicate_decisions:
        from .duplicates_store import write_decisions

        write_decisions(path, result.duplicate_decisions)
    if result.region:
        counts = village_count_layer(result)
        storage.write_layer(path, LAYER_VILLAGE_COUNTS, counts.fields(), storage.MULTIPOLYGON,
                            counts.getFeatures(), first=False)


def _write_duplicate_lines(result, path: str) -> None:
    from qgis.core import QgsGeometry, QgsPointXY, QgsWkbTypes

    fields = duplicate_line_fields()
    features = []
    for attributes, start, end in duplicate_lines(result.recipients, result.duplicates):
        feature = QgsFeature(fields)
        feature.setAttributes(attributes)
        feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(*start), QgsPointXY(*end)]))
        features.append(feature)
    storage.write_layer(path, LAYER_DUPLICATE_LINES, fields, QgsWkbTypes.Type.LineString,
                        features, first=False)


def check_region(region_text: str, villages) -> str:
    """Return the dotted region code, or raise PipelineError when no village is in it."""
    region = normalize_code(region_text)
    if not region:
        raise PipelineError(tr(
            "Invalid region code '{code}'. Use a Kemendagri code such as 17 or 17.04 or "
            "17.04.01.").format(code=region_text))
    if not any(code == region or code.startswith(region + ".") for code in villages.villages):
        raise PipelineError(tr(
            "Region code {code} has no village in the boundary layer. Check the code or the "
            "boundary layer.").format(code=region))
    return region


def run_pipeline(input_path, boundaries, region_text="", output_gpkg="", map_pdf="",
                 sheet="", feedback=None, options: ImportOptions = None,
                 previous_gpkg="") -> PipelineResult:
    """Run import, snapping, duplicate search, GeoPackage and map export in a row.

    Villages assigned by hand in ``previous_gpkg`` (by default the
    ``output_gpkg`` that this run replaces) are kept for the same rows.
    """
    from .review import carry_over_assignments
    from .snapping import snap_recipients

    options = options or ImportOptions()
    result = PipelineResult()
    steps = 5
    progress = _StepProgress(feedback, steps)

    progress.start(0, tr("Reading the table"))
    result.table, result.recipients = import_recipients(input_path, sheet, progress.child, options)
    if progress.canceled():
        return result

    progress.start(1, tr("Reading village boundaries"))
    result.villages = load_villages(boundaries, progress.child, options.boundary_fields)
    if result.villages.repaired:
        progress.info(tr("{n} invalid village polygons were repaired.").format(
            n=result.villages.repaired))
    if region_text:
        result.region = check_region(region_text, result.villages)
        result.region_name = region_title(result.villages, result.region)
    if progress.canceled():
        return result

    progress.start(2, tr("Finding each recipient's village"))
    carried_over = carry_over_assignments(previous_gpkg or output_gpkg, result.recipients)
    if carried_over:
        progress.info(tr("{n} villages assigned by hand were kept from the earlier "
                         "results.").format(n=carried_over))
    snap_recipients(result.recipients, result.villages, progress.child, options.min_name_score)
    if progress.canceled():
        return result

    progress.start(3, tr("Finding suspected duplicates"))
    from .duplicates_store import read_decisions

    result.duplicate_decisions = read_decisions(previous_gpkg or output_gpkg)
    result.duplicates = mark_duplicates(result.recipients, progress.child,
                                        decisions=result.duplicate_decisions)
    result.summary = summarize(result.table, result.recipients)
    if progress.canceled():
        return result

    progress.start(4, tr("Writing results"))
    if output_gpkg:
        write_geopackage(result, output_gpkg)
    if map_pdf and result.region:
        os.makedirs(os.path.dirname(os.path.abspath(map_pdf)), exist_ok=True)
        export_region_map(result, map_pdf)
    progress.finish()
    return result


def export_region_map(result, pdf_path: str) -> dict:
    """Print the recipients per village of the run's region as a one-page PDF.

    The map goes through the thematic map module, so counts from 1 to the
    suppression threshold print as "< 4", never exactly. A village region
    is shown among the villages of its district. Raises atlas.MapError
    with a message for the user. Print layouts are not thread safe, so
    call this on the main thread or in a Processing algorithm that runs
    without threads.
    """
    from .atlas import MapRequest, export_thematic_map, prepare_map_data

    region = result.region
    if len(region.split(".")) >= 4:
        region = region.rsplit(".", 1)[0]
    request = MapRequest(region=region, level=4, summary_table=False)
    data = prepare_map_data(result.recipients, result.table.mapping if result.table else {},
                            result.villages, request)
    return export_thematic_map(data, pdf_path)


class _StepProgress:
    """Spreads one feedback's progress over several steps."""

    def __init__(self, feedback, steps):
        self.feedback = feedback
        self.steps = steps
        self.child = None
        if feedback is not None:
            from qgis.core import QgsProcessingMultiStepFeedback
            self._multi = QgsProcessingMultiStepFeedback(steps, feedback) \
                if hasattr(feedback, "pushInfo") else None
        else:
            self._multi = None

    def start(self, step: int, message: str) -> None:
        if self._multi is not None:
            self._multi.setCurrentStep(step)
            self._multi.pushInfo(message)
            self.child = self._multi
        elif self.feedback is not None:
            self.feedback.setProgress(100.0 * step / self.steps)
            self.child = self.feedback

    def info(self, message: str) -> None:
        if self._multi is not None:
            self._multi.pushInfo(message)

    def canceled(self) -> bool:
        return self.feedback is not None and self.feedback.isCanceled()

    def finish(self) -> None:
        if self.feedback is not None:
            self.feedback.setProgress(100.0)
