// The article view: the document's text with every tally, event and statement highlighted by its span,
// and beside it each claim with its check verdict in plain words. Spans are Python str indices (code
// points); JavaScript strings count UTF-16 units, so the offsets are converted. Text goes in as text nodes.

const VERDICT = {
  consistent: "Agrees with the official figure",
  inconsistent: "Does not agree with the official figure",
  unverifiable: "Cannot be checked against the official series",
  consistent_with_evidence: "Consistent with the photo-confirmed evidence (Oryx)",
  exceeds_evidence: "More than the photo-confirmed evidence shows",
  below_evidence: "Fewer than the photo-confirmed evidence shows",
  claimed_with_media: "Claimed, with video or photos shared",
  unverified_claim: "Claimed, not verified",
  consistent_with_oryx_count: "Oryx holds photo evidence of such losses",
};

function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === "class") node.className = v;
    else node.setAttribute(k, String(v));
  }
  for (const c of children) if (c != null) node.append(c instanceof Node ? c : String(c));
  return node;
}

const fmt = (n) => (n == null ? "—" : Number(n).toLocaleString("en-US"));

/** UTF-16 offset of each code-point index (length = code points + 1). */
function codePointOffsets(text) {
  const out = [0];
  let u = 0;
  for (const ch of text) { u += ch.length; out.push(u); }
  return out;
}

export function verdictWords(check) {
  if (!check) return "Not checked";
  return VERDICT[check.status] || check.status.replaceAll("_", " ");
}

const isOfficial = (c) => Boolean(c.reference && c.reference.series);

function annotations(result) {
  // A claim may have several checks: the official series first (its verdict colours the highlight), then Oryx.
  const checks = new Map();
  for (const c of result.checks || []) {
    if (!checks.has(c.claim_id)) checks.set(c.claim_id, []);
    checks.get(c.claim_id).push(c);
  }
  const out = [];
  for (const t of result.loss_tallies || []) {
    const all = checks.get(t.id) || [];
    const check = all.find(isOfficial) || all[0];
    out.push({ id: t.id, kind: "tally", span: t.span, status: check ? check.status : "unchecked", record: t, check,
      others: all.filter((c) => c !== check), label: `${(t.category || "").replaceAll("_", " ")} ${fmt(t.value)}` });
  }
  for (const e of result.events || []) {
    const what = (e.target && (e.target.model || e.target.mention)) || e.type;
    const all = checks.get(e.id) || [];
    out.push({ id: e.id, kind: "event", span: e.span, status: (all[0] && all[0].status) || e.verification || "event",
      record: e, check: all[0], others: all.slice(1), label: `${e.outcome || e.type}: ${what}` });
  }
  for (const s of result.statements || []) {
    const who = (s.speaker && (s.speaker.name || s.speaker.mention)) || "unknown speaker";
    out.push({ id: s.id, kind: "statement", span: s.span, status: s.kind, record: s, label: `${who} (${s.kind})` });
  }
  return out.filter((a) => Array.isArray(a.span) && a.span[1] > a.span[0]);
}

function highlightedText(text, anns) {
  const map = codePointOffsets(text);
  const n = map.length - 1;
  const cut = new Set([0, n]);
  for (const a of anns) { cut.add(Math.max(0, Math.min(n, a.span[0]))); cut.add(Math.max(0, Math.min(n, a.span[1]))); }
  const points = [...cut].sort((p, q) => p - q);
  const body = h("div", { class: "article-text" });
  const first = new Set();
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(map[a], map[b]);
    const covering = anns.filter((x) => x.span[0] <= a && x.span[1] >= b);
    if (!covering.length) { body.append(piece); continue; }
    const cls = ["hl", ...new Set(covering.flatMap((x) => [x.kind, `${x.kind}-${x.status}`]))].join(" ");
    const mark = h("mark", { class: cls, "data-ids": covering.map((x) => x.id).join(" "),
      title: covering.map((x) => `${x.label}: ${x.kind === "tally" ? verdictWords(x.check) : x.status}`).join("\n") },
    piece);
    for (const x of covering) if (!first.has(x.id)) { first.add(x.id); mark.id = mark.id || `m-${x.id}`; }
    body.append(mark);
  }
  return body;
}

