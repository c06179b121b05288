// The dashboard: four views chosen by ?view=… ; every filter lives in the URL so a view can be shared.
import { renderArticle } from "./article.js";
import { drawChart } from "./chart.js";

const $ = (sel) => document.querySelector(sel);
const params = () => new URLSearchParams(location.search);

async function getJSON(url, opts) {
  const res = await fetch(url, opts);
  let body = null;
  try { body = await res.json(); } catch { /* not JSON */ }
  if (!res.ok || (body && body.ok === false)) {
    const err = new Error(body && body.error ? body.error : `${res.status} ${res.statusText}`);
    err.hint = body && body.errors && body.errors[0] && body.errors[0].hint;
    err.status = res.status;
    throw err;
  }
  return body;
}

function showError(node, err) {
  node.textContent = `Error: ${err.message}${err.hint ? ` — ${err.hint}` : ""}`;
  node.classList.add("error");
}

function setURL(p, push = true) {
  for (const [k, v] of [...p.entries()]) if (!v) p.delete(k);
  const url = `${location.pathname}?${p.toString()}`;
  if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
}

function fillForm(form, p) {
  for (const input of form.elements) if (input.name && input.type !== "checkbox") input.value = p.get(input.name) || "";
}

function formParams(form) {
  const p = new URLSearchParams();
  for (const input of form.elements) if (input.name && input.value && input.type !== "checkbox") p.set(input.name, input.value);
  return p;
}

// ---- series chart ------------------------------------------------------------------------------------

let categoriesLoaded = null;
let infoLoaded = null;
const info = () => (infoLoaded ||= getJSON("/api/info").catch(() => ({ ledger: false })));

async function loadCategories() {
  if (!categoriesLoaded) {
    categoriesLoaded = getJSON("/api/categories").then((body) => {
      const sel = $("#chart-category");
      for (const c of body.categories) {
        const opt = new Option(c.label, c.id);
        opt.title = `${c.first} → ${c.last}`;
        sel.append(opt);
      }
      return body;
    });
  }
  return categoriesLoaded;
}

async function claimPoints(category, from, to) {
  if (!(await info()).ledger) return [];
  const q = new URLSearchParams({ kind: "tally", category, limit: "1000", _shape: "array" });
  if (from) q.set("from", from);
  if (to) q.set("to", to);
  try {
    const rows = await getJSON(`/api/claims?${q}`);
    return rows.map((r) => ({ date: r.date, value: r.value, status: r.status, claimant: r.claimant, id: r.id }));
  } catch {
    return []; // no ledger behind this server: the chart still shows the series
  }
}

async function showChart() {
  const p = params();
  const form = $("#chart-form");
  await loadCategories();
  if (!p.get("category")) p.set("category", "tanks");
  fillForm(form, p);
  const notes = $("#chart-notes");
  notes.classList.remove("error");
  notes.textContent = "Loading…";
  const q = new URLSearchParams({ category: p.get("category") });
  if (p.get("from")) q.set("from", p.get("from"));
  if (p.get("to")) q.set("to", p.get("to"));
  try {
    const [series, claims] = await Promise.all([getJSON(`/api/series?${q}`),
      claimPoints(p.get("category"), p.get("from"), p.get("to"))]);
    drawChart($("#chart-box"), series, claims);
    const corrections = series.revisions.filter((r) => r.kind === "correction").length;
    notes.textContent = `${series.label}: ${series.count} bulletins ${series.from} → ${series.to}; ` +
      `sources ${series.sources.join(", ")}; ${series.disputed} days where they disagree; ` +
      `${corrections} official revisions; ${claims.length} claims from the ledger` +
      (series.oryx ? "; Oryx lower bound shown" : "; no comparable Oryx count");
    $("#chart-box").dataset.drawn = "1";
  } catch (err) {
    showError(notes, err);
  }
}

$("#chart-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const p = formParams(ev.target);
  p.set("view", "chart");
  setURL(p);
  showChart();
});

// ---- claims table ------------------------------------------------------------------------------------

