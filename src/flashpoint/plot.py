"""Charts of database results, drawn to files with matplotlib (no display needed)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .store.queries import QUAD_CLASS_NAMES


def plot_dyad(series: pd.DataFrame, a: str, b: str, out: Path, directed: bool = False) -> None:
    """Draw a dyad timeline (stacked QuadClass counts and the Goldstein mean) as a PNG."""
    import matplotlib

    matplotlib.use("Agg")  # no display: the CLI and servers draw to files
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(10, 4))
    if not series.empty:
        x = pd.to_datetime(series["period"])
        bottom = None
        colors = {"q1": "#4c9f70", "q2": "#1f6f43", "q3": "#e69f00", "q4": "#c0392b"}
        width = 0.8 if len(series) < 2 else (x.iloc[1] - x.iloc[0]).days * 0.8
        for q, color in colors.items():
            ax.bar(x, series[q], width=width, bottom=bottom, color=color,
                   label=QUAD_CLASS_NAMES[int(q[1])])
            bottom = series[q] if bottom is None else bottom + series[q]
        ax2 = ax.twinx()
        ax2.plot(x, series["goldstein_mean"], color="black", marker="o", label="Goldstein mean")
        ax2.axhline(0, color="grey", linewidth=0.5)
        ax2.set_ylim(-10.5, 10.5)
        ax2.set_ylabel("Goldstein mean")
        ax.legend(loc="upper left", fontsize="small")
    import matplotlib.dates as mdates

    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    fig.autofmt_xdate()
    ax.set_ylabel("events")
    ax.set_title(f"{a} {'→' if directed else '↔'} {b}")
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=100)
    plt.close(fig)
