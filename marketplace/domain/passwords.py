"""The password policy: long passphrases over complexity rules (NIST SP 800-63B)."""

from __future__ import annotations

MIN_LENGTH = 12
MAX_LENGTH = 200
# A few of the most used passwords; long enough ones that people still choose.
COMMON = frozenset(
    {
        "wachtwoord123",
        "welkom123456",
        "password1234",
        "123456789012",
        "qwertyuiopas",
        "koppelkans123",
        "demo-wachtwoord",
    }
)


def password_problems(password: str, email: str = "") -> list[str]:
    """Dutch sentences saying why a new password is refused; empty when it is fine."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(f"Kies een wachtwoord van minstens {MIN_LENGTH} tekens.")
    if len(password) > MAX_LENGTH:
        problems.append(f"Kies een wachtwoord van hoogstens {MAX_LENGTH} tekens.")
    lowered = password.lower()
    if lowered in COMMON or len(set(lowered)) < 4:
        problems.append("Dit wachtwoord is te makkelijk te raden. Kies een langere zin.")
    local_part = email.split("@")[0].lower()
    if local_part and len(local_part) >= 4 and local_part in lowered:
        problems.append("Gebruik uw e-mailadres niet in uw wachtwoord.")
    return problems
