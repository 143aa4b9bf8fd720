/**
 * Reading and writing Kubernetes manifests: v1 Node and Pod YAML or JSON, resource quantities, and
 * KubeSchedulerConfiguration files; and the report of a scheduling run in the scenarios' shape.
 *
 * <p>Thread safety: the readers are stateless and thread-safe; reports are immutable values.
 */
@NullMarked
package dev.keel.scheduler.manifest;

import org.jspecify.annotations.NullMarked;
