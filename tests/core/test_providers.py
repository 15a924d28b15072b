"""app.core.providers: one spec per provider. app/core decides nothing by a provider's
name outside the specs, and a fourth provider, registered as a spec, goes through the
flow's GUI-free use-cases without a line of app/core/flow.py changed."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import io
import json
from collections.abc import Iterator, Mapping
from typing import Any

import httpx2
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from app.core import environments, flow, history, providers
from app.core.errors import ProviderError
from app.core.pages import Page
from app.core.providers import Field, ProviderInfo, ProviderSpec
from tests.test_layers import branches_in, provider_branches

# Where a provider's name may still decide: its spec, its client module, and the
# documents' error tables (data keyed by provider, no comparison).
SPEC_MODULES = ("app/core/providers.py", "app/core/xee.py", "app/core/rufus.py",
                "app/core/zype.py")
DATA_MODULES = ("app/core/errors_table.py",)


def test_app_core_compares_no_provider_name_outside_the_specs():
    found = [line for line in provider_branches("core")
             if not line.startswith(SPEC_MODULES)
             and not (line.startswith(DATA_MODULES) and "a literal keyed by provider" in line)]
    assert found == []


# The command line reads the specs too (app/cli_common.py keeps a tuple of the keys for
# argparse's choices: importing the registry there would slow every start down).
CLI_MODULES = ("app/cli.py", "app/cli_common.py", "app/cli_tools.py")


def test_the_command_line_compares_no_provider_name():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    found = [line for where in CLI_MODULES
             for line in branches_in((root / where).read_text(encoding="utf-8"), where)]
    assert found == []


def test_the_provider_tuples_outside_the_registry_are_its_keys():
    from app.core import managed_config

    assert managed_config.PROVIDERS == tuple(providers.SPECS)


def test_the_specs_are_the_registry_and_flow_reads_them():
    assert list(providers.SPECS) == ["xee", "rufus", "zype"]
    assert flow.PROVIDERS is providers.PROVIDERS and flow.FIELDS is providers.FIELDS
    assert history.IDENTIFIER_FIELDS is providers.IDENTIFIER_FIELDS
    assert flow.DEVICE_KEYS == ["xee_device_id", "xee_pin", "rufus_model", "rufus_serial",
                                "rufus_alias", "rufus_firmware", "rufus_type",
                                "zype_consumer_id", "zype_email", "zype_pin"]
    assert [f.key for f in flow.FIELDS][:2] == ["api_key", "api_key"]   # page order
    assert environments.PRODUCTION_ROOTS == {
        "xee": "https://cloud.xee.com/v3", "rufus": "https://api.runonrufus.com/v0",
        "zype": "https://api.zype.com"}
    assert environments.api_root("xee", "sandbox", api_version="v4") \
        == "https://sandbox.xee.com/v4"
    assert environments.api_root("xee", "demo", "http://127.0.0.1:9", api_version="v4") \
        == "http://127.0.0.1:9/xee/v4"


# --- a fourth provider: Acme, whose cloud is a tiny Starlette app ------------------------

def acme_cloud(seen: dict[str, str] | None = None, quota: int = 1000,
               codes: dict[str, str | None] | None = None) -> Starlette:
    """Acme's API: POST /gadgets {serial, code?} -> 201 {gadget_id}; a serial seen
    before: 409; past the day's quota of gadgets: 429 {"code": "quota"} (not a rate
    limit: no Retry-After, and waiting minutes does not help). GET /gadgets?serial=S ->
    [{gadget_id}] (none or one). `codes` records the activation code each bind sent."""
    seen = {} if seen is None else seen
    codes = {} if codes is None else codes

    async def bind(request: Request) -> JSONResponse:
        body = await request.json()
        serial = str(body.get("serial") or "")
        if len(seen) >= quota:
            return JSONResponse({"code": "quota"}, status_code=429)
        if serial in seen:
            return JSONResponse({"message": "serial already bound"}, status_code=409)
        seen[serial] = gadget_id(serial)
        codes[serial] = body.get("code")
        return JSONResponse({"gadget_id": seen[serial]}, status_code=201)

    async def find(request: Request) -> JSONResponse:
        serial = request.query_params.get("serial", "")
        return JSONResponse([{"gadget_id": seen[serial]}] if serial in seen else [])

    return Starlette(routes=[Route("/gadgets", bind, methods=["POST"]),
                             Route("/gadgets", find, methods=["GET"])])


def gadget_id(serial: str) -> str:
    return hashlib.sha256(serial.encode()).hexdigest()[:12].upper()


class AcmeAPI:
    provider = "acme"

    def __init__(self, client: httpx2.AsyncClient) -> None:
        self.client = client

    async def bind(self, serial: str, code: str | None = None) -> str:
        body = {"serial": serial, **({"code": code} if code else {})}
        response = await self.client.post("/gadgets", json=body)
        if response.status_code == 429 and response.json().get("code") == "quota":
            raise ProviderError("acme.quota_spent", "refused",
                                "Acme's daily quota is spent.", provider="acme",
                                status=429)
        if response.status_code == 409:
            raise ProviderError("acme.serial_taken", "refused",
                                "Acme already has this gadget.", provider="acme",
                                status=409)
        response.raise_for_status()
        return str(response.json()["gadget_id"])

    async def find(self, serial: str) -> list[str]:
        response = await self.client.get("/gadgets", params={"serial": serial})
        response.raise_for_status()
        return [str(gadget["gadget_id"]) for gadget in response.json()]


class AcmeSpec(ProviderSpec):
    key = "acme"
    info = ProviderInfo("acme", "Acme", "Gadget: bind it with an api key.", "Bind", "Unbind",
                        "api_key", handover_id="gadget_id")
    fields = (
        Field("api_key", "acme", Page.CREDENTIALS, "Api key", "The Acme key.",
              "rufus.api_key", error_field="api_key"),
        Field("acme_serial", "acme", Page.DEVICE, "Serial number", "On the label.",
              "rufus.serial_number", error_field="serial", column="serial",
              identifier="serial", unique=True),
        # A batch column that is no identifier (a code printed on the gadget, as secret
        # as Xee's pin): never in the journal, the history, the window or the results.
        Field("acme_code", "acme", None, "Activation code", "", "xee.pin",
              required=False, error_field="code", column="code"),
    )
    # Acme's spent quota stops a batch, resumably: the rows stay pending for tomorrow.
    batch_stops = {"acme.quota_spent": "Acme's daily quota is spent: the batch stopped; "
                   "nothing is lost, resume it tomorrow."}
    roots = {"production": "https://api.acme.example/v1"}
    demo_prefix = "/acme/v1"
    identifier_fields = ("serial", "gadget_id")
    result_labels = (("gadget_id", "Gadget id"), ("serial", "Serial number"))
    done_title = "Gadget bound"
    undone_title = "Gadget unbound"
    handover_file_keys = ("serial",)
    handover_file_name_key = "serial"

    def review_rows(self, state: Mapping[str, Any]) -> list[tuple[str, str]]:
        return [("Request", "POST /gadgets"),
                ("Serial number", providers.text(state, "acme_serial").strip())]

    async def pair(self, api: Any, state: Mapping[str, Any]) -> dict[str, Any]:
        serial = providers.text(state, "acme_serial").strip()
        return {"gadget_id": await api.bind(serial), "serial": serial}

    # The batch, through BatchRunner's public interface only.
    async def batch_send(self, runner: Any, row: Any, values: Mapping[str, str]) -> str | None:
        found = await runner.call(lambda acme: acme.bind(values["serial"]))
        row.identifiers["gadget_id"] = found
        return found

    async def batch_resolve(self, runner: Any, row: Any, error: ProviderError | None,
                            reason: str) -> None:
        serial = runner.values_of(row)["serial"]
        found = await runner.check(lambda: runner.api.find(serial))
        if found:
            row.identifiers["gadget_id"] = found[0]
            await runner.settle(row, "done", result=found[0], message="Found bound.")
        elif found is None:
            await runner.settle(row, "unknown", error=error)
        else:
            await runner.send_again(row, "Not bound: sent again.")


@pytest.fixture
def acme():
    providers.register(AcmeSpec())
    try:
        yield
    finally:
        providers.unregister("acme")
    assert "acme" not in flow.PROVIDERS and all(f.provider != "acme" for f in flow.FIELDS)
    from app.core import batch

    assert "acme" not in batch.LAYOUTS and "acme" not in batch.UNIQUE_COLUMN


def pair_with_acme(state: dict[str, Any]) -> dict[str, Any]:
    async def main() -> dict[str, Any]:
        transport = httpx2.ASGITransport(app=acme_cloud())
        async with httpx2.AsyncClient(transport=transport,
                                      base_url="http://acme.test") as client:
            api = AcmeAPI(client)
            first = await flow.pair(api, state)
            try:
                await flow.pair(api, state)
            except ProviderError as error:
                return {"first": first, "again": flow.error_dict(error)}
            raise AssertionError("the second bind of a serial was accepted")

    return asyncio.run(main())


def test_a_fourth_provider_goes_through_the_flow_without_touching_it(acme):
    state = flow.select(flow.new_state(), "acme", flow.PRODUCTION)
    assert state["environment"] == flow.PRODUCTION          # its environments: the spec's
    assert "acme_serial" in flow.DEVICE_KEYS and state["acme_serial"] == ""
    assert flow.next_page(Page.PROVIDER, state) is Page.CREDENTIALS
    assert flow.page_errors(Page.CREDENTIALS, state) == {"api_key": flow.field_error(
        "api_key", state)}
    state["api_key"] = "ror-0123456789abcdef0123"
    assert flow.is_valid(Page.CREDENTIALS, state)
    assert not flow.bar_for(Page.REVIEW, state).pair.enabled   # no serial yet
    state["acme_serial"] = "GADGET-1"
    bar = flow.bar_for(Page.REVIEW, state)
    assert bar.pair.visible and bar.pair.enabled and bar.default is flow.Control.PAIR

    root = environments.api_root("acme", flow.PRODUCTION)
    assert root == "https://api.acme.example/v1"
    assert flow.review_rows(state, root) == [
        ("Provider", "Acme"), ("Environment", "Production (real customers)"),
        ("Server", root), ("Request", "POST /gadgets"), ("Serial number", "GADGET-1")]

    outcomes = pair_with_acme(state)
    result = outcomes["first"]
    assert result["serial"] == "GADGET-1" and len(result["gadget_id"]) == 12
    done = flow.after_pair(state, result=result)
    assert (done.action, flow.history_outcome(done.error), done.error,
            done.pin_failures) == ("pair", "ok", None, None)
    flow.apply_outcome(state, done)
    assert flow.success_title(state) == "Gadget bound"
    assert flow.result_rows(state) == [("Gadget id", result["gadget_id"]),
                                       ("Serial number", "GADGET-1")]
    assert history.clean_identifiers("acme", {"serial": "GADGET-1"}) == {"serial": "GADGET-1"}

    # The same serial again: refused, recorded as failed, fixed on the device page.
    again = flow.after_pair(state, error=outcomes["again"])
    assert flow.history_outcome(again.error) == "failed" and again.result is None
    flow.apply_outcome(state, again)
    assert flow.previous_page(Page.RESULT, state) is Page.DEVICE
    assert flow.bar_for(Page.RESULT, state).focus == (flow.Control.PAGE,)
    assert flow.cancelled_error(state)["advice"] == (
        "Pairing was cancelled while waiting for Acme. The request may already have "
        "reached Acme: check before pairing again.")
    fresh = flow.pair_another(state)
    assert fresh["acme_serial"] == "" and fresh["api_key"] == state["api_key"]


def test_a_fourth_provider_registered_late_runs_a_batch(acme, tmp_path):
    """The batch's tables follow the registry (Acme is registered after app.core.batch
    was imported), and a spec's batch methods need only the runner's public interface:
    a resumed row left "sending" is resolved by Acme's own check, the rest are sent."""
    from app.core import batch
    from app.core.history import Database, History

    raw = b"serial\nGADGET-1\nGADGET-2\nGADGET-3\nGADGET-3\n"
    report = batch.check_bytes(raw, "acme", "acme.csv")
    assert report.file_problems == [] and len(report.rows) == 4
    assert [row.ok for row in report.rows] == [True, True, True, False]   # unique serial
    assert batch.LAYOUTS["acme"] == (("serial", True), ("code", False))
    assert batch.identifiers_of("acme", {"serial": "GADGET-1"}) == {"serial": "GADGET-1"}
    assert batch.check_bytes(b"gadget\nX\n", "acme").file_problems   # an unknown column

    database = Database(tmp_path / "h.sqlite3")
    root = "https://api.acme.example/v1"
    try:
        batch_id, resumed = batch.prepare(database, report, root, skip_invalid=True)
        assert not resumed
        journal = batch.Journal(database)
        # GADGET-1 was bound by a run killed before its answer came back.
        first = journal.rows(batch_id)[0]
        first.state, first.attempts = "sending", 1
        journal.save(first, "acme")
        seen = {"GADGET-1": gadget_id("GADGET-1")}

        async def main() -> batch.BatchSummary:
            transport = httpx2.ASGITransport(app=acme_cloud(seen))
            async with httpx2.AsyncClient(transport=transport,
                                          base_url="http://acme.test") as client:
                runner = batch.BatchRunner(
                    AcmeAPI(client), database, batch_id, report, environment=root,
                    history=History(database=database), settle_seconds=0, resumed=True)
                return await runner.run()

        summary = asyncio.run(main())
        assert summary.status == "finished" and summary.counts["done"] == 3
        assert summary.counts["skipped"] == 1
        rows = {r.row_no: r for r in summary.rows}
        assert rows[1].message == "Found bound." and rows[1].attempts == 1   # not re-sent
        assert [rows[n].result for n in (1, 2, 3)] == [
            gadget_id(f"GADGET-{n}") for n in (1, 2, 3)]
        assert set(seen) == {"GADGET-1", "GADGET-2", "GADGET-3"}
        assert rows[2].identifiers == {"serial": "GADGET-2",
                                       "gadget_id": gadget_id("GADGET-2")}
        recorded = History(database=database).query(provider="acme")
        assert sorted(e.outcome for e in recorded) == ["ok", "ok", "ok"]
        out = io.StringIO()
        batch.write_results(out, "acme", summary.rows, summary.lines)
        assert out.getvalue().splitlines()[0] == (
            "line,serial,state,result,error_kind,error_status,message,attempts")
    finally:
        database.close()


