"""Who is a victim: arguments of triggers, and the people who are not."""

from __future__ import annotations

from conftest import clean_doc
from spacy.tokens import Doc

from rightsdesk.extract.core import sentence_views, split_paragraphs
from rightsdesk.extract.events import NameIndex, _run_together
from rightsdesk.extract.victims import proper_run, role_of


def test_passive_subject_is_a_victim(victims) -> None:
    assert victims("Opposition activist Daniyar Seitkali was arrested in Almaty.") == {
        "Daniyar Seitkali"
    }


def test_object_of_active_trigger_is_a_victim_and_its_subject_is_not(victims) -> None:
    text = "Judge Marat Ospanov sentenced the blogger Aigerim Tleuova to three years."
    assert victims(text) == {"Aigerim Tleuova"}


def test_apposition_with_age_and_role(victims) -> None:
    text = "Police detained Bolat Nurov, 52, head of the independent miners' union, on Friday."
    assert victims(text) == {"Bolat Nurov"}


def test_coordinated_names_are_all_victims(victims) -> None:
    text = "Ruslan Abenov and Gulnara Sadykova remain in prison."
    assert victims(text) == {"Ruslan Abenov", "Gulnara Sadykova"}


def test_names_listed_with_ages_are_all_victims(victims) -> None:
    text = "Irina Volkova, 23, Olga Sidorova, 25, and Anna Kuznetsova, 31, were arrested in March."
    assert victims(text) == {"Irina Volkova", "Olga Sidorova", "Anna Kuznetsova"}


def test_possessive_holder_of_a_noun_trigger(events) -> None:
    text = "Pavel Zhukov is a trade unionist. Zhukov's conviction was condemned abroad."
    assert ("Pavel Zhukov", "sentence") in events(text)


def test_surname_mention_links_to_full_name(victims) -> None:
    text = "Yerlan Kassymov leads a small party.\nKassymov was detained on Tuesday."
    assert victims(text) == {"Yerlan Kassymov"}


def test_pronoun_follow_up_in_the_paragraph(events) -> None:
    text = "Timur Bekov, a blogger, criticised the governor. He was sentenced to two years."
    assert ("Timur Bekov", "sentence") in events(text)


def test_pronoun_does_not_take_the_subject_of_its_own_clause(victims) -> None:
    text = "Tomorrow marks a year since the Nazarov regime arrested him."
    assert victims(text) == set()


def test_police_officers_convicted_of_beating_are_not_victims(victims) -> None:
    text = "Police officers Arman Zhakupov and Serik Ismailov were convicted of beating detainees."
    assert victims(text) == set()


def test_lawyer_speaking_about_torture_is_not_a_victim(victims) -> None:
    text = "Lawyer Dina Omarova said her client Asel Nurova had been tortured in custody."
    assert "Dina Omarova" not in victims(text)


def test_lawyer_targeted_directly_is_a_victim(victims) -> None:
    assert victims("Lawyer Dina Omarova was arrested in Minsk.") == {"Dina Omarova"}


def test_a_reporter_who_never_speaks_is_a_pronoun_s_antecedent(events) -> None:
    text = ("Security forces raided the home of Fatima Warsame, a reporter for a local radio "
            "station, and arrested her.")
    assert ("Fatima Warsame", "arrest") in events(text)


def test_a_reporter_who_speaks_is_no_pronoun_s_antecedent(victims) -> None:
    text = ("Reporter Fatima Warsame said police raided the office on Friday. "
            "Officers arrested him at dawn.")
    assert "Fatima Warsame" not in victims(text)


def test_relatives_who_share_a_surname_are_two_people(events) -> None:
    text = ("Ruslan Daurov and his brother Timur Daurov were detained in Nalchik on 7 March. "
            "Timur Daurov was released two days later.")
    found = set(events(text))
    assert {("Ruslan Daurov", "arrest"), ("Timur Daurov", "arrest"),
            ("Timur Daurov", "release")} <= found
    assert ("Ruslan Daurov", "release") not in found


def test_a_bare_shared_surname_is_the_namesake_named_last(events) -> None:
    text = ("Police arrested the activist Leyla Yunus in July. Her husband, Arif Yunus, told "
            "reporters she was innocent. Leyla Yunus was charged with treason. "
            "On 3 August, Yunus was sentenced to eight years.")
    found = events(text)
    assert ("Leyla Yunus", "sentence") in found
    assert not {t for name, t in found if name == "Arif Yunus"}


