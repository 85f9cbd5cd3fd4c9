"""Synthetic known people for the resolution benchmark: many naming traditions at once.

A monitoring archive holds Russian and Belarusian names with patronymics,
Kazakh, Kyrgyz and Uzbek names (Turkic particles, "-uly", "kyzy"), Arabic names
with articles and father's names, Chinese and Vietnamese names written surname
first, Latin American double surnames, Persian and Turkish names, and a few
English and West African ones. Common surnames recur as they do in life (a
head drawn with Zipf weights), behind them a long tail of rarer ones built from
syllables; one person in three is also stored under another spelling,
initials, a patronymic or a title. The same seed gives the same people.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field

HEAD_SHARE = 0.7  # persons whose surname comes from a tradition's common surnames
ALIAS_SHARE = 0.35  # persons stored with at least one other written form


@dataclass(frozen=True, slots=True)
class Tradition:
    """Given names, common surnames and the syllables and endings of rarer ones."""

    weight: float
    male: tuple[str, ...]
    female: tuple[str, ...]
    surnames: tuple[str, ...]
    roots: tuple[str, ...]
    endings: tuple[str, ...] = ("",)
    female_endings: tuple[str, ...] = field(default=())  # replaces `endings` for women
    surname_first: bool = False


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


SLAVIC = Tradition(
    0.2,
    _words("Aleksandr Alexander Sergei Sergey Vladimir Dmitry Dmitri Andrei Andrey Alexei Aleksei "
           "Mikhail Nikolai Ivan Yevgeny Evgeny Pavel Oleg Igor Viktor Viktar Ales Maxim Ihar "
           "Yury Yuri Roman Denis Anton Artem Kirill Pyotr Petr Boris Leonid Stanislau Valentin"),
    _words("Maria Maryia Olga Natalia Natalya Irina Yelena Elena Tatiana Tatyana Svetlana "
           "Anastasia Ekaterina Yekaterina Maria Marina Yulia Julia Veronika Darya Daria Nina "
           "Lyudmila Ludmila Alena Alyona Palina Nasta Zhanna Valeria Ksenia Kseniya Sofia"),
    _words("Ivanov Smirnov Kuznetsov Popov Vasilyev Petrov Sokolov Mikhailov Novikov Fedorov "
           "Morozov Volkov Alekseyev Lebedev Semenov Yegorov Pavlov Kozlov Stepanov Nikolayev "
           "Orlov Andreyev Makarov Nikitin Zakharov Zaitsev Solovyov Borisov Yakovlev Grigoryev "
           "Romanov Vorobyov Sergeyev Frolov Alexandrov Dmitriyev Korolev Gusev Kiselev Ilyin "
           "Maksimov Polyakov Sorokin Vinogradov Kovalev Belov Medvedev Antonov Tarasov Zhukov "
           "Baranov Filippov Komarov Davydov Belyaev Gerasimov Bogdanov Osipov Sidorov Matveyev "
           "Titov Markov Mironov Krylov Kulikov Karpov Vlasov Melnikov Denisov Gavrilov Tikhonov "
           "Kazakov Afanasyev Danilov Savelyev Timofeyev Fomin Chernov Abramov Martynov Yefimov "
           "Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Oliynyk Melnyk Boyko Koval "
           "Bialiatski Kalesnik Statkevich Tsikhanouski Navalny Kharlamov Nemtsov Babaryka"),
    _words("Bel Kras Tver Gor Lis Zhar Sav Dub Kol Med Serg Pol Rud Sin Yar Chern Glad Voron "
           "Bur Khrom Lap Tolst Shum Zlat Myas Pest Kon Bog Mal Nov Star Griz Kuz Sem Kisl"),
    ("ov", "ev", "in", "sky", "enko", "uk", "ich", "ets"),
    ("ova", "eva", "ina", "skaya", "enko", "uk", "ich", "ets"),
)
CENTRAL_ASIAN = Tradition(
    0.2,
    _words("Arman Yerlan Erlan Nurlan Bakyt Askar Timur Ruslan Daniyar Azamat Bolat Serik "
           "Marat Yerzhan Erzhan Kairat Talgat Zhanbolat Dzhanbolat Ulugbek Otabek Rustam "
           "Dilshod Farrukh Bakhtiyor Bakhtiyar Akmal Sherzod Temirlan Aibek Aybek Kanat"),
    _words("Dinara Saule Aigerim Aygerim Madina Gulnara Zarina Makhabat Aizhan Ayzhan Asel "
           "Assel Dana Zhanar Janar Gulmira Nodira Dilnoza Feruza Malika Roza Rosa Aliya"),
    _words("Tokayev Tokaev Nazarbayev Suleimenov Suleymenov Kassymov Kasymov Omarov Seitkali "
           "Zhunusov Dzhunusov Rakhimov Rahimov Sadykov Ismailov Nurpeisov Abenov Yesenov "
           "Baimukhanov Kuanyshev Akhmetov Ahmetov Tuletayev Tuletaev Aliyev Aliev Karimov "
           "Mirziyoyev Rakhmonov Atambayev Japarov Zhaparov Tashiev Bakiyev Otunbayev "
           "Dzhaksybekov Abdullayev Yusupov Usmanov Tursunov Kurbanov Rashidov Salimov "
           "Nazarov Mamatov Tazhibek Uulu Asanov Sultanov Mukhametov Bekov Orazov Sarsenbayev"),
    _words("Tokay Nazar Suleimen Kassym Omar Seit Zhunus Rakhim Sadyk Ismail Nurpeis Aben "
           "Esen Baimukhan Kuanysh Akhmet Tulet Ali Karim Rakhmon Atambay Japar Tash Baky "
           "Otunbay Jaksybek Abdulla Yusup Usman Tursun Kurban Rashid Salim Mamat Tazhi "
           "Asan Sultan Mukhamet Orazbek Sarsen Yerzhan Kenzhe Zhakyp Kasym Temir Aidar"),
    ("ov", "ev", "bekov", "bayev", "uly", " uulu"),
    ("ova", "eva", "bekova", "bayeva", "kyzy", " kyzy"),
)
ARABIC = Tradition(
    0.15,
    _words("Mohammed Muhammad Mohamed Mohammad Ahmed Ahmad Ali Hassan Hussein Omar Khaled "
           "Khalid Mahmoud Youssef Yusuf Abdullah Alaa Ibrahim Tarek Tariq Karim Samir Walid "
           "Salman Nabil Hisham Ayman Osama Mustafa Mostafa Nasser Faisal Hamza Bilal Ziad"),
    _words("Fatima Aisha Mariam Maryam Nour Noor Salma Layla Leila Zainab Zeinab Loujain "
           "Samar Esraa Israa Mona Hala Rania Dina Amal Hanan Asmaa Nadia Sara Yasmin Huda"),
    _words("Hassan Ibrahim Mansour Saleh Ramadan Mahmoud Youssef Nasser Abdelaziz Suleiman "
           "Abdel-Fattah al-Hathloul el-Sayed al-Khawaja Abdulhadi al-Qahtani al-Ghamdi "
           "al-Otaibi al-Harbi al-Shammari al-Dosari Khalil Haddad Najjar Qasim Darwish "
           "Mustafa Hamdan Salem Farouk Shehata Zaki Fahmy Soliman Radwan Kamal Badawi"),
    _words("Hath Khaw Qaht Ghamd Otaib Harb Shamm Dosar Jaber Maliki Zahran Ansari Tamimi "
           "Sharif Rashed Hammad Zubair Najd Sabah Anez Jamal Fattah Rahman Aziz Halim"),
    ("i", "", "oun", "an"),
)
CHINESE = Tradition(
    0.12,
    _words("Wei Ming Jun Jie Hao Yong Qiang Lei Bin Gang Tao Chao Peng Quanzhang Zhiqiang "
           "Xiaobo Jiabao Yu Zhen Guangcheng Ilham Joshua Benny Jimmy Yiping Feng Xin"),
    _words("Li Fang Xia Yan Jing Hui Ying Lan Ping Mei Xiu Na Jiayu Qiuyu Agnes Xiaolan Hong"),
    _words("Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin "
           "Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan "
           "Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren Shen Yao Jin Tan Wong Chow Lai"),
    _words("Ou Qin Shi Lan Mo Kong Bai Cui Kang Mao Qiu Jia Xue Wan Gu Hou Shao Meng Long"),
    ("",),
    surname_first=True,
)
LATIN_AMERICAN = Tradition(
    0.1,
    _words("José Jose Juan Carlos Luis Miguel Jorge Pedro Alejandro Francisco Javier Diego "
           "Rafael Manuel Ricardo Fernando Sergio Andrés Andres Pablo Félix Felix"),
    _words("María Maria Ana Lucía Lucia Carmen Rosa Gabriela Daniela Paola Valentina Camila "
           "Sofía Sofia Mariana Fernanda Isabel Patricia Claudia Berta Milagro Lorena"),
    _words("García González Rodríguez Fernández López Martínez Sánchez Pérez Gómez Martín "
           "Jiménez Ruiz Hernández Díaz Moreno Álvarez Muñoz Romero Alonso Gutiérrez Navarro "
           "Torres Domínguez Vázquez Ramos Gil Ramírez Serrano Blanco Suárez Molina Morales "
           "Ortega Delgado Castro Ortiz Rubio Marín Sanz Núñez Iglesias Medina Garrido Chamorro "
           "Cáceres Ortega Murillo Mendoza Quispe Mamani Flores"),
    _words("Carr Villa Mont Sal Bel Esc Alv Barr Cerv Echev Ibarr Larr Olm Pad Quint Sep"),
    ("era", "ero", "ez", "ano", "ada", "oza"),
)
PERSIAN_TURKISH = Tradition(
    0.1,
    _words("Reza Hossein Mehdi Amir Ali Saeed Said Hamid Majid Navid Arash Mohsen Kamran "
           "Mehmet Ahmet Mustafa Osman Selahattin Can Emre Murat Ilgar Emin Anar Ramin"),
    _words("Narges Nasrin Sepideh Nazanin Narges Shirin Maryam Fariba Leila Zahra Niloufar "
           "Ayse Fatma Zeynep Elif Canan Selin Khadija Leyla Arzu Gunel Sevinj"),
    _words("Mohammadi Sotoudeh Ahmadi Hosseini Rezaei Moradi Karimi Rahimi Jafari Sadeghi "
           "Zaghari Ratcliffe Rostami Tabrizi Kazemi Ebrahimi Yilmaz Kaya Demir Sahin Celik "
           "Yildiz Yildirim Ozturk Aydin Ozdemir Arslan Dogan Kilic Aslan Cetin Kara Kurt "
           "Ismayilova Mammadov Mammadli Huseynov Hasanov Guliyev Aliyeva Abbasov Ismayilov"),
    _words("Ghol Bahr Shir Khos Naz Fard Pour Tehr Sabz Tavak Mirza Kaz Zand Aksoy Erdem "
           "Gunes Kocak Ozkan Polat Tekin Ucar Baysal"),
    ("i", "ian", "zadeh", "pour", "oglu", "li", "lu"),
)
VIETNAMESE = Tradition(
    0.05,
    _words("Van Duc Minh Quang Tuan Hung Dung Thanh Huy Dai Khanh Long Nam Son Truong"),
    _words("Thi Lan Huong Mai Hoa Thuy Linh Trang Ngoc Phuong Quynh Hanh Nga Thao"),
    _words("Nguyen Nguyen Nguyen Nguyen Tran Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui "
           "Do Ho Ngo Duong Ly"),
    _words("Nguy Trin Doan Lam Luu Mac Ta Tong Trieu"),
    ("",),
    surname_first=True,
)
OTHER = Tradition(
    0.08,
    _words("John James Robert Michael David William Richard Thomas Daniel Peter Paul Mark "
           "Emmanuel Kwame Chinedu Oluwaseun Samuel Joseph Ibrahim Moussa Amadou Jean"),
    _words("Mary Patricia Jennifer Linda Elizabeth Susan Sarah Grace Amina Ngozi Fatou "
           "Aminata Chioma Claire Marie Anne Julie Sophie"),
    _words("Smith Johnson Williams Brown Jones Miller Davis Wilson Taylor Anderson Thomas "
           "Moore Martin Jackson White Harris Clark Lewis Okafor Mensah Diallo Traore "
           "Kamara Okonkwo Adeyemi Nwosu Mwangi Ochieng Kiprop Dubois Lefebvre Moreau"),
    _words("Ade Oko Nwa Kam Ban Mbe Ouat Kone Tour Sisse Ndi Afo Eze Obi Uche"),
    ("ye", "nga", "ah", "oro", "ume", ""),
)
TRADITIONS = (SLAVIC, CENTRAL_ASIAN, ARABIC, CHINESE, LATIN_AMERICAN, PERSIAN_TURKISH,
              VIETNAMESE, OTHER)
# Spellings one romanisation writes and another does not.
VARIANTS = (("ye", "e"), ("kh", "h"), ("zh", "j"), ("ks", "x"), ("iy", "y"), ("yu", "iu"),
            ("ya", "ia"), ("ou", "u"), ("ei", "ey"), ("ai", "ay"), ("v", "w"), ("ii", "i"))


@dataclass(frozen=True, slots=True)
class SyntheticPerson:
    name: str
    aliases: tuple[str, ...]


def synthetic_people(count: int, *, seed: int = 17) -> Iterator[SyntheticPerson]:
    """`count` people, streamed (a million fit in a few seconds, not in memory)."""
    rng = random.Random(seed)
    weights = [t.weight for t in TRADITIONS]
    zipf = {id(t): [1 / (rank + 1) for rank in range(len(t.surnames))] for t in TRADITIONS}
    for _ in range(count):
        tradition = rng.choices(TRADITIONS, weights)[0]
        yield _person(rng, tradition, zipf[id(tradition)])


def _person(rng: random.Random, tradition: Tradition, zipf: list[float]) -> SyntheticPerson:
    female = rng.random() < 0.4
    given = rng.choice(tradition.female if female else tradition.male)
    surname = _surname(rng, tradition, zipf, female)
    middle = _middle(rng, tradition, female)
    parts = [surname, given] if tradition.surname_first else [given, *middle, surname]
    name = " ".join(parts)
    aliases = _aliases(rng, name, given, surname, tradition) if rng.random() < ALIAS_SHARE else ()
    return SyntheticPerson(name, aliases)


def _surname(rng: random.Random, tradition: Tradition, zipf: list[float], female: bool) -> str:
    if rng.random() < HEAD_SHARE:
        surname = rng.choices(tradition.surnames, zipf)[0]
        if female and tradition.female_endings and surname.endswith(("ov", "ev", "in")):
            surname += "a"
        return surname
    endings = tradition.female_endings if female and tradition.female_endings else tradition.endings
    root = rng.choice(tradition.roots) + "".join(
        rng.choice(tradition.roots).lower() for _ in range(rng.choice((0, 1, 1, 2)))
    )
    return root + rng.choice(endings)


def _middle(rng: random.Random, tradition: Tradition, female: bool) -> list[str]:
    """A patronymic for Slavic names, a father's name for Arabic ones, a second given
    name or surname for Latin American ones; most people are written without."""
    if tradition is SLAVIC and rng.random() < 0.3:
        father = rng.choice(tradition.male).rstrip("y").rstrip("i")
        return [father + ("ovna" if female else "ovich")]
    if tradition is ARABIC and rng.random() < 0.3:
        return [rng.choice(tradition.male)]
    if tradition is LATIN_AMERICAN and rng.random() < 0.5:
        return [rng.choice(tradition.surnames)]
    return []


def _aliases(
    rng: random.Random, name: str, given: str, surname: str, tradition: Tradition
) -> tuple[str, ...]:
    forms = [
        _respelled(rng, name),
        f"{given[0]}. {surname}" if not tradition.surname_first else name.upper(),
        f"{surname} {given[0]}." if tradition in (SLAVIC, CENTRAL_ASIAN) else _respelled(rng, name),
        f"{rng.choice(('Mr', 'Ms', 'Dr'))} {surname}",
    ]
    chosen = rng.sample(forms, rng.choice((1, 1, 2)))
    return tuple(dict.fromkeys(a for a in chosen if a != name))


def _respelled(rng: random.Random, name: str) -> str:
    """The name in another romanisation: one or two spellings swapped."""
    written = name
    for old, new in rng.sample(VARIANTS, 3):
        if old in written:
            written = written.replace(old, new, 1)
        elif new in written and rng.random() < 0.5:
            written = written.replace(new, old, 1)
    return written
