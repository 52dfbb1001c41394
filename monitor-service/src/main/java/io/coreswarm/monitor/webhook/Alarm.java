package io.coreswarm.monitor.webhook;

import java.time.Instant;

/** A webhook worker's sleep until its next attempt, cut short by {@link #ring()} (a changed webhook is worth trying at once). */
final class Alarm {
    private boolean rung;

    synchronized void sleepUntil(Instant until) throws InterruptedException {
        rung = false;
        long left;
        while (!rung && (left = until.toEpochMilli() - System.currentTimeMillis()) > 0) {
            wait(left);
        }
    }

    synchronized void ring() {
        rung = true;
        notifyAll();
    }
}
