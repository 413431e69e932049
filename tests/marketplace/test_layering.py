"""The house's import rules, read from the source (no app needed).

`marketplace/services/` is a stack of capability packages. A package may import
packages below it and itself, never one above; the modules directly in `services/`
compose several packages and sit on top. Below all services lie `domain/` (pure
rules), `models/`, `geo/` and the app's plumbing; they never import a service. No
import circle between service modules, function-local imports included.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVICES = "marketplace.services"

# Lowest first. Keep in step with the README's Layout section.
SERVICE_LAYERS = (
    "platform",
    "profiles",
    "accounts",
    "vacancies",
    "placements",
    "matching",
    "participants",
    "reports",
)
# Packages that must never import a service.
BELOW_SERVICES = ("marketplace.domain", "marketplace.models", "marketplace.geo")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            # `from marketplace.services.platform import audit` imports a module too.
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def marketplace_modules() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in (ROOT / "marketplace").rglob("*.py")}
    return {
        name: {m for m in imported_modules(path) if m in modules and m != name}
        for name, path in modules.items()
        if ".migrations." not in f"{name}."
    }


def layer_of(module: str) -> int | None:
    """Position of a service module's package in the stack; top for composing modules."""
    if not module.startswith(SERVICES + "."):
        return None
    package = module.removeprefix(SERVICES + ".").split(".")[0]
    if package in SERVICE_LAYERS:
        return SERVICE_LAYERS.index(package)
    return len(SERVICE_LAYERS)


GRAPH = marketplace_modules()


def test_every_service_package_has_a_place_in_the_stack() -> None:
    packages = {
        path.name for path in (ROOT / "marketplace/services").iterdir()
        if path.is_dir() and (path / "__init__.py").exists()
    }
    assert packages == set(SERVICE_LAYERS)


@pytest.mark.parametrize("module", sorted(m for m in GRAPH if layer_of(m) is not None))
def test_services_import_only_downwards(module: str) -> None:
    own = layer_of(module)
    assert own is not None
    upward = sorted(
        target for target in GRAPH[module]
        if (layer := layer_of(target)) is not None and layer > own
    )
    assert upward == [], f"{module} imports a higher services package"


@pytest.mark.parametrize(
    "module", sorted(m for m in GRAPH if m.startswith(BELOW_SERVICES))
)
def test_lower_layers_import_no_service(module: str) -> None:
    assert sorted(t for t in GRAPH[module] if t.startswith(SERVICES + ".")) == []


def test_services_import_no_blueprint_or_template_helper() -> None:
    """A service does not reach up into the web layer (views, forms, template filters)."""
    web = ("marketplace.templating", "marketplace.formfields") + tuple(
        f"marketplace.{name}" for name in (
            "auth", "admin", "api", "vacancies", "organisations", "participants",
            "matches", "placements", "reports", "start", "notifications",
        )
    )
    offenders = sorted(
        f"{module} -> {target}"
        for module, targets in GRAPH.items() if module.startswith(SERVICES + ".")
        for target in targets if target.startswith(web) and not target.startswith(SERVICES)
    )
    assert offenders == []


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle among the given modules, or None (depth-first search)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return path[path.index(target):] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_no_import_circle_between_services() -> None:
    services = {
        module: {t for t in targets if t.startswith(SERVICES + ".")}
        for module, targets in GRAPH.items() if module.startswith(SERVICES + ".")
    }
    # A package's __init__ is imported with every module in it; it is empty here,
    # so edges to it carry no cycle of their own.
    assert find_cycle(services) is None


def test_the_circle_finder_finds_a_circle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None