def test_the_specs_use_only_the_batch_runners_public_interface():
    """batch_send/batch_resolve reach the runner through its documented interface, never
    a private helper (runner._save, runner._check, ...)."""
    import ast
    from pathlib import Path

    source = (Path(__file__).resolve().parents[2] / "app/core/providers.py").read_text(
        encoding="utf-8")
    private = sorted({f"{node.lineno}: runner.{node.attr}"
                      for node in ast.walk(ast.parse(source))
                      if isinstance(node, ast.Attribute) and node.attr.startswith("_")
                      and isinstance(node.value, ast.Name) and node.value.id == "runner"})
    assert private == []


def test_a_provider_registered_late_has_its_cancel_sentence():
    """Issue 15 item 2: flow.CANCELLED_WHILE_WAITING follows the registry (it was a
    snapshot taken when app.core.flow was imported)."""
    class LateAcme(AcmeSpec):
        cancelled_while_waiting = ("Pairing was cancelled while waiting for {name}: look "
                                   "the gadget up in the Acme console before pairing again.")

    assert "acme" not in flow.CANCELLED_WHILE_WAITING
    providers.register(LateAcme())
    try:
        assert flow.CANCELLED_WHILE_WAITING["acme"] == LateAcme.cancelled_while_waiting
        state = flow.select(flow.new_state(), "acme", flow.PRODUCTION)
        assert flow.cancelled_error(state)["advice"] == \
            LateAcme.cancelled_while_waiting.format(name="Acme")
    finally:
        providers.unregister("acme")
    assert "acme" not in flow.CANCELLED_WHILE_WAITING
    assert set(flow.CANCELLED_WHILE_WAITING) == set(providers.SPECS)


