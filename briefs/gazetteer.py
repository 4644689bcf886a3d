"""Countries, blocs, their aliases, demonyms and capitals, and a few well-known leaders.

The one table of parties for drafting (which reads them in story text) and search (which
matches a reader's `by:holland` to a brief's "Netherlands" through `country_key`).
Drafting's tables are keyed by lower-case text so lookups are plain dict hits on tokens: no
regex alternation over hundreds of names (that would cost milliseconds per article).
"""

from __future__ import annotations

from functools import lru_cache

from briefs.folding import words

# canonical name: (aliases, demonyms, capitals or metonyms). Aliases and capitals name the
# country as a noun ("Beijing said"); demonyms are adjectives ("Chinese tariffs").
_COUNTRIES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "United States": (
        ("United States", "U.S.", "US", "USA", "U.S.A.", "America", "United States of America"),
        ("American",),
        ("Washington",),
    ),
    "European Union": (
        ("European Union", "EU", "E.U.", "Europe"),
        ("European",),
        ("Brussels",),
    ),
    "China": (("China", "People's Republic of China", "PRC"), ("Chinese",), ("Beijing",)),
    "Canada": (("Canada",), ("Canadian",), ("Ottawa",)),
    "Mexico": (("Mexico",), ("Mexican",), ("Mexico City",)),
    "United Kingdom": (
        ("United Kingdom", "UK", "U.K.", "Britain", "Great Britain"),
        ("British", "Scottish", "Scotch"),
        ("London",),
    ),
    "Japan": (("Japan",), ("Japanese",), ("Tokyo",)),
    "South Korea": (
        ("South Korea", "Korea", "Republic of Korea"),
        ("South Korean", "Korean"),
        ("Seoul",),
    ),
    "North Korea": (("North Korea",), ("North Korean",), ("Pyongyang",)),
    "India": (("India",), ("Indian",), ("New Delhi",)),
    "Australia": (("Australia",), ("Australian",), ("Canberra",)),
    "New Zealand": (("New Zealand",), (), ("Wellington",)),
    "Germany": (("Germany",), ("German",), ("Berlin",)),
    "France": (("France",), ("French",), ("Paris",)),
    "Italy": (("Italy",), ("Italian",), ("Rome",)),
    "Spain": (("Spain",), ("Spanish",), ("Madrid",)),
    "Portugal": (("Portugal",), ("Portuguese",), ("Lisbon",)),
    "Netherlands": (("Netherlands", "Holland"), ("Dutch",), ("The Hague", "Amsterdam")),
    "Belgium": (("Belgium",), ("Belgian",), ()),
    "Luxembourg": (("Luxembourg",), (), ()),
    "Ireland": (("Ireland",), ("Irish",), ("Dublin",)),
    "Austria": (("Austria",), ("Austrian",), ("Vienna",)),
    "Switzerland": (("Switzerland",), ("Swiss",), ("Bern",)),
    "Denmark": (("Denmark",), ("Danish",), ("Copenhagen",)),
    "Sweden": (("Sweden",), ("Swedish",), ("Stockholm",)),
    "Norway": (("Norway",), ("Norwegian",), ("Oslo",)),
    "Finland": (("Finland",), ("Finnish",), ("Helsinki",)),
    "Iceland": (("Iceland",), ("Icelandic",), ("Reykjavik",)),
    "Poland": (("Poland",), ("Polish",), ("Warsaw",)),
    "Czech Republic": (("Czech Republic", "Czechia"), ("Czech",), ("Prague",)),
    "Slovakia": (("Slovakia",), ("Slovak",), ("Bratislava",)),
    "Hungary": (("Hungary",), ("Hungarian",), ("Budapest",)),
    "Romania": (("Romania",), ("Romanian",), ("Bucharest",)),
    "Bulgaria": (("Bulgaria",), ("Bulgarian",), ("Sofia",)),
    "Greece": (("Greece",), ("Greek",), ("Athens",)),
    "Croatia": (("Croatia",), ("Croatian",), ("Zagreb",)),
    "Serbia": (("Serbia",), ("Serbian",), ("Belgrade",)),
    "Slovenia": (("Slovenia",), ("Slovenian",), ("Ljubljana",)),
    "Lithuania": (("Lithuania",), ("Lithuanian",), ("Vilnius",)),
    "Latvia": (("Latvia",), ("Latvian",), ("Riga",)),
    "Estonia": (("Estonia",), ("Estonian",), ("Tallinn",)),
    "Russia": (("Russia", "Russian Federation"), ("Russian",), ("Moscow",)),
    "Ukraine": (("Ukraine",), ("Ukrainian",), ("Kyiv", "Kiev")),
    "Belarus": (("Belarus",), ("Belarusian",), ("Minsk",)),
    "Turkey": (("Turkey", "Türkiye", "Turkiye"), ("Turkish",), ("Ankara",)),
    "Brazil": (("Brazil",), ("Brazilian",), ("Brasilia", "Brasília")),
    "Argentina": (("Argentina",), ("Argentine", "Argentinian"), ("Buenos Aires",)),
    "Chile": (("Chile",), ("Chilean",), ("Santiago",)),
    "Peru": (("Peru",), ("Peruvian",), ("Lima",)),
    "Colombia": (("Colombia",), ("Colombian",), ("Bogota", "Bogotá")),
    "Venezuela": (("Venezuela",), ("Venezuelan",), ("Caracas",)),
    "Ecuador": (("Ecuador",), ("Ecuadorian",), ("Quito",)),
    "Cuba": (("Cuba",), ("Cuban",), ("Havana",)),
    "Guatemala": (("Guatemala",), ("Guatemalan",), ()),
    "Costa Rica": (("Costa Rica",), ("Costa Rican",), ()),
    "Vietnam": (("Vietnam", "Viet Nam"), ("Vietnamese",), ("Hanoi", "Ha Noi")),
    "Thailand": (("Thailand",), ("Thai",), ("Bangkok",)),
    "Indonesia": (("Indonesia",), ("Indonesian",), ("Jakarta",)),
    "Malaysia": (("Malaysia",), ("Malaysian",), ("Kuala Lumpur",)),
    "Philippines": (("Philippines",), ("Philippine", "Filipino"), ("Manila",)),
    "Singapore": (("Singapore",), ("Singaporean",), ()),
    "Cambodia": (("Cambodia",), ("Cambodian",), ("Phnom Penh",)),
    "Myanmar": (("Myanmar", "Burma"), ("Burmese",), ("Naypyidaw",)),
    "Laos": (("Laos",), ("Laotian",), ("Vientiane",)),
    "Taiwan": (("Taiwan",), ("Taiwanese",), ("Taipei",)),
    "Pakistan": (("Pakistan",), ("Pakistani",), ("Islamabad",)),
    "Bangladesh": (("Bangladesh",), ("Bangladeshi",), ("Dhaka",)),
    "Sri Lanka": (("Sri Lanka",), ("Sri Lankan",), ("Colombo",)),
    "Kazakhstan": (("Kazakhstan",), ("Kazakh",), ("Astana",)),
    "Saudi Arabia": (("Saudi Arabia",), ("Saudi",), ("Riyadh",)),
    "United Arab Emirates": (("United Arab Emirates", "UAE"), ("Emirati",), ("Abu Dhabi",)),
    "Qatar": (("Qatar",), ("Qatari",), ("Doha",)),
    "Israel": (("Israel",), ("Israeli",), ()),
    "Iran": (("Iran",), ("Iranian",), ("Tehran",)),
    "Iraq": (("Iraq",), ("Iraqi",), ("Baghdad",)),
    "Egypt": (("Egypt",), ("Egyptian",), ("Cairo",)),
    "Morocco": (("Morocco",), ("Moroccan",), ("Rabat",)),
    "South Africa": (("South Africa",), ("South African",), ("Pretoria",)),
    "Nigeria": (("Nigeria",), ("Nigerian",), ("Abuja",)),
    "Kenya": (("Kenya",), ("Kenyan",), ("Nairobi",)),
    "Ethiopia": (("Ethiopia",), ("Ethiopian",), ("Addis Ababa",)),
    "Ghana": (("Ghana",), ("Ghanaian",), ("Accra",)),
    # More trading countries a story may name once (issue 13)
    "Algeria": (("Algeria",), ("Algerian",), ("Algiers",)),
    "Angola": (("Angola",), ("Angolan",), ("Luanda",)),
    "Armenia": (("Armenia",), ("Armenian",), ("Yerevan",)),
    "Azerbaijan": (("Azerbaijan",), ("Azerbaijani",), ("Baku",)),
    "Bahrain": (("Bahrain",), ("Bahraini",), ("Manama",)),
    "Bolivia": (("Bolivia",), ("Bolivian",), ("La Paz",)),
    "Cameroon": (("Cameroon",), ("Cameroonian",), ("Yaoundé",)),
    "Cyprus": (("Cyprus",), ("Cypriot",), ("Nicosia",)),
    "Kuwait": (("Kuwait",), ("Kuwaiti",), ()),
    "Lebanon": (("Lebanon",), ("Lebanese",), ("Beirut",)),
    "Mongolia": (("Mongolia",), ("Mongolian",), ("Ulaanbaatar",)),
    "Mozambique": (("Mozambique",), ("Mozambican",), ("Maputo",)),
    "Nepal": (("Nepal",), ("Nepali",), ("Kathmandu",)),
    "Oman": (("Oman",), ("Omani",), ("Muscat",)),
    "Panama": (("Panama",), ("Panamanian",), ()),
    "Paraguay": (("Paraguay",), ("Paraguayan",), ("Asunción",)),
    "Senegal": (("Senegal",), ("Senegalese",), ("Dakar",)),
    "Tanzania": (("Tanzania",), ("Tanzanian",), ("Dodoma",)),
    "Tunisia": (("Tunisia",), ("Tunisian",), ("Tunis",)),
    "Uganda": (("Uganda",), ("Ugandan",), ("Kampala",)),
    "Uruguay": (("Uruguay",), ("Uruguayan",), ("Montevideo",)),
    "Uzbekistan": (("Uzbekistan",), ("Uzbek",), ("Tashkent",)),
    "Zambia": (("Zambia",), ("Zambian",), ("Lusaka",)),
    "Zimbabwe": (("Zimbabwe",), ("Zimbabwean",), ("Harare",)),
    # Trading partners that real wire copy names (issue 13, the tariff side): Central America and
    # the Caribbean, Africa, the Pacific, Europe's edges. Names that are also common words or
    # names of people or US states (Georgia, Jordan, Chad) are left out.
    "Nicaragua": (("Nicaragua",), ("Nicaraguan",), ("Managua",)),
    "Honduras": (("Honduras",), ("Honduran",), ("Tegucigalpa",)),
    "El Salvador": (("El Salvador",), ("Salvadoran",), ("San Salvador",)),
    "Dominican Republic": (("Dominican Republic",), (), ("Santo Domingo",)),
    "Haiti": (("Haiti",), ("Haitian",), ("Port-au-Prince",)),
    "Jamaica": (("Jamaica",), ("Jamaican",), ()),
    "Trinidad and Tobago": (("Trinidad and Tobago",), (), ("Port of Spain",)),
    "Syria": (("Syria",), ("Syrian",), ("Damascus",)),
    "Afghanistan": (("Afghanistan",), ("Afghan",), ("Kabul",)),
    "Libya": (("Libya",), ("Libyan",), ()),
    "Sudan": (("Sudan",), ("Sudanese",), ("Khartoum",)),
    "Brunei": (("Brunei",), ("Bruneian",), ("Bandar Seri Begawan",)),
    "Fiji": (("Fiji",), ("Fijian",), ("Suva",)),
    "Papua New Guinea": (("Papua New Guinea",), (), ("Port Moresby",)),
    "Timor-Leste": (("Timor-Leste", "East Timor"), (), ("Dili",)),
    "Maldives": (("Maldives",), ("Maldivian",), ()),
    "Bhutan": (("Bhutan",), ("Bhutanese",), ("Thimphu",)),
    "Kyrgyzstan": (("Kyrgyzstan",), ("Kyrgyz",), ("Bishkek",)),
    "Tajikistan": (("Tajikistan",), ("Tajik",), ("Dushanbe",)),
    "Turkmenistan": (("Turkmenistan",), ("Turkmen",), ("Ashgabat",)),
    "Moldova": (("Moldova",), ("Moldovan",), ("Chisinau",)),
    "Albania": (("Albania",), ("Albanian",), ("Tirana",)),
    "North Macedonia": (("North Macedonia",), (), ("Skopje",)),
    "Bosnia and Herzegovina": (("Bosnia and Herzegovina", "Bosnia"), ("Bosnian",), ("Sarajevo",)),
    "Montenegro": (("Montenegro",), ("Montenegrin",), ("Podgorica",)),
    "Malta": (("Malta",), ("Maltese",), ("Valletta",)),
    "Liechtenstein": (("Liechtenstein",), (), ("Vaduz",)),
    "Hong Kong": (("Hong Kong",), (), ()),
    "Macau": (("Macau", "Macao"), (), ()),
    "Botswana": (("Botswana",), (), ("Gaborone",)),
    "Namibia": (("Namibia",), ("Namibian",), ("Windhoek",)),
    "Lesotho": (("Lesotho",), (), ("Maseru",)),
    "Eswatini": (("Eswatini", "Swaziland"), (), ("Mbabane",)),
    "Malawi": (("Malawi",), ("Malawian",), ("Lilongwe",)),
    "Rwanda": (("Rwanda",), ("Rwandan",), ("Kigali",)),
    "Madagascar": (("Madagascar",), ("Malagasy",), ("Antananarivo",)),
    "Mauritius": (("Mauritius",), ("Mauritian",), ("Port Louis",)),
    "Ivory Coast": (("Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"), ("Ivorian",), ("Abidjan",)),
    "Benin": (("Benin",), ("Beninese",), ("Cotonou",)),
    "Togo": (("Togo",), ("Togolese",), ("Lomé",)),
    "Burkina Faso": (("Burkina Faso",), ("Burkinabe",), ("Ouagadougou",)),
    "Mali": (("Mali",), ("Malian",), ("Bamako",)),
    "Democratic Republic of Congo": (
        ("Democratic Republic of Congo", "DR Congo", "DRC"),
        ("Congolese",),
        ("Kinshasa",),
    ),
    "ASEAN": (("ASEAN", "Association of Southeast Asian Nations"), (), ()),
    "Mercosur": (("Mercosur",), (), ()),
    "African Union": (("African Union",), (), ()),
    "Gulf Cooperation Council": (("Gulf Cooperation Council", "GCC"), (), ()),
    # Customs unions that set one external tariff for their members.
    "Southern African Customs Union": (("Southern African Customs Union", "SACU"), (), ()),
    "East African Community": (("East African Community",), (), ()),
}

