"""The Qt binding keeps Python's reference counts intact.

PySide6-Essentials 6.12.0 on Python 3.11 dropped a reference to ``None`` on every call of a Qt method
returning nothing (and to ``True`` for bool signals): a few thousand calls aborted the interpreter
with "none_dealloc". A long session makes far more calls, so the binding must not leak or drop refs.
"""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit
app = QApplication([])
edit, box = QLineEdit(), QCheckBox()
box.toggled.connect(lambda checked: None)
before = sys.getrefcount(None), sys.getrefcount(True)
for i in range(20000):
    edit.setText("x")
    box.setChecked(i % 2 == 0)
after = sys.getrefcount(None), sys.getrefcount(True)
print(before[0] - after[0], before[1] - after[1])
"""


def test_qt_calls_do_not_corrupt_reference_counts() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-500:]
    lost_none, lost_true = (int(x) for x in result.stdout.split())
    assert abs(lost_none) < 100 and abs(lost_true) < 100
