import { describe, expect, it } from "vitest";
import { gridCluster } from "./cluster";

describe("gridCluster", () => {
  const project = (lat: number, lng: number) => ({ x: lng * 100, y: -lat * 100 });
  it("puts points of one screen cell together and keeps far ones apart", () => {
    const points = [
      { key: "a", lat: 0.01, lng: 0.01 }, { key: "b", lat: 0.02, lng: 0.03 }, { key: "c", lat: -5, lng: 7 },
    ];
    const clusters = gridCluster(points, project, 48);
    expect(clusters).toHaveLength(2);
    const big = clusters.find((c) => c.members.length === 2)!;
    expect(big.members.map((m) => m.key)).toEqual(["a", "b"]);
    expect(big.lat).toBeCloseTo(0.015);
    expect(clusters.reduce((n, c) => n + c.members.length, 0)).toBe(3);
  });
});
