"""Reviewing recipient locations: problem filters, villages assigned by hand, carry-over.

The review tab of the dock calls these functions. They use no widget, so
tests and scripts can call them too. A village assigned by hand is stored
in ``kode_desa_manual``. Assigning or clearing it re-snaps the changed
features with the snapping step itself, so the layer shows what a re-run
of the snap would give.
"""

import os
import sqlite3
from array import array
from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    QgsExpression, QgsFeatureRequest, QgsGeometry, QgsPointXY, QgsProviderRegistry,
    QgsVectorLayer, QgsVectorLayerFeatureSource, QgsWkbTypes,
)

from ..compat import NO_GEOMETRY_FLAG
from ..core import records
from ..core.column_mapping import detect_mapping
from ..core.matching import parse_candidates
from ..core.regions import normalize_code
from . import storage

# Problem filters of the review table, by key.
FILTER_CONFLICTS = "semua"
FILTER_TIDAK_COCOK = records.METODE_TIDAK_COCOK
FILTER_BEDA_DESA = records.STATUS_BEDA_DESA
FILTER_DI_LUAR = records.STATUS_DI_LUAR
FILTER_TERTUKAR = records.STATUS_TERTUKAR
FILTER_NAMA_BEDA_KODE = records.PROBLEM_NAMA_DESA_BEDA_KODE
FILTER_LOW_SCORE = "skor_nama_rendah"
FILTER_MANUAL = records.METODE_MANUAL
# The problem filters, which FILTER_CONFLICTS combines; FILTER_MANUAL is not one.
PROBLEM_FILTERS = (FILTER_TIDAK_COCOK, FILTER_BEDA_DESA, FILTER_DI_LUAR, FILTER_TERTUKAR,
                   FILTER_NAMA_BEDA_KODE, FILTER_LOW_SCORE)
FILTER_KEYS = (FILTER_CONFLICTS,) + PROBLEM_FILTERS + (FILTER_MANUAL,)

# Rows found by village name with a score below this are listed by FILTER_LOW_SCORE.
DEFAULT_LOW_SCORE = 90.0

# Fields a layer needs to be reviewed; kode_desa_manual is added when missing.
REQUIRED_FIELDS = (
    records.BARIS, records.NIK, records.KODE_DESA, records.NAMA_DESA, records.METODE_LOKASI,
    records.SKOR_LOKASI, records.STATUS_KOORDINAT, records.JARAK_DESA_M, records.MASALAH,
)
# Fields the snapping step sets, written back after a re-snap.
SNAP_FIELDS = (
    records.KODE_DESA, records.NAMA_DESA, records.METODE_LOKASI, records.SKOR_LOKASI,
    records.STATUS_KOORDINAT, records.JARAK_DESA_M, records.LOKASI_PERKIRAAN,
    records.KODE_DESA_KOORDINAT, records.KANDIDAT_DESA, records.KODE_DESA_MANUAL,
    records.MASALAH,
)
# Region roles of the source columns shown in the review table.
SOURCE_ROLES = ("kode_wilayah", "desa", "kecamatan", "kabupaten")


class ReviewError(Exception):
    """A review action that cannot be done; the message names the cause for the user."""


def is_recipient_layer(layer) -> bool:
    """Tell whether ``layer`` is a point layer with the fields the review needs."""
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
        return False
    if QgsWkbTypes.flatType(layer.wkbType()) not in (QgsWkbTypes.Type.Point,
                                                     QgsWkbTypes.Type.MultiPoint):
        return False
    names = set(layer.fields().names())
    return all(name in names for name in REQUIRED_FIELDS)


def _quoted(name: str) -> str:
    return QgsExpression.quotedColumnRef(name)


def filter_expression(key: str, low_score: float = DEFAULT_LOW_SCORE) -> str:
    """Return the QGIS expression that selects the rows of a filter.

    Problem filters leave out rows whose village was assigned by hand,
    because the analyst has already decided those.
    """
    metode, status = _quoted(records.METODE_LOKASI), _quoted(records.STATUS_KOORDINAT)
    not_manual = f"{metode} <> '{records.METODE_MANUAL}'"
    if key == FILTER_MANUAL:
        return f"{metode} = '{records.METODE_MANUAL}'"
    if key == FILTER_CONFLICTS:
        problems = " OR ".join(f"({_problem_expression(name, low_score)})"
                               for name in PROBLEM_FILTERS)
        return f"({problems}) AND {not_manual}"
    if key in PROBLEM_FILTERS:
        return f"({_problem_expression(key, low_score)}) AND {not_manual}"
    raise ValueError(f"unknown review filter: {key}")


