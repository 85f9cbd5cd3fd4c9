"""Russian reading: nominative names, dates, terms, charges, statements, occasions."""

from __future__ import annotations

from datetime import date

import pytest

from rightsdesk.extract.russian.dates import find_dates
from rightsdesk.extract.russian.names import nominative, shown_name
from rightsdesk.extract.russian.parse import Sentence, Word, _surnames_again
from rightsdesk.extract.russian.terms import charges
from rightsdesk.model import Evidence

PUBLISHED = date(2024, 3, 15)


@pytest.mark.parametrize(
    ("words", "case", "name"),
    [
        (["Козлова"], "Gen", "Козлов"),
        (["Козлову"], "Dat", "Козлов"),
        (["Тулетаевой"], "Gen", "Тулетаева"),
        (["Розу", "Тулетаеву"], "Acc", "Роза Тулетаева"),
        (["Владимира", "Козлова"], "Acc", "Владимир Козлов"),
        (["Ерлана", "Калиева"], "Gen", "Ерлан Калиев"),  # a surname pymorphy3 does not know
        (["Максима", "Знака"], "Gen", "Максим Знак"),  # a surname that is also a noun
        (["Сервера", "Мустафаева"], "Gen", "Сервер Мустафаев"),  # an unknown given name
        (["Хадиджи", "Исмайловой"], "Gen", "Хадиджа Исмайлова"),
        (["Ирину", "Смирнову"], "Dat", "Ирина Смирнова"),  # the given name shows the case
        (["Семена", "Федорова"], "Acc", "Семен Федоров"),  # spelt without ё as written
        # the surname is no nominative, so the given name is Валентин's genitive, not
        # the woman's name Валентина, whatever case the tagger said
        (["Валентина", "Петровича"], "Nom", "Валентин Петрович"),
        (["Валентина", "Козлова"], "Nom", "Валентина Козлова"),  # a woman's surname
    ],
)
def test_nominative_of_declined_names(russian_nlp, words: list[str], case: str,
                                      name: str) -> None:
    assert nominative(russian_nlp.morph, words, case) == name


@pytest.mark.parametrize(
    ("name", "text", "shown"),
    [
        ("Олег Иванов", "Суд арестовал Олега Иванова. Иванов не признал вину.", "Олег Иванов"),
        ("Олег Иванов", "Суд арестовал Олега Иванова на два месяца.", "Oleg Ivanov"),
        ("Юрий Белый", "Полиция задержала Юрия Белого.", "Yury Bely"),
        ("Руслан Мусаев", "Защита Руслана Мусаева обжаловала приговор.", "Ruslan Musaev"),
    ],
)
def test_a_name_the_document_does_not_print_is_shown_in_latin(name: str, text: str,
                                                             shown: str) -> None:
    assert shown_name(name, text) == shown


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Его осудили 8 октября 2012 года.", "2012-10-08"),
        ("Его задержали в октябре 2012 года.", "2012-10"),
        ("Его отпустили десять дней назад.", "2024-03-05"),
        ("Её задержали неделю назад.", "2024-03-08"),
        ("Его арестовали два месяца назад.", "2024-01"),
        ("Её осудили год назад.", "2023"),
        ("Дело возбудили в 2012 году.", "2012"),
        ("Его осудили шестого марта.", "2024-03-06"),
        ("Её задержали двадцать первого февраля.", "2024-02-21"),
        ("Его арестовали в конце февраля.", "2024-02"),
        ("Его задержали вчера.", "2024-03-14"),
        ("Его освободили в прошлом месяце.", "2024-02"),
        ("Его задержали 3 марта.", "2024-03-03"),
        ("Его задержали в понедельник.", "2024-03-11"),
        ("Его задержали в пятницу.", "2024-03-15"),  # the day of publication
        ("Его задержали 08.10.2012.", "2012-10-08"),
        ("Накануне Мосгорсуд продлил ему арест.", "2024-03-14"),
        ("Накануне в суде огласили приговор.", "2024-03-14"),
        ("Его похитили в ночь на воскресенье.", "2024-03-10"),
    ],
)
def test_russian_date_expressions_keep_their_precision(text: str, value: str) -> None:
    assert [d.value for d in find_dates(text, published=PUBLISHED)] == [value]