def test_namesakes_with_one_first_name_are_two_people(events) -> None:
    text = ("Police detained Yusuf Tarek Haddad on Monday. His cousin Yusuf Amin Haddad was "
            "sentenced to two years in prison in March.")
    found = set(events(text))
    assert {("Yusuf Tarek Haddad", "arrest"), ("Yusuf Amin Haddad", "sentence")} <= found
    assert ("Yusuf Tarek Haddad", "sentence") not in found


def test_a_given_name_spelt_two_ways_is_one_person(victims) -> None:
    text = ("Azimjon Askarov was arrested in 2010. Rights groups say Azimzhan Askarov was "
            "tortured in custody.")
    assert len(victims(text)) == 1


def test_names_beside_the_noun_after_among_those_were(victims) -> None:
    text = ("Among those detained on Saturday in Tbilisi were the activists Giorgi Beridze, "
            "Nino Kapanadze and Levan Tsiklauri.")
    assert victims(text) == {"Giorgi Beridze", "Nino Kapanadze", "Levan Tsiklauri"}


def test_an_abbreviated_honorific_ends_no_sentence_and_no_name(victims) -> None:
    assert victims("Police arrested Smt. Kavita Rao in Bhopal on Tuesday.") == {"Kavita Rao"}


def test_a_plural_role_word_is_not_part_of_the_first_name(victims) -> None:
    text = "Journalists Aziz Karimov and Bobur Rahimov were detained in Tashkent on Monday."
    assert victims(text) == {"Aziz Karimov", "Bobur Rahimov"}


def test_secretary_general_is_no_general(victims) -> None:
    text = ("Police in Harare arrested Tendai Moyo, secretary-general of the Zimbabwe Congress "
            "of Trade Unions, on Tuesday.")
    assert victims(text) == {"Tendai Moyo"}


def test_surname_mislabelled_by_ner_is_still_read(events) -> None:
    text = "Police shot Ivan Petrov dead during the protest."
    assert ("Ivan Petrov", "killing") in events(text)


def test_groups_are_not_named_victims(victims) -> None:
    text = "Hundreds of people were arrested, and Sunni Muslims were imprisoned."
    assert victims(text) == set()


def test_both_of_whom_reaches_the_listed_names(events) -> None:
    text = (
        "He was arrested with two others, activist Serik Maratov and unionist Akzhol Amirov, "
        "both of whom received suspended sentences."
    )
    found = events(text)
    assert ("Serik Maratov", "sentence") in found
    assert ("Akzhol Amirov", "sentence") in found


def test_names_after_including_are_victims(events) -> None:
    text = "Five activists have been jailed, including Marta Rabkova, a volunteer coordinator."
    assert ("Marta Rabkova", "sentence") in events(text)


def test_one_of_the_people_arrested_is_a_victim(events) -> None:
    text = "Daniyar Seitkali was one of several activists arrested on Monday."
    assert ("Daniyar Seitkali", "arrest") in events(text)


def test_the_noun_a_victim_was_described_by_refers_back_to_them(events) -> None:
    text = ("Blogger Daniyar Seitkali was arrested in May. On Monday a court sentenced the "
            "blogger to three years.")
    assert ("Daniyar Seitkali", "sentence") in events(text)


def test_a_noun_before_a_name_is_that_name_s_title(events) -> None:
    text = ("The activist Gulnara Iskanova was sentenced in May. On 11 November 2020 police in "
            "Astana arrested the activist Yerzhan Sarsenov and charged him with fraud.")
    found = events(text)
    assert ("Yerzhan Sarsenov", "arrest") in found
    assert ("Gulnara Iskanova", "arrest") not in found


def test_a_noun_once_said_of_someone_not_a_victim_refers_to_no_one(events) -> None:
    text = ("Marat Ospanov, the former leader, spoke in May. The leader was charged with "
            "fraud on Monday.")
    assert ("Marat Ospanov", "charge") not in events(text)


def test_descriptor_taken_into_the_name_is_dropped(victims) -> None:
    text = "A court sentenced Sunni Muslim Kuanysh Baizhanov to four years' imprisonment."
    assert victims(text) == {"Kuanysh Baizhanov"}


def test_names_listed_after_a_colon_are_victims(victims) -> None:
    text = (
        "Several imprisoned activists are held incommunicado: Pavel Sevich for 400 days, "
        "Olga Marchuk for 380 days, and Igor Lunin for 300 days."
    )
    assert victims(text) == {"Pavel Sevich", "Olga Marchuk", "Igor Lunin"}


