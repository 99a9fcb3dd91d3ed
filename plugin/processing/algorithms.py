"""Processing algorithms: one thin wrapper per step, calling core and gis."""

import os
import sqlite3

from qgis.core import (
    QgsFeatureSink, QgsProcessing, QgsProcessingAlgorithm, QgsProcessingException,
    QgsProcessingOutputNumber, QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile, QgsProcessingParameterFileDestination,
    QgsProcessingParameterCrs, QgsProcessingParameterDefinition, QgsProcessingParameterEnum,
    QgsProcessingParameterNumber, QgsProcessingParameterString, QgsProcessingParameterVectorLayer,
    QgsFeature, QgsProcessingOutputLayerDefinition,
)

from ..compat import NO_THREADING
from ..core import records
from ..core.bulk import gc_paused
from ..core.column_mapping import mapping_from_text
from ..core.matching import DISTRICT_CUTOFF
from ..core.table_reader import ENCODING_CHOICES, TableReadError
from ..gis import pipeline, storage
from ..gis.atlas import MapError
from ..gis.boundaries import BoundaryError, fields_from_text, load_villages
from ..i18n import tr

USER_ERRORS = (TableReadError, BoundaryError, pipeline.PipelineError, OSError)
TABLE_EXTENSIONS = "CSV, TXT, XLSX, XLS, ODS (*.csv *.txt *.tsv *.xlsx *.xlsm *.xls *.ods)"
TABLE_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".xls", ".ods")
DELIMITER_CHOICES = ("", ",", ";", "|", "\t")
RECIPIENT_DATE_COLUMN = records.RECIPIENT_FIELDS.index(records.TGL_LAHIR)


def _mapping_fields():
    from ..core.column_mapping import SYNONYMS
    return SYNONYMS.keys()


def _looks_like_path(value: str) -> bool:
    """Tell whether a parameter value is a file path rather than a layer id or name."""
    return "/" in value or "\\" in value or "|layername=" in value or os.path.splitext(
        value.split("|")[0])[1].lower() in (".gpkg", ".shp", ".gdb", ".geojson", ".sqlite")


def _gpkg_destination(value):
    """Return the path of a sink parameter value that is a plain GeoPackage file, else None.

    Other destinations (memory layers, temporary outputs, database URIs,
    other formats) go through the Processing sink.
    """
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        # None unless the sink is a static value.
        value = value.sink.staticValue()
    if not isinstance(value, str):
        return None
    if value.lower().endswith(".gpkg") and not value.lower().startswith(("ogr:", "memory:")):
        return value
    return None


def _same_file(first: str, second: str) -> bool:
    if os.path.exists(first) and os.path.exists(second):
        return os.path.samefile(first, second)
    return os.path.normcase(os.path.abspath(first)) == os.path.normcase(os.path.abspath(second))


