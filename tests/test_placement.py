"""Point-in-village lookups: the grid's results against GEOS on hard fixture shapes and real data."""

import random

import pytest
from qgis.core import QgsGeometry

from dtks_spasial.plugin.gis.boundaries import load_villages
from dtks_spasial.plugin.gis.placement import VillageLocator
from dtks_spasial.plugin.gis.village_grid import MIXED, NO_VILLAGE, VillageGrid

SQUARE_WITH_HOLE = "32.01.01.2001"
EAST_SQUARE = "32.01.01.2002"
TWO_PARTS = "32.01.01.2003"
U_SHAPE = "32.01.01.2004"
ENCLAVE = "32.01.01.2005"
OVERLAP_WEST = "32.01.01.2006"
OVERLAP_EAST = "32.01.01.2007"

SHAPES = {
    # A square with a square hole; ENCLAVE fills part of the hole.
    SQUARE_WITH_HOLE: "POLYGON((0 0, 10 0, 10 10, 0 10, 0 0), (4 4, 6 4, 6 6, 4 6, 4 4))",
    # Shares the border x = 10 with SQUARE_WITH_HOLE.
    EAST_SQUARE: "POLYGON((10 0, 20 0, 20 10, 10 10, 10 0))",
    TWO_PARTS: "MULTIPOLYGON(((30 0, 32 0, 32 2, 30 2, 30 0)), ((34 0, 36 0, 36 2, 34 2, 34 0)))",
    # A U open to the north: the notch 43 < x < 47, y > 3 is outside.
    U_SHAPE: "POLYGON((40 0, 50 0, 50 10, 47 10, 47 3, 43 3, 43 10, 40 10, 40 0))",
    ENCLAVE: "POLYGON((4.5 4.5, 5.5 4.5, 5.5 5.5, 4.5 5.5, 4.5 4.5))",
    # Two villages that overlap on 62 < x < 64 (invalid topology, as real data has).
    OVERLAP_WEST: "POLYGON((60 0, 64 0, 64 2, 60 2, 60 0))",
    OVERLAP_EAST: "POLYGON((62 0, 66 0, 66 2, 62 2, 62 0))",
}

# (lon, lat) or None → the sorted codes of the villages that contain it.
CASES = [
    ((1.0, 1.0), [SQUARE_WITH_HOLE]),
    ((15.0, 5.0), [EAST_SQUARE]),
    ((10.0, 5.0), [SQUARE_WITH_HOLE, EAST_SQUARE]),          # on the shared border
    ((10.0, 10.0), [SQUARE_WITH_HOLE, EAST_SQUARE]),         # on a shared corner
    ((4.2, 4.2), []),                                        # in the hole
    ((4.0, 5.0), [SQUARE_WITH_HOLE]),                        # on the hole's ring
    ((5.0, 5.0), [ENCLAVE]),                                 # in the enclave in the hole
    ((4.5, 5.0), [ENCLAVE]),                                 # on the enclave's border
    ((31.0, 1.0), [TWO_PARTS]),
    ((33.0, 1.0), []),                                       # between the two parts
    ((35.0, 1.0), [TWO_PARTS]),
    ((36.0, 2.0), [TWO_PARTS]),                              # on a part's corner
    ((41.0, 5.0), [U_SHAPE]),                                # in the west arm
    ((45.0, 5.0), []),                                       # in the notch
    ((45.0, 1.0), [U_SHAPE]),                                # under the notch
    ((45.0, 3.0), [U_SHAPE]),                                # on the notch's floor
    ((61.0, 1.0), [OVERLAP_WEST]),
    ((63.0, 1.0), [OVERLAP_WEST, OVERLAP_EAST]),             # in both
    ((65.0, 1.0), [OVERLAP_EAST]),
    ((-5.0, -5.0), []),                                      # outside the grid
    ((25.0, 5.0), []),                                       # inside the grid, no village
    (None, []),
]


class _Villages:
    """The part of a VillageLayer that VillageLocator reads."""

    def __init__(self, shapes):
        self.geometries = {code: QgsGeometry.fromWkt(wkt) for code, wkt in shapes.items()}


@pytest.fixture(scope="module")
def locator(qgis_app):
    return VillageLocator(_Villages(SHAPES))


def test_fixture_shapes_are_valid(locator):
    for code, geometry in locator.geometries.items():
        assert not geometry.isNull(), code
        assert geometry.isGeosValid(), code


