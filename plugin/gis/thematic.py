"""Choropleth classes and styling for recipient counts per village."""

# numpy ships with QGIS: Debian's python3-qgis-common pulls it in through
# python3-gdal, and the Windows and macOS installers bundle it.
import numpy as np
from qgis.core import (
    QgsClassificationJenks,
    QgsColorBrewerColorRamp,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGradientColorRamp,
    QgsGradientStop,
    QgsGraduatedSymbolRenderer,
    QgsRendererRange,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from ..compat import NO_GEOMETRY_FLAG, POLYGON_GEOMETRY
from ..i18n import tr

# ColorBrewer "YlOrRd" runs from light to dark, so the class order still reads
# in greyscale print and without hue vision. Its schemes have 3 to 9 classes.
COLOR_RAMP_SCHEME = "YlOrRd"
COLORBREWER_MIN_CLASSES = 3
COLORBREWER_MAX_CLASSES = 9

OUTLINE_COLOR = "#7a7a7a"
OUTLINE_WIDTH_MM = "0.1"

# Relative tolerance when comparing squared-deviation sums, so that exact ties
# are broken the same way on every platform (earliest break wins).
_TIE_TOLERANCE = 1e-9


def integer_breaks(values: list[int], classes: int = 5) -> list[tuple[int, int]]:
    """Return Jenks natural-break classes of whole-number counts as (low, high) ranges.

    The ranges are contiguous and never overlap: each high bound is a value from
    the data, and the next low bound is that high bound + 1. The first low bound
    is min(values) and the last high bound is max(values). With fewer distinct
    values than ``classes``, each distinct value gets its own class. An empty
    list gives []. Raises ValueError if ``classes`` < 1 or a value is not a whole
    number.
    """
    if classes < 1:
        raise ValueError(tr("The number of classes must be at least 1, not {n}.").format(n=classes))
    if not values:
        return []

    counts: dict[int, int] = {}
    for value in values:
        whole = _as_whole_number(value)
        counts[whole] = counts.get(whole, 0) + 1
    distinct = sorted(counts)

    if len(distinct) <= classes:
        highs = distinct
    else:
        weights = [counts[value] for value in distinct]
        highs = _jenks_class_highs(distinct, weights, classes)

    ranges = []
    low = distinct[0]
    for high in highs:
        ranges.append((low, high))
        low = high + 1
    return ranges


def _as_whole_number(value) -> int:
    if isinstance(value, bool):
        raise ValueError(tr("Counts must be whole numbers, not {value}.").format(value=repr(value)))
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raise ValueError(tr("Counts must be whole numbers, not {value}.").format(value=repr(value)))


def _jenks_class_highs(distinct: list[int], weights: list[int], classes: int) -> list[int]:
    """Return the highest value of each class of the optimal Fisher-Jenks partition.

    Works on the sorted distinct values weighted by how often each occurs, which
    gives the same partition as the full list because an optimal break never
    splits equal values. Cost is O(classes * d^2) for d distinct values, with the
    inner minimum vectorised by numpy.
    """
    # Centring the values keeps the squared sums small, which limits the
    # cancellation error of sum(w*x*x) - sum(w*x)^2 / sum(w).
    x = np.asarray(distinct, dtype=np.float64)
    x = x - x[len(x) // 2]
    w = np.asarray(weights, dtype=np.float64)
    d = len(distinct)

    # Prefix sums, with a leading 0 so that the segment i..j (inclusive) is
    # prefix[j + 1] - prefix[i].
    sum_w = np.concatenate(([0.0], np.cumsum(w)))
    sum_wx = np.concatenate(([0.0], np.cumsum(w * x)))
    sum_wxx = np.concatenate(([0.0], np.cumsum(w * x * x)))

    def segment_cost(starts: np.ndarray, end) -> np.ndarray:
        """Weighted sums of squared deviations of the segments starts..end (inclusive)."""
        total_w = sum_w[end + 1] - sum_w[starts]
        total_wx = sum_wx[end + 1] - sum_wx[starts]
        total_wxx = sum_wxx[end + 1] - sum_wxx[starts]
        return np.maximum(total_wxx - total_wx * total_wx / total_w, 0.0)

    # cost[k][j]: minimal cost of splitting values 0..j into k + 1 classes.
    # first_index[k][j]: index of the first value in the last of those classes.
    cost = np.full((classes, d), np.inf)
    first_index = np.zeros((classes, d), dtype=np.int64)
    cost[0] = segment_cost(np.zeros(d, dtype=np.int64), np.arange(d))
    for k in range(1, classes):
        for j in range(k, d):
            starts = np.arange(k, j + 1)
            candidates = cost[k - 1][starts - 1] + segment_cost(starts, j)
            best = candidates.min()
            tolerance = _TIE_TOLERANCE * max(abs(best), 1.0)
            chosen = int(np.flatnonzero(candidates <= best + tolerance)[0])
            cost[k][j] = candidates[chosen]
            first_index[k][j] = starts[chosen]

    highs = []
    end = d - 1
    for k in range(classes - 1, -1, -1):
        highs.append(distinct[end])
        end = int(first_index[k][end]) - 1
    highs.reverse()
    return highs


def format_count(value: int) -> str:
    """Format a whole number the Indonesian way, with "." between thousands."""
    return f"{value:,}".replace(",", ".")


def class_label(low: int, high: int) -> str:
    """Return the legend label of a class, e.g. "13 – 40" (en dash) or "7"."""
    if low == high:
        return format_count(low)
    return f"{format_count(low)} \u2013 {format_count(high)}"


def class_colors(class_count: int) -> list:
    """Return ``class_count`` QColors from light yellow to dark red (ColorBrewer YlOrRd)."""
    if COLORBREWER_MIN_CLASSES <= class_count <= COLORBREWER_MAX_CLASSES:
        ramp = QgsColorBrewerColorRamp(COLOR_RAMP_SCHEME, class_count)
        return [ramp.color(i / (class_count - 1)) for i in range(class_count)]

    # Outside ColorBrewer's 3..9, interpolate the 9-class scheme. One class
    # takes the middle colour so that it neither vanishes on paper nor shouts.
    ramp = _interpolated_ramp()
    if class_count == 1:
        return [ramp.color(0.5)]
    return [ramp.color(i / (class_count - 1)) for i in range(class_count)]


def _interpolated_ramp() -> QgsGradientColorRamp:
    brewer = QgsColorBrewerColorRamp(COLOR_RAMP_SCHEME, COLORBREWER_MAX_CLASSES)
    last = COLORBREWER_MAX_CLASSES - 1
    colors = [brewer.color(i / last) for i in range(COLORBREWER_MAX_CLASSES)]
    stops = [QgsGradientStop(i / last, colors[i]) for i in range(1, last)]
    return QgsGradientColorRamp(colors[0], colors[-1], False, stops)


def read_counts(layer: QgsVectorLayer, field: str) -> list[int]:
    """Return the non-NULL values of ``field`` as whole numbers.

    Raises ValueError (message in Indonesian) if the field is missing, is not
    numeric, or contains a value with a fractional part.
    """
    fields = layer.fields()
    index = fields.indexOf(field)
    if index < 0:
        raise ValueError(tr(
            "Field '{field}' not found in layer '{layer}'. Choose an existing recipient count "
            "field.").format(field=field, layer=layer.name()))
    if not fields.at(index).isNumeric():
        raise ValueError(tr("Field '{field}' must contain numbers (recipient counts).").format(
            field=field))

    request = QgsFeatureRequest()
    request.setFlags(NO_GEOMETRY_FLAG)
    request.setSubsetOfAttributes([index])
    counts = []
    for feature in layer.getFeatures(request):
        value = feature.attribute(index)
        if _is_null(value):
            continue
        if isinstance(value, float) and not value.is_integer():
            raise ValueError(tr(
                "Field '{field}' contains fractions. Recipient counts must be whole "
                "numbers.").format(field=field))
        counts.append(int(value))
    return counts


def _is_null(value) -> bool:
    # PyQGIS on Qt5 returns NULL as an invalid QVariant, on Qt6 as None.
    return value is None or (isinstance(value, QVariant) and value.isNull())


def apply_count_renderer(layer: QgsVectorLayer, field: str, classes: int = 5) -> None:
    """Style a polygon layer as a choropleth of the counts in ``field``.

    Sets a QgsGraduatedSymbolRenderer with the ranges of integer_breaks, YlOrRd
    fills, thin grey outlines and labels such as "13 – 40". Features whose count
    is NULL match no range and are not drawn. Raises ValueError (message in
    Indonesian) if the layer is not a polygon layer or has no count at all.
    """
    if layer.geometryType() != POLYGON_GEOMETRY:
        raise ValueError(tr("Layer '{layer}' must be a polygon layer for a distribution map.").format(
            layer=layer.name()))

    counts = read_counts(layer, field)
    breaks = integer_breaks(counts, classes)
    if not breaks:
        raise ValueError(tr(
            "Field '{field}' is empty in every feature, so the map cannot be coloured.").format(
            field=field))

    ranges = []
    for (low, high), color in zip(breaks, class_colors(len(breaks))):
        symbol = QgsFillSymbol.createSimple({
            "color": color.name(),
            "outline_color": OUTLINE_COLOR,
            "outline_width": OUTLINE_WIDTH_MM,
            "outline_width_unit": "MM",
            "joinstyle": "round",
        })
        ranges.append(QgsRendererRange(low, high, symbol, class_label(low, high)))

    renderer = QgsGraduatedSymbolRenderer(field, ranges)
    renderer.setSourceColorRamp(_interpolated_ramp())

    # Record the method so that reclassifying in the QGIS style dock keeps
    # Jenks and the "low – high" label form.
    method = QgsClassificationJenks()
    method.setLabelFormat("%1 \u2013 %2")
    method.setLabelPrecision(0)
    method.setLabelTrimTrailingZeroes(True)
    renderer.setClassificationMethod(method)

    layer.setRenderer(renderer)
    layer.triggerRepaint()