def test_on_the_eve_of_something_is_no_date() -> None:
    assert find_dates("Его задержали накануне выборов.", published=PUBLISHED) == []


def test_relative_dates_need_a_publication_date() -> None:
    assert find_dates("Его задержали вчера.", published=None) == []


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("Суд приговорил Олега Иванова к семи с половиной годам лишения свободы.", 90),
        ("Суд приговорил Олега Иванова к 7,5 года колонии.", 90),
        ("Суд приговорил Олега Иванова к 3 годам и 6 месяцам колонии.", 42),
        ("Суд приговорил Олега Иванова к двум годам условно.", 24),
    ],
)
def test_terms_in_months(read_ru, text: str, months: float) -> None:
    [event] = read_ru(text).events
    assert (event.type, event.sentence_months) == ("sentence", months)


def test_charges_as_worded_with_code_articles() -> None:
    text = ("Его осудили по ч. 2 ст. 280 УК РФ и по статье 174 УК РК "
            "по обвинению в разжигании социальной розни.")
    assert charges(text) == ["ч. 2 ст. 280 УК РФ", "статье 174 УК РК",
                             "разжигании социальной розни"]


@pytest.mark.parametrize(
    ("text", "charge"),
    [
        ("Его арестовали по обвинению в публикации «ложных сведений» о полиции.",
         "публикации ложных сведений о полиции"),
        ("Её осудили по статье о «призывах к экстремизму» (280 УК РФ).",
         "призывах к экстремизму"),
        ("Дела с обвинением блогера в мошенничестве, по словам защиты, надуманы.",
         "мошенничестве"),
    ],
)
def test_charges_in_quotes_by_article_name_and_in_the_instrumental(text: str,
                                                                   charge: str) -> None:
    assert charge in charges(text)


def test_a_charge_led_by_adjectives_takes_its_nouns_case(russian_nlp) -> None:
    text = "Их обвинили в тяжких должностных преступлениях и подкупе свидетелей."
    assert charges(text, russian_nlp.morph) == [
        "тяжкие должностные преступления и подкуп свидетелей"]


def test_document_reads_victims_events_statements_and_occasions(read_ru) -> None:
    extraction = read_ru(
        "Вчера в Шымкенте полиция задержала блогера Олега Иванова.\n"
        "Правозащитный центр «Мемориал» признал Иванова политзаключённым.\n"
        "Заседание по делу Иванова состоится 2 апреля."
    )
    [person] = extraction.persons
    assert person.name == "Олег Иванов"
    assert "Oleg Ivanov" in person.aliases
    arrest = next(e for e in extraction.events if e.type == "arrest")
    assert (arrest.date, arrest.place) == ("2024-03-14", "Шымкент")
    assert arrest.evidence.language == "ru"
    [statement] = extraction.statements
    assert "Мемориал" in statement.actor
    [hearing] = extraction.occasions
    assert (hearing.type, hearing.date, hearing.persons) == ("hearing", "2024-04-02",
                                                             [person.key])


def test_a_call_to_release_is_no_release(read_ru) -> None:
    extraction = read_ru("Amnesty International призвала освободить Олега Иванова.")
    assert extraction.events == []
    assert [s.actor for s in extraction.statements] == ["Amnesty International"]


def test_an_official_speaks_for_the_office_and_a_ministry_keeps_its_country(read_ru) -> None:
    extraction = read_ru(
        "Президент Литвы Андрюс Петраускас заявил, что осуждает приговор.\n"
        "В МИД Германии выразили протест в связи с арестом Олега Иванова."
    )
    assert [s.actor for s in extraction.statements] == ["Андрюс Петраускас", "МИД Германии"]


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("Организации Freedom House и Amnesty International призвали освободить журналиста.",
         ["Freedom House", "Amnesty International"]),
        ("Amnesty International: процесс над блогером был политическим", ["Amnesty International"]),
        ("Соединенные Штаты осудили приговор блогеру.", ["Соединенные Штаты"]),
        ("Организация «Свобода слова» (ОСС) заявила о давлении на прессу. "
         "ОСС призвала отменить приговор.", ["Организация «Свобода слова»"]),
        ("Amnesty International осудила арест блогера. Представитель Amnesty International "
         "Анна Белова заявила, что дело сфабриковано.", ["Amnesty International"]),
        ("В прошлом году Комитет по правам ребенка ООН опубликовал заключение, в котором "
         "говорится, что блогера Олега Иванова незаконно держали под стражей.",
         ["Комитет по правам ребенка ООН"]),
        ("Меморандум Amnesty International о положении заключённых", ["Amnesty International"]),
    ],
)
def test_who_speaks_up_beside_another_in_a_headline_as_a_country_or_by_short_form(
        read_ru, text: str, actors: list[str]) -> None:
    assert [s.actor for s in read_ru(text).statements] == actors


