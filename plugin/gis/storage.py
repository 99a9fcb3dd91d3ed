"""Writing recipients, rejected rows and summaries as QGIS layers and GeoPackages."""

import contextlib
import struct
from pathlib import Path

from qgis.core import (
    Qgis, QgsCoordinateTransformContext, QgsFeature, QgsFeatureRequest, QgsField, QgsFields,
    QgsGeometry, QgsPointXY,
    QgsProviderRegistry, QgsVectorFileWriter, QgsVectorLayer, QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QMetaType, QVariant

from ..compat import NO_GEOMETRY_FLAG
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
        item.kelompok_duplikat, item.alasan_duplikat, item.skor_duplikat, item.keputusan_duplikat,
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
                    first: bool, date_columns=(), copy_from=None) -> int:
    """Write many rows into a new GeoPackage layer through SQLite; return the count.

    ``rows`` yields (x, y, values) with x and y None for no geometry, and
    values in field order as Python types (bool, str, numbers, and
    datetime.date at the positions listed in ``date_columns``).
    The layer is created empty by GDAL (so its schema, metadata and R-tree
    spatial index are GDAL's own) and filled with one SQLite transaction,
    which also fills the R-tree with the points' boxes. This is several
    times faster than adding QgsFeatures one by one. Where Python's SQLite
    lacks the R-tree module, the layer is created without an index and GDAL
    indexes it after the load.

    ``copy_from`` is (GeoPackage path, table, {field name: source column}).
    Those fields are then copied inside SQLite from the source table's row
    whose rowid is the fourth item of each row, (x, y, values, rowid), and
    their places in ``values`` are ignored.
    """
    import sqlite3

    fill_rtree = geometry_type != NO_GEOMETRY and _sqlite_has_rtree()
    write_layer(path, layer_name, fields, geometry_type, (), first,
                layer_options=None if fill_rtree else ["SPATIAL_INDEX=NO"])
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
        copied = dict(copy_from[2]) if copy_from else {}
        target = f'"{layer_name}"'
        if copied:
            # Rows go to a temporary table first, without the copied fields.
            fid_column = [row[1] for row in connection.execute(
                f'PRAGMA table_info("{layer_name}")') if row[5]][0]
            written = [name for name in names if name not in copied]
            # The temporary rows stay in memory, about 250 bytes each.
            connection.execute("PRAGMA temp_store = MEMORY")
            connection.execute(
                "CREATE TEMP TABLE copy_rows (fid INTEGER PRIMARY KEY, source_fid INTEGER, "
                + ", ".join(f'"{name}"' for name in written) + ")")
            connection.execute("ATTACH DATABASE ? AS copy_source", (copy_from[0],))
            field_positions = [position for position, field in enumerate(fields)
                               if field.name() not in copied]
            target, names = "temp.copy_rows", ["fid", "source_fid"] + written
        rtree_trigger = None
        if fill_rtree and geometry_column:
            rtree_trigger = connection.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                (f"rtree_{layer_name}_{geometry_column[0]}_insert",)).fetchone()
        boxes = [] if rtree_trigger else None
        placeholders = ", ".join("?" * len(names))
        quoted = ", ".join(f'"{name}"' for name in names)
        statement = f'INSERT INTO {target} ({quoted}) VALUES ({placeholders})'
        extent = [None, None, None, None]

        def records_out():
            nonlocal count
            for row in rows:
                x, y, values = row[0], row[1], row[2]
                count += 1
                for position in date_columns:
                    if values[position] is not None:
                        values[position] = values[position].isoformat()
                if copied:
                    values = [count, row[3]] + [values[position] for position in field_positions]
                    if geometry_column:
                        values.insert(2, None)
                    if x is not None and geometry_column:
                        values[2] = _point_blob(x, y)
                        _grow(extent, x, y)
                        if boxes is not None:
                            boxes.append((count, x, x, y, y))
                    yield values
                    continue
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
                if boxes is not None:
                    # The table is new, so the n-th row inserted gets fid n.
                    boxes.append((count, x, x, y, y))
                yield [_point_blob(x, y)] + values

        # GDAL's trigger adds 1 to the feature count after every insert; it is
        # set aside during the load and the count is set once afterwards.
        count_trigger = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
            (f"trigger_insert_feature_count_{layer_name}",)).fetchone()
        connection.execute("PRAGMA synchronous = OFF")
        # A 64 MB page cache: R-tree inserts reach pages all over the index,
        # and with SQLite's default 2 MB cache they took about 40 % longer
        # (1,000,000 points, measured with scripts/bench_snap.py).
        connection.execute("PRAGMA cache_size = -65536")
        with connection, gc_paused():
            if count_trigger:
                connection.execute(f'DROP TRIGGER "{count_trigger[0]}"')
            if rtree_trigger:
                # GDAL's trigger calls SQL functions that only GDAL defines.
                connection.execute(f'DROP TRIGGER "{rtree_trigger[0]}"')
            connection.executemany(statement, records_out())
            if copied:
                connection.execute(
                    f'INSERT INTO "{layer_name}" ("{fid_column}", '
                    + ", ".join(f'"{name}"' for name in written + list(copied))
                    + ") SELECT t.fid, "
                    + ", ".join([f't."{name}"' for name in written]
                                + [f's."{column}"' for column in copied.values()])
                    + f' FROM temp.copy_rows AS t LEFT JOIN copy_source."{copy_from[1]}" AS s '
                    f'ON s.rowid = t.source_fid ORDER BY t.fid')
                connection.execute("DROP TABLE temp.copy_rows")
            if rtree_trigger:
                rtree = f"rtree_{layer_name}_{geometry_column[0]}"
                if not _pack_rtree(connection, rtree, boxes):
                    connection.executemany(f'INSERT INTO "{rtree}" VALUES (?, ?, ?, ?, ?)', boxes)
                connection.execute(rtree_trigger[1])
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
    if geometry_column and not rtree_trigger:
        layer = QgsVectorLayer(f"{path}|layername={layer_name}", layer_name, "ogr")
        layer.dataProvider().createSpatialIndex()
    return count


