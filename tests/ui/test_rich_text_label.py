"""app.ui.widgets.RichTextLabel: the Result page's details keep their heights per width
(cheap to show, bench/first_pair.py) and never show a height of an earlier text, font
or style: a stale height would cut the details or leave a gap."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.ui.widgets import RichTextLabel

ROW = ("<tr><td style='padding:3px 18px 3px 0'>Consumer id</td>"
       "<td style='padding:3px 0'>5f1a2b3c4d5e6f7a8b9c0d01 and more words to wrap</td></tr>")


def table(rows: int) -> str:
    return "<table cellspacing='0'>" + ROW * rows + "</table>"


def plain(text: str) -> QLabel:
    """What QLabel itself answers (no cache): the reference."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(RichTextLabel().textFormat())
    label.setText(text)
    return label


def test_heights_follow_the_text_font_and_style(qapp):
    label = RichTextLabel()
    label.setText(table(2))
    short = label.heightForWidth(300)
    assert short == plain(table(2)).heightForWidth(300)
    label.setText(table(6))
    assert label.heightForWidth(300) == plain(table(6)).heightForWidth(300) > short
    reference = plain(table(6))
    heights = [label.heightForWidth(w) for w in (900, 300, 900, 250, 300)]
    assert heights == [reference.heightForWidth(w) for w in (900, 300, 900, 250, 300)]
    assert len(set(heights)) > 1   # each width its own height, not the last one asked

    font = label.font()
    font.setPointSize(font.pointSize() * 2)
    before = label.heightForWidth(300)
    label.setFont(font)
    reference = plain(table(6))
    reference.setFont(font)
    assert label.heightForWidth(300) == reference.heightForWidth(300) > before

    label.setStyleSheet("QLabel { font-size: 6px; }")
    label.ensurePolished()
    reference = plain(table(6))
    reference.setStyleSheet("QLabel { font-size: 6px; }")
    reference.ensurePolished()
    assert label.heightForWidth(300) == reference.heightForWidth(300)


def test_a_shown_label_is_as_tall_as_its_text_at_its_width(qtbot):
    window = QWidget()
    layout = QVBoxLayout(window)
    label = RichTextLabel()
    layout.addWidget(label)
    layout.addStretch(1)
    label.setText(table(2))
    qtbot.addWidget(window)
    window.resize(320, 600)
    window.show()
    qtbot.waitExposed(window)
    label.setText(table(8))
    qtbot.waitUntil(lambda: label.height() == label.heightForWidth(label.width()))
    assert label.height() == plain(table(8)).heightForWidth(label.width())
    assert label.sizeHint().height() == label.heightForWidth(label.sizeHint().width())
