"""``reports/consistency.md``: a report to paste as a pull-request comment.

A summary table, then contradictions (confident ones first, by confidence;
uncertain ones last and labelled; each with its confidence and identity
evidence), updates (the figure in time order), variances and agreements, each
with the fact, what differs, and the quotes with ``seeds/<id>.txt:LINE``. Quotes are
blockquotes rather than table cells and every line is wrapped, so GitHub shows
the comment without sideways scrolling. Article text is escaped: it can never
become markup, a link, an image or HTML.
"""

from __future__ import annotations

import re
import textwrap

from checker.report.common import (
    VERDICT_LABELS,
    VERDICT_PLURALS,
    by_verdict,
    confidence_text,
    identity_text,
    independence,
    location,
    one_line,
    timeline,
    timeline_text,
)
from checker.report.worddiff import split_sentence
from checker.schema import VERDICT_ORDER, Finding, FindingClaim, Report, Verdict

WIDTH = 100
# GitHub refuses comments over 65,536 characters; keep room for a note and a footer.
MAX_CHARS = 60_000
# A fact repeated by hundreds of syndicated copies would fill a comment with one
# finding; beyond this many claims the rest are counted, not quoted.
MAX_CLAIMS = 12
# Sections shown folded (<details>): useful, but not what a reviewer must read first.
FOLDED = frozenset({Verdict.AGREEMENT})

# Punctuation that is markup anywhere in a line (emphasis, code, links, tables,
# strikethrough, maths, mentions, issue references); backslash-escaped always.
_INLINE = re.compile(r"([\\`*_\[\]|~$@#])")
# A colon that could open an emoji shortcode (":flag:") or a URL scheme ("https://").
_COLON = re.compile(r":(?=[\w+\-/])")
# "www." starts an autolink in GitHub's Markdown.
_WWW = re.compile(r"\b(www)\.", re.IGNORECASE)
# What makes a line a list item, heading, quote or setext underline when it starts it.
_LINE_START = re.compile(r"^(?:(\d+)([.)])|([-+=]))")


def escape(text: str) -> str:
    """Plain text as inert Markdown on one line: HTML-escaped, markup backslashed.

    Block markup only matters at the start of a line, which :func:`wrap` guards.
    """
    text = one_line(text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text)
    text = _COLON.sub(r"\\:", text)
    return _WWW.sub(r"\1\\.", text)


def guard_line(line: str) -> str:
    """Escape what would turn an escaped text line into a list item or heading."""
    match = _LINE_START.match(line)
    if match is None:
        return line
    if match.group(1) is not None:
        return f"{match.group(1)}\\{line[len(match.group(1)) :]}"
    return "\\" + line


def code(text: str) -> str:
    """Inline code that survives backticks in ``text``."""
    text = one_line(text)
    if not text:
        return "\u2014"  # an empty code span would print its backticks
    fence = "`"
    while fence in text:
        fence += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def wrap(
    text: str, prefix: str = "", *, first: str | None = None, guard_first: bool = True
) -> list[str]:
    """Wrap already-escaped ``text`` at :data:`WIDTH`, never breaking inside a word.

    Lines get ``prefix`` (the first one ``first`` when given). Every line that starts
    with article text is guarded; ``guard_first=False`` when the first line starts with
    our own markup ("- **source**").
    """
    head = prefix if first is None else first
    body = textwrap.wrap(
        text,
        width=WIDTH - len(prefix),
        break_long_words=False,
        break_on_hyphens=False,
    )
    if not body:
        return [head.rstrip()]
    lines = []
    for i, line in enumerate(body):
        guarded = guard_line(line) if i or guard_first else line
        lines.append((head if i == 0 else prefix) + guarded)
    return lines


def _claim_lines(claim: FindingClaim, names: dict[str, str], *, dated: bool = False) -> list[str]:
    source = names.get(claim.seed, claim.seed)
    head = f"- **{escape(source) or code(claim.seed)}** {code(location(claim))}"
    value = f"value {code(claim.value)}"
    if claim.normalisation:
        value += f" ({escape(claim.normalisation)})"
    if dated:
        value += f" · as of {code(claim.as_of) if claim.as_of else 'an unknown date'}"
    lines = wrap(f"{head}: {value}", "  ", first="", guard_first=False)
    before, span, after = split_sentence(claim)
    # keep the sentence's own spacing around the bold span ("**300 settlements**, were")
    lead = " " if before[-1:].isspace() else ""
    trail = " " if after[:1].isspace() else ""
    bold = f"**{escape(span)}**" if escape(span) else ""
    quote = f"{escape(before)}{lead}{bold}{trail}{escape(after)}".strip()
    lines.extend(wrap(quote, "  > "))
    return lines