const COLUMNS = [
  ["kind", "Kind"], ["category", "Category"], ["value", "Value"], ["claimant", "Claimant"], ["side", "Side"],
  ["date", "Date"], ["status", "Verdict"], ["text", "Text"], ["document", "Article"],
];

// A ledger claim row: {ledger_id, kind, id, category, value, side, claimant, claimant_side, status, as_of, date,
// record (the full record), document: {id, title, source, url, published}}.
function claimText(rec) {
  if (!rec) return "";
  if (rec.content) return rec.content.length > 160 ? rec.content.slice(0, 160) + "…" : rec.content;
  if (rec.value_text) return `${rec.value_text} ${rec.category_text || ""}`.trim();
  const target = rec.target && (rec.target.mention || rec.target.model);
  return [rec.trigger, target].filter(Boolean).join(" ");
}

function cell(row, key) {
  switch (key) {
    case "claimant": return row.claimant || "";
    case "side": return row.side || "";
    case "value": return row.value == null ? "" : Number(row.value).toLocaleString("en-US");
    case "text": return claimText(row.record);
    default: return row[key] == null ? "" : String(row[key]);
  }
}

function claimRow(row) {
  const tr = document.createElement("tr");
  for (const [key, label] of COLUMNS) {
    const td = document.createElement("td");
    td.dataset.label = label; // shown before the value when the table becomes cards on a phone
    td.classList.add(`col-${key}`);
    if (key === "document") {
      const id = row.document_id;
      if (id) {
        const a = document.createElement("a");
        a.href = `/?view=doc&id=${encodeURIComponent(id)}#m-${encodeURIComponent(row.id)}`;
        a.textContent = (row.document && (row.document.title || row.document.source)) || id.slice(0, 10);
        td.append(a);
      }
    } else {
      td.textContent = cell(row, key);
      if (key === "status" && row.status) td.classList.add("verdict", row.status);
    }
    tr.append(td);
  }
  return tr;
}

let nextURL = null;

async function loadClaims(url, append) {
  const status = $("#claims-status");
  status.classList.remove("error");
  try {
    const body = await getJSON(url);
    const tbody = $("#claims-table tbody");
    if (!append) tbody.replaceChildren();
    for (const row of body.rows) tbody.append(claimRow(row));
    nextURL = body.next_url;
    $("#claims-more").hidden = !nextURL;
    const shown = tbody.children.length;
    status.textContent = `${shown} claims shown${nextURL ? " — more below" : ""}`;
  } catch (err) {
    showError(status, err);
  }
}

async function showClaims() {
  const p = params();
  if (!(await info()).ledger) {
    $("#claims-status").textContent = "This server runs without a ledger: start it with warclaims serve --db claims.db.";
    return;
  }
  const form = $("#claims-form");
  fillForm(form, p);
  const head = $("#claims-table thead");
  if (!head.children.length) {
    const tr = document.createElement("tr");
    for (const [, label] of COLUMNS) { const th = document.createElement("th"); th.textContent = label; tr.append(th); }
    head.append(tr);
  }
  const q = formParams(form);
  $("#download-excel").href = `/api/claims.csv?${new URLSearchParams([...q, ["excel", "1"]])}`;
  $("#download-jsonl").href = `/api/claims.jsonl?${q}`;
  await loadClaims(`/api/claims?${q}`, false);
}

$("#claims-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const p = formParams(ev.target);
  p.set("view", "claims");
  setURL(p);
  showClaims();
});
$("#claims-more").addEventListener("click", () => nextURL && loadClaims(nextURL, true));

// ---- articles in the ledger ---------------------------------------------------------------------------

let docsNext = null;

function docRow(d) {
  const tr = document.createElement("tr");
  const link = document.createElement("a");
  link.href = `/?view=doc&id=${encodeURIComponent(d.id)}`;
  link.textContent = d.title || d.source || d.id.slice(0, 12);
  const cells = [link, d.published || "", d.language || "", String(d.claims ?? ""),
    d.snippet || (d.duplicate_of ? `copy of ${d.duplicate_of.slice(0, 10)}` : "")];
  const labels = ["Article", "Published", "Language", "Claims", "Found"];
  cells.forEach((c, i) => {
    const td = document.createElement("td");
    td.dataset.label = labels[i];
    td.append(c);
    tr.append(td);
  });
  return tr;
}

