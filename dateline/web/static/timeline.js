// The timeline: one stacked bar per day, a segment per event type. Days run continuously, or,
// when a few stray dates would squeeze the rest into a sliver, only the days with events.
import { clear, el, svg, typeClass } from "./dom.js";

const WIDTH = 800, HEIGHT = 170, BOTTOM = 22, TOP = 14, LEFT = 30;
const DAY = 86400000;

export function drawTimeline(element, legend, rows, onDay) {
  clear(element); clear(legend);
  element.setAttribute("viewBox", `0 0 ${WIDTH} ${HEIGHT}`);
  if (!rows.length) {
    element.append(svg("text", { x: WIDTH / 2, y: HEIGHT / 2, class: "empty" }, "No events match the filters."));
    return;
  }
  const days = new Map();
  for (const row of rows) {
    if (!days.has(row.day)) days.set(row.day, []);
    days.get(row.day).push(row);
  }
  const dates = [...days.keys()].sort();
  const first = Date.parse(dates[0]), last = Date.parse(dates[dates.length - 1]);
  const daysApart = Math.round((last - first) / DAY) + 1;
  const sparse = daysApart > 62 && daysApart > 3 * dates.length;
  const span = sparse ? dates.length : Math.max(1, daysApart);
  const slot = (day) => (sparse ? dates.indexOf(day) : Math.round((Date.parse(day) - first) / DAY));
  const barWidth = (WIDTH - LEFT) / span;
  const max = Math.max(...[...days.values()].map((list) => list.reduce((n, r) => n + r.count, 0)));
  const scale = (HEIGHT - BOTTOM - TOP) / max;
  const types = new Set();
  for (const [day, list] of days) {
    const x = LEFT + slot(day) * barWidth;
    let y = HEIGHT - BOTTOM;
    for (const row of list) {
      types.add(row.type);
      const h = row.count * scale;
      y -= h;
      const bar = svg("rect", { x: x + barWidth * 0.1, y, width: Math.max(barWidth * 0.8, 0.5), height: h,
                                class: "bar " + typeClass(row.type), "data-day": day },
                      svg("title", {}, `${day} · ${row.type}: ${row.count} events, ${row.fatalities} fatalities`));
      bar.addEventListener("click", () => onDay(day));
      element.append(bar);
    }
  }
  element.append(...[
    svg("text", { x: LEFT, y: HEIGHT - 5, class: "axis" }, dates[0]),
    svg("text", { x: WIDTH, y: HEIGHT - 5, class: "axis end" }, dates[dates.length - 1]),
    svg("text", { x: LEFT - 4, y: TOP + 4, class: "axis end" }, String(max)),
    sparse ? svg("text", { x: (WIDTH + LEFT) / 2, y: HEIGHT - 5, class: "axis middle" }, "days with events only") : null,
    svg("line", { x1: LEFT, x2: WIDTH, y1: HEIGHT - BOTTOM, y2: HEIGHT - BOTTOM, class: "baseline" }),
  ].filter(Boolean));
  for (const type of [...types].sort()) {
    legend.append(el("li", {}, el("span", { class: "swatch " + typeClass(type) }), type || "(no type)"));
  }
}
