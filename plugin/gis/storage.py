"""Writing recipients, rejected rows and summaries as QGIS layers and GeoPackages."""

import struct

from qgis.core import (
    Qgis, QgsCoordinateTransformContext, QgsFeature, QgsField, QgsFields, QgsGeometry, QgsPointXY,
    QgsVectorFileWriter, QgsVectorLayer, QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QMetaType, QVariant

from ..core import records
from ..core.bulk import gc_paused
from .boundaries import WGS84

# QgsField takes QMetaType.Type from QGIS 3.38 on (and only that under Qt6),
# QVariant.Type before.
if Qgis.QGIS_VERSION_INT >= 33800:
    _TYPES = {
        "int": (QMetaType.Type.Int, "integer"),
        "double": (QMetaType.Type.Double, "double"),
        "date": (QMetaType.Type.QDate, "date"),
        "bool": (QMetaType.Type.Bool, "boolean"),
        "text": (QMetaType.Type.QString, "string"),
    }
else:
    _TYPES = {
        "int": (QVariant.Int, "integer"),
        "double": (QVariant.Double, "double"),
        "date": (QVariant.Date, "date"),
        "bool": (QVariant.Bool, "boolean"),
        "text": (QVariant.String, "string"),
    }
_FIELD_TYPES = {
    records.BARIS: "int", records.TGL_LAHIR: "date", records.SKOR_LOKASI: "double",
    records.JARAK_DESA_M: "double", records.LOKASI_PERKIRAAN: "bool",
    records.SKOR_DUPLIKAT: "double",
    records.LINTANG: "double", records.BUJUR: "double",
}


def make_field(name: str, kind: str = "text") -> QgsField:
    """Return a QgsField of a kind: text, int, double, date or bool."""
    variant, type_name = _TYPES[kind]
    return QgsField(name, variant, type_name)


def source_column_names(headers, reserved) -> list:
    """Return output names for source columns, renamed where they would clash.

    GeoPackage column names ignore case, so a source ``NIK`` next to the
    contract's ``nik`` becomes ``NIK_asli``. GeoPackage reserves ``fid``.
    """
    used_names = {name.lower() for name in reserved} | {"fid"}
    names = []
    for header in headers:
        name = header
        if name.lower() in used_names:
            name = f"{header}_asli"
        suffix = 2
        while name.lower() in used_names:
            name = f"{header}_asli{suffix}"
            suffix += 1
        used_names.add(name.lower())
        names.append(name)
    return names


def recipient_fields(headers) -> QgsFields:
    """Return the recipient layer's fields: the contract's, then the source's."""
    fields = QgsFields()
    for name in records.RECIPIENT_FIELDS:
        fields.append(make_field(name, _FIELD_TYPES.get(name, "text")))
    for name in source_column_names(headers, records.RECIPIENT_FIELDS):
        fields.append(make_field(name))
    return fields


def rejected_fields(headers) -> QgsFields:
    """Return the rejected table's fields: baris, alasan, pesan, then the source's."""
    fields = QgsFields()
    fields.append(make_field(records.BARIS, "int"))
    fields.append(make_field(records.ALASAN))
    fields.append(make_field(records.PESAN))
    for name in source_column_names(headers, (records.BARIS, records.ALASAN, records.PESAN)):
        fields.append(make_field(name))
    return fields


def _qdate(value):
    return QDate(value.year, value.month, value.day) if value is not None else None


def recipient_values(item, width: int) -> list:
    """Return a recipient's attribute values (Python types) in field order.

    ``width`` is the number of source columns that follow the contract's fields.
    """
    values = [
        item.baris, item.nik, item.no_kk, item.nama, item.tgl_lahir,
        item.jenis_kelamin or None, item.kode_desa, item.nama_desa, item.metode_lokasi,
        item.skor_lokasi, item.status_koordinat, item.jarak_desa_m, item.lokasi_perkiraan,
        item.kode_desa_koordinat, item.kandidat_desa, item.kode_desa_manual,
        item.kelompok_duplikat, item.alasan_duplikat, item.skor_duplikat,
        ",".join(item.problems) if item.problems else None, item.lat, item.lon,
    ]
    values += item.values[:width]
    if len(item.values) < width:
        values += [""] * (width - len(item.values))
    return values


def recipient_feature(item, fields: QgsFields) -> QgsFeature:
    """Return the feature of one recipient (no geometry when it has no point)."""
    feature = QgsFeature(fields)
    attributes = recipient_values(item, fields.count() - len(records.RECIPIENT_FIELDS))
    attributes[4] = _qdate(attributes[4])
    feature.setAttributes(attributes)
    if item.x is not None:
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(item.x, item.y)))
    return feature


