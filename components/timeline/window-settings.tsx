"use client";

import { useState } from "react";
import { buttonStyles, fieldStyles } from "@/components/ui/styles";
import type { PlanChange } from "@/lib/plan-state/change-schema";
import type { PlanLiveState } from "@/lib/plan-state/live-state";
import { instantToWallTime, isValidTimeZone, wallTimeToInstant } from "@/lib/time/window";

const COMMON_ZONES = ["UTC", "Europe/London", "Europe/Berlin", "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "Asia/Kolkata", "Asia/Tokyo", "Australia/Sydney"];

/**
 * The lead's settings for time: when the window starts (wall time in a zone), how long it
 * should take and how much downtime it may have, and which items start and end the downtime.
 */
export function WindowSettings({ state, items, onChange }: { state: PlanLiveState; items: { id: string; text: string }[]; onChange: (change: PlanChange) => void | Promise<void> }) {
  const { window } = state;
  const [zone, setZone] = useState(window.timeZone);
  const [start, setStart] = useState(window.windowStart ? instantToWallTime(new Date(window.windowStart), window.timeZone) : "");
  const [duration, setDuration] = useState(window.expectedDurationMinutes?.toString() ?? "");
  const [downtime, setDowntime] = useState(window.expectedDowntimeMinutes?.toString() ?? "");
  const [error, setError] = useState<string | null>(null);
  const zones = COMMON_ZONES.includes(zone) ? COMMON_ZONES : [zone, ...COMMON_ZONES];
  const started = state.startedAt !== null;
  const markerOf = (marker: "START" | "END") => Object.entries(state.downtimeMarkers).find(([, value]) => value === marker)?.[0] ?? "";

  const minutes = (text: string, label: string): number | null | undefined => {
    if (!text.trim()) return null;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0) {
      setError(`${label} must be a whole number of minutes.`);
      return undefined;
    }
    return value;
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!isValidTimeZone(zone)) return setError("Choose a known time zone.");
    const expectedDurationMinutes = minutes(duration, "Expected duration");
    const expectedDowntimeMinutes = minutes(downtime, "Expected downtime");
    if (expectedDurationMinutes === undefined || expectedDowntimeMinutes === undefined) return;
    let windowStart: string | null = null;
    if (start) {
      try {
        windowStart = wallTimeToInstant(start, zone).toISOString();
      } catch {
        return setError("Enter the start as a date and time.");
      }
    }
    void onChange({ type: "plan.window", windowStart: started ? window.windowStart : windowStart, timeZone: zone, expectedDurationMinutes, expectedDowntimeMinutes });
  };

  // The server moves a flag from its previous item in the same change; "No item" clears it.
  const flag = (marker: "START" | "END", itemId: string) => {
    const previous = markerOf(marker);
    if (previous === itemId) return;
    void onChange({ type: "item.flag", itemId: itemId || previous, downtimeMarker: itemId ? marker : null });
  };

  return (
    <div className="space-y-4 text-sm">
      <form className="space-y-3" aria-label="Deployment window" onSubmit={submit} noValidate>
        <h2 className="text-sm font-semibold">Deployment window</h2>
        <label className={fieldStyles.label}>
          Start
          <input type="datetime-local" className={fieldStyles.input} value={start} onChange={(event) => setStart(event.target.value)} disabled={started} />
        </label>
        <label className={fieldStyles.label}>
          Time zone
          <select className={fieldStyles.input} value={zone} onChange={(event) => setZone(event.target.value)} disabled={started}>
            {zones.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
        <label className={fieldStyles.label}>
          Expected duration (minutes)
          <input inputMode="numeric" className={fieldStyles.input} value={duration} onChange={(event) => setDuration(event.target.value)} />
        </label>
        <label className={fieldStyles.label}>
          Expected downtime (minutes)
          <input inputMode="numeric" className={fieldStyles.input} value={downtime} onChange={(event) => setDowntime(event.target.value)} />
        </label>
        {error ? (
          <p role="alert" className={fieldStyles.error}>
            {error}
          </p>
        ) : null}
        <button type="submit" className={buttonStyles.secondary}>
          Save window
        </button>
      </form>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">Downtime markers</legend>
        <p className="text-xs text-slate-600 dark:text-slate-400">Ticking these items done starts and ends the downtime, so nobody has to remember to.</p>
        {(["START", "END"] as const).map((marker) => (
          <label key={marker} className={fieldStyles.label}>
            {marker === "START" ? "Downtime starts with" : "Downtime ends with"}
            <select className={fieldStyles.input} value={markerOf(marker)} onChange={(event) => flag(marker, event.target.value)}>
              <option value="">No item</option>
              {items.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.text.length > 70 ? `${item.text.slice(0, 69)}…` : item.text}
                </option>
              ))}
            </select>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
