"""A view's messages, checked: what a view may set, and every view corrected when a
value is refused (mixed into :class:`~headwidget.widget.HeadMapWidget`)."""

from __future__ import annotations

import warnings
from typing import Any

import traitlets
from ipywidgets.widgets import widget as ipywidgets_widget

from .labels import short
from .traits import from_view

#: The traits a view may set only together: one rule at a time, so a message holding both is one change.
_RULE = ("threshold", "top_k")

#: ipywidgets' own key a front end may send (its view count, when tracking is on).
_FRONT_END_KEYS = frozenset({"_view_count"})


class ViewUpdateRefused(UserWarning):
    """A view sent a value the widget refused; every view was sent back the value Python keeps."""


class ViewMessages:
    """``set_state`` for an ipywidgets ``Widget`` whose synced traits are tagged by :mod:`headwidget.traits`."""

    def set_state(self, sync_data: dict[str, Any]) -> None:
        """Apply a view's update: the good keys apply, the refused ones are corrected.

        ipywidgets echoes a view's values to every view *before* checking them, so a
        refused value reached the other views. Here each change is checked and applied
        first, then the echo carries the values Python holds for every key of the
        message; a refused key is corrected in every view, the sender included.

        Parameters
        ----------
        sync_data : dict
            The message's state, buffers in place, as ``_handle_msg`` passes it.
        """
        names = [name for name in sync_data if name in self.keys]
        refused: dict[str, str] = {}
        try:
            # Locked as ipywidgets does, so a value that stays as the view sent it is not
            # sent straight back; a normalised one (e.g. sorted pairs) still is.
            with self._lock_property(**sync_data):
                for change in self._changes(names):
                    reason = self._apply(change, sync_data)
                    if reason is not None:
                        refused.update(dict.fromkeys(change, reason))
        finally:
            self._send_back(names, refused)
        if refused:
            reasons = "; ".join(dict.fromkeys(refused.values()))
            # A comm handler must not raise (the kernel logs a traceback and the view learns
            # nothing); the view is corrected, and the user reads why here.
            warnings.warn(
                f"headwidget: a view's change to {', '.join(refused)} was refused and every view shows "
                f"Python's value again: {reasons}",
                ViewUpdateRefused,
                stacklevel=2,
            )

    @staticmethod
    def _changes(names: list[str]) -> list[tuple[str, ...]]:
        """The message's keys as independent changes: the rule pair is one, every other key its own."""
        rule = tuple(name for name in _RULE if name in names)
        changes: list[tuple[str, ...]] = [(name,) for name in names if name not in _RULE]
        return changes + [rule] if rule else changes

    def _apply(self, change: tuple[str, ...], sync_data: dict[str, Any]) -> str | None:
        """Set one change's traits together (all or none of them); the reason if refused."""
        for name in change:
            # Only what a view of ours sends: anywidget's _esm / _css and ipywidgets' layout
            # are read-only too, so one browser cannot restyle or re-code the others' views.
            if name not in from_view(type(self)) and name not in _FRONT_END_KEYS:
                return f"{name} is read-only from a view (set it from Python); got {short(sync_data[name])}"
        if all(sync_data.get(name) is not None for name in _RULE) and change == _RULE:
            return (
                "threshold and top_k in one change: give exactly one (a widget classifies by one rule at a time); "
                f"got threshold={short(sync_data['threshold'])}, top_k={short(sync_data['top_k'])}"
            )
        try:
            # hold_trait_notifications cross-validates the pair at the end and rolls it back whole.
            with self.hold_trait_notifications():
                for name in change:
                    from_json = self.trait_metadata(name, "from_json", self._trait_from_json)
                    self.set_trait(name, from_json(sync_data[name], self))
        except traitlets.TraitError as exc:
            return str(exc)
        return None

    def _send_back(self, names: list[str], refused: dict[str, str]) -> None:
        """Echo Python's values for the message's keys; without echo, correct the refused keys."""
        if ipywidgets_widget.JUPYTER_WIDGETS_ECHO:
            echoed = [name for name in names if self.trait_metadata(name, "echo_update", default=True)]
            if echoed:
                state, buffer_paths, buffers = ipywidgets_widget._remove_buffers(self.get_state(echoed))
                self._send({"method": "echo_update", "state": state, "buffer_paths": buffer_paths}, buffers=buffers)
            # The echo reaches the sender too (its own message's echo is applied): that corrects it.
            refused = {name: reason for name, reason in refused.items() if name not in echoed}
        if refused:
            self.send_state(list(refused))
