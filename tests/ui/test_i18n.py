"""Translations: the catalogues are complete and consistent, app/core's sentences are
translated by their templates (the provider's own words never), the language setting."""

from __future__ import annotations

import asyncio
import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QLocale, QSettings

from app.auth.errors import SignInError
from app.core import errors_table as table
from app.core import flow, validation
from app.core.errors import InputError, build_error
from app.core.flow import Page
from app.core.http import with_outcome_advice
from app.ui import i18n
from app.ui.pairing_pages import failure_html

from .conftest import tool
from .drive import click, find

PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%n")






def test_core_sentences_module_is_up_to_date():
    """A new or changed sentence in app/core must be extracted (and then translated)."""
    assert tool.check() == 0


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_every_message_is_translated_with_its_placeholders(lang):
    root = ET.parse(tool.ts_path(lang)).getroot()  # noqa: S314 (our own file)
    messages = list(root.iter("message"))
    assert len(messages) > 300
    for message in messages:
        source = message.find("source").text
        translation = message.find("translation")
        assert translation.get("type") is None, f"{lang}: unfinished {source!r}"
        forms = [f.text for f in translation.findall("numerusform")] or [translation.text]
        for text in forms:
            assert text, f"{lang}: empty translation of {source!r}"
            wanted = sorted(set(PLACEHOLDER.findall(source)) - {"%n"})
            assert sorted(set(PLACEHOLDER.findall(text)) - {"%n"}) == wanted, (source, text)
            assert text.replace("&&", "").count("&") == source.replace("&&", "").count("&")


def test_french_ui_and_core_sentences(language):
    language("fr")
    assert i18n.translate("PairingWizard", "&Next") == "&Suivant"
    assert i18n.flow_text("Device bound") == "Appareil lié"
    # A filled template: the values are taken out, the template translated, put back.
    error = build_error("server.rate_limited", "network",
                        "{provider} is limiting requests (status 429){wait}. Wait, then try "
                        "again; the wizard does not retry by itself.",
                        provider="rufus", may_have_reached_server=False, status=429,
                        retry_after=5)
    french = i18n.advice(error.advice, error.kind)
    assert french.startswith("RUFUS limite les requêtes (statut 429) et demande d'attendre 5 "
                             "secondes.")
    with pytest.raises(InputError) as caught:
        validation.validate_xee_pin("")
    assert i18n.advice(caught.value.advice, caught.value.kind) == \
        "Le champ « code Xee » est vide : remplissez-le."
    assert i18n.advice("The sign-in was cancelled. Start it again when you are ready.",
                       "xee.sign_in.cancelled").startswith("La connexion a été annulée.")


def test_the_unknown_provider_sentence_lists_the_registry_in_french(language):
    from app.core.environments import api_root

    language("fr")
    with pytest.raises(InputError) as caught:
        api_root("nope")
    assert i18n.message(caught.value.advice) == (
        "Fournisseur inconnu 'nope' : utilisez xee, rufus ou zype.")


def test_the_unknown_provider_sentence_for_one_provider_in_french_and_spanish(language):
    from app.core import batch, providers
    from tests.core.test_providers import registry_of

    with registry_of(providers.known("xee")), pytest.raises(batch.BatchFileError) as caught:
        batch.check_bytes(b"device_id,pin\n", "nope")
    for code, said in (("fr", "Fournisseur inconnu 'nope' : utilisez xee."),
                       ("es", "Proveedor desconocido 'nope': use xee.")):
        language(code)
        assert i18n.message(caught.value.args[0]) == said


def test_a_cancelled_pairing_is_kept_in_english_and_shown_in_french(language):
    language("fr")
    error = flow.cancelled_error({"provider": "rufus"})
    assert error["advice"].startswith("Pairing was cancelled while waiting for RUFUS.")
    french = i18n.advice(error["advice"], error["kind"])
    assert french.startswith("L'appairage a été annulé pendant l'attente de RUFUS.")
    assert "liste des appareils RUFUS" in french
    assert i18n.flow_text(flow.batch_problem({}, signed_in=False)) == \
        "Choisissez d'abord le fournisseur."


def test_the_providers_own_message_is_never_translated(language):
    language("es")
    error = {"kind": "zype.pin_not_found", "category": "refused", "status": 404,
             "message": "Device Pin not found", "tip": "Check the pin",
             "advice": "Zype knows no active pin with this value: it is mistyped or expired "
                       "(pins last 30 minutes). Ask the customer to show a new pin in the TV "
                       "app and enter it."}
    html = failure_html({"provider": "zype"}, error)
    assert "Zype no conoce ningún pin activo" in html
    assert "Device Pin not found" in html and "Check the pin" in html
    unprocessable = next(row for row in table.ZYPE_ROWS["link"] if row.status == 422)
    error = build_error(unprocessable.kind, unprocessable.category, unprocessable.advice,
                        provider="zype", may_have_reached_server=False, status=422,
                        values={"message": "Pin is not valid"})
    assert i18n.advice(error.advice, error.kind) == (
        "Zype no pudo procesar la solicitud (Pin is not valid). Compruebe los valores "
        "introducidos y vuelva a intentarlo.")