def rejected_feature(row, fields: QgsFields) -> QgsFeature:
    """Return the feature of one rejected row (baris, alasan, values)."""
    baris, reason, values = row
    feature = QgsFeature(fields)
    width = fields.count() - 3
    feature.setAttributes([baris, reason, records.REJECT_MESSAGES[reason]]
                          + list(values[:width]) + [""] * (width - len(values)))
    return feature


def write_layer(path: str, layer_name: str, fields: QgsFields, geometry_type, features,
                first: bool, layer_options=None) -> None:
    """Write features as one layer of a GeoPackage, creating the file when ``first``."""
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = layer_name
    if layer_options:
        options.layerOptions = list(layer_options)
    options.fileEncoding = "UTF-8"
    options.actionOnExistingFile = (
        QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile if first
        else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer)
    writer = QgsVectorFileWriter.create(path, fields, geometry_type, WGS84,
                                        QgsCoordinateTransformContext(), options)
    if writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
        message = writer.errorMessage()
        del writer
        raise OSError(message)
    for feature in features:
        writer.addFeature(feature)
    del writer


def _point_blob(x: float, y: float) -> bytes:
    """Return a GeoPackage geometry blob of a point in EPSG:4326, without envelope."""
    return _GPKG_HEADER + struct.pack("<BIdd", 1, 1, x, y)


# Magic "GP", version 0, flags 0x01 (little-endian, no envelope), srs_id 4326.
_GPKG_HEADER = struct.pack("<2sBBi", b"GP", 0, 1, 4326)


def write_rows_fast(path: str, layer_name: str, fields: QgsFields, geometry_type, rows,
                    first: bool, date_columns=()) -> int:
    """Write many rows into a new GeoPackage layer through SQLite; return the count.

    ``rows`` yields (x, y, values) with x and y None for no geometry, and
    values in field order as Python types (bool, str, numbers, and
    datetime.date at the positions listed in ``date_columns``).
    The layer is created empty by GDAL (so its schema and metadata are
    GDAL's own) without a spatial index, filled with one SQLite transaction,
    and then indexed by GDAL. This is several times faster than adding
    QgsFeatures one by one.
    """
    import sqlite3

    write_layer(path, layer_name, fields, geometry_type, (), first,
                layer_options=["SPATIAL_INDEX=NO"])
    connection = sqlite3.connect(path)
    count = 0
    try:
        columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{layer_name}")')]
        geometry_column = connection.execute(
            "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?",
            (layer_name,)).fetchone()
        names = [geometry_column[0]] if geometry_column else []
        names += [field.name() for field in fields]
        missing = [name for name in names if name not in columns]
        if missing:
            raise OSError(", ".join(missing))
        placeholders = ", ".join("?" * len(names))
        quoted = ", ".join(f'"{name}"' for name in names)
        statement = f'INSERT INTO "{layer_name}" ({quoted}) VALUES ({placeholders})'
        extent = [None, None, None, None]

        def records_out():
            nonlocal count
            for x, y, values in rows:
                count += 1
                for position in date_columns:
                    if values[position] is not None:
                        values[position] = values[position].isoformat()
                if not geometry_column:
                    yield values
                    continue
                if x is None:
                    yield [None] + values
                    continue
                if extent[0] is None:
                    extent[:] = [x, y, x, y]
                else:
                    extent[0], extent[1] = min(extent[0], x), min(extent[1], y)
                    extent[2], extent[3] = max(extent[2], x), max(extent[3], y)
                yield [_point_blob(x, y)] + values

        # GDAL's trigger adds 1 to the feature count after every insert; it is
        # set aside during the load and the count is set once afterwards.
        count_trigger = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
            (f"trigger_insert_feature_count_{layer_name}",)).fetchone()
        connection.execute("PRAGMA synchronous = OFF")
        with connection, gc_paused():
            if count_trigger:
                connection.execute(f'DROP TRIGGER "{count_trigger[0]}"')
            connection.executemany(statement, records_out())
            if count_trigger:
                connection.execute(count_trigger[1])
                connection.execute(
                    "UPDATE gpkg_ogr_contents SET feature_count = ? "
                    "WHERE lower(table_name) = lower(?)", (count, layer_name))
            if geometry_column and extent[0] is not None:
                connection.execute(
                    "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? "
                    "WHERE table_name = ?", (*extent, layer_name))
    finally:
        connection.close()
    if geometry_column:
        layer = QgsVectorLayer(f"{path}|layername={layer_name}", layer_name, "ogr")
        layer.dataProvider().createSpatialIndex()
    return count


