package dev.keel.scheduler;

/**
 * A resource a node is short of for a pod: what the pod requests, what is already requested there, and what the
 * node can allocate (millicores for cpu, bytes for memory and storage, units otherwise). Immutable.
 */
public record InsufficientResource(String resource, long requested, long used, long capacity) {}
