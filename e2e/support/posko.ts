// The command post as the officer specs look at it: one TPS's panel, opened from the map.
import { expect, type Page } from "@playwright/test";

/**
 * Opens the command post's panel of `tps` (code as on the map, e.g. "1673061005-001") from the map
 * filtered to its kelurahan (Kemendagri code with dots). The kelurahan's markers overlap at that zoom and
 * the legend may cover one while the map still moves, so the click goes to this marker's own element.
 */
export async function openTpsPanel(posko: Page, kelurahan: string, tps: string) {
  if (!posko.url().includes("/posko")) await posko.goto("/posko");
  await posko.getByTestId("filter-kecamatan").selectOption(kelurahan.slice(0, 8));
  await posko.getByTestId("filter-kelurahan").selectOption(kelurahan);
  const marker = posko.locator(`path.tps-${tps}`);
  await expect(marker).toHaveCount(1);
  await marker.dispatchEvent("click");
  const detail = posko.getByTestId("tps-detail");
  await expect(detail).toContainText(`TPS ${tps}`);
  return detail;
}
