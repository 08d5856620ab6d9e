// The event map: country outlines and one marker per geolocated event, in an SVG whose
// coordinates are (longitude, -latitude). Wheel or buttons to zoom, drag to pan.
import { clear, eventHref, svg, typeClass } from "./dom.js";
import { topologyPaths } from "./topojson.js";

const WORLD = { x: -180, y: -90, w: 360, h: 180 };
const MIN_SPAN = 12; // degrees: fitting one event shows its surroundings

export class EventMap {
  constructor(element) {
    this.svg = element;
    this.view = { ...WORLD };
    this.extent = null;
    this.world = svg("g", { class: "countries" });
    this.markers = svg("g", { class: "markers" });
    element.append(svg("rect", { class: "sea", x: -540, y: -270, width: 1080, height: 540 }), this.world, this.markers);
    this.listen();
    this.apply();
  }

  async loadWorld(url) {
    const response = await fetch(url);
    if (!response.ok) return false;
    const topology = await response.json();
    for (const country of topologyPaths(topology, "countries")) {
      this.world.append(svg("path", { d: country.d, class: "country" }, svg("title", {}, country.name)));
    }
    return true;
  }

  showEvents(features) {
    clear(this.markers);
    const points = [];
    for (const feature of features) {
      const [lon, lat] = feature.geometry.coordinates;
      const p = feature.properties;
      const marker = svg("circle", {
        class: "marker " + typeClass(p.event_type), cx: lon, cy: -lat, r: 1,
        "data-event-id": feature.id, tabindex: 0, role: "link",
      }, svg("title", {}, `${p.event_date} · ${p.sub_event_type} · ${p.location || p.country}`));
      marker.addEventListener("click", () => { window.location.href = eventHref(feature.id); });
      marker.addEventListener("keydown", (e) => { if (e.key === "Enter") window.location.href = eventHref(feature.id); });
      this.markers.append(marker);
      points.push([lon, -lat]);
    }
    this.extent = points.length ? bounds(points) : null;
    this.fit();
  }

  fit() {
    if (!this.extent) { this.view = { ...WORLD }; this.apply(); return; }
    const [x0, y0, x1, y1] = this.extent;
    const w = Math.max(x1 - x0, MIN_SPAN) * 1.2, h = Math.max(y1 - y0, MIN_SPAN / 2) * 1.2;
    this.view = { x: (x0 + x1 - w) / 2, y: (y0 + y1 - h) / 2, w, h };
    this.apply();
  }

  zoom(factor, cx = this.view.x + this.view.w / 2, cy = this.view.y + this.view.h / 2) {
    const w = Math.min(Math.max(this.view.w * factor, 0.5), 720);
    const h = this.view.h * (w / this.view.w);
    this.view = { x: cx - (cx - this.view.x) * (w / this.view.w), y: cy - (cy - this.view.y) * (h / this.view.h), w, h };
    this.apply();
  }

  apply() {
    const v = this.view;
    this.svg.setAttribute("viewBox", `${v.x} ${v.y} ${v.w} ${v.h}`);
    const rect = this.svg.getBoundingClientRect();
    const unitsPerPixel = Math.max(v.w / (rect.width || 800), v.h / (rect.height || 400));
    for (const marker of this.markers.children) marker.setAttribute("r", (5 * unitsPerPixel).toFixed(4));
  }

  toMap(event) {
    const rect = this.svg.getBoundingClientRect();
    const scale = Math.max(this.view.w / rect.width, this.view.h / rect.height);
    const ox = (rect.width * scale - this.view.w) / 2, oy = (rect.height * scale - this.view.h) / 2;
    return [this.view.x - ox + (event.clientX - rect.left) * scale, this.view.y - oy + (event.clientY - rect.top) * scale, scale];
  }

  listen() {
    this.svg.addEventListener("wheel", (event) => {
      event.preventDefault();
      const [x, y] = this.toMap(event);
      this.zoom(event.deltaY > 0 ? 1.25 : 0.8, x, y);
    }, { passive: false });
    let drag = null;
    this.svg.addEventListener("pointerdown", (event) => {
      if (event.target.classList.contains("marker")) return;
      drag = { x: event.clientX, y: event.clientY, view: { ...this.view }, scale: this.toMap(event)[2] };
      this.svg.setPointerCapture(event.pointerId);
    });
    this.svg.addEventListener("pointermove", (event) => {
      if (!drag) return;
      this.view = { ...drag.view, x: drag.view.x - (event.clientX - drag.x) * drag.scale, y: drag.view.y - (event.clientY - drag.y) * drag.scale };
      this.apply();
    });
    const stop = () => { drag = null; };
    this.svg.addEventListener("pointerup", stop);
    this.svg.addEventListener("pointercancel", stop);
    window.addEventListener("resize", () => this.apply());
  }
}

function bounds(points) {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [x, y] of points) { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y); }
  return [x0, y0, x1, y1];
}
