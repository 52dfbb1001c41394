package io.coreswarm.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keys a replica holds alone under its lease, the value naming the holder: a monitor target it
 * polls, a cluster's operation lock. A claim is taken in one etcd transaction (only if the key is
 * absent), so two replicas never both hold it; it lasts until released or until the holder's
 * lease expires, i.e. within one TTL of the holder's death.
 */
public final class Claims {
    private final EtcdStore store;
    private final LeaseKeeper lease;
    private final String holder;

    public Claims(EtcdStore store, LeaseKeeper lease, String holder) {
        this.store = store;
        this.lease = lease;
        this.holder = holder;
    }

    /** The replica id written into each claim. */
    public String holder() {
        return holder;
    }

    /** Takes {@code key} if nobody holds it; true if this replica holds it now (newly or already). */
    public boolean claim(String key) {
        if (store.create(key, holder, lease.id())) {
            return true;
        }
        return holder(key).filter(holder::equals).isPresent();
    }

    /** Lets go of {@code key} if this replica holds it. */
    public void release(String key) {
        store.deleteIfValue(key, holder);
    }

    /** Who holds {@code key}, if anyone. */
    public Optional<String> holder(String key) {
        return store.get(key).map(StoredValue::value);
    }

    /** Every claim under {@code prefix}: key (without the prefix) to holder. */
    public Map<String, String> holders(String prefix) {
        Map<String, String> all = new LinkedHashMap<>();
        for (StoredValue v : store.list(prefix)) {
            all.put(v.key().substring(prefix.length()), v.value());
        }
        return all;
    }
}
