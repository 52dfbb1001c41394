package io.coreswarm.monitor.webhook;

import java.time.Instant;
import java.util.List;

/**
 * One webhook's deliveries waiting to be sent, oldest first, as its delivery thread uses them:
 * files on this host ({@link PendingQueue}) or keys in etcd shared by the replicas
 * ({@link EtcdPending}, where only the replica that holds the webhook's sender claim gets a head).
 */
interface Pending {

    /** Adds a delivery; returns the one dropped to make room, or null. */
    PendingDelivery add(PendingDelivery fresh);

    /** The oldest delivery, once there is one (and, with etcd, this replica sends them); it is in flight until {@link #remove}d. */
    PendingDelivery awaitHead() throws InterruptedException;

    /** Records an attempt of the head. */
    void update(PendingDelivery d);

    /** Removes a finished delivery. */
    void remove(PendingDelivery d);

    List<PendingDelivery> all();

    /** Sleeps until the time, or until {@link #wake} (a changed webhook is worth trying at once). */
    void sleepUntil(Instant until) throws InterruptedException;

    void wake();

    /** Forgets every delivery (the webhook is removed). */
    void deleteAll();
}
