// Reading and writing election settings (defaults in app/lib/settings.ts). Writes go through the writer
// and are audited with their before/after values.
import { DEFAULT_SETTINGS, SETTINGS, type SettingKey, type SettingValue } from "~/lib/settings";
import type { Db } from "~/utils/db.server";
import type { WriteContext } from "~/utils/writer.server";

export async function getSetting<K extends SettingKey>(sql: Db, key: K): Promise<SettingValue<K>> {
  const [row] = await sql<[{ value: unknown }?]>`select value from settings where key = ${key}`;
  if (!row) return DEFAULT_SETTINGS[key];
  const parsed = SETTINGS[key].safeParse(row.value);
  return parsed.success ? (parsed.data as SettingValue<K>) : DEFAULT_SETTINGS[key];
}

export async function saveSetting<K extends SettingKey>(
  { tx, audit, emit }: WriteContext,
  { key, value, actorId }: { key: K; value: SettingValue<K>; actorId: number },
) {
  const before = await getSetting(tx, key);
  await tx`
    insert into settings (key, value, updated_at) values (${key}, ${tx.json(value as never)}, now())
    on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at`;
  audit({ actorId, action: "settings.update", entity: `settings:${key}`, before, after: value });
  emit("settings:updated", null, { key });
}