def test_people_listed_after_a_colon_take_the_events_of_the_introduction(read_ru) -> None:
    extraction = read_ru(
        "Суд заключил под стражу двух журналистов.\n"
        "До марта в СИЗО будут находиться:\n"
        "Олег Иванов – редактор;\n"
        "Анна Белова – фотограф.\n"
    )
    assert sorted(p.name for p in extraction.persons) == ["Анна Белова", "Олег Иванов"]
    assert {e.type for e in extraction.events} == {"arrest", "trial"}  # a court ordered it


def test_a_plural_act_before_a_dash_is_done_to_everyone_listed(read_ru) -> None:
    extraction = read_ru("Задержанные – учитель Олег Иванов, студентка Анна Белова и "
                         "инженер Петр Смирнов – провели ночь в отделе полиции.")
    assert _facts(extraction) == {("Олег Иванов", "arrest"), ("Анна Белова", "arrest"),
                                  ("Петр Смирнов", "arrest")}


def test_initials_alone_name_no_one(read_ru) -> None:
    extraction = read_ru("Следователи задержали обвиняемого Г. Г. в Ереване.")
    assert all(p.name.replace(".", "").strip() for p in extraction.persons)
    assert all(len(w) > 1 for p in extraction.persons for w in p.name.split())


@pytest.mark.parametrize(
    ("text", "place"),
    [("Минский областной суд приговорил Олега Иванова к трём годам.", "Минск"),
     ("Московский городской суд приговорил Олега Иванова к трём годам.", "Москва"),
     ("Суд в Ростове-на-Дону приговорил Олега Иванова к трём годам.", "Ростов-на-Дону"),
     ("Суд Советского района Казани приговорил Олега Иванова к трём годам.", "Казань"),
     ("Пресненский суд Москвы приговорил Олега Иванова к трём годам.", "Москва"),
     ("Мосгорсуд приговорил Олега Иванова к трём годам.", "Москва"),
     ("Коломенский горсуд приговорил Олега Иванова к трём годам.", "Коломна"),
     ("Суд аннексированного Крыма приговорил Олега Иванова к трём годам.", "Крым"),
     ("Сотрудники УМВД по Томской области задержали Олега Иванова.", "Томская область"),
     # a city court's own city before the region named after it
     ("Тбилисский городской суд Грузии приговорил Олега Иванова к трём годам.", "Тбилиси"),
     # a town the dictionary does not know, from its city court's adjective
     ("Армянский городской суд приговорил Олега Иванова к трём годам.", "Армянск")],
)
def test_place_of_a_court_or_a_city(read_ru, text: str, place: str) -> None:
    [event] = read_ru(text).events
    assert event.place == place


def _facts(extraction) -> set[tuple[str, str]]:
    names = {p.key: p.name.replace("ё", "е") for p in extraction.persons}
    return {(names[e.person], e.type) for e in extraction.events}


def test_a_pronoun_refers_to_the_last_person_of_its_gender_not_an_official(read_ru) -> None:
    extraction = read_ru("Анна Белова приехала в Минск вместе с Петром Смирновым. "
                         "Судья Олег Иванов огласил решение. Ее задержали в среду.")
    assert _facts(extraction) == {("Анна Белова", "arrest")}


def test_a_common_noun_in_a_sentence_without_names_refers_to_the_last_person(read_ru) -> None:
    extraction = read_ru("Олег Иванов много лет писал о коррупции в области. "
                         "В среду блогера задержали у дома.")
    assert _facts(extraction) == {("Олег Иванов", "arrest")}