def _problem_expression(key: str, low_score: float) -> str:
    metode, status = _quoted(records.METODE_LOKASI), _quoted(records.STATUS_KOORDINAT)
    if key == FILTER_TIDAK_COCOK:
        return f"{metode} = '{records.METODE_TIDAK_COCOK}'"
    if key in (FILTER_BEDA_DESA, FILTER_DI_LUAR, FILTER_TERTUKAR):
        return f"{status} = '{key}'"
    if key == FILTER_NAMA_BEDA_KODE:
        # No other problem code contains this one, so a substring test is exact.
        return f"{_quoted(records.MASALAH)} LIKE '%{records.PROBLEM_NAMA_DESA_BEDA_KODE}%'"
    if key == FILTER_LOW_SCORE:
        return (f"{metode} = '{records.METODE_NAMA}' AND "
                f"{_quoted(records.SKOR_LOKASI)} < {float(low_score)!r}")
    raise ValueError(f"unknown review filter: {key}")


def filters_of(metode, status, masalah, skor, low_score: float = DEFAULT_LOW_SCORE) -> list:
    """Return the keys of the filters that list a row with these values.

    This is filter_expression() evaluated in Python, for counting every
    filter in one pass over the layer.
    """
    name_differs = bool(masalah) and records.PROBLEM_NAMA_DESA_BEDA_KODE in str(masalah)
    low = skor is not None and float(skor) < low_score
    return _classify(metode, status, name_differs, low)


def _classify(metode, status, name_differs: bool, low: bool) -> list:
    if metode == records.METODE_MANUAL:
        return [FILTER_MANUAL]
    found = []
    if metode == records.METODE_TIDAK_COCOK:
        found.append(FILTER_TIDAK_COCOK)
    if status in (FILTER_BEDA_DESA, FILTER_DI_LUAR, FILTER_TERTUKAR):
        found.append(status)
    if name_differs:
        found.append(FILTER_NAMA_BEDA_KODE)
    if metode == records.METODE_NAMA and low:
        found.append(FILTER_LOW_SCORE)
    if found:
        found.insert(0, FILTER_CONFLICTS)
    return found


def _null_to_none(value):
    return None if storage._is_null(value) else value


@dataclass
class RowSource:
    """The rows the filters read, usable from a worker thread.

    Either a saved GeoPackage table, read by SQL, or a copy of the layer's
    feature source with its fields.
    """

    table: tuple = None
    features: object = None
    fields: object = None


def row_source(layer) -> RowSource:
    """Return the RowSource of a recipient layer. Main thread only."""
    table = geopackage_table(layer)
    if table is not None:
        return RowSource(table=table)
    return RowSource(features=QgsVectorLayerFeatureSource(layer), fields=layer.fields())


def _as_source(layer_or_source) -> RowSource:
    if isinstance(layer_or_source, RowSource):
        return layer_or_source
    return row_source(layer_or_source)


def count_filters(layer, low_score: float = DEFAULT_LOW_SCORE, feedback=None) -> dict:
    """Return {filter key: number of rows} for every filter, in one pass over the layer.

    ``layer`` is a layer or a RowSource (which a worker thread may read). A
    saved GeoPackage layer is counted by one SQL query, which takes about
    1 s for a million listed rows, against about 10 s for reading the
    features through QGIS.
    """
    counts = dict.fromkeys(FILTER_KEYS, 0)
    names = [records.METODE_LOKASI, records.STATUS_KOORDINAT, records.MASALAH,
             records.SKOR_LOKASI]
    expression = f"({filter_expression(FILTER_CONFLICTS, low_score)}) OR " \
                 f"({filter_expression(FILTER_MANUAL)})"
    source = _as_source(layer)
    table = source.table
    if table is not None:
        groups = _query(table, (
            f"SELECT {_quoted(records.METODE_LOKASI)}, {_quoted(records.STATUS_KOORDINAT)}, "
            f"{_quoted(records.MASALAH)} LIKE '%{records.PROBLEM_NAMA_DESA_BEDA_KODE}%', "
            f"{_quoted(records.SKOR_LOKASI)} < {float(low_score)!r}, count(*) "
            f"FROM {{table}} WHERE {expression} GROUP BY 1, 2, 3, 4"))
        for metode, status, name_differs, low, count in groups:
            for key in _classify(metode, status, bool(name_differs), bool(low)):
                counts[key] += count
        return counts
    request = (QgsFeatureRequest().setFilterExpression(expression).setFlags(NO_GEOMETRY_FLAG)
               .setSubsetOfAttributes(names, source.fields))
    for number, feature in enumerate(source.features.getFeatures(request)):
        if feedback is not None and number % 10000 == 0 and feedback.isCanceled():
            break
        values = [_null_to_none(feature[name]) for name in names]
        for key in filters_of(*values, low_score=low_score):
            counts[key] += 1
    return counts


