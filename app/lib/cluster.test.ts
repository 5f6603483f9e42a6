import { describe, expect, it } from "vitest";
import { generatedProvince } from "../../db/demo-region";
import { gridCells, gridCluster, groupCells } from "./cluster";

describe("gridCluster", () => {
  const project = (lat: number, lng: number) => ({ x: lng * 100, y: -lat * 100 });
  it("puts points of one screen cell together and keeps far ones apart", () => {
    const points = [
      { key: "a", lat: 0.01, lng: 0.01 },
      { key: "b", lat: 0.02, lng: 0.03 },
      { key: "c", lat: -5, lng: 7 },
    ];
    const clusters = gridCluster(points, project, 48);
    expect(clusters).toHaveLength(2);
    const big = clusters.find((c) => c.members.length === 2)!;
    expect(big.members.map((m) => m.key)).toEqual(["a", "b"]);
    expect(big.lat).toBeCloseTo(0.015);
    expect(clusters.reduce((n, c) => n + c.members.length, 0)).toBe(3);
  });

  it("a generated 100,000-TPS province becomes a few hundred clusters, and a live update projects nothing again", () => {
    const tps = generatedProvince(100_000).tps.map((t) => ({ key: t.code, lat: t.lat, lng: t.lng }));
    // Web Mercator at zoom 8, the zoom the command-post map fits this province to.
    const scale = 256 * 2 ** 8;
    let projected = 0;
    const mercator = (lat: number, lng: number) => {
      projected++;
      const s = Math.sin((lat * Math.PI) / 180);
      return { x: (scale * (lng + 180)) / 360, y: scale * (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) };
    };
    const known = new Map<string, string>();
    const clusters = groupCells(tps, gridCells(known, tps, mercator));
    expect(clusters.length).toBeGreaterThan(10);
    expect(clusters.length).toBeLessThan(1000);
    expect(clusters.reduce((n, c) => n + c.members.length, 0)).toBe(100_000);
    expect(projected).toBe(100_000);
    // The same TPS again (a live update changed a status, not a position): same clusters, no projection.
    const again = groupCells(tps, gridCells(known, tps, mercator));
    expect(projected).toBe(100_000);
    expect(again.map((c) => [c.id, c.members.length])).toEqual(clusters.map((c) => [c.id, c.members.length]));
  });
});
