// A grid clusterer for the command-post map: points that fall into the same screen cell at the current
// zoom become one cluster (count + most urgent status). Pure: the map passes its own projection, so it
// is testable and needs no plugin (and draws without tiles).

export interface ClusterPoint { key: string; lat: number; lng: number }
export interface Cluster<P extends ClusterPoint> { id: string; lat: number; lng: number; members: P[] }

/** Groups `points` by `cellPx` cells of the projected plane; a cluster sits at its members' mean position. */
export function gridCluster<P extends ClusterPoint>(points: P[], project: (lat: number, lng: number) => { x: number; y: number }, cellPx = 48): Cluster<P>[] {
  const cells = new Map<string, P[]>();
  for (const p of points) {
    const { x, y } = project(p.lat, p.lng);
    const id = `${Math.floor(x / cellPx)}:${Math.floor(y / cellPx)}`;
    const list = cells.get(id);
    if (list) list.push(p);
    else cells.set(id, [p]);
  }
  return [...cells.entries()].map(([id, members]) => ({
    id,
    lat: members.reduce((s, m) => s + m.lat, 0) / members.length,
    lng: members.reduce((s, m) => s + m.lng, 0) / members.length,
    members,
  }));
}
