"""Languages people speak besides Dutch, by name: the intake offers them as a list a
coach searches by name (nobody knows the code for Tigrinya), and stores the ISO 639-1
code the spec's profiles hold.

The spec allows two-letter codes only, so languages without one of their own share
their macrolanguage's code, and the list says so in the name: Dari and Farsi are `fa`,
Kurmanji and Sorani are `ku`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1
    dutch: str
    english: str


# The languages most spoken by newcomers in the Netherlands first in mind (asylum and
# labour migration), then the neighbours a workplace often has; sorted by Dutch name
# where they are shown.
LANGUAGES: tuple[Language, ...] = (
    Language("ar", "Arabisch", "Arabic"),
    Language("ti", "Tigrinya", "Tigrinya"),
    Language("so", "Somalisch", "Somali"),
    Language("fa", "Perzisch (Farsi, Dari)", "Persian (Farsi, Dari)"),
    Language("ps", "Pasjtoe", "Pashto"),
    Language("ku", "Koerdisch (Kurmanji, Sorani)", "Kurdish (Kurmanji, Sorani)"),
    Language("tr", "Turks", "Turkish"),
    Language("uk", "Oekraïens", "Ukrainian"),
    Language("ru", "Russisch", "Russian"),
    Language("am", "Amhaars", "Amharic"),
    Language("om", "Oromo", "Oromo"),
    Language("en", "Engels", "English"),
    Language("fr", "Frans", "French"),
    Language("es", "Spaans", "Spanish"),
    Language("pt", "Portugees", "Portuguese"),
    Language("de", "Duits", "German"),
    Language("it", "Italiaans", "Italian"),
    Language("pl", "Pools", "Polish"),
    Language("ro", "Roemeens", "Romanian"),
    Language("bg", "Bulgaars", "Bulgarian"),
    Language("hu", "Hongaars", "Hungarian"),
    Language("lt", "Litouws", "Lithuanian"),
    Language("lv", "Lets", "Latvian"),
    Language("cs", "Tsjechisch", "Czech"),
    Language("sk", "Slowaaks", "Slovak"),
    Language("el", "Grieks", "Greek"),
    Language("sq", "Albanees", "Albanian"),
    Language("sr", "Servisch", "Serbian"),
    Language("hr", "Kroatisch", "Croatian"),
    Language("bs", "Bosnisch", "Bosnian"),
    Language("hy", "Armeens", "Armenian"),
    Language("ka", "Georgisch", "Georgian"),
    Language("az", "Azerbeidzjaans", "Azerbaijani"),
    Language("uz", "Oezbeeks", "Uzbek"),
    Language("tk", "Turkmeens", "Turkmen"),
    Language("tg", "Tadzjieks", "Tajik"),
    Language("ur", "Urdu", "Urdu"),
    Language("hi", "Hindi", "Hindi"),
    Language("pa", "Punjabi", "Punjabi"),
    Language("bn", "Bengaals", "Bengali"),
    Language("ne", "Nepalees", "Nepali"),
    Language("ta", "Tamil", "Tamil"),
    Language("my", "Birmaans", "Burmese"),
    Language("zh", "Chinees", "Chinese"),
    Language("vi", "Vietnamees", "Vietnamese"),
    Language("th", "Thai", "Thai"),
    Language("id", "Indonesisch", "Indonesian"),
    Language("tl", "Tagalog", "Tagalog"),
    Language("he", "Hebreeuws", "Hebrew"),
    Language("sw", "Swahili", "Swahili"),
    Language("ln", "Lingala", "Lingala"),
    Language("rw", "Kinyarwanda", "Kinyarwanda"),
    Language("rn", "Kirundi", "Kirundi"),
    Language("ha", "Hausa", "Hausa"),
    Language("yo", "Yoruba", "Yoruba"),
    Language("ig", "Igbo", "Igbo"),
    Language("ff", "Fula", "Fula"),
    Language("wo", "Wolof", "Wolof"),
    Language("mn", "Mongools", "Mongolian"),
)
BY_CODE = {language.code: language for language in LANGUAGES}


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def _names() -> dict[str, str]:
    """Every way a language is written here (code, Dutch and English names, and each
    name between brackets: 'dari', 'kurmanji') -> its code."""
    found: dict[str, str] = {}
    for language in LANGUAGES:
        for name in (language.code, language.dutch, language.english):
            found[_folded(name)] = language.code
            base, _, inner = name.partition("(")
            found[_folded(base)] = language.code
            for part in inner.rstrip(")").split(","):
                if part.strip():
                    found[_folded(part)] = language.code
    return found


_CODES_BY_NAME = _names()


def language_code(text: str) -> str | None:
    """The code for a name or code as people type it ('Somalisch', 'so', 'Dari')."""
    return _CODES_BY_NAME.get(_folded(text))


def language_name(code: str, locale: str = "nl") -> str:
    """The name to show; an unknown code shows as itself."""
    language = BY_CODE.get(code)
    if language is None:
        return code
    return language.english if locale == "en" else language.dutch


def split_languages(text: str) -> list[str]:
    """Comma-, semicolon- or space-separated items; a name of two words stays whole
    when it is known ('Perzisch (Farsi, Dari)' comes in by its code from the list)."""
    if language_code(text) is not None:
        return [text]
    items = [item for item in re.split(r"[,;]", text) if item.strip()]
    result: list[str] = []
    for item in items:
        if language_code(item) is not None:
            result.append(item.strip())
        else:
            result += item.split()
    return result
