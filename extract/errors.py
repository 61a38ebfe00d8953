"""The project's exceptions: one root class, so the CLI can turn any of them into a one-line message."""


class ActionPlansError(Exception):
    """Root of every error actionplans raises on purpose."""


class InputError(ActionPlansError):
    """A source document cannot be read as a plan (empty, binary, wrong encoding, no activities, ...)."""


class RegistryError(ActionPlansError):
    """The agency registry file is malformed, or an edit to it is not valid."""


class OutputError(ActionPlansError):
    """The output folder cannot be written."""


class RunError(ActionPlansError):
    """A run cannot go on for a reason outside its documents (the system refuses a worker process)."""