class AcmeDefaultCodeSpec(AcmeSpec):
    """Acme whose activation code has a default (setting acme/defaultCode), as RUFUS's
    type has (rufus/defaultType): the device page fills it in, the batch sends it for
    the rows without one."""

    info = AcmeSpec.info._replace(default_field=("acme_code", "acme/defaultCode"))

    async def batch_send(self, runner: Any, row: Any, values: Mapping[str, str]) -> str | None:
        return await runner.call(lambda acme: acme.bind(values["serial"], values.get("code")))


def test_a_batch_sends_a_providers_default_for_the_rows_without_one(tmp_path):
    """#15d item 2: the default a spec reads from the settings (batch_defaults, from its
    info.default_field) fills the rows that leave the column empty; the runner knows
    no provider's setting (it had RUFUS's rufus_type)."""
    from app.core import batch
    from app.core.history import Database

    raw = b"serial,code\nGADGET-1,1111\nGADGET-2,\nGADGET-3, \n"
    providers.register(AcmeDefaultCodeSpec())
    try:
        report = batch.check_bytes(raw, "acme", "acme.csv")
        assert report.ok, report.text()
        database = Database(tmp_path / "h.sqlite3")
        codes: dict[str, str | None] = {}
        try:
            batch_id, _ = batch.prepare(database, report, "https://api.acme.example/v1")
            settings = {"acme/defaultCode": " 9999 ", "rufus/defaultType": "GATE"}

            async def main() -> batch.BatchSummary:
                transport = httpx2.ASGITransport(app=acme_cloud(codes=codes))
                async with httpx2.AsyncClient(transport=transport,
                                              base_url="http://acme.test") as client:
                    return await batch.BatchRunner(
                        AcmeAPI(client), database, batch_id, report, settle_seconds=0,
                        setting=settings.get).run()

            summary = asyncio.run(main())
        finally:
            database.close()
        assert summary.counts["done"] == 3
        assert codes == {"GADGET-1": "1111", "GADGET-2": "9999", "GADGET-3": "9999"}
        # The default is sent, not recorded: the code is no identifier.
        assert all("code" not in row.identifiers for row in summary.rows)
    finally:
        providers.unregister("acme")
    assert providers.known("rufus").batch_defaults(settings.get) == {"type": "GATE"}
    assert providers.known("rufus").batch_defaults({}.get) == {}
    assert providers.known("xee").batch_defaults(settings.get) == {}


