"""Fuzz: random bytes, random HTML-ish text and random scrape-like lines always end as an Article or
a Rejection; no exception escapes, and an Article's paragraph offsets lie inside its body."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.extract import extract_article, extract_html
from newsevents.settings import load_settings
from newsevents.types import Article, RawDocument, Rejection

SETTINGS = load_settings()
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_tags = st.sampled_from(
    ["p", "div", "article", "h1", "script", "style", "figure", "figcaption", "br", "meta", "a"]
)
_html_pieces = st.one_of(
    _tags.map(lambda t: f"<{t}>"),
    _tags.map(lambda t: f"</{t}>"),
    st.sampled_from(
        ["<", ">", "&amp;", "&#x0;", "<!--", "-->", "<![CDATA[", '<meta charset="koi8-r">', "\n"]
    ),
    st.text(max_size=40),
    st.just("The minister said on Thursday that the talks in Moscow had ended without an agreement. "),
)
_html = st.lists(_html_pieces, max_size=40).map("".join)
_scrape_lines = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "",
                "By Jane Doe",
                "1 Jul 2021",
                "Published: 2021-07-01",
                "PHOTO: Reuters",
                "Share this",
                "Related articles",
                "© 2021 Reuters",
                "Follow TKG on Twitter",
                "Moqadas Hashimi",
                "The armed has yet to comment.",
            ]
        ),
        st.text(max_size=80),
    ),
    max_size=25,
).map("\n".join)


def _check(raw: RawDocument) -> None:
    result = extract_article(raw, SETTINGS)
    assert isinstance(result, Article | Rejection)
    if isinstance(result, Article):
        assert result.body.strip()
        assert all(0 <= s <= e <= len(result.body) for s, e in result.paragraphs)
    else:
        assert result.reason.startswith("E_")


@FUZZ
@given(data=st.binary(max_size=2000), content_type=st.sampled_from(["text", "html"]))
def test_extract_fuzz_random_bytes(data, content_type):
    _check(RawDocument("sha:fuzz", "fuzz", content_type, data=data, size=len(data)))


@FUZZ
@given(html=_html)
def test_extract_fuzz_random_html(html):
    data = html.encode("utf-8", "surrogatepass")
    _check(RawDocument("sha:fuzz", "fuzz.html", "html", data=data, size=len(data)))
    fields = extract_html(html.encode("utf-8", "surrogatepass"))
    assert isinstance(fields.body, str)


@FUZZ
@given(text=_scrape_lines)
def test_extract_fuzz_scrape_lines(text):
    data = text.encode("utf-8", "surrogatepass")
    _check(RawDocument("sha:fuzz", "fuzz.txt", "text", data=data, size=len(data)))


@FUZZ
@given(text=st.text(max_size=500), date=st.one_of(st.none(), st.text(max_size=30)))
def test_extract_fuzz_records(text, date):
    _check(
        RawDocument("r", "fuzz.jsonl:1", "record", fields={"text": text, "date": date, "title": text[:20]})
    )
