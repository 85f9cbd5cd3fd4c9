"""Attributes stated once for several events: verdicts, groups, court seats, datelines."""

from __future__ import annotations

from datetime import date

from rightsdesk.extract.events import PersonDraft, _roster
from rightsdesk.extract.sentences import SentenceView
from rightsdesk.extract.sharing import dateline_city, dateline_date
from rightsdesk.model import Evidence


def test_codefendants_share_the_verdict_date_and_place(events) -> None:
    text = (
        "On Monday a court in Karaganda sentenced union leader Erlan Baimukhanov to six years "
        "in prison.\nHis deputy Nurbol Seitkali received five years in a penal colony."
    )
    deputy = events(text)[("Nurbol Seitkali", "sentence")]
    assert deputy.date == "2024-03-11"
    assert deputy.place == "Karaganda"
    assert deputy.sentence_months == 60  # a term is each person's own


def test_the_same_day_in_the_next_paragraph_shares_the_verdict(events) -> None:
    text = (
        "On 3 May the Almaty City Court sentenced Dana Kulova to four years. Her lawyer said "
        "she would appeal.\nOn the same day the court also sentenced Timur Akhmetov to three "
        "years."
    )
    second = events(text)[("Timur Akhmetov", "sentence")]
    assert second.date == "2023-05-03"
    assert second.place == "Almaty"


def test_another_case_keeps_its_own_empty_date(events) -> None:
    text = (
        "On 3 May a court sentenced Dana Kulova to four years.\nShe has two children.\n"
        "In a separate case, Timur Akhmetov was sentenced to three years."
    )
    assert events(text)[("Timur Akhmetov", "sentence")].date is None


def test_a_counted_group_passes_its_event_to_the_persons_named_for_it(events) -> None:
    text = (
        "Three poets were sentenced to two years in prison for hooliganism on Friday.\n"
        "Protesters gathered outside the building.\n"
        "Aigerim Nurlanova, 22, Dina Esenova, 24, and Saule Bekova, 30, were arrested in March "
        "after a reading."
    )
    found = events(text)
    for name in ("Aigerim Nurlanova", "Dina Esenova", "Saule Bekova"):
        sentence = found[(name, "sentence")]
        assert sentence.date == "2024-03-15"
        assert sentence.sentence_months == 24
        assert sentence.charges == ["hooliganism"]


def test_a_count_after_a_dateline_is_still_a_count(events) -> None:
    text = (
        "MOSCOW - Three punk-style poets were sentenced to two years in prison on Friday.\n"
        "Aigerim Nurlanova, Dina Esenova and Saule Bekova were arrested in March."
    )
    found = events(text)
    assert found[("Saule Bekova", "sentence")].sentence_months == 24


def test_a_definite_group_with_nobody_named_before_is_named_just_after(events) -> None:
    text = (
        "Writers abroad condemned the prosecution of the three poets.\n"
        "Aigerim Nurlanova, Dina Esenova and Saule Bekova were arrested in March."
    )
    found = events(text)
    assert {name for name, kind in found if kind == "charge"} == {
        "Aigerim Nurlanova", "Dina Esenova", "Saule Bekova"}


def test_a_counted_group_needs_as_many_names(events) -> None:
    text = (
        "Two poets were sentenced to two years in prison on Friday.\n"
        "Aigerim Nurlanova, Dina Esenova and Saule Bekova were arrested in March."
    )
    assert not any(kind == "sentence" for _, kind in events(text))


def test_a_bare_number_points_back_at_as_many_persons_named(events) -> None:
    text = (
        "Dana Kulova, Timur Akhmetov and Erlan Seitov were arrested in Almaty on 2 May.\n"
        "On 9 May investigators charged all three with spreading false information."
    )
    found = events(text)
    for name in ("Dana Kulova", "Timur Akhmetov", "Erlan Seitov"):
        assert found[(name, "charge")].charges == ["spreading false information"]


def test_a_bare_number_needs_as_many_names_before_it(events) -> None:
    text = (
        "Dana Kulova and Timur Akhmetov were arrested in Almaty on 2 May.\n"
        "On 9 May investigators charged all three with spreading false information."
    )
    assert not any(kind == "charge" for _, kind in events(text))


def test_a_group_is_named_past_the_lawyer_who_names_it(events) -> None:
    text = (
        "A militia court on Saturday sentenced four reporters to death, their lawyer said.\n"
        "The four had been held for five years, lawyer Omar Saleh said.\n"
        "Saleh identified the four as Ali Amran, Akram Walid, Hamid Harith and Tawfiq Mansour."
    )
    found = events(text)
    assert {name for name, kind in found if kind == "sentence"} == {
        "Ali Amran", "Akram Walid", "Hamid Harith", "Tawfiq Mansour"}


