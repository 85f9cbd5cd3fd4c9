"""Statements: who took a public position, normalised, one record per actor."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from rightsdesk.extract.actors import actor_for_host, find_mentions
from rightsdesk.extract.lexicon import load_table
from rightsdesk.extract.sentences import SentenceView
from rightsdesk.extract.statements import find_statements
from rightsdesk.model import Evidence, Statement

PUBLISHED = date(2013, 6, 28)
SIGNATORIES = "Amnesty International\nNorwegian Helsinki Committee\nPublic Foundation “Liberty”"


def views(nlp: Language, text: str) -> list[SentenceView]:
    """One paragraph per line, as the Extractor reads a clean document."""
    out: list[SentenceView] = []
    offset = 0
    for number, line in enumerate(text.split("\n")):
        doc = nlp(line)
        for sent in doc.sents:
            start = offset + sent.start_char
            evidence = Evidence("hash", start, start + len(sent.text), sent.text)
            out.append(SentenceView(sent, evidence, number, len(out)))
        offset += len(line) + 1
    return out


def statements(nlp: Language, text: str, *, author: str | None = None) -> list[Statement]:
    return find_statements(views(nlp, text), published=PUBLISHED, author=author)


def actors(nlp: Language, text: str, *, author: str | None = None) -> list[str]:
    """The actors as the export names them: as written where the text never writes the
    gazetteer's name."""
    return sorted(s.written or s.actor for s in statements(nlp, text, author=author))


def rule_cases(polarity: str) -> list[pytest.param]:
    cases = []
    for rule in load_table("statements").rules:
        texts = rule.examples if polarity == "examples" else rule.counterexamples
        for i, text in enumerate(texts):
            if rule.get("how") == "joint" and polarity == "examples":
                text = f"{text}\n{SIGNATORIES}"
            cases.append(pytest.param(text, id=f"{rule.id}-{i}"))
    return cases


@pytest.mark.parametrize("text", rule_cases("examples"))
def test_rule_example_is_a_statement(nlp: Language, text: str) -> None:
    assert statements(nlp, text), text


@pytest.mark.parametrize("text", rule_cases("counterexamples"))
def test_rule_counterexample_is_not_a_statement(nlp: Language, text: str) -> None:
    assert not statements(nlp, text), text


def gazetteer_cases(polarity: str) -> list[pytest.param]:
    table = load_table("actors")
    texts = table.examples if polarity == "examples" else table.counterexamples
    return [pytest.param(t, id=t) for t in texts]


@pytest.mark.parametrize("case", gazetteer_cases("examples"))
def test_gazetteer_example_names_its_actor(nlp: Language, case: str) -> None:
    expected, form = case.split(": ", 1)
    assert [m.actor.name for m in find_mentions(nlp(form)[:])] == [expected]


@pytest.mark.parametrize("text", gazetteer_cases("counterexamples"))
def test_gazetteer_counterexample_names_no_known_actor(nlp: Language, text: str) -> None:
    known = [m for m in find_mentions(nlp(text)[:]) if m.actor.category != "org"]
    assert not known


def test_one_record_per_actor_across_its_names(nlp: Language) -> None:
    text = (
        "Last July the UN rights chief issued a statement criticising the verdict.\n"
        "Navi Pillay urged the authorities to release the jailed poet.\n"
        "OHCHR also said the trial was deeply flawed."
    )
    found = statements(nlp, text)
    # keyed by the gazetteer's name, exported as the text names it
    assert [(s.actor, s.written) for s in found] == [
        ("UN High Commissioner for Human Rights", "UN rights chief")]
    assert {"UN rights chief", "Navi Pillay", "OHCHR"} <= set(found[0].names)


def test_citation_as_source_is_not_a_statement(nlp: Language) -> None:
    text = (
        "According to Amnesty International, the poet was detained on Monday.\n"
        "Human Rights Watch reported that the blogger was arrested at his home.\n"
        "The blogger told Reporters Without Borders that police had beaten him."
    )
    assert actors(nlp, text) == []