class _Base(QgsProcessingAlgorithm):
    """Shared naming and helpers of the DTKS algorithms."""

    def createInstance(self):
        return type(self)()

    def group(self):
        return ""

    def groupId(self):
        return ""

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API)
        """Reject a missing boundary file or a table file of another kind, with a clear message."""
        definition = self.parameterDefinition("INPUT")
        table = parameters.get("INPUT")
        if (isinstance(definition, QgsProcessingParameterFile) and isinstance(table, str)
                and os.path.splitext(table)[1].lower() not in TABLE_SUFFIXES):
            return False, tr(
                "{path} is not a table file that DTKS Spasial reads. Choose a CSV, TXT, TSV, "
                "XLSX, XLSM, XLS or ODS file.").format(path=table)
        raw = parameters.get("BOUNDARIES")
        if isinstance(raw, str) and _looks_like_path(raw) and not os.path.exists(raw.split("|")[0]):
            return False, tr("Boundary file not found: {path}").format(path=raw.split("|")[0])
        return super().checkParameterValues(parameters, context)

    def _boundaries(self, parameters, context):
        """Return a boundary layer or a file path (a file may hold several levels)."""
        raw = parameters.get("BOUNDARIES")
        if isinstance(raw, str) and os.path.exists(raw.split("|", 1)[0]):
            return raw
        layer = self.parameterAsVectorLayer(parameters, "BOUNDARIES", context)
        if layer is None:
            raise QgsProcessingException(tr("The village boundary layer could not be opened."))
        return layer

    def _recipients(self, parameters, context, **options):
        layer = self.parameterAsVectorLayer(parameters, "INPUT", context)
        if layer is None:
            raise QgsProcessingException(tr("The recipient layer could not be opened."))
        try:
            return storage.recipients_from_layer(layer, **options)
        except ValueError as error:
            raise QgsProcessingException(tr(
                "The layer is not a recipient layer of DTKS Spasial: fields {fields} are "
                "missing. Run 'Import DTKS table' first.").format(fields=str(error))) from error

    def _write_recipients(self, parameters, context, headers, recipients, name="OUTPUT",
                          copy_from=None):
        """Write the recipient layer; return the destination.

        ``copy_from`` is (GeoPackage path, table, feature id of each recipient):
        the source columns of a GeoPackage destination are then copied from
        that table inside SQLite instead of from the recipients' values.
        """
        fields = storage.recipient_fields(headers)
        if _gpkg_destination(parameters.get(name)):
            # A GeoPackage file is written through SQLite, several times faster
            # than adding features to a sink one by one.
            dest = self.parameterAsOutputLayer(parameters, name, context)
            layer_name = os.path.splitext(os.path.basename(dest))[0]
            width = len(headers)
            copied, row_ids = None, None
            if copy_from:
                path, table, row_ids = copy_from
                output_names = fields.names()[len(records.RECIPIENT_FIELDS):]
                copied = (path, table, dict(zip(output_names, headers)))
                # The source values are copied in SQLite, so only the contract's are passed.
                width = 0
            rows = ((item.x, item.y, storage.recipient_values(item, width),
                     row_ids[number] if row_ids else None)
                    for number, item in enumerate(recipients))
            try:
                storage.write_rows_fast(dest, layer_name, fields, storage.POINT, rows, first=True,
                                        date_columns=(RECIPIENT_DATE_COLUMN,), copy_from=copied)
            except (OSError, sqlite3.Error) as error:
                raise QgsProcessingException(tr(
                    "Failed to write the recipient layer to {path}: {error}").format(
                    path=dest, error=str(error))) from error
            return dest
        sink, dest = self.parameterAsSink(parameters, name, context, fields, storage.POINT,
                                          storage.WGS84)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        for item in recipients:
            sink.addFeature(storage.recipient_feature(item, fields),
                            QgsFeatureSink.Flag.FastInsert)
        return dest

    def _add_import_options(self):
        """Add the advanced parameters that override what the importer detects."""
        advanced = [
            QgsProcessingParameterNumber(
                "HEADER_ROW", tr("Header row (0: detect)"), minValue=0, defaultValue=0,
                optional=True),
            QgsProcessingParameterEnum(
                "ENCODING", tr("Text encoding"),
                [tr("Detect")] + list(ENCODING_CHOICES), defaultValue=0, optional=True),
            QgsProcessingParameterEnum(
                "DELIMITER", tr("Delimiter"),
                [tr("Detect"), ",", ";", "|", tr("Tab")], defaultValue=0, optional=True),
            QgsProcessingParameterString(
                "MAPPING", tr("Column mapping (e.g. nik=NO INDUK;nama=NAMA ART)"),
                optional=True),
            QgsProcessingParameterFile(
                "CODE_LIST", tr("Kemendagri region code list (CSV kode,nama,tingkat)"),
                fileFilter="CSV (*.csv)", optional=True),
            QgsProcessingParameterCrs(
                "COORD_CRS", tr("CRS of the coordinate columns"), defaultValue="EPSG:4326",
                optional=True),
        ]
        for parameter in advanced:
            parameter.setFlags(parameter.flags()
                               | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(parameter)

    def _import_options(self, parameters, context):
        """Return the pipeline's ImportOptions from the advanced parameters."""
        try:
            override = mapping_from_text(self.parameterAsString(parameters, "MAPPING", context))
        except ValueError as error:
            raise QgsProcessingException(tr(
                "Unknown field '{field}' in the column mapping. Known fields: {fields}.").format(
                field=str(error), fields=", ".join(sorted(_mapping_fields())))) from error
        crs = self.parameterAsCrs(parameters, "COORD_CRS", context)
        encoding_index = self.parameterAsEnum(parameters, "ENCODING", context)
        return pipeline.ImportOptions(
            sheet=self.parameterAsString(parameters, "SHEET", context),
            header_row=self.parameterAsInt(parameters, "HEADER_ROW", context),
            encoding=ENCODING_CHOICES[encoding_index - 1] if encoding_index > 0 else "",
            delimiter=DELIMITER_CHOICES[self.parameterAsEnum(parameters, "DELIMITER", context)],
            mapping_override=override,
            code_list_path=self.parameterAsFile(parameters, "CODE_LIST", context),
            coordinate_crs=(crs.authid() or f"WKT:{crs.toWkt()}") if crs.isValid() else "",
            boundary_fields=self._boundary_fields(parameters, context),
            min_name_score=(self.parameterAsDouble(parameters, "MIN_NAME_SCORE", context)
                            if self.parameterDefinition("MIN_NAME_SCORE") else DISTRICT_CUTOFF))

    def _add_recipient_sink(self):
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", tr("Recipients"), QgsProcessing.SourceType.TypeVectorPoint))

    def _add_recipient_input(self):
        self.addParameter(QgsProcessingParameterVectorLayer(
            "INPUT", tr("Recipient layer"), [QgsProcessing.SourceType.TypeVector]))

    def _add_boundaries(self):
        self.addParameter(QgsProcessingParameterVectorLayer(
            "BOUNDARIES", tr("Village boundaries"),
            [QgsProcessing.SourceType.TypeVectorPolygon]))
        parameter = QgsProcessingParameterString(
            "BOUNDARY_FIELDS",
            tr("Boundary fields (e.g. kode=KODE_DESA;nama=NAMA;kecamatan=KEC;kabupaten=KAB)"),
            optional=True)
        parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(parameter)

    def _add_min_name_score(self, advanced=False):
        parameter = QgsProcessingParameterNumber(
            "MIN_NAME_SCORE", tr("Lowest village name score accepted (0-100)"),
            type=QgsProcessingParameterNumber.Type.Double, minValue=0, maxValue=100,
            defaultValue=DISTRICT_CUTOFF)
        if advanced:
            parameter.setFlags(parameter.flags()
                               | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(parameter)

    def _boundary_fields(self, parameters, context):
        """Return the boundary field mapping given by the user, or None to detect it."""
        text = self.parameterAsString(parameters, "BOUNDARY_FIELDS", context)
        try:
            return fields_from_text(text) or None
        except ValueError as error:
            raise QgsProcessingException(str(error)) from error

    def _villages(self, parameters, context, feedback):
        """Load the village boundaries given by BOUNDARIES and BOUNDARY_FIELDS."""
        try:
            villages = load_villages(self._boundaries(parameters, context), feedback,
                                     self._boundary_fields(parameters, context))
        except USER_ERRORS as error:
            raise QgsProcessingException(str(error)) from error
        if villages.repaired:
            feedback.pushInfo(tr("{n} invalid village polygons were repaired.").format(
                n=villages.repaired))
        return villages


class ImportTable(_Base):
    """dtks:import_table — a DTKS CSV or XLSX file to a recipient layer."""

    def name(self):
        return "import_table"

    def displayName(self):
        return tr("Import DTKS table")

    def shortHelpString(self):
        return tr(
            "Reads a DTKS or DTSEN table (CSV, TXT or XLSX) into a recipient layer. Rows with "
            "usable coordinates become points; the others are kept without geometry. NIK and "
            "KK numbers are kept as text. Rows that are not records (blank rows, repeated "
            "headers, total rows) go to the rejected table with their reason. The source file "
            "is only read, never changed.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            "INPUT", tr("DTKS table (CSV/XLSX)"), fileFilter=TABLE_EXTENSIONS))
        self.addParameter(QgsProcessingParameterString(
            "SHEET", tr("Sheet (empty: the first that looks like a table)"), optional=True))
        self._add_import_options()
        self._add_recipient_sink()
        self.addParameter(QgsProcessingParameterFeatureSink(
            "REJECTED", tr("Rejected rows"), QgsProcessing.SourceType.TypeVector))
        self.addOutput(QgsProcessingOutputNumber("ROWS_READ", tr("Rows read")))
        self.addOutput(QgsProcessingOutputNumber("LOADED", tr("Rows loaded")))
        self.addOutput(QgsProcessingOutputNumber("REJECTED_COUNT", tr("Rows rejected")))

    def processAlgorithm(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, "INPUT", context)
        options = self._import_options(parameters, context)
        try:
            table, recipients = pipeline.import_recipients(path, options=options,
                                                           feedback=feedback)
        except USER_ERRORS as error:
            raise QgsProcessingException(str(error)) from error
        for item in recipients:
            if item.lat is not None:
                item.x, item.y = item.lon, item.lat
        output = self._write_recipients(parameters, context, table.headers, recipients)

        fields = storage.rejected_fields(table.headers)
        sink, rejected = self.parameterAsSink(parameters, "REJECTED", context, fields,
                                              storage.NO_GEOMETRY, storage.WGS84)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "REJECTED"))
        for row in table.rejected:
            sink.addFeature(storage.rejected_feature(row, fields), QgsFeatureSink.Flag.FastInsert)

        for line in pipeline.import_summary_lines(table, recipients):
            feedback.pushInfo(line)
        return {"OUTPUT": output, "REJECTED": rejected, "ROWS_READ": table.rows_read,
                "LOADED": len(recipients), "REJECTED_COUNT": len(table.rejected)}


class SnapToBoundaries(_Base):
    """dtks:snap_to_boundaries — registered village, method and coordinate status."""

    def name(self):
        return "snap_to_boundaries"

    def displayName(self):
        return tr("Snap recipients to village boundaries")

    def shortHelpString(self):
        return tr(
            "Gives each recipient its registered village: by Kemendagri region code when the "
            "code exists in the boundaries (or by BPS code when the boundaries carry KDEBPS), "
            "else by village name within the named district and then the named regency "
            "(fuzzy, ignoring case, spacing, prefixes such as DESA, KEL., DS., roman numerals, "
            "old spellings and abbreviations such as SEI. or TJ.), else by the village "
            "containing its coordinate. skor_lokasi keeps the name score; a name scoring below "
            "MIN_NAME_SCORE gives tidak_cocok with the best three candidates in kandidat_desa. "
            "A village assigned by hand (kode_desa_manual) is kept. The coordinate is compared "
            "with the village (status_koordinat: sesuai, beda_desa with jarak_desa_m in metres, "
            "tertukar, di_luar_wilayah, tanpa_koordinat). Recipients without a coordinate get "
            "a point inside their village, marked lokasi_perkiraan. BOUNDARY_FIELDS names the "
            "fields of a boundary layer with other field names, e.g. "
            "kode=KODE_DESA;nama=NAMA;kecamatan=KEC;kabupaten=KAB.")

    def initAlgorithm(self, config=None):
        self._add_recipient_input()
        self._add_boundaries()
        self._add_min_name_score()
        self._add_recipient_sink()

    def processAlgorithm(self, parameters, context, feedback):
        # Recipients contain no reference cycles, and with a million of them
        # alive every collection would scan them all, so the collector stays
        # paused until they are freed when _snap() returns.
        with gc_paused():
            return self._snap(parameters, context, feedback)

    def _snap(self, parameters, context, feedback):
        from ..gis.snapping import snap_recipients

        # From a GeoPackage to another GeoPackage, the source columns, which
        # snapping never changes, are copied inside SQLite and not read.
        layer = self.parameterAsVectorLayer(parameters, "INPUT", context)
        source = storage.gpkg_table(layer) if layer is not None else None
        destination = _gpkg_destination(parameters.get("OUTPUT"))
        copy = bool(source and destination and not _same_file(source[0], destination))
        row_ids = [] if copy else None
        headers, recipients = self._recipients(parameters, context, with_points=False,
                                               row_ids=row_ids, source_values=not copy)
        villages = self._villages(parameters, context, feedback)
        snap_recipients(recipients, villages, feedback,
                        self.parameterAsDouble(parameters, "MIN_NAME_SCORE", context))
        if feedback.isCanceled():
            return {}
        for line in pipeline.snap_summary_lines(recipients):
            feedback.pushInfo(line)
        copy_from = (source[0], source[1], row_ids) if copy else None
        return {"OUTPUT": self._write_recipients(parameters, context, headers, recipients,
                                                 copy_from=copy_from)}


class FindDuplicates(_Base):
    """dtks:find_duplicates — duplicate groups, their reasons and lines between villages."""

    def name(self):
        return "find_duplicates"

    def displayName(self):
        return tr("Find suspected duplicates")

    def shortHelpString(self):
        from ..core.duplicates import DEFAULT_THRESHOLD, MAX_GROUP_SIZE

        return tr(
            "Groups rows that probably belong to one person. Rules: the same NIK on several "
            "rows, also in other villages and regencies (moved); NIKs one typo apart (one digit "
            "changed or two adjacent digits swapped) with a similar name and the same birth "
            "date; a similar name with the same birth date and sex in the same district, even "
            "with unrelated NIKs; one person in two KK; one KK number in two villages. Names "
            "are compared after titles, abbreviations (M., Moh., Muh. for Muhammad, St. for "
            "Siti), spacing and case are normalised. Twins in one KK, and common names with one "
            "birth date in different districts without other evidence, stay apart.\n\n"
            "Score: each pair of rows with something in common (the NIK or half of it, the KK, "
            "the name or the birth date) gets a score from 0 to 100 from the evidence: name "
            "similarity, NIK distance, birth date, sex, KK and how far apart the villages are. "
            "A score of 50 means even odds.\n\n"
            "Threshold: pairs scoring at least the threshold (default {threshold}) are joined "
            "into groups. Lower it to see weaker pairs, raise it to keep only strong ones. A "
            "group of more than {size} rows, or one whose members are loosely linked, is split "
            "at its weakest link.\n\n"
            "Outputs: the recipient layer with kelompok_duplikat (group id), alasan_duplikat "
            "(reasons) and skor_duplikat (the score of the group's weakest link); the group "
            "table, one row per group with kelompok_duplikat, jumlah_baris (rows), "
            "alasan_duplikat, kode_desa (the members' villages) and skor_duplikat; and "
            "garis_duplikat, a line between the two rows of each linked pair placed in "
            "different villages, with baris_a, baris_b, kode_desa_a, kode_desa_b, the pair's "
            "skor_duplikat and alasan_duplikat. The log lists the groups, rows and groups per "
            "reason.").format(threshold=f"{DEFAULT_THRESHOLD:g}", size=MAX_GROUP_SIZE)

    def initAlgorithm(self, config=None):
        from ..core.duplicates import DEFAULT_THRESHOLD

        self._add_recipient_input()
        self.addParameter(QgsProcessingParameterNumber(
            "THRESHOLD", tr("Score threshold (0-100)"),
            type=QgsProcessingParameterNumber.Type.Double, minValue=0, maxValue=100,
            defaultValue=DEFAULT_THRESHOLD))
        self._add_recipient_sink()
        self.addParameter(QgsProcessingParameterFeatureSink(
            "GROUPS", tr("Duplicate groups"), QgsProcessing.SourceType.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "LINES", tr("Lines between villages (garis_duplikat)"),
            QgsProcessing.SourceType.TypeVectorLine, optional=True, createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber("GROUP_COUNT", tr("Suspected duplicate groups")))
        self.addOutput(QgsProcessingOutputNumber(
            "LINE_COUNT", tr("Lines between villages")))

    def processAlgorithm(self, parameters, context, feedback):
        from ..gis.duplicates_store import read_decisions

        headers, recipients = self._recipients(parameters, context)
        threshold = self.parameterAsDouble(parameters, "THRESHOLD", context)
        # The analyst's decisions live in the GeoPackage the recipient layer comes from.
        layer = self.parameterAsVectorLayer(parameters, "INPUT", context)
        decisions = read_decisions(layer.source().split("|", 1)[0]) if layer else []
        if decisions:
            feedback.pushInfo(tr("{n} decisions on duplicate groups were read from the input "
                                 "GeoPackage.").format(n=len(decisions)))
        found = pipeline.mark_duplicates(recipients, feedback, threshold, decisions)
        if feedback.isCanceled():
            return {}
        output = self._write_recipients(parameters, context, headers, recipients)
        fields = pipeline.group_table_fields()
        sink, groups = self.parameterAsSink(parameters, "GROUPS", context, fields,
                                            storage.NO_GEOMETRY, storage.WGS84)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "GROUPS"))
        rows = pipeline.group_rows(recipients)
        for row in rows:
            feature = QgsFeature(fields)
            feature.setAttributes(list(row))
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        results = {"OUTPUT": output, "GROUPS": groups, "GROUP_COUNT": len(rows)}
        results.update(self._write_lines(parameters, context, recipients, found))
        for line in self._summary_lines(found, threshold, results["LINE_COUNT"]):
            feedback.pushInfo(line)
        return results

    def _write_lines(self, parameters, context, recipients, found) -> dict:
        """Write garis_duplikat when its output is requested; return LINES and LINE_COUNT."""
        from qgis.core import QgsGeometry, QgsPointXY, QgsWkbTypes

        lines = pipeline.duplicate_lines(recipients, found)
        fields = pipeline.duplicate_line_fields()
        sink, destination = self.parameterAsSink(parameters, "LINES", context, fields,
                                                 QgsWkbTypes.Type.LineString, storage.WGS84)
        if sink is None:
            return {"LINE_COUNT": len(lines)}
        for attributes, start, end in lines:
            feature = QgsFeature(fields)
            feature.setAttributes(attributes)
            feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(*start),
                                                            QgsPointXY(*end)]))
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return {"LINES": destination, "LINE_COUNT": len(lines)}

    @staticmethod
    def _summary_lines(found, threshold: float, line_count: int) -> list:
        """Return the log lines: groups, rows, pairs scored, groups per reason and lines."""
        from collections import Counter

        rows = sum(len(group.members) for group in found.groups)
        lines = [
            tr("Suspected duplicate groups: {groups} ({rows} rows) at threshold "
               "{threshold}").format(groups=len(found.groups), rows=rows,
                                      threshold=f"{threshold:g}"),
            tr("Candidate pairs scored: {pairs}").format(pairs=found.candidate_pairs),
        ]
        by_reason = Counter(code for group in found.groups for code in group.reasons)
        for code in records.DUP_REASON_ORDER:
            if by_reason[code]:
                lines.append(tr("Groups with reason {code} ({text}): {groups}").format(
                    code=code, text=records.DUP_REASON_TEXT[code], groups=by_reason[code]))
        lines.append(tr("Lines between villages (garis_duplikat): {lines}").format(
            lines=line_count))
        return lines


