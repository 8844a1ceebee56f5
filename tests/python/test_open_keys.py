"""Store(path, key=..., signing_key=...): campaign_open_with() from Python."""
import pytest

import campaign

KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"


def test_bad_key_is_refused_and_nothing_created(tmp_path):
    path = tmp_path / "k.db"
    with pytest.raises(campaign.InvalidInput) as e:
        campaign.Store(path, key="abc")
    assert str(e.value.args[-1] if e.value.args else e.value).endswith("not 3 characters") or \
        "not 3 characters" in str(e.value)
    assert not path.exists()
    with pytest.raises(campaign.InvalidInput, match="not an Ed25519 private key"):
        campaign.Store(path, signing_key="junk")
    assert campaign.Locked.__mro__[1] is campaign.Error


def test_keys_open_a_store(tmp_path):
    pem = campaign.audit_keygen()
    keyfile = tmp_path / "k.key"
    keyfile.write_text(KEY + "\n")
    with campaign.open(tmp_path / "k.db", key_file=str(keyfile), signing_key=pem) as db:
        assert db.schema_version() == campaign.schema_version_supported()