def test_the_batch_runner_names_no_provider():
    """No name of batch.py's code (a variable, argument, attribute or keyword) is a
    provider's: what a provider needs is its spec's (RUFUS's default type was
    BatchRunner.rufus_type)."""
    import ast
    from pathlib import Path

    source = (Path(__file__).resolve().parents[2] / "app/core/batch.py").read_text(
        encoding="utf-8")
    names = set()
    for node in ast.walk(ast.parse(source)):
        name = (node.id if isinstance(node, ast.Name) else node.attr
                if isinstance(node, ast.Attribute) else node.arg
                if isinstance(node, (ast.arg, ast.keyword)) else None)
        if name and name.lower().split("_", 1)[0] in providers.SPECS:
            names.add(f"{node.lineno}: {name}")
    assert sorted(names) == []


def test_the_batch_runner_names_no_providers_error_kind():
    """Which error kinds stop a batch is the spec's (batch_stops), not app/core/batch.py's:
    the generic runner holds no kind of a provider ("xee.sign_in.session_expired")."""
    import ast
    from pathlib import Path

    source = (Path(__file__).resolve().parents[2] / "app/core/batch.py").read_text(
        encoding="utf-8")
    kinds = sorted({node.value for node in ast.walk(ast.parse(source))
                    if isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and node.value.split(".", 1)[0] in providers.SPECS
                    and "." in node.value and " " not in node.value})
    assert kinds == []
    xee = providers.known("xee").batch_stops
    assert list(xee) == ["xee.sign_in.session_expired"]
    assert xee["xee.sign_in.session_expired"].template.startswith(
        "The Xee sign-in has expired and Xee refused to renew it.")


