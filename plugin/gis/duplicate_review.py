"""Reviewing suspected duplicate groups: list them, compare members, store decisions.

The "Suspected duplicates" tab of the dock calls these functions. They use
no widget, so tests and scripts can call them too. A decision is written
twice: into ``keputusan_duplikat`` of the members on the recipient layer,
which the map and the group list show, and into the GeoPackage table
``keputusan_duplikat`` (see duplicates_store), which the next run reads.
"""

from __future__ import annotations

import datetime
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field

from qgis.core import QgsExpression, QgsFeatureRequest, QgsProviderRegistry, QgsVectorLayer
from qgis.PyQt.QtCore import QDate, QDateTime

from ..compat import NO_GEOMETRY_FLAG
from ..core import records
from ..core.column_mapping import detect_mapping, normalize_header
from ..core.duplicates import (
    KEPUTUSAN_BUKAN_DUPLIKAT, KEPUTUSAN_HAPUS, KEPUTUSAN_SIMPAN, decide_group, member_key,
    merge_decisions,
)
from ..i18n import tr
from . import storage
from .duplicates_store import read_decisions, write_decisions
from .review import (
    _query, add_missing_field, commit_edits, geopackage_table, is_recipient_layer, start_editing,
)

# Fields a recipient layer needs for the duplicate review, besides those of
# the location review; keputusan_duplikat is added when missing.
REQUIRED_FIELDS = (records.KELOMPOK_DUPLIKAT, records.ALASAN_DUPLIKAT)
# Contract fields compared between the members of a group, in display order.
COMPARED_FIELDS = (records.NIK, records.NO_KK, records.NAMA, records.TGL_LAHIR,
                   records.JENIS_KELAMIN, records.KODE_DESA, records.NAMA_DESA)
# Source columns whose cleaned value is already one of COMPARED_FIELDS.
_CLEANED_ROLES = ("nik", "no_kk", "nama", "tgl_lahir", "jenis_kelamin")
# Words of a column header that mark it as an identity number to mask.
_IDENTITY_WORDS = {"NIK", "KK", "NOKK"}

# Decision of a whole group, as the group list shows it.
GROUP_UNDECIDED = ""
GROUP_NOT_DUPLICATES = KEPUTUSAN_BUKAN_DUPLIKAT
GROUP_KEPT = KEPUTUSAN_SIMPAN
# Some members have a decision and others none, e.g. a row that joined a
# confirmed group in a later run.
GROUP_PARTLY = "sebagian"


class DuplicateReviewError(Exception):
    """A review action that cannot be done; the message names the cause for the user."""


@dataclass
class GroupSummary:
    """One row of the group list.

    ``villages`` are "code name" texts of the members' villages, ``fids``
    the members' feature ids in row (baris) order and ``decision`` one of
    the GROUP_* values.
    """

    group_id: str
    size: int
    score: float | None
    reasons: str
    villages: list = field(default_factory=list)
    fids: tuple = ()
    decision: str = GROUP_UNDECIDED


@dataclass
class Member:
    """One row of a group: its feature id, row number, member key and field values."""

    fid: int
    baris: int
    key: str
    values: dict


def is_duplicate_layer(layer) -> bool:
    """Tell whether ``layer`` is a recipient layer with the fields the duplicate review needs."""
    if not is_recipient_layer(layer):
        return False
    names = set(layer.fields().names())
    return all(name in names for name in REQUIRED_FIELDS)


def _quoted(name: str) -> str:
    return QgsExpression.quotedColumnRef(name)


def _plain(value):
    """Return a Python value of an attribute: None for NULL, date for QDate, text as is."""
    if storage._is_null(value):
        return None
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    if isinstance(value, QDateTime):
        return value.toPyDateTime() if value.isValid() else None
    return value


# Columns read for the group list, in this order.
_LIST_FIELDS = (records.KELOMPOK_DUPLIKAT, records.BARIS, records.SKOR_DUPLIKAT,
                records.ALASAN_DUPLIKAT, records.KODE_DESA, records.NAMA_DESA,
                records.KEPUTUSAN_DUPLIKAT)


