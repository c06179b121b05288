// The series chart, hand-written SVG (no library, no CDN): the consensus line, days where the sources
// disagree, official revisions, claims from the ledger as points, and Oryx's photo-confirmed lower bound.
// Every label is set with textContent: nothing from the data is parsed as markup.

const NS = "http://www.w3.org/2000/svg";
const DAY = 86400000;

function el(name, attrs = {}, parent = null) {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (parent) parent.appendChild(node);
  return node;
}

function title(node, text) {
  el("title", {}, node).textContent = text;
  return node;
}

const toTime = (iso) => Date.parse(iso.slice(0, 10) + "T00:00:00Z");
const fmt = (n) => (n == null ? "—" : Number(n).toLocaleString("en-US"));

function niceTicks(lo, hi, count) {
  const span = hi - lo || 1;
  const step0 = span / count;
  const mag = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= step0) || step0;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi; v += step) out.push(v);
  return out;
}

function dateTicks(t0, t1, maxTicks) {
  const days = (t1 - t0) / DAY;
  const out = [];
  const d = new Date(t0);
  d.setUTCDate(1);
  const months = days / 30.4;
  const monthStep = days <= 120 ? 0 : [1, 2, 3, 6, 12, 24].find((m) => months / m <= maxTicks) || 24;
  if (monthStep === 0) {
    const step = Math.max(1, Math.round(days / Math.max(2, maxTicks)));
    for (let t = t0; t <= t1; t += step * DAY) out.push(t);
    return out;
  }
  d.setUTCMonth(Math.floor(d.getUTCMonth() / monthStep) * monthStep);
  while (d.getTime() <= t1) {
    if (d.getTime() >= t0) out.push(d.getTime());
    d.setUTCMonth(d.getUTCMonth() + monthStep);
  }
  return out;
}