function claimItem(a) {
  const li = h("li", { class: `claim-item ${a.kind} ${a.kind}-${a.status}`, "data-id": a.id });
  const jump = h("a", { href: `#m-${a.id}`, class: "claim-label" }, a.label);
  li.append(h("span", { class: `badge ${a.kind}` }, a.kind), " ", jump);
  if (a.kind === "tally") {
    const t = a.record;
    const who = t.claimant && t.claimant.name ? ` — claimed by ${t.claimant.name}` : "";
    const side = t.losing_side ? `, ${t.losing_side} losses` : "";
    li.append(h("div", { class: "meta" }, `${t.scope || ""}${side}${t.as_of ? `, as of ${t.as_of}` : ""}${who}`));
    li.append(h("div", { class: `verdict ${a.status}` }, verdictWords(a.check) +
      (a.check && a.check.status === "inconsistent" && a.check.expected != null
        ? `: the bulletin says ${fmt(a.check.expected)}, the text ${fmt(a.check.found)}` : "")));
    if (a.check && a.check.explanation) li.append(h("div", { class: "explanation" }, a.check.explanation));
    for (const c of a.others) {
      li.append(h("div", { class: `verdict secondary ${c.status}` }, verdictWords(c)));
      if (c.explanation) li.append(h("div", { class: "explanation" }, c.explanation));
    }
  } else if (a.kind === "event") {
    const e = a.record;
    const actor = e.actor && (e.actor.name || e.actor.mention);
    const means = e.means && (e.means.model || e.means.mention || e.means.class);
    const when = e.time && (e.time.mention || e.time.start);
    const where = e.location && (e.location.name || e.location.mention);
    const bits = [actor && `by ${actor}`, means && `with ${means}`, when && `when: ${when}`, where && `where: ${where}`];
    li.append(h("div", { class: "meta" }, bits.filter(Boolean).join("; ") || "actor, time and place unknown"));
    const words = a.check ? verdictWords(a.check) : e.verification ? verdictWords({ status: e.verification })
      : "Claimed; not checked against evidence";
    li.append(h("div", { class: "verdict event" }, words));
    if (a.check && a.check.explanation) li.append(h("div", { class: "explanation" }, a.check.explanation));
  } else {
    const s = a.record;
    const bits = [s.cue && `"${s.cue}"`, s.channel, s.time && (s.time.mention || s.time.start)];
    li.append(h("div", { class: "meta" }, bits.filter(Boolean).join(", ")));
    li.append(h("div", { class: "quote" }, s.content.length > 240 ? s.content.slice(0, 240) + "…" : s.content));
  }
  jump.addEventListener("click", (ev) => {
    const mark = document.getElementById(`m-${a.id}`);
    if (!mark) return;
    ev.preventDefault();
    mark.scrollIntoView({ behavior: "smooth", block: "center" });
    mark.classList.add("flash");
    setTimeout(() => mark.classList.remove("flash"), 1200);
  });
  return li;
}

/** Render an extract result (the JSON contract) into `box`. */
export function renderArticle(box, result) {
  box.replaceChildren();
  const doc = result.document || {};
  const anns = annotations(result);
  const head = h("div", { class: "article-head" });
  const name = doc.title || (doc.source && !doc.source.startsWith("<") ? doc.source : "Pasted text");
  head.append(h("h2", {}, name));
  const facts = [doc.publisher, doc.published && `published ${doc.published}`, doc.language && `language ${doc.language}`]
    .filter(Boolean).join(" · ");
  if (facts) head.append(h("p", { class: "notes" }, facts));
  if (doc.url && /^https?:\/\//.test(doc.url)) head.append(h("p", {}, h("a", { href: doc.url, rel: "noreferrer" }, doc.url)));
  const PLURAL = { tally: "tallies", event: "events", statement: "statements" };
  const counts = Object.keys(PLURAL).map((k) => `${anns.filter((a) => a.kind === k).length} ${PLURAL[k]}`);
  const bad = anns.filter((a) => a.status === "inconsistent").length;
  head.append(h("p", { class: "summary" }, counts.join(", ") + (bad ? ` — ${bad} inconsistent with the official series` : "")));
  if (result.match && result.match.explanation) head.append(h("p", { class: "notes" }, result.match.explanation));
  const list = h("ol", { class: "claim-list" }, ...anns.sort((p, q) => p.span[0] - q.span[0]).map(claimItem));
  const grid = h("div", { class: "article" }, highlightedText(doc.text || "", anns), h("aside", {}, list));
  box.append(head, grid);
}