def test_two_people_of_one_surname_stay_two(read_ru) -> None:
    extraction = read_ru("Суд приговорил Анну Белову к трем годам колонии. "
                         "Ее мужа Петра Белова задержали в среду.")
    assert {p.name.replace("ё", "е") for p in extraction.persons} >= {"Анна Белова", "Петр Белов"}


def test_a_headline_word_before_a_name_is_not_part_of_it(read_ru) -> None:
    extraction = read_ru("Журналистку Анну Белову приговорили к двум годам колонии")
    assert _facts(extraction) == {("Анна Белова", "sentence")}


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Олег Иванов получил три года колонии.", ("Олег Иванов", "sentence")),
        ("Суд назначил Олегу Иванову наказание в виде трех лет лишения свободы.",
         ("Олег Иванов", "sentence")),
        ("Журналист Олег Иванов обвиняется в распространении ложной информации.",
         ("Олег Иванов", "charge")),
        ("В Минске начался суд над блогером Олегом Ивановым.", ("Олег Иванов", "trial")),
        ("Правозащитник Олег Иванов вышел на свободу.", ("Олег Иванов", "release")),
        ("Стало известно, что бывший бухгалтер фирмы Анна Белова, осужденная в 2019 году "
         "к трем годам колонии, подала прошение о помиловании.", ("Анна Белова", "sentence")),
    ],
)
def test_common_wordings_of_charge_trial_term_and_release(read_ru, text: str,
                                                          fact: tuple[str, str]) -> None:
    assert fact in _facts(read_ru(text))


def test_a_list_of_people_goes_on_past_the_nouns_that_say_who_they_are(read_ru) -> None:
    extraction = read_ru("Суд оштрафовал пятерых участников пикета, в том числе учителя "
                         "Олега Иванова и двух студентов университета – Анну Белову и "
                         "Петра Смирнова.")
    assert {n for n, _ in _facts(extraction)} == {"Олег Иванов", "Анна Белова",
                                                  "Петр Смирнов"}


def test_a_name_with_its_own_verb_is_not_on_the_list(read_ru) -> None:
    extraction = read_ru("Полиция задержала Олега Иванова, журналист Петр Смирнов "
                         "снимал происходящее на телефон.")
    assert _facts(extraction) == {("Олег Иванов", "arrest")}


def test_an_outlet_in_quotes_is_no_person(read_ru) -> None:
    extraction = read_ru("Журналистов «Вестника» Ирину Смирнову и Олега Иванова задержали "
                         "в Казани.")
    assert {n for n, _ in _facts(extraction)} == {"Ирина Смирнова", "Олег Иванов"}


def test_a_call_the_parse_loses_is_still_a_call(read_ru) -> None:
    extraction = read_ru("Правозащитники осудили решение суда и призвали власти страны "
                         "немедленно и безусловно освободить Олега Иванова.")
    assert ("Олег Иванов", "release") not in _facts(extraction)


def test_a_paper_or_a_family_is_no_person(read_ru) -> None:
    extraction = read_ru("Редактор газеты Заря Олег Иванов был приговорён к пяти годам. "
                         "После того как Ивановы были осуждены, их дом продали.")
    assert {n for n, _ in _facts(extraction)} == {"Олег Иванов"}


def test_held_on_suspicion_is_not_yet_charged(read_ru) -> None:
    extraction = read_ru("Олег Иванов задержан по подозрению в мошенничестве.")
    assert _facts(extraction) == {("Олег Иванов", "arrest")}


def test_a_counted_group_named_in_the_next_sentence_takes_its_events(read_ru) -> None:
    extraction = read_ru("В мае суд начал рассматривать дело трёх студентов, задержанных "
                         "после митинга. Подсудимые – Олег Иванов, Анна Белова и Петр "
                         "Смирнов – свою вину не признают.")
    facts = _facts(extraction)
    assert {n for n, _ in facts} == {"Олег Иванов", "Анна Белова", "Петр Смирнов"}
    assert ("Анна Белова", "arrest") in facts


@pytest.mark.parametrize(
    "text",
    ["Судья Олег Иванов заявил, что вина подсудимой доказана.",
     "Об этом написала в соцсетях адвокат Анна Белова.",
     "Управление ФСИН по Томской области сообщило о смерти заключённого и выразило "
     "соболезнования."],
)
def test_a_judge_a_lawyer_or_a_prison_service_takes_no_position(read_ru, text: str) -> None:
    assert read_ru(text).statements == []