def _finding_lines(
    number: int, finding: Finding, names: dict[str, str], show_story: bool = False
) -> list[str]:
    # a heading cannot continue on a second line: it stays whole however long
    heading = f"#### {number}. {escape(finding.fact)}".rstrip()
    if finding.uncertain:
        heading += " (uncertain)"
    lines = [heading, ""]
    update = finding.verdict is Verdict.UPDATE
    if update:
        # the figure over time: "people killed: 150 (3 Aug) → 381 (4 Aug)"
        lines.extend(wrap(f"**{escape(finding.fact)}:** {escape(timeline_text(finding))}"))
        lines.append("")
    lines.extend(wrap(escape(finding.explanation)))
    lines.append("")
    facts = []
    if finding.uncertain:
        facts.append("**uncertain**")
    confidence = confidence_text(finding)
    if confidence is not None:
        facts.append(confidence)
    facts += [
        f"rule {code(finding.rule)} {escape(finding.rule_name)}",
        escape(independence(finding)),
    ]
    if finding.story and show_story:
        facts.append(f"story {escape(finding.story)}")
    if finding.differences:
        facts.append("differs in: " + ", ".join(escape(d) for d in finding.differences))
    lines.extend(wrap(" · ".join(facts), guard_first=False))
    identity = identity_text(finding)
    if identity is not None:
        lines.append("")
        lines.extend(wrap(f"**Identity:** {escape(identity)}", guard_first=False))
    if finding.review is not None:
        review = finding.review
        text = f"**Editor:** {escape(review.decision.value)} by {escape(review.reviewer)}"
        if review.note:
            text += f": {escape(review.note)}"
        lines.append("")
        lines.extend(wrap(text, guard_first=False))
    lines.append("")
    claims = timeline(finding) if update else finding.claims
    for claim in claims[:MAX_CLAIMS]:
        lines.extend(_claim_lines(claim, names, dated=update))
    if len(finding.claims) > MAX_CLAIMS:
        more = len(finding.claims) - MAX_CLAIMS
        lines.append(f"- \u2026 and {more} more (see `reports/consistency.html`)")
    lines.append("")
    return lines


def _within_budget(blocks: list[list[str]]) -> list[str]:
    """The blocks that fit in :data:`MAX_CHARS`, then a note of how many were left out.

    ``<details>`` openings and closings are kept, so the Markdown stays balanced.
    """
    kept: list[str] = []
    size = 0
    dropped = 0
    for block in blocks:
        block_size = sum(len(line) + 1 for line in block)
        structural = block[0].startswith(("<details>", "</details>", "### "))
        if structural or (size + block_size <= MAX_CHARS and not dropped):
            kept.extend(block)
            size += block_size
        else:
            dropped += 1
    if dropped:
        kept.extend(
            [
                f"**{dropped} more sections not shown** (comment size limit): see "
                "`reports/consistency.html` or `reports/consistency.json`.",
                "",
            ]
        )
    return kept


def render(report: Report) -> str:
    """The Markdown report (deterministic; lines at most :data:`WIDTH` characters where
    the text allows: a single word longer than that stays whole)."""
    names = {s.id: s.metadata.outlet or s.id for s in report.seeds}
    summary = report.summary
    lines = [
        "## Consistency report",
        "",
        "| | count |",
        "|---|---:|",
        f"| sources | {summary.sources} |",
        f"| claims | {summary.claims} |",
        f"| facts | {summary.facts} |",
        f"| contradictions | {summary.contradiction} |",
        f"| uncertain contradictions | {summary.uncertain} |",
        f"| updates | {summary.update} |",
        f"| variances | {summary.variance} |",
        f"| agreements | {summary.agreement} |",
        f"| single-source | {summary.single_source} |",
        "",
    ]
    stories = sorted({f.story for f in report.findings if f.story})
    if len(stories) > 1:  # facts are compared within a story: how each one fares
        lines += [
            "| story | contradictions | updates | variances | agreements |",
            "|---|---:|---:|---:|---:|",
        ]
        for story in stories:
            mine = [f for f in report.findings if f.story == story]
            counts = [
                sum(1 for f in mine if f.verdict is v)
                for v in (
                    Verdict.CONTRADICTION,
                    Verdict.UPDATE,
                    Verdict.VARIANCE,
                    Verdict.AGREEMENT,
                )
            ]
            lines.append(f"| {escape(story)} | " + " | ".join(str(c) for c in counts) + " |")
        lines.append("")
    groups = by_verdict(report.findings)
    # Blocks in reading order; the first ones (contradictions) are kept whatever the size.
    blocks: list[list[str]] = []
    number = 0
    for verdict in VERDICT_ORDER:
        folded = verdict in FOLDED
        title = f"{VERDICT_PLURALS[verdict]} ({len(groups[verdict])})"
        head = [f"<details><summary>{title}</summary>", ""] if folded else [f"### {title}", ""]
        if not groups[verdict]:
            head.extend([f"No {VERDICT_LABELS[verdict].lower()}s.", ""])
        blocks.append(head)
        for finding in groups[verdict]:
            number += 1
            blocks.append(_finding_lines(number, finding, names, show_story=len(stories) > 1))
        if folded:
            blocks.append(["</details>", ""])
    if report.single_source:
        count = len(report.single_source)
        blocks.append([f"<details><summary>Single-source facts ({count})</summary>", ""])
        single: list[str] = []
        for claim in report.single_source:
            source = escape(names.get(claim.seed, claim.seed)) or code(claim.seed)
            single.extend(
                wrap(
                    f"- **{source}** {code(location(claim))}: {escape(claim.text)}",
                    "  ",
                    first="",
                    guard_first=False,
                )
            )
        single.append("")
        blocks.append(single)
        blocks.append(["</details>", ""])
    lines.extend(_within_budget(blocks))
    return "\n".join(lines).rstrip("\n") + "\n"
