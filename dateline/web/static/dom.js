// DOM helpers. Text only ever goes in through textContent; nothing is parsed as HTML.
const SVG_NS = "http://www.w3.org/2000/svg";

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  return fill(node, attrs, children);
}

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  return fill(node, attrs, children);
}

function fill(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) throw new Error("no event handlers as attributes: " + name);
    node.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === "string" || typeof child === "number" ? String(child) : child);
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
}

// The CSS class of an ACLED event type: "Explosions/Remote violence" -> "type-explosions-remote-violence".
export function typeClass(type) {
  return "type-" + String(type || "unknown").toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

export function eventHref(id) {
  return "/events/" + encodeURIComponent(id) + "#evidence-1";
}

export async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) {
    const error = body && body.error ? body.error : { message: response.statusText, hint: "" };
    throw new Error(error.message + (error.hint ? " (" + error.hint + ")" : ""));
  }
  return body;
}
