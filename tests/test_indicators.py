"""Tests of the QGIS-free map indicators: tallies, class breaks and suppression."""

import pytest

from dtks_spasial.plugin.core import indicators, records
from dtks_spasial.plugin.core.recipients import Recipient

# Source columns of the fixture rows: PKH, BPNT, PBI, DESIL, PROGRAM.
MAPPING = {"pkh": 0, "bpnt": 1, "pbi": 2, "desil": 3, "program": 4}


def make_recipient(kode_desa, no_kk="", values=("0", "0", "0", "", ""), duplicate=None,
                   status=records.STATUS_SESUAI, kode_wilayah=""):
    item = Recipient(baris=1, values=list(values))
    item.kode_desa = kode_desa
    item.no_kk = no_kk
    item.kelompok_duplikat = duplicate
    item.status_koordinat = status
    item.kode_wilayah = kode_wilayah
    return item


@pytest.fixture
def fixture_recipients():
    return [
        # Village 17.04.01.2001: three recipients of two families.
        make_recipient("17.04.01.2001", "K1", ("1", "0", "1", "2", "")),
        make_recipient("17.04.01.2001", "K1", ("YA", "1", "0", "DESIL 2", "")),
        make_recipient("17.04.01.2001", "K2", ("0", "0", "0", "11", "PKH, Sembako"),
                       duplicate="G1"),
        # Village 17.04.01.2002: one recipient whose family also lives in 2001.
        make_recipient("17.04.01.2002", "K2", ("0", "0", "0", "1", ""), duplicate="G1",
                       status=records.STATUS_BEDA_DESA),
        # Village 17.04.02.2001: two recipients.
        make_recipient("17.04.02.2001", "K3", ("0", "0", "1", "", "")),
        make_recipient("17.04.02.2001", "K4", ("", "", "", "", "PBI JK")),
        # Not placed: one with a full source village code, one without.
        make_recipient(None, "K5", kode_wilayah="17.04.02.2001"),
        make_recipient(None, "K6", kode_wilayah="17.04"),
    ]


def test_tally_villages_counts(fixture_recipients):
    tallies = indicators.tally_villages(fixture_recipients, MAPPING)
    first = tallies.villages["17.04.01.2001"]
    assert first.recipients == 3
    # K2 has two members in 2001 and one in 2002, so it counts in 2001.
    assert first.households == 2
    assert first.duplicates == 1
    assert first.programmes == {"PKH": 3, "PBI": 1, "BPNT": 2}
    assert first.deciles == {2: 2}
    second = tallies.villages["17.04.01.2002"]
    assert (second.recipients, second.households, second.conflicts) == (1, 0, 1)
    third = tallies.villages["17.04.02.2001"]
    assert (third.recipients, third.households, third.unplaced) == (2, 2, 1)
    assert third.programmes == {"PBI": 2}
    assert tallies.off_map == 1


def test_aggregate_parents_sum_children(fixture_recipients):
    tallies = indicators.tally_villages(fixture_recipients, MAPPING)
    districts = indicators.aggregate(tallies, ["17.04.01", "17.04.02", "17.04.03"], 3)
    assert districts["17.04.01"].recipients == 4
    assert districts["17.04.01"].households == 2
    assert districts["17.04.01"].problems == 1
    assert districts["17.04.02"].recipients == 2
    assert districts["17.04.02"].problems == 1
    assert districts["17.04.03"].recipients == 0
    regency = indicators.aggregate(tallies, ["17.04"], 2)["17.04"]
    assert regency.recipients == sum(tally.recipients for tally in districts.values())
    assert regency.households == sum(tally.households for tally in districts.values())
    assert regency.programmes == {"PKH": 3, "BPNT": 2, "PBI": 3}


def test_indicator_values(fixture_recipients):
    tallies = indicators.tally_villages(fixture_recipients, MAPPING)
    tally = indicators.aggregate(tallies, ["17.04.01"], 3)["17.04.01"]
    assert indicators.indicator_value("penerima", tally) == (4, 4)
    assert indicators.indicator_value("kk", tally) == (2, 2)
    assert indicators.indicator_value("program_pkh", tally) == (3, 3)
    assert indicators.indicator_value("desil_2", tally) == (2, 2)
    assert indicators.indicator_value("persen_duplikat", tally) == (50.0, 2)
    assert indicators.indicator_value("kepadatan", tally, area_km2=8.0) == (0.5, 4)
    assert indicators.indicator_value("kepadatan", tally, area_km2=0.0) == (None, 4)
    assert indicators.indicator_value("per_1000_penduduk", tally, population=2000) == (2.0, 4)
    assert indicators.indicator_value("bermasalah", tally) == (1, 1)


