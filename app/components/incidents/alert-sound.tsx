import { useEffect, useState } from "react";
import { commandPostMessages } from "~/lib/messages/command-post";
import { useT } from "~/lib/use-t";

// One AudioContext for the page. Browsers start it suspended until the user interacts with the page, so
// the command post offers a button that unlocks it; after that, alerts sound without a click.
let audio: AudioContext | null = null;

function audioContext(): AudioContext | null {
  const Ctx =
    window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctx) return null;
  audio ??= new Ctx();
  return audio;
}

/** A short two-tone beep through Web Audio (no sound file to cache). Returns whether it could play. */
export function beep(): boolean {
  try {
    const ctx = audioContext();
    if (!ctx) return false;
    void ctx.resume();
    [880, 660, 880].forEach((freq, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      gain.gain.value = 0.2;
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + i * 0.25);
      osc.stop(ctx.currentTime + i * 0.25 + 0.2);
    });
    return ctx.state === "running";
  } catch {
    return false;
  }
}

/** Unlocks the alert sound (a click is the user gesture browsers ask for) and plays it once as a test. */
export function SoundToggle() {
  const t = useT(commandPostMessages);
  const [on, setOn] = useState(false);
  useEffect(() => setOn(audio?.state === "running"), []);
  return (
    <button
      type="button"
      className="link-like small"
      data-testid="sound-toggle"
      aria-pressed={on}
      onClick={async () => {
        const ctx = audioContext();
        await ctx?.resume();
        beep();
        setOn(ctx?.state === "running");
      }}
    >
      {on ? t("alert.soundOn") : t("alert.soundOff")}
    </button>
  );
}
