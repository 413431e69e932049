"""The fictitious organisations of the demo region (Wijchen, Nijmegen, Weert).

All names are invented. The first two entries get the demo accounts
organisatie@demo.nl and organisatie2@demo.nl, so they are approved, ordinary
organisations in different municipalities.
"""

from __future__ import annotations

import random
from typing import Any

# Four-digit postcodes that exist in each municipality (checked against GeoNames).
PC4 = {
    "Wijchen": ["6601", "6602", "6603", "6604", "6605"],
    "Nijmegen": ["6511", "6512", "6521", "6522", "6523", "6524", "6525", "6531", "6532",
                 "6533", "6534", "6535", "6536", "6537", "6538", "6541", "6542", "6543",
                 "6544", "6545", "6546"],
    "Weert": ["6001", "6002", "6003", "6004", "6005", "6006"],
}
AREA_CODE = {"Wijchen": "024", "Nijmegen": "024", "Weert": "0495"}
# Letters used in Dutch postcodes (F, I, O, Q, U and Y are not used).
PC_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"

CENTRALE = {"Wijchen": "vc-wijchen", "Nijmegen": "vc-nijmegen", "Weert": "vc-weert"}

W, N, WT = "Wijchen", "Nijmegen", "Weert"


def org(key: str, name: str, kind: str, municipality: str, pc4: str, n: int,
        description: str, **opts: Any) -> dict[str, Any]:
    """One row of the organisation table (internal fields are dropped on output)."""
    return {"key": key, "name": name, "kind": kind, "municipality": municipality, "pc4": pc4,
            "n": n, "description": description, "group": opts.get("group", kind),
            "approval": opts.get("approval", "approved"),
            "review_note": opts.get("review_note"), "self_posting": opts.get("self", False),
            "must": opts.get("must", {}), "domain": opts.get("domain", key)}