def test_unknown_indicator_raises():
    with pytest.raises(ValueError, match="Unknown indicator 'program_kip'"):
        indicators.indicator("program_kip")


def test_read_population_codes_and_thousands():
    population = indicators.read_population([
        ("1704012001", "1.250"), ("17.04.01.2002", "750"), ("17.04.02", "12,500"),
        ("bad", "10"), ("17.04.03", ""), ("17.04.04", "-5")])
    assert population == {"17.04.01.2001": 1250.0, "17.04.01.2002": 750.0, "17.04.02": 12500.0}
    by_district = indicators.population_at_level(population, ["17.04.01", "17.04.02",
                                                              "17.04.03"], 3)
    assert by_district == {"17.04.01": 2000.0, "17.04.02": 12500.0}


# --- class breaks ---------------------------------------------------------------

VALUES = [0, 1, 2, 3, 10, 11, 12, 40, 41, 45, 95, 100]


def test_equal_interval_breaks():
    assert indicators.equal_interval_breaks(VALUES, 4) == [
        (0, 25), (26, 50), (51, 75), (76, 100)]
    assert indicators.equal_interval_breaks([3, 4, 5], 5) == [(3, 3), (4, 4), (5, 5)]


def test_quantile_breaks():
    assert indicators.quantile_breaks(VALUES, 4) == [(0, 2), (3, 11), (12, 41), (42, 100)]
    # Ties never split: six equal values and two others give two classes.
    assert indicators.quantile_breaks([5, 5, 5, 5, 5, 5, 9, 12], 4) == [(5, 5), (6, 12)]


def test_jenks_breaks():
    assert indicators.jenks_breaks(VALUES, 4) == [(0, 3), (4, 12), (13, 45), (46, 100)]


def test_manual_breaks():
    assert indicators.manual_breaks(VALUES, [10, 50]) == [(0, 10), (11, 50), (51, 100)]
    assert indicators.manual_breaks(VALUES, [-5, 10, 200]) == [(0, 10), (11, 100)]
    with pytest.raises(ValueError, match="must increase"):
        indicators.manual_breaks(VALUES, [50, 10])


def test_parse_manual_breaks():
    assert indicators.parse_manual_breaks("10, 50;100") == [10, 50, 100]
    assert indicators.parse_manual_breaks("2,5 7,5", decimals=1) == [2.5, 7.5]
    with pytest.raises(ValueError, match="Invalid manual class bound 'sepuluh'"):
        indicators.parse_manual_breaks("sepuluh")


@pytest.mark.parametrize("method", indicators.METHODS)
def test_breaks_are_contiguous_whole_numbers(method):
    ranges = indicators.class_ranges(VALUES, method, 4, [10, 50])
    assert ranges[0][0] == 0
    assert ranges[-1][1] == 100
    for (_, high), (low, _) in zip(ranges, ranges[1:]):
        assert low == high + 1
    for low, high in ranges:
        assert isinstance(low, int) and isinstance(high, int)


# --- suppression and the class plan ------------------------------------------------

def test_plan_hides_small_counts():
    values = {"a": 0, "b": 1, "c": 3, "d": 4, "e": 20, "f": 390, "g": 405, "h": None}
    plan = indicators.plan_classes(values, values, indicators.METHOD_JENKS, 3, threshold=3)
    kinds = [item.kind for item in plan.classes]
    assert kinds == ["no_data", "zero", "suppressed", "range", "range", "range"]
    assert [item.label for item in plan.classes] == [
        "No data", "0", "< 4", "4", "5 \u2013 20", "21 \u2013 405"]
    assert plan.region_text == {"a": "0", "b": "< 4", "c": "< 4", "d": "4", "e": "20",
                                "f": "390", "g": "405", "h": ""}
    assert plan.region_class["b"] == plan.region_class["c"] == 2
    assert plan.suppressed == 2


def test_plan_threshold_zero_hides_nothing():
    values = {"a": 1, "b": 2, "c": 9}
    plan = indicators.plan_classes(values, values, indicators.METHOD_EQUAL, 3, threshold=0)
    assert plan.suppressed == 0
    assert plan.region_text == {"a": "1", "b": "2", "c": "9"}


def test_plan_custom_threshold_label():
    values = {"a": 5, "b": 6, "c": 50}
    plan = indicators.plan_classes(values, values, indicators.METHOD_JENKS, 2, threshold=5)
    assert plan.region_text["a"] == "< 6"
    assert plan.classes[0].label == "< 6"


