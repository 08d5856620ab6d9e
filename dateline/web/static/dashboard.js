// The dashboard: filters <-> URL, then the map, the timeline and the event list from the API.
import { clear, el, eventHref, getJSON, typeClass } from "./dom.js";
import { EventMap } from "./map.js";
import { drawTimeline } from "./timeline.js";

const PAGE = 50;
const MAP_LIMIT = 5000;
const FILTERS = ["from", "to", "country", "admin1", "type", "actor", "q", "min_confidence"];

const form = document.getElementById("filters");
const status = document.getElementById("status");
const map = new EventMap(document.getElementById("map"));
let offset = 0;
let generation = 0; // a newer load makes the answers of an older one stale

function filterParams() {
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const value = form.elements[name].value.trim();
    if (value) params.set(name, value);
  }
  return params;
}

function setForm(params) {
  for (const name of [...FILTERS, "sort"]) {
    const field = form.elements[name];
    const value = params.get(name) || (name === "sort" ? "-event_date" : "");
    if (field.tagName === "SELECT" && value && ![...field.options].some((o) => o.value === value)) {
      field.append(el("option", { value }, value));
    }
    field.value = value;
  }
}

async function fillOptions(select, key) {
  const counts = await getJSON(`/api/counts?by=${key}`);
  for (const row of counts.rows) {
    if (!row[key]) continue;
    select.append(el("option", { value: row[key] }, `${row[key]} (${row.count})`));
  }
}

function cell(text, cls) {
  return el("td", cls ? { class: cls } : {}, text === null || text === undefined ? "" : String(text));
}

function showList(page) {
  const body = document.querySelector("#events tbody");
  clear(body);
  for (const e of page.events) {
    const actors = [e.actor1, e.actor2].filter(Boolean).join(" vs ");
    const where = [e.location, e.admin1, e.country].filter(Boolean).join(", ");
    const row = el("tr", { "data-event-id": e.event_id },
      el("td", {}, el("a", { href: eventHref(e.event_id) }, e.event_date)),
      el("td", {}, el("span", { class: "swatch " + typeClass(e.event_type) }), e.sub_event_type || e.event_type),
      cell(actors), cell(where), cell(e.fatalities, "num"), cell(e.confidence.toFixed(2), "num"),
      cell(e.sources_count, "num"));
    body.append(row);
  }
  const last = Math.min(page.offset + page.events.length, page.total);
  document.getElementById("list-title").textContent = `Events (${page.total})`;
  document.getElementById("page-info").textContent = page.total ? `${page.offset + 1}–${last} of ${page.total}` : "none";
  document.getElementById("prev").disabled = page.offset === 0;
  document.getElementById("next").disabled = !page.next;
}

async function loadList(mine = ++generation) {
  const params = filterParams();
  params.set("sort", form.elements.sort.value);
  params.set("limit", PAGE);
  params.set("offset", offset);
  const page = await getJSON("/api/events?" + params);
  if (mine === generation) showList(page);
}

async function loadAll() {
  const params = filterParams();
  const query = params.toString();
  const url = new URL(window.location.href);
  url.search = query;
  if (form.elements.sort.value !== "-event_date") url.searchParams.set("sort", form.elements.sort.value);
  history.replaceState(null, "", url);
  status.textContent = "Loading events…";
  const mine = ++generation;
  try {
    const geo = new URLSearchParams(params);
    geo.set("format", "geojson");
    geo.set("limit", MAP_LIMIT);
    const [features, counts] = await Promise.all([
      getJSON("/api/events?" + geo), getJSON("/api/counts?by=day&by=type&" + query), loadList(mine)]);
    if (mine !== generation) return;
    map.showEvents(features.features);
    drawTimeline(document.getElementById("timeline"), document.getElementById("legend"), counts.rows, pickDay);
    const onMap = features.features.length;
    document.getElementById("map-note").textContent =
      `${onMap} events on the map` + (counts.total > onMap ? `; ${counts.total - onMap} without coordinates or beyond the first ${MAP_LIMIT}` : "");
    status.textContent = `${counts.total} events match.`;
  } catch (error) {
    showError(error);
  }
}

function showError(error) {
  status.textContent = "Could not load the events: " + error.message;
}

function pickDay(day) {
  form.elements.from.value = day;
  form.elements.to.value = day;
  offset = 0;
  loadAll();
}

form.addEventListener("submit", (event) => { event.preventDefault(); offset = 0; loadAll(); });
form.elements.country.addEventListener("change", () => { offset = 0; loadAll(); });
form.elements.type.addEventListener("change", () => { offset = 0; loadAll(); });
form.elements.sort.addEventListener("change", () => { offset = 0; loadList().catch(showError); });
document.getElementById("clear").addEventListener("click", () => { setForm(new URLSearchParams()); offset = 0; loadAll(); });
document.getElementById("prev").addEventListener("click", () => { offset = Math.max(0, offset - PAGE); loadList().catch(showError); });
document.getElementById("next").addEventListener("click", () => { offset += PAGE; loadList().catch(showError); });
document.getElementById("zoom-in").addEventListener("click", () => map.zoom(0.67));
document.getElementById("zoom-out").addEventListener("click", () => map.zoom(1.5));
document.getElementById("zoom-fit").addEventListener("click", () => map.fit());

async function start() {
  await Promise.all([
    map.loadWorld("/assets/world.json"),
    fillOptions(form.elements.country, "country"),
    fillOptions(form.elements.type, "type"),
  ]).catch((error) => { status.textContent = "Could not load the filters: " + error.message; });
  setForm(new URLSearchParams(window.location.search));
  await loadAll();
  document.body.dataset.ready = "true";
}

start();