ORGANISATIONS = [
    org("repaircafe-ozo", "Repair Café wijkcentrum De Ontmoeting", "repair_cafe", W, "6602", 4,
        "Elke zaterdagochtend repareren vrijwilligers samen met bezoekers kapotte spullen in "
        "wijkcentrum De Ontmoeting. Weggooien is zonde, samen repareren is gezellig.",
        domain="repaircafe-ontmoeting"),
    org("wijkcentrum-klimop", "Wijkcentrum De Klimop", "wijkcentrum", N, "6543", 5,
        "Ontmoetingsplek voor bewoners van Nijmegen-West met een buurtrestaurant, een "
        "kinderclub en veel activiteiten. Iedereen is welkom, ook als je nog weinig "
        "Nederlands spreekt.",
        must={
            "Koken voor de buurtmaaltijd": {
                "schedule": ["wed_afternoon"], "dayparts_needed": None,
                "hours_per_week": {"min": 3, "max": 4}, "status": "published",
                "capacity": 3, "filled": 1, "language_min": {}, "literacy_required": False,
                "childcare": {"offered": False, "children_welcome": True},
                "physical_load": "light", "women_only": False, "remote": False},
            "Gastvrouw/gastheer koffieochtend": {
                "schedule": ["tue_morning", "fri_morning"], "dayparts_needed": 1,
                "capacity": 2, "filled": 2, "status": "published"},
        }),
    org("vc-wijchen", "Vrijwilligerspunt Wijchen Samen", "vrijwilligerscentrale", W, "6601", 2,
        "Het vrijwilligerspunt van Wijchen brengt vrijwilligers en organisaties bij elkaar. "
        "We screenen vacatures en helpen nieuwkomers bij het vinden van een passende plek."),
    org("vc-nijmegen", "Steunpunt Vrijwillige Inzet Nijmegen", "vrijwilligerscentrale", N, "6511",
        2,
        "Het steunpunt adviseert vrijwilligersorganisaties in Nijmegen en beheert de "
        "vacaturebank. Onze consulenten helpen coaches en statushouders bij het zoeken.",
        domain="svi-nijmegen",
        must={"Gastvrouw/gastheer bij de balie van het vrijwilligerspunt": {
            "status": "published", "capacity": 2, "filled": 0}}),
    org("vc-weert", "Vrijwilligerscentrale Weert Doet Mee", "vrijwilligerscentrale", WT, "6001", 2,
        "De vrijwilligerscentrale van Weert verbindt mensen die iets willen doen met "
        "organisaties die hulp zoeken. We werken nauw samen met de regisseurs statushouders.",
        domain="weertdoetmee"),
    # Wijchen
    org("wijkcentrum-achterhof", "Wijkcentrum 't Achterhof", "wijkcentrum", W, "6604", 5,
        "Buurthuis in Wijchen-Noord met een koffieochtend, naaiatelier en kinderclub. "
        "Vrijwilligers uit veel verschillende landen maken het wijkcentrum."),
    org("zorg-lindehof", "Zorgcentrum De Lindehof", "zorggroep", W, "6603", 4,
        "Zorgcentrum met 80 bewoners en een open restaurant voor de buurt. Vrijwilligers "
        "zorgen voor gezelligheid en een extra wandeling.", group="zorg"),
    org("vrouwen-samensterk", "Vrouwengroep Samen Sterk", "vrouwengroep", W, "6602", 3,
        "Wekelijkse groep voor vrouwen die Nederlands willen oefenen, nieuwe mensen willen "
        "leren kennen en samen activiteiten doen. Er is kinderopvang tijdens de bijeenkomsten."),
    org("sv-meerval", "Omnivereniging De Meerval", "sportvereniging", W, "6605", 3,
        "Sportvereniging met voetbal, zwemmen en wandelen voor alle leeftijden. We zoeken "
        "vrijwilligers voor de kantine, de jeugd en het sportpark."),
    org("kringloop-tweedeleven", "Kringloopwinkel Tweede Leven", "kringloopwinkel", W, "6604", 4,
        "Kringloopwinkel met een fietsenwerkplaats en een naaiatelier. Veel medewerkers doen "
        "bij ons werkervaring op met begeleiding van een werkbegeleider."),
    org("bakkerij-vandenheuvel", "Bakkerij Van den Heuvel", "werkgever", W, "6601", 2,
        "Familiebakkerij met twee winkels in Wijchen. We bakken alles zelf en leiden graag "
        "nieuwe mensen op in het vak.", group="bakkerij", self=True),
    org("tuincentrum-groenehoek", "Tuincentrum De Groene Hoek", "werkgever", W, "6603", 3,
        "Tuincentrum met een eigen kwekerij en een dierenafdeling. We bieden "
        "werkervaringsplaatsen en taalstages in samenwerking met de gemeente.",
        group="tuincentrum"),
    org("natuur-vennen", "Natuurwerkgroep De Vennen", "natuur", W, "6605", 3,
        "Vrijwilligers beheren de natuur rond de vennen: maaien, snoeien en tellen van "
        "vogels. Nieuwe mensen leren van ervaren vrijwilligers.", group="natuur"),
    org("school-zonnewijzer", "Basisschool De Zonnewijzer", "school", W, "6603", 3,
        "Basisschool met 300 leerlingen uit veel verschillende landen. Ouders en vrijwilligers "
        "helpen bij het overblijven, in de schooltuin en bij feesten."),
    # Nijmegen
    org("taalcafe-praatmee", "Taalcafé Praat Mee", "taalcafe", N, "6512", 5,
        "Elke week praten nieuwkomers en Nijmegenaren met elkaar in het taalcafé. We hebben "
        "ook een leesclub en een wereldkookavond."),
    org("voedselhulp-schakel", "Stichting Voedselhulp De Schakel", "voedselbank", N, "6537", 3,
        "Vrijwilligers sorteren, pakken in en geven elke week voedselpakketten uit aan "
        "gezinnen in Nijmegen-Zuid."),
    org("zorg-waalzicht", "Zorggroep Waalzicht", "zorggroep", N, "6522", 4,
        "Zorggroep met drie locaties voor ouderen en mensen met dementie. Vrijwilligers "
        "helpen bij activiteiten, wandelingen en in de restaurants.", group="zorg"),
    org("ouderenzorg-bronsgroen", "Woonzorgcentrum Het Bronsgroen", "ouderenzorg", N, "6532", 4,
        "Kleinschalig woonzorgcentrum waar ouderen in kleine groepen wonen. We zoeken "
        "vrijwilligers voor gezelschap, muziek en de huiskamer.", group="zorg"),
    org("bieb-boekenhoek", "Buurtbibliotheek De Boekenhoek", "bibliotheek", N, "6535", 4,
        "Buurtbibliotheek met voorleesochtenden, huiswerkbegeleiding en een digitaal "
        "spreekuur. Een fijne plek om Nederlands te lezen en te horen."),
    org("supermarkt-versmarkt", "Versmarkt Hatert", "werkgever", N, "6534", 3,
        "Buurtsupermarkt met een grote afdeling groente en fruit. We bieden werkervaringsplaatsen "
        "en taalstages met een vaste begeleider.", group="supermarkt"),
    org("hotel-wijnberg", "Hotel De Wijnberg", "werkgever", N, "6511", 3,
        "Stadshotel met 60 kamers en een restaurant. We werken met de gemeente samen aan "
        "werkervaringsplaatsen in housekeeping en keuken.", group="hotel"),
    org("schoonmaak-glans", "Schoonmaakbedrijf Glans & Co", "werkgever", N, "6541", 2,
        "Schoonmaakbedrijf voor scholen en kantoren in de regio Nijmegen. Nieuwe medewerkers "
        "krijgen een opleiding op de werkplek.", group="schoonmaak", self=True,
        domain="glansenco"),
    org("opticien-helderzicht", "Opticien Helder Zicht", "werkgever", N, "6524", 2,
        "Opticienwinkel met een eigen werkplaats. We willen graag nieuwkomers met ervaring in "
        "het vak een kans geven.", group="opticien", self=True, approval="review"),
    org("fietsen-trapper", "Fietsenwerkplaats De Trapper", "werkgever", N, "6531", 2,
        "Fietsenwinkel en werkplaats in Nijmegen-Oost. We leiden fietsenmakers op in de "
        "praktijk.", group="fietsen"),
    org("kinderopvang-speelnest", "Kinderopvang Het Speelnest", "werkgever", N, "6544", 2,
        "Kinderopvang met peutergroepen en buitenschoolse opvang. We bieden taalstages voor "
        "mensen die graag met kinderen werken.", group="kinderopvang",
        must={"Taalstage op de peutergroep": {
            "schedule": ["mon_afternoon", "wed_afternoon"], "dayparts_needed": None,
            "hours_per_week": {"min": 6, "max": 8}, "status": "published",
            "childcare": {"offered": False, "children_welcome": False},
            "capacity": 2, "filled": 0, "remote": False}}),
    org("moestuin-groenewei", "Buurtmoestuin De Groene Wei", "moestuin", N, "6545", 3,
        "Gezamenlijke moestuin in Lindenholt. Buurtbewoners kweken samen groente en kruiden "
        "en delen de oogst.", group="natuur"),
    org("dierenopvang-kleineark", "Dierenopvang De Kleine Ark", "dierenasiel", N, "6546", 3,
        "Opvang voor honden, katten en konijnen die een nieuw thuis zoeken. Vrijwilligers "
        "verzorgen de dieren en laten de honden uit.", approval="review"),
    org("sv-lindenholt", "Sportvereniging Lindenholt Actief", "sportvereniging", N, "6545", 4,
        "Sportvereniging met voetbal, fietsles en vrouwenzwemmen. We willen dat iedereen in "
        "de wijk kan sporten.", domain="lindenholtactief"),
    org("vrouwen-zijaanzij", "Vrouwencentrum Zij aan Zij", "vrouwengroep", N, "6533", 4,
        "Ontmoetingsplek alleen voor vrouwen, met een naaiclub, kookgroep en wandelgroep. "
        "Tijdens de activiteiten is er kinderopvang.", domain="zijaanzij",
        must={"Meedoen en helpen in de vrouwengroep": {"status": "published"}}),
    # Weert
    org("werkpunt-weert", "Werkpunt Weert", "participatiebedrijf", WT, "6006", 7,
        "Participatiebedrijf van de gemeente Weert. We bieden werkervaringsplaatsen van 15 "
        "weken met een werkbegeleider en taalcoach, en helpen daarna naar werk bij een "
        "werkgever.", domain="werkpuntweert"),
    org("kringloop-ruilbeurs", "Kringloopcentrum De Ruilbeurs", "kringloopwinkel", WT, "6003", 5,
        "Groot kringloopcentrum met winkel, werkplaats en ophaaldienst. We werken samen met "
        "Werkpunt Weert aan werkervaringsplaatsen.", domain="ruilbeurs-weert"),
    org("buurthuis-lindeboom", "Buurthuis De Lindeboom", "wijkcentrum", WT, "6004", 4,
        "Buurthuis in Weert-Oost met een buurtrestaurant, computerhulp en activiteiten voor "
        "kinderen. Veel vrijwilligers wonen zelf in de wijk.", group="wijkcentrum"),
    org("leespunt-weert", "Leespunt De Boekenkast", "bibliotheek", WT, "6001", 3,
        "Kleine bibliotheek en taalpunt in het centrum van Weert. We helpen mensen met lezen, "
        "schrijven en computers."),
    org("catering-smaakvanweert", "Lunchroom & Catering De Smaak van Weert", "werkgever", WT,
        "6002", 3,
        "Lunchroom met cateringkeuken voor bedrijven en feesten. We leiden graag mensen op "
        "in de horeca.", group="horeca", domain="smaakvanweert"),
    org("bakkerij-onsbrood", "Bakkerij Ons Brood", "werkgever", WT, "6005", 2,
        "Ambachtelijke bakkerij met een winkel en bezorgservice voor bedrijven.",
        group="bakkerij"),
    org("zorg-hazelaar", "Woonzorgcentrum De Hazelaar", "ouderenzorg", WT, "6005", 5,
        "Woonzorgcentrum voor ouderen met een open restaurant, huiskamers en een "
        "muziekmiddag. Vrijwilligers zijn onmisbaar.", group="zorg"),
    org("natuur-heidebloem", "Natuurwerkgroep De Heidebloem", "natuur", WT, "6006", 3,
        "Natuurwerkgroep die de heide en de kruidentuin bij Weert onderhoudt. Iedereen kan "
        "meedoen, ervaring is niet nodig."),
    org("uitdeelpunt-gedeeldetafel", "Uitdeelpunt De Gedeelde Tafel", "voedselbank", WT, "6004",
        3,
        "Uitdeelpunt voor voedselpakketten en kinderkleding in Weert. Vrijwilligers sorteren, "
        "pakken in en geven uit.", domain="gedeeldetafel"),
    org("vrouwen-ontmoetingstafel", "Vrouwengroep De Ontmoetingstafel", "vrouwengroep", WT,
        "6002", 3,
        "Groep voor vrouwen uit Weert die samen Nederlands oefenen, koken en naaien. Kleine "
        "kinderen mogen mee; voor de grotere kinderen is er oppas.",
        domain="ontmoetingstafel-weert"),
    org("school-vlindertuin", "Basisschool De Vlindertuin", "school", WT, "6003", 3,
        "Basisschool in Weert met een grote schooltuin. Ouders en vrijwilligers zijn welkom "
        "om mee te helpen."),
    org("logistiek-vandijk", "Logistiek Centrum Van Dijk", "werkgever", WT, "6002", 3,
        "Logistiek bedrijf met een groot magazijn voor webwinkels. We bieden "
        "werkervaringsplaatsen met kans op een contract.", group="logistiek", self=True),
    org("klus-snelengoed", "Klusbedrijf Snel & Goed", "werkgever", WT, "6006", 1,
        "Klein bouw- en klusbedrijf voor renovaties in Weert en omgeving.", group="klusbedrijf",
        self=True, approval="sent_back", domain="snelengoed",
        review_note="Deze vacature vraagt een vrijwilliger voor 40 uur per week in gewoon "
                    "betaald werk. Dat past niet bij vrijwilligerswerk en verdringt betaald "
                    "werk. Maak er een werkervaringsplaats met begeleider van, of een betaalde "
                    "baan, en vul een contactpersoon in."),
    org("taalcafe-babbelhoek", "Taalcafé De Babbelhoek", "taalcafe", WT, "6001", 2,
        "Nieuw taalcafé in Weert waar nieuwkomers en buurtbewoners elke week samen "
        "Nederlands praten.", approval="review"),
]

