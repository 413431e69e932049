"""Vacancy templates per organisation group (kind, or sector for employers).

Every template is a dict made by :func:`t`. The generator picks templates for an
organisation from its group and fills in schedule, hours, capacity and the other
fields. Optional keys a template may carry:

- ``when``: fixed schedule (dayparts separated by spaces); ``needed``: fixed dayparts_needed
- ``lit``: literacy required; ``rich``/``support``: language-rich / language support
- ``lang``: minimum CEFR per skill; ``langs``: other languages at the workplace
- ``women``: women-only; ``kids``: ``"welcome"``, ``"offered"`` or ``"both"``
- ``remote``: no travel needed; ``weeks``: duration in weeks
"""

from __future__ import annotations

from typing import Any

TYPES = {"vw": "vrijwilligerswerk", "ts": "taalstage", "wep": "werkervaringsplaats"}

TAG_VOCABULARY = (
    "koken", "techniek", "fietsen", "zorg", "ouderen", "kinderen", "tuin", "natuur", "winkel",
    "logistiek", "schoonmaak", "administratie", "horeca", "sport", "taal", "computers",
    "naaien", "dieren", "bouw", "muziek", "creatief", "klantcontact", "vervoer", "bibliotheek",
)


def t(kind: str, title: str, description: str, tags: str, load: str, **opts: Any) -> dict[str, Any]:
    """One vacancy template; ``tags`` separated by spaces."""
    tag_list = tags.split()
    unknown = [tag for tag in tag_list if tag not in TAG_VOCABULARY]
    if unknown:
        raise ValueError(f"unknown tags {unknown} in {title!r}")
    return {"type": TYPES[kind], "title": title, "description": description,
            "tags": tag_list, "load": load, **opts}


B1 = {"speaking": "B1", "listening": "B1"}
A2 = {"speaking": "A2", "listening": "A2"}
A1 = {"speaking": "A1"}

