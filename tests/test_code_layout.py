"""Source rules that keep the plugin loadable in every supported QGIS."""

import ast
import re

import pytest

from conftest import REPO

SOURCES = sorted((REPO / "plugin").rglob("*.py")) + [REPO / "__init__.py"]


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(REPO)))
def test_python_39_syntax(path):
    # QGIS 3.22 to 3.28 on Windows ship Python 3.9.
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source, feature_version=(3, 9))
    future = any(isinstance(node, ast.ImportFrom) and node.module == "__future__"
                 and any(alias.name == "annotations" for alias in node.names)
                 for node in tree.body)
    annotations = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.arg, ast.AnnAssign)):
            annotations.append(node.annotation)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            annotations.append(node.returns)
    # "X | None" in an annotation is evaluated at import before Python 3.10.
    unions = [annotation.lineno for annotation in annotations if annotation is not None
              and any(isinstance(part, ast.BinOp) and isinstance(part.op, ast.BitOr)
                      for part in ast.walk(annotation))]
    assert future or not unions


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(REPO)))
def test_qt_only_through_qgis_pyqt(path):
    source = path.read_text(encoding="utf-8")
    assert not re.search(r"^\s*(from|import) PyQt[56]", source, re.MULTILINE)
    assert "exec_(" not in source