async function loadDocs(url, append) {
  const status = $("#docs-status");
  status.classList.remove("error");
  try {
    const body = await getJSON(url);
    const tbody = $("#docs-table tbody");
    if (!append) tbody.replaceChildren();
    for (const d of body.rows) tbody.append(docRow(d));
    docsNext = body.next_url;
    $("#docs-more").hidden = !docsNext;
    status.textContent = `${tbody.children.length} articles shown${docsNext ? " — more below" : ""}`;
  } catch (err) {
    showError(status, err);
  }
}

async function showDocs() {
  if (!(await info()).ledger) {
    $("#docs-status").textContent = "This server runs without a ledger: start it with warclaims serve --db claims.db.";
    return;
  }
  const p = params();
  fillForm($("#docs-form"), p);
  const q = new URLSearchParams();
  if (p.get("q")) q.set("q", p.get("q"));
  await loadDocs(`/api/documents?${q}`, false);
}

$("#docs-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const p = formParams(ev.target);
  p.set("view", "docs");
  setURL(p);
  showDocs();
});
$("#docs-more").addEventListener("click", () => docsNext && loadDocs(docsNext, true));

// ---- paste or URL: extract and check --------------------------------------------------------------------

$("#check-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const form = ev.target;
  const status = $("#check-status");
  status.classList.remove("error");
  const text = form.elements.text.value, url = form.elements.url.value.trim();
  const body = { store: form.elements.store.checked };
  if (url && !text.trim()) body.url = url; else body.text = text;
  if (form.elements.published.value) body.published = form.elements.published.value;
  status.textContent = "Extracting and checking…";
  $("#check-run").disabled = true;
  try {
    const result = await getJSON("/api/extract", { method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify(body) });
    status.textContent = result.stored ? `Done — kept in the ledger (${result.stored}). ` : "Done.";
    if (result.stored) {
      const a = document.createElement("a");
      a.href = `/?view=doc&id=${encodeURIComponent(result.document.id)}`;
      a.textContent = "Open it from the ledger";
      status.append(a);
      infoLoaded = null; // the ledger's counts changed
    }
    renderArticle($("#check-result"), result);
  } catch (err) {
    showError(status, err);
  } finally {
    $("#check-run").disabled = false;
  }
});

// ---- one document from the ledger ---------------------------------------------------------------------

async function showDoc() {
  const id = params().get("id");
  const status = $("#doc-status");
  status.classList.remove("error");
  status.textContent = "Loading…";
  try {
    const doc = await getJSON(`/api/documents/${encodeURIComponent(id || "")}`);
    status.textContent = "";
    // the ledger's document is the contract's document with the records beside it
    renderArticle($("#doc-result"), { ...doc, document: doc });
    if (location.hash) {
      const mark = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (mark) { mark.scrollIntoView({ block: "center" }); mark.classList.add("flash"); }
    }
  } catch (err) {
    showError(status, err);
  }
}

// ---- routing ------------------------------------------------------------------------------------------

const VIEWS = { chart: showChart, claims: showClaims, docs: showDocs, check: async () => {}, doc: showDoc };

function route() {
  const view = VIEWS[params().get("view")] ? params().get("view") : "chart";
  for (const section of document.querySelectorAll(".view")) section.hidden = section.id !== `view-${view}`;
  for (const a of document.querySelectorAll("nav a[data-view]")) a.classList.toggle("active", a.dataset.view === view);
  document.body.dataset.view = view;
  return VIEWS[view]();
}

window.addEventListener("popstate", route);
for (const a of document.querySelectorAll("nav a[data-view]")) {
  a.addEventListener("click", (ev) => {
    ev.preventDefault();
    setURL(new URLSearchParams({ view: a.dataset.view }));
    route();
  });
}
route();
