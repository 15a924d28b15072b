"""The read-only tables of the support tools (history, batch). Apart from the widgets
module: QTableView's and QAbstractItemView's types are not needed before the wizard's
first paint."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView


def make_table(object_name: str, accessible_name: str, description: str,
               model: QAbstractItemModel) -> QTableView:
    """A read-only table of whole rows, as the support tools show them: no grid, no row
    numbers, left-aligned headers, and Tab leaves it (the arrows move inside)."""
    table = QTableView()
    table.setObjectName(object_name)
    table.setAccessibleName(accessible_name)
    table.setAccessibleDescription(description)
    table.setTabKeyNavigation(False)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(26)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table