def test_her_liberation_after_a_mans_name_is_no_ones(read_ru) -> None:
    extraction = read_ru("Олег Иванов выступил на митинге в столице. Земля будет гореть "
                         "под ногами до её освобождения.")
    assert _facts(extraction) == set()


def test_a_pronoun_spelt_with_yo_refers_back(read_ru) -> None:
    extraction = read_ru("Анна Белова живёт в Москве. Её задержали утром.")
    assert _facts(extraction) == {("Анна Белова", "arrest")}


def test_an_official_titled_before_a_long_organisation_name_speaks_for_it(read_ru) -> None:
    extraction = read_ru("Президент Радио Новая Волна Европы Пётр Смирнов выступил "
                         "с резким заявлением в связи с арестом блогера.")
    assert extraction.statements != []


def test_a_sentence_to_the_same_term_takes_the_term_told_before(read_ru) -> None:
    extraction = read_ru("Олега Иванова суд приговорил к трём годам колонии. "
                         "К такому же сроку приговорена и Анна Белова.")
    names = {p.key: p.name for p in extraction.persons}
    assert {names[e.person]: e.sentence_months for e in extraction.events
            if e.type == "sentence"} == {"Олег Иванов": 36, "Анна Белова": 36}


@pytest.mark.parametrize(
    ("text", "charge"),
    [
        ("Суд признал блогера виновным в \"незаконном хранении оружия\" и отправил в колонию.",
         "незаконное хранение оружия"),
        ("Её осудили на пять лет за систематическое нарушение порядка проведения акций.",
         "систематическое нарушение порядка проведения акций"),
        ("Его осудили на восемь лет по делу «Свидетелей Иеговы».",
         "дело Свидетелей Иеговы"),
        ("Полицейские обвинили его в незаконной охоте, а потом отпустили.", "незаконная охота"),
        ("Активистов арестовали на десять суток по «протестной» статье.", "протестная статья"),
    ],
)
def test_charges_found_guilty_of_led_by_adjectives_or_a_named_case(russian_nlp, text: str,
                                                                   charge: str) -> None:
    assert charge in charges(text, russian_nlp.morph)


def test_a_group_counted_in_an_earlier_sentence_takes_its_events_once_listed(read_ru) -> None:
    extraction = read_ru("Суд приговорил 3 человек к двум годам колонии. "
                         "Весной суд начал рассматривать дело 3 человек, задержанных после "
                         "митинга. Подсудимые – Олег Иванов, Анна Белова и Петр Смирнов – "
                         "вину не признают.")
    names = {p.key: p.name for p in extraction.persons}
    terms = {names[e.person]: e.sentence_months for e in extraction.events
             if e.type == "sentence"}
    assert terms == {"Олег Иванов": 24, "Анна Белова": 24, "Петр Смирнов": 24}


def test_a_sentence_about_all_of_a_list_gives_its_events_to_each(read_ru) -> None:
    extraction = read_ru("Суд отправил под стражу троих активистов. До весны в СИЗО "
                         "будут находиться:\nОлег Иванов – журналист;\nАнна Белова – "
                         "редактор;\nПетр Смирнов.\nВсе арестованные ранее заявляли, что не "
                         "согласны с предъявленными им обвинениями.")
    charged = {n for n, kind in _facts(extraction) if kind == "charge"}
    assert charged == {"Олег Иванов", "Анна Белова", "Петр Смирнов"}


def test_people_named_among_them_take_the_acts_of_the_sentence_before(read_ru) -> None:
    extraction = read_ru("Вечером полиция задержала нескольких журналистов. "
                         "Среди них редактор Анна Белова и фотограф Петр Смирнов.")
    assert _facts(extraction) == {("Анна Белова", "arrest"), ("Петр Смирнов", "arrest")}


def test_a_term_in_days_is_an_administrative_arrest(read_ru) -> None:
    extraction = read_ru("Суд приговорил Олега Иванова к десяти суткам ареста.")
    assert _facts(extraction) == {("Олег Иванов", "sentence"), ("Олег Иванов", "arrest")}