def test_the_defendants_are_the_codefendants_just_sentenced(events) -> None:
    text = (
        "The court sentenced Oleg Tarasov to ten years.\nIvan Sorokin received nine years.\n"
        "The human rights defenders were charged with tax evasion."
    )
    found = events(text)
    for name in ("Oleg Tarasov", "Ivan Sorokin"):
        assert found[(name, "charge")].charges == ["tax evasion"]
        assert found[(name, "sentence")].charges == ["tax evasion"]


def test_the_activists_just_sentenced_were_arrested_together(events) -> None:
    text = (
        "The court sentenced Oleg Tarasov to ten years.\nIvan Sorokin received nine years.\n"
        "The activists were arrested in August 2019 after a rally."
    )
    found = events(text)
    for name in ("Oleg Tarasov", "Ivan Sorokin"):
        assert found[(name, "arrest")].date == "2019-08"


def test_the_one_day_a_report_gives_a_kind_of_event_dates_the_others(events) -> None:
    text = (
        "Police detained Dana Kulova at a rally in Almaty on 2 May.\n"
        "She has two children.\nHer husband works abroad.\n"
        "Police also detained her colleague Timur Akhmetov, witnesses said."
    )
    assert events(text)[("Timur Akhmetov", "arrest")].date == "2023-05-02"


def test_two_days_for_a_kind_of_event_date_no_other(events) -> None:
    text = (
        "Police detained Dana Kulova in Almaty on 2 May.\n"
        "Erlan Seitov was detained in Shymkent on 9 May.\nHer husband works abroad.\n"
        "Police also detained her colleague Timur Akhmetov, witnesses said."
    )
    assert events(text)[("Timur Akhmetov", "arrest")].date is None


def test_the_one_court_named_gives_the_trial_its_place(events) -> None:
    text = (
        "The trial of Daniyar Ospanov opened on Monday.\n"
        "Supporters gathered outside the Shymkent city court."
    )
    assert events(text)[("Daniyar Ospanov", "trial")].place == "Shymkent"


def test_two_courts_named_give_no_seat_but_the_story_s_first_place(events) -> None:
    text = (
        "The trial of Daniyar Ospanov opened on Monday.\n"
        "Supporters gathered outside the Shymkent city court.\n"
        "A court in Taraz had heard a similar case last year.\n"
        "A court in Taraz will hear another next week."
    )
    assert events(text)[("Daniyar Ospanov", "trial")].place is None  # Taraz named more often
    assert events(text.rsplit("\n", 1)[0])[("Daniyar Ospanov", "trial")].place == "Shymkent"


def test_court_of_a_district_in_a_city_gives_the_city(events) -> None:
    text = "Judge Oleg Kim of Leninsky District Court in Minsk sentenced Pavel Zhuk to two years."
    assert events(text)[("Pavel Zhuk", "sentence")].place == "Minsk"


def test_the_dateline_city_places_the_events_of_the_day(events) -> None:
    text = "ASTANA - Police detained the blogger Ruslan Tokayev on Thursday."
    arrest = events(text)[("Ruslan Tokayev", "arrest")]
    assert arrest.date == "2024-03-14"
    assert arrest.place == "Astana"


def test_dateline_forms() -> None:
    assert dateline_city("MINSK, March 3 (Reuters) - A court jailed ...") == "Minsk"
    assert dateline_city("NUR-SULTAN, Kazakhstan — Police ...") == "Nur-Sultan"
    assert dateline_city("The court - in a surprise move - ...") is None


def test_the_city_of_x_is_a_place_whatever_the_ner_says(events) -> None:
    text = "A court in the northern city of Pavlodar sentenced Kanat Ibrayev to four years."
    assert events(text)[("Kanat Ibrayev", "sentence")].place == "Pavlodar"


def test_a_surname_listed_with_a_victim_is_not_a_place(events) -> None:
    text = "The prison sentences of Alina Gerasimova and Kulikova were upheld on Monday."
    assert all(e.place != "Kulikova" for e in events(text).values())


def test_an_unnamed_lede_lends_to_the_named_report_two_paragraphs_on(events) -> None:
    text = (
        "Uzbekistan on Monday released one of its best-known dissidents on parole.\n"
        "The move was welcomed abroad.\n"
        "Bakhrom Tursunov is a poet. After his release, he thanked his supporters."
    )
    assert events(text)[("Bakhrom Tursunov", "release")].date == "2024-03-11"


