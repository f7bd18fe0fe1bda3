"""The base of the ctypes wrappers of core objects: an opaque handle created on a Context,
freed with ``<destroy>(ctx, handle)``, usable as a context manager; and the guard that
keeps a Python exception raised in a callback from unwinding through C (the callback
returns non-zero, the core stops, the exception is raised again after the call)."""

import ctypes
from typing import Any, Callable, Dict, Iterable, Optional

from .errors import GuotuError
from .native import Context, Status


class NativeHandle:
    _destroy = ""     # name of the guotu_*_destroy(ctx, handle) function
    _what = "object"  # named in "... already destroyed"

    def __init__(self, ctx: Context, lib: Any) -> None:
        self._ctx = ctx
        self._lib = lib
        self._handle: Optional[int] = None
        self._callback_error: Optional[BaseException] = None

    @property
    def handle(self) -> int:
        if self._handle is None:
            raise GuotuError(int(Status.ERR_STATE), "GUOTU_ERR_STATE", f"{self._what} already destroyed")
        return self._handle

    def close(self) -> None:
        if self._handle is not None:
            getattr(self._lib, self._destroy)(self._ctx.handle, self._handle)
            self._handle = None

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _call(self, name: str, *args: object) -> None:
        """``name(ctx, handle, *args)``, raised through the context when it fails."""
        self._ctx.check(getattr(self._lib, name)(self._ctx.handle, self.handle, *args))

    def guarded(self, handle_record: Callable[[Any], None]) -> Callable[[Any, Any], int]:
        """A C callback (pointer, user_data) -> int that hands ``pointer.contents`` to
        ``handle_record``; an exception is kept for raise_callback_error and stops the run."""

        def bridge(pointer, _user) -> int:
            try:
                handle_record(pointer.contents)
                return 0
            except BaseException as e:  # noqa: BLE001 — re-raised by raise_callback_error
                self._callback_error = e
                return 1

        return bridge

    def check_run(self, status: int) -> None:
        """After a call that ran callbacks: their exception if one stopped it, else the status."""
        if self._callback_error is not None:
            error, self._callback_error = self._callback_error, None
            raise error
        self._ctx.check(status)


def initial_options(struct_type: Any, init: Callable[[Any], None]) -> Any:
    """A ctypes options struct as the core's ``guotu_*_options_init`` fills it."""
    opts = struct_type()
    init(ctypes.byref(opts))
    return opts


def numbers_of(opts: Any, names: Iterable[str]) -> Dict[str, float]:
    """The named numbers of an options struct, by field name."""
    return {name: getattr(opts, name) for name in names}


def set_numbers(opts: Any, options: Any, names: Iterable[str]) -> None:
    """Copies the named numbers of ``options`` into the struct; None keeps the core's default."""
    for name in names:
        value = getattr(options, name)
        if value is not None:
            setattr(opts, name, float(value))
