import pytest

from newsevents.errors import NewsEventsError
from newsevents.settings import load_settings


def test_settings_defaults_from_packaged_config():
    settings = load_settings()
    assert settings.store.path == "newsevents.duckdb"
    assert settings.ingest.max_document_bytes > 1_000_000
    assert settings.extract.languages == ("en",)


def test_settings_user_file_overrides(tmp_path):
    user = tmp_path / "s.toml"
    user.write_text('[store]\npath = "x.duckdb"\n[nlp]\nactor_files = ["a.yaml"]\n')
    settings = load_settings(user)
    assert settings.store.path == "x.duckdb"
    assert settings.nlp.actor_files == ("a.yaml",)


@pytest.mark.parametrize("body", ["[nope]\nx = 1\n", "[store]\nnope = 1\n"])
def test_settings_unknown_key_rejected(tmp_path, body):
    user = tmp_path / "s.toml"
    user.write_text(body)
    with pytest.raises(NewsEventsError) as err:
        load_settings(user)
    assert err.value.code == "E_CONFIG"


def test_settings_with_overrides_copies():
    settings = load_settings()
    changed = settings.with_overrides(store={"path": "y.duckdb"})
    assert changed.store.path == "y.duckdb"
    assert settings.store.path == "newsevents.duckdb"