# Contact people at organisations: fictitious names.
CONTACT_FIRST = {
    "f": ["Marieke", "Anouk", "Ingrid", "Sanne", "Femke", "Els", "Joke", "Petra", "Linda",
          "Esther", "Karin", "Ilse", "Marloes", "Hanneke", "Yvonne", "Saskia", "Fatma", "Meryem"],
    "m": ["Jeroen", "Bas", "Henk", "Ruud", "Martijn", "Koen", "Frank", "Sjoerd", "Wim", "Thijs",
          "Gerrit", "Stefan", "Bram", "Samir", "Yonas"],
}
CONTACT_LAST = ["de Vries", "Jansen", "van den Berg", "Bakker", "Hendriks", "Peeters", "Willems",
                "Verhoeven", "Janssen", "Smeets", "Hermans", "van Dijk", "Gerritsen", "Arts",
                "Thijssen", "Vermeulen", "Kuijpers", "Claessens", "Benali", "Yıldız", "Habte",
                "Driessen", "Wouters", "van Gils"]
CONTACT_ROLE = {
    "vrijwilligerscentrale": ["consulent vrijwilligerswerk"],
    "repair_cafe": ["coördinator", "gastvrouw"],
    "wijkcentrum": ["beheerder", "opbouwwerker"],
    "zorggroep": ["coördinator vrijwilligers", "teamleider"],
    "ouderenzorg": ["coördinator vrijwilligers", "activiteitenbegeleider"],
    "taalcafe": ["coördinator"],
    "kringloopwinkel": ["werkbegeleider", "bedrijfsleider"],
    "participatiebedrijf": ["jobcoach", "werkbegeleider", "taalcoach"],
    "voedselbank": ["coördinator uitgifte"],
    "sportvereniging": ["secretaris", "jeugdcoördinator"],
    "werkgever": ["bedrijfsleider", "werkbegeleider", "eigenaar"],
    "vrouwengroep": ["begeleider"],
    "bibliotheek": ["medewerker educatie"],
    "school": ["intern begeleider", "conciërge"],
    "moestuin": ["tuincoördinator"],
    "natuur": ["coördinator natuurwerk"],
    "dierenasiel": ["hoofd dierverzorging"],
}


