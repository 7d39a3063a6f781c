"""One line of a scrape, classified on its own."""

from __future__ import annotations

import pytest

from newsevents.extract.lines import classify_line, is_name_like, is_sentence_like, publisher_candidates
from newsevents.extract.patterns import load_patterns

P = load_patterns()


@pytest.mark.parametrize(
    ("line", "date", "kind"),
    [
        ("1 Jul 2021", "2021-07-01", "plain"),
        ("July 1, 2021", "2021-07-01", "plain"),
        ("2021-07-01", "2021-07-01", "plain"),
        ("Published: 1 July 2021", "2021-07-01", "published"),
        ("Thursday, 1 July 2021 10:32 GMT", "2021-07-01", "plain"),
        ("Updated on Jul. 2, 2021 at 5:00 pm", "2021-07-02", "updated"),
        ("Posted on 2021-07-01T10:00:00Z", "2021-07-01", "published"),
    ],
)
def test_lines_date_line(line, date, kind):
    info = classify_line(line, P)
    assert (info.kind, info.date, info.date_kind) == ("date", date, kind)


@pytest.mark.parametrize(
    "line",
    ["On 1 July 2021 the minister left for Moscow.", "31 Feb 2021", "The 2021 budget", "1 July"],
)
def test_lines_not_a_date_line(line):
    assert classify_line(line, P).kind != "date"


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Jane Doe", ("Jane Doe",)),
        ("By Jane Doe and John Roe", ("Jane Doe", "John Roe")),
        ("By JANE DOE, Reuters", ("Jane Doe",)),
        ("Written by Ahmad bin Said", ("Ahmad bin Said",)),
        ("Author: Mary-Jane O'Neil", ("Mary-Jane O'Neil",)),
        ("By Reuters", ()),
        ("Jane Doe | 1 July 2021", ("Jane Doe",)),
    ],
)
def test_lines_byline(line, authors):
    info = classify_line(line, P)
    assert info.kind == "byline"
    assert info.authors == authors


@pytest.mark.parametrize(
    "line",
    ["By the end of the year, the army had left.", "By 2030 the plan ends.", "Bystanders fled the scene."],
)
def test_lines_by_sentence_is_not_byline(line):
    assert classify_line(line, P).kind != "byline"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moqadas Hashimi", True),
        ("J. R. Smith", True),
        ("José Núñez", True),
        ("Latest News", False),
        ("Kabul, Afghanistan", False),
        ("Hashimi", False),
        ("The armed has yet to comment.", False),
    ],
)
def test_lines_name_like(text, expected):
    assert is_name_like(text, P) is expected


@pytest.mark.parametrize(
    "line",
    [
        "Hamdullah Mohib, Afghan National Security Advisor. PHOTO: Social Media",
        "Photo: Reuters",
        "Soldiers at the border. (Photo by Ahmad Shah/AFP via Getty Images)",
        "File photo of the ministry building",
        "Image: Reuters/John Smith",
        "Protesters in Minsk. REUTERS/Vasily Fedosenko",
    ],
)
def test_lines_caption(line):
    assert classify_line(line, P).kind == "caption"


@pytest.mark.parametrize(
    "line",
    [
        "Follow TKG on Twitter & Facebook",
        "Design & Developed by Techsharks - Copyright © 2022",
        "Copyright 2022 © TKG: A public media project of DHSA",
        "Share this article",
        "Related articles",
        "Read more:",
        "We use cookies to improve your experience on our website. By continuing you accept our cookie policy.",
        "Sign up for our newsletter",
        "Tags: Afghanistan, Russia",
        "Advertisement",
        "3 min read",
    ],
)
def test_lines_boilerplate(line):
    assert classify_line(line, P).kind == "boilerplate"


@pytest.mark.parametrize(
    "line",
    [
        "The system developed by Russian engineers was tested on Monday.",
        "The newsletter reported that the talks had failed.",
        "Officials said the photo op was cancelled.",
        "The armed has yet to comment.",
    ],
)
def test_lines_article_sentences_stay_candidates(line):
    assert classify_line(line, P).kind == "candidate"


@pytest.mark.parametrize(
    ("line", "publisher"),
    [
        ("Follow TKG on Twitter & Facebook", "TKG"),
        ("Copyright 2022 © TKG: A public media project of DHSA", "TKG"),
        ("© 2021 Reuters", "Reuters"),
        ("Copyright © 2021 Kabul Times. All rights reserved.", "Kabul Times"),
        ("Design & Developed by Techsharks - Copyright © 2022", None),
        ("Follow us on Twitter", None),
    ],
)
def test_lines_publisher(line, publisher):
    assert publisher_candidates(line, P) == ((publisher,) if publisher else ())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The armed has yet to comment.", True),
        ("He said: “We will go.”", True),
        ("Afghan NSA Travels to Moscow", False),
        ("Share this", False),
    ],
)
def test_lines_sentence_like(text, expected):
    assert is_sentence_like(text) is expected
