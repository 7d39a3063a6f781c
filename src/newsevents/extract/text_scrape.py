"""Plain-text scrapes -> title, byline, date, publisher, captions and body paragraphs.

trafilatura returns nothing for plain text, so scrapes get this parser of our own. The text is split
on newlines first (a byline must never merge with the date below it), each line is classified on its
own (lines.py, patterns in data/extract/text_scrape.yaml), then in context:
- the first candidate line is the title; later repeats of it are dropped;
- a bare name line ("Moqadas Hashimi") is a byline when it sits next to a date or another byline;
- short headline lines after a "Related articles" header are boilerplate;
- lines of one block that were hard-wrapped mid-sentence are joined back into one paragraph;
- body = the remaining paragraphs, less the sentence-less ones before the first and after the last
  sentence (site navigation, footers); a teaser sentence right after the title stays in the body.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from newsevents.extract.lines import (
    LineInfo,
    classify_line,
    display_name,
    is_name_like,
    is_sentence_like,
    word_count,
)
from newsevents.extract.patterns import ScrapePatterns, load_patterns

# Headlines are short; a first line longer than this is the article's first paragraph.
_MAX_TITLE_WORDS = 30
# Shorter first lines are section labels ("World", "Live updates"), not headlines.
_MIN_TITLE_WORDS = 3
_MAX_UNPUNCTUATED_TITLE_WORDS = 12
# A line shorter than this that does not end a sentence is a heading, not a hard-wrapped line.
_MIN_WRAPPED_LINE_CHARS = 40

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
_ENDS_CLAUSE = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+([^|–—-]{2,60})$")


@dataclass(slots=True)
class ScrapeResult:
    title: str | None
    authors: list[str]
    date: str | None
    publisher: str | None
    captions: list[str]
    paragraphs: list[str]


@dataclass(slots=True)
class _Line:
    text: str
    info: LineInfo
    block: int  # index of the blank-line-separated block the line is in
    role: str = field(default="")


def _split_lines(text: str, patterns: ScrapePatterns) -> list[_Line]:
    lines: list[_Line] = []
    block = 0
    previous_blank = True
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        clean = _SPACES.sub(" ", _INVISIBLE.sub("", raw)).strip()
        if not clean:
            if not previous_blank:
                block += 1
            previous_blank = True
            continue
        previous_blank = False
        info = classify_line(clean, patterns)
        lines.append(_Line(clean, info, block, info.kind))
    return lines


def _title_key(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def _headline_like(text: str) -> bool:
    # Headlines are short and seldom end with a full stop; a long first line ending with one is the
    # first paragraph of an article scraped without its title.
    words = word_count(text)
    return words <= _MAX_TITLE_WORDS and not (words > _MAX_UNPUNCTUATED_TITLE_WORDS and text.endswith("."))


def _mark_title(lines: list[_Line]) -> str | None:
    first = next(
        (line for line in lines if line.role == "candidate" and word_count(line.text) >= _MIN_TITLE_WORDS),
        None,
    )
    if first is None or not _headline_like(first.text):
        return None
    first.role = "title"
    key = _title_key(first.text)
    for line in lines:
        if (
            line.role in ("candidate", "caption", "boilerplate")
            and line is not first
            and _title_key(line.text) == key
        ):
            line.role = "title_repeat"
    return first.text


def _mark_name_bylines(lines: list[_Line], patterns: ScrapePatterns) -> None:
    anchors = {"date", "byline"}
    for i, line in enumerate(lines):
        if line.role != "candidate" or not is_name_like(line.text, patterns):
            continue
        neighbours = [lines[j].role for j in (i - 1, i + 1) if 0 <= j < len(lines)]
        if anchors & set(neighbours):
            line.role = "byline"
            line.info = LineInfo("byline", authors=(display_name(line.text),))


def _mark_lists(lines: list[_Line]) -> None:
    in_list = False
    for line in lines:
        if line.info.list_header:
            in_list = True
        elif in_list and line.role == "candidate":
            if is_sentence_like(line.text):
                in_list = False
            else:
                line.role = "boilerplate"


def _merge_wrapped(lines: list[_Line]) -> list[str]:
    """Candidate lines -> paragraphs: a line is joined to the previous one when both are in the same
    block and the previous one was cut mid-sentence (hard-wrapped text)."""
    paragraphs: list[str] = []
    previous: _Line | None = None
    for line in lines:
        if line.role != "candidate":
            previous = None
            continue
        wrapped = (
            previous is not None
            and previous.block == line.block
            and len(previous.text) >= _MIN_WRAPPED_LINE_CHARS
            and not _ENDS_CLAUSE.search(previous.text)
        )
        if wrapped:
            paragraphs[-1] += " " + line.text
        else:
            paragraphs.append(line.text)
        previous = line
    return paragraphs


def _trim_edges(paragraphs: list[str]) -> list[str]:
    """Drops the sentence-less paragraphs before the first and after the last sentence: section
    labels and navigation above the article, footers below it."""
    prose = [i for i, text in enumerate(paragraphs) if is_sentence_like(text)]
    return paragraphs[prose[0] : prose[-1] + 1] if prose else paragraphs


def _publisher(lines: list[_Line], patterns: ScrapePatterns, paragraphs: list[str]) -> str | None:
    counts: Counter[str] = Counter()
    first_seen: dict[str, str] = {}
    for line in lines:
        for name in line.info.publishers:
            key = name.casefold()
            counts[key] += 1
            first_seen.setdefault(key, name)
    if counts:
        order = list(first_seen)
        best = max(counts, key=lambda key: (counts[key], -order.index(key)))
        return first_seen[best]
    for paragraph in paragraphs[:1]:
        for pattern in patterns.dateline_publisher:
            match = pattern.search(paragraph)
            if match:
                return match.group("publisher").strip()
    return None


def _date(lines: list[_Line]) -> str | None:
    rank = {"published": 0, "plain": 1, "updated": 2}
    dated = [(rank[line.info.date_kind], i, line.info.date) for i, line in enumerate(lines) if line.info.date]
    return min(dated)[2] if dated else None


def _strip_publisher_suffix(title: str | None, publisher: str | None) -> str | None:
    if title is None or publisher is None:
        return title
    match = _TITLE_SUFFIX.search(title)
    if match and match.group(1).strip().casefold() == publisher.casefold():
        return title[: match.start()].strip()
    return title


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def parse_text_scrape(text: str) -> ScrapeResult:
    patterns = load_patterns()
    lines = _split_lines(text, patterns)
    title = _mark_title(lines)
    _mark_name_bylines(lines, patterns)
    _mark_lists(lines)
    paragraphs = _trim_edges(_merge_wrapped(lines))
    if not paragraphs and title is not None:
        # A one-line document ("The talks ended."): its only line is its body, not a headline.
        paragraphs, title = [title], None
    publisher = _publisher(lines, patterns, paragraphs)
    return ScrapeResult(
        title=_strip_publisher_suffix(title, publisher),
        authors=_unique([a for line in lines if line.role == "byline" for a in line.info.authors]),
        date=_date(lines),
        publisher=publisher,
        captions=_unique([line.text for line in lines if line.role == "caption"]),
        paragraphs=paragraphs,
    )
