"""Charts for the evaluation reports, drawn with matplotlib and embedded as inline SVG.

One function per chart kind; each returns an SVG string, so a report is a single
self-contained HTML file that opens anywhere without the plotting library.
"""

from __future__ import annotations

import html
import io


def bar_chart(title: str, rows: list[tuple[str, float]], targets: dict[str, float] | None = None) -> str:
    """Horizontal bars of shares (0–1), one per row, with a tick at each row's target if it has one."""
    import matplotlib

    matplotlib.use("Agg")  # no display on a server, and no GUI toolkit to import
    from matplotlib import pyplot as plt

    labels = [label for label, _ in rows]
    values = [max(0.0, min(1.0, value)) for _, value in rows]
    # Text stays text in the SVG (not glyph outlines): readable by screen readers and searchable.
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        return _draw(plt, title, labels, values, rows, targets)


def _draw(plt, title, labels, values, rows, targets) -> str:
    fig, ax = plt.subplots(figsize=(7.5, 0.4 * len(rows) + 1.0))
    try:
        bars = ax.barh(range(len(rows)), values, color="#3b7dd8")
        ax.bar_label(bars, labels=[f"{v:.3f}" for _, v in rows], padding=3, fontsize=9)
        for y, label in enumerate(labels):
            if targets and label in targets:
                ax.plot([targets[label]] * 2, [y - 0.4, y + 0.4], color="#c0392b", linewidth=2)
        ax.set_yticks(range(len(rows)), labels, fontsize=9)
        ax.invert_yaxis()
        ax.set_xlim(0, 1.12)
        ax.set_title(title, fontsize=11, loc="left")
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        out = io.StringIO()
        fig.savefig(out, format="svg")
    finally:
        plt.close(fig)
    svg = out.getvalue()
    return svg[svg.index("<svg"):]  # drop the XML prologue: the SVG sits inside an HTML page


def html_page(title: str, charts: list[str], notes: list[str] = ()) -> str:
    """A self-contained page: the charts, then plain-text notes."""
    body = "".join(f"<figure>{svg}</figure>" for svg in charts)
    body += "".join(f"<p>{html.escape(note)}</p>" for note in notes)
    return (f"<!doctype html><html lang='en'><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<body style='font-family:sans-serif;max-width:60em'><h1>{html.escape(title)}</h1>"
            f"{body}<p>Red ticks mark the targets.</p></body></html>")
