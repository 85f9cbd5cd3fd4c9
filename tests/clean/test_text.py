"""The text-dump filter: one test per rule, on tiny dumps written for the rule."""

from __future__ import annotations

import pytest

from rightsdesk.clean import clean_text
from rightsdesk.clean.text import stated_day, unwrap

BODY = [
    "A regional court on Tuesday sentenced the trade union leader to four years in a "
    "penal colony for organising an unsanctioned strike at the copper smelter.",
    "Her lawyers said the trial had been closed to the public and that defence witnesses "
    "were not allowed to testify, and they announced an appeal to the supreme court.",
    "Several international organisations called the verdict a reprisal for her union work "
    "and asked the government to release her while the appeal is heard.",
]


def dump(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def test_article_body_and_headline_kept() -> None:
    text = clean_text(dump("Menu", "News", "Union leader jailed for four years", *BODY))
    assert text.splitlines() == ["Union leader jailed for four years", *BODY]


def test_teaser_block_after_read_next_dropped() -> None:
    teasers = [
        "Read next",
        "Harvest festival returns to the old town",
        "Organisers expect record crowds at this year's fair, which opens on Friday.",
        "Ten cafes worth the detour",
        "Our critic picks the best places for a long breakfast.",
    ]
    text = clean_text(dump(*BODY, *teasers))
    assert "festival" not in text and "cafes" not in text
    assert BODY[-1] in text


def test_job_ad_dropped() -> None:
    ads = ["£35,000 - £40,000 per annum + benefits", "Acme Recruitment: Trainee Consultant"]
    text = clean_text(dump(BODY[0], *ads, *BODY[1:]))
    assert "per annum" not in text and "Recruitment" not in text
    assert BODY[1] in text


def test_share_line_dropped() -> None:
    text = clean_text(dump(BODY[0], "Share on Facebook", "Follow us on Twitter", *BODY[1:]))
    assert "Facebook" not in text and "Twitter" not in text


def test_cookie_notice_dropped_even_when_long() -> None:
    notice = (
        "This website uses cookies to improve your experience while you navigate through "
        "the website, and some of them are stored in your browser as they are essential."
    )
    assert "cookies" not in clean_text(dump(notice, *BODY))


def test_byline_only_line_dropped_but_prose_starting_with_by_kept() -> None:
    prose = (
        "By the end of the week more than forty people had been detained in the capital, "
        "according to a monitoring group that tracks arrests at protests."
    )
    text = clean_text(dump("By Jane Smith | 12 October 2012", BODY[0], prose, *BODY[1:]))
    assert "Jane Smith" not in text and prose in text


def test_footer_paragraph_does_not_outweigh_article() -> None:
    footer = "Example Media customer service can be reached by telephone or email, " * 12
    menu = [f"Section {n}" for n in range(15)]
    text = clean_text(dump(*BODY, *menu, footer.strip()))
    assert BODY[0] in text and "customer service" not in text


def test_dump_of_menus_only_is_empty() -> None:
    assert clean_text(dump("Home", "World", "Sport", "Contact us", "Subscribe now")) == ""


def test_signatory_list_of_a_joint_statement_kept() -> None:
    dump = "\n".join([
        "Home | News | Campaigns",
        "Belarus: Joint letter on the trial of the Viasna leaders",
        "Rights groups urge the authorities to drop the charges",
        "Front Line Defenders",
        "Freedom Now",
        "Norwegian Helsinki Committee",
        "World Organisation Against Torture",
        "12 March 2023",
        "We, the undersigned organisations, call on the Belarusian authorities to release the "
        "defenders at once and to end the prosecution of Viasna members for their work.",
        "The trial opened in January behind closed doors, and the defendants were kept in a "
        "cage throughout the hearings, according to relatives who attended.",
    ])
    kept = clean_text(dump)
    for name in ("Front Line Defenders", "Freedom Now", "World Organisation Against Torture"):
        assert name in kept
    assert "Campaigns" not in kept


def test_menu_of_section_names_is_not_a_signatory_list() -> None:
    dump = "\n".join([
        "World", "Business", "Sport", "Culture",
        "Police in the capital detained the editor of an independent newspaper on Tuesday, "
        "his lawyer said, after officers searched the newsroom for several hours.",
        "The editor faces charges of spreading false information, which carry a prison term.",
    ])
    assert "Business" not in clean_text(dump)


@pytest.mark.parametrize(
    ("dump", "day"),
    [
        ("Home | News\nIstanbul, 1 November 2024\nKavala has spent years in prison.", "2024-11-01"),
        ("MINSK, March 3, 2021 - Police detained a blogger.", "2021-03-03"),
        ("News\nPolice detained a blogger on 3 March 2021 in Minsk.", None),
        ("Sign up\nDecember 2021\nA court jailed the editor.", None),
    ],
)
def test_the_day_a_dump_states_at_its_top(dump: str, day: str | None) -> None:
    found = stated_day(dump)
    assert (found.isoformat() if found else None) == day


WRAPPED = """Opposition says more activists held
By a staff correspondent 03/04/2009
Wire service
The opposition said on Tuesday that police had detained six more of
its activists ahead of a rally planned for the weekend in the capital,
bringing to fourteen the number held since the start of the month.
A spokeswoman for the alliance told reporters that four of them were
sentenced to ten days of administrative arrest on charges of petty
hooliganism, while the others were fined and released that evening.
The alliance's leader said two more members in a northern town were
questioned by local police for several hours and then let go without
charge after they handed out leaflets announcing the rally.
"""


def test_a_hard_wrapped_dump_is_read_as_paragraphs() -> None:
    lines = unwrap(WRAPPED).splitlines()
    assert lines[:3] == ["Opposition says more activists held",
                         "By a staff correspondent 03/04/2009", "Wire service"]
    assert lines[3].startswith("The opposition said on Tuesday that police had detained six more "
                               "of its activists ahead of a rally")
    kept = clean_text(WRAPPED)
    assert "sentenced to ten days of administrative arrest on charges of petty hooliganism" in kept
    assert "let go without charge after they handed out leaflets" in kept


def test_a_dump_of_one_paragraph_per_line_is_not_rewrapped() -> None:
    text = "\n".join(["Menu", "Home", "News"] + [("A sentence of prose. " * 8).strip()] * 10)
    assert unwrap(text) == text


def test_prose_broken_into_short_lines_is_joined_back() -> None:
    column = [
        "The High Court in Nakuru",
        "lifted the immunity of the senator",
        "on Friday, clearing the way for",
        "her prosecution on charges of",
        "incitement and hate speech,",
        "her lawyers said.",
        "She has been held",
        "since the protests",
        "in July of last year",
        "without access to her lawyers",
        "or to her family, they added.",
    ]
    assert clean_text(dump(*column)).splitlines() == [
        "The High Court in Nakuru lifted the immunity of the senator on Friday, clearing "
        "the way for her prosecution on charges of incitement and hate speech, her lawyers "
        "said.",
        "She has been held since the protests in July of last year without access to her "
        "lawyers or to her family, they added.",
    ]


def test_a_menu_of_short_lines_is_no_article() -> None:
    menu = ["Home", "World", "Africa", "Politics", "Business news", "Sport results",
            "Culture and arts", "Opinion pieces", "Contact us", "About our team"] * 4
    assert clean_text(dump(*menu)) == ""