def test_who_signs_a_pardon_grants_it_and_a_freed_prisoner_has_no_sentence(read_ru) -> None:
    extraction = read_ru("Петр Смирнов подписал указ о помиловании 20 осужденных. "
                         "В их числе политзаключенный Олег Иванов.")
    assert _facts(extraction) == {("Олег Иванов", "release")}


def test_one_of_the_detained_is_among_them(read_ru) -> None:
    extraction = read_ru("Одним из задержанных оказался журналист Олег Иванов.")
    assert _facts(extraction) == {("Олег Иванов", "arrest")}


@pytest.mark.parametrize(
    "text",
    [
        "Суд принял решение арестовать блогера Олега Иванова на два месяца.",
        "По решению суда Олег Иванов будет содержаться в СИЗО до весны.",
    ],
)
def test_custody_a_court_orders_is_a_trial_too(read_ru, text: str) -> None:
    assert ("Олег Иванов", "trial") in _facts(read_ru(text))


def test_days_of_arrest_a_court_gives_are_no_custody_hearing(read_ru) -> None:
    extraction = read_ru("Суд назначил пять суток ареста задержанному накануне Олегу Иванову.")
    assert ("Олег Иванов", "trial") not in _facts(extraction)


def test_a_name_on_a_banner_is_no_antecedent(read_ru) -> None:
    extraction = read_ru("Олег Иванов вышел на площадь с плакатом «Свободу Петру Смирнову». "
                         "Его задержали через десять минут.")
    assert _facts(extraction) == {("Олег Иванов", "arrest")}


def test_a_body_and_its_initials_are_one_actor_and_a_topic_is_none(read_ru) -> None:
    extraction = read_ru("Организация Безопасности и Сотрудничества в Европе призвала "
                         "освободить Петра Смирнова.\nПредставитель ОБСЕ по вопросам Свободы "
                         "печати Анна Белова заявила, что приговор несправедлив.")
    assert [s.actor for s in extraction.statements] == [
        "Организация Безопасности и Сотрудничества в Европе"]


def test_what_protesters_oppose_is_no_actor(read_ru) -> None:
    extraction = read_ru("Среди осужденных – учитель Петр Смирнов, задержанный во время "
                         "протестов против партии власти \"Единая воля\", прошедших весной.")
    assert [s.actor for s in extraction.statements] == []


def test_joined_verbs_share_their_object(read_ru) -> None:
    extraction = read_ru("Олег Иванов вернулся домой вечером. Полицейские ворвались в "
                         "квартиру, обвинили его в краже, избили и увезли с собой.")
    assert ("Олег Иванов", "ill_treatment") in _facts(extraction)


def test_a_trial_over_a_person_named_by_what_they_are(read_ru) -> None:
    extraction = read_ru("Олега Иванова признали виновным в клевете. "
                         "Суд над журналистом длился всего два дня.")
    assert ("Олег Иванов", "trial") in _facts(extraction)


def test_they_are_the_people_the_sentence_before_named_together(read_ru) -> None:
    extraction = read_ru("Олег Иванов и Анна Белова пришли на площадь с плакатами. "
                         "Они были задержаны через пять минут.")
    assert _facts(extraction) == {("Олег Иванов", "arrest"), ("Анна Белова", "arrest")}


def test_a_roll_call_of_names_after_a_counted_group_takes_its_acts(read_ru) -> None:
    extraction = read_ru("В мае начнут судить трех активистов, обвиняемых в экстремизме. "
                         "Иванов Олег. Белова Анна. Смирнов Петр.")
    charged = {n for n, kind in _facts(extraction) if kind == "charge"}
    assert len(charged) == 3


def test_a_plural_word_for_prisoners_is_not_the_one_named_person(read_ru) -> None:
    extraction = read_ru("В пятницу Петр Смирнов подписал указ об освобождении 40 "
                         "политзаключенных.")
    assert _facts(extraction) == set()


def test_an_official_named_again_by_surname_still_speaks_for_the_office(read_ru) -> None:
    text = ("Пресс-секретарь МИД Эстонии Лидия Карпова сообщила, что журналист Олег Иванов "
            "задержан в Минске. Позднее Карпова заявила, что требует его освобождения.")
    assert [s.actor for s in read_ru(text).statements] == ["Карпова"]
    text = "Лидия Карпова сообщила о задержании Олега Иванова. Карпова заявила, что он невиновен."
    assert read_ru(text).statements == []  # never titled: a witness, not an office


