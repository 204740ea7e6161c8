"""One error tree for the whole app. Every message says what happened and what to do.

    PlumeError
    ├── OllamaUnavailable      Ollama not reachable (host tried, how to start it)
    ├── ModelNotFound          model not installed (how to pull it)
    ├── ThinkingUnsupported    `think` asked of a model without the capability
    ├── ServerBusy             503 / queue full after retries
    ├── OllamaTimeout          no answer in time (cold load, silent stream)
    ├── ContextTooSmall        request does not fit the model's context window
    ├── GenerationError        model or server failed mid-way (partial text kept)
    │   └── InvalidModelOutput structured output still invalid after repair
    ├── Cancelled              the user stopped; never shown as an error
    ├── ExportError            file could not be written
    ├── InputError             bad input from the user (file, brief, keyword list)
    ├── SettingsError          settings file unreadable or invalid
    ├── StoreError             article library (SQLite) unreadable or unwritable
    └── SecretStoreError       no usable keyring backend
"""

from __future__ import annotations


class PlumeError(Exception):
    """Base of every error Plume shows. `hint` is the action a user can take.

    `message` and `hint` are English (the command line's words). An error a writer may meet
    in the window also carries a `code` and its `params`: the interface words it in its own
    language from the pack's errors.json (app/application/error_text.py)."""

    default_hint = ""

    def __init__(self, message: str, *, hint: str | None = None, code: str = "",
                 params: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint if hint is not None else self.default_hint
        self.code = code
        self.params = dict(params or {})

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip() if self.hint else self.message


class OllamaUnavailable(PlumeError):
    default_hint = "Start Ollama (run `ollama serve` or open the Ollama app), or check the host."


class ModelNotFound(PlumeError):
    def __init__(self, model: str, message: str | None = None, *, code: str = "",
                 params: dict[str, str] | None = None) -> None:
        super().__init__(
            message or f"The model '{model}' is not installed.",
            hint=f"Pull it first: `plume models pull {model}` (or `ollama pull {model}`).",
            code=code or ("" if message else "model_not_installed"),
            params={"model": model, **(params or {})},
        )
        self.model = model


class ThinkingUnsupported(PlumeError):
    default_hint = "Turn thinking off for this model, or pick a reasoning model."


class ServerBusy(PlumeError):
    default_hint = "Ollama is busy with other requests; wait a moment and try again."


class OllamaTimeout(PlumeError):
    default_hint = (
        "The model may still be loading (large models take a while the first time). "
        "Try again, or raise the timeout in settings."
    )


class ContextTooSmall(PlumeError):
    default_hint = "Shorten the brief or the target length, or choose a model with a larger context."


class GenerationError(PlumeError):
    default_hint = "The text written so far is kept. Try again, or choose another model."
    partial_text: str = ""    # what the model had written before the failure


class InvalidModelOutput(GenerationError):
    pass


class Cancelled(PlumeError):
    def __init__(self, message: str = "Stopped.") -> None:
        super().__init__(message, hint="")


class ExportError(PlumeError):
    default_hint = "Choose another folder or file name, then export again."


class InputError(PlumeError):
    pass


class SettingsError(PlumeError):
    default_hint = "Fix or delete the settings file; Plume will start with defaults."


class StoreError(PlumeError):
    default_hint = (
        "Your articles are in the library file named above; check the disk has space and "
        "the folder is writable, then try again."
    )


class SecretStoreError(PlumeError):
    default_hint = (
        "No system keychain is available; the token was not stored. "
        "Install and unlock a keyring (e.g. GNOME Keyring, KWallet)."
    )