BLOCS = frozenset(
    {
        "European Union",
        "ASEAN",
        "Mercosur",
        "African Union",
        "Gulf Cooperation Council",
        "Southern African Customs Union",
        "East African Community",
    }
)

# Heads of state and government (and EU leaders) that stories name without a country.
LEADERS: dict[str, str] = {
    "donald trump": "United States",
    "joe biden": "United States",
    "barack obama": "United States",
    "xi jinping": "China",
    "li qiang": "China",
    "mark carney": "Canada",
    "justin trudeau": "Canada",
    "ursula von der leyen": "European Union",
    "maroš šefčovič": "European Union",
    "valdis dombrovskis": "European Union",
    "narendra modi": "India",
    "claudia sheinbaum": "Mexico",
    "andrés manuel lópez obrador": "Mexico",
    "shigeru ishiba": "Japan",
    "fumio kishida": "Japan",
    "sanae takaichi": "Japan",
    "anthony albanese": "Australia",
    "keir starmer": "United Kingdom",
    "rishi sunak": "United Kingdom",
    "emmanuel macron": "France",
    "olaf scholz": "Germany",
    "friedrich merz": "Germany",
    "giorgia meloni": "Italy",
    "vladimir putin": "Russia",
    "volodymyr zelenskyy": "Ukraine",
    "luiz inácio lula da silva": "Brazil",
    "javier milei": "Argentina",
    "recep tayyip erdogan": "Turkey",
    "lee jae-myung": "South Korea",
    "yoon suk yeol": "South Korea",
    "prabowo subianto": "Indonesia",
    "anwar ibrahim": "Malaysia",
}