def test_a_fourth_providers_own_error_kind_stops_its_batch_resumably(acme, tmp_path):
    """Acme's spent quota (a refusal, not an auth problem) stops the batch with Acme's
    sentence, and the row it hit stays pending, not failed; its code column, no
    identifier, is left out of the journal, the results and the batch window's table."""
    from app.core import batch
    from app.core.history import Database
    from app.ui.batch_dialog import id_columns

    assert id_columns("acme") == ["serial"] == list(
        providers.known("acme").identifier_columns())
    assert [id_columns(key) for key in ("xee", "rufus", "zype")] == [
        ["device_id"], ["model", "serial_number", "alias", "firmware", "type"],
        ["consumer_id", "email", "pin", "linked_device_id"]]
    raw = b"serial,code\nGADGET-1,1234\nGADGET-2,5678\nGADGET-3,\n"
    report = batch.check_bytes(raw, "acme", "acme.csv")
    assert report.ok, report.text()
    database = Database(tmp_path / "h.sqlite3")
    try:
        batch_id, _ = batch.prepare(database, report, "https://api.acme.example/v1")
        seen: dict[str, str] = {}

        async def main() -> batch.BatchSummary:
            transport = httpx2.ASGITransport(app=acme_cloud(seen, quota=1))
            async with httpx2.AsyncClient(transport=transport,
                                          base_url="http://acme.test") as client:
                return await batch.BatchRunner(
                    AcmeAPI(client), database, batch_id, report, concurrency=1,
                    settle_seconds=0).run()

        summary = asyncio.run(main())
        assert summary.status == "stopped"
        assert summary.stop_reason == ("Acme's daily quota is spent: the batch stopped; "
                                       "nothing is lost, resume it tomorrow.")
        assert summary.stop_error is not None
        assert summary.stop_error.kind == "acme.quota_spent"
        states = [row.state for row in batch.Journal(database).rows(batch_id)]
        assert states.count("done") == 1 and "failed" not in states
        assert set(states) <= {"done", "pending"}
        assert all("code" not in row.identifiers for row in summary.rows)
        out = io.StringIO()
        batch.write_results(out, "acme", summary.rows, summary.lines)
        assert out.getvalue().splitlines()[0] == (
            "line,serial,state,result,error_kind,error_status,message,attempts")
        assert "1234" not in out.getvalue()
    finally:
        database.close()


def unknown_provider_sentences() -> list[Any]:
    from app.core import batch
    from app.core.errors import InputError

    with pytest.raises(InputError) as environment:
        environments.api_root("nope", flow.PRODUCTION)
    with pytest.raises(batch.BatchFileError) as batch_file:
        batch.check_bytes(b"serial\nX\n", "nope")
    return [environment.value.advice, batch_file.value.args[0]]


