"""Write ``vacancies.json`` of the coach-labelled quality set from the table below.

Run ``python bench/quality/build_vacancies.py`` after editing the table; the ids
follow the table's order, so add new vacancies at the end or every label moves.
The texts are written the way organisations in the region write them (their
own titles, words and tags), on purpose not in the words coaches use for a
participant's interests.

One line per vacancy, fields separated by `` | ``:
organisation | type (V vrijwilligerswerk, T taalstage, W werkervaringsplaats) |
title | tags (comma) | postcode | load (l/m/h) | language minimum
(``-`` none, or ``s:A2,r:A1`` with s/l/r/w = speaking/listening/reading/writing) |
schedule pattern (see ``SCHEDULES``) | hours ``min-max`` | flags | description.
Flags: ``c`` closed, ``f`` full, ``W`` women only, ``K`` childcare offered, ``k``
children welcome, ``R`` remote, ``L`` literacy required, ``r`` language rich,
``s`` language support.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")


def _days(part: str, days: tuple[str, ...] = _WEEKDAYS) -> list[str]:
    return [f"{day}_{part}" for day in days]


# name -> (schedule, dayparts_needed); None needs every daypart of the schedule.
SCHEDULES: dict[str, tuple[list[str], int | None]] = {
    "am1": (_days("morning"), 1),
    "am2": (_days("morning"), 2),
    "am3": (_days("morning"), 3),
    "pm1": (_days("afternoon"), 1),
    "pm2": (_days("afternoon"), 2),
    "day1": (_days("morning") + _days("afternoon"), 1),
    "day2": (_days("morning") + _days("afternoon"), 2),
    "day3": (_days("morning") + _days("afternoon"), 3),
    "day4": (_days("morning") + _days("afternoon"), 4),
    "mon_am": (["mon_morning"], None),
    "tue_am": (["tue_morning"], None),
    "wed_am": (["wed_morning"], None),
    "thu_am": (["thu_morning"], None),
    "fri_am": (["fri_morning"], None),
    "tue_pm": (["tue_afternoon"], None),
    "wed_pm": (["wed_afternoon"], None),
    "thu_pm": (["thu_afternoon"], None),
    "fri_pm": (["fri_afternoon"], None),
    "tuethu": (["tue_morning", "thu_morning"], None),
    "monwed": (["mon_morning", "wed_morning"], None),
    "eve1": (_days("evening"), 1),
    "eve2": (_days("evening"), 2),
    "sat": (["sat_morning", "sat_afternoon"], 1),
    "wkend": (["sat_morning", "sat_afternoon", "sun_morning", "sun_afternoon"], 1),
    "full": (_days("morning")[:4] + _days("afternoon")[:4], None),
}
_TYPES = {"V": "vrijwilligerswerk", "T": "taalstage", "W": "werkervaringsplaats"}
_LOADS = {"l": "light", "m": "medium", "h": "heavy"}
_SKILLS = {"s": "speaking", "l": "listening", "r": "reading", "w": "writing"}

TABLE = """
Zorgcentrum Dukenburg | T | Taalstage keuken zorgcentrum | keuken, maaltijden, zorgcentrum | 6535 | m | s:A1 | am2 | 6-10 | rs | Je helpt onze koks bij het bereiden van de warme maaltijd voor 90 bewoners: groente snijden, opscheppen, afwassen. Een vaste collega oefent Nederlands met je.
Zorgcentrum Dukenburg | V | Helpende hand in de grootkeuken van zorgcentrum | grootkeuken, afwas, zorgcentrum | 6535 | m | - | day2 | 4-8 | s | In onze grootkeuken is altijd werk: de vaatwasser vullen, karren klaarzetten, soep opwarmen. Geen ervaring nodig.
Restaurant De Ontmoeting | V | Gastvrouw/gastheer restaurant De Ontmoeting | horeca, gastvrijheid, bediening | 6602 | l | s:A2 | pm2 | 4-8 | r | Ons buurtrestaurant serveert drie keer per week een betaalbare maaltijd. Jij ontvangt de gasten, neemt bestellingen op en schenkt koffie.
Restaurant De Ontmoeting | W | Medewerker keuken buurtrestaurant | keuken, horeca, maaltijden | 6602 | m | s:A2 | day3 | 12-20 | s | Werkervaringsplaats in de keuken van ons buurtrestaurant: mise-en-place, bereiden van dagmenu's en hygiëne volgens HACCP. Met begeleiding van onze chef.
Leerwerkbedrijf De Smaak | W | Leerwerkplek leerbedrijf horeca | horeca, keuken, leerwerkbedrijf | 6541 | m | s:A2,l:A2 | day4 | 16-24 | rs | In ons leerwerkrestaurant leer je het vak van zelfstandig werkend kok: van koude keuken tot warme gerechten, met een SVH-certificaat aan het einde.
Leerwerkbedrijf De Smaak | T | Taalstage bediening lunchroom | bediening, lunchroom, gastvrijheid | 6511 | l | s:A2 | am2 | 6-12 | r | Lunchroom in het centrum zoekt een stagiair die tafels dekt, bestellingen noteert en afrekent. Je spreekt veel Nederlands met gasten.
Wijkcentrum De Klimop | V | Kookvrijwilliger buurtmaaltijd | buurtmaaltijd, keuken, wijk | 6543 | m | - | wed_pm | 3-4 | k | Elke woensdagmiddag bereiden we met vrijwilligers een maaltijd voor 40 buurtbewoners. Jij staat in de keuken en helpt bij het opdienen.
Wijkcentrum De Klimop | V | Koffie schenken in het buurthuis | buurthuis, gastvrijheid, koffie | 6543 | l | s:A1 | am1 | 2-4 | rs | Bezoekers van ons buurthuis ontvangen met een kop koffie of thee, een praatje maken en de bar netjes houden.
Sportpark De Biezen | V | Barmedewerker sportkantine | kantine, bar, sportvereniging | 6545 | l | s:A2 | wkend | 3-6 | r | Onze voetbalvereniging zoekt vrijwilligers voor de kantine op zaterdag: tappen, tosti's maken, afrekenen.
Hotel Erica | W | Medewerker afwas en keukenhulp hotel | afwas, keukenhulp, hotel | 6561 | m | s:A1 | day3 | 16-24 | s | Werkervaringsplaats in de hotelkeuken van ons hotel in Berg en Dal: spoelkeuken, voorbereiden van ontbijt en buffet.
Stadscafé Arnhem | T | Taalstage keuken grand café | keuken, horeca, grand café | 6811 | m | s:A2 | day2 | 8-12 | rs | Ons grand café in de binnenstad biedt een taalstage in de keuken: salades, broodjes, soepen. Je werkt mee met de sous-chef.
Buurtkamer Presikhaaf | V | Maaltijdvrijwilliger buurtkamer | buurtkamer, maaltijden, ontmoeting | 6825 | l | - | thu_am | 3-4 | k | Op donderdag koken we samen een lunch voor de buurt. Kinderen mogen mee komen.
Zorgcentrum Rijnstate Wonen | W | Medewerker voeding en restauratie | restaurant, zorgcentrum, voeding | 6828 | m | s:A2 | day3 | 16-24 | s | In het restaurant van ons woonzorgcentrum bereid je broodmaaltijden, verzorg je de koffieronde en houd je het buffet op orde.
Catering De Gelderse Poort | W | Werkervaringsplaats cateringkeuken | catering, keuken, productie | 6826 | h | s:A1 | full | 24-32 | | Onze cateringkeuken levert 600 maaltijden per dag aan bedrijven. Je werkt aan de productielijn: portioneren, verpakken, afwassen.
Inloophuis De Kanaalzone | V | Gastheer/gastvrouw inloophuis | inloophuis, gastvrijheid, ontmoeting | 6521 | l | s:A2,l:A2 | pm1 | 3-6 | r | Je verwelkomt bezoekers die een kop soep komen eten, luistert en zet koffie.
Mensa Radboud | T | Taalstage universiteitsrestaurant | restaurant, keuken, catering | 6525 | m | s:A2 | am2 | 8-12 | rs | In het restaurant op de campus help je bij het klaarmaken van de lunch en de uitgifte aan studenten.
Bakkerij Van der Linden | W | Werkervaringsplaats bakkerij | bakkerij, brood, productie | 6512 | h | s:A1 | am3 | 16-24 | | Vanaf 6 uur 's ochtends deeg kneden, brood vormen en de ovens bedienen in onze ambachtelijke bakkerij.
Bakkerij Van der Linden | T | Taalstage verkoop bakkerswinkel | winkel, bakkerij, verkoop | 6512 | l | s:A2,l:A2 | am2 | 6-10 | r | Klanten helpen aan de toonbank, brood snijden en afrekenen. Veel contact met klanten in het Nederlands.
Buurtbakkerij Wijchen | V | Vrijwilliger taartenbakken voor de buurt | bakken, taarten, buurt | 6601 | l | - | tue_am | 3 | k | Eens per week bakken we met vrijwilligers taarten en koekjes voor ouderen in de buurt. Kinderen mogen mee.
Brood & Spelen Arnhem | W | Leerwerkplek bakkerij Brood & Spelen | bakkerij, productie, leerwerkplek | 6825 | m | s:A1 | day3 | 12-20 | s | Onze sociale bakkerij leert je bakken op professionele ovens: brood, koek en gebak, met een vakkracht naast je.
Pannenkoekenhuis Heumensoord | V | Hulp in de bediening pannenkoekenhuis | bediening, horeca, pannenkoeken | 6581 | l | s:A2 | wkend | 4-8 | r | In het weekend is het druk: tafels afruimen, bestellingen rondbrengen en gasten helpen.
Verpleeghuis Jonkerbos | V | Wandelen met bewoners | wandelen, bewoners, verpleeghuis | 6532 | l | s:A1 | day1 | 2-4 | r | Samen met een bewoner een rondje door het park, een praatje onderweg. Onze bewoners genieten van de buitenlucht.
Verpleeghuis Jonkerbos | T | Taalstage huiskamer verpleeghuis | huiskamer, bewoners, verpleeghuis | 6532 | l | s:A1 | am2 | 6-10 | rs | Je helpt in de huiskamer van een afdeling: koffie schenken, tafel dekken, spelletjes doen met bewoners. Veel praten met bewoners en zorgmedewerkers.
Verpleeghuis Jonkerbos | W | Werkervaringsplaats helpende zorg en welzijn | helpende, verzorging, verpleeghuis | 6532 | m | s:A2,l:A2,r:A1 | day4 | 16-24 | sL | Je leert het werk van een helpende: bewoners helpen bij eten en drinken, bedden opmaken, ondersteunen bij de dagbesteding. Opstap naar de opleiding Helpende Zorg en Welzijn.
Woonzorgcentrum De Waalboog | V | Activiteitenbegeleiding senioren | senioren, activiteiten, woonzorgcentrum | 6522 | l | s:A2 | pm1 | 2-6 | r | Help bij bingo, knutselmiddag of muziekmiddag voor onze senioren.
Woonzorgcentrum De Waalboog | V | Koffieronde op de afdeling | koffieronde, bewoners, gastvrijheid | 6522 | l | s:A1 | am1 | 2-4 | r | Met de koffiekar langs de kamers van onze bewoners, even een praatje maken.
Woonzorgcentrum De Waalboog | W | Meelopen met verzorgenden | verzorging, woonzorgcentrum, opleiding | 6522 | m | s:A2,l:A2,r:A2 | full | 24-32 | sL | Werkervaringsplaats van 15 weken op een verpleegafdeling. Je loopt mee met verzorgenden IG en doet steeds meer zelf. Met een werkbegeleider.
Zorggroep Maas & Waal | W | Huishoudelijke ondersteuning in de wijk | huishoudelijke hulp, thuiszorg, cliënten | 6601 | m | s:A2 | day3 | 12-20 | | Je ondersteunt cliënten thuis met het huishouden: stofzuigen, bedden verschonen, boodschappen. Met een collega als maatje.
Zorggroep Maas & Waal | V | Maatje voor eenzame ouderen | maatje, eenzaamheid, senioren | 6603 | l | s:A2,l:A2 | day1 | 2-4 | r | Eens per week op bezoek bij een oudere die weinig mensen ziet: koffie drinken, wandelen, samen boodschappen doen.
Zorggroep Maas & Waal | T | Taalstage dagbesteding ouderen | dagbesteding, ouderen, welzijn | 6602 | l | s:A1 | am2 | 6-10 | rs | Bij onze dagbesteding help je bij de lunch, spelletjes en de ochtendgymnastiek met ouderen. Veel Nederlands spreken.
Thuiszorg Arnhem Noord | W | Werkervaringsplaats thuiszorg | thuiszorg, verzorging, cliënten | 6815 | m | B1 | full | 24-32 | L | Werken in een thuiszorgteam: cliënten helpen met wassen en aankleden, rapporteren in het cliëntdossier.
Woonzorgcentrum Het Schild | V | Vrijwilliger welzijn woonzorgcentrum | welzijn, bewoners, activiteiten | 6836 | l | s:A1 | pm1 | 2-4 | r | Bewoners van Het Schild begeleiden naar de activiteitenruimte, helpen bij de handwerkclub en het zingen.
Woonzorgcentrum Het Schild | T | Taalstage zorgafdeling | zorg, bewoners, verpleging | 6836 | m | s:A2 | day2 | 8-12 | rs | Je ondersteunt de verzorgenden bij de maaltijden en het welzijn van bewoners en leert de zorgtaal.
Rijnstate Ziekenhuis | V | Gastvrouw/gastheer ziekenhuis | ziekenhuis, patiënten, wegwijzer | 6815 | l | s:B1,l:B1 | am1 | 3-6 | r | Je wijst patiënten en bezoekers de weg in het ziekenhuis en brengt ze naar de poli.
Rijnstate Ziekenhuis | W | Werkervaringsplaats zorgassistent | zorgassistent, ziekenhuis, verpleegafdeling | 6815 | m | s:B1,l:B1,r:A2 | full | 24-32 | L | Assisteren van verpleegkundigen op de afdeling: bedden, maaltijden, vitale functies meten onder toezicht. Voor mensen met een zorgachtergrond.
Radboudumc | V | Vrijwilliger patiëntenservice Radboudumc | patiënten, ziekenhuis, begeleiding | 6525 | l | s:B1 | day1 | 3-6 | r | Patiënten begeleiden van de ingang naar hun afspraak, met de rolstoel of te voet.
Radboudumc | W | Meeloopplaats verpleegafdeling voor zorgprofessionals | verpleegkunde, ziekenhuis, BIG-registratie | 6525 | m | s:B1,l:B1,r:B1 | full | 24-32 | sL | Voor verpleegkundigen met een buitenlands diploma: 15 weken meelopen op een verpleegafdeling als voorbereiding op de BIG-procedure.
Huisartsenpraktijk Lindenholt | T | Meeloopstage doktersassistent | praktijk, assistent, gezondheidszorg | 6543 | l | s:B1,l:B1,r:A2 | am2 | 8-12 | rL | Je loopt mee aan de balie en in de spreekkamer met onze doktersassistenten.
Apotheek Dukenburg | T | Taalstage apotheek | apotheek, medicijnen, balie | 6535 | l | s:A2,r:A2 | am2 | 8-12 | rL | Je helpt bij het klaarzetten van medicijnen en aan de balie van onze apotheek.
Hospice Bethlehem | V | Vrijwilliger huiskamer hospice | hospice, gastvrijheid, zorg | 6524 | l | s:B1,l:B1 | day1 | 4-8 | r | Aanwezig zijn in de huiskamer, koffie zetten voor familie en een luisterend oor bieden.
Zorgboerderij De Lindenhof | V | Begeleiden van deelnemers dagbesteding | dagbesteding, zorgboerderij, begeleiding | 6604 | m | s:A2 | day2 | 6-10 | | Op onze zorgboerderij werken mensen met een beperking. Jij helpt ze bij de dieren en in de tuin.
Verpleeghuis Regina Pacis | V | Rolstoelwandelen met bewoners | rolstoel, bewoners, verpleeghuis | 6841 | m | s:A1 | wkend | 2-4 | | Op zaterdag of zondag met een bewoner in de rolstoel naar buiten. Je krijgt een korte instructie.
Verpleeghuis Regina Pacis | T | Taalstage welzijn en zorg | welzijn, zorg, verpleeghuis | 6841 | l | s:A1 | am2 | 6-12 | rs | Helpen bij het ontbijt, de koffie en activiteiten voor bewoners; een taalcoach oefent met je.
Kinderdagverblijf Het Speelhuis | T | Taalstage kinderopvang | kinderopvang, peuters, pedagogisch | 6544 | l | s:A2,l:A2 | am2 | 8-12 | r | Je helpt de pedagogisch medewerkers: spelen met peuters, fruit klaarmaken, opruimen. Een VOG is nodig.
Peuterspeelzaal Het Kwetternest | V | Peuterspeelzaal | peuterspeelzaal, peuters, spelen | 6537 | l | s:A1 | am1 | 3-6 | rsk | Samen met de leidsters spelen, zingen en knutselen met peuters van 2 tot 4 jaar. Eigen kinderen mogen meekomen.
Basisschool De Triangel | V | Voorleesouder groep 1 en 2 | voorlezen, school, onderbouw | 6541 | l | s:A2,r:A2 | am1 | 1-3 | rL | Eens per week voorlezen aan kleuters in kleine groepjes.
Basisschool De Triangel | W | Onderwijsassistent basisschool | onderwijsassistent, basisschool, klas | 6541 | l | s:B1,l:B1,r:B1,w:A2 | day4 | 16-24 | rL | Je ondersteunt de leerkracht in de klas: kleine groepjes begeleiden met rekenen en lezen, materiaal klaarzetten.
Huiswerkklas Nijmegen-Oost | V | Huiswerkbegeleiding middelbare scholieren | huiswerk, scholieren, rekenen | 6522 | l | s:B1,r:B1 | eve1 | 2-4 | L | Help scholieren van 12-16 jaar bij wiskunde en huiswerkplanning, in de avond.
Speeltuinvereniging De Wielewaal | V | Vrijwilliger speeltuin | speeltuin, buiten spelen, toezicht | 6545 | m | s:A1 | pm1 | 3-6 | k | Toezicht houden in de speeltuin, limonade schenken en spelletjes organiseren.
Kinderboerderij De Hazenkamp | V | Dierverzorger kinderboerderij | kinderboerderij, dieren, verzorging | 6531 | m | - | am1 | 3-6 | k | Geiten, schapen en kippen verzorgen: voeren, stallen uitmesten, hooi rondbrengen.
Kinderopvang Kanjers Arnhem | W | Werkervaringsplaats pedagogisch medewerker | kinderopvang, baby's, groepsleiding | 6826 | m | s:B1,l:B1 | full | 24-32 | L | 15 weken meedraaien op een groep van kinderen van 0-4 jaar, met een opleidingsplan richting MBO Pedagogisch Werk.
BSO De Ontdekkers | V | Begeleider naschoolse opvang | BSO, buitenschoolse opvang, sport en spel | 6603 | l | s:A2 | pm1 | 3-6 | r | Op de BSO help je bij spelletjes, knutselen en het fruit eten na schooltijd.
Vrouwencentrum Al Amal | V | Kinderhoek tijdens de vrouwenochtend | kinderhoek, moeders, vrouwengroep | 6535 | l | - | tue_am | 2-3 | Wk | Terwijl moeders Nederlandse les krijgen, speel jij met de kinderen in de kinderhoek.
Jeugdvoetbal NEC Amateurs | V | Assistent-trainer jeugd | voetbal, jeugd, sport | 6543 | m | s:A2 | eve1 | 2-4 | | Help de trainer van de O10 met oefeningen en ballen klaarzetten.
Stichting Leergeld | V | Voorlezen thuis bij gezinnen | voorlezen, gezinnen, taal | 6825 | l | s:B1,r:B1 | pm1 | 1-2 | L | Voorlezen bij gezinnen thuis in Arnhem, zodat kinderen met een taalachterstand meer Nederlands horen.
Basisschool Het Octaaf Wijchen | T | Taalstage klassenassistent | school, klas, leerlingen | 6602 | l | s:A2,l:A2 | am2 | 8-12 | rs | Je helpt de juf in groep 3: materiaal klaarleggen, kinderen helpen met opdrachten. Veel Nederlands!
ROC Nijmegen | W | Instructeur rekenen Entree-opleiding | rekenen, instructie, onderwijs | 6525 | l | s:B1,l:B1,r:B1,w:B1 | day2 | 8-12 | L | Je geeft ondersteunende rekenlessen aan studenten van de Entree-opleiding, samen met een docent.
Kinderopvang Humanitas | T | Taalstage peutergroep Arnhem | peutergroep, spelen, kinderopvang | 6833 | l | s:A2 | am2 | 6-10 | rs | Spelen, voorlezen en zingen met peuters; je leert veel Nederlands van de kinderen en de leidsters.
Scouting Jan van Hoof | V | Leiding welpen | scouting, jeugd, buitenactiviteiten | 6524 | m | s:A2 | sat | 3-4 | r | Op zaterdag activiteiten voor kinderen van 7-11 jaar in het bos: hutten bouwen en spellen.
Tienerwerk Presikhaaf | V | Activiteitenbegeleider tienerinloop | tieners, jongerenwerk, inloop | 6825 | l | s:B1 | eve1 | 2-4 | r | Tieners ontmoeten elkaar bij de inloop; jij organiseert spelletjes en tafeltennis.
Fietsenwerkplaats De Wijkwerkplaats | V | Fietsenmaker in de wijkwerkplaats | fietsenmaker, werkplaats, reparatie | 6542 | m | - | day1 | 3-8 | s | Banden plakken, remmen afstellen en fietsen opknappen voor mensen met een kleine beurs.
Fietsenwerkplaats De Wijkwerkplaats | W | Werkervaringsplaats rijwielhersteller | rijwielhersteller, werkplaats, fietsen | 6542 | m | s:A1 | day3 | 16-24 | s | Je leert het vak van tweewielermonteur: versnellingen, naven, elektrische fietsen, met een erkend leerbedrijf.
Fietsenmakerij Wijchen | T | Taalstage fietsenmakerij | fietsenmakerij, werkplaats, klanten | 6601 | m | s:A2 | am2 | 8-12 | r | In onze fietsenwinkel help je in de werkplaats en leer je klanten te woord te staan.
Autobedrijf Van Dijk | W | Autobedrijf: werkervaringsplaats in de werkplaats | autobedrijf, werkplaats, onderhoud | 6544 | h | s:A2 | full | 24-32 | s | In ons autobedrijf help je bij de APK, banden wisselen en kleine onderhoudsbeurten. Met uitzicht op een BBL-opleiding.
Garage Arnhem-Zuid | T | Taalstage garage | garage, banden, onderhoud | 6836 | h | s:A1 | day2 | 8-12 | rs | Banden wisselen, olie verversen en de werkplaats netjes houden, met een collega die Nederlands met je oefent.
Repair Café wijkcentrum De Ontmoeting | V | Reparateur Repair Café | repair café, reparatie, elektrische apparaten | 6602 | l | - | sat | 3 | k | Elke eerste zaterdag repareren we met bezoekers broodroosters, lampen en radio's. Kinderen mogen meekijken.
Kringloop Nijmegen | W | Testen en repareren elektrische apparaten | elektra, testen, kringloop | 6541 | m | s:A1 | day3 | 16-24 | s | Je test ingeleverde apparaten op veiligheid (NEN 3140) en repareert wat kan, onder begeleiding van een elektromonteur.
Woningcorporatie Talis | W | Werkervaringsplaats onderhoudsmonteur | onderhoud, woningen, installatie | 6525 | m | s:A2,l:A2 | full | 24-32 | | Met onze vakmensen langs bij huurders: kranen vervangen, deuren afstellen, kleine elektra.
Buurthuis De Schakel | V | Klusjesman buurthuis | klussen, onderhoud, gebouw | 6603 | m | s:A1 | day1 | 2-4 | | Lampen vervangen, stoelen repareren, schilderen wat nodig is in ons buurthuis.
Metaalbedrijf Nijmegen-West | W | Leerwerkplek lassen en metaalbewerking | metaal, lassen, productie | 6541 | h | s:A1 | full | 24-32 | s | Leer MIG/MAG-lassen en plaatbewerking in onze werkplaats, met een VCA-cursus.
Installatiebedrijf Groen Dak | W | Monteur zonnepanelen in opleiding | zonnepanelen, installatie, daken | 6663 | h | s:A2,l:A2 | full | 24-32 | | Meewerken in een montageploeg die zonnepanelen plaatst in Lent en omgeving. Geen hoogtevrees!
Gemeentewerf Arnhem | W | Medewerker wagenpark gemeentewerf | wagenpark, voertuigen, onderhoud | 6827 | m | s:A2 | full | 24-32 | | Je helpt de monteurs van de gemeentewerf met onderhoud van busjes, veegwagens en maaimachines.
Fietspunt Arnhem Centraal | T | Taalstage fietsenstalling en reparatie | fietsenstalling, reparatie, klanten | 6811 | m | s:A2 | day2 | 8-12 | r | In de fietsenstalling op het station help je klanten en doe je kleine reparaties.
Autobedrijf Arnhem Oost | T | Taalstage autopoetser en werkplaatshulp | auto, poetsen, werkplaats | 6826 | m | s:A1 | day2 | 8-16 | s | Auto's afleveringsklaar maken en meehelpen in de werkplaats van ons autobedrijf.
Elektrotechniek Nijmegen BV | W | Werkervaringsplaats elektrotechnisch monteur | elektrotechniek, installatie, bouw | 6534 | m | s:A2,l:A2,r:A2 | full | 24-32 | L | In de utiliteitsbouw leg je onder begeleiding kabels, monteer je groepenkasten en lees je tekeningen.
Technocentrum Nijmegen | V | Begeleider techniekclub voor kinderen | techniekclub, kinderen, robots | 6525 | l | s:B1 | wed_pm | 2-3 | r | Op woensdagmiddag bouwen kinderen robots en circuits. Jij helpt ze op weg.
Werkplaats Houtlab | V | Meubels opknappen in de houtwerkplaats | hout, meubels, werkplaats | 6546 | m | - | day1 | 3-6 | | Oude meubels schuren, lijmen en lakken in onze houtwerkplaats voor de kringloop.
Bibliotheek Gelderland Zuid | V | Medewerker ICT-helpdesk bibliotheek | ICT-helpdesk, bibliotheek, digitale vaardigheden | 6511 | l | s:B1 | pm1 | 3-6 | r | Bezoekers helpen met laptops, printers, DigiD en wifi-problemen.
Bibliotheek Gelderland Zuid | V | Digicafé begeleider | digicafé, digitale vaardigheden, senioren | 6535 | l | s:A2 | tue_am | 2-3 | r | Ouderen leren hun smartphone en tablet gebruiken. Jij legt uit en helpt.
Gemeente Nijmegen | W | Werkervaringsplaats servicedesk IT gemeente | servicedesk, IT, werkplekbeheer | 6511 | l | s:B1,l:B1,r:B1 | full | 24-32 | L | Bij de servicedesk van de gemeente los je storingen op, installeer je laptops en beheer je accounts in Active Directory.
Stichting Computerhulp Senioren | V | Computerhulp aan huis voor senioren | computerhulp, senioren, laptops | 6601 | l | s:A2 | day1 | 2-4 | | Senioren thuis helpen met hun computer, e-mail en updates.
ICT-bedrijf Noviotech | W | Werkervaringsplaats systeembeheer | systeembeheer, netwerken, servers | 6534 | l | s:A2,r:A2 | full | 24-32 | L | Ons MKB-team beheert servers, netwerken en Microsoft 365 voor klanten in de regio. Jij draait mee met onze systeembeheerders.
Leerwerkbedrijf Digitaal | T | Taalstage laptops refurbishen | refurbish, laptops, hardware | 6541 | l | s:A1 | day2 | 8-12 | s | Gebruikte laptops schoonmaken, testen en opnieuw installeren voor scholieren.
Rijnbrink Bibliotheek Arnhem | V | Digitaal Hulpplein vrijwilliger | digitaal, overheid, hulp | 6811 | l | s:B1 | am1 | 3 | r | Mensen helpen met online formulieren van de overheid, DigiD en e-mail.
Gemeente Arnhem | W | Werkervaringsplaats applicatiebeheer | applicatiebeheer, software, testen | 6811 | l | s:B1,r:B1,w:A2 | full | 24-32 | L | Je test updates van gemeentelijke software, schrijft handleidingen en helpt gebruikers.
Coderclass Nijmegen | V | Assistent programmeerles voor kinderen | programmeren, kinderen, lesgeven | 6525 | l | s:A2 | wed_pm | 2 | | Kinderen van 9-12 jaar leren programmeren met Scratch; jij helpt bij de tafels.
Administratiekantoor Boekhoudt | W | Administratief medewerker boekhouding | boekhouding, administratie, facturen | 6512 | l | s:A2,r:B1,w:A2 | day4 | 16-24 | L | Facturen inboeken, bankmutaties verwerken en debiteuren bijhouden in Exact.
Vluchtelingenwerk Oost Nederland | V | Administratieve ondersteuning kantoor | administratie, kantoor, archief | 6511 | l | s:A2,r:A2 | am2 | 4-8 | L | Dossiers archiveren, post sorteren en gegevens invoeren op ons kantoor.
Gemeente Wijchen | T | Taalstage receptie gemeentehuis | receptie, balie, bezoekers | 6602 | l | s:B1 | am2 | 8-12 | r | Bezoekers ontvangen, telefoon aannemen en doorverbinden. Veel Nederlands.
Woningcorporatie Portaal | W | Werkervaringsplaats data-invoer en archief | data, invoer, archief | 6827 | l | s:A2,r:A2 | day4 | 16-24 | L | Huurcontracten scannen en gegevens invoeren in ons systeem.
Sportbedrijf Arnhem | V | Vrijwilliger ledenadministratie | ledenadministratie, computer, vereniging | 6826 | l | s:A2,r:A2 | R | 2-4 | RL | Vanuit huis de ledenlijst van onze sportvereniging bijhouden in Excel.
Schoonmaakbedrijf Nijmegen Schoon | W | Werkervaringsplaats schoonmaak kantoren | schoonmaak, kantoren, facilitair | 6541 | m | - | eve2 | 8-12 | | 's Avonds kantoren schoonmaken in een vast team. Je leert werken met machines en middelen.
Schoonmaakbedrijf Nijmegen Schoon | T | Taalstage schoonmaak ziekenhuis | schoonmaak, hygiëne, ziekenhuis | 6525 | m | s:A1 | am2 | 8-16 | s | Schoonmaken van patiëntenkamers volgens de hygiëneprotocollen, met een taalmaatje.
Hotel Van der Valk Nijmegen | W | Werkervaringsplaats housekeeping hotel | housekeeping, hotel, kamers | 6534 | h | s:A1 | day3 | 16-24 | | Hotelkamers opmaken, badkamers schoonmaken en de linnenkamer bijhouden.
Wijkcentrum De Klimop | V | Gastvrouw/gastheer schoonhouden ontmoetingsruimte | ontmoetingsruimte, opruimen, gastvrijheid | 6543 | l | - | day1 | 2-4 | | Na activiteiten de ruimte opruimen, tafels afnemen en koffie zetten voor de volgende groep.
Facilitair Bedrijf Arnhem | W | Werkervaringsplaats facilitair medewerker | facilitair, schoonmaak, post | 6811 | m | s:A1 | day3 | 16-24 | s | Vergaderzalen klaarzetten, post rondbrengen en schoonmaakwerk in het stadskantoor.
Vrouwenhuis Arnhem | V | Schoonmaak en huishouding vrouwenhuis | huishouding, vrouwenhuis, opruimen | 6825 | l | - | am1 | 2-4 | Wk | In ons vrouwenhuis helpen we elkaar: de keuken en ontmoetingsruimte schoon en gezellig houden.
Zorgcentrum Dukenburg | W | Werkervaringsplaats huishoudelijk medewerker zorg | huishoudelijk, zorgcentrum, bewonerskamers | 6535 | m | s:A1 | day3 | 12-20 | s | Bewonerskamers en gemeenschappelijke ruimtes schoonhouden, in contact met bewoners.
Sporthal Wijchen | W | Medewerker schoonmaak en beheer sporthal | sporthal, schoonmaak, beheer | 6603 | m | s:A1 | pm2 | 8-12 | | Kleedkamers en zalen schoonhouden, materiaal klaarzetten.
Kapsalon Knip & Go | T | Taalstage kapsalon | kapsalon, haar, klanten | 6511 | l | s:A2,l:A2 | day2 | 8-12 | r | Haren wassen, föhnen en de salon bijhouden. Als je ervaring hebt, knip je mee onder toezicht.
Kapsalon Knip & Go | W | Werkervaringsplaats kapster | kapster, knippen, salon | 6511 | l | s:B1,l:B1 | full | 24-32 | r | Voor ervaren knippers: werken op de vloer van onze salon, met eigen klanten na een proefperiode.
Kapsalon Salima | T | Taalstage dameskapsalon | dameskapsalon, haar, vrouwen | 6537 | l | s:A2 | day2 | 8-12 | Wr | Dameskapsalon met alleen vrouwelijke klanten en medewerkers. Je helpt met wassen, kleuren en föhnen.
Vrouwencentrum Al Amal | V | Beauty-ochtend vrouwencentrum | beauty, vrouwen, verzorging | 6535 | l | - | thu_am | 2-3 | Wk | Samen met andere vrouwen henna, nagels en haarverzorging: voor en door vrouwen.
Kappersschool Arnhem | T | Taalstage leersalon kappersopleiding | leersalon, haar, opleiding | 6826 | l | s:A2 | am2 | 6-12 | rs | In onze leersalon assisteer je de studenten en docenten bij het knippen van klanten.
Barbershop Damascus Arnhem | W | Werkervaringsplaats barbier | barbier, baard, herenkapper | 6828 | l | s:A1 | day3 | 16-24 | | Herenknippen en baarden trimmen in onze barbershop, met klanten uit de hele wereld.
Optiek Hermans | T | Meeloopstage opticien | opticien, brillen, winkel | 6811 | l | s:A2 | day2 | 8-12 | r | Loop mee in onze opticiënszaak: oogmetingen voorbereiden, monturen passen en glazen slijpen.
Pearle Opticiens Nijmegen | W | Werkervaringsplaats optiek | optiek, monturen, klanten | 6511 | l | s:B1,l:B1 | full | 24-32 | r | Klanten adviseren bij monturen, brillen afstellen en reparaties in het atelier.
Hans Anders Arnhem | V | Verkoopondersteuning brillenwinkel | brillenwinkel, verkoop, klanten | 6811 | l | s:B1 | sat | 4 | r | Op zaterdag help je in de winkel: klanten ontvangen, brillen schoonmaken, kleine reparaties.
Apotheek Arnhem Centrum | T | Taalstage apotheekbalie | apotheek, balie, klanten | 6811 | l | s:A2,r:A2 | am2 | 8-12 | rL | Je helpt aan de balie en bij het klaarzetten van medicijnen.
Kruidvat Molenstraat | T | Taalstage drogisterij | drogisterij, verkoop, vakken vullen | 6511 | m | s:A2 | day2 | 8-12 | r | Vakken vullen, klanten de weg wijzen en afrekenen.
Kringloop Nijmegen | V | Winkelmedewerker kringloopwinkel | kringloop, winkel, verkoop | 6541 | m | s:A1 | day1 | 4-8 | s | Spullen prijzen, de winkel inrichten en klanten helpen in onze kringloopwinkel.
Kringloop Nijmegen | V | Textielsortering kringloop | textiel, sorteren, kleding | 6541 | m | - | day1 | 4-8 | | Ingeleverde kleding sorteren op kwaliteit en seizoen, voor de winkel of de recycling.
Jumbo Dukenburg | T | Taalstage supermarkt | supermarkt, vakken vullen, kassa | 6535 | m | s:A2 | day2 | 8-16 | r | Vakken vullen, versafdeling bijhouden en later achter de kassa.
Weggeefwinkel Wijchen | V | Medewerker weggeefwinkel | weggeefwinkel, kleding, spullen | 6601 | l | - | am1 | 2-4 | k | Spullen aannemen, sorteren en uitdelen aan wie het nodig heeft.
Wereldwinkel Nijmegen | V | Verkoper Wereldwinkel | wereldwinkel, fair trade, verkoop | 6511 | l | s:B1 | sat | 4 | r | Klanten vertellen over fair trade producten en afrekenen.
Dorpswinkel Druten | T | Taalstage dorpssupermarkt | supermarkt, winkel, klanten | 6651 | m | s:A2 | day2 | 8-12 | r | In onze dorpssupermarkt vul je vakken en help je klanten.
Rataplan Arnhem | W | Werkervaringsplaats winkelmedewerker kringloop | kringloop, winkel, logistiek | 6825 | m | s:A1 | day3 | 16-24 | s | Spullen ophalen, prijzen en verkopen in onze kringloopwarenhuis.
Modehuis Arnhem | T | Taalstage kledingwinkel | kledingwinkel, mode, verkoop | 6811 | l | s:A2 | day2 | 8-12 | r | Kleding vouwen, paskamers bijhouden en klanten adviseren.
Naaiatelier Vrouwencentrum Al Amal | V | Naaiatelier vrouwencentrum | naaiatelier, naaimachine, vrouwen | 6535 | l | - | wed_am | 2-3 | Wk | Samen met andere vrouwen kleding maken en herstellen aan de naaimachine.
Atelier De Lapjeskast | W | Werkervaringsplaats kledingreparatie | kledingreparatie, vermaken, atelier | 6512 | l | s:A1 | day3 | 16-24 | s | In ons atelier vermaken en repareren we kleding voor klanten: zomen, ritsen, naden.
Theater Orpheus Arnhem | V | Vrijwilliger kostuumatelier | kostuums, theater, atelier | 6812 | l | s:A2 | day1 | 3-6 | | Kostuums maken en herstellen voor voorstellingen, met onze kostuumontwerper.
Kringloop Nijmegen | T | Taalstage naaiwerkplaats kringloop | naaiwerkplaats, textiel, upcycling | 6541 | l | s:A1 | day2 | 6-12 | s | Van oude stoffen nieuwe tassen en kussens maken.
Stichting Naaicafé Arnhem | V | Gastvrouw/gastheer naaicafé | naaicafé, handwerk, ontmoeting | 6825 | l | - | thu_pm | 2-3 | k | Elke donderdag kunnen buurtbewoners hier naaien, breien en haken; jij helpt en zet koffie.
Confectieatelier Wijchen | W | Leerwerkplek confectie | confectie, productie, stoffen | 6604 | m | s:A1 | full | 24-32 | | Naaiwerk aan productielijnen voor bedrijfskleding: stikken, overlocken, afwerken.
Moestuin De Kwekerij | V | Vrijwilliger moestuin | moestuin, groente, buiten | 6543 | m | - | day1 | 3-6 | k | Zaaien, wieden en oogsten in onze buurtmoestuin. De oogst gaat naar de voedselbank.
Groenbedrijf Gemeente Nijmegen | W | Werkervaringsplaats groenvoorziening | groenvoorziening, maaien, snoeien | 6541 | h | s:A1 | full | 24-32 | | In een ploeg van de gemeente parken en plantsoenen onderhouden: maaien, snoeien, bladblazen.
Stadsboerderij Het Hof | V | Helpen op de stadsboerderij | stadsboerderij, dieren, tuin | 6545 | m | - | am1 | 3-6 | k | Koeien en kippen verzorgen en de boerderijtuin bijhouden. Gezinnen zijn welkom.
Dierenasiel Nijmegen | V | Verzorger honden en katten asiel | dierenasiel, honden, katten | 6541 | m | s:A1 | day1 | 3-6 | | Hokken schoonmaken, honden uitlaten en katten verzorgen.
Kwekerij De Groene Vlinder | W | Werkervaringsplaats kwekerij | kwekerij, planten, kas | 6602 | m | - | day3 | 16-24 | | Stekken, oppotten en planten verzorgen in de kassen van onze biologische kwekerij in Wijchen.
Bloemenzaak Flora | T | Taalstage bloemenwinkel | bloemen, boeketten, winkel | 6512 | l | s:A2 | am2 | 6-10 | r | Boeketten binden, bloemen verzorgen en klanten helpen.
Tuinen van Mien Ruys Druten | V | Tuinvrijwilliger landgoed | landgoed, tuin, snoeien | 6651 | m | - | day1 | 3-6 | | Op ons landgoed bij Druten help je met snoeien, harken en perken onderhouden.
Boerderij De Lingehof Druten | W | Werkervaringsplaats akkerbouw en groente | akkerbouw, groente, oogst | 6651 | h | - | day3 | 16-24 | | Groenten zaaien, verplanten en oogsten op een biologische boerderij.
Natuurmonumenten Ooijpolder | V | Natuurwerkdag vrijwilliger | natuur, landschapsbeheer, buiten | 6576 | h | s:A1 | sat | 4-6 | | Wilgen knotten, heggen leggen en rasters plaatsen in de Ooijpolder.
Stadsakker Arnhem | V | Vrijwilliger stadsakker | stadsakker, groente, buurt | 6826 | m | - | day1 | 3-6 | k | Samen met buurtbewoners groente telen op de stadsakker in Presikhaaf.
Burgers' Zoo | V | Gastheer/gastvrouw dierenpark | dierenpark, gastvrijheid, bezoekers | 6816 | l | s:B1 | wkend | 4-8 | r | Bezoekers informeren over de dieren en de routes in het park.
Volkstuinvereniging Beuningen | V | Tuinier gemeenschappelijke tuin | tuin, groente, vereniging | 6641 | m | - | day1 | 3-6 | k | De gemeenschappelijke tuin van onze vereniging bijhouden en de kas verzorgen.
Hoveniersbedrijf Van Wijk Beuningen | W | Werkervaringsplaats hovenier | hovenier, tuinaanleg, bestrating | 6642 | h | s:A1 | full | 24-32 | | Tuinen aanleggen en onderhouden bij particulieren: bestraten, planten, snoeien.
Kinderboerderij Beuningen | V | Dierverzorging kinderboerderij Beuningen | dieren, kinderboerderij, verzorging | 6641 | m | - | am1 | 3-6 | k | Dieren voeren, hokken schoonmaken en bezoekers helpen.
Voedselbank Nijmegen | V | Medewerker uitgifte voedselbank | voedselbank, uitgifte, pakketten | 6541 | m | - | thu_pm | 3-4 | | Voedselpakketten samenstellen en uitdelen aan klanten op donderdag.
Voedselbank Nijmegen | V | Chauffeur bestelbus voedselbank | chauffeur, bestelbus, rijbewijs B | 6541 | m | s:A2 | am1 | 4 | | Met onze bestelbus producten ophalen bij supermarkten. Rijbewijs B nodig.
Logistiek Centrum Nijmegen | W | Werkervaringsplaats orderpicker | orderpicker, magazijn, scanner | 6541 | h | s:A1 | full | 24-32 | | Orders verzamelen met de handscanner, pallets stapelen, werken met de pompwagen.
Logistiek Centrum Nijmegen | T | Taalstage magazijnmedewerker | magazijn, voorraad, ontvangst | 6541 | m | s:A1 | day2 | 8-16 | s | Goederen ontvangen, controleren en in het magazijn zetten.
Buurtbus Wijchen | V | Chauffeur buurtbus | buurtbus, chauffeur, rijbewijs | 6602 | l | s:B1 | day1 | 4-8 | r | Reizigers vervoeren tussen de kernen van Wijchen. Rijbewijs B en een medische keuring nodig.
Distributiecentrum Druten | W | Werkervaringsplaats heftruckchauffeur | heftruck, distributiecentrum, logistiek | 6651 | h | s:A2 | full | 24-32 | | Vrachtwagens laden en lossen met de heftruck; je haalt je heftruckcertificaat bij ons.
Voedselbank Arnhem | V | Sorteerder voedselbank Arnhem | voedselbank, sorteren, magazijn | 6827 | m | - | day1 | 3-6 | | Ingezamelde producten sorteren op houdbaarheid en in de stellingen zetten.
Rode Kruis Nijmegen | V | Vrijwilliger evenementenhulpverlening | EHBO, evenementen, hulpverlening | 6531 | m | s:B1,l:B1 | wkend | 4-8 | | Met een EHBO-diploma eerste hulp verlenen bij evenementen zoals de Vierdaagse.
Bouwbedrijf Heijmans leerwerkproject | W | Leerwerkplek timmerman | timmerman, bouw, hout | 6541 | h | s:A2 | full | 24-32 | | Op de bouwplaats meewerken aan kozijnen, vloeren en daken met een leermeester.
Schildersbedrijf Kleurrijk | W | Werkervaringsplaats schilder | schilder, verf, woningen | 6603 | m | s:A1 | full | 24-32 | | Woningen binnen en buiten schilderen: schuren, plamuren, gronden en aflakken.
Buurthuis De Klimop | V | Schilderen in het buurthuis | schilderen, opknappen, buurthuis | 6543 | m | - | sat | 3-6 | | We knappen samen de zalen op: muren sauzen en kozijnen lakken.
Bouwmaatje Arnhem | W | Werkervaringsplaats renovatie | renovatie, bouw, sloop | 6825 | h | s:A1 | full | 24-32 | | Woningen van de corporatie strippen en renoveren: slopen, tegelen, stucen.
Taalcafé Nijmegen | V | Gastvrouw/gastheer taalcafé | taalcafé, ontmoeting, gesprekken | 6511 | l | s:B1 | eve1 | 2-3 | r | Gesprekken leiden aan een tafel met nieuwkomers die Nederlands oefenen.
Bibliotheek Wijchen | V | Vrijwilliger bibliotheek | bibliotheek, boeken, balie | 6602 | l | s:A2,r:A2 | am1 | 3-4 | rL | Boeken terugzetten, de uitleenbalie helpen en de leestafel bijhouden.
Bibliotheek Gelderland Zuid | T | Taalstage bibliotheek | bibliotheek, boeken, lezers | 6511 | l | s:A2,r:A2 | day2 | 8-12 | rL | Boeken sorteren, bezoekers helpen zoeken en activiteiten voorbereiden.
Taalhuis Arnhem | V | Taalmaatje voor nieuwkomers | taalmaatje, Nederlands, ontmoeting | 6811 | l | s:B1,l:B1,r:B1 | day1 | 2 | rL | Eens per week Nederlands oefenen met een nieuwkomer.
Tolkennetwerk Nijmegen | V | Sleutelpersoon Arabisch sprekende gemeenschap | sleutelpersoon, voorlichting, Arabisch | 6524 | l | s:A2 | eve1 | 2-4 | | Voorlichting geven aan Arabisch sprekende nieuwkomers over school, zorg en gemeente.
Vluchtelingenwerk Oost Nederland | V | Vrijwillig maatschappelijk begeleider | begeleiding, nieuwkomers, post | 6511 | l | s:B1,l:B1,r:B1 | day1 | 4-8 | L | Nieuwkomers helpen met brieven, toeslagen en afspraken.
Museum Het Valkhof | V | Gastheer/gastvrouw museum | museum, bezoekers, gastvrijheid | 6511 | l | s:B1 | wkend | 4-6 | r | Bezoekers ontvangen, kaartjes scannen en vertellen over de tentoonstelling.
Vierdaagse Nijmegen | V | Evenementenvrijwilliger | evenementen, opbouw, festival | 6511 | h | - | sat | 4-8 | | Tenten opbouwen, hekken plaatsen en afval ruimen rond het evenement.
Sportvereniging Wijchen | V | Materiaalman sportclub | sportclub, materiaal, onderhoud | 6604 | m | - | eve1 | 2-4 | | Doelen, ballen en kleedkamers klaarzetten bij trainingen.
Zwembad De Meren | T | Taalstage zwembad | zwembad, receptie, toezicht | 6535 | m | s:A2 | day2 | 8-12 | r | Aan de kassa, bij het toezicht en schoonmaak van het zwembad.
Kerk De Ontmoeting | V | Gastvrouw/gastheer inloopochtend | inloop, koffie, ontmoeting | 6603 | l | - | wed_am | 2 | k | Op woensdagochtend koffie schenken en mensen verwelkomen.
Moskee Wijchen | V | Vrijwilliger huiswerkbegeleiding moskee | huiswerk, jongeren, moskee | 6603 | l | s:A2 | eve1 | 2-4 | | Kinderen helpen met hun huiswerk na school.
Stichting Present | V | Klussen bij mensen thuis | klussen, hulp, woningen | 6524 | m | s:A1 | sat | 4 | | Een dag klussen bij mensen die het zelf niet kunnen: tuin, behangen, verhuizen.
Vluchtelingenwerk Oost Nederland | V | Sportbuddy | sport, bewegen, maatje | 6524 | m | s:A2 | eve1 | 2 | | Samen sporten met een nieuwkomer: fitness, voetbal of hardlopen.
Kringloop Arnhem | V | Fietsen opknappen voor statushouders | fietsen, reparatie, statushouders | 6827 | m | - | day1 | 3-6 | | Gedoneerde fietsen opknappen zodat nieuwkomers mobiel worden.
Jongerencentrum De Mariënburg | V | Geluid en licht bij concerten | geluid, licht, podium | 6511 | m | s:A2 | eve1 | 3-5 | | Helpen met geluidsinstallatie en lichtshow bij concerten van jongeren.
Welzijn Wijchen | V | Boodschappendienst voor ouderen | boodschappen, ouderen, fietsen | 6601 | m | s:A1 | am1 | 2-3 | | Met de bakfiets boodschappen bezorgen bij ouderen die niet meer zelf kunnen.
Dagbesteding De Werkplaats Nijmegen | W | Assistent activiteitenbegeleider | dagbesteding, begeleiding, cliënten | 6542 | l | s:A2,l:A2 | day4 | 16-24 | r | Mensen met een verstandelijke beperking begeleiden bij werk en activiteiten.
GGZ Pro Persona | V | Vrijwilliger ontmoetingscentrum GGZ | ontmoetingscentrum, gezelschap, spelletjes | 6525 | l | s:A2 | pm1 | 2-4 | | Gezelschap bieden aan cliënten in ons ontmoetingscentrum: koffie, spelletjes, een wandeling.
Gemeente Druten | T | Taalstage buitendienst gemeente | buitendienst, openbare ruimte, onderhoud | 6651 | h | s:A1 | day2 | 8-16 | s | Met de buitendienst zwerfafval ruimen, bankjes repareren en onkruid wieden.
Gemeente Beuningen | V | Zwerfafvalruimer | zwerfafval, buiten, wijk | 6641 | m | - | day1 | 2-4 | | Met grijper en vuilniszak je eigen buurt schoonhouden wanneer het jou uitkomt.
Bakkerij Beuningen | T | Taalstage banketbakkerij | banket, gebak, bakkerij | 6641 | m | s:A1 | am2 | 8-12 | s | Taarten afwerken, gebak vullen en koekjes bakken met onze banketbakker.
Kinderopvang Beuningen | T | Taalstage peuteropvang Beuningen | peuteropvang, spelen, peuters | 6641 | l | s:A2 | am2 | 6-10 | r | Spelen met peuters en de leidsters helpen.
Autoschade Beuningen | W | Werkervaringsplaats autoschadeherstel | autoschade, spuiten, plaatwerk | 6642 | h | s:A1 | full | 24-32 | | Deuken uitdeuken, plaatwerk en spuitwerk leren in ons schadeherstelbedrijf.
Zorgcentrum Beuningen | V | Gastvrouw restaurant zorgcentrum Beuningen | restaurant, bewoners, gastvrijheid | 6641 | l | s:A1 | pm1 | 2-4 | r | In het restaurant van ons zorgcentrum serveer je de lunch aan bewoners.
Zorgcentrum Druten | T | Taalstage zorg en welzijn Druten | zorg, welzijn, bewoners | 6651 | l | s:A1 | am2 | 6-12 | rs | Helpen bij maaltijden en activiteiten voor bewoners in Druten.
Welzijn Druten | V | Koffie-ochtend voor senioren Druten | senioren, koffie, ontmoeting | 6651 | l | - | tue_am | 2-3 | | Ouderen ontmoeten elkaar bij de koffie: jij schenkt en maakt een praatje.
Fietsenmaker Druten | T | Taalstage fietsenmaker Druten | fietsenmaker, werkplaats, onderhoud | 6651 | m | s:A1 | day2 | 8-12 | s | Onderhoud aan fietsen in onze werkplaats.
Kapsalon Druten | T | Taalstage kapsalon Druten | kapsalon, haar, salon | 6651 | l | s:A2 | day2 | 8-12 | r | Wassen, föhnen, vegen en meekijken met de kappers.
Restaurant De Waalkant Druten | W | Werkervaringsplaats keuken restaurant | keuken, restaurant, horeca | 6651 | m | s:A2 | day3 | 16-24 | | Meewerken in de keuken van ons à-la-carterestaurant aan de Waal.
Autogarage Wijchen | T | Taalstage werkplaats autogarage | autogarage, onderhoud, APK | 6604 | h | s:A2 | day2 | 8-12 | s | Meewerken aan onderhoudsbeurten en banden wissel in onze garage.
Kapper Wijchen Centrum | T | Taalstage kapsalon Wijchen | kapsalon, haar, klanten | 6601 | l | s:A2 | day2 | 8-12 | r | Gasten ontvangen, haren wassen en de salon verzorgen.
Zorgcentrum Wijchen | V | Wandelgroep bewoners Wijchen | wandelen, bewoners, zorgcentrum | 6602 | l | - | pm1 | 2 | | Met een groepje bewoners een korte wandeling door het park.
Zorgcentrum Wijchen | W | Werkervaringsplaats zorghulp Wijchen | zorghulp, bewoners, verzorging | 6602 | m | s:A2,l:A2 | day4 | 16-24 | s | Onder begeleiding bewoners helpen met eten, drinken en aankleden.
Basisschool De Wijchense Poort | V | Overblijfmoeder/-vader | overblijven, lunch, leerlingen | 6603 | l | s:A1 | day1 | 2-4 | k | Toezicht houden tijdens de lunchpauze op school.
Wijchen Groen | W | Werkervaringsplaats groenonderhoud Wijchen | groenonderhoud, plantsoenen, buiten | 6604 | h | s:A1 | full | 24-32 | | Plantsoenen onderhouden en bladruimen in Wijchen.
Opticien Wijchen | T | Meeloopstage optiekzaak Wijchen | optiek, brillen, meetkamer | 6601 | l | s:A2 | am2 | 8-12 | r | Meekijken bij oogmetingen, brillen afstellen en klanten ontvangen.
ICT-hulp Wijchen | V | Vrijwilliger computerspreekuur | computerspreekuur, laptops, hulp | 6602 | l | s:A2 | thu_pm | 2 | | Op het computerspreekuur help je inwoners met hun laptop of telefoon.
Restaurant Arnhem De Steeg | W | Werkervaringsplaats zelfstandig kok | kok, keuken, restaurant | 6812 | m | s:A2,l:A2 | full | 24-32 | | Voor ervaren koks: meedraaien op de warme kant van onze restaurantkeuken.
Wijkcentrum Het Dorpshuis Arnhem | V | Gastvrouw/gastheer wijkcentrum | wijkcentrum, ontvangst, koffie | 6825 | l | s:A1 | am1 | 2-4 | | Bezoekers ontvangen en koffie schenken.
Vrouwencentrum Arnhem Oost | V | Kookochtend vrouwen Arnhem | vrouwen, keuken, ontmoeting | 6825 | l | - | wed_am | 2-3 | Wk | Vrouwen uit de wijk bereiden samen gerechten uit hun eigen land en delen recepten.
Vrouwencentrum Arnhem Oost | V | Naaiochtend vrouwencentrum | naaien, vrouwen, ontmoeting | 6825 | l | - | fri_am | 2-3 | Wk | Naaimachines staan klaar; ervaren naaisters leren anderen.
Stichting Kleurrijk Arnhem | T | Taalstage schoonmaak kantoor | schoonmaak, kantoor, taal | 6811 | m | - | am2 | 6-10 | s | Kantoren schoonmaken in de ochtend, met een vaste taalbuddy.
Zorginstelling 's Koonings Jaght | V | Wandelmaatje voor bewoners | wandelen, bewoners, dementie | 6814 | l | s:A1 | day1 | 2 | | Wandelen met bewoners met dementie in het park.
Zorginstelling 's Koonings Jaght | W | Werkervaringsplaats woonbegeleiding | woonbegeleiding, dementie, verzorging | 6814 | m | s:A2,l:A2 | day4 | 16-24 | s | Bewoners met dementie begeleiden bij hun dagritme, onder leiding van een verzorgende.
Arnhem Kliniek | V | Gastvrouw polikliniek | polikliniek, patiënten, ontvangst | 6815 | l | s:B1 | am1 | 3 | r | Patiënten welkom heten bij de polikliniek.
Huisartsenpost Arnhem | T | Taalstage praktijkondersteuning | praktijk, gezondheidszorg, assistentie | 6815 | l | s:B1,r:B1 | am2 | 8-12 | rL | Assisteren bij de balie en bij eenvoudige metingen.
Buurtzorg Nijmegen-Noord | W | Werkervaringsplaats verzorgende in de wijk | wijkverpleging, verzorging, thuis | 6663 | m | s:B1,l:B1,r:A2 | full | 24-32 | L | Meedraaien met een Buurtzorgteam: persoonlijke verzorging, wondzorg onder toezicht.
Leger des Heils Arnhem | V | Maaltijden uitserveren dagopvang | dagopvang, maaltijden, dak- en thuislozen | 6811 | l | - | pm1 | 3 | | Maaltijden uitdelen en afruimen bij de dagopvang.
Thuisbegeleiding Arnhem | V | Gezinsmaatje | gezinnen, ondersteuning, opvoeding | 6825 | l | s:B1 | day1 | 2-4 | | Een gezin ondersteunen bij opvoeding, school en de weg in Arnhem.
Montessorischool Arnhem | T | Taalstage onderwijsassistent | onderwijs, school, leerlingen | 6822 | l | s:A2,l:A2 | am2 | 8-12 | r | Meewerken in de klas: kinderen helpen bij opdrachten en het lokaal klaarzetten.
Kinderdagverblijf Het Speelhuis Arnhem | V | Vrijwilliger baby- en dreumesgroep | baby's, dreumesen, kinderopvang | 6826 | l | s:A1 | am1 | 3-4 | k | Helpen bij het eten en spelen op de baby- en dreumesgroep.
Ziekenhuis CWZ | V | Vrijwilliger koffiekar ziekenhuis | koffiekar, patiënten, ziekenhuis | 6532 | l | s:A2 | am1 | 3 | r | Met de koffiekar langs patiënten op de afdelingen.
Laptop Lab Arnhem | W | Werkervaringsplaats IT-support | IT-support, hardware, netwerk | 6827 | l | s:A2 | full | 24-32 | | Laptops repareren, netwerken aanleggen in kantoren en helpdeskvragen beantwoorden.
Gemeente Beuningen | T | Taalstage ICT en archief | ICT, archief, gemeente | 6641 | l | s:A2,r:A2 | day2 | 8-12 | L | Helpen bij de digitalisering van het archief en bij ICT-vragen van collega's.
Rozengaard Arnhem | V | Tuinvrijwilliger rozentuin | rozentuin, snoeien, park | 6814 | m | - | am1 | 3-4 | | Rozen snoeien en perken onkruidvrij houden in het park.
Stichting Dierenambulance | V | Meerijder dierenambulance | dieren, ambulance, opvang | 6825 | m | s:A2 | wkend | 4-8 | | Gewonde dieren ophalen en verzorgen.
Naaiatelier Nijmegen Oost | W | Werkervaringsplaats coupeuse | coupeuse, patronen, maatwerk | 6522 | l | s:A1 | day3 | 16-24 | | Maatwerk: patronen tekenen, stoffen knippen en kostuums naaien.
Kleermakerij Arnhem | T | Taalstage kleermakerij | kleermakerij, vermaken, klanten | 6811 | l | s:A2 | day2 | 8-12 | r | Broeken zomen, pakken vermaken en klanten helpen.
Wijkrestaurant Hatert | V | Kok voor de wijkmaaltijd | wijkmaaltijd, keuken, maaltijden | 6535 | m | - | fri_pm | 4 | k | Op vrijdag een driegangenmenu bereiden voor 30 buurtbewoners.
Grand Café Wijchen | T | Taalstage horeca Wijchen | horeca, bediening, keuken | 6601 | m | s:A2 | day2 | 8-12 | r | Helpen in de bediening en in de keuken van ons grand café.
Kindercentrum Wijchen | T | Taalstage kinderopvang Wijchen | kinderopvang, kinderen, spelen | 6602 | l | s:A2 | am2 | 8-12 | rs | Spelen, eten en zingen met kinderen van 0 tot 4 jaar.
Stichting Ouderenwerk Nijmegen | V | Bezoekvrijwilliger thuiswonende ouderen | ouderen, bezoek, gezelschap | 6535 | l | s:A2 | day1 | 2 | | Wekelijks op bezoek bij een alleenstaande oudere in Dukenburg.
Taalschool Nijmegen | V | Vrijwilliger oppas tijdens taalles | oppas, kinderen, taalles | 6524 | l | - | monwed | 4-6 | Wk | Op de kinderen passen terwijl hun moeders les hebben.
Centrum voor Jeugd Nijmegen | V | Zwemmaatje voor kinderen | zwemmen, kinderen, begeleiding | 6535 | m | s:A2 | sat | 2 | | Kinderen begeleiden naar zwemles.
Kringloop Nijmegen | W | Werkervaringsplaats chauffeur kringloop | chauffeur, ophaaldienst, verhuizen | 6541 | h | s:A2 | full | 24-32 | | Met de vrachtwagen meubels ophalen bij particulieren; rijbewijs B verplicht.
Gemeente Nijmegen | V | Vrijwilliger ontvangst stadhuis | ontvangst, stadhuis, bezoekers | 6511 | l | s:B1 | am1 | 3 | r | Bezoekers van het stadhuis de weg wijzen.
Buurthuis 't Hert | V | Spelletjesmiddag voor ouderen | ouderen, spelletjes, buurthuis | 6535 | l | s:A1 | thu_pm | 2 | | Elke donderdag klaverjassen, rummikub en bingo met ouderen.
Zorgcentrum Dukenburg | V | Gastheer/gastvrouw zorgcentrum restaurant | restaurant, gastvrijheid, bewoners | 6535 | l | s:A2 | pm1 | 2-4 | r | Bewoners ontvangen in het restaurant en koffie schenken.
Woonzorg Nijmegen-Oost | V | Muziek- en zangmiddag ouderen | muziek, zingen, ouderen | 6522 | l | s:A2 | wed_pm | 2 | | Muziek maken en zingen met onze bewoners.
Sport Nijmegen | V | Buurtsportcoach assistent | buurtsport, bewegen, jeugd | 6537 | m | s:A2 | pm1 | 3-6 | | Na schooltijd sport en spel voor kinderen in Dukenburg.
Fysiotherapie De Meren | T | Taalstage fysiotherapiepraktijk | fysiotherapie, praktijk, receptie | 6535 | l | s:A2,r:A2 | am2 | 8-12 | rL | Receptie, afspraken maken en de oefenzaal bijhouden.
Mediamarkt Arnhem | T | Taalstage elektronicawinkel | elektronica, winkel, computers | 6811 | l | s:A2 | day2 | 8-12 | r | Klanten helpen bij laptops en telefoons, en in het magazijn.
Bakkerij Arnhem Centrum | W | Werkervaringsplaats bakkersgezel | bakker, brood, ovens | 6811 | h | s:A1 | am3 | 16-24 | | Vroege ochtendploeg: brood en banket bakken met de bakkersmeester.
Lunchroom De Zon Arnhem | V | Vrijwilliger keuken lunchroom | lunchroom, keuken, broodjes | 6824 | l | s:A1 | am1 | 3-6 | s | Broodjes beleggen, soep maken en afwassen in onze sociale lunchroom.
Woonzorgcentrum Presikhaaf | W | Werkervaringsplaats helpende welzijn | helpende, welzijn, bewoners | 6825 | m | s:A2,l:A2 | day4 | 16-24 | s | Je ondersteunt bewoners bij dagelijkse activiteiten en maaltijden.
Woonzorgcentrum Presikhaaf | V | Samen tuinieren met bewoners | tuinieren, bewoners, buiten | 6825 | l | - | am1 | 2 | | Met bewoners plantjes potten en de binnentuin verzorgen.
Sportcentrum Papendal | W | Werkervaringsplaats terreinbeheer | terrein, onderhoud, sport | 6816 | h | s:A1 | full | 24-32 | | Sportvelden en terreinen onderhouden.
Stadsschouwburg Nijmegen | V | Garderobe en zaalwacht | garderobe, zaalwacht, theater | 6511 | l | s:A2 | eve1 | 3-4 | r | Jassen aannemen en bezoekers naar hun plaats wijzen.
Zorgcentrum Dukenburg | V | Zondagmiddag gezelschap bewoners | gezelschap, bewoners, zondag | 6535 | l | s:A1 | wkend | 2 | c | Op zondag gezelschap bieden aan bewoners zonder bezoek.
Fietsenwerkplaats De Wijkwerkplaats | V | Fietsles geven aan volwassenen | fietsles, verkeer, nieuwkomers | 6542 | m | s:A2 | sat | 2 | f | Nieuwkomers leren fietsen op het plein van de werkplaats.
Optiek Arnhem Zuid | W | Werkervaringsplaats opticiën-assistent | opticiën, glazen, slijpen | 6836 | l | s:A2 | day4 | 16-24 | f | Glazen slijpen en monteren in onze werkplaats. Vol tot het voorjaar.
Kapsalon Knip & Go | V | Vrijwillig knippen bij de daklozenopvang | knippen, opvang, haar | 6511 | l | - | fri_pm | 2 | c | Eens per maand gratis knippen voor gasten van de opvang. Tijdelijk gestopt.
Restaurant De Ontmoeting | T | Taalstage keuken De Ontmoeting | keuken, maaltijden, horeca | 6602 | m | s:A1 | am2 | 6-10 | f | Taalstage in de keuken: alle plekken zijn bezet.
ICT-bedrijf Noviotech | T | Taalstage helpdesk | helpdesk, klanten, software | 6534 | l | s:A2 | day2 | 8-12 | c | Klanten telefonisch helpen met softwarevragen. Gesloten.
Verpleeghuis Jonkerbos | V | Avondgezelschap bewoners | bewoners, avond, gezelschap | 6532 | l | s:A1 | eve1 | 2 | f | 's Avonds een spelletje of een praatje met bewoners. Vol.
Naaiatelier Vrouwencentrum Al Amal | W | Werkervaringsplaats naaiatelier | naaiatelier, productie, vrouwen | 6535 | l | s:A1 | day3 | 12-20 | cW | Productie van tassen voor een webwinkel. Nog niet open.
Garage Arnhem-Zuid | W | Werkervaringsplaats monteur | monteur, garage, techniek | 6836 | h | s:A2 | full | 24-32 | f | Volledige werkervaringsplaats als monteur. Bezet.
Peuterspeelzaal Het Kwetternest | T | Taalstage peuterspeelzaal | peuters, spelen, speelzaal | 6537 | l | s:A2 | am2 | 6-10 | f | Taalstage bij de peuters, vol tot de zomer.
Bibliotheek Gelderland Zuid | V | Huiswerkbegeleiding bibliotheek | huiswerk, scholieren, bibliotheek | 6511 | l | s:B1,r:B1 | pm1 | 2 | L | Scholieren helpen met huiswerk in de studiezaal.
Islamitische Stichting Arnhem | V | Vrijwilliger vrouwengroep moskee | vrouwengroep, activiteiten, ontmoeting | 6826 | l | - | thu_am | 2-3 | Wk | Activiteiten organiseren voor vrouwen: koken, naaien, uitstapjes.
Sociaal Wijkteam Hatert | V | Buurtgastvrouw Hatert | buurt, bewoners, ontmoeting | 6535 | l | s:A2 | day1 | 2-4 | k | Bewoners uitnodigen voor activiteiten en het wijkteam wegwijs maken.
Schoonmaakcoöperatie Wijchen | W | Werkervaringsplaats schoonmaak particulieren | schoonmaak, huishouden, particulieren | 6601 | m | - | day3 | 12-20 | | Bij particulieren het huis schoonmaken, in een vast rooster.
Werkbedrijf Rijk van Nijmegen | W | Productiemedewerker inpak en montage | productie, inpakken, montage | 6541 | m | - | day4 | 16-32 | | Eenvoudig montage- en inpakwerk in een beschutte werkomgeving.
Werkbedrijf Rijk van Nijmegen | T | Taalstage productie en logistiek | productie, logistiek, inpakken | 6541 | m | - | day2 | 8-16 | s | Inpakwerk en orderverzameling met een taalcoach op de werkvloer.
Schoonmaakbedrijf Nijmegen Schoon | V | Schoonmaken voor de moskee en het buurthuis | schoonmaak, buurthuis, moskee | 6543 | m | - | fri_am | 2-3 | | Op vrijdag de gebedsruimte en het buurthuis schoonmaken.
Vrouwenwerkplaats Nijmegen | W | Werkervaringsplaats schoonmaak vrouwenteam | schoonmaak, vrouwenteam, kantoren | 6524 | m | - | am3 | 12-16 | W | Schoonmaken van kantoren in een team van alleen vrouwen, met een vrouwelijke leidinggevende.
Vrouwenwerkplaats Nijmegen | T | Taalstage keuken vrouwenwerkplaats | keuken, vrouwen, catering | 6524 | m | - | am2 | 6-12 | Wsk | Samen met andere vrouwen catering verzorgen voor vergaderingen; met kinderopvang in het gebouw.
Vrouwenwerkplaats Nijmegen | T | Taalstage naaiatelier vrouwenwerkplaats | naaiatelier, vrouwen, kleding | 6524 | l | - | am2 | 6-12 | WsK | Kleding herstellen en tassen naaien met andere vrouwen; kinderopvang in het gebouw.
Vrouwencentrum Al Amal | V | Gastvrouw vrouwencentrum | gastvrouw, vrouwen, ontmoeting | 6535 | l | - | day1 | 2-4 | Wk | Nieuwe vrouwen welkom heten en koffie en thee zetten.
Voedselbank Wijchen | V | Inpakken voedselpakketten Wijchen | voedselbank, inpakken, pakketten | 6602 | m | - | thu_am | 3 | k | Pakketten samenstellen voor gezinnen in Wijchen.
Dagbesteding De Klaproos Wijchen | V | Creatieve middag dagbesteding | creatief, knutselen, cliënten | 6603 | l | s:A1 | pm1 | 2-3 | | Schilderen, kaarten maken en kleien met cliënten van de dagbesteding.
Atelier Kunst & Co Nijmegen | V | Vrijwilliger open atelier | atelier, schilderen, kunst | 6512 | l | s:A1 | pm1 | 2-4 | | Bezoekers van het open atelier helpen met verf, klei en materialen.
Bloemenveiling Bemmel | W | Werkervaringsplaats bloemen en planten sorteren | bloemen, sorteren, planten | 6681 | m | - | full | 24-32 | | Bloemen en planten sorteren en klaarzetten voor transport.
Tuincentrum Arnhem | T | Taalstage tuincentrum | tuincentrum, planten, klanten | 6826 | m | s:A2 | day2 | 8-12 | r | Planten verzorgen, de winkel bijvullen en klanten helpen.
Hortus Nijmegen | V | Vrijwilliger kruidentuin | kruidentuin, planten, natuur | 6525 | l | - | day1 | 2-4 | | Kruiden en geneeskrachtige planten verzorgen in onze tuin. Rustig werk.
Bibliotheek Arnhem | V | Boeken aan huis bezorgen | boeken, bezorgen, ouderen | 6811 | l | s:A2 | am1 | 2 | | Boeken bij mensen thuis brengen die niet naar de bibliotheek kunnen.
Gemeente Nijmegen | W | Werkervaringsplaats klantcontactcentrum | klantcontact, telefoon, vragen | 6511 | l | s:B1,l:B1,r:B1,w:A2 | day4 | 16-24 | rL | Vragen van inwoners aan de telefoon en per e-mail beantwoorden.
Uitzendbureau Startbaan | V | Vrijwilliger sollicitatiespreekuur | sollicitatie, cv, computer | 6511 | l | s:B1,r:B1,w:B1 | thu_pm | 2 | L | Nieuwkomers helpen met hun cv en sollicitatiebrieven op de computer.
Rijnstate Ziekenhuis | T | Taalstage sterilisatieafdeling | sterilisatie, instrumenten, ziekenhuis | 6815 | m | s:A2,r:A1 | day2 | 8-16 | s | Instrumenten reinigen, controleren en inpakken volgens protocol.
Radboudumc | T | Taalstage voedingsassistent | voeding, patiënten, ziekenhuis | 6525 | l | s:A2 | day2 | 8-12 | rs | Maaltijden rondbrengen op de afdeling en menuwensen van patiënten opnemen.
Mondzorg Nijmegen | T | Taalstage tandartsassistent | tandarts, praktijk, assistent | 6524 | l | s:B1,r:A2 | am2 | 8-12 | rL | Instrumenten klaarzetten, sterilisatie en balie in een tandartspraktijk.
Meiden- en vrouwenhuis Nijmegen | V | Naaiproject voor moeders | naaiproject, moeders, stof | 6537 | l | - | tue_am | 2-3 | Wk | Moeders maken samen kinderkleding en gordijnen; de kleintjes spelen in de hoek ernaast.
Meiden- en vrouwenhuis Nijmegen | V | Moeder-en-kindochtend begeleiden | moeder-en-kindochtend, peuters, spelen | 6537 | l | - | fri_am | 2-3 | Wk | Elke vrijdag spelen moeders met hun peuters; jij helpt met spelletjes, liedjes en fruit.
Vrouwenrestaurant Hatert | V | Keukenhulp vrouwenrestaurant | vrouwenrestaurant, keuken, gerechten | 6535 | m | - | wed_am | 3-4 | Wk | Vrouwen uit de wijk koken om de beurt een gerecht uit hun land; jij snijdt, roert en helpt opdienen.
Vrouwencentrum Al Amal | T | Taalstage textielatelier vrouwen | textielatelier, vrouwen, herstellen | 6535 | l | - | day1 | 3-6 | Wsk | Kleding herstellen en tassen maken voor de verkoop, met een taalbuddy en kinderen welkom.
Vrouwencentrum Al Amal | V | Schoonmaakochtend vrouwencentrum | opruimen, vrouwen, centrum | 6535 | l | - | fri_am | 2-3 | Wk | Samen het centrum schoon en gezellig houden na de week.
Klarendal Kookt | V | Afwas en keukenhulp buurtrestaurant Klarendal | buurtrestaurant, afwas, keukenhulp | 6822 | m | - | pm1 | 4-6 | | In ons buurtrestaurant help je in de spoelkeuken en bij het voorbereiden van de maaltijd.
Sportbedrijf Arnhem | W | Werkervaringsplaats schoonmaak sporthal Arnhem | sporthal, schoonmaak, kleedkamers | 6828 | m | - | day3 | 12-16 | | Kleedkamers, tribunes en de kantine schoonmaken in een vast team.
Leger des Heils Arnhem | V | Keukenhulp maaltijdproject | maaltijdproject, keuken, opvang | 6811 | m | - | am1 | 4-6 | | Groente schoonmaken en soep voorbereiden voor de maaltijd van de dagopvang.
Heemtuin Wijchen | V | Vrijwilliger heemtuin | heemtuin, inheemse planten, natuur | 6602 | m | - | day1 | 3-6 | | In onze heemtuin wilde planten verzorgen, zaden verzamelen en paden bijhouden.
Dorpshuis Druten | V | Groenploeg dorpshuis Druten | groenploeg, perken, dorp | 6651 | m | - | am1 | 3-4 | k | De perken en bloembakken rond het dorpshuis onderhouden.
Zorgboerderij De Appelhof Druten | W | Werkervaringsplaats kassen zorgboerderij | kassen, zorgboerderij, teelt | 6651 | m | - | day2 | 8-12 | | Tomaten, paprika's en kruiden telen in onze kassen, samen met deelnemers van de zorgboerderij.
Pluktuin Afferden | V | Medewerker pluktuin | pluktuin, bloemen, seizoen | 6654 | m | - | day1 | 3-6 | | Bloemen en fruit in de pluktuin verzorgen en bezoekers wegwijs maken.
Optiek De Brillenmaker Arnhem | T | Taalstage optiekwerkplaats | optiekwerkplaats, glazen, monturen | 6811 | l | s:A2 | day2 | 8-16 | r | Glazen inslijpen, monturen richten en klanten helpen bij het uitzoeken van een bril.
Rijnstate Ziekenhuis | W | Werkervaringsplaats assistent oogheelkunde | oogheelkunde, metingen, polikliniek | 6815 | l | s:B1,l:B1,r:A2 | day4 | 16-24 | rL | Oogdruk en gezichtsscherpte meten en patiënten voorbereiden op de poli oogheelkunde.
Bakkerij De Zuidkant | W | Leerwerkplek broodbakkerij Nijmegen | broodbakkerij, deeg, ovens | 6531 | h | - | am3 | 16-32 | | Vanaf 5 uur brood en broodjes bakken in onze ambachtelijke bakkerij; met een vakopleiding erbij.
Buurthuis Bottendaal | V | Broodbakken met de buurt | brood, bakken, buurthuis | 6512 | m | - | fri_am | 3 | k | Elke vrijdagochtend bakken we met buurtbewoners brood in de buurthuisoven.
Buurtcafé Presikhaaf | V | Gebak en taarten voor het buurtcafé | gebak, taarten, buurtcafé | 6825 | l | - | am1 | 3-4 | k | Elke ochtend staat er iets zelfgebakkens bij de koffie: jij maakt cake, taart of koekjes in onze keuken.
Banketbakkerij Arnhem-Oost | T | Taalstage banketbakkerij Arnhem | banketbakkerij, gebak, productie | 6826 | m | s:A1 | am2 | 6-10 | s | Gebak vullen, taarten afwerken en koekjes bakken met onze banketbakker.
Buurttuin Nijmegen-West | V | Buurttuinier in Nijmegen-West | buurttuin, moestuin, wijk | 6542 | m | - | day1 | 4-6 | k | Bedden omspitten, zaaien en oogsten in de buurttuin; de oogst delen we met de buurt.
Stadskwekerij Nijmegen | T | Taalstage stadskwekerij | stadskwekerij, zaaien, kassen | 6541 | m | - | day2 | 6-12 | s | Zaaien, verspenen en oogsten in de kassen van de stadskwekerij, met een taalmaatje.
Volkstuinpark De Kinkelder | V | Vrijwilliger onderhoud volkstuinpark | volkstuinpark, paden, heggen | 6544 | m | - | am1 | 4-6 | | Heggen knippen, paden bijhouden en de gemeenschappelijke kas verzorgen.
Garage Hoogerheide Wijchen | T | Taalstage werkplaatshulp garage | garage, werkplaats, banden | 6603 | h | - | day2 | 8-12 | s | Banden wisselen, auto's wassen en de monteurs helpen; een collega spreekt Dari.
Loonbedrijf Wijchen | W | Werkervaringsplaats hulpmonteur landbouwmachines | landbouwmachines, onderhoud, werkplaats | 6604 | h | - | day3 | 12-20 | | Onderhoud aan tractoren en maaimachines in onze werkplaats, samen met de monteur.
Zorgcentrum Wijchen | V | Vrijwilliger technische dienst zorgcentrum | technische dienst, klussen, rolstoelen | 6602 | m | - | day1 | 4-6 | | Rolstoelbanden oppompen, lampen vervangen en kleine reparaties in het zorgcentrum.
Jongerenwerk Wijchen | V | Meesleutelen in de brommerwerkplaats | brommers, scooters, sleutelen | 6603 | m | - | pm1 | 4 | | Jongeren sleutelen aan brommers en scooters; jij helpt met je vakkennis.
Buurthuis Bottendaal | V | Haak- en breiclub buurthuis | haken, breien, buurthuis | 6512 | l | - | pm1 | 2-3 | k | Samen haken en breien voor de kraamzorg en het goede doel.
Speel-o-theek Nijmegen | V | Vrijwilliger speel-o-theek | speelgoed, uitlenen, gezinnen | 6524 | l | - | am1 | 2-4 | k | Speelgoed uitlenen aan gezinnen, schoonmaken en controleren.
Dierenbescherming Beuningen | V | Honden uitlaten voor ouderen | honden, uitlaten, ouderen | 6641 | m | - | day1 | 2-4 | | Ouderen die slecht ter been zijn helpen door hun hond uit te laten.
Stichting Kudde Beuningse Uiterwaarden | V | Hulp bij de schaapskudde | schaapskudde, herder, natuurbegrazing | 6642 | m | - | am1 | 3-6 | | Samen met onze herder de schapen verweiden, hekken verzetten en de dieren controleren.
Fietsenzaak Nijmegen-Oost | T | Taalstage tweewielerwerkplaats | tweewielers, werkplaats, onderhoud | 6522 | m | s:A2 | day2 | 8-16 | r | Onderhoud en reparatie van fietsen en e-bikes in onze werkplaats.
NS Fietsenstalling Nijmegen | T | Taalstage fietsenstalling station Nijmegen | fietsenstalling, OV-fiets, reparatie | 6512 | m | s:A1 | day2 | 8-16 | s | OV-fietsen controleren, kleine reparaties en klanten helpen.
Bandenservice Arnhem | W | Werkervaringsplaats bandenservice | banden, uitlijnen, werkplaats | 6827 | h | s:A1 | day3 | 16-24 | | Banden monteren, balanceren en uitlijnen bij personenauto's en bestelbussen.
ROC Rijn IJssel | W | Leerwerkplek automonteur ROC-werkplaats | automotive, leerwerkplek, APK | 6826 | h | s:A2 | day4 | 16-32 | s | Praktijkplek in de werkplaats van de opleiding Autotechniek, met zicht op een BBL-traject.
Garage Presikhaaf | T | Taalstage onderhoudswerkplaats garage | onderhoudsbeurt, remmen, olie | 6825 | h | s:A1 | day2 | 8-12 | s | Onderhoudsbeurten, remmen en olie verversen onder begeleiding van een monteur.
FixPoint Nijmegen | W | Werkervaringsplaats reparatie smartphones | smartphones, reparatie, schermen | 6511 | l | s:A2 | day3 | 16-24 | | Schermen, accu's en laadpoorten van telefoons en tablets vervangen.
ROC Nijmegen | T | Taalstage IT-werkplaats school | IT-werkplaats, hardware, studenten | 6525 | l | s:A2 | day2 | 8-16 | s | Laptops van studenten installeren en repareren, wifi-problemen oplossen met de IT-afdeling.
Game Mania Nijmegen | T | Taalstage gamewinkel | gamewinkel, consoles, verkoop | 6511 | l | s:A2 | day2 | 8-12 | r | Klanten adviseren over consoles en games, inruil en de kassa.
Schildersbedrijf Wijchen | W | Werkervaringsplaats schilder in de wijk | schilderwerk, woningen, buitenschilderwerk | 6603 | m | s:A1 | day4 | 16-24 | | Kozijnen en gevels van huurwoningen schuren en schilderen in een vaste ploeg.
Bouwbedrijf Maas & Waal | W | Leerwerkplek bouwplaats Wijchen | bouwplaats, metselen, timmeren | 6604 | h | s:A1 | day4 | 16-32 | s | Op de bouwplaats meehelpen met metselen, timmeren en het bouwterrein op orde houden.
Talis renovatieteam | W | Werkervaringsplaats renovatie woningen Nijmegen-West | renovatie, tegelen, stucwerk | 6543 | h | s:A2 | day3 | 16-24 | | Badkamers en keukens van huurwoningen vernieuwen met onze vaklieden.
Stukadoorsbedrijf Beuningen | W | Werkervaringsplaats stukadoor | stukadoor, stucwerk, afwerking | 6641 | h | s:A1 | day4 | 16-32 | | Muren en plafonds stucen en afwerken in nieuwbouw en renovatie.
Installatiebedrijf Nijmegen-Zuid | T | Taalstage elektra-installatie | elektra-installatie, bekabeling, groepenkast | 6534 | m | s:A2 | day2 | 8-16 | s | Kabels trekken, wandcontactdozen monteren en groepenkasten aansluiten met een monteur.
Transportbedrijf Wijchen | W | Werkervaringsplaats magazijnmedewerker Bijsterhuizen | magazijn, orderpicken, laden en lossen | 6604 | h | s:A1 | day4 | 16-32 | | Orders verzamelen, vrachtwagens laden en lossen op bedrijventerrein Bijsterhuizen.
Distributiecentrum Beuningen | W | Werkervaringsplaats reachtruck en expeditie | reachtruck, expeditie, pallets | 6641 | h | s:A2 | day3 | 16-32 | | Pallets in- en uitslaan met de reachtruck; certificaat halen we samen.
Distributiecentrum Druten | T | Taalstage logistiek medewerker | logistiek, ontvangst, scannen | 6651 | m | s:A1 | day2 | 8-16 | s | Goederen ontvangen, scannen en wegzetten in ons distributiecentrum.
Scholengroep Rijk van Nijmegen | W | Werkervaringsplaats IT-beheer scholengroep | IT-beheer, netwerk, Chromebooks | 6525 | l | s:A2,r:A2 | day4 | 16-24 | L | Het netwerk, de servers en 2.000 Chromebooks van onze scholen beheren met het IT-team.
Specsavers Nijmegen | T | Taalstage opticiën Specsavers | opticiën, oogmeting, winkel | 6511 | l | s:A2 | day2 | 8-12 | r | Meekijken bij oogmetingen, monturen aanmeten en brillen afleveren.
Lions Club Arnhem | V | Brillen sorteren voor hergebruik | brillen, sorteren, hergebruik | 6812 | l | - | am1 | 2-4 | | Ingezamelde brillen schoonmaken en sorteren op sterkte, voor hergebruik in Afrika.
Kapsalon Nijmegen-Oost | T | Taalstage kapper Nijmegen-Oost | kapper, föhnen, klanten | 6522 | l | s:A2 | day2 | 8-12 | r | Meewerken in een drukke buurtkapsalon: wassen, föhnen en onder toezicht knippen.
Haarstudio Dukenburg | W | Werkervaringsplaats haarstylist | haarstylist, salon, kleuren | 6535 | l | s:A2 | day3 | 12-16 | | Knippen, kleuren en stylen bij vaste klanten van onze studio.
Schoonheidssalon Zuid | T | Taalstage schoonheidssalon | schoonheidssalon, huidverzorging, klanten | 6531 | l | s:A2 | day2 | 8-12 | r | Klanten ontvangen, behandelkamers klaarmaken en meekijken bij gezichtsbehandelingen.
Plus Supermarkt Lindenholt | W | Werkervaringsplaats bake-off afdeling supermarkt | bake-off, afbakken, supermarkt | 6543 | m | s:A1 | am3 | 12-24 | | Brood en broodjes afbakken, de broodafdeling vullen en de ovens schoonhouden.
Bakkerij Al Sham | T | Taalstage bakkerij Nijmegen-West | bakkerij, platbrood, ovens | 6541 | h | - | am2 | 12-16 | s | Platbrood en zoetigheden bakken in onze steenoven; de eigenaar spreekt ook Arabisch.
Woonzorgcentrum Nijmegen-West | V | Bloemschikken met bewoners | bloemschikken, bewoners, activiteit | 6545 | l | - | pm1 | 2 | | Met bewoners bloemstukjes maken voor de tafels in het restaurant.
Buurthuis Lindenholt | V | Kaarten maken en knutselen in het buurthuis | knutselen, kaarten, buurthuis | 6544 | l | - | am1 | 2-3 | k | Wenskaarten, versieringen en seizoensdecoratie maken met buurtbewoners.
Bloemenstal De Tulp | V | Hulp bij de bloemenstal op de markt | bloemenstal, markt, boeketten | 6543 | l | s:A1 | fri_am | 2-4 | | Op de vrijdagmarkt boeketten binden en klanten helpen.
Leger des Heils Arnhem | V | Soep koken en uitschenken inloop | soep, inloop, gasten | 6811 | l | - | day1 | 4-6 | | Soep maken voor de gasten van onze inloop en een praatje maken aan tafel.
Humanitas Arnhem | V | Kookmaatje voor ouderen thuis | ouderen, maaltijd, thuis | 6812 | l | s:A2 | day1 | 4 | | Samen met een oudere thuis een maaltijd bereiden en eten.
Bibliotheek Wijchen | V | Voorlezen aan peuters in de bibliotheek | voorlezen, peuters, bibliotheek | 6602 | l | s:B1,r:B1 | am1 | 2 | L | Elke week een prentenboek voorlezen aan peuters en hun ouders.
Taalhuis Wijchen | V | Taalvrijwilliger Taalhuis | taalhuis, Nederlands, oefenen | 6602 | l | s:B1,r:B1 | day1 | 2-4 | L | Nieuwkomers helpen met Nederlands lezen en schrijven in het Taalhuis.
Bibliotheek Wijchen | V | Leesclub begeleiden voor nieuwkomers | leesclub, eenvoudige boeken, gesprek | 6602 | l | s:B1 | pm1 | 2 | | Samen een makkelijk boek lezen en erover praten.
Historische Kring Wijchen | V | Archiefvrijwilliger historische kring | archief, oude documenten, beschrijven | 6601 | l | s:B1,r:B1 | day1 | 2-4 | L | Oude foto's en documenten beschrijven en opbergen.
Wijkcentrum De Klaproos Wijchen | V | Beheer minibieb wijkcentrum | minibieb, boekenkast, ruilen | 6603 | l | - | day1 | 2 | | De ruilboekenkast in het wijkcentrum bijhouden en nieuwe boeken sorteren.
Stichting Ouderenvervoer Nijmegen | V | Vrijwillige chauffeur ouderenvervoer | vervoer, rijbewijs B, senioren | 6544 | l | s:A2 | day1 | 4-8 | | Ouderen met onze auto naar het ziekenhuis, de huisarts of familie brengen.
Tegelzetbedrijf Wijchen | W | Werkervaringsplaats tegelzetter | tegelwerk, badkamers, vloeren | 6603 | h | s:A1 | day3 | 16-24 | | Wanden en vloeren betegelen in badkamers en keukens, van voegen tot kitten.
"""


def _language(code: str) -> dict[str, str]:
    if code == "-":
        return {}
    if code in ("A1", "A2", "B1", "B2"):  # one level for speaking and listening
        return {"speaking": code, "listening": code}
    pairs = (part.split(":") for part in code.split(","))
    return {_SKILLS[skill]: level for skill, level in pairs}


def _hours(text: str) -> dict[str, int]:
    low, _, high = text.partition("-")
    return {"min": int(low), "max": int(high or low)}


def vacancy(number: int, line: str) -> dict[str, object]:
    """Turn one table line into a vacancy in the profile format."""
    fields = [part.strip() for part in line.split("|")]
    org, kind, title, tags, postcode, load, language, schedule, hours, flags, text = fields
    remote = "R" in flags
    times, needed = SCHEDULES["day1"] if schedule == "R" else SCHEDULES[schedule]
    return {
        "id": f"v-{number:03d}",
        "organisation": org,
        "type": _TYPES[kind],
        "title": title,
        "description": text,
        "tags": [tag.strip() for tag in tags.split(",")],
        "postcode": postcode,
        "remote": remote,
        "schedule": times,
        "dayparts_needed": needed,
        "hours_per_week": _hours(hours),
        "capacity": 2 if kind == "V" else 1,
        "filled": (2 if kind == "V" else 1) if "f" in flags else 0,
        "language_min": _language(language),
        "language_rich": "r" in flags,
        "language_support": "s" in flags,
        "other_languages": [],
        "literacy_required": "L" in flags,
        "childcare": {"offered": "K" in flags, "children_welcome": "k" in flags},
        "women_only": "W" in flags,
        "physical_load": _LOADS[load],
        "duration_weeks": 15 if kind == "W" else None,
        "status": "closed" if "c" in flags else "published",
    }


def build() -> list[dict[str, object]]:
    lines = [line for line in TABLE.strip().splitlines() if line.strip()]
    return [vacancy(number, line) for number, line in enumerate(lines, start=1)]


if __name__ == "__main__":
    vacancies = build()
    path = HERE / "vacancies.json"
    path.write_text(json.dumps(vacancies, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(vacancies)} vacancies -> {path}")
