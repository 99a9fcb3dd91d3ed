"""Widgets of the plugin: the DTKS Spasial dock and its background task."""
