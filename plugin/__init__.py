"""DTKS Spasial: DTKS/DTSEN recipients on BIG boundaries, in QGIS."""

PLUGIN_NAME = "DTKS Spasial"
# Tab of the QGIS message log the plugin writes to.
LOG_TAG = PLUGIN_NAME
# Python packages the plugin cannot work without, beside QGIS itself.
REQUIRED_PACKAGES = ("rapidfuzz", "openpyxl")