def test_containing_all_fixture_cases(locator):
    points = [point for point, _ in CASES]
    found = locator.containing_all(points)
    for (point, expected), codes in zip(CASES, found):
        assert list(codes) == expected, point


def test_containing_all_equals_geos(locator):
    points = [point for point, _ in CASES]
    expected = [locator.containing(*point) if point else [] for point in points]
    assert [list(codes) for codes in locator.containing_all(points)] == expected


def test_geos_agrees_with_fixture_cases(locator):
    for point, expected in CASES:
        if point is not None:
            assert locator.containing(*point) == expected, point


def test_grid_cells_of_fixture_points(locator):
    grid = locator._village_grid()
    number = {code: position + 1 for position, code in enumerate(locator.codes)}
    cells = grid.lookup([(1.0, 1.0), (5.0, 5.0), (41.0, 5.0), (35.0, 1.0), (45.0, 5.0),
                         (10.0, 5.0), (4.0, 5.0), (63.0, 1.0), (-5.0, -5.0), None])
    assert list(cells) == [
        number[SQUARE_WITH_HOLE], number[ENCLAVE], number[U_SHAPE], number[TWO_PARTS],
        NO_VILLAGE,
        MIXED, MIXED,                 # on borders: left to GEOS
        MIXED,                        # covered by two villages
        NO_VILLAGE, NO_VILLAGE]


def test_grid_random_points_equal_geos(locator):
    rng = random.Random(11)
    points = [(rng.uniform(-2.0, 68.0), rng.uniform(-1.0, 11.0)) for _ in range(5000)]
    # Points on vertices and on edge midpoints lie exactly on borders.
    for geometry in locator.geometries.values():
        vertices = [(vertex.x(), vertex.y()) for vertex in geometry.vertices()]
        points += vertices
        points += [((ax + bx) / 2, (ay + by) / 2)
                   for (ax, ay), (bx, by) in zip(vertices, vertices[1:])]
    expected = [locator.containing(*point) for point in points]
    assert [list(codes) for codes in locator.containing_all(points)] == expected


def test_coarse_grid_equals_geos(locator):
    # With few cells almost every cell is crossed by a border.
    grid = VillageGrid([locator.geometries[code] for code in locator.codes], max_cells=50)
    rng = random.Random(3)
    points = [(rng.uniform(-2.0, 68.0), rng.uniform(-1.0, 11.0)) for _ in range(2000)]
    for point, cell in zip(points, grid.lookup(points)):
        expected = locator.containing(*point)
        if cell == NO_VILLAGE:
            assert expected == [], point
        elif cell != MIXED:
            assert expected == [locator.codes[cell - 1]], point


def test_line_part_is_left_to_geos(qgis_app):
    shapes = {"32.01.01.2001": "GEOMETRYCOLLECTION(POLYGON((0 0, 2 0, 2 2, 0 2, 0 0)), "
                               "LINESTRING(2 1, 5 1))"}
    locator = VillageLocator(_Villages(shapes))
    points = [(1.0, 1.0), (3.0, 1.0), (3.0, 1.5)]
    assert set(locator._village_grid().lookup(points)) == {MIXED}
    expected = [locator.containing(*point) for point in points]
    assert [list(codes) for codes in locator.containing_all(points)] == expected


def test_jabar_points_equal_geos(data_dir):
    villages = load_villages(f"{data_dir / 'batas_jabar_desa.gpkg'}|layername=desa")
    locator = VillageLocator(villages)
    rng = random.Random(5)
    points = [(rng.uniform(106.3, 108.9), rng.uniform(-7.85, -5.78)) for _ in range(20000)]
    for code in locator.codes[:40]:
        points += [(vertex.x(), vertex.y()) for vertex in locator.geometries[code].vertices()]
    found = locator.containing_all(points)
    expected = [locator.containing(*point) for point in points]
    assert [list(codes) for codes in found] == expected
    assert sum(1 for codes in found if codes) > 10000


def test_place_same_with_grid(locator):
    without_grid = VillageLocator(_Villages(SHAPES))
    assert locator._village_grid() is not None
    placed = [locator.place(code, ordinal) for code in locator.codes for ordinal in range(25)]
    expected = [without_grid.place(code, ordinal)
                for code in without_grid.codes for ordinal in range(25)]
    assert without_grid._grid is None
    assert placed == expected
    for code, ordinal in ((U_SHAPE, 3), (SQUARE_WITH_HOLE, 7), (TWO_PARTS, 24)):
        x, y = locator.place(code, ordinal)
        assert code in locator.containing(x, y)