def _key(text: str) -> str:
    return text.replace("’", "'").casefold()


NOUNS: dict[str, str] = {}  # alias or capital → canonical country
DEMONYMS: dict[str, str] = {}  # demonym → canonical country
for _name, (_aliases, _demonyms, _capitals) in _COUNTRIES.items():
    NOUNS[_key(_name)] = _name
    for _alias in (*_aliases, *_capitals):
        NOUNS[_key(_alias)] = _name
    for _demonym in _demonyms:
        DEMONYMS[_key(_demonym)] = _name
# Upper-case-only aliases ("US", "EU") must not match the words "us" or "eu".
CASE_SENSITIVE = frozenset({"us", "uk", "eu", "prc", "uae", "usa"})
MAX_PHRASE = 4  # longest alias in tokens ("United States of America")


def country_of(text: str) -> str | None:
    """The canonical country or bloc a name, alias, capital or demonym stands for."""
    key = _key(text.strip())
    if key.startswith("the "):
        key = key[4:]
    return NOUNS.get(key) or DEMONYMS.get(key)


def normalise_country(text: str | None) -> str | None:
    """'U.S.' → 'United States', 'EU' → 'European Union'; unknown names come back trimmed."""
    if text is None:
        return None
    return country_of(text) or text.strip()


# Names a reader types for a party that drafting must not read as one in a story: "England"
# is a part of the United Kingdom, not a party to trade deals; "ROK" and "U.A.E." are rare in
# news text but common in queries.
_READER_ALIASES: dict[str, tuple[str, ...]] = {
    "United Kingdom": ("England",),
    "China": ("mainland China",),
    "South Korea": ("ROK",),
    "United Arab Emirates": ("U.A.E.",),
}
# Folded words ("u s", "czechia", "dutch") → the canonical name's folded words.
_PARTY_KEYS: dict[str, str] = {}
for _table in (NOUNS, DEMONYMS):
    for _alias, _name in _table.items():
        _PARTY_KEYS[" ".join(words(_alias))] = " ".join(words(_name))
for _name, _aliases in _READER_ALIASES.items():
    for _alias in _aliases:
        _PARTY_KEYS[" ".join(words(_alias))] = " ".join(words(_name))


@lru_cache(maxsize=4096)  # a few party names recur in every brief
def country_key(name: str) -> str:
    """One folded spelling per party: 'U.S.', 'USA', 'America', 'Washington' → 'united states'.

    Every alias, capital and demonym of the gazetteer maps to its country ('Czechia' →
    'czech republic', 'Holland' and 'Dutch' → 'netherlands'); other names come back as their
    folded words ('Government of Canada' → 'government of canada'), to be matched word by word.
    """
    key = " ".join(words(name))
    found = _PARTY_KEYS.get(key)
    if found is None and key.startswith("the "):
        found = _PARTY_KEYS.get(key[4:])  # "the Netherlands"; "The Hague" is in the table
    return found or key