def test_the_unknown_provider_sentence_lists_the_registry():
    """"Unknown provider": the choices are the registered specs' keys (a Message: its
    template takes them as values, so a translation lists them too)."""
    for sentence in unknown_provider_sentences():
        assert sentence == "Unknown provider 'nope': use xee, rufus or zype."
        assert sentence.template == "Unknown provider {provider}: use {choices} or {last}."
        assert dict(sentence.params) == {"provider": "'nope'", "choices": "xee, rufus",
                                         "last": "zype"}


def test_a_fourth_provider_is_among_the_choices_of_the_unknown_provider_sentence(acme):
    assert unknown_provider_sentences() == [
        "Unknown provider 'nope': use xee, rufus, zype or acme."] * 2


class AcmeSignInSpec(AcmeSpec):
    """Acme as a provider that signs in (in the browser, like Xee) and has an online
    sandbox of its own: what the command line gives such a provider."""

    info = AcmeSpec.info._replace(credential="sign-in")
    environments = (providers.DEMO, providers.ONLINE_SANDBOX, providers.PRODUCTION)
    roots = {"production": "https://api.acme.example/v1",
             "sandbox": "https://sandbox.acme.example/v1"}
    cli_commands = {"pair": "bind an Acme gadget"}

    def add_cli_options(self, command: str, parser: Any) -> None:
        if command == "pair":
            parser.add_argument("--serial", required=True)


def subcommand_help(*path: str) -> str:
    import contextlib

    from app.cli import build_parser

    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit):
        build_parser().parse_args([*path, "--help"])
    return out.getvalue()


def providers_of(command: str) -> list[str]:
    """The providers `pairing-wizard COMMAND` takes (its subcommands)."""
    import argparse

    from app.cli import build_parser

    def subcommands(parser: argparse.ArgumentParser) -> dict[str, Any]:
        return next(a.choices for a in parser._actions
                    if isinstance(a, argparse._SubParsersAction))

    return list(subcommands(subcommands(build_parser())[command]))


def test_the_command_line_gives_a_fourth_provider_its_commands_from_its_spec(acme):
    """An api-key provider with production only: no login or logout, no --env."""
    assert providers_of("login") == providers_of("logout") == ["xee"]
    assert providers_of("pair") == ["xee", "rufus", "zype"]   # Acme has no cli_commands
    assert "sign in (Xee only) in the system browser" in subcommand_help()
    providers.unregister("acme")
    providers.register(AcmeSignInSpec())
    try:
        # Signs in, but app.auth runs only Xee's sign-in (its OAuth, its tokens): no
        # login or logout that would end in a traceback; its commands get its
        # environments.
        assert "sign in (Xee only) in the system browser" in subcommand_help()
        assert providers_of("login") == providers_of("logout") == ["xee"]
        assert providers_of("pair") == ["xee", "rufus", "zype", "acme"]
        pair = subcommand_help("pair", "acme")
        assert "--env {production,sandbox}" in pair
        assert "Acme environment when no --base-url is given" in pair
        assert "--api-version" not in pair   # Acme has one API version

        from app.cli import build_parser

        assert build_parser().parse_args(["pair", "acme", "--serial", "S"]).env == \
            "production"
        assert build_parser().parse_args(["pair", "acme", "--serial", "S", "--env",
                                          "sandbox"]).env == "sandbox"
        with pytest.raises(SystemExit):
            build_parser().parse_args(["login", "acme"])
    finally:
        providers.unregister("acme")
        providers.register(AcmeSpec())   # the fixture unregisters it


def test_a_provider_registered_late_has_its_roots_and_demo_dialect():
    """Issue 15c item 1: environments' roots and the demo's sandbox dialect follow the
    registry (they were snapshots taken when app.core.environments and app.ui.services
    were imported): a provider registered later is in each, and leaves them with its
    spec."""
    from app.core.environments import DEMO_PREFIXES, PRODUCTION_ROOTS, PROVIDER_SANDBOX_ROOTS

    class LateAcme(AcmeSpec):
        info = AcmeSpec.info._replace(demo_dialect=(("slow_gadgets", True),))
        roots = {**AcmeSpec.roots, "sandbox": "https://sandbox.acme.example/v1"}

    assert "acme" not in environments.PROVIDERS and "acme" not in flow.demo_dialect()
    providers.register(LateAcme())
    try:
        assert environments.PROVIDERS == ("xee", "rufus", "zype", "acme")
        assert PRODUCTION_ROOTS["acme"] == "https://api.acme.example/v1"
        assert PROVIDER_SANDBOX_ROOTS["acme"] == "https://sandbox.acme.example/v1"
        assert DEMO_PREFIXES["acme"] == "/acme/v1"
        assert flow.demo_dialect() == {"zype": {"renew_pins": True},
                                       "acme": {"slow_gadgets": True}}
    finally:
        providers.unregister("acme")
    assert environments.PROVIDERS == tuple(providers.SPECS)
    assert "acme" not in PRODUCTION_ROOTS and "acme" not in PROVIDER_SANDBOX_ROOTS
    assert "acme" not in DEMO_PREFIXES and "acme" not in flow.demo_dialect()
    assert PROVIDER_SANDBOX_ROOTS == {"xee": "https://sandbox.xee.com/v3"}


