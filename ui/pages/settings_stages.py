"""Settings section: the win probability of each open stage (won 100% and lost 0% are fixed).

New opportunities, and opportunities moved to another stage, take these probabilities; existing ones keep
their own.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from desktop_crm.errors import CrmError
from desktop_crm.models.enums import OPEN_STAGES
from desktop_crm.services.stages import (
    reset_stage_probabilities,
    set_stage_probabilities,
    stage_probabilities,
)

from ..errors import error_text
from ..labels import label


class StageProbabilitiesSection(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formCard")
        self.setMaximumWidth(860)
        form = QFormLayout(self)
        form.setContentsMargins(20, 18, 20, 18)
        form.setHorizontalSpacing(24)
        title = QLabel(self.tr("Opportunity stages"), self)
        title.setStyleSheet("font-weight: 700;")
        form.addRow(title)
        self.spins: dict[str, QSpinBox] = {}
        for stage in OPEN_STAGES:
            spin = QSpinBox(self)
            spin.setObjectName(f"probability_{stage}")
            spin.setRange(0, 100)
            spin.setSuffix(" %")
            spin.setMinimumWidth(90)
            self.spins[stage] = spin
            form.addRow(label("stage", stage), spin)
        fixed = QLabel(
            self.tr("{won}: 100% · {lost}: 0% (fixed)").format(
                won=label("stage", "won"), lost=label("stage", "lost")
            ),
            self,
        )
        fixed.setObjectName("hint")
        form.addRow("", fixed)
        self.save_button = QPushButton(self.tr("Save probabilities"), self)
        self.save_button.setObjectName("saveProbabilities")
        self.reset_button = QPushButton(self.tr("Restore defaults"), self)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("hint")
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.reset_button)
        row.addWidget(self.status_label, 1)
        form.addRow("", row)
        hint = QLabel(
            self.tr("New opportunities and stage changes use these; existing opportunities keep theirs."),
            self,
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        form.addRow("", hint)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.reset_button.clicked.connect(self._on_reset_clicked)

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self._show(stage_probabilities())
        self.status_label.clear()

    def _show(self, values: dict[str, int]) -> None:
        for stage, spin in self.spins.items():
            spin.setValue(values[stage])

    def _on_save_clicked(self) -> None:
        try:
            self._show(set_stage_probabilities({s: spin.value() for s, spin in self.spins.items()}))
        except CrmError as exc:
            self.status_label.setText(error_text(exc))
            return
        self.status_label.setText(self.tr("Saved."))

    def _on_reset_clicked(self) -> None:
        self._show(reset_stage_probabilities())
        self.status_label.setText(self.tr("Defaults restored."))