def matching_ids(layer, key: str, low_score: float = DEFAULT_LOW_SCORE, feedback=None) -> array:
    """Return the feature ids of the rows a filter lists, in feature id order.

    ``layer`` is a layer or a RowSource. The ids are kept in a compact
    array (8 bytes each), so a filter that lists a million rows takes 8 MB.
    """
    expression = filter_expression(key, low_score)
    source = _as_source(layer)
    table = source.table
    if table is not None:
        rows = _query(table, f"SELECT {{key}} FROM {{table}} WHERE {expression} ORDER BY 1")
        return array("q", (row[0] for row in rows))
    request = (QgsFeatureRequest().setFilterExpression(expression)
               .setFlags(NO_GEOMETRY_FLAG).setNoAttributes())
    ids = array("q")
    for number, feature in enumerate(source.features.getFeatures(request)):
        if feedback is not None and number % 10000 == 0 and feedback.isCanceled():
            break
        ids.append(feature.id())
    return array("q", sorted(ids))


def geopackage_table(layer):
    """Return (file path, table name) of a GeoPackage layer that SQL may read directly, or None.

    That is an OGR layer of a .gpkg file without a subset filter and
    without unsaved edits, so the file contains exactly the layer's features.
    Its feature ids are the table's primary key.
    """
    if layer.providerType() != "ogr" or layer.subsetString() or layer.isModified():
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path, table = parts.get("path", ""), parts.get("layerName", "")
    if not table or not path.lower().endswith(".gpkg") or not os.path.isfile(path):
        return None
    return path, table


def _query(table, statement: str) -> list:
    """Run a SELECT on a GeoPackage table read-only; ``{table}`` and ``{key}`` are filled in.

    ``{key}`` is the table's primary key column, which OGR uses as feature id.
    """
    path, name = table
    connection = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        key = next((row[1] for row in connection.execute(
            f"PRAGMA table_info({_quoted(name)})") if row[5] == 1), "fid")
        return connection.execute(
            statement.format(table=_quoted(name), key=_quoted(key))).fetchall()
    finally:
        connection.close()


def source_fields(layer) -> dict:
    """Return {role: field name} of the source's region columns (kode_wilayah, desa, ...)."""
    headers = [name for name in layer.fields().names()
               if name not in records.RECIPIENT_FIELDS and name != "fid"]
    original = [name[:-5] if name.endswith("_asli") else name for name in headers]
    mapping = detect_mapping(original)
    return {role: headers[mapping[role]] for role in SOURCE_ROLES if role in mapping}


def read_rows(layer, fids, names) -> dict:
    """Return {feature id: {field name: value or None}} of the given features, without geometry."""
    fields = layer.fields()
    present = [name for name in names if fields.indexOf(name) >= 0]
    request = (QgsFeatureRequest().setFilterFids(list(fids)).setFlags(NO_GEOMETRY_FLAG)
               .setSubsetOfAttributes(present, fields))
    rows = {}
    for feature in layer.getFeatures(request):
        rows[feature.id()] = {name: _null_to_none(feature[name]) if name in present else None
                              for name in names}
    return rows