def test_a_filled_sentence_is_translated_by_its_template_never_parsed_back(language):
    """The values of a sentence app/core filled are shown as they came, whatever they
    hold: a provider's message with braces, regex characters and a line break, a car
    named like one of our own words ("Production" is also an environment's title, which
    Spanish translates)."""
    language("fr")
    odd = "Bad {pin} (status 500: .*?)\nsee [docs]"
    error = build_error("response.unlisted_error", "unexpected",
                        table.OUTCOMES["response.unlisted_error"][2], provider="rufus",
                        may_have_reached_server=True, status=418, values={"message": odd})
    assert odd in str(error.advice)                 # the English text, for the CLI
    french = i18n.advice(error.advice, error.kind)
    assert french.startswith("RUFUS a refusé") and odd in french, french

    class Car:
        device_id, name, license_plate, id, brand, model = ("E133742015", "Production",
                                                            "", "1", "", "")

    class Api:
        async def cars(self):
            return [Car()]

    found = asyncio.run(flow.check_last_request(
        Api(), {"provider": "xee", "xee_device_id": "E133742015"}))
    assert "car “Production”" in found.message       # English, as the CLI prints it
    language("es")
    assert i18n.flow_text("Production") == "Producción"  # the environment's title
    spanish = i18n.flow_text(found.message)
    assert spanish == ("Se llevó a cabo: la caja E133742015 está en el coche «Production» "
                       "de la cuenta conectada. No la vuelva a asociar."), spanish


def test_every_sentence_the_ui_shows_for_errors_and_flow_notes_is_french(language):
    """A sample of every kind of filled sentence: the documented errors, the outcome
    advice, input errors, sign-in errors, the flow's pin warnings, notes and checks. Each
    is translated by its template (no English left), its raw values kept."""
    from app.core.messages import Message

    language("fr")
    messages = []
    for row in table.ALL_ROWS:
        error = build_error(row.kind, row.category, row.advice, provider="rufus",
                            may_have_reached_server=False, status=row.status,
                            values={"message": "m{1}", "deviceid": "D" * 64})
        messages.append(error.advice_message)
    for kind, (category, sent, advice) in table.OUTCOMES.items():
        messages.append(build_error(kind, category, advice, provider="zype",
                                    may_have_reached_server=sent, status=503,
                                    retry_after=7, values={"message": "m"}).advice_message)
    timeout = build_error("network.read_timeout", "network",
                          table.OUTCOMES["network.read_timeout"][2], provider="rufus",
                          may_have_reached_server=True)
    messages.append(with_outcome_advice(timeout, "bind").advice_message)
    for validate, value in ((validation.validate_xee_pin, ""),
                            (validation.validate_xee_device_id, "E13"),
                            (validation.validate_rufus_model, "x" * 999),
                            (validation.validate_zype_api_key, "a b"),
                            (validation.validate_email, "nobody")):
        with pytest.raises(InputError) as caught:
            validate(value)
        messages.append(caught.value.advice_message)
    messages += [SignInError(kind).advice_message for kind in ("denied", "timeout", "what")]
    for failed in (1, 2, 3):
        messages.append(flow.pin_warning({"provider": "xee", "xee_device_id": "B",
                                          "pin_failures": {"xee": {"B": failed}}}))
    messages.append(flow.pin_result_note({"provider": "xee", "xee_device_id": "B",
                                          "pin_failures": {"xee": {"B": 1}},
                                          "error": {"kind": "xee.pin_rejected"}}))
    messages.append(flow.uncertain_review_note({"provider": "zype", "uncertain": True}))
    messages.append(flow.uncertain_review_note({"uncertain": True}))
    messages.append(flow.cancelled_error({"provider": "xee"})["advice"])

    class Refusing:
        async def get(self, _deviceid):
            raise build_error("rufus.unknown", "auth", table.OUTCOMES[
                "response.unlisted_error"][2], provider="rufus",
                may_have_reached_server=False, status=401, values={"message": "no"})

        find_by_serial = get

    messages.append(asyncio.run(flow.check_key(Refusing(), "rufus")).message)
    messages.append(asyncio.run(flow.check_last_request(
        Refusing(), {"provider": "rufus", "rufus_serial": "S1"})).message)
    messages += [value for _label, value in flow.review_rows(
        {**flow.new_state("xee"), "environment": "demo"}) if _label == "As"]
    for message in messages:
        assert isinstance(message, Message), message
        french = i18n.message(message)
        assert french != str(message), f"stayed English: {message!r}"
        for value in message.params.values():
            if not isinstance(value, Message):
                assert str(value) in french, (value, french)


