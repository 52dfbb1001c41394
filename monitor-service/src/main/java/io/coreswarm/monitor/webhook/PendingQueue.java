package io.coreswarm.monitor.webhook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

/**
 * One webhook's deliveries waiting to be sent, oldest first, each in its own file
 * ({@code <dir>/<seq>.json}, 0600) so that they survive a restart and are sent in the same order
 * afterwards. Bounded: past {@code max}, the oldest one that is not being sent is dropped. The
 * delivery thread waits here for work and sleeps its backoff here (a change to the webhook wakes it).
 * The files implementation of {@link Pending}.
 */
final class PendingQueue implements Pending {
    private static final Logger LOG = Logger.getLogger(PendingQueue.class);
    private final Path dir;
    private final ObjectMapper json;
    private final int max;
    private final Deque<PendingDelivery> queue = new ArrayDeque<>();
    private long nextSeq;
    private long inFlight = -1;
    private final Alarm alarm = new Alarm();
    private boolean deleted;

    PendingQueue(Path dir, ObjectMapper json, int max) {
        this.dir = dir;
        this.json = json;
        this.max = max;
        load();
    }

    /** Adds a delivery; returns the one dropped to make room, or null. */
    @Override
    public synchronized PendingDelivery add(PendingDelivery fresh) {
        if (deleted) {
            // the webhook was removed while the event was on its way: no file may outlive it
            return null;
        }
        PendingDelivery d = new PendingDelivery(nextSeq++, fresh.id(), fresh.event(), fresh.cluster(), fresh.subject(),
                fresh.createdAt(), 0, null, null, null, fresh.body());
        queue.addLast(d);
        write(d);
        PendingDelivery dropped = null;
        if (queue.size() > max) {
            for (Iterator<PendingDelivery> it = queue.iterator(); it.hasNext();) {
                PendingDelivery oldest = it.next();
                if (oldest.seq() != inFlight) {
                    it.remove();
                    delete(oldest);
                    dropped = oldest;
                    break;
                }
            }
        }
        notifyAll();
        return dropped;
    }

    /** The oldest delivery, once there is one; it is in flight until {@link #remove}d. */
    @Override
    public synchronized PendingDelivery awaitHead() throws InterruptedException {
        while (queue.isEmpty()) {
            wait();
        }
        PendingDelivery head = queue.peekFirst();
        inFlight = head.seq();
        return head;
    }

    /** Records an attempt of the head. */
    @Override
    public synchronized void update(PendingDelivery d) {
        if (!queue.isEmpty() && queue.peekFirst().seq() == d.seq()) {
            queue.removeFirst();
            queue.addFirst(d);
            write(d);
        }
    }

    /** Removes a finished delivery. */
    @Override
    public synchronized void remove(PendingDelivery d) {
        queue.removeIf(p -> p.seq() == d.seq());
        inFlight = -1;
        delete(d);
    }

    @Override
    public synchronized List<PendingDelivery> all() {
        return List.copyOf(queue);
    }

    /** Sleeps until the time, or until {@link #wake} (a changed webhook is worth trying at once). */
    @Override
    public void sleepUntil(Instant until) throws InterruptedException {
        alarm.sleepUntil(until);
    }

    @Override
    public void wake() {
        alarm.ring();
    }

    /** Forgets every delivery and its files (the webhook is removed). */
    @Override
    public synchronized void deleteAll() {
        deleted = true;
        queue.clear();
        try (Stream<Path> files = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.warnf("cannot remove the pending deliveries in %s: %s", dir, e.getMessage());
        }
    }

    private void write(PendingDelivery d) {
        try {
            PrivateFiles.write(file(d), json.writeValueAsBytes(d));
        } catch (IOException e) {
            // kept in memory: it is still sent unless the monitor stops first
            LOG.warnf("cannot keep delivery %s in %s: %s", d.id(), dir, e.getMessage());
        }
    }

    private void delete(PendingDelivery d) {
        try {
            Files.deleteIfExists(file(d));
        } catch (IOException e) {
            LOG.warnf("cannot remove delivery file %s: %s", file(d), e.getMessage());
        }
    }

    private Path file(PendingDelivery d) {
        return dir.resolve(String.format("%019d.json", d.seq()));
    }

    private void load() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().matches("[0-9]{19}\\.json")).sorted(Comparator.naturalOrder()).forEach(f -> {
                try {
                    queue.addLast(json.readValue(f.toFile(), PendingDelivery.class));
                } catch (IOException e) {
                    LOG.warnf("skipping unreadable delivery file %s", f);
                }
            });
        } catch (IOException e) {
            LOG.warnf("cannot read pending deliveries from %s: %s", dir, e.getMessage());
        }
        nextSeq = queue.isEmpty() ? 0 : queue.peekLast().seq() + 1;
        while (queue.size() > max) {
            delete(queue.removeFirst());
        }
    }
}
