/**
 * keel's Kubernetes scheduler: the model and the framework in {@code dev.keel.scheduler}, kube-scheduler's default
 * plugins in {@code .plugins}, manifests and KubeSchedulerConfiguration files in {@code .manifest}.
 */
module dev.keel.scheduler {
    requires transitive dev.keel.time;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires static transitive org.jspecify;

    exports dev.keel.scheduler;
    exports dev.keel.scheduler.plugins;
    exports dev.keel.scheduler.manifest;
}