def test_plan_ratio_suppressed_by_base_count():
    values = {"a": 33.3333, "b": 12.0, "c": 0.04}
    bases = {"a": 2, "b": 30, "c": 10}
    plan = indicators.plan_classes(values, bases, indicators.METHOD_JENKS, 2, decimals=1,
                                   additive=False)
    assert plan.region_text == {"a": "*", "b": "12,0", "c": "0,0"}
    assert plan.classes[1].label == "Hidden (< 4 people)"


def test_hidden_counts_lone_small_count_gets_a_second():
    counts = {"a": 2, "b": 9, "c": 5, "d": 0, "e": 40}
    assert indicators.hidden_counts(counts, 3) == ({"a"}, {"c"})
    # Two small counts hide each other.
    assert indicators.hidden_counts({"a": 2, "b": 1, "c": 5}, 3) == ({"a", "b"}, set())
    # Nothing small, nothing hidden; zeros are never a second.
    assert indicators.hidden_counts({"a": 0, "b": 7}, 3) == (set(), set())
    assert indicators.hidden_counts({"a": 2, "b": 0}, 3) == ({"a"}, set())


def test_hidden_counts_per_parent_then_map():
    # Villages of two districts: each district total is printed on the district map.
    counts = {"k1.a": 1, "k1.b": 8, "k1.c": 6, "k2.a": 2, "k2.b": 3, "k2.c": 30,
              "k3.a": 1, "k3.b": 0}
    groups = {code: code.split(".")[0] for code in counts}
    small, extra = indicators.hidden_counts(counts, 3, groups)
    assert small == {"k1.a", "k2.a", "k2.b", "k3.a"}
    # k1 had one hidden village and k2 two. k3 has no printed positive count to hide.
    # Its total is then small too, so the district map hides it.
    assert extra == {"k1.c"}
    # Without groups only the map's own total counts, and four small counts are enough.
    assert indicators.hidden_counts(counts, 3) == (small, set())


def test_plan_second_hidden_count():
    values = {"a": 2, "b": 9, "c": 5, "d": 0, "e": 40}
    plan = indicators.plan_classes(values, values, indicators.METHOD_JENKS, 2, threshold=3)
    assert plan.region_text == {"a": "< 4", "b": "9", "c": "*", "d": "0", "e": "40"}
    assert [item.label for item in plan.classes] == [
        "0", "< 4", "* also hidden, to protect < 4", "9", "10 \u2013 40"]
    assert plan.region_class["c"] == 2
    assert plan.suppressed == 2


def test_plan_ratio_classes_at_printed_precision():
    values = {"a": 1.04, "b": 1.06, "c": 2.5, "d": 7.26}
    plan = indicators.plan_classes(values, {key: 100 for key in values},
                                   indicators.METHOD_MANUAL, upper_bounds=[2.5], decimals=1)
    assert [item.label for item in plan.classes] == ["1,0 \u2013 2,5", "2,6 \u2013 7,3"]


def test_format_number_indonesian():
    assert indicators.format_number(1234567) == "1.234.567"
    assert indicators.format_number(1234.5, 1) == "1.234,5"


# --- region names and search -----------------------------------------------------

NAMES = [
    ("17.04.01.2001", {"nama": "Gedung Wani", "kecamatan": "Kinal",
                       "kabupaten": "Kabupaten Kaur", "provinsi": "Bengkulu"}),
    ("17.04.02.1001", {"nama": "Bintuhan", "kecamatan": "Kaur Selatan",
                       "kabupaten": "Kabupaten Kaur", "provinsi": "Bengkulu"}),
    ("17.71.01.1001", {"nama": "Pasar Baru", "kecamatan": "Gading Cempaka",
                       "kabupaten": "Bengkulu", "provinsi": "Bengkulu"}),
]


def test_region_index_names():
    index = indicators.region_index(NAMES)
    assert index["17"] == "Provinsi Bengkulu"
    assert index["17.04"] == "Kabupaten Kaur"
    assert index["17.71"] == "Kota Bengkulu"
    assert index["17.04.01"] == "Kecamatan Kinal"
    assert index["17.04.01.2001"] == "Desa Gedung Wani"
    assert index["17.04.02.1001"] == "Kelurahan Bintuhan"


def test_search_regions_by_code_and_name():
    index = indicators.region_index(NAMES)
    assert indicators.search_regions(index, "kaur") == [
        ("17.04", "Kabupaten Kaur"), ("17.04.02", "Kecamatan Kaur Selatan")]
    assert [code for code, _ in indicators.search_regions(index, "1704")] == [
        "17.04", "17.04.01", "17.04.02", "17.04.01.2001", "17.04.02.1001"]
    assert indicators.children_of(index, "17.04", 3) == ["17.04.01", "17.04.02"]
