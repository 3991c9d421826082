import type { TBreathPhaseKind } from './breathing-patterns';

/**
 * Soft cues for the breathing pacer, made with Web Audio (no sound files to download or cache):
 * a low sine tone that swells and fades. Off by default; the pacer only creates the audio
 * context after the person switches sound on, which browsers require anyway.
 */

type TAudioContextConstructor = typeof AudioContext;

function audioContextConstructor(): TAudioContextConstructor | null {
  if (typeof window === 'undefined') return null;
  const legacy = (window as unknown as { webkitAudioContext?: TAudioContextConstructor }).webkitAudioContext;
  return window.AudioContext ?? legacy ?? null;
}

/**
 * Whether this browser can play the cues.
 * @returns true when Web Audio exists
 */
export function canPlaySoftSound(): boolean {
  return audioContextConstructor() !== null;
}

/** Pitch per phase: rising for the in-breath, lower for the out-breath, a quiet middle tone for holds. */
const TONE_HZ: Record<TBreathPhaseKind, number> = { ready: 330, inhale: 392, hold: 330, exhale: 262, rest: 294 };
/** Quiet on purpose: a cue under the breath, not an alarm. */
const PEAK_GAIN = 0.06;

export interface TSoftSound {
  /** Plays the cue for the start of a phase. */
  cue: (kind: TBreathPhaseKind) => void;
  close: () => void;
}

/**
 * Opens an audio context for the cues. Call it from a click (browsers start audio only after a gesture).
 * @returns the player, or null when the browser has no Web Audio
 */
export function openSoftSound(): TSoftSound | null {
  const Constructor = audioContextConstructor();
  if (!Constructor) return null;
  const context = new Constructor();
  return {
    cue: (kind) => {
      if (context.state === 'suspended') void context.resume();
      const now = context.currentTime;
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.setValueAtTime(TONE_HZ[kind], now);
      gain.gain.setValueAtTime(0, now);
      gain.gain.linearRampToValueAtTime(PEAK_GAIN, now + 0.25);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + 1.4);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(now);
      oscillator.stop(now + 1.5);
    },
    close: () => void context.close(),
  };
}
