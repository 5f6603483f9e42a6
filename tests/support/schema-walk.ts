// Walks a zod schema to every place a string can be sent (object fields, nested and optional ones, array
// items, record keys and values, union and discriminated-union options), so hostile tests cover a field the
// day it is added, without new test code.
import { z } from "zod";

/** One place a string goes: the field as problems name it, and the smallest input putting `value` there. */
export interface StringSlot {
  field: string;
  input: unknown;
}

type Def = { typeName: string; [key: string]: unknown };

export function stringSlots(schema: z.ZodTypeAny, value: string, path: string[] = []): StringSlot[] {
  const def = schema._def as Def;
  const at = (inner: z.ZodTypeAny, segment: string, wrap: (input: unknown) => unknown) =>
    stringSlots(inner, value, [...path, segment]).map((s) => ({ field: s.field, input: wrap(s.input) }));
  switch (def.typeName) {
    case "ZodString":
      return [{ field: path.join("."), input: value }];
    case "ZodOptional":
    case "ZodNullable":
    case "ZodDefault":
    case "ZodCatch":
    case "ZodReadonly":
      return stringSlots(def.innerType as z.ZodTypeAny, value, path);
    case "ZodEffects":
      return stringSlots(def.schema as z.ZodTypeAny, value, path);
    case "ZodPipeline":
      return stringSlots(def.in as z.ZodTypeAny, value, path);
    case "ZodBranded":
      return stringSlots(def.type as z.ZodTypeAny, value, path);
    case "ZodLazy":
      return stringSlots((def.getter as () => z.ZodTypeAny)(), value, path);
    case "ZodObject":
      return Object.entries((def.shape as () => Record<string, z.ZodTypeAny>)()).flatMap(([key, inner]) =>
        at(inner, key, (input) => ({ [key]: input })),
      );
    case "ZodArray":
      return at(def.type as z.ZodTypeAny, "0", (input) => [input]);
    case "ZodRecord": {
      // A key holding the value, and a value under an ordinary key.
      const keys = stringSlots(def.keyType as z.ZodTypeAny, value, []).map(() => ({
        field: [...path, value].join("."),
        input: { [value]: 1 },
      }));
      return [...keys, ...at(def.valueType as z.ZodTypeAny, "1", (input) => ({ "1": input }))];
    }
    case "ZodUnion": {
      const slots = (def.options as z.ZodTypeAny[]).flatMap((o) => stringSlots(o, value, path));
      return slots.filter((s, i) => slots.findIndex((t) => t.field === s.field) === i);
    }
    case "ZodDiscriminatedUnion": {
      const key = def.discriminator as string;
      return (def.options as z.AnyZodObject[]).flatMap((option) => {
        const tag = (option.shape[key] as z.ZodLiteral<string>).value;
        return stringSlots(option, value, path).map((s) => ({
          field: s.field,
          input: { ...(s.input as object), [key]: tag },
        }));
      });
    }
    case "ZodIntersection":
      return [
        ...stringSlots(def.left as z.ZodTypeAny, value, path),
        ...stringSlots(def.right as z.ZodTypeAny, value, path),
      ];
    default:
      return []; // numbers, booleans, enums, literals: no free text
  }
}

/** `slot` laid over a valid body: objects merged key by key, the slot's value winning. */
export function overlay(base: unknown, slot: unknown): unknown {
  if (Array.isArray(slot)) {
    const list = Array.isArray(base) ? [...base] : [];
    slot.forEach((v, i) => (list[i] = overlay(list[i], v)));
    return list;
  }
  if (slot && typeof slot === "object") {
    const out: Record<string, unknown> = base && typeof base === "object" ? { ...(base as object) } : {};
    for (const [k, v] of Object.entries(slot)) out[k] = overlay(out[k], v);
    return out;
  }
  return slot;
}
