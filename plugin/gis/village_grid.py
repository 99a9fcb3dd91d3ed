"""A raster of village numbers for point-in-polygon lookups of many points at once.

The grid covers the villages' bounding box. A cell crossed or touched by no
village border lies wholly inside one village or wholly outside all of
them, so every point in it gets the village of the cell's centre without a
geometry test. Cells that a border crosses or touches, and cells covered
by more than one village, are marked MIXED, and their points are left to an
exact GEOS test. So the results equal GEOS's, borders included.

Needs numpy, which QGIS installs with its Python (Debian's python3-qgis pulls
it in through python3-pyproj; the Windows installers ship it).
"""

import math
import struct

import numpy as np

MIXED = -1
NO_VILLAGE = 0


class _NotPolygonal(Exception):
    """A geometry with other parts than polygons (lines, points, curves)."""


def _polygon_rings(wkb: bytes, offset: int, rings: list) -> int:
    """Append the rings of the (multi)polygon at ``offset`` as n×2 arrays; return the end offset.

    Raise _NotPolygonal for any other geometry type, curves and collections included.
    """
    order = "<" if wkb[offset] == 1 else ">"
    (kind,) = struct.unpack_from(order + "I", wkb, offset + 1)
    offset += 5
    flat, dimension_code = kind % 1000, kind // 1000
    if dimension_code > 3:
        raise _NotPolygonal()
    dimensions = (2, 3, 3, 4)[dimension_code]
    if flat == 6:
        (count,) = struct.unpack_from(order + "I", wkb, offset)
        offset += 4
        for _ in range(count):
            offset = _polygon_rings(wkb, offset, rings)
        return offset
    if flat != 3:
        raise _NotPolygonal()
    (ring_count,) = struct.unpack_from(order + "I", wkb, offset)
    offset += 4
    for _ in range(ring_count):
        (point_count,) = struct.unpack_from(order + "I", wkb, offset)
        offset += 4
        coordinates = np.frombuffer(wkb, dtype=order + "f8", count=point_count * dimensions,
                                    offset=offset).reshape(point_count, dimensions)
        rings.append(coordinates[:, :2].astype(np.float64))
        offset += point_count * dimensions * 8
    return offset


