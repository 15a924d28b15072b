"""The layer rules of docs/architecture.md, checked on the source itself."""

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"


def imported_modules(package: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in sorted((APP / package).rglob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:  # relative: resolve against the package path
                    parts = path.relative_to(APP.parent).with_suffix("").parts
                    base = ".".join(parts[: len(parts) - node.level])
                    names.add(f"{base}.{node.module}" if node.module else base)
                else:
                    names.add(node.module or "")
        found[str(path.relative_to(APP.parent))] = names
    return found


def offenders(package: str, forbidden: tuple[str, ...]) -> list[str]:
    return sorted(
        f"{path}: {name}"
        for path, names in imported_modules(package).items()
        for name in names
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    )


@pytest.mark.parametrize("package", ["core", "auth"])
def test_gui_free_layers_never_import_qt(package):
    assert (APP / package / "__init__.py").exists()
    assert offenders(package, ("PySide6", "qasync", "app.ui")) == []


def test_sandbox_shares_no_code_with_the_client_side():
    assert offenders("sandbox", ("app.core", "app.auth", "app.ui")) == []


def test_no_plain_httpx_anywhere():
    for package in ("core", "auth", "sandbox", "ui"):
        assert offenders(package, ("httpx",)) == [], package


def test_the_checker_sees_imports():
    # Guard against a checker that silently finds nothing.
    assert "argparse" in imported_modules("")["app/cli.py"]


PROVIDER_KEYS = frozenset({"xee", "rufus", "zype"})


def provider_branches(package: str) -> list[str]:
    """Comparisons with a provider's name (==, !=, in, match cases) and literals keyed by
    one: the decisions the provider spec (app.core.providers) should make."""
    found = []
    for path in sorted((APP / package).rglob("*.py")):
        where = path.relative_to(APP.parent)
        found.extend(branches_in(path.read_text(encoding="utf-8"), str(where)))
    return found


def branches_in(source: str, where: str) -> list[str]:
    """provider_branches of one module's source."""

    def named(node: ast.AST) -> bool:
        if isinstance(node, ast.Constant):
            return node.value in PROVIDER_KEYS
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            return any(named(e) for e in node.elts)
        return False

    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare) and any(
                named(n) for n in (node.left, *node.comparators)):
            found.append(f"{where}:{node.lineno}: {ast.unparse(node)}")
        elif isinstance(node, ast.Dict) and any(
                k is not None and named(k) for k in node.keys):
            found.append(f"{where}:{node.lineno}: a literal keyed by provider")
        elif isinstance(node, ast.MatchValue) and named(node.value):
            found.append(f"{where}:{node.lineno}: case {ast.unparse(node.value)}")
    return found


def test_the_ui_never_branches_on_a_provider_name():
    assert provider_branches("ui") == []


def test_the_branch_checker_sees_branches():
    # Guard against a checker that silently finds nothing: each kind of branch it looks
    # for, in a sample (app/core itself no longer compares names: tests/core/
    # test_providers.py), and the documents' error tables, still keyed by provider.
    sample = ('if provider == "xee": pass\n'
              'ok = provider not in ("rufus", "zype")\n'
              'TITLES = {"zype": "Zype"}\n'
              'match provider:\n    case "rufus": pass\n')
    found = branches_in(sample, "sample")
    assert [line.split(": ", 1)[0] for line in found] == [
        "sample:1", "sample:2", "sample:3", "sample:5"], found
    assert any(line.startswith("app/core/errors_table.py") and "a literal keyed by provider"
               in line for line in provider_branches("core"))


def clients_made_in(source: str, where: str) -> list[str]:
    """Where a module decides itself how a provider call is made: it builds a provider's
    client (flow.api_class) or one on the Xee session's own HTTP client (session.client)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and (
                node.attr == "api_class" or (node.attr == "client" and "session" in
                                             ast.unparse(node.value).lower())):
            found.append(f"{where}:{node.lineno}: {ast.unparse(node)}")
    return found


def test_one_place_in_the_ui_decides_how_a_provider_call_is_made():
    """#15 item 1: app.ui.services (call_provider, provider_client) makes the provider's
    clients; the wizard, the pages and the batch dialog ask it."""
    found = [line for path in sorted((APP / "ui").rglob("*.py"))
             if path.name != "services.py"
             for line in clients_made_in(path.read_text(encoding="utf-8"),
                                         str(path.relative_to(APP.parent)))]
    assert found == []
    sample = ("api = flow.api_class(provider)(client, root)\n"
              "other = XeeAPI(services.xee_session.client, root)\n")
    assert sorted(line.split(": ", 1)[0] for line in clients_made_in(sample, "sample")) == [
        "sample:1", "sample:2"]
    assert clients_made_in((APP / "ui/services.py").read_text(encoding="utf-8"), "services")


def pages_named_in(source: str, where: str, allowed: tuple[str, ...]) -> list[str]:
    """Where a module names a wizard page (Page.X) outside the functions `allowed`."""
    found = []

    def visit(node: ast.AST, inside: str) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            inside = node.name
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                and node.value.id == "Page" and inside not in allowed:
            found.append(f"{where}:{node.lineno}: {inside}: Page.{node.attr}")
        for child in ast.iter_child_nodes(node):
            visit(child, inside)

    visit(ast.parse(source), "")
    return sorted(found)


def test_the_window_names_no_page_outside_its_construction():
    """#15 item 4: which page pairs, waits, shows the outcome (undo, a late Cancel) or
    makes Back "Try again" is app.core.flow's (PAGE_ACTIONS, pair_target, can_undo, ...);
    the window names a page only to build the first one."""
    construction = ("page_class", "__init__")
    source = (APP / "ui/wizard.py").read_text(encoding="utf-8")
    assert pages_named_in(source, "wizard.py", construction) == []
    sample = ("def page_class(which):\n    return which is Page.PROVIDER\n"
              "def start_undo(self):\n    if self.current is not Page.RESULT: return\n")
    assert pages_named_in(sample, "sample", construction) == [
        "sample:4: start_undo: Page.RESULT"]


def test_the_result_page_names_no_page_for_its_fix():
    """#15c item 2: where the failed result's Fix leads and what it says is flow's
    (fix_action, the page try_again leads to); the result page names only itself."""
    source = (APP / "ui/pairing_pages.py").read_text(encoding="utf-8")
    result_page = next(node for node in ast.parse(source).body
                       if isinstance(node, ast.ClassDef) and node.name == "ResultPage")
    # "": the class's own `page = Page.RESULT`.
    found = pages_named_in(ast.unparse(result_page), "ResultPage", ("",))
    assert found == []


def state_keys_named_in(source: str, where: str, keys: set[str]) -> list[str]:
    """The string literals of `source` that are a field's state key (flow.FIELDS)."""
    return [f"{where}:{node.lineno}: {node.value!r}" for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Constant) and node.value in keys]


