"""Language identification and the ``unsupported language: xx`` rejection."""

from __future__ import annotations

from flashpoint.readers import ingest
from flashpoint.readers.language import SAMPLE_CHARS, detect_language, unsupported_language
from flashpoint.records import Article, Rejection
from flashpoint.settings import Settings

ENGLISH = "The foreign minister said on Monday that the talks had collapsed and troops would stay."
SPANISH = "El ministro de Asuntos Exteriores dijo el lunes que las conversaciones habían fracasado."
GERMAN = "Der Außenminister sagte am Montag, die Gespräche seien gescheitert und die Truppen blieben."


def test_detects_common_languages():
    assert detect_language(ENGLISH)[0] == "en"
    assert detect_language(SPANISH)[0] == "es"
    assert detect_language(GERMAN)[0] == "de"


def test_only_a_sample_is_read():
    # A long English head decides, whatever follows far beyond the sample.
    text = (ENGLISH + " ") * (SAMPLE_CHARS // len(ENGLISH) + 2) + SPANISH * 200
    assert detect_language(text)[0] == "en"


def test_rejection_reason():
    assert unsupported_language(SPANISH, ("en",)) == "unsupported language: es"
    assert unsupported_language(SPANISH, ("en", "es")) is None


def test_accepted_languages_come_from_settings(tmp_path):
    path = tmp_path / "es.txt"
    path.write_text(SPANISH + " " + SPANISH)
    (rejected,) = ingest([str(path)])
    assert isinstance(rejected, Rejection) and rejected.reason == "unsupported language: es"
    (article,) = ingest([str(path)], Settings(languages=("en", "es")))
    assert isinstance(article, Article) and article.language == "es"