def test_a_name_after_in_support_of_and_its_title_is_no_target(read_ru) -> None:
    extraction = read_ru("Краевой суд отменил штраф, назначенный студенту Олегу Иванову "
                         "за акцию в поддержку известного опального журналиста Петра Смирнова.")
    names = {p.key: p.name for p in extraction.persons}
    assert {(names[e.person], e.type) for e in extraction.events} == {("Олег Иванов", "release")}


def test_charges_told_of_a_group_before_its_members_are_named(read_ru) -> None:
    extraction = read_ru("Пятерых активистов осудили по делу о создании экстремистского "
                         "сообщества. Олега Иванова суд приговорил к трём годам колонии.")
    [event] = extraction.events
    assert event.charges == ["создание экстремистского сообщества"]


def test_everyone_among_the_detained_even_a_party_leader(read_ru) -> None:
    extraction = read_ru("Среди задержанных лидер партии Олег Петров, лидеры движения "
                         "Иван Сидоров и Мария Козлова.")
    assert {p.name for p in extraction.persons} == {"Олег Петров", "Иван Сидоров",
                                                    "Мария Козлова"}


def test_a_paper_named_after_its_noun_is_still_no_person(read_ru) -> None:
    extraction = read_ru("Полиция задержала редактора газеты Заман.")
    assert not extraction.persons


def test_a_verdict_given_to_a_list_is_each_ones(read_ru) -> None:
    extraction = read_ru("Приговор вынесен Олегу Петрову, Ивану Сидорову и Анне Беловой.")
    assert {p.name for p in extraction.persons} == {"Олег Петров", "Иван Сидоров",
                                                    "Анна Белова"}
    assert {e.type for e in extraction.events} == {"sentence"}


def test_custody_extended_through_the_term_of_arrest(read_ru) -> None:
    extraction = read_ru("Срок ареста продлён Анне Беловой до мая.")
    assert "trial" in {e.type for e in extraction.events}
    assert not read_ru("Срок отпуска продлён Анне Беловой до мая.").events


def test_a_charge_ends_before_the_verb_of_its_clause(russian_nlp) -> None:
    assert charges("Обвинение в госизмене предъявлено Олегу Петрову.",
                   russian_nlp.morph) == ["госизмена"]


def test_one_of_a_counted_number_of_detained(read_ru) -> None:
    extraction = read_ru("Олег Петров — один из 12 задержанных после митинга.")
    assert {(p.name, e.type) for p in extraction.persons for e in extraction.events} == {
        ("Олег Петров", "arrest")}


def test_each_defendant_takes_the_term_told_beside_their_name(read_ru) -> None:
    extraction = read_ru("Суд приговорил Олега Петрова к 10 годам, Ивану Сидорову "
                         "назначили 12 лет, а Анне Беловой — 14.")
    names = {p.key: p.name for p in extraction.persons}
    assert {names[e.person]: e.sentence_months for e in extraction.events} == {
        "Олег Петров": 120, "Иван Сидоров": 144, "Анна Белова": 168}


def test_a_quoted_title_ending_in_an_exclamation_does_not_end_the_sentence(read_ru) -> None:
    extraction = read_ru("Среди задержанных лидер движения «Вперёд!» Иван Сидоров и "
                         "Анна Белова.")
    assert {p.name for p in extraction.persons} == {"Иван Сидоров", "Анна Белова"}


def test_found_guilty_is_no_statement_of_the_party_named_beside(read_ru) -> None:
    extraction = read_ru('Лидер партии "Вперёд!" Иван Сидоров и активист Анна Белова '
                         "признаны виновными.")
    assert not extraction.statements


def test_a_verdict_told_in_the_past_is_no_hearing_ahead_whatever_its_date(read_ru) -> None:
    text = "16 марта суд в Казани приговорил Олега Петрова к пяти годам колонии."
    extraction = read_ru(text, published=date(2024, 3, 15))
    assert not extraction.occasions
    assert {e.type for e in extraction.events} == {"sentence"}


def test_the_lawyers_client_is_the_person_whose_lawyer_speaks(read_ru) -> None:
    extraction = read_ru("Защитник Анны Беловой рассказал, что его подзащитную "
                         "задержали повторно.")
    names = {p.key: p.name for p in extraction.persons}
    assert {(names[e.person], e.type) for e in extraction.events} == {("Анна Белова", "arrest")}


