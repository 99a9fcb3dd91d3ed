"""The analyst's duplicate decisions as a table in the result GeoPackage.

The table ``keputusan_duplikat`` has one row per member of a decided
group (fields in ``duplicates.DECISION_FIELDS``). A later run reads it
before it replaces the GeoPackage, applies it, and writes it back.
"""

import os

from qgis.core import QgsFeature, QgsFields, QgsVectorLayer

from ..core.duplicates import DECISION_FIELDS, decision_rows, read_decision_rows
from . import storage

LAYER_DECISIONS = "keputusan_duplikat"


def decision_fields() -> QgsFields:
    """Return the fields of the decision table (all text)."""
    fields = QgsFields()
    for name in DECISION_FIELDS:
        fields.append(storage.make_field(name))
    return fields


def read_decisions(path: str) -> list:
    """Return the Decision rows stored in a GeoPackage, or [] when it has none."""
    if not path or not os.path.isfile(path):
        return []
    layer = QgsVectorLayer(f"{path}|layername={LAYER_DECISIONS}", LAYER_DECISIONS, "ogr")
    if not layer.isValid():
        return []
    names = layer.fields().names()
    if any(name not in names for name in DECISION_FIELDS):
        return []
    rows = ({name: feature[name] for name in DECISION_FIELDS} for feature in layer.getFeatures())
    return read_decision_rows(rows)


def write_decisions(path: str, decisions) -> None:
    """Write the decision table into a GeoPackage, replacing an earlier one."""
    fields = decision_fields()
    features = []
    for values in decision_rows(decisions):
        feature = QgsFeature(fields)
        feature.setAttributes(values)
        features.append(feature)
    storage.write_layer(path, LAYER_DECISIONS, fields, storage.NO_GEOMETRY, features,
                        first=not os.path.isfile(path))
