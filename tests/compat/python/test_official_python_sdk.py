"""What plivo-python sends, with its defaults, is what the sandbox must take: create (with
``application_type=''``, ``application_id=''``, ``number_priority=[]``), get, the seed's update,
list, delete, and the number-pool calls; and its typed exceptions for the sandbox's errors."""

import json

import plivo
import pytest
from plivo import exceptions

from conftest import AUTH_ID


def sent(sandbox, method=None):
    """The bodies the sandbox received, parsed, oldest first."""
    return [json.loads(e["body"]) if e["body"] else None
            for e in sandbox.journal() if method is None or e["method"] == method]


def test_create_with_the_sdk_defaults_then_get_update_list_and_delete(sandbox, client):
    created = client.powerpacks.create(name="created by plivo-python")
    assert sent(sandbox, "POST")[0] == {
        "name": "created by plivo-python", "sticky_sender": True, "local_connect": True,
        "application_type": "", "application_id": "", "number_priority": []}
    assert created.name == "created by plivo-python"
    assert created.sticky_sender is True and created.local_connect is True
    assert created.application_id == "" and created.application_type == ""

    powerpack = client.powerpacks.get(uuid=created.uuid)
    assert powerpack.uuid == created.uuid
    assert powerpack.number_pool == created.number_pool

    # The seed's update, as its Python example writes it.
    updated = powerpack.update({"name": "powerpack_name", "sticky_sender": False, "local_connect": False})
    assert (updated.name, updated.sticky_sender, updated.local_connect) == ("powerpack_name", False, False)
    assert sent(sandbox, "POST")[-1] == {"name": "powerpack_name", "sticky_sender": False, "local_connect": False}
    attached = powerpack.update({"application_type": "xml", "application_id": "20342783288007824"})
    assert (attached.application_type, attached.application_id) == ("XML", "20342783288007824")

    client.powerpacks.create(name="second")
    listed = client.powerpacks.list(limit=1, offset=1)
    assert listed.meta.total_count == 2
    assert [p.name for p in listed.objects] == ["second"]
    assert [p.name for p in client.powerpacks.list().objects] == ["powerpack_name", "second"]

    deleted = powerpack.delete()
    assert deleted.response == "success"
    assert sent(sandbox, "DELETE") == [{"unrent_numbers": False}]
    with pytest.raises(exceptions.ResourceNotFoundError):
        client.powerpacks.get(uuid=created.uuid)


def test_the_sandbox_still_rejects_what_the_api_rejects(sandbox, client):
    powerpack = client.powerpacks.get(uuid=client.powerpacks.create(name="taken").uuid)
    with pytest.raises(exceptions.ValidationError, match="already exists"):
        client.powerpacks.create(name="taken")
    with pytest.raises(exceptions.ValidationError, match="sticky_sender must be a boolean"):
        powerpack.update({"sticky_sender": "false"})
    with pytest.raises(exceptions.ValidationError, match="application_type is required"):
        powerpack.update({"application_id": "20342783288007824"})
    with pytest.raises(exceptions.ValidationError, match="application_type must be xml or phlo"):
        powerpack.update({"application_type": "sip", "application_id": "1"})
    with pytest.raises(exceptions.ResourceNotFoundError):
        client.powerpacks.get(uuid="0166c910-1268-47c7-bf30-f5809ee843b9")


def test_a_wrong_token_raises_the_sdks_authentication_error(sandbox, monkeypatch):
    monkeypatch.setattr(plivo.rest.client, "PLIVO_API_BASE_URI", f"{sandbox.base_url}/v1/Account")
    wrong = plivo.RestClient(AUTH_ID, "wrong-token")
    with pytest.raises(exceptions.AuthenticationError):
        wrong.powerpacks.list()


def test_the_number_pool_calls(sandbox, client):
    powerpack_uuid = client.powerpacks.create(name="pool owner").uuid
    sandbox.admin("POST", "seed", {
        "numbers": [{"number": "14155550100", "country_iso2": "US", "type": "fixed"},
                    {"number": "18005550100", "country_iso2": "US", "type": "tollfree"}],
        "shortcodes": [{"shortcode": "444444", "country_iso2": "US", "powerpack": powerpack_uuid}],
    })
    powerpack = client.powerpacks.get(uuid=powerpack_uuid)

    added = powerpack.add_number(number="14155550100")
    assert (added.number, added.type, added.country_iso2) == ("14155550100", "fixed", "US")
    assert powerpack.find_number(number="14155550100").number == "14155550100"
    bought = powerpack.buy_add_number(number="14155550199")  # sends "rent": "true", a string
    assert bought.number == "14155550199"
    assert sent(sandbox, "POST")[-1] == {"rent": "true"}

    listed = powerpack.list_numbers(country_iso2="US", type="fixed")
    assert listed.meta.total_count == 2
    assert sorted(n.number for n in listed.objects) == ["14155550100", "14155550199"]
    assert powerpack.count_numbers(starts_with="1415", country_iso2="US") == 2

    assert powerpack.add_tollfree(tollfree="18005550100").number == "18005550100"
    assert [t.number for t in powerpack.list_tollfree().objects] == ["18005550100"]
    assert powerpack.find_tollfree(tollfree="18005550100").number == "18005550100"
    assert [s.shortcode for s in powerpack.list_shortcodes().objects] == ["444444"]
    assert powerpack.find_shortcode(shortcode="444444").shortcode == "444444"

    assert powerpack.remove_number(number="14155550100").response == "success"
    assert powerpack.remove_tollfree(tollfree="18005550100").response == "success"
    assert powerpack.remove_shortcode(shortcode="444444").response == "success"
    deletes = [e for e in sandbox.journal() if e["method"] == "DELETE"]
    assert [json.loads(e["body"]) if e["body"] else None for e in deletes] == [
        {"unrent": False}, {"unrent": False}, None]
    with pytest.raises(exceptions.ResourceNotFoundError):
        powerpack.find_number(number="14155550100")
