package io.coreswarm.api.health;

/** A cluster's health in one word; the reasons say why. */
public enum HealthStatus {
    HEALTHY, DEGRADED, DOWN, UNKNOWN
}