def memory_layer(name: str, geometry: str, fields: QgsFields, features) -> QgsVectorLayer:
    """Return a memory layer in EPSG:4326 holding the features."""
    layer = QgsVectorLayer(f"{geometry}?crs=EPSG:4326", name, "memory")
    provider = layer.dataProvider()
    provider.addAttributes(fields.toList())
    layer.updateFields()
    provider.addFeatures(list(features))
    layer.updateExtents()
    return layer


POINT = QgsWkbTypes.Type.Point
MULTIPOLYGON = QgsWkbTypes.Type.MultiPolygon
NO_GEOMETRY = QgsWkbTypes.Type.NoGeometry


def recipients_from_layer(layer, request=None):
    """Rebuild (headers, recipients) from a recipient layer written by this plugin.

    Source columns are the fields after the contract's fields; the region
    names and codes are found again by their headers. ``request`` (a
    QgsFeatureRequest) limits the features read; by default all are read.
    """
    from ..core.column_mapping import detect_mapping
    from ..core.recipients import parse_row

    names = layer.fields().names()
    missing = [name for name in records.RECIPIENT_FIELDS
               if name not in names and name not in records.OPTIONAL_FIELDS]
    if missing:
        raise ValueError(", ".join(missing))
    headers = [name for name in names if name not in records.RECIPIENT_FIELDS and name != "fid"]
    original = [name[:-5] if name.endswith("_asli") else name for name in headers]
    mapping = detect_mapping(original)
    recipients = []
    features = layer.getFeatures(request) if request is not None else layer.getFeatures()
    for feature in features:
        values = ["" if feature[name] is None or _is_null(feature[name]) else str(feature[name])
                  for name in headers]
        item = parse_row(int(feature[records.BARIS]), values, mapping)
        for name in (records.NIK, records.NO_KK, records.NAMA, records.JENIS_KELAMIN,
                     records.KODE_DESA, records.NAMA_DESA, records.METODE_LOKASI,
                     records.SKOR_LOKASI, records.STATUS_KOORDINAT, records.JARAK_DESA_M,
                     records.KELOMPOK_DUPLIKAT, records.ALASAN_DUPLIKAT, records.SKOR_DUPLIKAT,
                     records.KODE_DESA_KOORDINAT, records.KANDIDAT_DESA,
                     records.KODE_DESA_MANUAL):
            if name not in names:
                continue
            value = feature[name]
            if not _is_null(value):
                setattr(item, name, value)
        birth = feature[records.TGL_LAHIR]
        if not _is_null(birth) and hasattr(birth, "toPyDate"):
            item.tgl_lahir = birth.toPyDate()
        masalah = feature[records.MASALAH]
        item.problems = [code for code in str(masalah).split(",") if code] if not _is_null(masalah) else []
        item.swapped = records.PROBLEM_KOORDINAT_TERTUKAR in item.problems
        lat, lon = feature[records.LINTANG], feature[records.BUJUR]
        item.lat = None if _is_null(lat) else float(lat)
        item.lon = None if _is_null(lon) else float(lon)
        approximate = feature[records.LOKASI_PERKIRAAN]
        item.lokasi_perkiraan = bool(approximate) if not _is_null(approximate) else False
        geometry = feature.geometry()
        if geometry is not None and not geometry.isEmpty():
            point = geometry.asPoint()
            item.x, item.y = point.x(), point.y()
        recipients.append(item)
    return headers, recipients


def _is_null(value) -> bool:
    """Tell whether an attribute is NULL (None, a NULL QVariant or an invalid QDate)."""
    return value is None or (hasattr(value, "isNull") and value.isNull())
