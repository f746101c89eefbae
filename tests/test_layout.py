"""Layout helpers shared by the rules: what counts as the paragraph after a block, and as a
dialogue turn."""

from __future__ import annotations

from kijilint.document import Document
from kijilint.rules._layout import dialogue_turn, plain_paragraph_after, prose_paragraph_after, speaker


def _doc(text: str) -> Document:
    return Document.from_text(text, "a.md")


def _para(doc, start: str):
    return next(b for b in doc.blocks if b.kind == "paragraph" and b.text.startswith(start))


def test_paragraph_after_steps_over_lone_wrapper_tags():
    doc = _doc("# t\n\n前の段落で、要は、\n\n<div class=\"note\">\n\n続きの段落です。\n\n</div>\n")
    nxt = plain_paragraph_after(doc, _para(doc, "前の段落"))
    assert nxt is not None and nxt.text.startswith("続きの段落")
    assert prose_paragraph_after(doc, _para(doc, "前の段落")) is nxt


def test_paragraph_after_does_not_step_over_html_with_content():
    doc = _doc("# t\n\n前の段落で、要は、\n\n<table><tr><td>表</td></tr></table>\n\n続きの段落です。\n")
    assert plain_paragraph_after(doc, _para(doc, "前の段落")) is None


def test_dialogue_turn_needs_another_speaker_next_to_it():
    doc = _doc("# t\n\n田中：質問です。\n\n<Callout>\n\n佐藤：答えは良くて\n\n</Callout>\n\n田中：なるほど。\n")
    assert dialogue_turn(doc, _para(doc, "佐藤"))
    lone = _doc("# t\n\n本文の段落です。\n\nポイント：答えは良くて\n\n本文の段落です。\n")
    assert not dialogue_turn(lone, _para(lone, "ポイント"))


def test_labels_that_each_open_one_paragraph_are_fields_not_speakers():
    form = _doc("# t\n\n解決したい課題：苗を減らしたい\n\n背景：苗は業者が生産する。原則受注後に種がまかれ、結\n")
    assert not dialogue_turn(form, _para(form, "背景"))


def test_a_colon_inside_a_latin_word_is_no_speakers_label():
    doc = _doc("# t\n\nRe:VIEW は Ruby で書かれています。\n\nQ:はい、そうです。\n\nA: 答えです。\n")
    assert speaker(_para(doc, "Re:VIEW")) is None
    assert speaker(_para(doc, "Q:はい")) == "Q"
    assert speaker(_para(doc, "A: 答え")) == "A"


def test_paragraph_after_does_not_step_over_a_spacer():
    doc = _doc("# t\n\n前の段落で、ほかの\n\n<br/>\n\n次の段落です。\n")
    assert plain_paragraph_after(doc, _para(doc, "前の段落")) is None