def list_groups(layer, feedback=None) -> list:
    """Return the GroupSummary of every group of a recipient layer, highest score first.

    Groups of equal score are in group id order. A saved GeoPackage layer
    is read by one SQL query, and any other layer through QGIS with a filter
    on kelompok_duplikat. Fields missing from older layers count as NULL.
    """
    names = layer.fields().names()
    table = geopackage_table(layer)
    if table is not None:
        selected = ", ".join(_quoted(name) if name in names else "NULL"
                             for name in _LIST_FIELDS)
        rows = _query(table, f"SELECT {{key}}, {selected} FROM {{table}} "
                             f"WHERE {_quoted(records.KELOMPOK_DUPLIKAT)} IS NOT NULL "
                             f"AND {_quoted(records.KELOMPOK_DUPLIKAT)} <> ''")
    else:
        present = [name for name in _LIST_FIELDS if name in names]
        request = (QgsFeatureRequest()
                   .setFilterExpression(f"{_quoted(records.KELOMPOK_DUPLIKAT)} IS NOT NULL")
                   .setFlags(NO_GEOMETRY_FLAG).setSubsetOfAttributes(present, layer.fields()))
        rows = []
        for number, feature in enumerate(layer.getFeatures(request)):
            if feedback is not None and number % 10000 == 0 and feedback.isCanceled():
                break
            rows.append([feature.id()] + [_plain(feature[name]) if name in present else None
                                          for name in _LIST_FIELDS])
    return summarize_groups(rows)


def summarize_groups(rows) -> list:
    """Return GroupSummary objects from (fid, *_LIST_FIELDS) rows, highest score first."""
    members = defaultdict(list)
    for row in rows:
        if row[1]:
            members[row[1]].append(row)
    groups = []
    for group_id, items in members.items():
        items.sort(key=lambda row: (row[2] if row[2] is not None else 0, row[0]))
        scores = [row[3] for row in items if row[3] is not None]
        villages = sorted({_village_text(row[5], row[6]) for row in items if row[5] or row[6]})
        groups.append(GroupSummary(
            group_id=group_id, size=len(items),
            score=float(min(scores)) if scores else None,
            reasons=next((row[4] for row in items if row[4]), "") or "",
            villages=villages, fids=tuple(row[0] for row in items),
            decision=group_decision([row[7] for row in items])))
    groups.sort(key=lambda group: (-(group.score if group.score is not None else -1.0),
                                   group.group_id))
    return groups


def _village_text(code, name) -> str:
    return " ".join(part for part in (code or "", name or "") if part)


def group_decision(values) -> str:
    """Return the GROUP_* decision of a group from its members' keputusan_duplikat values."""
    decided = [value for value in values if value]
    if not decided:
        return GROUP_UNDECIDED
    if len(decided) < len(values):
        return GROUP_PARTLY
    if all(value == KEPUTUSAN_BUKAN_DUPLIKAT for value in decided):
        return GROUP_NOT_DUPLICATES
    if decided.count(KEPUTUSAN_SIMPAN) == 1 and all(
            value in (KEPUTUSAN_SIMPAN, KEPUTUSAN_HAPUS) for value in decided):
        return GROUP_KEPT
    return GROUP_PARTLY


def read_group_table(path: str) -> list:
    """Return the groups of the GeoPackage table kelompok_duplikat as GroupSummary objects.

    ``villages`` are the village codes only, ``fids`` stay empty and the
    decision undecided, because the table contains neither. Highest score
    first, like list_groups(). Returns [] when the file has no such table.
    """
    from .pipeline import LAYER_GROUPS

    if not path or not os.path.isfile(path):
        return []
    table = QgsVectorLayer(f"{path}|layername={LAYER_GROUPS}", LAYER_GROUPS, "ogr")
    if not table.isValid() or table.fields().indexOf(records.KELOMPOK_DUPLIKAT) < 0:
        return []
    groups = []
    for feature in table.getFeatures():
        score = _plain(feature["skor_duplikat"]) \
            if table.fields().indexOf("skor_duplikat") >= 0 else None
        codes = _plain(feature["kode_desa"]) or ""
        groups.append(GroupSummary(
            group_id=feature[records.KELOMPOK_DUPLIKAT], size=int(feature["jumlah_baris"]),
            score=None if score is None else float(score),
            reasons=_plain(feature[records.ALASAN_DUPLIKAT]) or "",
            villages=[code for code in codes.split(", ") if code]))
    groups.sort(key=lambda group: (-(group.score if group.score is not None else -1.0),
                                   group.group_id))
    return groups