def test_accused_government_denying_is_not_a_statement(nlp: Language) -> None:
    text = (
        "A court in Tashkent jailed the Uzbek journalist for seven years.\n"
        "The Uzbek government denies that the case is politically motivated.\n"
        "Uzbekistan rejected the criticism as interference; Uzbekistan condemned the critics."
    )
    assert actors(nlp, text) == []


def test_other_government_expressing_concern_is_a_statement(nlp: Language) -> None:
    text = (
        "A court in Tashkent jailed the Uzbek journalist for seven years.\n"
        "The United States and Germany expressed concern over the verdict."
    )
    assert actors(nlp, text) == ["Germany", "United States"]


def test_ngo_author_speaking_as_we(nlp: Language) -> None:
    text = (
        "The blogger was sentenced to five years on Monday.\n"
        "“We call on the authorities to quash this unjust conviction,” the statement reads."
    )
    assert actor_for_host("www.hrw.org") is not None
    found = statements(nlp, text, author="www.hrw.org")
    assert [s.actor for s in found] == ["Human Rights Watch"]
    assert found[0].date == PUBLISHED.isoformat()


def test_ngo_named_in_its_own_release(nlp: Language) -> None:
    text = "Jailing the two farmers is a miscarriage of justice, Human Rights Watch said today."
    assert actors(nlp, text, author="hrw.org") == ["Human Rights Watch"]


def test_a_release_that_names_its_group_is_the_group_s_position(nlp: Language) -> None:
    text = (
        "Egypt: Pardon for jailed blogger long overdue\n"
        "The following quote can be attributed to Amr Said, researcher at Human Rights Watch: "
        "the pardon is good news."
    )
    assert actors(nlp, text, author="www.hrw.org") == ["Human Rights Watch"]
    assert actors(nlp, text.replace("Human Rights Watch", "the university")) == []


def test_a_page_on_a_group_s_site_that_never_names_it_is_no_position(nlp: Language) -> None:
    text = "Repression in Belarus is not getting any less severe, writes our columnist."
    assert actors(nlp, text, author="www.indexoncensorship.org") == []


def test_spokesperson_speaks_for_the_organisation(nlp: Language) -> None:
    text = (
        "“This verdict is a travesty,” said Jane Doe, a researcher at Freedom House.\n"
        "Doe said the journalist must be freed immediately."
    )
    found = statements(nlp, text)
    assert [s.actor for s in found] == ["Freedom House"]
    assert "Jane Doe" in found[0].names


def test_unknown_organisation_named_by_its_shape(nlp: Language) -> None:
    text = "The Tajik Bureau for Human Rights condemned the arrest of the lawyer."
    assert actors(nlp, text) == ["Tajik Bureau for Human Rights"]


def test_office_joins_its_body_when_both_speak(nlp: Language) -> None:
    text = (
        "The European Union issued a statement on the sentence.\n"
        "Catherine Ashton, the EU foreign policy chief, expressed concern over the trial."
    )
    assert actors(nlp, text) == ["European Union"]


def test_signatories_of_a_joint_statement(nlp: Language) -> None:
    text = f"Joint statement on the trial of the activists\n{SIGNATORIES}\n1 May 2021"
    assert actors(nlp, text) == [
        "Amnesty International",
        "Norwegian Helsinki Committee",
        "Public Foundation “Liberty”",
    ]


def test_byline_organisations_speak_as_the_groups(nlp: Language) -> None:
    text = (
        "Public Foundation “Liberty”\n"
        "Civil society groups call on the authorities to investigate the killings of protesters."
    )
    assert actors(nlp, text) == ["Public Foundation “Liberty”"]


def test_the_same_month_dates_a_statement_by_the_date_given_before(read) -> None:
    text = ("Anna Berg was sentenced to five years in April 2023. The same month, Human Rights "
            "Watch condemned the verdict as unjust.")
    statements = {s.actor: s for s in read(text).statements}
    assert statements["Human Rights Watch"].date == "2023-04"