def test_the_day_of_saying_does_not_date_the_sentence(events) -> None:
    text = (
        "The conviction of Maks Sultanov on November 28, 2016, is a miscarriage of justice, "
        "Human Rights Watch said today."
    )
    conviction = events(text)[("Maks Sultanov", "sentence")]
    assert conviction.date == "2016-11-28"
    assert conviction.charges == []


def test_a_clause_timed_by_the_verdict_dates_the_rest_of_its_paragraph(events) -> None:
    text = (
        "A court in Baku sentenced Elnur Aliyev to six years in prison on Tuesday.\n"
        "When the verdict was read out, supporters chanted outside. Police detained "
        "several of them, including the blogger Rashad Huseynov."
    )
    assert events(text)[("Rashad Huseynov", "arrest")].date == "2024-03-12"


def test_without_such_a_clause_the_arrest_keeps_no_date(events) -> None:
    text = (
        "A court in Baku sentenced Elnur Aliyev to six years in prison on Tuesday.\n"
        "Supporters chanted outside. Police detained several of them, including the "
        "blogger Rashad Huseynov."
    )
    assert events(text)[("Rashad Huseynov", "arrest")].date is None


def test_a_dated_dateline_dates_the_lede(events) -> None:
    text = (
        "MAR. 14 2024 (The Steppe Courier) — Uzbekistan freed one of its best-known "
        "bloggers from prison after six years.\n"
        "Otabek Sattoriy, a popular blogger, walked out of prison after a court ordered "
        "his early release."
    )
    release = events(text)[("Otabek Sattoriy", "release")]
    assert release.date == "2024-03-14"
    assert release.place is None  # the outlet in brackets is no place


def test_dateline_dates() -> None:
    published = date(2021, 3, 5)
    assert dateline_date("MINSK, March 3, 2021 (Reuters) - Police", published).day == "2021-03-03"
    assert dateline_date("Minsk, 9 March 2021 - Police", published) is None  # after publication
    assert dateline_date("On 3 March 2021 - police said", published) is None
    assert dateline_date("MOSCOW - Three activists", published) is None


def test_a_caption_credit_line_dates_and_places_the_picture(events) -> None:
    found = events(
        "Blogger Timur Ospanov stands in the defendants' cage during his trial. "
        "Taraz, Zhambyl Region, Kazakhstan, 12 March 2024\n"
        "The blogger denies all charges."
    )
    trial = found[("Timur Ospanov", "trial")]
    assert (trial.date, trial.place) == ("2024-03-12", "Taraz")


def test_a_lede_in_the_present_tells_the_news_of_the_day(events) -> None:
    found = events(
        "Rights defenders Dina Esenova and Marat Bekov walk free after an amnesty.\n"
        "Both had been jailed in 2021 for organising a rally."
    )
    assert found[("Dina Esenova", "release")].date == "2024-03-15"


def test_a_lede_in_the_present_perfect_tells_the_news_of_the_day(events) -> None:
    found = events(
        "The rights group has received reports that blogger Dina Esenova has been released.\n"
        "She had been jailed in 2021 for organising a rally."
    )
    assert found[("Dina Esenova", "release")].date == "2024-03-15"


def test_a_lede_after_headlines_and_captions_tells_the_news_of_the_day(events) -> None:
    found = events(
        "Kazakhstan frees jailed bloggers\n\n"
        "Activists outside the court in Almaty | Photo by a reader\n\n"
        "The president has granted a pardon to blogger Dina Esenova.\n"
        "She had been jailed in 2021 for organising a rally."
    )
    assert found[("Dina Esenova", "release")].date == "2024-03-15"


def test_a_trial_going_on_in_the_lede_is_dated_by_publication(events) -> None:
    found = events("Bloggers Timur Ospanov and Arman Dosov are being tried in Almaty for a post.")
    assert found[("Timur Ospanov", "trial")].date == "2024-03-15"


def test_a_lede_in_the_past_without_a_day_is_not_dated_by_publication(events) -> None:
    found = events("Police detained blogger Marat Bekov during a raid on his office.")
    assert found[("Marat Bekov", "arrest")].date is None


def test_a_past_told_in_a_relative_clause_of_the_lede_is_not_dated_by_publication(events) -> None:
    found = events("Blogger Marat Bekov, who was arrested after a rally, remains in custody.")
    assert found[("Marat Bekov", "arrest")].date is None


def test_a_state_in_the_present_is_not_dated_by_publication(events) -> None:
    found = events("Journalist Timur Ospanov serves a seven-year term in a penal colony.")
    assert found[("Timur Ospanov", "sentence")].date is None


def test_a_court_order_in_an_unnamed_lede_dates_the_hearing(events) -> None:
    found = events(
        "An appeals court in Almaty on Tuesday ordered the release of one of the bloggers.\n"
        "The jail terms of Timur Ospanov and Arman Dosov were upheld."
    )
    assert found[("Timur Ospanov", "trial")].date == "2024-03-12"