def comparison_fields(layer) -> list:
    """Return the names of the fields compared between members, in display order.

    These are COMPARED_FIELDS, the source's address column, then the other
    source columns. Source columns that the contract fields already show
    cleaned (NIK, KK, name, birth date, sex) are left out.
    """
    names = layer.fields().names()
    headers = source_headers(layer)
    original = [name[:-5] if name.endswith("_asli") else name for name in headers]
    mapping = detect_mapping(original)
    cleaned = {headers[mapping[role]] for role in _CLEANED_ROLES if role in mapping}
    address = headers[mapping["alamat"]] if "alamat" in mapping else None
    result = [name for name in COMPARED_FIELDS if name in names]
    if address:
        result.append(address)
    result += [name for name in headers if name not in cleaned and name != address]
    return result


def source_headers(layer) -> list:
    """Return the names of the layer's source columns (the fields after the contract's)."""
    return [name for name in layer.fields().names()
            if name not in records.RECIPIENT_FIELDS and name != "fid"]


def is_identity_field(name: str) -> bool:
    """Tell whether a field contains NIK or KK numbers, which are masked on screen.

    These are the contract's nik and no_kk, source columns recognised as
    NIK or KK, and source columns with NIK or KK as a word of the header
    (such as NIK_KRT or NO.KK).
    """
    if name in (records.NIK, records.NO_KK):
        return True
    header = re.sub(r"_asli\d*$", "", name)
    if set(detect_mapping([header])) & {"nik", "no_kk"}:
        return True
    return bool(_IDENTITY_WORDS & set(normalize_header(header).split()))


def read_members(layer, fids, names=None) -> list:
    """Return the Member rows of the features ``fids``, ordered by baris.

    ``names`` are the fields read into Member.values (by default
    comparison_fields() and keputusan_duplikat when the layer has it).
    """
    fields = layer.fields()
    if names is None:
        names = comparison_fields(layer)
        if fields.indexOf(records.KEPUTUSAN_DUPLIKAT) >= 0:
            names.append(records.KEPUTUSAN_DUPLIKAT)
    present = [name for name in names if fields.indexOf(name) >= 0]
    read = list(dict.fromkeys(present + [records.BARIS, records.NIK]))
    request = (QgsFeatureRequest().setFilterFids(list(fids)).setFlags(NO_GEOMETRY_FLAG)
               .setSubsetOfAttributes(read, fields))
    members = []
    for feature in layer.getFeatures(request):
        baris = int(feature[records.BARIS])
        nik = _plain(feature[records.NIK]) or ""
        values = {name: _plain(feature[name]) if name in present else None for name in names}
        members.append(Member(feature.id(), baris, member_key(baris, nik), values))
    members.sort(key=lambda member: (member.baris, member.fid))
    return members


def comparable(value) -> str:
    """Return the text two values are compared by: trimmed, single-spaced, case-folded.

    NULL and empty text compare equal, and a date compares by its ISO form.
    """
    if value is None:
        return ""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split()).casefold()


def differing_fields(members, names) -> list:
    """Return the names (in ``names`` order) whose values are not the same for every member."""
    return [name for name in names
            if len({comparable(member.values.get(name)) for member in members}) > 1]


def layer_geopackage(layer) -> str:
    """Return the path of the GeoPackage file a layer is read from, or "" for other layers."""
    if layer.providerType() != "ogr":
        return ""
    path = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("path") or ""
    if not path.lower().endswith(".gpkg") or not os.path.isfile(path):
        return ""
    return path


@dataclass
class DecisionOutcome:
    """Changes made by applying or undoing a decision.

    ``saved`` is False when the layer was already in edit mode, so the
    values are in its edit buffer. ``stored`` is False when the layer is
    not in a GeoPackage, so no decision table was written. ``values`` maps
    each member's feature id to its new keputusan_duplikat (None when
    undone).
    """

    saved: bool
    stored: bool
    values: dict


