package dev.keel.scheduler;

/** Image names as kube-scheduler compares them: a name without a tag or digest means {@code :latest}. */
public final class ImageNames {

    private ImageNames() {}

    public static String normalize(String image) {
        int slash = image.lastIndexOf('/');
        String last = image.substring(slash + 1);
        if (last.contains(":") || last.contains("@")) {
            return image;
        }
        return image + ":latest";
    }
}
