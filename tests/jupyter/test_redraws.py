"""One change, one redraw: a rule or data change made from Python reaches the view as one
comm message and is drawn once, in a real JupyterLab.

The page counts (a) the widget's comm messages, as JupyterLab's kernel connection
receives and sends them, and (b) its canvas writes (``putImageData`` / ``drawImage``,
instrumented before the page loads), grouped into redraws: the writes of one task (a
redraw runs in one animation-frame callback) are one redraw.
"""

from __future__ import annotations

import json

from .notebook import Notebook, errors_of_ours

SETUP = (
    "import json\n"
    "import numpy as np\n"
    "from headwidget import HeadMapWidget\n"
    "rng = np.random.default_rng(0)\n"
    "scores = rng.random((24, 16, 4), dtype=np.float32)\n"
    "widget = HeadMapWidget.from_scores(scores, threshold=0.8)\n"
    "widget"
)

# Every canvas write, and the redraws they make: writes in one task are one redraw.
COUNT_WRITES = """
(() => {
  const draws = { writes: 0, redraws: 0, open: false };
  window.hwDraws = draws;
  for (const name of ["putImageData", "drawImage"]) {
    const original = CanvasRenderingContext2D.prototype[name];
    CanvasRenderingContext2D.prototype[name] = function (...args) {
      draws.writes++;
      if (!draws.open) {
        draws.open = true;
        draws.redraws++;
        setTimeout(() => { draws.open = false; }, 0);
      }
      return original.apply(this, args);
    };
  }
})();
"""

# The widget's comm messages through the kernel connection, both ways.
COUNT_MESSAGES = """
(commId) => {
  const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
  const log = { recv: [], send: [] };
  window.hwComm = log;
  kernel.anyMessage.connect((_, { msg, direction }) => {
    if (msg.header.msg_type !== "comm_msg" || msg.content.comm_id !== commId) return;
    const data = msg.content.data || {};
    log[direction].push({ method: data.method, keys: Object.keys(data.state || {}).sort() });
  });
}
"""

READ = """async () => {
  // two frames: a redraw scheduled by the last message has run
  for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  const counts = { writes: hwDraws.writes, redraws: hwDraws.redraws, recv: hwComm.recv.splice(0),
                   send: hwComm.send.splice(0) };
  hwDraws.writes = 0;
  hwDraws.redraws = 0;
  return counts;
}"""

SETTLE_MS = 400  # after the kernel is idle: the message has arrived; room for a stray second redraw


def change(page, nb: Notebook, source: str) -> dict:
    """Run ``source`` in the spare cell; what reached the view and how often it drew."""
    page.evaluate(READ)  # start from zero
    output = nb.execute(2, source)
    assert output == "", output  # no error
    page.wait_for_timeout(SETTLE_MS)
    return page.evaluate(READ)


def test_each_change_from_python_is_one_message_and_one_redraw(page, jupyter):
    page.add_init_script(COUNT_WRITES)
    nb = Notebook(page, jupyter, "redraws.ipynb", [SETUP, "print(widget.model_id)", "pass"])
    nb.run_all()
    comm_id = nb.execute(1).strip()
    page.evaluate(COUNT_MESSAGES, comm_id)
    page.wait_for_timeout(SETTLE_MS)

    # What one redraw writes: a threshold step redraws every panel and nothing else.
    first = change(page, nb, "widget.threshold = 0.75")
    assert first["redraws"] == 1, first
    per_redraw = first["writes"]
    assert per_redraw > 0

    seen = {"threshold = 0.75": first}
    for t in (0.7, 0.65, 0.85, 0.9):
        seen[f"threshold = {t}"] = change(page, nb, f"widget.threshold = {t}")
    seen["top_k = 2"] = change(page, nb, "widget.top_k = 2")
    seen["top_k = 3"] = change(page, nb, "widget.top_k = 3")
    seen["threshold = 0.8"] = change(page, nb, "widget.threshold = 0.8")
    # Five changes in one cell: five messages, and never more than one redraw each.
    loop = change(page, nb, "for t in (0.71, 0.72, 0.73, 0.74, 0.75):\n    widget.threshold = t")
    print("loop", json.dumps({k: loop[k] for k in ("redraws", "writes")}), len(loop["recv"]))
    assert len(loop["recv"]) == 5, loop
    assert 1 <= loop["redraws"] <= 5, loop
    assert loop["writes"] == loop["redraws"] * per_redraw, loop
    seen["set_scores"] = change(page, nb, "widget.set_scores(rng.random((24, 16, 4), dtype=np.float32), threshold=0.6)")
    seen["set_labels"] = change(page, nb, "widget.set_labels(rng.random((24, 16, 4)) < 0.3)")
    report = {
        name: {
            "messages": len(c["recv"]),
            "keys": [m["keys"] for m in c["recv"]],
            "sent_back": len(c["send"]),
            "redraws": c["redraws"],
            "writes": c["writes"],
        }
        for name, c in seen.items()
    }
    print(json.dumps({"per_redraw_writes": per_redraw, **report}))
    for name, r in report.items():
        assert r["messages"] == 1, (name, r)
        assert r["sent_back"] == 0, (name, r)  # the view echoes nothing back
        assert r["redraws"] == 1, (name, r)
        assert r["writes"] == per_redraw, (name, r)  # one full redraw, not two half ones
    assert report["top_k = 2"]["keys"] == [["threshold", "top_k"]]  # the rule switch is one message
    assert report["threshold = 0.8"]["keys"] == [["threshold", "top_k"]]

    assert errors_of_ours(page.errors) == []
