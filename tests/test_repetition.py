"""The shared repetition analysis: one computation per document, and the shape of its answers."""

from __future__ import annotations

from kijilint import rules as registry
from kijilint.document import Document
from kijilint.engine import lint_document
from kijilint.rules.repetition.analysis import analyse, key_of

LONG_A = "オープンソースLLMのコミュニティは着実に進化を遂げてきました。研究者が自由に改良できます。"
LONG_B = "透明性と信頼性の向上に貢献してくれる点も、オープンソースLLMに期待される大きな役割です。"


def _rp_rules():
    return [c() for c in registry.all_rules() if c.code.startswith("RP")]


def test_analysis_is_computed_once_for_the_family():
    doc = Document.from_text(f"# t\n\n{LONG_A}\n\n{LONG_A}\n")
    lint_document(doc, _rp_rules())
    assert len([k for k in doc.cache if isinstance(k, tuple) and k[0] == "repetition"]) == 1


def test_key_ignores_width_whitespace_and_punctuation():
    assert key_of("ＡＩ市場は、2025年 に拡大。") == key_of("AI市場は2025年に拡大")


def test_many_identical_paragraphs_give_few_findings():
    # Each copy names the first occurrence and the original never overlaps its copy, so n
    # identical paragraphs are reported as runs that double in length: about log2(n) findings.
    doc = Document.from_text("\n\n".join([LONG_A] * 64) + "\n")
    an = analyse(doc)
    assert len(an.runs) + len(an.copies) <= 7
    assert all(an.units[r.orig_first].block.line == 1 for r in an.runs)
    assert an.covered == {u.block.index for u in an.units[1:]}


def test_split_copy_is_one_finding():
    doc = Document.from_text(f"# t\n\n{LONG_A}{LONG_B}\n\n間の段落です。\n\n{LONG_A}\n\n{LONG_B}\n")
    an = analyse(doc)
    assert [(c.how, an.units[c.unit].block.line, an.units[c.split_with].block.line) for c in an.copies] == [("split", 7, 9)]


def test_copy_inside_a_run_is_reported_once():
    text = f"# t\n\n{LONG_A}\n\n{LONG_B}\n\n---\n\n{LONG_A}\n\n{LONG_B}\n"
    doc = Document.from_text(text)
    codes = sorted(f.code for f in lint_document(doc, _rp_rules()).findings)
    assert codes == ["RP002"]
