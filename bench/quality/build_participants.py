"""Write ``participants.json`` of the coach-labelled quality set from the personas below.

Run ``python bench/quality/build_participants.py`` after editing. Each persona is
drawn from the people the reports in ``shared/seeds/`` describe; ``kind`` (an
extra field, ignored by matching) groups them for the balanced split:
``moeder`` (mothers with lessons and children at home), ``z_route`` (A0, often
not literate in the Latin script), ``b1_techniek`` (young men on the B1 route who
want technical work), ``professional`` (a trade or profession from home) and
``gezondheid`` (health limits). Interests are in a coach's words; experience
notes are as the coach typed them, in Dutch, English or Arabic.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")
WEEKDAYS = [f"{d}_{p}" for d in _WEEKDAYS for p in ("morning", "afternoon")]
EVENINGS = [f"{d}_evening" for d in _WEEKDAYS]
SATURDAY = ["sat_morning", "sat_afternoon"]


def _levels(text: str) -> dict[str, str]:
    speaking, listening, reading, writing = text.split()
    return {"speaking": speaking, "listening": listening, "reading": reading, "writing": writing}


def persona(
    pid: str,
    kind: str,
    *,
    sketch: str,
    gender: str,
    postcode: str,
    km: float,
    nl: str,
    other: list[str],
    route: str | None,
    interests: list[str],
    experience: str,
    availability: list[str],
    lessons: list[str] = (),  # type: ignore[assignment]
    childcare: list[str] = (),  # type: ignore[assignment]
    hours: tuple[int, int] = (4, 12),
    literate: bool = True,
    women_only: bool = False,
    load: str = "medium",
    ladder: int = 3,
) -> dict[str, object]:
    return {
        "id": pid,
        "kind": kind,
        "sketch": sketch,
        "postcode": postcode,
        "max_travel_km": km,
        "languages": {"nl": _levels(nl), "other": other},
        "literate_latin": literate,
        "route": route,
        "interests": interests,
        "experience": experience,
        "availability": availability,
        "lessons": list(lessons),
        "childcare_needed": list(childcare),
        "hours_per_week": {"min": hours[0], "max": hours[1]},
        "gender": gender,
        "women_only": women_only,
        "max_physical_load": load,
        "ladder_step": ladder,
    }


PERSONAS = [
    # --- mothers with lessons and children at home ---------------------------------
    persona("p-01", "moeder", sketch="Moeder van drie uit Syrië, lessen ma/wo-ochtend, kinderen thuis di- en do-middag; wil iets met kinderen of in een keuken",
            gender="f", postcode="6602", km=6, nl="A2 A2 A1 A1", other=["ar"], route="B1",
            interests=["kinderen", "koken"], experience="ربة منزل، ساعدت في روضة أطفال في حلب",
            availability=WEEKDAYS, lessons=["mon_morning", "wed_morning"],
            childcare=["tue_afternoon", "thu_afternoon"], hours=(3, 8), ladder=2),
    persona("p-02", "moeder", sketch="Moeder uit Eritrea, kinderen drie middagen thuis, wil schoonmaken of met ouderen werken",
            gender="f", postcode="6535", km=5, nl="A1 A1 A1 A0", other=["ti"], route="Z",
            interests=["schoonmaken", "ouderen"], experience="Thuis voor de kinderen gezorgd, in Eritrea schoongemaakt in een hotel",
            availability=WEEKDAYS, lessons=["tue_morning", "thu_morning"],
            childcare=["mon_afternoon", "wed_afternoon", "fri_afternoon"], hours=(2, 8), ladder=2),
    persona("p-03", "moeder", sketch="Moeder in Presikhaaf, bakt graag, lessen di/do-ochtend, kinderen 's middags thuis",
            gender="f", postcode="6825", km=5, nl="A2 A2 A2 A1", other=["ar", "en"], route="B1",
            interests=["koken", "bakken"], experience="Made cakes and sweets to order from home in Damascus",
            availability=WEEKDAYS, lessons=["tue_morning", "thu_morning"],
            childcare=["mon_afternoon", "tue_afternoon", "wed_afternoon", "thu_afternoon", "fri_afternoon"], hours=(3, 10), ladder=2),
    persona("p-04", "moeder", sketch="Moeder in Beuningen, wil in een winkel werken, liefst met kleding",
            gender="f", postcode="6641", km=8, nl="A2 A2 A2 A2", other=["ar"], route="B1",
            interests=["winkel", "kleding"], experience="عملت بائعة في محل ملابس في حمص",
            availability=WEEKDAYS, lessons=["mon_morning", "wed_morning"],
            childcare=["wed_afternoon", "fri_afternoon"], hours=(4, 12), ladder=3),
    persona("p-05", "moeder", sketch="Moeder in Druten, tuinierde thuis, wil naar buiten",
            gender="f", postcode="6651", km=15, nl="A1 A2 A1 A1", other=["fa"], route="Z",
            interests=["tuinieren", "planten"], experience="Had een grote moestuin in Afghanistan, groente en kruiden",
            availability=WEEKDAYS, lessons=["tue_morning", "thu_morning"],
            childcare=["mon_afternoon", "wed_afternoon"], hours=(3, 10), ladder=2),
    persona("p-06", "moeder", sketch="Moeder in Nijmegen-Zuid die naait, alleen tussen vrouwen, jongste kind thuis",
            gender="f", postcode="6537", km=6, nl="A1 A1 A0 A0", other=["so"], route="Z",
            interests=["naaien", "kinderen"], experience="Sewed clothes for neighbours in Mogadishu",
            availability=WEEKDAYS, lessons=["mon_morning", "thu_morning"],
            childcare=["tue_afternoon", "wed_afternoon", "fri_afternoon"], hours=(2, 6), women_only=True, ladder=2),
    # --- Z route, A0, often not literate in the Latin script ----------------------
    persona("p-07", "z_route", sketch="Oudere man, boer in Syrië, leest geen Latijns schrift, wil buiten werken met groente",
            gender="m", postcode="6541", km=6, nl="A0 A0 A0 A0", other=["ar"], route="Z",
            interests=["tuin", "groente"], experience="مزارع في ريف إدلب، زراعة الخضار والزيتون",
            availability=WEEKDAYS, lessons=["tue_morning", "thu_morning"], hours=(4, 12), literate=False, ladder=2),
    persona("p-08", "z_route", sketch="Vrouw uit Eritrea in Arnhem, A0, schrijft geen Latijns schrift, wil schoonmaken of koken",
            gender="f", postcode="6828", km=7, nl="A0 A1 A0 A0", other=["ti"], route="Z",
            interests=["schoonmaken", "koken"], experience="Cleaned houses and cooked for a family in Khartoum",
            availability=WEEKDAYS, lessons=["mon_morning", "wed_morning"], hours=(4, 16), literate=False, ladder=2),
    persona("p-09", "z_route", sketch="Afghaanse man in Wijchen, A0, sleutelde aan auto's, wil iets met techniek",
            gender="m", postcode="6603", km=8, nl="A0 A0 A0 A0", other=["fa"], route="Z",
            interests=["auto's", "techniek"], experience="Repaired cars and motorbikes in a roadside garage in Herat",
            availability=WEEKDAYS, lessons=["mon_morning", "wed_morning", "fri_morning"], hours=(4, 16), literate=False, load="heavy", ladder=2),
    persona("p-10", "z_route", sketch="Somalische vrouw, A0, houdt van kinderen en handwerk",
            gender="f", postcode="6524", km=5, nl="A0 A1 A0 A0", other=["so"], route="Z",
            interests=["kinderen", "handwerk"], experience="Zorgde voor kinderen in de familie, haakt en borduurt",
            availability=WEEKDAYS, lessons=["tue_morning", "thu_morning"], childcare=["wed_afternoon"], hours=(2, 6), literate=False, ladder=1),
    persona("p-11", "z_route", sketch="Man van 61 met rugklachten, A0, houdt van dieren en wandelen",
            gender="m", postcode="6642", km=7, nl="A0 A0 A0 A0", other=["ar"], route="Z",
            interests=["dieren", "wandelen"], experience="راعي أغنام في سوريا",
            availability=WEEKDAYS, lessons=["mon_morning", "wed_morning"], hours=(2, 6), literate=False, load="medium", ladder=1),
    persona("p-12", "z_route", sketch="Vrouw uit Irak, A0, alleen tussen vrouwen, naait en kookt",
            gender="f", postcode="6535", km=6, nl="A0 A1 A0 A0", other=["ar", "ku"], route="Z",
            interests=["naaien", "koken"], experience="خياطة في البيت وطبخ للعائلة",
            availability=WEEKDAYS, lessons=["tue_morning", "thu_morning"], hours=(2, 8), literate=False, women_only=True, ladder=2),
    # --- B1 route, young men who want technical work -------------------------------
    persona("p-13", "b1_techniek", sketch="Jongen van 19 in Nijmegen, wil fietsen maken en techniek",
            gender="m", postcode="6512", km=6, nl="A2 A2 A2 A1", other=["ti", "en"], route="B1",
            interests=["techniek", "fietsen"], experience="Hielp in de fietsenwerkplaats van het AZC",
            availability=WEEKDAYS, lessons=["mon_morning", "tue_morning", "wed_morning"], hours=(8, 24), load="heavy", ladder=3),
    persona("p-14", "b1_techniek", sketch="Jonge man in Arnhem-Oost, automonteur worden",
            gender="m", postcode="6826", km=8, nl="A2 A2 A2 A2", other=["ar"], route="B1",
            interests=["auto's", "monteur"], experience="Worked two years in his uncle's car workshop in Aleppo: brakes, oil, tyres",
            availability=WEEKDAYS, lessons=["tue_afternoon", "thu_afternoon"], hours=(8, 32), load="heavy", ladder=3),
    persona("p-15", "b1_techniek", sketch="Jongen van 20, gamer, wil met computers werken",
            gender="m", postcode="6525", km=6, nl="A2 B1 A2 A2", other=["ar", "en"], route="B1",
            interests=["computer", "games"], experience="Built his own PCs, fixes phones for friends",
            availability=WEEKDAYS, lessons=["mon_morning", "thu_morning"], hours=(4, 24), ladder=3),
    persona("p-16", "b1_techniek", sketch="Jonge man in Wijchen, wil de bouw in of schilderen",
            gender="m", postcode="6601", km=10, nl="A2 A2 A1 A1", other=["ar"], route="B1",
            interests=["bouw", "schilderen"], experience="عامل بناء ودهان في لبنان",
            availability=WEEKDAYS, lessons=["wed_morning", "fri_morning"], hours=(16, 32), load="heavy", ladder=3),
    persona("p-17", "b1_techniek", sketch="Jonge man, hulp-elektricien geweest, wil elektrotechniek",
            gender="m", postcode="6531", km=8, nl="A2 A2 A2 A2", other=["ar", "en"], route="B1",
            interests=["elektriciteit", "techniek"], experience="Electrician's helper in Damascus: wiring houses, fuse boxes",
            availability=WEEKDAYS, lessons=["mon_morning", "wed_morning"], hours=(8, 32), load="heavy", ladder=3),
    persona("p-18", "b1_techniek", sketch="Jonge man in Druten met auto, wil magazijn/logistiek en heftruck",
            gender="m", postcode="6651", km=20, nl="A2 A2 A1 A1", other=["ti"], route="B1",
            interests=["magazijn", "heftruck"], experience="Werkte in een magazijn in Ethiopië, laden en lossen",
            availability=WEEKDAYS, lessons=["tue_afternoon", "thu_afternoon"], hours=(16, 32), load="heavy", ladder=3),
    # --- professionals --------------------------------------------------------------
    persona("p-19", "professional", sketch="Kok, 12 jaar in een restaurant in Aleppo (voorbeeld uit issue 16)",
            gender="m", postcode="6543", km=8, nl="A2 A2 A2 A1", other=["ar"], route="B1",
            interests=["koken"], experience="Kok in een restaurant in Aleppo, 12 jaar, warme keuken en catering",
            availability=WEEKDAYS, lessons=["tue_morning", "thu_morning"], hours=(8, 32), ladder=3),
    persona("p-20", "professional", sketch="Systeembeheerder bij een bank in Damascus (voorbeeld uit issue 16)",
            gender="m", postcode="6525", km=10, nl="B1 B1 B1 A2", other=["ar", "en"], route="B1",
            interests=["computer", "netwerken"], experience="System administrator at a bank in Damascus: Windows servers, Active Directory, networks",
            availability=WEEKDAYS, lessons=["fri_morning"], hours=(8, 32), load="light", ladder=3),
    persona("p-21", "professional", sketch="Wil verzorgende worden, zorgde in Syrië voor haar grootouders (voorbeeld uit issue 16)",
            gender="f", postcode="6601", km=12, nl="A2 A2 A2 A1", other=["ar"], route="B1",
            interests=["ouderen", "zorg"], experience="اعتنيت بجدتي وجدي لسنوات، أريد أن أصبح ممرضة مساعدة",
            availability=WEEKDAYS, lessons=["mon_morning", "thu_morning"], hours=(4, 24), ladder=3),
    persona("p-22", "professional", sketch="Opticien uit Homs, B1 (voorbeeld uit issue 16)",
            gender="m", postcode="6811", km=20, nl="B1 B1 A2 A2", other=["ar", "en"], route="B1",
            interests=["opticien", "brillen"], experience="Optician for 8 years in Homs: eye tests, fitting frames, grinding lenses",
            availability=WEEKDAYS + SATURDAY, lessons=["tue_morning"], hours=(4, 24), load="light", ladder=3),
    persona("p-23", "professional", sketch="Kapster, spreekt A2 (voorbeeld uit issue 16)",
            gender="f", postcode="6511", km=6, nl="A2 A2 A2 A1", other=["ar"], route="B1",
            interests=["kapper", "haren knippen"], experience="عملت مصففة شعر في صالون نسائي في دمشق عشر سنوات",
            availability=WEEKDAYS, lessons=["mon_morning", "wed_morning"], hours=(8, 16), load="light", ladder=3),
    persona("p-24", "professional", sketch="Verpleegkundige IC uit Asmara, B1",
            gender="f", postcode="6522", km=10, nl="B1 B1 B1 A2", other=["ti", "en"], route="B1",
            interests=["zorg", "verpleging"], experience="Registered nurse, intensive care, 9 years at Orotta hospital in Asmara",
            availability=WEEKDAYS, lessons=["fri_morning"], hours=(8, 32), ladder=3),
    persona("p-25", "professional", sketch="Wiskundeleraar uit Syrië, wil weer voor de klas",
            gender="m", postcode="6541", km=8, nl="B1 B1 B1 B1", other=["ar", "en"], route="onderwijs",
            interests=["lesgeven", "kinderen", "wiskunde"], experience="مدرس رياضيات في مدرسة ثانوية في درعا لمدة خمس عشرة سنة",
            availability=WEEKDAYS + EVENINGS, lessons=["tue_morning"], hours=(2, 24), load="light", ladder=3),
    persona("p-26", "professional", sketch="Kleermaker met eigen zaak in Damascus",
            gender="m", postcode="6824", km=18, nl="A2 A2 A1 A1", other=["ar"], route="B1",
            interests=["naaien", "kleermaker"], experience="Had een eigen kleermakerij in Damascus, maatpakken en vermaakwerk",
            availability=WEEKDAYS, lessons=["mon_morning", "wed_morning"], hours=(4, 24), load="light", ladder=3),
    persona("p-27", "professional", sketch="Bakker uit Aleppo, nachtploegen gewend",
            gender="m", postcode="6512", km=10, nl="A1 A2 A1 A1", other=["ar"], route="B1",
            interests=["bakken", "brood"], experience="خباز في فرن في حلب لمدة عشرين سنة",
            availability=WEEKDAYS, lessons=["tue_afternoon", "thu_afternoon"], hours=(12, 32), load="heavy", ladder=3),
    # --- health limits ----------------------------------------------------------------
    persona("p-28", "gezondheid", sketch="Accountant met rugklachten, alleen licht werk",
            gender="m", postcode="6531", km=8, nl="B1 B1 B1 A2", other=["ar", "en"], route="B1",
            interests=["administratie", "computer"], experience="Accountant at a trading company in Baghdad, Excel and bookkeeping",
            availability=WEEKDAYS, lessons=["thu_morning"], hours=(4, 16), load="light", ladder=3),
    persona("p-29", "gezondheid", sketch="Vrouw met PTSS, kan een paar uur, houdt van bloemen en creatief werk",
            gender="f", postcode="6545", km=5, nl="A2 A2 A1 A1", other=["ar"], route="Z",
            interests=["bloemen", "creatief"], experience="Maakte bloemstukken voor bruiloften in Mosul",
            availability=WEEKDAYS, lessons=["mon_morning"], hours=(2, 4), load="light", ladder=1),
    persona("p-30", "gezondheid", sketch="Man met knieklachten in Arnhem, kookte in een cateringbedrijf, wil mensen helpen",
            gender="m", postcode="6811", km=6, nl="A2 A2 A1 A1", other=["ar"], route="B1",
            interests=["koken", "mensen helpen"], experience="طباخ في شركة تموين في الموصل",
            availability=WEEKDAYS, lessons=["wed_morning", "fri_morning"], hours=(4, 16), load="light", ladder=2),
    persona("p-31", "gezondheid", sketch="Vrouw met chronische pijn in Wijchen, leest graag, wil in de bibliotheek",
            gender="f", postcode="6602", km=5, nl="B1 B1 B1 A2", other=["fa", "en"], route="B1",
            interests=["lezen", "boeken", "taal"], experience="Librarian at a university in Kabul",
            availability=WEEKDAYS, lessons=["tue_morning"], hours=(2, 8), load="light", ladder=3),
    persona("p-32", "gezondheid", sketch="Man met hartklachten, oud-chauffeur, wil licht werk met mensen",
            gender="m", postcode="6544", km=6, nl="A2 A2 A2 A1", other=["ar"], route="Z",
            interests=["ouderen", "auto's"], experience="سائق سيارة أجرة في بغداد",
            availability=WEEKDAYS, lessons=["mon_morning"], hours=(2, 8), load="light", ladder=2),
]


if __name__ == "__main__":
    path = HERE / "participants.json"
    path.write_text(json.dumps(PERSONAS, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(PERSONAS)} personas -> {path}")
