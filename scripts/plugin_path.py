"""Make the checkout importable as the package ``dtks_spasial``.

The repository root is the plugin folder, whose name differs between a
clone and an installed plugin, so scripts and tests import it through a
link build/pkg/dtks_spasial that points at the checkout.
"""

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE_PARENT = REPO / "build" / "pkg"


def add_plugin_to_path() -> None:
    """Create the link if it is missing and put its folder first on sys.path."""
    link = PACKAGE_PARENT / "dtks_spasial"
    if not link.exists():
        PACKAGE_PARENT.mkdir(parents=True, exist_ok=True)
        link.symlink_to(REPO, target_is_directory=True)
    if str(PACKAGE_PARENT) not in sys.path:
        sys.path.insert(0, str(PACKAGE_PARENT))
