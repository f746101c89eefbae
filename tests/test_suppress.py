"""Suppression comments silence exactly what they name, on exactly the lines they cover."""

from __future__ import annotations

import re

from kijilint.document import Document
from kijilint.engine import default_rules, lint_document
from kijilint.rules.base import Rule
from kijilint.rules.suppression.unused import UnusedSuppression


class _Word(Rule):
    """Stand-in rule: flags every occurrence of its word in the text."""

    word = ""

    def check(self, doc, report):
        for m in re.finditer(self.word, doc.text):
            report(m.start(), m.end(), f"{self.word} があります")


class Ng(_Word):
    code, name, category, severity, word = "ZZ001", "stand-in-ng", "stand-in", "warning", "NG"


class Bad(_Word):
    code, name, category, severity, word = "ZZ002", "stand-in-bad", "stand-in", "warning", "BAD"


def run(text: str, *rules, path: str = "article.md"):
    rules = rules or (Ng(), Bad(), UnusedSuppression())
    return lint_document(Document.from_text(text, path), list(rules)).findings


def hits(text: str, *rules, path: str = "article.md"):
    return [(f.code, f.line) for f in run(text, *rules, path=path)]


def test_next_line_silences_only_the_named_rule_on_the_next_line():
    text = "<!-- kijilint-disable-next-line ZZ001 -->\nNG BAD\nNG\n"
    assert hits(text) == [("ZZ002", 2), ("ZZ001", 3)]


def test_selectors_by_name_prefix_category_and_commas():
    for sel in ("stand-in-ng", "ZZ001", "zz001", "ZZ00, KJ", "stand-in"):
        text = f"<!-- kijilint-disable-next-line {sel} -->\nNG\n"
        assert ("ZZ001", 2) not in hits(text), sel
    assert hits("<!-- kijilint-disable-next-line ZZ001,ZZ002 -->\nNG BAD\n") == []


def test_next_line_counts_from_the_end_of_a_multi_line_comment():
    text = "<!--\n  kijilint-disable-next-line ZZ001\n-->\nNG\nNG\n"
    assert hits(text) == [("ZZ001", 5)]


def test_disable_line_covers_the_comment_line_only():
    text = "NG <!-- kijilint-disable-line ZZ001 -->\nNG\n"
    assert hits(text) == [("ZZ001", 2)]


def test_disable_enable_region():
    text = "NG\n<!-- kijilint-disable ZZ001 -->\nNG\n\nNG BAD\n<!-- kijilint-enable -->\nNG\n"
    assert hits(text) == [("ZZ001", 1), ("ZZ002", 5), ("ZZ001", 7)]


def test_disable_without_enable_runs_to_the_end():
    text = "NG\n<!-- kijilint-disable -->\nNG BAD\n\nNG\n"
    assert hits(text) == [("ZZ001", 1)]


def test_named_enable_inside_a_blanket_disable():
    text = "<!-- kijilint-disable -->\nNG BAD\n<!-- kijilint-enable ZZ002 -->\nNG BAD\n"
    assert hits(text) == [("ZZ002", 4)]


def test_named_enable_narrows_a_named_disable():
    text = "<!-- kijilint-disable ZZ001 ZZ002 -->\nNG BAD\n<!-- kijilint-enable ZZ001 -->\nNG BAD\n<!-- kijilint-enable -->\nBAD\n"
    assert hits(text) == [("ZZ001", 4), ("ZZ002", 6)]


def test_disable_file_anywhere_silences_the_named_rule_everywhere():
    text = "NG BAD\n\nNG\n\n<!-- kijilint-disable-file ZZ001 -->\n"
    assert hits(text) == [("ZZ002", 1)]
    assert hits("NG BAD\n<!-- kijilint-disable-file -->\n") == []


def test_directives_in_code_are_text():
    text = "```\n<!-- kijilint-disable-file -->\n```\n\n`<!-- kijilint-disable-next-line ZZ001 -->`\nNG\n"
    assert hits(text) == [("ZZ001", 6)]
    assert hits("    <!-- kijilint-disable-file -->\n\nNG\n") == [("ZZ001", 3)]


def test_mdx_comment_form_only_in_mdx():
    text = "{/* kijilint-disable-next-line ZZ001 */}\nNG\n"
    assert hits(text, path="a.mdx") == []
    assert ("ZZ001", 2) in hits(text, path="a.md")


def test_crlf_lines_are_the_same():
    text = "<!-- kijilint-disable-next-line ZZ001 -->\r\nNG\r\nNG\r\n"
    assert hits(text) == [("ZZ001", 3)]


def test_real_rule_in_front_matter_silenced_by_file_directive():
    text = "---\ntitle: x\ntags: [a]\ntags: [b]\n---\n\n<!-- kijilint-disable-file FM004 -->\n本文です。\n"
    rules = default_rules()
    assert "FM004" not in [f.code for f in lint_document(Document.from_text(text, "a.md"), rules).findings]
    assert "FM004" in [f.code for f in lint_document(Document.from_text(text.replace("FM004", "FM005"), "a.md"), rules).findings]


