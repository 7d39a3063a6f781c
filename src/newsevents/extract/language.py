"""Language identification with py3langid, whose model ships inside the package (no download)."""

from __future__ import annotations

from functools import cache
from typing import Any

# The classifier's features saturate long before this; longer texts only cost time.
_MAX_CHARS = 5000


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    # norm_probs: probabilities calibrated across lengths, so the reason can name a confidence.
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of the text's language."""
    language, probability = _identifier().classify(text[:_MAX_CHARS])
    return str(language), float(probability)