def test_a_second_subject_the_parse_joined_to_the_first_object_speaks(nlp: Language) -> None:
    text = ("Human Rights Watch condemned the verdict as persecution and Amnesty International "
            "said it would have a chilling effect on freedom of expression.")
    assert actors(nlp, text) == ["Amnesty International", "Human Rights Watch"]


def test_words_quoted_on_the_record_are_a_position(nlp: Language) -> None:
    text = ("“This ruling is a victory for Ahmed Abba, who has been detained for two years,” "
            "said Anna Berg, a researcher at Amnesty International.")
    assert actors(nlp, text) == ["Amnesty International"]


def test_a_phrase_quoted_inside_reported_speech_is_no_position(nlp: Language) -> None:
    text = "The Committee to Protect Journalists said they had “acquired documents” in May."
    assert actors(nlp, text) == []


def test_a_name_inside_an_adjective_does_not_speak(nlp: Language) -> None:
    assert actors(nlp, "His US-based daughter welcomed the news and condemned the trial.") == []
    assert actors(nlp, "Ban Ki-moon, the UN secretary-general, condemned the beatings.") == [
        "UN Secretary-General"]


def test_the_committee_against_torture_is_not_the_human_rights_committee(nlp: Language) -> None:
    text = ("The United Nations Committee against Torture today issued its findings on Bahrain.\n"
            "The committee urged Bahrain to release the jailed human rights defenders.")
    assert actors(nlp, text) == ["UN Committee against Torture"]


def test_an_adviser_from_a_group_speaks_for_it(nlp: Language) -> None:
    text = ("The blogger was jailed. A senior advisor from Human Rights First called on the "
            "administration to act.")
    assert actors(nlp, text) == ["Human Rights First"]


@pytest.mark.parametrize(("text", "actor"), [
    ("The rights group Viasna condemned the verdict.", "Viasna"),
    ("Shen Narayanasamy of Australian activist group GetUp told AFP the arrest was outrageous.",
     "GetUp"),
])
def test_a_name_introduced_as_a_rights_group_is_one(nlp: Language, text: str, actor: str) -> None:
    assert actors(nlp, f"The journalist was jailed. {text}") == [actor]


def test_a_pronoun_in_what_an_actor_says_is_that_actor(nlp) -> None:
    text = "Britain's Foreign Office said it had raised the case with the authorities."
    assert actors(nlp, text) == ["Britain"]  # the UK government, named as written


def test_un_experts_are_named_as_the_text_names_them(nlp) -> None:
    text = ("UN experts condemned the conviction of the blogger. Separately, UN human rights "
            "experts urged the authorities to free the journalist.")
    assert actors(nlp, text) == ["UN experts", "UN human rights experts"]


def test_a_month_after_in_dates_the_statement(nlp: Language) -> None:
    text = ("Blogger Ivan Petrov was jailed in Russia in March. "
            "In April, Human Rights Watch called for his release.")
    found = {s.actor: s for s in statements(nlp, text)}
    assert found["Human Rights Watch"].date == "2013-04"


def test_another_country_s_foreign_office_is_that_country(nlp: Language) -> None:
    text = ("Blogger Ivan Petrov was jailed in Russia in March. The German Federal Foreign "
            "Office condemned the verdict.")
    assert actors(nlp, text) == ["Germany"]


def test_a_named_body_coordinated_with_a_known_one_speaks_too(nlp: Language) -> None:
    text = ("Blogger Ivan Petrov was jailed in Belarus in March. Amnesty International and "
            "the Belarusian Association of Journalists condemned the verdict.")
    assert actors(nlp, text) == ["Amnesty International", "Belarusian Association of Journalists"]


@pytest.mark.parametrize(
    ("text", "actor"),
    [("The Justice Forum has criticised the arrest of the journalists.", "Justice Forum"),
     ("The National Syndicate of Press Workers condemned the detention of the reporter.",
      "National Syndicate of Press Workers"),
     ("The Opposition Platform denounced the arrests on Monday.", "Opposition Platform")],
)
def test_forums_platforms_and_syndicates_are_organisations(nlp: Language, text, actor) -> None:
    assert actors(nlp, text) == [actor]