TEMPLATES: dict[str, list[dict[str, Any]]] = {
    "vrijwilligerscentrale": [
        t("vw", "Gastvrouw/gastheer bij de balie van het vrijwilligerspunt",
          "Je ontvangt bezoekers, schenkt koffie en helpt mensen op weg naar een passende "
          "vacature. Een vaste collega werkt je in. Je voert veel korte gesprekken, daarom "
          "vragen we Nederlands op niveau B1.", "klantcontact administratie", "light",
          lang=B1, rich=True),
        t("vw", "Helpen bij de vrijwilligersmarkt",
          "Eén keer per jaar is er een grote vrijwilligersmarkt in {plaats}. Je helpt met "
          "opbouwen, tafels neerzetten en koffie schenken. Zo maak je kennis met veel "
          "organisaties uit de buurt.", "logistiek klantcontact", "medium", weeks=4,
          when="sat_morning sat_afternoon"),
        t("vw", "Folders rondbrengen in de wijk",
          "Eén keer per maand breng je folders en posters rond bij buurthuizen, scholen en "
          "winkels. Je fietst of loopt een vaste route. Zo leer je de wijk goed kennen.",
          "fietsen vervoer", "medium"),
        t("vw", "Vertalen van korte teksten vanuit huis",
          "Organisaties willen hun folders ook in andere talen delen. Jij vertaalt thuis korte "
          "teksten naar het Arabisch, Tigrinya of Dari. Een medewerker controleert de "
          "Nederlandse tekst samen met jou.", "taal computers administratie", "light",
          remote=True, lit=True, lang={"reading": "A2"}, langs=["ar", "ti", "fa"]),
    ],
    "repair_cafe": [
        t("vw", "Reparateur fietsen en kleine apparaten",
          "In het Repair Café repareren we samen met bezoekers kapotte spullen. Jij helpt bij "
          "fietsen, lampen, broodroosters en andere kleine apparaten. Gereedschap is er. "
          "Ervaring met techniek is handig, maar je leert ook veel van de andere reparateurs.",
          "techniek fietsen", "medium", when="sat_morning wed_evening", needed=1),
        t("vw", "Naaister of kleermaker in het Repair Café",
          "Bezoekers komen met een broek die korter moet, een kapotte rits of een gat in een "
          "trui. Jij helpt ze aan de naaimachine. Je werkt aan een grote tafel met andere "
          "vrijwilligers, en er is altijd koffie en een praatje.", "naaien creatief", "light",
          when="sat_morning", kids="welcome"),
        t("vw", "Gastvrouw/gastheer Repair Café",
          "Je ontvangt de bezoekers, schrijft op wat er kapot is en brengt ze naar de goede "
          "reparateur. Je zorgt ook voor koffie en thee. Een mooie plek om Nederlands te "
          "oefenen.", "klantcontact horeca", "light", when="sat_morning", rich=True),
        t("ts", "Taalstage in de werkplaats van het Repair Café",
          "Twee dagdelen per week werk je mee in de werkplaats. Je sorteert onderdelen, helpt "
          "bij eenvoudige reparaties en leert de namen van gereedschap in het Nederlands. Een "
          "vaste vrijwilliger is je taalmaatje.", "techniek taal", "medium"),
    ],
    "wijkcentrum": [
        t("vw", "Koken voor de buurtmaaltijd",
          "Elke week koken we met vrijwilligers een warme maaltijd voor ongeveer dertig "
          "buurtbewoners. Jij helpt met groente snijden, koken en opscheppen. Kinderen mogen "
          "mee: zij spelen in de speelhoek of helpen met de tafels dekken.",
          "koken horeca kinderen", "medium", kids="welcome"),
        t("vw", "Gastvrouw/gastheer koffieochtend",
          "Op de koffieochtend komen buurtbewoners, vooral ouderen, een kopje koffie drinken. "
          "Jij schenkt koffie en thee, zet de tafels klaar en maakt een praatje. Je hoeft nog "
          "niet vloeiend Nederlands te spreken.", "horeca ouderen klantcontact", "light",
          rich=True),
        t("vw", "Begeleider kinderclub op woensdagmiddag",
          "Op woensdagmiddag is de kinderclub voor kinderen van 6 tot 12 jaar. Jij helpt bij "
          "knutselen, spelletjes en het klaarzetten van limonade. Eigen kinderen van die "
          "leeftijd mogen meedoen.", "kinderen creatief sport", "light", when="wed_afternoon",
          kids="welcome"),
        t("vw", "Klussen en onderhoud in het wijkcentrum",
          "Je helpt de beheerder met kleine klussen: een lamp vervangen, stoelen repareren, "
          "een muur schilderen. Je werkt zelfstandig of samen met een andere klusser.",
          "techniek bouw", "heavy"),
        t("ts", "Taalstage bij de receptie van het wijkcentrum",
          "Je zit samen met een ervaren vrijwilliger achter de receptie. Je neemt de telefoon "
          "op, wijst bezoekers de weg en zet zalen klaar. Zo oefen je elke dag Nederlands in "
          "echte gesprekken.", "klantcontact administratie taal", "light", lit=True),
        t("vw", "Helpen in het naaiatelier",
          "In ons naaiatelier maken buurtbewoners samen kleding, tassen en gordijnen. Jij helpt "
          "anderen met de naaimachine en met patronen. In de ruimte ernaast is kinderopvang.",
          "naaien creatief", "light", kids="offered"),
        t("vw", "Opruimen na de avondactiviteiten",
          "Na de avondactiviteiten ruim je met een vaste ploeg de zalen op: stoelen stapelen, "
          "vloer vegen en afwassen. Het werk is praktisch en je hoeft weinig te lezen.",
          "schoonmaak", "medium", when="mon_evening tue_evening thu_evening", needed=1),
        t("vw", "Computerhulp voor buurtbewoners",
          "Buurtbewoners komen met vragen over hun telefoon, laptop of DigiD. Jij helpt ze "
          "stap voor stap. Je werkt graag met computers. Spreek je ook Arabisch, Engels of "
          "Tigrinya? Dan ben je extra welkom.", "computers klantcontact", "light", lit=True,
          lang=A2, langs=["ar", "en", "ti"]),
        t("ts", "Taalstage in de keuken van het buurtrestaurant",
          "In het buurtrestaurant kook je twee dagdelen per week mee met de kok. Je leert "
          "Nederlandse recepten, de hygiëneregels en de namen van producten. De kok en de "
          "andere vrijwilligers praten veel met je.", "koken horeca taal", "medium"),
        t("vw", "Tuinploeg rond het wijkcentrum",
          "Rond het wijkcentrum ligt een tuin met bloemen en kruiden. Met een kleine ploeg "
          "houd je de tuin netjes: wieden, planten en water geven. Je werkt buiten en in je "
          "eigen tempo.", "tuin natuur", "medium"),
    ],
    "zorg": [
        t("vw", "Gezelschap voor bewoners",
          "Je drinkt koffie met bewoners, maakt een korte wandeling of doet een spelletje. "
          "Veel bewoners zijn eenzaam en vinden een bezoekje heel fijn. Je praat rustig en "
          "luistert goed.", "ouderen zorg", "light", rich=True),
        t("vw", "Rolstoelwandelen met bewoners",
          "Je maakt met een bewoner in een rolstoel een wandeling door het park of naar de "
          "markt. Eerst krijg je uitleg over de rolstoel. Rustig werk met veel contact.",
          "ouderen zorg natuur", "medium"),
        t("ts", "Taalstage gastvrouw/gastheer op de afdeling",
          "Je helpt bij het schenken van koffie en thee, het dekken van de tafels en het "
          "rondbrengen van de lunch. Je praat veel met bewoners en collega's. Een vaste "
          "collega helpt je met de taal.", "zorg horeca ouderen taal", "light"),
        t("wep", "Werkervaringsplaats facilitair medewerker",
          "Je werkt 15 weken mee in de facilitaire dienst: bedden opmaken, linnengoed "
          "rondbrengen en kamers schoonmaken. Daarna bespreken we met jou en je coach de "
          "volgende stap. Er is kans op een opleiding tot helpende zorg.",
          "schoonmaak zorg logistiek", "heavy"),
        t("wep", "Werkervaringsplaats medewerker restaurant",
          "In ons restaurant eten bewoners en bezoekers. Je helpt bij de afwas, maakt "
          "broodjes klaar en rekent af aan de kassa. Je werkt vier of vijf dagen per week in "
          "een vast team.", "horeca koken klantcontact", "medium"),
        t("vw", "Muziekmiddag begeleiden",
          "Elke vrijdagmiddag is er een muziekmiddag. Je brengt bewoners naar de zaal, zingt "
          "mee en deelt drinken uit. Speel je zelf een instrument? Dan ben je extra welkom.",
          "muziek ouderen", "light", when="fri_afternoon"),
        t("vw", "Bellen met ouderen (telefooncirkel)",
          "Vanuit huis bel je elke week met een paar ouderen die alleen wonen. Je vraagt hoe "
          "het gaat en luistert. Na het gesprek schrijf je een kort berichtje voor de "
          "coördinator.", "ouderen klantcontact", "light", remote=True, lit=True,
          lang={"speaking": "B1", "listening": "B1", "reading": "A2"}),
        t("wep", "Werkervaringsplaats helpende in de huiskamer",
          "In de huiskamer van een kleine woongroep help je bewoners bij eten, drinken en "
          "dagelijkse activiteiten. Je werkt onder begeleiding van een verzorgende. Een goede "
          "start voor de opleiding Helpende Zorg en Welzijn.", "zorg ouderen", "medium",
          lang=B1),
        t("vw", "Helpen bij de bingo en spelmiddag",
          "Op de spelmiddag spelen bewoners bingo, sjoelen of kaarten. Jij helpt met de "
          "spullen, leest de nummers voor en zorgt voor thee. Een gezellige middag waarin je "
          "veel Nederlands hoort.", "ouderen creatief", "light"),
        t("ts", "Taalstage in de linnenkamer",
          "In de linnenkamer vouw je handdoeken en kleding van bewoners en breng je de "
          "karren naar de afdelingen. Je collega's leggen alles rustig uit en oefenen met je "
          "de woorden die je nodig hebt.", "zorg logistiek schoonmaak taal", "medium"),
    ],
    "taalcafe": [
        t("vw", "Tafelgastvrouw/-gastheer in het taalcafé",
          "In het taalcafé praten nieuwkomers en Nederlanders met elkaar over gewone "
          "onderwerpen. Jij helpt met klaarzetten en praat mee aan een tafel. Je Nederlands "
          "hoeft niet perfect te zijn: we oefenen samen.", "taal klantcontact", "light",
          rich=True),
        t("vw", "Tolk-vrijwilliger Tigrinya of Arabisch",
          "Nieuwe bezoekers spreken soms nog geen Nederlands. Jij legt in het Tigrinya of "
          "Arabisch uit hoe het taalcafé werkt en helpt bij het eerste gesprek.", "taal",
          "light", lang=A2, langs=["ti", "ar"]),
        t("vw", "Online taalmaatje",
          "Eén keer per week heb je een videogesprek met een Nederlandse vrijwilliger. Jullie "
          "praten over het nieuws, de buurt of school. Je hebt een telefoon of laptop nodig.",
          "taal computers", "light", remote=True, rich=True, support=True),
        t("vw", "Voorbereiden van de wereldkookavond",
          "Eén keer per maand kookt een bezoeker een gerecht uit het eigen land. Jij helpt "
          "met boodschappen, koken en de zaal klaarmaken. Daarna eten we samen en praten we "
          "Nederlands.", "koken taal horeca", "medium", when="thu_afternoon thu_evening"),
        t("vw", "Spelletjesmiddag voor ouders en kinderen",
          "Op de spelletjesmiddag spelen ouders en kinderen samen taalspelletjes. Jij legt de "
          "spelletjes uit en helpt de kinderen. Je eigen kinderen mogen meespelen.",
          "kinderen taal creatief", "light", when="wed_afternoon", kids="welcome"),
        t("vw", "Leesclub voor beginners",
          "In de leesclub lezen we samen korte, makkelijke verhalen. Jij helpt de groep "
          "klaarzetten en leest mee. Een mooie manier om je lezen te oefenen.",
          "taal bibliotheek", "light", lit=True, support=True),
    ],
    "kringloopwinkel": [
        t("wep", "Werkervaringsplaats winkelmedewerker kringloop",
          "Je prijst spullen, vult de schappen en helpt klanten in de winkel. Na een paar "
          "weken sta je ook achter de kassa. Een werkbegeleider bespreekt elke week met je hoe "
          "het gaat.", "winkel klantcontact logistiek", "medium", lang=A2),
        t("wep", "Werkervaringsplaats chauffeur/bijrijder",
          "Je haalt met de bus meubels en spullen op bij mensen thuis. Je tilt en sjouwt veel. "
          "Als chauffeur heb je rijbewijs B nodig, als bijrijder niet.",
          "vervoer logistiek", "heavy"),
        t("ts", "Taalstage sorteren en prijzen",
          "Je sorteert kleding, boeken en huisraad en leert wat wel en niet verkocht kan "
          "worden. Je collega's leggen alles rustig uit. Op de werkvloer hangen kaartjes met "
          "foto's en woorden.", "winkel logistiek taal", "medium"),
        t("vw", "Fietsen opknappen in de werkplaats",
          "In onze werkplaats maken we gebruikte fietsen weer rijklaar. Jij helpt met banden "
          "plakken, remmen afstellen en poetsen. Ideaal als je graag sleutelt.",
          "fietsen techniek", "medium"),
        t("vw", "Apparaten testen en kleine reparaties",
          "Je test gebruikte apparaten: werkt de waterkoker, de lamp, de radio? Kleine "
          "reparaties doe je zelf. Je werkt met een vaste vrijwilliger die veel van "
          "elektronica weet.", "techniek", "light"),
        t("vw", "Kleding herstellen in het naaiatelier",
          "Je herstelt kleding voor de winkel: knopen aanzetten, zomen maken en kleine gaten "
          "dichtnaaien. Van oude stoffen maken we tassen.", "naaien creatief", "light"),
        t("wep", "Werkervaringsplaats magazijn en meubelafdeling",
          "Je zet meubels in elkaar, maakt ze schoon en richt de meubelafdeling in. Je werkt "
          "met een vast team en leert werken met een steekwagen en gereedschap.",
          "logistiek bouw winkel", "heavy"),
    ],
    "participatiebedrijf": [
        t("wep", "Werkervaringsplaats productiemedewerker",
          "In onze productiehal pak je producten in voor bedrijven uit de regio. Je werkt in "
          "een team met vaste werktijden en leert veilig werken volgens instructies. Na 15 "
          "weken bespreken we de volgende stap, bijvoorbeeld een baan bij een werkgever.",
          "logistiek", "medium"),
        t("wep", "Werkervaringsplaats groenvoorziening",
          "Met een ploeg onderhoud je parken en bermen: maaien, snoeien en onkruid wieden. Je "
          "werkt buiten, ook als het regent. Werkkleding krijg je van ons.", "tuin natuur",
          "heavy"),
        t("wep", "Werkervaringsplaats schoonmaak kantoren",
          "Je maakt kantoren en kantines schoon in een vast team. Je leert werken met "
          "schoonmaakmiddelen en machines. Na 15 weken kun je een schoonmaakcertificaat halen.",
          "schoonmaak", "medium"),
        t("ts", "Taalstage in de bedrijfskantine",
          "Je helpt in de kantine: broodjes smeren, koffie zetten en afwassen. Een taalcoach "
          "komt elke week langs om te oefenen met de woorden die je op het werk nodig hebt.",
          "horeca koken taal", "light"),
        t("wep", "Werkervaringsplaats orderpicker",
          "Je verzamelt bestellingen in het magazijn en maakt ze klaar voor verzending. Je "
          "werkt met een handscanner en leest korte labels met productnamen en nummers.",
          "logistiek", "heavy", lit=True, lang={"speaking": "A2", "reading": "A1"}),
        t("ts", "Taalstage arbeidsgewenning met taalcoach",
          "Een paar dagdelen per week werk je mee in de werkplaats. Daarnaast oefen je met "
          "onze taalcoach de woorden die je bij het werk gebruikt. Zo wen je rustig aan werken "
          "in Nederland.", "techniek logistiek taal", "medium"),
        t("wep", "Werkervaringsplaats fietsenmaker in de leerwerkplaats",
          "In onze leerwerkplaats repareren we fietsen voor bewoners en bedrijven. Je leert "
          "het vak van een ervaren fietsenmaker en kunt een branchecertificaat halen.",
          "fietsen techniek", "medium"),
        t("wep", "Werkervaringsplaats naaiatelier",
          "In het naaiatelier maken we werkkleding en tassen in opdracht van bedrijven. Je "
          "werkt met industriële naaimachines en leert werken met een planning.",
          "naaien creatief", "light"),
    ],
    "voedselbank": [
        t("vw", "Medewerker uitgifte voedselpakketten",
          "Op de uitgiftemiddag geef je de pakketten uit aan klanten. Je controleert de pas, "
          "zet de boodschappen klaar en maakt een praatje. Je werkt in een vriendelijk team.",
          "klantcontact logistiek", "medium", when="fri_afternoon"),
        t("vw", "Sorteerder in het magazijn",
          "Je sorteert de producten die binnenkomen van supermarkten en bakkers. Je kijkt naar "
          "de datum en zet alles op de goede plek in de stellingen.", "logistiek", "heavy"),
        t("vw", "Chauffeur ophaalronde",
          "Je rijdt met de bus langs supermarkten om producten op te halen. Je werkt samen met "
          "een bijrijder. Rijbewijs B is nodig.", "vervoer logistiek", "heavy", lang=A2),
        t("ts", "Taalstage inpakken en klantcontact",
          "Je pakt de kratten in voor de klanten en helpt bij de uitgifte. Een vaste "
          "vrijwilliger is je taalmaatje en oefent met je de namen van producten.",
          "logistiek klantcontact taal", "medium"),
        t("vw", "Helpen in de weggeefkast met kleding",
          "Naast de voedselbank hebben we een kast met gratis kleding voor kinderen. Jij "
          "sorteert de kleding en helpt ouders iets passends te vinden.",
          "winkel kinderen klantcontact", "light", kids="welcome"),
    ],
    "sportvereniging": [
        t("vw", "Assistent-trainer jeugdvoetbal",
          "Je helpt de trainer bij de training van de jeugd van 8 tot 12 jaar. Je zet pionnen "
          "neer, doet oefeningen voor en moedigt de kinderen aan.", "sport kinderen",
          "medium", when="wed_afternoon sat_morning", needed=1, kids="welcome"),
        t("vw", "Kantinemedewerker sportpark",
          "Op zaterdag werk je in de kantine: koffie, tosti's en limonade verkopen. Het is "
          "druk en gezellig, en je spreekt veel met ouders en spelers.",
          "horeca klantcontact", "light", when="sat_morning sat_afternoon", needed=1,
          rich=True),
        t("vw", "Begeleider vrouwenzwemmen",
          "Op zondagmiddag is er een zwemuur alleen voor vrouwen, met vrouwelijke "
          "badmeesters. Jij helpt nieuwe deelnemers, legt de regels uit en drinkt daarna thee "
          "met de groep.", "sport taal", "light", when="sun_afternoon", women=True),
        t("vw", "Onderhoud velden en materiaal",
          "Je helpt de terreinmeester met het onderhoud: doelnetten ophangen, lijnen trekken "
          "en ballen oppompen. Je werkt buiten.", "sport tuin techniek", "heavy"),
        t("vw", "Fietsles geven aan volwassenen",
          "Veel nieuwkomers hebben nooit leren fietsen. Je helpt volwassenen op het sportpark "
          "bij hun eerste lessen: evenwicht, remmen en de verkeersregels.",
          "fietsen sport vervoer", "medium", lang=A1),
        t("vw", "Wandelgroep in de buurt begeleiden",
          "Elke week wandelen we een uur door de buurt en het park, in een rustig tempo. Jij "
          "loopt voorop of achteraan en let erop dat niemand achterblijft.",
          "sport natuur ouderen", "medium"),
    ],
    "vrouwengroep": [
        t("vw", "Meedoen en helpen in de vrouwengroep",
          "Elke week komen vrouwen uit de buurt samen. We praten Nederlands, koken samen en "
          "maken uitstapjes. Jij helpt met de koffie en de activiteiten. In de ruimte ernaast "
          "is kinderopvang.", "taal koken creatief", "light", women=True, kids="offered",
          rich=True, when="mon_morning tue_morning thu_morning", needed=1, lang={}),
        t("vw", "Naaiclub voor vrouwen",
          "In de naaiclub maken vrouwen samen kleding en tassen. Jij helpt anderen met de "
          "naaimachine en neemt je eigen ideeën mee. Kleine kinderen mogen mee.",
          "naaien creatief", "light", women=True, kids="welcome",
          when="wed_morning fri_morning", needed=1, lang={}),
        t("vw", "Wandelgroep voor vrouwen",
          "We wandelen elke week samen in het park en praten onderweg Nederlands. Jij helpt "
          "nieuwe vrouwen zich welkom te voelen en houdt de groep bij elkaar.",
          "sport natuur taal", "medium", women=True, when="tue_morning fri_morning", needed=1,
          lang={}),
        t("ts", "Taalstage in de weggeefwinkel voor vrouwen",
          "In onze kleine weggeefwinkel sorteer je kleding en help je bezoekers. Je werkt "
          "alleen met vrouwen. Een vrijwilliger oefent elke week Nederlands met je.",
          "winkel klantcontact taal", "light", women=True,
          when="mon_morning wed_morning fri_morning", needed=2),
        t("vw", "Kookgroep voor vrouwen",
          "Eens in de twee weken koken we samen recepten uit verschillende landen. Jij helpt "
          "met boodschappen en koken en schrijft samen met de begeleider het recept op.",
          "koken creatief", "medium", women=True, kids="both", when="wed_morning thu_morning",
          needed=1, lang={}),
    ],
    "bibliotheek": [
        t("vw", "Voorlezen aan peuters",
          "Op woensdagochtend lees je in de bibliotheek voor aan peuters en hun ouders. Je "
          "leest een prentenboek voor en zingt een liedje. Je spreekt en leest goed "
          "Nederlands. Voorlezen in het Arabisch of Tigrinya mag er ook bij.",
          "kinderen bibliotheek taal", "light", when="wed_morning", lit=True,
          lang={"speaking": "B1", "listening": "B1", "reading": "B1"}, kids="welcome"),
        t("vw", "Boeken terugzetten en kasten ordenen",
          "Je zet teruggebrachte boeken op de goede plek en houdt de kasten netjes. Je leert "
          "hoe de bibliotheek werkt. Je moet letters en cijfers kunnen lezen.",
          "bibliotheek", "light", lit=True, lang={"reading": "A1"}),
        t("ts", "Taalstage in de bibliotheek",
          "Je helpt bij de balie, zet boeken klaar voor klanten en ruimt de leestafels op. "
          "Een medewerker oefent elke week met je. In de bibliotheek hoor en lees je de hele "
          "dag Nederlands.", "bibliotheek klantcontact taal", "light", lit=True),
        t("vw", "Hulp bij het digitale spreekuur",
          "Bezoekers komen met vragen over hun e-mail, DigiD of een formulier. Samen met een "
          "medewerker help je ze op weg. Je kunt goed met een computer werken.",
          "computers klantcontact bibliotheek", "light", lit=True, lang=A2),
        t("vw", "Huiswerkbegeleiding voor kinderen",
          "Na schooltijd helpen we kinderen van 8 tot 12 jaar met hun huiswerk. Jij helpt met "
          "rekenen en lezen en let erop dat het rustig blijft.", "kinderen bibliotheek taal",
          "light", lit=True, lang=A2, kids="welcome"),
    ],
    "school": [
        t("vw", "Overblijfouder tussen de middag",
          "Tussen de middag eet je met een groep kinderen hun lunch en ga je daarna mee naar "
          "het schoolplein. Je let op en helpt bij ruzie. Misschien zitten je eigen kinderen "
          "ook op deze school.", "kinderen", "light",
          when="mon_afternoon tue_afternoon thu_afternoon", needed=1),
        t("vw", "Hulp in de schooltuin",
          "De kinderen van groep 5 en 6 werken elke week in de schooltuin. Jij helpt ze met "
          "zaaien, wieden en oogsten. Je werkt buiten met kleine groepjes.",
          "tuin kinderen natuur", "medium"),
        t("ts", "Taalstage klassenassistent in groep 1-2",
          "Twee ochtenden per week help je in groep 1-2: spullen klaarzetten, helpen bij "
          "knutselen en opruimen. De leerkracht praat veel met je. Zo leer je Nederlands en "
          "zie je hoe een Nederlandse school werkt.", "kinderen taal creatief", "light",
          lang=A1),
        t("vw", "Hulp bij schoolfeesten en uitjes",
          "Bij het sinterklaasfeest, de sportdag en het schoolreisje zijn extra handen nodig. "
          "Jij helpt bij de spelletjes, het eten en het begeleiden van een groepje kinderen.",
          "kinderen sport", "medium", kids="welcome"),
        t("ts", "Taalstage conciërge-assistent",
          "Je helpt de conciërge: post rondbrengen, kopiëren, kleine klusjes en het plein "
          "netjes houden. Je ontmoet veel leerkrachten en ouders.",
          "techniek klantcontact taal", "medium"),
    ],
    "natuur": [
        t("vw", "Tuinieren in de buurtmoestuin",
          "In onze moestuin kweken we groente, kruiden en bloemen. Jij helpt met zaaien, "
          "wieden en oogsten. Een deel van de oogst gaat naar de voedselbank, een deel mag je "
          "zelf meenemen.", "tuin natuur koken", "medium", kids="welcome"),
        t("vw", "Natuurwerkdag in het natuurgebied",
          "Eén keer per maand werken we op zaterdag in het natuurgebied: jonge boompjes "
          "weghalen, takken ruimen en paden herstellen. Werkkleding en lunch zijn geregeld.",
          "natuur tuin", "heavy", when="sat_morning sat_afternoon"),
        t("ts", "Taalstage in de kas",
          "In de kas zaai en verpot je planten voor de tuin. De tuinvrijwilligers leggen het "
          "werk uit en oefenen met je de namen van planten, gereedschap en het weer.",
          "tuin natuur taal", "medium"),
        t("vw", "Bijen verzorgen voor beginners",
          "Samen met onze imker verzorg je de bijenkasten. Je leert hoe een bijenvolk werkt "
          "en helpt met het slingeren van honing. Beschermende kleding is er.",
          "natuur dieren", "light"),
        t("vw", "Zwerfafval opruimen in het park",
          "Met een grijper en een vuilniszak loop je door het park en langs de sloot. Je "
          "werkt wanneer het jou uitkomt, alleen of met anderen. Kinderen mogen meehelpen.",
          "natuur schoonmaak", "light", kids="welcome"),
        t("vw", "Rondleidingen in de kruidentuin",
          "Bezoekers en schoolklassen komen kijken in de kruidentuin. Jij vertelt over de "
          "kruiden en laat ze ruiken en proeven. Vertellen over kruiden uit je eigen land mag "
          "ook.", "natuur tuin klantcontact", "light", lang=A2, rich=True),
    ],
    "dierenasiel": [
        t("vw", "Verzorger honden en katten",
          "Je maakt de hokken schoon, geeft eten en water en borstelt de dieren. Je werkt in "
          "een vast team met vaste taken. Je bent niet bang voor honden.", "dieren schoonmaak",
          "medium"),
        t("vw", "Hondenuitlater",
          "Je maakt wandelingen met de honden van het asiel. Eerst loop je mee met een "
          "ervaren vrijwilliger. Goed voor de honden en voor jezelf.", "dieren sport natuur",
          "medium"),
        t("ts", "Taalstage dierverzorging",
          "Drie dagdelen per week help je bij de verzorging van de dieren. Je collega's "
          "oefenen met je de woorden voor voer, ziekte en verzorging.", "dieren taal",
          "medium"),
    ],
    "bakkerij": [
        t("wep", "Werkervaringsplaats bakkerijmedewerker",
          "Je helpt 's ochtends in de bakkerij: deeg afwegen, broodjes vormen en bakplaten "
          "schoonmaken. Daarna help je met inpakken voor de winkel. Vroeg beginnen hoort "
          "erbij.", "koken winkel", "medium",
          when="mon_morning tue_morning wed_morning thu_morning fri_morning sat_morning",
          needed=4),
        t("ts", "Taalstage in de bakkerswinkel",
          "Je helpt achter de toonbank: brood snijden, inpakken en klanten groeten. Je leert "
          "de namen van brood en gebak en oefent korte gesprekken met klanten.",
          "winkel klantcontact koken taal", "light"),
        t("ts", "Taalstage inpakken en bezorgen",
          "Je pakt bestellingen in voor bedrijven en gaat mee met de bezorgbus. Een collega "
          "oefent met je de woorden voor producten, adressen en tijden.",
          "logistiek vervoer taal", "medium"),
    ],
    "supermarkt": [
        t("wep", "Werkervaringsplaats vakkenvuller",
          "Je vult de schappen met nieuwe producten, controleert de datum en houdt de winkel "
          "netjes. Je werkt in een team met jongeren en ervaren collega's.",
          "winkel logistiek", "medium"),
        t("ts", "Taalstage afdeling groente en fruit",
          "Je legt groente en fruit mooi neer en haalt wat niet meer goed is uit het schap. "
          "Klanten stellen je vragen, en je collega helpt je met de antwoorden.",
          "winkel klantcontact taal", "medium"),
        t("wep", "Werkervaringsplaats kassamedewerker",
          "Je rekent af met klanten, helpt bij de zelfscankassa's en beantwoordt vragen. "
          "Je hebt veel contact met klanten, daarom vragen we Nederlands op niveau B1.",
          "winkel klantcontact", "light", lang=B1, lit=True),
    ],
    "tuincentrum": [
        t("wep", "Werkervaringsplaats medewerker kwekerij",
          "Je verpot planten, geeft water en zet bestellingen klaar. Je werkt veel buiten en "
          "in de kas, ook op zaterdag. Je leert de namen van de planten.",
          "tuin natuur logistiek", "heavy"),
        t("ts", "Taalstage in de winkel van het tuincentrum",
          "Je helpt klanten de weg te vinden, vult de schappen en verzorgt de planten in de "
          "winkel. Een collega oefent elke week met je.", "tuin winkel klantcontact taal",
          "medium"),
        t("wep", "Werkervaringsplaats dierenafdeling",
          "In de dierenafdeling verzorg je vissen, vogels en konijnen en vul je de schappen "
          "met voer. Je geeft klanten eenvoudig advies.", "dieren winkel", "medium", lang=A2),
    ],
    "hotel": [
        t("wep", "Werkervaringsplaats housekeeping",
          "Je maakt hotelkamers schoon: bedden opmaken, badkamer poetsen en handdoeken "
          "wisselen. Je werkt met een vaste checklist met foto's.", "schoonmaak horeca",
          "heavy"),
        t("wep", "Werkervaringsplaats keukenhulp",
          "Je helpt de koks: groente snijden, salades maken en de afwas doen. Je leert werken "
          "volgens de hygiëneregels in een professionele keuken.", "koken horeca", "medium"),
        t("ts", "Taalstage ontbijtservice",
          "Je helpt bij het ontbijt: buffet aanvullen, tafels afruimen en gasten begroeten. "
          "Een collega leert je de belangrijkste zinnen voor gasten.",
          "horeca klantcontact taal", "light",
          when="mon_morning tue_morning wed_morning thu_morning fri_morning", needed=2),
    ],
    "schoonmaak": [
        t("wep", "Werkervaringsplaats schoonmaker scholen",
          "Je maakt na schooltijd lokalen en gangen schoon in een vast team. Je leert werken "
          "met de schrobmachine en met de juiste middelen.", "schoonmaak", "medium",
          when="mon_evening tue_evening wed_evening thu_evening fri_evening "
               "mon_afternoon wed_afternoon", needed=5),
        t("wep", "Werkervaringsplaats glazenwasser-assistent",
          "Je gaat mee met een ervaren glazenwasser naar winkels en kantoren. Je werkt buiten "
          "en op een ladder.", "schoonmaak", "heavy"),
    ],
    "opticien": [
        t("ts", "Taalstage in de opticienwinkel",
          "Je ontvangt klanten, maakt brillen schoon en helpt in de werkplaats. Heb je in je "
          "eigen land als opticien gewerkt? Dan kijk je mee met onze opticiens.",
          "winkel klantcontact techniek taal", "light"),
        t("wep", "Werkervaringsplaats assistent-opticien",
          "Je helpt bij het afstellen van brillen en het maken van afspraken. Je leert werken "
          "met het kassasysteem. Ervaring als opticien is een pré.",
          "winkel techniek klantcontact", "light", lang=B1, lit=True),
    ],
    "fietsen": [
        t("wep", "Werkervaringsplaats fietsenmaker",
          "Je repareert fietsen in onze werkplaats: banden, remmen, verlichting en "
          "versnellingen. Een ervaren monteur begeleidt je en je kunt een certificaat halen.",
          "fietsen techniek", "medium"),
        t("ts", "Taalstage in de fietsenwerkplaats",
          "Je helpt in de werkplaats en bij het uitleveren van fietsen. Je leert de namen van "
          "onderdelen en oefent korte gesprekken met klanten.", "fietsen techniek taal",
          "medium"),
    ],
    "kinderopvang": [
        t("ts", "Taalstage op de peutergroep",
          "Je helpt de pedagogisch medewerkers op de peutergroep: spelen, voorlezen uit "
          "prentenboeken en helpen bij het fruit eten. Peuters leren zelf ook Nederlands, dus "
          "je oefent samen.", "kinderen taal zorg", "light", lang=A1),
        t("wep", "Werkervaringsplaats groepshulp kinderopvang",
          "Je helpt op de groep bij het eten, slapen en spelen van de kinderen. Je werkt "
          "onder begeleiding en kunt daarna misschien starten met een opleiding.",
          "kinderen zorg", "medium", lang=B1),
    ],
    "horeca": [
        t("wep", "Werkervaringsplaats afwasser en keukenhulp",
          "Je werkt in onze cateringkeuken: afwassen, groente snijden en schalen klaarmaken "
          "voor feesten en bedrijven. Je werkt in een druk maar gezellig team.",
          "koken horeca schoonmaak", "medium"),
        t("ts", "Taalstage bediening in de lunchroom",
          "Je brengt koffie en lunch naar de tafels en ruimt af. Je collega's oefenen met je "
          "de woorden en zinnen die je nodig hebt voor gasten.", "horeca klantcontact taal",
          "light"),
        t("wep", "Werkervaringsplaats medewerker catering",
          "Je helpt bij het klaarmaken en wegbrengen van lunches voor bedrijven. Soms ga je "
          "mee om op locatie een buffet op te bouwen.", "horeca koken vervoer", "medium",
          lang=A2),
    ],
    "logistiek": [
        t("wep", "Werkervaringsplaats magazijnmedewerker",
          "Je pakt orders in, plakt labels en zet pallets klaar. Je werkt met een handscanner "
          "en een vast team. Veiligheidsschoenen krijg je van ons.", "logistiek", "heavy",
          lit=True, lang={"speaking": "A2", "reading": "A1"}),
        t("wep", "Werkervaringsplaats heftruckchauffeur in opleiding",
          "Je werkt mee in het magazijn en haalt tijdens je plaats je heftruckcertificaat. "
          "Veilig werken en goed luisteren naar instructies zijn belangrijk.",
          "logistiek vervoer", "medium", lang=A2),
        t("ts", "Taalstage retouren verwerken",
          "Je controleert teruggestuurde pakketten en zet de producten terug in het magazijn. "
          "Een collega oefent met je de woorden op de werkvloer.", "logistiek taal",
          "medium"),
    ],
    "klusbedrijf": [
        t("vw", "Klusjesman voor renovaties",
          "Wij zoeken een vrijwilliger die fulltime meehelpt bij renovaties van woningen: "
          "slopen, stukadoren en tegelen. Je werkt vijf dagen per week.", "bouw techniek",
          "heavy",
          when="mon_morning mon_afternoon tue_morning tue_afternoon wed_morning "
               "wed_afternoon thu_morning thu_afternoon fri_morning fri_afternoon"),
    ],
}