def decide(layer, fids, decision: str, keep_fid=None, group_id: str = "",
           timestamp: str = "") -> DecisionOutcome:
    """Store a decision on the group whose members are the features ``fids``.

    ``decision`` is ``bukan_duplikat`` for the whole group, or ``simpan``
    with ``keep_fid`` the member to keep, the others getting ``hapus``.
    The values go into keputusan_duplikat of the features and, for a
    GeoPackage layer, into its decision table, replacing earlier decisions
    of the same members. Raises DuplicateReviewError on an invalid choice
    or a layer that cannot be changed.
    """
    members = read_members(layer, fids, names=[records.KELOMPOK_DUPLIKAT])
    if len(members) < 2:
        raise DuplicateReviewError(tr(
            "A decision needs a group of at least two rows; this group has {n}.").format(
            n=len(members)))
    group_id = group_id or members[0].values.get(records.KELOMPOK_DUPLIKAT) or ""
    keys = [member.key for member in members]
    if len(set(keys)) < len(keys):
        raise DuplicateReviewError(tr(
            "Two rows of group {group} have the same row number and NIK, so a decision "
            "could not tell them apart on the next run.").format(group=group_id))
    keep_key = ""
    if decision == KEPUTUSAN_SIMPAN:
        kept = [member for member in members if member.fid == keep_fid]
        if not kept:
            raise DuplicateReviewError(tr(
                "Choose the row to keep among the rows of group {group}.").format(group=group_id))
        keep_key = kept[0].key
    elif decision != KEPUTUSAN_BUKAN_DUPLIKAT:
        raise ValueError(f"unknown decision: {decision}")
    timestamp = timestamp or datetime.datetime.now().isoformat(timespec="seconds")
    path = layer_geopackage(layer)
    existing = read_decisions(path) if path else []
    decision_id = unique_decision_id(group_id, existing, keys)
    rows = decide_group(decision_id, keys, decision, keep_key, timestamp)
    values = {member.fid: row.keputusan_duplikat for member, row in zip(members, rows)}
    saved = _write_decision_values(layer, values)
    if path:
        _store(path, merge_decisions(existing, rows))
    return DecisionOutcome(saved, bool(path), values)


def undo_decision(layer, fids) -> DecisionOutcome:
    """Remove the decision of the members ``fids`` from the layer and the decision table."""
    members = read_members(layer, fids, names=[])
    values = {member.fid: None for member in members}
    saved = _write_decision_values(layer, values)
    path = layer_geopackage(layer)
    if path:
        keys = {member.key for member in members}
        existing = read_decisions(path)
        remaining = [row for row in existing if row.kunci_anggota not in keys]
        if len(remaining) != len(existing):
            _store(path, remaining)
    return DecisionOutcome(saved, bool(path), values)


def unique_decision_id(group_id: str, existing, keys) -> str:
    """Return the id that ties the new decision rows together in the decision table.

    That is the group id, unless stored rows of other members already use
    it. Group ids are renumbered on every run, so an earlier decision may
    carry the same id, and the engine would read both decisions as one.
    Such a clash gets a suffix: D00003-2, D00003-3 ...
    """
    replaced = set(keys)
    used = {row.kelompok_duplikat for row in existing if row.kunci_anggota not in replaced}
    candidate, suffix = group_id, 2
    while candidate in used:
        candidate = f"{group_id}-{suffix}"
        suffix += 1
    return candidate


def _store(path: str, decisions) -> None:
    try:
        write_decisions(path, decisions)
    except OSError as error:
        raise DuplicateReviewError(tr(
            "The decision table could not be written in {path}: {error}").format(
            path=path, error=error)) from error


def _write_decision_values(layer, values: dict) -> bool:
    """Write keputusan_duplikat of the features, and return False when left in the edit buffer."""
    add_missing_field(layer, records.KEPUTUSAN_DUPLIKAT, DuplicateReviewError)
    was_editing = start_editing(layer, DuplicateReviewError)
    index = layer.fields().indexOf(records.KEPUTUSAN_DUPLIKAT)
    layer.beginEditCommand(tr("Decide on suspected duplicates"))
    for fid, value in values.items():
        layer.changeAttributeValue(fid, index, value)
    layer.endEditCommand()
    return commit_edits(layer, was_editing, DuplicateReviewError)