def test_bodies_listed_before_the_subject_speak_with_it(read) -> None:
    text = ("Last month, the Norwegian Helsinki Committee, Human Rights Watch, Freedom for "
            "Eurasia, and Freedom Now demanded that the authorities drop the charges against "
            "Ivan Petrov and immediately release him.")
    actors = {s.actor for s in read(text).statements}
    assert {"Norwegian Helsinki Committee", "Human Rights Watch", "Freedom Now"} <= actors


def test_an_outcry_led_by_a_body_is_its_position(read) -> None:
    text = ("Petrov's arrest in March triggered an international outcry led by Human Rights "
            "Watch and Amnesty International.")
    assert {s.actor for s in read(text).statements} == {"Human Rights Watch",
                                                        "Amnesty International"}


def test_actor_named_as_the_text_names_it(nlp: Language) -> None:
    text = (
        "A court in Tashkent jailed the Uzbek journalist for seven years.\n"
        "The Gulf Center for Human Rights condemned the verdict.\n"
        "The U.S. State Department called for his release.\n"
        "Amnesty International said the trial was a sham."
    )
    assert actors(nlp, text) == [
        "Amnesty International", "Gulf Center for Human Rights", "U.S. State Department"]


def test_a_government_goes_by_its_country_s_name_as_written(nlp: Language) -> None:
    text = (
        "A court in Tashkent jailed the Uzbek journalist for seven years.\n"
        "A senior U.S. government official expressed concern over the verdict."
    )
    assert actors(nlp, text) == ["U.S."]


def test_a_name_introduced_with_its_initials_is_an_organisation(nlp: Language) -> None:
    text = (
        "A court in Harare jailed the journalist for two years.\n"
        "The Harare Legal Defence Network (HLDN) condemned the verdict.\n"
        "HLDN also urged the authorities to free him.\n"
        "The National Intelligence Directorate (NID) condemned the protesters."
    )
    found = statements(nlp, text)
    assert [s.actor for s in found] == ["Harare Legal Defence Network"]
    assert "HLDN" in found[0].names


def test_we_in_a_quote_is_whoever_said_it(nlp: Language) -> None:
    text = (
        "A court in Tashkent jailed the Uzbek journalist for seven years, UN experts said.\n"
        "“We are alarmed by this verdict,” the experts said."
    )
    assert actors(nlp, text, author="ohchr.org") == ["UN experts"]


def test_i_is_a_person_not_the_last_body_named(nlp: Language) -> None:
    text = (
        "The State Investigation Bureau detained the blogger on Monday.\n"
        "“I urge the authorities to release my colleague,” the opposition leader wrote."
    )
    assert actors(nlp, text) == []


def test_an_activist_of_a_body_speaks_for_herself(nlp: Language) -> None:
    text = (
        "A court in Tashkent jailed the Uzbek journalist for seven years.\n"
        "Lola Karimova, an activist with the Tashkent Centre for Civic Freedoms, said the "
        "verdict was unjust."
    )
    assert actors(nlp, text) == []


def test_a_country_name_that_qualifies_other_people_is_not_its_government(nlp: Language
                                                                           ) -> None:
    text = (
        "A court in Tashkent jailed the Uzbek journalist for seven years.\n"
        "An association of U.S. publishers condemned the verdict.\n"
        "U.S. officials condemned the verdict too."
    )
    assert actors(nlp, text) == ["U.S."]


def test_a_body_named_before_its_document_is_its_author(nlp: Language) -> None:
    text = (
        "The following is an Amnesty International press release.\n"
        "The blogger was named in a European Parliament resolution adopted in May.\n"
        "A police statement said the blogger was detained."
    )
    assert actors(nlp, text) == ["Amnesty International", "European Parliament"]


def test_an_unknown_body_in_a_list_of_bodies_speaks_with_them(nlp: Language) -> None:
    text = (
        "A court in Tashkent jailed the Uzbek journalist for seven years.\n"
        "Last month, the Norwegian Helsinki Committee, Amnesty International, Voices of "
        "Tashkent, and Human Rights Watch demanded that the authorities drop the charges."
    )
    assert "Voices of Tashkent" in actors(nlp, text)