def candidate_villages(kandidat_desa, kode_desa, kode_desa_koordinat, villages=None) -> list:
    """Return [(code, name, score or None)] of the villages to offer for a row.

    These are the name candidates stored in ``kandidat_desa``, then the
    village containing the row's point when it is not the registered one.
    The name of that village comes from ``villages`` (a VillageLayer) when
    given. Each code appears once.
    """
    result = []
    seen = set()
    for code, name, score in parse_candidates(kandidat_desa or ""):
        if code not in seen:
            seen.add(code)
            result.append((code, name, score))
    if kode_desa_koordinat and kode_desa_koordinat != kode_desa \
            and kode_desa_koordinat not in seen:
        village = villages.villages.get(kode_desa_koordinat) if villages is not None else None
        result.append((kode_desa_koordinat, village.name if village else "", None))
    return result


def village_for_code(villages, text: str):
    """Return the Village of a code typed by the user, or raise ReviewError.

    Codes are accepted with or without dots (17.04.01.2001 or 1704012001).
    """
    from ..i18n import tr

    code = normalize_code(text or "")
    village = villages.villages.get(code) if code else None
    if village is None:
        raise ReviewError(tr(
            "Village code {code} is not in the village boundary layer. Type a village code "
            "such as 17.04.01.2001.").format(code=(text or "").strip()))
    return village


def assign_village(layer, fids, code: str, villages) -> bool:
    """Store ``code`` as the hand-assigned village of the features, then re-snap them.

    Returns True when the change was saved, and False when the layer was
    already in edit mode, where the change stays in its edit buffer for
    the user to save. Raises ReviewError when the code is not a village
    of ``villages`` or the layer cannot be changed.
    """
    from ..i18n import tr

    if code not in villages.villages:
        raise ReviewError(tr(
            "Village code {code} is not in the village boundary layer.").format(code=code))
    return _change_manual(layer, fids, code, villages)


def clear_assignment(layer, fids, villages) -> bool:
    """Remove the hand-assigned village of the features and re-snap them.

    The village found from the table's code, name or point comes back.
    Returns like assign_village().
    """
    return _change_manual(layer, fids, None, villages)


def _change_manual(layer, fids, code, villages) -> bool:
    from ..i18n import tr
    from .snapping import snap_recipients

    fids = list(fids)
    if not fids:
        return True
    add_missing_field(layer, records.KODE_DESA_MANUAL, ReviewError)
    was_editing = start_editing(layer, ReviewError)
    layer.beginEditCommand(tr("Assign villages by hand"))
    try:
        manual_index = layer.fields().indexOf(records.KODE_DESA_MANUAL)
        for fid in fids:
            layer.changeAttributeValue(fid, manual_index, code)
        request = QgsFeatureRequest().setFilterFids(fids)
        # recipients_from_layer() reads the features in the order of this request.
        ordered = [(feature.id(), feature[records.BARIS]) for feature in layer.getFeatures(
            QgsFeatureRequest(request).setFlags(NO_GEOMETRY_FLAG)
            .setSubsetOfAttributes([records.BARIS], layer.fields()))]
        _headers, recipients = storage.recipients_from_layer(layer, request)
        if [baris for _, baris in ordered] != [item.baris for item in recipients]:
            raise RuntimeError("features were read in a different order")
        # The snapping step places a point only for a recipient whose x is
        # None, and keeps a row's own coordinate from its lat and lon.
        for item in recipients:
            item.x = item.y = None
        snap_recipients(recipients, villages)
        _write_snap_fields(layer, [fid for fid, _ in ordered], recipients)
    except Exception:
        layer.destroyEditCommand()
        if not was_editing:
            layer.rollBack()
        raise
    layer.endEditCommand()
    return commit_edits(layer, was_editing, ReviewError)


def add_missing_field(layer, name: str, error_type) -> None:
    """Add the contract field ``name`` to a layer written before the field existed.

    Raises ``error_type`` with a message for the user when the provider rejects it.
    """
    from ..i18n import tr

    if layer.fields().indexOf(name) >= 0:
        return
    if not layer.dataProvider().addAttributes([storage.make_field(name)]):
        raise error_type(tr("The field {field} could not be added to {layer}.").format(
            field=name, layer=layer.name()))
    layer.updateFields()


