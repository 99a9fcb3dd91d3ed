"""Choropleth classes and styling for recipient counts per village."""

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
from qgis.PyQt.QtGui import QColor

from ..compat import NO_GEOMETRY_FLAG, POLYGON_GEOMETRY
from ..core import indicators
from ..i18n import tr

# ColorBrewer "YlOrRd" runs from light to dark, so the class order still reads
# in greyscale print and without hue vision. Its schemes have 3 to 9 classes.
COLOR_RAMP_SCHEME = "YlOrRd"
COLORBREWER_MIN_CLASSES = 3
COLORBREWER_MAX_CLASSES = 9

OUTLINE_COLOR = "#7a7a7a"
OUTLINE_WIDTH_MM = "0.1"

def integer_breaks(values: list, classes: int = 5) -> list:
    """Return Jenks natural-break classes of whole-number counts as (low, high) ranges.

    The ranges are contiguous and never overlap: each high bound is a value from
    the data, and the next low bound is that high bound + 1. The first low bound
    is min(values) and the last high bound is max(values). With fewer distinct
    values than ``classes``, each distinct value gets its own class. An empty
    list gives []. Raises ValueError if ``classes`` < 1 or a value is not a whole
    number.
    """
    return indicators.jenks_breaks(values, classes)


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


# --- maps of a class plan (any indicator, any level) ---------------------------

# ColorBrewer sequential schemes. They run from light to dark, so the class
# order also reads in greyscale print and for colour-blind readers; "Greys"
# is for black-and-white printers.
COLOR_RAMPS = ("YlOrRd", "YlGnBu", "Blues", "Greens", "Purples", "OrRd", "Greys")
ZERO_COLOR = "#ffffff"
NO_DATA_COLOR = "#d9d9d9"
HATCH_COLOR = "#555555"
LABEL_FONT = "DejaVu Sans"


def ramp_colors(scheme: str, class_count: int) -> list:
    """Return ``class_count`` QColors of a ColorBrewer scheme, light to dark.

    Outside ColorBrewer's 3 to 9 classes the 9-class scheme is interpolated,
    and a single class takes the middle colour. Raises ValueError for an
    unknown scheme.
    """
    if scheme not in COLOR_RAMPS:
        raise ValueError(tr("Unknown colour ramp '{ramp}'. Use one of: {ramps}.").format(
            ramp=scheme, ramps=", ".join(COLOR_RAMPS)))
    if COLORBREWER_MIN_CLASSES <= class_count <= COLORBREWER_MAX_CLASSES:
        ramp = QgsColorBrewerColorRamp(scheme, class_count)
        return [ramp.color(i / (class_count - 1)) for i in range(class_count)]
    brewer = QgsColorBrewerColorRamp(scheme, COLORBREWER_MAX_CLASSES)
    last = COLORBREWER_MAX_CLASSES - 1
    colors = [brewer.color(i / last) for i in range(COLORBREWER_MAX_CLASSES)]
    stops = [QgsGradientStop(i / last, colors[i]) for i in range(1, last)]
    gradient = QgsGradientColorRamp(colors[0], colors[-1], False, stops)
    if class_count == 1:
        return [gradient.color(0.5)]
    return [gradient.color(i / (class_count - 1)) for i in range(class_count)]


def _fill_symbol(color: str) -> QgsFillSymbol:
    return QgsFillSymbol.createSimple({
        "color": color, "outline_color": OUTLINE_COLOR, "outline_width": OUTLINE_WIDTH_MM,
        "outline_width_unit": "MM", "joinstyle": "round",
    })


def hatched_symbol() -> QgsFillSymbol:
    """Return the white fill with grey diagonal hatching that marks suppressed counts."""
    from qgis.core import QgsLinePatternFillSymbolLayer

    symbol = _fill_symbol("#ffffff")
    hatch = QgsLinePatternFillSymbolLayer()
    hatch.setLineAngle(45.0)
    hatch.setDistance(1.2)
    hatch.setLineWidth(0.15)
    hatch.setColor(QColor(HATCH_COLOR))
    symbol.appendSymbolLayer(hatch)
    return symbol


def apply_plan_renderer(layer: QgsVectorLayer, class_field: str, plan, scheme: str = "YlOrRd") -> None:
    """Style a polygon layer by the class index in ``class_field`` with the plan's legend.

    Range classes take the ramp's colours, zero is white, missing values
    light grey and suppressed counts hatched. Categories follow the plan's
    legend order, so the legend reads from "no data" up to the highest class.
    """
    from qgis.core import QgsCategorizedSymbolRenderer, QgsRendererCategory

    range_count = sum(1 for item in plan.classes if item.kind == indicators.KIND_RANGE)
    colors = iter(ramp_colors(scheme, range_count) if range_count else [])
    categories = []
    for index, item in enumerate(plan.classes):
        if item.kind == indicators.KIND_RANGE:
            symbol = _fill_symbol(next(colors).name())
        elif item.kind == indicators.KIND_SUPPRESSED:
            symbol = hatched_symbol()
        elif item.kind == indicators.KIND_ZERO:
            symbol = _fill_symbol(ZERO_COLOR)
        else:
            symbol = _fill_symbol(NO_DATA_COLOR)
        categories.append(QgsRendererCategory(index, symbol, item.label))
    layer.setRenderer(QgsCategorizedSymbolRenderer(class_field, categories))
    layer.triggerRepaint()


def apply_value_labels(layer: QgsVectorLayer, text_expression: str, size_pt: float = 6.5) -> None:
    """Label each polygon with ``text_expression`` in small dark text with a white halo."""
    from qgis.core import (
        QgsPalLayerSettings, QgsTextBufferSettings, QgsTextFormat, QgsUnitTypes,
        QgsVectorLayerSimpleLabeling,
    )
    from qgis.PyQt.QtGui import QFont

    text_format = QgsTextFormat()
    text_format.setFont(QFont(LABEL_FONT))
    text_format.setSize(size_pt)
    text_format.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
    text_format.setColor(QColor("#1a1a1a"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.6)
    buffer.setSizeUnit(QgsUnitTypes.RenderUnit.RenderMillimeters)
    buffer.setColor(QColor("#ffffff"))
    text_format.setBuffer(buffer)

    settings = QgsPalLayerSettings()
    settings.fieldName = text_expression
    settings.isExpression = True
    settings.setFormat(text_format)
    settings.placement = QgsPalLayerSettings.Placement.OverPoint
    settings.centroidInside = True
    settings.multilineAlign = QgsPalLayerSettings.MultiLineAlign.MultiCenter
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