class VillageGrid:
    """Village numbers (1-based, in the order given), NO_VILLAGE or MIXED per grid cell."""

    # Upper bound on the cells of the grid: 4 million int32 cells take 16 MB,
    # and the build needs a few temporary arrays of that size.
    MAX_CELLS = 4_000_000
    # Work is split into groups of about this many border segments and of grid rows.
    EDGES_PER_GROUP = 100_000
    ROWS_PER_BAND = 256

    def __init__(self, geometries, max_cells: int = MAX_CELLS):
        starts, ends, numbers, irregular, boxes = self._edges(geometries)
        if not boxes:
            self.cells = np.zeros((1, 1), dtype=np.int32)
            self.origin_x = self.origin_y = 0.0
            self.cell_size = 1.0
            return
        boxes = np.array(boxes)
        x_min, y_min = boxes[:, 0].min(), boxes[:, 1].min()
        x_max, y_max = boxes[:, 2].max(), boxes[:, 3].max()
        width, height = max(x_max - x_min, 1e-9), max(y_max - y_min, 1e-9)
        cell = math.sqrt(width * height / max_cells)
        cell = max(cell, width / (max_cells // 2), height / (max_cells // 2))
        # One empty cell of margin on every side.
        self.origin_x, self.origin_y = x_min - cell, y_min - cell
        self.cell_size = cell
        columns = int(math.ceil(width / cell)) + 2
        rows = int(math.ceil(height / cell)) + 2
        # Tolerance for the border marking, far above the rounding of the
        # coordinate arithmetic and far below a cell.
        self._margin = cell * 1e-3

        cells = np.zeros((rows, columns), dtype=np.int32)
        self._fill_centres(cells, starts, ends, numbers)
        self._mark_borders(cells, starts, ends)
        for number in irregular:
            self._mark_box(cells, boxes[number - 1])
        self.cells = cells

    @staticmethod
    def _edges(geometries):
        """Return the border segments (start points, end points, village numbers) of all villages.

        Also return the numbers of villages that are not plain (multi)polygons,
        and every village's bounding box (x_min, y_min, x_max, y_max).
        """
        start_parts, end_parts, number_parts, irregular, boxes = [], [], [], [], []
        for number, geometry in enumerate(geometries, start=1):
            box = geometry.boundingBox()
            boxes.append((box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()))
            rings = []
            try:
                _polygon_rings(bytes(geometry.asWkb()), 0, rings)
            except (_NotPolygonal, struct.error, ValueError, IndexError):
                irregular.append(number)
                continue
            for ring in rings:
                if len(ring) < 2:
                    continue
                start_parts.append(ring[:-1])
                end_parts.append(ring[1:])
                number_parts.append(np.full(len(ring) - 1, number, dtype=np.int32))
        if not start_parts:
            empty = np.zeros((0, 2))
            return empty, empty, np.zeros(0, dtype=np.int32), irregular, boxes
        return (np.concatenate(start_parts), np.concatenate(end_parts),
                np.concatenate(number_parts), irregular, boxes)

    def _fill_centres(self, cells, starts, ends, numbers):
        """Write into cells the village containing each cell's centre, MIXED where several do.

        A scanline fill on the rows of cell centres: the crossings of each
        village's rings with a row, sorted, pair up into the spans inside the
        village (even-odd rule over all its rings, so holes stay empty).
        Villages and rows are handled in groups to bound the memory used.
        """
        rows, columns = cells.shape
        span_parts = []
        # Edges are in village order, so groups of edges end between villages.
        group_ends = np.flatnonzero(np.diff(numbers)) + 1
        bounds = [0]
        for position in group_ends:
            if position - bounds[-1] >= self.EDGES_PER_GROUP:
                bounds.append(int(position))
        bounds.append(len(numbers))
        for first_edge, end_edge in zip(bounds, bounds[1:]):
            if end_edge > first_edge:
                span_parts.append(self._spans(starts[first_edge:end_edge],
                                              ends[first_edge:end_edge],
                                              numbers[first_edge:end_edge], rows, columns))
        if not span_parts:
            return
        span_row, first_column, end_column, span_village = (
            np.concatenate([part[index] for part in span_parts]) for index in range(4))
        order = np.argsort(span_row, kind="stable")
        span_row, first_column = span_row[order], first_column[order]
        end_column, span_village = end_column[order], span_village[order]

        width = columns + 1
        for band_start in range(0, rows, self.ROWS_PER_BAND):
            band_end = min(band_start + self.ROWS_PER_BAND, rows)
            low, high = np.searchsorted(span_row, [band_start, band_end])
            if low == high:
                continue
            size = (band_end - band_start) * width
            offset = (span_row[low:high] - band_start) * width
            opened, closed = offset + first_column[low:high], offset + end_column[low:high]
            villages = span_village[low:high]
            counts = (np.bincount(opened, minlength=size)
                      - np.bincount(closed, minlength=size)).reshape(-1, width)
            sums = (np.bincount(opened, weights=villages, minlength=size)
                    - np.bincount(closed, weights=villages, minlength=size)).reshape(-1, width)
            counts = np.cumsum(counts, axis=1)[:, :columns]
            sums = np.rint(np.cumsum(sums, axis=1)[:, :columns])
            band = np.where(counts == 1, sums, NO_VILLAGE).astype(np.int32)
            band[counts > 1] = MIXED
            cells[band_start:band_end] = band

    def _spans(self, starts, ends, numbers, rows, columns):
        """Return (row, first column, end column, village) of the cell spans inside villages.

        Cells first column to end column - 1 of a row have their centres inside the village.
        """
        cell, x0, y0 = self.cell_size, self.origin_x, self.origin_y
        ya, yb = starts[:, 1], ends[:, 1]
        low, high = np.minimum(ya, yb), np.maximum(ya, yb)
        # Candidate rows, one wider on each side than needed. The exact test
        # below on the centre ordinates keeps each ring's crossings even.
        first = np.floor((low - y0) / cell - 0.5).astype(np.int64)
        last = np.floor((high - y0) / cell - 0.5).astype(np.int64) + 1
        spans = np.maximum(last - first + 1, 0)
        edge = np.repeat(np.arange(len(starts)), spans)
        row = first[edge] + (np.arange(len(edge)) - np.repeat(np.cumsum(spans) - spans, spans))
        inside_grid = (row >= 0) & (row < rows)
        edge, row = edge[inside_grid], row[inside_grid]
        centre_y = y0 + (row + 0.5) * cell
        edge_ya, edge_yb = ya[edge], yb[edge]
        crossing = ((edge_ya <= centre_y) & (centre_y < edge_yb)) | (
            (edge_yb <= centre_y) & (centre_y < edge_ya))
        edge, row, centre_y = edge[crossing], row[crossing], centre_y[crossing]
        xa, xb = starts[edge, 0], ends[edge, 0]
        edge_ya, edge_yb = ya[edge], yb[edge]
        crossing_x = xa + (centre_y - edge_ya) * (xb - xa) / (edge_yb - edge_ya)
        village = numbers[edge]
        order = np.lexsort((crossing_x, row, village))
        crossing_x, row, village = crossing_x[order], row[order], village[order]

        span_start, span_end = crossing_x[0::2], crossing_x[1::2]
        # Cells whose centre x lies in [span_start, span_end).
        first_column = np.clip(np.ceil((span_start - x0) / cell - 0.5), 0, columns).astype(np.int64)
        end_column = np.clip(np.ceil((span_end - x0) / cell - 0.5), 0, columns).astype(np.int64)
        keep = end_column > first_column
        return row[0::2][keep], first_column[keep], end_column[keep], village[0::2][keep]

    def _mark_borders(self, cells, starts, ends):
        """Mark MIXED every cell that a border segment crosses or touches, with a margin.

        Each segment is cut into pieces of at most half a cell. The bounding
        box of a piece, widened by the margin, then spans at most two columns
        and two rows, and all four of those cells are marked.
        """
        cell, margin = self.cell_size, self._margin
        rows, columns = cells.shape
        delta = ends - starts
        pieces = np.maximum(np.ceil(np.abs(delta).max(axis=1) / (0.5 * cell)), 1).astype(np.int64)
        for chunk in range(0, len(starts), self.EDGES_PER_GROUP):
            chunk_pieces = pieces[chunk:chunk + self.EDGES_PER_GROUP]
            edge = np.repeat(np.arange(chunk, chunk + len(chunk_pieces)), chunk_pieces)
            step = np.arange(len(edge)) - np.repeat(np.cumsum(chunk_pieces) - chunk_pieces,
                                                    chunk_pieces)
            count = pieces[edge].astype(np.float64)
            begin = starts[edge] + delta[edge] * (step / count)[:, None]
            finish = starts[edge] + delta[edge] * ((step + 1) / count)[:, None]
            low = np.minimum(begin, finish) - margin
            high = np.maximum(begin, finish) + margin
            column_low = np.clip(np.floor((low[:, 0] - self.origin_x) / cell), 0, columns - 1)
            column_high = np.clip(np.floor((high[:, 0] - self.origin_x) / cell), 0, columns - 1)
            row_low = np.clip(np.floor((low[:, 1] - self.origin_y) / cell), 0, rows - 1)
            row_high = np.clip(np.floor((high[:, 1] - self.origin_y) / cell), 0, rows - 1)
            for row_index in (row_low, row_high):
                for column_index in (column_low, column_high):
                    cells[row_index.astype(np.int64), column_index.astype(np.int64)] = MIXED

    def _mark_box(self, cells, box):
        """Mark MIXED every cell that a bounding box (x_min, y_min, x_max, y_max) touches."""
        rows, columns = cells.shape
        cell, margin = self.cell_size, self._margin
        column_low = max(int(math.floor((box[0] - margin - self.origin_x) / cell)), 0)
        column_high = min(int(math.floor((box[2] + margin - self.origin_x) / cell)), columns - 1)
        row_low = max(int(math.floor((box[1] - margin - self.origin_y) / cell)), 0)
        row_high = min(int(math.floor((box[3] + margin - self.origin_y) / cell)), rows - 1)
        cells[row_low:row_high + 1, column_low:column_high + 1] = MIXED

    def cell_at(self, x: float, y: float) -> int:
        """Return the cell value at one point, like lookup() but faster for a single point."""
        column = math.floor((x - self.origin_x) / self.cell_size)
        row = math.floor((y - self.origin_y) / self.cell_size)
        rows, columns = self.cells.shape
        if 0 <= column < columns and 0 <= row < rows:
            return int(self.cells[row, column])
        return NO_VILLAGE

    def lookup(self, points) -> np.ndarray:
        """Return the cell value of each (lon, lat) or None: a village number, NO_VILLAGE or MIXED.

        None and points outside the grid get NO_VILLAGE, because the grid
        covers every village.
        """
        coordinates = np.array([point if point is not None else (np.nan, np.nan)
                                for point in points], dtype=np.float64).reshape(-1, 2)
        rows, columns = self.cells.shape
        with np.errstate(invalid="ignore"):
            column = np.floor((coordinates[:, 0] - self.origin_x) / self.cell_size)
            row = np.floor((coordinates[:, 1] - self.origin_y) / self.cell_size)
            inside = (column >= 0) & (column < columns) & (row >= 0) & (row < rows)
        result = np.full(len(coordinates), NO_VILLAGE, dtype=np.int32)
        result[inside] = self.cells[row[inside].astype(np.int64), column[inside].astype(np.int64)]
        return result
