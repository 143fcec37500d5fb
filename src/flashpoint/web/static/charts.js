// Dyad timeline: QuadClass counts as stacked bars, Goldstein mean as a line on a second axis.
// The data sit in a JSON <script> block rendered by the server; plotly.js is served locally.
(function () {
  var holder = document.getElementById("dyad-chart");
  var source = document.getElementById("dyad-data");
  if (!holder || !source) { return; }
  if (typeof Plotly === "undefined") {
    holder.textContent = "Chart unavailable (plotly.js not installed); see the table below.";
    return;
  }
  var data = JSON.parse(source.textContent);
  var s = data.series;
  var x = s.map(function (p) { return p.period; });
  var classes = [
    ["q1", "Verbal cooperation", "#6aa84f"], ["q2", "Material cooperation", "#2e7d32"],
    ["q3", "Verbal conflict", "#e69138"], ["q4", "Material conflict", "#c62828"]
  ];
  var traces = classes.map(function (c) {
    return { type: "bar", name: c[1], x: x, y: s.map(function (p) { return p[c[0]]; }),
             marker: { color: c[2] } };
  });
  traces.push({
    type: "scatter", mode: "lines+markers", name: "Goldstein (mean)", x: x, yaxis: "y2",
    y: s.map(function (p) { return p.goldstein_mean; }), connectgaps: false,
    line: { color: "#1d2430", width: 2 }, marker: { size: 6 }
  });
  Plotly.newPlot(holder, traces, {
    barmode: "stack", margin: { t: 30, r: 60, b: 50, l: 50 },
    legend: { orientation: "h", y: -0.18 },
    xaxis: { title: { text: data.freq === "day" ? "day" : "week" }, type: "date" },
    yaxis: { title: { text: "events" }, rangemode: "tozero" },
    yaxis2: { title: { text: "Goldstein (mean)" }, overlaying: "y", side: "right",
              range: [-10.5, 10.5], tickmode: "array", tickvals: [-10, -5, 0, 5, 10],
              showgrid: false, zeroline: true, zerolinecolor: "#999" },
    font: { family: "system-ui, sans-serif", size: 12 }
  }, { displaylogo: false, responsive: true });
}());