def start_editing(layer, error_type) -> bool:
    """Put ``layer`` in edit mode; return whether it already was, for commit_edits().

    Raises ``error_type`` with a message for the user when the layer cannot be edited.
    """
    from ..i18n import tr

    was_editing = layer.isEditable()
    if not was_editing and not layer.startEditing():
        raise error_type(tr("The layer {layer} cannot be edited. Check that its file is "
                            "writable.").format(layer=layer.name()))
    return was_editing


def commit_edits(layer, was_editing: bool, error_type) -> bool:
    """Save the edits of ``layer`` unless the user had it in edit mode before.

    Returns True when saved, and False when the edits stay in the edit
    buffer of a layer that ``was_editing``, for the user to save. Raises
    ``error_type`` with the provider's errors when saving fails, after
    rolling the edits back.
    """
    from ..i18n import tr

    if was_editing:
        return False
    if not layer.commitChanges():
        errors = "; ".join(layer.commitErrors())
        layer.rollBack()
        raise error_type(tr("The changes could not be saved in {layer}: {errors}").format(
            layer=layer.name(), errors=errors))
    return True


def _write_snap_fields(layer, fids, recipients) -> None:
    """Write the snapped values of ``recipients`` into the features ``fids``, in the same order."""
    fields = layer.fields()
    indexes = {name: fields.indexOf(name) for name in SNAP_FIELDS if fields.indexOf(name) >= 0}
    for fid, item in zip(fids, recipients):
        values = {
            records.KODE_DESA: item.kode_desa, records.NAMA_DESA: item.nama_desa,
            records.METODE_LOKASI: item.metode_lokasi, records.SKOR_LOKASI: item.skor_lokasi,
            records.STATUS_KOORDINAT: item.status_koordinat,
            records.JARAK_DESA_M: item.jarak_desa_m,
            records.LOKASI_PERKIRAAN: item.lokasi_perkiraan,
            records.KODE_DESA_KOORDINAT: item.kode_desa_koordinat,
            records.KANDIDAT_DESA: item.kandidat_desa,
            records.KODE_DESA_MANUAL: item.kode_desa_manual,
            records.MASALAH: ",".join(item.problems) if item.problems else None,
        }
        layer.changeAttributeValues(fid, {indexes[name]: value for name, value in values.items()
                                          if name in indexes})
        # Rows with their own coordinate keep their point; the others are
        # placed inside their (new) village, or have no point without one.
        if item.lat is None:
            geometry = (QgsGeometry.fromPointXY(QgsPointXY(item.x, item.y))
                        if item.x is not None else QgsGeometry())
            layer.changeGeometry(fid, geometry)


def carry_over_assignments(gpkg_path: str, recipients) -> int:
    """Copy the hand-assigned villages of an earlier result GeoPackage to a new run's recipients.

    Call it before the snapping step, which then keeps them. A recipient
    takes the assignment of the earlier row with the same ``baris`` and
    the same NIK, or with the same name when both NIKs are empty, so an
    edited table does not give an assignment to another person. Returns
    the number of recipients that took one. A missing file, or one
    without a recipient layer or without ``kode_desa_manual``, gives 0.
    """
    from .pipeline import LAYER_RECIPIENTS

    if not gpkg_path or not os.path.isfile(gpkg_path):
        return 0
    layer = QgsVectorLayer(f"{gpkg_path}|layername={LAYER_RECIPIENTS}", LAYER_RECIPIENTS, "ogr")
    names = [records.BARIS, records.NIK, records.NAMA, records.KODE_DESA_MANUAL]
    if not layer.isValid() or any(layer.fields().indexOf(name) < 0 for name in names):
        return 0
    request = (QgsFeatureRequest()
               .setFilterExpression(f"{_quoted(records.KODE_DESA_MANUAL)} IS NOT NULL")
               .setFlags(NO_GEOMETRY_FLAG).setSubsetOfAttributes(names, layer.fields()))
    earlier = {}
    for feature in layer.getFeatures(request):
        baris, nik, nama, code = (_null_to_none(feature[name]) for name in names)
        if baris is not None and code:
            earlier[int(baris)] = (nik or "", nama or "", code)
    del layer

    count = 0
    for item in recipients:
        entry = earlier.get(item.baris)
        if entry is None:
            continue
        nik, nama, code = entry
        if nik != (item.nik or ""):
            continue
        if not nik and nama != (item.nama or ""):
            continue
        item.kode_desa_manual = code
        count += 1
    return count
