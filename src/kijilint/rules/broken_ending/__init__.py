"""Broken-ending family (EN): generation markers, truncation, text after the footer, fragments, unclosed brackets."""

RULES: list[str] = [
    "generation_marker:GenerationMarker",
    "truncated_paragraph:TruncatedParagraph",
    "truncated_article:TruncatedArticle",
    "text_after_footer:TextAfterFooter",
    "continuation_fragment:ContinuationFragment",
    "unclosed_bracket:UnclosedBracket",
]