def test_a_programme_director_quoted_is_not_a_victim(victims) -> None:
    text = (
        "“The abuse of detainees is a cause for concern,” said Helen Brooks, Europe director "
        "at Rights Now. “The authorities should bring to justice those who beat them.”"
    )
    assert victims(text) == set()


def test_a_dashed_apposition_of_titles_ends_in_the_victim(events) -> None:
    found = events(
        "On Tuesday a judge in Gomel sentenced our colleague – chairman of the Belarusian "
        "Association of Journalists, vice-president of IFJ Andrei Bastunets – to three years "
        "in prison."
    )
    assert found[("Andrei Bastunets", "sentence")].sentence_months == 36


def test_a_dash_after_a_non_person_noun_names_nobody(victims) -> None:
    assert not victims(
        "The court upheld the verdict – a ruling criticised by Andrei Bastunets – on Monday."
    )


def test_a_hyphenated_surname_alone_is_the_person_named_in_full_before(events) -> None:
    text = ("Writer Ahmed Hassan Al-Zoubi was released on Friday.\n"
            "In July, security forces arrested Al-Zoubi on his way home.")
    assert ("Ahmed Hassan Al-Zoubi", "arrest") in events(text)


def test_a_one_word_name_that_is_part_of_one_full_name_is_that_person(read) -> None:
    text = ("Liu Xiaobo was sentenced to eleven years in prison. Liu had been arrested in "
            "December 2008. Police detained Shahidul Alam at his home. A court later sent "
            "Shahidul to prison.")
    assert sorted(p.name for p in read(text).persons) == ["Liu Xiaobo", "Shahidul Alam"]


def test_they_never_stands_for_one_name_the_parse_lists_with_a_title(victims) -> None:
    text = ("“The abuse of detainees is a cause for concern,” said Anna Berg, Europe and Asia "
            "director at a rights group. “The authorities should punish those who beat them.”")
    assert "Anna Berg" not in victims(text)


def test_a_first_name_the_parse_reads_as_an_interjection_stays_in_the_name(nlp) -> None:
    words = ["Wa", "Thein", "and", "Aung", "Myo", "were", "detained"]
    doc = Doc(
        nlp.vocab, words=words,
        pos=["INTJ", "PROPN", "CCONJ", "PROPN", "PROPN", "AUX", "VERB"],
        deps=["intj", "nsubjpass", "cc", "compound", "conj", "auxpass", "ROOT"],
        heads=[6, 6, 1, 4, 1, 6, 6],
    )
    assert proper_run(doc[1]).text == "Wa Thein"


def test_names_listed_after_a_copula_are_the_group_s_members(victims) -> None:
    text = ("The prisoners freed today are Anna Berg, Olga Sokol and Ivan Petrov, members of "
            "the youth movement.")
    assert victims(text) == {"Anna Berg", "Olga Sokol", "Ivan Petrov"}
    assert victims("Among those arrested were Dina Esenova and Marat Bekov.") == {
        "Dina Esenova", "Marat Bekov"}


def test_a_copula_without_a_described_group_lists_no_one(victims) -> None:
    assert victims("The winners were Anna Berg and Olga Sokol.") == set()


def test_a_speaker_named_as_the_holder_of_an_event_is_its_victim(victims) -> None:
    assert victims("The detention of lawyer Anna Berg drew protests.") == {"Anna Berg"}


def test_a_surname_the_ner_reads_as_a_nationality_is_a_name(victims) -> None:
    # the NER calls "Sarkisian" a nationality; after a given name it heads a person's name
    assert victims("Gevorg Sarkisian, a member of the protest movement, was detained.") == {
        "Gevorg Sarkisian"}
    assert victims("Kazakh activist Serik Aliev was detained on Friday.") == {"Serik Aliev"}


def test_an_organisation_s_title_before_a_name_is_not_part_of_it(victims) -> None:
    assert victims("The arrest of Amnesty Turkey Chair Mehmet Demir last week was condemned.") == {
        "Mehmet Demir"}


def test_the_sentence_after_a_group_lists_its_members(victims) -> None:
    assert victims("At least three more reporters have been detained on spurious charges. "
                   "They include Anna Berg, editor of a news site, and Olga Sokol.") == {
        "Anna Berg", "Olga Sokol"}
    assert victims("Five activists were sentenced on Monday. One of the activists is Dina "
                   "Esenova, a rapper.") == {"Dina Esenova"}
    assert victims("Fourteen protesters were freed in June. These included Nino Kapanadze and "
                   "Levan Beridze.") == {"Nino Kapanadze", "Levan Beridze"}


def test_a_sentence_listing_names_with_no_group_before_it_lists_no_victims(victims) -> None:
    assert victims("The committee met on Monday. They include Anna Berg and Olga Sokol.") == set()