def test_a_surname_alone_the_tagger_misses_is_the_person_named_before() -> None:
    text = "Сидоров был задержан."
    evidence = Evidence("h", 0, len(text), text)
    words = [Word(w, text.index(w), w.lower(), pos, {}, -1, "") for w, pos in
             (("Сидоров", "PROPN"), ("был", "AUX"), ("задержан", "VERB"), (".", "PUNCT"))]
    sentence = Sentence(evidence, words)
    assert [m.text for m in _surnames_again(sentence, {"сидор"})] == ["Сидоров"]
    assert not _surnames_again(sentence, {"белов"})


def test_the_subject_of_another_clause_is_not_the_triggers_target(read_ru) -> None:
    extraction = read_ru("Полиция задержала Анну Белову. Её отпустили к вечеру, а Иван "
                         "Сидоров остался дома.")
    names = {p.key: p.name for p in extraction.persons}
    assert {(names[e.person], e.type) for e in extraction.events} == {
        ("Анна Белова", "arrest"), ("Анна Белова", "release")}


def test_a_lawyer_arrested_is_named_beside_the_title_not_as_its_genitive(read_ru) -> None:
    extraction = read_ru("В Худжанде арестован адвокат Абдулмаджид Ризоев.")
    assert [p.name for p in extraction.persons] == ["Абдулмаджид Ризоев"]


@pytest.mark.parametrize(
    ("text", "victims"),
    [("Иван Сидоров и Анна Белова подверглись избиению в изоляторе.",
      {"Иван Сидоров", "Анна Белова"}),
     ("В изоляторе Ивана Сидорова подвергли пыткам.", {"Иван Сидоров"})],
)
def test_who_underwent_ill_treatment(read_ru, text: str, victims: set[str]) -> None:
    extraction = read_ru(text)
    names = {p.key: p.name for p in extraction.persons}
    assert {(names[e.person], e.type) for e in extraction.events} == {
        (name, "ill_treatment") for name in victims}


def test_they_are_the_people_named_earlier_in_the_same_sentence(read_ru) -> None:
    extraction = read_ru("Полиция задержала Ивана Сидорова и Анну Белову, позже их отпустили.")
    names = {p.key: p.name for p in extraction.persons}
    assert {(names[e.person], e.type) for e in extraction.events} == {
        (name, kind) for name in ("Иван Сидоров", "Анна Белова")
        for kind in ("arrest", "release")}


def test_initials_after_a_surname_keep_the_surname_last(read_ru) -> None:
    extraction = read_ru("Суд приговорил Сидорова И. А. к пяти годам.")
    assert [p.name.split()[-1] for p in extraction.persons] == ["Сидоров"]


def test_a_bulleted_or_numbered_list_of_people_takes_the_introductions_act(read_ru) -> None:
    extraction = read_ru("Суд вынес приговоры:\n- Иван Сидоров — 5 лет колонии;\n"
                         "2. Анна Белова — 3 года колонии.")
    names = {p.key: p.name for p in extraction.persons}
    assert {names[e.person]: e.sentence_months for e in extraction.events} == {
        "Иван Сидоров": 60, "Анна Белова": 36}


@pytest.mark.parametrize(
    ("text", "charge"),
    [("Его осудили по ч. 1 ст. 212.1 УК РФ (повторное нарушение правил пикетов).",
      "повторное нарушение правил пикетов"),
     ("Её оштрафовали за «оскорбление» судьи.", "оскорбление судьи"),
     ("Ему вменяют создание экстремистской ячейки.", "создание экстремистской ячейки")],
)
def test_charges_worded_after_an_article_quoted_or_imputed(russian_nlp, text: str,
                                                          charge: str) -> None:
    assert charge in charges(text, russian_nlp.morph)


def test_what_was_done_to_me_is_done_to_the_speaker(read_ru) -> None:
    extraction = read_ru("— Меня задержали прямо у подъезда, — говорит Анна Белова.")
    names = {p.key: p.name for p in extraction.persons}
    assert {(names[e.person], e.type) for e in extraction.events} == {("Анна Белова", "arrest")}