def test_untranslated_text_falls_back_to_english(language):
    language("fr")
    assert i18n.advice("Something no table knows.") == "Something no table knows."


def test_language_follows_the_system_unless_set(tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert i18n.system_language(QLocale("fr_CA")) == "fr"
    assert i18n.system_language(QLocale("es_MX")) == "es"
    assert i18n.system_language(QLocale("de_DE")) == "en"
    assert i18n.effective_language(settings, QLocale("es_ES")) == "es"
    settings.setValue(i18n.LANGUAGE_KEY, "fr")
    assert i18n.effective_language(settings, QLocale("es_ES")) == "fr"


def test_the_language_combo_saves_the_setting(qtbot, make_wizard):
    wizard = make_wizard()
    click(qtbot, wizard, "advancedToggle")
    combo = find(wizard, "languageCombo")
    assert [combo.itemData(i) for i in range(combo.count())] == ["", "en", "fr", "es"]
    assert combo.itemText(2) == "Français" and combo.itemText(3) == "Español"
    combo.setCurrentIndex(combo.findData("es"))
    settings = wizard.services.settings
    assert settings.value(i18n.LANGUAGE_KEY) == "es"
    assert "next time" in find(wizard, "languageNote").text()
    combo.setCurrentIndex(0)                      # System: the setting is removed
    assert settings.value(i18n.LANGUAGE_KEY) is None
    assert wizard.current is Page.PROVIDER


def test_the_fix_label_and_the_hand_over_note_are_translated_from_flow(language):
    """Issue 15c item 2: the result's Fix label and the device page's hand-over sentence
    come from app.core.flow in English and are shown in the UI language."""
    language("fr")
    failed = {**flow.new_state("rufus"), "error": {"kind": "rufus.serial_taken",
                                                   "category": "refused"}}
    assert i18n.flow_text(flow.fix_action(failed).label) == "Corriger les infos de l'&appareil"
    note = flow.handover("rufus").note
    assert note.startswith("RUFUS answers with a deviceid that must be stored")
    assert i18n.flow_text(note) == ("RUFUS répond avec un deviceid à enregistrer sur "
                                    "l'appareil : la page de résultat l'affiche avec Copier "
                                    "et Enregistrer.")
    language("es")
    assert i18n.flow_text(flow.fix_action({"error": {"category": "network"}}).label) \
        == "&Reintentar"


def test_the_handed_over_ids_words_are_translated_from_the_spec(language):
    """Issue 15e item 1: the result page's words for the id a provider hands over are the
    spec's Messages (its title and its id), in the UI language; RUFUS's French is what its
    page said before."""
    language("fr")
    words = flow.handover("rufus")
    assert i18n.flow_text(words.description) == ("Le deviceid renvoyé par RUFUS : "
                                                 "enregistrez-le sur l'appareil")
    assert i18n.flow_text(words.keep_text) == ("Le deviceid n'a été ni copié ni enregistré. "
                                               "L'appareil en a besoin, et RUFUS ne le "
                                               "montrera plus.")
    language("es")
    assert i18n.flow_text(words.keep_title) == "¿Conservar el deviceid?"
    assert flow.handover("zype") is None and flow.handover("xee") is None


def test_the_flows_sentences_naming_a_provider_keep_their_translation(language):
    """Issue 15e item 4: the sign-in and box-lock sentences are templates with {provider}
    (the spec's title); Xee's French and Spanish are what they were."""
    state = flow.select(flow.new_state(), "xee", flow.PRODUCTION)
    locked = {**state, "xee_device_id": "BOX", "pin_failures": {"xee": {"BOX": 3}},
              "error": {"kind": "xee.box_locked"}}
    language("fr")
    assert i18n.flow_text(flow.batch_problem(state, signed_in=False)) == \
        "Connectez-vous d'abord à Xee."
    assert i18n.flow_text(flow.page_errors(Page.CREDENTIALS, state)["xee_account"]) == \
        "Connectez-vous d'abord avec Xee."
    assert i18n.flow_text(flow.pin_result_note(locked)) == (
        "C’était le troisième pin erroné pour ce boîtier : Xee l’a maintenant verrouillé. "
        "Contactez le support Xee pour le déverrouiller ; aucun autre pin ne sera accepté.")
    language("es")
    assert i18n.flow_text(flow.pin_warning(locked)) == (
        "3 pines incorrectos para esta caja hasta ahora: la caja probablemente está "
        "bloqueada. Contacte con el soporte de Xee antes de volver a intentarlo.")
