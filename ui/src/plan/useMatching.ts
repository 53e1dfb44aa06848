import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commands, events, type MatchingOutcome_Serialize, type MatchingProgress_Serialize } from '../bindings';
import { describeAppError, describeUnexpected, type ErrorView } from '../lib/errors';

export const TIME_LIMITS = [10, 30, 60, 120] as const;
export const DEFAULT_TIME_LIMIT = 30;

/** Events that arrive this long after our own run ended still belong to it. */
const LATE_EVENT_MS = 1500;

export type Matching = {
  timeLimit: number;
  setTimeLimit: (seconds: number) => void;
  fromScratch: boolean;
  setFromScratch: (value: boolean) => void;
  /** Our own run is going on (we are waiting for its outcome). */
  running: boolean;
  /** Another run for this term is going on (started before this screen was opened). */
  otherRun: 'running' | 'done' | null;
  /** The latest progress report for this term. */
  progress: MatchingProgress_Serialize | null;
  /** Seconds since our run started, counted here so that the clock moves between reports. */
  elapsed: number;
  cancelRequested: boolean;
  outcome: MatchingOutcome_Serialize | null;
  error: ErrorView | null;
  /** The term whose run made ours refused as busy (possibly another term's). */
  busyWith: string | null;
  start: () => Promise<void>;
  cancel: () => Promise<void>;
  dismissOutcome: () => void;
  acknowledgeOtherRun: () => void;
};

/**
 * Runs the matching for a term: the command is awaited while progress events (filtered by term)
 * update the panel and a local clock ticks; cancelling asks the engine to stop and keep the best
 * plan so far. `onFinished` is called when a new draft may have been stored.
 */
export function useMatching(termId: string, onFinished: () => void): Matching {
  const { t } = useTranslation();
  const [timeLimit, setTimeLimit] = useState<number>(DEFAULT_TIME_LIMIT);
  const [fromScratch, setFromScratch] = useState(false);
  const [running, setRunning] = useState(false);
  const [otherRun, setOtherRun] = useState<'running' | 'done' | null>(null);
  const [progress, setProgress] = useState<MatchingProgress_Serialize | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [cancelRequested, setCancelRequested] = useState(false);
  const [outcome, setOutcome] = useState<MatchingOutcome_Serialize | null>(null);
  const [error, setError] = useState<ErrorView | null>(null);
  const [busyWith, setBusyWith] = useState<string | null>(null);

  const runningRef = useRef(false);
  const endedAt = useRef(0);
  const mounted = useRef(true);
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  });

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // Progress reports: ours while we run; otherwise a run someone started before we came here.
  useEffect(() => {
    let active = true;
    let unlisten: (() => void) | null = null;
    events.matchingProgress
      .listen((event) => {
        if (!active || event.payload.term_id !== termId) return;
        const report = event.payload;
        if (runningRef.current) {
          setProgress(report);
          return;
        }
        if (Date.now() - endedAt.current < LATE_EVENT_MS) return;
        setProgress(report);
        setOtherRun((current) => (report.phase === 'done' ? (current ? 'done' : null) : 'running'));
      })
      .then((stop) => {
        if (active) unlisten = stop;
        else stop();
      })
      .catch(() => {
        // Without an event channel the run still works; only the live progress is missing.
      });
    return () => {
      active = false;
      unlisten?.();
    };
  }, [termId]);

  // A local clock between reports.
  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    setElapsed(0);
    const timer = window.setInterval(() => setElapsed((Date.now() - started) / 1000), 250);
    return () => window.clearInterval(timer);
  }, [running]);

  const start = useCallback(async () => {
    if (runningRef.current) return;
    runningRef.current = true;
    setRunning(true);
    setProgress(null);
    setOutcome(null);
    setError(null);
    setBusyWith(null);
    setCancelRequested(false);
    setOtherRun(null);
    try {
      const result = await commands.runMatching(termId, { time_limit_seconds: timeLimit, from_scratch: fromScratch });
      if (!mounted.current) return;
      if (result.status === 'ok') {
        setOutcome(result.data);
        finished.current();
      } else {
        setError(describeAppError(result.error, t));
        if (result.error.type === 'Busy') setBusyWith(result.error.data.term_id);
      }
    } catch (e: unknown) {
      if (mounted.current) setError(describeUnexpected(e, t));
    } finally {
      runningRef.current = false;
      endedAt.current = Date.now();
      if (mounted.current) {
        setRunning(false);
        setCancelRequested(false);
      }
    }
  }, [termId, timeLimit, fromScratch, t]);

  const cancel = useCallback(async () => {
    setCancelRequested(true);
    try {
      const result = await commands.cancelMatching();
      if (!mounted.current) return;
      if (result.status === 'error') {
        setError(describeAppError(result.error, t));
        setCancelRequested(false);
      } else if (!runningRef.current) {
        // A run that refused ours: once asked to stop, ours may be started again.
        setBusyWith(null);
        setError(null);
        setCancelRequested(false);
      }
    } catch (e: unknown) {
      if (mounted.current) {
        setError(describeUnexpected(e, t));
        setCancelRequested(false);
      }
    }
  }, [t]);

  const dismissOutcome = useCallback(() => setOutcome(null), []);
  const acknowledgeOtherRun = useCallback(() => {
    setOtherRun(null);
    setProgress(null);
    finished.current();
  }, []);

  return {
    timeLimit,
    setTimeLimit,
    fromScratch,
    setFromScratch,
    running,
    otherRun,
    progress,
    elapsed,
    cancelRequested,
    outcome,
    error,
    busyWith,
    start,
    cancel,
    dismissOutcome,
    acknowledgeOtherRun,
  };
}
