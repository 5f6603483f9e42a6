// Enter on a number box moves to the next box, as the phone's "next" key does, so the officer keeps their
// thumb on the keypad from the first box to the last; Enter on the last box submits as usual.
import type { KeyboardEvent } from "react";

export function enterMovesToNextBox(event: KeyboardEvent<HTMLFormElement>) {
  const box = event.target;
  if (event.key !== "Enter" || !(box instanceof HTMLInputElement) || box.inputMode !== "numeric") return;
  const boxes = Array.from(event.currentTarget.querySelectorAll<HTMLInputElement>('input[inputmode="numeric"]'));
  const next = boxes[boxes.indexOf(box) + 1];
  if (!next) return;
  event.preventDefault();
  next.focus();
  next.select();
}