/** Draw into `box` (emptied first). series: the /api/series payload; claims: ledger rows (may be empty). */
export function drawChart(box, series, claims = []) {
  box.replaceChildren();
  const rows = series.rows.filter((r) => r.consensus != null);
  if (!rows.length) {
    box.textContent = "No values for this category in this period.";
    return null;
  }
  // The drawing is as wide as its box, so text stays 12 px on a phone instead of shrinking with the SVG.
  const W = Math.max(300, Math.min(1400, Math.round(box.clientWidth || 900)));
  const H = W < 600 ? Math.round(W * 0.8) : 420;
  const m = { l: W < 600 ? 52 : 70, r: 12, t: 16, b: 36 };
  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart", role: "img",
    "aria-label": `${series.label}: official series ${series.from} to ${series.to}` }, box);
  const t0 = toTime(rows[0].date), t1 = Math.max(toTime(rows[rows.length - 1].date), t0 + DAY);
  const claimPts = claims.map((c) => ({ c, t: toTime(c.date), v: c.value }))
    .filter((p) => Number.isFinite(p.t) && Number.isFinite(p.v) && p.t >= t0 && p.t <= t1);
  const oryx = (series.oryx && series.oryx.points) || [];
  const values = rows.flatMap((r) => [r.consensus, ...Object.values(r.sources || {}).filter((v) => v != null)]);
  values.push(...claimPts.map((p) => p.v), ...oryx.map((p) => p.value));
  let lo = Math.min(...values), hi = Math.max(...values);
  const pad = (hi - lo) * 0.05 || Math.max(1, hi * 0.05);
  lo = Math.max(0, lo - pad); hi += pad;
  const x = (t) => m.l + ((t - t0) / (t1 - t0)) * (W - m.l - m.r);
  const y = (v) => H - m.b - ((v - lo) / (hi - lo)) * (H - m.t - m.b);

  const axes = el("g", { class: "axes" }, svg);
  const short = (v) => (W < 600 && hi >= 10000 && v >= 1000 ? `${Math.round(v / 1000)}k` : fmt(v));
  for (const v of niceTicks(lo, hi, 5)) {
    el("line", { x1: m.l, x2: W - m.r, y1: y(v), y2: y(v), class: "grid" }, axes);
    el("text", { x: m.l - 6, y: y(v) + 4, "text-anchor": "end" }, axes).textContent = short(v);
  }
  for (const t of dateTicks(t0, t1, Math.max(2, Math.floor((W - m.l - m.r) / 75)))) {
    el("line", { x1: x(t), x2: x(t), y1: m.t, y2: H - m.b, class: "grid" }, axes);
    el("text", { x: x(t), y: H - m.b + 18, "text-anchor": "middle" }, axes).textContent =
      new Date(t).toISOString().slice(0, (t1 - t0) / DAY > 120 ? 7 : 10);
  }

  // Revisions first (behind the line): a dashed vertical rule at the date, described in its tooltip.
  const revs = el("g", { class: "revisions" }, svg);
  const byDate = new Map();
  for (const r of series.revisions || []) {
    if (!byDate.has(r.date)) byDate.set(r.date, []);
    byDate.get(r.date).push(r);
  }
  for (const [date, evs] of byDate) {
    const t = toTime(date);
    const g = el("g", { class: "revision" }, revs);
    el("line", { x1: x(t), x2: x(t), y1: m.t, y2: H - m.b }, g);
    el("path", { d: `M${x(t) - 5},${m.t} L${x(t) + 5},${m.t} L${x(t)},${m.t + 8} Z` }, g);
    title(g, `${date}: ` + evs.map((e) => e.kind === "correction"
      ? `official revision ${e.change > 0 ? "+" : ""}${e.change}`
      : `${e.source} went down ${fmt(e.before)} → ${fmt(e.after)}${e.anomaly ? " (anomaly)" : ""}`).join("; "));
  }

  const line = rows.map((r, i) => `${i ? "L" : "M"}${x(toTime(r.date)).toFixed(1)},${y(r.consensus).toFixed(1)}`);
  el("path", { d: line.join(""), class: "consensus" }, svg);

  if (oryx.length) {
    const od = oryx.map((p, i) => `${i ? "L" : "M"}${x(toTime(p.date)).toFixed(1)},${y(p.value).toFixed(1)}`);
    title(el("path", { d: od.join(""), class: "oryx" }, svg), series.oryx.note || "Oryx lower bound");
  }

  const disputed = el("g", { class: "disputes" }, svg);
  for (const r of rows.filter((r) => r.disputed)) {
    const c = el("circle", { cx: x(toTime(r.date)), cy: y(r.consensus), r: 4, class: "disputed" }, disputed);
    const parts = Object.entries(r.sources || {}).map(([k, v]) => `${k} ${fmt(v)}`);
    title(c, `${r.date}: sources disagree (${parts.join(", ")}); consensus ${fmt(r.consensus)} by ${r.basis}`);
  }

  const pts = el("g", { class: "claims" }, svg);
  for (const p of claimPts) {
    const cls = "claim " + (p.c.status || "unchecked");
    const node = el("circle", { cx: x(p.t), cy: y(p.v), r: 5, class: cls }, pts);
    title(node, `${p.c.date}: ${fmt(p.v)} claimed by ${p.c.claimant || "unknown"} — ${p.c.status || "not checked"}`);
  }

  // A read-out that follows the pointer: the nearest bulletin's values.
  const cross = el("line", { y1: m.t, y2: H - m.b, class: "cross", visibility: "hidden" }, svg);
  const readout = document.createElement("div");
  readout.className = "readout";
  box.appendChild(readout);
  const times = rows.map((r) => toTime(r.date));
  svg.addEventListener("pointermove", (ev) => {
    const rect = svg.getBoundingClientRect();
    const px = ((ev.clientX - rect.left) / rect.width) * W;
    const t = t0 + ((px - m.l) / (W - m.l - m.r)) * (t1 - t0);
    let i = times.findIndex((tt) => tt >= t);
    if (i < 0) i = rows.length - 1;
    const r = rows[i];
    cross.setAttribute("x1", x(times[i])); cross.setAttribute("x2", x(times[i]));
    cross.setAttribute("visibility", "visible");
    const srcs = Object.entries(r.sources || {}).map(([k, v]) => `${k} ${fmt(v)}`).join(", ");
    readout.textContent = `${r.date} (day ${r.war_day}): ${fmt(r.consensus)}` +
      (r.delta != null ? ` (${r.delta >= 0 ? "+" : ""}${r.delta})` : "") + ` — ${srcs}` +
      (r.disputed ? " — sources disagree" : "");
  });
  svg.addEventListener("pointerleave", () => cross.setAttribute("visibility", "hidden"));
  return svg;
}