def test_an_unnamed_arrest_by_police_dates_no_hearing(events) -> None:
    found = events(
        "Police on Tuesday detained two bloggers in Almaty.\n"
        "The jail terms of Timur Ospanov and Arman Dosov were upheld."
    )
    assert found[("Timur Ospanov", "trial")].date is None


def test_a_sentence_upheld_in_the_news_of_the_day_keeps_its_own_day_unknown(events) -> None:
    found = events("The Supreme Court has upheld the five-year prison sentence of Aliya Nurova.")
    assert found[("Aliya Nurova", "trial")].date == "2024-03-15"
    assert found[("Aliya Nurova", "sentence")].date is None


def test_a_reaction_today_to_a_detention_does_not_date_it(events) -> None:
    found = events("The Committee to Protect Journalists condemns the detention of Dina Esenova.")
    assert found[("Dina Esenova", "arrest")].date is None


def test_both_of_a_kind_are_the_two_persons_named_before(events) -> None:
    found = events("A court sentenced the journalist Rafael Marcos and the editor Aguiar Santos "
                   "to prison. Both journalists were released on bail pending the appeal.")
    assert {("Rafael Marcos", "release"), ("Aguiar Santos", "release")} <= set(found)


def test_both_stands_for_the_two_named_before(events) -> None:
    text = ("Hassan Gamal and his colleague Yasser Fathy were arrested in Cairo on 5 May. "
            "Both have since been held in solitary confinement at Tora prison.")
    found = events(text)
    assert ("Hassan Gamal", "ill_treatment") in found
    assert ("Yasser Fathy", "ill_treatment") in found


def test_a_victim_s_name_the_ner_calls_a_place_is_no_place(events) -> None:
    found = events("Rustam Aliev was sentenced to four years on Monday.")
    assert found[("Rustam Aliev", "sentence")].place is None


def test_a_numeric_dateline_ended_by_a_full_stop_dates_the_lede(events) -> None:
    found = events("Almaty, 12.03.2024. Civil activist Vadim Kozlov was detained by police.",
                   published=date(2024, 3, 13))
    assert found[("Vadim Kozlov", "arrest")].date == "2024-03-12"


def test_a_day_a_hearing_is_adjourned_to_dates_no_event(events) -> None:
    found = events("The appeal hearing of Timur Abenov was adjourned to 17 June 2024 on Monday.")
    assert found[("Timur Abenov", "trial")].date == "2024-03-11"


def test_a_day_until_which_something_lasts_dates_no_event(events) -> None:
    found = events("The court adjourned the trial of opposition leader Timur Abenov until 17 June.")
    assert found[("Timur Abenov", "trial")].date is None


def test_a_sentence_s_roster_names_a_namesake_by_their_whole_name(nlp) -> None:
    """Groups find their members in the roster of the persons each sentence names."""
    doc = nlp("Oriol Junqueras, Jordi Sanchez and Jordi Cuixart were convicted of sedition.")
    view = SentenceView(doc[:], Evidence("hash", 0, len(doc.text), doc.text), 0, 0)
    drafts = {key: PersonDraft() for key in ("junqueras", "jordi sanchez", "cuixart")}
    assert sorted(_roster([view], drafts)[0]) == ["cuixart", "jordi sanchez", "junqueras"]


def test_a_dateline_the_parse_cuts_from_its_sentence_still_places_the_day(events) -> None:
    text = "TUNIS (Reuters) - A court on Thursday sentenced the lawyer Ahmed Ben Salah to 20 years."
    assert events(text)[("Ahmed Ben Salah", "sentence")].place == "Tunis"


def test_the_town_most_events_name_places_the_unplaced_ones(events) -> None:
    text = ("Police in Minsk detained the activist Pavel Orlov on Monday. A court in Minsk later "
            "sentenced Orlov to 15 days. Police in Grodno detained the blogger Ihar Zhuk on "
            "Sunday.\n\nOrlov was released on Friday.")
    assert events(text)[("Pavel Orlov", "release")].place == "Minsk"


def test_a_story_of_one_verdict_s_charges_reaches_every_sentence(events) -> None:
    text = ("A court in Minsk sentenced the blogger Pavel Orlov to three years for extremism on "
            "Monday.\n\nHis lawyer said he would appeal.\n\nRights groups condemned the ruling.\n\n"
            "The blogger Ihar Zhuk, arrested with him, was sentenced to two years in December.")
    assert events(text)[("Ihar Zhuk", "sentence")].charges == ["extremism"]