@contextlib.contextmanager
def registry_of(*specs: ProviderSpec) -> Iterator[None]:
    """Only `specs` registered for a while; then the registry as it was, in its order."""
    saved = list(providers.SPECS.values())
    for key in list(providers.SPECS):
        providers.unregister(key)
    try:
        for registered in specs:
            providers.register(registered)
        yield
    finally:
        for key in list(providers.SPECS):
            providers.unregister(key)
        for registered in saved:
            providers.register(registered)
    assert list(providers.SPECS.values()) == saved


def test_history_batch_and_netcheck_take_a_fourth_provider(acme, tmp_path, capsys):
    """#15d item 1: their --provider choices are the registry's keys (they were a fixed
    tuple), and batch's credential help names the providers that take each credential."""
    from app.cli import build_parser, main

    for command in (["history"], ["batch", "f.csv"], ["netcheck"]):
        assert build_parser().parse_args([*command, "--provider", "acme"]).provider == "acme"
    batch = subcommand_help("batch")
    assert "--provider {xee,rufus,zype,acme}" in batch
    assert "RUFUS, Zype or Acme api key (default: $RUFUS_API_KEY / $ZYPE_API_KEY)" in \
        " ".join(batch.split())
    assert "--provider {xee,rufus,zype,acme}" in subcommand_help("netcheck")
    assert "--provider {xee,rufus,zype,acme}" in subcommand_help("history")

    # The batch command runs for it: a check of an Acme file, nothing sent.
    path = tmp_path / "acme.csv"
    path.write_text("serial\nGADGET-1\nGADGET-1\n", encoding="utf-8")
    assert main(["batch", str(path), "--provider", "acme", "--check-only", "--json"]) == 2
    out = json.loads(capsys.readouterr().out)
    assert (out["provider"], out["ok"], out["result"]["valid"]) == ("acme", False, 1)

    providers.unregister("acme")
    providers.register(AcmeSignInSpec())
    try:
        assert "Xee or Acme access token (default: $XEE_ACCESS_TOKEN)" in \
            " ".join(subcommand_help("batch").split())
    finally:
        providers.unregister("acme")
        providers.register(AcmeSpec())   # the fixture unregisters it


class AcmeFormatSpec(AcmeSpec):
    """Acme whose serial numbers follow a format the engineer may set."""

    format_settings = (("serial_pattern", "acme/serialPattern"),)

    def add_format_options(self, parser: Any) -> None:
        parser.add_argument("--serial-pattern", default="",
                            help="Acme: a regular expression the serial must match")


def test_batch_shows_only_the_options_of_the_registered_providers():
    """Xee's format and API version options, --token and the other providers' names are
    the registered specs' own: with Acme alone, batch shows none of them."""
    with registry_of(AcmeFormatSpec()):
        batch = subcommand_help("batch")
        flat = " ".join(batch.split())
        assert "--provider {acme}" in batch
        assert "--api-key API_KEY Acme api key --api-key-file PATH" in flat
        assert "--serial-pattern SERIAL_PATTERN Acme: a regular expression the serial " \
            "must match" in flat
        for other in ("--token", "--device-id-pattern", "--pin-pattern", "--api-version",
                      "Xee", "RUFUS", "Zype"):
            assert other not in batch
    with registry_of(providers.known("xee")):
        batch = subcommand_help("batch")
        assert "--token TOKEN" in batch and "--api-key" not in batch
        assert "--device-id-pattern" in batch and "--api-version {v3,v4}" in batch


def test_a_sign_in_error_names_the_provider_signed_in_to():
    """#15d item 3: flow.sign_in_error (the wizard's result, the history) and
    SignInError.as_provider_error (the batch, the CLI) take the provider from the error;
    Xee's stays the default, and its kinds ("xee.sign_in.<kind>") are unchanged."""
    from app.auth.errors import SignInError
    from app.auth.wizard_sign_in import history_error

    providers.register(AcmeSignInSpec())   # a second provider that signs in, after Xee
    try:
        for error, provider in ((SignInError("session_expired"), "xee"),
                                (SignInError("session_expired", provider="acme"), "acme")):
            kind = f"{provider}.sign_in.session_expired"
            as_data, as_error = flow.sign_in_error(error), error.as_provider_error()
            assert (as_data["kind"], as_data["provider"]) == (kind, provider)
            assert (as_error.kind, as_error.provider) == (kind, provider)
            assert as_error.category == as_data["category"] == "auth"
            assert history_error(error)["kind"] == kind
        assert providers.sign_in_provider() == "xee"
    finally:
        providers.unregister("acme")


