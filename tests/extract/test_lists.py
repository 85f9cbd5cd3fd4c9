"""Names listed under a heading, and a person introduced by a description then named."""

from __future__ import annotations

LISTED = """Security forces raided three newsrooms on Monday.
The detained reporters are:
1. Anna Berg
2. Ivan Petrov
Coastal Radio - Marta Kowalczyk
Police said that Tomasz Nowak, a spokesman, would comment later.
"""

ONE_LINE = """ARRESTED ACTIVISTS:
Union leader Anna Berg, Press Club - Ivan Petrov and student Marta Kowalczyk.
"""


def test_each_name_under_a_heading_gets_the_headings_event(events) -> None:
    found = events(LISTED)
    assert {name for name, kind in found if kind == "arrest"} == {
        "Anna Berg", "Ivan Petrov", "Marta Kowalczyk"}
    assert ("Tomasz Nowak", "arrest") not in found  # the list ended with the prose line


def test_a_line_of_names_under_a_heading_is_split_into_persons(events) -> None:
    found = events(ONE_LINE)
    assert {name for name, _ in found} == {"Anna Berg", "Ivan Petrov", "Marta Kowalczyk"}


CENSUS = """Reporters behind bars as of 1 June 2023
Lakeland: 3
Anna Berg, Morning Courier
Ivan Petrov Novak, freelance
Imprisoned: March 2019
Officials closed the two papers after a report on the army.
"""


def test_persons_of_a_census_record_are_taken_on_the_day_its_field_gives(events) -> None:
    found = events(CENSUS)
    assert {name for name, kind in found if kind == "arrest"} == {"Anna Berg", "Ivan Petrov Novak"}
    assert found[("Anna Berg", "arrest")].date == "2019-03"


def test_a_heading_that_asks_for_the_act_lists_no_victims(events) -> None:
    assert not events("Those who should be released:\nAnna Berg\nIvan Petrov\n")


def test_a_person_described_in_the_lede_and_named_next_takes_its_event(events) -> None:
    text = ("On Tuesday a well-known poet was convicted of insulting the president and sentenced "
            "to four years in prison. The trial of Arman Dzhaksybekov had been condemned abroad.")
    sentence = events(text)[("Arman Dzhaksybekov", "sentence")]
    assert sentence.date == "2024-03-12"
    assert sentence.charges == ["insulting the president"]


COUNTED = ("Five activists were jailed for three years on Monday. Anna Berg, 58, Ivan Petrov, 38, "
           "Marta Kowalczyk, 22, Tomasz Nowak and Olga Lis had blocked a motorway.")


def test_a_counted_group_passes_its_event_to_as_many_persons_named_next(events) -> None:
    found = events(COUNTED)
    jailed = {name for name, kind in found if kind == "sentence"}
    assert jailed == {"Anna Berg", "Ivan Petrov", "Marta Kowalczyk", "Tomasz Nowak", "Olga Lis"}
    assert found[("Olga Lis", "sentence")].sentence_months == 36


def test_a_couple_counts_two_persons_named_before_it(events) -> None:
    text = ("A trial court sentenced Anna Berg and her husband, Ivan Petrov, to ten years. "
            "The couple were freed on appeal in May.")
    found = events(text)
    assert {name for name, kind in found if kind == "release"} == {"Anna Berg", "Ivan Petrov"}
    pair = events("Anna Berg and Ivan Petrov were detained in March. The pair were charged "
                  "with fraud.")
    assert {name for name, kind in pair if kind == "charge"} == {"Anna Berg", "Ivan Petrov"}


def test_a_counted_group_names_nobody_when_the_count_differs(events) -> None:
    assert not events(COUNTED.replace("Five", "Six"))


def test_names_listed_with_a_target_share_its_event_however_parsed(events) -> None:
    text = ("According to the statement, the detainees include the director of the centre "
            "Ali Osman, its treasurer, Fatima Idris, the head of a rural charity, Hassan Khairi "
            "besides Hamid Yasin, Ahmed Salih and Kamal Taha.")
    arrested = {name for name, kind in events(text) if kind == "arrest"}
    assert arrested == {"Ali Osman", "Fatima Idris", "Hassan Khairi", "Hamid Yasin", "Ahmed Salih",
                        "Kamal Taha"}