class ExportThematicMap(_Base):
    """dtks:export_thematic_map — a choropleth of any region and level, one page or an atlas."""

    PAPERS = (("A4", "lanskap"), ("A4", "potret"), ("A3", "lanskap"), ("A3", "potret"))
    FORMATS = ("pdf", "png", "svg")
    LEVELS = (2, 3, 4)

    def flags(self):
        return super().flags() | NO_THREADING

    def name(self):
        return "export_thematic_map"

    def displayName(self):
        return tr("Export thematic map")

    def shortHelpString(self):
        return tr(
            "Prints a map of a region (province, regency, district or village code) showing an "
            "indicator per region of a lower level: recipients, recipients per programme or "
            "welfare decile, households (distinct KK), suspected duplicates and their share, rows "
            "not placed or in conflict, recipients per km², or recipients per 1,000 "
            "residents from a population table (CSV with kode and penduduk columns). Each "
            "recipient counts once, in its registered village (kode_desa), and each region's "
            "count is the sum of its villages. Classes: equal interval, quantile, natural breaks "
            "(Jenks) or manual upper bounds, on whole numbers for counts. Counts from 1 to the "
            "suppression threshold are printed as '< threshold+1' and hatched. With Atlas, each "
            "region gets its own page. PNG and SVG give one file per page. A summary table is "
            "written beside the map as <name>_tabel.pdf. The map shows aggregate numbers only, "
            "never names or NIK.")

    def initAlgorithm(self, config=None):
        from ..core import indicators
        from ..gis.thematic import COLOR_RAMPS

        self._add_recipient_input()
        self._add_boundaries()
        self.addParameter(QgsProcessingParameterString("REGION", tr("Region code (e.g. 17.04)")))
        self.addParameter(QgsProcessingParameterEnum(
            "LEVEL", tr("Regions to map inside it"),
            [tr("Regencies"), tr("Districts"), tr("Villages")], defaultValue=2))
        self.addParameter(QgsProcessingParameterEnum(
            "INDICATOR", tr("Indicator"), indicators.indicator_keys(), defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            "METHOD", tr("Classification method"),
            [tr("Equal interval"), tr("Quantile"), tr("Natural breaks (Jenks)"), tr("Manual")],
            defaultValue=2))
        self.addParameter(QgsProcessingParameterNumber(
            "CLASSES", tr("Number of classes"), minValue=1, maxValue=9, defaultValue=5))
        self.addParameter(QgsProcessingParameterString(
            "MANUAL_BREAKS", tr("Manual class upper bounds (e.g. 10, 50, 100)"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "THRESHOLD", tr("Hide counts from 1 up to (0: hide none)"), minValue=0,
            defaultValue=indicators.DEFAULT_THRESHOLD))
        self.addParameter(QgsProcessingParameterEnum(
            "RAMP", tr("Colour ramp"), list(COLOR_RAMPS), defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            "PAPER", tr("Paper"), [tr("A4 landscape"), tr("A4 portrait"), tr("A3 landscape"),
                                   tr("A3 portrait")], defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            "LABELS", tr("Labels"), [tr("None"), tr("Value"), tr("Name and value")],
            defaultValue=1))
        from qgis.core import QgsProcessingParameterBoolean
        self.addParameter(QgsProcessingParameterBoolean(
            "ATLAS", tr("Atlas: one page per region"), defaultValue=False))
        self.addParameter(QgsProcessingParameterEnum(
            "FORMAT", tr("Output format"), ["PDF", "PNG", "SVG"], defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            "SUMMARY_TABLE", tr("Write the summary table"), defaultValue=True))
        self.addParameter(QgsProcessingParameterBoolean(
            "INDIVIDUAL", tr("Show each recipient as a point (individual-level map, "
                             "confidential)"), defaultValue=False))
        self.addParameter(QgsProcessingParameterFile(
            "POPULATION", tr("Population table (CSV with kode and penduduk columns)"),
            fileFilter="CSV (*.csv)", optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            "MAP_PDF", tr("Map file"), fileFilter="PDF (*.pdf);;PNG (*.png);;SVG (*.svg)"))
        self.addOutput(QgsProcessingOutputNumber("PAGES", tr("Pages")))

    def processAlgorithm(self, parameters, context, feedback):
        from ..core import indicators
        from ..core.column_mapping import detect_mapping
        from ..gis import atlas
        from ..gis.thematic import COLOR_RAMPS

        headers, recipients = self._recipients(parameters, context)
        original = [name[:-5] if name.endswith("_asli") else name for name in headers]
        output = self.parameterAsFileOutput(parameters, "MAP_PDF", context)
        paper, orientation = self.PAPERS[self.parameterAsEnum(parameters, "PAPER", context)]
        keys = indicators.indicator_keys()
        indicator_key = keys[self.parameterAsEnum(parameters, "INDICATOR", context)]
        method = (indicators.METHOD_EQUAL, indicators.METHOD_QUANTILE, indicators.METHOD_JENKS,
                  indicators.METHOD_MANUAL)[self.parameterAsEnum(parameters, "METHOD", context)]
        try:
            manual = None
            if method == indicators.METHOD_MANUAL:
                manual = indicators.parse_manual_breaks(
                    self.parameterAsString(parameters, "MANUAL_BREAKS", context),
                    indicators.indicator(indicator_key).decimals)
            population = None
            population_path = self.parameterAsFile(parameters, "POPULATION", context)
            if population_path:
                population = read_population_csv(population_path)
            villages = self._villages(parameters, context, feedback)
            region = pipeline.check_region(self.parameterAsString(parameters, "REGION", context),
                                           villages)
            request = atlas.MapRequest(
                region=region, level=self.LEVELS[self.parameterAsEnum(parameters, "LEVEL", context)],
                indicator=indicator_key, method=method,
                classes=self.parameterAsInt(parameters, "CLASSES", context),
                manual_breaks=manual,
                threshold=self.parameterAsInt(parameters, "THRESHOLD", context),
                ramp=COLOR_RAMPS[self.parameterAsEnum(parameters, "RAMP", context)],
                paper=paper, orientation=orientation,
                labels=atlas.LABEL_MODES[self.parameterAsEnum(parameters, "LABELS", context)],
                atlas=self.parameterAsBool(parameters, "ATLAS", context),
                output_format=self.FORMATS[self.parameterAsEnum(parameters, "FORMAT", context)],
                summary_table=self.parameterAsBool(parameters, "SUMMARY_TABLE", context),
                population=population)
            if self.parameterAsBool(parameters, "INDIVIDUAL", context):
                request.individual_layer = self.parameterAsVectorLayer(parameters, "INPUT",
                                                                       context)
                feedback.pushWarning(atlas.confidential_notice())
            data = atlas.prepare_map_data(recipients, detect_mapping(original), villages, request,
                                          feedback)
            if data is None or feedback.isCanceled():
                return {}
            result = atlas.export_thematic_map(data, output, feedback)
        except (*USER_ERRORS, RuntimeError, ValueError, atlas.MapError) as error:
            raise QgsProcessingException(str(error)) from error
        if data.off_map:
            feedback.pushInfo(tr("{n} rows without a village code are not on the map.").format(
                n=data.off_map))
        if result["suppressed"]:
            feedback.pushInfo(tr("{n} regions with small counts are hatched.").format(
                n=result["suppressed"]))
        return {"MAP_PDF": output, "PAGES": result["pages"]}


def read_population_csv(path: str) -> dict:
    """Read {region code: population} from a CSV with a code column and a population column.

    The code column is named kode (or kode_wilayah, kode_desa); the population
    column penduduk (or jumlah_penduduk, populasi). Raises ValueError naming
    the columns when they are missing.
    """
    import csv

    from ..core import indicators

    with open(path, encoding="utf-8-sig", newline="") as handle:
        sample = handle.read(4096)
        handle.seek(0)
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|") if sample else csv.excel
        reader = csv.DictReader(handle, dialect=dialect)
        names = {name.strip().lower(): name for name in reader.fieldnames or []}
        code = next((names[name] for name in ("kode", "kode_wilayah", "kode_desa", "kdepum")
                     if name in names), None)
        value = next((names[name] for name in ("penduduk", "jumlah_penduduk", "populasi",
                                               "population") if name in names), None)
        if code is None or value is None:
            raise ValueError(tr(
                "The population table {path} needs a code column (kode) and a population column "
                "(penduduk).").format(path=os.path.basename(path)))
        return indicators.read_population((row[code], row[value]) for row in reader)


class RunPipeline(_Base):
    """dtks:run_pipeline — the four steps in a row into one GeoPackage and a PDF."""

    def flags(self):
        return super().flags() | NO_THREADING

    def name(self):
        return "run_pipeline"

    def displayName(self):
        return tr("Run the whole DTKS job")

    def shortHelpString(self):
        return tr(
            "Imports a DTKS table, snaps recipients to the village boundaries, finds suspected "
            "duplicates and prints the map of a region. Results go into one GeoPackage: "
            "penerima (recipients), ditolak (rejected rows), kelompok_duplikat (duplicate "
            "groups) and jumlah_per_desa (recipients per village of the region). BOUNDARIES "
            "may be a layer or a file; in a file with several levels the village level is "
            "picked from its codes.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            "INPUT", tr("DTKS table (CSV/XLSX)"), fileFilter=TABLE_EXTENSIONS))
        self.addParameter(QgsProcessingParameterString(
            "SHEET", tr("Sheet (empty: the first that looks like a table)"), optional=True))
        self._add_boundaries()
        self.addParameter(QgsProcessingParameterString(
            "REGION", tr("Region code to map (e.g. 17.04)"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", tr("Result GeoPackage"), fileFilter="GeoPackage (*.gpkg)"))
        self.addParameter(QgsProcessingParameterFileDestination(
            "MAP_PDF", tr("Map (PDF)"), fileFilter="PDF (*.pdf)", optional=True,
            createByDefault=False))
        self._add_import_options()
        self._add_min_name_score(advanced=True)
        for name, label in (("ROWS_READ", tr("Rows read")), ("LOADED", tr("Rows loaded")),
                            ("REJECTED_COUNT", tr("Rows rejected")),
                            ("GROUP_COUNT", tr("Suspected duplicate groups"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def processAlgorithm(self, parameters, context, feedback):
        gpkg = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        pdf = self.parameterAsFileOutput(parameters, "MAP_PDF", context)
        region = self.parameterAsString(parameters, "REGION", context)
        if pdf and not region:
            raise QgsProcessingException(tr("A map needs a region code (REGION)."))
        try:
            result = pipeline.run_pipeline(
                self.parameterAsFile(parameters, "INPUT", context),
                self._boundaries(parameters, context), region, gpkg, pdf,
                feedback=feedback, options=self._import_options(parameters, context))
        except (*USER_ERRORS, RuntimeError, ValueError, MapError) as error:
            raise QgsProcessingException(str(error)) from error
        if feedback.isCanceled():
            return {}
        for line in pipeline.summary_lines(result.summary):
            feedback.pushInfo(line)
        summary = result.summary
        return {"OUTPUT": gpkg, "MAP_PDF": pdf or None, "ROWS_READ": summary["rows_read"],
                "LOADED": summary["loaded"], "REJECTED_COUNT": summary["rejected"],
                "GROUP_COUNT": summary["duplicate_groups"], "SUMMARY": summary}
