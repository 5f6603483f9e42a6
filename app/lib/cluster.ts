// A grid clusterer for the command-post map: points that fall into the same screen cell at the current
// zoom become one cluster (count + most urgent status). Pure: the map passes its own projection, so it
// is testable and needs no plugin (and draws without tiles). Split in two so the map can keep each
// point's cell for a zoom level and regroup live updates without projecting 100,000 points again.

export interface ClusterPoint {
  key: string;
  lat: number;
  lng: number;
}
export interface Cluster<P extends ClusterPoint> {
  id: string;
  lat: number;
  lng: number;
  members: P[];
}
type Project = (lat: number, lng: number) => { x: number; y: number };

/** Groups `points` by `cellPx` cells of the projected plane; a cluster sits at its members' mean position. */
export function gridCluster<P extends ClusterPoint>(points: P[], project: Project, cellPx = 48): Cluster<P>[] {
  return groupCells(points, gridCells(new Map(), points, project, cellPx));
}

/** The cell id of each point, in order; `known` (key -> cell at one zoom) is filled and reused. */
export function gridCells(known: Map<string, string>, points: ClusterPoint[], project: Project, cellPx = 48): string[] {
  return points.map((p) => {
    let id = known.get(p.key);
    if (id === undefined) {
      const { x, y } = project(p.lat, p.lng);
      id = `${Math.floor(x / cellPx)}:${Math.floor(y / cellPx)}`;
      known.set(p.key, id);
    }
    return id;
  });
}

/** Clusters of points sharing a cell id (`cellIds[i]` is the cell of `points[i]`). */
export function groupCells<P extends ClusterPoint>(points: P[], cellIds: string[]): Cluster<P>[] {
  const cells = new Map<string, P[]>();
  points.forEach((p, i) => {
    const list = cells.get(cellIds[i]);
    if (list) list.push(p);
    else cells.set(cellIds[i], [p]);
  });
  return [...cells.entries()].map(([id, members]) => ({
    id,
    lat: members.reduce((s, m) => s + m.lat, 0) / members.length,
    lng: members.reduce((s, m) => s + m.lng, 0) / members.length,
    members,
  }));
}