def test_the_device_page_names_no_state_key():
    """#15e item 3: the device page builds, fills and looks up its fields from the specs
    (each Field's names and placeholder, the info's lookup_field and lookup_fills); it
    names no provider's state key (RUFUS's alias, Zype's email and consumer id)."""
    from app.core import flow

    keys = {f.key for f in flow.FIELDS}
    source = (APP / "ui/pairing_pages.py").read_text(encoding="utf-8")
    device_page = next(node for node in ast.parse(source).body
                       if isinstance(node, ast.ClassDef) and node.name == "DevicePage")
    assert state_keys_named_in(ast.unparse(device_page), "DevicePage", keys) == []
    sample = 'if key == "rufus_alias":\n    placeholder = "Front door"\n'
    assert state_keys_named_in(sample, "sample", keys) == ["sample:1: 'rufus_alias'"]


def other_pages_read_in(source: str, where: str) -> list[str]:
    """Where a module reaches a page through the wizard's `pages` (another page's
    widgets) instead of what its host offers (app.ui.host.WizardHost)."""
    return [f"{where}:{node.lineno}: {ast.unparse(node)}"
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Attribute) and node.attr == "pages"
            and "wizard" in ast.unparse(node.value)]


def test_no_page_or_window_reaches_into_another_page():
    """#15e item 2: a page, dialog or tool window uses its host (WizardHost: services,
    check_network, ...), never another page's widgets through `wizard.pages`; only the
    window itself and the screenshots (which stage every page) read it."""
    found = [line for path in sorted((APP / "ui").glob("*.py"))
             if path.name not in ("wizard.py", "screenshots.py")
             for line in other_pages_read_in(path.read_text(encoding="utf-8"),
                                             str(path.relative_to(APP.parent)))]
    assert found == []
    sample = "network = self.wizard.pages[Page.PROVIDER].advanced.network\n"
    assert [line.split(": ", 1)[0] for line in other_pages_read_in(sample, "sample")] == [
        "sample:1"]


def test_provider_display_names_are_defined_once():
    from app.core import flow
    from app.core.errors import provider_name

    titles = {info.title for info in flow.PROVIDERS.values()}
    assert titles == {"Xee", "RUFUS", "Zype"}
    places = [f"{path.relative_to(APP.parent)}:{node.lineno}"
              for path in sorted(APP.rglob("*.py")) if "sandbox" not in path.parts
              for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
              if isinstance(node, ast.Constant) and node.value in titles]
    assert len(places) == len(titles), places
    assert all(p.startswith("app/core/providers.py:") for p in places), places
    assert [provider_name(key) for key in flow.PROVIDERS] == ["Xee", "RUFUS", "Zype"]


def ui_import_graph() -> dict[str, set[str]]:
    """app.ui's modules and the app.ui modules each imports, statically: at the top, in a
    function, or under TYPE_CHECKING (`from app.ui import x` counts as app.ui.x)."""
    graph: dict[str, set[str]] = {}
    for path in sorted((APP / "ui").glob("*.py")):
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "app.ui":
                deps.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("app.ui."):
                deps.add(node.module.split(".")[2])
            elif isinstance(node, ast.Import):
                deps.update(a.name.split(".")[2] for a in node.names
                            if a.name.startswith("app.ui."))
        graph[path.stem] = deps
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import cycles: strongly connected components of more than one module, and
    modules importing themselves."""
    found, stack, seen, low, index = [], [], set(), {}, {}

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        seen.add(node)
        for dep in graph.get(node, ()):
            if dep not in graph:
                continue
            if dep not in index:
                visit(dep)
                low[node] = min(low[node], low[dep])
            elif dep in seen:
                low[node] = min(low[node], index[dep])
        if low[node] == index[node]:
            component = []
            while True:
                dep = stack.pop()
                seen.discard(dep)
                component.append(dep)
                if dep == node:
                    break
            if len(component) > 1 or node in graph[node]:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_app_ui_has_no_import_cycle():
    """#14: pages and windows know the wizard through app.ui.host's protocol; only the
    entry point imports app.ui.wizard."""
    assert cycles(ui_import_graph()) == []


def test_the_cycle_finder_sees_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"a"}}) == [["a"]]