# --- KJ001: unused suppressions ---------------------------------------------------------------

def test_unused_next_line_is_reported_on_the_comment():
    found = run("<!-- kijilint-disable-next-line ZZ001 -->\n本文です。\nNG\n")
    assert [(f.code, f.line, f.column, f.end_column) for f in found] == [("KJ001", 1, 1, 42), ("ZZ001", 3, 1, 3)]
    assert found[0].severity == "info"
    assert "ZZ001" in found[0].message


def test_partly_used_directive_names_the_idle_selector():
    found = run("<!-- kijilint-disable-next-line ZZ001 ZZ002 -->\nNG\n")
    assert [(f.code, f.line) for f in found] == [("KJ001", 1)]
    assert "ZZ002" in found[0].message and "ZZ001" not in found[0].message


def test_used_directives_are_not_reported():
    assert hits("<!-- kijilint-disable ZZ001 -->\nNG\n<!-- kijilint-enable -->\n") == []


def test_not_judged_when_the_named_rule_did_not_run():
    from kijilint.rules.front_matter.duplicate_key import DuplicateKey

    text = "<!-- kijilint-disable-next-line {} -->\n本文です。\n"
    assert hits(text.format("FM005"), DuplicateKey(), UnusedSuppression()) == []
    # a category or prefix only partly selected cannot be judged either
    assert hits(text.format("front-matter"), DuplicateKey(), UnusedSuppression()) == []
    assert hits(text.format("FM"), DuplicateKey(), UnusedSuppression()) == []
    assert hits(text.format("FM004"), DuplicateKey(), UnusedSuppression()) == [("KJ001", 1)]


def test_not_reported_without_kj001():
    assert hits("<!-- kijilint-disable-next-line ZZ001 -->\n本文です。\n", Ng(), Bad()) == []
    assert hits("<!-- kijilint-disable-next-line XX999 -->\n本文です。\n", Ng(), Bad()) == []


def test_blanket_directive_judged_only_when_every_rule_ran():
    text = "<!-- kijilint-disable-next-line -->\n本文です。\n"
    assert hits(text) == []  # the registry's rules did not run
    every = default_rules() + [Ng(), Bad()]
    assert [(f.code, f.line) for f in run(text, *every)] == [("KJ001", 1)]
    assert [(f.code, f.line) for f in run(text.replace("本文です。", "NG"), *every)] == []


def test_kj001_silenced_only_by_a_directive_naming_it():
    text = "<!-- kijilint-disable-file -->\n<!-- kijilint-disable-next-line XX999 -->\nNG\n"
    assert hits(text) == [("KJ001", 2)]
    assert hits(text.replace("disable-file", "disable-file KJ001")) == [("ZZ001", 3)]


def test_directives_past_the_limit_are_ignored_and_reported():
    from kijilint.suppress import MAX_DIRECTIVES

    text = "<!-- kijilint-disable ZZ001 -->\n" * (MAX_DIRECTIVES + 2) + "NG\n"
    found = run(text, Ng(), UnusedSuppression())
    assert [(f.code, f.line) for f in found if "多すぎる" in f.message] == [("KJ001", MAX_DIRECTIVES + 1)]
    assert "ZZ001" not in [f.code for f in found]  # the first ones still apply


def test_suppressed_findings_are_not_fixed():
    from kijilint.fixes import fix_document
    from kijilint.rules.base import delete_fix

    class FixableNg(Ng):
        fix = "safe"

        def check(self, doc, report):
            for m in re.finditer("NG", doc.text):
                report(m.start(), m.end(), "NG があります", fix=delete_fix(m.start(), m.end(), "削除"))

    text = "<!-- kijilint-disable-next-line ZZ001 -->\nNG\nNG\n"
    fixed = fix_document(Document.from_text(text, "a.md"), [FixableNg()]).source.original
    assert fixed == "<!-- kijilint-disable-next-line ZZ001 -->\nNG\n\n"


_SECTION = """## 背景

オープンソースLLMのコミュニティは着実に進化を遂げてきました。研究者が自由に改良できます。

透明性と信頼性の向上に貢献してくれる点も、オープンソースLLMに期待される大きな役割です。

## 背景

オープンソースLLMのコミュニティは着実に進化を遂げてきました。研究者が自由に改良できます。

透明性と信頼性の向上に貢献してくれる点も、オープンソースLLMに期待される大きな役割です。
"""


def test_a_comment_above_a_copied_heading_silences_the_section_reported_from_its_body():
    rules = [r for r in default_rules() if r.code == "RP002"] + [UnusedSuppression()]
    assert hits(_SECTION, *rules) == [("RP002", 9)]  # the copy is reported from its body
    head, sep, tail = _SECTION.partition("\n## 背景\n")
    silenced = head + "\n<!-- kijilint-disable-next-line RP002 -->\n## 背景\n" + tail
    assert hits(silenced, *rules) == []
    # … and only the finding anchored there: the same comment above the original is unused
    elsewhere = "<!-- kijilint-disable-next-line RP002 -->\n" + _SECTION
    assert hits(elsewhere, *rules) == [("KJ001", 1), ("RP002", 10)]
