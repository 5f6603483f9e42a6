import { useEffect, useSyncExternalStore } from "react";
import { alertMessages } from "~/lib/messages/alerts";
import { useT } from "~/lib/use-t";

// The alert sound and its true state. Browsers start an AudioContext suspended until the user interacts with the
// page, so "on" is claimed only once the context really runs; until then the toggle reads "sound off — click to
// turn on". The operator's choice is remembered in this browser: with it on, the first click or key anywhere on
// the page unlocks the sound after a reload, without looking for the toggle again.
let audio: AudioContext | null = null;
const CHOICE_KEY = "pantau.alertSound";
const listeners = new Set<() => void>();
let snapshot: SoundState = { wanted: true, running: false };

export interface SoundState {
  /** The operator's choice (remembered); on until they turn it off. */
  wanted: boolean;
  /** Whether the browser lets the page play sound now. */
  running: boolean;
}

function audioContext(): AudioContext | null {
  const Ctx =
    window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctx) return null;
  if (!audio) {
    audio = new Ctx();
    audio.addEventListener("statechange", publish);
  }
  return audio;
}

function readChoice(): boolean {
  try {
    return window.localStorage.getItem(CHOICE_KEY) !== "off";
  } catch {
    return true;
  }
}

function publish() {
  const next = { wanted: readChoice(), running: audio?.state === "running" };
  if (next.wanted === snapshot.wanted && next.running === snapshot.running) return;
  snapshot = next;
  listeners.forEach((l) => l());
}

/** Whether the alert sound is on and really playable now. */
export const soundIsOn = () => snapshot.wanted && snapshot.running;

export function useSoundState(): SoundState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => snapshot,
    () => snapshot,
  );
}

/** Tries to start the sound (allowed only inside a user gesture). */
async function unlock() {
  const ctx = audioContext();
  try {
    await ctx?.resume();
  } catch {
    // still blocked: the state says so
  }
  publish();
}

/**
 * While the operator wants sound and the browser still blocks it, the next gesture anywhere on the page
 * unlocks it. Mount once per page that raises alerts.
 */
export function useUnlockOnGesture() {
  useEffect(() => {
    publish();
    const onGesture = (e: Event) => {
      // The toggle decides for itself: unlocking under it would turn its click into "turn off".
      if ((e.target as Element | null)?.closest?.("[data-sound-toggle]")) return;
      if (readChoice() && audio?.state !== "running") void unlock();
    };
    window.addEventListener("pointerdown", onGesture, true);
    window.addEventListener("keydown", onGesture, true);
    return () => {
      window.removeEventListener("pointerdown", onGesture, true);
      window.removeEventListener("keydown", onGesture, true);
    };
  }, []);
}

/** A short two-tone beep through Web Audio (no sound file to cache). Returns whether it played: only when the
 *  operator wants sound and the browser allows it. */
export function beep(): boolean {
  try {
    if (!readChoice()) return false;
    const ctx = audioContext();
    if (!ctx || ctx.state !== "running") return false;
    [880, 660, 880].forEach((freq, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      gain.gain.value = 0.2;
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + i * 0.25);
      osc.stop(ctx.currentTime + i * 0.25 + 0.2);
    });
    return true;
  } catch {
    return false;
  }
}

/** The sound's true state, as a button: off (or blocked) offers to turn it on, on offers to turn it off. */
export function SoundToggle() {
  const t = useT(alertMessages);
  const state = useSoundState();
  useUnlockOnGesture();
  const on = state.wanted && state.running;
  return (
    <button
      type="button"
      className={`link-like small sound-toggle ${on ? "on" : "off"}`}
      data-testid="sound-toggle"
      data-sound-toggle=""
      aria-pressed={on}
      onClick={async () => {
        try {
          window.localStorage.setItem(CHOICE_KEY, on ? "off" : "on");
        } catch {
          // private mode: the choice lasts this page only
        }
        if (!on) {
          await unlock();
          beep();
        }
        publish();
      }}
    >
      {on ? t("sound.on") : t("sound.off")}
    </button>
  );
}
