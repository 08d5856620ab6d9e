// A small TopoJSON reader: each geometry of an object as an SVG path in (longitude, -latitude).
export function topologyPaths(topology, objectName) {
  const arcs = decodeArcs(topology);
  const object = topology.objects[objectName];
  return object.geometries.map((geometry) => ({
    name: (geometry.properties && geometry.properties.name) || "",
    d: polygons(geometry).map((rings) => rings.map((ring) => ringPath(ring, arcs)).join("")).join(""),
  }));
}

function decodeArcs(topology) {
  const t = topology.transform;
  return topology.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map((point) => {
      if (!t) return [point[0], point[1]];
      x += point[0]; y += point[1];
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
    });
  });
}

function polygons(geometry) {
  if (geometry.type === "Polygon") return [geometry.arcs];
  if (geometry.type === "MultiPolygon") return geometry.arcs;
  return [];
}

function ringPath(ring, arcs) {
  const points = [];
  for (const index of ring) {
    const arc = index < 0 ? arcs[~index].slice().reverse() : arcs[index];
    for (let i = points.length ? 1 : 0; i < arc.length; i++) points.push(arc[i]);
  }
  if (!points.length) return "";
  // Keep longitudes continuous where a ring crosses the antimeridian (Russia, Fiji): a jump
  // from 180 to -180 would otherwise draw a line across the whole map.
  let shift = 0, previous = points[0][0];
  const xs = points.map(([lon]) => {
    if (lon + shift - previous > 180) shift -= 360;
    else if (lon + shift - previous < -180) shift += 360;
    previous = lon + shift;
    return previous;
  });
  return "M" + points.map((p, i) => xs[i].toFixed(3) + "," + (-p[1]).toFixed(3)).join("L") + "Z";
}