def test_unknown_acronym_subject_of_a_position_word(nlp: Language) -> None:
    text = "KHRAM is alarmed by the wave of arrests of bloggers in the capital."
    assert actors(nlp, text) == ["KHRAM"]


def test_unknown_name_that_is_a_person_s_surname_is_no_body(nlp: Language) -> None:
    text = ("Anna Velkova was detained on Monday. Velkova condemned the charges against her "
            "as absurd.")
    assert actors(nlp, text) == []


def test_office_holder_of_an_unknown_body_speaks(nlp: Language) -> None:
    text = "Party Representative Maria Santos condemned the arrests of the farmers."
    assert actors(nlp, text) == ["Party Representative Maria Santos"]


def test_office_holder_named_beside_the_title_speaks(nlp: Language) -> None:
    text = "The acting governor, Petra Novak, condemned the detention of the two reporters."
    assert actors(nlp, text) == ["acting governor, Petra Novak"]


@pytest.mark.parametrize(
    ("text", "actor"),
    [("The UN refugee agency said it was alarmed by the forced return of the asylum seekers.",
      "UNHCR"),
     ("The Strasbourg court's statement called the detention of the editor arbitrary.",
      "European Court of Human Rights"),
     ("Fair Trials condemned the conviction of the two bloggers in absentia.", "Fair Trials"),
     ("Lawyers' Rights Watch Canada urged the authorities to reinstate the disbarred lawyer.",
      "Lawyers' Rights Watch Canada")],
)
def test_un_agencies_regional_bodies_and_ngos_are_known(nlp: Language, text, actor) -> None:
    assert [s.actor for s in statements(nlp, text)] == [actor]


def test_a_name_that_is_also_a_phrase_is_a_body_only_as_written(nlp: Language) -> None:
    text = "Fair trials must be guaranteed to all, the editor of a local weekly said."
    assert actors(nlp, text) == []


def test_a_government_speaking_through_its_office_is_not_the_country_reported_on(
        nlp: Language) -> None:
    text = "The Canadian government condemned the sentence handed to the blogger on Monday."
    assert actors(nlp, text) == ["Canada"]


def test_she_in_what_a_country_s_minister_says_is_that_country(nlp: Language) -> None:
    text = ("Blogger Ivan Petrov was jailed in Azerbaijan in March. The Swedish foreign "
            "minister said she had raised the case with her counterpart.")
    assert actors(nlp, text) == ["Sweden"]


def test_special_rapporteurs_are_told_apart_by_their_mandates(nlp: Language) -> None:
    text = ("The UN Special Rapporteur on freedom of religion condemned the raid on the "
            "church. The Special Rapporteur on torture, Anna Berg, called for an inquiry. "
            "The Special Rapporteur urged the police to stop the beatings.")
    assert actors(nlp, text) == ["UN Special Rapporteur on freedom of religion",
                                 "UN Special Rapporteur on torture"]


@pytest.mark.parametrize("host", ["www.amnesty.be", "amnesty.de", "www.amnesty.org.nz"])
def test_amnesty_s_national_sections_publish_for_amnesty(host: str) -> None:
    found = actor_for_host(host)
    assert found is not None and found.name == "Amnesty International"


def test_a_capital_as_subject_of_a_position_is_its_government(nlp: Language) -> None:
    text = ("Blogger Ivan Petrov was jailed in Azerbaijan in March. Paris and Berlin called "
            "for his release, while thousands marched in Moscow.")
    assert actors(nlp, text) == ["France", "Germany"]


@pytest.mark.parametrize(
    ("text", "actor"),
    [("The Moldovan bar association condemned the disbarment of the two lawyers.",
      "Moldovan bar association"),
     ("Uganda's law society urged the police to produce the missing advocate in court.",
      "Uganda's law society")],
)
def test_a_profession_s_body_named_by_kind_and_country_speaks(nlp: Language, text, actor
                                                              ) -> None:
    assert actors(nlp, text) == [actor]