def test_a_name_inside_a_description_is_not_listed(events) -> None:
    text = ("Police arrested Omar Haddad, the brother of Samir Haddad, and Leila Nasser, "
            "leader of the opposition Karama party, on Monday.")
    arrested = {name for name, kind in events(text) if kind == "arrest"}
    assert arrested == {"Omar Haddad", "Leila Nasser"}


def test_another_name_of_a_listed_person_is_not_another_person(events) -> None:
    text = ("The three, Aung Min, also known as Bo Bo, Zaw Lin and Thida Win, were each "
            "sentenced to ten years.")
    sentenced = {name for name, kind in events(text) if kind == "sentence"}
    assert "Bo Bo" not in sentenced
    assert {"Aung Min", "Zaw Lin"} <= sentenced


def test_a_hyphenated_given_name_with_a_lower_case_part_is_a_name(events) -> None:
    text = ("The seven, Lam Wing-kee, Chan Tak-wah, Ho Kin-man and Lee Siu-fung, were charged "
            "with conspiracy to collude with foreign forces.")
    charged = {name for name, kind in events(text) if kind == "charge"}
    assert charged == {"Lam Wing-kee", "Chan Tak-wah", "Ho Kin-man", "Lee Siu-fung"}


def test_a_trigger_noun_that_is_the_subject_of_be_names_its_complements(events) -> None:
    text = ("The five convicts are Adam Roba (29), Simon Kerowa (25), Paulus Taime (23), "
            "Yakob Wenda (19) and Markus Uropka (21).")
    sentenced = {name for name, kind in events(text) if kind == "sentence"}
    assert sentenced == {"Adam Roba", "Simon Kerowa", "Paulus Taime", "Yakob Wenda",
                         "Markus Uropka"}


def test_the_detained_persons_included_names_a_victim(events) -> None:
    assert ("Marina Solis", "arrest") in events(
        "The detained persons included Marina Solis, a well-known actress.")


def test_orders_against_prisoners_then_a_colon_name_the_prisoners(events) -> None:
    text = ("The court issued six-month orders against prisoners: Samir Ribai, Nour Ahmed, "
            "Ismail Hasan, Kayed Namoura And Salah Badwan.")
    assert {name for name, _ in events(text)} == {
        "Samir Ribai", "Nour Ahmed", "Ismail Hasan", "Kayed Namoura", "Salah Badwan"}


def test_they_takes_every_name_of_the_run_it_stands_for(events) -> None:
    text = ("Surya Tabuni, Charles Kossa and Dano Wenda were detained after a rally. "
            "They have been charged with treason for raising a flag.")
    charged = {name for name, kind in events(text) if kind == "charge"}
    assert charged == {"Surya Tabuni", "Charles Kossa", "Dano Wenda"}


def test_she_does_not_take_the_names_listed_with_her(events) -> None:
    text = ("Maria Kolesova, together with Ms Tikhonova and Ms Tsepkalo, became a symbol of "
            "the movement. She was tried behind closed doors.")
    tried = {name for name, kind in events(text) if kind == "trial"}
    assert "Tikhonova" not in tried and "Tsepkalo" not in tried


def test_one_named_by_a_tie_to_another_does_not_list_that_other(events) -> None:
    found = events("Guards detained Anna Berg's nephew, Ivan Petrov, at the airport.")
    assert set(found) == {("Ivan Petrov", "arrest")}
    owners = events("The court adjourned Anna Berg's, Ivan Petrov's and Olga Lis's trial.")
    assert {name for name, kind in owners if kind == "trial"} == {
        "Anna Berg", "Ivan Petrov", "Olga Lis"}


def test_persons_listed_as_refused_bail_are_held(events) -> None:
    found = events("The tribunal refused bail to three unionists -- Anna Berg, Ivan Petrov "
                   "and Olga Lis.")
    assert {name for name, kind in found if kind == "arrest"} == {
        "Anna Berg", "Ivan Petrov", "Olga Lis"}


def test_a_colon_list_of_names_each_with_a_dash_and_a_term(events) -> None:
    found = events("The regional court sentenced the following: Oskar Lind - 6 years in prison, "
                   "Maren Holt - 5 years, Tove Dahl - 4 years.")
    assert {name for name, kind in found if kind == "sentence"} == {
        "Oskar Lind", "Maren Holt", "Tove Dahl"}