def test_the_sign_in_errors_mapping_names_no_provider():
    """No provider key is written in flow.sign_in_error or SignInError.as_provider_error
    (they wrote "xee" and "xee.sign_in.")."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    found = []
    for where, name in (("app/core/flow.py", "sign_in_error"),
                        ("app/auth/errors.py", "as_provider_error")):
        tree = ast.parse((root / where).read_text(encoding="utf-8"))
        function = next(node for node in ast.walk(tree)
                        if isinstance(node, ast.FunctionDef) and node.name == name)
        found += [f"{where}:{node.lineno}: {node.value!r}" for node in ast.walk(function)
                  if isinstance(node, ast.Constant) and isinstance(node.value, str)
                  and node.value.split(".", 1)[0] in providers.SPECS]
    assert found == []


def test_the_unknown_provider_sentence_reads_right_for_any_number_of_providers():
    """#15d item 4: "use  or xee" with one provider registered; one and two are worded
    too (and none), the three's English and template stay as they were."""
    from app.core import batch
    from app.core.messages import INPUT_ERROR

    def sentences() -> list[Any]:
        with pytest.raises(batch.BatchFileError) as batch_file:
            batch.check_bytes(b"serial\nX\n", "nope")
        return [batch_file.value.args[0], providers.unknown_provider(INPUT_ERROR, "nope")]

    xee, rufus = providers.known("xee"), providers.known("rufus")
    for registered, english in (
            ((xee,), "Unknown provider 'nope': use xee."),
            ((xee, rufus), "Unknown provider 'nope': use xee or rufus."),
            ((), "Unknown provider 'nope': no provider is registered.")):
        with registry_of(*registered):
            assert sentences() == [english] * 2
    with registry_of(xee):
        assert [(s.context, s.template, dict(s.params)) for s in sentences()] == [
            (context, "Unknown provider {provider}: use {only}.",
             {"provider": "'nope'", "only": "xee"}) for context in ("batch", INPUT_ERROR)]
    three = sentences()
    assert three == ["Unknown provider 'nope': use xee, rufus or zype."] * 2
    assert {s.template for s in three} == {
        "Unknown provider {provider}: use {choices} or {last}."}


def test_the_flows_sentences_name_the_provider_they_are_about():
    """Issue 15e item 4: the flow's sign-in and box-lock sentences are built from the
    spec's title ({provider}): a fourth provider that signs in, or whose box locks after
    wrong pins, is named; Xee's English is as it was."""
    class AcmeLockSpec(AcmeSignInSpec):
        # Xee's sentences (a box, as Xee's), to see {provider} filled with Acme's title
        # (its own words: tests/core/test_pin_lock.py).
        info = AcmeSignInSpec.info._replace(pin_lock=providers.PinLock(
            "acme_serial", "acme_code", "acme.code_wrong", "acme.gadget_locked",
            "acme/codeFailures", providers.SPECS["xee"].info.pin_lock.sentences))

    def sentences(provider: str) -> list[str]:
        state = flow.select(flow.new_state(), provider, providers.PRODUCTION)
        lock = flow.pin_lock(provider)
        locked = {**state, lock.device: "BOX", "pin_failures": {provider: {"BOX": 3}}}
        return [flow.page_errors(Page.CREDENTIALS, state)["xee_account"],
                flow.batch_problem(state, signed_in=False), flow.pin_warning(locked),
                flow.pin_result_note({**locked, "error": {"kind": lock.locked}})]

    assert sentences("xee") == [
        "Sign in with Xee first.", "Sign in to Xee first.",
        "3 wrong pins for this box so far: the box is probably locked. Contact Xee support "
        "before trying again.",
        "That was the third wrong pin for this box: Xee has now locked it. Contact Xee "
        "support to unlock the box; another pin will not be accepted."]
    providers.register(AcmeLockSpec())
    try:
        found = sentences("acme")
    finally:
        providers.unregister("acme")
    assert found == [
        "Sign in with Acme first.", "Sign in to Acme first.",
        "3 wrong pins for this box so far: the box is probably locked. Contact Acme "
        "support before trying again.",
        "That was the third wrong pin for this box: Acme has now locked it. Contact Acme "
        "support to unlock the box; another pin will not be accepted."]
    assert [m.template for m in found[:2]] == ["Sign in with {provider} first.",
                                               "Sign in to {provider} first."]