def test_a_plural_noun_and_a_comma_open_the_list_of_names(victims) -> None:
    # the parse hangs the names on the arrest, not on "co-leaders"
    assert victims("The party has filed an application regarding the continued arrest of its "
                   "co-leaders, Deniz Kaya and Ayse Polat.") == {"Deniz Kaya", "Ayse Polat"}


def test_names_included_in_the_relative_clause_of_a_plural_noun(victims) -> None:
    text = ("The human rights defenders whose cases experts raised with the government, "
            "including Umed Karimov, Firuz Nazarov and Jamshed Rahimov, were sentenced to "
            "prison terms.")
    assert victims(text) == {"Umed Karimov", "Firuz Nazarov", "Jamshed Rahimov"}


def test_the_president_of_an_organisation_holds_no_office_of_state(nlp, victims) -> None:
    assert victims("The trial began against Leonidas Vega, president of the Confederation of "
                   "Indigenous Nationalities, accused of blocking roads.") == {"Leonidas Vega"}
    doc = nlp("Ivan Petrov, president of the republic, spoke.")
    assert role_of(doc[0:2]) == "agent"


def test_an_organisation_or_a_headline_s_group_is_no_name(victims) -> None:
    assert victims("Reporters Without Borders condemned the detention of Anna Berg.") == {
        "Anna Berg"}
    assert victims("Two Detained Journalists Released") == set()


def test_a_name_used_as_a_place_is_no_person(extractor) -> None:
    text = ("Eight activists in Gorodok were arrested. The Gorodok council met. "
            "Ivan Petrov was detained in Minsk.")
    parsed = [(p, extractor.nlp(p.text)) for p in split_paragraphs(text)]
    places = NameIndex(sentence_views(clean_doc(text), parsed)).not_persons
    assert "gorodok" in places and "minsk" in places and "ivan petrov" not in places


def test_one_word_after_a_noun_for_persons_is_a_name(victims) -> None:
    assert victims("Twenty-year-old monk Dorje, who was arrested in May, was sentenced to three "
                   "years in prison.") == {"Dorje"}


def test_a_secretary_of_state_is_an_agent_and_a_party_s_secretaries_are_not(victims) -> None:
    assert victims("Party secretaries Karim Nabil and Omar Saleh were sentenced to five years "
                   "in prison.") == {"Karim Nabil", "Omar Saleh"}
    assert victims("Secretary of State John Miller said that Anna Berg was sentenced to five "
                   "years.") == {"Anna Berg"}


def test_a_name_given_a_body_s_kind_or_a_place_s_bearing_is_no_person(extractor) -> None:
    text = ("Members of the opposition party Kivuko were arrested. Members of the Mbalazi "
            "alliance were detained in the province of Manica. Ivan Petrov was detained.")
    parsed = [(p, extractor.nlp(p.text)) for p in split_paragraphs(text)]
    places = NameIndex(sentence_views(clean_doc(text), parsed)).not_persons
    assert {"mbalazi", "kivuko", "manica"} <= places and "ivan petrov" not in places


def test_a_name_given_as_an_alias_is_no_other_person(victims) -> None:
    found = victims("Ko Min Thant, also known as Bala, and Ko Zaw Htet were each given "
                    "ten-year terms.")
    assert "Bala" not in found and {"Ko Min Thant", "Ko Zaw Htet"} <= found


def test_a_name_run_together_is_the_same_person_but_a_longer_one_is_not() -> None:
    full = {"min": "Kyaw Min", "kyawmin": "KyawMin", "gil": "Leopoldo Lopez Gil",
            "lopez": "Leopoldo Lopez"}
    assert _run_together(full) == {"kyawmin": "min"}


def test_a_president_accused_by_critics_is_no_victim(victims) -> None:
    found = victims("Police arrested the editor Anna Berg on Friday. In its Saturday edition, "
                    "the newspaper accused President Ivan Petrov of being behind the arrest.")
    assert found == {"Anna Berg"}


def test_given_names_listed_before_one_full_name_share_its_surname(events) -> None:
    found = events("Guards detained two sisters, Mira and Lena Hadad, at the border post.")
    assert {name for name, kind in found if kind == "arrest"} == {"Mira Hadad", "Lena Hadad"}


def test_a_lone_surname_before_a_full_name_keeps_its_own_person(events) -> None:
    text = "Anna Berg was charged in May. Officers later detained Berg and Ivan Petrov."
    assert ("Anna Berg", "arrest") in events(text)