def _postcode(rng: random.Random, pc4: str) -> str:
    while True:
        letters = rng.choice(PC_LETTERS) + rng.choice(PC_LETTERS)
        if letters not in ("SA", "SD", "SS"):
            return f"{pc4} {letters}"


def _phone(rng: random.Random, municipality: str) -> str:
    area = AREA_CODE[municipality]
    digits = 10 - len(area)
    number = str(rng.choice("345678")) + "".join(str(rng.randrange(10)) for _ in range(digits - 1))
    return f"{area}-{number}"


def _managed_by(row: dict[str, Any]) -> str | None:
    if row["kind"] == "vrijwilligerscentrale" or row["self_posting"]:
        return None
    return CENTRALE[row["municipality"]]


def contact_people(rng: random.Random, row: dict[str, Any]) -> list[str]:
    """One or two fictitious contact persons with their role."""
    people = []
    roles = CONTACT_ROLE[row["kind"]]
    for i in range(1 + (row["n"] > 3)):
        gender = "f" if row["kind"] == "vrouwengroep" or rng.random() < 0.6 else "m"
        name = f"{rng.choice(CONTACT_FIRST[gender])} {rng.choice(CONTACT_LAST)}"
        people.append(f"{name} ({roles[i % len(roles)]})")
    return people


def build_organisations(rng: random.Random) -> list[dict[str, Any]]:
    """Organisations in table order, with generated postcode, phone and e-mail."""
    result = []
    for row in ORGANISATIONS:
        result.append({
            "key": row["key"], "name": row["name"], "kind": row["kind"],
            "municipality": row["municipality"], "postcode": _postcode(rng, row["pc4"]),
            "description": row["description"], "email": f"info@{row['domain']}.example",
            "phone": _phone(rng, row["municipality"]), "approval": row["approval"],
            "review_note": row["review_note"], "managed_by": _managed_by(row),
        })
    return result