def _pack_rtree(connection, rtree: str, boxes) -> bool:
    """Write an empty 2-D SQLite R-tree's shadow tables as a packed tree of the boxes.

    ``boxes`` are (id, min x, max x, min y, max y). Inserting a million
    points one by one took about 9 s (scripts/bench_snap.py). Sort-tile-recursive
    packing instead writes the nodes in the format of SQLite's rtree.c. A
    node has a 2-byte depth (root only) and a 2-byte cell count. Each cell
    has a big-endian 64-bit id and four 32-bit floats, min rounded down and
    max rounded up. Return False, having written nothing, without numpy or
    when the tree is not empty, so the caller inserts the boxes.
    """
    try:
        import numpy as np
    except ImportError:
        return False
    root = connection.execute(
        f'SELECT length(data) FROM "{rtree}_node" WHERE nodeno = 1').fetchone()
    if (not root or connection.execute(f'SELECT count(*) FROM "{rtree}_rowid"').fetchone()[0]
            or connection.execute(f'SELECT count(*) FROM "{rtree}_node"').fetchone()[0] != 1):
        return False
    node_size = root[0]
    cell_dtype = np.dtype([("id", ">i8"), ("min_x", ">f4"), ("max_x", ">f4"),
                           ("min_y", ">f4"), ("max_y", ">f4")])
    capacity = (node_size - 4) // cell_dtype.itemsize
    if not boxes or capacity < 4:
        return bool(not boxes)
    data = np.array(boxes, dtype=np.float64)
    cells = np.empty(len(data), dtype=cell_dtype)
    cells["id"] = np.array([box[0] for box in boxes], dtype=np.int64)
    for name, column, toward in (("min_x", 1, -np.inf), ("max_x", 2, np.inf),
                                 ("min_y", 3, -np.inf), ("max_y", 4, np.inf)):
        rounded = data[:, column].astype(np.float32)
        wrong = rounded > data[:, column] if toward < 0 else rounded < data[:, column]
        rounded[wrong] = np.nextafter(rounded[wrong], np.float32(toward))
        cells[name] = rounded

    # Levels from the leaves up: each node's cells and the node numbers of
    # the level above are assigned once the number of nodes is known.
    levels = []
    while True:
        cells = _str_order(np, cells, capacity)
        node_count = -(-len(cells) // capacity)
        levels.append((cells, node_count))
        if node_count == 1:
            break
        starts = np.arange(0, len(cells), capacity)
        parents = np.empty(node_count, dtype=cell_dtype)
        parents["min_x"] = np.minimum.reduceat(cells["min_x"], starts)
        parents["max_x"] = np.maximum.reduceat(cells["max_x"], starts)
        parents["min_y"] = np.minimum.reduceat(cells["min_y"], starts)
        parents["max_y"] = np.maximum.reduceat(cells["max_y"], starts)
        # Position of the child node in its level; made a node number below.
        parents["id"] = np.arange(node_count)
        cells = parents

    # Node numbers: the root is 1, then each level from the top down.
    first_number = {}
    number = 1
    for depth in range(len(levels) - 1, -1, -1):
        first_number[depth] = number
        number += levels[depth][1]
    depth_of_root = len(levels) - 1
    nodes, parent_rows, leaf_ids, leaf_nodes = [], [], [], []
    for depth, (level_cells, node_count) in enumerate(levels):
        if depth > 0:
            # The ids of an inner level are positions in the level below.
            level_cells = level_cells.copy()
            level_cells["id"] = level_cells["id"] + first_number[depth - 1]
        for position in range(node_count):
            chunk = level_cells[position * capacity:(position + 1) * capacity]
            node_number = first_number[depth] + position
            header = np.array([depth_of_root if node_number == 1 else 0, len(chunk)],
                              dtype=">u2").tobytes()
            blob = header + chunk.tobytes()
            nodes.append((node_number, blob + bytes(node_size - len(blob))))
            if depth > 0:
                parent_rows.extend((int(child), node_number) for child in chunk["id"])
        if depth == 0:
            leaf_ids = level_cells["id"].astype(np.int64)
            leaf_nodes = first_number[0] + np.arange(len(level_cells)) // capacity
    connection.execute(f'DELETE FROM "{rtree}_node"')
    connection.executemany(f'INSERT INTO "{rtree}_node" (nodeno, data) VALUES (?, ?)', nodes)
    connection.executemany(f'INSERT INTO "{rtree}_parent" (nodeno, parentnode) VALUES (?, ?)',
                           parent_rows)
    order = np.argsort(leaf_ids, kind="stable")
    connection.executemany(f'INSERT INTO "{rtree}_rowid" (rowid, nodeno) VALUES (?, ?)',
                           zip(leaf_ids[order].tolist(), leaf_nodes[order].tolist()))
    return True


def _str_order(np, cells, capacity: int):
    """Return cells in sort-tile-recursive order: vertical slices by x, each sorted by y."""
    count = len(cells)
    node_count = -(-count // capacity)
    slices = int(np.ceil(np.sqrt(node_count)))
    centre_x = (cells["min_x"].astype(np.float64) + cells["max_x"]) / 2
    centre_y = (cells["min_y"].astype(np.float64) + cells["max_y"]) / 2
    by_x = np.argsort(centre_x, kind="stable")
    slice_of = np.empty(count, dtype=np.int64)
    slice_of[by_x] = np.arange(count) // (slices * capacity)
    return cells[np.lexsort((centre_y, slice_of))]


def _grow(extent: list, x: float, y: float) -> None:
    """Grow an extent [min x, min y, max x, max y], all None when empty, to hold a point."""
    if extent[0] is None:
        extent[:] = [x, y, x, y]
    else:
        extent[0], extent[1] = min(extent[0], x), min(extent[1], y)
        extent[2], extent[3] = max(extent[2], x), max(extent[3], y)


def _sqlite_has_rtree() -> bool:
    """Tell whether Python's SQLite library has the R-tree module."""
    import sqlite3

    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE VIRTUAL TABLE probe USING rtree(id, min_x, max_x)")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        connection.close()


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


def recipients_from_layer(layer, request=None, with_points=True, row_ids=None,
                          source_values=True):
    """Rebuild (headers, recipients) from a recipient layer written by this plugin.

    Source columns are the fields after the contract's fields; the region
    names and codes are found again by their headers. ``request`` (a
    QgsFeatureRequest) limits the features read; by default all are read.
    With ``with_points`` false, geometries are not read and x and y stay None.
    A ``row_ids`` list gets the feature id of each recipient. With
    ``source_values`` false, a layer that gpkg_table() accepts is read
    without the source columns that the recipient fields do not need, and
    those stay "" in ``values``: for callers that copy them with
    write_rows_fast(copy_from=...).
    """
    from ..core.column_mapping import detect_mapping
    from ..core.recipients import Recipient, parse_row
    from ..core.regions import normalize_code

    fields = layer.fields()
    names = fields.names()
    missing = [name for name in records.RECIPIENT_FIELDS
               if name not in names and name not in records.OPTIONAL_FIELDS]
    if missing:
        raise ValueError(", ".join(missing))
    headers = [name for name in names if name not in records.RECIPIENT_FIELDS and name != "fid"]
    original = [name[:-5] if name.endswith("_asli") else name for name in headers]
    mapping = detect_mapping(original)
    header_positions = [names.index(name) for name in headers]
    copied = [(name, names.index(name)) for name in _COPIED_FIELDS if name in names]
    # Only parse_row reads these from the source columns. It runs on a row
    # only when one of them is NULL, so both paths give the same recipient.
    parsed_positions = [names.index(name) for name in _PARSED_FIELDS]
    # Positions in the source values, as parse_row reads them.
    code_position = mapping.get("kode_wilayah")
    region_positions = [(name, mapping[name]) for name in _REGION_COLUMNS[1:] if name in mapping]
    (baris_position, birth_position, masalah_position, lat_position, lon_position,
     approximate_position) = (names.index(name) for name in (
         records.BARIS, records.TGL_LAHIR, records.MASALAH, records.LINTANG, records.BUJUR,
         records.LOKASI_PERKIRAAN))

    rows = None
    full_row = None
    if request is None:
        skipped = ()
        if not source_values:
            needed = {mapping[name] for name in _REGION_COLUMNS if name in mapping}
            skipped = {name for column, name in enumerate(headers) if column not in needed}
            full_row = _row_reader(layer, header_positions, names)
        rows = _gpkg_rows(layer, names, with_points, skipped)
    if rows is None:
        rows = _feature_rows(layer, request, with_points, birth_position)
    # Repeated texts (region names, codes, RT/RW, flags) are kept once per
    # distinct value, which saves hundreds of MB on a million rows. Columns
    # found mostly unique in the first rows are not looked up after them.
    shared = [{} for _ in headers]
    shared_columns = list(range(len(headers)))
    source_of = {records.NIK: mapping.get("nik"), records.NO_KK: mapping.get("no_kk"),
                 records.NAMA: mapping.get("nama")}
    copied = [(name, position, source_of.get(name)) for name, position in copied]
    blank_values = [""] * len(headers)
    region_columns = [mapping[name] for name in _REGION_COLUMNS if name in mapping]
    region_values = [""] * len(headers)
    codes = {}
    recipients = []
    with gc_paused():
        for number, (attributes, point, row_id) in enumerate(rows):
            if row_ids is not None:
                row_ids.append(row_id)
            if full_row is not None:
                # Only the region columns were read. Every recipient shares one
                # blank row until parse_row needs the real values below.
                values = blank_values
                for column in region_columns:
                    value = attributes[header_positions[column]]
                    value = "" if value is None else str(value)
                    region_values[column] = shared[column].setdefault(value, value)
            else:
                values = ["" if attributes[position] is None else str(attributes[position])
                          for position in header_positions]
                for column in shared_columns:
                    value = values[column]
                    values[column] = shared[column].setdefault(value, value)
                if number == _SHARING_SAMPLE:
                    shared_columns = [column for column in shared_columns
                                      if len(shared[column]) <= _SHARING_SAMPLE // 4]
                region_values = values
            baris = int(attributes[baris_position])
            birth = attributes[birth_position]
            if birth is not None and None not in [attributes[position]
                                                  for position in parsed_positions]:
                item = Recipient(baris, values)
                item.tgl_lahir = birth
                if code_position is not None:
                    text = region_values[code_position]
                    code = codes.get(text)
                    if code is None:
                        code = codes[text] = normalize_code(text) or ""
                    item.kode_wilayah = code
                for name, position in region_positions:
                    setattr(item, name, region_values[position].strip())
            else:
                if full_row is not None:
                    values = full_row(row_id)
                item = parse_row(baris, values, mapping)
            for name, position, source in copied:
                value = attributes[position]
                if value is None:
                    continue
                if source is not None and source < len(values) and value == values[source]:
                    # The same text as the source cell: keep one copy.
                    value = values[source]
                setattr(item, name, value)
            masalah = attributes[masalah_position]
            item.problems = [code for code in str(masalah).split(",") if code] if masalah else []
            item.swapped = records.PROBLEM_KOORDINAT_TERTUKAR in item.problems
            lat, lon = attributes[lat_position], attributes[lon_position]
            item.lat = None if lat is None else float(lat)
            item.lon = None if lon is None else float(lon)
            approximate = attributes[approximate_position]
            item.lokasi_perkiraan = bool(approximate) if approximate is not None else False
            if point is not None:
                item.x, item.y = point
            recipients.append(item)
    return headers, recipients


# Source columns that the recipient fields read besides the contract's.
_REGION_COLUMNS = ("kode_wilayah", "provinsi", "kabupaten", "kecamatan", "desa")
# Rows read before recipients_from_layer() stops sharing the texts of
# columns with more than a quarter distinct values.
_SHARING_SAMPLE = 1000
# Contract fields copied onto each rebuilt recipient when they are not NULL.
_COPIED_FIELDS = (
    records.NIK, records.NO_KK, records.NAMA, records.JENIS_KELAMIN, records.KODE_DESA,
    records.NAMA_DESA, records.METODE_LOKASI, records.SKOR_LOKASI, records.STATUS_KOORDINAT,
    records.JARAK_DESA_M, records.KELOMPOK_DUPLIKAT, records.ALASAN_DUPLIKAT,
    records.SKOR_DUPLIKAT, records.KODE_DESA_KOORDINAT, records.KANDIDAT_DESA,
    records.KODE_DESA_MANUAL, records.KEPUTUSAN_DUPLIKAT,
)
# Contract fields whose NULL leaves parse_row's reading of the source columns in place.
_PARSED_FIELDS = (records.NIK, records.NO_KK, records.NAMA, records.JENIS_KELAMIN)


def _feature_rows(layer, request, with_points, birth_position):
    """Yield (attributes, (x, y) or None, feature id) of each feature read through QGIS.

    Attributes are Python values in field order: None for NULL, and the
    birth date as a datetime.date, or None when it is not a valid QDate.
    """
    request = QgsFeatureRequest(request) if request is not None else QgsFeatureRequest()
    if not with_points:
        request.setFlags(request.flags() | NO_GEOMETRY_FLAG)
    for feature in layer.getFeatures(request):
        attributes = [None if _is_null(value) else value for value in feature.attributes()]
        birth = attributes[birth_position]
        attributes[birth_position] = (birth.toPyDate() if isinstance(birth, QDate)
                                      and birth.isValid() else None)
        point = None
        if with_points:
            geometry = feature.geometry()
            if geometry is not None and not geometry.isEmpty():
                xy = geometry.asPoint()
                point = (xy.x(), xy.y())
        yield attributes, point, feature.id()


def _read_only_uri(path: str) -> str:
    """Return the SQLite URI that opens a file read-only."""
    return Path(path).resolve().as_uri() + "?mode=ro"


def _row_reader(layer, header_positions, names):
    """Return a function that reads the source values of one row by feature id, or None."""
    import sqlite3

    source = gpkg_table(layer)
    if source is None:
        return None
    path, table = source
    quoted = ", ".join(f'"{names[position]}"' for position in header_positions)
    statement = f'SELECT {quoted} FROM "{table}" WHERE rowid = ?'

    def read(row_id):
        with contextlib.closing(sqlite3.connect(_read_only_uri(path), uri=True)) as connection:
            row = connection.execute(statement, (row_id,)).fetchone()
        return ["" if value is None else str(value) for value in row]

    return read


def gpkg_table(layer):
    """Return (path, table) of a whole, unedited point layer of a GeoPackage file, or None.

    Such a layer can be read, and copied from, through SQLite.
    """
    import sqlite3

    if layer.providerType() != "ogr" or layer.subsetString() or layer.isModified():
        return None
    if QgsWkbTypes.flatType(layer.wkbType()) != QgsWkbTypes.Type.Point:
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path, table = parts.get("path") or "", parts.get("layerName") or ""
    if not path.lower().endswith(".gpkg") or parts.get("subset"):
        return None
    try:
        connection = sqlite3.connect(_read_only_uri(path), uri=True)
    except sqlite3.Error:
        return None
    try:
        if not table:
            found = connection.execute("SELECT table_name FROM gpkg_contents "
                                       "WHERE data_type = 'features'").fetchall()
            table = found[0][0] if len(found) == 1 else ""
        geometry = connection.execute(
            "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?",
            (table,)).fetchone()
        columns = {row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')}
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    if not geometry or not set(layer.fields().names()) <= columns:
        return None
    return path, table


def _gpkg_rows(layer, names, with_points, skipped=()):
    """Return an iterator like _feature_rows() that reads a GeoPackage through SQLite.

    Reading the table directly is several times faster than QgsFeature
    attributes. The columns named in ``skipped`` are not read and come back
    as None. Return None when gpkg_table() rejects the layer, so the caller
    reads it through QGIS.
    """
    import datetime
    import sqlite3

    source = gpkg_table(layer)
    if source is None:
        return None
    path, table = source
    connection = sqlite3.connect(_read_only_uri(path), uri=True)
    geometry = connection.execute(
        "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?",
        (table,)).fetchone()
    types = {field.name(): field.type() for field in layer.fields()}
    selected = ["NULL" if name in skipped else f'"{name}"' for name in names]
    selected.append("rowid")
    if with_points:
        selected.append(f'"{geometry[0]}"')
    statement = f'SELECT {", ".join(selected)} FROM "{table}" ORDER BY rowid'
    birth_position = names.index(records.TGL_LAHIR)
    bool_positions = [position for position, name in enumerate(names)
                      if types[name] == _TYPES["bool"][0]]
    from_iso = datetime.date.fromisoformat
    dates = {}

    def rows():
        try:
            for row in connection.execute(statement):
                attributes = list(row[:len(names)])
                birth = attributes[birth_position]
                if birth is not None:
                    date = dates.get(birth, False)
                    if date is False:
                        try:
                            date = from_iso(birth[:10])
                        except (TypeError, ValueError):
                            date = None
                        dates[birth] = date
                    attributes[birth_position] = date
                for position in bool_positions:
                    if attributes[position] is not None:
                        attributes[position] = bool(attributes[position])
                point = _blob_point(row[-1]) if with_points else None
                yield attributes, point, row[len(names)]
        finally:
            connection.close()

    return rows()


def _blob_point(blob):
    """Return (x, y) of a GeoPackage point blob, or None when it is empty or missing."""
    if blob is None or len(blob) < 8:
        return None
    flags = blob[3]
    if flags & 0x10:
        return None
    header = 8 + _ENVELOPE_SIZES.get((flags >> 1) & 0x07, 0)
    order = "<" if blob[header] == 1 else ">"
    x, y = struct.unpack_from(order + "dd", blob, header + 5)
    if x != x or y != y:
        return None
    return x, y


# Envelope bytes in a GeoPackage geometry blob, by the envelope code in its flags.
_ENVELOPE_SIZES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def _is_null(value) -> bool:
    """Tell whether an attribute is NULL (None, a NULL QVariant or an invalid QDate)."""
    return value is None or (hasattr(value, "isNull") and value.isNull())
